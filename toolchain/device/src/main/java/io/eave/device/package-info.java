/**
 * Host side of the management protocol (docs/management-protocol.md): the message codec
 * ({@link io.eave.device.ManagementCodec}), the messages ({@link io.eave.device.Message}) and a
 * client that matches responses to requests over an abstract {@link io.eave.device.Channel}
 * ({@link io.eave.device.ManagementClient}).
 */
package io.eave.device;
