#!/usr/bin/env bash
# Copies the board images the firmware module built into this bundle, with images/manifest.properties:
# for each board its version, file, SHA-256 and size. A board whose image was not built (its
# cross compiler is missing) is left out and named on the way.
# It also bundles the host simulator eave-sim (linux-x86_64) that the IDE starts as its default
# device: the firmware module's build of it when there is one, else built here with CMake from
# firmware/ into this module's target/ (a narrow build of the plugins alone); with no binary and
# no CMake it is left out with a warning, and the IDE then says so.
set -euo pipefail
built=$1
out=$2
firmware_src=${3:-}
sim_build=${4:-}
rm -rf "$out"
mkdir -p "$out"
manifest=$out/manifest.properties
echo "# Eave firmware images: board.<name>.<key>=value; the host simulator: host.<os-arch>.<key>=value" > "$manifest"
boards=()
for properties in "$built"/board-*/eave-*.properties; do
  [ -e "$properties" ] || continue
  board=$(sed -n 's/^board=//p' "$properties")
  file=$(sed -n 's/^file=//p' "$properties")
  image=$(dirname "$properties")/$file
  if [ ! -f "$image" ]; then
    echo "[WARNING] firmware image for $board missing at $image; not bundled" >&2
    continue
  fi
  cp "$image" "$out/$file"
  {
    echo "board.$board.version=$(sed -n 's/^version=//p' "$properties")"
    echo "board.$board.file=$file"
    echo "board.$board.sha256=$(sha256sum "$image" | cut -d' ' -f1)"
    echo "board.$board.size=$(stat -c %s "$image")"
  } >> "$manifest"
  boards+=("$board")
done
echo "boards=${boards[*]:-}" >> "$manifest"
echo "bundled firmware images: ${boards[*]:-none}"

# The host simulator.
sim=$built/cmake/ports/host/eave-sim
if [ ! -x "$sim" ] && [ -n "$firmware_src" ] && [ -n "$sim_build" ] && command -v cmake >/dev/null 2>&1; then
  echo "eave-sim not built by the firmware module; building it into $sim_build"
  cmake -S "$firmware_src" -B "$sim_build" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
  cmake --build "$sim_build" --target eave-sim --parallel 2 >/dev/null
  sim=$sim_build/ports/host/eave-sim
fi
if [ -x "$sim" ] && [ "$(uname -s)-$(uname -m)" = "Linux-x86_64" ]; then
  file=eave-sim-linux-x86_64
  cp "$sim" "$out/$file"
  {
    echo "host.linux-x86_64.file=$file"
    echo "host.linux-x86_64.sha256=$(sha256sum "$sim" | cut -d' ' -f1)"
    echo "host.linux-x86_64.size=$(stat -c %s "$sim")"
  } >> "$manifest"
  echo "bundled the simulator: $file"
else
  echo "[WARNING] eave-sim for linux-x86_64 not bundled: build the firmware module (./mvnw install -pl firmware) or install cmake and gcc" >&2
fi
