"""Quotes across articles: renderings of one utterance, compared word by word.

Renderings are grouped when they come from the same speaker (canonical entity)
or share enough words, with at most one rendering per article. The fullest
direct rendering is the reference (the primary source's rendering when there is
one); each other rendering is:

- ``verbatim``: the same words;
- ``abridged``: the reference's words in order with some left out;
- ``altered``: mostly the same words, some changed or added;
- ``paraphrase``: reported speech, or few words in common;
- ``unique``: nobody else reports this utterance.

Quotation marks around words that no other article reports (while others do
report the utterance) are flagged.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from ..analyze.text_norm import name_key
from ..records import Analysis, Entity, Quote, QuoteGroup, QuoteRelation, Rendering, Span
from .blocking import OverlapIndex, collapse
from .facts import content_words

SAME_WORDS = 0.5  # share of the shorter rendering's words found in the other
SAME_MEANING = 0.8  # embedding cosine for a paraphrase by the same speaker
ALTERED = 0.6  # word-sequence similarity for an altered (not paraphrased) quote
UNSUPPORTED_RUN = 4  # quoted words in a row that no other rendering has


def words(text: str) -> list[str]:
    return re.findall(r"\w+(?:['’]\w+)?", text.casefold().replace("’", "'"))


def _overlap(a: list[str], b: list[str]) -> float:
    if not a or not b:
        return 0.0
    sa, sb = set(a), set(b)
    return len(sa & sb) / min(len(sa), len(sb))


def _is_subsequence(short: list[str], long: list[str]) -> bool:
    it = iter(long)
    return all(w in it for w in short)


def word_diff(reference: list[str], other: list[str]) -> str:
    """``other`` against ``reference``: ``[-gone-]`` and ``{+new+}`` marks.

    >>> word_diff("we will act now".split(), "we will act quickly".split())
    'we will act [-now-] {+quickly+}'
    """
    out: list[str] = []
    sm = difflib.SequenceMatcher(a=reference, b=other, autojunk=False)
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op == "equal":
            out += reference[i1:i2]
            continue
        if i2 > i1:
            out.append("[-" + " ".join(reference[i1:i2]) + "-]")
        if j2 > j1:
            out.append("{+" + " ".join(other[j1:j2]) + "+}")
    return " ".join(out)


def relation(reference: Quote, other: Quote) -> QuoteRelation:
    """How ``other`` renders the utterance whose fullest rendering is ``reference``.

    >>> from newsprism.records import Quote, Span
    >>> q = lambda t, k="direct": Quote(Span("a", 0, len(t)), t, None, None, None, k)
    >>> full = q("We will remain vigilant and continue to pursue them")
    >>> relation(full, q("We will continue to pursue them"))
    'abridged'
    >>> relation(full, q("We will stay alert"))
    'paraphrase'
    """
    ref, oth = words(reference.text), words(other.text)
    if other.kind == "indirect" and reference.kind != "indirect":
        return "paraphrase"
    if ref == oth:
        return "verbatim"
    if _is_subsequence(oth, ref):
        return "abridged"
    if difflib.SequenceMatcher(a=ref, b=oth, autojunk=False).ratio() >= ALTERED or (
        _overlap(oth, ref) >= 0.8
    ):
        return "altered"
    return "paraphrase"


def group_quotes(
    analyses: Sequence[Analysis],
    entities: Sequence[Entity],
    entity_of: dict[Span, str],
    vectors: dict[Span, npt.NDArray[np.float32]] | None = None,
    primary_id: str | None = None,
    texts: dict[str, str] | None = None,
) -> tuple[QuoteGroup, ...]:
    """Group every quote of the story by utterance and label each rendering.

    ``texts`` (article id → text) lets a quote found in only one article be
    checked against the other articles' words, quoted or not."""
    names = {e.id: e.name for e in entities}
    quotes: list[tuple[Quote, str | None]] = []
    for analysis in analyses:
        for q in analysis.quotes:
            if len(words(q.text)) < 2:
                continue
            quotes.append((q, _speaker_entity(q, analysis, entity_of)))
    groups = group_renderings([_said(q, sid, vectors) for q, sid in quotes])
    # articles quoting each speaker: a unique quote of a speaker whom other
    # articles quote too is words nobody else reports
    quoted_by: dict[str, set[str]] = {}
    for q, sid in quotes:
        if sid:
            quoted_by.setdefault(sid, set()).add(q.span.article_id)
    elsewhere = _Trigrams(texts or {})
    out = []
    for n, g in enumerate(sorted(groups, key=lambda g: (-len(g), g[0])), 1):
        members = [quotes[k] for k in g]
        speaker_ids = [s for _, s in members if s]
        sid = Counter(speaker_ids).most_common(1)[0][0] if speaker_ids else None
        named = [q.speaker for q, _ in members if q.speaker]
        speaker = names.get(sid) if sid else (named[0] if named else None)
        renderings = _renderings([q for q, _ in members], primary_id)
        if len(renderings) == 1 and renderings[0].kind != "indirect" and sid:
            others = quoted_by.get(sid, set()) - {renderings[0].span.article_id}
            home = renderings[0].span.article_id
            if others and not elsewhere.seen(words(renderings[0].text), home):
                r = renderings[0]
                note = (
                    f"quoted words no other source reports, though {len(others)} other "
                    "article(s) quote this speaker"
                )
                renderings = (Rendering(r.span, r.text, r.kind, r.relation, r.diff, note),)
        out.append(QuoteGroup(f"q{n}", speaker, sid, renderings))
    return tuple(out)


