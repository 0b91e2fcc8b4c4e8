"""One article's place of a slot written twice, at two levels: no two values.

A value check (:func:`newsprism.reconcile.align.claim_groups`) holds at most one value
per article, so two reports are not joined when one of them would give the slot two
values. But a report often names one place at two levels in two sentences: "the
raid in Kandahar province" and "the raid in Afghanistan". The province lies in
the country, so the report says one thing twice, once less precisely, and the reports
that give either level are values of one slot (compared, the levels are a variant). Two
places apart ("Crete", "Cyprus") stay two values.

Measured on tests/gold/facts: holding two figures of one article that nest ("eight-year",
"more than eight years") as one value too found 3 more gold variants but printed 2 more
conflicts the gold does not hold, so figures are left to the rule of one value each.

A count is one value too when a report slipped once: "a mother of 7" in its lead and
again further down, "the mother of 8" once, in a sentence of its own. Its value is the
one it repeats (:func:`repeated_value`), so the report giving 13 throughout is compared
with it and with every report of 12, and disagrees with them (measured on
tests/gold/facts: 8 more gold conflicts, none false, no variant lost; printed conflicts
693 -> 702, none more outside the gold). Only counts (``SLIPS``), and only two value
checks the greedy join left apart (align._joined_over_slips): the rule first written
for every kind, inside the greedy join, lost 23 gold conflicts (a group's two
nationalities, two agencies' magnitudes, joins the greedy order then made otherwise);
as the join of two value checks, measures too changed nothing, and every kind found
nothing more and lowered alignment precision (0.479 -> 0.474).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TypeVar

from ..records import Claim

T = TypeVar("T")

# The kinds of value a report may give twice by a slip (:func:`repeated_value`): counts.
SLIPS = frozenset({"count"})


def one_place_twice(x: Claim, y: Claim) -> bool:
    """Whether two place claims name one place or one inside the other, by their ISO
    3166 codes ("SY" holds "SY-RD"); places without codes only when they are one.

    A part of a country named by a compass adjective ("in southern Norway", cue
    ``part:south``) and the country itself ("in Norway") are two values, though one
    holds the other: a story set in a country names it in most sentences, as background
    ("aid to Norway", "sanctions on Norway"), so joined as one value every report's part
    went into the value check of the country's every mention, and the province the
    other reports give (inside the country, a variant of its south) was compared with
    nothing (measured on tests/gold/facts: 5 gold variants)."""
    if x.kind != "place" or y.kind != "place":
        return False
    a, b = x.value, y.value
    if not (a[:2].isupper() and b[:2].isupper()):
        return a == b
    same = a == b and place_part(x) == place_part(y)
    return same or a.startswith(b + "-") or b.startswith(a + "-")


def place_part(c: Claim) -> str | None:
    """The compass part of its place a place claim names ("part:south"), if any."""
    if c.kind == "place" and c.cue is not None and c.cue.startswith("part:"):
        return c.cue
    return None


def repeated_value(times: Mapping[T, int]) -> T | None:
    """The value a report gives for one slot when it gives two: the one it repeats,
    when the other is written once (``times``: each value's number of mentions).

    A report that calls a woman "a mother of 7" in its lead and again further down,
    and "the mother of 8" once, slipped once: its value is 7, and a report that gives
    13 throughout disagrees with it. Two values each repeated, or three, are no slip.
    """
    if len(times) != 2:
        return None
    (v, n), (_, m) = sorted(times.items(), key=lambda e: -e[1])
    return v if n >= 2 and m == 1 else None
