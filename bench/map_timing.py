#!/usr/bin/env python3
"""How long sanse takes to draw its 三色 maps on a large survey.

    python3 bench/map_timing.py [--parcels 100000] [--repeats 3] [--data /tmp/sanse-bench]

Generates the survey once, as benchmark.py does (GeoData/demo/generate_survey.py, fixed seed;
the generator runs in the bench venv of scripts/setup-python-env.sh), builds the release sanse
if it is missing, runs it `repeats` times and prints the "write maps" stage of each run's
run.json (map.svg and one map per town) beside the run's wall time, then the medians.
Another thread writes the GeoPackage while the maps are drawn: on two cores their time
includes that competition.
"""
import argparse
import json
import shutil
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from benchmark import ROOT, SANSE, generate

MAP_STAGE = "write maps"


def run_once(folder, out):
    """Runs sanse on the generated survey; returns (map seconds, wall seconds, map.svg bytes, counts)."""
    inputs = ["--parcels", folder / "parcels.geojson", "--control-lines", folder / "control_lines.geojson",
              "--towns", folder / "towns.geojson"]
    started = time.monotonic()
    proc = subprocess.run([SANSE, "run", *inputs, "--out", out], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                          text=True)
    wall = time.monotonic() - started
    # 1: the survey has data problems; every output, the maps among them, is still written.
    if proc.returncode not in (0, 1):
        raise SystemExit(f"sanse failed (exit {proc.returncode}):\n{proc.stderr[-2000:]}")
    manifest = json.loads((out / "run.json").read_text())
    stages = {stage["stage"]: stage["seconds"] for stage in manifest["timings"]}
    if MAP_STAGE not in stages:
        raise SystemExit(f"run.json has no \"{MAP_STAGE}\" stage; its stages: {', '.join(stages)}")
    return stages[MAP_STAGE], wall, (out / "map.svg").stat().st_size, manifest["counts"]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--parcels", type=int, default=100_000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--data", default="/tmp/sanse-bench", help="where generated surveys are kept between runs")
    args = parser.parse_args()
    if not SANSE.exists():
        subprocess.run(["swift", "build", "-c", "release", "--product", "sanse"], cwd=ROOT, check=True)
    subprocess.run(["bash", str(ROOT / "scripts/setup-python-env.sh")], check=True, stdout=subprocess.DEVNULL)
    folder = generate(args.parcels, Path(args.data))
    work = Path(tempfile.mkdtemp(prefix="sanse-map-timing-"))
    try:
        maps, runs = [], []
        for attempt in range(args.repeats):
            seconds, wall, svg_bytes, counts = run_once(folder, work / "out")
            maps.append(seconds)
            runs.append(wall)
            print(f"run {attempt + 1}: {counts['parcels']:,} parcels, {counts['blocks']:,} blocks: "
                  f"maps {seconds:.2f} s of {wall:.2f} s, map.svg {svg_bytes / 1024:,.0f} KiB")
        print(f"median of {args.repeats}: maps {statistics.median(maps):.2f} s, run {statistics.median(runs):.2f} s")
    finally:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
