"""Figures of different holders are two slots: two players' yards, two men's prison
terms, the worst-hit villages against all of them (sentences as sports and disaster
reports write them)."""

from __future__ import annotations

import numpy as np
import pytest

from newsprism.analyze.holders import PART
from newsprism.reconcile.claims import (
    compare_claims,
    compatible,
    compatible_pairs,
    gazetteer_places,
    said_of,
)

from ..sentence_claims import claims_in


def conflicts(first: str, second: str) -> list[list[str]]:
    """The values of every conflict of figures two reports' sentences make (two people
    named for one conviction are an actor conflict, two dates a date conflict, both
    tested elsewhere)."""
    claims = claims_in("a", first) + claims_in("b", second)
    found = compare_claims(said_of(claims, {}, {"a": None, "b": None}))
    return [[g.value for g in c.groups] for c in found
            if c.relation == "conflict" and not c.slot.startswith(("who", "date"))]  # fmt: skip


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # two players of one game
        ("Martinez rushed for 131 yards as the Bears beat the Lions.",
         "Okafor rushed for 98 yards for the Lions."),
        # two men of one trial
        ("Carlos Ruiz was convicted of fraud. Ruiz was sentenced to 10 years in prison.",
         "Luis Ortega was convicted of fraud. Ortega was sentenced to six years in prison."),
        # a part of the counted things against all of them
        ("The cyclone flattened seven villages along the coast.",
         "The cyclone flattened the 12 worst-hit villages along the coast."),
    ],
)  # fmt: skip
def test_figures_of_different_holders_are_no_conflict(first: str, second: str) -> None:
    assert conflicts(first, second) == []


@pytest.mark.parametrize(
    ("sentence", "part"),
    [
        ("The agency received nearly 235,000 comments, at least 208,000 of which were form "
         "letters.", "at least 208,000"),
        ("Officials said that more than 200,000 of the comments opposed the rule change.",
         "more than 200,000"),
        ("Gray was hit in the back by three of the seven bullets.", "three"),
    ],
)  # fmt: skip
def test_a_partitive_figure_counts_a_part(sentence: str, part: str) -> None:
    # "N of which", "N of the comments": part of things named before, a slot of its own
    parts = [c.text for c in claims_in("a", sentence) if c.subset == PART]
    assert parts == [part]


def test_all_of_them_is_the_whole() -> None:
    found = claims_in("a", "Police were not sure all three of the people were targeted.")
    assert [(c.text, c.subset) for c in found if c.kind == "count"] == [("three", None)]


def test_a_partitive_figure_is_no_value_of_the_whole() -> None:
    # the form letters among the comments are no second count of the comments received
    assert conflicts(
        "The agency received 235,000 comments on the proposal.",
        "The agency received 250,000 comments, at least 208,000 of which were form letters.",
    ) == [["235,000", "250,000"]]


@pytest.mark.parametrize(
    ("first", "second", "called"),
    [
        # "he" is the back named in the sentence before: two players' yards
        ("Pierre Thomas was hurt in the game against Atlanta. "
         "He has rushed for only 150 yards this season.",
         "Chris Ivory rushed for 716 yards this season.", 0),
        # "his" likewise
        ("Pierre Thomas was hurt in the game against Atlanta. "
         "His 150 yards lead the team.",
         "Chris Ivory rushed for 716 yards this season.", 0),
        # the same player under a pronoun still disagrees with himself
        ("Pierre Thomas was hurt in the game against Atlanta. "
         "He has rushed for only 150 yards this season.",
         "Thomas rushed for 210 yards this season.", 1),
    ],
)  # fmt: skip
def test_a_pronoun_holds_the_figure_of_the_person_named_before(
    first: str, second: str, called: int
) -> None:
    assert len(conflicts(first, second)) == called


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Martinez rushed for 131 yards as the Bears beat the Lions.",
         "Daniel Martinez rushed for 93 yards in the win."),
        ("Carlos Ruiz was convicted of fraud. Ruiz was sentenced to 10 years in prison.",
         "Carlos Ruiz was sentenced to six years in prison."),
        ("The cyclone flattened the 12 worst-hit villages along the coast.",
         "The cyclone flattened the five worst-hit villages along the coast."),
    ],
)  # fmt: skip
def test_one_holder_s_figures_still_conflict(first: str, second: str) -> None:
    assert len(conflicts(first, second)) == 1


@pytest.mark.parametrize(
    ("first", "second", "called"),
    [
        # a gap between two moments against how long something lasted
        ("The senator resigned 30 years after he leaked the memo.",
         "The senator kept the memo in a drawer for three years.", 0),
        # but the gap to a person's unmasking is how long their part stayed hidden
        ("The senator revealed his role 30 years after he leaked the memo.",
         "The senator kept his role a secret for three years.", 1),
        ("The island was hit almost two years after the last big quake.",
         "The area has not been hit by a quake in more than 25 years.", 0),
        # a length before "before" that "for" says is a length
        ("She was outside for nine minutes before coming back.",
         "She left the building 30 minutes before the shooting.", 0),
        # two gaps, one back from the report's day: one span, and they disagree
        ("The singer died nine days after suffering a heart attack.",
         "The singer succumbed to a heart attack suffered almost three weeks ago.", 1),
        # a length in weeks is counted to the nearest week: nine days may be "a week"
        ("The singer died nine days after suffering a heart attack.",
         "The singer died a week after suffering a heart attack.", 0),
        # two lengths
        ("The senator kept his role a secret for 30 years.",
         "The senator kept his role a secret for three years.", 1),
    ],
)  # fmt: skip
def test_a_gap_and_a_length_of_time_are_two_slots(first: str, second: str, called: int) -> None:
    assert len(conflicts(first, second)) == called


