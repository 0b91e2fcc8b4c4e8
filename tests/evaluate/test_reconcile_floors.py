"""The quality gate of the reconcile stage: each annotated story at or above its floors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsprism.evaluate.extract import Scores
from newsprism.evaluate.reconcile import evaluate_reconcile, format_reconcile

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "tests" / "gold"
FLOORS = json.loads((GOLD / "reconcile_floors.json").read_text())


@pytest.fixture(scope="module")
def results() -> dict[str, dict[str, Scores]]:
    return evaluate_reconcile(GOLD / "reconcile", ROOT)


@pytest.mark.parametrize(
    ("story", "measure"),
    [(s, m) for s, ms in FLOORS.items() if isinstance(ms, dict) for m in ms],
)
def test_story_meets_its_floor(
    results: dict[str, dict[str, Scores]], story: str, measure: str
) -> None:
    s = results[story][measure]
    floor = FLOORS[story][measure]
    assert s.gold > 0, f"no gold items for {story}/{measure}"
    assert s.precision >= floor["precision"], format_reconcile(results)
    assert s.recall >= floor["recall"], format_reconcile(results)


def test_every_gold_story_has_floors() -> None:
    stories = {p.stem for p in (GOLD / "reconcile").glob("*.json")}
    assert stories <= set(FLOORS)
