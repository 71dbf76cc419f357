/* Containers (container.c): one verified image, its heap, globals, constants, tasks and inbox.
 * The struct itself is in internal.h; the public face is eave_vm.h. */
#ifndef EAVE_CONTAINER_H
#define EAVE_CONTAINER_H
#include "internal.h"

eave_container *eave_container_new(eave_vm *vm, const uint8_t *bytes, size_t length, const char *name,
                                   size_t quota, eave_load_result *result);
void eave_container_free(eave_container *c);
eave_task *eave_spawn(eave_container *c, eave_value *lambda_slot);
bool eave_take_message(eave_container *c, eave_value *result);
bool eave_deliver(eave_container *to, const uint8_t *bytes, size_t length, eave_vm_error *error);
#endif
