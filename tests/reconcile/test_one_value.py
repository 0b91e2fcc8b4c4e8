"""A report that names one place twice, at two levels, gives the slot one value."""

from __future__ import annotations

import numpy as np

from newsprism.analyze.claims import extract_claims
from newsprism.analyze.entities import extract_mentions
from newsprism.analyze.nlp import parse
from newsprism.analyze.quantities import extract_quantities
from newsprism.analyze.times import extract_times
from newsprism.analyze.units import not_dates
from newsprism.reconcile.align import claim_groups
from newsprism.records import Claim, Span, Statement


def _place(aid: str, text: str) -> Claim:
    doc = parse(text)
    times = extract_times(aid, doc, "2025-12-05")
    quantities = not_dates(extract_quantities(aid, doc), times)
    found = extract_claims(aid, doc, quantities, times, extract_mentions(aid, doc))
    (c,) = [c for c in found if c.kind == "place"]
    return c


def _groups(texts: list[tuple[str, str]], scores: list[tuple[int, int, float]]) -> list[list[int]]:
    claims = [_place(aid, text) for aid, text in texts]
    statements = [Statement(Span(aid, 0, len(text)), text, claims=(c,))
                  for (aid, text), c in zip(texts, claims, strict=True)]  # fmt: skip
    x, y, p = (np.array(v) for v in zip(*scores, strict=True))
    scored = ([(k, 0) for k in range(len(texts))], x, y, p.astype(np.float64))
    groups = claim_groups(statements, np.zeros((len(texts), len(texts))), scored=scored)
    return [[s for s, _ in g] for g in groups]


def test_a_report_naming_the_province_and_its_country_joins_one_value_check() -> None:
    """The examples' story: one report places the operation in "Rif Dimashq province"
    in one sentence and "in Syria" in another; other reports say "in Syria" or the
    province. The claim model joins them as one slot, but the first report seemed to
    give two values, so the reports naming the country were kept out of the value check
    and the two levels never shown as a variant."""
    texts = [
        ("a", "The joint operation was carried out in Rif Dimashq province, the ministry said."),
        ("a", "The operation in Syria destroyed 15 weapons depots."),
        ("b", "American and Syrian forces conducted the operation in Syria on Tuesday."),
        ("c", "The operation in Rif Dimashq targeted the group's depots."),
    ]  # fmt: skip
    groups = _groups(texts, [(0, 3, 0.9), (1, 2, 0.9), (0, 2, 0.8), (2, 3, 0.8)])
    assert groups == [[0, 1, 2, 3]]


def test_a_report_naming_two_places_apart_still_gives_two_values() -> None:
    """A report that places the cut "off the coast of Sicily" and, elsewhere, "in Egypt"
    gives two places, not one twice: the report giving Egypt alone is not joined to its
    Sicily."""
    texts = [
        ("a", "Three cables were cut off the coast of Sicily on Friday."),
        ("a", "Internet services in Egypt were disrupted on Friday."),
        ("b", "Internet services in Sicily were disrupted on Friday."),
        ("c", "Internet services in Egypt were disrupted on Friday."),
    ]
    groups = _groups(texts, [(0, 2, 0.9), (1, 3, 0.9), (0, 3, 0.6), (1, 2, 0.6)])
    assert groups == [[0, 2], [1, 3]]
