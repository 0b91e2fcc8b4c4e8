"""Group articles into stories: average-linkage assignment, one article at a time.

An article joins the story whose members it resembles most *on average* (not
its single closest member: that chains two events of one kind together through
one ambiguous report), when that average reaches :data:`THRESHOLD`; otherwise
it opens a new story. Each story keeps the sums of its members' vectors, so the
average similarity to all members is one dot product whatever the story's size.

Similarity of two articles = ``LEXICAL`` × cosine of their TF-IDF signatures + the
rest × cosine of their lead embeddings; the TF-IDF cosine is itself ``NAME_SHARE`` ×
the cosine of their names and numbers + the rest × the cosine of their content words
(each channel normalised on its own, so a long article's many words do not drown its
names). Across languages names and words match only in part, so an article in a
language the story has not seen is also compared on its lead embedding alone, less
``CROSS_LINGUAL_MARGIN``, and the higher counts. Articles published far apart decay
toward zero similarity (beyond ``SAME_EVENT_DAYS``).

Batch runs see every article before assigning (document frequencies of the
whole batch, then a refinement pass that moves an article to a better story
formed after it); incremental runs (``newsprism watch``) assign as articles
arrive, with running document frequencies.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from .features import BUCKETS, NAME_BUCKETS, TERM_SPACE, WORD_BUCKETS, Signature, fold
from .index import VectorIndex, make_index

THRESHOLD = 0.29  # mean similarity to a story's members needed to join it
LEXICAL = 0.8  # weight of the TF-IDF signature; the lead embedding has the rest
NAME_SHARE = 0.3  # share of names and numbers in the TF-IDF cosine; content words have the rest
CROSS_LINGUAL_MARGIN = 0.45  # subtracted from the lead cosine when languages differ
SAME_EVENT_DAYS = 4  # published within this many days of a story: no time penalty
DECAY_DAYS = 7.0  # beyond it, similarity shrinks by e every this many days
CANDIDATES = 32  # nearest stored leads whose stories are considered (large runs)
IDF_TRUST_DOCS = 100  # document frequencies count fully from this many articles on
SCAN_LIMIT = 256  # up to this many stories, compare against every one of them
WINDOW_DAYS = 30  # incremental runs keep in the index only stories active this recently
EVICT_EVERY = 2_000  # articles between two evictions of stale stories from the index
BATCH_THRESHOLD = 0.2  # batch linkage: mean similarity two groups need to be one story…
COHESION = 0.85  # …and up to this share of the mean similarity inside the looser group…
FEW = 0.3  # …less this share of it over √(reports in the smaller group) (:func:`cohesion_bar`)
# Similarities are rounded to this many decimals before a threshold or another
# similarity is compared with them: two machines whose BLAS sums in another order
# differ in the last bits of a float, which must not decide a story.
DECIMALS = 6
COPY = 0.8  # articles this similar are copies of one report (a wire story reprinted, trimmed)
CLOSE = 0.6  # the cohesion test counts two parts of a group at most this alike (:func:`link`)
# A batch is a collection someone chose (one story's coverage, follow-ups included): time
# counts only beyond a month, by e in three years (a trial two years after a shooting is
# still its story). A feed keeps the short scale above: there a story idle for a week is
# over, and a new report of the same kind is a new story.
BATCH_SAME_EVENT_DAYS = 30
BATCH_DECAY_DAYS = 1095.0

Array = npt.NDArray[Any]


class StoryClusterer:
    """Assigns articles to stories; stories are numbered 0, 1, 2… in order of creation.

    Example (needs the models or files named)::

        c = StoryClusterer()
        c.fit_frequencies(signatures)
        labels = c.cluster(signatures)
    """

    def __init__(self, sem_dim: int = 512, expected: int = 0, threshold: float = THRESHOLD):
        self.sem_dim = sem_dim
        self.threshold = threshold
        self.df = np.zeros(BUCKETS, dtype=np.float64)
        self.n_docs = 0
        cap = 64
        self.lex = np.zeros((cap, BUCKETS), dtype=np.float32)
        self.sem = np.zeros((cap, sem_dim), dtype=np.float32)
        self.n = np.zeros(cap, dtype=np.float32)
        self.n_sem = np.zeros(cap, dtype=np.float32)
        self.first = np.full(cap, np.nan)
        self.last = np.full(cap, np.nan)
        self.languages: list[Counter[str]] = []
        self.size = 0
        self.index: VectorIndex = make_index(sem_dim, expected)
        self._index_story: list[int] = []  # index key -> story
        self._leads: dict[int, Array] = {}  # live index key -> lead vector (to save, rebuild)
        self._newest: float = -math.inf  # latest publication day seen
        self._added = 0

    # -- document frequencies -------------------------------------------------
    def observe(self, signature: Signature) -> None:
        """Count the signature's terms in the document frequencies."""
        self._count(fold(signature.ids)[0])

    def _count(self, dense: Array) -> None:
        # numpy's += on repeated indices adds once: two terms of one article that share a
        # bucket count it once, as a document frequency should
        self.df[dense] += 1
        self.n_docs += 1

    def fit_frequencies(self, signatures: Sequence[Signature]) -> None:
        """Document frequencies of a whole batch, before any assignment."""
        for s in signatures:
            self.observe(s)

    # -- vectors ------------------------------------------------------------------
    def vectors(self, s: Signature) -> tuple[Array, Array | None]:
        """The article's TF-IDF vector (dense, unit) and its lead vector (or None)."""
        return self._vectors(s, *fold(s.ids))

    def _vectors(self, s: Signature, dense: Array, sign: Array) -> tuple[Array, Array | None]:
        lex = np.zeros(BUCKETS, dtype=np.float32)
        idf = _idf(self.df[dense], self.n_docs, dense >= NAME_BUCKETS)
        np.add.at(lex, dense, sign * s.counts * idf)
        names, words = lex[:NAME_BUCKETS], lex[NAME_BUCKETS:]
        scale_n, scale_w = _channel_scales(
            np.asarray(np.linalg.norm(names)), np.asarray(np.linalg.norm(words)), self.n_docs
        )
        names *= scale_n
        words *= scale_w
        return lex, self.lead(s)

    def lead(self, s: Signature) -> Array | None:
        """The article's lead vector, or None when it has none of this clusterer's size."""
        return s.lead if s.lead.size == self.sem_dim and np.any(s.lead) else None

    # -- stories --------------------------------------------------------------------
    def _new_story(self) -> int:
        if self.size == len(self.n):
            cap = 2 * len(self.n)
            self.lex = _grow(self.lex, cap)
            self.sem = _grow(self.sem, cap)
            self.n = _grow(self.n, cap)
            self.n_sem = _grow(self.n_sem, cap)
            self.first = _grow(self.first, cap, np.nan)
            self.last = _grow(self.last, cap, np.nan)
        self.languages.append(Counter())
        self.size += 1
        return self.size - 1

    def _join(self, story: int, s: Signature, lex: Array, sem: Array | None, sign: int) -> None:
        self.lex[story] += sign * lex
        self.n[story] += sign
        if sem is not None:
            self.sem[story] += sign * sem
            self.n_sem[story] += sign
        if s.language:
            self.languages[story][s.language] += sign
        if s.day is not None and sign > 0:
            self.first[story] = np.fmin(self.first[story], s.day)
            self.last[story] = np.fmax(self.last[story], s.day)

    def _candidates(self, sem: Array | None) -> Array:
        if self.size <= SCAN_LIMIT or sem is None:
            return np.arange(self.size)
        found = self.index.search(sem[None, :], CANDIDATES)[0]
        return np.unique([self._index_story[k] for k in found]).astype(np.int64)

    def scores(self, s: Signature, lex: Array, sem: Array | None, cand: Array) -> Array:
        """Mean similarity of the article to the members of each candidate story."""
        if len(cand) == 0:
            return np.zeros(0)
        n = np.maximum(self.n[cand], 1e-9)
        live = self.n[cand] > 0
        lexical = (self.lex[cand] @ lex) / n
        score = lexical.astype(np.float64)
        if sem is not None:
            n_sem = self.n_sem[cand]
            has = n_sem > 0
            semantic = np.where(has, (self.sem[cand] @ sem) / np.maximum(n_sem, 1e-9), 0.0)
            score = np.where(has, LEXICAL * lexical + (1 - LEXICAL) * semantic, lexical)
            if s.language:
                foreign = (
                    np.array([self.languages[c][s.language] <= 0 for c in cand], dtype=bool) & has
                )
                score = np.where(foreign, np.maximum(score, semantic - CROSS_LINGUAL_MARGIN), score)
        if s.day is not None:
            gap = np.fmax(self.first[cand] - s.day, s.day - self.last[cand])
            gap = np.nan_to_num(gap, nan=0.0)
            late = np.maximum(gap - SAME_EVENT_DAYS, 0.0)
            score = score * np.exp(-late / DECAY_DAYS)
        result: Array = np.where(live, score, -math.inf)
        return result

    def assign(self, s: Signature, lex: Array, sem: Array | None) -> int:
        """The story the article joins (a new one when none is close enough)."""
        cand = self._candidates(sem)
        scores = np.round(self.scores(s, lex, sem, cand), DECIMALS)
        if len(scores) and float(scores.max()) >= self.threshold:
            return int(cand[int(np.argmax(scores))])  # first best: deterministic
        return self._new_story()

    def closest(self, group: Sequence[Signature]) -> int | None:
        """The story a group of articles that arrived together joins: the one its members
        resemble most on average, when that average reaches the threshold and, as in batch
        linkage (:func:`link`), the group and the story resemble each other at least
        :func:`cohesion_bar` times as much as the looser of the two resembles itself; else None."""
        vecs = [self.vectors(s) for s in group]
        totals: dict[int, float] = {}
        for s, (lex, sem) in zip(group, vecs, strict=True):
            cand = self._candidates(sem)
            scores = self.scores(s, lex, sem, cand)
            for story, score in zip(cand.tolist(), scores.tolist(), strict=True):
                totals[story] = totals.get(story, 0.0) + score  # absent from a member's: 0
        if not totals:
            return None
        mine = _mean_pair(
            np.sum([lex for lex, _ in vecs], axis=0),
            float(len(vecs)),
            np.sum([sem for _, sem in vecs if sem is not None], axis=0),
            float(sum(sem is not None for _, sem in vecs)),
        )
        totals = {k: round(v, DECIMALS) for k, v in totals.items()}
        for story in sorted(totals, key=lambda k: (-totals[k], k)):  # first best: deterministic
            between = round(totals[story] / len(group), DECIMALS)
            if between < self.threshold:
                return None
            theirs = _mean_pair(self.lex[story], self.n[story], self.sem[story], self.n_sem[story])
            if math.isnan(mine) or math.isnan(theirs):
                return story
            smaller = min(float(len(group)), float(self.n[story]))
            bar = cohesion_bar(COHESION, smaller) * min(mine, theirs, CLOSE)
            if between >= round(bar, DECIMALS):
                return story
        return None

    def add(self, s: Signature, observe: bool = True, story: int | None = None) -> int:
        """Assign one arriving article (incremental use) and return its story.

        ``story`` places it in a known story instead (``self.size`` opens a new
        one): how a clusterer is rebuilt from stories already in a store.
        """
        dense, sign = fold(s.ids)  # once, for the frequencies and the vector
        if observe:
            self._count(dense)
        lex, sem = self._vectors(s, dense, sign)
        if story is None:
            story = self.assign(s, lex, sem)
        elif story >= self.size:
            story = self._new_story()
        self._join(story, s, lex, sem, +1)
        self._remember(story, sem)
        if s.day is not None:
            self._newest = max(self._newest, s.day)
        self._added += 1
        if self._added % EVICT_EVERY == 0:
            self.evict()
        return story

    def _remember(self, story: int, sem: Array | None) -> int:
        """Put an article's lead in the candidate index under ``story``; its key, or -1."""
        if sem is None:
            return -1
        key = len(self._index_story)
        self.index.add(np.array([key]), sem[None, :])
        self._index_story.append(story)
        self._leads[key] = sem.astype(np.float16)
        return key

    def evict(self) -> int:
        """Drop from the index the articles of stories idle for ``WINDOW_DAYS``; return how many.

        Their stories stay (and can be saved); only the search for candidates forgets
        them, which keeps memory bounded on an endless feed.
        """
        if not math.isfinite(self._newest):
            return 0
        cutoff = self._newest - WINDOW_DAYS
        stale = [k for k in self._leads if self.last[self._index_story[k]] < cutoff]
        if stale:
            self.index.remove(np.array(stale, dtype=np.int64))
            for k in stale:
                del self._leads[k]
        return len(stale)

    def index_vectors(self) -> tuple[Array, Array]:
        """Keys and lead vectors of the live index."""
        keys = np.array(sorted(self._leads), dtype=np.int64)
        if not len(keys):
            return keys, np.zeros((0, self.sem_dim), dtype=np.float32)
        return keys, np.stack([self._leads[int(k)] for k in keys]).astype(np.float32)

    def cluster(self, signatures: Sequence[Signature], refine: int = 1) -> list[int]:
        """Story number of each signature; frequencies must already be fitted.

        Every article's lead goes into the candidate index as it is placed (beyond
        ``SCAN_LIMIT`` stories, candidates come from there), under the story it is in.
        Vectors are computed again for the refinement (the same, as frequencies are
        fixed) rather than kept: memory grows with the stories, not the articles.
        """
        labels = []
        keys = []
        for s in signatures:
            lex, sem = self.vectors(s)
            story = self.assign(s, lex, sem)
            self._join(story, s, lex, sem, +1)
            keys.append(self._remember(story, sem))
            labels.append(story)
        for _ in range(refine):
            for i, s in enumerate(signatures):
                lex, sem = self.vectors(s)
                self._join(labels[i], s, lex, sem, -1)
                story = self.assign(s, lex, sem)
                self._join(story, s, lex, sem, +1)
                if keys[i] >= 0:
                    self._index_story[keys[i]] = story
                labels[i] = story
        return _renumber(labels)


