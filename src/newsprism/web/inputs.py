"""Turn what a client sends (JSON, an upload, pasted text, a URL) into ingested articles.

Every path ends in the same ingest code as ``newsprism analyze``: uploads and
pasted text are read as in-memory files, URLs and feeds are fetched.
"""

from __future__ import annotations

import json
import re
from typing import Any

from ..config import Settings
from ..records import IngestResult
from .errors import ApiError

ACCEPTED = (
    "application/json, multipart/form-data, application/x-www-form-urlencoded, "
    "text/plain, text/html, application/rss+xml, application/atom+xml"
)
_RAW_TYPES = {
    "text/plain": ".txt",
    "text/markdown": ".md",
    "text/html": ".html",
    "application/xhtml+xml": ".html",
    "application/rss+xml": ".xml",
    "application/atom+xml": ".xml",
    "application/xml": ".xml",
    "text/xml": ".xml",
}
_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


def media_type(content_type: str | None) -> str:
    """``text/html; charset=utf-8`` -> ``text/html``."""
    return (content_type or "").split(";")[0].strip().lower()


def safe_name(name: str | None, default: str) -> str:
    """A file name from a client, reduced to a harmless base name.

    >>> safe_name("../../etc/passwd", "upload.txt")
    'passwd'
    >>> safe_name("", "upload.txt")
    'upload.txt'
    """
    base = (name or "").replace("\\", "/").rsplit("/", 1)[-1]
    base = _SAFE_NAME.sub("_", base).strip("._")
    return base[:120] or default


def is_url(text: str) -> bool:
    return bool(re.fullmatch(r"https?://\S+", text.strip()))


def from_url(url: str, settings: Settings) -> IngestResult:
    from ..ingest import ingest

    if not is_url(url):
        raise ApiError(422, "invalid_url", f"not an http(s) URL: {url[:200]!r}")
    return ingest([url.strip()], settings)


def from_text(text: str, title: str | None, settings: Settings) -> IngestResult:
    """Pasted text, with an optional title put on its first line."""
    from ..ingest import ingest_bytes

    body = text.strip()
    if not body:
        raise ApiError(422, "empty_text", "the pasted text is empty")
    if title and title.strip():
        body = f"{title.strip()}\n\n{body}"
    return ingest_bytes([(body.encode("utf-8"), "pasted text", "pasted.txt")], settings)


def from_json(data: bytes, settings: Settings) -> IngestResult:
    """A JSON body: one article ``{"text": …, "title": …, "published": …, "url": …}``,
    a list of them, ``{"articles": [...]}``, or ``{"url": "…"}`` to fetch a page or feed."""
    from ..ingest import ingest_bytes

    try:
        body = json.loads(data)
    except json.JSONDecodeError as exc:
        raise ApiError(
            400,
            "malformed_json",
            f"malformed JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})",
        ) from None
    except UnicodeDecodeError:
        raise ApiError(400, "malformed_json", "the JSON body is not UTF-8") from None
    items: Any = body.get("articles", body) if isinstance(body, dict) else body
    if isinstance(items, dict):
        if "url" in items and not any(k in items for k in ("text", "body", "content")):
            return from_url(str(items["url"]), settings)
        items = [items]
    if not isinstance(items, list) or not items:
        raise ApiError(422, "invalid_request", "send an article object, a list of them, or a url")
    lines = []
    for n, item in enumerate(items, 1):
        if not isinstance(item, dict):
            raise ApiError(422, "invalid_request", f"article {n} is not a JSON object")
        lines.append(json.dumps(item, ensure_ascii=False))
    raw = ("\n".join(lines) + "\n").encode("utf-8")
    return ingest_bytes([(raw, "api", "api.jsonl")], settings)


def from_raw(data: bytes, ctype: str, settings: Settings) -> IngestResult:
    """A raw body in one of the text, HTML or feed media types."""
    from ..ingest import ingest_bytes

    ext = _RAW_TYPES.get(ctype)
    if ext is None:
        raise ApiError(415, "unsupported_media_type", f"cannot read {ctype!r}; send {ACCEPTED}")
    return ingest_bytes([(data, f"upload ({ctype})", "body" + ext)], settings)


def from_files(files: list[tuple[str | None, bytes]], settings: Settings) -> IngestResult:
    """Uploaded files, read by their extension or content like files on disk."""
    from ..ingest import ingest_bytes

    items = []
    for n, (name, data) in enumerate(files, 1):
        safe = safe_name(name, f"upload-{n}.txt")
        items.append((data, f"upload:{safe}", safe))
    return ingest_bytes(items, settings)


def merge(results: list[IngestResult]) -> IngestResult:
    articles = tuple(a for r in results for a in r.articles)
    skipped = tuple(s for r in results for s in r.skipped)
    return IngestResult(articles, skipped)
