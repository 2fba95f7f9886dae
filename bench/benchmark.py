#!/usr/bin/env python3
"""sanse against the GeoPandas peer on the same generated survey, side by side in one run.

    python3 bench/benchmark.py --sizes 10000,100000 [--repeats 3] [--large-repeats 1] [--data /tmp/sanse-bench]

First it builds sanse (release) and creates the peer's virtual environment
(scripts/setup-python-env.sh: GeoPandas, shapely 2, pyogrio) if they are missing. For each
size: generate the survey (once; GeoData/demo/generate_survey.py, fixed seed), run sanse and
the peer alternately `repeats` times on the same GeoJSON files, each under /usr/bin/time -v,
(sizes of 500 000 and more `large-repeats` times: the peer takes about ten minutes there),
take the median wall time, CPU time and peak RSS, cross-check the results with
bench/compare.py, and write BENCHMARKS.md with the machine, versions and the command.
Needs Debian's `time` package.
"""
import argparse
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV_PY = Path(os.environ.get("SANSE_VENV", ROOT / ".venv-bench")) / "bin" / "python"
SANSE = ROOT / ".build" / "release" / "sanse"


def timed(command, log):
    """Runs a command under /usr/bin/time -v; returns (wall s, peak RSS MB, user+sys CPU s, exit code)."""
    with open(log, "w") as out:
        started = time.monotonic()
        proc = subprocess.run(["/usr/bin/time", "-v"] + command, stdout=out, stderr=subprocess.STDOUT)
        wall = time.monotonic() - started
    text = Path(log).read_text(errors="replace")
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", text)
    cpu = sum(float(m) for m in re.findall(r"(?:User|System) time \(seconds\): ([\d.]+)", text))
    return wall, (int(rss.group(1)) / 1024 if rss else float("nan")), cpu, proc.returncode


def generate(size, data):
    folder = data / f"{size // 1000}k"
    if not (folder / "parcels.geojson").exists():
        print(f"generating {size} parcels into {folder}", file=sys.stderr)
        extra = ["--no-stats"] if size >= 500_000 else []
        subprocess.run([str(VENV_PY), str(ROOT / "GeoData/demo/generate_survey.py"), "--parcels", str(size),
                        "--out", str(folder), "--formats", "geojson,gpkg"] + extra, check=True)
    return folder


def run_size(size, repeats, large_repeats, data, results):
    folder = generate(size, data)
    inputs = ["--parcels", str(folder / "parcels.geojson"), "--control-lines", str(folder / "control_lines.geojson"),
              "--towns", str(folder / "towns.geojson")]
    out = data / "out" / f"{size // 1000}k"
    runs = {"sanse": [], "peer": []}
    if size >= 500_000:
        repeats = large_repeats
    for attempt in range(repeats):
        for tool in ("sanse", "peer"):
            target = out / tool
            if tool == "sanse":
                command = [str(SANSE), "run"] + inputs + ["--out", str(target)]
            else:
                command = [str(VENV_PY), str(ROOT / "bench/peer.py")] + inputs + ["--out", str(target),
                                                                                  "--stages-json", str(out / "peer-stages.json")]
            out.mkdir(parents=True, exist_ok=True)
            wall, rss, cpu, code = timed(command, out / f"{tool}-{attempt}.log")
            if tool == "sanse" and code not in (0, 1) or tool == "peer" and code != 0:
                raise SystemExit(f"{tool} failed on {size} parcels (exit {code}); see {out}/{tool}-{attempt}.log")
            runs[tool].append((wall, rss, cpu))
            print(f"{size:>9} {tool:5} run {attempt + 1}: {wall:7.1f} s {rss:8.0f} MB", file=sys.stderr)
    check = subprocess.run([sys.executable, str(ROOT / "bench/compare.py"), str(out / "peer"), str(out / "sanse")],
                           capture_output=True, text=True)
    # Kept beside the runs: which checks failed, and by how much.
    (out / "compare.log").write_text(check.stdout + check.stderr)
    summary = check.stdout.strip().splitlines()[-1] if check.stdout.strip() else "no output"
    stages = json.loads((out / "sanse" / "run.json").read_text())["timings"]
    results.append({
        "size": size,
        "repeats": repeats,
        "sanse_wall": statistics.median(w for w, _, _ in runs["sanse"]),
        "sanse_rss": statistics.median(r for _, r, _ in runs["sanse"]),
        "sanse_cpu": statistics.median(c for _, _, c in runs["sanse"]),
        "peer_wall": statistics.median(w for w, _, _ in runs["peer"]),
        "peer_rss": statistics.median(r for _, r, _ in runs["peer"]),
        "peer_cpu": statistics.median(c for _, _, c in runs["peer"]),
        "crosscheck": summary,
        "crosscheck_ok": check.returncode == 0,
        "stages": stages,
    })


