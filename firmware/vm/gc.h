/* The collector (gc.c): precise Cheney copying between the container's two semispaces. Roots:
 * every task's stack below its stack pointer, the globals, the materialised constants and the
 * value of an exception being thrown. Messages wait encoded outside the heap, so the inbox holds
 * no roots. Only the heap module calls eave_gc_collect (and GC_STRESS builds do it on every
 * allocation). */
#ifndef EAVE_GC_H
#define EAVE_GC_H
#include "internal.h"
void eave_gc_collect(eave_container *c);
#endif
