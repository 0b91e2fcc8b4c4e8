"""Big stories take shortcuts (copies collapsed, candidates from blocking) that must give
the answer of comparing everything with everything."""

from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path

import pytest

from newsprism.analyze.embed import embed_texts
from newsprism.reconcile.blocking import OverlapIndex, candidate_pairs
from newsprism.reconcile.entities import build_entities
from newsprism.reconcile.quotes import Said, _said, _speaker_entity, affinity, group_renderings
from newsprism.records import Quote, Span
from newsprism.report import Report, run

ROOT = Path(__file__).resolve().parents[2]


def _all_pairs(said: list[Said]) -> list[list[int]]:
    """The greedy rule of :func:`group_renderings`, each quote compared with every member
    of every group."""
    groups: list[list[int]] = []
    for i, s in enumerate(said):
        best, best_score = None, 0.0
        for g in groups:
            if any(said[k].quote.span.article_id == s.quote.span.article_id for k in g):
                continue
            score = max(affinity(said[k], s) for k in g)
            if score > best_score:
                best, best_score = g, score
        if best is not None:
            best.append(i)
        else:
            groups.append([i])
    return groups


@pytest.fixture(scope="module")
def reports() -> list[list[tuple[Quote, str | None]]]:
    """The quotes of real reports (the examples and a second story), with speakers."""
    report = run([str(ROOT / "examples"), str(ROOT / "tests" / "data" / "escape")], one_story=True)
    analyses = [report.analyses[a.id] for a in report.articles]
    _entities, entity_of = build_entities(analyses)
    return [[(q, _speaker_entity(q, x, entity_of)) for q in x.quotes] for x in analyses]


def _edit(q: Quote, rng: random.Random, pool: list[str]) -> Quote:
    """A local edit of a quote, as an outlet makes one: a word dropped or replaced."""
    words = q.text.split()
    i = rng.randrange(len(words))
    if rng.random() < 0.5 and len(words) > 3:
        del words[i]
    else:
        words[i] = rng.choice(pool)
    return replace(q, text=" ".join(words))


def _story(
    reports: list[list[tuple[Quote, str | None]]], n: int, seed: int
) -> list[tuple[Quote, str | None]]:
    """``n`` reports: copies of the real ones, some with local edits, some dropping quotes,
    some losing their speakers."""
    rng = random.Random(seed)
    pool = [w for r in reports for q, _ in r for w in q.text.split()]
    out = []
    for k in range(n):
        base = rng.choice(reports)
        style = rng.random()
        for q, sid in base:
            q = replace(q, span=Span(f"r{k}", q.span.start, q.span.end))
            if style > 0.6 and rng.random() < 0.3:
                q = _edit(q, rng, pool)
            if style > 0.85 and rng.random() < 0.4:
                continue
            if style < 0.1:
                sid = None
            out.append((q, sid))
    return out


@pytest.mark.parametrize(("n", "seed"), [(5, 1), (12, 2), (25, 3), (50, 4)])
def test_quote_groups_of_a_big_story_equal_the_all_pairs_answer(
    reports: list[list[tuple[Quote, str | None]]], n: int, seed: int
) -> None:
    quotes = _story(reports, n, seed)
    texts = sorted({q.text for q, _ in quotes})
    by_text = dict(zip(texts, embed_texts(texts), strict=True))
    said = [_said(q, sid, {q.span: by_text[q.text]}) for q, sid in quotes]
    exact = _all_pairs(said)
    assert group_renderings(said) == exact
    # a real test: copies joined across reports, and more than one utterance
    assert len(exact) > 3 and max(len(g) for g in exact) >= 2 + n // 12


def test_overlap_index_misses_no_pair_that_passes() -> None:
    rng = random.Random(7)
    vocabulary = [f"w{i}" for i in range(300)]
    weights = [1 / (i + 1) for i in range(300)]  # a few common words, many rare ones
    sets = [set(rng.choices(vocabulary, weights, k=rng.randint(1, 12))) for _ in range(400)]
    for threshold, min_size in [(0.5, 3), (0.8, 1), (0.34, 2)]:
        passing = {
            (i, j)
            for i in range(len(sets))
            for j in range(i + 1, len(sets))
            if min(len(sets[i]), len(sets[j])) >= min_size
            and len(sets[i] & sets[j]) / min(len(sets[i]), len(sets[j])) >= threshold
        }
        found = set(candidate_pairs(sets, threshold, min_size))
        assert passing <= found
        # and blocking leaves most pairs out
        assert len(found) < 0.5 * len(sets) * (len(sets) - 1) / 2
    index = OverlapIndex(sets, 0.5, 3)
    assert all(i in index.candidates(i) for i, s in enumerate(sets) if len(s) >= 3)


