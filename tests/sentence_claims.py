"""The claims of one sentence, as the analyze stage reads them: times, then figures that
are not dates, then mentions, then claims. Shared by the tests that compare two reports'
sentences claim by claim, with the value checks a few dated statements make."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from newsprism.analyze.claims import extract_claims
from newsprism.analyze.entities import extract_mentions
from newsprism.analyze.nlp import parse
from newsprism.analyze.quantities import extract_quantities
from newsprism.analyze.times import extract_times
from newsprism.analyze.units import not_dates
from newsprism.reconcile.align import claim_groups
from newsprism.records import Claim, Span, Statement


def claims_in(aid: str, sentence: str, published: str | None = None) -> list[Claim]:
    """Every claim article ``aid`` makes in ``sentence``, dated by ``published``."""
    doc = parse(sentence)
    times = extract_times(aid, doc, published)
    quantities = not_dates(extract_quantities(aid, doc), times)
    return list(extract_claims(aid, doc, quantities, times, extract_mentions(aid, doc)))


def statements(
    *reports: tuple[str, str], keep: Callable[[Claim], bool] = lambda c: True
) -> list[Statement]:
    """One statement for each (article id, sentence), holding the sentence's claims that
    ``keep`` takes (all of them by default)."""
    return [
        Statement(Span(aid, 0, len(text)), text,
                  claims=tuple(c for c in claims_in(aid, text) if keep(c)))
        for aid, text in reports
    ]  # fmt: skip


def date_statements(*reports: tuple[str, str], published: str | None = None) -> list[Statement]:
    """One statement for each (article id, sentence), holding the sentence's date claims,
    the sentences laid end to end."""
    out, at = [], 0
    for aid, text in reports:
        dates = tuple(c for c in claims_in(aid, text, published) if c.kind == "date")
        out.append(Statement(Span(aid, at, at + len(text)), text, claims=dates))
        at += len(text) + 1
    return out


def value_checks(
    sts: list[Statement], same_occurrence: Callable[[Claim, Claim], bool]
) -> list[list[str]]:
    """The value checks of ``sts`` when the claim model scores two equal values 0.9, two
    claims of one occurrence (``same_occurrence``) 0.7 and every other pair 0.2: each as
    its claims' words and verbs ("on Friday (check)")."""
    claims = [(s, k) for s, st in enumerate(sts) for k in range(len(st.claims))]
    cl = [sts[s].claims[k] for s, k in claims]
    pairs = [(i, j) for i in range(len(claims)) for j in range(i + 1, len(claims))]

    def score(i: int, j: int) -> float:
        if cl[i].value == cl[j].value:
            return 0.9
        return 0.7 if same_occurrence(cl[i], cl[j]) else 0.2

    x = np.array([i for i, _ in pairs], dtype=np.intp)
    y = np.array([j for _, j in pairs], dtype=np.intp)
    p = np.array([score(i, j) for i, j in pairs], dtype=np.float64)
    groups = claim_groups(sts, np.zeros((len(sts), len(sts))), scored=(claims, x, y, p))
    return sorted(sorted(f"{sts[s].claims[k].text} ({sts[s].claims[k].predicate})"
                         for s, k in g) for g in groups)  # fmt: skip
