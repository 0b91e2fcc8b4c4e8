"""The geoparsing quality gate on a subset of LGL and GeoWebNews (the full run is
``newsprism eval geo``, a few minutes; this one reads the first 80 articles of
each corpus and cross-fits the resolver on them, about a minute)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsprism.evaluate.geo import evaluate_geo, format_geo

REPO = Path(__file__).resolve().parents[2]
DATA = next(
    (
        d / "geoparsing"
        for d in (REPO / ".." / "shared" / "data", REPO / ".." / ".." / "shared" / "data")
        if (d / "geoparsing").is_dir()
    ),
    REPO / ".." / "shared" / "data" / "geoparsing",
)
FLOORS = json.loads((REPO / "tests" / "gold" / "geo_floors.json").read_text())

if not DATA.is_dir():
    pytest.skip(f"shared data folder {DATA} is missing", allow_module_level=True)


@pytest.fixture(scope="module")
def scores() -> dict[str, dict[str, float]]:
    return evaluate_geo(DATA, limit=FLOORS["articles_per_corpus"])


@pytest.mark.slow
@pytest.mark.parametrize("corpus", ["LGL", "GWN"])
def test_geoparsing_meets_its_floors(scores: dict[str, dict[str, float]], corpus: str) -> None:
    for key, floor in FLOORS[corpus].items():
        assert scores[corpus][key] >= floor, f"{corpus} {key}\n" + format_geo(scores)
