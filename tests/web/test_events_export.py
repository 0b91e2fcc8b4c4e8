"""The events of a stored story from the web API as ACLED CSV and GeoJSON."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsprism.render.events_export import ACLED_COLUMNS
from newsprism.web import create_app


@pytest.fixture
def client(db_copy: Path) -> Iterator[TestClient]:
    with TestClient(create_app(str(db_copy)), base_url="http://127.0.0.1") as c:
        yield c


def test_events_download_as_acled_csv_and_geojson(client: TestClient) -> None:
    sid = client.get("/api/stories").json()["items"][0]["id"]
    events = client.get(f"/api/stories/{sid}/events").json()["items"]
    response = client.get(f"/api/stories/{sid}/events?format=csv")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert tuple(rows[0]) == ACLED_COLUMNS and len(rows) == len(events)
    # the outlet of each article, not its id, names the source
    assert all(r["source"] for r in rows)
    response = client.get(f"/api/stories/{sid}/events?format=geojson")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/geo+json")
    data = response.json()
    assert data["type"] == "FeatureCollection" and len(data["features"]) == len(events)


def test_an_unknown_export_format_is_a_400_in_the_one_error_shape(client: TestClient) -> None:
    sid = client.get("/api/stories").json()["items"][0]["id"]
    response = client.get(f"/api/stories/{sid}/events?format=xlsx")
    assert response.status_code in (400, 422)
    assert set(response.json()) == {"error"}
