"""Long texts in bounded pieces: where to cut, and how to put the pieces' evidence back.

spaCy's parser holds the whole text it is given: its memory grows with the text of
one call (about 0.5 GB more per 100,000 characters measured, and superlinear time), so
a long article analyzed at once could take the machine's memory. The analyze stage
gives spaCy at most ``size`` characters at a time: a long text is cut into blocks at
paragraph breaks, else line breaks, else sentence ends, else spaces (a text of one
line must still be cut), each block is analyzed on its own and its spans are moved
by the block's offset, so every span still indexes the article's text exactly.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from typing import Any, TypeVar

from ..records import Analysis, Span

T = TypeVar("T")

# Cut points, best first: a block ends just after one of these.
_CUTS = (
    re.compile(r"\n[ \t\r\f\v]*\n\s*"),  # a paragraph break (a blank line)
    re.compile(r"\n\s*"),  # a line break
    re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s+"),  # a sentence end and the space after it
    re.compile(r"\s+"),  # any space
)


def text_blocks(text: str, size: int) -> list[tuple[int, int]]:
    """``[start, end)`` ranges that cover ``text`` in order, each at most ``size`` chars.

    A block ends at the last paragraph break of its window that leaves it at least half
    full, else the last line break, sentence end or space that does; a run of ``size``
    characters without a space is cut where the window ends.

    >>> text_blocks("One.\\n\\nTwo two.\\n\\nThree.", 12)
    [(0, 6), (6, 16), (16, 22)]
    >>> text_blocks("short", 100)
    [(0, 5)]
    """
    if size < 1:
        raise ValueError("block size must be at least one character")
    blocks: list[tuple[int, int]] = []
    start, n = 0, len(text)
    while n - start > size:
        end = _cut(text, start, start + size)
        blocks.append((start, end))
        start = end
    if start < n or not blocks:
        blocks.append((start, n))
    return blocks


def _cut(text: str, start: int, limit: int) -> int:
    """Where the block that begins at ``start`` and may not pass ``limit`` ends."""
    half = start + (limit - start) // 2
    for pattern in _CUTS:
        end = -1
        for m in pattern.finditer(text, start, limit):
            end = m.end()  # the last one in the window counts
        if end >= half and end > start:
            return end
    return limit


def shift(analysis: Analysis, offset: int) -> Analysis:
    """``analysis`` of a block with every span moved by ``offset`` into the article."""
    if offset == 0:
        return analysis
    return dataclasses.replace(
        analysis,
        sentences=_moved(analysis.sentences, offset),
        mentions=_moved(analysis.mentions, offset),
        quantities=_moved(analysis.quantities, offset),
        times=_moved(analysis.times, offset),
        quotes=_moved(analysis.quotes, offset),
        attributions=_moved(analysis.attributions, offset),
        claims=_moved(analysis.claims, offset),
    )


def _moved(items: Sequence[T], offset: int) -> tuple[T, ...]:
    return tuple(_move(item, offset) for item in items)


def _move(item: Any, offset: int) -> Any:
    changes = {
        f.name: Span(v.article_id, v.start + offset, v.end + offset)
        for f in dataclasses.fields(item)
        if isinstance(v := getattr(item, f.name), Span)
    }
    return dataclasses.replace(item, **changes) if changes else item


def join(article_id: str, parts: Sequence[Analysis]) -> Analysis:
    """One article's analysis from its blocks' (already shifted), in text order."""
    if len(parts) == 1:
        return parts[0]

    def cat(name: str) -> tuple[Any, ...]:
        return tuple(x for p in parts for x in getattr(p, name))

    dims = {p.embedding_dim for p in parts if p.embedding_dim}
    return Analysis(
        article_id=article_id,
        sentences=cat("sentences"),
        mentions=cat("mentions"),
        quantities=cat("quantities"),
        times=cat("times"),
        quotes=cat("quotes"),
        attributions=cat("attributions"),
        embeddings=b"".join(p.embeddings for p in parts),
        embedding_dim=dims.pop() if len(dims) == 1 else 0,
        notes=tuple(dict.fromkeys(x for p in parts for x in p.notes)),
        claims=cat("claims"),
    )
