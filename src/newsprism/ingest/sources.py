"""Where inputs come from: files, folders, stdin and URLs, dispatched by format."""

from __future__ import annotations

import os
import stat
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
        yield from read_warc(data, source, settings.max_bytes)
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


def _kind(mode: int) -> str:
    """What a file that is not a regular file is, in words."""
    for test, name in (
        (stat.S_ISFIFO, "a named pipe (FIFO)"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISDIR, "a folder"),
    ):
        if test(mode):
            return name
    return "not a regular file"


def _read_file(path: Path, source: str, settings: Settings) -> Iterator[Document | Skipped]:
    """A regular file's bytes, read no further than ``max_bytes``: a pipe, a device
    (``/dev/zero``) or a socket, or a link to one, is skipped, never read (a pipe would
    block forever and a device may never end)."""
    try:
        mode = os.stat(path).st_mode
        if not stat.S_ISREG(mode):
            yield Skipped(source, f"{_kind(mode)}, not a regular file; not read")
            return
        # O_NONBLOCK: should the path become a pipe after the check, opening it
        # does not wait for a writer; fstat below then refuses it.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
        with os.fdopen(fd, "rb") as f:
            info = os.fstat(f.fileno())
            if not stat.S_ISREG(info.st_mode):
                yield Skipped(source, f"{_kind(info.st_mode)}, not a regular file; not read")
                return
            if info.st_size > settings.max_bytes:
                yield Skipped(source, _size_reason(info.st_size, settings.max_bytes))
                return
            data = f.read(settings.max_bytes + 1)  # the file may have grown
    except OSError as exc:
        yield Skipped(source, f"cannot read: {exc.strerror or exc}".rstrip())
        return
    if len(data) > settings.max_bytes:
        yield Skipped(source, _size_reason(len(data), settings.max_bytes))
        return
    yield from read_bytes(data, source, path.name, settings)


def _walk(root: Path) -> Iterator[tuple[Path, bool, str | None]]:
    """Every file under ``root`` as ``(path, False, None)``, and every folder that cannot
    be listed or is not followed as ``(path, True, reason)``; in the order of a sorted
    top-down walk (a folder's files, then its sub-folders).

    Iterative, so a folder of any depth costs no recursion. Hidden folders and files
    (.git, .DS_Store) are never articles. A link to a folder is reported, not followed:
    it could lead back up the tree.
    """
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            with os.scandir(folder) as listing:
                entries = sorted(
                    (e for e in listing if not e.name.startswith(".")), key=lambda e: e.name
                )
        except OSError as exc:
            yield folder, True, f"cannot read folder: {exc.strerror or exc}"
            continue
        folders: list[Path] = []
        for entry in entries:
            path = Path(entry.path)
            try:
                if entry.is_dir(follow_symlinks=False):
                    folders.append(path)
                elif entry.is_symlink() and entry.is_dir():
                    yield path, True, "a link to a folder; not followed (name it to read it)"
                else:
                    yield path, False, None
            except OSError as exc:
                yield path, False, f"cannot read: {exc.strerror or exc}"
        stack.extend(reversed(folders))


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
        for found, folder, reason in _walk(path):
            name = given if found == path else found.relative_to(path).as_posix()
            if reason is None:
                yield from _read_file(found, name, settings)
            else:
                yield Skipped(f"{name.rstrip('/')}/" if folder else name, reason)
    elif path.exists() or path.is_symlink():
        yield from _read_file(path, given, settings)
    else:
        yield Skipped(given, "no such file or directory")
