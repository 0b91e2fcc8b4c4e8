"""Story clustering on real reports: same event together, same kind of event apart,
translations with their originals; batch and incremental; state survives a restart."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from newsprism.cluster.engine import StoryClusterer, dump_state, load_state
from newsprism.cluster.features import TERM_SPACE, Signature, make_signature, terms
from newsprism.evaluate.stories import bcubed
from newsprism.report import Report, run

DATA = Path(__file__).resolve().parents[1] / "data" / "stories"


def _names(report: Report) -> list[set[str]]:
    return [{Path(report.article(i).source).name for i in s.article_ids} for s in report.stories]


@pytest.fixture
def ecb(ecbplus_report: Report) -> Report:
    """The 40 reports of ``DATA / "ecbplus"``, run once per session (conftest)."""
    return ecbplus_report


@pytest.fixture(scope="module")
def meantime() -> Report:
    return run([str(DATA / "meantime")])


def test_content_words_leave_out_stop_words_and_figures_in_the_articles_language() -> None:
    from newsprism.cluster.features import content_words

    english = content_words(
        "The receiver was arrested on suspicion of drunken driving, police said."
    )
    assert set(english) == {
        "receiver",
        "arrested",
        "suspicion",
        "drunken",
        "driving",
        "police",
        "said",
    }  # "said" is no stop word: in a large batch its rarity (none) weighs it
    french = content_words("Le séisme a détruit les maisons de l'île, selon les autorités.", "fr")
    assert {"seisme", "detruit", "maisons", "autorites"} <= set(french)
    assert not {"le", "les", "de", "selon"} & set(french)


def test_a_small_batch_is_compared_on_names_and_a_large_one_on_words_too(ecb: Report) -> None:
    """Until a collection shows which words are rare, the words two reports share are those
    of their kind of event; from IDF_TRUST_DOCS articles on, content words count in full."""
    from newsprism.cluster import signature_of
    from newsprism.cluster.engine import IDF_TRUST_DOCS, NAME_SHARE, exact_lexical

    def channel(s: Signature, words: bool) -> Signature:
        keep = (s.ids >= TERM_SPACE) == words
        return replace(s, ids=s.ids[keep], counts=s.counts[keep])

    sigs = [signature_of(a, ecb.analyses[a.id]) for a in ecb.articles]
    pair = sigs[:2]
    names = exact_lexical([channel(s, False) for s in pair])
    assert np.abs(exact_lexical(pair) - names).max() < 0.05
    big = sigs * (IDF_TRUST_DOCS // len(sigs) + 1)
    names = exact_lexical([channel(s, False) for s in big])
    words = exact_lexical([channel(s, True) for s in big])
    assert np.allclose(exact_lexical(big), NAME_SHARE * names + (1 - NAME_SHARE) * words)


def test_the_incremental_clusterer_folds_the_batchs_exact_comparison(ecb: Report) -> None:
    """Stories kept as small dense vectors (hashed buckets) compare articles nearly as the
    batch does on exact term ids."""
    from newsprism.cluster import signature_of
    from newsprism.cluster.engine import exact_lexical

    sigs = [signature_of(a, ecb.analyses[a.id]) for a in ecb.articles]
    clusterer = StoryClusterer()
    clusterer.fit_frequencies(sigs)
    folded = np.stack([clusterer.vectors(s)[0] for s in sigs])
    exact = exact_lexical(sigs)
    upper = np.triu_indices(len(sigs), 1)
    assert np.corrcoef((folded @ folded.T)[upper], exact[upper])[0, 1] > 0.9


def test_names_and_numbers_are_what_clustering_compares() -> None:
    found = terms(
        "Rescuers in Bam dug through rubble on Friday. The 6.6 quake killed 26,000 people.\n"
        "Officials in Tehran said aid was on its way."
    )
    assert {"bam", "6.6", "26000", "tehran"} <= set(found)
    # sentence openers and calendar words are not names (the publication day says when)
    assert not {"rescuers", "the", "officials", "friday"} & set(found)


def test_a_timestamp_line_takes_no_place_in_the_lead_but_its_year_does() -> None:
    from newsprism.cluster.features import signature_terms

    counts = signature_terms(
        None,
        "Wladimir Klitschko retains belts\n"
        "Updated: July 7, 2012, 10:04 PM ET\n"
        "Wladimir Klitschko stopped Tony Thompson in the sixth round to keep a comfortable hold "
        "on his WBA, IBF and WBO heavyweight titles Saturday night.\n"
        "The 36-year-old champion Klitschko floored Thompson with a big right hand.",
    )
    assert counts["wba"] == counts["ibf"] == 3  # the lead's names, counted three times
    assert counts["2012"] == 3  # the year says when: a figure of the lead
    assert counts["04"] == counts["10"] == 1  # the clock matches only other figures


def test_two_rehab_stays_two_fires_two_fights_and_two_deaths_of_one_kind_stay_apart(
    ecb: Report,
) -> None:
    stories = _names(ecb)
    for topic in ("1", "7", "14", "28"):
        for story in stories:
            halves = {re.sub(r"^\d+_\d+", "", n) for n in story if n.startswith(f"{topic}_")}
            assert len(halves) <= 1, f"topic {topic}: two events merged in {sorted(story)}"


def _gold(name: str) -> str:
    m = re.match(r"(\d+)_\d+(ecbplus|ecb)\.txt", name)
    assert m
    return m.group(1) + m.group(2)


def test_ecbplus_fixture_bcubed_floor(ecb: Report) -> None:
    gold = {}
    predicted = {}
    for n, story in enumerate(_names(ecb)):
        for name in story:
            gold[name] = _gold(name)
            predicted[name] = str(n)
    score = bcubed(predicted, gold)
    # measured P 0.914, R 0.963, F1 0.938 when pinned. The one miss: topic 20's two
    # earthquakes on one island three years apart (5.6 and 5.9 magnitudes, the same
    # villages and officials) are one story. Earlier versions kept them apart only through
    # the hash buckets their names happened to share (with any other hash seed they merged
    # them too); the batch now compares exact term ids.
    assert score.f1 >= 0.93 and score.precision >= 0.9 and score.recall >= 0.95


def test_one_event_told_from_several_angles_stays_one_story() -> None:
    """ECB+ topic 22: a 1967 double murder in Staunton, Virginia, solved in 2008 (9 reports:
    some name the suspect, some call her "a 60-year-old woman", some lead on her release
    without bail), and a 2010 workplace shooting at a Philadelphia plant with its trial two
    years later (14 reports). Each told from a few angles: the split between two angles,
    seen in two or three reports, looks as deep as the one between the two killings, and
    the cohesion test used to cut both events into five stories (BCubed F1 0.75)."""
    report = run([str(DATA / "ecbplus22")])
    stories = _names(report)
    for story in stories:
        assert len({_gold(n) for n in story}) == 1, f"two killings merged: {sorted(story)}"
    shooting = [s for s in stories if any("ecbplus" in n for n in s)]
    assert len(shooting) == 1 and len(shooting[0]) == 14  # the trial with its shooting
    predicted = {n: str(k) for k, story in enumerate(stories) for n in story}
    score = bcubed(predicted, {n: _gold(n) for n in predicted})
    # measured P 1.0, R 0.865, F1 0.927 when pinned: two of the murder's reports, both
    # calling the suspect "a 60-year-old woman" and telling of her illness, are a story
    assert score.f1 >= 0.9


def test_reports_reprinted_by_many_outlets_stay_one_story(ecb: Report) -> None:
    """Four reports of one supermarket fire, each reprinted three times (outlets cut the last
    paragraphs): sixteen articles, four origins, one event. Counted as sixteen, each report's
    prints resemble each other far more than they resemble the other reports, and the
    cohesion test used to split the event into one story per report."""
    from newsprism.cluster import cluster_signatures, signature_of

    sigs = [signature_of(a, ecb.analyses[a.id]) for a in ecb.articles]
    names = [Path(a.source).name for a in ecb.articles]
    event = [i for i, name in enumerate(names) if re.fullmatch(r"14_\d+ecb\.txt", name)]
    for i in event:
        article, original = ecb.articles[i], sigs[i]
        lines = article.text.split("\n")
        for cut in (1, 2, 3):
            text = "\n".join(lines[: max(2, len(lines) - cut)])
            sigs.append(
                make_signature(
                    f"{article.id}-{cut}", article.title, text, original.lead, original.day
                )
            )
    labels = cluster_signatures(sigs)
    reprints = range(len(ecb.articles), len(sigs))
    assert len(event) == 4 and len(reprints) == 12
    assert len({labels[i] for i in [*event, *reprints]}) == 1
    other = [i for i, name in enumerate(names) if re.fullmatch(r"14_\d+ecbplus\.txt", name)]
    assert labels[other[0]] != labels[event[0]]  # the other supermarket fire stays apart


def test_a_large_batch_finds_its_stories_through_the_candidate_index(
    ecb: Report, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Beyond SCAN_LIMIT stories the clusterer compares an article only with the stories its
    lead's nearest neighbours belong to. A batch clustered one article at a time (as batches
    over EXACT_BATCH are) must put its articles in that index as it goes: it used not to, so
    past the limit every article found no candidate and opened a story of its own."""
    import newsprism.cluster.engine as engine
    from newsprism.cluster import signature_of

    sigs = [signature_of(a, ecb.analyses[a.id]) for a in ecb.articles]

    def stories() -> int:
        clusterer = StoryClusterer(expected=len(sigs))
        clusterer.fit_frequencies(sigs)
        return len(set(clusterer.cluster(sigs)))

    scanned = stories()
    monkeypatch.setattr(engine, "SCAN_LIMIT", 3)  # the index from the fourth story on
    assert scanned <= 15 and stories() <= scanned + 3


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
