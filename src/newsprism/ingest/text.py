"""Plain text and Markdown files, and HTML files (extracted later by ``html``)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ..errors import InputError
from ..records import Document, InputKind, Skipped
from .decode import decode_bytes

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w.:-]+)""", re.I)


def _document(
    data: bytes, source: str, kind: InputKind, declared: str | None, **fields: Any
) -> Document | Skipped:
    try:
        body = decode_bytes(data, declared)
    except InputError as exc:
        return Skipped(source, str(exc))
    if not body.strip():
        return Skipped(source, "no text (only white space)")
    return Document(source=source, kind=kind, raw=data, body=body, **fields)


def read_text(data: bytes, source: str, kind: InputKind = "text") -> Iterator[Document | Skipped]:
    """One Document for a text or Markdown file.

    >>> next(read_text(b"Title\\nBody.", "a.txt")).body
    'Title\\nBody.'
    """
    yield _document(data, source, kind, None)


def html_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in a ``<meta>`` tag, if any."""
    m = _META_CHARSET.search(data[:4096])
    return m.group(1).decode("ascii", "replace") if m else None


def read_html(
    data: bytes, source: str, kind: InputKind = "html", url: str | None = None
) -> Iterator[Document | Skipped]:
    """One Document for an HTML page; main-text extraction happens when it is built."""
    yield _document(data, source, kind, html_charset(data), is_html=True, url=url)
