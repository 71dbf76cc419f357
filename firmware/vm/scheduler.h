/* The scheduler (scheduler.c): round-robin slices between containers, cooperative tasks inside a
 * container, sleeping on the port's clock, exit reports and the debug agent's pause and
 * breakpoint hooks. Its API is the eave_vm_* part of eave_vm.h. */
#ifndef EAVE_SCHEDULER_H
#define EAVE_SCHEDULER_H
#include "container.h"
#endif
