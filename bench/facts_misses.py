"""Why gold conflicts, variants and updates are missed, and why conflicts are called
where the gold has none: each gold pair of tests/gold/facts, bucketed.

Every story is reconciled as `newsprism eval facts` does. A gold pair labelled
conflict, variant or update lands in one bucket, in the order it meets them:

* ``found`` — called what the gold says;
* ``a_unaligned`` — no fact holds both phrases (the alignment's part). Split by the
  claims the two phrases hold: ``a_unaligned/no_claim`` (one phrase has no claim of the
  gold slot's kind), ``a_unaligned/incompatible`` (claims on both sides, none of one
  slot), ``a_unaligned/compatible``; ``a_unaligned/sentence_p>=0.2`` counts those whose
  best pair of statements the sentence model gives at least 0.2; those with claims on
  both sides are split again by what the claim model makes of their likeliest pair:
  ``a_unaligned/claims:not_candidates`` (of another kind or unit), ``claims:p<0.5``,
  ``claims:split_by_article`` (at least 1/2, but the value checks the two claims join
  hold an article that gives each of the two values: joining them would give it two)
  and ``claims:split_by_mean`` (the two value checks are one slot less likely than
  not on average);
* ``b_no_claim`` — a fact holds both, but one phrase has no claim of the gold slot's
  kind whose words are the gold value's (a name, number words…);
* ``c_incompatible`` — both phrases have such claims, but no two of them are values of
  one slot (``reconcile.claims.compatible`` says no: differently worded occurrences);
* ``c_not_compared`` — compatible claims, yet no comparison separates them (an article
  giving two values for the slot, or the claims sit in facts apart);
* ``e_same_group`` — compared, but read as one value (agree);
* ``d_wrong_relation`` — compared and separated with another relation than the gold's.

The precision view: every aligned gold pair called ``conflict`` whose gold relation is
another (``false_conflict``, by gold relation), with the values compared.

Writes bench/results/facts_misses.json: counts per gold relation and bucket, and
examples of each (story, the two phrases, gold values, the claims read). Usage::

    python bench/facts_misses.py [--data TARBALL] [--cache FILE.pkl] [--docs FILE]
        [--reextract] [--examples N] [--out FILE]

``--cache``: the (gold, articles, analyses) pickle bench/fit_relations.py and
bench/fit_alignment.py write. ``--reextract`` re-reads the claims with the current
analyze/claims.py from spaCy docs cached in ``--docs`` (parsed once), so a change to
the claims is measured without re-running the whole analysis.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from fit_alignment import prepare
from fit_relations import ROOT, _same_words, figures, gold_arguments, load_gold

import newsprism.reconcile.align as align
from newsprism.evaluate.facts import (
    FactScores,
    _find,
    _group_of,
    _kind,
    _merges,
    _names,
    _predicted,
    locate_mentions,
    score_story,
)
from newsprism.reconcile.claims import Said, compatible, said_of
from newsprism.reconcile.facts import is_value_check
from newsprism.records import Story

_KIND = {"count": "number", "measure": "number", "record": "number"}
RELATIONS = ("conflict", "variant", "update")


def reextract(data: dict[str, tuple[Any, Any, Any]], docs_path: Path) -> None:
    """Replace each analysis's amounts and claims with the current extractors', from
    cached docs."""
    from spacy.tokens import DocBin

    from newsprism.analyze.claims import bear_out_places, extract_claims
    from newsprism.analyze.nlp import load_nlp, parse_all
    from newsprism.analyze.quantities import extract_quantities
    from newsprism.analyze.units import not_dates

    nlp = load_nlp()
    keys = [(name, i) for name, (_, arts, _) in data.items() for i in range(len(arts))]
    if docs_path.exists():
        docs = list(DocBin().from_bytes(docs_path.read_bytes()).get_docs(nlp.vocab))
    else:
        docs = parse_all([data[n][1][i].text for n, i in keys])
        bin_ = DocBin(store_user_data=False)
        for d in docs:
            bin_.add(d)
        docs_path.write_bytes(bin_.to_bytes())
    for (name, i), doc in zip(keys, docs, strict=True):
        analyses = data[name][2]
        a = analyses[i]
        quantities = not_dates(extract_quantities(a.article_id, doc), a.times)
        claims = bear_out_places(
            extract_claims(a.article_id, doc, quantities, a.times, a.mentions),
            a.mentions,
            doc.text,
        )
        analyses[i] = replace(a, quantities=quantities, claims=claims)


def _sentence_p(prepared: dict[str, Any]) -> Any:
    """The sentence model's probability of every two statements of a prepared story,
    with each statement's span (see :func:`fit_alignment.prepare`)."""
    sts = prepared["statements"]
    p = align.probabilities(sts, prepared["vectors"]) if len(sts) > 1 else np.zeros((1, 1))
    return p, [st.span for st in sts]


