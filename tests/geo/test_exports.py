"""Events exported as an analyst loads them: ACLED-column CSV and GeoJSON, from a real story
(ECB+ topic 3: four reports of a prison escape in Texas)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from newsprism.config import Settings
from newsprism.render import render
from newsprism.render.events_export import ACLED_COLUMNS
from newsprism.report import Report, run

ESCAPE = Path(__file__).resolve().parents[1] / "data" / "escape"


@pytest.fixture(scope="module")
def report() -> Report:
    return run([str(ESCAPE)], Settings())


def test_the_csv_reads_back_into_acled_columns(report: Report) -> None:
    rows = list(csv.DictReader(io.StringIO(render(report, "acled-csv"))))
    assert rows, "the story has events"
    assert tuple(rows[0]) == ACLED_COLUMNS
    events = [e for s in report.stories for e in s.events]
    assert len(rows) == len(events)
    for row, event in zip(rows, events, strict=True):
        assert row["event_type"] == event.event_type
        assert row["sub_event_type"] == event.sub_event_type
        assert row["event_date"] == (event.date_start or "")
        # what newsprism does not know stays empty: ACLED's actor codes are never guessed
        assert row["inter1"] == row["inter2"] == row["interaction"] == ""
        assert row["fatalities"] == ("" if event.fatalities is None else str(event.fatalities))


def test_a_located_event_has_its_point_and_precision_in_the_csv(report: Report) -> None:
    rows = list(csv.DictReader(io.StringIO(render(report, "acled-csv"))))
    located = [r for r in rows if r["latitude"]]
    assert located, "the escape happened in Texas: an event is placed"
    for r in located:
        assert r["geo_precision"] in {"1", "2", "3"}
        # the escape story is set in Texas, USA (ISO 3166-1 numeric 840)
        assert r["country"] == "United States" and r["iso"] == "840"
        assert 25 < float(r["latitude"]) < 37 and -107 < float(r["longitude"]) < -93


def test_the_geojson_is_a_feature_collection_of_points(report: Report) -> None:
    data = json.loads(render(report, "geojson"))
    assert data["type"] == "FeatureCollection"
    events = [e for s in report.stories for e in s.events]
    assert len(data["features"]) == len(events)
    points = 0
    for feature, event in zip(data["features"], events, strict=True):
        assert feature["type"] == "Feature"
        props = feature["properties"]
        assert set(ACLED_COLUMNS) <= set(props)
        assert props["fact_ids"] == list(event.fact_ids)
        assert props["citations"] and all(
            {"article_id", "start", "end", "text"} <= set(c) for c in props["citations"]
        )
        geometry = feature["geometry"]
        if event.latitude is None:
            assert geometry is None
            continue
        points += 1
        assert geometry["type"] == "Point"
        lon, lat = geometry["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert (lon, lat) == (event.longitude, event.latitude)  # GeoJSON order: lon, lat
    assert points


def test_a_citation_is_the_text_of_its_article(report: Report) -> None:
    texts = {a.id: a.text for a in report.articles}
    data = json.loads(render(report, "geojson"))
    for feature in data["features"]:
        for c in feature["properties"]["citations"]:
            assert texts[c["article_id"]][c["start"] : c["end"]] == c["text"]
