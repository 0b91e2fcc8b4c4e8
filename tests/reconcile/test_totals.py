"""A running total is a slot of its own: the arms a ship has seized in all its
operations are no value of the arms found in the one operation a report is about (news
sentences as navy and police reports write them)."""

from __future__ import annotations

import numpy as np
import pytest

from newsprism.analyze.totals import TOTAL
from newsprism.reconcile.claims import compare_claims, said_of
from newsprism.records import Claim

from ..sentence_claims import claims_in


def _rifles(sentence: str) -> Claim:
    return next(c for c in claims_in("a", sentence) if c.thing == "rifle")


def _compared(first: str, second: str) -> list[list[str]]:
    claims = claims_in("a", first) + claims_in("b", second)
    found = compare_claims(said_of(claims, {}, {"a": None, "b": None}))
    return [[g.value for g in c.groups] for c in found if c.slot.endswith("rifle")]


@pytest.mark.parametrize(
    "sentence",
    [
        "So far, the navy has seized 14 AK-47 rifles, 31 magazines and 923 rounds from pirates.",
        "The ship has, thus far, seized a total of 14 AK-47 rifles and 31 magazines.",
        "The navy has seized a total of 14 AK-47 rifles during the five operations it "
        "carried out there, the officer said.",
        "In their five operations so far, the sailors have seized 14 AK-47 rifles, he said.",
        "The navy has already seized 14 AK-47 rifles from pirates off the coast, the officer said.",
    ],
)
def test_a_count_summed_over_operations_is_a_running_total(sentence: str) -> None:
    c = _rifles(sentence)
    assert (c.subset, c.predicate) == (TOTAL, "seize")


def test_the_count_of_one_operation_is_no_total() -> None:
    c = _rifles("During the operation, the navy seized six AK-47 rifles from the boat.")
    assert (c.subset, c.predicate) == (None, "seize")


def test_already_in_another_clause_makes_no_total() -> None:
    """Only the counting clause's own adverbials count: the pirates' "already" is theirs."""
    c = _rifles("The pirates had already fled when the navy seized six AK-47 rifles from the boat.")
    assert (c.subset, c.predicate) == (None, "seize")


def test_a_total_of_is_an_amount_not_the_occurrence() -> None:
    """The count of "seized a total of 14 rifles" is of the seizing."""
    c = _rifles("The navy seized a total of 14 AK-47 rifles from the boats.")
    assert c.predicate == "seize"


def test_a_running_total_is_not_compared_with_one_operation_s_count() -> None:
    one = "During the operation, the navy seized six AK-47 rifles from the boat."
    assert _compared(one, "So far, the navy has seized 14 AK-47 rifles from pirates.") == []
    # two reports of the one operation still disagree
    assert _compared(one, "The navy seized 14 AK-47 rifles from the boat.") == [["6", "14"]]


def test_two_running_totals_are_still_compared() -> None:
    found = _compared(
        "So far, the navy has seized 14 AK-47 rifles from pirates.",
        "So far, the navy has seized 12 AK-47 rifles from pirates.",
    )
    assert found == [["14", "12"]]


def test_other_things_counted_beside_the_first_are_a_part_of_their_own() -> None:
    """In "seven AK-47 rifles, two other rifles" the two are not the seven."""
    sentence = "The navy seized seven AK-47 assault rifles, two other rifles and 13 magazines."
    claims = [c for c in claims_in("a", sentence) if c.thing == "rifle"]
    assert [(c.value, c.subset) for c in claims] == [("7", None), ("2", "other")]


def test_a_running_total_is_no_candidate_to_join_one_operation_s_count() -> None:
    """The claim model weighs a shared value most: "14 rifles so far" joined the "14
    rifles" another report gives for one boat before that report's figure could meet the
    six the others found, and the disagreement was never compared."""
    from newsprism.reconcile.align import claim_pairs
    from newsprism.records import Span, Statement

    sentences = [
        ("a", "So far, the navy has seized 14 AK-47 rifles from pirates."),
        ("b", "The navy seized 14 AK-47 rifles from the boat."),
        ("c", "The navy has seized 14 AK-47 rifles so far, the officer said."),
    ]
    sts = [Statement(Span(aid, 0, len(s)), s, claims=tuple(claims_in(aid, s)))
           for aid, s in sentences]  # fmt: skip
    _claims_of, pairs, _ = claim_pairs(sts, np.full((3, 3), 0.9))
    rifles = {(s, k) for s, st in enumerate(sts)
              for k, c in enumerate(st.claims) if c.thing == "rifle"}  # fmt: skip
    joined = [((a, b), (c, d)) for a, b, c, d in pairs if {(a, b), (c, d)} <= rifles]
    assert [(p[0][0], p[1][0]) for p in joined] == [(0, 2)]
