"""The vehicles a group came in, told with other verbs: "the pirates, in three boats,
tried to board" and "two boats were closing in and firing" count one set of boats,
whatever verb says what was done from them (sentences as navy and police reports
write them, made up)."""

from __future__ import annotations

from newsprism.reconcile.claims import Said, compare_claims, said_of
from newsprism.reconcile.occurrence import one_fleet
from newsprism.records import Claim, Span

from ..sentence_claims import claims_in


def _count(sentence: str) -> Claim:
    return next(c for c in claims_in("a", sentence) if c.kind == "count")


def _compared(first: str, second: str) -> list[tuple[str | None, list[str]]]:
    claims = claims_in("a", first) + claims_in("b", second)
    sentences = [(Span("a", 0, len(first)), first), (Span("b", 0, len(second)), second)]
    found = compare_claims(said_of(claims, {}, {"a": None, "b": None}, sentences))
    return [(c.relation, [g.value for g in c.groups]) for c in found if c.relation != "agree"]


def test_the_vehicles_a_group_came_in_are_of_no_verb() -> None:
    """Before: "in two cars" was a count of the opening of fire, "on three skiffs" one
    of the surrounding."""
    cars = _count("The gunmen, in two cars, opened fire on the checkpoint.")
    assert (cars.value, cars.predicate, cars.thing) == ("2", None, "car")
    skiffs = _count("Pirates on three skiffs surrounded the tanker before dawn.")
    assert (skiffs.value, skiffs.predicate, skiffs.thing) == ("3", None, "skiff")


def test_vehicles_that_were_the_target_keep_their_verb() -> None:
    """Before the rule read what the phrase is said of, "on two ships" of a raid was
    taken for the ships the raiders came in."""
    raid = _count("The navy foiled a raid on two ships in the strait.")
    assert (raid.value, raid.predicate) == ("2", "foil")
    fired = _count("The gunmen opened fire on three cars near the border.")
    assert (fired.value, fired.predicate) == ("3", "open")


def test_a_count_after_in_that_is_no_vehicle_keeps_its_verb() -> None:
    attacks = _count("The militants killed soldiers in two attacks on Monday.")
    assert attacks.thing == "attack" and attacks.predicate == "kill"


def test_boats_the_raiders_came_in_and_boats_closing_in_are_one_count() -> None:
    """Before: "attempt" and "close" named two occurrences, so the two counts were never
    compared."""
    found = _compared(
        "The pirates, in three boats, were attempting to hijack the tanker, the navy said.",
        "The crew sent a distress call saying two boats were closing in and firing.",
    )
    assert found == [("conflict", ["3", "2"])]


def test_boats_the_raiders_came_in_and_boats_firing_are_one_count() -> None:
    """Before: the conflict gate held "came under fire from two boats" against "on three
    boats had surrounded" back as two occurrences."""
    found = _compared(
        "The pirates on three speed boats had surrounded the cargo ship around noon.",
        "The ship came under fire from two boats, the navy said in a statement.",
    )
    assert found == [("conflict", ["3", "2"])]


def test_only_the_vehicles_a_group_came_in_tell_one_fleet() -> None:
    """Two counts of boats neither of which a group came in ("closing in", "were
    seized") say nothing of one occurrence; nor do cars against trucks."""
    closing = "The crew said two boats were closing in and firing."
    seized = "The navy seized three boats after the raid."
    came = "The gunmen, in two cars, opened fire on the checkpoint."
    trucks = "Three trucks were seen leaving the area, police said."

    def said(aid: str, sentence: str) -> Said:
        claim = next(c for c in claims_in(aid, sentence) if c.kind == "count")
        return said_of([claim], {}, {aid: None}, [(Span(aid, 0, len(sentence)), sentence)])[0]

    assert not one_fleet(said("a", closing), said("b", seized))
    assert not one_fleet(said("a", came), said("b", trucks))
    assert one_fleet(said("a", came), said("b", "Two cars sped away, police said."))
