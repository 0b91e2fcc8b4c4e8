"""What clustering compares: the names and numbers of an article, and its lead's meaning.

Two reports of one event name the same people, places and organisations and give
the same figures; two events of one kind (two earthquakes, two trials) share the
vocabulary of the kind but not its names, places, dates and counts. So the
lexical signature of an article is its capitalised words (names, in any
language written with capitals) and its numbers, with the headline and lead
counted three times — and, against a corpus, weighted by rarity (TF-IDF).
Sentence embeddings of the lead carry the rest, and carry it across languages.

Words are hashed into a fixed number of signed buckets, so a signature is a
small dense vector whatever the vocabulary, and the document frequencies a
growing collection needs are one array.
"""

from __future__ import annotations

import importlib
import re
import unicodedata
import zlib
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import numpy.typing as npt

from ..analyze.text_norm import strip_accents

BUCKETS = 1024  # hashed lexical dimensions
LEAD_LINES = 2  # headline and first paragraph, as cleaned text lines
LEAD_WEIGHT = 2  # extra counts for a term in the headline or lead

_WORD = re.compile(r"\d+(?:[.,]\d+)*|[^\W_][\w'’\-.]*[^\W_]|[^\W_]", re.UNICODE)
_NUMBER = re.compile(r"^\d+(?:[.,]\d+)*$")
_SENTENCE_END = re.compile(r"[.!?…:;»\"”]\s*$")


# Calendar words are dates, not names: the day of publication already says when.
_CALENDAR_LANGUAGES = ("en", "fr", "es", "de", "it", "pt", "nl")
_CALENDAR_KEYS = (
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday"
).split()


@lru_cache(maxsize=1)
def calendar_words() -> frozenset[str]:
    """Month and weekday names (full forms) in the languages dateparser describes.

    >>> {"thursday", "jeudi", "enero"} <= calendar_words()
    True
    """
    out: set[str] = set()
    for lang in _CALENDAR_LANGUAGES:
        data = importlib.import_module(f"dateparser.data.date_translation_data.{lang}").info
        for key in _CALENDAR_KEYS:
            out.update(_fold(w) for w in data.get(key, []) if len(w) >= 4 and "." not in w)
    return frozenset(out)


def _fold(word: str) -> str:
    word = strip_accents(unicodedata.normalize("NFKC", word)).lower()
    return word.replace("’", "'").removesuffix("'s")


def _number(word: str) -> str:
    # 1,500 / 1.500 / 1500 are one figure; 6.1 stays a decimal
    parts = re.split(r"[.,]", word)
    if len(parts) > 1 and all(len(p) == 3 for p in parts[1:]):
        return "".join(parts)
    return word.replace(",", ".")


def terms(text: str) -> Counter[str]:
    """Names and numbers of ``text``: capitalised words not opening a sentence, and figures.

    A capitalised word opening a sentence, or in a Title Case Headline, counts
    only when the text capitalises it mid-sentence too, or repeats it and never
    writes it in lower case: "The" and "Les" drop out in any language.

    Month and weekday names are left out: they are dates, not names.

    >>> sorted(terms("The quake hit Lima on Monday. Lima lost 1,200 of the homes.").items())
    [('1200', 1), ('lima', 2)]
    >>> sorted(terms("Quake Flattens Homes In Lima\\nA quake hit homes in Lima.").items())
    [('lima', 2)]
    """
    found: list[tuple[str, bool]] = []
    inner_caps: set[str] = set()
    for line in text.split("\n"):
        prev_end = True
        # In a Title Case Headline every word is capitalised: none of them shows a name.
        titled = _title_case(line)
        for m in _WORD.finditer(line):
            w = m.group().strip("'’-.")
            if not w:
                continue
            if _NUMBER.match(w):
                found.append((_number(w), False))
            elif w[0].isupper() and len(w) > 1:
                key = _fold(w)
                if key not in calendar_words():
                    found.append((key, prev_end or titled))
                    if not prev_end and not titled:
                        inner_caps.add(key)
            prev_end = bool(_SENTENCE_END.search(line[max(0, m.start() - 1) : m.end() + 1]))
            if m.end() < len(line) and line[m.end()] in ".!?":
                prev_end = True
    lower = {_fold(w) for w in _WORD.findall(text) if w[0].islower()}
    seen = Counter(k for k, _ in found)
    return Counter(
        k
        for k, opening in found
        if not opening or k in inner_caps or (k not in lower and seen[k] > 1)
    )


def _title_case(line: str) -> bool:
    words = [w for w in _WORD.findall(line) if w[0].isalpha()]
    if len(words) < 4:
        return False
    return bool(sum(w[0].isupper() for w in words) >= 0.7 * len(words))


def lead_of(title: str | None, text: str) -> str:
    """Headline and lead: the title (when not already the first line) and the first lines."""
    lines = [ln for ln in text.split("\n") if ln.strip()][:LEAD_LINES]
    if title and (not lines or lines[0].strip() != title.strip()):
        lines.insert(0, title)
    return "\n".join(lines)


def signature_terms(title: str | None, text: str) -> Counter[str]:
    """Term counts of an article with its headline and lead counted ``1 + LEAD_WEIGHT`` times."""
    counts = terms(text)
    if title and title.strip() not in text:
        counts.update(terms(title))
    for key, n in terms(lead_of(title, text)).items():
        counts[key] += LEAD_WEIGHT * n
    return counts


def bucket(term: str) -> tuple[int, float]:
    """The hashed bucket of a term and its sign (signed hashing keeps collisions unbiased)."""
    h = zlib.crc32(term.encode("utf-8"))
    return h % BUCKETS, 1.0 if (h >> 31) & 1 else -1.0


@dataclass(frozen=True)
class Signature:
    """An article as clustering sees it."""

    article_id: str
    buckets: npt.NDArray[np.int32]  # hashed term buckets (unique)
    counts: npt.NDArray[np.float32]  # signed sublinear term frequencies per bucket
    lead: npt.NDArray[np.float32]  # L2-normalised lead embedding, or empty
    day: int | None  # publication date as days since 1970-01-01
    language: str | None


def make_signature(
    article_id: str,
    title: str | None,
    text: str,
    lead_vector: npt.NDArray[np.float32] | None = None,
    day: int | None = None,
    language: str | None = None,
) -> Signature:
    """The clustering signature of one article (pure; the lead vector is computed by the caller)."""
    acc: dict[int, float] = {}
    for term, n in signature_terms(title, text).items():
        b, sign = bucket(term)
        acc[b] = acc.get(b, 0.0) + sign * (1.0 + float(np.log(n)))
    keys = np.array(sorted(acc), dtype=np.int32)
    vals = np.array([acc[k] for k in keys], dtype=np.float32)
    lead = (
        np.zeros(0, dtype=np.float32)
        if lead_vector is None
        else np.asarray(lead_vector, dtype=np.float32)
    )
    return Signature(article_id, keys, vals, lead, day, language)
