"""The development gold for fact comparison (tests/gold/facts/) is consistent.

Every file parses; every phrase is found exactly once in its document's cleaned
text (ECB+ read with ``read_ecbplus`` and cleaned with ``build_articles`` story by
story, as the tool reads it; the example articles ingested from ``examples/``);
every pair names two of the fact's mentioned documents; every pair of mentions has
exactly one pair; relations are agree | variant | conflict | update.
"""

from __future__ import annotations

import itertools
import json
import re
from collections import defaultdict
from pathlib import Path

import pytest

from newsprism.config import Settings
from newsprism.evaluate.stories import read_ecbplus
from newsprism.ingest import ingest
from newsprism.ingest.build import build_articles

REPO = Path(__file__).resolve().parents[2]
GOLD = REPO / "tests" / "gold" / "facts"
# <repo>/../shared/data; a worktree under <repo>/../wt/<name> finds it one level further up
DATA = next(
    (
        d
        for d in (REPO / ".." / "shared" / "data", REPO / ".." / ".." / "shared" / "data")
        if d.is_dir()
    ),
    REPO / ".." / "shared" / "data",
)
TARBALL = DATA / "ecbplus" / "ecbplus-topics-1-35.tar.gz"
RELATIONS = {"agree", "variant", "conflict", "update"}
STORY = re.compile(r"(\d+)(ecb|ecbplus)$")

if not DATA.is_dir():
    pytest.skip(f"shared data folder {DATA} is missing", allow_module_level=True)


def _gold() -> dict[str, dict]:
    return {p.name: json.loads(p.read_text("utf-8")) for p in sorted(GOLD.glob("*.json"))}


@pytest.fixture(scope="module")
def gold() -> dict[str, dict]:
    files = _gold()
    assert files, f"no gold files in {GOLD}"
    return files


@pytest.fixture(scope="module")
def texts(gold: dict[str, dict]) -> dict[tuple[str, str], str]:
    """(story, document) -> cleaned text, for the stories the gold annotates."""
    out: dict[tuple[str, str], str] = {}
    stories = {g["story"] for g in gold.values() if g["corpus"] == "ecbplus"}
    if stories:
        topics = {int(STORY.match(s).group(1)) for s in stories}  # type: ignore[union-attr]
        by_story = defaultdict(list)
        for doc, label in read_ecbplus(TARBALL, topics):
            if label in stories:
                by_story[label].append(doc)
        for story, docs in by_story.items():
            articles, _ = build_articles(docs, Settings())
            for a in articles:
                out[story, Path(a.source).stem] = a.text
            for doc in docs:
                out.setdefault((story, Path(doc.source).stem), "")
    if any(g["corpus"] == "examples" for g in gold.values()):
        for a in ingest([str(REPO / "examples")], Settings()).articles:
            out["examples", Path(a.source).name] = a.text
    return out


def test_files_have_the_format(gold: dict[str, dict]) -> None:
    for name, g in gold.items():
        assert set(g) == {"story", "corpus", "documents", "facts"}, name
        assert g["corpus"] in {"ecbplus", "examples"}, name
        if g["corpus"] == "ecbplus":
            assert name == f"{g['story']}.json", name
            assert STORY.match(g["story"]), name
        assert g["facts"], name
        ids = [f["id"] for f in g["facts"]]
        assert len(ids) == len(set(ids)), f"{name}: fact ids repeat"
        for f in g["facts"]:
            assert set(f) == {"id", "slot", "mentions", "pairs"}, (name, f.get("id"))
            assert f["slot"].strip(), (name, f["id"])
            for m in f["mentions"]:
                assert set(m) == {"doc", "phrase", "value"}, (name, f["id"], m)
                assert m["value"].strip(), (name, f["id"], m)


def test_documents_are_the_story(gold: dict[str, dict], texts: dict) -> None:
    for name, g in gold.items():
        key = "examples" if g["corpus"] == "examples" else g["story"]
        have = {d for (s, d) in texts if s == key}
        assert set(g["documents"]) == have, name
        assert len(g["documents"]) == len(set(g["documents"])), name


def test_phrases_are_found_once(gold: dict[str, dict], texts: dict) -> None:
    bad = []
    for name, g in gold.items():
        key = "examples" if g["corpus"] == "examples" else g["story"]
        for f in g["facts"]:
            for m in f["mentions"]:
                text = texts.get((key, m["doc"]))
                n = text.count(m["phrase"]) if text is not None else -1
                if n != 1:
                    bad.append(f"{name} {f['id']} {m['doc']}: found {n}x: {m['phrase']!r}")
    assert not bad, "\n".join(bad)


def test_pairs_cover_the_mentions(gold: dict[str, dict]) -> None:
    for name, g in gold.items():
        for f in g["facts"]:
            docs = [m["doc"] for m in f["mentions"]]
            where = (name, f["id"])
            assert len(docs) >= 2, where
            assert len(docs) == len(set(docs)), where
            assert set(docs) <= set(g["documents"]), where
            pairs = [frozenset(p["docs"]) for p in f["pairs"]]
            for p in f["pairs"]:
                assert len(p["docs"]) == 2 and len(set(p["docs"])) == 2, where
                assert set(p["docs"]) <= set(docs), where
                assert p["relation"] in RELATIONS, where
            assert len(pairs) == len(set(pairs)), where
            assert set(pairs) == {frozenset(c) for c in itertools.combinations(docs, 2)}, where
