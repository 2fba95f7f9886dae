#!/usr/bin/env bash
# Create (or reuse) the Python virtual environment used by bench/ — the
# GeoPandas + shapely 2 peer and the cross-check.  Idempotent and quiet.
#
#   scripts/setup-python-env.sh            # venv at <repo>/.venv-bench
#   SANSE_VENV=/tmp/venv scripts/setup-python-env.sh
#
# Prints the venv's python path on success; exits non-zero on failure.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="${SANSE_VENV:-$repo_root/.venv-bench}"
packages=(geopandas "shapely>=2" pyogrio pyproj numpy scipy)

# Pick a Python >= 3.9 to build the venv with.
py=""
for candidate in python3 python3.12 python3.11 python3.10 python3.9 python; do
    if command -v "$candidate" >/dev/null 2>&1 &&
       "$candidate" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 9) else 1)' 2>/dev/null; then
        py="$candidate"
        break
    fi
done
if [[ -z "$py" ]]; then
    echo "setup-python-env: no python3 (>= 3.9) found; install it (apt-get install python3 python3-venv)" >&2
    exit 1
fi

if [[ ! -x "$venv/bin/python" ]]; then
    if ! "$py" -m venv "$venv" >/dev/null 2>&1; then
        echo "setup-python-env: '$py -m venv $venv' failed (Debian: apt-get install python3-venv)" >&2
        exit 1
    fi
fi

# Already complete? Then do nothing (no network).
check='
import sys
import geopandas, pyogrio, pyproj, numpy, scipy, shapely
sys.exit(0 if int(shapely.__version__.split(".")[0]) >= 2 else 1)
'
if "$venv/bin/python" -c "$check" >/dev/null 2>&1; then
    echo "$venv/bin/python"
    exit 0
fi

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
if ! "$venv/bin/python" -m pip install --quiet --disable-pip-version-check \
        --upgrade "${packages[@]}" >"$log" 2>&1; then
    echo "setup-python-env: pip install failed:" >&2
    tail -n 20 "$log" >&2
    exit 1
fi
if ! "$venv/bin/python" -c "$check" >"$log" 2>&1; then
    echo "setup-python-env: packages installed but import check failed:" >&2
    tail -n 20 "$log" >&2
    exit 1
fi
echo "$venv/bin/python"
