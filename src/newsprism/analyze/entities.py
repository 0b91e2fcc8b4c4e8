"""Named-entity mentions: spaCy NER plus general repairs, places through the gazetteer."""

from __future__ import annotations

import bisect
import re
from typing import Any

from ..records import Mention, Span
from .gazetteer import container, lookup
from .nlp import text_of, token_bounds, token_texts
from .text_norm import name_key, strip_titles

# Only names: dates, amounts and ordinals are handled by the time and quantity extractors.
NAME_TYPES = frozenset(
    {"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"}
)
PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
# "Full Name (ACRONYM)": a run of capitalised words (with small joining words) and a
# parenthesised acronym of 2–10 letters beginning with a capital.
_ACRONYM = re.compile(
    r"((?:(?:[A-Z][\w.'’&-]*|of|the|and|for|on|de|du|al|el|–|-)\s+){1,10})\(([A-Z][A-Za-z.&]{1,11})\)"
)
_JOINERS = frozenset({"of", "the", "and", "for", "on", "de", "du", "al", "el", "–", "-"})


def acronym_fits(acronym: str, words: list[str]) -> bool:
    """Whether ``acronym`` abbreviates ``words``: its letters split into prefixes of the
    words in order (words may be skipped), as "NORTHCOM" ← "Northern Command" and
    "NLF" ← "National Liberation Front".

    >>> acronym_fits("NORTHCOM", ["Northern", "Command"]), acronym_fits("UN", ["World", "Bank"])
    (True, False)
    """
    letters = re.sub(r"[^a-z]", "", acronym.casefold())
    ws = [re.sub(r"[^a-z]", "", w.casefold()) for w in words]
    ws = [w for w in ws if w]

    def fit(i: int, j: int) -> bool:
        if i == len(letters):
            return True
        if j == len(ws):
            return False
        w = ws[j]
        # take 1..len(w) letters from word j, or skip it when it is a joining word
        for k in range(min(len(w), len(letters) - i), 0, -1):
            if letters[i : i + k] == w[:k] and fit(i + k, j + 1):
                return True
        return ws[j] in _JOINERS and fit(i, j + 1)

    return bool(letters) and bool(ws) and letters[0] == ws[0][0] and fit(0, 0)


