#!/usr/bin/env python3
"""Cross-check two sanse result folders (e.g. the GeoPandas peer's and the Swift tool's).

    compare.py A_DIR B_DIR [--rel 1e-6] [--abs 1e-9] [--show 5]

Each folder holds blocks.csv / parcels.csv and/or blocks.geojson / parcels.geojson with the
SPEC property names. CSV is preferred when present (full double precision); a field the CSV
lacks is taken from the GeoJSON when that exists.

Checks: the same parcels; the same partition of parcels into blocks (as sets of parcel-id
sets, independent of numbering); the same block ids; per matched block land_m2, outline_m2,
inside_share, line_status, category, town, parcel_count, cd_share, far, tax_per_mu,
is_cluster_10ha, renovation_candidate; per parcel area_m2, inside_share, line_status,
distance_to_line_m, category. Numbers agree when |a - b| <= max(rel * max(|a|, |b|), abs).
A field that neither format of one side carries is skipped, not failed.

Prints a short report ending in `N passed, M failed[, K skipped]`; exit 0 when all agree,
1 otherwise, 2 on unreadable input. Standard library only.
"""
from __future__ import annotations

import argparse
import csv
import json
import math
import os
import sys

BLOCK_NUM = ["land_m2", "outline_m2", "inside_share", "cd_share", "far", "tax_per_mu"]
BLOCK_STR = ["line_status", "category", "town"]
BLOCK_INT = ["parcel_count"]
BLOCK_BOOL = ["is_cluster_10ha", "renovation_candidate"]
PARCEL_NUM = ["area_m2", "inside_share", "distance_to_line_m"]
PARCEL_STR = ["line_status", "category"]

csv.field_size_limit(sys.maxsize)


# --------------------------------------------------------------------------- loading
def norm_id(v):
    if v is None:
        return None
    if isinstance(v, float):
        if math.isnan(v):
            return None
        if v.is_integer():
            return str(int(v))
    s = str(v).strip()
    return s or None


def to_num(v):
    if v is None or isinstance(v, bool):
        return None if v is None else float(v)
    if isinstance(v, (int, float)):
        return None if isinstance(v, float) and math.isnan(v) else float(v)
    s = str(v).strip().replace(",", "")
    if s.lower() in ("", "nan", "null", "none", "na", "<na>"):
        return None
    try:
        f = float(s)
    except ValueError:
        return s          # not a number: compared as text, so it shows up
    return None if math.isnan(f) else f


def to_bool(v):
    if v is None or isinstance(v, bool):
        return v
    if isinstance(v, (int, float)):
        return bool(v)
    s = str(v).strip().lower()
    if s in ("true", "t", "1", "yes", "y"):
        return True
    if s in ("false", "f", "0", "no", "n"):
        return False
    return None if s in ("", "null", "none", "nan") else s


def to_str(v):
    if v is None:
        return None
    if isinstance(v, float) and math.isnan(v):
        return None
    s = str(v).strip()
    return s or None


def read_csv(path):
    with open(path, newline="", encoding="utf-8-sig") as f:
        rows = list(csv.DictReader(f))
    fields = set(rows[0].keys()) if rows else set()
    return rows, fields


def read_geojson(path):
    with open(path, encoding="utf-8") as f:
        fc = json.load(f)
    rows = [feat.get("properties") or {} for feat in fc.get("features", [])]
    fields = set()
    for r in rows:
        fields.update(r.keys())
    return rows, fields


def load_table(folder, name, key):
    """{key: row}, {field: source description} merging CSV (preferred) and GeoJSON."""
    csv_path = os.path.join(folder, f"{name}.csv")
    gj_path = os.path.join(folder, f"{name}.geojson")
    sources = []
    if os.path.exists(csv_path):
        sources.append((f"{name}.csv", *read_csv(csv_path)))
    if os.path.exists(gj_path):
        sources.append((f"{name}.geojson", *read_geojson(gj_path)))
    if not sources:
        raise FileNotFoundError(f"{folder}: neither {name}.csv nor {name}.geojson")
    table, origin = {}, {}
    for label, rows, fields in sources:
        if key not in fields:
            continue
        new_fields = [f for f in fields if f not in origin]
        if not new_fields:
            continue
        for f in new_fields:
            origin[f] = label
        for r in rows:
            k = norm_id(r.get(key))
            if k is None:
                continue
            row = table.setdefault(k, {})
            for f in new_fields:
                row[f] = r.get(f)
    if key not in origin:
        raise ValueError(f"{folder}: {name} has no '{key}' field")
    return table, origin


