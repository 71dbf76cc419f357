// One debugging session on a board, driven over DAP like an IDE would: starts `eave dap`
// (DAP on its stdin/stdout), launches a Toit program on the board's serial line and checks what a
// user sees: the breakpoint's line, the stack, a local and an object's fields, step over, in and
// out, the program's output and its exit code. No npm packages: the DAP framing
// (Content-Length headers, JSON) is written here, so the firmware's tests need only node.
//   node dap-board-session.mjs DEVICE WORKDIR -- EAVE_DAP_COMMAND...
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import assert from 'node:assert/strict';

const [device, work, separator, ...command] = process.argv.slice(2);
if (!device || !work || separator !== '--' || command.length === 0) {
  console.error('usage: node dap-board-session.mjs DEVICE WORKDIR -- EAVE_DAP_COMMAND...');
  process.exit(2);
}
const TIMEOUT = 30000; // a serial line at QEMU's pace: installing takes a few seconds

// main.toit as the user sees it; the line numbers matter.
const SOURCE = `class Dog:
  name := ?
  age := ?
  constructor .name .age:

bark dog/Dog:
  sound := "woof"
  print "$dog.name: $sound"

main:
  x := 5
  // make a dog
  dog := Dog "Rex" 3
  bark dog
  x = x + 1
  print x
`;

const program = path.join(work, 'board-debug', 'main.toit');
mkdirSync(path.dirname(program), { recursive: true });
writeFileSync(program, SOURCE);

// --- a minimal DAP client -------------------------------------------------------------------
const adapter = spawn(command[0], command.slice(1), { stdio: ['pipe', 'pipe', 'inherit'] });
adapter.on('error', (e) => fail(`cannot start the adapter: ${e.message}`));
let buffer = Buffer.alloc(0);
let seq = 1;
const pending = new Map();
const events = [];
let eventWaiter = null;
let output = '';
const started = Date.now();

function log(text) {
  console.log(`debug session: ${((Date.now() - started) / 1000).toFixed(1)} s: ${text}`);
}

function fail(message) {
  console.error(`debug session: FAIL: ${message}\nprogram output so far: ${JSON.stringify(output)}`);
  adapter.kill();
  process.exit(1);
}

adapter.stdout.on('data', (chunk) => {
  buffer = Buffer.concat([buffer, chunk]);
  for (;;) {
    const end = buffer.indexOf('\r\n\r\n');
    if (end < 0) return;
    const length = Number(/Content-Length: *(\d+)/i.exec(buffer.subarray(0, end).toString())?.[1]);
    if (!(length >= 0)) fail(`a DAP header without Content-Length: ${buffer.subarray(0, end)}`);
    if (buffer.length < end + 4 + length) return;
    const message = JSON.parse(buffer.subarray(end + 4, end + 4 + length).toString('utf8'));
    buffer = buffer.subarray(end + 4 + length);
    if (message.type === 'response') {
      const waiter = pending.get(message.request_seq);
      pending.delete(message.request_seq);
      if (waiter) message.success ? waiter.resolve(message.body ?? {}) : waiter.reject(new Error(`${message.command}: ${message.message}`));
    } else if (message.type === 'event') {
      if (message.event === 'output' && message.body.category === 'stdout') output += message.body.output;
      events.push(message);
      if (eventWaiter) eventWaiter();
    }
  }
});

