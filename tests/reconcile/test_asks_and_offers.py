"""What one side of a bargain asks for and what the other offers are two slots: a report
giving both ("the union is asking for $900 million, while the league has offered $700
million") held its asking figure in the offer's slot, and, giving two values there,
kept apart the reports that give the offer differently (made-up sentences as reports of
a negotiation write them)."""

from __future__ import annotations

import numpy as np

from newsprism.reconcile.align import claim_groups
from newsprism.records import Statement

from ..sentence_claims import statements

BOTH = ("a", "The players' union is asking for $900 million, while the league has offered "
             "$700 million.")  # fmt: skip
OFFERED = ("b", "The league offered $750 million, a person familiar with the talks said.")
OFFER = ("c", "The league made a $700 million offer on Friday.")


def _statements(*reports: tuple[str, str]) -> list[Statement]:
    return statements(*reports, keep=lambda c: c.unit == "USD")


def _groups(sts: list[Statement]) -> list[list[str]]:
    """The value checks of ``sts`` when the claim model scores every pair of amounts 0.9
    and the two reports' amounts of $900 and $750 million higher (0.95): each as its
    claims' articles and values."""
    claims = [(s, k) for s, st in enumerate(sts) for k in range(len(st.claims))]
    pairs = [(i, j) for i in range(len(claims)) for j in range(i + 1, len(claims))]
    text = [sts[s].claims[k].text for s, k in claims]
    x = np.array([i for i, _ in pairs], dtype=np.intp)
    y = np.array([j for _, j in pairs], dtype=np.intp)
    p = np.array([0.95 if {text[i], text[j]} == {"$900 million", "$750 million"} else 0.9
                  for i, j in pairs], dtype=np.float64)  # fmt: skip
    groups = claim_groups(sts, np.zeros((len(sts), len(sts))), scored=(claims, x, y, p))
    return [sorted(f"{sts[s].span.article_id} {sts[s].claims[k].text}" for s, k in g)
            for g in groups]  # fmt: skip


def test_each_report_reads_who_asks_and_who_offers() -> None:
    sts = _statements(BOTH, OFFERED, OFFER)
    assert [[(c.text, c.predicate, c.thing) for c in st.claims] for st in sts] == [
        [("$900 million", "ask", None), ("$700 million", "offer", None)],
        [("$750 million", "offer", None)],
        [("$700 million", None, "offer")],
    ]


def test_the_amount_asked_for_never_joins_the_amounts_offered() -> None:
    """Before, the asking figure joined the other report's offer and the three offers
    were never checked together: $750 million against $700 million went unseen."""
    sts = _statements(BOTH, OFFERED, OFFER)
    assert _groups(sts) == [["a $700 million", "b $750 million", "c $700 million"]]


def test_two_bidders_offers_are_two_slots() -> None:
    """Each bidder's offer is checked on its own: before, the one team's $160 million
    joined the other's $200 million and a value check held two offers as one."""
    sts = _statements(
        ("a", "The Hawks made Jordan Miles a five-year, $200 million offer."),
        ("b", "The Rangers made Miles a five-year, $160 million offer."),
        ("c", "The Hawks offered Miles $200 million."),
    )
    assert [[c.holder for c in st.claims] for st in sts] == [["Hawks"], ["Rangers"], ["Hawks"]]
    assert _groups(sts) == [["a $200 million", "c $200 million"]]
