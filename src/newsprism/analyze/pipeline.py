"""The analyze stage: one parse per article, every extractor, sentence embeddings."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from ..config import Settings
from ..records import Analysis, Article, Quantity, TimeExpr
from . import attributions, embed, entities, quantities, quotes, sentences, times
from .nlp import parse, parse_all

# Articles per spaCy batch and per task sent to a worker.
BATCH = 16


def analyze_doc(
    article: Article,
    doc: Any,
    vectors: npt.NDArray[np.float32] | None = None,
    *,
    embed_: bool = True,
) -> Analysis:
    """Every extractor over one parsed article; ``vectors`` are its sentence embeddings
    when the caller computed them for a whole batch at once. With ``embed_=False``
    the analysis carries no embeddings (``embedding_dim`` 0)."""
    aid = article.id
    sents = sentences.extract_sentences(aid, doc)
    mentions = entities.extract_mentions(aid, doc)
    if not embed_:
        vectors = np.zeros((0, embed.DIM), dtype=np.float32)
    elif vectors is None or len(vectors) != len(sents):
        vectors = embed.embed_texts([s.text for s in sents])
    found_times = times.extract_times(aid, doc, article.published)
    return Analysis(
        article_id=aid,
        sentences=sents,
        mentions=mentions,
        quantities=_not_dates(quantities.extract_quantities(aid, doc), found_times),
        times=found_times,
        quotes=quotes.extract_quotes(aid, doc, mentions),
        attributions=attributions.extract_attributions(aid, doc, mentions),
        embeddings=embed.pack(vectors),
        embedding_dim=vectors.shape[1] if len(vectors) else 0,
    )


def _not_dates(found: tuple[Quantity, ...], dates: tuple[TimeExpr, ...]) -> tuple[Quantity, ...]:
    """Numbers inside a date ("27th" in "from November 24th to 27th") are not amounts;
    numbers inside a duration ("180 days") are."""
    ranges = [(t.span.start, t.span.end) for t in dates if t.granularity != "duration"]
    return tuple(
        q for q in found if not any(s < q.span.end and q.span.start < e for s, e in ranges)
    )


def _failed(article: Article, exc: BaseException) -> Analysis:
    detail = str(exc).splitlines()[0][:150] if str(exc) else ""
    return Analysis(article.id, notes=(f"analyze failed: {type(exc).__name__}: {detail}",))


def analyze_article(article: Article, settings: Settings | None = None) -> Analysis:
    """The evidence in one article; a failure becomes a note, never an exception.

    Example (needs the models or files named)::

        analysis = analyze_article(article)
        [q.speaker for q in analysis.quotes]
    """
    settings = settings or Settings()
    try:
        doc = parse(article.text, settings.spacy_model)
        return analyze_doc(article, doc)
    except Exception as exc:
        return _failed(article, exc)


def _analyze_chunk(articles: Sequence[Article], model: str, embed_: bool = True) -> list[Analysis]:
    out: list[Analysis] = []
    try:
        docs = parse_all([a.text for a in articles], model, BATCH)
    except Exception:
        # one article broke the batch: parse them one by one so only it fails
        return [analyze_article(a, Settings(spacy_model=model)) for a in articles]
    # One embedding call for the whole chunk: larger batches run ~25% faster.
    # Without it (or if it fails) analyze_doc embeds per article, or not at all.
    counts = [0] * len(docs)
    flat: npt.NDArray[np.float32] | None = None
    if embed_:
        texts = [
            [s.text for s in sentences.extract_sentences(a.id, d)]
            for a, d in zip(articles, docs, strict=True)
        ]
        counts = [len(ts) for ts in texts]
        try:
            flat = embed.embed_texts([t for ts in texts for t in ts])
        except Exception:
            flat = None
    offset = 0
    for article, doc, n in zip(articles, docs, counts, strict=True):
        vectors = None if flat is None else flat[offset : offset + n]
        offset += n
        try:
            out.append(analyze_doc(article, doc, vectors, embed_=embed_))
        except Exception as exc:
            out.append(_failed(article, exc))
    return out


def balanced_chunks(articles: Sequence[Article], workers: int) -> list[Sequence[Article]]:
    """``articles`` cut into runs of at most ``BATCH`` holding about the same amount of
    text, the last ``workers`` of them halved, so that no worker is left with a long
    last chunk while the others wait.

    >>> arts = [Article(id=str(i), source="s", kind="text", text="x" * 100, raw="")
    ...         for i in range(40)]
    >>> [len(c) for c in balanced_chunks(arts, 2)]
    [10, 10, 5, 5, 5, 5]
    >>> [len(c) for c in balanced_chunks(arts, 1)]
    [16, 16, 8]
    """
    n = len(articles)
    if workers <= 1 or n <= BATCH:
        return [articles[i : i + BATCH] for i in range(0, n, BATCH)]
    count = workers * -(-n // (workers * BATCH))
    # shares of the text at which chunks end: whole shares, then half shares at the end
    whole = np.arange(1, count - workers + 1) / count
    halves = (count - workers) / count + np.arange(1, 2 * workers) / (2 * count)
    sizes = np.cumsum([len(a.text) + 1 for a in articles])
    targets = sizes[-1] * np.concatenate([whole, halves])
    cuts = np.searchsorted(sizes, targets, side="left") + 1
    bounds = [0, *sorted({int(c) for c in cuts if 0 < c < n}), n]
    chunks: list[Sequence[Article]] = []
    for start, end in itertools.pairwise(bounds):
        # a run of long articles may still exceed BATCH: split it
        chunks.extend(articles[i : min(i + BATCH, end)] for i in range(start, end, BATCH))
    return chunks


def analyze_articles(
    articles: Sequence[Article],
    settings: Settings | None = None,
    *,
    processes: int = 1,
    embed: bool = True,
    engine: str = "process",
    scheduler: str | None = None,
) -> list[Analysis]:
    """Analyze ``articles`` in input order, on ``engine`` (see :mod:`newsprism.runners`).

    Each worker loads the models once; articles travel in chunks of ``BATCH``.
    ``embed=False`` skips sentence embeddings (a third of the time), for callers
    that never compare sentences across articles.
    """
    from ..runners import map_chunks

    settings = settings or Settings()
    if engine == "process" and (processes <= 1 or len(articles) <= BATCH):
        engine = "inprocess"
    chunks = balanced_chunks(articles, 1 if engine == "inprocess" else processes)
    results = map_chunks(
        _analyze_chunk,
        chunks,
        settings.spacy_model,
        embed,
        engine=engine,
        workers=processes,
        scheduler=scheduler,
    )
    return [a for chunk in results for a in chunk]
