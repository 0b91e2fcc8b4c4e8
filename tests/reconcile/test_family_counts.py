"""How many children a person has ("a mother of five", "her five children") is one
family's size: a slot of its own, never joined with a count of shots or victims that
happens to share the figure, and two reports giving five and six children disagree
(made-up sentences as local reports of a shooting write them)."""

from __future__ import annotations

import numpy as np

from newsprism.reconcile.align import claim_pairs
from newsprism.reconcile.claims import compare_claims, said_of

from ..sentence_claims import claims_in, statements

FIVE = "A mother of five was killed when a gunman fired six shots from a rooftop."
SIX = "The mother of six was walking home when a stray bullet hit her."
HER_SIX = "She was walking with one of her six children when the shooting began."


def test_a_parent_of_a_figure_counts_their_children() -> None:
    for sentence in (FIVE, SIX, HER_SIX):
        family = [c for c in claims_in("a", sentence) if c.thing == "children"]
        assert len(family) == 1, sentence
    shots = [c for c in claims_in("a", FIVE) if c.low == 6]
    assert [c.thing for c in shots] == ["shot"]


def test_a_family_s_size_is_never_a_candidate_to_join_shots_of_one_figure() -> None:
    sts = statements(("a", FIVE), ("b", SIX), ("c", HER_SIX))
    _claims_of, pairs, _ = claim_pairs(sts, np.full((3, 3), 0.9))
    claim = {(s, k): c for s, st in enumerate(sts) for k, c in enumerate(st.claims)}
    joined = {(claim[(a, b)].thing, claim[(c, d)].thing) for a, b, c, d in pairs}
    assert ("shot", "children") not in joined and ("children", "shot") not in joined
    assert ("children", "children") in joined


def test_five_children_against_six_is_a_conflict() -> None:
    a = [c for c in claims_in("a", FIVE) if c.thing == "children"]
    b = [c for c in claims_in("b", HER_SIX) if c.thing == "children"]
    said = said_of([*a, *b], {}, {"a": None, "b": None})
    found = [(c.relation, sorted(g.value for g in c.groups)) for c in compare_claims(said)]
    assert found == [("conflict", ["5", "6"])]
