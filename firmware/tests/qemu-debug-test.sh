#!/usr/bin/env bash
# On-device debugging on an emulated board: boots IMAGE with `eave simulate --board BOARD --image
# IMAGE`, then dap-board-session.mjs drives `eave dap` (the real Java debug adapter, DAP on
# stdin/stdout) through one session over the board's serial pty: compile, install, a breakpoint,
# the stack and locals, step over, in and out, the output and the exit code. The board's firmware
# has the same device and debug agent as eave-sim, on its UART.
#   qemu-debug-test.sh BOARD IMAGE      exit 77 (skipped) when the CLI is not built
set -euo pipefail
board=$1
image=$2
root=$(cd "$(dirname "$0")/../.." && pwd)
fail() { echo "debug test $board: FAIL: $*" >&2; exit 1; }

what="debug test $board"
. "$root/firmware/tests/eave-cli.sh"
command -v node >/dev/null 2>&1 \
  || fail "node is missing: the DAP session script needs Node.js 18 or later (Debian: apt-get install nodejs)"

work=$(mktemp -d)
: >"$work/simulate.out"
# Started directly so that $! is the JVM: SIGTERM to it runs its shutdown hook, which stops QEMU.
"${cli[@]}" simulate --board "$board" --image "$image" --name "debug-$board" --store "$work/board.store" >"$work/simulate.out" 2>"$work/simulate.err" &
simulate_pid=$!
trap 'kill $simulate_pid 2>/dev/null || true; wait $simulate_pid 2>/dev/null || true; rm -rf "$work"' EXIT
pty=
for _ in $(seq 1 300); do
  pty=$(sed -n 's/^ *serial: *\(\/dev\/[^ ]*\)$/\1/p' "$work/simulate.out" | head -n 1)
  [ -n "$pty" ] && break
  kill -0 $simulate_pid 2>/dev/null || fail "eave simulate ended: $(cat "$work/simulate.out" "$work/simulate.err")"
  sleep 0.1
done
[ -n "$pty" ] || fail "eave simulate printed no serial port within 30 s: $(cat "$work/simulate.out" "$work/simulate.err")"
echo "debug test $board: $(head -n 1 "$work/simulate.out"), serial $pty"

# The adapter's debug info store (~/.eave/debug) goes to the work folder, not the user's.
dap=("$java" --enable-native-access=ALL-UNNAMED "-Duser.home=$work" -cp "$jar:$root/toolchain/cli/target/lib/*" io.eave.cli.Main dap)
node "$root/firmware/tests/dap-board-session.mjs" "$pty" "$work" -- "${dap[@]}" \
  || fail "the debugging session failed (above)"
echo "debug test $board: ok"
