"""Fit the conflict gate (src/newsprism/reconcile/gate_model.json) on tests/gold/facts.

The relation model learnt from gold pairs, which are one fact by construction; the
conflicts a report prints also join values of two different things. Here every pair of
value groups the relation decision calls a conflict, in every gold story reconciled as
`newsprism eval facts` does, is a sample per pair of articles it sets apart, labelled
1 when a gold conflict (or update) holds both articles' values, else 0 (outside the
gold, or a gold agree/variant: the gold lists every checkable fact two reports state,
so a pair outside it is mostly two different things). Features: GATE_FEATURES
(:func:`newsprism.reconcile.gate.gate_features`); model: L2 logistic
(:mod:`newsprism.fit`).

Only a few strong features are fitted (USED): the gold holds about forty distinct
backed conflicts, and all of GATE_FEATURES fitted the topics left in, not the ones
left out. Validation leaves whole topics out (5 folds by topic number; the examples are topic 36).
Each fold's threshold is the least gate probability at which the other folds' held-out
calls are right at least ``--precision`` of the time (strict: backed / all shown),
so the figures per fold are nested. Usage::

    python bench/fit_gate.py --cache FILE.pkl [--reextract] [--precision 0.6 | --keep 0.9]
        [--used F1,F2,...] [--write]

``--reextract`` re-reads the claims with the current analyze/claims.py from spaCy docs
cached beside the cache (``FILE.pkl.docs``, see bench/facts_misses.py).

Writes the curve (threshold -> shown, backed, strict precision, backed kept) and each
fold's figures to bench/results/fit_gate.json.
"""

from __future__ import annotations

import argparse
import json
import pickle
import re
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from newsprism.evaluate.facts import ECBPLUS, gold_relations, locate_mentions, pair_relations
from newsprism.fit import fit_logistic
from newsprism.reconcile import gate as gate_module
from newsprism.reconcile.gate import GATE_FEATURES, GATE_MODEL_PATH, gate_features

sys.path.insert(0, str(Path(__file__).parent))
from fit_relations import GOLD, ROOT, choose_threshold, load, reconcile_facts


class Samples:
    """(features, label, topic, line) per pair of articles of each candidate conflict of
    one gold story: label 1 when a gold conflict (or update) holds both articles'
    values, else 0 (outside the gold, or a gold agree/variant). A pair of value groups is
    taken once however often the facts stage asks."""

    def __init__(self, name: str, gold: dict[str, Any], articles: Any) -> None:
        m = re.match(r"\d+", name)
        self.name = name
        self.topic = int(m.group()) if m else 36
        self.located = locate_mentions(gold, articles)
        self.relation = pair_relations(gold)
        self.rows: list[Any] = []
        self.seen: set[Any] = set()

    def new(self, gi: Any, gj: Any) -> bool:
        """Whether this pair of value groups is asked for the first time."""
        key = (tuple(s.claim.span for s in gi), tuple(s.claim.span for s in gj))
        if key in self.seen:
            return False
        self.seen.add(key)
        return True

    def add(self, gi: Any, gj: Any, f: list[float]) -> None:
        """One sample per pair of articles the two value groups set apart."""
        line = f"{self.name}: {gi[0].claim.text!r} / {gj[0].claim.text!r}"
        for a in sorted({s.article_id for s in gi}):
            for b in sorted({s.article_id for s in gj}):
                if a == b:
                    continue
                xs = [s.claim.span for s in gi if s.article_id == a]
                ys = [s.claim.span for s in gj if s.article_id == b]
                said = gold_relations(self.located, self.relation, a, xs, b, ys)
                self.rows.append((f, int(bool(said & {"conflict", "update"})), self.topic, line))


def _story(name: str, gold: dict[str, Any], articles: Any, analyses: Any) -> list[Any]:
    """The samples of one story (:class:`Samples`): every conflict the gate is asked."""
    samples = Samples(name, gold, articles)

    def record(gi: Any, gj: Any, places: Any, one_slot: bool, weighed: Any = None) -> bool:
        if samples.new(gi, gj):
            samples.add(gi, gj, gate_features(gi, gj, places, one_slot=one_slot, weighed=weighed))
        return True

    setattr(gate_module, "conflict_gate", record)  # noqa: B010 (a hook the module reads)
    reconcile_facts(articles, analyses)
    return samples.rows


