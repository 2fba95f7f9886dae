#!/usr/bin/env bash
# Runs the bundled demo survey (GeoData/demo, 5 000 parcels, every output) under valgrind's
# memcheck and fails if any memory is "definitely lost" or memcheck reports an error that
# scripts/valgrind.supp does not explain (each suppression there says why it is not sanse's).
#
#   scripts/valgrind-demo.sh [SANSE_BINARY]     default: the debug build (.build/debug/sanse)
#
# The debug build is what `make test` has already built; a release binary works too (its
# jemalloc is replaced by memcheck's allocator). ~5 min of CPU on the 2-core CI machine.
set -euo pipefail
cd "$(dirname "$0")/.."

binary=${1:-.build/debug/sanse}
if [ ! -x "$binary" ]; then
  swift build --product sanse
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/sanse-valgrind.XXXXXX")
trap 'rm -rf "$work"' EXIT

# valgrind 3.19 (Debian 12) cannot read the DWARF 5 debug info Swift 6 writes and gives up;
# a copy without it keeps the symbol table, so every stack still names its functions.
objcopy --strip-debug "$binary" "$work/sanse"

started=$(date +%s)
status=0
valgrind --tool=memcheck --leak-check=full --show-leak-kinds=definite --errors-for-leak-kinds=definite \
  --soname-synonyms=somalloc='*jemalloc*' --suppressions=scripts/valgrind.supp --num-callers=40 \
  --error-exitcode=99 --log-file="$work/memcheck.log" \
  "$work/sanse" demo --out "$work/demo" >"$work/stdout" 2>"$work/stderr" || status=$?
seconds=$(( $(date +%s) - started ))

grep -E "ERROR SUMMARY|definitely lost|indirectly lost|possibly lost|still reachable|All heap blocks" "$work/memcheck.log" \
  | sed -E 's/^==[0-9]+== +/valgrind: /' >&2
echo "valgrind: demo under memcheck took ${seconds} s" >&2

if [ "$status" -ne 0 ]; then
  if [ "$status" -eq 99 ]; then
    echo "valgrind: memcheck found errors or definite leaks:" >&2
  else
    echo "valgrind: sanse demo failed (exit $status):" >&2
    tail -5 "$work/stderr" >&2
  fi
  sed -E 's/^==[0-9]+== ?//' "$work/memcheck.log" >&2
  exit 1
fi