def _best_p(p: Any, spans: list[Any], x: tuple[str, int, int], y: tuple[str, int, int]) -> float:
    def holding(w: tuple[str, int, int]) -> list[int]:
        return [k for k, sp in enumerate(spans)
                if sp.article_id == w[0] and sp.start < w[2] and w[1] < sp.end]  # fmt: skip

    return max((float(p[i, j]) for i in holding(x) for j in holding(y)), default=0.0)


def _claim_reader(prepared: dict[str, Any], p: Any) -> Any:
    """A function telling why two claims of a prepared story's statements (given as
    claim objects) are not in one value check, by the claim model and the greedy join
    (:func:`newsprism.reconcile.align.claim_groups`) over the same statements."""
    sts = prepared["statements"]
    claims, x, y, prob = align.claim_probabilities(sts, p, prepared["entity_of"],
                                                   prepared["vectors"])  # fmt: skip
    index = {id(sts[s].claims[k]): n for n, (s, k) in enumerate(claims)}
    score = {}
    for a, b, q in zip(x.tolist(), y.tolist(), prob.tolist(), strict=True):
        score[a, b] = score[b, a] = q
    groups = align.claim_groups(sts, p, prepared["entity_of"], prepared["vectors"],
                                (claims, x, y, prob))  # fmt: skip
    pos = {c: n for n, c in enumerate(claims)}
    member = {pos[c]: g for g, m in enumerate(groups) for c in m}

    def values(g: int) -> dict[str, set[str]]:
        out: dict[str, set[str]] = {}
        for s, k in groups[g]:
            out.setdefault(sts[s].span.article_id, set()).add(align.value_key(sts[s].claims[k]))
        return out

    def why(xs: list[Any], ys: list[Any]) -> str:
        pairs = [(score.get((index[id(a)], index[id(b)])), index[id(a)], index[id(b)])
                 for a in xs for b in ys if id(a) in index and id(b) in index]  # fmt: skip
        scored = [e for e in pairs if e[0] is not None]
        if not scored:
            return "claims:not_candidates"
        q, a, b = max(scored)
        if q < 0.5:
            return "claims:p<0.5"
        ga, gb = member.get(a), member.get(b)
        if ga is None or gb is None or ga == gb:
            return "claims:split_by_mean"
        va, vb = values(ga), values(gb)
        clash = any(va[art] != vb[art] for art in va.keys() & vb.keys())
        return "claims:split_by_article" if clash else "claims:split_by_mean"

    return why


def _compared(
    story: Story, x: tuple[str, int, int], y: tuple[str, int, int], kind: str
) -> list[str]:
    """The value groups of the comparisons that separate the two phrases' values."""
    out = []
    for f in story.facts:
        for c in f.comparisons:
            if _kind(c.slot) != kind:
                continue
            ga, gb = _group_of(c, [x]), _group_of(c, [y])
            if ga is not None and gb is not None and ga != gb:
                out.append(f"{c.slot} [{c.relation}]: {c.groups[ga].value!r} / "
                           f"{c.groups[gb].value!r}")  # fmt: skip
    return out


