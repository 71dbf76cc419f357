#!/bin/sh
# Runs the VM's program tests built for a 32-bit Cortex-M3 (31-bit small integers, 4-byte
# pointers) under QEMU mps2-an385, console through semihosting. The machine does not power off
# when main returns, so this waits for the summary line, then stops QEMU; it passes when the
# summary reports no failures. Usage: qemu-arm-test.sh ELF [timeout-seconds]
elf="$1"
limit="${2:-240}"
log=$(mktemp)
qemu-system-arm -M mps2-an385 -nographic -no-reboot \
  -semihosting-config enable=on,target=native -kernel "$elf" >"$log" 2>&1 &
pid=$!
waited=0
while ! grep -q ' passed, [0-9]* failed$' "$log"; do
  if ! kill -0 "$pid" 2>/dev/null || [ "$waited" -ge "$limit" ]; then break; fi
  sleep 1
  waited=$((waited + 1))
done
kill "$pid" 2>/dev/null
wait "$pid" 2>/dev/null
cat "$log"
grep -q ' passed, 0 failed$' "$log"
status=$?
rm -f "$log"
exit $status
