"""Stories: articles grouped by the event they report, in batch or as they arrive.

:func:`cluster_articles` groups one batch: exact average linkage up to
:data:`EXACT_BATCH` articles, beyond that the single-pass assignment of
:class:`~newsprism.cluster.engine.StoryClusterer` (near-linear, with a
nearest-neighbour index) plus one refinement pass. ``newsprism watch`` keeps a
clusterer's state in the store and assigns articles as they arrive.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import numpy as np
import numpy.typing as npt

from ..analyze.embed import unpack
from ..records import Analysis, Article
from ..runners import one_thread
from .engine import StoryClusterer, link, similarity_matrix
from .features import Signature, make_signature

EXACT_BATCH = 3_000  # pairwise linkage up to this many articles (memory grows as n²)
LEAD_SENTENCES = 3


def day_number(published: str | None) -> int | None:
    """Days since 1970-01-01 of an ISO date, or None.

    >>> day_number("1970-01-11")
    10
    """
    if not published:
        return None
    try:
        return (date.fromisoformat(published[:10]) - date(1970, 1, 1)).days
    except ValueError:
        return None


def lead_vector(analysis: Analysis | None) -> npt.NDArray[np.float32] | None:
    """Mean embedding of the first sentences (headline and lead), unit length; None without."""
    if analysis is None or not analysis.embeddings:
        return None
    vectors = unpack(analysis.embeddings, analysis.embedding_dim)[:LEAD_SENTENCES]
    if not len(vectors):
        return None
    mean = vectors.mean(axis=0)
    norm = float(np.linalg.norm(mean))
    return None if norm == 0 else (mean / norm).astype(np.float32)


def signature_of(article: Article, analysis: Analysis | None = None) -> Signature:
    """The clustering signature of an analyzed (or merely ingested) article."""
    return make_signature(
        article.id,
        article.title,
        article.text,
        lead_vector(analysis),
        day_number(article.published),
        article.language,
    )


def cluster_signatures(signatures: Sequence[Signature]) -> list[int]:
    """Story number of each signature (0, 1, … by first appearance) for one batch."""
    with one_thread():  # BLAS on one thread: the same sums wherever this runs
        if len(signatures) <= EXACT_BATCH:  # its own exact frequencies; no index to build
            return link(similarity_matrix(StoryClusterer(), signatures))
        clusterer = StoryClusterer(expected=len(signatures))
        clusterer.fit_frequencies(signatures)
        return clusterer.cluster(signatures)


def cluster_articles(
    articles: Sequence[Article], analyses: dict[str, Analysis] | None = None
) -> list[list[Article]]:
    """Articles grouped into stories, largest first (ties: first appearance)."""
    analyses = analyses or {}
    labels = cluster_signatures([signature_of(a, analyses.get(a.id)) for a in articles])
    groups: dict[int, list[Article]] = {}
    for article, label in zip(articles, labels, strict=True):
        groups.setdefault(label, []).append(article)
    return sorted(groups.values(), key=lambda g: -len(g))


__all__ = ["StoryClusterer", "cluster_articles", "cluster_signatures", "signature_of"]
