"""Plain text and Markdown files, and HTML files (extracted later by ``html``)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..errors import InputError
from ..records import Document, InputKind, Skipped
from .decode import decode_bytes

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w.:-]+)""", re.I)


def read_text(data: bytes, source: str, kind: InputKind = "text") -> Iterator[Document | Skipped]:
    """One Document for a text or Markdown file.

    >>> next(read_text(b"Title\\nBody.", "a.txt")).body
    'Title\\nBody.'
    """
    try:
        body = decode_bytes(data)
    except InputError as exc:
        yield Skipped(source, str(exc))
        return
    if not body.strip():
        yield Skipped(source, "no text (only white space)")
        return
    yield Document(source=source, kind=kind, raw=data, body=body)


def html_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in a ``<meta>`` tag, if any."""
    m = _META_CHARSET.search(data[:4096])
    return m.group(1).decode("ascii", "replace") if m else None


def read_html(
    data: bytes, source: str, kind: InputKind = "html", url: str | None = None
) -> Iterator[Document | Skipped]:
    """One Document for an HTML page; main-text extraction happens when it is built."""
    try:
        body = decode_bytes(data, html_charset(data))
    except InputError as exc:
        yield Skipped(source, str(exc))
        return
    if not body.strip():
        yield Skipped(source, "no text (only white space)")
        return
    yield Document(source=source, kind=kind, raw=data, body=body, is_html=True, url=url)
