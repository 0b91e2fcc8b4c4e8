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

import numpy as np
import numpy.typing as npt

from ..analyze.text_norm import name_key
from ..records import Analysis, Entity, Quote, QuoteGroup, QuoteRelation, Rendering, Span
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
    elsewhere: dict[str, set[tuple[str, ...]]] = {}
    for aid, t in (texts or {}).items():
        ws = words(t)
        elsewhere[aid] = {tuple(ws[i : i + 3]) for i in range(len(ws) - 2)}
    names = {e.id: e.name for e in entities}
    quotes: list[tuple[Quote, str | None]] = []
    for analysis in analyses:
        for q in analysis.quotes:
            if len(words(q.text)) < 2:
                continue
            quotes.append((q, _speaker_entity(q, analysis, entity_of)))
    groups: list[list[int]] = []
    for i, (q, speaker) in enumerate(quotes):
        best, best_score = None, 0.0
        for g in groups:
            if any(quotes[k][0].span.article_id == q.span.article_id for k in g):
                continue
            score = max(_affinity(quotes[k], (q, speaker), vectors) for k in g)
            if score > best_score:
                best, best_score = g, score
        if best is not None and best_score > 0:
            best.append(i)
        else:
            groups.append([i])
    # articles quoting each speaker: a unique quote of a speaker whom other
    # articles quote too is words nobody else reports
    quoted_by: dict[str, set[str]] = {}
    for q, sid in quotes:
        if sid:
            quoted_by.setdefault(sid, set()).add(q.span.article_id)
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
            ws = words(renderings[0].text)
            grams = {tuple(ws[i : i + 3]) for i in range(len(ws) - 2)}
            home = renderings[0].span.article_id
            seen = any(
                len(grams & g) >= max(1, len(grams) // 2)
                for aid, g in elsewhere.items()
                if aid != home
            )
            if others and not seen:
                r = renderings[0]
                note = (
                    f"quoted words no other source reports, though {len(others)} other "
                    "article(s) quote this speaker"
                )
                renderings = (Rendering(r.span, r.text, r.kind, r.relation, r.diff, note),)
        out.append(QuoteGroup(f"q{n}", speaker, sid, renderings))
    return tuple(out)


def _speaker_entity(q: Quote, analysis: Analysis, entity_of: dict[Span, str]) -> str | None:
    if q.speaker_span is None:
        return None
    for m in analysis.mentions:
        overlaps = m.span.start < q.speaker_span.end and q.speaker_span.start < m.span.end
        if overlaps and m.span in entity_of:
            return entity_of[m.span]
    return None


def _affinity(
    a: tuple[Quote, str | None],
    b: tuple[Quote, str | None],
    vectors: dict[Span, npt.NDArray[np.float32]] | None,
) -> float:
    """How surely two quotes render one utterance; 0 when they do not."""
    (qa, sa), (qb, sb) = a, b
    if sa and sb and sa != sb:
        return 0.0
    if not (sa and sb) and qa.speaker and qb.speaker:
        ka, kb = name_key(qa.speaker), name_key(qb.speaker)
        if ka not in kb and kb not in ka:
            return 0.0  # two different named speakers
    wa, wb = content_words(qa.text), content_words(qb.text)
    shared = _overlap(wa, wb)
    # without one speaker for both, only near-identical words make one utterance
    need = SAME_WORDS if sa and sa == sb else 0.8
    if shared >= need and min(len(set(wa)), len(set(wb))) >= 3:
        return shared + (0.5 if sa and sa == sb else 0.0)
    if sa and sa == sb and vectors and qa.span in vectors and qb.span in vectors:
        cos = float(vectors[qa.span] @ vectors[qb.span])
        if cos >= SAME_MEANING:
            return cos
    return 0.0


def _renderings(quotes: list[Quote], primary_id: str | None) -> tuple[Rendering, ...]:
    if len(quotes) == 1:
        q = quotes[0]
        return (Rendering(q.span, q.text, q.kind, "unique"),)
    primary = [q for q in quotes if q.span.article_id == primary_id]
    direct = [q for q in quotes if q.kind != "indirect"] or quotes
    ref = primary[0] if primary else max(direct, key=lambda q: len(words(q.text)))
    out = []
    for q in quotes:
        if q is ref:
            rel: QuoteRelation = "verbatim"
            diff = ""
        else:
            rel = relation(ref, q)
            diff = word_diff(words(ref.text), words(q.text)) if rel != "verbatim" else ""
        flag = None if q is ref else _unsupported(q, quotes)
        out.append(Rendering(q.span, q.text, q.kind, rel, diff, flag))
    return tuple(out)


def _unsupported(q: Quote, group: list[Quote]) -> str | None:
    """A flag when ``q`` puts quotation marks around words no other rendering has."""
    if q.kind == "indirect":
        return None
    others = [words(o.text) for o in group if o.span.article_id != q.span.article_id]
    if not others:
        return None
    known = {tuple(o[i : i + 2]) for o in others for i in range(len(o) - 1)}
    ws = words(q.text)
    run: list[str] = []
    best: list[str] = []
    for i in range(len(ws) - 1):
        if tuple(ws[i : i + 2]) in known:
            run = []
            continue
        run = [*run, ws[i + 1]] if run else ws[i : i + 2]
        if len(run) > len(best):
            best = run
    if len(best) >= UNSUPPORTED_RUN:
        return f"quoted words no other source reports: “{' '.join(best)}”"
    return None
