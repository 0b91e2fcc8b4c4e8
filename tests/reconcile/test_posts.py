"""Who holds a post one person holds at a time: checked across a story's reports."""

from __future__ import annotations

import numpy as np
import pytest

from newsprism.analyze.claims import extract_claims
from newsprism.analyze.entities import extract_mentions
from newsprism.analyze.nlp import parse
from newsprism.analyze.roles import ROLE
from newsprism.analyze.times import extract_times
from newsprism.reconcile.align import claim_groups
from newsprism.reconcile.claims import compare_claims, said_of
from newsprism.reconcile.posts import with_posts
from newsprism.records import Span, Statement


def _statements(texts: list[tuple[str, str]]) -> list[Statement]:
    """One statement per (article id, sentence), holding its role claims."""
    out = []
    for aid, text in texts:
        doc = parse(text)
        times = extract_times(aid, doc, None)
        found = extract_claims(aid, doc, [], times, extract_mentions(aid, doc))
        claims = tuple(c for c in found if c.thing == ROLE)
        out.append(Statement(Span(aid, 0, len(text)), text, claims=claims))
    return out


def _checked(texts: list[tuple[str, str]]) -> list[tuple[str | None, list[str]]]:
    """The value checks of who holds a post, and how their values relate."""
    statements = with_posts(_statements(texts))
    scored = ([(s, 0) for s in range(len(statements))], np.zeros(0, dtype=np.intp),
              np.zeros(0, dtype=np.intp), np.zeros(0))  # fmt: skip
    out = []
    for g in claim_groups(statements, np.zeros((3, 3)), scored=scored):
        chosen = [statements[s].claims[k] for s, k in g]
        for c in compare_claims(said_of(chosen, {}, {}), one_slot=True):
            out.append((c.relation, sorted(v.value for v in c.groups)))
    return out


def test_two_reports_naming_two_people_the_teams_general_manager_disagree() -> None:
    """One report leaves the team out ("General Manager ..."): another report names
    the same man with the team and the post, so it is that team's; a third names
    another man for the post."""
    found = _checked([
        ("a", "General Manager John Smith issued the following statement on Friday."),
        ("b", "In a statement, Rovers general manager Peter Butler said the team knew."),
        ("c", "On Friday, Rovers general manager John Smith said he was aware of it."),
    ])  # fmt: skip
    assert found == [
        ("conflict", ["General Manager John Smith", "Rovers general manager Peter Butler"])
    ]


@pytest.mark.parametrize(
    "texts",
    [
        # many hold the post of spokesman
        [("a", "On Friday, Rovers spokesman John Smith said the team knew of the arrest."),
         ("b", "On Friday, Rovers spokesman Peter Butler said the team knew of the arrest.")],
        # a report names two general managers: the story is of more than one team
        [("a", "On Friday, Rovers general manager John Smith met City general manager Peter "
               "Butler."),
         ("b", "General Manager Peter Butler said in a statement that the team knew.")],
        # the other team's coach: no report gives him the first team
        [("a", "On Friday, Rovers coach John Smith said the team played well."),
         ("b", "Coach Peter Butler had already decided to go for two points.")],
        # a former holder and the present one
        [("a", "On Friday, Rovers general manager John Smith said the team knew of it."),
         ("b", "On Friday, former Rovers general manager Peter Butler said he knew of it.")],
    ],
)  # fmt: skip
def test_two_people_named_for_a_post_many_may_hold_do_not_disagree(
    texts: list[tuple[str, str]],
) -> None:
    assert not [r for r, _ in _checked(texts) if r == "conflict"]
