"""Where inputs come from: files, folders, stdin and URLs, dispatched by format."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

from ..config import Settings
from ..records import Document, Skipped
from .decode import binary_reason
from .feed import looks_like_feed, read_feed
from .fetch import fetch_url
from .jsonl import read_jsonl
from .text import read_html, read_text
from .warc import read_warc

TEXT_EXT = {".txt", ".text", ".md", ".markdown"}
HTML_EXT = {".html", ".htm", ".xhtml", ".shtml"}
JSONL_EXT = {".jsonl", ".ndjson", ".json-lines"}
FEED_EXT = {".xml", ".rss", ".atom", ".feed", ".rdf"}
WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")


def _size_reason(size: int, limit: int) -> str:
    return (
        f"file is {size / 1e6:.1f} MB, over the {limit / 1e6:g} MB limit "
        "(raise max_bytes to read it)"
    )


def read_bytes(
    data: bytes, source: str, name: str, settings: Settings
) -> Iterator[Document | Skipped]:
    """Read ``data`` by the file name's extension, else by sniffing its content."""
    lower = name.lower()
    if not data:
        yield Skipped(source, "empty file")
        return
    if lower.endswith(WARC_SUFFIXES):
        yield from read_warc(data, source)
        return
    suffix = Path(lower).suffix
    if suffix in JSONL_EXT:
        yield from read_jsonl(data, source, settings.jsonl_fields)
        return
    binary = binary_reason(data)
    if binary is not None:
        yield Skipped(source, binary)
        return
    if suffix in FEED_EXT or (suffix not in TEXT_EXT | HTML_EXT and looks_like_feed(data)):
        yield from read_feed(data, source)
    elif suffix in HTML_EXT or (suffix not in TEXT_EXT and _looks_like_html(data)):
        yield from read_html(data, source)
    else:
        yield from read_text(data, source)


def _looks_like_html(data: bytes) -> bool:
    head = data[:2048].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html")) or b"<body" in head


def _read_file(path: Path, source: str, settings: Settings) -> Iterator[Document | Skipped]:
    try:
        size = path.stat().st_size
        if size > settings.max_bytes:
            yield Skipped(source, _size_reason(size, settings.max_bytes))
            return
        data = path.read_bytes()
    except OSError as exc:
        yield Skipped(source, f"cannot read: {exc.strerror or exc}".rstrip())
        return
    yield from read_bytes(data, source, path.name, settings)


def _walk(root: Path) -> Iterator[Path]:
    for dirpath, dirnames, filenames in os.walk(root):
        # Hidden folders and files (.git, .DS_Store) are never articles.
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if not name.startswith("."):
                yield Path(dirpath) / name


def read_sources(
    paths: Sequence[str], settings: Settings, *, stdin: BinaryIO | None = None
) -> Iterator[Document | Skipped]:
    """Every Document (or Skipped) from files, folders (recursively), URLs and ``-`` (stdin).

    A file given directly keeps its path as ``source``; files found in a folder are
    named relative to it. Nothing raises for bad input: each failure is a Skipped.

    >>> [type(x).__name__ for x in read_sources(["no/such/file.txt"], Settings())]
    ['Skipped']
    """
    for given in paths:
        try:
            yield from _read_one(given, settings, stdin)
        except Exception as exc:  # a reader bug must not end the batch
            yield Skipped(given, f"ingest failed: {type(exc).__name__}: {exc}"[:200])


def _read_one(
    given: str, settings: Settings, stdin: BinaryIO | None
) -> Iterator[Document | Skipped]:
    if given == "-":
        if stdin is None:
            yield Skipped("-", "stdin was named but not available")
            return
        data = stdin.read(settings.max_bytes + 1)
        if len(data) > settings.max_bytes:
            yield Skipped("-", _size_reason(len(data), settings.max_bytes))
            return
        yield from read_bytes(data, "-", "-", settings)
        return
    if given.lower().startswith(("http://", "https://")):
        yield from fetch_url(given, settings)
        return
    path = Path(given)
    if path.is_dir():
        for file in _walk(path):
            yield from _read_file(file, file.relative_to(path).as_posix(), settings)
    elif path.exists():
        yield from _read_file(path, given, settings)
    else:
        yield Skipped(given, "no such file or directory")
