"""A structure's age and the year it was built: one slot, checked across reports."""

from __future__ import annotations

import numpy as np
import pytest

from newsprism.analyze.claims import extract_claims
from newsprism.analyze.entities import extract_mentions
from newsprism.analyze.nlp import parse
from newsprism.analyze.quantities import extract_quantities
from newsprism.analyze.times import extract_times
from newsprism.analyze.units import not_dates
from newsprism.reconcile.align import claim_groups
from newsprism.reconcile.built import with_built_years
from newsprism.reconcile.claims import compare_claims, said_of
from newsprism.reconcile.date_rules import one_held_by_other
from newsprism.records import Span, Statement


def _statement(aid: str, text: str, published: str | None) -> Statement:
    doc = parse(text)
    times = extract_times(aid, doc, published)
    quantities = not_dates(extract_quantities(aid, doc), times)
    found = extract_claims(aid, doc, quantities, times, extract_mentions(aid, doc))
    claims = tuple(c for c in found if c.kind in {"date", "age"})
    return Statement(Span(aid, 0, len(text)), text, claims=claims)


def _relations(
    year: str, age_report: str | None, sentence: str = "The old dairy warehouse was built in {}."
) -> list[str | None]:
    """How a report's year of building compares with another's age of the building."""
    published = {"a": None, "b": age_report, "c": "2012-08-08"}
    statements = with_built_years(
        [
            _statement("a", sentence.format(year), None),
            _statement("b", "Officials said the 86-year-old structure had no power.", age_report),
        ],
        published,
    )
    claims = [(s, k) for s, st in enumerate(statements) for k in range(len(st.claims))]
    dates = [n for n, (s, k) in enumerate(claims) if statements[s].claims[k].kind == "date"]
    x, y = np.array(dates[:1], dtype=np.intp), np.array(dates[1:2], dtype=np.intp)
    groups = claim_groups(statements, np.zeros((2, 2)), scored=(claims, x, y, np.zeros(1)))
    out = []
    for g in groups:
        chosen = [statements[s].claims[k] for s, k in g]
        said = said_of(chosen, {}, published)
        out.extend(c.relation for c in compare_claims(said, one_slot=True))
    return out


def test_a_structures_age_disagrees_with_a_year_of_building_outside_it() -> None:
    """ "the 86-year-old structure" in a report of 2012 was built in 1925 or 1926: "built
    in 1935" cannot hold with it, however unlike the two sentences."""
    assert _relations("1935", "2012-08-07") == ["conflict"]


@pytest.mark.parametrize(("year", "age_report"), [("1926", "2012-08-07"), ("1925", None)])
def test_a_year_of_building_within_the_age_is_no_disagreement(
    year: str, age_report: str | None
) -> None:
    """One year either way (the anniversary may not have come); an undated report is
    taken at the story's dates (here 2012)."""
    assert "conflict" not in _relations(year, age_report)


@pytest.mark.parametrize(
    ("sentence", "year"),
    [
        ("The old dairy warehouse dates to {}, when the first farmers came.", "1935"),
        ("The mill, a landmark dating back to {}, burned down.", "1935"),
        ("Crews could not save the old warehouse building, built in the {}.", "1930s"),
    ],
)
def test_a_year_the_building_dates_to_or_its_decade_is_its_year_of_building(
    sentence: str, year: str
) -> None:
    """ "dates to 1935" and "built in the 1930s" say when the structure went up, as
    "built in 1935" does: neither holds with a building 86 years old in 2012."""
    assert _relations(year, "2012-08-07", sentence) == ["conflict"]


def test_a_decade_holding_the_age_is_no_disagreement() -> None:
    """ "built in the 1920s" holds 1925 and 1926."""
    assert "conflict" not in _relations("1920s", "2012-08-07", "It was built in the {}.")


def test_a_year_and_its_decade_in_one_report_are_one_date_said_twice() -> None:
    """A report that writes "constructed in 1935" and "built in the 1930s" gives one
    date at two precisions, not two values of one slot."""
    (year,) = _statement("a", "The building was constructed in 1935.", None).claims
    (decade,) = _statement("a", "The warehouse was built in the 1930s.", None).claims
    assert one_held_by_other(year, decade)
