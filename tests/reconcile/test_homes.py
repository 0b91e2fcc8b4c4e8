"""Where a person lives: one town, whatever other reports say of the city beside it."""

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
from newsprism.reconcile.claims import compare_claims, gazetteer_places, said_of
from newsprism.records import Claim, Span, Statement


def _places(aid: str, sentence: str) -> list[Claim]:
    doc = parse(sentence)
    times = extract_times(aid, doc, None)
    quantities = not_dates(extract_quantities(aid, doc), times)
    found = extract_claims(aid, doc, quantities, times, extract_mentions(aid, doc))
    return [c for c in found if c.kind == "place"]


def _homes_compared(a: str, b: str) -> list[tuple[str, list[str]]]:
    places = _places("a", a) + _places("b", b)
    assert [c.predicate for c in places] == ["live", "live"]
    found = compare_claims(said_of(places, {}, {}), gazetteer_places(places))
    return [(c.relation, [g.value for g in c.groups]) for c in found]


@pytest.mark.parametrize(
    ("a", "b", "towns"),
    [
        ("Police stopped John Roe, 36, of Hoboken, after the crash.",
         "John Roe, 36, of Jersey City, was arrested after the crash.", ["Hoboken", "Jersey City"]),
        ("Police stopped John Roe, 36, of Skokie, after the crash.",
         "John Roe, 36, of Oak Park, was arrested after the crash.", ["Skokie", "Oak Park"]),
        # the second report names no one: "the man" is the one the first names
        ("Police stopped John Roe, 36, of Hoboken, after the crash.",
         "The man, from Jersey City, was arrested after the crash.", ["Hoboken", "Jersey City"]),
    ],
)  # fmt: skip
def test_one_persons_home_in_two_towns_of_one_county_is_a_conflict(
    a: str, b: str, towns: list[str]
) -> None:
    """Two towns of one county may be one scene told two ways (a town by the city
    beside it), never one home: a person lives in one town (before: a variant)."""
    assert _homes_compared(a, b) == [("conflict", towns)]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # a home near a city of millions is told by the city's name
        ("Police stopped John Roe, 36, of Skokie, after the crash.",
         "John Roe, 36, of Chicago, was arrested after the crash."),
        # two people's homes
        ("Police stopped John Roe, 36, of Hoboken, after the crash.",
         "Jane Doe, 36, of Jersey City, was arrested after the crash."),
        # no one named: the woman hurt and the man arrested may be two people
        ("The woman, from Hoboken, was hurt in the crash.",
         "The man, from Jersey City, was arrested after the crash."),
    ],
)  # fmt: skip
def test_homes_that_may_both_hold_are_no_conflict(a: str, b: str) -> None:
    assert [r for r, _ in _homes_compared(a, b)] == ["variant"]


def test_a_home_is_checked_across_reports_apart_from_the_places_of_what_happened() -> None:
    """One report gives the driver's home and, further down, the town of the crash;
    another gives his home in that town. The claim model joins the second home with
    the crash's town first (one value), and the first report, giving both towns, kept
    its home out of that value check: the two homes were never weighed against each
    other. Homes are joined among themselves too."""
    texts = [
        ("a", "Police stopped John Roe, 36, of Hoboken, after the crash."),
        ("a", "The crash happened in Jersey City on Friday night."),
        ("b", "John Roe, 36, of Jersey City, was arrested after the crash."),
    ]
    claims = [_places(aid, text)[0] for aid, text in texts]
    assert [c.predicate for c in claims] == ["live", "crash", "live"]
    statements = [Statement(Span(aid, 0, len(text)), text, claims=(c,))
                  for (aid, text), c in zip(texts, claims, strict=True)]  # fmt: skip
    scored = ([(0, 0), (1, 0), (2, 0)], np.array([0, 1]), np.array([2, 2]), np.array([0.9, 0.95]))
    groups = claim_groups(statements, np.zeros((3, 3)), scored=scored)
    assert [[s for s, _ in g] for g in groups] == [[0, 2], [1, 2]]
