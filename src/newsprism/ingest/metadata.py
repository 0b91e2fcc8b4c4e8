"""Metadata of a cleaned article, each value with where it came from.

Title, outlet, publication date, language and wire credits. A value found in
the text carries a span into the cleaned text; one found in a removed line
carries a span into the raw input; others say which container field gave it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from functools import lru_cache
from typing import Any
from urllib.parse import urlparse

from ..dates import MONTH_PATTERN, WEEKDAYS, latest_year_for, month_number, year_for
from ..records import Provenance
from .wires import agencies_in_list, canonical_agency

_MONTH_RE = rf"(?P<month>{MONTH_PATTERN})"
_DAY_RE = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR_RE = r"(?:,?\s+(?P<year>(?:19|20)\d{2}))?"
# "October 30", "Nov. 30th, 2025", "30 October 2025"
MONTH_DAY = re.compile(rf"\b{_MONTH_RE}\s+{_DAY_RE}\b{_YEAR_RE}", re.I)
DAY_MONTH = re.compile(
    rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH_RE}{_YEAR_RE.replace(',?', '')}", re.I
)
ISO_DATE = re.compile(r"\b(?P<year>(?:19|20)\d{2})-(?P<month>\d{2})-(?P<day>\d{2})\b")
_WEEKDAY_RE = r"(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
# "on Sunday (October 30th)", "Sunday, Oct. 30"
# (a year may follow a dash there: "Sunday, November 27 - 2005 at 16:12")
_YEAR_OR_DASH_RE = r"(?:(?:,?\s+|\s+[-–—]\s+)(?P<year>(?:19|20)\d{2})\b)?"
WEEKDAY_DATE = re.compile(
    rf"\b{_WEEKDAY_RE}\s*[(,]\s*{_MONTH_RE}\s+{_DAY_RE}\b{_YEAR_OR_DASH_RE}", re.I
)
# A dateline opening a story: "WASHINGTON, Oct 30 (Reuters) -", "PARIS — March 3, 2024 —"
DATELINE = re.compile(
    rf"^[A-Z][A-Z.'’ -]{{1,40}}(?:,\s*[A-Z][\w.' -]{{1,30}})?\s*[,—–-]\s*"
    rf"(?i:{_MONTH_RE})\s+{_DAY_RE}\b{_YEAR_RE}",
)
# Publication verbs: "announced on …", "said on …", "a statement released … on …".
_PUBLISH_CUE = re.compile(
    r"\b(announced|said|says|stated|released|published|issued|reported|statement|declared|"
    r"confirmed)\b[^\n]{0,80}?\bon\s+$",
    re.I,
)

_CREDIT_TAIL = re.compile(r"(?:[—–-]\s*|\()([A-Z][\w .-]{1,40}?)\)?\s*$")
_DATELINE_CREDIT = re.compile(r"^[^()\n]{0,60}\(([^()]{1,40})\)\s*[—–-]")
_CREDIT_NOTE_LIST = re.compile(
    r"(?:from|by)\s+(?P<list>[^()]+?)\)?\.?\s*$",
    re.I,
)
_REPORTING_BY = re.compile(r"^\(?\s*(reporting|writing) by\b.*\bediting by\b", re.I)


def _make_date(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def parse_meta_date(value: str) -> str | None:
    """A container's date (ISO 8601, RFC 2822, or free text) as YYYY-MM-DD.

    >>> parse_meta_date("Wed, 06 Mar 2024 10:00:00 GMT"), parse_meta_date("2024-03-05T08:00Z")
    ('2024-03-06', '2024-03-05')
    """
    value = value.strip()
    m = ISO_DATE.search(value)
    if m:
        return _make_date(int(m["year"]), int(m["month"]), int(m["day"]))
    try:
        return parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    import dateparser

    parsed: datetime | None = dateparser.parse(
        value, settings={"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"]}
    )
    return parsed.date().isoformat() if parsed else None


# Characters of each lead line searched for a publication date. On 1,655 texts (ECB+,
# the examples, the gold set, and each ECB+ article joined into one line) the dates found
# are the same as with whole lines, but for three of the one-line joins, where the date
# past 2,000 characters was an event's ("the season ended on May 3"), not the article's.
LEAD_CHARS = 2_000


def date_from_text(
    text: str,
    reference: date | None,
    lead_lines: int = 3,
    *,
    batch_reference: date | None = None,
    as_of: date | None = None,
) -> Provenance | None:
    """The publication date the article's first lines state, with its span.

    Datelines, a weekday with a date ("on Sunday (October 30th)"), and a date
    after a publication verb ("announced on October 30"). Other dates in the
    lead are about events, not publication, and are not taken. A year missing from
    the text comes from the weekday (the fitting year nearest ``reference``, else
    nearest ``batch_reference``, the date the batch's other articles state, else the
    latest up to ``as_of``, the run's "today"), else from ``reference``; without any,
    the value is the month and day alone ("--11-30").
    """
    lines = text.split("\n", lead_lines)[:lead_lines]
    offset = 0
    for line in lines:
        # A line's head is enough: the dates taken stand at a paragraph's start or in
        # its first sentences, and matching a whole one-line text would cost time
        # quadratic in its length.
        found = _first_publication_date(line[:LEAD_CHARS])
        if found is not None:
            m, has_weekday = found
            month = month_number(m["month"])
            day = int(m["day"])
            weekday = WEEKDAYS[m["weekday"].casefold()] if has_weekday else None
            year: int | None = int(m["year"]) if m["year"] else None
            if year is None and weekday is not None:
                near = reference or batch_reference
                if near is not None:
                    year = year_for(month, day, weekday, near)
                elif as_of is not None:
                    year = latest_year_for(month, day, weekday, as_of)
            elif year is None and reference is not None:
                year = year_for(month, day, None, reference)
            start, end = offset + m.start(), offset + m.end()
            if year is None:
                return Provenance("published", f"--{month:02d}-{day:02d}", "text", start, end)
            value = _make_date(year, month, day)
            if value:
                return Provenance("published", value, "text", start, end)
        offset += len(line) + 1
    return None


def stated_date(text: str, lead_lines: int = 3) -> str | None:
    """The publication date the lead states with its year written out, else None.

    The dates a batch states this way are what a year missing elsewhere in the batch is
    chosen near (:func:`date_from_text`'s ``batch_reference``).

    >>> stated_date("Storm hits coast\\nPublished March 3, 2008"), stated_date("Monday, March 3")
    ('2008-03-03', None)
    """
    for line in text.split("\n", lead_lines)[:lead_lines]:
        found = _first_publication_date(line[:LEAD_CHARS])
        if found is not None:
            m = found[0]
            if not m["year"]:
                return None
            return _make_date(int(m["year"]), month_number(m["month"]), int(m["day"]))
    return None


# A stamp line above or below the headline: "Published October 30, 2009", "Posted: 30 Oct 2009".
_STAMP = re.compile(
    r"^\s*(?:first\s+)?(?:published|posted|publication\s+date|date\s+published)\b\s*(?:on\b|:)?",
    re.I,
)


# What a timestamp line holds besides its date: "14 May 2015 Last updated at 09:42 GMT",
# "Sat Mar 7 2015, 02:41 hrs", "Story created: Jun 3, 2014 at 8:14 AM AKDT".
_STAMP_WORDS = frozenset(
    "last updated update published posted first modified created story at on by | - — – am pm "
    "edited a.m. p.m. hrs gmt utc bst cet cest et est edt pst pdt ist "
    "mon tue tues wed thu thur thurs fri sat sun".split()
) | frozenset(WEEKDAYS)
_CLOCK = re.compile(r"^\d{1,2}(?:[:.]\s?\d{2})?(?:am|pm|a\.m\.|p\.m\.)?$", re.I)
# Zone abbreviations end in T ("EST", "AKDT", "CEST"); offsets read "GMT+05" once ":00" is cut.
_ZONE = re.compile(r"^(?:[A-Z]{1,4}T|(?:GMT|UTC)[+−-]\d{1,2})$")
# A date in figures, or a clock time run into it: "03/09/15", "2016-09-22", "17/03/2015-14:35".
_FIGURES = re.compile(r"^\d[\d/.:-]*(?:am|pm|a\.m\.|p\.m\.)?$", re.I)


def _written_date(line: str) -> Any | None:
    """The first "October 30, 2009" or "30 October 2009" in ``line``."""
    return MONTH_DAY.search(line) or DAY_MONTH.search(line)


def _stamp_word(word: str) -> bool:
    figures = word.strip(",;()[]|/-–—")
    if not figures or _FIGURES.match(figures):
        return True
    bare = word.strip(",;:()[]|-–—")
    if bare in ("", ".") or _ZONE.match(bare):
        return True
    bare = bare.lower()
    return any(w in _STAMP_WORDS or _CLOCK.match(w) for w in (bare, bare.rstrip(".")))


def timestamp_line(line: str) -> bool:
    """Whether a line holds only a timestamp: a date (in words or figures), a clock time,
    a zone, "Posted"/"Last updated" — the furniture above or below a headline, not its lead.

    >>> [timestamp_line(s) for s in ("03/09/15 2:40 AM EST", "Updated 5:17 p.m. ET",
    ...  "Posted: Apr 14, 2016 7:50 AM ET / Last Updated: Apr 14, 2016 9:05 PM ET")]
    [True, True, True]
    >>> [timestamp_line(s) for s in ("Updated", "TNN Mar 7, 2015, 06.42AM IST CHENNAI:",
    ...  "Quake kills 10 on March 3")]
    [False, False, False]
    """
    if len(line) > 100 or not any(c.isdigit() for c in line):
        return False
    rest = MONTH_DAY.sub(" ", DAY_MONTH.sub(" ", line)).replace(":", " : ").split()
    return all(_stamp_word(w) for w in rest)


def stamp_date(line: str) -> Any | None:
    """The date of a line that is only a timestamp (a date, a time, "last updated"), else None.

    >>> stamp_date("14 May 2015 Last updated at 09: 42 GMT")["year"]
    '2015'
    >>> [stamp_date(s)["day"] for s in ("Thu., Jun. 4, 2015 10:25 AM PDT", "August 9, 2014-3:52 pm",
    ...  "22 September 2016, 11:00 (GMT+05:00)", "Story Created: Jun 3, 2014 at 8:14 AM AKDT",
    ...  "on Tuesday, 17 March 2015 14:35.")]
    ['4', '9', '22', '3', '17']
    >>> stamp_date("Fire rips through store on 14 May 2015") is None
    True
    >>> stamp_date("TNN Mar 7, 2015, 06.42AM IST CHENNAI:") is None  # an outlet and a place
    True
    """
    m = _written_date(line)
    if m is None or not m["year"] or not timestamp_line(line):
        return None
    return m


def _first_publication_date(line: str) -> tuple[Any, bool] | None:
    m = DATELINE.match(line)
    if m:
        return m, False
    m = stamp_date(line)
    if m:
        return m, False
    if len(line) <= 100 and _STAMP.match(line):
        m = _written_date(line)
        if m:
            return m, False
    m = WEEKDAY_DATE.search(line)
    if m:
        return m, True
    for m in MONTH_DAY.finditer(line):
        if _PUBLISH_CUE.search(line[: m.start()]):
            return m, False
    return None


def title_from_text(text: str) -> Provenance | None:
    """The first line when it reads as a headline: short, not ending like a sentence.

    A timestamp line above the headline ("14 May 2015 Last updated at 09:42 GMT") is
    passed over for the line after it.
    """
    offset = 0
    lines = text.split("\n")
    for line in lines[:2]:
        if not timestamp_line(line):
            n = len(line.split())
            if 3 <= n <= 25 and not line.rstrip().endswith((".", ",", ";", ":")):
                return Provenance("title", line, "text", offset, offset + len(line))
            return None
        offset += len(line) + 1
    return None


def outlet_from_url(url: str | None) -> str | None:
    """The site's host name without ``www.``.

    >>> outlet_from_url("https://www.example-news.com/a/b")
    'example-news.com'
    """
    if not url:
        return None
    host = (urlparse(url).hostname or "").lower()
    for prefix in ("www.", "m.", "amp.", "mobile."):
        if host.startswith(prefix):
            host = host[len(prefix) :]
    return host or None


@lru_cache(maxsize=1)
def _detector() -> Any:
    from lingua import LanguageDetectorBuilder

    # Lazy mode (the default): a language model is loaded only when first needed.
    return LanguageDetectorBuilder.from_all_languages().build()


def detect_language(text: str) -> str | None:
    """The ISO 639-1 code of the language of ``text``, or None when unsure.

    Example (needs the models or files named)::

        detect_language("The minister said on Monday that talks would resume.")
        # 'en'
    """
    return detect_languages([text])[0]


def detect_languages(texts: Sequence[str]) -> list[str | None]:
    """:func:`detect_language` of each of ``texts``, the detector running on every core
    (the same answers as one at a time)."""
    samples = [t[:3000] for t in texts]
    todo = [i for i, s in enumerate(samples) if len(s.split()) >= 3]
    out: list[str | None] = [None] * len(texts)
    if not todo:
        return out
    found = _detector().detect_languages_in_parallel_of([samples[i] for i in todo])
    for i, lang in zip(todo, found, strict=True):
        out[i] = None if lang is None else str(lang.iso_code_639_1.name).lower()
    return out


def credits_from_lines(
    kept: list[str], removed: list[tuple[str, str]], raw: str
) -> list[Provenance]:
    """Wire credits: agency-only lines, datelines "(Reuters) -", trailing "— AFP", credit
    notes ("This article references reports from …"), Reuters' "Reporting by … Editing by".

    A photo caption's agency credits the picture, not the text: removed captions
    are never read for credits.
    """
    found: list[Provenance] = []
    text = "\n".join(kept)

    def add(name: str | None, where: str, line: str, in_text: bool) -> None:
        if not name:
            return
        if any(p.value == name for p in found):
            return
        base = text if in_text else raw
        pos = base.find(line)
        if pos < 0:
            found.append(Provenance("credit", name, "raw" if not in_text else "text"))
            return
        found.append(Provenance("credit", name, "text" if in_text else "raw", pos, pos + len(line)))

    for why, line in removed:
        if why == "wire credit line":
            for name in agencies_in_list(line):
                add(name, why, line, False)
        elif why == "credit note":
            if _REPORTING_BY.match(line):
                add("Reuters", why, line, False)
            m = _CREDIT_NOTE_LIST.search(line)
            if m:
                for part in re.split(r"\s*(?:,|\band\b|&|/)\s*", m["list"]):
                    add(canonical_agency(part), why, line, False)
    for i, line in enumerate(kept):
        m = _DATELINE_CREDIT.match(line)
        if m and canonical_agency(m.group(1)):
            add(canonical_agency(m.group(1)), "dateline", line, True)
        if i >= len(kept) - 2:
            t = _CREDIT_TAIL.search(line)
            if t and canonical_agency(t.group(1)):
                add(canonical_agency(t.group(1)), "trailer", line, True)
    return found
