#!/usr/bin/env bash
# Installs what sanse needs to build and test, from Debian's packages. Idempotent: installs
# only what is missing, runs `apt-get update` only when it has something to install, and uses
# sudo only when not already root.
set -euo pipefail

# The C libraries sanse is built on, pkg-config to find them, and the allocator the release
# build links.
build_packages=(pkg-config libgeos-dev libproj-dev libgdal-dev libssl-dev libsqlite3-dev libjemalloc-dev)
# Tools the tests use as real clients of sanse's outputs, and valgrind (with binutils'
# objcopy) for the memcheck run of the demo.
test_packages=(librsvg2-bin gdal-bin postgresql-15-postgis-3 chromium libjs-leaflet valgrind binutils)

want=("${build_packages[@]}")
if [ "${1:-}" != "--build-only" ]; then
  want+=("${test_packages[@]}")
fi

missing=()
for package in "${want[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "setup: missing ${missing[*]}, and apt-get is not available; install them by hand" >&2
  exit 1
fi

sudo=()
if [ "$(id -u)" -ne 0 ]; then
  sudo=(sudo)
fi

echo "setup: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
