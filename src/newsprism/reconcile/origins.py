"""Which articles are not independent: shared wire credits, near-duplicate text,
long runs of words copied outside quotation marks, translations.

Two articles that quote the same speaker share words inside quotation marks;
that is reporting, not copying. Words shared outside quotation marks, for a run
long enough that chance is ruled out, are copied: from each other or from a
common source. Either way they are one origin when facts are counted. A
translation shares no words with its original but all its sentences, one to one
(:mod:`.translations`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from itertools import combinations

from ..analyze.quotes import find_quotations
from ..records import Analysis, Article, Origin
from .translations import find_translations

SHINGLE = 5  # words per shingle
NEAR_DUPLICATE = 0.5  # Jaccard of shingle sets
COPIED_RUN = 14  # consecutive words shared outside quotation marks

_WORD = re.compile(r"\w+(?:['’]\w+)?")


def _words_outside_quotes(text: str) -> list[list[str]]:
    """The article's words as runs that never cross a quotation or a paragraph."""
    quoted = find_quotations(text)
    runs: list[list[str]] = []
    pos = 0
    for s, e in [*quoted, (len(text), len(text))]:
        for para in text[pos : max(s - 1, pos)].split("\n"):
            words = [w.casefold() for w in _WORD.findall(para)]
            if words:
                runs.append(words)
        pos = e + 1
    return runs


def _shingles(runs: list[list[str]], n: int) -> set[tuple[str, ...]]:
    return {tuple(r[i : i + n]) for r in runs for i in range(len(r) - n + 1)}


def _longest_shared_run(a: list[list[str]], b_grams: set[tuple[str, ...]]) -> list[str]:
    """The longest run of ``a`` whose every SHINGLE-gram occurs in ``b``."""
    best: list[str] = []
    for run in a:
        i = 0
        while i + SHINGLE <= len(run):
            if tuple(run[i : i + SHINGLE]) not in b_grams:
                i += 1
                continue
            j = i + 1
            while j + SHINGLE <= len(run) and tuple(run[j : j + SHINGLE]) in b_grams:
                j += 1
            span = run[i : j + SHINGLE - 1]
            if len(span) > len(best):
                best = span
            i = j
    return best


def _earlier(a: Article, b: Article) -> tuple[Article, Article]:
    """(copy, source): the later-published article copied the earlier one; with no
    dates, the one crediting an agency is taken as the copy."""
    if a.published and b.published and a.published != b.published:
        return (a, b) if a.published > b.published else (b, a)
    if bool(a.credits) != bool(b.credits):
        return (a, b) if a.credits else (b, a)
    return (b, a) if a.id < b.id else (a, b)


def find_origins(
    articles: Sequence[Article], analyses: Sequence[Analysis] = ()
) -> tuple[Origin, ...]:
    """Group ``articles`` into origins; every article is in exactly one. With their
    ``analyses`` (sentence embeddings), translations are found too.

    >>> from newsprism.records import Article
    >>> w = Article("w1", "a", "text", "x", "x", credits=("Reuters",))
    >>> o = find_origins([w, Article("w2", "b", "text", "y", "y", credits=("Reuters",)),
    ...                   Article("w3", "c", "text", "z", "z")])
    >>> [(g.id, g.article_ids) for g in o]
    [('origin-reuters', ('w1', 'w2')), ('origin-w3', ('w3',))]
    """
    parent = {a.id: a.id for a in articles}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    copies: list[tuple[str, str, str]] = []
    agency_of: dict[str, str] = {}
    for a in articles:
        for credit in a.credits:
            key = credit.casefold()
            if key in agency_of:
                parent[find(a.id)] = find(agency_of[key])
            else:
                agency_of[key] = a.id
            copies.append((a.id, credit, f"credits {credit}"))
    runs = {a.id: _words_outside_quotes(a.text) for a in articles}
    grams = {a.id: _shingles(runs[a.id], SHINGLE) for a in articles}
    for a, b in combinations(articles, 2):
        ga, gb = grams[a.id], grams[b.id]
        if not ga or not gb:
            continue
        jaccard = len(ga & gb) / len(ga | gb)
        copy, source = _earlier(a, b)
        evidence = None
        if jaccard >= NEAR_DUPLICATE:
            evidence = f"near-duplicate text ({jaccard:.0%} of word 5-grams shared)"
        else:
            run = _longest_shared_run(runs[a.id], gb)
            if len(run) >= COPIED_RUN:
                evidence = f"{len(run)} words in a row shared outside quotes: “{' '.join(run)}”"
        if evidence:
            parent[find(a.id)] = find(b.id)
            copies.append((copy.id, source.id, evidence))
    if analyses:
        for link in find_translations(articles, analyses):
            parent[find(link.copy)] = find(link.original)
            copies.append((link.copy, link.original, link.evidence))
    groups: dict[str, list[str]] = {}
    for a in articles:
        groups.setdefault(find(a.id), []).append(a.id)
    credits = {a.id: {c.casefold() for c in a.credits} for a in articles}
    out = []
    for members in groups.values():
        counts = Counter(c for m in members for c in credits[m])
        shared = [c for c, first in agency_of.items() if counts[c] > 1 and first in members]
        oid = "origin-" + (_slug(shared[0]) if shared else members[0])
        links = tuple(c for c in copies if c[0] in members and (len(members) > 1))
        out.append(Origin(oid, tuple(members), links))
    return tuple(out)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")
