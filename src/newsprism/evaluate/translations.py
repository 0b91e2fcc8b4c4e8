"""Translations as copies, measured on MEANTIME and ECB+.

MEANTIME's 120 articles come in four languages: the 720 pairs of versions of one
article are translations, which must end in one story and one origin. ECB+'s
reports of one event are independent: none may be merged into one origin as a
translation. :func:`pair_rows` computes the model's features for every pair a
decision could be asked about; :func:`fit_translation_model` fits the decision
leaving one topic out at a time (the spread across folds is kept with the model);
:func:`evaluate_translations` runs the whole pipeline (ingest, analyze, cluster,
origins) and counts.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path
from typing import Any

import numpy as np

from ..config import Settings
from ..fit import LogisticModel, fit_logistic
from ..reconcile.translations import FEATURES, MODEL_PATH, pair_features, sentence_vectors
from ..records import Analysis, Article, Document
from .meantime import MeantimeDoc, read_meantime
from .stories import read_ecbplus

L2 = 0.01  # standardised features, few of them: a light penalty
FOLDS = 4  # ECB+ topics are spread over this many folds, MEANTIME has four topics


@dataclass(frozen=True)
class PairRow:
    """One pair of articles: ``same`` when one is a translation of the other; ``group``
    is the fold-out unit (a MEANTIME topic, or an ECB+ topic)."""

    a: str
    b: str
    group: str
    same: bool
    features: tuple[float, ...]


@dataclass(frozen=True)
class Corpus:
    """Articles read and analyzed, with what the evaluation knows of each."""

    articles: tuple[Article, ...]
    analyses: dict[str, Analysis]
    key: dict[str, str]  # article id -> its MEANTIME article, or its ECB+ story
    group: dict[str, str]  # article id -> its topic


def _analyzed(
    docs: Sequence[Document], settings: Settings, processes: int
) -> tuple[list[Article], dict[str, Analysis]]:
    from ..analyze.pipeline import analyze_articles
    from ..ingest.build import build_articles

    articles, _ = build_articles(list(docs), settings)
    analyses = analyze_articles(articles, settings, processes=processes, embed=True)
    return articles, {a.article_id: a for a in analyses}


def meantime_corpus(path: Path, settings: Settings, processes: int = 1) -> Corpus:
    """MEANTIME's articles in every language, analyzed."""
    docs: list[MeantimeDoc] = list(read_meantime(path))
    by_source = {d.source: d for d in docs}
    articles, analyses = _analyzed([d.document() for d in docs], settings, processes)
    key = {a.id: by_source[a.source].key for a in articles}
    group = {a.id: "meantime-" + by_source[a.source].topic for a in articles}
    return Corpus(tuple(articles), analyses, key, group)


def ecb_corpus(path: Path, settings: Settings, processes: int = 1) -> Corpus:
    """ECB+'s reports, analyzed; ``key`` is the gold story (topic and half)."""
    found = list(read_ecbplus(path))
    labels = {doc.source: label for doc, label in found}
    articles, analyses = _analyzed([doc for doc, _ in found], settings, processes)
    key = {a.id: labels[a.source] for a in articles}
    group = {a.id: "ecb-" + str(int("".join(c for c in labels[a.source] if c.isdigit())) % FOLDS)
             for a in articles}  # fmt: skip
    return Corpus(tuple(articles), analyses, key, group)


