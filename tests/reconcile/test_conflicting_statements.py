"""Conflicting statements land in one fact (issue 17), on three hand-written reports of one
flood (tests/data/flood): two give the toll as 23 in different words ("killing 23
people", "Twenty-three people died"), one as 31 ("The death toll ... stands at 31").
A reader expects the three in one comparison, the two that agree in one group, and the
third set against them, whatever the wording."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.records import Article, Comparison
from newsprism.report import Report, run

FOLDER = Path(__file__).resolve().parents[1] / "data" / "flood"


@pytest.fixture(scope="module")
def flood() -> Report:
    return run([str(FOLDER)], one_story=True, processes=1)


def _article(report: Report, name: str) -> Article:
    return next(a for a in report.articles if Path(a.source).name == name)


def _comparisons_of(report: Report, *held: tuple[str, str]) -> list[Comparison]:
    """The comparisons whose value groups cite every (report, words) given."""
    spots = []
    for name, words in held:
        art = _article(report, name)
        at = art.text.index(words)
        spots.append((art.id, at, at + len(words)))
    return [
        c
        for f in report.stories[0].facts
        for c in f.comparisons
        if all(
            any(sp.article_id == aid and s <= sp.start < e for g in c.groups for sp in g.spans)
            for aid, s, e in spots
        )
    ]


def test_differently_worded_tolls_are_compared_as_one_slot(flood: Report) -> None:
    found = _comparisons_of(
        flood,
        ("a.txt", "killing 23 people"),
        ("b.txt", "stands at 31"),
        ("c.txt", "Twenty-three people died"),
    )
    assert found, "the three tolls are never compared"
    ids = {n: _article(flood, n).id for n in ("a.txt", "b.txt", "c.txt")}
    for c in found:
        assert c.relation in {"conflict", "update"}
        group_of = {a: k for k, g in enumerate(c.groups) for a in g.article_ids}
        # the two reports giving 23 agree; the one giving 31 stands apart
        assert group_of[ids["a.txt"]] == group_of[ids["c.txt"]] != group_of[ids["b.txt"]]
