/* The container heap (heap.c): bump allocation in one of two semispaces, constructors for the
 * built-in kinds and the VM's error strings. The declarations live in internal.h; this header is
 * the module's name for those who only allocate. */
#ifndef EAVE_HEAP_H
#define EAVE_HEAP_H
#include "internal.h"
#endif
