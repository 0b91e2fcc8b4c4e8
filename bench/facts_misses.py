"""Why gold conflicts and variants are missed: each missed pair of tests/gold/facts in one
bucket, counted, written to bench/results/facts_misses.json.

A gold pair (two reports stating one checkable fact, labelled variant or conflict) is
missed when ``newsprism eval facts`` does not give it its gold relation. Buckets, in the
order a pair meets them:

* ``not_aligned`` — no fact holds both phrases (split by whether both phrases hold a
  claim of the gold slot's kind: only then can aligning them find the difference);
* ``no_claim`` — aligned, but one phrase holds no claim of the gold slot's kind;
* ``not_compared`` — aligned, claims on both sides, but no comparison separates them
  (incompatible slots, or an article giving two values);
* ``wrong_relation`` — compared, with another relation than the gold's.

For the not-aligned pairs with claims on both sides it also says whether any two of
their claims are compatible (one slot by the comparison rules), and the best claim-model
and sentence-model probability of the pair, so a fix can be aimed at them. Usage::

    python bench/facts_misses.py [--cache FILE.pkl] [--examples N]

(``--cache``: the (gold, articles, analyses) pickle bench/fit_alignment.py writes.)
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from fit_alignment import DATA, GOLD, ROOT, load, prepare

import newsprism.reconcile.align as align
from newsprism.evaluate.facts import (
    FactScores,
    _find,
    _kind,
    _names,
    _predicted,
    score_story,
)
from newsprism.reconcile.claims import Said, compatible
from newsprism.reconcile.facts import build_facts
from newsprism.records import Claim, Story
from newsprism.runners import one_thread

RESULTS = ROOT / "bench" / "results" / "facts_misses.json"
_KIND_OF = {"count": "number", "measure": "number"}


def _claims_in(claims: list[tuple[int, Claim]], aid: str, s: int, e: int, kind: str) -> list[Any]:
    return [
        (k, c)
        for k, c in claims
        if c.span.article_id == aid
        and s <= c.span.start < e
        and _KIND_OF.get(c.kind, c.kind) == kind
    ]


def diagnose(
    s: dict[str, Any], name: str, examples: list[dict[str, Any]], limit: int
) -> tuple[Counter[str], FactScores]:
    """The bucket counts and scores of one prepared story (see
    :func:`fit_alignment.prepare`)."""
    gold, articles = s["gold"], s["articles"]
    with one_thread():
        facts = build_facts(s["analyses"], s["texts"], s["entity_of"], s["origin_of"],
                            {a.id: a.published for a in articles})  # fmt: skip
    story = Story(id="s", headline="", article_ids=(), facts=facts)
    sts = s["statements"]
    stmt_of = {}  # claim -> statement index
    claims: list[tuple[int, Claim]] = []
    for k, st in enumerate(sts):
        for c in st.claims:
            claims.append((k, c))
            stmt_of[c.span] = k
    p = align.probabilities(sts, s["vectors"]) if len(sts) > 1 else np.zeros((1, 1))
    published = {a.id: a.published for a in articles}
    by_doc = {n: a for a in articles for n in _names(a.source)}
    out: Counter[str] = Counter()
    for fact in gold["facts"]:
        kind = _kind(fact["slot"])
        where: dict[str, list[tuple[str, int, int]]] = {}
        for m in fact["mentions"]:
            art = by_doc.get(m["doc"])
            found = _find(art.text, m["phrase"]) if art else None
            if art and found:
                where.setdefault(m["doc"], []).append((art.id, *found))
        for pair in fact["pairs"]:
            rel = pair["relation"]
            if rel not in {"conflict", "variant"}:
                continue
            d1, d2 = pair["docs"]
            xs, ys = where.get(d1, []), where.get(d2, [])
            got = _predicted(story, xs, ys, kind)
            out[f"{rel}:gold"] += 1
            if got == rel:
                out[f"{rel}:found"] += 1
                continue
            cx = [c for x in xs for c in _claims_in(claims, *x, kind)]
            cy = [c for y in ys for c in _claims_in(claims, *y, kind)]
            both = bool(cx and cy)
            if got is None:
                bucket = "not_aligned:" + ("claims" if both else "no_claim")
            elif not both:
                bucket = "no_claim"
            elif got == "agree":
                bucket = "not_compared"
            else:
                bucket = f"wrong_relation:{got}"
            out[f"{rel}:{bucket}"] += 1
            if got is None and both:
                said = [
                    (Said(a.span.article_id, a, None, published.get(a.span.article_id)),
                     Said(b.span.article_id, b, None, published.get(b.span.article_id)), ka, kb)
                    for ka, a in cx for kb, b in cy
                ]  # fmt: skip
                ok = any(compatible(a, b) for a, b, _, _ in said)
                out[f"{rel}:not_aligned:claims:{'compatible' if ok else 'incompatible'}"] += 1
                best = max(float(p[ka, kb]) for _, _, ka, kb in said)
                out[f"{rel}:not_aligned:claims:sentence_p>=0.2"] += best >= 0.2
                if len(examples) < limit:
                    examples.append({
                        "story": name, "relation": rel, "compatible": ok,
                        "sentence_p": round(best, 3),
                        "a": sts[said[0][2]].text, "b": sts[said[0][3]].text,
                        "claims": [[a.claim.kind, a.claim.predicate, a.claim.thing, a.claim.value,
                                    b.claim.predicate, b.claim.thing, b.claim.value]
                                   for a, b, _, _ in said[:3]],
                    })  # fmt: skip
    return out, score_story(gold, articles, story)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=GOLD)
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--cache", type=Path, default=None)
    ap.add_argument("--examples", type=int, default=40, help="missed pairs to list")
    ap.add_argument("--output", type=Path, default=RESULTS)
    args = ap.parse_args()
    data = load(args.gold, args.data, args.cache)
    total: Counter[str] = Counter()
    scores = FactScores()
    examples: list[dict[str, Any]] = []
    for name, v in data.items():
        found, score = diagnose(prepare(*v[:3]), name, examples, args.examples)
        total += found
        scores.add(score)
        print(name, flush=True, file=sys.stderr)
    buckets = {k: total[k] for k in sorted(total)}
    for k, v in buckets.items():
        print(f"{k:<55}{v:>6}")
    figures = {
        "pairs": scores.gold_pairs,
        "alignment_recall": round(scores.alignment_recall, 3),
        "alignment_precision": round(scores.alignment_precision, 3),
        "conflict_precision": round(scores.conflict_precision, 3),
        "conflicts_called": scores.called_conflict,
        "conflict_recall": round(scores.conflict_recall, 3),
        "variant_recall": round(scores.variant_recall, 3),
    }
    print(figures)
    args.output.write_text(json.dumps({
        "command": "python bench/facts_misses.py " + " ".join(sys.argv[1:]),
        "scores": figures,
        "buckets": buckets,
        "examples": examples,
    }, indent=1) + "\n", "utf-8")  # fmt: skip


if __name__ == "__main__":
    main()