_EDGE_PUNCT = "“”\"'‘’«»„()[],;:"


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop quote marks, titles, a leading "the" and a possessive from [start, end)."""
    while start < end and text[start] in _EDGE_PUNCT:
        start += 1
    while end > start and text[end - 1] in _EDGE_PUNCT.replace("’", "").replace("'", ""):
        end -= 1
    chunk = text[start:end]
    m = _POSSESSIVE.search(chunk)
    if m:
        end -= len(m.group(0))
        chunk = text[start:end]
    words = chunk.split()
    drop = strip_titles(words)
    if words and words[0].casefold() == "the" and len(words) > 1:
        drop = max(drop, 1)
    for w in words[:drop]:
        start = text.index(w, start) + len(w)
    while start < end and text[start].isspace():
        start += 1
    return start, end


# A name followed by a web domain suffix is a site ("CNN.com", "MyNewsTown. com").
_NAME_JOINERS = frozenset({"-", "'", "’"})
_WEB_SUFFIX = re.compile(r"\.\s?(?:com|org|net|co\.uk|com\.au|info|news)\b", re.I)


def extract_mentions(article_id: str, doc: Any, *, whole: bool = True) -> tuple[Mention, ...]:
    """Named-entity mentions of ``doc``, each with a span and a normalised key.

    Repairs on top of spaCy: titles, "the" and possessives stripped; acronyms
    linked to their expansions ("U.S. Northern Command (NORTHCOM)"), with the
    acronym added when the model missed it; places resolved to ISO 3166 codes.
    ``whole=False``: ``doc`` is a part of its article, and :func:`plausible_places`
    waits for the article's other parts.
    """
    text: str = text_of(doc)
    found: dict[tuple[int, int], Mention] = {}
    for ent in doc.ents:
        if ent.label_ not in NAME_TYPES:
            continue
        if ent.text.strip().replace(",", "").replace(".", "").isdigit():
            continue  # a number the model took for a name
        start, end = _trim(text, ent.start_char, ent.end_char)
        if end <= start:
            continue
        surface = text[start:end]
        label = ent.label_
        web = _WEB_SUFFIX.match(text, end) is not None
        if web:
            label = "ORG"  # "MyNewsTown.com reports": a web outlet, not a place
        place = lookup(surface) if label in PLACE_TYPES or (label == "ORG" and not web) else None
        if place is not None and label == "ORG":
            label = "GPE"  # the model often calls a province an organisation
        found[(start, end)] = Mention(
            Span(article_id, start, end),
            surface,
            label,
            name_key(surface),
            place=place.code if place else None,
        )
    _gazetteer_places(article_id, doc, found)
    _placed_by_container(text, found)
    _link_acronyms(article_id, text, found)
    mentions = tuple(found[k] for k in sorted(found))
    return plausible_places(mentions) if whole else mentions


def _gazetteer_places(article_id: str, doc: Any, found: dict[tuple[int, int], Mention]) -> None:
    """Places the model missed: runs of two to four capitalised words (a trailing type
    word such as "province" allowed) that the gazetteer knows."""
    text: str = text_of(doc)
    n = len(doc)
    starts, ends = token_bounds(doc)
    words = token_texts(doc)
    capital = [w.isalpha() and (w.istitle() or w.isupper()) for w in words]
    joins = [w.isalpha() or w in _NAME_JOINERS for w in words]
    taken = bytearray(len(text) + 1)  # 1 where a mention already is
    for s, e in found:
        taken[s:e] = b"\x01" * (e - s)
    i = 0
    while i < n:
        if not capital[i]:
            i += 1
            continue
        hit = None
        for size in (4, 3, 2):
            j = i + size
            if j > n or not all(joins[i:j]):
                continue
            start, end = starts[i], ends[j - 1]
            if 1 in taken[start:end]:
                continue
            place = lookup(text[start:end])
            if place is not None and "-" in place.code:
                hit = (start, end, place.code)
                break
        if hit is None:
            i += 1
            continue
        s0, e0, code = hit
        found[(s0, e0)] = Mention(
            Span(article_id, s0, e0), text[s0:e0], "GPE", name_key(text[s0:e0]), place=code
        )
        taken[s0:e0] = b"\x01" * (e0 - s0)
        i = bisect.bisect_left(starts, e0)


# the place named right after a place, set off by a comma, that says where it lies:
# "Lima, Ohio", "Paris, Texas"
_CONTAINER = re.compile(r",\s*([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2})")


def _placed_by_container(text: str, found: dict[tuple[int, int], Mention]) -> None:
    """A subdivision code the gazetteer gave a name on its own is dropped when the
    place the text names after it lies in another country: in "Lima, Ohio" the
    name is the town in Ohio, not Peru's region of Lima (the
    subdivisions pycountry lists share many names with towns elsewhere). The name
    stays a place; the GeoNames resolver, which weighs the story's other places,
    finds its town."""
    for key, m in list(found.items()):
        if not m.place or "-" not in m.place:
            continue
        after = _CONTAINER.match(text, m.span.end)
        if after is None:
            continue
        words = after.group(1).split()
        # the longest run of the words that names a place ("Calif. Police" is "Calif.")
        names = (" ".join(words[:k]) for k in range(len(words), 0, -1))
        around = next((c for n in names for c in (container(n), container(n.rstrip(".")))
                       if c is not None), None)  # fmt: skip
        if around is not None and around.split("-")[0] != m.place.split("-")[0]:
            found[key] = Mention(m.span, m.text, m.type, m.norm, m.acronym_of, None)


def plausible_places(mentions: tuple[Mention, ...]) -> tuple[Mention, ...]:
    """A one-word subdivision name ("West", "Central") counts only when its country is
    also mentioned in the article: such names recur across many countries."""
    countries = {m.place for m in mentions if m.place and "-" not in m.place}
    out = []
    for m in mentions:
        if (
            m.place
            and "-" in m.place
            and len(m.text.split()) == 1
            and m.place.split("-")[0] not in countries
        ):
            m = Mention(m.span, m.text, m.type, m.norm, m.acronym_of, None)
        out.append(m)
    return tuple(out)


def _link_acronyms(article_id: str, text: str, found: dict[tuple[int, int], Mention]) -> None:
    for m in _ACRONYM.finditer(text):
        acronym = m.group(2)
        words = m.group(1).split()
        # the shortest tail of the capitalised run that the acronym abbreviates
        expansion_words: list[str] | None = None
        for k in range(1, len(words) + 1):
            tail = words[-k:]
            if tail[0].casefold() in _JOINERS:
                continue
            if acronym_fits(acronym, tail):
                expansion_words = tail
                break
        if expansion_words is None:
            continue
        exp_text = " ".join(expansion_words)
        exp_start = text.rfind(exp_text, m.start(1), m.end(1))
        if exp_start < 0:
            continue
        exp_end = exp_start + len(exp_text)
        exp_key = name_key(exp_text)
        # a mention covering the expansion keeps its own span; else add one
        covering = [k for k in found if k[0] <= exp_start and k[1] >= exp_end]
        label = found[covering[0]].type if covering else "ORG"
        if not covering:
            found[(exp_start, exp_end)] = Mention(
                Span(article_id, exp_start, exp_end), exp_text, label, exp_key
            )
        a_start = m.start(2)
        a_end = a_start + len(acronym)
        old = found.get((a_start, a_end))
        found[(a_start, a_end)] = Mention(
            Span(article_id, a_start, a_end),
            acronym,
            old.type if old else label,
            name_key(acronym),
            acronym_of=exp_key,
            place=old.place if old else None,
        )
