"""One haul told with different verbs: the arms a navy "found" and "confiscated" from one
boat are one count, known by the list of things counted with it (sentences as navy
reports write them)."""

from __future__ import annotations

import numpy as np

from newsprism.reconcile.align import claim_pairs
from newsprism.reconcile.claims import said_of
from newsprism.reconcile.gate import GATE_FEATURES, gate_features
from newsprism.reconcile.occurrence import one_inventory
from newsprism.records import Claim, Span, Statement

from ..sentence_claims import claims_in

FOUND = "During the operation, six AK-47 rifles, 12 magazines and about 300 rounds were found."
SEIZED = "The Navy confiscated 14 AK-47 rifles, 31 magazines and 923 rounds from the boat."


def _of(claims: list[Claim], thing: str) -> Claim:
    return next(c for c in claims if c.thing == thing)


def test_a_count_knows_the_nouns_it_is_listed_with() -> None:
    rifles = _of(claims_in("a", FOUND), "rifle")
    assert (rifles.predicate, rifles.listed) == ("find", ("magazine", "round"))


def test_one_inventory_told_with_two_verbs_is_one_occurrence_for_the_gate() -> None:
    """The gate held "six rifles were found" against "confiscated 14 rifles" back as two
    occurrences (p 0.016 against its threshold 0.03 on the ECB+ story)."""
    a, b = _of(claims_in("a", FOUND), "rifle"), _of(claims_in("b", SEIZED), "rifle")
    assert one_inventory(a, b)
    sa, sb = said_of([a, b], {}, {"a": None, "b": None})
    row = gate_features([sa], [sb], one_slot=True)
    assert row[GATE_FEATURES.index("same_predicate")] == 1.0


def test_the_killed_and_the_injured_are_never_one_inventory() -> None:
    killed = _of(claims_in("a", "The blast killed 12 soldiers and three civilians."), "soldier")
    hurt = _of(claims_in("b", "The blast injured 40 soldiers and five civilians."), "soldier")
    assert killed.listed == hurt.listed == ("civilian",)
    assert not one_inventory(killed, hurt)


def test_a_noun_the_other_sentence_counts_itself_is_no_candidate_for_another_noun() -> None:
    """The claim model weighs close values most: it paired the navy's "14 rifles" with
    the others' "12 magazines" before "six rifles", so the rifles were never compared."""
    sts = [Statement(Span(aid, 0, len(s)), s, claims=tuple(claims_in(aid, s)))
           for aid, s in (("a", FOUND), ("b", SEIZED))]  # fmt: skip
    _, pairs, _ = claim_pairs(sts, np.full((2, 2), 0.9))
    things = [(sts[s].claims[k].thing, sts[t].claims[m].thing) for s, k, t, m in pairs]
    assert sorted(things) == [("magazine", "magazine"), ("rifle", "rifle"), ("shot", "shot")]