function request(commandName, args) {
  const s = seq++;
  const json = Buffer.from(JSON.stringify({ seq: s, type: 'request', command: commandName, arguments: args }), 'utf8');
  adapter.stdin.write(`Content-Length: ${json.length}\r\n\r\n`);
  adapter.stdin.write(json);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no response to ${commandName} within ${TIMEOUT} ms`)), TIMEOUT);
    pending.set(s, {
      resolve: (body) => { clearTimeout(timer); resolve(body); },
      reject: (e) => { clearTimeout(timer); reject(e); },
    });
  });
}

/** The next event named `name` (earlier events of other names are dropped). */
async function event(name) {
  const end = Date.now() + TIMEOUT;
  for (;;) {
    const index = events.findIndex((e) => e.event === name);
    if (index >= 0) return events.splice(0, index + 1).pop().body ?? {};
    if (Date.now() > end) throw new Error(`no ${name} event within ${TIMEOUT} ms`);
    await new Promise((resolve) => {
      eventWaiter = resolve;
      setTimeout(resolve, 100);
    });
  }
}

async function frames(threadId) {
  return (await request('stackTrace', { threadId, startFrame: 0, levels: 20 })).stackFrames;
}

async function locals(frameId) {
  const scope = (await request('scopes', { frameId })).scopes.find((s) => s.name === 'Locals');
  assert.ok(scope, 'a Locals scope');
  return children(scope.variablesReference);
}

async function children(variablesReference) {
  const variables = (await request('variables', { variablesReference })).variables;
  return Object.fromEntries(variables.map((v) => [v.name, v]));
}

async function step(commandName, threadId) {
  await request(commandName, { threadId });
  const stopped = await event('stopped');
  assert.equal(stopped.reason, 'step', `${commandName} ends in a step stop`);
  return (await frames(threadId))[0];
}

// --- the session ----------------------------------------------------------------------------
try {
  const caps = await request('initialize', { adapterID: 'eave', clientID: 'board-test', linesStartAt1: true, columnsStartAt1: true, pathFormat: 'path' });
  assert.equal(caps.supportsConfigurationDoneRequest, true);
  await request('launch', { program, device, stopOnEntry: false });
  await event('initialized');
  log(`launched on ${device} (compiled and installed over the serial line)`);
  const placed = (await request('setBreakpoints', { source: { path: program }, breakpoints: [{ line: 12 }] })).breakpoints;
  assert.deepEqual([placed[0].verified, placed[0].line], [true, 13], 'the breakpoint on the comment moves to line 13');
  await request('setExceptionBreakpoints', { filters: ['uncaught'] });
  await request('configurationDone', {});

  const hit = await event('stopped');
  assert.equal(hit.reason, 'breakpoint');
  const threadId = hit.threadId;
  let stack = await frames(threadId);
  assert.deepEqual(stack.map((f) => `${f.name}:${f.line}`), ['main:13']);
  assert.equal(stack[0].source.path, program);
  assert.equal((await locals(stack[0].id)).x.value, '5');
  log('stopped at the breakpoint, main:13, x = 5');

  let top = await step('next', threadId);
  assert.equal(top.line, 14, 'step over the constructor call');
  const mainLocals = await locals(top.id);
  assert.equal(mainLocals.dog.value, 'Dog');
  const dog = await children(mainLocals.dog.variablesReference);
  assert.deepEqual([dog.name.value, dog.age.value], ['"Rex"', '3']);
  log('stepped over to main:14, dog = Dog(name "Rex", age 3)');

  top = await step('stepIn', threadId);
  stack = await frames(threadId);
  assert.deepEqual(stack.map((f) => `${f.name}:${f.line}`), ['bark:7', 'main:14'], 'step in enters bark');
  log('stepped into bark:7, the caller at main:14');

  top = await step('next', threadId);
  assert.equal(top.line, 8);
  assert.equal((await locals(top.id)).sound.value, '"woof"');

  top = await step('stepOut', threadId);
  assert.equal(`${top.name}:${top.line}`, 'main:14', 'step out returns to the call in main');
  log('stepped over to bark:8 (sound = "woof"), then out to main:14');

  await request('continue', { threadId });
  const exited = await event('exited');
  assert.equal(exited.exitCode, 0);
  await event('terminated');
  assert.equal(output, 'Rex: woof\n6\n');
  log(`continued to the exit (code 0), output ${JSON.stringify(output)}`);
  await request('disconnect', {});
} catch (e) {
  fail(e.stack || String(e));
}
adapter.stdin.end();
adapter.kill();
process.exit(0);
