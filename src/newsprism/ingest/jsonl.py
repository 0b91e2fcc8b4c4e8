"""JSON Lines: one article per line, field names mappable by option."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from typing import Any

from ..errors import InputError
from ..records import Document, Skipped
from .decode import decode_bytes

# Field names seen in common news exports, tried in order when no mapping is given.
ALIASES: dict[str, tuple[str, ...]] = {
    "text": ("text", "content", "body", "article", "maintext", "full_text", "description"),
    "html": ("html", "raw_html", "content_html", "body_html"),
    "title": ("title", "headline", "name"),
    "url": ("url", "link", "uri", "source_url"),
    "published": ("published", "date", "pubDate", "published_at", "date_publish", "datetime"),
    "outlet": ("outlet", "source", "publisher", "site", "site_name", "domain"),
    "language": ("language", "lang"),
}


def _field(obj: Mapping[str, Any], name: str, mapping: Mapping[str, str]) -> str | None:
    keys = (mapping[name],) if name in mapping else ALIASES[name]
    for key in keys:
        value = obj.get(key)
        if isinstance(value, dict):  # e.g. {"source": {"name": "…"}}
            value = value.get("name") or value.get("title")
        if value is not None and not isinstance(value, list | dict) and str(value).strip():
            return str(value)
    return None


def read_jsonl(
    data: bytes, source: str, mapping: Mapping[str, str] | None = None
) -> Iterator[Document | Skipped]:
    """One Document per JSON line; a bad line is one Skipped, the others go on.

    >>> [d.title for d in read_jsonl(b'{"title": "A", "text": "Body."}', "f.jsonl")]
    ['A']
    """
    mapping = mapping or {}
    try:
        text = decode_bytes(data)
    except InputError as exc:
        yield Skipped(source, str(exc))
        return
    raw_lines = text.splitlines()
    if not any(line.strip() for line in raw_lines):
        yield Skipped(source, "no JSON lines (only white space)")
        return
    for number, line in enumerate(raw_lines, 1):
        if not line.strip():
            continue
        try:
            yield _line(line, f"{source}:{number}", number, mapping)
        except Exception as exc:  # one bad line must not lose the rest of the file
            detail = str(exc).splitlines()[0][:120] if str(exc) else ""
            yield Skipped(
                f"{source}:{number}", f"line {number} failed: {type(exc).__name__}: {detail}"
            )


def _line(line: str, where: str, number: int, mapping: Mapping[str, str]) -> Document | Skipped:
    """The Document of one JSON line, or why it is not one.

    JSON nested deeper than Python's parser recurses, or an integer of more digits
    than Python converts (4,300), is a bad line like malformed JSON.
    """
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        return Skipped(where, f"malformed JSON on line {number}: {exc.msg} at column {exc.colno}")
    except RecursionError:
        return Skipped(where, f"line {number} is JSON nested too deeply to read")
    except ValueError as exc:  # e.g. an integer of more than 4,300 digits
        detail = str(exc).splitlines()[0][:100]
        return Skipped(where, f"line {number} has a value that cannot be read: {detail}")
    if not isinstance(obj, dict):
        return Skipped(where, f"line {number} is a JSON {type(obj).__name__}, not an object")
    html = _field(obj, "html", mapping)
    body = _field(obj, "text", mapping)
    if body is None and html is None:
        fields = ", ".join(sorted(obj)[:8]) or "none"
        return Skipped(where, f"line {number} has no text or html field (fields: {fields})")
    return Document(
        source=where,
        kind="jsonl",
        raw=line.encode("utf-8"),
        body=html if body is None and html is not None else str(body),
        is_html=body is None,
        url=_field(obj, "url", mapping),
        title=_field(obj, "title", mapping),
        outlet=_field(obj, "outlet", mapping),
        published=_field(obj, "published", mapping),
        language=_field(obj, "language", mapping),
    )