def bucket_story(
    gold: dict[str, Any], articles: Any, analyses: Any, prepared: dict[str, Any] | None = None
) -> tuple[list[tuple[str, str, dict[str, Any]]], FactScores, Counter[str]]:
    """(gold relation, bucket, example) of every gold pair a story misses or calls a
    conflict wrongly, the story's scores as `newsprism eval facts` gives them, and its
    merges by kind of fact (:func:`merges_by_kind`)."""
    from newsprism.reconcile import reconcile
    from newsprism.reconcile.entities import build_entities

    story = reconcile(articles, analyses)
    _, entity_of = build_entities(analyses)
    by_doc = {n: a for a in articles for n in _names(a.source)}
    texts = {a.id: a.text for a in articles}
    claims_of = {an.article_id: an.claims for an in analyses}
    published = {a.id: a.published for a in articles}
    p, spans = _sentence_p(prepared) if prepared is not None else (None, [])
    reader = _claim_reader(prepared, p) if prepared is not None else None
    # the prepared statements' own claim objects, by span (the analyses' are the same)
    own = {c.span: c for st in prepared["statements"] for c in st.claims} if prepared else {}
    out = []
    for fact in gold["facts"]:
        kind = _kind(fact["slot"])
        where: dict[str, tuple[str, int, int]] = {}
        values: dict[str, str] = {}
        phrases: dict[str, str] = {}
        for m in fact["mentions"]:
            art = by_doc.get(m["doc"])
            found = _find(art.text, m["phrase"]) if art else None
            if art is not None and found is not None:
                where[m["doc"]] = (art.id, *found)
                values[m["doc"]], phrases[m["doc"]] = m["value"], m["phrase"]
        for pair in fact["pairs"]:
            rel = pair["relation"]
            d1, d2 = pair["docs"]
            if d1 not in where or d2 not in where:
                continue
            x, y = where[d1], where[d2]
            got = _predicted(story, [x], [y], kind, gold=(values[d1], values[d2]), texts=texts)
            if rel not in RELATIONS and got != "conflict":
                continue
            example = {"story": gold["story"], "slot": fact["slot"], "got": got,
                       "phrases": [phrases[d1], phrases[d2]],
                       "values": [values[d1], values[d2]]}  # fmt: skip

            def mine(w: tuple[str, int, int], value: str, kind: str = kind) -> list[Said]:
                aid, s, e = w
                cs = [c for c in claims_of.get(aid, ())
                      if s <= c.span.start < e and _KIND.get(c.kind, c.kind) == kind
                      and _same_words(c.text, value)]  # fmt: skip
                return said_of(cs, entity_of, published)

            cx, cy = mine(x, values[d1]), mine(y, values[d2])
            example["claims"] = [[_shown(c.claim) for c in cs] for cs in (cx, cy)]
            if got == "conflict" and rel != "conflict":
                example["compared"] = _compared(story, x, y, kind)
                out.append((rel, "false_conflict", example))
                if rel not in RELATIONS:
                    continue
            if got is None:
                b = "a_unaligned"
                if not cx or not cy:
                    out.append((rel, "a_unaligned/no_claim", example))
                else:
                    ok = any(compatible(s, t) for s in cx for t in cy)
                    out.append((rel, f"a_unaligned/{'' if ok else 'in'}compatible", example))
                    if reader is not None:
                        why = reader(*([own[c.claim.span] for c in cs if c.claim.span in own]
                                       for cs in (cx, cy)))  # fmt: skip
                        out.append((rel, f"a_unaligned/{why}", example))
                if p is not None:
                    example["sentence_p"] = round(_best_p(p, spans, x, y), 3)
                    if example["sentence_p"] >= 0.2:
                        out.append((rel, "a_unaligned/sentence_p>=0.2", example))
            elif got == rel:
                b = "found"
            elif not cx or not cy:
                b = "b_no_claim"
            elif got != "agree":
                b = "d_wrong_relation"
            elif not any(compatible(p, q) for p in cx for q in cy):
                b = "c_incompatible"
            elif _same_group(story, x, y, kind):
                b = "e_same_group"
            else:
                b = "c_not_compared"
            out.append((rel, b, example))
    return out, score_story(gold, articles, story), merges_by_kind(gold, articles, story)


