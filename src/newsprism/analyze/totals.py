"""Running totals: a count summed over several occurrences, apart from one occurrence's.

A report of one operation often gives two counts of one noun: the arms found in this
operation ("six rifles were found") and the arms the ship has seized in all its
operations ("So far, the coast guard has confiscated 11 rifles", "seized a total of 11
rifles during the four operations it carried out"). The second is no value of the
first's slot: compared, it makes the article give two values for one slot (so it is
left out of the comparison) and, in a report that gives only the total, a false
agreement with the others' totals. The clause says which it is, and the parse gives it:

* an adverb of time that sums up to now ("so far", "thus far", "to date", "until now",
  "in all", "all told", "altogether", "already": "has already grossed $459 million" is
  the takings up to the report, not one weekend's) modifying the clause's verb;
* a phrase that spreads the count over several occurrences counted by a number or
  "all" ("during the four operations", "in all their raids").

The words are a closed class of English adverbials of accumulation (any grammar's list
of "so far" adverbs), not phrases of one story.
"""

from __future__ import annotations

import re
from typing import Any

TOTAL = "total"
# adverbials of accumulation up to the time of writing, as written (lower case)
_SO_FAR = re.compile(
    r"\b(?:so far|thus far|to date|until now|till now|up to now|as of now|in all|all told|"
    r"altogether|in total|cumulatively|already)\b",
    re.I,
)
_SPREAD = frozenset({"during", "in", "over", "across", "from"})


def _several(noun: Any) -> bool:
    """A plural noun counted by a number above one or "all" ("the four operations")."""
    if noun.tag_ not in {"NNS", "NNPS"}:
        return False
    for c in noun.children:
        if c.dep_ == "nummod" and c.like_num and c.lower_ not in {"one", "1"}:
            return True
        if c.dep_ in {"det", "predet"} and c.lower_ == "all":
            return True
    return False


def total_of(num: Any, event: Any | None) -> str | None:
    """:data:`TOTAL` when the count ``num`` belongs to a clause (its occurrence token
    ``event``) that sums it over several occurrences (see the module), else None.

    Only the clause's own words count: the verb's adverbials and prepositional phrases,
    not a clause beside it ("12 were killed, the worst toll so far this year" keeps its
    toll)."""
    if event is None or event.pos_ not in {"VERB", "AUX"}:
        return None
    for c in event.children:
        if c.i == num.i or c.is_ancestor(num):
            continue
        words = c.doc[c.left_edge.i : c.right_edge.i + 1]
        if c.dep_ in {"advmod", "npadvmod", "prep"} and _SO_FAR.search(words.text):
            return TOTAL
        if (c.dep_ == "prep" and c.lower_ in _SPREAD
                and any(g.dep_ == "pobj" and _several(g) for g in c.children)):  # fmt: skip
            return TOTAL
    return None
