"""A structure's age read as the year it was built.

News gives when a building went up either way: "the warehouse was built in 1931" or
"the 80-year-old warehouse". The age counts from the report's day, so it gives the year
the structure was built: the report's year less the age, or the year before (its
anniversary may not have come yet). A report without a date of its own is taken at the
story's dates. Each such age stands beside its claim as a date claim of building (cue
``age``), one slot with the other reports' dates of building, and a written year of
building outside those years disagrees with it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

import numpy as np
import numpy.typing as npt

from ..analyze.dated import STRUCTURES
from ..records import Claim, Statement

# the verbs of putting a structure up (general vocabulary)
BUILDING = frozenset("build construct erect complete".split())
BUILD = "build"
AGE_CUE = "age"


def built_year(c: Claim, years: tuple[int, int]) -> Claim | None:
    """The date claim of building that a structure's age gives ("the 74-year-old
    structure" in a report of 2012: built in 1937 or 1938; ``years``: the first and the
    last year the report may have been written in), None for any other claim."""
    if c.kind != "age" or c.thing not in STRUCTURES or c.low is None or c.low != c.high:
        return None
    age = int(c.low)
    start, end = f"{years[0] - age - 1:04d}-01-01", f"{years[1] - age:04d}-12-31"
    return replace(c, kind="date", predicate=BUILD, thing=None, unit=None, low=None,
                   high=None, value=f"{start}/{end}", start=start, end=end,
                   year_known=True, cue=AGE_CUE, context=(BUILD,))  # fmt: skip


def with_built_years(
    statements: Sequence[Statement], published: Mapping[str, str | None]
) -> list[Statement]:
    """``statements`` with a date claim of building beside each age of a structure."""
    dated = sorted(int(d[:4]) for d in published.values() if d and d[:4].isdigit())
    story = (dated[0], dated[-1]) if dated else None
    out = []
    for st in statements:
        day = published.get(st.span.article_id)
        years = (int(day[:4]),) * 2 if day and day[:4].isdigit() else story
        added = [b for c in st.claims if years and (b := built_year(c, years)) is not None]
        out.append(replace(st, claims=(*st.claims, *added)) if added else st)
    return out


def _of_building(c: Claim) -> bool:
    return c.kind == "date" and c.predicate in BUILDING


def from_age(c: Claim) -> bool:
    """Whether a date claim is a year of building read from a structure's age."""
    return _of_building(c) and c.cue == AGE_CUE


def built_pairs(
    claims: Sequence[Claim], x: npt.NDArray[np.intp], y: npt.NDArray[np.intp]
) -> npt.NDArray[np.bool_]:
    """For each pair ``(x[k], y[k])``: a year of building read from an age and another
    report's date of building, one slot however unlike their sentences."""
    aged = np.array([from_age(c) for c in claims], dtype=bool)
    built = np.array([_of_building(c) for c in claims], dtype=bool)
    out: npt.NDArray[np.bool_] = (aged[x] & built[y]) | (built[x] & aged[y])
    return out


def built_apart(a: Claim, b: Claim) -> bool:
    """Whether a year of building read from an age and a written date of building cannot
    both hold: no year of one lies in the other ("built in 1931" / "the 74-year-old
    structure" of 2012, built 1937 or 1938)."""
    if not (from_age(a) or from_age(b)) or not (_of_building(a) and _of_building(b)):
        return False
    if not (a.start and a.end and b.start and b.end and a.year_known and b.year_known):
        return False
    return a.end < b.start or b.end < a.start