# the features fitted on: a few strong ones (with about forty distinct backed conflicts,
# the whole GATE_FEATURES overfit the topics left in; see the docstring)
USED = ["age", "time", "hedged", "round_figure", "overlap", "same_predicate",
        "far", "p_conflict"]  # fmt: skip


def keeping(p: np.ndarray, y: np.ndarray, keep: float) -> float:
    """The greatest threshold whose calls keep at least ``keep`` of the backed conflicts
    (the gate cannot reach a useful precision held out, see the module docstring: it
    then cuts what it can while losing few of the conflicts a reader should see)."""
    best = 0.0
    for t in np.arange(0.0, 0.96, 0.005):
        if ((p >= t) & (y == 1)).sum() >= keep * y.sum():
            best = round(float(t), 3)
    return best


def least(p: np.ndarray, y: np.ndarray, precision: float) -> float:
    """The gate's threshold by precision: from 0.05, on twenty calls or more; when no
    threshold makes that many, every conflict is shown."""
    return choose_threshold(p, y, precision, start=0.05, min_calls=20, default=0.0)


def out_of_group(
    x: np.ndarray,
    y: np.ndarray,
    group: np.ndarray,
    w: np.ndarray,
    groups: list[int],
    l2: float,
    used: list[str],
) -> Any:
    """P(backed) of the samples of ``groups`` (topic folds, or single topics), each
    group's from a model fitted on the other ``groups``; a group whose training part
    holds one label only has every conflict shown (nothing to learn from)."""
    p = np.zeros(len(y))
    inside = np.isin(group, groups)
    for k in groups:
        test = group == k
        train = inside & ~test
        if not test.any() or len(set(y[train].tolist())) < 2:
            p[test] = 1.0
            continue
        m = fit_logistic(x[train], y[train].astype(str), used, l2=l2, sample_weight=w[train])
        p[test] = m.scores(x[test])[:, m.classes.index("1")]
    return p


def threshold_curve(p: np.ndarray, y: np.ndarray) -> list[dict[str, Any]]:
    """Threshold -> conflicts shown, backed among them, strict precision, backed kept."""
    curve = []
    for t in np.arange(0.0, 0.91, 0.025):
        shown = p >= t
        curve.append({"threshold": round(float(t), 3), "shown": int(shown.sum()),
                      "backed": int((shown & (y == 1)).sum()),
                      "precision": round(float(y[shown].mean()) if shown.any() else 1.0, 3),
                      "backed_kept": round(float((shown & (y == 1)).sum() / max(1, y.sum())), 3),
                      })  # fmt: skip
        print(curve[-1])
    return curve


def nested(
    p: np.ndarray,
    x: np.ndarray,
    y: np.ndarray,
    group: np.ndarray,
    w: np.ndarray,
    l2: float,
    used: list[str],
    choose: Callable[[np.ndarray, np.ndarray], float],
    name: str,
) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """Each group's threshold chosen by ``choose`` on the other groups' held-out
    probabilities alone, applied to its own (``p``, held out): what the gate does on a
    story it never saw. The per-group figures and the pooled ones."""
    groups = sorted(set(group.tolist()))
    parts = []
    for k in groups:
        rest = [g for g in groups if g != k]
        inner = out_of_group(x, y, group, w, rest, l2, used)
        mask = np.isin(group, rest)
        t = choose(inner[mask], y[mask])
        test = group == k
        shown = test & (p >= t)
        parts.append({name: k, "threshold": t, "candidates": int(test.sum()),
                      "backed": int(y[test].sum()), "shown": int(shown.sum()),
                      "shown_backed": int((shown & (y == 1)).sum())})  # fmt: skip
        print(parts[-1])
    shown_all = sum(f["shown"] for f in parts)
    right = sum(f["shown_backed"] for f in parts)
    pooled = {"candidates": len(y), "backed": int(y.sum()), "shown": shown_all,
              "shown_backed": right, "precision": round(right / max(1, shown_all), 3),
              "backed_kept": round(right / max(1, int(y.sum())), 3)}  # fmt: skip
    print(f"nested held out, pooled: {pooled}")
    return parts, pooled