class _Trigrams:
    """Which articles hold which word trigrams, to tell whether a quote's words appear
    in another article, quoted or not (built on first use)."""

    def __init__(self, texts: dict[str, str]) -> None:
        self.texts = texts
        self.holders: dict[tuple[str, ...], set[str]] | None = None

    def seen(self, ws: list[str], home: str) -> bool:
        """Whether an article other than ``home`` holds half the trigrams of ``ws``."""
        if self.holders is None:
            self.holders = {}
            for aid, t in self.texts.items():
                tw = words(t)
                for i in range(len(tw) - 2):
                    self.holders.setdefault(tuple(tw[i : i + 3]), set()).add(aid)
        grams = {tuple(ws[i : i + 3]) for i in range(len(ws) - 2)}
        need = max(1, len(grams) // 2)
        counts: Counter[str] = Counter()
        for gram in grams:
            for aid in self.holders.get(gram, ()):
                if aid != home:
                    counts[aid] += 1
                    if counts[aid] >= need:
                        return True
        return False


@dataclass(frozen=True, slots=True)
class Said:
    """A quote with what grouping compares, read once: its speaker entity, the name key
    of its speaker as written, its content words and its sentence vector."""

    quote: Quote
    speaker: str | None
    name: str | None
    words: frozenset[str]
    vector: npt.NDArray[np.float32] | None = None


def _said(q: Quote, sid: str | None, vectors: dict[Span, npt.NDArray[np.float32]] | None) -> Said:
    name = name_key(q.speaker) if q.speaker else None
    vector = vectors.get(q.span) if vectors else None
    return Said(q, sid, name, frozenset(content_words(q.text)), vector)


def group_renderings(said: Sequence[Said]) -> list[list[int]]:
    """Groups of ``said`` (indexes) by utterance, by one greedy rule: each quote in turn
    joins the group holding the rendering it most surely renders the same utterance with
    (:func:`affinity`; the earliest group on a tie; never a group already holding a
    quote of its article), or opens a group.

    Near-linear for a story of many reports, with the answer of comparing each quote
    with every member of every group (tested): copies (same words, speaker and vector)
    are one type whose affinities are computed once, and a quote is compared only with
    the types that can have a positive affinity with it — those sharing a rare word
    (:class:`~newsprism.reconcile.blocking.OverlapIndex`), or, for a paraphrase, of the
    same speaker with a close vector."""
    keys = [
        (s.speaker, s.name, s.quote.text, None if s.vector is None else s.vector.tobytes())
        for s in said
    ]
    type_of, first = collapse(keys)
    near = _Near([said[i] for i in first])
    groups: list[list[int]] = []
    articles: list[set[str]] = []
    held: list[set[int]] = []  # the types in each group
    groups_of: dict[int, list[int]] = {}  # the groups holding each type
    for i, s in enumerate(said):
        t = type_of[i]
        scores = near.scores(t)
        best, best_score = -1, 0.0
        for g in sorted({g for u in scores for g in groups_of.get(u, ())}):
            if s.quote.span.article_id in articles[g]:
                continue
            mine = held[g]
            score = (
                max(scores[u] for u in mine if u in scores)
                if len(mine) < len(scores)
                else max(scores[u] for u in scores if u in mine)
            )
            if score > best_score:
                best, best_score = g, score
        if best < 0:
            best = len(groups)
            groups.append([])
            articles.append(set())
            held.append(set())
        groups[best].append(i)
        articles[best].add(s.quote.span.article_id)
        if t not in held[best]:
            held[best].add(t)
            groups_of.setdefault(t, []).append(best)
    return groups


class _Near:
    """The positive affinities of each type with the others, computed on first use
    from the candidates that blocking finds."""

    def __init__(self, types: list[Said]) -> None:
        self.types = types
        self.words = OverlapIndex([s.words for s in types], SAME_WORDS, min_size=3)
        self.by_speaker: dict[str, list[int]] = {}
        vectors: dict[str, list[npt.NDArray[np.float32]]] = {}
        for t, s in enumerate(types):
            if s.speaker and s.vector is not None:
                self.by_speaker.setdefault(s.speaker, []).append(t)
                vectors.setdefault(s.speaker, []).append(s.vector)
        self.matrices = {sid: np.stack(vs) for sid, vs in vectors.items()}
        self.cache: dict[int, dict[int, float]] = {}

    def scores(self, t: int) -> dict[int, float]:
        found = self.cache.get(t)
        if found is None:
            me = self.types[t]
            cand = self.words.candidates(t)
            if me.speaker and me.vector is not None:
                same = self.by_speaker[me.speaker]
                close = self.matrices[me.speaker] @ me.vector
                # a margin below the threshold: the exact test below decides
                cand.update(same[k] for k in np.flatnonzero(close >= SAME_MEANING - 1e-3))
            found = {}
            for u in cand:
                score = affinity(self.types[u], me)
                if score > 0:
                    found[u] = score
            self.cache[t] = found
        return found


def _speaker_entity(q: Quote, analysis: Analysis, entity_of: dict[Span, str]) -> str | None:
    if q.speaker_span is None:
        return None
    for m in analysis.mentions:
        overlaps = m.span.start < q.speaker_span.end and q.speaker_span.start < m.span.end
        if overlaps and m.span in entity_of:
            return entity_of[m.span]
    return None


def affinity(a: Said, b: Said) -> float:
    """How surely two quotes render one utterance; 0 when they do not. Cosines are
    rounded to four decimals before the threshold sees them, so that the last bits of
    a float never decide."""
    sa, sb = a.speaker, b.speaker
    if sa and sb and sa != sb:
        return 0.0
    na, nb = a.name, b.name
    if not (sa and sb) and na is not None and nb is not None and na not in nb and nb not in na:
        return 0.0  # two different named speakers
    same = bool(sa and sa == sb)
    shared = _overlap_sets(a.words, b.words)
    # without one speaker for both, only near-identical words make one utterance
    need = SAME_WORDS if same else 0.8
    if shared >= need and min(len(a.words), len(b.words)) >= 3:
        return shared + (0.5 if same else 0.0)
    if same and a.vector is not None and b.vector is not None:
        cos = round(float(a.vector @ b.vector), 4)
        if cos >= SAME_MEANING:
            return cos
    return 0.0


def _overlap_sets(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def _renderings(quotes: list[Quote], primary_id: str | None) -> tuple[Rendering, ...]:
    if len(quotes) == 1:
        q = quotes[0]
        return (Rendering(q.span, q.text, q.kind, "unique"),)
    primary = [q for q in quotes if q.span.article_id == primary_id]
    direct = [q for q in quotes if q.kind != "indirect"] or quotes
    ref = primary[0] if primary else max(direct, key=lambda q: len(words(q.text)))
    holders: dict[tuple[str, str], set[str]] = {}  # word pair -> articles rendering it
    for q in quotes:
        for pair in _pairs(words(q.text)):
            holders.setdefault(pair, set()).add(q.span.article_id)
    articles = {q.span.article_id for q in quotes}
    compared: dict[tuple[str, str], tuple[QuoteRelation, str]] = {}  # copies: once
    out = []
    for q in quotes:
        if q is ref:
            rel: QuoteRelation = "verbatim"
            diff = ""
        else:
            key = (q.text, q.kind)
            if key not in compared:
                r = relation(ref, q)
                d = word_diff(words(ref.text), words(q.text)) if r != "verbatim" else ""
                compared[key] = (r, d)
            rel, diff = compared[key]
        flag = None if q is ref else _unsupported(q, holders, articles)
        out.append(Rendering(q.span, q.text, q.kind, rel, diff, flag))
    return tuple(out)


def _pairs(ws: list[str]) -> list[tuple[str, str]]:
    return [(ws[i], ws[i + 1]) for i in range(len(ws) - 1)]


def _unsupported(
    q: Quote, holders: dict[tuple[str, str], set[str]], articles: set[str]
) -> str | None:
    """A flag when ``q`` puts quotation marks around words no other rendering has
    (``holders``: the articles of the group rendering each word pair)."""
    home = q.span.article_id
    if q.kind == "indirect" or articles <= {home}:
        return None
    ws = words(q.text)
    run: list[str] = []
    best: list[str] = []
    for i, pair in enumerate(_pairs(ws)):
        if holders.get(pair, set()) - {home}:
            run = []
            continue
        run = [*run, ws[i + 1]] if run else ws[i : i + 2]
        if len(run) > len(best):
            best = run
    if len(best) >= UNSUPPORTED_RUN:
        return f"quoted words no other source reports: “{' '.join(best)}”"
    return None
