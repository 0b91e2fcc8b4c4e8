"""A weekday names many occurrences of a story ("the city was calm on Sunday", "shops
reopened on Sunday", "an officer killed the student on Sunday"), and the claim model
weighs a shared value most: a report's "killed on Sunday" joined the other reports'
Sundays of other verbs, and those reports giving the killing's date too ("the December
6 killing"), it was never weighed against the killing's dates (made-up sentences as
reports of a riot write them)."""

from __future__ import annotations

import numpy as np

from newsprism.reconcile.align import claim_groups
from newsprism.records import Span, Statement

from ..sentence_claims import claims_in

REPORTS = [
    ("a", "The city was calm on Sunday."),
    ("a", "The December 6 killing of the student sparked riots."),
    ("b", "Shops reopened on Sunday."),
    ("b", "Police killed the student on December 6."),
]
KILLED_SUNDAY = ("c", "A police officer killed the student on Sunday during a clash.")
PLANNED_SUNDAY = ("c", "A new vigil is planned for Sunday.")


def _statements(*reports: tuple[str, str]) -> list[Statement]:
    out, at = [], 0
    for aid, text in reports:
        dates = tuple(c for c in claims_in(aid, text) if c.kind == "date")
        out.append(Statement(Span(aid, at, at + len(text)), text, claims=dates))
        at += len(text) + 1
    return out


def _groups(sts: list[Statement]) -> list[list[str]]:
    """The value checks of ``sts`` when the claim model scores two equal values 0.9, two
    dates of one verb 0.7 and every other pair 0.2: each as its claims' values."""
    claims = [(s, k) for s, st in enumerate(sts) for k in range(len(st.claims))]
    cl = [sts[s].claims[k] for s, k in claims]
    pairs = [(i, j) for i in range(len(claims)) for j in range(i + 1, len(claims))]

    def score(i: int, j: int) -> float:
        if cl[i].value == cl[j].value:
            return 0.9
        return 0.7 if cl[i].predicate == cl[j].predicate else 0.2

    x = np.array([i for i, _ in pairs], dtype=np.intp)
    y = np.array([j for _, j in pairs], dtype=np.intp)
    p = np.array([score(i, j) for i, j in pairs], dtype=np.float64)
    groups = claim_groups(sts, np.zeros((len(sts), len(sts))), scored=(claims, x, y, p))
    return sorted(sorted(f"{sts[s].claims[k].text} ({sts[s].claims[k].predicate})"
                         for s, k in g) for g in groups)  # fmt: skip


def test_a_weekday_of_the_killing_joins_the_dates_of_the_killing() -> None:
    """Before, the report of "killed on Sunday" stood with the calm city and the
    reopened shops, and no value check held it beside "the December 6 killing"."""
    sts = _statements(*REPORTS, KILLED_SUNDAY)
    assert _groups(sts) == [
        ["December 6 (kill)", "December 6 (kill)", "Sunday (kill)"],
        ["Sunday (city)", "Sunday (reopen)"],
    ]


def test_a_weekday_of_another_occurrence_stays_with_its_value() -> None:
    sts = _statements(*REPORTS, PLANNED_SUNDAY)
    assert _groups(sts) == [
        ["December 6 (kill)", "December 6 (kill)"],
        ["Sunday (city)", "Sunday (plan)", "Sunday (reopen)"],
    ]
