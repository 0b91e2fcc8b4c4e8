"""Bytes to text: byte-order marks, UTF-8, else detection; binary data refused."""

from __future__ import annotations

import codecs
import re

from ..errors import InputError

# Magic numbers of formats that are never article text. Checked before decoding so
# the reason names what the file is.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive (or an Office document)"),
    (b"\x1f\x8b", "gzip data"),
    (b"BZh", "bzip2 data"),
    (b"\xfd7zXZ\x00", "xz data"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"\x7fELF", "executable (ELF)"),
    (b"MZ", "executable (Windows)"),
    (b"RIFF", "RIFF media (audio or video)"),
    (b"ID3", "MP3 audio"),
    (b"\x00\x00\x00\x18ftyp", "MP4 video"),
    (b"\x00\x00\x00\x20ftyp", "MP4 video"),
    (b"SQLite format 3\x00", "SQLite database"),
)

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def binary_reason(data: bytes) -> str | None:
    """A one-line skip reason when ``data`` is binary, else None.

    >>> binary_reason(b"%PDF-1.7")
    'binary data (PDF document), not text'
    """
    kind = sniff_binary(data)
    return None if kind is None else _binary_reason(kind)


def sniff_binary(data: bytes) -> str | None:
    """Name the binary format of ``data``, or None when it may be text.

    >>> sniff_binary(b"%PDF-1.7 ...")
    'PDF document'
    >>> sniff_binary("Plain news text.".encode()) is None
    True
    """
    for magic, name in _MAGIC:
        if data.startswith(magic):
            return name
    if any(data.startswith(bom) for bom, _ in _BOMS):
        return None
    head = data[:8192]
    if b"\x00" in head:
        return "binary data"
    if head:
        # Text has few control characters besides tab, newline, carriage return and
        # form feed; more than 10% of them in the first 8 KB means not text.
        controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
        if controls / len(head) > 0.10:
            return "binary data"
    return None


def _binary_reason(kind: str) -> str:
    return "binary data, not text" if kind == "binary data" else f"binary data ({kind}), not text"


def decode_bytes(data: bytes, declared: str | None = None) -> str:
    """Decode ``data`` to text: BOM, then ``declared`` charset, then UTF-8, then detection.

    Raises :class:`InputError` for binary data or text no charset explains.

    >>> decode_bytes("caf\\u00e9 \\u201cquoted\\u201d".encode("cp1252"))
    'café “quoted”'
    """
    kind = sniff_binary(data)
    if kind is not None:
        raise InputError(_binary_reason(kind))
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace")
    if declared:
        try:
            return data.decode(_python_codec(declared))
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration is common; fall through to detection
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    western = _western(data)
    if western is not None:
        return western
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError("undecodable text (no character set fits)")
    return str(best)


def _western(data: bytes) -> str | None:
    """``data`` as windows-1252 when that reads as Western text, else None.

    Detection guesses poorly on short texts (a cp1252 "café" can pass for Cyrillic),
    and cp1252 is by far the most common non-UTF-8 news encoding. Text in another
    single-byte code page read as cp1252 turns into mostly accented letters, so more
    than 10% non-ASCII among the letters rejects it.
    """
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return text
    non_ascii = sum(1 for c in letters if not c.isascii())
    return text if non_ascii / len(letters) <= 0.10 else None


def _python_codec(name: str) -> str:
    name = name.strip().strip("\"'").lower()
    # Browsers treat latin-1 and ascii declarations as windows-1252; so do we.
    if name in {"iso-8859-1", "latin-1", "latin1", "us-ascii", "ascii"}:
        return "cp1252"
    return codecs.lookup(name).name


_UNSAFE = re.compile("[\x00\ud800-\udfff]")


def safe_text(text: str) -> str:
    """``text`` without NUL characters and with lone surrogates (``"\\ud800"`` in JSON,
    which no UTF-8 store accepts) as U+FFFD.

    >>> safe_text("a\\x00b\\ud800c")
    'ab\\ufffdc'
    """
    return _UNSAFE.sub(lambda m: "" if m.group() == "\x00" else "\ufffd", text)
