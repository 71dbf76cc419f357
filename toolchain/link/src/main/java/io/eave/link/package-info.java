/** The device link: frames, channels, serial and TCP transports, discovery and authentication (docs/link-protocol.md). */
package io.eave.link;
