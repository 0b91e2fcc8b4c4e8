"""Refit the alignment models (src/newsprism/reconcile/align_model.json, claim_model.json) on ECB+.

Data: ECB+ topics 1-35 (the tarball in ../shared/data/ecbplus). A story is a topic's
``ecb`` or ``ecbplus`` half. Its documents are read and cleaned as the gold is
(:func:`newsprism.evaluate.stories.read_ecbplus`, :func:`newsprism.ingest.build.build_articles`)
and analyzed; each ECB+ sentence is found in its article's cleaned text.

* Sentences: two statements of different documents of one story, each holding a
  mention of some cross-document chain, are a positive pair when they share an event
  chain (ACTION_* / NEG_ACTION_*) and a participant, time or place chain; negative
  otherwise (sentences the annotators linked to nothing take no part).
* Claims: two claims of one kind in different documents of one story, each inside a
  markable of some cross-document chain, are a positive pair when one chain holds both.

Validation leaves whole topics out (5 folds by topic number); the spread across folds
of pair precision, recall and F1 at the model's decision (p >= 0.5) is printed and
saved beside the weights. Usage::

    python bench/fit_alignment.py [--data TARBALL] [--cache /tmp/ecb-analyses.pkl] [--write]
"""

from __future__ import annotations

import argparse
import csv
import io
import pickle
import re
import sys
import tarfile
import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path
from typing import Any

import numpy as np

from newsprism.analyze.embed import unpack
from newsprism.config import Settings
from newsprism.evaluate.stories import _detokenize, read_ecbplus
from newsprism.fit import fit_logistic
from newsprism.ingest.build import build_articles
from newsprism.reconcile.align import FEATURES, MODEL_PATH, pair_features
from newsprism.reconcile.entities import build_entities
from newsprism.reconcile.facts import statements_of

DATA = Path("../shared/data/ecbplus/ecbplus-topics-1-35.tar.gz")
_NAME = re.compile(r"(\d+)_(\d+)(ecb|ecbplus)\.xml$")


def annotations(tarball: Path) -> tuple[dict[str, dict[int, set[str]]], set[tuple[str, int]]]:
    """Per document: sentence number -> event chains mentioned; and the annotated sentences."""
    chains: dict[str, dict[int, set[str]]] = {}
    validated: set[tuple[str, int]] = set()
    with tarfile.open(tarball) as tar:
        for member in tar.getmembers():
            handle = tar.extractfile(member) if member.isfile() else None
            if handle is None:
                continue
            if member.name.endswith("ECBplus_coreference_sentences.csv"):
                rows = csv.reader(io.StringIO(handle.read().decode("utf-8")))
                next(rows)
                for topic, file, sent in rows:
                    validated.add((f"{topic}_{file}.xml", int(sent)))
                continue
            m = _NAME.search(member.name)
            if not m or "/ECB+/" not in member.name:
                continue
            root = ET.parse(handle).getroot()
            sent_of = {t.get("t_id"): int(t.get("sentence", 0)) for t in root.iter("token")}
            tokens_of: dict[str, list[str]] = {}
            for mk in root.find("Markables") or []:
                if mk.tag != "Markables":
                    tokens_of[mk.get("m_id", "")] = [
                        a.get("t_id", "") for a in mk.iter("token_anchor")
                    ]
            found: dict[int, set[str]] = defaultdict(set)
            for rel in root.iter("CROSS_DOC_COREF"):
                note = rel.get("note", "")
                for src in rel.iter("source"):
                    for t in tokens_of.get(src.get("m_id", ""), []):
                        found[sent_of[t]].add(note)
            chains[Path(member.name).name] = dict(found)
    return chains, validated


def markables(tarball: Path) -> dict[str, list[tuple[int, str, str]]]:
    """Per document: (sentence number, the markable's words as joined text, its
    cross-document chain) of every markable in a cross-document chain."""
    out: dict[str, list[tuple[int, str, str]]] = {}
    with tarfile.open(tarball) as tar:
        for member in tar.getmembers():
            m = _NAME.search(member.name)
            handle = tar.extractfile(member) if m and "/ECB+/" in member.name else None
            if handle is None:
                continue
            root = ET.parse(handle).getroot()
            token = {t.get("t_id"): t for t in root.iter("token")}
            chain_of: dict[str, str] = {}
            for rel in root.iter("CROSS_DOC_COREF"):
                for src in rel.iter("source"):
                    chain_of[src.get("m_id", "")] = rel.get("note", "")
            hyphens = member.name.endswith("ecbplus.xml")
            found = []
            for mk in root.find("Markables") or []:
                chain = chain_of.get(mk.get("m_id", ""))
                ids = [a.get("t_id", "") for a in mk.iter("token_anchor")]
                if not chain or not ids or any(i not in token for i in ids):
                    continue
                words = " ".join(token[i].text or "" for i in ids)
                found.append((int(token[ids[0]].get("sentence", 0)),
                              _detokenize(words, hyphens), chain))  # fmt: skip
            out[Path(member.name).name] = found
    return out


