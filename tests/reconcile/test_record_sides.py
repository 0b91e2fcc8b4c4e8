"""A team's record named by its city or its nickname is one side's record (sentences as
sports reports write them, after ECB+ 29ecbplus: "calmly led Indianapolis (10-5)
downfield" against "This gave the Colts a 9-5 season", which the gold labels a
conflict)."""

from __future__ import annotations

import pytest

from newsprism.analyze.claims import extract_claims
from newsprism.analyze.entities import extract_mentions
from newsprism.analyze.nlp import parse
from newsprism.analyze.quantities import extract_quantities
from newsprism.analyze.times import extract_times
from newsprism.analyze.units import not_dates
from newsprism.reconcile.claims import compare_claims, said_of
from newsprism.reconcile.entities import build_entities
from newsprism.records import Analysis


def _analysis(aid: str, text: str) -> Analysis:
    doc = parse(text)
    mentions = extract_mentions(aid, doc)
    times = extract_times(aid, doc, None)
    quantities = not_dates(extract_quantities(aid, doc), times)
    claims = tuple(extract_claims(aid, doc, quantities, times, mentions))
    return Analysis(aid, mentions=mentions, claims=claims)


def record_conflicts(*reports: str) -> list[list[str]]:
    """The values of every conflict of win-loss records the reports make, with the
    story's entities read as the pipeline reads them."""
    analyses = [_analysis(f"r{k}", r) for k, r in enumerate(reports)]
    _, entity_of = build_entities(analyses)
    records = [c for a in analyses for c in a.claims if c.kind == "record"]
    found = compare_claims(said_of(records, entity_of, {a.article_id: None for a in analyses}))
    return [[g.value for g in c.groups] for c in found if c.relation == "conflict"]


@pytest.mark.parametrize(
    "others",
    [
        # the nickname alone, the full name written in the same report
        ("Andrew Luck and the Indianapolis Colts rallied past the Kansas City Chiefs. "
         "This gave the Colts a 9-5 season.",),
        # the nickname alone; the full name only in a third report
        ("The Colts (9-5) came back to beat the Chiefs.",
         "Andrew Luck and the Indianapolis Colts rallied past the Kansas City Chiefs."),
    ],
)  # fmt: skip
def test_a_team_named_by_its_city_and_by_its_nickname_has_one_record(
    others: tuple[str, ...],
) -> None:
    first = "Peyton Manning calmly led Indianapolis (10-5) downfield for the winning score."
    assert record_conflicts(first, *others) == [["10-5", "9-5"]]


def test_two_teams_of_one_city_keep_their_own_records() -> None:
    # the city names two teams of the story: whose record "New York (10-5)" is, is not said
    first = "Eli Manning calmly led New York (10-5) downfield for the winning score."
    second = ("The New York Giants and the New York Jets both won on Sunday. "
              "This gave the Jets a 9-5 season.")  # fmt: skip
    assert record_conflicts(first, second) == []
