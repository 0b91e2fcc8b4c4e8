"""Quantities as intervals: numbers, number words, ranges, qualifiers, vague amounts.

Conventions (the comparison stage relies on them):

* an exact number ``n`` is ``[n, n]``, ``exact=True``;
* "more than", "over", "above", "upwards of" ``n``: ``[n, None]`` with the qualifier kept
  ("more than 15" excludes 15 itself; comparison treats the low bound as exclusive);
* "at least" ``n``: ``[n, None]``; "up to", "as many as", "at most", "no more than":
  ``[0, n]``; "fewer than", "less than", "under": ``[0, n]`` (exclusive);
* "nearly", "almost", "just under" ``n``: ``[0.8 n, n]``; "about", "around",
  "approximately", "roughly", "some", "an estimated" ``n``: ``[0.8 n, 1.2 n]``;
* vague amounts take a conservative interval: a few ``[2, 5]``, several ``[3, 9]``,
  dozens ``[24, 99]``, scores ``[40, 99]``, hundreds ``[200, 999]``, thousands
  ``[2000, 9999]``, tens of thousands ``[20000, 99999]``, millions ``[2e6, 999e6]``,
  multiple/numerous ``[2, None]``;
* ordinals ("the 42nd member", "third") are positions: ``ordinal=True``, not counts.
"""

from __future__ import annotations

import re
from typing import Any

from ..records import Quantity, Span
from .nlp import text_of, token_texts

ONES = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}  # fmt: skip
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
          "trillion": 1_000_000_000_000, "dozen": 12}  # fmt: skip
ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "twentieth": 20,
    "hundredth": 100,
}  # fmt: skip
VAGUE: dict[str, tuple[float, float | None]] = {
    "a few": (2, 5), "few": (2, 5), "several": (3, 9), "dozens": (24, 99), "scores": (40, 99),
    "hundreds": (200, 999), "thousands": (2000, 9999), "tens of thousands": (20_000, 99_999),
    "hundreds of thousands": (200_000, 999_999), "millions": (2e6, 999e6),
    "multiple": (2, None), "numerous": (2, None), "a couple of": (2, 3), "a handful of": (2, 9),
}  # fmt: skip
# qualifier → (how the low bound is set, how the high bound is set)
QUALIFIERS = {
    "more than": "gt", "over": "gt", "above": "gt", "upwards of": "gt", "in excess of": "gt",
    "at least": "ge", "no fewer than": "ge", "no less than": "ge",
    "up to": "le", "as many as": "le", "at most": "le", "no more than": "le",
    "fewer than": "lt", "less than": "lt", "under": "lt", "below": "lt",
    "nearly": "near", "almost": "near", "just under": "near", "close to": "near",
    "about": "approx", "around": "approx", "approximately": "approx", "roughly": "approx",
    "some": "approx", "an estimated": "approx", "estimated": "approx", "circa": "approx",
}  # fmt: skip
UNITS = {
    "%": "%", "percent": "%", "per cent": "%", "percentage": "%",
    "day": "days", "days": "days", "week": "weeks", "weeks": "weeks", "month": "months",
    "months": "months", "year": "years", "years": "years", "hour": "hours", "hours": "hours",
    "minute": "minutes", "minutes": "minutes",
    "km": "km", "kilometres": "km", "kilometers": "km", "kilometre": "km", "kilometer": "km",
    "mile": "miles", "miles": "miles", "metres": "m", "meters": "m", "metre": "m", "meter": "m",
    "kg": "kg", "kilograms": "kg", "tonnes": "t", "tons": "t",
    "dollars": "USD", "dollar": "USD", "euros": "EUR", "euro": "EUR", "pounds": "GBP",
}  # fmt: skip
CURRENCY = {"$": "USD", "US$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "USD": "USD",
            "EUR": "EUR", "GBP": "GBP"}  # fmt: skip
MONTHS = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
    ]
)

