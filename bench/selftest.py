#!/usr/bin/env python3
"""Self-test of the peer and the cross-check on the hand-made fixture.

    .venv-bench/bin/python bench/selftest.py [WORK_DIR]      (default /tmp/sanse-peer-selftest)

Builds the fixture (make_fixture.py), runs peer.py on it, checks the figures worked out by
hand (bench/README.md), then runs compare.py peer-vs-peer (must pass) and against perturbed
copies (must fail). Ends with `N passed, M failed`; exit 0 when all pass.
"""
import csv
import math
import os
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
PY = sys.executable
passed = failed = 0


def check(name, cond, detail=""):
    global passed, failed
    if cond:
        passed += 1
        print(f"PASS  {name}")
    else:
        failed += 1
        print(f"FAIL  {name} {detail}")


def run(*args):
    return subprocess.run([PY, *args], capture_output=True, text=True)


def rows(path, key):
    with open(path, encoding="utf-8") as f:
        return {r[key]: r for r in csv.DictReader(f)}


def near(a, b, tol=1e-9):
    return a != "" and math.isclose(float(a), b, rel_tol=tol, abs_tol=tol)


def main():
    work = sys.argv[1] if len(sys.argv) > 1 else "/tmp/sanse-peer-selftest"
    shutil.rmtree(work, ignore_errors=True)
    fx = os.path.join(work, "fixture")
    r = run(os.path.join(HERE, "make_fixture.py"), fx)
    check("make_fixture", r.returncode == 0, r.stderr[-500:])

    out = os.path.join(work, "peer")
    r = run(os.path.join(HERE, "peer.py"), "--parcels", f"{fx}/parcels.geojson", "--control-lines",
            f"{fx}/control-lines.geojson", "--towns", f"{fx}/towns.shp", "--out", out,
            "--stages-json", f"{work}/stages.json")
    check("peer.py runs", r.returncode == 0, r.stderr[-500:])
    if r.returncode:
        print(f"{passed} passed, {failed + 1} failed")
        return 1
    B, P = rows(f"{out}/blocks.csv", "block_id"), rows(f"{out}/parcels.csv", "parcel_id")

    def block_of(pid):
        return B[P[pid]["block_id"]]

    # partition: 10 blocks; 29.99 m joins, 30.01 m does not; null / point skipped; dup suffixed
    check("10 blocks, 14 parcels kept", len(B) == 10 and len(P) == 14, f"{len(B)} blocks, {len(P)} parcels")
    check("P01,P02,P03,P10 one block", len({P[p]["block_id"] for p in ("P01", "P02", "P03", "P10")}) == 1)
    check("P04-P05 (29.99 m) joined", P["P04"]["block_id"] == P["P05"]["block_id"])
    check("P05-P06 (30.01 m) apart", P["P05"]["block_id"] != P["P06"]["block_id"])
    check("P15 null / P16 point skipped", "P15" not in P and "P16" not in P)
    check("duplicate id suffixed P01#2", "P01#2" in P and near(P["P01#2"]["area_m2"], 2500))
    # areas
    b1 = block_of("P01")
    check("overlapping block land 32500 m²", near(b1["land_m2"], 32500))
    # two reflex corners filled by the closing: true circle 2·15²(1−π/4) = 96.57; 8-segment arcs give 98.55
    check("closing adds ≈ two reflex-corner fills", 96 < float(b1["outline_m2"]) - 32500 < 99, b1["outline_m2"])
    check("bow-tie repaired to 5000 m²", near(P["P07"]["area_m2"], 5000))
    check("P04+P05 land 20000, outline partly fills the 29.99 m road",
          near(block_of("P04")["land_m2"], 20000) and 20000 < float(block_of("P04")["outline_m2"]) < 22999)
    # control line
    check("P08 half inside: share 0.5, partial, distance 0",
          near(P["P08"]["inside_share"], 0.5) and P["P08"]["line_status"] == "partial"
          and near(P["P08"]["distance_to_line_m"], 0))
    check("ring control line polygonized: P01 inside", near(P["P01"]["inside_share"], 1.0)
          and P["P01"]["line_status"] == "inside" and P["P01"]["distance_to_line_m"] == "")
    for pid, d in (("P04", 190), ("P05", 319.99), ("P06", 450), ("P07", 250), ("P12", 50), ("P13", 290),
                   ("P14", math.hypot(350, 600)), ("P01#2", math.hypot(500, 200))):
        check(f"{pid} distance {d:.2f}", near(P[pid]["distance_to_line_m"], d, 1e-9), P[pid]["distance_to_line_m"])
    # efficiency and rules
    check("cd_share 2/3 (A类, full-width ｃ, D)", near(b1["cd_share"], 2 / 3))
    check("far area-weighted 1.4333", near(b1["far"], (1.5 + 0.8 + 2.0) / 3))
    check("tax_per_mu '12,345.6' & '3 000' → 7672.8", near(b1["tax_per_mu"], 7672.8))
    check("FAR from floor area 90000/75000", near(block_of("P12")["far"], 1.2))
    check("categories", (b1["category"], block_of("P08")["category"], block_of("P11")["category"],
                         block_of("P04")["category"]) == ("renew", "renew", "retain", "exit"))
    # scale and towns
    check("P13 block: 10 ha cluster, 180 亩 < 200 in 大镇",
          block_of("P13")["is_cluster_10ha"] == "True" and block_of("P13")["renovation_candidate"] == "False")
    check("P12 block: 112.5 亩 ≥ 100 in 小镇",
          block_of("P12")["is_cluster_10ha"] == "False" and block_of("P12")["renovation_candidate"] == "True")
    check("P14 straddling block goes to 龙山镇 (larger share, GBK shapefile)", block_of("P14")["town"] == "龙山镇")
    # ids
    order = [P[p]["block_id"] for p in ("P13", "P01", "P04", "P06", "P12", "P14", "P08", "P11", "P07", "P01#2")]
    check("block ids by town, area desc, smallest parcel id", order == [f"B{i:04d}" for i in range(1, 11)], order)

    # cross-check: peer vs itself passes, perturbed copies fail
    cmp = os.path.join(HERE, "compare.py")
    r = run(cmp, out, out)
    check("compare peer vs peer passes", r.returncode == 0 and r.stdout.strip().endswith("0 failed"), r.stdout[-300:])
    gj = os.path.join(work, "geojson-only")
    shutil.copytree(out, gj)
    for f in ("blocks.csv", "parcels.csv"):
        os.remove(os.path.join(gj, f))
    r = run(cmp, out, gj)
    check("compare CSV vs GeoJSON-only passes", r.returncode == 0, r.stdout[-300:])

    def perturbed(name, table, edit):
        d = os.path.join(work, name)
        shutil.copytree(out, d)
        path = os.path.join(d, f"{table}.csv")
        with open(path, encoding="utf-8") as f:
            rs = list(csv.DictReader(f))
        edit(rs)
        with open(path, "w", newline="", encoding="utf-8") as f:
            w = csv.DictWriter(f, fieldnames=list(rs[0].keys()))
            w.writeheader()
            w.writerows(rs)
        return run(cmp, out, d)

    def tiny(rs):
        for x in rs:
            x["land_m2"] = repr(float(x["land_m2"]) * (1 + 1e-8))
    r = perturbed("tiny", "blocks", tiny)
    check("compare tolerates 1e-8 relative", r.returncode == 0, r.stdout[-300:])

    def area(rs):
        rs[1]["land_m2"] = repr(float(rs[1]["land_m2"]) * (1 + 1e-5))
    r = perturbed("area", "blocks", area)
    check("compare catches 1e-5 relative land_m2", r.returncode == 1 and "FAIL  blocks.land_m2" in r.stdout)

    def status(rs):
        rs[6]["line_status"] = "inside"
    r = perturbed("status", "blocks", status)
    check("compare catches a line_status", r.returncode == 1 and "FAIL  blocks.line_status" in r.stdout)

    def move(rs):
        for x in rs:
            if x["parcel_id"] == "P06":
                x["block_id"] = P["P05"]["block_id"]
    r = perturbed("partition", "parcels", move)
    check("compare catches a changed partition", r.returncode == 1 and "FAIL  blocks.partition" in r.stdout)

    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
