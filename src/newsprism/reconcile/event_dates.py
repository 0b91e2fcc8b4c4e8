"""When a fact's occurrence happened: the dates that date it, not every date it names.

A sentence names dates of other things too: "announced on October 11 the town's
accession to the league, which was formed in 2009" dates the announcement to
October 11; 2009 belongs to the relative clause about the league. So a time
inside a relative or appositive clause (", which …", ", who …", ", established
in …") or after a conjunction that places the occurrence relative to another
one ("after the fall of … on December 8", "since …") dates that other thing and
is left out, unless no other time dates the sentence ("the blaze, which broke
out on Friday"). Of the times left, the most precise dates the occurrence.

A month and day without a year ("October 24") takes the story's year: the
latest year in which that day is not after the story's reference date (its
publication date when known, else its latest dated occurrence) by more than a
week. An occurrence that ended more than a year before the reference is
background ("lost its last stronghold in 2019"): it keeps its date in the
timeline and makes no event of the story.

Time precision follows ACLED's codebook: 1 when the day is known; 2 when the
sources give a range of days within a week (a week, a weekend, "October 24-27");
3 when only the month is known (a range within a month). Anything vaguer is not
an ACLED date: None.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta

from ..records import Fact, Statement, TimeExpr

BACKGROUND_DAYS = 365  # "years ago" in news: more than a year before the story
_SLACK = timedelta(days=7)  # "due on December 5", written a few days before
_GRANULARITY = {"day": 0, "week": 1, "month": 2, "season": 3, "quarter": 3, "year": 4}
# the opening of a clause about something else: a relative clause or a participle
# in apposition (which may still be about the event itself: "the blaze, which broke
# out on Friday"), or a conjunction placing the occurrence before or after another
# one (never about the event itself: "until it withdraws … after the fall on …")
_RELATIVE = re.compile(
    r"\b(?:which|who|whom|whose|where|when)\b|[,(—–]\s*(?:\w+ly\s+)?[a-z]+ed\b(?!\s+(?:that|to)\b)",
    re.I,
)
_ANOTHER = re.compile(r"\b(?:after|since|following|before|until|prior to)\b", re.I)
_CLAUSE_END = re.compile(r"[,;:)—–]")
_PARENTHESIS = re.compile(r"\([^()]{0,40}\)")


def clause_of(statement: Statement, time: TimeExpr) -> str:
    """``"main"``, ``"relative"`` or ``"another"``: the clause ``time`` sits in.

    A clause is open from its opener (the last before the time) until a comma,
    semicolon or dash closes it.
    """
    before = statement.text[: max(0, time.span.start - statement.span.start)]
    # a short parenthesis ("(NLF)", "(October 30th)") neither opens nor closes a clause
    before = _PARENTHESIS.sub(lambda m: " " * len(m.group(0)), before)
    for kind, pattern in (("another", _ANOTHER), ("relative", _RELATIVE)):
        opened = None
        for m in pattern.finditer(before):
            opened = m
        if opened is not None and not _CLAUSE_END.search(before[opened.end() :]):
            return kind
    return "main"


def _parse(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def reference_date(facts: Sequence[Fact]) -> date | None:
    """The story's now: the latest publication date the times were resolved against,
    else the latest day any fact's times give."""
    anchors = [
        d for f in facts for st in f.statements for t in st.times
        if (d := _parse(t.anchor)) is not None
    ]  # fmt: skip
    if anchors:
        return max(anchors)
    ends = [
        d for f in facts for st in f.statements for t in st.times
        if (d := _parse(t.end or t.start)) is not None
    ]  # fmt: skip
    return max(ends, default=None)


def _with_year(value: str, reference: date | None) -> date | None:
    """``--MM-DD`` placed in the latest year that is not after ``reference`` + a week."""
    if not value.startswith("--"):
        return _parse(value)
    if reference is None:
        return None
    month, day = int(value[2:4]), int(value[5:7])
    for year in (reference.year + 1, reference.year, reference.year - 1):
        try:
            d = date(year, month, day)
        except ValueError:
            continue
        if d <= reference + _SLACK:
            return d
    return None


def occurrence(fact: Fact, reference: date | None) -> tuple[str, str] | None:
    """The fact's occurrence dates (ISO start, end), or None when nothing dates it."""
    found: list[tuple[int, date, date]] = []
    aside: list[tuple[int, date, date]] = []
    for st in fact.statements:
        for t in st.times:
            if not t.start:
                continue
            start = _with_year(t.start, reference)
            end = _with_year(t.end or t.start, reference)
            if start is None or end is None or end < start:
                continue
            when = (_GRANULARITY.get(t.granularity, 4), start, end)
            clause = clause_of(st, t)
            if clause == "main":
                found.append(when)
            elif clause == "relative":
                aside.append(when)
    found = found or aside
    if not found:
        return None
    finest = min(g for g, _, _ in found)
    # the finest dates the reports give; of several, the range that holds them all
    chosen = [(s, e) for g, s, e in found if g == finest]
    return min(s for s, _ in chosen).isoformat(), max(e for _, e in chosen).isoformat()


def is_background(dates: tuple[str, str] | None, reference: date | None) -> bool:
    """True when the occurrence ended more than :data:`BACKGROUND_DAYS` before the story."""
    if dates is None or reference is None:
        return False
    return date.fromisoformat(dates[1]) < reference - timedelta(days=BACKGROUND_DAYS)


def time_precision(start: str | None, end: str | None) -> int | None:
    """ACLED's time_precision of an occurrence from ``start`` to ``end`` (see the module).

    >>> time_precision("2025-11-24", "2025-11-24"), time_precision("2025-11-24", "2025-11-27")
    (1, 2)
    >>> time_precision("2025-11-01", "2025-11-30"), time_precision("2014-01-01", "2014-12-31")
    (3, None)
    """
    s, e = _parse(start), _parse(end or start)
    if s is None or e is None:
        return None
    days = (e - s).days + 1
    if days <= 1:
        return 1
    if days <= 7:
        return 2
    return 3 if days <= 31 else None
