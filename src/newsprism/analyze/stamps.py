"""Report stamps: the dates and times that say when a report was written or updated,
never when anything it tells happened.

News pages carry their own date in lines of their own — "May 14, 2015, 3:12 pm BST",
"Posted on Mon Feb 10, 2014 08:45 AM PDT", "updated 9:14 p.m. EST, Tue April 7, 2015",
"Friday, Oct 9, 2015 | Updated 7:25 PM EDT" — or in a dateline opening the lead
("WASHINGTON, DC, June 2, 2015"). Read as claims, two reports written on two days
"disagree" on a date nobody stated; ingest reads these dates as the publication date
already (ingest/build.py), so here they are never an event's.

A stamp line is recognised by how it is written, not by its words: a short line whose
only verbs, if any, are those of publishing ("posted", "updated", "published", "created",
"edited"); or a line that opens with a dateline. A line that tells something ("The
quake struck early Tuesday", "Voting will close at 6 p.m. Sunday") has a verb of its own
and is read as usual.
"""

from __future__ import annotations

import re
from typing import Any

from ..dates import MONTH_PATTERN
from ..ingest.metadata import DATELINE
from .nlp import text_of

# The verbs of a page's own record of itself: "Posted:", "Last updated", "First
# Published", "Story Created:", "Edited time:", "Filed at".
STAMP_VERBS = frozenset("post update publish create edit modify file".split())
# A stamp line is short: a date, a time, a zone and a word or two of publishing (the
# longest seen in the gold stories, a blog's "On behalf of X, LLP. posted in Y on
# Friday, October 16, 2015.", runs to about 110 characters).
_STAMP_CHARS = 120
# weekday and month abbreviations a tagger may take for a verb ("Sat Mar 7 2015")
_CALENDAR_WORD = re.compile(
    rf"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|{MONTH_PATTERN})\.?", re.I
)


def _line(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the line holding ``text[start:end]`` starts and ends."""
    ls = text.rfind("\n", 0, start) + 1
    le = text.find("\n", end)
    return ls, len(text) if le < 0 else le


def report_stamp(doc: Any, start: int, end: int) -> bool:
    """Whether the date or time at ``doc``'s characters ``start:end`` stamps the report
    (see the module docstring): a dateline's date, or one in a short line that tells
    nothing but when the page was posted or updated.

    Example (needs the models or files named)::

        from newsprism.analyze.nlp import parse
        doc = parse("Fire at the store\\nMay 14, 2015, 3:12 pm BST\\nA fire broke out.")
        report_stamp(doc, 18, 30)
        # True
    """
    text: str = text_of(doc)
    ls, le = _line(text, start, end)
    line = text[ls:le]
    lead = len(line) - len(line.lstrip())
    dateline = DATELINE.match(line[lead:])
    if dateline is not None and start < ls + lead + dateline.end():
        return True
    if le - ls > _STAMP_CHARS:
        return False
    toks = doc.char_span(ls, le, alignment_mode="expand") if le > ls else None
    if toks is None:
        return False
    for t in toks:
        if t.pos_ not in {"VERB", "AUX"} or not t.is_alpha:
            continue
        if str(t.lemma_).casefold() in STAMP_VERBS or _CALENDAR_WORD.fullmatch(t.text):
            continue
        return False
    return True
