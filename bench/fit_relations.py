"""Refit the relation model (src/newsprism/reconcile/relation_model.json) on tests/gold/facts.

Data: the hand-annotated facts of tests/gold/facts (ECB+ topics 1-35 and the example
articles). Each gold story is read, cleaned, analyzed and reconciled as
`newsprism eval facts` does; wherever a comparison holds two value groups, every two
claims of different groups whose values lie in the two phrases of a gold pair are one
sample, labelled with that pair's relation (``agree`` counts as ``variant``: the values
were written differently, which is no disagreement).

The model is a softmax over variant | conflict | update (:mod:`newsprism.fit`).
Validation leaves whole topics out (5 folds by topic number; the examples are a topic
of their own). The conflict threshold is the least probability at which the conflicts
called on the held-out folds, pooled, are right at least ``--precision`` of the time;
precision and recall at that threshold are printed per fold and saved with the weights.
Usage::

    python bench/fit_relations.py [--data TARBALL] [--cache FILE.pkl] [--docs FILE]
        [--reextract] [--heldout] [--write]

``--heldout`` scores the gold as `newsprism eval facts` does (pairs of reports), each
fold's stories with a model fitted on the other folds and a threshold chosen on those
folds alone (nested), and writes the pooled figures, each fold's and the conflicts it
called where the gold has none to bench/results/fit_relations.json. ``--reextract``
re-reads the claims with the current analyze/claims.py from spaCy docs cached in
``--docs`` (see bench/facts_misses.py).
"""

from __future__ import annotations

import argparse
import json
import pickle
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from newsprism.analyze.nationality import NATIONALITY
from newsprism.analyze.partners import PARTNER
from newsprism.analyze.roles import ROLE
from newsprism.config import Settings
from newsprism.evaluate.facts import ECBPLUS, _find, _kind, _names, read_documents
from newsprism.evaluate.facts import same_words as _same_words
from newsprism.fit import fit_logistic
from newsprism.reconcile import claims as claims_module
from newsprism.reconcile.claims import (
    RELATION_FEATURES,
    RELATION_MODEL_PATH,
    PlaceRelation,
    Said,
    relation_features,
)

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold" / "facts"
CLASSES = ("variant", "conflict", "update")
_KIND = {"count": "number", "measure": "number", "record": "number"}
# the features fitted on (RELATION_FEATURES less those --drop names)
FEATURES: list[str] = list(RELATION_FEATURES)
# what each sample compared (story, the two claims' texts and values), for reading errors
SEEN: list[tuple[str, str, str, str, str]] = []


def load(gold_dir: Path, tarball: Path, cache: Path | None) -> dict[str, tuple[Any, Any, Any]]:
    """(gold, articles, analyses) per gold story, from ``cache`` when it exists."""
    if cache is not None and cache.exists():
        data = pickle.loads(cache.read_bytes())
        return {k: (v[0], v[1], v[2]) for k, v in data.items()}
    from newsprism.analyze.pipeline import analyze_articles
    from newsprism.ingest.build import build_articles

    out = {}
    for path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(path.read_text("utf-8"))
        articles, _ = build_articles(read_documents(gold, ROOT, tarball), Settings())
        out[gold.get("story", path.stem)] = (gold, articles, analyze_articles(articles))
        print(path.stem, len(articles), file=sys.stderr, flush=True)
    if cache is not None:
        cache.write_bytes(pickle.dumps(out))
    return out


# claims whose relation a rule decides (reconcile/claims.py: _nationalities, _role_holders):
# their pairs would teach the model that two actors conflict
RULED = frozenset({NATIONALITY, ROLE, PARTNER})


def samples(
    data: dict[str, tuple[Any, Any, Any]],
) -> tuple[np.ndarray, list[str], np.ndarray, np.ndarray]:
    """Features, gold relation, topic and weight of every labelled pair of claims."""
    found: list[tuple[list[float], str, str, int]] = []
    original = claims_module.group_relations
    try:
        for name, (gold, articles, analyses) in data.items():
            found.extend(_story_samples(name, gold, articles, analyses))
    finally:
        claims_module.group_relations = original
    x = np.array([f[0] for f in found], dtype=np.float64).reshape(-1, len(RELATION_FEATURES))
    facts = [f[2] for f in found]
    # a fact with many reports gives many pairs of one kind: each fact weighs as the
    # square root of its pairs, so one story's long list of reports does not set the model
    per_fact = {f: facts.count(f) for f in set(facts)}
    weights = np.array([per_fact[f] ** -0.5 for f in facts])
    return x, [f[1] for f in found], np.array([f[3] for f in found]), weights


