"""A report that gives a count twice and, once, another figure for it slipped once: its
value is the one it repeats, and a report giving the other figure throughout disagrees
with it and with every report of the repeated figure (made-up sentences as local
reports of a shooting write them)."""

from __future__ import annotations

import numpy as np

from newsprism.reconcile.align import claim_groups
from newsprism.reconcile.claims import compare_claims, pair_relation, said_of
from newsprism.records import Claim, Span, Statement

from ..sentence_claims import claims_in

THIRTEEN = ("a", ["Video of a mother of 13 killed in a gang shooting was shown in court."])
# twelve in the lead and again further down, thirteen once
SLIPPED = ("b", [
    "A mother of 12 was killed when a gunman fired from a rooftop.",
    "The mother of 12 was picking up her daughter from school.",
    "Police said a stray bullet hit the mother of 13 as the children ran.",
])  # fmt: skip
TWELVE = ("c", ["Jurors saw the last moments of a mother of 12 killed in a crossfire."])


def _statements(*articles: tuple[str, list[str]]) -> list[Statement]:
    """Each article's sentences, read as one text, with the count of children each gives."""
    out = []
    for aid, sentences in articles:
        text = " ".join(sentences)
        family = [c for c in claims_in(aid, text) if c.thing == "children"]
        start = 0
        for s in sentences:
            span = Span(aid, start, start + len(s))
            held = tuple(c for c in family if span.start <= c.span.start < span.end)
            out.append(Statement(span, s, claims=held))
            start += len(s) + 1
    return out


def _claims(sts: list[Statement]) -> list[tuple[int, int]]:
    return [(s, k) for s, st in enumerate(sts) for k in range(len(st.claims))]


def _groups(sts: list[Statement], same: dict[tuple[int, int], float]) -> list[list[str]]:
    """The value checks of ``sts`` when the claim model scores the pairs of their claims
    ``same`` (by index into their claims; others 0.4): each as its claims' values."""
    claims = _claims(sts)
    pairs = [(i, j) for i in range(len(claims)) for j in range(i + 1, len(claims))
             if sts[claims[i][0]].span.article_id != sts[claims[j][0]].span.article_id]  # fmt: skip
    x = np.array([i for i, _ in pairs], dtype=np.intp)
    y = np.array([j for _, j in pairs], dtype=np.intp)
    p = np.array([same.get((i, j), 0.4) for i, j in pairs], dtype=np.float64)
    groups = claim_groups(sts, np.zeros((len(sts), len(sts))), scored=(claims, x, y, p))
    return [sorted(sts[s].claims[k].value for s, k in g) for g in groups]


def _family(sts: list[Statement]) -> list[Claim]:
    return [c for st in sts for c in st.claims]


def test_each_report_gives_one_count_of_the_children() -> None:
    sts = _statements(THIRTEEN, SLIPPED, TWELVE)
    assert [(c.span.article_id, c.value) for c in _family(sts)] == [
        ("a", "13"), ("b", "12"), ("b", "12"), ("b", "13"), ("c", "12")]  # fmt: skip


def test_a_report_s_slip_does_not_keep_the_other_figure_out_of_the_value_check() -> None:
    """The slipping report's 13 is likeliest one slot with the report of 13 (they join
    first); its 12s with the report of 12. Before, the two groups stayed apart, as
    joined they gave the slipping report two values, and the report of 13 was compared
    with nothing."""
    sts = _statements(THIRTEEN, SLIPPED, TWELVE)
    # claims: 0 a's 13; 1, 2 b's 12s; 3 b's 13; 4 c's 12
    same = {(0, 3): 0.95, (1, 4): 0.9, (2, 4): 0.8, (0, 1): 0.6, (0, 2): 0.6, (0, 4): 0.6,
            (3, 4): 0.6}  # fmt: skip
    assert _groups(sts, same) == [["12", "12", "12", "13", "13"]]


def test_two_figures_a_report_gives_once_each_still_keep_it_apart() -> None:
    """A report that gives 12 once and 13 once says two things, not one and a slip."""
    once = ("b", [SLIPPED[1][0], SLIPPED[1][2]])
    sts = _statements(THIRTEEN, once, TWELVE)
    # claims: 0 a's 13; 1 b's 12; 2 b's 13; 3 c's 12
    same = {(0, 2): 0.95, (1, 3): 0.9, (0, 1): 0.6, (0, 3): 0.6, (2, 3): 0.6}
    assert sorted(_groups(sts, same)) == [["12", "12"], ["13", "13"]]


def test_the_report_of_the_other_figure_conflicts_with_the_slipping_report() -> None:
    """The value check compared: the slipping report is read by the figure it repeats
    (cited where it gives it), so the report of 13 disagrees with it as with the report
    of 12; its lone 13 does not make 12 and 13 two counts it gives side by side."""
    sts = _statements(THIRTEEN, SLIPPED, TWELVE)
    said = said_of(_family(sts), {}, {}, [(st.span, st.text) for st in sts])
    (found,) = compare_claims(said, one_slot=True)
    assert found.relation == "conflict"
    assert sorted((g.value, g.article_ids) for g in found.groups) == [
        ("12", ("b", "c")), ("13", ("a",))]  # fmt: skip
    assert pair_relation([found], "a", "b") == "conflict"
    assert pair_relation([found], "b", "c") == "agree"
