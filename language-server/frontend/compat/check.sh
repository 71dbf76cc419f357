#!/usr/bin/env bash
# Compatibility check: runs `eave analyze` over a folder of Toit code written by others (a corpus
# kept outside the repository) and prints every error, then the figures: files, lines, errors by
# code, warnings. Files that are meant to fail (negative tests) are left out by path.
# Usage: check.sh [--warnings] DIR      (see docs/toit-editor.md, "Toit code written by others")
# EAVE=/other/checkout/eave check.sh DIR measures another build (the figure before a change).
set -euo pipefail
warnings=no
if [ "${1:-}" = --warnings ]; then warnings=yes; shift; fi
[ $# -eq 1 ] && [ -d "$1" ] || { echo "usage: $0 [--warnings] DIR" >&2; exit 2; }
root=$(cd "$(dirname "$0")/../../.." && pwd)
# paths of deliberately invalid files (the reference implementation keeps them in these folders)
exclude=${COMPAT_EXCLUDE:-'/negative/|/invalid/|_fail\.toit|-fail\.toit'}
out=$(mktemp)
trap 'rm -f "$out"' EXIT
start=$(date +%s%N)
"${EAVE:-$root/eave}" analyze --format text "$1" > "$out" 2> /dev/null || true
ms=$(( ($(date +%s%N) - start) / 1000000 ))
files=$(find "$1" -name '*.toit' -not -path '*/.*/*' | grep -Ev "$exclude" | wc -l)
lines=$(find "$1" -name '*.toit' -not -path '*/.*/*' | grep -Ev "$exclude" | xargs cat | wc -l)
kept=$(grep -Ev "^[^:]*($exclude)" "$out" || true)
errors=$(grep ': error: ' <<< "$kept" || true)
[ -n "$errors" ] && echo "$errors"
[ $warnings = yes ] && (grep ': warning: ' <<< "$kept" || true)
count() { [ -z "$1" ] && echo 0 || wc -l <<< "$1"; }
echo "== $files files, $lines lines, $ms ms: $(count "$errors") errors in $(count "$(cut -d: -f1 <<< "$errors" | sort -u | sed '/^$/d')") files, $(count "$(grep ': warning: ' <<< "$kept" || true)") warnings"
[ -n "$errors" ] && sed -E 's/.*\[([a-z-]+)\]$/\1/' <<< "$errors" | sort | uniq -c | sort -rn
exit 0
