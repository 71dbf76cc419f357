#!/usr/bin/env bash
# Boots a board image under QEMU with its UART on a TCP socket, waits for the firmware's ready
# line, sends a line and expects it echoed back: the board's boot, UART (both directions, with
# receive interrupts) and timer work.
set -euo pipefail
board=$1
image=$2
timeout_s=${EAVE_BOOT_TIMEOUT:-20}
fail() { echo "boot test $board: FAIL: $*" >&2; exit 1; }

case $board in
  qemu-arm) qemu=(qemu-system-arm -M mps2-an385) ;;
  qemu-riscv) qemu=(qemu-system-riscv32 -M virt -bios none) ;;
  *) fail "unknown board $board" ;;
esac
command -v "${qemu[0]}" >/dev/null || fail "${qemu[0]} is not installed (Debian: qemu-system-arm / qemu-system-misc)"
[ -f "$image" ] || fail "no image at $image"

# A free port: bind to 0 through the kernel, then hand the number to QEMU.
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null \
  || echo $((20000 + RANDOM % 20000)))
log=$(mktemp)
"${qemu[@]}" -nic none -no-reboot -display none -monitor none \
  -serial "tcp:127.0.0.1:$port,server=on,wait=on,nodelay=on" -kernel "$image" >"$log" 2>&1 &
qemu_pid=$!
trap 'kill $qemu_pid 2>/dev/null || true; rm -f "$log"' EXIT

for _ in $(seq 1 100); do
  if { exec 3<>"/dev/tcp/127.0.0.1/$port"; } 2>/dev/null; then break; fi
  kill -0 $qemu_pid 2>/dev/null || fail "QEMU exited: $(cat "$log")"
  sleep 0.1
done
[ -e /dev/fd/3 ] || fail "could not connect to QEMU's serial port $port"

IFS= read -r -t "$timeout_s" banner <&3 || fail "no ready line within ${timeout_s} s"
banner=${banner%$'\r'}
case $banner in
  "eave firmware "*": ready") ;;
  *) fail "unexpected first line: '$banner'" ;;
esac

message="hello from the host $RANDOM"
printf '%s\n' "$message" >&3
IFS= read -r -t "$timeout_s" echoed <&3 || fail "no echo within ${timeout_s} s"
[ "$echoed" = "$message" ] || fail "sent '$message', got back '$echoed'"
echo "boot test $board: $banner; echo ok"
