"""Refit the alignment models (src/newsprism/reconcile/align_model.json, claim_model.json)
on the development gold of facts (tests/gold/facts), validated leaving topics out.

Data: every ECB+ story of ``tests/gold/facts`` (the examples' story is left out of the
fit, so it stays a test). Its documents are read, cleaned and analyzed as
``newsprism eval facts`` reads them; each gold mention is found in its statement.

* Sentences: two statements of different reports that both hold gold mentions are a
  positive pair when they hold mentions of one gold fact, negative when they share
  none (statements holding no gold mention take no part: the gold is not every fact).
* Claims: two candidate claims (one kind, different reports) whose values both lie in
  gold mentions are a positive pair when the mentions are of one gold fact.

Validation leaves whole topics out: five folds by topic number (topic mod 5); each
fold's models are fitted on the other four and ``eval facts`` scores the fold's
stories with them (alignment recall and precision, conflict and variant figures).

The decision: a pair is joined when its probability is at least 1/2 once the
models' log-odds are raised by a shift: ``t`` for sentences, ``c`` for claims (by
default ``c = t``; ``--claim-shifts`` validates every pair of the two grids, since a
value check joins claims that their sentences' fact does not). The training pairs
are only those between gold mentions, so their share of positives says nothing about
a story's pairs; the shifts are chosen as those of the best pooled out-of-fold
alignment recall whose pooled alignment precision stays at or above the precision
the previous models had (``--precision``), the issue's condition that recall not be
bought by over-merging. The chosen shifts are added to the models' bias before they
are saved. Usage::

    python bench/fit_alignment.py [--cache /tmp/gold-analyses.pkl] [--write]
        [--docs FILE --reextract]

``--reextract`` re-reads amounts and claims with the current code from spaCy docs cached
in ``--docs`` (see bench/facts_misses.py), so the claim model is refitted on a change to
the claims without re-running the whole analysis.
"""

from __future__ import annotations

import argparse
import json
import pickle
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np

import newsprism.reconcile.align as align
from newsprism.analyze.embed import unpack
from newsprism.config import Settings
from newsprism.evaluate.facts import FactScores, _find, _names, read_documents, score_story
from newsprism.fit import LogisticModel, fit_logistic
from newsprism.ingest.build import build_articles
from newsprism.reconcile.entities import build_entities
from newsprism.reconcile.facts import build_facts, statements_of
from newsprism.reconcile.origins import find_origins
from newsprism.records import Story
from newsprism.runners import one_thread

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold" / "facts"
DATA = ROOT.parent / "shared" / "data" / "ecbplus" / "ecbplus-topics-1-35.tar.gz"
RESULTS = ROOT / "bench" / "results" / "fit_alignment.json"
SHIFTS = (0.0, 0.5, 0.75, 1.0, 1.25)


def load(gold_dir: Path, tarball: Path, cache: Path | None) -> dict[str, Any]:
    """Per gold story: (gold, articles, analyses), read and analyzed as eval facts does."""
    if cache and cache.exists():
        return pickle.loads(cache.read_bytes())  # type: ignore[no-any-return]
    from newsprism.analyze.pipeline import analyze_articles

    out = {}
    for path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(path.read_text("utf-8"))
        articles, _ = build_articles(read_documents(gold, ROOT, tarball), Settings())
        out[gold.get("story", path.stem)] = (gold, articles, analyze_articles(articles, Settings()))
    if cache:
        cache.write_bytes(pickle.dumps(out))
    return out


def prepare(gold: dict[str, Any], articles: Any, analyses: Any) -> dict[str, Any]:
    """A story's statements, their vectors, and the gold facts each statement holds."""
    _, entity_of = build_entities(analyses)
    origins = find_origins(articles, analyses)
    texts = {a.id: a.text for a in articles}
    statements, rows = [], []
    for an in analyses:
        vectors = unpack(an.embeddings, an.embedding_dim or 512)
        for st, i in statements_of(an, texts[an.article_id], entity_of):
            statements.append(st)
            rows.append(vectors[i] if i < len(vectors) else np.zeros(512, np.float32))
    by_doc = {n: a for a in articles for n in _names(a.source)}
    located = []
    for fact in gold["facts"]:
        for m in fact["mentions"]:
            art = by_doc.get(m["doc"])
            found = _find(art.text, m["phrase"]) if art else None
            if art and found:
                located.append((fact["id"], art.id, *found))
    held = [
        {f for f, aid, s, e in located
         if st.span.article_id == aid and st.span.start < e and s < st.span.end}
        for st in statements
    ]  # fmt: skip
    return {
        "gold": gold, "articles": articles, "analyses": analyses, "entity_of": entity_of,
        "origin_of": {aid: o.id for o in origins for aid in o.article_ids}, "texts": texts,
        "statements": statements, "located": located, "held": held,
        "vectors": np.stack(rows) if rows else np.zeros((0, 512), np.float32),
    }  # fmt: skip


