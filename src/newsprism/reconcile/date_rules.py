"""Dates of one occurrence: how two date claims are read against each other.

The facts stage weighs two reports' dates in three places — the relation decision
(:func:`newsprism.reconcile.claims.relation`), which dates may be shown as variants of
each other (:func:`newsprism.reconcile.claims.comparable`) and the date gate
(:mod:`newsprism.reconcile.date_gate`) — and all three read the same few facts of a
date: the days it covers, the weekday it names or falls on, whether its year is
written, whether two dates can both hold. The rules of one named occurrence
(:func:`one_occurrence`: two written years, two weekdays, two days of it, two lengths
of time from its news) decide a conflict whatever the relation model weighs, so the
gate must read them as the decision does; they live here, apart from the claims' other
rules, so neither module reaches into the other's private names.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from datetime import date
from typing import TYPE_CHECKING

from ..analyze.claims import ANNOUNCING, predicate_class
from ..analyze.dated import EXISTED
from ..analyze.text_norm import name_key
from ..analyze.times import NUM, UNIT_DAYS, number_of
from ..dates import MONTH_PATTERN
from ..records import Claim
from .gone_into import one_move
from .names import name_words, word_skeleton

if TYPE_CHECKING:
    from .claims import Said


# the weekday names, a written year, and words that make a date relative or vague
_MONTH_WORD = re.compile(rf"\b(?:{MONTH_PATTERN})\b", re.I)
WEEKDAYS = frozenset("Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split())
YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
# a decade written as such: "in the 1930s"
DECADE = re.compile(r"\b(?:1[89]|20)\d0s\b")
FUZZY = re.compile(r"\b(?:week|weekend|recent|recently|earlier|later|last|past|ago)\b", re.I)


def dates_of(c: Claim) -> tuple[str, str]:
    """A date's first and last day as ISO strings, month and day alone when its report
    gives no year (so two such dates compare by the days they name)."""
    start, end = c.start or "", c.end or c.start or ""
    if not c.year_known:
        return start[-5:], end[-5:]
    return start, end


def weekday(c: Claim) -> str | None:
    """The weekday a claim names or falls on (None: a longer span, no year, or a day
    counted from an unknown publication date)."""
    if not c.start:
        return c.value if c.value in WEEKDAYS else None
    if c.year_known and c.start == (c.end or c.start) and len(c.start) == 10:
        return date.fromisoformat(c.start).strftime("%A")
    return None


def inside(x: Claim, y: Claim) -> bool:
    """Whether date ``x`` lies wholly inside date ``y``: a day in its month or year, or
    the same day ("Wednesday morning" in "Wednesday")."""
    if x.kind != "date" or y.kind != "date":
        return False
    if not x.start or not y.start:
        return not x.start and not y.start and x.value == y.value
    (xs, xe), (ys, ye) = dates_of(x), dates_of(y)
    if x.year_known != y.year_known:
        xs, xe, ys, ye = xs[-5:], xe[-5:], ys[-5:], ye[-5:]
    return ys <= xs and xe <= ye


def dates_overlap(a: Said, b: Said) -> bool:
    """Whether two resolved dates can both hold: their intervals meet (a year reckoned
    from a report's own date is no evidence against a written one)."""
    xs, xe = dates_of(a.claim)
    ys, ye = dates_of(b.claim)
    written = YEAR.search(a.claim.text) and YEAR.search(b.claim.text)
    if not a.claim.year_known or not b.claim.year_known or not written:
        xs, xe, ys, ye = xs[-5:], xe[-5:], ys[-5:], ye[-5:]
    return xs <= ye and ys <= xe


def years_of(c: Claim) -> tuple[int, int] | None:
    """The first and last year a resolved date covers (None: its report gives no year)."""
    if not c.year_known or not c.start or not c.start[:4].isdigit():
        return None
    end = c.end or c.start
    return int(c.start[:4]), int(end[:4]) if end[:4].isdigit() else int(c.start[:4])


def no_common_year(x: Claim, y: Claim) -> bool:
    """Two dates that cannot be placed in one year: both with years, and no year in
    common; or one without a year against one given by its whole year ("in 2019")."""
    yx, yy = years_of(x), years_of(y)
    if yx is not None and yy is not None:
        return yx[1] < yy[0] or yy[1] < yx[0]
    if yx is None and yy is None:
        return False
    known = x if yx is not None else y
    return known.start is not None and known.start[5:] == "01-01" and (
        (known.end or known.start)[5:] == "12-31")  # fmt: skip


def middle_day(c: Claim) -> float | None:
    """A date claim's middle as a day count (years left out when either side has none)."""
    if not c.start:
        return None
    try:
        s = date.fromisoformat(("2000" + c.start[-6:]) if not c.year_known else c.start)
        e = date.fromisoformat(
            ("2000" + (c.end or c.start)[-6:]) if not c.year_known else (c.end or c.start)
        )
    except ValueError:
        return None
    return (s.toordinal() + e.toordinal()) / 2


_OPEN_DATE = re.compile(r"\b(?:from|since|until|till|by|before|after|between)\b", re.I)


def other_years(a: Said, b: Said, named: Mapping[str, float]) -> bool:
    """Two written dates of one occurrence that lie far apart ("convicted in May 2003",
    "convicted in June 1999"): they cannot both be true, whatever the model weighs. Not
    when either is relative or open ("from 1983", "last year")."""
    x, y = a.claim, b.claim
    if x.kind != "date" or not (x.start and y.start) or not named["date_far"]:
        return False
    if not (x.year_known and y.year_known and YEAR.search(x.text) and YEAR.search(y.text)):
        return False
    if named["fuzzy_date"] or _OPEN_DATE.search(x.text) or _OPEN_DATE.search(y.text):
        return False
    return bool(named["compatible"]) and not dates_overlap(a, b)


def _written_weekday(c: Claim) -> str | None:
    """The weekday a date names as its report wrote it: a bare weekday ("on Friday"),
    or the weekday a day written in full falls on ("Thursday, March 5, 2015": its
    year, month and day written). Never a day reckoned from a publication date (a time
    zone away), nor a year the report does not write."""
    if not c.start:
        return c.value if c.value in WEEKDAYS else None
    if not (YEAR.search(c.text) and _DAY_DATE.search(c.text)):
        return None
    return weekday(c)


def other_days(a: Said, b: Said) -> bool:
    """Two weekdays named for one occurrence ("checked in on Tuesday", "checked in on
    Friday"; "checked herself in on Thursday, March 5, 2015", "checked in on
    Friday"; "went to the Lakeside clinic on Tuesday", "checked into Lakeside on
    Friday": one move into one place, :func:`.gone_into.one_move`): they cannot both be
    true. Only weekdays the texts write
    (:func:`_written_weekday`), one of them bare, of the same predicate, so a date
    reckoned from a publication day (a time zone away) is never one of them."""
    x, y = a.claim, b.claim
    if x.kind != "date" or y.kind != "date" or (x.start and y.start):
        return False
    wx, wy = _written_weekday(x), _written_weekday(y)
    if wx is None or wy is None or wx == wy:
        return False
    if "night" in {x.cue, y.cue}:
        return False  # "late Monday night" runs into Tuesday's small hours
    px, py = predicate_class(x.predicate), predicate_class(y.predicate)
    return (px is not None and px == py) or one_move(x, a.sentence, y, b.sentence)


# a date written to the day: a month and a day number ("October 30", "Oct. 24-27",
# "30 October")
_DAY_DATE = re.compile(rf"\b(?:{MONTH_PATTERN})\.?\s+\d|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?"
                       rf"(?:{MONTH_PATTERN})\b", re.I)  # fmt: skip


def other_dates(a: Said, b: Said, named: Mapping[str, float]) -> bool:
    """Two dates written to the day for one occurrence that share no day ("an operation
    between October 24 and 27", "the October 30 operation"): they cannot both be
    true. Only dates of the same predicate (the same occurrence, not one reported on the
    other's day) other than a verb of announcing, each with a month and a day, neither
    open ("since November 3"), vague ("last week") nor a night (which runs into the
    next day)."""
    x, y = a.claim, b.claim
    if x.kind != "date" or not (x.start and y.start) or named["fuzzy_date"]:
        return False
    if not (_DAY_DATE.search(x.text) and _DAY_DATE.search(y.text)):
        return False
    if {x.cue, y.cue} & {"open", "night"}:
        return False
    px, py = predicate_class(x.predicate), predicate_class(y.predicate)
    if px is None or px != py or px in ANNOUNCING:
        return False  # two announcements of one story may be made on two days
    return not dates_overlap(a, b)


def announcements(x: Claim, y: Claim) -> bool:
    """Two dates of announcing ("announced on Sunday", "announced on October 11"): a
    story's several announcements may be made on several days, so whatever the model
    weighs they are no conflict."""
    return (
        x.kind == "date"
        and predicate_class(x.predicate) in ANNOUNCING
        and predicate_class(y.predicate) in ANNOUNCING
    )


# a length of time counted back or on from a day, as a date of an occurrence: "four days
# earlier", "nearly two weeks ago", "a month after", "about two years before"
_LAG = re.compile(
    rf"^(?:(?P<hedge>about|around|roughly|some|almost|nearly|more than|over|less than|under)"
    rf"\s+)?(?P<n>{NUM})\s+(?P<u>day|week|month|year)s?\s+"
    r"(?P<dir>ago|before|after|earlier|later|following|prior)\b",
    re.I,
)
# the days between the day a report counts from and the day of its news: "died
# yesterday … after a fall suffered two weeks ago" counts from the report, "died
# Monday, four days after a fall" from the death
_ANCHORS_APART = 2.0


def _lag(c: Claim) -> re.Match[str] | None:
    return _LAG.match(c.text.strip()) if c.kind == "date" and not c.start else None


def lag_days(c: Claim) -> tuple[float, float] | None:
    """The fewest and most days a date told as a length of time from another day may
    stand from it ("four days earlier": 4 to 4; "nearly two weeks ago": 10.5 to 14;
    "a week later": 3.5 to 10.5, a length in weeks or longer being counted to the
    nearest one; "more than two days ago": 2 upwards), None for any other date."""
    m = _lag(c)
    if m is None:
        return None
    n, unit = number_of(m.group("n")), UNIT_DAYS[m.group("u").casefold()]
    half = 0.0 if unit == 1 else 0.5
    hedge = (m.group("hedge") or "").casefold()
    if hedge in {"more than", "over"}:
        return n * unit, math.inf
    if hedge in {"less than", "under"}:
        return 0.0, n * unit
    if hedge in {"almost", "nearly"}:
        return (n - 0.5) * unit, n * unit
    if hedge:
        return (n - 0.5) * unit, (n + 0.5) * unit
    return (n - half) * unit, (n + half) * unit


def other_lags(a: Said, b: Said) -> bool:
    """Two lengths of time that date one occurrence from the news, one back from the
    report's day ("a fall suffered nearly two weeks ago"), the other from the occurrence
    the report tells ("suffered a fall four days earlier", "died two days after a
    fall"), that cannot be one length: apart by more than the days
    between a report and its news (:data:`_ANCHORS_APART` each way). The same reading as
    a gap of two measures (analyze/holders.length_kind). Not two lengths counted from
    occurrences ("four days earlier", "two weeks earlier": earlier than what each
    report does not say), nor two back from two reports' days, which may be days apart.
    Only dates of the same predicate, other than a verb of announcing, as
    :func:`other_days` reads them."""
    x, y = a.claim, b.claim
    mx, my = _lag(x), _lag(y)
    if mx is None or my is None:
        return False
    if (mx.group("dir").casefold() == "ago") == (my.group("dir").casefold() == "ago"):
        return False
    lx, ly = lag_days(x), lag_days(y)
    if lx is None or ly is None:
        return False
    px, py = predicate_class(x.predicate), predicate_class(y.predicate)
    if px is None or px != py or px in ANNOUNCING:
        return False
    return lx[1] + 2 * _ANCHORS_APART < ly[0] or ly[1] + 2 * _ANCHORS_APART < lx[0]


def founded_after_existing(a: Said, b: Said) -> bool:
    """A year a named thing has stood since ("the food bank has been a lifeline since 2004",
    cue ``existed``: founded then or before) and a written year of its founding after it
    ("founded the food bank in 2009"): they cannot both be true. Only the same predicate,
    the other year written and neither open nor relative."""
    for s, t in ((a, b), (b, a)):
        x, y = s.claim, t.claim
        if x.cue != EXISTED or y.kind != "date" or y.cue is not None:
            continue
        if predicate_class(x.predicate) != predicate_class(y.predicate):
            continue
        if not (_year_written(x) and _year_written(y)) or _OPEN_DATE.search(y.text):
            continue
        if y.start and x.end and y.start[:4] > x.end[:4]:
            return True
    return False


def one_occurrence(a: Said, b: Said, named: Mapping[str, float]) -> bool:
    """Whether the rules of one named occurrence call two dates a conflict (``named``:
    the pair's RELATION_FEATURES by name): two written years of it far apart, two
    weekdays, two days of it that share none, two lengths of time from its news that
    cannot be one, a founding after a year the thing stood since. The texts say the
    two dates are of one occurrence, so the relation decision calls these whatever its
    model weighs, and the date gate never holds them."""
    return (
        other_years(a, b, named)
        or other_days(a, b)
        or other_dates(a, b, named)
        or other_lags(a, b)
        or founded_after_existing(a, b)
    )


def participant_keys(c: Claim) -> frozenset[str]:
    """The names taking part in a date's occurrence (:attr:`Claim.participants`), each as
    a key two spellings of one name share: the skeleton of its last word ("Lottie Lane",
    "Lane"; "HMS Kestrel", "Kestrel")."""
    keys = set()
    for name in c.participants:
        words = name_words(name_key(name))
        if words:
            keys.add(word_skeleton(words[-1]))
    return frozenset(keys)


def other_participants(x: Claim, y: Claim) -> bool:
    """Two dates whose occurrences both name who took part, and no one in common ("Harlan
    was fired March 4", "Dorsey, fired on June 9"; "born on May 14, 1926" of Lane,
    "adopted by Milo Grant in 1953"): dates of two occurrences, however alike their
    verbs, so never values of one slot (analyze/participants.py reads the names)."""
    if x.kind != "date" or y.kind != "date":
        return False
    kx, ky = participant_keys(x), participant_keys(y)
    return bool(kx and ky and not kx & ky)


# a date that bounds its occurrence on one side: "since 1967", "after June", "from 1992"
# (it began then or later) and "by 1958", "until 2003", "before May" (it happened then or
# earlier); a span written in full ("from 1983 to 1987", "1983-87") bounds both sides
_FROM = re.compile(r"^(?:ever\s+)?(?:since|after|from|starting)\b", re.I)
_UNTIL = re.compile(r"^(?:by|until|till|before|through)\b", re.I)
_CLOSED = re.compile(r"\b(?:to|until|till|through|and)\b|\d\s*[-–]\s*\d", re.I)


def bound(c: Claim) -> str | None:
    """Which side a date bounds its occurrence from: "after" ("since 1967": then or
    later), "before" ("by 1958": then or earlier), None for a date or span that holds
    it ("in 1957", "from 1983 to 1987")."""
    if c.cue == EXISTED:
        return "before"  # "has been a lifeline since 2004": founded then or before
    text = c.text.strip()
    if _CLOSED.search(text):
        return None
    if _FROM.match(text):
        return "after"
    if _UNTIL.match(text):
        return "before"
    return None


def bound_holds(a: Said, b: Said) -> bool:
    """Whether one of two dates is a bound the other keeps ("since 1967" / "in 1983";
    "by 1958" / "in 1957"; "until 2003" / "December 1997"): the occurrence the bound
    opens or closes may well fall on the other date, so both can be true — at most a
    variant, whatever the model weighs (a point year weighed against the year a span
    starts or ends read as two years)."""
    for s, t in ((a, b), (b, a)):
        side = bound(s.claim)
        if side is None or bound(t.claim) is not None:
            continue
        (ss, se), (ts, te) = dates_of(s.claim), dates_of(t.claim)
        if not (ss and ts) or s.claim.year_known != t.claim.year_known:
            continue
        if (side == "after" and ts >= ss) or (side == "before" and te <= se):
            return True
    return False


def _year_written(c: Claim) -> bool:
    """Whether a date's report writes its year: not a weekday, nor a day counted from an
    unknown report date."""
    return c.kind == "date" and bool(c.start and c.year_known and YEAR.search(c.text))


def _decade_written(c: Claim) -> bool:
    """Whether a date is a decade its report writes ("built in the 1930s")."""
    return c.kind == "date" and bool(c.start and c.year_known and DECADE.search(c.text))


def whole_years(c: Claim) -> str | None:
    """The years a date written as whole years names ("in 1998": "1998"; "from 1994
    through 1997": "1994-1997"), None for any other date. Such a date is no day of the
    year: two of them are one value only when their years are, while a report's
    background years ("married in 1971", "retired in 1998") are as many values."""
    if not _year_written(c) or not c.start or not c.end:
        return None
    if c.start[4:] != "-01-01" or c.end[4:] != "-12-31":
        return None
    first, last = c.start[:4], c.end[:4]
    return first if first == last else f"{first}-{last}"


def written_years(c: Claim) -> frozenset[str]:
    """The years a date whose report writes its year spans ("in 1998", "April 3, 1931",
    "from 1994 through 1997"), none for any other date."""
    if not _year_written(c) or not c.start or not c.start[:4].isdigit():
        return frozenset()
    end = (c.end or c.start)[:4]
    if not end.isdigit() or int(end) < int(c.start[:4]):
        return frozenset({c.start[:4]})
    return frozenset(str(y) for y in range(int(c.start[:4]), int(end) + 1))


def day_of_report_year(c: Claim) -> str | None:
    """The year of a day a report counts from its own ("Monday", "yesterday": the year is
    the report's), None for any other date. Such a day is of the news the report gives;
    a date whose written year is another year ("died in federal prison in 1989", "the
    March 2011 flood") is of an occurrence the report recalls, never its date. A day
    named by its month ("on December 15") is not counted: its year is a guess (the
    nearest past one, for an election to come the year before)."""
    if c.kind != "date" or not c.start or not c.start[:4].isdigit() or YEAR.search(c.text):
        return None
    if _MONTH_WORD.search(c.text):
        return None
    if (c.end or c.start) != c.start:
        return None
    return c.start[:4]


def one_held_by_other(x: Claim, y: Claim) -> bool:
    """Whether one of two dates with written years holds the other ("April 6, 2011" and
    "April 2011"; "July 1997" and "in 1997"; "in 1935" and "in the 1930s"): one date
    said more and less precisely. A decade is no written year elsewhere: "the 1950s
    pin-up" is background of a story, and kept a report's year of news from its own
    days."""
    if not all(_year_written(c) or _decade_written(c) for c in (x, y)):
        return False
    return inside(x, y) or inside(y, x)


def one_day_either_way(x: Claim, y: Claim) -> bool:
    """Whether two dates may name one day however the report counts: a day counted from
    an unknown report date ("yesterday", "today") and a weekday or a date of one day
    ("Thursday", "December 11"). An undated report that says "died yesterday" and
    "Thursday" gives one day twice."""
    for r, o in ((x, y), (y, x)):
        if r.kind != "date" or o.kind != "date" or r.start or r.cue == "relative":
            continue
        if r.value in WEEKDAYS:
            continue
        if o.start:
            return (o.end or o.start) == o.start
        return o.cue != "relative"
    return False


# a day a report counts from its own date: "today", "yesterday", "tonight", "this morning"
_REPORT_DAY = re.compile(
    r"(?:today|yesterday|tonight|last night|this (?:morning|afternoon|evening))", re.I
)


def report_day_against_undated(a: Said, b: Said) -> bool:
    """Whether one date is a day its report counts from its own date ("it was announced
    today") and the other a bare weekday or a day without a year of a report that gives
    no date ("announced on Friday"). The undated report's day is of a week no one can
    place, and the other's "today" is only as sure as its report's date (often read from
    the text, a dateline or a date in the lead that may be an occurrence's), so the two
    are never weighed as two days: at most a variant."""
    for r, o in ((a, b), (b, a)):
        x, y = r.claim, o.claim
        if x.kind != "date" or y.kind != "date" or not x.start:
            continue
        if not _REPORT_DAY.fullmatch(x.text.strip()):
            continue
        if o.published is None and (not y.start or not y.year_known):
            return True
    return False


def span_of_one_occurrence(x: Claim, y: Claim) -> bool:
    """Whether a report that gives both dates for one slot gives one date twice: a
    relative span ("last month", "nine days earlier") beside a date of the same named
    occurrence ("was arrested on Jan. 6", "was arrested last month")."""
    if x.kind != "date" or y.kind != "date":
        return False
    if not any(c.cue == "relative" and not c.start for c in (x, y)):
        return False
    px, py = predicate_class(x.predicate), predicate_class(y.predicate)
    return px is not None and px == py
