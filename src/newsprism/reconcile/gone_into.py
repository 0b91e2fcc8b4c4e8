"""The day someone went into a place, told as going there.

News tells an admission either way: "checked into the Lakeside clinic on Friday" or
"went to Lakeside on Monday", "headed to a lakeside rehab center". The claim model
weighs the verbs of the sentences, and a report's "went to ... on Monday" stayed apart
from the reports of checking in, beside another report's Monday of going, so the two
days were never weighed against each other. A date of going somewhere is of the
entering when its destination shares a word with where another report has someone
enter: the words, not the verb, say it is one move into one place. "went to court on
Monday" never joins "checked into a clinic on Friday"; "returned to the clinic" is a
verb of another trip and is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from ..analyze.claims import predicate_class
from ..records import Claim
from .moves import move_claims

# the verbs of going somewhere and their written forms (general vocabulary)
MOTION_FORMS = {
    "go": "go goes going went gone",
    "head": "head heads heading headed",
    "come": "come comes coming came",
    "take": "take takes taking took taken",
    "rush": "rush rushes rushing rushed",
}
# the class of a move into a place (analyze/claims.PREDICATE_CLASSES) and its verb forms
ENTERED = "entered"
ENTER_FORMS = {
    "enter": "enter enters entering entered",
    "check": "check checks checking checked",
}
# words of a destination that name no place: articles, possessives, reflexives
_FUNCTION_WORDS = frozenset(
    "a an the his her their its our my your himself herself themselves itself".split()
)
# where a destination ends: a preposition, a conjunction, a time word or punctuation
_END = (
    r"(?=\s+(?:on|in|at|for|after|before|with|and|to|by|from|as|this|last|early|late|"
    r"yesterday|today|tonight|where|who|which|that|when|because|amid|following)\b|[,.;:!?\"]|$)"
)


def _pattern(forms: str, into: str) -> re.Pattern[str]:
    verbs = "|".join(forms.split())
    return re.compile(
        rf"\b(?:{verbs})\b(?:\s+(?:himself|herself|themselves|itself))?\s+{into}"
        rf"(?P<dest>(?:\s*[\w'&-]+){{1,6}}?){_END}",
        re.I,
    )


_GOING = {v: _pattern(f, r"(?:to|into)\b") for v, f in MOTION_FORMS.items()}
_ENTERING = {"enter": _pattern(ENTER_FORMS["enter"], ""), "check": _pattern(
    ENTER_FORMS["check"], r"(?:into|in\s+to|in\s+at)\b")}  # fmt: skip


def destination(c: Claim, sentence: str) -> frozenset[str]:
    """The words of where a date claim's verb of going or entering takes someone
    ("headed to a Lakeside rehab center on Monday": lakeside, rehab, center;
    "checked into Lakeside on Friday": lakeside), empty for any other claim or a verb
    told without its place ("checked in on Friday")."""
    if c.kind != "date" or c.predicate is None:
        return frozenset()
    pattern = _GOING.get(c.predicate) or _ENTERING.get(c.predicate)
    if pattern is None:
        return frozenset()
    words: set[str] = set()
    for m in pattern.finditer(sentence):
        words |= {w.lower() for w in re.findall(r"[\w'&-]+", m["dest"])}
    return frozenset(words - _FUNCTION_WORDS)


def one_move(x: Claim, sx: str, y: Claim, sy: str) -> bool:
    """Whether two date claims (with their sentences) are of one move into one place:
    one of going somewhere, the other of going or entering, their destinations sharing
    a word ("headed to a Lakeside rehab center", "checked into Lakeside")."""
    moving = (x.predicate in MOTION_FORMS, y.predicate in MOTION_FORMS)
    if not any(moving) or x.kind != "date" or y.kind != "date":
        return False
    return bool(destination(x, sx) & destination(y, sy))


def to_place_gone_into(
    groups: list[list[int]],
    cl: Sequence[Claim],
    sentences: Sequence[str],
    x: npt.NDArray[np.intp],
    y: npt.NDArray[np.intp],
    prob: npt.NDArray[np.float64],
    article: Sequence[int],
    value: Sequence[int],
    years: Sequence[tuple[frozenset[str], str | None]],
) -> list[list[int]]:
    """The groups of claims (indices into ``cl``) with each date of going somewhere
    moved into the group of entering that place. A claim moves when it is a date of a
    verb of going (:data:`MOTION_FORMS`) with its destination, its group gives one value
    and holds no other report's date of entering, and another group, none of whose
    claims is of its report, holds dates of entering a place sharing a word with the
    claim's destination, which the claim is on average more likely one slot with than
    not (the group's other dates of entering, told without the place or of another
    place, say nothing of the claim's place) (as :func:`.align._to_own_occurrence`
    moves a claim; a report's day never moves beside a date of written years of another
    year)."""
    going = [c.kind == "date" and c.predicate in MOTION_FORMS for c in cl]
    if not any(going):
        return groups
    entering = [c.kind == "date" and predicate_class(c.predicate) == ENTERED for c in cl]
    where = [destination(c, s) if going[n] or entering[n] else frozenset()
             for n, (c, s) in enumerate(zip(cl, sentences, strict=True))]  # fmt: skip

    def movable(n: int, g: list[int]) -> bool:
        return (
            going[n]
            and bool(where[n])
            and not any(entering[m] and article[m] != article[n] for m in g)
        )

    def told(n: int, h: list[int]) -> list[int]:
        return [m for m in h if entering[m] and where[n] & where[m]]

    return move_claims(groups, movable, told, x, y, prob, article, value, years)
