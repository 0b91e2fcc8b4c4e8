"""A small map of a story's located events, drawn offline as inline SVG.

Country outlines come from the ``countryinfo`` package (Natural Earth's
low-resolution borders, shipped in its wheel); the view frames the events'
points with a margin, in an equirectangular projection (longitude and latitude
as x and y, x scaled by the cosine of the middle latitude so shapes keep their
proportions). Each point links to the event's first fact in the report. No
script, no style attribute and nothing fetched: it renders under a strict
Content Security Policy and offline.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from functools import lru_cache
from html import escape
from typing import Any

WIDTH = 480.0
MARGIN_DEG = 4.0  # around the points, so a single point still shows its surroundings
MIN_SPAN_DEG = 24.0  # at least a region of a few countries across

Ring = list[tuple[float, float]]


@lru_cache(maxsize=1)
def _outlines() -> tuple[tuple[str, tuple[float, float, float, float], tuple[Ring, ...]], ...]:
    """(name, bbox (west, south, east, north), outer rings) of every country."""
    import ast

    from ..geo.gazetteer import _countryinfo_by_code

    out = []
    for cc, info in sorted(_countryinfo_by_code().items()):
        raw = info.get("geoJSON")
        try:
            data: Any = ast.literal_eval(raw) if isinstance(raw, str) else raw
            geom = data["features"][0]["geometry"]
        except (ValueError, SyntaxError, KeyError, IndexError, TypeError):
            continue
        polys = geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]
        rings = tuple([(float(x), float(y)) for x, y in p[0]] for p in polys if p and p[0])
        if not rings:
            continue
        xs = [x for r in rings for x, _ in r]
        ys = [y for r in rings for _, y in r]
        out.append((str(info.get("name") or cc), (min(xs), min(ys), max(xs), max(ys)), rings))
    return tuple(out)


def event_map_svg(events: Sequence[dict[str, Any]], link: Callable[[str], str]) -> str:
    """An ``<svg>`` with the countries around the located events and a point per
    event (linked to ``#`` + ``link(first fact id)``); empty when none is located."""
    located = [
        e for e in events if e.get("latitude") is not None and e.get("longitude") is not None
    ]
    if not located:
        return ""
    lats = [float(e["latitude"]) for e in located]
    lons = [float(e["longitude"]) for e in located]
    west, east = min(lons) - MARGIN_DEG, max(lons) + MARGIN_DEG
    south, north = min(lats) - MARGIN_DEG, max(lats) + MARGIN_DEG
    if east - west < MIN_SPAN_DEG:
        mid = (east + west) / 2
        west, east = mid - MIN_SPAN_DEG / 2, mid + MIN_SPAN_DEG / 2
    if north - south < MIN_SPAN_DEG / 2:
        mid = (north + south) / 2
        south, north = mid - MIN_SPAN_DEG / 4, mid + MIN_SPAN_DEG / 4
    kx = math.cos(math.radians((north + south) / 2))
    scale = WIDTH / ((east - west) * kx)
    height = round((north - south) * scale, 1)

    def x_of(lon: float) -> float:
        return (lon - west) * kx * scale

    def y_of(lat: float) -> float:
        return (north - lat) * scale

    def xy(lon: float, lat: float) -> str:
        return f"{x_of(lon):.1f},{y_of(lat):.1f}"

    parts = [
        f'<svg class="event-map" role="img" viewBox="0 0 {WIDTH:.0f} {height}" '
        f'width="{WIDTH:.0f}" height="{height}" xmlns="http://www.w3.org/2000/svg">',
        "<title>Where the events happened</title>",
        f'<rect width="{WIDTH:.0f}" height="{height}" fill="#eef4f8"/>',
    ]
    for name, (c_west, c_south, c_east, c_north), rings in _outlines():
        if c_east < west or c_west > east or c_north < south or c_south > north:
            continue
        d = " ".join("M" + " L".join(xy(x, y) for x, y in ring) + "Z" for ring in rings)
        parts.append(
            f'<path d="{d}" fill="#fbfbf8" stroke="#9aa5ad" stroke-width="0.8">'
            f"<title>{escape(name)}</title></path>"
        )
    # a graticule every 5 degrees, so distances can be read without a scale bar
    for lon in range(math.ceil(west / 5) * 5, math.floor(east) + 1, 5):
        parts.append(f'<path d="M{xy(lon, north)} L{xy(lon, south)}" stroke="#d5dde3" '
                     'stroke-width="0.5"/>')  # fmt: skip
    for lat in range(math.ceil(south / 5) * 5, math.floor(north) + 1, 5):
        parts.append(f'<path d="M{xy(west, lat)} L{xy(east, lat)}" stroke="#d5dde3" '
                     'stroke-width="0.5"/>')  # fmt: skip
    for e in located:
        where = ", ".join(str(x) for x in (e.get("location"), e.get("country")) if x)
        label = f"{e.get('sub_event_type') or e.get('event_type')}: {where}"
        facts = e.get("fact_ids") or []
        cx, cy = x_of(float(e["longitude"])), y_of(float(e["latitude"]))
        circle = (
            f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="6" '
            f'fill="#c0392b" fill-opacity="0.8" stroke="#fff" stroke-width="1.5">'
            f"<title>{escape(label)}</title></circle>"
        )
        href = f"#{escape(link(facts[0]))}" if facts else None
        parts.append(f'<a href="{href}">{circle}</a>' if href else circle)
    parts.append("</svg>")
    return "".join(parts)
