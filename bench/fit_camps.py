"""Two camps of agreeing reports joined into one value check: measured, not kept.

Value checks (:func:`newsprism.reconcile.align.claim_groups`) form per value: the claim
model weighs a shared value most, so two camps of reports that each agree ("5 injured"
three times, "2 injured" twice) become two value checks and are never compared. This
script measures joining whole value checks with a "same slot whatever the value" model:
the claim model's features without the three that compare the values (``same_value``,
``values_overlap``, ``specific_value``), fitted on the same gold claim pairs
(bench/fit_alignment.py). Two value checks of one kind and unit, with no article in
common (an article gives one value of a slot), are joined when their claims are on
average at least as likely one slot as not, the surest joins first; the camp model's
log-odds raised by a shift from a grid.

Validation is bench/fit_alignment.py's: five folds by topic number; each fold's
sentence, claim and camp models are fitted on the other four (sentence and claim
shifts fixed at ``--shift``) and ``eval facts`` scores the fold's stories with and
without the joins. Writes bench/results/fit_camps.json. Usage::

    python bench/fit_camps.py [--cache /tmp/gold-analyses.pkl] [--camp-shifts 1 2 3 5]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from fit_alignment import (
    DATA,
    GOLD,
    ROOT,
    claim_pairs,
    figures,
    load,
    prepare,
    score,
    sentence_pairs,
    shifted,
    using,
)

import newsprism.reconcile.align as align
import newsprism.reconcile.facts as facts
from newsprism.evaluate.facts import FactScores
from newsprism.fit import LogisticModel, fit_logistic

RESULTS = ROOT / "bench" / "results" / "fit_camps.json"
VALUE_FEATURES = ("same_value", "values_overlap", "specific_value")
CAMP_FEATURES = tuple(f for f in align.CLAIM_FEATURES if f not in VALUE_FEATURES)


def join_camps(
    groups: list[list[tuple[int, int]]],
    claims: Sequence[tuple[int, int]],
    x: np.ndarray,
    y: np.ndarray,
    camp: np.ndarray,
    article: Sequence[str],
) -> list[list[tuple[int, int]]]:
    """Value checks (``groups`` of (statement, claim)) joined whole: two with no article
    in common whose claims' mean camp probability is at least one half, surest first.
    Pairs not scored (claims of another kind or unit) count 0."""
    index = {c: n for n, c in enumerate(claims)}
    score_of: dict[tuple[int, int], float] = {}
    for a, b, q in zip(x.tolist(), y.tolist(), camp.tolist(), strict=True):
        score_of[a, b] = score_of[b, a] = q
    members = {g: [index[c] for c in grp] for g, grp in enumerate(groups)}
    arts = {g: {article[n] for n in m} for g, m in members.items()}

    def mean(a: list[int], b: list[int]) -> float:
        return sum(score_of.get((i, j), 0.0) for i in a for j in b) / (len(a) * len(b))

    pairs = [(mean(members[g], members[h]), g, h) for g in members for h in members
             if g < h and not arts[g] & arts[h]]  # fmt: skip
    root = {g: g for g in members}

    def find(g: int) -> int:
        while root[g] != g:
            g = root[g]
        return g

    for q, g, h in sorted(pairs, key=lambda e: (-e[0], e[1], e[2])):
        if q < 0.5:
            break
        a, b = find(g), find(h)
        if a == b or arts[a] & arts[b] or mean(members[a], members[b]) < 0.5:
            continue
        root[b] = a
        members[a] += members.pop(b)
        arts[a] |= arts.pop(b)
    return sorted(sorted(claims[n] for n in m) for m in members.values())


@contextmanager
def camps(model: LogisticModel | None) -> Iterator[None]:
    """build_facts with value checks joined whole by ``model`` (None: as shipped)."""
    original: Callable[..., Any] = facts.claim_groups
    if model is None:
        yield
        return

    def claim_groups(statements: Any, p: Any, entity_of: Any = None, vectors: Any = None,
                     scored: Any = None) -> list[list[tuple[int, int]]]:  # fmt: skip
        groups = original(statements, p, entity_of, vectors, scored)
        claims, x, y, features = align._claim_candidates(statements, p, entity_of, vectors)
        if len(groups) < 2 or not len(x):
            return groups  # type: ignore[no-any-return]
        camp = model.scores(align.named(features, align.CLAIM_FEATURES, model))[:, 1]
        article = [statements[s].span.article_id for s, _ in claims]
        return join_camps(groups, claims, x, y, camp, article)

    facts.claim_groups = claim_groups  # type: ignore[assignment]
    try:
        yield
    finally:
        facts.claim_groups = original  # type: ignore[assignment]


def fit(stories: list[dict[str, Any]], l2: float) -> tuple[Any, Any, LogisticModel]:
    """Sentence, claim and camp models fitted on ``stories`` (as bench/fit_alignment.py)."""
    x, y = sentence_pairs(stories)
    sentence = fit_logistic(x, np.where(y, "same", "other"), align.FEATURES, l2=l2)
    with using(sentence, align.claim_model()):
        cx, cy = claim_pairs(stories)
    labels = np.where(cy, "same", "other")
    claim = fit_logistic(cx, labels, align.CLAIM_FEATURES, l2=l2)
    keep = [align.CLAIM_FEATURES.index(f) for f in CAMP_FEATURES]
    return sentence, claim, fit_logistic(cx[:, keep], labels, CAMP_FEATURES, l2=l2)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=GOLD)
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--cache", type=Path, default=None)
    ap.add_argument("--l2", type=float, default=0.01)
    ap.add_argument("--shift", type=float, default=1.5, help="sentence and claim shift")
    ap.add_argument("--camp-shifts", type=float, nargs="+", default=[1.0, 2.0, 3.0, 5.0])
    args = ap.parse_args()
    data = load(args.gold, args.data, args.cache)
    prepared = {name: prepare(*v) for name, v in data.items()}
    topic = {n: int(m.group()) for n in prepared if (m := re.match(r"\d+", n))}
    names = sorted(topic)
    grid: list[float | None] = [None, *args.camp_shifts]
    folds: dict[float | None, list[FactScores]] = {c: [] for c in grid}
    for k in range(5):
        train = [prepared[n] for n in names if topic[n] % 5 != k]
        test = [prepared[n] for n in names if topic[n] % 5 == k]
        sentence, claim, camp = fit(train, args.l2)
        sentence, claim = shifted(sentence, args.shift), shifted(claim, args.shift)
        for c in grid:
            with camps(None if c is None else shifted(camp, c)):
                folds[c].append(score(test, sentence, claim))
            print(f"fold {k} camp shift {c}: {figures(folds[c][-1])}", flush=True)
    pooled = {}
    for c, v in folds.items():
        total = FactScores()
        for s in v:
            total.add(s)
        pooled[c] = figures(total)
        print(f"camp shift {c}: pooled {pooled[c]}", flush=True)
    sentence, claim, camp = fit([prepared[n] for n in names], args.l2)
    sentence, claim = shifted(sentence, args.shift), shifted(claim, args.shift)
    in_sample = {}
    for c in grid:
        with camps(None if c is None else shifted(camp, c)):
            in_sample[str(c)] = figures(score([prepared[n] for n in names], sentence, claim))
        print(f"in sample camp shift {c}: {in_sample[str(c)]}", flush=True)
    RESULTS.write_text(json.dumps({
        "command": "python bench/fit_camps.py " + " ".join(sys.argv[1:]),
        "shift": args.shift,
        "none": "value checks as shipped (never joined whole)",
        "pooled_out_of_fold": {str(c): v for c, v in pooled.items()},
        "folds": {str(c): [figures(s) for s in v] for c, v in folds.items()},
        "in_sample": in_sample,
    }, indent=1) + "\n", "utf-8")  # fmt: skip


if __name__ == "__main__":
    main()
