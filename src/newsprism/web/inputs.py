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


# Articles per request. The analysis runs ~20 articles a second on two cores
# (bench/analyze.py) while the one write lock is held, so 200 keep an addition
# near ten seconds; larger batches belong to `newsprism analyze --db` or `watch`.
MAX_ARTICLES = 200
# JSON nesting: an article is an object in a list in an object (3 levels); 32 leaves
# room for metadata and stays far from the parser's recursion limit.
MAX_DEPTH = 32
# Digits in a JSON integer: Python refuses to convert over 4,300 (CVE-2020-10735);
# no field of an article needs more than a few.
MAX_INT_DIGITS = 30


def _big_int(text: str) -> int:
    digits = len(text.lstrip("-"))
    if digits > MAX_INT_DIGITS:
        raise ApiError(
            400, "malformed_json", f"a number of {digits:,} digits; at most {MAX_INT_DIGITS}"
        )
    return int(text)


def _constant(name: str) -> float:
    raise ApiError(400, "malformed_json", f"{name} is not a JSON number")


def parse_json(data: bytes) -> Any:
    r"""Decode a JSON body, refusing (400) what would break later code or the store.

    Too deep a nesting, integers too long to convert, NaN/Infinity and lone
    UTF-16 surrogates (``"\ud800"``: no UTF-8 encoding, so no store takes
    it) are refused; NUL characters are removed from strings, since PostgreSQL
    text cannot hold them and SQLite then must not either.

    >>> parse_json(b'{"text": "a\\u0000b"}')
    {'text': 'ab'}
    """
    try:
        body = json.loads(data, parse_int=_big_int, parse_constant=_constant)
    except json.JSONDecodeError as exc:
        raise ApiError(
            400,
            "malformed_json",
            f"malformed JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})",
        ) from None
    except UnicodeDecodeError:
        raise ApiError(400, "malformed_json", "the JSON body is not UTF-8") from None
    except RecursionError:
        raise ApiError(400, "malformed_json", _too_deep()) from None
    return _checked(body)


def _too_deep() -> str:
    return f"JSON nested more than {MAX_DEPTH} levels deep"


def _checked(body: Any) -> Any:
    """``body`` with NULs removed from its strings; 400 on depth or lone surrogates.

    Walks with an explicit stack, so depth cannot exhaust Python's recursion.
    """

    def clean(text: str) -> str:
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            raise ApiError(
                400, "malformed_json", "a string holds a lone UTF-16 surrogate (e.g. \\ud800)"
            ) from None
        return text.replace("\x00", "")

    if isinstance(body, str):
        return clean(body)
    root: list[Any] = [body]
    stack: list[tuple[Any, int]] = [(root, 0)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise ApiError(400, "malformed_json", _too_deep())
        if isinstance(node, dict):
            for key in list(node):
                value = node.pop(key)
                node[clean(key)] = clean(value) if isinstance(value, str) else value
                if isinstance(value, (dict, list)):
                    stack.append((value, depth + 1))
        elif isinstance(node, list):
            for i, value in enumerate(node):
                if isinstance(value, str):
                    node[i] = clean(value)
                elif isinstance(value, (dict, list)):
                    stack.append((value, depth + 1))
    return root[0]


def json_articles(data: bytes) -> str | list[dict[str, Any]]:
    """A JSON body as the URL to fetch (``{"url": …}``) or the article objects it holds:
    one article, a list of them, or ``{"articles": [...]}`` (at most MAX_ARTICLES)."""
    body = parse_json(data)
    items: Any = body.get("articles", body) if isinstance(body, dict) else body
    if isinstance(items, dict):
        if "url" in items and not any(k in items for k in ("text", "body", "content")):
            url = items["url"]
            if not isinstance(url, str) or not is_url(url):
                raise ApiError(422, "invalid_url", f"not an http(s) URL: {str(url)[:200]!r}")
            return url.strip()
        items = [items]
    if not isinstance(items, list) or not items:
        raise ApiError(422, "invalid_request", "send an article object, a list of them, or a url")
    check_count(len(items))
    for n, item in enumerate(items, 1):
        if not isinstance(item, dict):
            raise ApiError(422, "invalid_request", f"article {n} is not a JSON object")
    return items


def check_count(n: int) -> None:
    """413 when one request holds more articles than MAX_ARTICLES."""
    if n > MAX_ARTICLES:
        raise ApiError(
            413,
            "too_many_articles",
            f"the request holds {n:,} articles; send at most {MAX_ARTICLES} per request "
            "(larger batches: newsprism analyze --db or newsprism watch)",
        )


def from_items(items: list[dict[str, Any]], settings: Settings) -> IngestResult:
    """Article objects, read as the lines of a JSON Lines file."""
    from ..ingest import ingest_bytes

    lines = [json.dumps(item, ensure_ascii=False) for item in items]
    raw = ("\n".join(lines) + "\n").encode("utf-8")
    return ingest_bytes([(raw, "api", "api.jsonl")], settings)


def from_json(data: bytes, settings: Settings) -> IngestResult:
    """A JSON body: one article ``{"text": …, "title": …, "published": …, "url": …}``,
    a list of them, ``{"articles": [...]}``, or ``{"url": "…"}`` to fetch a page or feed."""
    found = json_articles(data)
    if isinstance(found, str):
        return from_url(found, settings)
    return from_items(found, settings)


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
