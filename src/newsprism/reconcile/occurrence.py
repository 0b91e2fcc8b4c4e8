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
"""

from __future__ import annotations

from ..analyze.claims import classed, predicate_class
from ..records import Claim

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
