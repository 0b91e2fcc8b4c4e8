"""The analyze stage: one parse per article, every extractor, sentence embeddings."""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from ..config import Settings
from ..records import Analysis, Article, Quantity, TimeExpr
from . import attributions, claims, embed, entities, languages, quantities, quotes, sentences, times
from .blocks import join, shift, text_blocks
from .nlp import parse, parse_all

# Articles per spaCy batch and per task sent to a worker.
BATCH = 16
# Characters of text per spaCy call, at most: a longer article is analyzed in blocks of
# this size, cut at paragraph breaks (see blocks.py), and short ones are packed up to it.
# Measured (bench/blocks.py, bench/results/blocks.json): the memory a call adds grows
# ~3 MB per 1,000 characters (43 MB at 10,000, 156 MB at 50,000, 1.1 GB for 400,000 at
# once), while speed is flat from 10,000 to 100,000 (37-39,000 characters per CPU second)
# and falls beyond. 50,000 keeps a call near 160 MB and leaves whole, so unchanged, every
# article under ~8,000 words.
BLOCK_CHARS = 50_000


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
    found_quantities = _not_dates(quantities.extract_quantities(aid, doc), found_times)
    return Analysis(
        article_id=aid,
        sentences=sents,
        mentions=mentions,
        quantities=found_quantities,
        times=found_times,
        quotes=quotes.extract_quotes(aid, doc, mentions),
        attributions=attributions.extract_attributions(aid, doc, mentions),
        embeddings=embed.pack(vectors),
        embedding_dim=vectors.shape[1] if len(vectors) else 0,
        claims=claims.extract_claims(aid, doc, found_quantities, found_times, mentions),
    )


def _not_dates(found: tuple[Quantity, ...], dates: tuple[TimeExpr, ...]) -> tuple[Quantity, ...]:
    """Numbers inside a date ("27th" in "from November 24th to 27th") are not amounts;
    numbers inside a duration ("180 days") are."""
    ranges = [(t.span.start, t.span.end) for t in dates if t.granularity != "duration"]
    return tuple(
        q for q in found if not any(s < q.span.end and q.span.start < e for s, e in ranges)
    )


def _failed(article_id: str, exc: BaseException) -> Analysis:
    detail = str(exc).splitlines()[0][:150] if str(exc) else ""
    return Analysis(article_id, notes=(f"analyze failed: {type(exc).__name__}: {detail}",))


def analyze_article(article: Article, settings: Settings | None = None) -> Analysis:
    """The evidence in one article; a failure becomes a note, never an exception.

    Example (needs the models or files named)::

        analysis = analyze_article(article)
        [q.speaker for q in analysis.quotes]
    """
    settings = settings or Settings()
    return _analyze_chunk([article], settings.spacy_model)[0]


@dataclass(frozen=True)
class _Piece:
    """A block of one article's text, given to spaCy on its own."""

    index: int  # the article's place in its chunk
    start: int  # where the block starts in the article's text
    text: str


def _parse_groups(articles: Sequence[Article], budget: int) -> Iterator[list[_Piece]]:
    """The articles' texts cut into blocks of at most ``budget`` characters, in runs of
    at most ``BATCH`` blocks and ``budget`` characters: what one spaCy call holds."""
    group: list[_Piece] = []
    size = 0
    for i, article in enumerate(articles):
        for start, end in text_blocks(article.text, budget):
            piece = _Piece(i, start, article.text[start:end])
            if group and (len(group) >= BATCH or size + len(piece.text) > budget):
                yield group
                group, size = [], 0
            group.append(piece)
            size += len(piece.text)
    if group:
        yield group


def _analyze_chunk(
    articles: Sequence[Article], model: str, embed_: bool = True, budget: int | None = None
) -> list[Analysis]:
    """Every extractor over ``articles``, spaCy given at most ``budget`` characters of
    text at a time (``BLOCK_CHARS``), so memory does not grow with an article's length.
    A block that fails fails its article only (a note), never the chunk."""
    budget = budget or BLOCK_CHARS
    parts: list[list[Analysis]] = [[] for _ in articles]
    failed: dict[int, BaseException] = {}
    for group in _parse_groups(articles, budget):
        try:
            docs: list[Any] | None = parse_all([p.text for p in group], model, len(group))
        except Exception:
            docs = None  # one block broke the call: parse them one by one below
        for j, piece in enumerate(group):
            if piece.index in failed:
                continue
            article = articles[piece.index]
            try:
                doc = docs[j] if docs is not None else parse(piece.text, model)
                found = analyze_doc(article, doc, embed_=False)
                parts[piece.index].append(shift(found, piece.start))
            except Exception as exc:
                failed[piece.index] = exc
        del docs
    # other languages: figures read by their conventions, the rest said to be unread
    done = {
        i: languages.localize(join(a.id, parts[i]), a.text, a.language)
        for i, a in enumerate(articles)
        if i not in failed
    }
    if embed_:
        done = _with_embeddings(done)
    return [done[i] if i in done else _failed(a.id, failed[i]) for i, a in enumerate(articles)]


def _with_embeddings(analyses: dict[int, Analysis]) -> dict[int, Analysis]:
    """``analyses`` with their sentence embeddings: one embedding call for the whole
    chunk (larger batches run ~25% faster), else one per article; an article whose
    sentences cannot be embedded gets a failure note instead."""
    texts = {i: [s.text for s in x.sentences] for i, x in analyses.items()}
    try:
        flat: npt.NDArray[np.float32] | None = embed.embed_texts(
            [t for ts in texts.values() for t in ts]
        )
    except Exception:
        flat = None
    out: dict[int, Analysis] = {}
    offset = 0
    for i, analysis in analyses.items():
        n = len(texts[i])
        try:
            vectors = embed.embed_texts(texts[i]) if flat is None else flat[offset : offset + n]
        except Exception as exc:
            out[i] = _failed(analysis.article_id, exc)
            continue
        finally:
            offset += n
        out[i] = dataclasses.replace(
            analysis,
            embeddings=embed.pack(vectors),
            embedding_dim=vectors.shape[1] if len(vectors) else 0,
        )
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
