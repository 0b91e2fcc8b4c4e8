"""Partners of a joint action: "in cooperation with X", "with assistance from X" and a
list of peoples before the acting noun ("Turkish and Iraqi army units attacked…") name
who acted beside the subject. Two reports naming the partner at two levels (a ministry,
the country's units) differ as a variant, never a conflict (news-style sentences)."""

from __future__ import annotations

from newsprism.reconcile.claims import compare_claims, said_of
from newsprism.records import Claim

from ..sentence_claims import claims_in

MINISTRY = (
    "Turkish troops, in cooperation with the Iraqi Defence Ministry, launched an offensive "
    "against the militants on Monday."
)
ASSISTED = "The camps were destroyed with assistance from the Iraqi Defence Ministry on Monday."
UNITS = "Turkish and Iraqi army units attacked the militants' camps on Monday."


def _partners(aid: str, sentence: str) -> list[Claim]:
    return [c for c in claims_in(aid, sentence) if c.kind == "actor" and c.thing == "partner"]


def test_a_phrase_of_cooperation_names_the_partner() -> None:
    assert [c.text for c in _partners("a", MINISTRY)] == ["Iraqi Defence Ministry"]
    assert [c.text for c in _partners("b", ASSISTED)] == ["Iraqi Defence Ministry"]


def test_the_second_people_of_a_list_before_the_acting_noun_is_a_partner() -> None:
    found = _partners("c", UNITS)
    assert [(c.text, c.value) for c in found] == [("Iraqi army units", "iraqi units")]


def test_a_ministry_and_its_countrys_units_as_the_partner_are_a_variant() -> None:
    said = said_of(
        [*_partners("a", MINISTRY), *_partners("b", ASSISTED), *_partners("c", UNITS)],
        {},
        {"a": None, "b": None, "c": None},
    )
    found = [
        (c.slot, c.relation, sorted(tuple(sorted(g.article_ids)) for g in c.groups))
        for c in compare_claims(said)
    ]
    assert found == [("who: partner", "variant", [("a", "b"), ("c",)])]
