"""Nearest neighbours of lead vectors, so clustering cost grows near-linearly.

:class:`ExactIndex` (numpy, exact) serves small collections; :class:`HNSWIndex`
(usearch's HNSW graph, 8-bit quantised) serves large ones. Both return the
``k`` stored keys closest by cosine to each query and support removal, so a
clusterer can keep only a recent time window in memory. Measured against
faiss-cpu and hnswlib in ``bench/ann.py``.
"""

from __future__ import annotations

from typing import Any, Protocol

import numpy as np
import numpy.typing as npt

EXACT_LIMIT = 2_000  # above this many vectors an HNSW graph is faster than a scan (measured)


class VectorIndex(Protocol):
    def add(self, keys: npt.NDArray[np.int64], vectors: npt.NDArray[np.float32]) -> None: ...

    def remove(self, keys: npt.NDArray[np.int64]) -> None: ...

    def search(self, vectors: npt.NDArray[np.float32], k: int) -> list[list[int]]: ...

    def __len__(self) -> int: ...


class ExactIndex:
    """Brute-force cosine search (vectors must be L2-normalised).

    >>> ix = ExactIndex(2)
    >>> ix.add(np.array([7, 9]), np.array([[1, 0], [0, 1]], dtype=np.float32))
    >>> ix.search(np.array([[0.9, 0.1]], dtype=np.float32), 1)
    [[7]]
    """

    def __init__(self, dim: int) -> None:
        self.dim = dim
        self._keys = np.zeros(64, dtype=np.int64)
        self._matrix = np.zeros((64, dim), dtype=np.float32)
        self._live = np.zeros(64, dtype=bool)
        self._n = 0  # rows used (live or removed)

    def add(self, keys: npt.NDArray[np.int64], vectors: npt.NDArray[np.float32]) -> None:
        rows = np.asarray(vectors, dtype=np.float32).reshape(-1, self.dim)
        need = self._n + len(rows)
        if need > len(self._keys):
            cap = max(need, 2 * len(self._keys))
            self._keys = np.resize(self._keys, cap)
            grown = np.zeros((cap, self.dim), dtype=np.float32)
            grown[: self._n] = self._matrix[: self._n]
            self._matrix = grown
            live = np.zeros(cap, dtype=bool)
            live[: self._n] = self._live[: self._n]
            self._live = live
        self._keys[self._n : need] = keys
        self._matrix[self._n : need] = rows
        self._live[self._n : need] = True
        self._n = need

    def remove(self, keys: npt.NDArray[np.int64]) -> None:
        self._live[: self._n] &= ~np.isin(self._keys[: self._n], keys)

    def search(self, vectors: npt.NDArray[np.float32], k: int) -> list[list[int]]:
        q = np.asarray(vectors, dtype=np.float32).reshape(-1, self.dim)
        rows = np.flatnonzero(self._live[: self._n])
        if not len(rows):
            return [[] for _ in range(len(q))]
        sims = q @ self._matrix[rows].T
        k = min(k, len(rows))
        top = np.argpartition(-sims, k - 1, axis=1)[:, :k]
        out = []
        for row, idx in zip(sims, top, strict=True):
            order = idx[np.argsort(-row[idx], kind="stable")]
            out.append([int(self._keys[rows[i]]) for i in order])
        return out

    def __len__(self) -> int:
        return int(self._live[: self._n].sum())


class HNSWIndex:
    """usearch HNSW graph over cosine distance, vectors stored as 8-bit integers."""

    def __init__(self, dim: int, threads: int = 0) -> None:
        from usearch.index import Index

        self.dim = dim
        self.threads = threads
        self._index = Index(ndim=dim, metric="cos", dtype="i8", connectivity=16)

    def add(self, keys: npt.NDArray[np.int64], vectors: npt.NDArray[np.float32]) -> None:
        self._index.add(
            np.asarray(keys, dtype=np.uint64),
            np.asarray(vectors, dtype=np.float32).reshape(-1, self.dim),
            threads=self.threads,
        )

    def remove(self, keys: npt.NDArray[np.int64]) -> None:
        self._index.remove(np.asarray(keys, dtype=np.uint64))

    def search(self, vectors: npt.NDArray[np.float32], k: int) -> list[list[int]]:
        q = np.asarray(vectors, dtype=np.float32).reshape(-1, self.dim)
        if len(self._index) == 0:
            return [[] for _ in range(len(q))]
        found: Any = self._index.search(q, k, threads=self.threads)
        if len(q) == 1:  # one query: usearch answers with a flat match list
            return [[int(x) for x in np.asarray(found.keys).reshape(-1)]]
        keys = np.asarray(found.keys).reshape(len(q), -1)
        counts = np.asarray(found.counts).reshape(-1)
        return [[int(x) for x in row[:c]] for row, c in zip(keys, counts, strict=True)]

    def __len__(self) -> int:
        return len(self._index)


def make_index(dim: int, expected: int) -> VectorIndex:
    """An exact index for small collections, an HNSW graph for large ones."""
    if expected <= EXACT_LIMIT:
        return ExactIndex(dim)
    return HNSWIndex(dim)
