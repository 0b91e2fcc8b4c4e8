"""How long a person's part stayed hidden is one slot of the story: a report that tells
the keeping ("kept his role a secret for 30 years") and one that tells the breaking ("it
was 34 years before he finally broke cover") share few words around the length, yet
they give two values of one slot, and they disagree (made-up sentences as obituaries of
an anonymous source write them)."""

from __future__ import annotations

import numpy as np

from newsprism.reconcile.align import claim_groups
from newsprism.reconcile.claims import compare_claims, said_of
from newsprism.records import Statement

from ..sentence_claims import statements

KEPT = ("a", "Robert Hale kept his role in the affair a secret for 30 years.")
REVEALED = ("b", "Hale revealed himself as the source 30 years after he tipped off reporters.")
BROKE = ("c", "It was 34 years before he finally broke cover.")
# a length of another occurrence, which the rule leaves to the model
SERVED = ("d", "Hale served for 34 years in the agency.")


def _statements(*reports: tuple[str, str]) -> list[Statement]:
    return statements(*reports, keep=lambda c: c.kind == "measure")


def _groups(sts: list[Statement], score: float) -> list[list[str]]:
    """The value checks of ``sts`` when the claim model scores the reports of 30 years
    together 0.9 and every other pair ``score``: each as its claims' values."""
    claims = [(s, k) for s, st in enumerate(sts) for k in range(len(st.claims))]
    pairs = [(i, j) for i in range(len(claims)) for j in range(i + 1, len(claims))]
    thirty = {n for n, (s, k) in enumerate(claims) if "30" in sts[s].claims[k].text}
    x = np.array([i for i, _ in pairs], dtype=np.intp)
    y = np.array([j for _, j in pairs], dtype=np.intp)
    p = np.array([0.9 if {i, j} <= thirty else score for i, j in pairs], dtype=np.float64)
    groups = claim_groups(sts, np.zeros((len(sts), len(sts))), scored=(claims, x, y, p))
    return [sorted(sts[s].claims[k].text for s, k in g) for g in groups]


def test_each_report_reads_a_length_of_secrecy() -> None:
    sts = _statements(KEPT, REVEALED, BROKE, SERVED)
    assert [[(c.predicate, c.text) for c in st.claims] for st in sts] == [
        [("secrecy", "for 30 years")],
        [("secrecy", "30 years")],
        [("secrecy", "34 years")],
        [("serve", "for 34 years")],
    ]


def test_a_length_told_by_the_breaking_joins_the_lengths_told_by_the_keeping() -> None:
    """The model scores the report of 34 years 0.3 against the others (their sentences
    share few words); before, it stayed out of the value check and the disagreement went
    unseen. The value check compares it, and 30 and 34 years conflict."""
    sts = _statements(KEPT, REVEALED, BROKE)
    assert _groups(sts, 0.3) == [["30 years", "34 years", "for 30 years"]]
    claims = [c for st in sts for c in st.claims]
    found = compare_claims(said_of(claims, {}, {aid: None for aid in "abc"}))
    assert [(c.relation, [g.value for g in c.groups]) for c in found] == [
        ("conflict", ["for 30 years", "34 years"])
    ]


def test_a_length_of_another_occurrence_is_left_to_the_model() -> None:
    sts = _statements(KEPT, REVEALED, SERVED)
    assert _groups(sts, 0.3) == [["30 years", "for 30 years"]]
