"""Translations are copies: the four language versions of a MEANTIME article are one
origin, with the evidence "translation of …"; different articles of one topic are not."""

from __future__ import annotations

import json
import os
from itertools import combinations
from pathlib import Path

import pytest

from newsprism.analyze.pipeline import analyze_articles
from newsprism.config import Settings
from newsprism.evaluate.meantime import read_meantime
from newsprism.ingest import build_articles
from newsprism.reconcile.origins import find_origins
from newsprism.reconcile.translations import MODEL_PATH
from newsprism.records import Analysis, Article

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("NEWSPRISM_SHARED_DATA", ROOT.parent / "shared" / "data"))


@pytest.fixture(scope="module")
def versions() -> tuple[list[Article], list[Analysis], dict[str, str]]:
    docs = list(read_meantime(SHARED / "meantime", {"gm"}))
    keys = sorted({d.key for d in docs})[:4]  # four articles of one topic, in four languages
    chosen = [d for d in docs if d.key in keys]
    articles, skipped = build_articles([d.document() for d in chosen], Settings())
    assert skipped == []
    key = {a.id: next(d.key for d in chosen if d.source == a.source) for a in articles}
    return articles, analyze_articles(articles, Settings(), processes=1, embed=True), key


def test_the_language_versions_of_an_article_are_one_origin(
    versions: tuple[list[Article], list[Analysis], dict[str, str]],
) -> None:
    articles, analyses, key = versions
    origin_of = {aid: o for o in find_origins(articles, analyses) for aid in o.article_ids}
    for a, b in combinations(articles, 2):
        if key[a.id] == key[b.id]:
            assert origin_of[a.id] is origin_of[b.id], (a.source, b.source)
        else:
            assert origin_of[a.id] is not origin_of[b.id], (a.source, b.source)
    evidence = [ev for o in set(origin_of.values()) for *_, ev in o.copies]
    assert evidence and all(ev.startswith("translation of ") for ev in evidence)
    # same date, no credit: the evidence says the direction is not known
    assert all("not known" in ev for ev in evidence)


def test_without_embeddings_a_translation_is_not_guessed(
    versions: tuple[list[Article], list[Analysis], dict[str, str]],
) -> None:
    articles, _, _ = versions
    bare = [Analysis(a.id) for a in articles]
    assert all(len(o.article_ids) == 1 for o in find_origins(articles, bare))


def test_the_decision_says_what_it_was_fitted_on_and_how_it_held_out() -> None:
    about = json.loads(MODEL_PATH.read_text("utf-8"))
    assert about["features"] and len(about["weights"][0]) == len(about["features"])
    held = {g for f in about["folds"] for g in f["held_out"]}
    assert {"meantime-airbus", "meantime-apple", "meantime-gm", "meantime-stock"} <= held
    assert min(f["recall"] for f in about["folds"]) >= 0.85
    assert sum(f["false_merges"] for f in about["folds"]) == 0