# --------------------------------------------------------------------------- checking
class Report:
    def __init__(self, show):
        self.show = show
        self.passed = self.failed = self.skipped = 0

    def ok(self, name, detail):
        self.passed += 1
        print(f"PASS  {name}: {detail}")

    def fail(self, name, detail, examples=()):
        self.failed += 1
        print(f"FAIL  {name}: {detail}")
        for e in list(examples)[: self.show]:
            print(f"        {e}")

    def skip(self, name, detail):
        self.skipped += 1
        print(f"SKIP  {name}: {detail}")


def num_close(a, b, rel, abs_):
    if a is None or b is None:
        return a is None and b is None
    if isinstance(a, str) or isinstance(b, str):
        return a == b
    if math.isinf(a) or math.isinf(b):
        return a == b
    return abs(a - b) <= max(rel * max(abs(a), abs(b)), abs_)


def compare_field(rep, name, pairs, conv, equal, origin_a, origin_b, field):
    """pairs: [(label, row_a, row_b)]."""
    if field not in origin_a or field not in origin_b:
        side = "A" if field not in origin_a else "B"
        rep.skip(name, f"side {side} has no '{field}'")
        return
    bad = []
    for label, ra, rb in pairs:
        a, b = conv(ra.get(field)), conv(rb.get(field))
        if not equal(a, b):
            extra = ""
            if isinstance(a, float) and isinstance(b, float) and max(abs(a), abs(b)) > 0:
                extra = f"  (diff {abs(a - b):.3g}, rel {abs(a - b) / max(abs(a), abs(b)):.3g})"
            bad.append(f"{label}: {a!r} vs {b!r}{extra}")
    if bad:
        rep.fail(name, f"{len(bad)}/{len(pairs)} differ", bad)
    else:
        rep.ok(name, f"{len(pairs)} agree")


