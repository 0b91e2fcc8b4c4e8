"""One count told with different counted nouns: the shots fired are bullets or rounds,
"shot seven times" counts the bullets that hit, a fire engine is an appliance, and an
"additional" count is a "further" one (news sentences as police and fire reports write
them, made up)."""

from __future__ import annotations

from newsprism.reconcile.claims import compare_claims, said_of

from ..sentence_claims import claims_in


def _compared(first: str, second: str) -> list[tuple[str | None, list[str]]]:
    claims = claims_in("a", first) + claims_in("b", second)
    found = compare_claims(said_of(claims, {}, {"a": None, "b": None}))
    return [(c.relation, [g.value for g in c.groups]) for c in found if c.relation != "agree"]


def test_shots_fired_and_bullets_fired_are_one_count() -> None:
    found = _compared(
        "The officers fired 11 shots at the man, police said.",
        "He was hit in the back by three of the seven bullets fired by the officers.",
    )
    assert found == [("conflict", ["11", "7"])]


def test_shot_so_many_times_is_the_count_of_bullets_that_hit() -> None:
    found = _compared(
        "The 16-year-old was shot 11 times by police on Saturday.",
        "An autopsy report revealed the teenager was hit by seven bullets.",
    )
    assert found == [("conflict", ["11", "7"])]


def test_shots_fired_are_no_value_of_the_bullets_that_hit() -> None:
    """The officers fired 11 shots and seven of them hit: two counts, no conflict."""
    found = _compared(
        "The officers fired 11 shots at the man, police said.",
        "An autopsy report revealed the teenager was hit by seven bullets.",
    )
    assert found == []


def test_engines_and_appliances_called_in_addition_are_one_count() -> None:
    found = _compared(
        "When they arrived they called in an additional six engines and an aerial platform.",
        "The fire service then called a further four appliances to help.",
    )
    assert found == [("conflict", ["6", "4"])]


def test_rounds_of_talks_are_no_shots() -> None:
    claim = next(c for c in claims_in("a", "The sides held three rounds of talks.")
                 if c.kind == "count")  # fmt: skip
    assert claim.thing == "round"
    fired = next(c for c in claims_in("a", "The gunman fired 13 rounds of ammunition.")
                 if c.kind == "count")  # fmt: skip
    assert fired.thing == "shot"


def test_the_whole_a_part_is_taken_of_is_no_count_of_the_part_s_verb() -> None:
    """ "Which of the nine arrows caused the wound": the verb tells of one arrow, not of
    the nine (before: the nine were counted as causing)."""
    sentence = "It is not known which of the nine arrows caused the wound."
    whole = next(c for c in claims_in("a", sentence) if c.kind == "count")
    assert (whole.value, whole.predicate) == ("9", None)


def test_a_counted_class_is_near_whichever_of_its_nouns_is_written() -> None:
    """The words around a value are read as counted-noun classes: a count of shots
    stands near "bullets" as near "shots", whatever the class is called (before: only
    near the word the class was named by)."""
    from newsprism.reconcile.align import CLAIM_FEATURES, claim_features

    fired = next(c for c in claims_in("a", "The gunman fired 30 rounds at the car.")
                 if c.kind == "count")  # fmt: skip
    other = next(c for c in claims_in("b", "Police found 30 cartridges at the scene.")
                 if c.kind == "count")  # fmt: skip
    near = frozenset({"police", "found"}), frozenset({"bullet", "scene"})
    row = dict(zip(CLAIM_FEATURES, claim_features(fired, other, 0.5, near=near), strict=True))
    assert row["thing_near"] == 1.0