_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")
_ORDINAL_DIGITS = re.compile(r"^(\d+)(st|nd|rd|th)$", re.I)
_RANGE_TOKEN = re.compile(r"^(\d+(?:\.\d+)?)[-–](\d+(?:\.\d+)?)$")
_HAS_DIGIT = re.compile(r"\d")
_PER_CENT = re.compile(r"\s*per\s+cent\b", re.I)
_MAGNITUDE_TOKEN = re.compile(r"^magnitude[-‐](\d+(?:\.\d+)?)$", re.I)
# "200MM", "1.5bn", "84M": a figure and its scale glued into one token
_GLUED_SCALE = re.compile(r"^(\d+(?:\.\d+)?)(mm|mn|mln|bn|m|b|k)$", re.I)
_SCALE_LETTERS = {"m": 1e6, "mm": 1e6, "mn": 1e6, "mln": 1e6, "bn": 1e9, "b": 1e9, "k": 1e3}
_NUMBER_WORDS = frozenset([*ONES, *TENS, *SCALES, *ORDINAL_WORDS])
_QUAL_RE = re.compile(
    r"(?:^|\s)("
    + "|".join(sorted((re.escape(q) for q in QUALIFIERS), key=len, reverse=True))
    + r")\s*$",
    re.I,
)
_VAGUE_RE = re.compile(
    r"\b(" + "|".join(sorted((re.escape(v) for v in VAGUE), key=len, reverse=True)) + r")\b",
    re.I,
)


def _word_value(tokens: list[str]) -> float | None:
    """Value of number words ("two hundred thirty-one", "2.4 million", "a dozen")."""
    total = 0.0
    current = 0.0
    seen = False
    for raw in tokens:
        t = raw.casefold().replace(",", "")
        if t in {"a", "an", "and", "-"}:
            if t in {"a", "an"}:
                current = max(current, 1)
            continue
        if _DIGITS.match(t):
            current += float(t)
        elif t in ONES:
            current += ONES[t]
        elif t in TENS:
            current += TENS[t]
        elif t in SCALES:
            scale = SCALES[t]
            current = max(current, 1) * scale
            if scale >= 1000:
                total += current
                current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


def _is_number_token(tok: Any) -> bool:
    t = tok.lower_.replace(",", "")
    return bool(_DIGITS.match(t) or t in ONES or t in TENS or (t in SCALES and t != "dozen")) or (
        t == "dozen"
    )


# "33-year-old", "a six-month-old": an age describes someone, it counts nothing
_AGE = re.compile(r"\s*[-‐]?\s*(?:year|month|week|day)s?\s*[-‐]?\s*old\b", re.I)
_YEAR_BEFORE_HYPHEN = re.compile(r"\b(?:1[89]|20)\d\d[-–]$")
_WORD_BEFORE_HYPHEN = re.compile(r"([^\W\d_][\w.]*)[-‐]$")


def _in_a_name(text: str, start: int) -> bool:
    """A number glued by a hyphen to a word before it is part of a name or compound
    ("F-16", "COVID-19", "AK-47", "pick-six"), not an amount; "twenty-two" is. Two
    digits after a year and a hyphen end a span of years ("the 2024-25 season")."""
    if _YEAR_BEFORE_HYPHEN.search(text, max(0, start - 5), start) and re.match(
        r"\d\d\b", text[start : start + 3]
    ):
        return True
    m = _WORD_BEFORE_HYPHEN.search(text, max(0, start - 40), start)
    # "magnitude-5.8": a measure named before its figure, no name
    return m is not None and m.group(1).casefold() not in _NUMBER_WORDS | {"magnitude"}


_THE_END = re.compile(r"\s+the\s*$", re.I)


def _compared_to_reported(prefix: str) -> str | None:
    """The bound an amount set against one named before it gives ("it is less than the
    $5 million reported earlier", "more than the 40 the police counted"): "less than",
    "more than" and their like before "the" and the amount. The writer gives the amount
    only as a bound of theirs; read as a plain figure, it stood as the report's value
    beside its own."""
    m = _THE_END.search(prefix)
    if m is None:
        return None
    qm = _QUAL_RE.search(prefix[: m.start()])
    if qm is None or QUALIFIERS.get(qm.group(1).casefold()) not in {"gt", "lt"}:
        return None
    return qm.group(1)


