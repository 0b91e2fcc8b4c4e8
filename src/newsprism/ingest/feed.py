"""RSS and Atom feeds: full content when present, else the summary."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ..records import Document, Skipped

# An entry with fewer words than this is a teaser or a media item, not an article
# a reader could compare (headlines alone run 5–15 words).
MIN_WORDS = 20

_TAG = re.compile(r"<[^>]+>")


def _words(html_or_text: str) -> int:
    return len(_TAG.sub(" ", html_or_text).split())


def _content(entry: Any) -> tuple[str, bool]:
    best = ("", False)
    for part in entry.get("content") or []:
        value = part.get("value") or ""
        if _words(value) > _words(best[0]):
            best = (value, "html" in (part.get("type") or ""))
    if _words(best[0]) < MIN_WORDS:
        summary = entry.get("summary") or ""
        detail = entry.get("summary_detail") or {}
        if _words(summary) > _words(best[0]):
            best = (summary, "html" in (detail.get("type") or "html"))
    return best


def read_feed(data: bytes, source: str) -> Iterator[Document | Skipped]:
    """One Document per feed entry with usable text; a Skipped for each without.

    >>> feed = b'<rss><channel><item><title>T</title><description>' + b'word ' * 30
    >>> feed += b'</description></item></channel></rss>'
    >>> [d.title for d in read_feed(feed, "f.xml")]
    ['T']
    """
    import feedparser

    parsed = feedparser.parse(data)
    entries = parsed.get("entries") or []
    if not entries:
        if parsed.get("bozo"):
            err = parsed.get("bozo_exception")
            detail = str(err).splitlines()[0][:120] if err else "unknown error"
            yield Skipped(source, f"malformed feed: {detail}")
        else:
            yield Skipped(source, "feed has no entries")
        return
    outlet = (parsed.get("feed") or {}).get("title")
    bodies = [_content(entry)[0] for entry in entries]
    if parsed.get("bozo") and all(_words(b) < MIN_WORDS for b in bodies):
        err = parsed.get("bozo_exception")
        detail = str(err).splitlines()[0][:120] if err else "unknown error"
        yield Skipped(source, f"malformed feed: {detail}")
        return
    for number, (entry, body) in enumerate(zip(entries, bodies, strict=True), 1):
        where = f"{source}#{number}"
        if _words(body) < MIN_WORDS:
            n = _words(body)
            yield Skipped(where, f"feed entry has no usable text ({n} words; {MIN_WORDS} needed)")
            continue
        published = entry.get("published") or entry.get("updated")
        raw = "\n".join(
            str(x) for x in (entry.get("id"), entry.get("link"), entry.get("title"), body)
        ).encode("utf-8")
        yield Document(
            source=where,
            kind="feed",
            raw=raw,
            body=body,
            # feedparser calls every summary text/html; only markup needs extraction.
            is_html=bool(_TAG.search(body)),
            url=entry.get("link"),
            title=entry.get("title"),
            outlet=outlet,
            published=published,
            language=(parsed.get("feed") or {}).get("language"),
        )


def looks_like_feed(data: bytes) -> bool:
    """True when ``data`` starts like an RSS, RDF or Atom document."""
    head = data[:2048].lstrip().lower()
    return b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head
