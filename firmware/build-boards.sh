#!/usr/bin/env bash
# Builds the board firmware images with their cross compilers: build-boards.sh OUT_DIR REQUIRED.
# A board whose compiler is missing is skipped with a warning, or fails the build when REQUIRED
# is true (the test command requires them; CI installs the compilers).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=$1
required=${2:-false}
status=0

build_board() {
  local board=$1 toolchain=$2 compiler=$3 packages=$4
  if ! command -v "$compiler" >/dev/null 2>&1; then
    if [ "$required" = true ]; then
      echo "[ERROR] $board: $compiler not found; install: apt-get install $packages" >&2
      status=1
    else
      echo "[WARNING] $board image skipped: $compiler not found (apt-get install $packages)" >&2
    fi
    return
  fi
  cmake -S "$here" -B "$out/board-$board" -DEAVE_BOARD="$board" \
    -DCMAKE_TOOLCHAIN_FILE="$here/cmake/$toolchain.cmake" -DCMAKE_BUILD_TYPE=MinSizeRel >/dev/null
  cmake --build "$out/board-$board" --parallel
}

build_board qemu-arm arm-none-eabi arm-none-eabi-gcc "gcc-arm-none-eabi picolibc-arm-none-eabi qemu-system-arm"
build_board qemu-riscv riscv32-unknown-elf riscv64-unknown-elf-gcc "gcc-riscv64-unknown-elf picolibc-riscv64-unknown-elf qemu-system-misc"
exit $status
