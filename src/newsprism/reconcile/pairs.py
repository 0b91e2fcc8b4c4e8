"""Array helpers for reading many pairs of a story's items at once.

A 1,000-report story has some 600,000 candidate pairs of claims; a Python function
called once a pair spends most of the facts stage on interpreter overhead. These
helpers turn the per-pair tests alignment reads (equal values, shared words, a word in
another item's words) into numpy operations over arrays of pair indices ``x``, ``y``.
They give exactly what the per-pair test gives: equality through integer codes, and
overlaps counted as sums of 0/1 products, which float32 holds exactly whatever the
order of summation::

    >>> import numpy as np
    >>> x, y = np.array([0, 0]), np.array([1, 2])
    >>> shared_counts([{"troops", "left"}, {"troops", "city"}, {"rain"}], x, y).tolist()
    [1, 0]
    >>> contains([{"troops"}, {"aged", "boy"}, set()], ["boy", "man", None], y, x).tolist()
    [False, False]
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable, Sequence

import numpy as np
import numpy.typing as npt

__all__ = ["codes", "contains", "shared_counts"]

Index = npt.NDArray[np.intp]
# the most cells of one block of the overlap product (float32: 64 MB)
_CELLS = 1 << 24


def codes(values: Iterable[Hashable | None]) -> Index:
    """One integer per distinct value, in order of first appearance; None is -1, so
    ``(c[x] >= 0) & (c[x] == c[y])`` reads "both given and equal".

    >>> codes(["a", None, "b", "a"]).tolist()
    [0, -1, 1, 0]
    """
    number: dict[Hashable, int] = {}
    return np.array(
        [-1 if v is None else number.setdefault(v, len(number)) for v in values], dtype=np.intp
    ).reshape(-1)


def shared_counts(sets: Sequence[Iterable[Hashable]], x: Index, y: Index) -> Index:
    """``len(set(sets[x[k]]) & set(sets[y[k]]))`` for every pair ``k``.

    Only words held by two sets or more can be shared, so only those get a column; the
    product of the 0/1 rows is taken in blocks of rows, so memory stays bounded.
    """
    out = np.zeros(len(x), dtype=np.intp)
    members = [set(s) for s in sets]
    df = Counter(w for s in members for w in s)
    column: dict[Hashable, int] = {}
    for w, c in df.items():
        if c >= 2:
            column[w] = len(column)
    if not column or not len(x):
        return out
    rows = [r for r, s in enumerate(members) if any(w in column for w in s)]
    local = np.full(len(members), -1, dtype=np.intp)
    local[rows] = np.arange(len(rows))
    m = np.zeros((len(rows), len(column)), dtype=np.float32)
    for r, k in zip(rows, range(len(rows)), strict=True):
        for w in members[r]:
            if w in column:
                m[k, column[w]] = 1.0
    lx, ly = local[x], local[y]
    both = np.flatnonzero((lx >= 0) & (ly >= 0))
    lx, ly = lx[both], ly[both]
    step = max(1, _CELLS // len(rows))
    for r0 in range(0, len(rows), step):
        sel = np.flatnonzero((lx >= r0) & (lx < r0 + step))
        if len(sel):
            product = m[r0 : r0 + step] @ m.T
            out[both[sel]] = product[lx[sel] - r0, ly[sel]].astype(np.intp)
    return out


def contains(
    sets: Sequence[Iterable[Hashable]], items: Sequence[Hashable | None], x: Index, y: Index
) -> npt.NDArray[np.bool_]:
    """``items[x[k]] in sets[y[k]]`` for every pair ``k`` (never for a None item)."""
    word = {w: n for n, w in enumerate(dict.fromkeys(w for s in sets for w in s))}
    width = len(word) + 1
    held = np.array(
        sorted(r * width + word[w] for r, s in enumerate(sets) for w in set(s)), dtype=np.int64
    )
    item = np.array([-1 if v is None else word.get(v, -1) for v in items], dtype=np.int64)
    asked = item[x]
    found = np.isin(y.astype(np.int64) * width + asked, held)
    result: npt.NDArray[np.bool_] = found & (asked >= 0)
    return result
