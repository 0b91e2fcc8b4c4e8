"""Name variants across outlets: one person or place spelled differently.

Outlets transliterate and spell names their own way: vowels change ("Meisam" /
"Meysam", "Kerman" / "Kirman"), letters double or not ("Mateo" / "Matteo"), a letter
stands for another sound system's ("Vakili" / "Wakili", "Frankfurt" /
"Francoforte", "Centre" / "Center", "Recognised" / "Recognized"), accents and
particles come and go. What stays is the run of consonants once letters that
transliterations trade are folded together — the *skeleton*. Short names share
skeletons by chance ("Hollis" / "Hallis"), so a skeleton match alone is not enough:
the names must also be of one kind (a person is not a country), never stand side
by side in one article (an outlet keeps its own spelling; two spellings in one text
are two names), and be said in similar sentences (:data:`CONTEXT_MIN`).

Measured on ``tests/gold/names/pairs.jsonl`` (variants and look-alikes read from
ECB+ and MEANTIME texts) by ``newsprism eval names``.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from rapidfuzz import fuzz
from rapidfuzz.distance import OSA

from ..analyze.embed import unpack
from ..records import Analysis, Mention

# Letters that transliterations and spellings trade for one another, folded to one.
_FOLDS = (
    ("sch", "s"), ("ch", "c"), ("sh", "s"), ("ph", "f"), ("gn", "n"), ("ck", "k"),
    ("dh", "d"), ("th", "t"), ("kh", "k"), ("q", "k"), ("c", "k"), ("v", "b"),
    ("w", "b"), ("z", "s"), ("j", "y"),
)  # fmt: skip
# Grammatical particles of names, dropped: "al-Rashid" / "el-Rashid" / "Rashid".
PARTICLES = frozenset("al el ad as ash an ar at az ibn bin ben abu the".split())
# A skeleton this long may differ by one letter (an edit or a swap): "Dombrowski" / "Dombrowksi".
LONG_SKELETON = 5
# Mean sentence vectors of the two names' mentions at least this close: said of one thing.
CONTEXT_MIN = 0.3
# The spellings themselves at least this alike (rapidfuzz ratio, 0-100).
SPELLING_MIN = 60
_KIND = {"PERSON": "person", "GPE": "place", "LOC": "place", "FAC": "place", "ORG": "org",
         "NORP": "group"}  # fmt: skip


def word_skeleton(word: str) -> str:
    """A word's consonants once traded letters are folded and doubles merged.

    >>> word_skeleton("alishvandi") == word_skeleton("alishbandi")
    True
    >>> word_skeleton("francoforte") == word_skeleton("frankfurt")
    True
    """
    w = word
    for a, b in _FOLDS:
        w = w.replace(a, b)
    w = w[:1] + w[1:].replace("h", "")  # a silent h: "John" / "Jon"
    w = re.sub(r"[aeiouy'’]", "", w)
    return re.sub(r"(.)\1+", r"\1", w) or word


def name_words(key: str) -> list[str]:
    """A name key's words without particles: "al hakim" → ["hakim"]."""
    return [w for w in key.split() if w not in PARTICLES]


def skeletons_agree(a: str, b: str) -> bool:
    """Whether two name keys are one name spelled two ways: the same number of words,
    each word's skeleton the same (or one letter apart when long), the spellings alike.

    >>> skeletons_agree("heidar alishvandi", "heydar alishbandi")
    True
    >>> skeletons_agree("jackman", "jackson"), skeletons_agree("reggie bush", "george bush")
    (False, False)
    """
    wa, wb = name_words(a), name_words(b)
    if not wa or len(wa) != len(wb) or wa == wb:
        return False
    for x, y in zip(wa, wb, strict=True):
        sx, sy = word_skeleton(x), word_skeleton(y)
        if sx == sy:
            continue
        if min(len(sx), len(sy)) < LONG_SKELETON or OSA.distance(sx, sy) > 1:
            return False
    return fuzz.ratio(" ".join(wa), " ".join(wb)) >= SPELLING_MIN


def kinds_agree(a: str | None, b: str | None) -> bool:
    """A person is not a place: kinds that differ (when both are known) keep names apart."""
    ka, kb = _KIND.get(a or ""), _KIND.get(b or "")
    return ka is None or kb is None or ka == kb


@dataclass(frozen=True)
class NameUse:
    """How a story uses one name key: its kind, the articles it is in, and the mean
    vector of the sentences it is said in (None without embeddings)."""

    kind: str | None
    articles: frozenset[str]
    context: npt.NDArray[np.float32] | None


def same_name(a: str, b: str, use_a: NameUse, use_b: NameUse) -> bool:
    """The decision: skeletons agree, kinds agree, never in one article, similar contexts."""
    if not skeletons_agree(a, b) or not kinds_agree(use_a.kind, use_b.kind):
        return False
    if use_a.articles & use_b.articles:
        return False
    if use_a.context is None or use_b.context is None:
        return False
    return float(use_a.context @ use_b.context) >= CONTEXT_MIN


def _unit(v: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
    n = float(np.linalg.norm(v))
    return v / n if n else v


def name_uses(
    mentions: Sequence[Mention], analyses: Sequence[Analysis], types: dict[str, Counter[str]]
) -> dict[str, NameUse]:
    """Each name key's use in the story (keys of places resolved by the gazetteer left out:
    those already meet on their code)."""
    sentence_vectors: dict[str, tuple[list[tuple[int, int]], npt.NDArray[np.float32]]] = {}
    for an in analyses:
        vectors = unpack(an.embeddings, an.embedding_dim or 512)
        spans = [(s.span.start, s.span.end) for s in an.sentences]
        sentence_vectors[an.article_id] = (spans, vectors)
    found: dict[str, list[npt.NDArray[np.float32]]] = defaultdict(list)
    articles: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        if m.place or not m.norm:
            continue
        articles[m.norm].add(m.span.article_id)
        empty = np.zeros((0, 1), dtype=np.float32)
        spans, vectors = sentence_vectors.get(m.span.article_id, ([], empty))
        for i, (s, e) in enumerate(spans):
            if s <= m.span.start < e and i < len(vectors):
                found[m.norm].append(vectors[i])
                break
    out = {}
    for key, arts in articles.items():
        kinds = types.get(key)
        kind = kinds.most_common(1)[0][0] if kinds else None
        context = _unit(np.mean(found[key], axis=0)) if found[key] else None
        out[key] = NameUse(kind, frozenset(arts), context)
    return out


def variant_pairs(
    mentions: Sequence[Mention], analyses: Sequence[Analysis], types: dict[str, Counter[str]]
) -> list[tuple[str, str]]:
    """Pairs of the story's name keys that :func:`same_name` joins, in a stable order.
    Keys are compared within buckets of one word count and one first skeleton letter
    per word, so a story's keys are not all compared with all."""
    uses = name_uses(mentions, analyses, types)
    buckets: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for key in sorted(uses):
        words = name_words(key)
        if words:
            buckets[tuple(word_skeleton(w)[:1] for w in words)].append(key)
    pairs = []
    for keys in buckets.values():
        for i, a in enumerate(keys):
            for b in keys[i + 1 :]:
                if same_name(a, b, uses[a], uses[b]):
                    pairs.append((a, b))
    return pairs
