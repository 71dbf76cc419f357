#!/usr/bin/env bash
# Copies the board images the firmware module built into this bundle, with images/manifest.properties:
# for each board its version, file, SHA-256 and size. A board whose image was not built (its
# cross compiler is missing) is left out and named on the way.
set -euo pipefail
built=$1
out=$2
rm -rf "$out"
mkdir -p "$out"
manifest=$out/manifest.properties
echo "# Eave firmware images: board.<name>.<key>=value" > "$manifest"
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
