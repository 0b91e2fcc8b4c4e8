"""What clustering compares: an article's names and numbers, its words, and its lead's meaning.

Two reports of one event name the same people, places and organisations and give
the same figures; two events of one kind (two earthquakes, two trials) share the
vocabulary of the kind but not its names, places, dates and counts. So the
lexical signature of an article has two channels, each weighted by rarity
against a corpus (TF-IDF):

- its capitalised words (names, in any language written with capitals) and its
  numbers, with the headline and lead counted three times;
- all its content words (stop words of its language left out): the rare words
  of one event's telling — a "receiver" against a "tackle", a "rehab" against a
  "divorce" — separate two events of one kind whose names overlap.

Sentence embeddings of the lead carry the rest, and carry it across languages.

Every term is hashed to an id in a space of ``TERM_SPACE`` per channel, large
enough that two words of one collection rarely share an id. A batch compares its
articles on these ids exactly (sparse vectors); the incremental clusterer folds
them into a fixed number of signed buckets (one block per channel), so a story
is a small dense vector whatever the vocabulary, and the document frequencies a
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
from ..ingest.metadata import timestamp_line

TERM_SPACE = 1 << 20  # hashed term ids per channel: names and numbers, then content words
NAME_BUCKETS = 1024  # folded dimensions of names and numbers (incremental clustering)
WORD_BUCKETS = 1024  # folded dimensions of content words, after the names'
BUCKETS = NAME_BUCKETS + WORD_BUCKETS  # folded lexical dimensions
LEAD_LINES = 2  # headline and first paragraph, as cleaned text lines
LEAD_WEIGHT = 2  # extra counts for a term in the headline or lead

_WORD = re.compile(r"\d+(?:[.,]\d+)*|[^\W_][\w'’\-.]*[^\W_]|[^\W_]", re.UNICODE)
_LETTER_WORD = re.compile(r"[^\W\d_][\w'’]*[^\W_]|[^\W\d_]", re.UNICODE)  # hyphens split
_NUMBER = re.compile(r"^\d+(?:[.,]\d+)*$")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
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
    if word.isascii():  # NFKC and accents change nothing
        return word.lower().removesuffix("'s")
    word = strip_accents(unicodedata.normalize("NFKC", word)).lower()
    return word.replace("’", "'").removesuffix("'s")


def _number(word: str) -> str:
    # 1,500 / 1.500 / 1500 are one figure; 6.2 stays a decimal
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


@lru_cache(maxsize=64)  # codes come from input (an HTML lang attribute): bounded
def stop_words(language: str | None) -> frozenset[str]:
    """Stop words of a language as spaCy lists them (English when unknown; none if spaCy has none).

    >>> {"the", "of"} <= stop_words("en"), "les" in stop_words("fr"), stop_words("xx")
    (True, True, frozenset())
    """
    code = (language or "en").split("-")[0].lower()
    if not code.isalpha():
        return frozenset()
    try:
        module = importlib.import_module(f"spacy.lang.{code}.stop_words")
    except ImportError:
        return frozenset()
    return frozenset(_fold(w) for w in getattr(module, "STOP_WORDS", ()))


def content_words(text: str, language: str | None = None) -> Counter[str]:
    """Words of ``text`` (folded to lower case, no accents) that are not stop words or figures.

    >>> sorted(content_words("The receiver was arrested on Tuesday; 3 arrests this year.").items())
    [('arrested', 1), ('arrests', 1), ('receiver', 1), ('tuesday', 1), ('year', 1)]
    """
    stop = stop_words(language)
    found: Counter[str] = Counter()
    for w in _LETTER_WORD.findall(text):
        key = _fold(w)
        if len(key) > 1 and key not in stop:
            found[key] += 1
    return found


def _title_case(line: str) -> bool:
    words = [w for w in _WORD.findall(line) if w[0].isalpha()]
    if len(words) < 4:
        return False
    return bool(sum(w[0].isupper() for w in words) >= 0.7 * len(words))


def lead_of(title: str | None, text: str) -> str:
    """Headline and lead: the title (when not already the first line) and the first lines.

    A timestamp line among them ("Updated 12/16/2008 1:30 AM EST") says when, not what: it
    keeps its year, as a figure of the lead, and takes no line's place; its clock and day
    figures would only match other figures ("1:30" is no "30 dead").

    >>> lead_of(None, "Quake hits Lima\\nUpdated 12/16/2008 1:30 AM EST\\nA quake hit Lima.\\nIt…")
    'Quake hits Lima\\nA quake hit Lima.\\n2008'
    """
    lines: list[str] = []
    years: list[str] = []
    for line in text.split("\n"):
        if len(lines) == LEAD_LINES:
            break
        if timestamp_line(line):
            years += [y for y in _YEAR.findall(line) if y not in years]
        elif line.strip():
            lines.append(line)
    if title and (not lines or lines[0].strip() != title.strip()):
        lines.insert(0, title)
    return "\n".join(lines + years)


def signature_terms(title: str | None, text: str) -> Counter[str]:
    """Term counts of an article with its headline and lead counted ``1 + LEAD_WEIGHT`` times."""
    counts = terms(text)
    if title and title.strip() not in text:
        counts.update(terms(title))
    for key, n in terms(lead_of(title, text)).items():
        counts[key] += LEAD_WEIGHT * n
    return counts


def term_id(term: str, channel: int = 0) -> int:
    """The hashed id of a term: channel 0 for names and numbers, 1 for content words.

    >>> term_id("lima") < TERM_SPACE <= term_id("lima", 1)
    True
    """
    return channel * TERM_SPACE + (zlib.crc32(term.encode("utf-8")) & (TERM_SPACE - 1))


def fold(ids: npt.NDArray[np.int32]) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.float32]]:
    """Dense bucket and sign of each term id (signed hashing keeps collisions unbiased).

    The bucket comes from an id's low bits, its sign from the id's top bit.

    >>> b, sign = fold(np.array([term_id("lima"), term_id("lima", 1)], dtype=np.int32))
    >>> int(b[1] - b[0]) % NAME_BUCKETS == 0, bool(b[1] >= NAME_BUCKETS), bool(sign[0] == sign[1])
    (True, True, True)
    """
    ids = ids.astype(np.int64)
    words = ids >= TERM_SPACE
    local = ids & (TERM_SPACE - 1)
    dense = np.where(words, NAME_BUCKETS + local % WORD_BUCKETS, local % NAME_BUCKETS)
    sign = np.where((local >> (TERM_SPACE.bit_length() - 2)) & 1, 1.0, -1.0).astype(np.float32)
    return dense, sign


@dataclass(frozen=True)
class Signature:
    """An article as clustering sees it."""

    article_id: str
    ids: npt.NDArray[np.int32]  # hashed term ids, sorted and unique (see :func:`term_id`)
    counts: npt.NDArray[np.float32]  # sublinear term frequencies (1 + log n) per id
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
    words = content_words(text, language)
    if title and title.strip() not in text:
        words.update(content_words(title, language))
    for channel, found in enumerate((signature_terms(title, text), words)):
        for term, n in found.items():
            key = term_id(term, channel)
            acc[key] = max(acc.get(key, 0.0), 1.0 + float(np.log(n)))  # ids rarely collide
    keys = np.array(sorted(acc), dtype=np.int32)
    vals = np.array([acc[k] for k in keys], dtype=np.float32)
    lead = (
        np.zeros(0, dtype=np.float32)
        if lead_vector is None
        else np.asarray(lead_vector, dtype=np.float32)
    )
    return Signature(article_id, keys, vals, lead, day, language)