def sentence_lines(tarball: Path) -> dict[str, list[tuple[int, str]]]:
    """Per document: (sentence number, its text as read_ecbplus joins it)."""
    out: dict[str, list[tuple[int, str]]] = {}
    with tarfile.open(tarball) as tar:
        for member in tar.getmembers():
            m = _NAME.search(member.name)
            handle = tar.extractfile(member) if m and "/ECB+/" in member.name else None
            if handle is None:
                continue
            root = ET.parse(handle).getroot()
            sents: dict[int, list[str]] = defaultdict(list)
            for token in root.iter("token"):
                sents[int(token.get("sentence", 0))].append(token.text or "")
            hyphens = member.name.endswith("ecbplus.xml")
            out[Path(member.name).name] = [
                (k, _detokenize(" ".join(sents[k]), hyphens)) for k in sorted(sents)
            ]
    return out


def load(tarball: Path, cache: Path | None) -> dict[str, Any]:
    if cache and cache.exists():
        return pickle.loads(cache.read_bytes())  # type: ignore[no-any-return]
    from newsprism.analyze.pipeline import analyze_articles

    found = list(read_ecbplus(tarball))
    articles, _ = build_articles([d for d, _ in found], Settings())
    analyses = analyze_articles(articles, Settings(), processes=2)
    data = {"articles": articles, "labels": {d.source: lab for d, lab in found},
            "analyses": analyses}  # fmt: skip
    if cache:
        cache.write_bytes(pickle.dumps(data))
    return data


