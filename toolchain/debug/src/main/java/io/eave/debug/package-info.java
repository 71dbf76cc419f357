/**
 * The Eave debug adapter: DAP (LSP4J's debug module) on one side, the debug agent's protocol
 * over the device link (docs/debug-protocol.md) on the other, with the compiler's debug info
 * (docs/debug-info.md) mapping between source lines and bytecode offsets. See
 * docs/debug-adapter.md.
 */
package io.eave.debug;
