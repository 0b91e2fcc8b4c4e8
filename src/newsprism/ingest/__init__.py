"""Ingest: read every input format, clean, find metadata.

``ingest(paths, settings)`` is the stage entry point: sources are read into
:class:`~newsprism.records.Document` items (one module per format), then each
is cleaned into an :class:`~newsprism.records.Article`. Whatever cannot be read
becomes a :class:`~newsprism.records.Skipped` with a one-line reason; nothing is
dropped silently.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import BinaryIO

from ..config import Settings
from ..errors import InputError
from ..records import Document, IngestResult, Skipped
from .build import article_id, build_articles
from .sources import read_bytes, read_sources

__all__ = ["build_articles", "ingest", "ingest_bytes", "ingest_with_primary", "read_sources"]


def ingest(
    paths: Sequence[str], settings: Settings | None = None, *, stdin: BinaryIO | None = None
) -> IngestResult:
    """Read ``paths`` (files, directories, URLs, or ``-`` for stdin) into cleaned articles.

    Example (needs the models or files named)::

        result = ingest(["examples/"])
        len(result.articles), result.skipped
        # (5, ())
    """
    settings = settings or Settings()
    return _build(read_sources(paths, settings, stdin=stdin), settings)


def ingest_with_primary(
    paths: Sequence[str],
    primary: str,
    settings: Settings | None = None,
    *,
    stdin: BinaryIO | None = None,
) -> tuple[IngestResult, str]:
    """Read ``paths`` and the ``primary`` source (a press release, a statement) as one
    batch; return the result, the primary first, and the primary's article id.

    One batch, so the primary and its copies go through one cleaning rule: a
    timestamp line that every copy of a release carries is dropped from all of them
    or from none. An input identical to the primary is read once. Raises
    :class:`~newsprism.errors.InputError` when the primary yields no article.
    """
    settings = settings or Settings()
    first = next((d for d in read_sources([primary], settings) if isinstance(d, Document)), None)
    if first is None:
        found = ingest([primary], settings)
        reason = found.skipped[0].reason if found.skipped else "no text"
        raise InputError(f"primary source {primary}: {reason}")
    key = article_id(first.raw)
    docs: list[Document] = [first]
    skipped: list[Skipped] = []
    for item in read_sources(paths, settings, stdin=stdin):
        if isinstance(item, Skipped):
            skipped.append(item)
        elif article_id(item.raw) != key:
            docs.append(item)
    articles, more = build_articles(docs, settings)
    if not articles or articles[0].id != key:
        reason = next((s.reason for s in more if s.source == first.source), "no text")
        raise InputError(f"primary source {primary}: {reason}")
    return IngestResult(tuple(articles), tuple(skipped) + tuple(more)), key


def _build(items: Iterable[Document | Skipped], settings: Settings) -> IngestResult:
    """Clean the documents read into articles; keep every skip reason."""
    docs: list[Document] = []
    skipped: list[Skipped] = []
    for item in items:
        if isinstance(item, Document):
            docs.append(item)
        else:
            skipped.append(item)
    articles, more = build_articles(docs, settings)
    return IngestResult(tuple(articles), tuple(skipped) + tuple(more))


def ingest_bytes(
    items: Sequence[tuple[bytes, str, str]], settings: Settings | None = None
) -> IngestResult:
    """Read in-memory inputs, each ``(data, source, file_name)``: uploads, pasted text.

    The file name's extension picks the reader as for files on disk (else the
    content is sniffed); ``source`` names the input in the report and in skip reasons.

    >>> r = ingest_bytes([(b"", "upload:empty.txt", "empty.txt")])
    >>> r.articles, r.skipped[0].reason
    ((), 'empty file')
    """
    settings = settings or Settings()

    def read() -> Iterator[Document | Skipped]:
        for data, source, name in items:
            if len(data) > settings.max_bytes:
                limit = settings.max_bytes / 1e6
                yield Skipped(source, f"input is over the {limit:g} MB limit")
            else:
                yield from read_bytes(data, source, name, settings)

    return _build(read(), settings)
