"""Fact alignment reads a big story's pairs of claims and statements over arrays; what it
decides must be what the per-pair rules decide, on every pair of real reports (the
examples, three flood reports that disagree on tolls and three quake reports)."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt
import pytest

from newsprism.analyze.claims import ANNOUNCING, predicate_class
from newsprism.analyze.embed import unpack
from newsprism.analyze.roles import ROLE
from newsprism.dates import MONTH_PATTERN
from newsprism.reconcile import align, pairs
from newsprism.reconcile.align import (
    claim_features,
    claim_groups,
    claim_pairs,
    group,
    near_words,
    probabilities,
    value_key,
)
from newsprism.reconcile.claims import Said, compatible, compatible_pairs
from newsprism.reconcile.date_rules import (
    day_of_report_year,
    one_day_either_way,
    one_held_by_other,
    span_of_one_occurrence,
    written_years,
)
from newsprism.reconcile.entities import build_entities
from newsprism.reconcile.facts import statements_of
from newsprism.records import Claim, Span, Statement
from newsprism.report import run

ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Story:
    statements: list[Statement]
    vectors: npt.NDArray[np.float32]
    entity_of: dict[Span, str]
    p: npt.NDArray[np.float64]


@pytest.fixture(scope="module")
def story() -> Story:
    folders = [ROOT / "examples", *(ROOT / "tests" / "data" / f for f in ("flood", "quake"))]
    report = run([str(f) for f in folders], one_story=True, processes=1)
    analyses = [report.analyses[a.id] for a in report.articles]
    texts = {a.id: a.text for a in report.articles}
    _entities, entity_of = build_entities(analyses)
    statements, rows = [], []
    for a in analyses:
        vectors = unpack(a.embeddings, a.embedding_dim or 512)
        for st, i in statements_of(a, texts[a.article_id], entity_of):
            statements.append(st)
            rows.append(vectors[i])
    vectors = np.stack(rows)
    return Story(statements, vectors, entity_of, probabilities(statements, vectors))


def _claims(story: Story) -> list[tuple[int, int]]:
    return [(s, k) for s, st in enumerate(story.statements) for k in range(len(st.claims))]


_COUNTED = frozenset({"count", "measure"})


def _other_nouns(a: Claim, b: Claim) -> bool:
    """Two counts of different named nouns (align._counted_elsewhere, pair by pair)."""
    return (a.kind in _COUNTED and b.kind in _COUNTED and a.thing is not None
            and b.thing is not None and a.thing != b.thing)  # fmt: skip


def _counts(st: Statement, thing: str | None) -> bool:
    return any(d.kind in _COUNTED and d.thing == thing for d in st.claims)


def test_every_candidate_pair_of_claims_has_the_features_of_the_per_pair_rule(
    story: Story,
) -> None:
    sts = story.statements
    claims, found, x = claim_pairs(sts, story.p, story.entity_of, story.vectors)
    assert claims == _claims(story)
    expected, rows = [], []
    for n, (si, ki) in enumerate(claims):
        a = sts[si].claims[ki]
        for sj, kj in claims[n + 1 :]:
            b = sts[sj].claims[kj]
            if sts[si].span.article_id == sts[sj].span.article_id or a.kind != b.kind:
                continue
            if (a.unit or "") != (b.unit or ""):
                continue
            if ROLE in {a.thing, b.thing}:
                continue  # a post named with a person is no candidate for a value check
            if a.subset != b.subset:
                continue  # a part or a running total is no value of the whole count
            if _other_nouns(a, b) and (_counts(sts[sj], a.thing) or _counts(sts[si], b.thing)):
                continue  # the other sentence counts this noun itself
            expected.append((si, ki, sj, kj))
            sim = float(story.vectors[si] @ story.vectors[sj])
            near = (near_words(a, sts[si]), near_words(b, sts[sj]))
            rows.append(claim_features(a, b, float(story.p[si, sj]), story.entity_of, sim, near))
    assert found == expected
    assert x.tobytes() == np.array(rows, dtype=np.float64).tobytes()
    # a real test: conflicting and agreeing values, words near them shared or not
    assert len(found) > 1000
    for name in ("same_value", "values_overlap", "one_slot_by_rule", "thing_near"):
        column = x[:, align.CLAIM_FEATURES.index(name)]
        assert 0 < column.sum() < len(column), name


def test_compatible_over_arrays_is_compatible_on_every_pair_of_claims(story: Story) -> None:
    said = [
        Said(c.span.article_id, c, story.entity_of.get(c.mention) if c.mention else None, None)
        for st in story.statements
        for c in st.claims
    ]
    x, y = np.triu_indices(len(said), 1)
    found = compatible_pairs(said, x, y)
    assert found.tolist() == [compatible(said[i], said[j]) for i, j in zip(x, y, strict=True)]
    assert 0 < found.sum() < len(found)


def _join_claims(story: Story) -> list[list[tuple[int, int]]]:
    """The greedy rule of :func:`claim_groups`, pair by pair in Python."""
    sts = story.statements
    claims, found, x = claim_pairs(sts, story.p, story.entity_of, story.vectors)
    m = align.claim_model()
    prob = m.scores(align.named(x, align.CLAIM_FEATURES, m))[:, m.classes.index("same")]
    index = {c: n for n, c in enumerate(claims)}
    score: dict[tuple[int, int], float] = {}
    for (si, ki, sj, kj), q in zip(found, prob.tolist(), strict=True):
        a, b = index[(si, ki)], index[(sj, kj)]
        score[(a, b)] = score[(b, a)] = q

    def written_date_of(n: int) -> str | None:
        c = sts[claims[n][0]].claims[claims[n][1]]
        dated = c.kind == "date" and re.search(MONTH_PATTERN, c.text, re.I)
        return predicate_class(c.predicate) if dated and c.predicate not in ANNOUNCING else None

    def first(a: int, b: int) -> bool:
        """Two written dates of one occurrence: joined before the rest."""
        occurrence = written_date_of(a)
        return occurrence is not None and occurrence == written_date_of(b)

    order = sorted((q, a, b) for (a, b), q in score.items() if a < b and q >= 0.5)
    order.sort(key=lambda e: (not first(e[1], e[2]), -e[0], e[1], e[2]))
    article = [sts[s].span.article_id for s, _ in claims]
    value = [value_key(sts[s].claims[k]) for s, k in claims]
    kind = [sts[s].claims[k].kind for s, k in claims]

    def one_place(u: int, v: int) -> bool:
        """A province and its country ("IR-23", "IR"): one report's place at two levels."""
        cu, cv = (sts[claims[n][0]].claims[claims[n][1]] for n in (u, v))
        codes = (cu.value, cv.value) if cu.kind == cv.kind == "place" else ("", "")
        return all(c[:2].isupper() for c in codes) and (
            codes[0].startswith(codes[1] + "-") or codes[1].startswith(codes[0] + "-")
        )

    def one_date(u: int, v: int) -> bool:
        """One report's date said twice (see align.claim_groups): to the day and to the
        month, a day either way, a span counted from the report beside the day."""
        cu, cv = (sts[claims[n][0]].claims[claims[n][1]] for n in (u, v))
        return (one_held_by_other(cu, cv) or one_day_either_way(cu, cv)
                or span_of_one_occurrence(cu, cv))  # fmt: skip

    def background(us: list[int], vs: list[int]) -> bool:
        """A date of written years beside a report's day of another year."""
        cs = {n: sts[claims[n][0]].claims[claims[n][1]] for n in us + vs}
        written = set().union(*(written_years(cs[n]) for n in us))
        days = {day_of_report_year(cs[n]) for n in vs} - {None}
        return bool(written and days - written)

    owner = list(range(len(claims)))
    members = {n: [n] for n in range(len(claims))}
    for _, a, b in order:
        ga, gb = owner[a], owner[b]
        if ga == gb:
            continue
        if any(article[u] == article[v] and value[u] != value[v] and not one_place(u, v)
               and not one_date(u, v) for u in members[ga] for v in members[gb]):  # fmt: skip
            continue
        if background(members[ga], members[gb]) or background(members[gb], members[ga]):
            continue
        cross = [score.get((u, v), 0.0) for u in members[ga] for v in members[gb]
                 if article[u] != article[v]]  # fmt: skip
        if kind[a] in align.BEST_BY_ARTICLE:
            # each two articles weigh once, by their best pair
            best: dict[tuple[str, str], float] = {}
            for u in members[ga]:
                for v in members[gb]:
                    if article[u] != article[v]:
                        key = (article[u], article[v])
                        best[key] = max(best.get(key, 0.0), score.get((u, v), 0.0))
            cross = list(best.values())
        if not cross or sum(cross) / len(cross) < 0.5:
            continue
        for n in members[gb]:
            owner[n] = ga
        members[ga] += members.pop(gb)
    return sorted(
        sorted(claims[n] for n in g) for g in members.values() if len({article[n] for n in g}) > 1
    )


