"""WARC and ARC archives: HTML response records become Documents.

Sizes are checked on the decompressed bytes, not only on the file: a small ``.warc.gz``
can hold gigabytes of zeros. A record's payload is read with a limit (``max_bytes``, as
for a file), and a gzipped archive is inflated as a stream that stops at
``ARCHIVE_RATIO`` times ``max_bytes``, so neither memory nor time grows with what a
bomb would expand to.
"""

from __future__ import annotations

import gzip
import io
import zlib
from collections.abc import Iterator
from typing import Any

from ..records import Document, Skipped
from .text import read_html

_HTML_TYPES = ("text/html", "application/xhtml+xml")
# How much larger than max_bytes a gzipped archive may be once inflated. HTML pages
# compress 3-4x with gzip (300 pages measured: median 3.7x, the highest 10.4x); an
# archive of pages stays well under 20x, a bomb of zeros is ~1,000x.
ARCHIVE_RATIO = 20
_DRAIN = 1 << 16


class _TooLarge(Exception):
    """The archive inflates past its limit."""


class _Capped:
    """A read-only stream over ``stream`` that raises :class:`_TooLarge` once more than
    ``cap`` bytes were read from it; reads are bounded even when asked for "all"."""

    def __init__(self, stream: Any, cap: int) -> None:
        self.stream = stream
        self.cap = cap
        self.count = 0

    def read(self, size: int | None = -1) -> bytes:
        room = self.cap + 1 - self.count
        chunk: bytes = self.stream.read(room if size is None or size < 0 else min(size, room))
        self.count += len(chunk)
        if self.count > self.cap:
            raise _TooLarge
        return chunk

    def tell(self) -> int:
        return self.count


def read_warc(data: bytes, source: str, max_bytes: int) -> Iterator[Document | Skipped]:
    """One Document per HTML response with a 2xx status; what cannot be read is Skipped.

    A truncated or corrupt archive yields the records read before the damage, then one
    Skipped that says where it stopped; a record cut short (fewer bytes than its
    Content-Length) or over ``max_bytes`` once decompressed is one Skipped.
    """
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    stream: Any = io.BytesIO(data)
    if data.startswith(b"\x1f\x8b"):
        stream = _Capped(gzip.GzipFile(fileobj=stream, mode="rb"), max_bytes * ARCHIVE_RATIO)
    count = 0
    try:
        for record in ArchiveIterator(stream, arc2warc=True):
            count += 1
            if record.rec_type != "response":
                continue  # request, metadata, warcinfo: not articles
            uri = record.rec_headers.get_header("WARC-Target-URI") or f"record {count}"
            item = _response(record, f"{source}#{uri}", uri, max_bytes)
            if item is not None:
                yield item
    except _TooLarge:
        limit = max_bytes * ARCHIVE_RATIO / 1e6
        yield Skipped(
            source,
            f"archive stopped after {count} records: over {limit:g} MB once decompressed "
            f"({ARCHIVE_RATIO} times the max_bytes limit)",
        )
        return
    except (ArchiveLoadFailed, zlib.error, EOFError, ValueError, OSError) as exc:
        detail = str(exc).splitlines()[0][:120] if str(exc) else type(exc).__name__
        yield Skipped(source, f"archive damaged after {count} records: {detail}")
        return
    if count == 0:
        yield Skipped(source, "no records in the archive")


def _response(record: Any, where: str, uri: str, max_bytes: int) -> Document | Skipped | None:
    """The Document of one response record, or why it is not one."""
    http = record.http_headers
    status = http.get_statuscode() if http else None
    ctype = (http.get_header("Content-Type") if http else None) or ""
    if status and not str(status).startswith("2"):
        return Skipped(where, f"HTTP status {status} in the archive")
    if not any(t in ctype.lower() for t in _HTML_TYPES):
        return Skipped(where, f"not HTML ({ctype or 'no content type'})")
    payload = record.content_stream().read(max_bytes + 1)
    if len(payload) > max_bytes:
        return Skipped(where, f"record is over the {max_bytes / 1e6:g} MB limit once decompressed")
    while record.raw_stream.read(_DRAIN):
        pass  # what the payload's decoding left unread
    missing = getattr(record.raw_stream, "limit", 0)
    if missing > 0:
        return Skipped(
            where, f"record cut short: {missing} of its {record.length} bytes are missing"
        )
    for item in read_html(payload, where, kind="warc", url=uri):
        if isinstance(item, Document):
            date = record.rec_headers.get_header("WARC-Date") or ""
            return Document(
                source=item.source,
                kind="warc",
                raw=item.raw,
                body=item.body,
                is_html=True,
                url=uri,
                extra=(("crawl_date", date),) if date else (),
            )
        return item
    return None
