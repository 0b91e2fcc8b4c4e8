"""Translations: an article whose sentences align one-to-one with another's in another language.

A translation shares no words with its original, so the copy tests of
:mod:`.origins` (shared word runs, near-duplicate text) never see it; but its
sentences, embedded by the multilingual encoder, each find their counterpart in
the original, in order, and almost none is left over. Two independent reports of
one event also share many close sentences, but not one-to-one and not in the same
order. The decision weighs those signals (:data:`FEATURES`) in a logistic model
fitted on MEANTIME (120 Wikinews articles in four languages: the translations are
the positives; other articles, also of the same topic, and ECB+'s independent
reports of one event are the negatives), validated leaving each topic out
(``newsprism eval translations``; refit with ``scripts/fit_translations.py``).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import numpy.typing as npt

from ..analyze.embed import unpack
from ..fit import LogisticModel, load_model
from ..records import Analysis, Article

MODEL_PATH = Path(__file__).with_name("translation_model.json")

# What the model weighs, for a pair of articles' sentence vectors:
FEATURES = (
    "mutual_share",  # sentences with a mutual best match, over the shorter article's count
    "mutual_similarity",  # mean cosine of those mutual best matches
    "in_order",  # share of consecutive mutual matches that keep the order of both articles
    "count_ratio",  # shorter article's sentence count over the longer's
    "log_aligned",  # log(1 + mutual matches): one aligned sentence is little evidence
)
# Sentences shorter than this (date lines, bylines) align with anything.
MIN_CHARS = 20


@dataclass(frozen=True)
class TranslationLink:
    """``copy`` is a translation of ``original``; ``evidence`` says how it was seen."""

    copy: str
    original: str
    evidence: str
    probability: float


def sentence_vectors(analysis: Analysis) -> npt.NDArray[np.float32]:
    """The article's sentence vectors, short sentences left out."""
    vectors = unpack(analysis.embeddings, analysis.embedding_dim or 512)
    keep = [i for i, s in enumerate(analysis.sentences)
            if i < len(vectors) and len(s.text) >= MIN_CHARS]  # fmt: skip
    return vectors[keep]


def pair_features(a: npt.NDArray[np.float32], b: npt.NDArray[np.float32]) -> list[float]:
    """The :data:`FEATURES` of two articles' sentence vectors (rows L2-normalised).

    >>> v = np.eye(3, dtype=np.float32)
    >>> [round(f, 3) for f in pair_features(v, v)]
    [1.0, 1.0, 1.0, 1.0, 1.386]
    """
    if len(a) == 0 or len(b) == 0:
        return [0.0, 0.0, 0.0, 0.0, 0.0]
    sims = a @ b.T
    best_b = sims.argmax(axis=1)
    best_a = sims.argmax(axis=0)
    mutual = [(i, int(j)) for i, j in enumerate(best_b) if best_a[j] == i]
    shorter, longer = min(len(a), len(b)), max(len(a), len(b))
    mutual_sim = float(np.mean([sims[i, j] for i, j in mutual])) if mutual else 0.0
    steps = [mutual[k + 1][1] > mutual[k][1] for k in range(len(mutual) - 1)]
    in_order = float(np.mean(steps)) if steps else float(len(mutual) == 1)
    return [len(mutual) / shorter, mutual_sim, in_order, shorter / longer, math.log1p(len(mutual))]


@lru_cache(maxsize=1)
def model() -> LogisticModel:
    """The fitted decision (``translation_model.json`` beside this module)."""
    return load_model(MODEL_PATH)


def probability(features: Sequence[float]) -> float:
    """The model's probability that two articles with these features are one text translated."""
    return float(model().scores(np.asarray([features]))[0, 1])


def _original(a: Article, b: Article) -> tuple[Article, Article, str]:
    """(copy, original, why): the one crediting the other's outlet is the copy; else the
    later-published one; else the direction is not known, and the evidence says so (the
    article read later is then named the copy)."""
    for x, y in ((a, b), (b, a)):
        if y.outlet and any(c.casefold() == y.outlet.casefold() for c in x.credits):
            return x, y, f"it credits {y.outlet}"
    if a.published and b.published and a.published != b.published:
        copy, original = (a, b) if a.published > b.published else (b, a)
        return copy, original, "published later"
    return b, a, "which is the original is not known (same date, no credit)"


def find_translations(
    articles: Sequence[Article],
    analyses: Sequence[Analysis],
    joined: Callable[[str, str], bool] | None = None,
) -> Iterator[TranslationLink]:
    """Pairs of articles in different languages that are one text translated, in the
    order of the articles; a pair ``joined`` already says are one origin (asked when the
    pair comes up) is not linked again.

    Articles without a detected language, or in the same language, are not compared:
    copies in one language share words, and :mod:`.origins` finds those. All pairs are
    weighed in one call of the model, so a story of many reports in two languages costs
    one vector product per pair, not one model call.
    """
    by_id = {an.article_id: an for an in analyses}
    vectors = {a.id: sentence_vectors(by_id[a.id]) for a in articles if a.id in by_id}
    pairs = [
        (a, b)
        for i, a in enumerate(articles)
        for b in articles[i + 1 :]
        if a.language and b.language and a.language != b.language
        and a.id in vectors and b.id in vectors
    ]  # fmt: skip
    if not pairs:
        return
    features = [pair_features(vectors[a.id], vectors[b.id]) for a, b in pairs]
    probs = model().scores(np.asarray(features))[:, 1].tolist()
    for (a, b), f, p in zip(pairs, features, probs, strict=True):
        if p < 0.5 or (joined is not None and joined(a.id, b.id)):
            continue
        copy, original, why = _original(a, b)
        evidence = (
            f"translation of {original.id} ({original.language} → {copy.language}): "
            f"{f[0]:.0%} of sentences aligned one-to-one, {f[2]:.0%} in order; {why}"
        )
        yield TranslationLink(copy.id, original.id, evidence, float(p))
