#!/usr/bin/env bash
# The program store of an emulated board survives QEMU stopping, and a power cut in the middle of
# an install leaves the state before it, through the real CLI (eave simulate --board --store,
# eave compile, eave container) over the board's serial pty:
#   1. boot with a new store file, install `keeper` (prints, then sleeps) with run-on-boot;
#   2. kill QEMU (SIGKILL: a power cut), boot again on the same file: keeper is listed, flagged
#      run-on-boot and running, started by the boot alone;
#   3. install `big` (41 KB) and kill QEMU while its data streams in; boot again: keeper is still
#      there and running, big is not (its record was never committed);
#   4. install big again (the store compacts the torn record away), then stop QEMU and boot once
#      more: both are there.
#   qemu-store-test.sh BOARD IMAGE      exit 77 (skipped) when the CLI is not built
set -euo pipefail
board=$1
image=$2
root=$(cd "$(dirname "$0")/../.." && pwd)
fail() { echo "store test $board: FAIL: $*" >&2; exit 1; }
say() { echo "store test $board: $(date +%T) $*"; }

what="store test $board"
. "$root/firmware/tests/eave-cli.sh"

work=$(mktemp -d)
export EAVE_HOME=$work/home # the device folder of this run, not the user's
store=$work/board.store
simulate_pid=
qemu_pid=
stop_board() {
  [ -n "$simulate_pid" ] || return 0
  kill "$simulate_pid" 2>/dev/null || true
  wait "$simulate_pid" 2>/dev/null || true
  simulate_pid=
}
trap 'stop_board; rm -rf "$work"' EXIT

# Starts the board on $store and sets $pty, $simulate_pid and $qemu_pid (QEMU is the JVM's child).
boot() {
  : >"$work/simulate.out"
  "${cli[@]}" simulate --board "$board" --image "$image" --name "store-$board" --store "$store" \
    >"$work/simulate.out" 2>"$work/simulate.err" &
  simulate_pid=$!
  pty=
  for _ in $(seq 1 300); do
    pty=$(sed -n 's/^ *serial: *\(\/dev\/[^ ]*\)$/\1/p' "$work/simulate.out" | head -n 1)
    [ -n "$pty" ] && break
    kill -0 "$simulate_pid" 2>/dev/null || fail "eave simulate ended: $(cat "$work/simulate.out" "$work/simulate.err")"
    sleep 0.1
  done
  [ -n "$pty" ] || fail "eave simulate printed no serial port within 30 s: $(cat "$work/simulate.out" "$work/simulate.err")"
  grep -q "store: *$store " "$work/simulate.out" || fail "eave simulate does not name the store file: $(cat "$work/simulate.out")"
  qemu_pid=$(pgrep -P "$simulate_pid" | head -n 1)
  [ -n "$qemu_pid" ] || fail "no QEMU process under eave simulate ($simulate_pid)"
}

# A power cut: QEMU gets no chance to do anything more; the JVM then ends because QEMU did.
power_cut() {
  kill -KILL "$qemu_pid"
  wait "$simulate_pid" 2>/dev/null || true
  simulate_pid=
}

# Asks the board for its containers (each call costs a CLI start: the rows are read from this).
list() {
  eave container list --device "$pty" >"$work/list.out" 2>"$work/list.err" || fail "list failed: $(cat "$work/list.err")"
}

# The row of NAME in the last list, or nothing.
row() {
  awk -v n="$1" '$1 == n' "$work/list.out"
}

expect_running_on_boot() {
  local line
  line=$(row "$1")
  [ -n "$line" ] || fail "$1 is not listed after the reboot: $(cat "$work/list.out")"
  case $line in
    *" running "*"on boot"*) ;;
    *) fail "$1 is not running with run-on-boot after the reboot: $line" ;;
  esac
}