def _second_amount(doc: Any, i: int, k: int) -> tuple[float, int] | None:
    """The upper end of a range of money written with its sign and scale twice
    ("between $10 million and $15 million", "$2 billion to $3 billion"; not a change,
    "rose from $2 million to $3 million"), the amount
    starting at token ``i`` and the joiner at ``k``: the value and the index of the
    token before the second amount's first figure. Read as two amounts, a report giving
    a range gave two values of one slot, and stood apart from every report giving one."""
    n = len(doc)
    if not (i > 0 and doc[i - 1].text in CURRENCY and k + 2 < n):
        return None
    if doc[k].lower_ not in {"to", "and", "-", "–"} or doc[k + 1].text != doc[i - 1].text:
        return None
    if doc[k].lower_ == "and" and not (i > 1 and doc[i - 2].lower_ == "between"):
        return None
    if i > 1 and doc[i - 2].lower_ == "from":  # "rose from $2 million to $3 million"
        return None
    j = k + 2
    if not _is_number_token(doc[j]):
        return None
    while j + 1 < n and _is_number_token(doc[j + 1]):
        j += 1
    if (doc[k - 1].lower_ in SCALES or doc[j].lower_ in SCALES) and doc[k - 1].lower_ != doc[
        j
    ].lower_:
        return None  # "$10 and $15 million": one scale for two figures (analyze/claims.py)
    value = _word_value([t.text for t in doc[k + 2 : j + 1]])
    return None if value is None else (value, j - 1)


def _money_start(doc: Any, i: int) -> int:
    """Where the amount starting at token ``i`` starts: at its currency sign if one
    stands right before it ("$1 million")."""
    if i > 0 and doc[i - 1].text in CURRENCY:
        return int(doc[i - 1].idx)
    return int(doc[i].idx)


def _is_date_part(tok: Any) -> bool:
    """A year, a day of a month, a clock time or a number inside a name."""
    text = tok.text
    if re.fullmatch(r"(1[89]|20)\d\d", text) and tok.ent_type_ in {"DATE", ""}:
        prev = tok.nbor(-1).lower_ if tok.i > 0 else ""
        nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
        # "1,200 sites" has a comma; a bare 4-digit number before a counted noun is a count
        if not (nxt is not None and tok.dep_ == "nummod" and nxt.pos_ == "NOUN") or prev in MONTHS:
            return True
    neighbours = []
    if tok.i > 0:
        neighbours.append(tok.nbor(-1).lower_.rstrip("."))
    if tok.i + 1 < len(tok.doc):
        neighbours.append(tok.nbor(1).lower_.rstrip("."))
    if re.fullmatch(r"\d{1,2}", text) and any(n in MONTHS for n in neighbours):
        return True
    if tok.ent_type_ in {"TIME"} and ":" in tok.text:
        return True
    # "COVID-19", "Boeing 737", "G7": digits glued to or inside a name
    if tok.ent_type_ in {"PRODUCT", "ORG", "LAW", "WORK_OF_ART", "FAC", "EVENT"}:
        return True
    return bool(
        tok.i > 0
        and tok.nbor(-1).text in {"-", "–"}
        and tok.nbor(-1).idx == tok.idx - 1
        and tok.i > 1
        and tok.nbor(-2).is_alpha
        and tok.nbor(-2).is_upper
    )


def _counted(head: Any) -> tuple[str | None, Any]:
    """The counted thing: the noun a number modifies, with a coordinated noun."""
    noun = head
    if noun.pos_ not in {"NOUN", "PROPN"}:
        return None, None
    # "eighteen weapons depots": a compound modifier is not the counted thing; its head is
    while noun.dep_ == "compound" and noun.head.i > noun.i and noun.head.pos_ in {"NOUN", "PROPN"}:
        noun = noun.head
    text = noun.text
    doc = noun.doc
    # "tanks and trucks": a conjunct right after "and"/"or"
    for child in noun.children:
        if (
            child.dep_ == "conj"
            and child.pos_ in {"NOUN", "PROPN"}
            and child.i == noun.i + 2
            and doc[noun.i + 1].lower_ in {"and", "or"}
        ):
            text = doc[noun.i : child.i + 1].text
            break
    return text, noun


