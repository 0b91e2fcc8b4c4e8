"""A crowd's size is compared with other reports' crowd sizes, never with a count of what
befell some of the crowd (the injured, the arrested) or of another named occurrence
("12 youths hurled stones"), however alike the sentences: an upper bound ("as many as
20,000") overlaps every small count, and joined with one the crowd's size was kept from
the other reports' estimates it disagrees with (made-up sentences as reports of a
general strike write them)."""

from __future__ import annotations

import numpy as np

from newsprism.reconcile.align import claim_pairs

from ..sentence_claims import claims_in, statements

AS_MANY = "Police said as many as 20,000 people took to the streets of the capital."
INJURED = "Police said 12 people were injured in the riots."
HURLED = "Some 12 youths hurled stones at riot police."
ESTIMATE = "Police put the march, to mark a nationwide strike, at roughly 30,000 people."
ATTENDED = "The march was attended by an approximate 200,000."


def test_a_crowd_of_no_noun_is_of_people() -> None:
    counts = [c for c in claims_in("a", ATTENDED) if c.kind == "count"]
    assert [(c.predicate, c.thing) for c in counts] == [("crowd", "people")]


def test_a_crowd_s_size_is_no_candidate_beside_a_count_of_another_occurrence() -> None:
    sts = statements(("a", AS_MANY), ("b", INJURED), ("c", HURLED), ("d", ESTIMATE))
    _claims, pairs, _ = claim_pairs(sts, np.full((4, 4), 0.9))
    joined = {frozenset((sts[a].claims[b].predicate, sts[c].claims[d].predicate))
              for a, b, c, d in pairs}  # fmt: skip
    assert frozenset({"crowd"}) in joined
    assert frozenset({"crowd", "injure"}) not in joined
    assert frozenset({"crowd", "hurl"}) not in joined
