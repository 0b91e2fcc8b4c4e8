"""Evidence of articles not in English: what can be read is read by the language's own
conventions, what cannot is said, never guessed.

The extractors are English ones: on a Spanish text they find the figures but read
"40.000" as forty and take the next word for the counted thing. Figures are read
again with the number conventions of the article's language (Babel's locale data:
"40.000" is forty thousand in Spanish, "20,1" twenty point one in Italian) and a
scale word after them by number-parser's data for that language ("millones",
"miliardi"); a figure whose reading is unsure (a separator the language does not
use so, a word that looks like a scale but is not in the data) is dropped. Counted
things, qualifiers, written-out numbers and dates are not read in other languages;
the analysis says so in a note.
"""

from __future__ import annotations

import importlib
import re
from dataclasses import replace
from functools import lru_cache

from ..records import Analysis, Quantity

ENGLISH = "en"
_NEXT_WORD = re.compile(r"\s*([^\W\d_]+)")


@lru_cache(maxsize=64)
def scale_words(language: str) -> dict[str, int]:
    """The language's words for powers of ten ("millones": 10**6), from number-parser's data;
    empty when it has none for the language."""
    try:
        data = importlib.import_module(f"number_parser.data.{language}").info
    except (ImportError, AttributeError):
        return {}
    return {k.casefold(): int(v) for k, v in data.get("BIG_POWERS_OF_TEN", {}).items()
            if int(v) >= 1000}  # fmt: skip


def read_figure(text: str, language: str) -> float | None:
    """A figure as the language writes it, or None when the reading is unsure.

    >>> read_figure("40.000", "es"), read_figure("20,1", "it"), read_figure("1.5", "es")
    (40000.0, 20.1, None)
    """
    from babel.numbers import NumberFormatError, parse_decimal

    if not re.fullmatch(r"\d[\d.,\u00a0\u202f ]*", text.strip()):
        return None
    try:
        return float(parse_decimal(text.strip(), locale=language, strict=True))
    except (NumberFormatError, ValueError, LookupError):
        return None


def _scale(after: str, language: str) -> float | None:
    """The power of ten a scale word right after a figure stands for: 1 when none
    follows; None when the next word looks like a scale word the data lacks."""
    m = _NEXT_WORD.match(after)
    if m is None:
        return 1.0
    word = m.group(1).casefold()
    words = scale_words(language)
    if word in words:
        return float(words[word])
    if len(word) >= 5 and any(w[:4] == word[:4] for w in words if len(w) >= 5):
        return None  # "miliardo" where the data lists "miliardi": unsure, so unread
    return 1.0


def localize(analysis: Analysis, text: str, language: str | None) -> Analysis:
    """``analysis`` of an article in ``language`` with figures read by that language's
    conventions and a note on what is not read; English or unknown: unchanged."""
    if not language or language == ENGLISH:
        return analysis
    quantities: list[Quantity] = []
    dropped = 0
    for q in analysis.quantities:
        value = read_figure(q.text, language)
        scale = _scale(text[q.span.end : q.span.end + 40], language) if value is not None else None
        if value is None or scale is None:
            dropped += 1
            continue
        v = value * scale
        quantities.append(replace(q, value_low=v, value_high=v, exact=True, counted=None,
                                  qualifier=None))  # fmt: skip
    note = (
        f"language {language}: figures read with {language} number conventions"
        + (f" ({dropped} left unread: their reading is unsure)" if dropped else "")
        + "; counted things, qualifiers, written-out numbers and dates are not read in this "
        "language"
    )
    # claims read off an English parse of another language would be guesses: none
    return replace(analysis, quantities=tuple(quantities), times=(), claims=(),
                   notes=(*analysis.notes, note))  # fmt: skip
