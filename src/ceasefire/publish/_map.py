"""An SVG map of incidents over bundled country and oblast outlines (no tiles, no network).

Projection: equirectangular with longitudes scaled by cos(48.5°), the latitude of central Ukraine, which keeps
shapes close to true across the region. The outlines come from ``outlines.json`` (see scripts/build_outlines.py
for where they came from and their licences).
"""

from __future__ import annotations

import html
import json
import math
from collections.abc import Sequence
from functools import cache
from importlib import resources
from typing import Any
from urllib.parse import quote

from markupsafe import Markup, escape

from ceasefire.publish._charts import FONT, party_colour

_COS = math.cos(math.radians(48.5))
_COUNTRY_NAMES = {
    "UA": "Ukraine", "RU": "Russia", "BY": "Belarus", "PL": "Poland", "SK": "Slovakia", "HU": "Hungary",
    "RO": "Romania", "MD": "Moldova", "BG": "Bulgaria", "TR": "Türkiye", "GE": "Georgia", "LT": "Lithuania",
}
_COUNTRY_LABELS = {"RU": (38.5, 53.6), "BY": (27.8, 53.6), "PL": (21.0, 51.6), "RO": (24.5, 45.6),
                   "MD": (28.6, 47.3), "HU": (20.0, 47.2), "SK": (20.0, 48.8)}


@cache
def outlines() -> dict[str, Any]:
    text = (resources.files("ceasefire.publish") / "outlines.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def outlines_credit() -> str:
    return str(outlines()["credits"])


class _Projection:
    def __init__(self, extent: Sequence[float], width: float) -> None:
        self.lon0, self.lat0, self.lon1, self.lat1 = extent
        self.scale = width / ((self.lon1 - self.lon0) * _COS)
        self.width = width
        self.height = (self.lat1 - self.lat0) * self.scale

    def __call__(self, lon: float, lat: float) -> tuple[float, float]:
        return (lon - self.lon0) * _COS * self.scale, (self.lat1 - lat) * self.scale

    def inside(self, lon: float, lat: float) -> bool:
        return self.lon0 <= lon <= self.lon1 and self.lat0 <= lat <= self.lat1


def _path(rings: Sequence[Sequence[Sequence[float]]], project: _Projection) -> str:
    pieces = []
    for ring in rings:
        points = [project(lon, lat) for lon, lat in ring]
        pieces.append("M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in points) + "Z")
    return "".join(pieces)


@cache
def _base_layer(width: int) -> str:
    """Countries, then Ukraine's oblasts on top (which also draws Crimea as Ukraine), then labels."""
    data = outlines()
    project = _Projection(data["extent"], width)
    parts = [f'<rect width="{project.width:.0f}" height="{project.height:.0f}" fill="#dfeaf3"/>']
    for country in data["countries"]:
        fill = "#f3efe6" if country["code"] == "UA" else "#e6e3dc"
        d = _path(country["rings"], project)
        parts.append(f'<path class="country" data-code="{escape(country["code"])}" d="{d}" '
                     f'fill="{fill}" stroke="#777" stroke-width="0.8"/>')
    for region in data["admin1"]:
        parts.append(f'<path class="oblast" d="{_path(region["rings"], project)}" fill="#f3efe6" stroke="#9a9a9a" '
                     f'stroke-width="0.5"><title>{escape(region["name"])}</title></path>')
    for code, (lon, lat) in _COUNTRY_LABELS.items():
        x, y = project(lon, lat)
        parts.append(f'<text x="{x:.0f}" y="{y:.0f}" font-size="13" fill="#8a8a8a" text-anchor="middle" {FONT}>'
                     f"{escape(_COUNTRY_NAMES[code])}</text>")
    x, y = project(31.2, 49.6)
    parts.append(f'<text x="{x:.0f}" y="{y:.0f}" font-size="15" fill="#8a8a8a" text-anchor="middle" '
                 f'letter-spacing="3" {FONT}>UKRAINE</text>')
    return "".join(parts)


def map_svg(points: Sequence[dict[str, Any]], *, total: int | None = None, width: int = 960,
            link: str | None = None, title: str = "Incidents with known coordinates") -> Markup:
    """Incidents as dots coloured by accused party. ``link`` (e.g. ``/incidents/{}``) makes each dot a link to the
    URL with the incident id (URL-quoted) in place of ``{}``."""
    data = outlines()
    project = _Projection(data["extent"], width)
    legend_height = 34.0
    parts = [_base_layer(width)]
    parties = sorted({str(p["accused"]) for p in points if p.get("accused")})
    colours = {party: party_colour(party, parties) for party in [*parties, None]}
    lon0, lat1, factor = project.lon0, project.lat1, project.scale
    drawn = 0
    for point in points:
        lon, lat = float(point["lon"]), float(point["lat"])
        if not project.inside(lon, lat):
            continue
        drawn += 1
        accused = point.get("accused")
        when = point.get("when_start")
        label = (f"{point['subject_id']}: {point.get('place_name') or 'unnamed place'}, "
                 f"{when.isoformat(' ', 'minutes') if when else 'time unknown'} UTC, accused: {accused or 'unknown'}, "
                 f"{point.get('target_type') or ''}, {point.get('grade') or ''}")
        # html.escape here, not markupsafe: the same escaping, several times faster for thousands of dots
        dot = (f'<circle class="point" cx="{(lon - lon0) * _COS * factor:.1f}" cy="{(lat1 - lat) * factor:.1f}" '
               f'r="4" fill="{colours.get(accused, "#8c8c8c")}" fill-opacity="0.75" stroke="#fff" stroke-width="0.6">'
               f"<title>{html.escape(label)}</title></circle>")
        if link:
            dot = f'<a href="{html.escape(link.format(quote(str(point["subject_id"]), safe="")))}">{dot}</a>'
        parts.append(dot)
    y0 = project.height + 22
    parts.append(f'<rect y="{project.height:.0f}" width="{project.width:.0f}" height="{legend_height}" fill="#fff"/>')
    x = 10.0
    for party in [*parties, None] if any(not p.get("accused") for p in points) else parties:
        parts.append(f'<circle cx="{x + 6:.0f}" cy="{y0 - 4:.0f}" r="5" fill="{party_colour(party, parties)}"/>')
        label = f"accused: {party}" if party else "accused: unknown"
        parts.append(f'<text x="{x + 16:.0f}" y="{y0:.0f}" font-size="12" {FONT}>{escape(label)}</text>')
        x += 30 + 7 * len(label)
    shown = f"{drawn:,} incident{'s' if drawn != 1 else ''} drawn"
    if total is not None and total > len(points):
        shown += f" (the most recent {len(points):,} of {total:,} with coordinates)"
    parts.append(f'<text x="{x + 10:.0f}" y="{y0:.0f}" font-size="12" fill="#444" {FONT}>{escape(shown)}</text>')
    height = project.height + legend_height
    return Markup(
        f'<svg xmlns="http://www.w3.org/2000/svg" class="map" viewBox="0 0 {project.width:.0f} {height:.0f}" '
        f'width="{project.width:.0f}" height="{height:.0f}" role="img" aria-label="{escape(title)}">'
        f"<title>{escape(title)}</title>{''.join(parts)}</svg>"
    )
