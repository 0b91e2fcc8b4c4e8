"""One move into a place told with different verbs: reports of one admission write that
the person "checked into" the clinic, "checked in" or "entered" it, and the dates they
give are one slot's, whichever verb each chose. Before, "entered the clinic on Tuesday"
was a date of another occurrence than "checked into the clinic on Friday", and the
report giving Tuesday was never weighed against those giving Friday (made-up sentences
as celebrity news reports write them)."""

from __future__ import annotations

import numpy as np

from newsprism.analyze.claims import predicate_class
from newsprism.reconcile.align import claim_pairs
from newsprism.reconcile.claims import compatible, said_of
from newsprism.records import Claim, Span, Statement

from ..sentence_claims import claims_in, date_statements, value_checks

PUBLISHED = "2008-12-20"


def _date(aid: str, sentence: str) -> Claim:
    (date,) = [c for c in claims_in(aid, sentence, PUBLISHED) if c.kind == "date"]
    return date


def test_the_dates_of_entering_and_checking_into_a_clinic_are_one_slot() -> None:
    checked = _date("a", "The actress checked into a treatment center in the hills on Friday.")
    entered = _date("b", "The actress entered the treatment center on Tuesday, her rep said.")
    arrested = _date("c", "The actress was arrested on Tuesday, police said.")
    assert predicate_class(checked.predicate) == predicate_class(entered.predicate)
    one, other, third = said_of([checked, entered, arrested], {},
                                {"a": PUBLISHED, "b": PUBLISHED, "c": PUBLISHED})  # fmt: skip
    assert compatible(one, other)
    # an arrest is another occurrence, whatever day each report gives
    assert not compatible(one, third)


REPORTS = [
    ("a", "The actress checked into a treatment center on Friday."),
    ("b", "The actress checked herself in on Friday, her publicist said."),
    ("c", "The actress reportedly headed to a clinic on Tuesday."),
]
ENTERED = ("d", "The actress has entered the treatment center on Tuesday, her rep said.")


def _one_class(x: Claim, y: Claim) -> bool:
    """Two dates of one occurrence as the claim model's same-predicate feature reads them:
    one predicate class."""
    return predicate_class(x.predicate) == predicate_class(y.predicate)


def test_a_tuesday_of_entering_is_weighed_against_the_fridays_of_checking_in() -> None:
    """Before, the Tuesday of "entered" stood with the Tuesday of "headed to a clinic"
    (one value, two verbs) and no value check held it beside the reports' Fridays."""
    sts = date_statements(*REPORTS, ENTERED, published=PUBLISHED)
    checked = ["on Friday (check)", "on Friday (check)", "on Tuesday (enter)"]
    assert value_checks(sts, _one_class) == [checked]


def test_bullets_that_entered_a_body_are_no_value_of_the_shots_fired() -> None:
    """A move into a place counts nothing: "seven bullets entered his body" beside "fired
    11 shots" in one report is a count of its own occurrence, never a candidate value
    of another report's count of the shots fired."""
    first = "Deputies fired 11 shots. Seven bullets entered his body."
    second = "The deputies fired seven shots at the man."
    sts = []
    for aid, text in (("a", first), ("b", second)):
        counts = tuple(c for c in claims_in(aid, text) if c.kind == "count")
        sts.append(Statement(Span(aid, 0, len(text)), text, claims=counts))
    _, pairs, _ = claim_pairs(sts, np.full((2, 2), 0.5))
    entered = [k for k, c in enumerate(sts[0].claims) if c.predicate == "enter"]
    assert entered
    assert not [p for p in pairs if p[0] == 0 and p[1] in entered]
