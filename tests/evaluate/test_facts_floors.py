"""The quality gate of facts and comparisons: `newsprism eval facts` on the dev gold, at or
above its pinned floors (tests/gold/facts_floors.json)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsprism.evaluate.facts import FactScores, evaluate_facts, format_facts

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "tests" / "gold" / "facts"
FLOORS = json.loads((ROOT / "tests" / "gold" / "facts_floors.json").read_text())
# <repo>/../shared/data, as tests/evaluate/test_facts_gold.py finds it (a worktree one
# level further up)
TARBALL = next(
    (
        d / "ecbplus" / "ecbplus-topics-1-35.tar.gz"
        for d in (ROOT / ".." / "shared" / "data", ROOT / ".." / ".." / "shared" / "data")
        if d.is_dir()
    ),
    ROOT / ".." / "shared" / "data" / "ecbplus" / "ecbplus-topics-1-35.tar.gz",
)

if not TARBALL.parent.parent.is_dir():
    pytest.skip(f"shared data folder {TARBALL.parent.parent} is missing", allow_module_level=True)


@pytest.fixture(scope="module")
def results() -> dict[str, FactScores]:
    return evaluate_facts(GOLD, ROOT, TARBALL)


@pytest.mark.parametrize("measure", sorted(FLOORS["overall"]))
def test_overall_meets_its_floor(results: dict[str, FactScores], measure: str) -> None:
    total = FactScores()
    for s in results.values():
        total.add(s)
    assert total.gold_pairs > 0
    assert not total.missing, total.missing[:3]
    assert getattr(total, measure) >= FLOORS["overall"][measure], format_facts(results)