def sentence_pairs(stories: list[dict[str, Any]]) -> tuple[np.ndarray, np.ndarray]:
    xs, ys = [], []
    for s in stories:
        if len(s["statements"]) < 2:
            continue
        x, i, j = align.pair_features(s["statements"], s["vectors"])
        held = s["held"]
        keep = [k for k in range(len(i)) if held[i[k]] and held[j[k]]]
        xs.append(x[keep])
        ys.append(np.array([bool(held[i[k]] & held[j[k]]) for k in keep], dtype=bool))
    return np.concatenate(xs), np.concatenate(ys)


def claim_pairs(stories: list[dict[str, Any]]) -> tuple[np.ndarray, np.ndarray]:
    """Candidate claim pairs whose values both lie in gold mentions (the sentence model in
    use gives the ``sentences`` feature)."""
    xs, ys = [], []
    for s in stories:
        sts = s["statements"]
        if len(sts) < 2:
            continue
        p = align.probabilities(sts, s["vectors"])
        _, pairs, x = align.claim_pairs(sts, p, s["entity_of"], s["vectors"])

        def facts_of(c: Any, located: list[Any] = s["located"]) -> set[str]:
            return {
                f for f, aid, a, b in located if aid == c.span.article_id and a <= c.span.start < b
            }

        keep, labels = [], []
        for k, (si, ki, sj, kj) in enumerate(pairs):
            fa, fb = facts_of(sts[si].claims[ki]), facts_of(sts[sj].claims[kj])
            if fa and fb:
                keep.append(k)
                labels.append(bool(fa & fb))
        if keep:
            xs.append(x[keep])
            ys.append(np.array(labels, dtype=bool))
    return np.concatenate(xs), np.concatenate(ys)


@contextmanager
def using(sentence: LogisticModel, claim: LogisticModel) -> Iterator[None]:
    """build_facts with these models instead of the shipped ones."""
    old = align.model, align.claim_model
    align.model, align.claim_model = (lambda: sentence), (lambda: claim)  # type: ignore[assignment]
    try:
        yield
    finally:
        align.model, align.claim_model = old  # type: ignore[assignment]


def fit(
    stories: list[dict[str, Any]],
    l2: float,
    sentence: LogisticModel | None = None,
    without: tuple[str, ...] = (),
) -> tuple[LogisticModel, LogisticModel]:
    """The sentence model (unless given: ``--claims-only`` keeps the shipped one) and the
    claim model fitted on ``stories``, the claim model on :data:`align.CLAIM_FEATURES`
    less ``without``."""
    if sentence is None:
        x, y = sentence_pairs(stories)
        sentence = fit_logistic(x, np.where(y, "same", "other"), align.FEATURES, l2=l2)
    with using(sentence, align.claim_model()):
        cx, cy = claim_pairs(stories)
    names = [f for f in align.CLAIM_FEATURES if f not in without]
    cx = cx[:, [align.CLAIM_FEATURES.index(f) for f in names]]
    claim = fit_logistic(cx, np.where(cy, "same", "other"), names, l2=l2)
    return sentence, claim


def shifted(m: LogisticModel, t: float) -> LogisticModel:
    return replace(m, bias=m.bias + t)


def score(
    stories: list[dict[str, Any]], sentence: LogisticModel, claim: LogisticModel
) -> FactScores:
    total = FactScores()
    with using(sentence, claim), one_thread():
        for s in stories:
            facts = build_facts(s["analyses"], s["texts"], s["entity_of"], s["origin_of"],
                                {a.id: a.published for a in s["articles"]})  # fmt: skip
            story = Story(id="s", headline="", article_ids=(), facts=facts)
            total.add(score_story(s["gold"], s["articles"], story))
    return total


def figures(s: FactScores) -> dict[str, float]:
    return {
        "alignment_recall": round(s.alignment_recall, 3),
        "alignment_precision": round(s.alignment_precision, 3),
        "conflict_precision": round(s.conflict_precision, 3),
        "conflict_recall": round(s.conflict_recall, 3),
        "variant_recall": round(s.variant_recall, 3),
        "pairs": s.gold_pairs,
    }


