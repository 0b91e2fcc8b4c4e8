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
"""

from __future__ import annotations

from ..records import Claim


def one_place_twice(x: Claim, y: Claim) -> bool:
    """Whether two place claims name one place or one inside the other, by their ISO
    3166 codes ("SY" holds "SY-RD"); places without codes only when they are one.

    A part of a country named by a compass adjective ("in southern Iran", cue
    ``part:south``) and the country itself ("in Iran") are two values, though one
    holds the other: a story set in a country names it in most sentences, as background
    ("aid to Iran", "sanctions on Iran"), so joined as one value every report's part
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