def main(argv=None):
    ap = argparse.ArgumentParser(description="Cross-check two sanse result folders.")
    ap.add_argument("a")
    ap.add_argument("b")
    ap.add_argument("--rel", type=float, default=1e-6, help="relative tolerance (default 1e-6)")
    ap.add_argument("--abs", type=float, default=1e-9, help="absolute tolerance near 0 (default 1e-9)")
    ap.add_argument("--show", type=int, default=5, help="examples shown per failing check")
    args = ap.parse_args(argv)

    try:
        blocks_a, bo_a = load_table(args.a, "blocks", "block_id")
        blocks_b, bo_b = load_table(args.b, "blocks", "block_id")
        parcels_a, po_a = load_table(args.a, "parcels", "parcel_id")
        parcels_b, po_b = load_table(args.b, "parcels", "parcel_id")
    except (OSError, ValueError) as e:
        print(f"compare: {e}", file=sys.stderr)
        return 2
    for side, folder, bo, po in (("A", args.a, bo_a, po_a), ("B", args.b, bo_b, po_b)):
        srcs = sorted(set(bo.values()) | set(po.values()))
        print(f"{side}: {folder}  ({', '.join(srcs)}; {len(blocks_a if side == 'A' else blocks_b)} blocks, "
              f"{len(parcels_a if side == 'A' else parcels_b)} parcels)")

    rep = Report(args.show)
    close = lambda a, b: num_close(a, b, args.rel, args.abs)  # noqa: E731
    same = lambda a, b: a == b  # noqa: E731

    # ---- same parcels
    ids_a, ids_b = set(parcels_a), set(parcels_b)
    if ids_a == ids_b:
        rep.ok("parcels.ids", f"the same {len(ids_a)} parcel ids")
    else:
        only_a, only_b = sorted(ids_a - ids_b), sorted(ids_b - ids_a)
        rep.fail("parcels.ids", f"{len(only_a)} only in A, {len(only_b)} only in B",
                 [f"only in A: {', '.join(only_a[:10])}", f"only in B: {', '.join(only_b[:10])}"])

    # ---- partition (sets of parcel-id sets)
    def groups(parcels):
        g = {}
        for pid, row in parcels.items():
            g.setdefault(norm_id(row.get("block_id")), set()).add(pid)
        return {bid: frozenset(s) for bid, s in g.items()}

    groups_a, groups_b = groups(parcels_a), groups(parcels_b)
    by_set_b = {s: bid for bid, s in groups_b.items()}
    matched = [(ba, by_set_b[s]) for ba, s in sorted(groups_a.items(), key=lambda kv: str(kv[0]))
               if s in by_set_b]
    unmatched_a = [ba for ba, s in groups_a.items() if s not in by_set_b]
    unmatched_b = [bb for bb, s in groups_b.items() if s not in set(groups_a.values())]
    if not unmatched_a and not unmatched_b:
        rep.ok("blocks.partition", f"the same {len(matched)} blocks (as sets of parcels)")
    else:
        ex = [f"A {ba}: {{{', '.join(sorted(groups_a[ba])[:6])}{', …' if len(groups_a[ba]) > 6 else ''}}}"
              for ba in sorted(unmatched_a, key=str)]
        ex += [f"B {bb}: {{{', '.join(sorted(groups_b[bb])[:6])}{', …' if len(groups_b[bb]) > 6 else ''}}}"
               for bb in sorted(unmatched_b, key=str)]
        rep.fail("blocks.partition", f"{len(matched)} blocks match; {len(unmatched_a)} of A and "
                 f"{len(unmatched_b)} of B have no counterpart", ex)

    # every block in the blocks table should be a block of the parcels table and vice versa
    for side, blocks, grp in (("A", blocks_a, groups_a), ("B", blocks_b, groups_b)):
        missing = sorted(set(grp) - set(blocks), key=str)
        empty = sorted(set(blocks) - set(grp), key=str)
        if missing or empty:
            rep.fail(f"blocks.table[{side}]", f"{len(missing)} block ids of parcels not in blocks table, "
                     f"{len(empty)} blocks without parcels", [f"{', '.join(map(str, missing[:10]))} / "
                                                              f"{', '.join(map(str, empty[:10]))}"])

    # ---- block ids
    differ = [f"{{{', '.join(sorted(groups_a[ba])[:4])}…}}: {ba} vs {bb}" for ba, bb in matched if ba != bb]
    if differ:
        rep.fail("blocks.block_id", f"{len(differ)}/{len(matched)} matched blocks are numbered differently", differ)
    else:
        rep.ok("blocks.block_id", f"all {len(matched)} matched blocks carry the same id")

    # ---- block figures
    bpairs = [(ba if ba == bb else f"{ba}/{bb}", blocks_a.get(ba, {}), blocks_b.get(bb, {})) for ba, bb in matched]
    for f in BLOCK_NUM:
        compare_field(rep, f"blocks.{f}", bpairs, to_num, close, bo_a, bo_b, f)
    for f in BLOCK_STR:
        compare_field(rep, f"blocks.{f}", bpairs, to_str, same, bo_a, bo_b, f)
    for f in BLOCK_INT:
        compare_field(rep, f"blocks.{f}", bpairs, to_num, same, bo_a, bo_b, f)
    for f in BLOCK_BOOL:
        compare_field(rep, f"blocks.{f}", bpairs, to_bool, same, bo_a, bo_b, f)

    # ---- parcel figures
    ppairs = [(pid, parcels_a[pid], parcels_b[pid]) for pid in sorted(ids_a & ids_b)]
    for f in PARCEL_NUM:
        compare_field(rep, f"parcels.{f}", ppairs, to_num, close, po_a, po_b, f)
    for f in PARCEL_STR:
        compare_field(rep, f"parcels.{f}", ppairs, to_str, same, po_a, po_b, f)

    summary = f"{rep.passed} passed, {rep.failed} failed"
    if rep.skipped:
        summary += f", {rep.skipped} skipped"
    print(summary)
    return 0 if rep.failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