def pair_rows(meantime: Corpus, ecb: Corpus | None = None) -> list[PairRow]:
    """Every MEANTIME pair of one topic in different languages (the translations and
    the different articles of one topic), and every pair of ECB+ reports of one story
    that share no wording (independent reports; those that do are copies, one origin
    by :func:`~newsprism.reconcile.origins.find_origins` already)."""
    from ..reconcile.origins import find_origins

    rows: list[PairRow] = []
    for corpus, cross_language in ((meantime, True), (ecb, False)):
        if corpus is None:
            continue
        # ECB+ reports of one story that share wording are copies, not independent
        copied: set[frozenset[str]] = set()
        if not cross_language:
            stories: dict[str, list[Article]] = {}
            for a in corpus.articles:
                stories.setdefault(corpus.key[a.id], []).append(a)
            for group in stories.values():
                for o in find_origins(group):
                    copied |= {frozenset(p) for p in combinations(o.article_ids, 2)}
        vectors = {a.id: sentence_vectors(corpus.analyses[a.id])
                   for a in corpus.articles if a.id in corpus.analyses}  # fmt: skip
        arts = [a for a in corpus.articles if a.id in vectors]
        for a, b in combinations(arts, 2):
            if corpus.group[a.id] != corpus.group[b.id]:
                continue
            if cross_language and a.language == b.language:
                continue
            if not cross_language and (
                corpus.key[a.id] != corpus.key[b.id] or frozenset((a.id, b.id)) in copied
            ):
                continue
            same = cross_language and corpus.key[a.id] == corpus.key[b.id]
            features = tuple(pair_features(vectors[a.id], vectors[b.id]))
            rows.append(PairRow(a.id, b.id, corpus.group[a.id], same, features))
    return rows


def _fit(rows: Sequence[PairRow]) -> LogisticModel:
    x = np.array([r.features for r in rows])
    y = ["translation" if r.same else "independent" for r in rows]
    return fit_logistic(x, y, FEATURES, l2=L2)


def cross_validate(rows: Sequence[PairRow]) -> list[dict[str, Any]]:
    """Per held-out MEANTIME topic (with one ECB+ fold): translations found, other pairs
    called translations."""
    groups = sorted({r.group for r in rows if r.group.startswith("meantime-")})
    ecb_folds = sorted({r.group for r in rows if r.group.startswith("ecb-")})
    out = []
    for k, held in enumerate(groups):
        out_groups = {held} | ({ecb_folds[k % len(ecb_folds)]} if ecb_folds else set())
        model = _fit([r for r in rows if r.group not in out_groups])
        test = [r for r in rows if r.group in out_groups]
        p = model.scores(np.array([r.features for r in test]))[:, 1]
        pos = [pi for pi, r in zip(p, test, strict=True) if r.same]
        neg = [pi for pi, r in zip(p, test, strict=True) if not r.same and r.group == held]
        hard = [pi for pi, r in zip(p, test, strict=True) if r.group.startswith("ecb-")]
        out.append({
            "held_out": sorted(out_groups),
            "translations": len(pos),
            "recall": float(np.mean(np.array(pos) >= 0.5)) if pos else 0.0,
            "other_articles": len(neg),
            "false_merges": int(np.sum(np.array(neg) >= 0.5)),
            "ecb_same_story_pairs": len(hard),
            "ecb_false_merges": int(np.sum(np.array(hard) >= 0.5)),
        })  # fmt: skip
    return out


def fit_translation_model(rows: Sequence[PairRow], path: Path = MODEL_PATH) -> list[dict[str, Any]]:
    """Fit on all rows, save beside :mod:`newsprism.reconcile.translations` with the folds."""
    folds = cross_validate(rows)
    model = _fit(rows)
    recalls = [f["recall"] for f in folds]
    model.save(
        path,
        about="translation or independent, for two articles in different languages",
        data=("MEANTIME (120 articles x en/es/it/nl; pairs of one topic in different "
              "languages) and ECB+ topics 1-35 (pairs of reports of one story, negatives)"),
        pairs=len(rows),
        folds=folds,
        recall_spread=[round(min(recalls), 4), round(max(recalls), 4)],
        refit="python scripts/fit_translations.py",
    )  # fmt: skip
    return folds


