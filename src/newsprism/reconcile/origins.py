"""Which articles are not independent: shared wire credits, near-duplicate text,
long runs of words copied outside quotation marks, translations.

Two articles that quote the same speaker share words inside quotation marks;
that is reporting, not copying. Words shared outside quotation marks, for a run
long enough that chance is ruled out, are copied: from each other or from a
common source. Either way they are one origin when facts are counted. A
translation shares no words with its original but all its sentences, one to one
(:mod:`.translations`).

Only articles that share a word 5-gram are compared (one sparse product over an
inverted index), and two articles already of one origin are not compared again: an
origin's links say how each member was joined (a spanning tree, never every pair),
so a wire story reprinted 300 times is tested some 300 times (the other pairs are
skipped by a look-up) and lists 299 links, not 44,850.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

import numpy as np

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


def _sharing_pairs(grams: Sequence[set[tuple[str, ...]]]) -> list[tuple[int, int, int]]:
    """Every pair ``(i, j, shared)``, ``i < j`` in order, of shingle sets that share
    ``shared > 0`` shingles: one sparse product over an inverted index, so articles with
    nothing in common are never compared.

    >>> _sharing_pairs([{("a",)}, {("b",)}, {("a",), ("b",)}])
    [(0, 2, 1), (1, 2, 1)]
    """
    from scipy.sparse import csr_matrix

    ids: dict[tuple[str, ...], int] = {}
    rows, cols = [], []
    for r, g in enumerate(grams):
        for gram in g:
            rows.append(r)
            cols.append(ids.setdefault(gram, len(ids)))
    m = csr_matrix(
        (np.ones(len(rows), dtype=np.int32), (rows, cols)), shape=(len(grams), max(len(ids), 1))
    )
    product = (m @ m.T).tocoo()
    keep = product.row < product.col
    pairs = sorted(zip(product.row[keep].tolist(), product.col[keep].tolist(),
                       product.data[keep].tolist(), strict=True))  # fmt: skip
    return [(int(i), int(j), int(c)) for i, j, c in pairs]


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
    for i, j, n_shared in _sharing_pairs([grams[a.id] for a in articles]):
        a, b = articles[i], articles[j]
        if find(a.id) == find(b.id):  # already one origin: the link adds nothing
            continue
        ga, gb = grams[a.id], grams[b.id]
        jaccard = n_shared / (len(ga) + len(gb) - n_shared)
        copy, source = _earlier(a, b)
        evidence = None
        if jaccard >= NEAR_DUPLICATE:
            evidence = f"near-duplicate text ({jaccard:.0%} of word 5-grams shared)"
        elif n_shared >= COPIED_RUN - SHINGLE + 1:  # a run of COPIED_RUN words holds that many
            run = _longest_shared_run(runs[a.id], gb)
            if len(run) >= COPIED_RUN:
                evidence = f"{len(run)} words in a row shared outside quotes: “{' '.join(run)}”"
        if evidence:
            parent[find(a.id)] = find(b.id)
            copies.append((copy.id, source.id, evidence))
    if analyses:
        for link in find_translations(articles, analyses, lambda a, b: find(a) == find(b)):
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
