#!/usr/bin/env bash
# The golden program images run on an emulated board exactly as on the simulator: boots IMAGE
# with `eave simulate --board BOARD --image IMAGE`, then `eave run` installs and runs each
# docs/vectors/image/*.bin (hello, uncaught, ...) over the board's serial pty with the real Java
# link client, and compares with the vector's .expect: its output lines, "exit N" the exit code,
# "uncaught KIND" the uncaught exception report.
#   qemu-run-test.sh BOARD IMAGE      exit 77 (skipped) when the CLI is not built
set -euo pipefail
board=$1
image=$2
root=$(cd "$(dirname "$0")/../.." && pwd)
vectors=$root/docs/vectors/image
fail() { echo "run test $board: FAIL: $*" >&2; exit 1; }

what="run test $board"
. "$root/firmware/tests/eave-cli.sh"

work=$(mktemp -d)
: >"$work/simulate.out" # the background JVM opens it later than the loop below first reads it
# Started directly (not through the function) so that $! is the JVM: SIGTERM to it runs its
# shutdown hook, which stops QEMU.
"${cli[@]}" simulate --board "$board" --image "$image" --name "run-$board" --store "$work/board.store" >"$work/simulate.out" 2>"$work/simulate.err" &
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
echo "run test $board: $(head -n 1 "$work/simulate.out"), serial $pty"

# Every golden image with its expectation (hello and uncaught among them).
for expect in "$vectors"/*.expect; do
  vector=$(basename "$expect" .expect)
  [ -f "$vectors/$vector.bin" ] || continue
  code=0
  eave run "$vectors/$vector.bin" --device "$pty" >"$work/$vector.out" 2>"$work/$vector.err" || code=$?
  expected_code=0
  : >"$work/$vector.expected"
  while IFS= read -r line; do
    case $line in
      "exit "*) expected_code=${line#exit } ;;
      "uncaught "*)
        expected_code=1
        kind=${line#uncaught }
        grep -q "uncaught exception: $kind" "$work/$vector.err" \
          || fail "$vector: no report of the uncaught $kind: $(cat "$work/$vector.err")" ;;
      *) printf '%s\n' "$line" >>"$work/$vector.expected" ;;
    esac
  done <"$vectors/$vector.expect"
  diff -u "$work/$vector.expected" "$work/$vector.out" || fail "$vector: output differs (stderr: $(cat "$work/$vector.err"))"
  [ "$code" = "$expected_code" ] || fail "$vector: exit code $code, expected $expected_code (stderr: $(cat "$work/$vector.err"))"
  echo "run test $board: $vector.bin ok ($(tr '\n' ' ' <"$work/$vector.out"| head -c 80))"
done
