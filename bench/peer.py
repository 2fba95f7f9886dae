#!/usr/bin/env python3
"""GeoPandas + shapely 2 peer of `sanse run` (SPEC "Reference semantics" 1-10).

A plain GeoPandas script, written the way a GIS engineer would write it, used
  (a) as the speed / memory peer in the benchmarks, and
  (b) as the reference for cross-checking the Swift tool's numbers (bench/compare.py).

    peer.py --parcels P --control-lines C [--towns T] [--gap 30] [--crs EPSG:xxxx]
            --out DIR [--stages-json FILE]

Writes to DIR: blocks.geojson, parcels.geojson (WGS 84, 7 decimals, SPEC property
names), blocks.csv, parcels.csv (same figures at full double precision, no
geometry), issues.csv (repaired / skipped features, duplicate ids).
"""
from __future__ import annotations

import argparse
import json
import math
import os
import re
import sys
import time
import unicodedata
import warnings

import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio
import shapely
from pyproj import CRS
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

# --------------------------------------------------------------------------- config
# Default field names (SPEC "Inputs"): first match in this order wins, case-insensitive.
FIELDS = {
    "parcel_id": ["parcel_id", "id", "宗地编号", "宗地号", "地块编号", "ZDDM", "DKBH"],
    "town": ["town", "镇街", "所属镇街", "乡镇", "所在乡镇", "SZXZ", "XZMC"],
    "enterprise": ["enterprise", "权利人", "土地使用权人", "企业名称", "用地单位", "QLR", "TDSYQR"],
    "grade": ["grade", "亩均评价", "评价等级", "亩均等级", "eval_result"],
    "tax_per_mu": ["tax_per_mu", "亩均税收", "MJSS"],
    "far": ["far", "容积率", "RJL"],
    "floor_area": ["floor_area", "建筑面积", "JZMJ"],
    "size_class": ["size_class", "规模", "镇类型"],
}
# A towns layer names its towns with the town field names, or a generic name field.
TOWN_NAME_FIELDS = FIELDS["town"] + ["name", "名称", "NAME"]

MU_M2 = 10000.0 / 15.0          # 1 亩 in m²
CLUSTER_MIN_M2 = 100000.0       # sizing.cluster_min_ha = 10
RENOVATION_MIN_MU = {"large": 200.0, "small": 100.0}
INSIDE_MIN_SHARE = 0.95
OUTSIDE_MAX_SHARE = 0.05
CHINA_BBOX = (73.0, 18.0, 135.0, 54.0)   # lon_min, lat_min, lon_max, lat_max
CATEGORY_ZH = {"retain": "保留提升", "renew": "更新转型", "exit": "腾挪退出"}

warnings.filterwarnings("ignore", category=RuntimeWarning)  # 0/0 in shares → NaN, handled


def log(msg: str) -> None:
    print(f"peer: {msg}", file=sys.stderr, flush=True)


def find_field(columns, names):
    lowered = {str(c).lower(): c for c in columns}
    for name in names:
        if name.lower() in lowered:
            return lowered[name.lower()]
    return None


# --------------------------------------------------------------------------- value cleaning
def to_number(series: pd.Series) -> pd.Series:
    """Numbers that may arrive as strings: '1,234.5', ' 2.0 ', full-width digits."""
    if pd.api.types.is_numeric_dtype(series):
        out = series.astype("float64")
    else:
        s = series.astype("string").str.normalize("NFKC").str.replace(r"[,\s]", "", regex=True)
        out = pd.to_numeric(s, errors="coerce").astype("float64")
    return out.where(np.isfinite(out))


def normalise_grade(series: pd.Series) -> pd.Series:
    """'A', 'a', 'A类', 'Ａ', 'C级' → A/B/C/D; anything else → missing."""
    s = series.astype("string").str.normalize("NFKC").str.strip().str.upper()
    s = s.str.replace(r"\s*[类級级]$", "", regex=True)
    return s.where(s.isin(["A", "B", "C", "D"]))