def test_claims_join_into_slots_as_the_greedy_rule_joins_them(story: Story) -> None:
    found = claim_groups(story.statements, story.p, story.entity_of, story.vectors)
    # who holds a post is checked apart from the greedy rule (reconcile/posts.py)
    held = [g for g in found if all(story.statements[s].claims[k].thing == ROLE for s, k in g)]
    assert [g for g in found if g not in held] == _join_claims(story)
    assert len(found) > 10 and max(len(g) for g in found) >= 3


def _join_statements(statements: list[Statement], p: npt.NDArray[np.float64]) -> list[list[int]]:
    """The greedy rule of :func:`group`, each mean taken over the two groups' pairs."""
    articles = [st.span.article_id for st in statements]
    i, j = np.nonzero(np.triu(p, 1) >= 0.5)
    order = sorted(zip(i.tolist(), j.tolist(), strict=True), key=lambda e: (-p[e], e))
    owner = list(range(len(statements)))
    members = {k: [k] for k in range(len(statements))}
    for a, b in order:
        ga, gb = owner[a], owner[b]
        xa, xb = members.get(ga, []), members.get(gb, [])
        if ga == gb or {articles[k] for k in xa} & {articles[k] for k in xb}:
            continue
        if float(p[np.ix_(xa, xb)].mean()) < 0.5:
            continue
        for k in xb:
            owner[k] = ga
        members[ga] = xa + members.pop(gb)
    return sorted(members.values(), key=min)


