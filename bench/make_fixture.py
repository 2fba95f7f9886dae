#!/usr/bin/env python3
"""A tiny hand-checkable survey for the peer and the cross-check.

    make_fixture.py OUT_DIR

Writes, in EPSG:4549 (CGCS2000 GK CM 120°E) around (620000, 3340000):
  parcels.geojson        17 features (Chinese field names, one null geometry, one point,
                         a bow-tie, a duplicate id, overlapping parcels, string numbers)
  control-lines.geojson  one polygon + one closed LineString
  towns.shp (+.cpg GBK)  two towns: 观海卫镇 (大镇, x < 621000) and 龙山镇 (小镇)
  parcels-wgs84.gpkg, control-lines-wgs84.gpkg, towns-wgs84.gpkg
                         the same in EPSG:4326, to exercise the automatic CRS choice

Expected figures (gap 30 m) are listed in bench/README.md.
"""
import os
import sys

import geopandas as gpd
from shapely.geometry import LineString, Point, Polygon, box

X0, Y0 = 620000.0, 3340000.0


def sq(x, y, w, h=None):
    return box(X0 + x, Y0 + y, X0 + x + w, Y0 + y + (w if h is None else h))


def main(out):
    os.makedirs(out, exist_ok=True)
    bowtie = Polygon([(X0 + 1100, Y0), (X0 + 1200, Y0 + 100), (X0 + 1200, Y0), (X0 + 1100, Y0 + 100)])
    rows = [
        # id, geometry, town, grade, FAR, tax per mu, floor area
        ("P01", sq(0, 0, 100), "观海卫镇", "A类", "1.5", "12,345.6", None),
        ("P02", sq(100, 0, 100), "观海卫镇", "ｃ", " 0.8 ", "3 000", None),     # full-width c
        ("P03", sq(0, 100, 100), "观海卫镇", "D", None, None, None),
        ("P10", sq(50, 50, 100), "观海卫镇", None, "2", None, None),           # overlaps P01-P03
        ("P04", sq(400, 0, 100), "观海卫镇", "B", "1.2", None, None),
        ("P05", sq(529.99, 0, 100), "观海卫镇", "b", "1.2", None, None),       # 29.99 m from P04
        ("P06", sq(660.0, 0, 100), "观海卫镇", None, None, None, None),        # 30.01 m from P05
        ("P07", bowtie, "龙山镇", "C", None, None, None),                      # self-intersecting
        ("P08", sq(1400, 0, 100), "龙山镇", None, "0.9", None, None),          # half inside C
        ("P11", sq(1500, 150, 100), "龙山镇", "B", "2.5", "50000", None),      # fully inside C
        ("P12", sq(1700, -400, 300, 250), "龙山镇", None, None, None, "90,000"),  # 112.5 亩, FAR from floor area
        ("P13", sq(0, -600, 400, 300), "观海卫镇", "a", "1.1", None, None),    # 12 ha, 180 亩
        ("P14", sq(920, -800, 180, 100), "观海卫镇", None, None, None, None),  # straddles the town line
        ("P15", None, "龙山镇", None, None, None, None),                       # null geometry
        ("P16", Point(X0 + 2000, Y0 + 2000), "龙山镇", None, None, None, None),  # not a polygon
        ("P01", sq(2500, 500, 50), "龙山镇", None, None, None, None),           # duplicate id
    ]
    parcels = gpd.GeoDataFrame(
        {
            "宗地编号": [r[0] for r in rows],
            "镇街": [r[2] for r in rows],
            "权利人": [f"企业{i + 1}" for i in range(len(rows))],
            "亩均评价": [r[3] for r in rows],
            "容积率": [r[4] for r in rows],
            "亩均税收": [r[5] for r in rows],
            "建筑面积": [r[6] for r in rows],
            "备注": ["" for _ in rows],
        },
        geometry=[r[1] for r in rows],
        crs="EPSG:4549",
    )
    ring = LineString([(X0 - 10, Y0 - 10), (X0 + 210, Y0 - 10), (X0 + 210, Y0 + 210), (X0 - 10, Y0 + 210),
                       (X0 - 10, Y0 - 10)])
    control = gpd.GeoDataFrame({"名称": ["东区控制线", "西区控制线"]},
                               geometry=[box(X0 + 1450, Y0 - 100, X0 + 2000, Y0 + 300), ring], crs="EPSG:4549")
    towns = gpd.GeoDataFrame({"镇街": ["观海卫镇", "龙山镇"], "镇类型": ["大镇", "小镇"]},
                             geometry=[box(X0 - 1000, Y0 - 1000, X0 + 1000, Y0 + 1000),
                                       box(X0 + 1000, Y0 - 1000, X0 + 3000, Y0 + 1000)], crs="EPSG:4549")

    def write(gdf, name, **kw):
        path = os.path.join(out, name)
        if os.path.exists(path):
            os.remove(path)
        gdf.to_file(path, engine="pyogrio", **kw)

    write(parcels, "parcels.geojson")
    write(control, "control-lines.geojson")
    for ext in ("shp", "shx", "dbf", "prj", "cpg"):
        if os.path.exists(os.path.join(out, f"towns.{ext}")):
            os.remove(os.path.join(out, f"towns.{ext}"))
    write(towns, "towns.shp", encoding="GBK")
    write(parcels.to_crs(4326), "parcels-wgs84.gpkg")
    write(control.to_crs(4326), "control-lines-wgs84.gpkg")
    write(towns.to_crs(4326), "towns-wgs84.gpkg")
    print(out)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/tmp/sanse-fixture")
