"""The hostile-input generator: every kind of input that once hung, crashed or took the
machine's memory, written at test time (nothing large is committed). Large inputs are
streamed (gzip of zeros, written a megabyte at a time) or made of one repeated sentence.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
ESCAPE = ROOT / "tests" / "data" / "escape"
MB = 1_000_000

# One real news paragraph (ECB+ topic 3, tests/data/escape), the unit of long texts.
SENTENCES = " ".join(
    p.read_text(encoding="utf-8").replace("\n", " ") for p in sorted(ESCAPE.glob("*.txt"))[:2]
)

PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>{title}</title></head><body><article><h1>{title}</h1>
<p>Flood waters rose by more than two metres in the river town overnight, forcing
about 300 residents from their homes, the county council said on {day}.</p>
<p>"We have never seen the river this high," said the mayor, who urged people
to stay away from the banks while crews worked through the night.</p>
</article></body></html>"""


def page(title: str, day: str = "Monday") -> bytes:
    return PAGE.format(title=title, day=day).encode("utf-8")


def _record(url: str, payload: bytes) -> bytes:
    """One WARC response record (uncompressed) of an HTML payload."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=False)
    headers = StatusAndHeaders(
        "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
    )
    rec = writer.create_warc_record(
        url, "response", payload=io.BytesIO(payload), http_headers=headers
    )
    writer.write_record(rec)
    return buf.getvalue()


def write_bomb_warc(path: Path, zeros: int) -> None:
    """A ``.warc.gz``: a page, a record of ``zeros`` zero bytes said to be HTML, a page.
    Each record is its own gzip member; the zeros are compressed a megabyte at a time."""
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"
    header = (
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://a.example.org/zeros\r\n"
        "WARC-Date: 2024-03-04T08:00:00Z\r\n"
        "WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-000000000000>\r\n"
        "Content-Type: application/http; msgtype=response\r\n"
        f"Content-Length: {len(http) + zeros}\r\n\r\n"
    ).encode("ascii")
    with path.open("wb") as out:
        out.write(gzip.compress(_record("https://a.example.org/before", page("Before the bomb"))))
        with gzip.GzipFile(fileobj=out, mode="wb", compresslevel=1) as gz:
            gz.write(header + http)
            chunk = bytes(MB)
            left = zeros
            while left:
                gz.write(chunk[: min(MB, left)])
                left -= min(MB, left)
            gz.write(b"\r\n\r\n")
        out.write(gzip.compress(_record("https://a.example.org/after", page("After the bomb"))))


def write_cut_warc(path: Path) -> None:
    """An uncompressed WARC: a whole record, then one cut 300 bytes before its end."""
    whole = _record("https://b.example.org/whole", page("A whole record"))
    cut = _record("https://b.example.org/cut", page("A record cut short") + b" " * 400)
    path.write_bytes(whole + cut[: len(cut) - 300])


def write_bad_jsonl(path: Path) -> dict[int, str]:
    """JSON Lines with a bad line of every kind between good ones; what each line is."""
    text = "Officials said the bridge would reopen next week after repairs that took months. " * 2
    lines = {
        1: json.dumps({"title": "Good line one", "text": "First. " + text}),
        2: "[" * 100_000 + "]" * 100_000,
        3: '{"title": "huge", "n": ' + "9" * 5_000 + ', "text": "x"}',
        4: '{"title": "broken", "text": ',
        5: json.dumps({"title": "Lone surrogate", "text": "Second. " + text + "\ud800"}),
        6: json.dumps({"title": "A NUL inside", "text": "Third.\u0000 " + text}),
        7: json.dumps({"title": "Good line last", "text": "Last. " + text}),
    }
    path.write_text("\n".join(lines[i] for i in sorted(lines)) + "\n", encoding="utf-8")
    return {
        1: "good",
        2: "deep",
        3: "huge integer",
        4: "malformed",
        5: "surrogate",
        6: "nul",
        7: "good",
    }


def write_deep(folder: Path, levels: int) -> Path:
    """``levels`` nested folders with an article at the bottom; returns the bottom file."""
    here = folder
    for _ in range(levels):
        here = here / "d"
        os.mkdir(here)
    bottom = here / "bottom.txt"
    bottom.write_bytes(sorted(EXAMPLES.glob("*.txt"))[2].read_bytes())
    return bottom


def remove_deep(folder: Path) -> None:
    """Remove a folder made by :func:`write_deep`, bottom up (``shutil.rmtree`` recurses
    once per level, past Python's recursion limit)."""
    levels = [folder]
    while (levels[-1] / "d").is_dir():
        levels.append(levels[-1] / "d")
    for level in reversed(levels):
        for entry in level.iterdir():
            if not entry.is_dir():
                entry.unlink()
        level.rmdir()


def write_too_long_path(folder: Path) -> str:
    """Folders nested until their path is longer than the system allows, so listing the
    last one fails for every user (root included); returns its name relative to ``folder``."""
    name = "n" * 250
    parts: list[str] = []
    fd = os.open(folder, os.O_RDONLY)
    try:
        while len(str(folder)) + sum(len(p) + 1 for p in parts) <= 4200:
            os.mkdir(name, dir_fd=fd)
            nxt = os.open(name, os.O_RDONLY, dir_fd=fd)
            os.close(fd)
            fd = nxt
            parts.append(name)
    finally:
        os.close(fd)
    return "/".join(parts)


@dataclass(frozen=True)
class Hostile:
    """The hostile folder and what is in it."""

    folder: Path
    jsonl: dict[int, str]
    long_chars: int  # the one-line article analyzed in blocks
    too_long_chars: int  # the one-line text over max_chars
    unreadable: str


def build_hostile_folder(folder: Path, *, long_chars: int = 500_000) -> Hostile:
    """One folder of every hostile input beside good articles."""
    folder.mkdir(parents=True, exist_ok=True)
    for p in sorted(EXAMPLES.glob("*.txt"))[:2]:
        (folder / f"good_{p.name}").write_bytes(p.read_bytes())
    os.mkfifo(folder / "pipe.txt")
    (folder / "zero.txt").symlink_to("/dev/zero")
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(folder / "socket.txt"))
    sock.close()
    (folder / "loop").symlink_to(folder)
    (folder / "a_deep").mkdir()
    write_deep(folder / "a_deep", 1_500)
    (folder / "b_after").mkdir()
    (folder / "b_after" / "after.txt").write_bytes(sorted(EXAMPLES.glob("*.txt"))[3].read_bytes())
    (folder / "c_locked").mkdir()
    unreadable = "c_locked/" + write_too_long_path(folder / "c_locked")
    jsonl = write_bad_jsonl(folder / "lines.jsonl")
    write_cut_warc(folder / "cut.warc")
    write_bomb_warc(folder / "bomb.warc.gz", 200 * MB)
    long = (SENTENCES + " ") * (long_chars // (len(SENTENCES) + 1) + 1)
    (folder / "long_one_line.txt").write_text(
        "One long line\n" + long[:long_chars], encoding="utf-8"
    )
    too_long = 1_200_000
    (folder / "too_long.txt").write_text((SENTENCES + " ") * (too_long // len(SENTENCES) + 1))
    return Hostile(
        folder, jsonl, long_chars, len((folder / "too_long.txt").read_text()), unreadable
    )


@dataclass(frozen=True)
class Ran:
    """A finished command: exit code, output, and its own peak memory."""

    code: int
    stdout: str
    stderr: str
    peak_mb: float
    timed_out: bool


MEASURE = Path(__file__).with_name("measure.py")


def measured(
    command: list[str], result: Path, *, timeout: float = 600.0, limit_gb: float = 4.0
) -> list[str]:
    """``command`` run through the small launcher ``measure.py``, which writes the
    command's own peak RSS to ``result`` (see there why a launcher)."""
    return [sys.executable, str(MEASURE), str(result), str(timeout), str(limit_gb), "--",
            *command]  # fmt: skip


def read_measure(result: Path) -> tuple[int, float, bool]:
    """(exit code, peak RSS in MB, timed out) as the launcher wrote them."""
    found = json.loads(result.read_text(encoding="utf-8"))
    return int(found["code"]), float(found["peak_mb"]), bool(found["timed_out"])


def run_measured(
    args: list[str],
    *,
    limit_gb: float = 4.0,
    timeout: float = 600.0,
    cwd: Path | None = None,
    src: Path | None = None,
) -> Ran:
    """Run ``python -m newsprism *args`` under an address-space limit (a guard: the
    machine is shared) and return its peak RSS, read from the kernel's accounting of
    that one command (``wait4`` in the launcher), not of this test process."""
    env = {**os.environ, "PYTHONPATH": str(src or ROOT / "src")}
    out_path = Path(tempfile.mkdtemp(prefix="newsprism-run-")) / "run"
    result = out_path.with_suffix(".json")
    command = [sys.executable, "-m", "newsprism", *args]
    with open(f"{out_path}.out", "wb") as out, open(f"{out_path}.err", "wb") as err:
        subprocess.run(
            measured(command, result, timeout=timeout, limit_gb=limit_gb),
            stdout=out,
            stderr=err,
            stdin=subprocess.DEVNULL,
            env=env,
            cwd=cwd,
            timeout=timeout + 120,
            check=False,
        )
    code, peak_mb, timed_out = read_measure(result)
    stdout = Path(f"{out_path}.out").read_text(encoding="utf-8", errors="replace")
    stderr = Path(f"{out_path}.err").read_text(encoding="utf-8", errors="replace")
    shutil.rmtree(out_path.parent, ignore_errors=True)
    return Ran(code, stdout, stderr, peak_mb, timed_out)
