#!/usr/bin/env bash
# Runs two sanse binaries on the same surveys and fails unless every output file is the same,
# byte for byte. run.json is compared without its timings and without the library versions
# (`tool.libraries`), which a run records but which do not depend on the code.
#
#   scripts/check-same-outputs.sh OLD_BIN NEW_BIN [SURVEY_DIR ...]
#
# The surveys are the bundled demo (always) and each SURVEY_DIR given: a folder with
# parcels.geojson, control_lines.geojson and towns.geojson, as GeoData/demo/generate_survey.py
# writes. SANSE_SAME_SIZE=N generates an N-parcel survey under $TMPDIR when no folder is given
# (needs the bench venv: scripts/setup-python-env.sh).
set -euo pipefail

if [ $# -lt 2 ]; then
  echo "usage: $0 OLD_BIN NEW_BIN [SURVEY_DIR ...]" >&2
  exit 2
fi
old_bin=$(realpath "$1")
new_bin=$(realpath "$2")
shift 2
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/sanse-same.XXXXXX")
trap 'rm -rf "$work"' EXIT

surveys=("$@")
if [ ${#surveys[@]} -eq 0 ] && [ -n "${SANSE_SAME_SIZE:-}" ]; then
  python=$(bash "$repo/scripts/setup-python-env.sh")
  generated="${TMPDIR:-/tmp}/sanse-survey-$SANSE_SAME_SIZE"
  if [ ! -f "$generated/parcels.geojson" ]; then
    "$python" "$repo/GeoData/demo/generate_survey.py" --parcels "$SANSE_SAME_SIZE" --out "$generated" \
      --formats geojson --quiet
  fi
  surveys=("$generated")
fi

# Removes what may differ between two equal runs: the stage timings and the library versions.
normalise_manifest() {
  python3 - "$1" <<'EOF'
import json, sys
path = sys.argv[1]
with open(path, encoding="utf-8") as f:
    manifest = json.load(f)
manifest.pop("timings", None)
manifest.get("tool", {}).pop("libraries", None)
with open(path, "w", encoding="utf-8") as f:
    json.dump(manifest, f, ensure_ascii=False, sort_keys=True, indent=1)
EOF
}

compare() {
  local name=$1 old=$2 new=$3
  for folder in "$old" "$new"; do
    if [ ! -f "$folder/run.json" ]; then
      echo "DIFFERENT: $name: $folder has no run.json (the run failed; see $folder.log)" >&2
      cat "$folder.log" >&2 || true
      failed=1
      return
    fi
  done
  normalise_manifest "$old/run.json"
  normalise_manifest "$new/run.json"
  if diff -r -q "$old" "$new" >"$work/$name.diff"; then
    echo "same: $name ($(find "$old" -type f | wc -l) files)"
  else
    echo "DIFFERENT: $name" >&2
    cat "$work/$name.diff" >&2
    failed=1
  fi
}

failed=0
# Each side writes into a folder of the same name (the run's name comes from it).
mkdir -p "$work/old" "$work/new"
(cd "$repo" && "$old_bin" demo --out "$work/old/demo" >/dev/null 2>"$work/old/demo.log") || true
(cd "$repo" && "$new_bin" demo --out "$work/new/demo" >/dev/null 2>"$work/new/demo.log") || true
compare demo "$work/old/demo" "$work/new/demo"

for survey in "${surveys[@]}"; do
  label=$(basename "$survey")
  for side in old new; do
    bin=$old_bin
    [ "$side" = new ] && bin=$new_bin
    "$bin" run --parcels "$survey/parcels.geojson" --control-lines "$survey/control_lines.geojson" \
      --towns "$survey/towns.geojson" --out "$work/$side/$label" >/dev/null 2>"$work/$side/$label.log" || true
  done
  compare "$label" "$work/old/$label" "$work/new/$label"
done

if [ "$failed" -ne 0 ]; then
  echo "outputs differ" >&2
  exit 1
fi
echo "all outputs the same"