def _mean_pair(lex: Array, n: float, sem: Array, n_sem: float) -> float:
    """Mean similarity of the pairs of a group's members from the sums of their unit vectors
    (lexical and lead); NaN for a single member."""
    if n < 2:
        return math.nan
    lexical = (float(lex @ lex) - n) / (n * (n - 1))
    if n_sem < 2:
        return lexical
    semantic = (float(sem @ sem) - n_sem) / (n_sem * (n_sem - 1))
    return LEXICAL * lexical + (1 - LEXICAL) * semantic


def _trust(n_docs: int) -> float:
    """How far document frequencies of ``n_docs`` articles say what is rare (0 to 1)."""
    return min(1.0, n_docs / IDF_TRUST_DOCS)


def _idf(df: Array, n_docs: int, words: Array) -> Array:
    """Inverse document frequency: a name's is 1 + its rarity, a content word's its rarity alone
    (a word in every article says nothing of which event it reports). Rarity means little in
    a handful of articles, so it fades in with the collection (see :func:`_channel_scales`)."""
    rarity = _trust(n_docs) * np.log((n_docs + 1) / (df + 1))
    result: Array = np.where(words, 0.0, 1.0) + rarity
    return result


def _channel_scales(names: Array, words: Array, n_docs: int) -> tuple[Array, Array]:
    """Factors for each row's names and words (given their norms) after which a dot product
    is the names' share × their cosine + the rest × the words' cosine.

    The words' share is ``1 - NAME_SHARE`` from ``IDF_TRUST_DOCS`` articles on and fades
    to nothing below: until a collection shows which words are rare, the words two reports
    share are mostly those of the kind of event (a "quake", a "knockout"), which two events
    of one kind share too. A row with one channel empty has the other as its whole.
    """
    share_w = (1 - NAME_SHARE) * _trust(n_docs)
    has_n, has_w = names > 0, words > 0
    total = np.sqrt(np.where(has_n, 1 - share_w, 0.0) + np.where(has_w, share_w, 0.0))
    total = np.maximum(total, 1e-30)
    scale_n = np.where(has_n, math.sqrt(1 - share_w) / np.maximum(names, 1e-30), 0.0) / total
    scale_w = np.where(has_w, math.sqrt(share_w) / np.maximum(words, 1e-30), 0.0) / total
    return scale_n, scale_w


