"""A move into a place told as going there: reports of one admission write that the
person "checked into" a clinic, "entered" it, or "went to" or "headed to" it, and the
days they give are one slot's when the places share a word. Before, the reports of
going stood apart with their own Tuesday, and their day was never weighed against the
Friday of checking in (made-up sentences as celebrity news reports write them)."""

from __future__ import annotations

from newsprism.analyze.claims import predicate_class
from newsprism.reconcile.claims import relation, said_of
from newsprism.records import Statement

from ..sentence_claims import date_statements, value_checks

PUBLISHED = "2008-12-20"
CHECKED = [
    ("a", "The actress checked into the Lakeside Treatment Center on Friday."),
    ("b", "The actress checked herself in on Friday, her publicist said."),
    ("d", "The actress has entered the Lakeside Treatment Center on Tuesday, her rep said."),
]
WENT = ("c", "A friend told the magazine she went to Lakeside on Tuesday.")
HEADED = ("e", "The actress, 33, reportedly headed to a lakeside treatment facility on Tuesday.")
COURT = ("f", "The actor went to court on Tuesday, his lawyer said.")


def _statements(*reports: tuple[str, str], published: str | None = PUBLISHED) -> list[Statement]:
    return date_statements(*reports, published=published)


def _groups(sts: list[Statement]) -> list[list[str]]:
    """The value checks of ``sts`` with two dates of one predicate class scored as one
    occurrence (:func:`..sentence_claims.value_checks`)."""
    return value_checks(
        sts, lambda a, b: predicate_class(a.predicate) == predicate_class(b.predicate)
    )


def test_the_tuesdays_of_going_to_the_clinic_join_the_fridays_of_checking_in() -> None:
    """Before, "went to Lakeside on Tuesday" and "headed to a lakeside treatment
    facility on Tuesday" stood as a slot of their own that agreed with itself."""
    sts = _statements(*CHECKED, WENT, HEADED)
    assert _groups(sts) == [["on Friday (check)", "on Friday (check)", "on Tuesday (enter)",
                             "on Tuesday (go)", "on Tuesday (head)"]]  # fmt: skip


def test_going_to_court_is_no_day_of_checking_into_the_clinic() -> None:
    sts = _statements(*CHECKED, COURT)
    groups = _groups(sts)
    assert ["on Friday (check)", "on Friday (check)", "on Tuesday (enter)"] in groups
    assert not any("on Tuesday (go)" in g for g in groups)


def test_a_tuesday_of_going_to_the_clinic_disagrees_with_a_friday_of_checking_in() -> None:
    """Two undated reports' weekdays of one move into one place cannot both be true,
    as two weekdays of checking in cannot; going to court on Tuesday is another
    occurrence."""
    # each its own report: its sentence at the report's start
    went, checked, court = (_statements(r, published=None)[0] for r in (WENT, CHECKED[0], COURT))
    (one, other, third) = said_of(
        [went.claims[0], checked.claims[0], court.claims[0]],
        {},
        {},
        [(st.span, st.text) for st in (went, checked, court)],
    )
    assert relation(one, other, one_slot=True) == "conflict"
    assert relation(third, other, one_slot=True) != "conflict"