def versions():
    swift = subprocess.run(["swift", "--version"], capture_output=True, text=True).stdout.splitlines()[0]
    peer = subprocess.run([str(VENV_PY), "-c", "import geopandas, shapely, pyogrio; print('geopandas', geopandas.__version__, "
                           "'shapely', shapely.__version__, 'GEOS', shapely.geos_version_string, 'pyogrio', pyogrio.__version__)"],
                          capture_output=True, text=True).stdout.strip()
    libs = subprocess.run(["pkg-config", "--modversion", "geos", "proj", "gdal"], capture_output=True, text=True).stdout.split()
    return swift, peer, libs


def write_report(results, command):
    swift, peer, libs = versions()
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    memory = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1)) / 1024 / 1024
    lines = [
        "# Benchmarks: sanse against the GeoPandas peer",
        "",
        f"Machine: {os.cpu_count()} cores ({cpu}), {memory:.0f} GiB. {swift}; sanse built with GEOS {libs[0]}, "
        f"PROJ {libs[1]}, GDAL {libs[2]}. Peer: {peer}.",
        "",
        "Both read the same generated GeoJSON survey (parcels, control lines, towns) and do the same work "
        "(SPEC semantics 1–10: read, CRS, repair, contiguity, dissolve, closing, control-line shares, towns, "
        "rules, ids) and write GeoJSON; sanse also writes every other SPEC output: the 三色 maps (county and one per town), the GeoPackage, tables and run.json. "
        "Median of the alternating runs (the runs column); wall time, CPU time (user + system) and peak RSS from /usr/bin/time -v. "
        "\"cores busy\" is CPU time over wall time (2 at most here); \"µs/parcel\" is sanse's wall time per parcel, "
        "which stays flat when cost grows linearly.",
        "",
        "| parcels | runs | sanse s | peer s | speed-up | sanse MB | peer MB | memory ratio | sanse cores busy | peer cores busy "
        "| sanse µs/parcel | cross-check |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for r in results:
        lines.append(f"| {r['size']:,} | {r['repeats']} | {r['sanse_wall']:.1f} | {r['peer_wall']:.1f} | {r['peer_wall'] / r['sanse_wall']:.1f}× | "
                     f"{r['sanse_rss']:.0f} | {r['peer_rss']:.0f} | {r['sanse_rss'] / r['peer_rss']:.2f} | "
                     f"{r['sanse_cpu'] / r['sanse_wall']:.2f} | {r['peer_cpu'] / r['peer_wall']:.2f} | "
                     f"{r['sanse_wall'] / r['size'] * 1e6:.0f} | {r['crosscheck']} |")
    for r in results:
        lines += ["", f"sanse stages at {r['size']:,} parcels (run.json):", "",
                  "| stage | s |", "|---|---:|"] + [f"| {s['stage']} | {s['seconds']:.2f} |" for s in r["stages"]]
    lines += ["", "Reproduce (builds sanse and the peer's venv first if needed):", "", "```sh", command, "```", ""]
    (ROOT / "BENCHMARKS.md").write_text("\n".join(lines))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--large-repeats", type=int, default=1, help="runs of each tool at 500 000 parcels and more")
    parser.add_argument("--data", default="/tmp/sanse-bench")
    args = parser.parse_args()
    subprocess.run(["bash", str(ROOT / "scripts/setup.sh"), "--build-only"], check=True)
    subprocess.run(["swift", "build", "-c", "release", "--product", "sanse"], cwd=ROOT, check=True)
    subprocess.run(["bash", str(ROOT / "scripts/setup-python-env.sh")], check=True, stdout=subprocess.DEVNULL)
    if not Path("/usr/bin/time").exists():
        raise SystemExit("install Debian's time package: apt-get install time")
    results = []
    for size in (int(s) for s in args.sizes.split(",")):
        run_size(size, args.repeats, args.large_repeats, Path(args.data), results)
    write_report(results, "python3 bench/benchmark.py " + " ".join(sys.argv[1:]))
    print((ROOT / "BENCHMARKS.md").read_text())
    if not all(r["crosscheck_ok"] for r in results):
        raise SystemExit("the cross-check found differences: the comparison is not of the same work")


if __name__ == "__main__":
    main()