def merges_by_kind(gold: dict[str, Any], articles: Any, story: Story) -> Counter[str]:
    """Pairs of gold mentions one fact holds, right (of one gold fact) and wrong (as
    ``eval facts`` counts alignment precision), by the kind of fact holding them: facts
    of sentences, value checks whose values differ, value checks that all agree."""
    located = locate_mentions(gold, articles)
    kinds = {
        "sentences": [f for f in story.facts if not is_value_check(f.id)],
        "value_checks_compared": [f for f in story.facts
                                  if is_value_check(f.id) and f.comparisons],
        "value_checks_agreeing": [f for f in story.facts
                                  if is_value_check(f.id) and not f.comparisons],
    }  # fmt: skip
    out: Counter[str] = Counter()
    for kind, facts in kinds.items():
        right, wrong = _merges(replace(story, facts=tuple(facts)), located)
        out[f"{kind}/right"] += right
        out[f"{kind}/wrong"] += wrong
    return out


def _shown(c: Any) -> str:
    """A claim as the examples list it: its words, [predicate/thing], kind, unit and
    value and interval ("12 [kill/people] count: '12' 12.0-12.0")."""
    where = f"{c.kind}:{c.unit or ''} {c.value!r} {c.low}-{c.high}"
    return f"{c.text} [{c.predicate}/{c.thing}] {where}"


def _same_group(story: Any, x: tuple[str, int, int], y: tuple[str, int, int], kind: str) -> bool:
    """Whether some comparison of the kind puts both phrases' values in one group."""
    for f in story.facts:
        for c in f.comparisons:
            if _kind(c.slot) != kind:
                continue
            for g in c.groups:
                hit = [any(sp.article_id == w[0] and w[1] <= sp.start < w[2] for sp in g.spans)
                       for w in (x, y)]  # fmt: skip
                if all(hit):
                    return True
    return False


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    gold_arguments(ap)
    ap.add_argument("--no-sentences", action="store_true", help="skip the sentence model")
    ap.add_argument("--examples", type=int, default=8)
    out = ROOT / "bench/results/facts_misses.json"
    ap.add_argument("--out", "--output", type=Path, default=out)
    args = ap.parse_args()
    data = load_gold(args)
    counts: dict[str, Counter[str]] = {r: Counter() for r in (*RELATIONS, "agree")}
    examples: dict[str, list[dict[str, Any]]] = {}
    total = FactScores()
    merges: Counter[str] = Counter()
    for name, (gold, articles, analyses) in data.items():
        prepared = None if args.no_sentences else prepare(gold, articles, analyses)
        rows, scores, held = bucket_story(gold, articles, analyses, prepared)
        total.add(scores)
        merges.update(held)
        for rel, b, ex in rows:
            counts[rel][b] += 1
            if b not in {"found", "a_unaligned"}:
                examples.setdefault(f"{rel}/{b}", []).append(ex)
        print(name, file=sys.stderr, flush=True)
    result: dict[str, Any] = {
        "command": "python bench/facts_misses.py " + " ".join(sys.argv[1:]),
        "eval_facts": {
            **figures(total),
            "alignment_precision": round(total.alignment_precision, 3),
        },
        "buckets": {r: dict(sorted(c.items())) for r, c in counts.items()},
        # summed fact by fact: a pair two facts hold counts in each
        "merges_by_fact_kind": dict(sorted(merges.items())),
        "totals": {r: total_of(c) for r, c in counts.items()},
        "examples": {
            k: v[:: max(1, len(v) // args.examples)][: args.examples]
            for k, v in sorted(examples.items())
        },
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n", "utf-8")
    for r, c in counts.items():
        print(r, total_of(c), dict(sorted(c.items())))
    print(result["eval_facts"])
    print(result["merges_by_fact_kind"])


def total_of(c: Counter[str]) -> int:
    """Gold pairs of a relation: each is in one top-level bucket (the a_unaligned/… split
    and false_conflict are counted beside it)."""
    return sum(v for k, v in c.items() if "/" not in k and k != "false_conflict")


if __name__ == "__main__":
    main()