def pairs(
    data: dict[str, Any], tarball: Path, only_validated: bool = False
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Features, labels (1 same event) and topic of every annotated cross-document pair."""
    chains, validated = annotations(tarball)
    lines = sentence_lines(tarball)
    by_story: dict[str, list[int]] = defaultdict(list)
    for k, a in enumerate(data["articles"]):
        by_story[data["labels"][a.source]].append(k)
    xs, ys, topics = [], [], []
    for story, ks in sorted(by_story.items()):
        arts = [data["articles"][k] for k in ks]
        ans = [data["analyses"][k] for k in ks]
        _, entity_of = build_entities(ans)
        statements, rows, marks = [], [], []
        for art, an in zip(arts, ans, strict=True):
            vectors = unpack(an.embeddings, an.embedding_dim or 512)
            sts = statements_of(an, art.text, entity_of)
            cursor = 0
            located: list[tuple[int, int, int]] = []
            for number, line in lines.get(art.source, []):
                at = art.text.find(line, cursor)
                if at >= 0 and line:
                    located.append((number, at, at + len(line)))
                    cursor = at + len(line)
            for st, i in sts:
                hit = [
                    n for n, s, e in located
                    if s < st.span.end and st.span.start < e
                    and (not only_validated or (art.source, n) in validated)
                ]  # fmt: skip
                if not hit:
                    continue
                events = set().union(*(chains.get(art.source, {}).get(n, set()) for n in hit))
                if not events:
                    continue  # a sentence the annotators linked to nothing
                statements.append(st)
                rows.append(vectors[i])
                marks.append(events)
        if len(statements) < 2:
            continue
        x, i, j = pair_features(statements, np.stack(rows))
        y = np.array([_same(marks[a], marks[b]) for a, b in zip(i, j, strict=True)])
        xs.append(x)
        ys.append(y)
        topics.append(np.full(len(y), int(re.match(r"\d+", story).group())))  # type: ignore[union-attr]
    return np.concatenate(xs), np.concatenate(ys), np.concatenate(topics)


def claim_pairs_data(
    data: dict[str, Any], tarball: Path
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Features, labels and topic of candidate claim pairs (one kind, different documents
    of one story) whose two values lie in markables of cross-document chains: positive
    when one chain holds both (the victims, the date, the place of one event)."""
    from newsprism.reconcile.align import claim_pairs, probabilities

    lines = sentence_lines(tarball)
    marks = markables(tarball)
    by_story: dict[str, list[int]] = defaultdict(list)
    for k, a in enumerate(data["articles"]):
        by_story[data["labels"][a.source]].append(k)
    xs, ys, topics = [], [], []
    for story, ks in sorted(by_story.items()):
        arts = [data["articles"][k] for k in ks]
        ans = [data["analyses"][k] for k in ks]
        _, entity_of = build_entities(ans)
        statements, rows = [], []
        spans: dict[str, list[tuple[int, int, str]]] = {}
        for art, an in zip(arts, ans, strict=True):
            vectors = unpack(an.embeddings, an.embedding_dim or 512)
            for st, i in statements_of(an, art.text, entity_of):
                statements.append(st)
                rows.append(vectors[i])
            cursor = 0
            where: dict[int, tuple[int, int]] = {}
            for number, line in lines.get(art.source, []):
                at = art.text.find(line, cursor) if line else -1
                if at >= 0:
                    where[number] = (at, at + len(line))
                    cursor = at + len(line)
            found = []
            for number, words, chain in marks.get(art.source, []):
                if number in where:
                    s0, e0 = where[number]
                    at = art.text.find(words, s0, e0)
                    if at >= 0:
                        found.append((at, at + len(words), chain))
            spans[art.id] = found
        if len(statements) < 2:
            continue
        p = probabilities(statements, np.stack(rows))
        _claims, pairs, x = claim_pairs(statements, p, entity_of)

        keep, labels = [], []
        for n, (si, ki, sj, kj) in enumerate(pairs):
            a = _chains(statements[si].claims[ki], spans)
            b = _chains(statements[sj].claims[kj], spans)
            if a and b:
                keep.append(n)
                labels.append(bool(a & b))
        if keep:
            xs.append(x[keep])
            ys.append(np.array(labels))
            topic = int(re.match(r"\d+", story).group())  # type: ignore[union-attr]
            topics.append(np.full(len(keep), topic))
    return np.concatenate(xs), np.concatenate(ys), np.concatenate(topics)


def _chains(c: Any, spans: dict[str, list[tuple[int, int, str]]]) -> set[str]:
    """The chains of the markables a claim's value lies in."""
    return {ch for s0, e0, ch in spans.get(c.span.article_id, [])
            if s0 < c.span.end and c.span.start < e0}  # fmt: skip


def cross_validate(
    x: np.ndarray, y: np.ndarray, topic: np.ndarray, features: Any, l2: float
) -> list[dict[str, Any]]:
    """Pair precision, recall and F1 at p >= 0.5 with whole topics left out (5 folds)."""
    folds = []
    labels = np.where(y, "same", "other")
    for k in range(5):
        test = topic % 5 == k
        m = fit_logistic(x[~test], labels[~test], features, l2=l2)
        p = m.scores(x[test])[:, m.classes.index("same")] >= 0.5
        tp = int((p & y[test]).sum())
        prec = tp / max(1, int(p.sum()))
        rec = tp / max(1, int(y[test].sum()))
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        folds.append({"fold": k, "precision": round(prec, 3), "recall": round(rec, 3),
                      "f1": round(f1, 3), "pairs": int(test.sum())})  # fmt: skip
        print(f"fold {k} (topics = {k} mod 5): P {prec:.3f} R {rec:.3f} F1 {f1:.3f}")
    f1s = [f["f1"] for f in folds]
    print(f"F1 mean {np.mean(f1s):.3f}, min {min(f1s):.3f}, max {max(f1s):.3f}")
    return folds


def _same(a: set[str], b: set[str]) -> bool:
    """One event chain and one participant, time or place chain in common: the two
    sentences say something about one occurrence (an event mention alone would pair
    every sentence that names the story's main event)."""
    shared = a & b
    return any(c.startswith("ACT") for c in shared) and any(not c.startswith("ACT") for c in shared)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--cache", type=Path, default=None)
    ap.add_argument("--write", action="store_true", help="write align_model.json")
    ap.add_argument("--l2", type=float, default=0.01)
    args = ap.parse_args()
    data = load(args.data, args.cache)
    x, y, topic = pairs(data, args.data)
    labels = np.where(y, "same", "other")
    print(f"sentences: {len(y)} pairs, {int(y.sum())} positive, {len(set(topic.tolist()))} topics")
    folds = cross_validate(x, y, topic, FEATURES, args.l2)
    model = fit_logistic(x, labels, FEATURES, l2=args.l2)
    for name, w in zip(FEATURES, model.weights[0], strict=True):
        print(f"  {name:12} {w:+.3f}")
    if args.write:
        model.save(
            MODEL_PATH,
            about="P(two statements of different articles report one thing); refit with "
            "bench/fit_alignment.py on ECB+ topics 1-35 cross-document event coreference",
            pairs=len(y),
            positive=int(y.sum()),
            folds=folds,
        )
        print(f"wrote {MODEL_PATH}", file=sys.stderr)
    from newsprism.reconcile.align import CLAIM_FEATURES, CLAIM_MODEL_PATH, claim_model

    if args.write:
        claim_model.cache_clear()
    cx, cy, ctopic = claim_pairs_data(data, args.data)
    print(f"claims: {len(cy)} pairs, {int(cy.sum())} positive, {len(set(ctopic.tolist()))} topics")
    cfolds = cross_validate(cx, cy, ctopic, CLAIM_FEATURES, args.l2)
    cmodel = fit_logistic(cx, np.where(cy, "same", "other"), CLAIM_FEATURES, l2=args.l2)
    for name, w in zip(CLAIM_FEATURES, cmodel.weights[0], strict=True):
        print(f"  {name:14} {w:+.3f}")
    if args.write:
        cmodel.save(
            CLAIM_MODEL_PATH,
            about="P(two claims of different articles are values of one slot); refit with "
            "bench/fit_alignment.py on ECB+ topics 1-35: values inside markables of one "
            "cross-document chain",
            pairs=len(cy),
            positive=int(cy.sum()),
            folds=cfolds,
        )
        print(f"wrote {CLAIM_MODEL_PATH}", file=sys.stderr)


if __name__ == "__main__":
    main()
