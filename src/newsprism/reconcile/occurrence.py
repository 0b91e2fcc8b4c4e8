"""One inventory told with different verbs: counts of one noun in one list of things.

Reports of one haul or one toll choose different verbs for it: the arms a navy "found",
"nabbed", "seized" or "confiscated" from one boat are one count. The claim extractor
names each value's occurrence by its verb, so the two counts look like values of two
occurrences, and the conflict gate (reconcile/gate.py), which learnt that values of
different occurrences are mostly two different things, held their disagreement back.
What says they are one occurrence is the inventory: the same noun counted in a list of
the same other nouns ("six rifles, 12 magazines and 300 rounds were found", "confiscated
14 rifles, 31 magazines and 923 rounds"). Two verbs of two different known classes of
occurrences ("killed", "injured": ``PREDICATE_CLASSES``) stay two occurrences.

So are the vehicles a group came in: "the gunmen, in two cars, opened fire" and "shots
were fired from three cars" count one set of cars, whatever verb tells what was done
from them (:func:`one_fleet`).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..analyze.claims import VEHICLES, classed, predicate_class
from ..records import Claim

if TYPE_CHECKING:
    from .claims import Said

COUNTED = frozenset({"count", "measure"})


def one_inventory(x: Claim, y: Claim) -> bool:
    """Two counts of one counted noun, each listed with a noun the other is listed with
    too (:attr:`Claim.listed`), both of a named occurrence whose verbs are not of two
    different known classes."""
    if x.kind not in COUNTED or y.kind not in COUNTED or x.thing is None or x.thing != y.thing:
        return False
    if x.predicate is None or y.predicate is None:
        return False  # a figure whose clause names no occurrence says nothing of one
    known = classed(x.predicate) and classed(y.predicate)
    if known and predicate_class(x.predicate) != predicate_class(y.predicate):
        return False  # the killed and the injured, however they are listed
    return bool(set(x.listed) & set(y.listed))


# the words right before a figure of vehicles someone came in: "in four skiffs", "on
# board two launches", "aboard the two trucks"
_RIDDEN_IN = re.compile(r"\b(?:in|on|on\s+board|aboard|onboard)\s+(?:the\s+)?$", re.I)


def came_in(s: Said) -> bool:
    """Whether a count is of the vehicles someone came in, as its sentence writes it ("the
    raiders, in four skiffs, tried to board"): a vehicle counted after "in", "on" or
    "aboard", with no occurrence of its own (the extractor leaves such a count's
    predicate unnamed, analyze/claims._ridden_in)."""
    c = s.claim
    if c.kind != "count" or c.predicate is not None or c.thing not in VEHICLES:
        return False
    at = c.span.start - s.offset
    return (
        bool(s.sentence)
        and 0 <= at <= len(s.sentence)
        and bool(_RIDDEN_IN.search(s.sentence, max(0, at - 16), at))
    )


def one_fleet(a: Said, b: Said) -> bool:
    """Two counts of one kind of vehicle, one of them of the vehicles a group came in
    (:func:`came_in`): "the raiders, in four skiffs, tried to board the tanker" and "three
    skiffs were seen nearby" count the raiders' skiffs, one occurrence told with
    other verbs, as an inventory is (:func:`one_inventory`)."""
    x, y = a.claim, b.claim
    if x.kind != "count" or y.kind != "count" or x.thing is None or x.thing != y.thing:
        return False
    return came_in(a) or came_in(b)
