/* The checking loop: interpret.c once more, asking the debugger (eave_debug_check) before every
 * instruction. The scheduler runs a container here only while its debug flag is set. */
#define EAVE_INTERPRET_DEBUG 1
#include "interpret.c"
