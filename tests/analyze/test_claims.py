"""Claims: what each value of a real news sentence is of (sentences of tests/data, examples)."""

from __future__ import annotations

import pytest

from newsprism.analyze.claims import extract_claims
from newsprism.analyze.entities import extract_mentions
from newsprism.analyze.nlp import parse
from newsprism.analyze.pipeline import _not_dates
from newsprism.analyze.quantities import extract_quantities
from newsprism.analyze.times import extract_times
from newsprism.records import Claim


def claims_of(sentence: str, published: str | None = "2009-12-01") -> list[Claim]:
    doc = parse(sentence)
    times = extract_times("a", doc, published)
    quantities = _not_dates(extract_quantities("a", doc), times)
    return list(extract_claims("a", doc, quantities, times, extract_mentions("a", doc)))


def test_a_count_belongs_to_its_occurrence_and_counted_noun() -> None:
    found = claims_of(
        "The U.S. military said on Sunday it had destroyed 15 sites containing Islamic State "
        "(ISIS) weapons caches in southern Syria."
    )
    counts = [c for c in found if c.kind == "count"]
    assert [(c.predicate, c.thing, c.low, c.high) for c in counts] == [
        ("destroy", "site", 15.0, 15.0)
    ]
    # "said on Sunday" dates the report, not the destruction
    assert not [c for c in found if c.kind == "date"]


@pytest.mark.parametrize(
    ("sentence", "age"),
    [
        ("Comeaux, 49, took the officers' weapons and handcuffed them together.", 49.0),
        ('"We appreciate your respect," the 33-year-old actress\'s rep told the magazine.', 33.0),
        ("Staunton police have arrested and charged Sharron Diane Crawford Smith, age 61, "
         "with two counts of first-degree murder.", 61.0),
    ],
)  # fmt: skip
def test_ages_are_claims_of_their_own(sentence: str, age: float) -> None:
    ages = [c for c in claims_of(sentence) if c.kind == "age"]
    assert [c.low for c in ages] == [age]
    assert not [c for c in claims_of(sentence) if c.kind == "count" and c.low == age]


def test_a_degree_is_not_a_count_but_the_number_of_counts_is() -> None:
    found = claims_of(
        "Staunton police have arrested and charged Sharron Diane Crawford Smith, age 61, "
        "with two counts of first-degree murder."
    )
    counts = [c for c in found if c.kind == "count"]
    assert [(c.low, c.thing) for c in counts] == [(2.0, "count")]


@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [
        ("The 6.1-magnitude quake struck Qeshm island, home to 120,000 people.", 6.1, "magnitude"),
        ("Rahman was struggling to overcome the 3 1/2-inch height advantage enjoyed by the "
         "champion.", None, "inch"),
    ],
)  # fmt: skip
def test_a_number_glued_to_a_unit_is_a_size(sentence: str, value: float | None, unit: str) -> None:
    sizes = [c for c in claims_of(sentence) if c.unit == unit]
    assert sizes and all(c.kind == "measure" for c in sizes)
    if value is not None:
        assert sizes[0].low == value


def test_the_date_of_a_conviction_is_the_conviction_s() -> None:
    found = claims_of(
        "He was serving a life sentence after being convicted in June 1998 of aggravated "
        "sexual assault out of Brazos County, located northwest of Houston."
    )
    dates = [c for c in found if c.kind == "date"]
    assert [(c.predicate, c.start, c.end) for c in dates] == [
        ("convict", "1998-06-01", "1998-06-30")
    ]


def test_a_time_of_day_and_an_unresolved_weekday_are_values() -> None:
    found = claims_of(
        "Robert Pitman, 24, is accused of setting fire to the Waitrose store in Wellington "
        "shortly after 06:00 BST on Sunday.",
        published=None,
    )
    times = [c for c in found if c.kind == "time"]
    assert [(c.value, c.low, c.high) for c in times] == [("06:00", 360.0, 390.0)]
    assert [c.value for c in found if c.kind == "date"] == ["Sunday"]