def normalise_size_class(series: pd.Series) -> pd.Series:
    s = series.astype("string").str.normalize("NFKC").str.strip().str.lower()
    return s.map(
        {"large": "large", "大": "large", "大镇": "large", "small": "small", "小": "small", "小镇": "small"}
    )


def clean_ids(series: pd.Series) -> pd.Series:
    if pd.api.types.is_float_dtype(series):
        ok = series.notna() & (series == np.floor(series))
        s = series.astype("string")
        s[ok] = series[ok].astype("int64").astype("string")
    else:
        s = series.astype("string")
    return s.str.strip().replace("", pd.NA)


# --------------------------------------------------------------------------- CRS
def analysis_crs(parcels: gpd.GeoDataFrame, requested: str | None) -> tuple[CRS, str]:
    if requested:
        return CRS.from_user_input(requested), "requested (--crs)"
    src = parcels.crs
    if src is not None and src.is_projected and src.axis_info and all(
        a.unit_name in ("metre", "meter") for a in src.axis_info
    ):
        return src, "parcels' projected CRS"
    # Geographic (or projected in other units): centre of the data in lon/lat.
    lonlat = parcels.geometry.to_crs(4326) if src is not None else parcels.geometry
    minx, miny, maxx, maxy = lonlat.total_bounds
    lon, lat = (minx + maxx) / 2.0, (miny + maxy) / 2.0
    if CHINA_BBOX[0] <= lon <= CHINA_BBOX[2] and CHINA_BBOX[1] <= lat <= CHINA_BBOX[3]:
        code = 4534 + int(math.floor((lon - 75.0) / 3.0 + 0.5))   # half-up, not banker's
        code = min(max(code, 4534), 4554)
        return CRS.from_epsg(code), f"CGCS2000 3-degree GK zone for centre {lon:.4f},{lat:.4f}"
    zone = int(math.floor((lon + 180.0) / 6.0)) % 60 + 1
    code = (32600 if lat >= 0 else 32700) + zone
    return CRS.from_epsg(code), f"WGS 84 UTM zone {zone} for centre {lon:.4f},{lat:.4f}"


LAYER_NAMES = {
    "parcels": ["parcels", "parcel", "宗地", "地块"],
    "control_lines": ["control_lines", "control-lines", "control_line", "controllines", "工业控制线", "控制线"],
    "towns": ["towns", "town", "镇街", "乡镇"],
}


def read_layer(path: str, role: str) -> gpd.GeoDataFrame:
    """Read one layer; in a multi-layer source (a GeoPackage holding everything) pick the
    layer named for the role (parcels / control_lines / towns), else the first."""
    layer = None
    try:
        names = [str(n) for n in pyogrio.list_layers(path)[:, 0]]
    except Exception:
        names = []
    if len(names) > 1:
        lowered = {n.lower(): n for n in names}
        layer = next((lowered[c] for c in LAYER_NAMES[role] if c in lowered), None)
    return gpd.read_file(path, engine="pyogrio", layer=layer)


# --------------------------------------------------------------------------- repair
def polygonal_parts(geoms: np.ndarray) -> np.ndarray:
    """Keep the polygonal parts of each geometry (collections → MultiPolygon)."""
    out = geoms.copy()
    tid = shapely.get_type_id(geoms)
    coll = np.flatnonzero(tid == 7)                       # GeometryCollection
    if len(coll):
        parts, idx = shapely.get_parts(geoms[coll], return_index=True)
        keep = np.isin(shapely.get_type_id(parts), (3, 6))
        parts, idx = parts[keep], idx[keep]
        # multipolygons() wants single polygons
        polys, pidx = shapely.get_parts(parts, return_index=True)
        owner = idx[pidx]
        merged = np.full(len(coll), None, dtype=object)
        if len(polys):
            mp = shapely.multipolygons(polys, indices=owner)
            merged[np.unique(owner)] = mp
        out[coll] = merged
    other = ~np.isin(shapely.get_type_id(out), (3, 6))
    out[other] = None
    return out