def exact_lexical(signatures: Sequence[Signature]) -> npt.NDArray[np.float64]:
    """Pairwise TF-IDF cosines of a batch on its exact term ids (document frequencies of
    the batch), the channels weighted as in :meth:`StoryClusterer.vectors`."""
    from scipy import sparse

    n = len(signatures)
    if not n:
        return np.zeros((0, 0))
    rows = np.repeat(np.arange(n), [len(s.ids) for s in signatures])
    ids = np.concatenate([s.ids for s in signatures]).astype(np.int64)
    counts = np.concatenate([s.counts for s in signatures]).astype(np.float64)
    columns, col = np.unique(ids, return_inverse=True)
    df = np.bincount(col, minlength=len(columns)).astype(np.float64)
    is_word = ids >= TERM_SPACE
    weights = counts * _idf(df[col], n, is_word)
    sums = np.zeros((n, 2))
    np.add.at(sums, (rows, is_word.astype(np.int64)), weights**2)
    scale_n, scale_w = _channel_scales(np.sqrt(sums[:, 0]), np.sqrt(sums[:, 1]), n)
    weights *= np.where(is_word, scale_w[rows], scale_n[rows])
    x = sparse.csr_matrix((weights, (rows, col)), shape=(n, len(columns)))
    result: npt.NDArray[np.float64] = (x @ x.T).toarray()
    return result