def _story_samples(
    name: str, gold: dict[str, Any], articles: Any, analyses: Any
) -> list[tuple[list[float], str, str, int]]:
    """(features, relation, gold fact, topic) of the labelled pairs of one gold story."""

    out: list[tuple[list[float], str, str, int]] = []
    m = re.match(r"\d+", name)
    topic = int(m.group()) if m else 36
    doc_of = {a.id: n for a in articles for n in _names(a.source)}
    art_of = {n: a for a in articles for n in _names(a.source)}
    phrase: dict[tuple[str, str], tuple[int, int]] = {}
    value: dict[tuple[str, str], str] = {}
    for fact in gold["facts"]:
        for mention in fact["mentions"]:
            a = art_of.get(mention["doc"])
            where = _find(a.text, mention["phrase"]) if a else None
            if a is not None and where is not None:
                phrase[fact["id"], mention["doc"]] = where
                value[fact["id"], mention["doc"]] = mention["value"]
    seen: set[tuple[Any, Any]] = set()

    def inside(c: Any, where: tuple[int, int]) -> bool:
        return bool(where[0] <= c.span.start < where[1])

    def gold_relation(x: Said, y: Said) -> tuple[str, str] | None:
        dx, dy = doc_of.get(x.article_id, ""), doc_of.get(y.article_id, "")
        kind = _KIND.get(x.claim.kind, x.claim.kind)
        for fact in gold["facts"]:
            px, py = phrase.get((fact["id"], dx)), phrase.get((fact["id"], dy))
            if _kind(fact["slot"]) != kind or px is None or py is None:
                continue
            if not (inside(x.claim, px) and inside(y.claim, py)):
                continue
            if not (_same_words(x.claim.text, value[fact["id"], dx])
                    and _same_words(y.claim.text, value[fact["id"], dy])):  # fmt: skip
                continue  # another value of the same phrase ("killing 10 and injuring 80")
            for pair in fact["pairs"]:
                if set(pair["docs"]) == {dx, dy}:
                    rel = "variant" if pair["relation"] == "agree" else str(pair["relation"])
                    return rel, f"{name}/{fact['id']}"
        return None

    def record(
        values: Sequence[Sequence[Said]],
        places: PlaceRelation = claims_module._iso_places,
        *,
        one_slot: bool = False,
        weighing: Any = None,
    ) -> dict[tuple[int, int], str]:
        for i, gi in enumerate(values):
            for gj in values[i + 1 :]:
                for x in gi:
                    for y in gj:
                        key = (x.claim.span, y.claim.span)
                        if x.article_id == y.article_id or key in seen:
                            continue
                        if {x.claim.thing, y.claim.thing} & RULED:
                            continue  # decided by a rule of their own, not the model
                        if "relative" in {x.claim.cue, y.claim.cue}:
                            continue  # a day counted from another: decided by its rule
                        seen.add(key)
                        label = gold_relation(x, y)
                        if label is not None:
                            out.append((relation_features(x, y, places), *label, topic))
                            SEEN.append((name, x.claim.text, x.claim.value, y.claim.text,
                                         y.claim.value))  # fmt: skip
        return {(i, j): "variant" for i in range(len(values)) for j in range(i + 1, len(values))}

    setattr(claims_module, "group_relations", record)  # noqa: B010 (a hook the module reads)
    reconcile_facts(articles, analyses)
    return out


def reconcile_facts(articles: Any, analyses: Any) -> Any:
    """The facts of one story reconciled as `newsprism eval facts` does (entities,
    origins, facts): the benches hook a decision of the facts stage and run this to
    collect what it is asked."""
    from newsprism.reconcile.entities import build_entities
    from newsprism.reconcile.facts import build_facts
    from newsprism.reconcile.origins import find_origins

    _, entity_of = build_entities(analyses)
    origin_of = {a: o.id for o in find_origins(articles, analyses) for a in o.article_ids}
    return build_facts(analyses, {a.id: a.text for a in articles}, entity_of, origin_of,
                       {a.id: a.published for a in articles})  # fmt: skip


