"""Shortcuts for big stories: copies collapsed, candidate pairs from shared rare words.

A story that every outlet carries has hundreds of reports, most of them reprints:
comparing every statement or quote with every other grows with the square of the
story. Two shortcuts keep it near-linear without changing a result:

* :func:`collapse` — items equal in everything a comparison reads (a reprinted quote:
  same words, same speaker) are one *type*; a comparison is made once per pair of
  types, and a group holding several copies is compared through one of them.
* :class:`OverlapIndex` — the pairs of word sets whose overlap coefficient
  ``|A ∩ B| / min(|A|, |B|)`` can reach a threshold, found by prefix filtering: when
  the smaller set ``B`` must share ``k`` of its ``m`` words with ``A``, any ``m - k + 1``
  of its words include one of ``A``'s. Taking each set's rarest words as that prefix,
  a set is compared only with the sets that hold one of its rare words (or hold one
  of its own in their prefix), never with all. No pair that can pass is left out, so
  an exact test of the candidates gives the all-pairs answer.

For fact alignment (``reconcile/facts.py``, ``reconcile/align.py``) a story of 300
wire reprints would otherwise score every pair of some 7,000 sentences.
:func:`copies_of` and :func:`expand` collapse them: a sentence repeated word for
word by another article of its origin (a reprint, a trimmed copy) is not aligned
again; it joins the fact of the sentence it copies, so only the representatives
and each copy's own sentences (a local edit, an added paragraph) are scored::

    copy = copies_of(texts, articles, origin_of)
    kept = [k for k, c in enumerate(copy) if c is None]
    groups = align_somehow([statements[k] for k in kept])   # indexes into kept
    groups = expand(groups, kept, copy, articles)            # indexes into statements

Unlike the quote shortcut this one is not exact: a pair's features that count
over the story (how rare a word or an entity is, which sentence is another's best
match) are computed without the copies. Copies share one origin, so corroboration
counts do not change. :class:`OverlapIndex` over content words gives candidate
pairs for the features that need shared words.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Hashable, Iterable, Mapping, Sequence

__all__ = [
    "OverlapIndex",
    "candidate_pairs",
    "collapse",
    "copies_of",
    "expand",
    "required_overlap",
]


def collapse(keys: Iterable[Hashable]) -> tuple[list[int], list[int]]:
    """(type of each item, first item of each type): items with equal keys are one type,
    numbered by first appearance.

    >>> collapse(["a", "b", "a", "c", "b"])
    ([0, 1, 0, 2, 1], [0, 1, 3])
    """
    number: dict[Hashable, int] = {}
    type_of: list[int] = []
    first: list[int] = []
    for i, key in enumerate(keys):
        t = number.setdefault(key, len(first))
        if t == len(first):
            first.append(i)
        type_of.append(t)
    return type_of, first


def required_overlap(size: int, threshold: float) -> int:
    """The fewest shared words ``k`` with ``k / size >= threshold`` (as the float test
    computes it), for a set of ``size`` words.

    >>> required_overlap(5, 0.5), required_overlap(4, 0.5), required_overlap(3, 0.8)
    (3, 2, 3)
    """
    k = max(int(threshold * size) - 1, 0)
    while k <= size and k / size < threshold:
        k += 1
    return k


class OverlapIndex:
    """Candidates among ``sets`` for an overlap coefficient of at least ``threshold``;
    sets with fewer than ``min_size`` words never pass and are left out.

    >>> idx = OverlapIndex([{"troops", "left", "town"}, {"troops", "left", "city"},
    ...                     {"prices", "rose", "again"}], threshold=0.5)
    >>> sorted(idx.candidates(0))
    [0, 1]
    """

    def __init__(self, sets: Sequence[Iterable[str]], threshold: float, min_size: int = 1) -> None:
        if threshold <= 0:
            raise ValueError("prefix filtering needs a positive threshold")
        self.sets = [frozenset(s) for s in sets]
        df = Counter(w for s in self.sets for w in s)
        self.prefix: list[tuple[str, ...]] = []
        self.by_prefix: dict[str, list[int]] = {}  # word -> sets holding it in their prefix
        self.by_word: dict[str, list[int]] = {}  # word -> sets holding it
        for i, s in enumerate(self.sets):
            m = len(s)
            if m < max(min_size, 1):
                self.prefix.append(())
                continue
            rare = sorted(s, key=lambda w: (df[w], w))
            head = tuple(rare[: m - required_overlap(m, threshold) + 1])
            self.prefix.append(head)
            for w in head:
                self.by_prefix.setdefault(w, []).append(i)
            for w in s:
                self.by_word.setdefault(w, []).append(i)

    def candidates(self, i: int) -> set[int]:
        """Sets that may reach the threshold with set ``i`` (``i`` itself included when
        it is indexed); every set that does is among them."""
        if not self.prefix[i]:
            return set()
        out: set[int] = set()
        for w in self.sets[i]:  # they are the smaller: one of their prefix words is mine
            out.update(self.by_prefix.get(w, ()))
        for w in self.prefix[i]:  # I am the smaller: one of my prefix words is theirs
            out.update(self.by_word.get(w, ()))
        return out


def candidate_pairs(
    sets: Sequence[Iterable[str]], threshold: float, min_size: int = 1
) -> list[tuple[int, int]]:
    """Every pair ``(i, j)``, ``i < j``, of ``sets`` whose overlap coefficient may reach
    ``threshold``, in order.

    >>> candidate_pairs([{"a", "b"}, {"c", "d"}, {"a", "b", "e"}], 0.5)
    [(0, 2)]
    """
    index = OverlapIndex(sets, threshold, min_size)
    return [(i, j) for i in range(len(sets)) for j in sorted(index.candidates(i)) if j > i]


def _words_key(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


def copies_of(
    texts: Sequence[str], articles: Sequence[str], origin_of: Mapping[str, str]
) -> list[int | None]:
    """For each sentence (``texts[k]`` of article ``articles[k]``), the index of the
    sentence it copies — the same words, case and punctuation aside, earlier in another
    article of its origin — or None when it is its own (the first of its words in its
    origin, or a sentence repeated within one article).

    >>> copies_of(["Troops left.", "Troops left!", "Rain fell."], ["a", "b", "b"],
    ...           {"a": "o1", "b": "o1"})
    [None, 0, None]
    """
    first: dict[tuple[str, str], int] = {}
    out: list[int | None] = []
    for k, (text, article) in enumerate(zip(texts, articles, strict=True)):
        key = (origin_of.get(article, article), _words_key(text))
        original = first.setdefault(key, k)
        out.append(original if articles[original] != article else None)
    return out


def expand(
    groups: Sequence[Sequence[int]],
    kept: Sequence[int],
    copy_of: Sequence[int | None],
    articles: Sequence[str],
) -> list[list[int]]:
    """Groups of the kept sentences (indexes into ``kept``) as groups of all sentences:
    each copy joins the group of the sentence it copies, unless its article already has
    a sentence there (a fact holds one statement per article); then it stands alone.
    Groups come in the order of their first sentence.

    >>> expand([[0, 1]], kept=[0, 2], copy_of=[None, 0, None], articles=["a", "b", "c"])
    [[0, 1, 2]]
    """
    where: dict[int, int] = {}
    out: list[list[int]] = []
    for g in groups:
        members = sorted(kept[k] for k in g)
        for k in members:
            where[k] = len(out)
        out.append(members)
    for k, original in enumerate(copy_of):
        if original is None:
            continue
        if original not in where:  # left out of the groups: so is its copy
            where[k] = len(out)
            out.append([k])
            continue
        home = out[where[original]]
        if any(articles[m] == articles[k] for m in home):
            where[k] = len(out)
            out.append([k])
        else:
            home.append(k)
    for g in out:
        g.sort()
    return sorted(out, key=lambda g: g[0])