def _grow(a: Array, cap: int, fill: float = 0.0) -> Array:
    new = np.full((cap, *a.shape[1:]), fill, dtype=a.dtype)
    new[: len(a)] = a
    return new


def _renumber(labels: list[int]) -> list[int]:
    """Stories numbered by first appearance (empty ones left by refinement vanish)."""
    seen: dict[int, int] = {}
    return [seen.setdefault(x, len(seen)) for x in labels]


def similarity_matrix(
    clusterer: StoryClusterer, signatures: Sequence[Signature]
) -> npt.NDArray[np.float64]:
    """Pairwise article similarity for batch linkage: the formula of story assignment on
    exact term ids (:func:`exact_lexical`), with the batch's time scale
    (``BATCH_SAME_EVENT_DAYS``, ``BATCH_DECAY_DAYS``)."""
    leads = [clusterer.lead(s) for s in signatures]
    sim = exact_lexical(signatures)
    has = np.array([v is not None for v in leads], dtype=bool)
    if has.any():
        sem = np.stack([v if v is not None else np.zeros(clusterer.sem_dim) for v in leads])
        semantic = (sem @ sem.T).astype(np.float64)
        both = has[:, None] & has[None, :]
        mixed = LEXICAL * sim + (1 - LEXICAL) * semantic
        langs = [s.language for s in signatures]
        foreign = np.array([[bool(a and b and a != b) for b in langs] for a in langs], dtype=bool)
        mixed = np.where(foreign, np.maximum(mixed, semantic - CROSS_LINGUAL_MARGIN), mixed)
        sim = np.where(both, mixed, sim)
    days = np.array([np.nan if s.day is None else s.day for s in signatures], dtype=np.float64)
    gap = np.nan_to_num(np.abs(days[:, None] - days[None, :]), nan=0.0)
    sim *= np.exp(-np.maximum(gap - BATCH_SAME_EVENT_DAYS, 0.0) / BATCH_DECAY_DAYS)
    return np.round(sim, DECIMALS)


