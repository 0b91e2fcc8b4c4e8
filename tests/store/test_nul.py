"""A NUL character in an input ("\\u0000" in JSON Lines) is removed before cleaning, so the
article reads the same in SQLite and PostgreSQL (whose text cannot hold a NUL: a whole
``analyze --db postgresql://`` run used to fail on one such line)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsprism.config import Settings
from newsprism.report import run
from newsprism.store import open_store

LINES = [
    {
        "title": "Bridge\u0000 reopens after repairs",
        "text": "The city's main bridge reopened on Friday\u0000 after eight months of repairs "
        "that cost 12 million dollars, officials said. Traffic was light in the morning.",
    },
    {
        "title": "Port strike enters third day",
        "text": "Dock workers at the city port stayed off the job for a third day on Wednesday, "
        "leaving dozens of container ships waiting offshore, the port authority said.",
    },
]


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_a_nul_in_json_lines_is_removed_in_both_stores(
    backend: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    path = tmp_path / "items.jsonl"
    path.write_text("\n".join(json.dumps(x) for x in LINES) + "\n", encoding="utf-8")
    db = str(tmp_path / "s.db") if backend == "sqlite" else request.getfixturevalue("postgres_url")
    report = run([str(path)], Settings(db=db))
    assert len(report.articles) == 2 and not report.skipped
    with open_store(db) as store:
        stored = {a.title: a for a in store.list_articles()}
    bridge = stored["Bridge reopens after repairs"]
    assert "reopened on Friday after eight months" in bridge.text
    assert "\x00" not in bridge.text + bridge.raw
    analysis = report.analyses[bridge.id]
    for q in analysis.quantities:  # spans index the stored text
        assert bridge.text[q.span.start : q.span.end] == q.text
