"""WARC and ARC archives: HTML response records become Documents."""

from __future__ import annotations

import io
import zlib
from collections.abc import Iterator

from ..records import Document, Skipped
from .text import read_html

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_warc(data: bytes, source: str) -> Iterator[Document | Skipped]:
    """One Document per HTML response with a 2xx status; what cannot be read is Skipped.

    A truncated or corrupt archive yields the records read before the damage,
    then one Skipped that says where it stopped.
    """
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    count = 0
    try:
        for record in ArchiveIterator(io.BytesIO(data), arc2warc=True):
            count += 1
            if record.rec_type != "response":
                continue  # request, metadata, warcinfo: not articles
            uri = record.rec_headers.get_header("WARC-Target-URI") or f"record {count}"
            where = f"{source}#{uri}"
            http = record.http_headers
            status = http.get_statuscode() if http else None
            ctype = (http.get_header("Content-Type") if http else None) or ""
            payload = record.content_stream().read()
            if status and not str(status).startswith("2"):
                yield Skipped(where, f"HTTP status {status} in the archive")
                continue
            if not any(t in ctype.lower() for t in _HTML_TYPES):
                yield Skipped(where, f"not HTML ({ctype or 'no content type'})")
                continue
            for item in read_html(payload, where, kind="warc", url=uri):
                if isinstance(item, Document):
                    date = record.rec_headers.get_header("WARC-Date") or ""
                    item = Document(
                        source=item.source,
                        kind="warc",
                        raw=item.raw,
                        body=item.body,
                        is_html=True,
                        url=uri,
                        extra=(("crawl_date", date),) if date else (),
                    )
                yield item
    except (ArchiveLoadFailed, zlib.error, EOFError, ValueError, OSError) as exc:
        detail = str(exc).splitlines()[0][:120] if str(exc) else type(exc).__name__
        yield Skipped(source, f"archive damaged after {count} records: {detail}")
        return
    if count == 0:
        yield Skipped(source, "no records in the archive")