def _name(t: tuple[float, float]) -> str:
    """A pair of shifts as a key: "1.5" when both are one, else "1.5/2.0"."""
    return str(t[0]) if t[0] == t[1] else f"{t[0]}/{t[1]}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=GOLD)
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--cache", type=Path, default=None)
    ap.add_argument("--l2", type=float, default=0.01)
    keep = "the pooled out-of-fold alignment precision to keep (the old models')"
    ap.add_argument("--precision", type=float, default=0.454, help=keep)
    ap.add_argument("--shifts", type=float, nargs="+", default=list(SHIFTS),
                    help="the grid of shifts to validate")  # fmt: skip
    ap.add_argument("--claim-shifts", type=float, nargs="+", default=None,
                    help="the grid of claim-model shifts (default: the sentence one)")  # fmt: skip
    ap.add_argument("--write", action="store_true", help="write the two model files")
    ap.add_argument("--claims-only", action="store_true",
                    help="keep the shipped sentence model (its shift included); fit the claim "
                    "model alone (--shifts then applies to claims)")  # fmt: skip
    ap.add_argument("--without", nargs="+", default=[], help="claim features left out")
    ap.add_argument("--results", type=Path, default=RESULTS)
    ap.add_argument("--docs", type=Path, default=None, help="cached spaCy docs (DocBin)")
    ap.add_argument("--reextract", action="store_true", help="claims from the current code")
    args = ap.parse_args()
    shipped = align.model() if args.claims_only else None
    without = tuple(args.without)
    data = load(args.gold, args.data, args.cache)
    if args.reextract:
        from facts_misses import reextract  # the amounts and claims of the current code

        reextract(data, args.docs or Path(str(args.cache or "docs") + ".docs"))
    prepared = {name: prepare(*v) for name, v in data.items()}
    topic = {n: int(m.group()) for n in prepared if (m := re.match(r"\d+", n))}
    train_names = sorted(topic)
    # out-of-fold scores of every shift
    shifts = tuple(
        (t, c)
        for t in sorted(args.shifts)
        for c in (sorted(args.claim_shifts) if args.claim_shifts else [t])
    )
    if args.claims_only:
        shifts = tuple((0.0, c) for c in sorted(args.claim_shifts or args.shifts))
    per_shift: dict[tuple[float, float], list[FactScores]] = {t: [] for t in shifts}
    for k in range(5):
        train = [prepared[n] for n in train_names if topic[n] % 5 != k]
        test = [prepared[n] for n in train_names if topic[n] % 5 == k]
        sentence, claim = fit(train, args.l2, shipped, without)
        for t in shifts:
            per_shift[t].append(score(test, shifted(sentence, t[0]), shifted(claim, t[1])))
            f = figures(per_shift[t][-1])
            print(f"fold {k} shift {t}: recall {f['alignment_recall']} precision "
                  f"{f['alignment_precision']}", flush=True)  # fmt: skip
    pooled = {}
    for t, folds in per_shift.items():
        total = FactScores()
        for s in folds:
            total.add(s)
        pooled[t] = total
        print(f"shift {t}: pooled {figures(total)}")
    ok = [t for t in shifts if pooled[t].alignment_precision >= args.precision]
    chosen = max(ok, key=lambda t: (pooled[t].alignment_recall, t)) if ok else min(shifts)
    folds = [figures(s) for s in per_shift[chosen]]
    print(f"chosen shift {chosen}: {figures(pooled[chosen])}")
    args.results.write_text(json.dumps({
        "command": "python bench/fit_alignment.py " + " ".join(sys.argv[1:]),
        "pooled_out_of_fold": {_name(t): figures(s) for t, s in pooled.items()},
        "folds_by_shift": {_name(t): [figures(s) for s in v] for t, v in per_shift.items()},
        "chosen": _name(chosen),
    }, indent=1) + "\n", "utf-8")  # fmt: skip
    sentence, claim = fit([prepared[n] for n in train_names], args.l2, shipped, without)
    sentence, claim = shifted(sentence, chosen[0]), shifted(claim, chosen[1])
    held_out = {n: figures(score([prepared[n]], sentence, claim))
                for n in prepared if n not in topic}  # fmt: skip
    print(f"stories never fitted on: {held_out}")
    if args.write:
        about = {
            "fitted_on": f"tests/gold/facts: {len(train_names)} ECB+ stories",
            "shift": "the shipped sentence model's" if args.claims_only else chosen[0],
            "claim_shift": chosen[1],
            "decision": "log-odds raised by the shifts (sentence/claim): of "
            f"{[_name(t) for t in shifts]}, the best pooled out-of-fold alignment recall "
            f"whose pooled alignment precision is >= {args.precision}",
            "folds": folds,
            "pooled": figures(pooled[chosen]),
            "held_out_stories": held_out,
        }
        if not args.claims_only:
            sentence.save(align.MODEL_PATH, about="P(two statements of different articles "
                          "report one checkable fact)", **about)  # fmt: skip
        claim.save(align.CLAIM_MODEL_PATH, about="P(two claims of different articles are "
                   "values of one slot)", **about)  # fmt: skip
        print(f"wrote {align.MODEL_PATH} and {align.CLAIM_MODEL_PATH}", file=sys.stderr)


if __name__ == "__main__":
    main()
