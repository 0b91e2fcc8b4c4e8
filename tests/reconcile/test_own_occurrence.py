"""A weekday names many occurrences of a story ("the city was calm on Sunday", "shops
reopened on Sunday", "an officer killed the student on Sunday"), and the claim model
weighs a shared value most: a report's "killed on Sunday" joined the other reports'
Sundays of other verbs, and those reports giving the killing's date too ("the December
6 killing"), it was never weighed against the killing's dates (made-up sentences as
reports of a riot write them)."""

from __future__ import annotations

from newsprism.records import Claim

from ..sentence_claims import date_statements, value_checks

REPORTS = [
    ("a", "The city was calm on Sunday."),
    ("a", "The December 6 killing of the student sparked riots."),
    ("b", "Shops reopened on Sunday."),
    ("b", "Police killed the student on December 6."),
]
KILLED_SUNDAY = ("c", "A police officer killed the student on Sunday during a clash.")
PLANNED_SUNDAY = ("c", "A new vigil is planned for Sunday.")


def _one_verb(x: Claim, y: Claim) -> bool:
    return x.predicate == y.predicate


def test_a_weekday_of_the_killing_joins_the_dates_of_the_killing() -> None:
    """Before, the report of "killed on Sunday" stood with the calm city and the
    reopened shops, and no value check held it beside "the December 6 killing"."""
    sts = date_statements(*REPORTS, KILLED_SUNDAY)
    assert value_checks(sts, _one_verb) == [
        ["December 6 (kill)", "December 6 (kill)", "Sunday (kill)"],
        ["Sunday (city)", "Sunday (reopen)"],
    ]


def test_a_weekday_of_another_occurrence_stays_with_its_value() -> None:
    sts = date_statements(*REPORTS, PLANNED_SUNDAY)
    assert value_checks(sts, _one_verb) == [
        ["December 6 (kill)", "December 6 (kill)"],
        ["Sunday (city)", "Sunday (plan)", "Sunday (reopen)"],
    ]
