"""Nationality claims: where a counted group of people is from.

News gives the nationality of a group in a few set ways: a demonym before the counted
noun ("23 Peruvian smugglers", "two Danish soldiers"), demonyms counted themselves ("12
Peruvians and 11 Chileans"), a bracket after the group ("the 23 smugglers (12 Peruvian and 11
Chilean)"), or a copula ("the smugglers were Peruvian and Chilean", "the smugglers are from
Peru and Chile"). Each is one claim: the set of countries (ISO codes, joined by
"+") and, when the text counts the group, how many it holds. Two reports that count
one group alike and give it different countries disagree ("23 Peruvian smugglers" against
"23 Peruvian and Chilean smugglers"); without a count on both sides the two groups may not
be one, so they are at most a variant (see reconcile/claims.py ``_nationalities``).

Demonyms are read through the gazetteer (countryinfo's demonyms and the general
English suffix rules of geo/names.py), never a list. A singular noun ("the Indian
navy") is an institution, not a group of people: no claim.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from ..records import Claim, Span
from .nlp import text_of

NATIONALITY = "nationality"


@lru_cache(maxsize=4096)
def country_of(word: str) -> str | None:
    """The ISO code of the country a demonym names ("Peruvian" → "PE"), else None."""
    from ..geo.gazetteer import table
    from ..geo.resolve import candidates

    found = candidates(word, "NORP")
    if not found or not found[0].demonym:
        return None
    t = table()
    row = found[0].row
    return str(t.country(row)) if t.fcode(row).startswith("PCL") else None


@lru_cache(maxsize=4096)
def region_of(word: str) -> str | None:
    """The name of the first-level region an adjective of its people names ("Sardinian"
    → "Sardinia", "Bavarian" → "Bavaria"), else None: a country's demonym ("Syrian") is
    no region, and says whose a thing is as often as where it lies ("a Danish base")."""
    from ..geo.gazetteer import table
    from ..geo.resolve import candidates

    found = candidates(word, "NORP")
    if not found or not found[0].demonym:
        return None
    t = table()
    row = found[0].row
    return t.feature(row).name if t.fcode(row) == "ADM1" else None


def _code(tok: Any, places: Sequence[tuple[Span, str]]) -> str | None:
    """The country a token names, as a demonym ("Peruvian") or a place ("Peru")."""
    if tok.ent_type_ not in {"NORP", "GPE"}:
        return None
    code = next((p for sp, p in places if sp.start <= tok.idx < sp.end), None)
    if code is None and tok.ent_type_ == "NORP":
        code = country_of(tok.text)
    return code if code is not None and len(code) == 2 and code.isupper() else None


def _figure(tok: Any) -> float | None:
    from .claims import _number_value

    return _number_value(tok.text) if tok.tag_ == "CD" else None


def _plural(tok: Any) -> bool:
    return bool(tok.tag_ in {"NNS", "NNPS"})


def _listed(toks: list[Any], k: int, places: Sequence[tuple[Span, str]]) -> list[int]:
    """The positions of the country words listed from ``k``: "Peruvian and Chilean", "12
    Peruvians, 5 Bolivians and 11 Chileans" (a figure may count each)."""
    members, m, n = [k], k + 1, len(toks)
    while m < n:
        p = m
        while p < n and toks[p].lower_ in {",", "and"}:
            p += 1
        q = p + (1 if p < n and _figure(toks[p]) is not None else 0)
        if p == m or q >= n or _code(toks[q], places) is None:
            break
        members.append(q)
        m = q + 1
    return members


def _copula_subject(tok: Any) -> Any | None:
    """The plural subject whose nationality a copula gives: "the smugglers were Peruvian",
    "the smugglers are from Peru"."""
    if tok.dep_ == "acomp":
        verb = tok.head
    elif tok.dep_ == "pobj" and tok.head.lower_ == "from" and tok.head.dep_ == "prep":
        verb = tok.head.head
    else:
        return None
    if verb.lemma_ != "be":
        return None
    return next((c for c in verb.children if c.dep_ == "nsubj" and _plural(c)), None)


def nationality_claims(
    aid: str, doc: Any, s: int, e: int, places: Sequence[tuple[Span, str]]
) -> list[Claim]:
    """The nationality claims of the sentence ``doc.char_span(s, e)``; ``places`` are the
    sentence's place mentions with their resolved codes ("Peru": "PE").

    A list of country words is a group's nationality when the text counts the group
    ("23 Peruvian and Chilean smugglers", "12 Peruvians and 11 Chileans", "(12 Peruvian and 11
    Chilean)") or a copula gives it for a plural subject; an uncounted "Peruvian waters" or
    "Peruvian smugglers" says where things are from in general, and is no claim."""
    sent = doc.char_span(s, e, alignment_mode="expand")
    if sent is None:
        return []
    toks = list(sent)
    out: list[Claim] = []
    k = 0
    while k < len(toks):
        if _code(toks[k], places) is None:
            k += 1
            continue
        members = _listed(toks, k, places)
        last = members[-1]
        k = last + 1
        nums = [_figure(toks[x - 1]) if x > 0 else None for x in members]
        # the plural noun the list describes, past adjectives ("Chilean fishing boats")
        noun = None
        for t in toks[last + 1 : last + 4]:
            if _plural(t):
                noun = t
                break
            if t.pos_ not in {"ADJ", "NOUN", "PROPN"}:
                break
        count: float | None = None
        if all(n is not None for n in nums):
            count = sum(n for n in nums if n is not None)
        elif noun is not None:
            # a figure before the list counts the noun: "23 heavily armed Peruvian and
            # Chilean smugglers"
            for t in reversed(toks[max(0, members[0] - 4) : members[0]]):
                if _figure(t) is not None:
                    count = _figure(t)
                    break
                if t.pos_ not in {"ADV", "ADJ", "VERB"}:
                    break
        plural = noun is not None or all(_plural(toks[x]) for x in members)
        counted = count is not None and (plural or all(n is not None for n in nums))
        if not counted and _copula_subject(toks[members[0]]) is None:
            continue
        codes = [_code(toks[x], places) for x in members]
        first = members[0] - (1 if nums[0] is not None else 0)
        if count is not None and nums[0] is None:
            first = min(t.i for t in toks[max(0, members[0] - 4) : members[0]]
                        if _figure(t) is not None) - toks[0].i  # fmt: skip
        end_tok = noun if noun is not None else toks[last]
        a, b = toks[first].idx, end_tok.idx + len(end_tok.text)
        value = "+".join(sorted({c for c in codes if c}))
        out.append(Claim(span=Span(aid, a, b), text=text_of(doc)[a:b], kind="actor",
                         predicate=None, thing=NATIONALITY, value=value,
                         low=count, high=count))  # fmt: skip
    return out
