#!/usr/bin/env bash
# Fuzzes one of sanse's loading entry points with libFuzzer under AddressSanitizer and
# LeakSanitizer (the Fuzz/ package; see README "Fuzzing").
#
#   scripts/fuzz.sh <target> [seconds | <N>runs]      default: 60 seconds
#
# Targets: parcels, control-lines, towns (GeoJSON), config (YAML), attributes (CSV join),
# blocks-csv (sanse diff), batch-manifest (YAML). SANSE_FUZZ_FULL_RUN=1 also runs the whole
# pipeline on every input that loads. Inputs that reach new code go to Fuzz/.work/<target>/corpus;
# crashes, leaks, timeouts and contract violations to Fuzz/.work/<target>/findings. Replay one
# with `scripts/fuzz.sh <target> <file>`. Once fixed, copy it to Fuzz/regressions/<target>/,
# where `swift test` replays it.
set -euo pipefail
cd "$(dirname "$0")/.."

usage="usage: scripts/fuzz.sh <parcels|control-lines|towns|config|attributes|blocks-csv|batch-manifest> [seconds|<N>runs|input-file]"
target=${1:?$usage}
budget=${2:-60}
case "$target" in
    parcels | control-lines | towns | config | attributes | blocks-csv | batch-manifest) ;;
    *) echo "$usage" >&2; exit 2 ;;
esac

# Release keeps sanse's own Swift fast, so more of the time goes to the inputs; the
# sanitizers and the coverage instrumentation are on either way. -sanitize=fuzzer must also
# reach the Swift compiles (SwiftPM's --sanitize=fuzzer instruments only C targets).
# SANSE_FUZZ_BINARY runs a binary built before instead (e.g. a copy, for long runs while
# the sources change).
configuration=${SANSE_FUZZ_CONFIGURATION:-release}
binary=${SANSE_FUZZ_BINARY:-Fuzz/.build/$configuration/sanse-fuzz}
if [[ -z ${SANSE_FUZZ_BINARY:-} ]]; then
    swift build --package-path Fuzz -c "$configuration" --sanitize=fuzzer --sanitize=address -Xswiftc -sanitize=fuzzer 2>&1 \
        | { grep -v "Cannot export local symbol" || true; } >&2
fi

work=Fuzz/.work/$target
mkdir -p "$work/corpus" "$work/findings"
export SANSE_FUZZ_TARGET=$target
# Swift's backtracer and ASan's handler fight over a crash; ASan's report is the useful one.
export SWIFT_BACKTRACE=enable=no
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:malloc_context_size=10}
export LSAN_OPTIONS=suppressions=$PWD/scripts/lsan-suppressions.txt:print_suppressions=0
options=(-max_len=65536 -timeout=30 -rss_limit_mb=4096 -print_final_stats=1)

if [[ -f $budget ]]; then
    exec "$binary" "${options[@]}" "$budget"
fi
if [[ $budget == *runs ]]; then limit=(-runs="${budget%runs}"); else limit=(-max_total_time="$budget"); fi
corpora=("$work/corpus" "Fuzz/corpus/$target")
[[ -d Fuzz/regressions/$target ]] && corpora+=("Fuzz/regressions/$target")
exec "$binary" "${options[@]}" "${limit[@]}" -artifact_prefix="$work/findings/" "${corpora[@]}"
