"""``newsprism analyze`` on one folder of every hostile input (tests/hostile/make.py)
beside good articles: each bad input is one skip with its reason, the good ones are all
read and analyzed, nothing hangs, and the run's peak memory stays bounded."""

from __future__ import annotations

import itertools
import json
import re
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .make import EXAMPLES, Hostile, Ran, build_hostile_folder, remove_deep, run_measured

# The target of issue 20: peak RSS of ``analyze`` under 1.5 GB on every hostile input.
PEAK_MB = 1_500


@pytest.fixture(scope="module")
def batch() -> Iterator[tuple[Hostile, Ran, dict[str, Any]]]:
    # Outside pytest's own temporary folders: should a run be killed before the deep
    # folder is removed, pytest's later clean-up (which recurses once per level) never
    # meets it.
    root = Path(tempfile.mkdtemp(prefix="newsprism-hostile-"))
    hostile = build_hostile_folder(root / "in")
    try:
        ran = run_measured(
            ["analyze", str(hostile.folder), "--format", "json"],
            timeout=900,
            cwd=hostile.folder.parent,
        )
        assert not ran.timed_out, "analyze did not finish (a pipe or device read forever?)"
        assert ran.code == 0, ran.stderr[-2000:]
        yield hostile, ran, json.loads(ran.stdout)
    finally:
        remove_deep(hostile.folder / "a_deep")
        shutil.rmtree(root, ignore_errors=True)


def _reasons(report: dict[str, Any]) -> dict[str, str]:
    return {s["source"]: s["reason"] for s in report["skipped"]}


def _sources(report: dict[str, Any]) -> set[str]:
    return {a["source"] for a in report["articles"]}


def test_peak_memory_stays_bounded(batch: tuple[Hostile, Ran, dict[str, Any]]) -> None:
    _, ran, report = batch
    # the inputs that took the memory before were all read: the long text analyzed,
    # the over-long one measured, the bomb's record opened
    assert "long_one_line.txt" in _sources(report)
    assert {"too_long.txt", "bomb.warc.gz#https://a.example.org/zeros"} <= set(_reasons(report))
    assert ran.peak_mb < PEAK_MB, f"peak RSS {ran.peak_mb:.0f} MB"


def test_every_good_article_is_read_and_analyzed(
    batch: tuple[Hostile, Ran, dict[str, Any]],
) -> None:
    _, _, report = batch
    sources = _sources(report)
    good = {f"good_{p.name}" for p in sorted(EXAMPLES.glob("*.txt"))[:2]}
    assert good <= sources
    assert "b_after/after.txt" in sources  # the folder after the deep one
    assert any(s.startswith("a_deep/d/d/") and s.endswith("bottom.txt") for s in sources)
    assert {"lines.jsonl:1", "lines.jsonl:7"} <= sources
    assert {
        "bomb.warc.gz#https://a.example.org/before",
        "bomb.warc.gz#https://a.example.org/after",
        "cut.warc#https://b.example.org/whole",
    } <= sources
    for article in report["articles"]:
        analysis = article["analysis"]
        assert analysis["notes"] == [] and analysis["sentences"], article["source"]


def test_a_long_one_line_text_is_analyzed_whole_with_exact_spans(
    batch: tuple[Hostile, Ran, dict[str, Any]],
) -> None:
    hostile, _, report = batch
    article = next(a for a in report["articles"] if a["source"] == "long_one_line.txt")
    text, analysis = article["text"], article["analysis"]
    assert len(text) >= hostile.long_chars * 0.95
    sentences = analysis["sentences"]
    # analyzed to its end, in blocks whose spans index the whole text
    assert sentences[-1][1] >= len(text) - 200
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(sentences))
    assert len(analysis["mentions"]) > 100
    for item in analysis["mentions"] + analysis["quantities"] + analysis["quotes"]:
        assert text[item["start"] : item["end"]] == item["text"]


def test_a_text_over_max_chars_is_skipped_with_its_length(
    batch: tuple[Hostile, Ran, dict[str, Any]],
) -> None:
    _, _, report = batch
    reason = _reasons(report)["too_long.txt"]
    assert re.search(r"text is [\d,]+ characters .* over the 1,000,000 limit", reason)
    assert "max_chars" in reason


