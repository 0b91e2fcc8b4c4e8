"""End to end: the command a user runs, on a folder of every format plus bad inputs."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from newsprism.cli import app
from newsprism.report import report_schema

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
runner = CliRunner()


def _json_report(*args: str) -> tuple[int, dict]:
    result = runner.invoke(app, ["analyze", *args, "--format", "json"])
    data = json.loads(result.stdout) if result.stdout.strip() else {}
    return result.exit_code, data


@pytest.fixture(scope="module")
def mixed_report(shared_mixed_folder: Path) -> dict:
    code, data = _json_report(str(shared_mixed_folder), "--max-bytes", "1000000", "--no-analysis")
    assert code == 0
    return data


def test_mixed_folder_lists_every_good_article(mixed_report: dict) -> None:
    titles = {a["title"] for a in mixed_report["articles"]}
    assert "Tara Reid Checks Into Rehab" in titles
    assert "Bridge reopens after repairs" in " ".join(t or "" for t in titles)
    assert "Flood waters rise in river town" in titles
    assert "Warehouse fire in docklands" in titles
    assert "Port strike enters third day" in titles
    sources = {a["source"] for a in mixed_report["articles"]}
    assert any(s.startswith("crawl.warc.gz#") for s in sources)
    assert "legacy.txt" in sources


def test_mixed_folder_gives_one_reason_per_bad_input(mixed_report: dict) -> None:
    reasons = {s["source"]: s["reason"] for s in mixed_report["skipped"]}
    assert "image.png" in reasons and "binary" in reasons["image.png"].lower()
    assert "empty" in reasons["empty.txt"].lower()
    assert "limit" in reasons["huge.txt"].lower()
    assert "bad.xml" in reasons
    assert any(k.startswith("items.jsonl:2") for k in reasons)
    assert any(k.startswith("cut.warc.gz") for k in reasons)
    assert any(k.startswith("feed.xml#") for k in reasons)  # the entry with no text
    for reason in reasons.values():
        assert reason and "\n" not in reason and "Traceback" not in reason


def test_cp1252_text_is_decoded(mixed_report: dict) -> None:
    legacy = next(a for a in mixed_report["articles"] if a["source"] == "legacy.txt")
    assert "Café owners protest new tax" in legacy["text"]
    assert "“thousands”" in legacy["text"] and "mayor’s office" in legacy["text"]


def test_json_report_matches_the_published_schema(mixed_report: dict) -> None:
    jsonschema.validate(mixed_report, report_schema())
    assert mixed_report["schema_version"] == 1


def test_examples_report_has_metadata_and_evidence_with_exact_spans() -> None:
    code, data = _json_report(str(EXAMPLES))
    assert code == 0
    jsonschema.validate(data, report_schema())
    assert len(data["articles"]) == 5 and data["skipped"] == []
    checked = 0
    for article in data["articles"]:
        text = article["text"]
        assert article["language"] == "en"
        for meta in article["metadata"]:
            if meta["source"] == "text" and meta["start"] is not None:
                assert meta["value"] or text[meta["start"] : meta["end"]]
        analysis = article["analysis"]
        for kind in ("mentions", "quantities", "times", "quotes"):
            for item in analysis[kind]:
                assert text[item["start"] : item["end"]] == item["text"], (kind, item)
                checked += 1
    assert checked > 100


def test_no_readable_article_exits_1_with_reasons(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    result = runner.invoke(app, ["analyze", str(tmp_path), "--format", "json"])
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["articles"] == [] and data["skipped"][0]["source"] == "empty.txt"


def test_missing_path_is_skipped_not_a_crash(tmp_path: Path) -> None:
    good = tmp_path / "a.txt"
    good.write_text(
        "Storm closes schools\nSchools across the region closed on Monday as the storm "
        "brought heavy snow and winds of up to 90 km/h, the education authority said.\n"
    )
    code, data = _json_report(str(good), str(tmp_path / "nope.txt"), "--no-analysis")
    assert code == 0
    assert [s["source"] for s in data["skipped"]] == [str(tmp_path / "nope.txt")]


@pytest.mark.parametrize(
    "args",
    [
        ["analyze", "examples", "--format", "pdf"],
        ["analyze", "examples", "--date", "30/11/2025"],
        ["analyze"],
        ["analyze", "examples", "--no-such-flag"],
    ],
)
def test_usage_errors_exit_2_without_traceback(args: list[str]) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert "Traceback" not in (result.output + (result.stderr or ""))


def test_markdown_is_the_default_and_lists_skips(mixed_folder: Path) -> None:
    result = runner.invoke(app, ["analyze", str(mixed_folder), "--no-analysis"])
    assert result.exit_code == 0
    assert result.stdout.startswith("# newsprism report")
    assert "## Skipped" in result.stdout and "image.png" in result.stdout


def test_html_output_is_self_contained(tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    result = runner.invoke(
        app, ["analyze", str(EXAMPLES), "--format", "html", "-o", str(out), "--no-analysis"]
    )
    assert result.exit_code == 0
    html = out.read_text()
    assert html.startswith("<!doctype html>") and "<style>" in html
    assert "http://" not in html.split("<body>")[0] and "<script src" not in html


def test_db_run_is_idempotent(tmp_path: Path) -> None:
    from newsprism.store import open_store

    db = tmp_path / "np.db"
    for _ in range(2):
        result = runner.invoke(
            app, ["analyze", str(EXAMPLES), "--db", str(db), "--no-analysis", "-f", "json"]
        )
        assert result.exit_code == 0
    with open_store(str(db)) as store:
        assert store.count_articles() == 5


def test_stdin_and_python_m(tmp_path: Path) -> None:
    text = (EXAMPLES / sorted(p.name for p in EXAMPLES.iterdir())[0]).read_bytes()
    proc = subprocess.run(
        [sys.executable, "-m", "newsprism", "analyze", "-", "--format", "json", "--no-analysis"],
        input=text,
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["articles"][0]["source"] == "-"
    assert data["articles"][0]["text"].strip()


def test_eval_extract_prints_scores_per_extractor() -> None:
    gold = Path(__file__).resolve().parent / "gold"
    result = runner.invoke(app, ["eval", "extract", "--gold", str(gold)])
    assert result.exit_code == 0
    for name in ("entities", "quantities", "times", "quotes", "attributions"):
        assert name in result.stdout


def test_debug_shows_the_traceback_and_plain_runs_do_not(tmp_path: Path) -> None:
    bad = tmp_path / "settings.toml"
    bad.write_text("max_bytes = 'lots'\n")
    plain = runner.invoke(app, ["analyze", str(EXAMPLES), "--config", str(bad)])
    assert plain.exit_code == 2 and "Traceback" not in plain.output
    assert "whole number" in plain.output
    debug = runner.invoke(app, ["analyze", str(EXAMPLES), "--config", str(bad), "--debug"])
    assert debug.exit_code == 2 and "Traceback" in debug.output
