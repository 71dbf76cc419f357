#!/usr/bin/env bash
# Boots a board image under QEMU with a device configuration loaded where the firmware reads it
# and its UART on a TCP socket; the probe (qemu_boot_probe.c) then expects the banner naming the
# board and the configured device, a HELLO over the device link, the console's ready line and a
# management answer: boot, configuration, both directions of the UART with receive interrupts,
# the timer (retransmissions) and the device behind the link all work.
#   qemu-boot-test.sh BOARD IMAGE PROBE
set -euo pipefail
board=$1
image=$2
probe=$3
fail() { echo "boot test $board: FAIL: $*" >&2; exit 1; }

case $board in
  qemu-arm) qemu=(qemu-system-arm -M mps2-an385); config_address=0x003FF000 ;;
  qemu-riscv) qemu=(qemu-system-riscv32 -M virt -bios none); config_address=0x803FF000 ;;
  *) fail "unknown board $board" ;;
esac
command -v "${qemu[0]}" >/dev/null || fail "${qemu[0]} is not installed (Debian: qemu-system-arm / qemu-system-misc)"
[ -f "$image" ] || fail "no image at $image"

work=$(mktemp -d)
name="boot-$board-$RANDOM"
"$probe" config "$work/config.bin" "$name" || fail "cannot write the device configuration"

# A free port: bind to 0 through the kernel, then hand the number to QEMU.
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null \
  || echo $((20000 + RANDOM % 20000)))
"${qemu[@]}" -nic none -no-reboot -display none -monitor none \
  -serial "tcp:127.0.0.1:$port,server=on,wait=on,nodelay=on" -kernel "$image" \
  -device "loader,file=$work/config.bin,addr=$config_address" >"$work/qemu.log" 2>&1 &
qemu_pid=$!
trap 'kill $qemu_pid 2>/dev/null || true; rm -rf "$work"' EXIT

# The probe retries until QEMU listens; QEMU (wait=on) starts the board once it is connected.
"$probe" check "$port" "$name" "$board" || fail "the firmware did not answer as expected (QEMU: $(cat "$work/qemu.log"))"
echo "boot test $board: ok"
