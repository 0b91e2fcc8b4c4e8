"""Differently worded statements of one fact land in one fact and are compared, on real
reports (ECB+ topic 20, the "ecbplus" half: eleven reports of one earthquake, and the
gold of tests/gold/facts/20ecbplus.json). The alignment models fitted on the dev gold
join them; the ones fitted on ECB+ coreference alone left each pair below in no fact
together. (The pairs are in that gold: this pins the behaviour; bench/fit_alignment.py
measures it on topics left out of the fit.)"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsprism.analyze.pipeline import analyze_articles
from newsprism.config import Settings
from newsprism.evaluate.facts import _find, read_documents
from newsprism.ingest.build import build_articles
from newsprism.reconcile import reconcile
from newsprism.reconcile.claims import pair_relation
from newsprism.records import Article, Story

REPO = Path(__file__).resolve().parents[2]
DATA = next(
    (
        d
        for d in (REPO / ".." / "shared" / "data", REPO / ".." / ".." / "shared" / "data")
        if d.is_dir()
    ),
    REPO / ".." / "shared" / "data",
)
TARBALL = DATA / "ecbplus" / "ecbplus-topics-1-35.tar.gz"

if not TARBALL.is_file():
    pytest.skip(f"ECB+ tarball {TARBALL} is missing", allow_module_level=True)


def _story(name: str) -> tuple[list[Article], Story]:
    gold = json.loads((REPO / "tests" / "gold" / "facts" / f"{name}.json").read_text("utf-8"))
    articles, _ = build_articles(read_documents(gold, REPO, TARBALL), Settings())
    return articles, reconcile(articles, analyze_articles(articles, Settings()))


@pytest.fixture(scope="module")
def quake() -> tuple[list[Article], Story]:
    return _story("20ecbplus")


@pytest.fixture(scope="module")
def pirates() -> tuple[list[Article], Story]:
    """ECB+ topic 12, the "ecbplus" half: eleven reports of one navy operation."""
    return _story("12ecbplus")


def _relation(quake: tuple[list[Article], Story], *held: tuple[str, str]) -> str | None:
    """The relation the story gives two reports' phrases: that of the fact holding both
    (the most severe when several do), None when no fact holds both."""
    articles, story = quake
    spots = []
    for doc, phrase in held:
        art = next(a for a in articles if Path(a.source).name.startswith(doc + "."))
        found = _find(art.text, phrase)
        assert found, phrase
        spots.append((art.id, *found))
    found_relations = []
    for f in story.facts:
        if all(
            any(st.span.article_id == aid and st.span.start < e and s < st.span.end
                for st in f.statements)
            for aid, s, e in spots
        ):  # fmt: skip
            found_relations.append(pair_relation(f.comparisons, spots[0][0], spots[1][0]))
    if not found_relations:
        return None
    order = ["agree", "variant", "update", "conflict"]
    return max(found_relations, key=order.index)


@pytest.mark.parametrize(
    ("first", "second", "relation"),
    [
        # the distance from the capital: 1,500 km against 1,150 km
        (
            ("20_2ecbplus", "1, 500 kilometers south of Tehran"),
            ("20_4ecbplus", "located 1, 150 kilometers (700 miles) southeast of Tehran"),
            "conflict",
        ),
        # the wounded: "as many as 80" and "at least 50" can both hold
        (
            ("20_2ecbplus", "As many as 80 people were also wounded."),
            ("20_11ecbplus", "Ten people were killed and at least 50 injured"),
            "variant",
        ),
    ],
)
def test_differently_worded_values_of_one_fact_are_compared(
    quake: tuple[list[Article], Story],
    first: tuple[str, str],
    second: tuple[str, str],
    relation: str,
) -> None:
    assert _relation(quake, first, second) == relation


def test_counts_of_different_things_in_aligned_sentences_are_not_compared(
    pirates: tuple[list[Article], Story],
) -> None:
    # both say 26 crew; "three boats" is the count of another thing, and comparing it with
    # the 26 made a conflict the two reports do not hold (the claim model keeps the two
    # counts in different slots)
    relation = _relation(
        pirates,
        ("12_2ecbplus", "The three boats had a total of 26 Somali crew onboard."),
        ("12_11ecbplus", "They had 26 crewmen aboard, all Somalian nationals."),
    )
    assert relation == "agree"
