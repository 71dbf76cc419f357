#!/usr/bin/env bash
# Runs the Toit benchmarks of toit/ on the host VM (eave-vm-run) and the same algorithms of lua/
# on Debian's lua5.4, checks that both print the same checksum, and prints per benchmark the
# median CPU time (user + system) of each, the ratio Eave/Lua and the geometric mean of the
# ratios. CPU time rather than wall time: the build machine is shared, and a process that waits
# for a core is not charged for it.
#
# Usage: firmware/vm/bench/run-vs-lua.sh [RUNS] [BENCHMARK...]   (RUNS: default 5)
# Environment:
#   EAVE_VM_RUN   the eave-vm-run binary (default: built in /tmp/bench-build, Release)
#   EAVE_HEAP_KB  heap quota per semispace in KB (default 32768: alloc keeps 200,000 objects)
#   EAVE_COMPILE  command that compiles "FILE.toit -o FILE.img" (default: the compiler from
#                 toolchain/compiler/target/classes with the CLI's jars, else ./eave compile)
#   LUA           the Lua interpreter (default lua5.4)
set -euo pipefail
here=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)
root=$(cd "$here/../../.." && pwd)
runs=${1:-5}
shift || true
lua=${LUA:-lua5.4}
heap_kb=${EAVE_HEAP_KB:-32768}
work=$(mktemp -d "${TMPDIR:-/tmp}/eave-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

command -v "$lua" >/dev/null || { echo "run-vs-lua: $lua not found (apt-get install lua5.4)" >&2; exit 2; }

vm=${EAVE_VM_RUN:-}
if [ -z "$vm" ]; then
  # Configured once; the build is a no-op when the VM is up to date.
  vm=/tmp/bench-build/ports/host/eave-vm-run
  [ -f /tmp/bench-build/CMakeCache.txt ] ||
    cmake -S "$root/firmware" -B /tmp/bench-build -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build /tmp/bench-build -j2 --target eave-vm-run >/dev/null
fi

compile() {
  if [ -n "${EAVE_COMPILE:-}" ]; then
    $EAVE_COMPILE "$1" -o "$2" >/dev/null
    return
  fi
  local cli="$root/toolchain/cli/target/eave-cli-0.1.0-SNAPSHOT.jar"
  if [ -f "$cli" ]; then
    . "$root/.mvn/wrapper/java-home.sh"
    "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow \
      -cp "$root/toolchain/compiler/target/classes:$cli:$root/toolchain/cli/target/lib/*" \
      io.eave.cli.Main compile "$1" -o "$2" >/dev/null
  else
    "$root/eave" compile "$1" -o "$2" >/dev/null
  fi
}

# CPU time (user + system) of one run in seconds; its stdout goes to $work/out.
# (getrusage of the child through Python: microseconds, where time(1) gives hundredths).
time_run() {
  python3 -c '
import resource, subprocess, sys
with open(sys.argv[1], "wb") as out, open(sys.argv[2], "wb") as err:
    code = subprocess.call(sys.argv[3:], stdout=out, stderr=err)
r = resource.getrusage(resource.RUSAGE_CHILDREN)
print("%.4f" % (r.ru_utime + r.ru_stime))
sys.exit(code)' "$work/out" "$work/err" "$@" ||
    { echo "run-vs-lua: failed: $*" >&2; cat "$work/err" >&2; exit 1; }
}

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

if [ $# -gt 0 ]; then names=("$@"); else
  names=()
  for f in "$here"/toit/*.toit; do names+=("$(basename "$f" .toit)"); done
fi

printf '%-10s %12s %10s %10s %8s\n' benchmark checksum eave_s lua_s eave/lua
status=0
ratios=()
for name in "${names[@]}"; do
  compile "$here/toit/$name.toit" "$work/$name.img"
  eave_times=() lua_times=()
  for _ in $(seq "$runs"); do
    eave_times+=("$(time_run "$vm" "$work/$name.img" "$heap_kb")")
    eave_out=$(cat "$work/out")
    lua_times+=("$(time_run "$lua" "$here/lua/$name.lua")")
    lua_out=$(cat "$work/out")
  done
  e=$(printf '%s\n' "${eave_times[@]}" | median)
  l=$(printf '%s\n' "${lua_times[@]}" | median)
  ratio=$(awk -v e="$e" -v l="$l" 'BEGIN { printf "%.2f", e / l }')
  ratios+=("$ratio")
  mark=""
  if [ "$eave_out" != "$lua_out" ]; then mark="  MISMATCH: lua printed $lua_out"; status=1; fi
  printf '%-10s %12s %10.3f %10.3f %8s%s\n' "$name" "$eave_out" "$e" "$l" "$ratio" "$mark"
done
printf '%s\n' "${ratios[@]}" | awk '{ s += log($1); n++ } END { printf "geometric mean of eave/lua over %d benchmarks: %.2f\n", n, exp(s / n) }'
exit $status