def repair(gdf: gpd.GeoDataFrame, ids: pd.Series, layer: str, issues: list) -> tuple[gpd.GeoDataFrame, np.ndarray]:
    """make_valid invalid features, keep polygonal parts; drop null/empty/non-polygonal."""
    geoms = np.array(gdf.geometry.values, dtype=object)
    null = shapely.is_missing(geoms) | shapely.is_empty(geoms)
    tid = shapely.get_type_id(geoms)
    nonpoly = ~null & ~np.isin(tid, (3, 6))
    invalid = ~null & ~nonpoly & ~shapely.is_valid(geoms)
    repaired = np.zeros(len(geoms), dtype=bool)
    if invalid.any():
        fixed = polygonal_parts(shapely.make_valid(geoms[invalid]))
        geoms[invalid] = fixed
        repaired[invalid] = True
    area = shapely.area(geoms)
    unrepairable = invalid & (shapely.is_missing(geoms) | shapely.is_empty(geoms) | ~(area > 0))
    repaired &= ~unrepairable
    for mask, reason in (
        (null, "null or empty geometry (skipped)"),
        (nonpoly, "non-polygonal geometry (skipped)"),
        (unrepairable, "invalid geometry, nothing polygonal after MakeValid (skipped)"),
        (repaired, "invalid geometry repaired with MakeValid"),
    ):
        for pid in ids[mask]:
            issues.append((layer, pid, reason))
    keep = ~(null | nonpoly | unrepairable)
    out = gdf.loc[keep].copy()
    out = out.set_geometry(gpd.GeoSeries(geoms[keep], index=out.index, crs=gdf.crs))
    return out, repaired[keep]


# --------------------------------------------------------------------------- control line
def control_union(ctrl: gpd.GeoDataFrame, issues: list) -> shapely.Geometry:
    geoms = shapely.get_parts(np.asarray(ctrl.geometry.values, dtype=object))
    geoms = geoms[~shapely.is_empty(geoms)]
    tid = shapely.get_type_id(geoms)
    polys = geoms[tid == 3]
    lines = geoms[np.isin(tid, (1, 2))]
    if len(lines):
        closed = shapely.is_closed(lines)
        if (~closed).any():
            issues.extend(("control-lines", str(i), "open LineString ignored") for i in np.flatnonzero(~closed))
        rings = [shapely.linearrings(shapely.get_coordinates(l)) for l in lines[closed]]
        polys = np.concatenate([polys, shapely.polygons(np.array(rings, dtype=object))]) if rings else polys
    bad = ~shapely.is_valid(polys)
    if bad.any():
        polys = polys.copy()
        polys[bad] = polygonal_parts(shapely.make_valid(polys[bad]))
    polys = polys[~shapely.is_missing(polys)]
    return shapely.union_all(polys)


def inside_shares(geoms: np.ndarray, C: shapely.Geometry) -> np.ndarray:
    """area(g ∩ C) / area(g), with the prepared-geometry fast paths."""
    shapely.prepare(C)
    share = np.zeros(len(geoms))
    inside = shapely.contains_properly(C, geoms)
    share[inside] = 1.0
    hit = shapely.intersects(C, geoms) & ~inside
    if hit.any():
        g = geoms[hit]
        share[hit] = shapely.area(shapely.intersection(g, C)) / shapely.area(g)
    return share


