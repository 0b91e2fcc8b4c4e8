"""The quality gate: every extractor at or above its pinned floor on the gold set."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsprism.evaluate.extract import EXTRACTORS, Scores, evaluate_extract, format_scores

GOLD = Path(__file__).resolve().parents[1] / "gold"
FLOORS = json.loads((GOLD / "floors.json").read_text())


@pytest.fixture(scope="module")
def scores() -> dict[str, Scores]:
    return evaluate_extract(GOLD)


@pytest.mark.parametrize("name", EXTRACTORS)
def test_extractor_meets_its_floor(scores: dict[str, Scores], name: str) -> None:
    s = scores[name]
    floor = FLOORS[name]
    assert s.gold > 0, f"no gold items for {name}"
    assert s.precision >= floor["precision"], format_scores(scores)
    assert s.recall >= floor["recall"], format_scores(scores)


def test_every_extractor_has_a_floor() -> None:
    assert set(EXTRACTORS) <= set(FLOORS)
