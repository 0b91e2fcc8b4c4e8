"""Grading copies against the primary source: each planted edit named for what it is,
nothing said about a copy that changed nothing."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from newsprism.evaluate.planted import Report, read_reports, run_planted, summarize
from newsprism.reconcile.primary import word_changes
from newsprism.records import Analysis, Mention, Quote, Span, Statement

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("NEWSPRISM_SHARED_DATA", ROOT.parent / "shared" / "data"))
ECB = SHARED / "ecbplus" / "ecbplus-topics-1-35.tar.gz"

# A real sentence (ECB+ topic 24, a jewel heist) and its copies, each with one change.
REF = (
    "Four men rammed their car into an upmarket jewelry store in central Paris on Monday, "
    "making off with a two-million-euro booty, a police source said."
)


def _st(article: str, text: str) -> Statement:
    return Statement(Span(article, 0, len(text)), text)


def _changes(copy: str, mentions: tuple[Mention, ...] = (), quoted: bool = False) -> list[str]:
    ref, mine = _st("p", REF), _st("c", copy)
    quotes = (Quote(Span("c", 0, len(copy)), copy, None, None, None, "direct"),) if quoted else ()
    return word_changes(ref, mine, Analysis("p", mentions=mentions),
                        Analysis("c", mentions=mentions, quotes=quotes))  # fmt: skip


@pytest.mark.parametrize(
    ("copy", "expected"),
    [
        (REF.replace("Four men", "Five men"), "number changed: “Four” → “Five”"),
        (REF.replace("two-million-euro", "three-million-euro"), "number changed"),
        (REF.replace("Monday", "Thursday"), "date changed: “Monday” → “Thursday”"),
        (REF.replace("central", "central"), None),
    ],
)
def test_a_copied_sentence_names_the_value_it_changed(copy: str, expected: str | None) -> None:
    found = _changes(copy)
    if expected is None:
        assert found == []
    else:
        assert len(found) == 1 and found[0].startswith(expected)


def test_a_changed_place_is_named_a_place() -> None:
    copy = REF.replace("Paris", "Lyon")
    paris = REF.index("Paris")
    mentions = (Mention(Span("p", paris, paris + 5), "Paris", "GPE", "paris"),
                Mention(Span("c", paris, paris + 4), "Lyon", "GPE", "lyon"))  # fmt: skip
    assert _changes(copy, mentions) == ["place changed: “Paris” → “Lyon”"]


def test_a_change_inside_a_quotation_is_a_quotation_altered() -> None:
    found = _changes(REF.replace("upmarket", "cheap"), quoted=True)
    assert found == ["quotation altered (wording): “upmarket” → “cheap”"]


def test_a_dropped_word_is_no_changed_value() -> None:
    assert _changes(REF.replace(" upmarket", "")) == []


def test_planted_edits_are_caught_and_unchanged_copies_raise_no_alarm() -> None:
    # Four ECB+ reports, each copied five times: a number, a date, a place and a word of
    # a quotation changed, or nothing (kinds a report has no spot for are left out).
    first: dict[str, Report] = {}
    for r in read_reports(ECB, {8, 12, 24, 30}):
        if len(r.text.split()) >= 150:  # the first report of each topic long enough to copy
            first.setdefault(r.name.split("_")[0], r)
    reports = list(first.values())
    outcomes = run_planted(reports)
    figures = summarize(outcomes)
    missed = [o for o in outcomes if o.kind != "none" and not o.caught]
    alarms = [o for o in outcomes if o.kind == "none" and o.alarmed]
    assert figures["edits"] >= 8 and figures["unchanged"] == 4
    assert missed == [] and alarms == []
