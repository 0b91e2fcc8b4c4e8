"""Name variants across outlets: spellings of one name meet, look-alike names do not."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsprism.analyze.embed import embed_texts, pack
from newsprism.evaluate.names import evaluate_names, format_names
from newsprism.reconcile.entities import build_entities
from newsprism.reconcile.names import skeletons_agree
from newsprism.records import Analysis, Mention, Sentence, Span

GOLD = Path(__file__).resolve().parents[1] / "gold" / "names" / "pairs.jsonl"
FLOORS = {"precision": 0.95, "recall": 0.85}


def test_the_name_gold_meets_its_floors() -> None:
    results = evaluate_names(GOLD)
    s = results["names"]
    assert s.pairs >= 24 and 0 < s.variants < s.pairs
    assert s.precision >= FLOORS["precision"], format_names(results)
    assert s.recall >= FLOORS["recall"], format_names(results)


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("heidar alishvandi", "heydar alishbandi", True),  # ei/ey, v/b
        ("gulf of aden", "gulf of eden", True),
        ("duncan rait", "duncan raite", True),
        (
            "internationally recognised transit corridor",
            "internationally recognized transit corridor",
            True,
        ),
        ("klistchko", "klitschko", True),  # two letters swapped in a long name
        ("jackman", "jackson", False),
        ("reggie bush", "george bush", False),
        ("boston", "briton", False),
        ("los angeles angels", "los angeles times", False),
    ],
)
def test_skeletons_of_spellings_agree_and_of_other_names_do_not(a: str, b: str, same: bool) -> None:
    assert skeletons_agree(a, b) is same


def _article(aid: str, sentences: list[tuple[str, str]]) -> Analysis:
    """An analysis of ``sentences``, each (text, the name it mentions as a PERSON)."""
    sents, mentions, pos = [], [], 0
    for text, name in sentences:
        sents.append(Sentence(Span(aid, pos, pos + len(text)), text))
        at = pos + text.index(name)
        mentions.append(Mention(Span(aid, at, at + len(name)), name, "PERSON", name.casefold()))
        pos += len(text) + 1
    vectors = embed_texts([t for t, _ in sentences])
    return Analysis(aid, tuple(sents), tuple(mentions), embeddings=pack(vectors),
                    embedding_dim=vectors.shape[1])  # fmt: skip


# ECB+ topic 20 (an earthquake on an island): two outlets spell the governor two ways.
ONE = ("Qeshm Gov. Heidar Alishvandi said 50 were injured.", "Heidar Alishvandi")
OTHER = ("Heydar Alishbandi, Governor of Qeshm island, said five villages had been badly hit.",
         "Heydar Alishbandi")  # fmt: skip


def test_two_outlets_spellings_of_one_governor_are_one_entity() -> None:
    entities, _ = build_entities([_article("a", [ONE]), _article("b", [OTHER])])
    people = [e for e in entities if e.type == "PERSON"]
    assert len(people) == 1
    assert set(people[0].aliases) == {"Heidar Alishvandi", "Heydar Alishbandi"}


def test_two_spellings_in_one_article_stay_two_names() -> None:
    entities, _ = build_entities([_article("a", [ONE, OTHER])])
    assert len([e for e in entities if e.type == "PERSON"]) == 2


def test_the_gold_pairs_were_read_from_texts() -> None:
    for line in GOLD.read_text("utf-8").splitlines():
        pair = json.loads(line)
        for side in (pair["a"], pair["b"]):
            assert side["name"] in side["sentence"] or side["name"].split()[-1] in side["sentence"]
