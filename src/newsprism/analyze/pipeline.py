"""The analyze stage: every extractor and sentence embeddings over each article, analyzed
in units each analyzed once per batch (units.py)."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence

import numpy as np

from ..config import Settings
from ..records import Analysis, Article
from . import units

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
# Units per task sent to a worker (a unit is a paragraph or a few): small enough that
# the pool's queue (two tasks per worker) leaves the main process little to wait for
# at the end, large enough to batch spaCy's calls.
UNIT_BATCH = 4 * BATCH


def _failed(article_id: str, exc: BaseException) -> Analysis:
    detail = str(exc).splitlines()[0][:150] if str(exc) else ""
    if not isinstance(exc, units.UnitFailed):  # its message names the error already
        detail = f"{type(exc).__name__}: {detail}"
    return Analysis(article_id, notes=(f"analyze failed: {detail}",))


def analyze_article(article: Article, settings: Settings | None = None) -> Analysis:
    """The evidence in one article; a failure becomes a note, never an exception.

    Example (needs the models or files named)::

        analysis = analyze_article(article)
        [q.speaker for q in analysis.quotes]
    """
    settings = settings or Settings()
    return _analyze_chunk([article], settings.spacy_model)[0]


def _plans(
    articles: Sequence[Article], budget: int
) -> tuple[list[list[tuple[int, units.Unit]] | BaseException], list[units.Unit]]:
    """Each article's units (or why it cannot be cut), and the batch's distinct units
    in the order they first appear."""
    plans: list[list[tuple[int, units.Unit]] | BaseException] = []
    for article in articles:
        try:
            plans.append(units.plan(article, budget))
        except Exception as exc:
            plans.append(exc)
    distinct = list(
        dict.fromkeys(u for p in plans if not isinstance(p, BaseException) for _, u in p)
    )
    return plans, distinct


def _assembled(
    articles: Sequence[Article],
    plans: Sequence[list[tuple[int, units.Unit]] | BaseException],
    results: dict[units.Unit, units.UnitResult | str],
) -> list[Analysis]:
    out = []
    for article, p in zip(articles, plans, strict=True):
        try:
            if isinstance(p, BaseException):
                raise p
            out.append(units.assemble(article, p, results))
        except Exception as exc:
            out.append(_failed(article.id, exc))
    return out


def _analyze_chunk(
    articles: Sequence[Article], model: str, embed_: bool = True, budget: int | None = None
) -> list[Analysis]:
    """Every extractor over ``articles`` in this process, each distinct unit once (see
    units.py), spaCy given at most ``budget`` characters of text at a time
    (``BLOCK_CHARS``), so memory does not grow with an article's length. A unit that
    fails fails its articles only (a note), never the chunk."""
    budget = budget or BLOCK_CHARS
    plans, distinct = _plans(articles, budget)
    found = units.analyze_units(distinct, model, embed_, budget)
    return _assembled(articles, plans, dict(zip(distinct, found, strict=True)))


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
    bounds = _balanced([len(a.text) + 1 for a in articles], workers, BATCH)
    return [articles[s:e] for s, e in bounds]


def _balanced(sizes: Sequence[int], workers: int, batch: int) -> list[tuple[int, int]]:
    """``[start, end)`` runs of at most ``batch`` items of about equal total ``sizes``,
    the last ``workers`` runs halved (see :func:`balanced_chunks`)."""
    n = len(sizes)
    if workers <= 1 or n <= batch:
        return [(i, min(i + batch, n)) for i in range(0, n, batch)]
    count = workers * -(-n // (workers * batch))
    # shares of the text at which chunks end: whole shares, then half shares at the end
    whole = np.arange(1, count - workers + 1) / count
    halves = (count - workers) / count + np.arange(1, 2 * workers) / (2 * count)
    total = np.cumsum(sizes)
    targets = total[-1] * np.concatenate([whole, halves])
    cuts = np.searchsorted(total, targets, side="left") + 1
    bounds = [0, *sorted({int(c) for c in cuts if 0 < c < n}), n]
    out: list[tuple[int, int]] = []
    for start, end in itertools.pairwise(bounds):
        # a run of long items may still exceed the batch: split it
        out.extend((i, min(i + batch, end)) for i in range(start, end, batch))
    return out


def analyze_articles(
    articles: Sequence[Article],
    settings: Settings | None = None,
    *,
    processes: int = 1,
    embed: bool = True,
    engine: str = "process",
    scheduler: str | None = None,
    meanwhile: Callable[[], object] | None = None,
) -> list[Analysis]:
    """Analyze ``articles`` in input order, on ``engine`` (see :mod:`newsprism.runners`).

    Each worker loads the models once; the articles' distinct units (units.py) travel
    in chunks of at most ``UNIT_BATCH``, and each article is put together from them here.
    ``embed=False`` skips sentence embeddings (a third of the time), for callers
    that never compare sentences across articles. ``meanwhile`` runs in this process
    while workers analyze (see :func:`newsprism.runners.map_chunks`).
    """
    from ..runners import map_chunks

    settings = settings or Settings()
    if engine == "process" and (processes <= 1 or len(articles) <= BATCH):
        engine = "inprocess"
    plans, distinct = _plans(articles, BLOCK_CHARS)
    workers = 1 if engine == "inprocess" else processes
    if engine == "process" and distinct:
        # this process analyzes too: loaded here before the pool forks, the models
        # are loaded once, not once more in each worker
        units.preload(settings.spacy_model, embed)
    bounds = _balanced([len(u.text) + 1 for u in distinct], workers, UNIT_BATCH)
    results = map_chunks(
        units.analyze_units,
        [distinct[s:e] for s, e in bounds],
        settings.spacy_model,
        embed,
        BLOCK_CHARS,
        engine=engine,
        workers=processes,
        scheduler=scheduler,
        meanwhile=meanwhile,
    )
    found = [r for chunk in results for r in chunk]
    return _assembled(articles, plans, dict(zip(distinct, found, strict=True)))
