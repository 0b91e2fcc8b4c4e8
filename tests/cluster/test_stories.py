"""Story clustering on real reports: same event together, same kind of event apart,
translations with their originals; batch and incremental; state survives a restart."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest

from newsprism.cluster.engine import StoryClusterer, dump_state, load_state
from newsprism.cluster.features import make_signature, terms
from newsprism.evaluate.stories import bcubed
from newsprism.report import Report, run

DATA = Path(__file__).resolve().parents[1] / "data" / "stories"


def _names(report: Report) -> list[set[str]]:
    return [{Path(report.article(i).source).name for i in s.article_ids} for s in report.stories]


@pytest.fixture(scope="module")
def ecb() -> Report:
    return run([str(DATA / "ecbplus")])


@pytest.fixture(scope="module")
def meantime() -> Report:
    return run([str(DATA / "meantime")])


def test_names_and_numbers_are_what_clustering_compares() -> None:
    found = terms(
        "Rescuers in Bam dug through rubble on Friday. The 6.6 quake killed 26,000 people.\n"
        "Officials in Tehran said aid was on its way."
    )
    assert {"bam", "6.6", "26000", "tehran"} <= set(found)
    # sentence openers and calendar words are not names (the publication day says when)
    assert not {"rescuers", "the", "officials", "friday"} & set(found)


def test_two_earthquakes_and_two_fires_of_one_kind_stay_apart(ecb: Report) -> None:
    stories = _names(ecb)
    for topic in ("1", "14", "20"):
        for story in stories:
            halves = {re.sub(r"^\d+_\d+", "", n) for n in story if n.startswith(f"{topic}_")}
            assert len(halves) <= 1, f"topic {topic}: two events merged in {sorted(story)}"


def test_ecbplus_fixture_bcubed_floor(ecb: Report) -> None:
    gold = {}
    predicted = {}
    for n, story in enumerate(_names(ecb)):
        for name in story:
            m = re.match(r"(\d+)_\d+(ecbplus|ecb)\.txt", name)
            assert m
            gold[name] = m.group(1) + m.group(2)
            predicted[name] = str(n)
    score = bcubed(predicted, gold)
    # measured 0.98 (P 1.00, R 0.96) when pinned: the cohesion cut keeps topics 7 and 28
    # (same champion, same scandal, two events each) apart; one report stays on its own
    assert score.f1 >= 0.95 and score.precision >= 0.95 and score.recall >= 0.90


def test_a_translation_joins_the_story_of_its_original(meantime: Report) -> None:
    stories = _names(meantime)
    for english in (DATA / "meantime").glob("en_*.txt"):
        spanish = english.name.replace("en_", "es_", 1)
        [home] = [s for s in stories if english.name in s]
        assert spanish in home, f"{spanish} is not with {english.name}"
    # different events of different companies stay apart
    for a, b in (
        ("en_gm_1007169.txt", "en_gm_118147.txt"),
        ("en_apple_101354.txt", "en_stock_112579.txt"),
    ):
        assert not any(a in s and b in s for s in stories)


def test_articles_published_weeks_apart_are_not_one_event() -> None:
    text = "Flood waters rose in Valencia on Monday, officials said. 12 people died."
    vec = np.ones(512, dtype=np.float32) / np.sqrt(512)
    a = make_signature("a", None, text, vec, day=19000, language="en")
    b = make_signature("b", None, text, vec, day=19001, language="en")
    c = make_signature("c", None, text, vec, day=19090, language="en")
    clusterer = StoryClusterer()
    assert [clusterer.add(s) for s in (a, b, c)] == [0, 0, 1]


def test_incremental_state_survives_a_restart(ecb: Report) -> None:
    from newsprism.cluster import signature_of

    sigs = [signature_of(a, ecb.analyses[a.id]) for a in ecb.articles]
    whole = StoryClusterer()
    labels = [whole.add(s) for s in sigs]
    half = StoryClusterer()
    first = [half.add(s) for s in sigs[:20]]
    restored, ids = load_state(dump_state(half, [f"story-{i}" for i in range(half.size)]))
    assert ids == [f"story-{i}" for i in range(half.size)]
    rest = [restored.add(s) for s in sigs[20:]]
    assert first + rest == labels


def test_hnsw_and_exact_indexes_agree_on_nearest_leads() -> None:
    from newsprism.cluster.index import ExactIndex, HNSWIndex

    rng = np.random.default_rng(3)
    vectors = rng.normal(size=(500, 64)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    exact, graph = ExactIndex(64), HNSWIndex(64)
    for index in (exact, graph):
        index.add(np.arange(500), vectors)
        index.remove(np.array([0, 1]))
    queries = vectors[:20] + rng.normal(scale=0.05, size=(20, 64)).astype(np.float32)
    near_exact = exact.search(queries, 5)
    near_graph = graph.search(queries, 5)
    assert len(exact) == len(graph) == 498
    assert all(0 not in row and 1 not in row for row in near_exact + near_graph)
    hits = sum(len(set(a) & set(b)) for a, b in zip(near_exact, near_graph, strict=True))
    assert hits >= 0.9 * 5 * 20  # 8-bit HNSW recall@5 vs the exact scan
    assert graph.search(queries[:1], 3)[0] == near_graph[0][:3]
