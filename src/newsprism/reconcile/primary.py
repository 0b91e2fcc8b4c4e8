"""Grades against the primary source: what each article reports as the original does,
what it changed, what it adds.

Copies of a press release or a wire story keep most sentences word for word and
change a few words: a number, a day, a place. So each statement is first matched
to the primary's sentence it copies (:data:`CLOSE` of its words in order), and
when it has one, the words that differ are the change, named by what they are — a
number, a date, a place or a name — whether or not an extractor read them (a town
no gazetteer knows, a weekday). A statement that rewrites the primary (same fact,
other words) is compared slot by slot, as facts are. Words inside quotation marks
are left to the quote comparison, which labels the rendering.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from difflib import SequenceMatcher

from ..analyze.gazetteer import lookup
from ..dates import MONTHS, WEEKDAYS
from ..records import Analysis, Article, Fact, Grade, Mention, QuoteGroup, Span, Statement
from .facts import compare

# A statement copies a primary sentence when this share of their words, in order,
# is the same (difflib's ratio). Two different sentences of one report share under
# half their words; a copy with one value changed shares over nine tenths.
CLOSE = 0.8
PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
_TOKEN = re.compile(r"\w+(?:[.,:/'’-]\w+)*|[^\w\s]")
_NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety "
    "hundred thousand million billion dozen dozens hundreds thousands millions".split()
)


def _tokens(text: str, start: int) -> list[tuple[str, int, int]]:
    """(word, start, end) of ``text``, offsets counted from ``start``."""
    return [(m.group(0), start + m.start(), start + m.end()) for m in _TOKEN.finditer(text)]


def _kind(word: str, at: int, mentions: Sequence[Mention]) -> str:
    """What a changed word is: number, date, place, name or wording."""
    low = re.sub(r"['’]s$", "", word.casefold()).rstrip(".")  # "Thursday's"
    if low in WEEKDAYS or low in MONTHS:
        return "date"
    if any(c.isdigit() for c in word) or any(p in _NUMBER_WORDS for p in low.split("-")):
        return "number"  # "12", "three", "four-by-four", "six-game"
    for m in mentions:
        if m.span.start <= at < m.span.end:
            return "place" if m.type in PLACE_TYPES or m.place else "name"
    if word[:1].isupper():
        return "place" if lookup(word) is not None else "name"
    return "wording"


def _quote_at(spans: Sequence[Span], start: int, end: int) -> Span | None:
    return next((s for s in spans if s.start <= start and end <= s.end), None)


def _between_marks(st: Statement, at: int) -> bool:
    """Whether offset ``at`` follows an odd number of quotation marks in the statement
    (a quotation the quote extractor did not take)."""
    before = st.text[: at - st.span.start]
    return (before.count('"') + before.count("“") + before.count("”")) % 2 == 1


def word_changes(
    ref: Statement,
    mine: Statement,
    ref_analysis: Analysis,
    my_analysis: Analysis,
    compared: frozenset[Span] = frozenset(),
) -> list[str]:
    """The changes a copied statement made, each named by kind: "date changed: “Tuesday”
    → “Friday”". A day number beside a month name is a date. A change inside a
    quotation is "quotation altered", unless the quote comparison already compared
    that quotation with the primary's (its span in ``compared``) and reports it."""
    a = _tokens(ref.text, ref.span.start)
    b = _tokens(mine.text, mine.span.start)
    quoted_a = [q.span for q in ref_analysis.quotes if q.kind != "indirect"]
    quoted_b = [q.span for q in my_analysis.quotes if q.kind != "indirect"]
    out: list[str] = []
    matcher = SequenceMatcher(None, [w.casefold() for w, *_ in a], [w.casefold() for w, *_ in b],
                              autojunk=False)  # fmt: skip
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        old, new = a[i1:i2], b[j1:j2]
        quote = (_quote_at(quoted_b, new[0][1], new[-1][2]) if new else None) or (
            _quote_at(quoted_a, old[0][1], old[-1][2]) if old else None
        )
        if quote is not None and quote in compared:
            continue
        kinds = {_kind(w, s, ref_analysis.mentions) for w, s, _ in old}
        kinds |= {_kind(w, s, my_analysis.mentions) for w, s, _ in new}
        near = [w.casefold().rstrip(".") for w, *_ in a[max(0, i1 - 2) : i2 + 2]]
        if "number" in kinds and any(w in MONTHS for w in near):
            kinds = (kinds - {"number"}) | {"date"}
        kind = next((k for k in ("date", "number", "place", "name") if k in kinds), "wording")
        was = ref.text[old[0][1] - ref.span.start : old[-1][2] - ref.span.start] if old else ""
        now = mine.text[new[0][1] - mine.span.start : new[-1][2] - mine.span.start] if new else ""
        if quote is not None or (new and _between_marks(mine, new[0][1])):
            out.append(f"quotation altered ({kind}): “{was}” → “{now}”")
        elif kind != "wording" or (was and now):  # a word dropped or added is no changed value
            out.append(f"{kind} changed: “{was}” → “{now}”")
    return out


def _closest(st: Statement, candidates: Sequence[Statement]) -> tuple[Statement | None, float]:
    best, score = None, 0.0
    words = st.text.casefold().split()
    for c in candidates:
        r = SequenceMatcher(None, words, c.text.casefold().split(), autojunk=False).ratio()
        if r > score or (r == score and best is not None and c.span.start < best.span.start):
            best, score = c, r
    return best, score


def grade(
    articles: Sequence[Article],
    facts: Sequence[Fact],
    quotes: Sequence[QuoteGroup],
    primary_id: str,
    analyses: Sequence[Analysis] = (),
) -> tuple[Grade, ...]:
    """Each article's facts and quotes against the primary source's."""
    by_id = {an.article_id: an for an in analyses}
    # quotations the quote comparison set beside the primary's: it reports their changes
    compared = frozenset(
        r.span
        for g in quotes
        if any(r.span.article_id == primary_id for r in g.renderings)
        for r in g.renderings
    )
    empty = Analysis(primary_id)
    primary_sts = [st for f in facts for st in f.statements if st.span.article_id == primary_id]
    out = []
    for a in articles:
        if a.id == primary_id:
            continue
        matching: list[str] = []
        changed: list[tuple[str, str]] = []
        added: list[str] = []
        for f in facts:
            mine = [st for st in f.statements if st.span.article_id == a.id]
            if not mine:
                continue
            st = mine[0]
            ref, score = _closest(st, primary_sts)
            if ref is not None and score >= CLOSE:
                diffs = word_changes(ref, st, by_id.get(primary_id, empty),
                                     by_id.get(a.id, empty), compared)  # fmt: skip
            else:
                same_fact = [s for s in f.statements if s.span.article_id == primary_id]
                if not same_fact:
                    added.append(f.id)
                    continue
                diffs = [d for _, d in compare(same_fact[0], st)]
            if diffs:
                changed.append((f.id, "; ".join(diffs)))
            else:
                matching.append(f.id)
        quotes_changed = []
        for g in quotes:
            refs = [r for r in g.renderings if r.span.article_id == primary_id]
            for r in g.renderings:
                if refs and r.span.article_id == a.id and r.relation != "verbatim":
                    quotes_changed.append((g.id, f"{r.relation}: {r.diff}".strip(": ")))
        out.append(Grade(a.id, tuple(matching), tuple(changed), tuple(added),
                         tuple(quotes_changed)))  # fmt: skip
    return tuple(out)
