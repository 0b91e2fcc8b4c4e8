"""Alignment as a reader checks it, on three hand-written reports of one earthquake
(tests/data/quake): what each report says of one thing lands in one fact, even when the
reports disagree, and a sub-event (the aftershock) stays apart from the main event."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.records import Article, Fact
from newsprism.report import Report, run

FOLDER = Path(__file__).resolve().parents[1] / "data" / "quake"


@pytest.fixture(scope="module")
def quake() -> Report:
    return run([str(FOLDER)], one_story=True, processes=1)


def _article(report: Report, name: str) -> Article:
    return next(a for a in report.articles if Path(a.source).name == name)


def _facts_holding(report: Report, name: str, piece: str) -> list[Fact]:
    art = _article(report, name)
    at = art.text.index(piece)
    return [
        f
        for f in report.stories[0].facts
        if any(
            st.span.article_id == art.id and st.span.start <= at < st.span.end
            for st in f.statements
        )
    ]


def _together(report: Report, *held: tuple[str, str]) -> bool:
    """Some fact holds every (report, words) given."""
    sets = [{f.id for f in _facts_holding(report, n, p)} for n, p in held]
    return bool(set.intersection(*sets))


def test_the_three_reports_of_the_epicentre_are_one_fact(quake: Report) -> None:
    assert _together(
        quake,
        ("a.txt", "epicentre was 40 kilometres"),
        ("b.txt", "Its epicentre lay 40 km"),
        ("c.txt", "the epicentre was 40 kilometres"),
    )


def test_the_aftershock_is_not_merged_with_the_main_quake(quake: Report) -> None:
    assert _together(quake, ("a.txt", "4.8 aftershock"), ("b.txt", "aftershock of magnitude 4.8"))
    assert not _together(quake, ("a.txt", "epicentre was 40"), ("b.txt", "centred 15 km"))
    assert not _together(quake, ("b.txt", "epicentre lay 40"), ("a.txt", "15 kilometres south"))


def test_reports_placing_the_victims_in_different_villages_are_aligned(quake: Report) -> None:
    assert _together(quake, ("a.txt", "village of Dorvik"), ("b.txt", "village of Marlen"))


def test_reports_naming_different_governors_are_aligned(quake: Report) -> None:
    assert _together(quake, ("a.txt", "governor Anna Keller"), ("b.txt", "governor Peter Olsen"))
