#!/usr/bin/env bash
# Draws sanse's 三色 maps for a person to look at: runs the release `sanse` on a survey and
# turns map.svg and every map-<镇街>.svg into a PNG beside it with rsvg-convert (the renderer
# the SVG map test checks the colours with), then lists the PNGs. The Chinese text needs a CJK
# font (e.g. Debian's fonts-noto-cjk).
#
#   scripts/render-maps.sh [OUT_DIR] [SURVEY_DIR]
#
# Without SURVEY_DIR: the bundled demo (GeoData/demo, as `sanse demo` runs it). SURVEY_DIR is a
# folder with parcels.geojson, control_lines.geojson and towns.geojson, as
# GeoData/demo/generate_survey.py writes; SANSE_MAPS_SIZE=N generates an N-parcel synthetic
# county under $TMPDIR instead (needs the bench venv: scripts/setup-python-env.sh).
# OUT_DIR (default $TMPDIR/sanse-maps) is replaced by the run. SANSE_BIN runs another binary;
# the default, .build/release/sanse, is built when missing.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
out=$(realpath -m "${1:-${TMPDIR:-/tmp}/sanse-maps}")
survey=${2:-}
sanse=${SANSE_BIN:-$repo/.build/release/sanse}

if ! command -v rsvg-convert >/dev/null; then
  echo "$0: rsvg-convert not found (apt-get install librsvg2-bin)" >&2
  exit 2
fi
if [ ! -x "$sanse" ]; then
  (cd "$repo" && swift build -c release --product sanse)
fi

if [ -z "$survey" ] && [ -n "${SANSE_MAPS_SIZE:-}" ]; then
  python=$(bash "$repo/scripts/setup-python-env.sh")
  survey="${TMPDIR:-/tmp}/sanse-survey-$SANSE_MAPS_SIZE"
  if [ ! -f "$survey/parcels.geojson" ]; then
    "$python" "$repo/GeoData/demo/generate_survey.py" --parcels "$SANSE_MAPS_SIZE" --out "$survey" \
      --formats geojson --quiet
  fi
fi

# sanse's report and the demo's summary table go to stderr: this script's stdout is the PNGs.
status=0
if [ -z "$survey" ]; then
  (cd "$repo" && "$sanse" demo --out "$out") >&2 || status=$?
else
  "$sanse" run --parcels "$survey/parcels.geojson" --control-lines "$survey/control_lines.geojson" \
    --towns "$survey/towns.geojson" --out "$out" >&2 || status=$?
fi
# Exit 1 is a survey with data problems (the demo's are deliberate): the maps are written.
if [ "$status" -gt 1 ]; then
  echo "$0: sanse failed (exit $status)" >&2
  exit "$status"
fi

for svg in "$out"/map.svg "$out"/map-*.svg; do
  [ -f "$svg" ] || continue
  rsvg-convert -o "${svg%.svg}.png" "$svg"
  echo "${svg%.svg}.png"
done