def pipeline_figures(meantime: Corpus, ecb: Corpus | None = None) -> dict[str, float]:
    """Stories and origins as ``analyze`` builds them: MEANTIME's 720 translation pairs in
    one story, in one origin; ECB+ same-story pairs wrongly made one origin by a translation."""
    from ..cluster import cluster_articles
    from ..reconcile.origins import find_origins

    out: dict[str, float] = {}
    stories = cluster_articles(list(meantime.articles), meantime.analyses)
    story_of = {a.id: n for n, g in enumerate(stories) for a in g}
    origin_of: dict[str, str] = {}
    translated: set[tuple[str, str, str]] = set()
    for n, group in enumerate(stories):
        origins = find_origins(group, [meantime.analyses[a.id] for a in group])
        for o in origins:
            for aid in o.article_ids:
                origin_of[aid] = f"{n}:{o.id}"
            translated |= {c for c in o.copies if c[2].startswith("translation of")}
    pairs = [(a, b) for a, b in combinations(meantime.articles, 2)
             if meantime.key[a.id] == meantime.key[b.id]]  # fmt: skip
    out["translation_pairs"] = len(pairs)
    out["same_story"] = float(np.mean([story_of[a.id] == story_of[b.id] for a, b in pairs]))
    out["same_origin"] = float(np.mean([origin_of[a.id] == origin_of[b.id] for a, b in pairs]))
    directions = [ev for c, s, ev in translated]
    out["direction_known"] = (
        float(np.mean(["not known" not in ev for ev in directions])) if directions else 0.0
    )
    different = [(a, b) for a, b in combinations(meantime.articles, 2)
                 if meantime.key[a.id] != meantime.key[b.id]]  # fmt: skip
    out["different_article_pairs"] = len(different)
    out["different_articles_one_origin"] = float(
        sum(origin_of[a.id] == origin_of[b.id] for a, b in different)
    )
    if ecb is not None:
        merges = 0
        pairs_ecb = 0
        stories_ecb: dict[str, list[Article]] = {}
        for a in ecb.articles:
            if a.id in ecb.analyses:
                stories_ecb.setdefault(ecb.key[a.id], []).append(a)
        for group in stories_ecb.values():
            pairs_ecb += len(group) * (len(group) - 1) // 2
            origins = find_origins(group, [ecb.analyses[a.id] for a in group])
            merges += sum(1 for o in origins for *_, ev in o.copies
                          if ev.startswith("translation of"))  # fmt: skip
        out["ecb_same_story_pairs"] = pairs_ecb
        out["ecb_translation_merges"] = merges
    return out


def evaluate_translations(
    meantime_path: Path, ecb_path: Path | None, settings: Settings | None = None, processes: int = 1
) -> dict[str, Any]:
    """Cross-validated decision figures and pipeline figures (see the module docstring)."""
    settings = settings or Settings()
    meantime = meantime_corpus(meantime_path, settings, processes)
    ecb = ecb_corpus(ecb_path, settings, processes) if ecb_path is not None else None
    rows = pair_rows(meantime, ecb)
    folds = cross_validate(rows)
    return {"folds": folds, **pipeline_figures(meantime, ecb)}


def format_translations(results: dict[str, Any]) -> str:
    """Folds, then the pipeline figures, one per line."""
    lines = [
        "held out                         translations recall  other pairs false  ECB+ pairs false"
    ]
    for f in results["folds"]:
        lines.append(
            f"{', '.join(f['held_out']):<32} {f['translations']:>6} {f['recall']:>7.3f}"
            f"  {f['other_articles']:>10} {f['false_merges']:>5}"
            f"  {f['ecb_same_story_pairs']:>9} {f['ecb_false_merges']:>5}"
        )
    recalls = [f["recall"] for f in results["folds"]]
    if recalls:
        lines.append(f"recall across folds: {min(recalls):.3f}–{max(recalls):.3f}")
    for k, v in results.items():
        if k != "folds":
            lines.append(f"{k}: {v:.3f}" if isinstance(v, float) and v <= 1 else f"{k}: {v:g}")
    return "\n".join(lines)
