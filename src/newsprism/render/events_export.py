"""Event records as an analyst loads them: ACLED-column CSV and GeoJSON.

Both read the report JSON (a whole report, or one stored story with its
articles), so the CLI and the web API export the same thing. A column newsprism
does not know stays empty: ACLED's actor codes (inter1, inter2, interaction),
region, admin2/admin3, source_scale, tags and timestamp are never guessed.
``disorder_type`` and ``civilian_targeting`` follow from the event type by the
ACLED codebook; ``iso`` is the ISO 3166-1 numeric code of the country.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Any

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
)  # fmt: skip
# ACLED codebook: the disorder type of each event type.
DISORDER = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Riots": "Political violence; Demonstrations",
    "Protests": "Demonstrations",
    "Strategic developments": "Strategic developments",
}


def _iso_numeric(country: str | None) -> str:
    """ISO 3166-1 numeric code of a country named in the report ("Syria" → "760")."""
    if not country:
        return ""
    import pycountry

    from ..analyze.gazetteer import lookup

    place = lookup(country)
    if place is None or "-" in place.code:
        return ""
    found = pycountry.countries.get(alpha_2=place.code)
    return str(int(found.numeric)) if found is not None else ""


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def event_rows(report: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """One dict per event of the report: the ACLED columns, then ``fact_ids`` and
    ``citations`` (each statement behind the event: article, span, text)."""
    outlets = {a["id"]: a.get("outlet") or a.get("source") or a["id"]
               for a in report.get("articles", [])}  # fmt: skip
    for story in report.get("stories", []):
        facts = {f["id"]: f for f in story.get("facts", [])}
        for ev in story.get("events", []):
            fs = [facts[i] for i in ev.get("fact_ids", []) if i in facts]
            cites = [st for f in fs for st in f.get("statements", [])]
            sources = sorted({outlets.get(c["article_id"], c["article_id"]) for c in cites})
            actors = list(ev.get("actors") or [])
            date = ev.get("date_start") or ""
            row = {
                "event_id_cnty": f"{story['id']}-{ev.get('id', '')}",
                "event_date": date,
                "year": date[:4],
                "time_precision": _text(ev.get("time_precision")),
                "disorder_type": DISORDER.get(ev.get("event_type") or "", ""),
                "event_type": _text(ev.get("event_type")),
                "sub_event_type": _text(ev.get("sub_event_type")),
                "actor1": actors[0] if actors else "",
                "assoc_actor_1": "; ".join(actors[1:]),
                "civilian_targeting": "Civilian targeting"
                if ev.get("event_type") == "Violence against civilians"
                else "",
                "iso": _iso_numeric(ev.get("country")),
                "country": _text(ev.get("country")),
                "admin1": _text(ev.get("admin1")),
                "location": _text(ev.get("location")),
                "latitude": _text(ev.get("latitude")),
                "longitude": _text(ev.get("longitude")),
                "geo_precision": _text(ev.get("geo_precision")),
                "source": "; ".join(sources),
                "notes": " ".join(f["summary"] for f in fs[:1]),
                "fatalities": _text(ev.get("fatalities")),
            }
            out = {c: row.get(c, "") for c in ACLED_COLUMNS}
            out["fact_ids"] = list(ev.get("fact_ids", []))
            out["citations"] = [
                {k: c[k] for k in ("article_id", "start", "end", "text") if k in c} for c in cites
            ]
            yield out


def events_csv(report: dict[str, Any]) -> str:
    """The report's events as CSV with ACLED's columns, in ACLED's order.

    >>> events_csv({"stories": []}).splitlines()[0].split(",")[:3]
    ['event_id_cnty', 'event_date', 'year']
    """
    buf = io.StringIO()
    writer = csv.DictWriter(buf, ACLED_COLUMNS, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in event_rows(report):
        writer.writerow(row)
    return buf.getvalue()


def events_geojson(report: dict[str, Any]) -> dict[str, Any]:
    """The report's events as a GeoJSON FeatureCollection: a Point ``[lon, lat]`` per
    located event (``null`` geometry when the event has no place), the CSV's
    columns plus fact ids and citations as properties."""
    features = []
    for row in event_rows(report):
        lat, lon = row["latitude"], row["longitude"]
        geometry = (
            {"type": "Point", "coordinates": [float(lon), float(lat)]} if lat and lon else None
        )
        features.append({"type": "Feature", "geometry": geometry, "properties": row})
    return {"type": "FeatureCollection", "features": features}


def render_events_geojson(report: dict[str, Any]) -> str:
    return json.dumps(events_geojson(report), ensure_ascii=False, indent=1) + "\n"