printf 'main:\n  print "keeper started"\n  sleep --ms=100_000_000\n' >"$work/keeper.toit"
# 40 KB of constant text: about 80 install chunks, time to cut the power among them.
python3 -c "
print('main:')
print('  print \"big \$(TEXT.size)\"')
print('TEXT ::= \"' + ''.join(chr(97 + (i * 7) % 26) for i in range(40000)) + '\"')" >"$work/big.toit"
eave compile "$work/keeper.toit" -o "$work/keeper.img" >/dev/null 2>"$work/compile.err" || fail "compile: $(cat "$work/compile.err")"
eave compile "$work/big.toit" -o "$work/big.img" >/dev/null 2>"$work/compile.err" || fail "compile: $(cat "$work/compile.err")"

# 1. A new store; keeper installed to run at boot.
boot
say "booted on a new store $(stat -c %s "$store") bytes, serial $pty"
eave container install keeper "$work/keeper.img" --run-on-boot --device "$pty" >/dev/null 2>"$work/install.err" \
  || fail "install keeper: $(cat "$work/install.err")"
list
[ -n "$(row keeper)" ] || fail "keeper is not listed after its install"

# 2. Power cut, boot again: keeper comes back and runs without being asked.
power_cut
boot
list
expect_running_on_boot keeper
say "keeper survived a power cut and started at boot: $(row keeper | tr -s ' ')"

# 3. Power cut in the middle of big's install.
eave container install big "$work/big.img" --device "$pty" >/dev/null 2>"$work/big.err" &
install_pid=$!
cut=
for _ in $(seq 1 600); do
  sent=$(tr '\r' '\n' <"$work/big.err" | sed -n 's/.*(\([0-9]*\) of \([0-9]*\) bytes).*/\1 \2/p' | tail -n 1)
  if [ -n "$sent" ] && [ "${sent% *}" -gt 0 ] && [ "${sent% *}" -lt $((${sent#* } / 2)) ]; then
    power_cut
    cut=$sent
    break
  fi
  kill -0 "$install_pid" 2>/dev/null || break
  sleep 0.02
done
# The CLI would wait for the gone board up to its install timeout: end it with the board.
kill "$install_pid" 2>/dev/null || true
wait "$install_pid" 2>/dev/null || true
[ -n "$cut" ] || fail "the install of big was not caught in the middle: $(tr '\r' '\n' <"$work/big.err" | tail -n 3)"
say "power cut after ${cut% *} of ${cut#* } bytes of big"
# The cut landed after the install began writing: big's record header (its name, 0-padded) is in
# the store file, uncommitted.
python3 -c "import sys; d = open(sys.argv[1], 'rb').read(1 << 20); sys.exit(0 if b'EAVR' in d and b'big\\0\\0\\0\\0' in d else 1)" "$store" \
  || fail "no trace of big's install in the store file: the power cut came before it began"
boot
list
expect_running_on_boot keeper
[ -z "$(row big)" ] || fail "big is listed after a power cut in the middle of its install: $(row big)"
say "after the cut: keeper intact, big absent"

# 4. The torn record does not block the store: big installs, and both survive a reboot.
# Timed against a list, which costs the same CLI start and connection: the difference is the
# install itself (41 KB over the pty, written to flash, verified, and a compaction first).
started=$(date +%s%N)
list
listed=$(date +%s%N)
eave container install big "$work/big.img" --device "$pty" >/dev/null 2>"$work/big.err" || fail "install big: $(cat "$work/big.err")"
installed=$(date +%s%N)
say "big installed (compacting the torn record away): $(( (installed - listed) / 1000000 )) ms, a list $(( (listed - started) / 1000000 )) ms"
stop_board
boot
list
expect_running_on_boot keeper
[ -n "$(row big)" ] || fail "big is not listed after the reboot: $(cat "$work/list.out")"
say "ok: keeper and big listed after the last reboot (store file $(stat -c %s "$store") bytes, $(du -k "$store" | cut -f1) KiB on disk)"