def distance_to(geoms: np.ndarray, C: shapely.Geometry) -> np.ndarray:
    """distance(g, C). shapely.distance(geoms, C) is brute force over C's vertices for every
    parcel (minutes for a detailed county control line), so use the usual trick: 0 where g
    meets C, else the nearest of C's boundary segments from an STRtree."""
    dist = np.zeros(len(geoms))
    away = ~shapely.intersects(C, geoms)
    if away.any() and not C.is_empty:
        rings = shapely.get_rings(shapely.get_parts(C))
        xy, ring = shapely.get_coordinates(rings, return_index=True)
        same = ring[:-1] == ring[1:]
        segments = shapely.linestrings(np.stack([xy[:-1][same], xy[1:][same]], axis=1))
        _, d = shapely.STRtree(segments).query_nearest(geoms[away], return_distance=True, all_matches=False)
        dist[away] = d
    elif away.any():
        dist[away] = np.nan
    return dist


def line_status(share: np.ndarray) -> np.ndarray:
    return np.where(share >= INSIDE_MIN_SHARE, "inside", np.where(share <= OUTSIDE_MAX_SHARE, "outside", "partial"))


# --------------------------------------------------------------------------- main
def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--parcels", required=True)
    ap.add_argument("--control-lines", required=True)
    ap.add_argument("--towns")
    ap.add_argument("--gap", type=float, default=30.0)
    ap.add_argument("--crs")
    ap.add_argument("--out", required=True)
    ap.add_argument("--stages-json")
    ap.add_argument("--default-size-class", choices=["large", "small"], default="small",
                    help="town size class when neither a towns layer nor a size field says (default: small)")
    args = ap.parse_args(argv)

    stages: dict[str, float] = {}
    t_all = time.perf_counter()
    clock = [time.perf_counter()]

    def lap(name):
        now = time.perf_counter()
        stages[name] = round(now - clock[0], 4)
        clock[0] = now

    issues: list[tuple[str, str, str]] = []

    # ---- read
    parcels = read_layer(args.parcels, "parcels")
    ctrl = read_layer(args.control_lines, "control_lines")
    towns = read_layer(args.towns, "towns") if args.towns else None
    n_read = len(parcels)
    lap("read")

    # ---- field mapping (part of read in spirit, but cheap)
    col = {k: find_field(parcels.columns.drop("geometry"), v) for k, v in FIELDS.items()}
    source_cols = [c for c in parcels.columns if c != "geometry"]
    if col["parcel_id"] is not None:
        pid = clean_ids(parcels[col["parcel_id"]])
    else:
        pid = pd.Series(pd.NA, index=parcels.index, dtype="string")
    pid = pid.fillna(pd.Series((np.arange(len(parcels)) + 1).astype(str), index=parcels.index).radd("fid "))
    dup = pid.groupby(pid).cumcount()
    if (dup > 0).any():
        for orig in pid[dup > 0].unique():
            issues.append(("parcels", orig, "duplicate parcel id (later copies suffixed #2, #3, …)"))
        pid = pid.where(dup == 0, pid + "#" + (dup + 1).astype(str))
    parcels["_pid"] = pid.astype(object)

    # ---- analysis CRS + reprojection
    if parcels.crs is None:
        b = parcels.total_bounds
        if np.all(np.abs(b[[0, 2]]) <= 180) and np.all(np.abs(b[[1, 3]]) <= 90):
            parcels = parcels.set_crs(4326)
        elif not args.crs:
            log(f"{args.parcels}: no CRS and coordinates are not lon/lat; pass --crs")
            return 2
        else:
            parcels = parcels.set_crs(args.crs)
    acrs, why = analysis_crs(parcels, args.crs)
    for layer in (ctrl, towns):
        if layer is not None and layer.crs is None:
            layer.set_crs(parcels.crs, inplace=True)
    parcels = parcels.to_crs(acrs)
    ctrl = ctrl.to_crs(acrs)
    if towns is not None:
        towns = towns.to_crs(acrs)
    log(f"analysis CRS {acrs.to_string()} ({why})")
    lap("crs")

    # ---- repair
    parcels, repaired = repair(parcels, parcels["_pid"], "parcels", issues)
    parcels["repaired"] = repaired
    parcels = parcels.reset_index(drop=True)
    geoms = np.asarray(parcels.geometry.values, dtype=object)
    parcels["area_m2"] = shapely.area(geoms)
    lap("repair")

    # ---- contiguity
    tree = shapely.STRtree(geoms)
    if args.gap > 0:
        left, right = tree.query(geoms, predicate="dwithin", distance=args.gap)
    else:
        left, right = tree.query(geoms, predicate="intersects")
    n = len(geoms)
    graph = coo_matrix((np.ones(len(left), dtype=np.int8), (left, right)), shape=(n, n))
    _, comp = connected_components(graph, directed=False)
    parcels["_comp"] = comp
    lap("contiguity")

    # ---- blocks: dissolve, land, outline
    blocks = parcels[["_comp", "geometry"]].dissolve(by="_comp")
    # Normal form (rings start at their smallest vertex): GEOS's buffer depends slightly on
    # where a ring starts, and the outline should depend on the land alone.
    land = shapely.normalize(np.asarray(blocks.geometry.values, dtype=object))
    blocks["land_m2"] = shapely.area(land)
    if args.gap > 0:
        outline = shapely.buffer(shapely.buffer(land, args.gap / 2.0, quad_segs=8), -args.gap / 2.0, quad_segs=8)
    else:
        outline = land
    blocks["outline_m2"] = shapely.area(outline)
    grp = parcels.groupby("_comp")
    blocks["parcel_count"] = grp.size()
    blocks["_min_pid"] = grp["_pid"].min()
    lap("blocks")

    # ---- control line
    C = control_union(ctrl, issues)
    parcels["inside_share"] = inside_shares(geoms, C)
    parcels["line_status"] = line_status(parcels["inside_share"].to_numpy())
    dist = np.full(n, np.nan)
    not_inside = (parcels["line_status"] != "inside").to_numpy()
    dist[not_inside] = distance_to(geoms[not_inside], C)
    parcels["distance_to_line_m"] = dist
    blocks["inside_share"] = inside_shares(land, C)
    blocks["line_status"] = line_status(blocks["inside_share"].to_numpy())
    lap("control_line")

    # ---- scale: block town, size class, thresholds
    ptown = parcels[col["town"]].astype("string").str.strip().replace("", pd.NA) if col["town"] else \
        pd.Series(pd.NA, index=parcels.index, dtype="string")
    parcels["town"] = ptown
    # by the parcels' town field, weighted by parcel area
    w = (parcels.assign(_t=ptown).dropna(subset=["_t"]).groupby(["_comp", "_t"], as_index=False)["area_m2"].sum())
    w = w.sort_values(["_comp", "area_m2", "_t"], ascending=[True, False, True]).drop_duplicates("_comp")
    blocks["town"] = w.set_index("_comp")["_t"].reindex(blocks.index)
    size_of_town: dict[str, str] = {}
    if col["size_class"] is not None:   # a size field on the parcels themselves
        sc = normalise_size_class(parcels[col["size_class"]])
        size_of_town = sc.groupby(ptown).agg(lambda s: s.dropna().mode().iat[0] if s.notna().any() else pd.NA).dropna().to_dict()
    if towns is not None:
        tname_col = find_field(towns.columns.drop("geometry"), TOWN_NAME_FIELDS)
        tsize_col = find_field(towns.columns.drop("geometry"), FIELDS["size_class"])
        towns = towns[~(towns.geometry.isna() | towns.geometry.is_empty)].reset_index(drop=True)
        towns["_name"] = towns[tname_col].astype("string").str.strip() if tname_col else pd.Series(
            [f"town{i + 1}" for i in range(len(towns))], dtype="string")
        towns["_size"] = normalise_size_class(towns[tsize_col]) if tsize_col else pd.NA
        bad = ~towns.geometry.is_valid
        if bad.any():
            towns.loc[bad, "geometry"] = towns.loc[bad].geometry.make_valid()
        tg = np.asarray(towns.geometry.values, dtype=object)
        bi, ti = shapely.STRtree(tg).query(land, predicate="intersects")
        pairs = pd.DataFrame({
            "_comp": blocks.index.to_numpy()[bi],
            "_t": towns["_name"].to_numpy()[ti],
            "a": shapely.area(shapely.intersection(land[bi], tg[ti])),
        })
        pairs = pairs[pairs["a"] > 0].groupby(["_comp", "_t"], as_index=False)["a"].sum()
        pairs = pairs.sort_values(["_comp", "a", "_t"], ascending=[True, False, True]).drop_duplicates("_comp")
        by_layer = pairs.set_index("_comp")["_t"].reindex(blocks.index)
        blocks["town"] = by_layer.fillna(blocks["town"])     # outside every town: parcels' field
        size_of_town.update(towns.dropna(subset=["_size"]).drop_duplicates("_name").set_index("_name")["_size"].to_dict())
    blocks["town"] = blocks["town"].astype(object).where(blocks["town"].notna(), None)
    size = blocks["town"].map(size_of_town).astype(object).fillna(args.default_size_class)
    land_mu = blocks["land_m2"] / MU_M2
    blocks["is_cluster_10ha"] = blocks["land_m2"] >= CLUSTER_MIN_M2
    blocks["renovation_candidate"] = land_mu >= size.map(RENOVATION_MIN_MU)
    lap("scale")

    # ---- efficiency: cd_share, far, tax_per_mu (area-weighted over parcels that have them)
    grade = normalise_grade(parcels[col["grade"]]) if col["grade"] else pd.Series(pd.NA, index=parcels.index)
    far = to_number(parcels[col["far"]]) if col["far"] else pd.Series(np.nan, index=parcels.index)
    if col["floor_area"] is not None:   # 容积率 = 建筑面积 / 用地面积 where no FAR is given
        far = far.fillna(to_number(parcels[col["floor_area"]]) / parcels["area_m2"])
    tax = to_number(parcels[col["tax_per_mu"]]) if col["tax_per_mu"] else pd.Series(np.nan, index=parcels.index)
    a = parcels["area_m2"]
    eff = pd.DataFrame({
        "_comp": parcels["_comp"],
        "graded": a.where(grade.notna(), 0.0),
        "cd": a.where(grade.isin(["C", "D"]).fillna(False).astype(bool), 0.0),
        "far_w": a.where(far.notna(), 0.0), "far_x": (a * far).fillna(0.0),
        "tax_w": a.where(tax.notna(), 0.0), "tax_x": (a * tax).fillna(0.0),
    }).groupby("_comp").sum()
    blocks["cd_share"] = (eff["cd"] / eff["graded"]).where(eff["graded"] > 0)
    blocks["far"] = (eff["far_x"] / eff["far_w"]).where(eff["far_w"] > 0)
    blocks["tax_per_mu"] = (eff["tax_x"] / eff["tax_w"]).where(eff["tax_w"] > 0)
    lap("efficiency")

    # ---- rules (SPEC 9 defaults; NaN comparisons are False, so a missing figure never matches)
    is_exit = blocks["inside_share"] < 0.5
    is_renew = (blocks["cd_share"] >= 0.5) | (blocks["far"] < 1.0)
    blocks["category"] = np.select([is_exit, is_renew], ["exit", "renew"], "retain")
    blocks["category_zh"] = blocks["category"].map(CATEGORY_ZH)

    def reason(r):
        if r.category == "exit":
            return f"腾挪退出：控制线内面积占比 {r.inside_share * 100:.1f}% < 50%"
        if r.category == "renew":
            why = []
            if r.cd_share >= 0.5:
                why.append(f"C/D类企业用地占比 {r.cd_share * 100:.1f}% ≥ 50%")
            if r.far < 1.0:
                why.append(f"容积率 {r.far:.2f} < 1.0")
            return "更新转型：" + "；".join(why)
        return "保留提升：控制线内面积占比 {:.1f}% ≥ 50%，未触发更新条件".format(r.inside_share * 100)

    blocks["reasons"] = [reason(r) for r in blocks[["category", "inside_share", "cd_share", "far"]].itertuples()]
    lap("rules")

    # ---- block ids (SPEC 10): town, land area descending, smallest parcel id
    blocks["_town_key"] = blocks["town"].fillna("")
    order = blocks.sort_values(["_town_key", "land_m2", "_min_pid"], ascending=[True, False, True]).index
    width = max(4, len(str(len(order))))
    blocks.loc[order, "block_id"] = [f"B{i:0{width}d}" for i in range(1, len(order) + 1)]
    blocks = blocks.loc[order]
    parcels["block_id"] = parcels["_comp"].map(blocks["block_id"])
    parcels["category"] = parcels["_comp"].map(blocks["category"])
    parcels["area_mu"] = parcels["area_m2"] / MU_M2
    parcels["parcel_id"] = parcels["_pid"]
    lap("ids")

    # ---- write
    os.makedirs(args.out, exist_ok=True)
    blocks["land_ha"] = blocks["land_m2"] / 10000.0
    blocks["land_mu"] = blocks["land_m2"] / MU_M2
    bcols = ["block_id", "town", "category", "category_zh", "reasons", "parcel_count", "land_m2", "land_ha",
             "land_mu", "outline_m2", "inside_share", "line_status", "cd_share", "far", "tax_per_mu",
             "is_cluster_10ha", "renovation_candidate"]
    pcols = ["parcel_id", "block_id", "town", "area_m2", "area_mu", "inside_share", "line_status",
             "distance_to_line_m", "category", "repaired"]
    taken = {c.lower() for c in pcols}
    carried = [c for c in source_cols if c.lower() not in taken]
    bout = gpd.GeoDataFrame(blocks[bcols].reset_index(drop=True), geometry=blocks.geometry.values, crs=acrs)
    pout = gpd.GeoDataFrame(parcels[pcols + carried], geometry=parcels.geometry.values, crs=acrs)
    geojson_opts = dict(driver="GeoJSON", engine="pyogrio", layer_options={"RFC7946": "YES", "COORDINATE_PRECISION": 7})
    for gdf, name in ((bout, "blocks"), (pout, "parcels")):
        path = os.path.join(args.out, f"{name}.geojson")
        if os.path.exists(path):
            os.remove(path)
        gdf.to_crs(4326).to_file(path, **geojson_opts)
    csv = dict(index=False, float_format="%.17g", lineterminator="\n")
    bout.drop(columns=["geometry", "category_zh", "reasons", "land_ha", "land_mu"]).to_csv(
        os.path.join(args.out, "blocks.csv"), **csv)
    pout[["parcel_id", "block_id", "town", "area_m2", "inside_share", "line_status", "distance_to_line_m",
          "category"]].to_csv(os.path.join(args.out, "parcels.csv"), **csv)
    pd.DataFrame(issues, columns=["layer", "feature", "reason"]).to_csv(
        os.path.join(args.out, "issues.csv"), index=False, lineterminator="\n")
    lap("write")

    stages["total"] = round(time.perf_counter() - t_all, 4)
    report = {
        "tool": "geopandas-peer",
        "versions": {"geopandas": gpd.__version__, "shapely": shapely.__version__,
                     "geos": ".".join(map(str, shapely.geos_version)), "gdal": pyogrio.__gdal_version_string__},
        "analysis_crs": acrs.to_string(), "analysis_crs_reason": why,
        "counts": {"parcels_read": n_read, "parcels_kept": n, "blocks": len(blocks), "issues": len(issues)},
        "stages_s": stages,
    }
    log(json.dumps(report["stages_s"]))
    if args.stages_json:
        with open(args.stages_json, "w") as f:
            json.dump(report, f, ensure_ascii=False, indent=2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
