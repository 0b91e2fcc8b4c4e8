"""One figure, two things: a report that counts launchers of mortars and rockets and one
that counts the mortars and rockets themselves give one figure for two things, and a
reader is told they differ (a variant), never that they agree (sentences as wire
reports of a weapons haul write them)."""

from __future__ import annotations

from newsprism.reconcile.claims import compare_claims, said_of

from ..sentence_claims import claims_in

DESTROYED = "The raid destroyed over 130 mortars and rockets, several rifles and machine guns."
DESTRUCTION = (
    "The raid resulted in the destruction of over 130 mortar and rocket launchers, several "
    "rifles and machine guns."
)


def test_a_count_knows_the_nouns_that_say_what_kind_of_thing_it_counts() -> None:
    launchers = next(c for c in claims_in("b", DESTRUCTION) if c.low == 130)
    assert (launchers.thing, launchers.kind_of) == ("launcher", ("mortar", "rocket"))


def test_launchers_of_mortars_against_the_mortars_are_a_variant() -> None:
    a = [c for c in claims_in("a", DESTROYED) if c.low == 130]
    b = [c for c in claims_in("b", DESTRUCTION) if c.low == 130]
    said = said_of([*a, *b], {}, {"a": None, "b": None})
    found = [(c.relation, sorted(g.value for g in c.groups)) for c in compare_claims(said)]
    assert found == [("variant", ["over 130", "over 130"])]


def test_the_same_things_counted_alike_agree() -> None:
    a = [c for c in claims_in("a", DESTROYED) if c.low == 130]
    b = [c for c in claims_in("b", DESTROYED.replace("The raid", "The operation")) if c.low == 130]
    said = said_of([*a, *b], {}, {"a": None, "b": None})
    assert compare_claims(said) == ()


def test_a_value_an_article_gives_twice_is_cited_in_both_places() -> None:
    """A headline and the body giving one partner ("Malian troops") are both cited: the
    comparison cited the headline alone, and a reader (and the gold's phrase in the
    body) found no value in the body's sentence."""
    article = (
        "French and Malian troops attack rebel camps\n"
        "French and Malian troops destroyed the camps on Monday, the army said."
    )
    other = "French troops, with the help of the Malian Defence Ministry, destroyed the camps."
    a = [c for c in claims_in("a", article) if c.thing == "partner"]
    b = [c for c in claims_in("b", other) if c.thing == "partner"]
    said = said_of([*a, *b], {}, {"a": None, "b": None})
    (comparison,) = compare_claims(said)
    cited = {g.article_ids: [article[s.start : s.end] for s in g.spans] for g in comparison.groups}
    assert cited[("a",)] == ["Malian troops", "Malian troops"]
