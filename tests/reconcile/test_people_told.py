"""A figure followed by the word of what befell the people it counts ("the 80 wounded",
"at least 50 injured") counts those people, whatever the clause's verb (sentences as
reports of a disaster write them, made up)."""

from __future__ import annotations

from newsprism.reconcile.claims import compare_claims, said_of

from ..sentence_claims import claims_in


def _counts(sentence: str) -> list[tuple[str, str | None]]:
    return [(c.value, c.predicate) for c in claims_in("a", sentence) if c.kind == "count"]


def test_the_whole_of_a_part_of_the_wounded_counts_the_wounded() -> None:
    """Before: "80" was of no occurrence (the clause's verb is "remained")."""
    found = _counts("The governor said 30 of the 80 wounded remained in hospital.")
    assert ("80", "wound") in found


def test_a_figure_of_the_injured_after_the_killed_counts_the_injured() -> None:
    """Before: "at least 50" was a count of the killing, the clause's verb."""
    found = _counts("Nine people were killed and at least 50 injured when the bridge fell.")
    assert found == [("9", "kill"), ("at least 50", "injure")]


def test_a_headline_figure_is_left_as_it_was_read() -> None:
    """Without the opening-figure exception it became a count of the hurt, joining the
    report's own figures as a second value of its article."""
    assert _counts("Four hurt in crash on the coast road") == [("4", None)]


def test_the_wounded_of_a_partitive_against_the_wounded_is_a_conflict() -> None:
    claims = claims_in("a", "The governor said 30 of the 80 wounded remained in hospital.")
    claims += claims_in("b", "The quake killed 10 people and wounded 70 others.")
    found = compare_claims(said_of(claims, {}, {"a": None, "b": None}))
    assert ("conflict", ["80", "70"]) in [(c.relation, [g.value for g in c.groups]) for c in found]