def save_gate(
    model: Any, results: dict[str, Any], out: Path, path: Path | None, about: str, **meta: Any
) -> None:
    """Print a fitted gate's weights, write its bench figures to ``out`` and, when
    ``path`` is given, ship the model there with ``about`` and ``meta``."""
    for n, name in enumerate(model.features):
        print(f"  {name:20} {model.weights[0][n]:+.2f}")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=1) + "\n")
    if path is not None:
        model.save(path, about=about, **meta)
        print(f"wrote {path}", file=sys.stderr)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT / ECBPLUS)
    ap.add_argument("--gold", type=Path, default=GOLD)
    ap.add_argument("--cache", type=Path, default=None)
    ap.add_argument("--l2", type=float, default=0.01)
    ap.add_argument("--precision", type=float, default=0.6)
    ap.add_argument(
        "--keep",
        type=float,
        default=None,
        help="instead of --precision: keep this share of the backed conflicts",
    )
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--reextract", action="store_true", help="claims from the current code")
    ap.add_argument("--used", default="", help="features fitted, comma-separated (else USED)")
    ap.add_argument("--rows", type=Path, default=None, help="save the samples (pickle)")
    ap.add_argument("--out", type=Path, default=ROOT / "bench/results/fit_gate.json")
    args = ap.parse_args()
    data = load(args.gold, args.data, args.cache)
    if args.reextract:
        from facts_misses import reextract

        reextract(data, Path(str(args.cache or "docs") + ".docs"))
    if args.used:
        USED[:] = args.used.split(",")
    original = gate_module.conflict_gate
    rows: list[Any] = []
    try:
        for name, (gold, articles, analyses) in data.items():
            rows.extend(_story(name, gold, articles, analyses))
    finally:
        setattr(gate_module, "conflict_gate", original)  # noqa: B010
    if args.rows is not None:
        args.rows.write_bytes(pickle.dumps(rows))
    x = np.array([r[0] for r in rows], dtype=np.float64)
    y = np.array([r[1] for r in rows])
    topic = np.array([r[2] for r in rows])
    x = x[:, [GATE_FEATURES.index(f) for f in USED]]
    # each pair of value groups weighs one, however many pairs of articles it sets apart:
    # one story's long list of reports does not set the gate
    per = Counter(r[3] for r in rows)
    w = np.array([1 / per[r[3]] for r in rows])
    print(f"{len(y)} candidate conflict pairs of articles, {int(y.sum())} backed")
    fold = topic % 5
    p = out_of_group(x, y, fold, w, list(range(5)), args.l2, USED)
    curve = threshold_curve(p, y)

    def choose(p: np.ndarray, y: np.ndarray) -> float:
        return keeping(p, y, args.keep) if args.keep else least(p, y, args.precision)

    folds, pooled = nested(p, x, y, fold, w, args.l2, USED, choose, "fold")
    threshold = choose(p, y)
    model = fit_logistic(x, y.astype(str), USED, l2=args.l2, sample_weight=w)
    results = {"candidates": len(y), "backed": int(y.sum()), "threshold": threshold,
               "keep": args.keep, "precision_target": args.precision, "curve": curve,
               "folds": folds, "pooled": pooled}  # fmt: skip
    about = ("P(a conflict the relation decision calls is one a gold conflict backs); refit "
             "with bench/fit_gate.py on tests/gold/facts")  # fmt: skip
    save_gate(model, results, args.out, GATE_MODEL_PATH if args.write else None, about,
              threshold=threshold, candidates=len(y), backed=int(y.sum()), folds=folds)  # fmt: skip


if __name__ == "__main__":
    main()
