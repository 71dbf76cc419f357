/** The compiler back end: bytecode, program images and debug info (docs/program-image.md, docs/bytecode.md). */
package io.eave.compiler;
