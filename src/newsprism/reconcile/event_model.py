"""The fitted ACLED sub-event typer: one linear model over six views of a text.

A report is typed from (1) its multilingual sentence embedding, which knows what
a text is about; (2) its words, stemmed and weighted by rarity (TF-IDF), which
carry the codebook's terms ("shelling", "grenade", "dispersed"); (3) the words
of its first sentence again, on their own, since a report leads with its event
and adds background after (the clashes before, the arrests after); (4) the named
cues of :mod:`.event_cues`, the codebook's crisp distinctions and their pairs;
(5) which of the codebook patterns of :mod:`.event_types` match; (6) who did
what to whom, the verb–argument roles of the parse (:mod:`.event_roles`),
weighted by rarity like the words. Each view is scaled to unit length, so the
six weigh alike by construction, not by tuning. Measured on the CASE 2021 dev
half (weighted F1, 15 folds): the lead sentence's words add 0.010, the roles
0.007 to 0.013; character n-grams (0.003), sentence embeddings averaged over
the sentences (0.005, within noise), class-balanced weights, a quadratic kernel
and a two-stage model (event type, then sub-event: 0.021 less) did not earn
their place; nor, fold by fold against this model (``bench/event_type_ideas.py``),
lemma n-grams with names masked (+0.001), verb-subject-object lemmas (-0.008),
the lead sentence's embedding (+0.003), the text's embedding with names masked
(+0.002 beside, -0.012 instead), a kNN over the embeddings (0.48 alone, given
no weight mixed in), the event type's score added to its sub-events' (+0.002),
or a snippet's sentences as training rows of their own (-0.009, -0.015): every
difference within the folds' spread (sd of the paired differences 0.013-0.028).

The weights are fitted by regularised least squares on one-hot class targets
(a ridge classifier): closed form and deterministic, so the penalty can be
chosen by nested cross-validation in seconds. On the CASE 2021 dev half it
scores as softmax logistic regression over the same features did (measured:
within a point, with a fit twenty times slower). The vocabulary holds only words seen in
lower case in two training snippets or more, so names of people and places do
not become features. Every fit also reads the codebook's definitions
(:mod:`.event_codebook`) as training texts. ``bench/fit_event_types.py`` refits
and saves the model.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from .event_cues import FIRST_SENTENCE, cue_vector
from .event_roles import roles_of
from .event_types import pattern_vector

F64 = npt.NDArray[np.float64]
MODEL_PATH = Path(__file__).with_name("event_types.json")
# the penalties nested cross-validation chooses from (a factor of 3 apart)
L2_GRID = (0.3, 1.0, 3.0)
WEIGHT_UNIT = 1e-5  # the weights' largest are about 0.5, their median 0.005
MIN_SNIPPETS = 2  # a word enters the vocabulary when this many training texts use it
_WORD = re.compile(r"[A-Za-z]+")
_SUFFIXES = ("ations", "ation", "ings", "ing", "ies", "ied", "ers", "ed", "es", "er", "s", "e")


def stem(word: str) -> str:
    """A light suffix-stripping stem: "shelled", "shelling" and "shells" meet.

    >>> stem("shelling"), stem("shelled"), stem("protesters")
    ('shell', 'shell', 'protest')
    """
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def words_of(text: str) -> frozenset[str]:
    """The stems of the words ``text`` writes in lower case (names are capitalised)."""
    return frozenset(stem(w) for w in _WORD.findall(text) if w.islower())


def _unit_rows(m: F64) -> F64:
    norms = np.linalg.norm(m, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    out: F64 = m / norms
    return out


@dataclass(frozen=True)
class Vocabulary:
    """Words with their inverse document frequency in the training texts."""

    words: tuple[str, ...]
    idf: F64

    @classmethod
    def fit(cls, stems: Sequence[frozenset[str]]) -> Vocabulary:
        """Terms used by :data:`MIN_SNIPPETS` texts or more (each text's set of terms)."""
        df: Counter[str] = Counter(w for s in stems for w in s)
        words = tuple(sorted(w for w, c in df.items() if c >= MIN_SNIPPETS))
        idf = np.array([np.log(len(stems) / df[w]) for w in words], dtype=np.float64)
        return cls(words, idf)

    def matrix(self, stems: Sequence[frozenset[str]]) -> F64:
        """TF-IDF rows (binary term frequency), unit length."""
        index = {w: i for i, w in enumerate(self.words)}
        m = np.zeros((len(stems), len(self.words)))
        for row, s in enumerate(stems):
            for w in s:
                if w in index:
                    m[row, index[w]] = self.idf[index[w]]
        return _unit_rows(m)


BAGS = ("words", "lead", "roles")  # the views weighted by rarity, each with its vocabulary


def lead_of(text: str) -> str:
    """The first sentence of ``text``."""
    return FIRST_SENTENCE.split(text, maxsplit=1)[0]


@dataclass(frozen=True)
class Views:
    """What the model reads of each text, computed once: the embedding, cues and
    patterns as vectors, and the terms of each of :data:`BAGS` (stems of the words,
    stems of the lead sentence's words, verb–argument roles)."""

    embedding: F64  # (n, 512), unit rows
    cues: F64  # (n, len(CUE_FEATURES)), unit rows
    patterns: F64  # (n, len(PATTERNS)), unit rows
    bags: tuple[tuple[frozenset[str], ...], ...]  # per BAGS, per text

    @classmethod
    def of(
        cls,
        texts: Sequence[str],
        vectors: npt.ArrayLike,
        roles: Sequence[frozenset[str]] | None = None,
    ) -> Views:
        """The views of ``texts`` with their sentence ``vectors`` (``embed_texts``).

        ``roles`` are the texts' :func:`~.event_roles.roles_of` when the caller
        has them; else the texts are parsed here.
        """
        n = len(texts)
        return cls(
            _unit_rows(np.asarray(vectors, dtype=np.float64).reshape(n, -1)),
            _unit_rows(np.array([cue_vector(t) for t in texts], dtype=np.float64).reshape(n, -1)),
            _unit_rows(
                np.array([pattern_vector(t) for t in texts], dtype=np.float64).reshape(n, -1)
            ),
            (
                tuple(words_of(t) for t in texts),
                tuple(words_of(lead_of(t)) for t in texts),
                tuple(roles_of(texts) if roles is None else roles),
            ),
        )

    def __len__(self) -> int:
        return len(self.embedding)

    def terms(self, bag: int, rows: Sequence[int]) -> list[frozenset[str]]:
        """The terms of view ``BAGS[bag]`` of texts ``rows``."""
        return [self.bags[bag][i] for i in rows]

    def design(self, rows: Sequence[int], vocabularies: Sequence[Vocabulary]) -> F64:
        """The feature rows of texts ``rows``: the six views side by side."""
        idx = list(rows)
        bags = [v.matrix(self.terms(b, idx)) for b, v in enumerate(vocabularies)]
        return np.hstack([self.embedding[idx], *bags, self.cues[idx], self.patterns[idx]])


@dataclass(frozen=True)
class LinearTyper:
    """Class scores = features @ weights.T + bias; the best-scoring class wins."""

    classes: tuple[str, ...]
    vocabularies: tuple[Vocabulary, ...]  # per BAGS
    weights: F64  # (classes, features)
    bias: F64  # (classes,)
    l2: float

    def predict(
        self, views: Views, rows: Sequence[int] | None = None, allowed: Sequence[str] | None = None
    ) -> list[str]:
        """The best class of each text (all of ``views``, or ``rows``), among ``allowed``."""
        idx = list(range(len(views))) if rows is None else list(rows)
        if not idx:
            return []
        s = views.design(idx, self.vocabularies) @ self.weights.T + self.bias
        if allowed is not None:
            keep = np.array([c in set(allowed) for c in self.classes])
            s = np.where(keep, s, -np.inf)
        return [self.classes[int(i)] for i in np.argmax(s, axis=1)]

    def to_json(self) -> dict[str, Any]:
        """Weights as whole multiples of :data:`WEIGHT_UNIT` (a third of the size of
        decimals; the fitted model's predictions on its training texts do not change)."""
        return {
            "classes": list(self.classes),
            "l2": self.l2,
            "vocabularies": {
                name: {"terms": list(v.words), "idf": [float(f"{x:.4g}") for x in v.idf]}
                for name, v in zip(BAGS, self.vocabularies, strict=True)
            },
            "bias": [float(f"{v:.4g}") for v in self.bias],
            "weight_unit": WEIGHT_UNIT,
            "weights": np.rint(self.weights / WEIGHT_UNIT).astype(int).tolist(),
        }


def train(views: Views, rows: Sequence[int], labels: Sequence[str], l2: float) -> LinearTyper:
    """A ridge classifier on texts ``rows`` of ``views`` (``labels`` in the same order).

    Least squares to centred one-hot targets, solved in the dual (fewer texts
    than features); ``l2`` is the penalty on the squared weights.
    """
    idx = list(rows)
    vocabularies = tuple(Vocabulary.fit(views.terms(b, idx)) for b in range(len(BAGS)))
    x = views.design(idx, vocabularies)
    classes = tuple(sorted(set(labels)))
    index = {c: i for i, c in enumerate(classes)}
    targets = np.zeros((len(idx), len(classes)))
    targets[np.arange(len(idx)), [index[v] for v in labels]] = 1.0
    mean_x, mean_t = x.mean(axis=0), targets.mean(axis=0)
    xc = x - mean_x
    dual = np.linalg.solve(xc @ xc.T + l2 * np.eye(len(idx)), targets - mean_t)
    weights = (xc.T @ dual).T
    return LinearTyper(classes, vocabularies, weights, mean_t - weights @ mean_x, l2)


def load_typer(path: Path = MODEL_PATH) -> tuple[LinearTyper, dict[str, Any]]:
    """The shipped model and its notes (data, folds, scores)."""
    data = json.loads(path.read_text("utf-8"))
    vocabularies = tuple(
        Vocabulary(
            tuple(data["vocabularies"][name]["terms"]),
            np.asarray(data["vocabularies"][name]["idf"], dtype=np.float64),
        )
        for name in BAGS
    )
    typer = LinearTyper(
        tuple(data["classes"]),
        vocabularies,
        np.asarray(data["weights"], dtype=np.float64) * float(data["weight_unit"]),
        np.asarray(data["bias"], dtype=np.float64),
        float(data["l2"]),
    )
    return typer, data.get("about", {})


@lru_cache(maxsize=1)
def shipped_typer() -> LinearTyper:
    """The model saved beside this module, read once."""
    return load_typer()[0]


def stratified_folds(labels: Sequence[str], k: int, seed: int) -> list[int]:
    """A fold number per text: each class dealt round the folds in a seeded random order."""
    rng = np.random.default_rng(seed)
    fold = [0] * len(labels)
    for c in sorted(set(labels)):
        members = [i for i, v in enumerate(labels) if v == c]
        order = rng.permutation(len(members))
        offset = int(rng.integers(k))
        for j, m in enumerate(order):
            fold[members[int(m)]] = (j + offset) % k
    return fold


def f1_table(gold: Sequence[str], pred: Sequence[str]) -> tuple[float, dict[str, float]]:
    """Weighted F1 over the gold labels (as CASE 2021 reports it) and F1 per label."""
    per: dict[str, float] = {}
    total = 0.0
    for label in sorted(set(gold)):
        tp = sum(g == label == p for g, p in zip(gold, pred, strict=True))
        predicted = sum(p == label for p in pred)
        support = sum(g == label for g in gold)
        precision = tp / predicted if predicted else 0.0
        recall = tp / support
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per[label] = f1
        total += f1 * support
    return (total / len(gold) if gold else 0.0), per


def choose_l2(
    views: Views,
    rows: Sequence[int],
    labels: Sequence[str],
    scored: frozenset[str],
    k: int = 4,
    always: Sequence[int] = (),
) -> float:
    """The penalty of :data:`L2_GRID` with the best cross-validated weighted F1 on ``rows``.

    ``always`` rows (the codebook's definitions) train every fold and are never
    scored. Ties go to the larger penalty (the simpler model).
    """
    rows = list(rows)
    sub = [labels[i] for i in rows]
    fold = stratified_folds(sub, k, seed=0)
    best, best_l2 = -1.0, L2_GRID[-1]
    for l2 in sorted(L2_GRID, reverse=True):
        gold: list[str] = []
        pred: list[str] = []
        for f in range(k):
            train_rows = [r for r, g in zip(rows, fold, strict=True) if g != f]
            test_rows = [
                r for r, g in zip(rows, fold, strict=True) if g == f and labels[r] in scored
            ]
            train_rows += always
            model = train(views, train_rows, [labels[r] for r in train_rows], l2)
            gold += [labels[r] for r in test_rows]
            pred += model.predict(views, test_rows, allowed=sorted(scored))
        score = f1_table(gold, pred)[0]
        if score > best + 1e-9:
            best, best_l2 = score, l2
    return best_l2


@dataclass(frozen=True)
class CrossValidation:
    """Outer-fold scores (weighted F1), the penalty each fold chose, and F1 per class.

    ``per_class`` pools each seed's held-out predictions and averages over seeds.
    """

    fold_scores: tuple[float, ...]
    l2_chosen: tuple[float, ...]
    per_class: dict[str, float]
    support: dict[str, int]

    @property
    def mean(self) -> float:
        return float(np.mean(self.fold_scores))

    @property
    def sd(self) -> float:
        return float(np.std(self.fold_scores))


def cross_validate(
    views: Views,
    labels: Sequence[str],
    scored: frozenset[str],
    seeds: Sequence[int] = (0, 1, 2),
    k: int = 5,
    always: Sequence[int] = (),
) -> CrossValidation:
    """Stratified ``k``-fold cross-validation, repeated over ``seeds``, penalty chosen inside.

    Every class trains the model; only texts labelled with ``scored`` classes are
    scored, and their prediction is among ``scored`` (CASE 2021 subtask 1).
    ``always`` rows (the codebook's definitions) train every fold, are never scored
    and are in no fold.
    """
    extra = set(always)
    annotated = [i for i in range(len(labels)) if i not in extra]
    fold_scores: list[float] = []
    chosen: list[float] = []
    per_seed: list[dict[str, float]] = []
    for seed in seeds:
        dealt = stratified_folds([labels[i] for i in annotated], k, seed)
        fold = dict(zip(annotated, dealt, strict=True))
        gold_all: list[str] = []
        pred_all: list[str] = []
        for f in range(k):
            inside = [i for i in annotated if fold[i] != f]
            test_rows = [i for i in annotated if fold[i] == f and labels[i] in scored]
            l2 = choose_l2(views, inside, labels, scored, always=always)
            train_rows = inside + list(always)
            model = train(views, train_rows, [labels[i] for i in train_rows], l2)
            gold = [labels[i] for i in test_rows]
            pred = model.predict(views, test_rows, allowed=sorted(scored))
            fold_scores.append(f1_table(gold, pred)[0])
            chosen.append(l2)
            gold_all += gold
            pred_all += pred
        per_seed.append(f1_table(gold_all, pred_all)[1])
    per_class = {c: float(np.mean([p[c] for p in per_seed])) for c in per_seed[0]}
    support = Counter(labels[i] for i in annotated if labels[i] in scored)
    return CrossValidation(tuple(fold_scores), tuple(chosen), per_class, dict(support))


def with_definitions(
    texts: Sequence[str], labels: Sequence[str]
) -> tuple[list[str], list[str], list[int]]:
    """``texts`` and ``labels`` followed by the codebook's definitions, and the rows of those."""
    from .event_codebook import DEFINITIONS

    defs = [(t, c) for c, ts in DEFINITIONS.items() for t in ts]
    rows = list(range(len(texts), len(texts) + len(defs)))
    return [*texts, *(t for t, _ in defs)], [*labels, *(c for _, c in defs)], rows
