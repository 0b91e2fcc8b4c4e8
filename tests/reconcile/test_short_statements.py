"""A short sentence is a statement when it gives a figure or a date: a report may give
a running total or an age only in a closing line of four words ("He now has 2,301."),
and left out, the value was never weighed against the other reports'. Headlines and
bylines of few words give no statement."""

from __future__ import annotations

from newsprism.analyze.nlp import parse
from newsprism.reconcile.facts import statements_of
from newsprism.records import Analysis, Sentence, Span

from ..sentence_claims import claims_in


def _statements(text: str) -> list[str]:
    doc = parse(text)
    sentences = tuple(
        Sentence(Span("a", s.start_char, s.end_char), s.text) for s in doc.sents if s.text.strip()
    )
    analysis = Analysis("a", sentences=sentences, claims=tuple(claims_in("a", text)))
    return [st.text.strip() for st, _ in statements_of(analysis, text, {})]


def test_a_closing_line_giving_a_running_total_is_a_statement() -> None:
    text = "Jones scored 20 points in the win over the visitors. Jones now has 2,301."
    assert "Jones now has 2,301." in _statements(text)


def test_a_closing_line_giving_a_date_is_a_statement() -> None:
    text = "The family moved to the coast when she was a child. Her father died in 1984."
    assert "Her father died in 1984." in _statements(text)


def test_a_credit_line_with_a_figure_is_no_statement() -> None:
    text = "Five people were hurt when a bus hit a wall on Main Street.\n\nVia wire desk 2."
    assert _statements(text) == ["Five people were hurt when a bus hit a wall on Main Street."]


def test_a_short_headline_without_a_full_stop_is_no_statement() -> None:
    text = "Five Hurt In Crash\n\nFive people were hurt when a bus hit a wall on Main Street."
    assert not any(s.startswith("Five Hurt") for s in _statements(text))