def choose_threshold(
    p: np.ndarray,
    y: np.ndarray,
    precision: float,
    *,
    start: float = 0.3,
    min_calls: int = 10,
    default: float = 1.0,
) -> float:
    """The least probability from ``start`` (steps of 0.025) whose calls (``min_calls``
    or more; ``y`` true or 1 where a call is right), and those of every higher step, are
    right at least ``precision`` of the time; when none is, the one of the best F0.5
    (precision weighed twice as much as recall: a stable choice where precision alone
    swings with a handful of calls), and ``default`` when no threshold makes enough
    calls. The relation model's conflicts use
    the defaults (pooled held-out predictions); the conflict gate starts lower and asks
    for more calls (bench/fit_gate.py)."""
    right = y == 1
    steps = [round(float(t), 3) for t in np.arange(start, 0.96, 0.025)]
    f_half: list[float | None] = []
    held: list[bool] = []  # whether the step's calls are right often enough
    for t in steps:
        called = p >= t
        if called.sum() < min_calls:
            f_half.append(None)
            continue
        prec = float(right[called].mean())
        held.append(prec >= precision)
        rec = float((called & right).sum() / max(1, right.sum()))
        f_half.append(1.25 * prec * rec / (0.25 * prec + rec) if prec + rec else 0.0)
    # the least step from which every higher one keeps the precision: one step that
    # reaches it on a handful of calls, with the steps above falling short, is chance
    for i, t in enumerate(t for t, f in zip(steps, f_half, strict=True) if f is not None):
        if all(held[i:]):
            return t
    best, best_t = -1.0, default
    for t, f in zip(steps, f_half, strict=True):
        if f is not None and f > best:
            best, best_t = f, t
    return best_t


def _oof(
    x: np.ndarray,
    y: np.ndarray,
    topic: np.ndarray,
    weight: np.ndarray,
    folds: Sequence[int],
    l2: float,
) -> tuple[np.ndarray, np.ndarray]:
    """Out-of-fold P(conflict) of the samples of ``folds`` (each fold's from a model fitted
    on the others of ``folds``) and which samples those are."""
    mask = np.isin(topic % 5, folds)
    oof = np.zeros(len(y))
    for k in folds:
        test = mask & (topic % 5 == k)
        train = mask & ~test
        if len(set(y[train])) < 2 or not test.any():
            continue
        m = fit_logistic(x[train], y[train], FEATURES, l2=l2,
                         sample_weight=weight[train])  # fmt: skip
        oof[test] = m.scores(x[test])[:, m.classes.index("conflict")]
    return oof, mask


def heldout(
    data: dict[str, tuple[Any, Any, Any]],
    x: np.ndarray,
    y: np.ndarray,
    topic: np.ndarray,
    weight: np.ndarray,
    l2: float,
    precision: float,
) -> dict[str, Any]:
    """Pair scores of every gold story, reconciled with the relation model and threshold
    fitted without its fold (the threshold chosen on the other four folds' out-of-fold
    predictions)."""
    from facts_misses import bucket_story

    from newsprism.evaluate.facts import FactScores

    original = claims_module.relation_model
    total = FactScores()
    per_fold = []
    wrong: list[dict[str, Any]] = []  # the conflicts called where the gold has none
    try:
        for k in range(5):
            rest = [j for j in range(5) if j != k]
            p, mask = _oof(x, y, topic, weight, rest, l2)
            threshold = choose_threshold(p[mask], y[mask] == "conflict", precision)
            train = topic % 5 != k
            m = fit_logistic(x[train], y[train], FEATURES, l2=l2,
                             sample_weight=weight[train])  # fmt: skip
            setattr(claims_module, "relation_model", lambda m=m, t=threshold: (m, t))  # noqa: B010
            fold = FactScores()
            for name, (gold, articles, analyses) in data.items():
                t = re.match(r"\d+", name)
                if (int(t.group()) if t else 36) % 5 != k:
                    continue
                rows, scores, _ = bucket_story(gold, articles, analyses)
                fold.add(scores)
                wrong.extend({"fold": k, **ex} for rel, b, ex in rows if b == "false_conflict")
            total.add(fold)
            per_fold.append({"fold": k, "threshold": threshold, **figures(fold)})
            print(f"held out fold {k}: {figures(fold)}", flush=True)
    finally:
        setattr(claims_module, "relation_model", original)  # noqa: B010
    return {"pooled": figures(total), "folds": per_fold, "false_conflicts": wrong}


def figures(s: Any) -> dict[str, Any]:
    """The eval facts figures of pooled pair scores."""
    return {
        "pairs": s.gold_pairs,
        "alignment_recall": round(s.alignment_recall, 3),
        "conflict_precision": round(s.conflict_precision, 3),
        "conflict_called": s.called_conflict,
        "conflict_right": s.right_conflict,
        "conflict_recall": round(s.conflict_recall, 3),
        "variant_recall": round(s.variant_recall, 3),
        "update_recall": round(s.found_update / s.gold_update, 3) if s.gold_update else 1.0,
    }