def link(
    similarity: npt.NDArray[np.float64],
    threshold: float = BATCH_THRESHOLD,
    cohesion: float = COHESION,
) -> list[int]:
    """Average-linkage stories of a similarity matrix.

    The tree is cut from the top: a group stays one story when its two halves are
    similar on average (``threshold``) *and* they resemble each other nearly as much
    as each resembles itself (``cohesion``, less for small halves: :func:`cohesion_bar`).
    Two events of one kind share the vocabulary and background names of their kind,
    enough to pass an absolute threshold; each event's reports resemble each other much
    more than they resemble the other event's, which is what the cohesion test sees.

    Copies of one report count once, and closeness counts only up to a point. A wire story
    reprinted by five outlets resembles itself almost perfectly: counted as five articles, or
    trusted as closeness, it makes the cohesion test split one event into as many stories as
    wires were reprinted. So articles similar at ``COPY`` or more (chained: a copy of a copy)
    are first one member, their similarity to others averaged; and two halves of a group
    closer than ``CLOSE`` count as that close only (reports of one event rarely share more
    unless one was written from the other).

    >>> sim = np.array([[1, .75, .3, .3], [.75, 1, .3, .3], [.3, .3, 1, .7], [.3, .3, .7, 1.]])
    >>> link(sim)  # all pairs pass 0.2, but 0.3 between is far below 0.7 within
    [0, 0, 1, 1]
    >>> wires = np.kron(0.45 + 0.5 * np.eye(3), np.ones((2, 2)))  # 3 reports, reprinted twice
    >>> np.fill_diagonal(wires, 1.0)
    >>> link(wires)  # (counted as six, each report's two prints would be a story)
    [0, 0, 0, 0, 0, 0]
    """
    n = len(similarity)
    if n < 2:
        return [0] * n
    sim = (similarity + similarity.T) / 2
    origin = _copies(sim)
    reports = int(origin.max()) + 1
    if reports == n:
        origin = np.arange(n)
    else:  # one row per report: the mean similarity of its copies
        from scipy import sparse

        members = sparse.csr_matrix((np.ones(n), (np.arange(n), origin)), shape=(n, reports))
        sizes = np.bincount(origin, minlength=reports).astype(np.float64)
        summed = members.T @ np.asarray(members.T @ sim).T
        sim = np.asarray(summed) / np.outer(sizes, sizes)
    labels = _cut(sim, threshold, cohesion)
    return _renumber([labels[k] for k in origin])