def _unit_for(head: Any, start_tok: Any) -> str | None:
    """The unit of an amount: a currency sign before it first ("eight years and $160
    million" is dollars, whatever noun the parse hangs it from), else its noun's
    ("20 miles", "100 billion USD")."""
    doc = start_tok.doc
    if start_tok.i > 0 and doc[start_tok.i - 1].text in CURRENCY:
        return CURRENCY[doc[start_tok.i - 1].text]
    if head is not None and head.lower_ in UNITS:
        return UNITS[head.lower_]
    if head is not None and head.text in CURRENCY and head.text.isalpha():
        return CURRENCY[head.text]
    return None


def _bounds(value: float, qualifier: str | None) -> tuple[float | None, float | None, bool]:
    kind = QUALIFIERS.get(qualifier.casefold(), "") if qualifier else ""
    if kind in {"gt", "ge"}:
        return value, None, False
    if kind in {"le", "lt"}:
        return 0.0, value, False
    if kind == "near":
        return round(value * 0.8, 6), value, False
    if kind == "approx":
        return round(value * 0.8, 6), round(value * 1.2, 6), False
    return value, value, True


def extract_quantities(article_id: str, doc: Any) -> tuple[Quantity, ...]:
    """Every counted amount in ``doc`` as an interval, with its qualifier, unit and thing.

    Example (needs the models or files named)::

        from newsprism.analyze.nlp import parse
        q = extract_quantities("a", parse("Troops seized more than 15 rifles."))
        (q[0].value_low, q[0].value_high, q[0].counted)
        # (15.0, None, 'rifles')
    """
    text: str = text_of(doc)
    out: list[Quantity] = []
    taken: set[int] = set()
    i = 0
    n = len(doc)
    # the tokens that may start an amount: a digit, or a number or ordinal word
    lowers = [w.lower() for w in token_texts(doc)]
    while i < n:
        if i in taken or (lowers[i] not in _NUMBER_WORDS and not _HAS_DIGIT.search(lowers[i])):
            i += 1
            continue
        tok = doc[i]
        # ordinals: "42nd", "third"
        m = _ORDINAL_DIGITS.match(tok.text)
        if m or (tok.lower_ in ORDINAL_WORDS and tok.tag_ in {"JJ", "RB"} and tok.dep_ == "amod"):
            if m and any(doc[j].lower_.rstrip(".") in MONTHS for j in (i - 1, i + 1) if 0 <= j < n):
                i += 1
                continue
            value = float(m.group(1)) if m else float(ORDINAL_WORDS[tok.lower_])
            counted, _ = _counted(tok.head) if tok.head is not tok else (None, None)
            out.append(
                Quantity(
                    Span(article_id, tok.idx, tok.idx + len(tok.text)),
                    tok.text,
                    value,
                    value,
                    True,
                    None,
                    counted,
                    ordinal=True,
                )
            )
            i += 1
            continue
        glued = _GLUED_SCALE.match(tok.text)
        if glued and i > 0 and doc[i - 1].text in CURRENCY:
            # "$200MM", "$1.5bn" written as one token: an amount of money in millions or
            # billions
            out.append(_glued_money(article_id, doc, i, glued, text))
            taken.add(i)
            i += 1
            continue
        mag = _MAGNITUDE_TOKEN.match(tok.text)
        if mag:
            # "a magnitude-5.8 earthquake" tokenized as one word: the figure is a measure
            start, value = tok.idx + mag.start(1), float(mag.group(1))
            counted, _ = _counted(tok.head) if tok.head is not tok else (None, None)
            out.append(Quantity(Span(article_id, start, tok.idx + len(tok.text)), mag.group(1),
                                value, value, True, None, counted))  # fmt: skip
            taken.add(i)
            i += 1
            continue
        rng = _RANGE_TOKEN.match(tok.text)
        if not (_is_number_token(tok) or rng):
            i += 1
            continue
        # gather a run of number tokens ("2.4 million", "two hundred and thirty")
        j = i
        while j + 1 < n and (
            _is_number_token(doc[j + 1])
            # "twenty-two", "two hundred and thirty": joiners only inside number words
            or (doc[j + 1].lower_ in {"-", "and"} and j + 2 < n and _is_number_token(doc[j + 2])
                and doc[j + 2].lower_ not in SCALES
                and (doc[j].lower_ in SCALES if doc[j + 1].lower_ == "and" else doc[j].is_alpha))
        ):  # fmt: skip
            j += 1
        run = doc[i : j + 1]
        end = doc[j].idx + len(doc[j].text)
        if any(_is_date_part(t) for t in run) or _in_a_name(text, tok.idx) or _AGE.match(text, end):
            i = j + 1
            continue
        if _dozens_misspelt(doc, i, j):
            # "Dozen of warships are patrolling": no article or figure says one dozen; the
            # writer meant "dozens of", a vague amount
            out.append(_vague_quantity(article_id, doc, i, "dozens"))
            taken.add(i)
            i = j + 1
            continue
        low: float | None
        high: float | None
        # "an estimated $1 million": the amount and its qualifier start at the currency sign
        money = _money_start(doc, i)
        if rng:
            low, high, exact = float(rng.group(1)), float(rng.group(2)), False
            qualifier = None
            if low > high:  # a score ("won 31-24"), not a range
                i = j + 1
                continue
        else:
            words = [t.text for t in run]
            parsed = _word_value(words)
            if parsed is None:
                i = j + 1
                continue
            value = parsed
            # ranges written out: "10 to 15", "between 10 and 15"
            k = j + 1
            second = None
            if (
                k + 1 < n
                and doc[k].lower_ in {"to", "and", "-", "–"}
                and _is_number_token(doc[k + 1])
                and not _is_date_part(doc[k + 1])
                and (doc[k].lower_ != "and" or (i > 0 and doc[i - 1].lower_ == "between"))
            ):
                second = _word_value([doc[k + 1].text])
            elif second_money := _second_amount(doc, i, k):
                second, k = second_money
            if second is not None and second < value:  # a score ("beat them 3 - 1")
                i = k + 2
                continue
            if second is not None:
                low, high, exact, qualifier = value, second, False, None
                j = k + 1
            else:
                # "at least a dozen", "more than a hundred": the hedge stands before the
                # article of a scale word, and is the amount's
                lead = money
                if doc[i].lower_ in SCALES and i > 0 and doc[i - 1].lower_ in {"a", "an"}:
                    lead = int(doc[i - 1].idx)
                prefix = text[max(0, lead - 30) : lead]
                qm = _QUAL_RE.search(prefix)
                qualifier = qm.group(1) if qm else _compared_to_reported(prefix)
                low, high, exact = _bounds(value, qualifier)
        start_char = money
        if qualifier:
            found = text.rfind(qualifier, max(0, start_char - 30), start_char)
            start_char = found if found >= 0 else start_char
        last = doc[j]
        end_char = last.idx + len(last.text)
        head = last.head if last.dep_ in {"nummod", "quantmod", "compound"} else None
        if head is None and last.i + 1 < n and doc[last.i + 1].pos_ == "NOUN":
            head = doc[last.i + 1]
        counted, noun = _counted(head) if head is not None else (None, None)
        if counted is None and last.i + 2 < n and doc[last.i + 1].lower_ == "of":
            counted, noun = _counted(doc[last.i + 2])
        unit = _unit_for(noun, tok)
        if unit is None and _PER_CENT.match(text, end_char):
            unit = "%"  # "90 per cent": "percent" spelt as two words, however parsed
        if (
            counted is None
            and unit in CURRENCY.values()
            and last.i + 2 < n
            and doc[last.i + 1].lower_ == "in"
            and doc[last.i + 2].pos_ == "NOUN"
        ):  # "$1 million in damage", "$50,000 in cash": what the money is
            counted, noun = _counted(doc[last.i + 2])
        out.append(
            Quantity(
                Span(article_id, start_char, end_char),
                text[start_char:end_char],
                low,
                high,
                exact,
                unit,
                None if unit in {"%"} else counted,
                qualifier=qualifier.casefold() if qualifier else None,
            )
        )
        taken.update(range(i, j + 1))
        i = j + 1
    out.extend(_vague(article_id, doc, taken))
    out.sort(key=lambda q: q.span.start)
    return tuple(out)


