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

For fact alignment (``reconcile/facts.py``) a story of 300 wire reprints would
otherwise score every pair of some 7,000 sentences, and every pair of their claims.
:func:`copies_of` over :func:`copy_key` finds a sentence another article of its origin
already printed (a reprint, a trimmed copy): it is not aligned again but joins the
fact, and its claims the value checks, of the sentence it copies (:func:`expand`,
:func:`expand_claims`), so only each origin's distinct sentences are scored::

    copy = copies_of([copy_key(st, entity_of) for st in statements], articles, origin_of)
    kept = [k for k, c in enumerate(copy) if c is None]
    groups = group([statements[k] for k in kept], p)       # indexes into kept
    groups = expand(groups, kept, copy, articles)           # indexes into statements

Unlike the quote shortcut this one is not the all-pairs answer, by design: what counts
over the story (how rare a word or an entity is, which sentence is another's best
match in an article, the mean closeness of two groups being joined) counts a
reprinted sentence once. Compared all-pairs, every reprint made its words look more
common and weighed once more in a group's mean, so adding reprints of a wire story
changed the facts of the originals; now it does not (tested). Copies share one
origin, so corroboration counts do not change.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence

from ..records import Claim, Span, Statement

__all__ = [
    "OverlapIndex",
    "candidate_pairs",
    "collapse",
    "copies_of",
    "copy_key",
    "expand",
    "expand_claims",
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


def copy_key(st: Statement, entity_of: Mapping[Span, str]) -> Hashable:
    """What fact alignment reads of a statement, its article aside: its words, the story
    entities it names, its places, and each claim as read (value, what it is of, where
    in the sentence). Two statements with one key score alike against every other."""
    s = st.span.start

    def claim(c: Claim) -> Hashable:
        mention = entity_of.get(c.mention) if c.mention else None
        return (c.span.start - s, c.span.end - s, c.text, c.kind, c.predicate, c.thing,
                c.value, c.unit, c.low, c.high, c.start, c.end, c.year_known, mention, c.cue,
                tuple(c.context))  # fmt: skip

    # tuple(): a record read back from a store may hold lists
    return (st.text, tuple(st.entities), tuple(st.places), tuple(claim(c) for c in st.claims))


def copies_of(
    keys: Sequence[Hashable], articles: Sequence[str], origin_of: Mapping[str, str]
) -> list[int | None]:
    """For each sentence (key ``keys[k]``, e.g. :func:`copy_key`, of article
    ``articles[k]``), the index of the sentence it copies — an equal key earlier in
    another article of its origin — or None when it is its own (the first of its key
    in its origin, or a sentence repeated within one article).

    >>> copies_of(["Troops left.", "Troops left.", "Rain fell."], ["a", "b", "b"],
    ...           {"a": "o1", "b": "o1"})
    [None, 0, None]
    """
    first: dict[tuple[str, Hashable], int] = {}
    out: list[int | None] = []
    for k, (key, article) in enumerate(zip(keys, articles, strict=True)):
        original = first.setdefault((origin_of.get(article, article), key), k)
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


def expand_claims(
    groups: Sequence[Sequence[tuple[int, int]]],
    kept: Sequence[int],
    copy_of: Sequence[int | None],
    articles: Sequence[str],
    value: Callable[[int, int], Hashable],
) -> list[list[tuple[int, int]]]:
    """Groups of claims (kept statement index, claim index) as groups of claims of all
    statements: a copy's claim joins the group of the claim it copies (a copy holds the
    same claims in the same order, see :func:`copy_key`), unless its article gives the
    slot a value there that the original's article does not (``value(statement,
    claim)``): a reprint gives the values its original gives, and an original may give
    two where one holds the other (a province and its country, align.claim_groups).
    Groups come sorted.

    >>> expand_claims([[(0, 0), (1, 0)]], kept=[0, 2], copy_of=[None, 0, None],
    ...               articles=["a", "b", "c"], value=lambda s, c: "12")
    [[(0, 0), (1, 0), (2, 0)]]
    """
    copies: dict[int, list[int]] = {}
    for k, original in enumerate(copy_of):
        if original is not None:
            copies.setdefault(original, []).append(k)
    out = []
    for g in groups:
        members = [(kept[s], c) for s, c in g]
        given: dict[str, set[Hashable]] = {}
        for s, c in members:
            given.setdefault(articles[s], set()).add(value(s, c))
        for s, c in list(members):
            own = set(given[articles[s]])
            for k in copies.get(s, ()):
                theirs = given.setdefault(articles[k], set())
                if theirs | {value(k, c)} <= own:
                    theirs.add(value(k, c))
                    members.append((k, c))
        out.append(sorted(members))
    return sorted(out)