def cohesion_bar(cohesion: float, smaller: float) -> float:
    """How alike two groups must be, as a share of the looser group's own mean similarity, to
    stay one story, when the smaller of them has ``smaller`` reports.

    The tree splits each group where its halves look least alike, and a mean over a few
    reports is noisy: one report worded apart, or two that share an angle, make a split of a
    small group look real. So the bar rises with the evidence, toward ``cohesion`` as the
    smaller group grows: a split needs to be clear, or to be seen in many reports.

    >>> [round(cohesion_bar(COHESION, reports), 3) for reports in (2, 10, 100)]
    [0.67, 0.769, 0.825]
    """
    return cohesion * (1.0 - FEW / math.sqrt(max(smaller, 1.0)))


def _copies(sim: npt.NDArray[np.float64]) -> npt.NDArray[np.int64]:
    """Report number of each article: articles linked by similarities of ``COPY`` or more."""
    from scipy import sparse
    from scipy.sparse.csgraph import connected_components

    _count, groups = connected_components(sparse.csr_matrix(sim >= COPY), directed=False)
    result: npt.NDArray[np.int64] = groups.astype(np.int64)
    return result


def _cut(sim: npt.NDArray[np.float64], threshold: float, cohesion: float) -> list[int]:
    """Stories of the average-linkage tree of ``sim``, cut as :func:`link` says."""
    from scipy.cluster.hierarchy import linkage
    from scipy.spatial.distance import squareform

    n = len(sim)
    if n < 2:
        return [0] * n
    dist = 1.0 - sim
    np.fill_diagonal(dist, 0.0)
    tree = linkage(squareform(np.clip(dist, 0.0, None), checks=False), "average")
    # node k < n is article k; node n + i is the merge in row i of the tree
    size = np.ones(2 * n - 1)
    within = np.zeros(2 * n - 1)  # pairwise similarities summed inside each node (see CLOSE)
    between = np.zeros(2 * n - 1)  # mean similarity of a merge's two halves
    for i, (a, b, d, _count) in enumerate(tree):
        a, b, k = int(a), int(b), n + i
        size[k] = size[a] + size[b]
        between[k] = round(1.0 - d, DECIMALS)
        within[k] = within[a] + within[b] + size[a] * size[b] * min(between[k], CLOSE)

    def mean_within(k: int) -> float:
        return float(within[k] / (size[k] * (size[k] - 1) / 2))

    labels = [0] * n
    story = 0
    stack = [2 * n - 2]
    while stack:
        k = stack.pop()
        if k >= n:
            a, b = int(tree[k - n, 0]), int(tree[k - n, 1])
            whole = between[k] >= threshold
            if whole and size[a] > 1 and size[b] > 1:
                bar = cohesion_bar(cohesion, min(size[a], size[b]))
                whole = between[k] >= round(bar * min(mean_within(a), mean_within(b)), DECIMALS)
            if not whole:
                stack += [b, a]
                continue
        for leaf in _leaves(tree, k, n):
            labels[leaf] = story
        story += 1
    return _renumber(labels)