@pytest.mark.parametrize(
    ("source", "says"),
    [
        ("pipe.txt", "named pipe"),
        ("zero.txt", "character device"),
        ("socket.txt", "socket"),
        ("loop/", "link to a folder"),
    ],
)
def test_only_regular_files_are_read(
    batch: tuple[Hostile, Ran, dict[str, Any]], source: str, says: str
) -> None:
    _, _, report = batch
    assert says in _reasons(report)[source]


def test_an_unreadable_folder_is_reported(batch: tuple[Hostile, Ran, dict[str, Any]]) -> None:
    hostile, _, report = batch
    reasons = _reasons(report)
    folder = next(s for s in reasons if s.startswith("c_locked/"))
    assert hostile.unreadable.startswith(folder.rstrip("/"))
    assert reasons[folder].startswith("cannot read folder:")


def test_bad_json_lines_are_skipped_one_by_one(
    batch: tuple[Hostile, Ran, dict[str, Any]],
) -> None:
    hostile, _, report = batch
    reasons = _reasons(report)
    assert "nested too deeply" in reasons["lines.jsonl:2"]
    assert "4300 digits" in reasons["lines.jsonl:3"]
    assert "malformed JSON on line 4" in reasons["lines.jsonl:4"]
    articles = {a["source"]: a for a in report["articles"]}
    # a lone surrogate becomes U+FFFD and a NUL is dropped: both still articles
    assert "\ufffd" in articles["lines.jsonl:5"]["text"]
    assert "\x00" not in articles["lines.jsonl:6"]["text"]
    good = [n for n, kind in hostile.jsonl.items() if kind in {"good", "surrogate", "nul"}]
    assert {f"lines.jsonl:{n}" for n in good} <= set(articles)


def test_warc_records_cut_short_or_inflating_past_the_limit_are_skipped(
    batch: tuple[Hostile, Ran, dict[str, Any]],
) -> None:
    _, _, report = batch
    reasons = _reasons(report)
    assert "cut short" in reasons["cut.warc#https://b.example.org/cut"]
    assert "once decompressed" in reasons["bomb.warc.gz#https://a.example.org/zeros"]


def test_every_skip_reason_is_one_line(batch: tuple[Hostile, Ran, dict[str, Any]]) -> None:
    _, _, report = batch
    for reason in _reasons(report).values():
        assert reason and "\n" not in reason and "Traceback" not in reason


def test_a_gzipped_archive_stops_at_its_decompressed_limit(tmp_path: Path) -> None:
    from newsprism.config import Settings
    from newsprism.ingest import ingest

    from .make import MB, write_bomb_warc

    write_bomb_warc(tmp_path / "bomb.warc.gz", 30 * MB)
    # max_bytes 1 MB: a record may inflate to 1 MB, the archive to 20 MB
    result = ingest([str(tmp_path / "bomb.warc.gz")], Settings(max_bytes=MB))
    assert [a.title for a in result.articles] == ["Before the bomb"]
    record, archive = result.skipped
    assert "over the 1 MB limit once decompressed" in record.reason
    # passing over the rest of that record inflates the archive past 20 MB: it stops
    assert archive.source == str(tmp_path / "bomb.warc.gz")
    assert "stopped after 2 records: over 20 MB once decompressed" in archive.reason


@pytest.mark.parametrize("engine", ["process", "dask"])
def test_invalid_worker_counts_are_usage_errors(tmp_path: Path, engine: str) -> None:
    ran = run_measured(
        ["analyze", str(EXAMPLES), "--processes", "-3", "--engine", engine],
        timeout=120,
        cwd=tmp_path,
    )
    assert not ran.timed_out
    assert ran.code == 2
    assert "usage error" in ran.stderr and "--processes -3" in ran.stderr
    ran = run_measured(
        ["watch", str(EXAMPLES), "--once", "--processes", "0", "--db", str(tmp_path / "w.db")],
        timeout=120,
        cwd=tmp_path,
    )
    assert ran.code == 2 and "--processes 0" in ran.stderr