def test_statements_join_into_facts_as_the_greedy_rule_joins_them(story: Story) -> None:
    found = group(story.statements, story.p)
    assert found == _join_statements(story.statements, story.p)
    assert max(len(g) for g in found) >= 3
    # means right at the bar: two sentences that are 0.5 apart from a third
    p = np.array([[0, 0.9, 0.6, 0.4], [0.9, 0, 0.4, 0.6], [0.6, 0.4, 0, 0], [0.4, 0.6, 0, 0]])
    flat = [Statement(Span(a, 0, 1), "x", (), (), (), (), ()) for a in "abcd"]
    assert group(flat, p) == _join_statements(flat, p) == [[0, 1, 2], [3]]


def test_shared_words_and_membership_over_arrays_are_the_set_operations(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rng = random.Random(3)
    words = [f"w{k}" for k in range(60)]
    sets = [set(rng.sample(words, rng.randint(0, 8))) for _ in range(120)]
    items = [rng.choice([*words, "other", None]) for _ in sets]
    x, y = np.triu_indices(len(sets), 1)
    monkeypatch.setattr(pairs, "_CELLS", 500)  # products taken in many blocks of rows
    shared = pairs.shared_counts(sets, x, y).tolist()
    assert shared == [len(sets[i] & sets[j]) for i, j in zip(x, y, strict=True)]
    found = pairs.contains(sets, items, x, y).tolist()
    assert found == [
        items[i] is not None and items[i] in sets[j] for i, j in zip(x, y, strict=True)
    ]
    assert 0 < sum(found) < len(found) and max(shared) >= 2


def test_records_are_compatible_over_arrays_as_pair_by_pair() -> None:
    """Win-loss records compare like ages: the same side when both name one, else the
    same noun (the real story above has none)."""

    def record(aid: str, value: str, side: str | None, entity: str | None) -> Said:
        c = Claim(Span(aid, 0, 4), value, "record", "record", side, value, "record")
        return Said(aid, c, entity, None)

    said = [record("a", "10-5", "indianapolis", "E1"), record("b", "9-5", "colts", "E1"),
            record("c", "9-5", "colts", None), record("d", "43-1", "bowe", "E2"),
            record("e", "45-1", "bowe", None)]  # fmt: skip
    x, y = np.triu_indices(len(said), 1)
    found = compatible_pairs(said, x, y)
    assert found.tolist() == [compatible(said[i], said[j]) for i, j in zip(x, y, strict=True)]
    assert found[(x == 0) & (y == 1)].all() and not found[(x == 0) & (y == 3)].any()