def gold_arguments(ap: argparse.ArgumentParser) -> None:
    """The options of a bench that reads the facts gold: where ECB+ and the gold are,
    the pickled analyses and spaCy docs to start from, and whether to read the claims
    anew with the current code (what a claims change is measured by)."""
    ap.add_argument("--data", type=Path, default=ROOT / ECBPLUS)
    ap.add_argument("--gold", type=Path, default=GOLD)
    ap.add_argument("--cache", type=Path, default=None, help="pickled analyses")
    ap.add_argument("--docs", type=Path, default=None, help="cached spaCy docs (DocBin)")
    ap.add_argument("--reextract", action="store_true", help="claims from the current code")


def load_gold(args: argparse.Namespace) -> Any:
    """The gold stories with their articles and analyses, as :func:`gold_arguments`
    asked for them."""
    data = load(args.gold, args.data, args.cache)
    if args.reextract:
        from facts_misses import reextract  # it imports this module

        reextract(data, args.docs or Path(str(args.cache or "docs") + ".docs"))
    return data


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    gold_arguments(ap)
    ap.add_argument("--l2", type=float, default=0.01)
    ap.add_argument("--precision", type=float, default=0.9)
    ap.add_argument("--threshold", type=float, default=None, help="instead of choosing one")
    ap.add_argument("--write", action="store_true", help="write relation_model.json")
    ap.add_argument("--heldout", action="store_true", help="pair scores, folds left out")
    ap.add_argument("--out", type=Path, default=ROOT / "bench/results/fit_relations.json")
    ap.add_argument("--drop", default="", help="features left out, comma-separated")
    args = ap.parse_args()
    data = load_gold(args)
    x, labels, topic, weight = samples(data)
    dropped = {d for d in args.drop.split(",") if d}
    FEATURES[:] = [f for f in RELATION_FEATURES if f not in dropped]
    x = x[:, [RELATION_FEATURES.index(f) for f in FEATURES]]
    y = np.array(labels)
    counts = {c: int((y == c).sum()) for c in CLASSES}
    print(f"{len(y)} pairs of claims: {counts}")
    oof = np.zeros(len(y))
    for k in range(5):
        test = topic % 5 == k
        m = fit_logistic(x[~test], y[~test], FEATURES, l2=args.l2,
                         sample_weight=weight[~test])  # fmt: skip
        oof[test] = m.scores(x[test])[:, m.classes.index("conflict")]
    conflict = y == "conflict"
    for t in (0.4, 0.5, 0.6, 0.7, 0.8, 0.9):
        called = oof >= t
        right = weight[called & conflict].sum() / max(1e-9, weight[called].sum())
        print(f"  at {t}: {int(called.sum())} called, {int((called & conflict).sum())} right "
              f"(weighted precision {right:.2f})")  # fmt: skip
    threshold = args.threshold or choose_threshold(oof, conflict, args.precision)
    folds = []
    for k in range(5):
        test = topic % 5 == k
        called = oof[test] >= threshold
        right = int((called & conflict[test]).sum())
        prec = right / max(1, int(called.sum()))
        rec = right / max(1, int(conflict[test].sum()))
        folds.append({"fold": k, "conflict_precision": round(prec, 3),
                      "conflict_recall": round(rec, 3), "called": int(called.sum()),
                      "pairs": int(test.sum())})  # fmt: skip
        print(f"fold {k} (topics = {k} mod 5): conflict P {prec:.3f} R {rec:.3f} "
              f"({right}/{int(called.sum())} of {int(conflict[test].sum())})")  # fmt: skip
    print(f"conflict threshold {threshold}")
    if args.heldout:
        found = heldout(data, x, y, topic, weight, args.l2, args.precision)
        print(f"held out, pooled: {found['pooled']}")
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps({"claim_pairs": len(y), "counts": counts,
                                        "threshold": threshold, "l2": args.l2,
                                        "heldout": found}, indent=1) + "\n")  # fmt: skip
    model = fit_logistic(x, y, FEATURES, l2=args.l2, sample_weight=weight)
    for n, name in enumerate(FEATURES):
        w = "  ".join(f"{c}={model.weights[i][n]:+.2f}" for i, c in enumerate(model.classes))
        print(f"  {name:16} {w}")
    if args.write:
        model.save(
            RELATION_MODEL_PATH,
            about="P(variant | conflict | update) of two differing values of one slot; refit "
            "with bench/fit_relations.py on tests/gold/facts (pairs of claims whose values lie "
            "in the phrases of a gold pair)",
            pairs=len(y),
            counts=counts,
            conflict_threshold=threshold,
            folds=folds,
        )
        print(f"wrote {RELATION_MODEL_PATH}", file=sys.stderr)


if __name__ == "__main__":
    main()