def _leaves(tree: npt.NDArray[np.float64], k: int, n: int) -> list[int]:
    out, stack = [], [k]
    while stack:
        j = stack.pop()
        if j < n:
            out.append(j)
        else:
            stack += [int(tree[j - n, 1]), int(tree[j - n, 0])]
    return out


def dump_state(c: StoryClusterer, story_ids: Sequence[str]) -> bytes:
    """The clusterer and the store ids of its stories as bytes (``numpy.savez``, no pickle)."""
    import io
    import json

    buf = io.BytesIO()
    k = c.size
    keys, leads = c.index_vectors()
    np.savez_compressed(
        buf,
        layout=np.array(_LAYOUT),
        df=c.df,
        n_docs=np.array([c.n_docs]),
        threshold=np.array([c.threshold]),
        lex=c.lex[:k],
        sem=c.sem[:k],
        n=c.n[:k],
        n_sem=c.n_sem[:k],
        first=c.first[:k],
        last=c.last[:k],
        leads=leads,
        lead_keys=keys,
        index_story=np.array(c._index_story, dtype=np.int64),
        meta=np.frombuffer(
            json.dumps(
                {"languages": [dict(x) for x in c.languages], "story_ids": list(story_ids)}
            ).encode(),
            dtype=np.uint8,
        ),
    )
    return buf.getvalue()


class StaleState(ValueError):
    """Saved clusterer state of another signature layout (an older newsprism): rebuild it."""


_LAYOUT = (NAME_BUCKETS, WORD_BUCKETS, TERM_SPACE)  # what a saved state's vectors mean


def load_state(data: bytes) -> tuple[StoryClusterer, list[str]]:
    """The inverse of :func:`dump_state`; :class:`StaleState` when saved by another layout."""
    import io
    import json

    z = np.load(io.BytesIO(data), allow_pickle=False)
    if "layout" not in z.files or tuple(int(x) for x in z["layout"]) != _LAYOUT:
        raise StaleState("clusterer state of an older signature layout")
    meta = json.loads(bytes(z["meta"]).decode())
    sem = z["sem"]
    c = StoryClusterer(sem_dim=sem.shape[1], threshold=float(z["threshold"][0]))
    c.df = z["df"].astype(np.float64)
    c.n_docs = int(z["n_docs"][0])
    k = len(z["n"])
    cap = max(64, k)
    c.lex = _grow(z["lex"], cap)
    c.sem = _grow(sem, cap)
    c.n = _grow(z["n"], cap)
    c.n_sem = _grow(z["n_sem"], cap)
    c.first = _grow(z["first"], cap, np.nan)
    c.last = _grow(z["last"], cap, np.nan)
    c.size = k
    c.languages = [Counter(x) for x in meta["languages"]]
    leads, keys = z["leads"], z["lead_keys"]
    c.index = make_index(c.sem_dim, len(leads))
    if len(leads):
        c.index.add(keys, leads)
    c._leads = {int(k): v.astype(np.float16) for k, v in zip(keys, leads, strict=True)}
    c._index_story = [int(x) for x in z["index_story"]]
    days = c.last[:k][np.isfinite(c.last[:k])]
    c._newest = float(days.max()) if len(days) else -math.inf
    return c, list(meta["story_ids"])
