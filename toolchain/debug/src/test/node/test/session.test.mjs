// The Eave debug adapter driven by a DAP client nobody here wrote: VS Code's DebugClient
// (@vscode/debugadapter-testsupport) spawns the adapter as VS Code would (DAP on its stdin and
// stdout, here `java @ARGFILE` running io.eave.debug.DapOverStdio from the module's test
// classpath) and debugs a Toit program on the real eave-sim over TCP: breakpoints, the stack, a
// local and an object's fields, step in, over and out, an uncaught exception breakpoint, the
// program's output and its exit. Every assertion is what a VS Code user would see.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { DebugClient } from '@vscode/debugadapter-testsupport';

const TIMEOUT = 20000;
const SECRET = 'dap-client-test-secret';

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
  throw "boom"
`;

function required(name) {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set: run this test through Maven (./mvnw verify -pl toolchain/debug), which sets it`);
  }
  return value;
}

const java = required('EAVE_JAVA');
const classpath = required('EAVE_TEST_CLASSPATH');
const root = required('EAVE_ROOT');

let work;
let argfile;
let simulatorBinary;

before(() => {
  work = mkdtempSync(path.join(tmpdir(), 'eave-dap-client-'));
  // java @ARGFILE: DebugClient passes the adapter exactly one argument.
  argfile = path.join(work, 'adapter.args');
  const quote = (s) => '"' + s.replace(/\\/g, '\\\\').replace(/"/g, '\\"') + '"';
  writeFileSync(argfile, [
    '-cp', quote(classpath),
    quote(`-Deave.debug.store=${path.join(work, 'debug-store')}`),
    quote(`-Deave.root=${root}`),
    ...(process.env.EAVE_SIM ? [quote(`-Deave.sim=${process.env.EAVE_SIM}`)] : []),
    'io.eave.debug.DapOverStdio',
  ].join('\n') + '\n');
  const found = spawnSync(java, [`@${argfile}`, '--find-simulator'], { encoding: 'utf8' });
  assert.equal(found.status, 0, `finding or building eave-sim failed:\n${found.stderr}`);
  simulatorBinary = found.stdout.trim().split('\n').pop();
});

after(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

/** Starts eave-sim; resolves with its process and the TCP port and pty it prints. */
function startSimulator(name) {
  const sim = spawn(simulatorBinary, ['--name', name, '--store', path.join(work, `${name}.store`), '--secret', SECRET],
    { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    const found = { process: sim };
    const lines = readline.createInterface({ input: sim.stdout });
    const timer = setTimeout(() => reject(new Error('eave-sim printed no addresses within 10 s')), 10000);
    sim.on('error', reject);
    sim.on('exit', (code) => reject(new Error(`eave-sim exited with code ${code} before serving`)));
    lines.on('line', (line) => {
      let m;
      if ((m = /^tcp: .*:(\d+)$/.exec(line))) found.tcpPort = Number(m[1]);
      if ((m = /^serial: (.*)$/.exec(line))) found.serial = m[1].trim();
      if (line.startsWith('secret: ')) {
        clearTimeout(timer);
        resolve(found);
      }
    });
  });
}

/** A DebugClient on a fresh adapter process, collecting the program's stdout. */
async function startClient() {
  const dc = new DebugClient(java, `@${argfile}`, 'eave', { cwd: work }, true);
  dc.defaultTimeout = TIMEOUT;
  dc.programOutput = '';
  dc.on('output', (e) => {
    if (e.body.category === 'stdout') dc.programOutput += e.body.output;
  });
  await dc.start();
  return dc;
}

async function waitForOutput(dc, text) {
  const end = Date.now() + TIMEOUT;
  while (!dc.programOutput.includes(text)) {
    if (Date.now() > end) throw new Error(`no output ${JSON.stringify(text)}; so far: ${JSON.stringify(dc.programOutput)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function topFrames(dc, threadId) {
  return (await dc.stackTraceRequest({ threadId, startFrame: 0, levels: 20 })).body.stackFrames;
}

async function locals(dc, frameId) {
  const scopes = (await dc.scopesRequest({ frameId })).body.scopes;
  const scope = scopes.find((s) => s.name === 'Locals');
  assert.ok(scope, `a Locals scope among ${scopes.map((s) => s.name)}`);
  return children(dc, scope.variablesReference);
}

async function children(dc, variablesReference) {
  const variables = (await dc.variablesRequest({ variablesReference })).body.variables;
  return Object.fromEntries(variables.map((v) => [v.name, v]));
}

/** Sends a step and waits for its stop; returns the new top frame. */
async function step(dc, request, threadId) {
  const stopped = dc.waitForEvent('stopped');
  await dc[request]({ threadId });
  const event = await stopped;
  assert.equal(event.body.reason, 'step', `${request} ends in a step stop`);
  return (await topFrames(dc, threadId))[0];
}

/** initialize, launch, the initialized event: the session waits for its configuration. */
async function launch(dc, program, device) {
  const caps = (await dc.initializeRequest({
    adapterID: 'eave', clientID: 'vscode', linesStartAt1: true, columnsStartAt1: true, pathFormat: 'path',
  })).body;
  assert.equal(caps.supportsConfigurationDoneRequest, true);
  assert.deepEqual(caps.exceptionBreakpointFilters.map((f) => f.filter), ['uncaught', 'all']);
  const initialized = dc.waitForEvent('initialized');
  await dc.launchRequest({ program, device, secret: SECRET, stopOnEntry: false });
  await initialized;
}

async function withSession(name, body) {
  const sim = await startSimulator(name);
  const dc = await startClient();
  try {
    const program = path.join(work, name, 'main.toit');
    mkdirSync(path.dirname(program), { recursive: true });
    writeFileSync(program, SOURCE);
    await body(dc, program, `127.0.0.1:${sim.tcpPort}`);
  } finally {
    await dc.stop();
    sim.process.removeAllListeners('exit');
    sim.process.kill();
  }
}

test('a whole session: breakpoints, stack, locals, step in, over and out, an uncaught exception, the exit', async () => {
  await withSession('session', async (dc, program, device) => {
    await launch(dc, program, device);
    const placed = (await dc.setBreakpointsRequest({
      source: { path: program }, breakpoints: [{ line: 12 }, { line: 14 }, { line: 9 }],
    })).body.breakpoints;
    assert.deepEqual(placed.map((b) => [b.verified, b.line]).slice(0, 2), [[true, 13], [true, 14]],
      'a comment line moves to the next statement');
    assert.equal(placed[2].verified, false, 'line 9 is between methods');
    await dc.setExceptionBreakpointsRequest({ filters: ['uncaught'] });

    const atFirst = dc.assertStoppedLocation('breakpoint', { path: program, line: 13 });
    await dc.configurationDoneRequest();
    await atFirst;
    const threads = (await dc.threadsRequest()).body.threads;
    assert.equal(threads.length, 1);
    const threadId = threads[0].id;
    let frames = await topFrames(dc, threadId);
    assert.equal(frames[0].name, 'main');
    assert.equal((await locals(dc, frames[0].id)).x.value, '5');

    const atSecond = dc.assertStoppedLocation('breakpoint', { path: program, line: 14 });
    await dc.continueRequest({ threadId });
    frames = (await atSecond).body.stackFrames;
    const mainLocals = await locals(dc, frames[0].id);
    assert.equal(mainLocals.x.value, '5');
    assert.equal(mainLocals.dog.value, 'Dog');
    const dog = await children(dc, mainLocals.dog.variablesReference);
    assert.equal(dog.name.value, '"Rex"');
    assert.equal(dog.age.value, '3');
    assert.equal((await dc.evaluateRequest({ expression: 'dog.name', frameId: frames[0].id, context: 'hover' })).body.result, '"Rex"');

    let top = await step(dc, 'stepInRequest', threadId);
    assert.equal(top.line, 7, 'step in enters bark at its first statement');
    frames = await topFrames(dc, threadId);
    assert.deepEqual(frames.map((f) => f.name), ['bark', 'main']);
    assert.equal(frames[1].line, 14, 'the caller is at its call');

    top = await step(dc, 'nextRequest', threadId);
    assert.equal(top.line, 8);
    assert.equal((await locals(dc, top.id)).sound.value, '"woof"');
    assert.ok(!dc.programOutput.includes('Rex: woof'), 'line 8 has not run yet');

    top = await step(dc, 'stepOutRequest', threadId);
    assert.equal(top.name, 'main');
    assert.equal(top.line, 14, 'step out stops in main, in the middle of line 14');
    await waitForOutput(dc, 'Rex: woof\n');

    top = await step(dc, 'nextRequest', threadId);
    assert.equal(top.line, 15, 'step over finishes line 14');
    top = await step(dc, 'nextRequest', threadId);
    assert.equal(top.line, 16);
    assert.equal((await locals(dc, top.id)).x.value, '6');

    const thrown = dc.waitForEvent('stopped');
    await dc.continueRequest({ threadId });
    const exception = (await thrown).body;
    assert.equal(exception.reason, 'exception');
    assert.match(`${exception.text} ${exception.description}`, /boom/);
    frames = await topFrames(dc, threadId);
    const throwing = frames.find((f) => f.name === 'main');
    assert.ok(throwing, `main among ${frames.map((f) => `${f.name}:${f.line}`)}`);
    assert.equal(throwing.line, 17, 'main is at its throw');
    await waitForOutput(dc, '6\n');

    const exited = dc.waitForEvent('exited');
    const terminated = dc.waitForEvent('terminated');
    await dc.continueRequest({ threadId });
    assert.notEqual((await exited).body.exitCode, 0, 'an uncaught exception ends the program with an error');
    await terminated;
  });
});

test("DebugClient's own scenario: hitBreakpoint, then run to the end without exception stops", async () => {
  await withSession('scenario', async (dc, program, device) => {
    await dc.hitBreakpoint({ program, device, secret: SECRET }, { path: program, line: 8 });
    const threadId = (await dc.threadsRequest()).body.threads[0].id;
    const frames = await topFrames(dc, threadId);
    assert.deepEqual(frames.map((f) => `${f.name}:${f.line}`), ['bark:8', 'main:14']);
    await dc.setExceptionBreakpointsRequest({ filters: [] });
    const terminated = dc.waitForEvent('terminated');
    await dc.continueRequest({ threadId });
    await terminated;
    assert.equal(dc.programOutput, 'Rex: woof\n6\n');
  });
});