def _glued_money(article_id: str, doc: Any, i: int, glued: Any, text: str) -> Quantity:
    """The amount of a token whose scale is glued to its figure ("$200MM", "$1.5bn"),
    with the qualifier before its currency sign."""
    tok = doc[i]
    value = float(glued.group(1)) * _SCALE_LETTERS[glued.group(2).casefold()]
    start = int(doc[i - 1].idx)
    qm = _QUAL_RE.search(text[max(0, start - 30) : start])
    qualifier = qm.group(1) if qm else None
    low, high, exact = _bounds(value, qualifier)
    if qualifier:
        start = text.rfind(qualifier, max(0, start - 30), start)
    end = tok.idx + len(tok.text)
    nxt = doc[i + 1] if i + 1 < len(doc) and doc[i + 1].pos_ == "NOUN" else None
    counted, _ = _counted(nxt) if nxt is not None else (None, None)
    return Quantity(Span(article_id, start, end), text[start:end], low, high, exact,
                    CURRENCY[doc[i - 1].text], counted,
                    qualifier=qualifier.casefold() if qualifier else None)  # fmt: skip


def _dozens_misspelt(doc: Any, i: int, j: int) -> bool:
    """Whether the run ``doc[i..j]`` is a bare "dozen of" (no article, figure or
    determiner before it): "dozens of" with its "s" dropped."""
    before = doc[i - 1] if i > 0 else None
    return (
        i == j
        and doc[i].lower_ == "dozen"
        and j + 1 < len(doc)
        and doc[j + 1].lower_ == "of"
        and (before is None or before.pos_ not in {"DET", "NUM", "PRON", "ADJ"})
    )


