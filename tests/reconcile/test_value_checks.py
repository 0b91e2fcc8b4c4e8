"""Value checks: the claims of different reports the claim model joins as one slot."""

from __future__ import annotations

import numpy as np

from newsprism.reconcile.align import claim_groups
from newsprism.reconcile.claims import compare_claims, said_of
from newsprism.records import Span, Statement

from ..sentence_claims import claims_in

# two reports that repeat their figure in the headline and the lead, and one that gives
# another figure once
REPORTS = [
    ("a", "Quake injures five on island"),
    ("a", "A moderate earthquake struck the island on Sunday, injuring five people, "
          "officials said."),
    ("c", "Five hurt as earthquake shakes island"),
    ("c", "The earthquake hit the island early on Sunday, injuring five people and "
          "damaging homes."),
    ("b", "The quake, centred near a small fishing town on the island, injured two people."),
]  # fmt: skip


def _statements() -> list[Statement]:
    out = []
    for aid, text in REPORTS:
        counts = tuple(c for c in claims_in(aid, text) if c.kind == "count")
        assert len(counts) == 1, text
        out.append(Statement(Span(aid, 0, len(text)), text, claims=counts))
    return out


def _groups(
    statements: list[Statement], scored: dict[tuple[int, int], float]
) -> list[list[tuple[int, int]]]:
    """The value checks of the reports' figures, given the claim model's score of each
    pair of claims of different reports (x < y)."""
    claims = [(s, 0) for s in range(len(statements))]
    x = np.array([a for a, _ in scored], dtype=np.intp)
    y = np.array([b for _, b in scored], dtype=np.intp)
    prob = np.array(list(scored.values()))
    n = len(statements)
    return claim_groups(statements, np.zeros((n, n)), scored=(claims, x, y, prob))


def test_a_figure_repeated_in_the_headline_is_one_value_of_its_report() -> None:
    """ECB+ 20ecb: two reports give "injuring five people" in the lead and five again in
    the headline, a third "injured two people". The claim model joins the first two
    reports' four mentions and scores each headline low against the third report's
    sentence (a pair of leads 0.8 and 0.7, a headline and a lead 0.2): averaged claim by
    claim the two figures were less likely one slot than
    not, and the disagreement was never shown. Each report's mentions of its figure
    are one value, weighed by its best pair."""
    statements = _statements()
    scored = {(0, 2): 0.95, (1, 3): 0.95, (0, 3): 0.9, (1, 2): 0.9,
              (0, 4): 0.2, (1, 4): 0.8, (2, 4): 0.2, (3, 4): 0.7}  # fmt: skip
    groups = _groups(statements, scored)
    assert groups == [[(s, 0) for s in range(len(statements))]]
    said = said_of([statements[s].claims[k] for s, k in groups[0]], {},
                   {aid: None for aid in "abc"})  # fmt: skip
    found = [(c.relation, sorted(g.value for g in c.groups))
             for c in compare_claims(said, one_slot=True)]  # fmt: skip
    assert found == [("conflict", ["2", "5"])]


def test_a_report_s_figure_that_no_other_report_s_sentence_is_like_stays_apart() -> None:
    # the same reports, the third report's sentence scored low against every sentence
    # of the others: no value check of the two figures
    statements = _statements()
    scored = {(0, 2): 0.95, (1, 3): 0.95, (0, 3): 0.9, (1, 2): 0.9,
              (0, 4): 0.2, (1, 4): 0.55, (2, 4): 0.2, (3, 4): 0.3}  # fmt: skip
    assert _groups(statements, scored) == [[(s, 0) for s in range(4)]]
