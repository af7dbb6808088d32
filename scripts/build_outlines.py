"""Build the small map outlines file the HTML report and the web app draw incidents on.

Run at build time, never at run time:

    python scripts/build_outlines.py [--world countries-50m.json] [--oblasts UKR-ADM1_simplified.Svg]

Without arguments it fetches its two inputs with the ordinary package clients into a temporary folder:

* country outlines: ``countries-50m.json`` from the npm package ``world-atlas`` 2.0.2 (TopoJSON of Natural Earth
  1:50m admin-0; Natural Earth is public domain, the packaging is ISC);
* oblast outlines: ``UKR-ADM1_simplified.Svg`` from the PyPI package ``pygal-maps-ua`` 1.0.2 (LGPL-3.0+), an SVG
  drawing of the geoBoundaries UKR ADM1 boundaries (Runfola et al. 2020; geoBoundaries' open release is CC BY 4.0,
  and Ukraine's boundaries come from SSPE Kartographia via UN OCHA, CC BY-IGO). The SVG is in a Mercator
  frame; we georeference it by fitting its mainland extent to Natural Earth's outline of Ukraine.

Writes ``src/ceasefire/publish/outlines.json``: rings of [lon, lat] rounded to 0.01°, simplified (Douglas-Peucker)
and clipped to the region around Ukraine. Crimea is drawn as part of Ukraine (de jure, as DESIGN.md says) by the
oblast layer, which is painted over the country layer.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "ceasefire" / "publish" / "outlines.json"
EXTENT = (19.0, 42.5, 44.5, 55.0)  # lon_min, lat_min, lon_max, lat_max
TOLERANCE = 0.02  # degrees
ISO_NUMERIC = {
    "804": "UA", "643": "RU", "112": "BY", "616": "PL", "703": "SK", "348": "HU", "642": "RO", "498": "MD",
    "100": "BG", "792": "TR", "268": "GE", "440": "LT", "428": "LV", "203": "CZ", "688": "RS", "040": "AT",
    "276": "DE", "191": "HR", "070": "BA", "499": "ME", "008": "AL", "807": "MK", "300": "GR", "233": "EE",
    "398": "KZ", "031": "AZ", "051": "AM", "705": "SI",
}
OBLAST_NAMES = {
    "cherkasy": "Cherkasy", "chernihiv": "Chernihiv", "chernivtsi": "Chernivtsi", "crimea": "Crimea",
    "dnipropetrovsk": "Dnipropetrovsk", "donetsk": "Donetsk", "kharkiv": "Kharkiv", "kherson": "Kherson",
    "khmelnitskyi": "Khmelnytskyi", "kyiv": "Kyiv Oblast", "kyivcity": "Kyiv", "kirovohrad": "Kirovohrad",
    "lviv": "Lviv", "luhansk": "Luhansk", "mykolaiv": "Mykolaiv", "odesa": "Odesa", "poltava": "Poltava",
    "rivne": "Rivne", "sevastopolcity": "Sevastopol", "sumy": "Sumy", "ivano-frankivsk": "Ivano-Frankivsk",
    "ternopil": "Ternopil", "zakarpattia": "Zakarpattia", "vinnytsia": "Vinnytsia", "volyn": "Volyn",
    "zaporizhzhia": "Zaporizhzhia", "zhytomir": "Zhytomyr",
}
CREDITS = (
    "Country outlines: Natural Earth 1:50m admin-0 (public domain), via the npm package world-atlas 2.0.2. "
    "Oblast outlines: geoBoundaries UKR ADM1 (Runfola et al. 2020, PLoS ONE 15(4): e0231866; open licence with "
    "attribution; the boundaries originate with SSPE Kartographia and UN OCHA), via the PyPI package pygal-maps-ua "
    "1.0.2. Simplified by scripts/build_outlines.py. Crimea shown as part of Ukraine."
)

Ring = list[tuple[float, float]]


def fetch_inputs(folder: Path) -> tuple[Path, Path]:
    subprocess.run(["npm", "pack", "world-atlas@2.0.2", "--pack-destination", str(folder)], check=True,
                   capture_output=True)
    subprocess.run(["tar", "xzf", str(folder / "world-atlas-2.0.2.tgz"), "-C", str(folder)], check=True)
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", str(folder),
                    "pygal-maps-ua==1.0.2"], check=True)
    wheel = next(folder.glob("pygal_maps_ua-*.whl"))
    with zipfile.ZipFile(wheel) as archive:
        archive.extract("pygal_maps_ua/UKR-ADM1_simplified.Svg", folder)
    return folder / "package" / "countries-50m.json", folder / "pygal_maps_ua" / "UKR-ADM1_simplified.Svg"


# --- TopoJSON countries -------------------------------------------------------------------------------------------

def topojson_countries(path: Path) -> dict[str, list[Ring]]:
    topo = json.loads(path.read_text(encoding="utf-8"))
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs: list[Ring] = []
    for arc in topo["arcs"]:
        x = y = 0
        points: Ring = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)

    def ring_of(indexes: list[int]) -> Ring:
        ring: Ring = []
        for index in indexes:
            points = arcs[index] if index >= 0 else arcs[~index][::-1]
            ring.extend(points if not ring else points[1:])
        return ring

    countries: dict[str, list[Ring]] = {}
    for geometry in topo["objects"]["countries"]["geometries"]:
        code = ISO_NUMERIC.get(str(geometry.get("id")))
        if code is None:
            continue
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        countries[code] = [ring_of(polygon[0]) for polygon in polygons]  # outer rings only: lakes do not matter here
    return countries


# --- SVG oblasts ---------------------------------------------------------------------------------------------------

_NUMBER = r"-?(?:\d+\.?\d*|\.\d+)(?:e-?\d+)?"


def svg_path_rings(d: str, offset: tuple[float, float]) -> list[Ring]:
    tokens = re.findall(r"[A-Za-z]|" + _NUMBER, d)
    rings: list[Ring] = []
    ring: Ring = []
    x = y = 0.0
    start = (0.0, 0.0)
    command = ""
    i = 0
    while i < len(tokens):
        if tokens[i].isalpha():
            command = tokens[i]
            i += 1
            if command in "zZ":
                if ring:
                    rings.append(ring)
                    ring = []
                x, y = start
                continue
        values = [float(v) for v in tokens[i : i + {"m": 2, "l": 2, "h": 1, "v": 1, "c": 6}[command.lower()]]]
        i += len(values)
        relative = command.islower()
        kind = command.lower()
        if kind in "ml":
            x, y = (x + values[0], y + values[1]) if relative else (values[0], values[1])
        elif kind == "h":
            x = x + values[0] if relative else values[0]
        elif kind == "v":
            y = y + values[0] if relative else values[0]
        elif kind == "c":  # keep the end point of a curve; the curves here are tiny
            x, y = (x + values[4], y + values[5]) if relative else (values[4], values[5])
        if kind == "m":
            if ring:
                rings.append(ring)
            ring = [(x, y)]
            start = (x, y)
            command = "l" if relative else "L"
        else:
            ring.append((x, y))
    if ring:
        rings.append(ring)
    return [[(px + offset[0], py + offset[1]) for px, py in r] for r in rings]


def svg_oblasts(path: Path) -> dict[str, list[Ring]]:
    text = path.read_text(encoding="utf-8")
    oblasts: dict[str, list[Ring]] = {}
    for group in re.finditer(r"<g([^>]*class=\"ua_([a-z-]+) region[^\"]*\"[^>]*)>(.*?)</g>", text, re.S):
        attributes, key, body = group.groups()
        shift = re.search(r"translate\((" + _NUMBER + r")[ ,](" + _NUMBER + r")\)", attributes)
        offset = (float(shift.group(1)), float(shift.group(2))) if shift else (0.0, 0.0)
        name = OBLAST_NAMES[key]
        for d in re.findall(r"\sd=\"([^\"]*)\"", body):
            oblasts.setdefault(name, []).extend(svg_path_rings(d, offset))
    return oblasts


def _mercator_y(lat: float) -> float:
    return math.degrees(math.log(math.tan(math.pi / 4 + math.radians(lat) / 2)))


def _inverse_mercator(y: float) -> float:
    return math.degrees(2 * math.atan(math.exp(math.radians(y))) - math.pi / 2)


def georeference(oblasts: dict[str, list[Ring]], ukraine: list[Ring]) -> dict[str, list[Ring]]:
    """Fit the SVG's mainland extent to Natural Earth's mainland Ukraine (which leaves Crimea out)."""
    mainland = [p for name, rings in oblasts.items() if name not in ("Crimea", "Sevastopol") for r in rings for p in r]
    sx0, sx1 = min(p[0] for p in mainland), max(p[0] for p in mainland)
    sy0, sy1 = min(p[1] for p in mainland), max(p[1] for p in mainland)
    points = [p for r in ukraine for p in r]
    lon0, lon1 = min(p[0] for p in points), max(p[0] for p in points)
    my0, my1 = _mercator_y(min(p[1] for p in points)), _mercator_y(max(p[1] for p in points))

    def to_lonlat(point: tuple[float, float]) -> tuple[float, float]:
        lon = lon0 + (point[0] - sx0) / (sx1 - sx0) * (lon1 - lon0)
        my = my1 - (point[1] - sy0) / (sy1 - sy0) * (my1 - my0)
        return lon, _inverse_mercator(my)

    return {name: [[to_lonlat(p) for p in r] for r in rings] for name, rings in oblasts.items()}


# --- geometry helpers ----------------------------------------------------------------------------------------------

def simplify(ring: Ring, tolerance: float) -> Ring:
    """Douglas-Peucker; a closed ring is split at its point farthest from the start first."""
    if len(ring) < 4:
        return ring
    if math.dist(ring[0], ring[-1]) < 1e-9:
        far = max(range(len(ring)), key=lambda i: math.dist(ring[0], ring[i]))
        return _simplify_open(ring[: far + 1], tolerance)[:-1] + _simplify_open(ring[far:], tolerance)
    return _simplify_open(ring, tolerance)


def _simplify_open(ring: Ring, tolerance: float) -> Ring:
    if len(ring) < 3:
        return ring
    keep = [False] * len(ring)
    keep[0] = keep[-1] = True
    stack = [(0, len(ring) - 1)]
    while stack:
        first, last = stack.pop()
        ax, ay = ring[first]
        bx, by = ring[last]
        length = math.hypot(bx - ax, by - ay) or 1e-12
        worst, index = 0.0, -1
        for i in range(first + 1, last):
            px, py = ring[i]
            distance = abs((bx - ax) * (ay - py) - (ax - px) * (by - ay)) / length
            if distance > worst:
                worst, index = distance, i
        if worst > tolerance and index > 0:
            keep[index] = True
            stack.extend([(first, index), (index, last)])
    return [p for p, kept in zip(ring, keep, strict=True) if kept]


def clip(ring: Ring, extent: tuple[float, float, float, float]) -> Ring:
    """Sutherland-Hodgman against the extent rectangle."""
    x0, y0, x1, y1 = extent
    edges: list[tuple[int, float, bool]] = [(0, x0, True), (0, x1, False), (1, y0, True), (1, y1, False)]
    output = ring
    for axis, bound, low in edges:
        if not output:
            break

        def inside(p: tuple[float, float], axis: int = axis, bound: float = bound, low: bool = low) -> bool:
            return p[axis] >= bound if low else p[axis] <= bound

        current, output = output, []
        for i, point in enumerate(current):
            previous = current[i - 1]
            if inside(point):
                if not inside(previous):
                    output.append(_cross(previous, point, axis, bound))
                output.append(point)
            elif inside(previous):
                output.append(_cross(previous, point, axis, bound))
    return output


def _cross(a: tuple[float, float], b: tuple[float, float], axis: int, bound: float) -> tuple[float, float]:
    t = (bound - a[axis]) / ((b[axis] - a[axis]) or 1e-12)
    return (a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1]))


def tidy(rings: list[Ring], tolerance: float) -> list[list[list[float]]]:
    result = []
    for ring in rings:
        clipped = clip(simplify(ring, tolerance), EXTENT)
        rounded: list[list[float]] = []
        for lon, lat in clipped:
            point = [round(lon, 2), round(lat, 2)]
            if not rounded or rounded[-1] != point:
                rounded.append(point)
        if len(rounded) >= 4:
            result.append(rounded)
    return result


def build(world: Path, oblast_svg: Path) -> dict[str, Any]:
    countries = topojson_countries(world)
    oblasts = georeference(svg_oblasts(oblast_svg), countries["UA"])
    return {
        "credits": CREDITS,
        "extent": list(EXTENT),
        "countries": [{"code": code, "rings": rings} for code, raw in sorted(countries.items())
                      if (rings := tidy(raw, TOLERANCE))],
        "admin1": [{"country": "UA", "name": name, "rings": tidy(raw, TOLERANCE / 2)}
                   for name, raw in sorted(oblasts.items())],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--world", type=Path, help="world-atlas countries-50m.json")
    parser.add_argument("--oblasts", type=Path, help="pygal-maps-ua UKR-ADM1_simplified.Svg")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        world, oblasts = (args.world, args.oblasts) if args.world and args.oblasts else fetch_inputs(Path(tmp))
        data = build(world, oblasts)
    OUT.write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {OUT} ({OUT.stat().st_size // 1024} KiB)", file=sys.stderr)


if __name__ == "__main__":
    main()