def _vague_quantity(article_id: str, doc: Any, i: int, phrase: str) -> Quantity:
    """The vague amount ``phrase`` read at token ``i`` (its noun after "of")."""
    tok = doc[i]
    low, high = VAGUE[phrase]
    noun = doc[i + 2] if i + 2 < len(doc) and doc[i + 2].pos_ == "NOUN" else None
    counted, _ = _counted(noun) if noun is not None else (None, None)
    return Quantity(Span(article_id, tok.idx, tok.idx + len(tok.text)), tok.text, float(low),
                    None if high is None else float(high), False, None, counted,
                    qualifier=phrase)  # fmt: skip


def _vague(article_id: str, doc: Any, taken: set[int]) -> list[Quantity]:
    text: str = text_of(doc)
    out = []
    for m in _VAGUE_RE.finditer(text):
        phrase = m.group(1).casefold()
        if phrase in {"few", "some"}:
            continue  # "a few" is kept; bare "few" is an opinion, not an amount
        if phrase == "scores" and not re.match(r"\s+of\b", text[m.end() : m.end() + 4]):
            continue  # "scores of people" is an amount; "test scores rose" is not
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is None or any(t.i in taken for t in span):
            continue
        low, high = VAGUE[phrase]
        last = span[-1]
        noun = None
        nxt = last.i + 1
        if nxt < len(doc) and doc[nxt].lower_ == "of" and nxt + 1 < len(doc):
            nxt += 1
        if nxt < len(doc) and doc[nxt].pos_ in {"NOUN", "ADJ"}:
            k = nxt
            while k < len(doc) and doc[k].pos_ in {"ADJ", "NOUN"} and doc[k].dep_ != "ROOT":
                noun = doc[k]
                if doc[k].dep_ not in {"amod", "compound"}:
                    break
                k += 1
        counted, _ = _counted(noun) if noun is not None else (None, None)
        out.append(
            Quantity(
                Span(article_id, m.start(), m.end()),
                m.group(0),
                float(low),
                None if high is None else float(high),
                False,
                None,
                counted,
                qualifier=phrase,
            )
        )
    return out
