"""Keys under which the spellings of one place name meet.

Transliterations of one name differ in accents, in the Arabic article
("al-", "el-", "ad-"), in doubled letters, in hyphens and apostrophes, and in a
final "h" ("Dūmā", "Douma", "Duma"; "Deir ez-Zor", "Dayr az Zawr"). The key folds
those; what remains is compared exactly, then by consonant skeleton with a close
spelling (:func:`newsprism.analyze.text_norm.skeleton`).
"""

from __future__ import annotations

import re

from ..analyze.text_norm import strip_accents

# Arabic definite-article forms as written in English (al-, el-, ad-, ash-, az- ...).
ARTICLES = frozenset("al el il ul ad ed ar er as es ash esh at et az ez an en ud".split())
# Letters that transliterations write in more than one way, folded to one.
_FOLDS = (("ou", "u"), ("ee", "i"), ("oo", "u"), ("kh", "k"), ("q", "k"), ("j", "y"))
_APOSTROPHES = re.compile(r"[`'’ʿʾ‘ʻ]")
_SEPARATORS = re.compile(r"[-‐‑–—_/.,()]")
_NON_WORD = re.compile(r"[^\w\s]")


def geo_key(name: str) -> str:
    """The folded key of a place name; empty when nothing is left.

    >>> geo_key("Dūmā") == geo_key("Douma"), geo_key("Deir ez-Zor") == geo_key("Deir Ezzor")
    (True, False)
    >>> geo_key("Al-Hasakah") == geo_key("Hasaka")
    True
    """
    text = strip_accents(name).casefold()
    text = _APOSTROPHES.sub("", text)
    text = _SEPARATORS.sub(" ", text)
    text = _NON_WORD.sub("", text)
    words = text.split()
    if words and words[0] == "the":
        words = words[1:]
    if len(words) > 1:
        words = [w for w in words if w not in ARTICLES] or words
    out = []
    for w in words:
        for a, b in _FOLDS:
            w = w.replace(a, b)
        w = re.sub(r"(.)\1+", r"\1", w)
        if len(w) > 3 and w.endswith("h") and w[-2] in "aeiou":
            w = w[:-1]
        out.append(w)
    return " ".join(out)


# Suffixes that make a demonym or adjective of a place name, with the endings
# the name itself may have had ("Syria" + "n", "China" - "a" + "ese",
# "Paris" + "ian", "Iraq" + "i", "London" + "er"). General English morphology.
_DEMONYM_RULES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ians", ("", "e", "ia", "a", "y")),
    ("ans", ("", "a", "e")),
    ("ian", ("", "e", "ia", "a", "y", "ium")),
    ("ean", ("", "e", "a", "ia")),
    ("an", ("", "a", "e", "o")),
    ("ese", ("", "a", "e")),
    ("ish", ("", "land", "ey", "ain", "en")),
    ("ite", ("", "e")),
    ("ers", ("",)),
    ("er", ("",)),
    ("is", ("",)),
    ("i", ("", "a", "istan")),
    ("n", ("",)),
)


def demonym_stems(word: str) -> list[str]:
    """Place names a demonym or adjective may come from, most likely first.

    >>> "syria" in demonym_stems("Syrian"), "paris" in demonym_stems("Parisian")
    (True, True)
    """
    w = strip_accents(word).casefold().strip()
    if not w.isalpha() or len(w) < 4:
        return []
    out: list[str] = []
    for suffix, endings in _DEMONYM_RULES:
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            stem = w[: -len(suffix)]
            for e in endings:
                if stem + e not in out:
                    out.append(stem + e)
    return out
