/* The debug agent (docs/debug-protocol.md, docs/debug-agent.md): one per VM. It serves the
 * host's requests arriving on the device link's debug channel for one attached container at a
 * time (breakpoints, pause, continue, steps by ranges, tasks, frames, locals, objects, globals,
 * exception stops) and sends STOPPED, CONTINUED and EXITED events, while the VM's other
 * containers run on. It reaches into the VM through the debug hooks (eave_vm_set_debug_hooks)
 * and the VM's internals; the VM pays nothing for it while no breakpoint or step is set. */
#ifndef EAVE_DEBUG_AGENT_H
#define EAVE_DEBUG_AGENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "eave_vm.h"

/* Bytes of messages kept for the link while it cannot take them (events sent from inside a
 * VM step, answers to a burst of requests); beyond it messages are dropped and counted. */
#ifndef EAVE_DEBUG_OUTBOX
#define EAVE_DEBUG_OUTBOX 4096u
#endif

/* The debug channel of the device link (docs/link-protocol.md). */
#define EAVE_DEBUG_CHANNEL 3u

typedef struct {
  void *context;
  /* Sends one message on the debug channel; false when the link cannot take it now (the agent
   * keeps it and tries again in eave_debug_agent_poll). */
  bool (*send)(void *context, const uint8_t *bytes, size_t length);
  /* The installed image called `name` (to attach before START); false when there is none. The
   * bytes need to stay valid only during the call's caller (the agent copies nothing). */
  bool (*installed)(void *context, const char *name, const uint8_t **bytes, size_t *length);
} eave_debug_agent_port;

typedef struct eave_debug_agent eave_debug_agent;

/* An agent for `vm` (memory from the VM's port), installed as its debugger; NULL without memory. */
eave_debug_agent *eave_debug_agent_new(eave_vm *vm, const eave_debug_agent_port *port);
/* Uninstalls and frees the agent (before the VM is freed). */
void eave_debug_agent_free(eave_debug_agent *agent);

/* One message that arrived on the debug channel; the answer goes out through port->send. Call
 * it between VM steps, never from inside one. */
void eave_debug_agent_handle(eave_debug_agent *agent, const uint8_t *bytes, size_t length);

/* Sends what waits in the agent's outbox as far as the link takes it. */
void eave_debug_agent_poll(eave_debug_agent *agent);

/* Messages dropped because the outbox was full. */
uint32_t eave_debug_agent_dropped(const eave_debug_agent *agent);

#endif
