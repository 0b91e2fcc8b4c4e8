"""Time expressions as intervals, resolved against the publication date.

Explicit dates and ranges ("Oct. 24-27", "from October 24th to 27th",
"between October 24 and 27") are parsed by patterns here: dateparser reads single
dates only. Weekdays and relative phrases ("on Sunday", "last week", "earlier this
month", "December 8 last year") are resolved against the publication date, the
``anchor``. News reports the past: a bare weekday is the latest such day on or
before the anchor. A part of a month ("early September", "the end of July") is its
first, middle or last ten days. Durations ("for 180 days") are kept apart from dates.

Without a publication date, a weekday next to a date fixes the year (the latest
year, up to this one, in which that date fell on that weekday); otherwise dates
keep month and day with the year unknown (``--11-24``, ``year_known=False``).
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from typing import Any

from ..dates import MONTH_PATTERN, WEEKDAYS, latest_year_for, month_number, year_for
from ..records import Provenance, Span, TimeExpr
from .nlp import text_of

M = MONTH_PATTERN
D = r"\d{1,2}(?:st|nd|rd|th)?"
Y = r"(?:1[89]|20)\d{2}"
WD = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
NUM_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "a": 1, "an": 1, "several": 3, "a few": 2,
}  # fmt: skip
# "thirty-four", "thirty four": a tens word and a unit word are one number (English number
# words, a closed class); read whole, not as the "four" the other patterns would find
_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_UNIT_WORD = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_COMPOUND = re.compile(rf"({_TENS})[\s-]+({_UNIT_WORD})", re.I)
NUM = (rf"(?:\d+(?:\.\d+)?|{_TENS}[\s-]+{_UNIT_WORD}\b|"
       + "|".join(sorted(NUM_WORDS, key=len, reverse=True)) + r")")  # fmt: skip
# Words every match of a pattern contains: the pattern is skipped when none is in the text.
REQUIRED_WORDS = {
    "range_from": ("from", "between"),
    "weekday_date": ("day",),
    "md_last_year": ("last",),
    "ago": ("ago",),
    "weekday": ("day",),
}
UNIT_DAYS = {"day": 1, "week": 7, "month": 30.44, "year": 365.25, "hour": 1 / 24}

# Ordered: longer, more specific patterns first; a later match may not overlap an earlier.
PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("range_md_d", re.compile(
        rf"\b(?P<m1>{M})\s+(?P<d1>{D})\s*[-–]\s*(?P<d2>{D})(?:,?\s+(?P<y>{Y}))?", re.I)),
    ("range_from", re.compile(
        rf"\b(?:from|between)\s+(?P<m1>{M})\s+(?P<d1>{D})\s+(?:to|until|till|through|and|-|–)\s+"
        rf"(?:(?P<m2>{M})\s+)?(?P<d2>{D})(?:,?\s+(?P<y>{Y}))?", re.I)),
    ("range_d_d_m", re.compile(
        rf"\b(?:from\s+|between\s+)?(?P<d1>{D})\s*(?:[-–]|to|and|until)\s*(?P<d2>{D})\s+(?P<m1>{M})"
        rf"(?:\s+(?P<y>{Y}))?", re.I)),
    ("weekday_date", re.compile(
        rf"\b(?P<wd>{WD})\s*[(,]\s*(?P<m1>{M})\s+(?P<d1>{D})(?:,?\s+(?P<y>{Y}))?\)?", re.I)),
    ("iso", re.compile(rf"\b(?P<y>{Y})-(?P<mm>\d{{2}})-(?P<dd>\d{{2}})\b")),
    ("md_last_year", re.compile(rf"\b(?P<m1>{M})\s+(?P<d1>{D})\s+last\s+year", re.I)),
    ("md", re.compile(rf"(?P<m1>{M})\s+(?P<d1>{D})\b(?:,?\s+(?P<y>{Y}))?", re.I)),
    # the month ends its word: "the 2:20 mark" holds no "20 Mar"
    ("dm", re.compile(rf"\b(?P<d1>{D})\s+(?P<m1>{M})(?![a-z])(?:\s+(?P<y>{Y}))?", re.I)),
    ("part_month", re.compile(
        r"\b(?:the\s+)?(?P<part>beginning|start|middle|end|early|mid|late)"
        rf"(?:\s+of\s+|[- ]|\s+-\s+)(?P<m1>{M})(?!\s*\d{{1,2}}\b(?!\d))"
        rf"(?:,?\s+(?P<y>{Y}))?\b", re.I)),
    ("month_year", re.compile(rf"\b(?P<m1>{M})\s+(?P<y>{Y})\b", re.I)),
    ("ago", re.compile(rf"\b(?P<n>{NUM})\s+(?P<u>day|week|month|year)s?\s+ago\b", re.I)),
    ("duration", re.compile(
        rf"\b(?:for|over|within|after|in)?\s*(?:more than|less than|nearly|almost|about|some|"
        rf"at least|the past|the last)?\s*(?P<n>{NUM})(?P<half>\s+and\s+a\s+half|\s*½)?[\s-]+"
        r"(?P<u>day|week|month|year|hour)s?\b(?P<half_after>\s+and\s+a\s+half\b)?"
        r"(?![\s-]+(?:old|ago))", re.I)),
    ("relative", re.compile(
        r"\b(?:yesterday|today|tomorrow|(?:earlier |later )?this (?:week|month|year)|"
        r"(?:last|next|past) (?:week|month|year)|in (?:the )?past (?:week|month|year)|"
        r"over the (?:past|last) (?:week|month|year)|earlier this month|last weekend)\b", re.I)),
    ("weekday", re.compile(rf"\b(?:(?P<rel>last|next|this|on)\s+)?(?P<wd>{WD})\b", re.I)),
    ("in_month", re.compile(
        rf"\b(?:in|since|until|by|early|late|mid-?)\s+(?P<m1>{M})\b(?!\s+\d)", re.I)),
    ("year", re.compile(
        rf"\b(?:in|since|until|by|of|from|during|before|after)\s+(?P<y>{Y})\b", re.I)),
    # "the mill dates to 1908", "a church dating back to 1850": the year it began
    ("dates_to", re.compile(
        r"(?:(?<=\bdates\s)|(?<=\bdated\s)|(?<=\bdating\s)|(?<=\bdate\s)|(?<=\bback\s))"
        rf"(?:to|from)\s+(?P<y>{Y})\b", re.I)),
    # "built in the 1920s": the decade's ten years
    ("decade", re.compile(r"\b(?:in\s+)?the\s+(?P<dec>(?:1[89]|20)\d)0s\b", re.I)),
]  # fmt: skip


def _day(text: str) -> int:
    return int(re.match(r"\d+", text).group(0))  # type: ignore[union-attr]


def _year_for(month: int, day: int, weekday: int | None, anchor: date | None) -> int | None:
    # a date up to a week after publication is still this year ("due on December 5")
    return year_for(month, day, weekday, anchor, slack_days=7)


def _iso(y: int | None, m: int, d: int) -> str | None:
    if y is None:
        return f"--{m:02d}-{d:02d}"
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def _month_end(y: int, m: int) -> int:
    return calendar.monthrange(y, m)[1]


def number_of(text: str) -> float:
    """The value of a number written in figures or words ("9", "nine", "thirty-four", "a")."""
    t = text.casefold()
    compound = _COMPOUND.fullmatch(t)
    if compound:
        return float(NUM_WORDS[compound.group(1)] + NUM_WORDS[compound.group(2)])
    return float(NUM_WORDS[t]) if t in NUM_WORDS else float(t)


def _resolve(
    kind: str, m: re.Match[str], anchor: date | None, doc_year_hint: int | None
) -> tuple[str | None, str | None, str, bool, float | None] | None:
    """(start, end, granularity, year_known, duration_days) or None."""
    g = m.groupdict()
    y: int | None
    if kind in {"range_md_d", "range_from", "range_d_d_m"}:
        m1 = month_number(g["m1"])
        m2 = month_number(g["m2"]) if g.get("m2") else m1
        d1, d2 = _day(g["d1"]), _day(g["d2"])
        y = int(g["y"]) if g.get("y") else (_year_for(m1, d1, None, anchor) or doc_year_hint)
        s, e = _iso(y, m1, d1), _iso(y, m2, d2)
        if s is None or e is None:
            return None
        return s, e, "day", y is not None, None
    if kind in {"weekday_date", "md", "dm", "md_last_year"}:
        mo, d = month_number(g["m1"]), _day(g["d1"])
        wd = WEEKDAYS[g["wd"].casefold()] if g.get("wd") else None
        if kind == "md_last_year":
            y = (anchor.year - 1) if anchor else None
        elif g.get("y"):
            y = int(g["y"])
        elif wd is not None and anchor is None:
            # the fitting year nearest the one the article's first weekday fixed
            y = year_for(mo, d, wd, date(doc_year_hint, 7, 1)) if doc_year_hint else None
        else:
            y = _year_for(mo, d, None, anchor) or doc_year_hint
        s = _iso(y, mo, d)
        return None if s is None else (s, s, "day", y is not None, None)
    if kind == "iso":
        s = _iso(int(g["y"]), int(g["mm"]), int(g["dd"]))
        return None if s is None else (s, s, "day", True, None)
    if kind == "part_month":
        return _part_of_month(g, anchor, doc_year_hint)
    if kind in {"month_year", "in_month"}:
        mo = month_number(g["m1"])
        if g.get("y"):
            y = int(g["y"])
        elif anchor is not None:
            y = anchor.year if mo <= anchor.month else anchor.year - 1
        else:
            y = doc_year_hint
        if y is None:
            return (
                f"--{mo:02d}-01",
                f"--{mo:02d}-{calendar.monthrange(2001, mo)[1]:02d}",
                ("month"),
                False,
                None,
            )
        return f"{y}-{mo:02d}-01", f"{y}-{mo:02d}-{_month_end(y, mo):02d}", "month", True, None
    if kind in {"year", "dates_to"}:
        y = int(g["y"])
        return f"{y}-01-01", f"{y}-12-31", "year", True, None
    if kind == "decade":
        return f"{g['dec']}0-01-01", f"{g['dec']}9-12-31", "year", True, None
    if kind == "duration":
        # "four and a half months", "4½ years", "an hour and a half"
        half = 0.5 if g["half"] or g["half_after"] else 0.0
        days = (number_of(g["n"]) + half) * UNIT_DAYS[g["u"].casefold()]
        return None, None, "duration", True, round(days, 2)
    if kind == "ago":
        if anchor is None:
            return None
        days = number_of(g["n"]) * UNIT_DAYS[g["u"].casefold()]
        when = anchor - timedelta(days=days)
        gran = "year" if g["u"].casefold() == "year" else g["u"].casefold()
        return when.isoformat(), when.isoformat(), gran, True, None
    if anchor is None:
        return None
    if kind == "weekday":
        wd = WEEKDAYS[g["wd"].casefold()]
        rel = (g.get("rel") or "").casefold()
        back = (anchor.weekday() - wd) % 7
        if rel == "next":
            day = anchor + timedelta(days=(wd - anchor.weekday()) % 7 or 7)
        elif rel == "last" and back == 0:
            day = anchor - timedelta(days=7)
        else:
            day = anchor - timedelta(days=back)
        return day.isoformat(), day.isoformat(), "day", True, None
    return _relative(m.group(0).casefold(), anchor)


# "early September", "the end of July", "mid-March": a third of the month
_THIRDS = {"beginning": (1, 10), "start": (1, 10), "early": (1, 10), "middle": (11, 20),
           "mid": (11, 20), "end": (21, 31), "late": (21, 31)}  # fmt: skip


def _part_of_month(
    g: dict[str, Any], anchor: date | None, hint: int | None
) -> tuple[str | None, str | None, str, bool, float | None] | None:
    """The days of a part of a month: its first, middle or last ten days (the last part
    runs to the month's end), in the year given, else the latest such month up to the
    publication date, else the year the article fixes; without any, no year."""
    mo = month_number(g["m1"])
    first, last = _THIRDS[g["part"].casefold()]
    if g.get("y"):
        y: int | None = int(g["y"])
    elif anchor is not None:
        y = anchor.year if mo <= anchor.month else anchor.year - 1
    else:
        y = hint
    last = min(last, _month_end(y if y is not None else 2001, mo))
    s, e = _iso(y, mo, first), _iso(y, mo, last)
    if s is None or e is None:
        return None
    return s, e, "month", y is not None, None


def _relative(
    phrase: str, anchor: date
) -> tuple[str | None, str | None, str, bool, float | None] | None:
    def span(a: date, b: date, gran: str) -> tuple[str, str, str, bool, None]:
        return a.isoformat(), b.isoformat(), gran, True, None

    week_start = anchor - timedelta(days=anchor.weekday())
    month_start = anchor.replace(day=1)
    if phrase == "yesterday":
        return span(anchor - timedelta(days=1), anchor - timedelta(days=1), "day")
    if phrase == "today":
        return span(anchor, anchor, "day")
    if phrase == "tomorrow":
        return span(anchor + timedelta(days=1), anchor + timedelta(days=1), "day")
    if phrase == "last weekend":
        sat = week_start - timedelta(days=2)
        return span(sat, sat + timedelta(days=1), "day")
    if "past week" in phrase or ("last week" in phrase and "over" in phrase):
        return span(anchor - timedelta(days=7), anchor, "week")
    if phrase in {"last week"}:
        return span(week_start - timedelta(days=7), week_start - timedelta(days=1), "week")
    if phrase.endswith("this week"):
        return span(week_start, anchor, "week")
    if phrase == "next week":
        return span(week_start + timedelta(days=7), week_start + timedelta(days=13), "week")
    if "past month" in phrase or ("last month" in phrase and "over" in phrase):
        return span(anchor - timedelta(days=30), anchor, "month")
    if phrase == "last month":
        prev_end = month_start - timedelta(days=1)
        return span(prev_end.replace(day=1), prev_end, "month")
    if phrase.endswith("this month"):
        return span(month_start, anchor, "month")
    if phrase == "next month":
        nxt = (month_start + timedelta(days=32)).replace(day=1)
        return span(nxt, nxt.replace(day=_month_end(nxt.year, nxt.month)), "month")
    if "past year" in phrase or ("last year" in phrase and "over" in phrase):
        return span(anchor - timedelta(days=365), anchor, "year")
    if phrase == "last year":
        return span(date(anchor.year - 1, 1, 1), date(anchor.year - 1, 12, 31), "year")
    if phrase.endswith("this year"):
        return span(date(anchor.year, 1, 1), anchor, "year")
    if phrase == "next year":
        return span(date(anchor.year + 1, 1, 1), date(anchor.year + 1, 12, 31), "year")
    return None


# A day told by its distance from another occurrence the text has just dated: "on the
# same day", "the day before", "the next day" (not "the day after the attack": that
# day is counted from an occurrence the text may never date).
DAY_OF_ANOTHER = re.compile(
    r"\b(?:(?:the\s+)?same\s+day|that\s+(?:same\s+)?day"
    r"|(?:the|a|one)\s+day\s+(?P<dir>before|after|earlier|later)"
    r"|the\s+(?P<rel>previous|next|following)\s+day)\b",
    re.I,
)
_STEP = {"before": -1, "earlier": -1, "previous": -1, "after": 1, "later": 1, "next": 1,
         "following": 1}  # fmt: skip
# what follows "the day before" when it is counted from a named occurrence ("the day
# before the vote", "a day after 36-year-old X was killed"): a word that is no
# conjunction; "the next day or two" is no one day either
_OBJECT_AFTER = re.compile(r"\s+(?!(?:and|but|when|as|while|that)\b)\w", re.I)
_EITHER_AFTER = re.compile(r"\s+or\b", re.I)


def _sentence_starts(doc: Any, text: str) -> list[int]:
    """Where each sentence of ``doc`` starts (the parse's sentences, else the text's
    stops and line breaks)."""
    if hasattr(doc, "has_annotation") and doc.has_annotation("SENT_START"):
        return [s.start_char for s in doc.sents]
    return [0, *(m.end() for m in re.finditer(r"[.!?][\"'”’)]*\s+|\n+", text))]


def days_of_others(article_id: str, doc: Any, text: str, found: list[TimeExpr]) -> list[TimeExpr]:
    """Days told by their distance from another occurrence ("on the same day", "the day
    before", "the next day"), resolved against the last day the text dated before them
    in the same sentence or the one before: news tells a sequence of days that way
    ("President X met Y on October 10. On the same day, the government signed…").
    The anchor is that date (``TimeExpr.anchor``); with none near, no date is read."""
    starts = _sentence_starts(doc, text)
    out = []
    for m in DAY_OF_ANOTHER.finditer(text):
        step = _STEP.get((m.group("dir") or m.group("rel") or "").casefold(), 0)
        if m.group("dir") and _OBJECT_AFTER.match(text, m.end()):
            continue
        if _EITHER_AFTER.match(text, m.end()):
            continue
        if any(m.start() < t.span.end and t.span.start < m.end() and t.start for t in found):
            continue
        here = max((k for k, s in enumerate(starts) if s <= m.start()), default=0)
        since = starts[here - 1] if here > 0 else 0
        near = [t for t in found if t.start and t.granularity == "day" and t.start == t.end
                and since <= t.span.start and t.span.end <= m.start()]  # fmt: skip
        if not near:
            continue
        anchor = max(near, key=lambda t: t.span.start)
        given = anchor.start or ""
        known = anchor.year_known and given[:4].isdigit()
        try:
            day = date.fromisoformat(given if known else "2000" + given[-6:])
        except ValueError:
            continue
        when = (day + timedelta(days=step)).isoformat()
        value = when if known else "--" + when[5:]
        out.append(TimeExpr(Span(article_id, m.start(), m.end()), m.group(0), value, value,
                            "day", anchor=anchor.start, year_known=known))  # fmt: skip
    return out


def weekday_year(text: str, near: date | None, as_of: date | None) -> Provenance | None:
    """The year the first date written with its weekday and no year in ``text`` fell
    in ("Monday, March 3"), with that date's span: the fitting year nearest ``near``
    (the batch's stated dates, or ``--date``), else the latest up to ``as_of`` (the
    run's "today"). What an undated article's other dates without a year are read in.

    >>> weekday_year("It opened on Sunday, November 30.", None, date(2026, 12, 4))
    Provenance(field='year', value='2025', source='text', start=13, end=32)
    """
    for m in PATTERNS[3][1].finditer(text):
        if m.group("y"):
            continue
        month, day = month_number(m.group("m1")), _day(m.group("d1"))
        weekday = WEEKDAYS[m.group("wd").casefold()]
        if near is not None:
            y = year_for(month, day, weekday, near)
        elif as_of is not None:
            y = latest_year_for(month, day, weekday, as_of)
        else:
            y = None
        if y:
            return Provenance("year", str(y), "text", m.start(), m.end())
    return None


def extract_times(
    article_id: str, doc: Any, published: str | None, *, year_hint: int | None = None
) -> tuple[TimeExpr, ...]:
    """Every time expression in ``doc`` as an interval, resolved against ``published``.

    Without ``published``, a year missing beside a date is ``year_hint``: the year a
    weekday fixes in the article (:func:`weekday_year`, read at ingest), else none.

    Example (needs the models or files named)::

        from newsprism.analyze.nlp import parse
        t = extract_times("a", parse("It ran from October 24-27."), "2025-11-30")
        (t[0].start, t[0].end)
        # ('2025-10-24', '2025-10-27')
    """
    text: str = text_of(doc) if hasattr(doc, "user_data") else str(doc)
    anchor = date.fromisoformat(published) if published else None
    hint = None if anchor is not None else year_hint
    taken: list[tuple[int, int]] = []
    out: list[TimeExpr] = []
    lowered = text.casefold()
    for kind, pattern in PATTERNS:
        needs = REQUIRED_WORDS.get(kind)
        if needs and not any(w in lowered for w in needs):
            continue  # a word every match of the pattern contains is absent
        for m in pattern.finditer(text):
            s, e = m.start(), m.end()
            while s < e and text[s].isspace():
                s += 1
            if any(s < te and ts < e for ts, te in taken):
                continue
            if kind == "dm" and not re.match(r"\d", text[s:e]):
                continue
            resolved = _resolve(kind, m, anchor, hint)
            if resolved is None:
                continue
            start, end, gran, year_known, duration = resolved
            taken.append((s, e))
            out.append(
                TimeExpr(
                    Span(article_id, s, e),
                    text[s:e],
                    start,
                    end,
                    gran,
                    anchor=published,
                    year_known=year_known,
                    duration_days=duration,
                )
            )
    if "day" in lowered:
        relative = days_of_others(article_id, doc, text, out)
        # "a day before" read as a length of one day is the day itself
        out = [t for t in out
               if not any(r.span.start < t.span.end and t.span.start < r.span.end
                          for r in relative)]  # fmt: skip
        out.extend(relative)
    out.sort(key=lambda t: t.span.start)
    return tuple(out)