def _actors(first: str, second: str) -> list[tuple[list[str], str]]:
    """The actor comparisons of two reports, places read through the gazetteer."""
    claims = claims_in("a", first) + claims_in("b", second)
    said = said_of(claims, {}, {"a": None, "b": None})
    found = compare_claims(said, gazetteer_places(claims))
    return [([g.value for g in c.groups], c.relation) for c in found
            if c.slot.startswith("who")]  # fmt: skip


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # a capital speaks for its country
        ("Turkey launched air strikes on the rebel camps on Sunday.",
         "Ankara launched air strikes on the rebel camps on Sunday."),
        # a club and its city
        ("The Chicago Bulls signed the veteran guard on Monday.",
         "Chicago signed the veteran guard on Monday."),
    ],
)  # fmt: skip
def test_one_actor_told_two_ways_is_no_conflict(first: str, second: str) -> None:
    assert [rel for _, rel in _actors(first, second)] == ["variant"]


def test_two_people_named_for_one_arrest_still_conflict() -> None:
    found = _actors(
        "Police arrested Mark Jones on Friday.", "Police arrested David Smith on Friday."
    )
    assert found == [(["Mark Jones", "David Smith"], "conflict")]


def test_the_array_rule_keeps_the_same_slots_apart() -> None:
    """compatible_pairs reads compatible branch by branch: on claims of two holders, a
    part against the whole and a gap against a length, the two agree on every pair."""
    sentences = [
        "Martinez rushed for 131 yards as the Bears beat the Lions.",
        "Okafor rushed for 98 yards for the Lions.",
        "Daniel Martinez rushed for 93 yards in the win.",
        "The cyclone flattened seven villages along the coast.",
        "The cyclone flattened the 12 worst-hit villages along the coast.",
        "The island was hit almost two years after the last big quake.",
        "The area has not been hit by a quake in more than 25 years.",
    ]
    claims = [c for k, s in enumerate(sentences) for c in claims_in(f"r{k}", s)]
    said = said_of(claims, {}, {})
    x, y = np.triu_indices(len(said), k=1)
    rule = [compatible(said[i], said[j]) for i, j in zip(x, y, strict=True)]
    assert compatible_pairs(said, x, y).tolist() == rule
    assert not all(rule) and any(rule)


def _value_check(*reports: str) -> list[list[str]]:
    """The conflicts of a value check: the lengths of the reports, which the claim model
    joined as one slot (``one_slot``)."""
    claims = [c for k, r in enumerate(reports) for c in claims_in(f"r{k}", r) if c.unit == "m"]
    found = compare_claims(said_of(claims, {}, {f"r{k}": None for k in range(len(reports))}),
                           one_slot=True)  # fmt: skip
    return [[g.value for g in c.groups] for c in found if c.relation == "conflict"]


def test_a_value_check_keeps_two_named_people_s_figures_apart() -> None:
    # the claim model joins two players' yards of one season as one value: each named
    # person's figure is a slot of its own, and the report naming no one goes with the
    # person giving its value
    assert (
        _value_check(
            "Pierre Thomas rushed for 150 yards this season.",
            "Chris Ivory rushed for 716 yards this season.",
            "The undrafted rookie rushed for 716 yards in 12 games.",
        )
        == []
    )


def test_a_value_check_of_one_named_person_still_conflicts() -> None:
    assert _value_check(
        "Chris Ivory rushed for 716 yards this season.",
        "Chris Ivory rushed for 761 yards this season.",
        "The undrafted rookie rushed for 716 yards in 12 games.",
    ) == [["716 yard", "761 yard"]]


def test_a_value_check_keeps_two_sides_records_apart() -> None:
    # a round-up's records of two teams, joined by the claim model as one value
    reports = ("Austin Daye finished with 20 points for Gonzaga (9-4), which snapped a "
               "three-game losing streak.",
               "Ty Lawson had nine rebounds for North Carolina (10-0).")  # fmt: skip
    claims = [c for k, r in enumerate(reports) for c in claims_in(f"r{k}", r)
              if c.kind == "record"]  # fmt: skip
    entity_of = {c.mention: str(c.thing) for c in claims if c.mention is not None}
    said = said_of(claims, entity_of, {"r0": None, "r1": None})
    assert len(said) == 2
    assert [c.relation for c in compare_claims(said, one_slot=True)] == []


def test_a_value_check_keeps_two_named_people_s_ages_apart() -> None:
    """ECB+ 8ecbplus: three reports each quote a different pensioner with his age. The
    claim model joined the ages as one value, and "61" was printed in conflict with
    "70" and "76". Ages that each name whose they are (their people resolved to
    different story entities) are separate slots, as players' yards are."""
    reports = (
        '"They are taking everything from me," said 61-year-old Anargyros Bizianis, a '
        "municipal worker in the Athens suburb of Peristeri.",
        "Apostolos Kolokythopoulos, a 70-year-old pensioner, lives on less than 1,000 euros "
        "a month.",
        '"You never win unless you fight," said 76-year-old Constantinos Doganis.',
    )  # fmt: skip
    claims = [c for k, r in enumerate(reports) for c in claims_in(f"r{k}", r) if c.kind == "age"]
    text = {f"r{k}": r for k, r in enumerate(reports)}
    entity_of = {c.mention: text[c.mention.article_id][c.mention.start : c.mention.end]
                 for c in claims if c.mention is not None}  # fmt: skip
    assert len(entity_of) == 3
    said = said_of(claims, entity_of, dict.fromkeys(text))
    assert [c.relation for c in compare_claims(said, one_slot=True)] == []
