"""Normalised keys for names: accents, punctuation, titles and possessives folded."""

from __future__ import annotations

import re
import unicodedata

# Honorifics and offices that precede a name; stripped so "Adm. Jane Roe",
# "Admiral Jane Roe" and "Jane Roe" share one key. General English usage.
TITLES = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "miss",
        "dr",
        "prof",
        "sir",
        "dame",
        "lord",
        "lady",
        "adm",
        "admiral",
        "gen",
        "general",
        "col",
        "colonel",
        "maj",
        "major",
        "capt",
        "captain",
        "lt",
        "lieutenant",
        "sgt",
        "sergeant",
        "cpl",
        "corporal",
        "pvt",
        "private",
        "cmdr",
        "commander",
        "brig",
        "brigadier",
        "president",
        "vice",
        "prime",
        "minister",
        "premier",
        "chancellor",
        "secretary",
        "senator",
        "sen",
        "rep",
        "representative",
        "gov",
        "governor",
        "mayor",
        "king",
        "queen",
        "prince",
        "princess",
        "emperor",
        "pope",
        "cardinal",
        "bishop",
        "archbishop",
        "rev",
        "reverend",
        "father",
        "sheikh",
        "sheik",
        "imam",
        "rabbi",
        "ayatollah",
        "judge",
        "justice",
        "chief",
        "ambassador",
        "envoy",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "deputy",
        "acting",
        "former",
        "late",
        "foreign",
        "defense",
        "defence",
        "interior",
        "finance",
        "information",
        "state",
    ]
)

_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
_NON_WORD = re.compile(r"[^\w\s]")


def strip_accents(text: str) -> str:
    """``"Rīf Ḩimş"`` → ``"Rif Hims"``."""
    if text.isascii():  # nothing to decompose: most words of most texts
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def name_key(text: str) -> str:
    """A key under which spelling variants of one name meet.

    >>> name_key("the U.S. Army's"), name_key("Ḩalab  Province")
    ('us army', 'halab province')
    """
    text = strip_accents(text).casefold().strip()
    text = _POSSESSIVE.sub("", text)
    text = text.replace(".", "")
    text = re.sub(r"[-‐‑–—_/]", " ", text)
    text = _NON_WORD.sub("", text)
    words = text.split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def skeleton(key: str) -> str:
    """Consonants only, doubled letters folded: transliterations differ mostly in vowels.

    >>> skeleton("dnepropetrovska") == skeleton("dnipropetrovska")
    True
    """
    out = []
    for word in key.split():
        cons = re.sub(r"[aeiouy']", "", word)
        cons = re.sub(r"(.)\1+", r"\1", cons)
        out.append(cons or word)
    return " ".join(out)


def strip_titles(words: list[str]) -> int:
    """How many leading words of ``words`` are titles ("Admiral", "Prime Minister")."""
    n = 0
    while n < len(words) - 1 and words[n].casefold().rstrip(".") in TITLES:
        n += 1
    return n