def test_reprinted_sentences_are_aligned_once_and_join_their_originals_facts() -> None:
    from newsprism.reconcile.blocking import copies_of, expand

    base = (ROOT / "examples" / "000_3d9ebadd12fa7263.txt").read_text().split(". ")[:6]
    # three reprints of one wire article: one trims a sentence, one adds its own
    reprints = [base, base[:3] + base[4:], [*base, "Our reporter adds a line of her own"]]
    texts = [t for r in reprints for t in r]
    articles = [f"a{k}" for k, r in enumerate(reprints) for _ in r]
    copy = copies_of(texts, articles, {"a0": "wire", "a1": "wire", "a2": "wire"})
    kept = [k for k, c in enumerate(copy) if c is None]
    assert [texts[k] for k in kept] == [*base, "Our reporter adds a line of her own"]
    # the aligner puts the original's first sentence with the third reprint's own one
    own = len(kept) - 1
    groups = expand([[0, own], *([k] for k in range(1, own))], kept, copy, articles)
    assert sorted(k for g in groups for k in g) == list(range(len(texts)))
    assert all(len({articles[k] for k in g}) == len(g) for g in groups)  # one per article
    first = next(g for g in groups if 0 in g)
    assert [articles[k] for k in first] == ["a0", "a1", "a2"]  # a2 by its own sentence
    assert [len(g) for g in groups if texts[g[0]] == base[0]] == [3, 1]  # a2's copy alone
    assert [len(g) for g in groups if texts[g[0]] == base[3]] == [2]  # a1 trimmed it


def _facts(report: Report, article_ids: set[str]) -> dict[str, set[frozenset[tuple[str, int]]]]:
    """Each kind of fact (sentence facts "f", value checks "v") as sets of statements,
    statements of articles outside ``article_ids`` left out."""
    out: dict[str, set[frozenset[tuple[str, int]]]] = {"f": set(), "v": set()}
    for f in report.stories[0].facts:
        held = frozenset((s.span.article_id, s.span.start) for s in f.statements
                         if s.span.article_id in article_ids)  # fmt: skip
        out[f.id[0]].add(held)
    return out


def test_reprints_join_their_originals_facts_and_change_no_other(tmp_path: Path) -> None:
    """A wire story reprinted by other outlets (word for word, with a credit line of
    their own) is aligned once: every reprinted sentence joins the fact of the sentence
    it copies, and the account of the originals is the one they give alone."""
    originals = sorted((ROOT / "examples").glob("*.txt"))
    alone = run([str(p) for p in originals], one_story=True)
    for p in originals:
        (tmp_path / p.name).write_text(p.read_text("utf-8"), "utf-8")
    for k, p in enumerate(originals[:2] * 2):  # two wire stories, each reprinted twice
        text = p.read_text("utf-8").rstrip("\n")
        (tmp_path / f"reprint{k}.txt").write_text(f"{text}\n\nVia wire desk {k}.\n", "utf-8")
    both = run([str(tmp_path)], one_story=True)
    assert len(both.articles) == len(originals) + 4
    ids = {a.id for a in alone.articles}
    assert ids <= {a.id for a in both.articles}
    # the originals' facts, statement for statement, with the reprints' sentences aside
    assert _facts(both, ids) == _facts(alone, ids)
    # every reprinted sentence is in the fact of the sentence it copies, with its summary
    texts = {a.id: a.text for a in both.articles}
    story = both.stories[0]
    of_original = {
        (texts[s.span.article_id][s.span.start : s.span.end]): f
        for f in story.facts if f.id.startswith("f")
        for s in f.statements if s.span.article_id in ids
    }  # fmt: skip
    reprinted = [s for f in story.facts if f.id.startswith("f") for s in f.statements
                 if s.span.article_id not in ids]  # fmt: skip
    assert len(reprinted) > 20
    for s in reprinted:
        home = next(f for f in story.facts if f.id.startswith("f") and s in f.statements)
        assert home is of_original[s.text]

    # reprints are not independent: no fact counts more origins than without them
    def support(r: Report) -> dict[tuple[str, frozenset[Span]], tuple[int, str]]:
        return {
            (f.id[0], frozenset(s.span for s in f.statements if s.span.article_id in ids)):
            (f.independent_sources, f.status)
            for f in r.stories[0].facts
        }  # fmt: skip

    assert support(both) == support(alone)
