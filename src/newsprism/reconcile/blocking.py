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

Fact alignment can use both the same way (``reconcile/facts.py``): statements of one
origin collapsed by their text, :class:`OverlapIndex` over their content words for
the pairs worth an exact similarity, or :func:`candidate_pairs` for all of them at
once.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable, Sequence

__all__ = ["OverlapIndex", "candidate_pairs", "collapse", "required_overlap"]


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
