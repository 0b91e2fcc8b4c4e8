"""Comparisons: the claims of one fact, slot by slot, in value groups.

Inside a fact, claims of different articles are compared only when their slots are
compatible: the same kind of value (a count, an age, a size, a date, a place, an
actor), the same unit, and the same occurrence and counted thing where both
sentences name one. Articles giving the same value form one group; the relation
between groups is

* ``variant`` — compatible values of different precision ("12" and "at least 10",
  "March" and "March 3", a province and the country);
* ``update`` — a running count that a later report raises ("rose to", "so far",
  "at least", or simply a higher number published later): ordered by time;
* ``conflict`` — values that cannot both be true.

Precision over recall: a slot an article gives two values for ("12 and 15") is not
compared for that article, and vague amounts never conflict. Two articles of one
group agree, whatever the other groups say.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Protocol

import numpy as np
import numpy.typing as npt
from rapidfuzz.distance import OSA

from ..analyze.causes import CAUSE, vague_cause
from ..analyze.claims import (
    ANNOUNCING,
    COMPASS_POINTS,
    CURRENCIES,
    GAME_UNITS,
    HOME,
    PREDICATE_CLASSES,
    QUALIFIER_WORDS,
    REPORTING,
    RISE,
    game_position,
    offered,
    predicate_class,
    street_name,
)
from ..analyze.holders import LENGTH_KINDS
from ..analyze.nationality import NATIONALITY
from ..analyze.partners import PARTNER
from ..analyze.quantities import QUALIFIERS, VAGUE
from ..analyze.roles import ROLE
from ..analyze.speech import SPEECH_VERBS
from ..analyze.times import UNIT_DAYS
from ..fit import LogisticModel, load_model
from ..geo.relate import level
from ..records import Claim, Comparison, GeoFeature, Relation, Span, ValueGroup
from .built import built_apart, from_age
from .date_rules import (
    FUZZY,
    announcements,
    bound_holds,
    dates_of,
    dates_overlap,
    inside,
    lag_days,
    middle_day,
    no_common_year,
    one_occurrence,
    other_lags,
    other_participants,
    report_day_against_undated,
    weekday,
)
from .names import name_words, skeletons_agree, word_skeleton
from .one_value import SLIPS, place_part, repeated_value
from .pairs import codes, shared_counts

SEVERITY: dict[str, int] = {"variant": 1, "update": 2, "conflict": 3}


class PlaceRelation(Protocol):
    """How two place values stand: same | contains | within | disjoint | unknown.
    ``homes``: the two are where one person lives, so two towns of one county are two
    homes (as scenes of an occurrence they may be one, a town told by the city beside it)."""

    def __call__(self, a: str, b: str, /, *, homes: bool = False) -> str: ...


# P(two claims of different articles are values of one slot): the fitted claim model
# (reconcile/align.py), when the caller has it.
SameSlot = Callable[[Claim, Claim], float | None]


@dataclass(frozen=True)
class Said:
    """One article's claim inside a fact."""

    article_id: str
    claim: Claim
    entity: str | None  # the story entity of the claim's mention, when it has one
    published: str | None
    sentence: str = ""  # the sentence the claim is read from, when known
    offset: int = 0  # where that sentence starts in its article


def _slot_word(c: Claim) -> str | None:
    return predicate_class(c.predicate)


def unit_of(c: Claim) -> str:
    """The unit two claims must share to be compared: money in any currency is one (an
    amount in euros and one in dollars may be one value converted at a rate the texts do
    not give, so they compare, as a variant at most: see :func:`relation`)."""
    return "money" if c.unit in CURRENCIES else c.unit or ""


def _converted(x: Claim, y: Claim) -> bool:
    """Two amounts of money in different currencies: one may be the other converted."""
    return x.unit != y.unit and unit_of(x) == unit_of(y) == "money"


def holder_key(c: Claim) -> str | None:
    """Whose figure a claim is (:mod:`newsprism.analyze.holders`), as a key two spellings
    of one name share: the skeleton of the name's last word ("Dale Carver",
    "Carver"; "Meisam", "Meysam"). None when the sentence names no one."""
    words = name_words(c.holder.casefold()) if c.holder else []
    return word_skeleton(words[-1]) if words else None


def of_others(x: Claim, y: Claim) -> bool:
    """Two figures of different holders ("Smith's 180 yards", "Jones rushed for 140
    yards"), of a part of the counted things against all of them ("the 9 worst-hit
    villages", "7 villages"), or two lengths of time of different kinds (a gap "30 years
    after", a length "for three years": :func:`newsprism.analyze.holders.length_kind`):
    values of two slots, however alike their words."""
    hx, hy = holder_key(x), holder_key(y)
    if x.thing in LENGTH_KINDS and y.thing in LENGTH_KINDS and x.thing != y.thing:
        return True  # "30 years after" and "for three years" measure different spans
    return bool(hx and hy and hx != hy) or x.subset != y.subset


def person_of(c: Claim) -> str | None:
    """The key of the named person whose figure a count or measure is (see
    :func:`holder_key`), None when the sentence names no person as its holder."""
    if c.kind not in {"count", "measure"} or c.name_type != "PERSON":
        return None
    return holder_key(c)


def _by_person(said: list[Said]) -> list[list[Said]]:
    """A value check's claims (one slot by the claim model) split by the person whose
    figure each is, or the side whose win-loss record: the model weighs words and
    values, and joined two players' yards ("Sam Okafor rushed for 150 yards", "Lee
    Brandt rushed for 702 yards") or two teams' records of a round-up ("Ashford (9-4)",
    "Westbrook (10-0)") into one value check that printed a conflict the texts do
    not hold. Each named person's figures (each side's records) are a slot; a claim
    naming no one goes with the one person giving its value,
    else with the person most claims name (a report that names no holder most likely
    speaks of the story's main one). Only people: a named organisation or place as
    the subject is as often who counted or estimated ("Authorities estimate the damage
    at $1 million") as whose the figure is, and splitting on them lost variants."""
    keys = [s.entity if s.claim.kind in {"record", "age"} else person_of(s.claim) for s in said]
    named = Counter(k for k in keys if k is not None)
    if len(named) < 2:
        return [said]
    if said[0].claim.kind == "age" and None in keys:
        # an age of no named person ("two women -- 72 and 45") may be any named one's:
        # the ages are split only when each names whose it is
        return [said]
    most = max(sorted(named), key=lambda k: named[k])
    slots: dict[str, list[Said]] = {}
    for s, k in zip(said, keys, strict=True):
        if k is None:
            same = sorted({kk for t, kk in zip(said, keys, strict=True)
                           if kk is not None and _key(t) == _key(s)})  # fmt: skip
            k = same[0] if len(same) == 1 else most
        slots.setdefault(k, []).append(s)
    return list(slots.values())


def compatible(a: Said, b: Said) -> bool:
    """Whether two claims are values of one slot (what a reader would compare)."""
    x, y = a.claim, b.claim
    if x.kind != y.kind or unit_of(x) != unit_of(y):
        return False
    px, py = _slot_word(x), _slot_word(y)
    if x.kind in {"age", "record"}:
        # whose age or record: the same named person or side, else the same noun ("a
        # 14-year-old boy")
        if a.entity and b.entity:
            return a.entity == b.entity
        return x.thing is not None and x.thing == y.thing
    if x.kind == "actor":
        return px == py and x.thing == y.thing
    same_pred = px is not None and px == py
    if other_participants(x, y):
        return False  # "Harlan was fired March 4", "Dorsey, fired on June 9": two firings
    if x.kind in {"date", "time"} and px and py and not same_pred:
        # differently worded occurrences of one clause: "convicted …" and "returned to
        # prison … to serve a life sentence" meet in "serve"
        return bool(set(x.context) & set(y.context))
    if px and py and not same_pred:
        return False
    if x.kind == "time" and x.thing and y.thing and x.thing != y.thing:
        return False  # a game clock of the first half against one of the second
    if x.kind in {"count", "measure"}:
        if of_others(x, y):
            return False
        # at least one of what happened and what is counted must be named on both sides;
        # one occurrence counted in different nouns ("18 sites", "18 caches") compares,
        # as a variant at most (see _numbers); money says what it is by its unit ("jewels
        # worth 87 million euros", "made off with $84M worth of jewels")
        return same_pred or (x.thing is not None and x.thing == y.thing) or unit_of(x) == "money"
    return True  # dates and places: the same occurrence, or one side does not say


def compatible_pairs(
    said: Sequence[Said], x: npt.NDArray[np.intp], y: npt.NDArray[np.intp]
) -> npt.NDArray[np.bool_]:
    """``compatible(said[x[k]], said[y[k]])`` for every pair ``k``, over arrays: a big
    story's claims make hundreds of thousands of candidate pairs. It reads the rules of
    :func:`compatible` branch by branch; a change there must be made here too
    (tests/reconcile/test_pairs.py compares the two on every pair of a real story)."""
    claims = [s.claim for s in said]
    kind, unit = codes(c.kind for c in claims), codes(unit_of(c) for c in claims)
    words = [_slot_word(c) for c in claims]
    pred, thing, entity = (
        codes(words),
        codes(c.thing for c in claims),
        codes(s.entity for s in said),
    )
    named_pred = np.array([bool(w) for w in words], dtype=bool)
    named_entity = np.array([bool(s.entity) for s in said], dtype=bool)

    def is_kind(name: str) -> npt.NDArray[np.bool_]:
        found: npt.NDArray[np.bool_] = np.array([c.kind == name for c in claims], dtype=bool)[x]
        return found

    same_pred = (pred[x] >= 0) & (pred[x] == pred[y])
    same_thing = (thing[x] >= 0) & (thing[x] == thing[y])
    # age: the same named person, else the same noun
    age = np.where(named_entity[x] & named_entity[y], entity[x] == entity[y], same_thing)
    # actor: the same predicate class and the same role (None equals None here)
    actor = (pred[x] == pred[y]) & (thing[x] == thing[y])
    # both name an occurrence, not the same one: only dates and times of one clause meet
    apart = named_pred[x] & named_pred[y] & ~same_pred
    dated = is_kind("date") | is_kind("time")
    meet = np.zeros(len(x), dtype=bool)
    ask = np.flatnonzero(dated & apart)
    if len(ask):
        meet[ask] = shared_counts([c.context for c in claims], x[ask], y[ask]) > 0
    counted = is_kind("count") | is_kind("measure")
    named_thing = thing >= 0
    periods_differ = is_kind("time") & named_thing[x] & named_thing[y] & ~same_thing
    money = np.array([unit_of(c) == "money" for c in claims], dtype=bool)[x]
    holder, subset = codes(holder_key(c) for c in claims), codes(c.subset for c in claims)
    span = codes(c.thing if c.thing in LENGTH_KINDS else None for c in claims)

    def differ(c: npt.NDArray[np.intp]) -> npt.NDArray[np.bool_]:
        found: npt.NDArray[np.bool_] = (c[x] >= 0) & (c[y] >= 0) & (c[x] != c[y])
        return found

    others = differ(holder) | (subset[x] != subset[y]) | differ(span)
    # dates of two occurrences: both name who took part, no one in common
    named_part = np.array([bool(c.participants) for c in claims], dtype=bool)
    ask = np.flatnonzero(is_kind("date") & named_part[x] & named_part[y])
    two_occurrences = np.zeros(len(x), dtype=bool)
    for k in ask.tolist():
        two_occurrences[k] = other_participants(claims[x[k]], claims[y[k]])
    rest = np.where(
        apart,
        dated & meet,
        ~periods_differ & (~counted | ((same_pred | same_thing | money) & ~others)),
    )
    result = np.where(is_kind("age") | is_kind("record"), age,
                      np.where(is_kind("actor"), actor, rest))  # fmt: skip
    out: npt.NDArray[np.bool_] = (
        (kind[x] == kind[y]) & (unit[x] == unit[y]) & result & ~two_occurrences
    )
    return out


def _display(group: Sequence[Said]) -> str:
    """A group's value as most of its articles write it: a date as written ("between
    October 24 and 27"), a number normalised ("more than 15")."""

    def shown(c: Claim) -> str:
        if c.kind == "place" and c.cue is not None and c.cue.startswith("within:"):
            return f"{c.cue[7:]} in {c.text}"  # "home in Lima"
        if (compass := place_part(c)) is not None:
            return f"{compass[5:]}ern {c.text}"  # "southern Norway"
        if vague_place(c) and c.cue is not None:
            # "near Elmwood", "south of Portugal", "Elmwood area": the words that say so
            return f"{c.cue[5:]} {c.text}" if c.cue != "area" else f"{c.text} area"
        if c.kind in {"date", "time", "place", "actor"}:
            text = re.sub(r"^(?:on|in|at|from|during)\s+", "", c.text, flags=re.I)
            part = _part(c) if c.kind == "date" else ()
            return f"{text} {part[0]}" if part and part[0] not in text.casefold() else text
        return c.value

    return Counter(shown(s.claim) for s in group).most_common(1)[0][0]


def _most(values: Sequence[str | None]) -> str | None:
    found = Counter(v for v in values if v)
    return found.most_common(1)[0][0] if found else None


def slot_label(claims: Sequence[Claim]) -> str:
    """What the compared value is of, as a reader reads it: "killed: people"."""
    c = claims[0]
    pred = _most([_slot_word(x) for x in claims])
    thing = _most([x.thing for x in claims])
    # an occurrence named by a noun is shown by the noun the articles wrote ("date of:
    # operation"), not the verb it was matched by ("operate")
    named = _most([x.word for x in claims if _slot_word(x) == pred]) or pred
    if c.kind == "date":
        return f"date of: {named or 'event'}"
    if c.kind == "time":
        return f"time of: {named or 'event'}"
    if c.kind == "place":
        return f"place of: {named or 'event'}"
    if c.kind == "actor" and thing == NATIONALITY:
        return "who: nationality"
    if c.kind == "actor" and thing == PARTNER:
        return "who: partner"
    if c.kind == "actor" and thing == CAUSE:
        return "who: cause of death"
    if c.kind == "actor" and thing == ROLE:
        return f"who: {_most([x.word.split('|')[1] for x in claims if x.word]) or pred}"
    if c.kind == "actor":
        return f"{'who' if thing == 'agent' else 'whom'}: {pred}"
    if c.kind == "age":
        return f"age of: {thing or 'person'}"
    return f"{pred or 'number'}: {thing or c.unit or 'number'}"


def vague_place(c: Claim) -> bool:
    """Whether a place claim names a stretch around its place, not the place: "near
    Elmwood", "south of Portugal" (cue "near:" and the words), "the Elmwood area" (cue
    "area"), as analyze/claims.py reads them."""
    return (
        c.kind == "place" and c.cue is not None and (c.cue == "area" or c.cue.startswith("near:"))
    )


# the compass points and their adjectives, a closed class: "South Elm Park", "east
# Dayton", "northeast Hartford" name a part of the place the other words name
_COMPASS = frozenset(
    f"{p}{s}"
    for p in (*COMPASS_POINTS, "north-east", "north-west", "south-east", "south-west")
    for s in ("", "ern")
)


def _compass_part(text: str) -> tuple[str, ...]:
    """The compass word a place's name begins with when the rest is a name too
    ("South Elm Park": "south"), else nothing."""
    words = text.split()
    if len(words) > 1 and words[0].casefold() in _COMPASS and words[1][:1].isupper():
        return (words[0].casefold().removesuffix("ern"),)
    return ()


def _key(s: Said) -> tuple[object, ...]:
    c = s.claim
    if c.kind in {"count", "measure", "age"}:
        # a distance measured along a compass point from a place is a spot of its own
        # ("120 miles east of Lorne" is not "120 miles west of Lorne")
        toward = bearing(s)
        return (c.low, c.high, *sorted(toward[0])) if toward else (c.low, c.high)
    if c.kind == "date" and not c.start:
        return ("weekday", c.value, *_part(c))
    if c.kind == "date":
        return (*dates_of(c), *_part(c))
    if c.kind == "time":
        return (c.low, c.high)
    if c.kind == "actor" and s.entity:
        return (s.entity,)
    if c.kind == "place" and s.entity and not c.value[:2].isupper() and not street_name(c.text):
        # a street by its spelled-out name ("43rd St.", "43rd Street"); a part of a
        # place named by a compass word ("South Elm Park") apart from the place
        return (s.entity, *_compass_part(c.text), *_around(c))
    return (c.value, *_around(c))


def _around(c: Claim) -> tuple[str, ...]:
    """How a place claim is vague about its place, when it is: "near Elmwood" ("near")
    or "the Elmwood area" ("area") name a stretch around the town, a less precise place
    than "in Elmwood" (a value of its own, a variant of the town's); or how it is more
    precise: "at his home in Lima", "in southern Norway" (a part of the country, a
    variant of the country). Nothing else."""
    if c.kind == "place" and c.cue is not None and c.cue.startswith(("within:", "part:")):
        return (c.cue,)
    return (c.cue,) if vague_place(c) and c.cue is not None else ()


_PARTS_OF_DAY = frozenset({"morning", "afternoon", "evening", "night"})


def _part(c: Claim) -> tuple[str, ...]:
    """The part of the day a date names ("Tuesday afternoon"): a value more precise than
    the day alone, so it is a group of its own (a variant of "Tuesday")."""
    return (c.cue,) if c.cue in _PARTS_OF_DAY else ()


def _same_days(
    groups: dict[tuple[object, ...], list[Said]],
) -> dict[tuple[object, ...], list[Said]]:
    """Date groups that name the same days, one with a year and one without ("October 30",
    "Sunday (October 30th)" in a dated report), joined: the year an article leaves out
    is no other value. Only when one dated group has those days (else it stays apart)."""
    dated: dict[tuple[object, ...], list[tuple[object, ...]]] = {}
    for key, members in groups.items():
        c = members[0].claim
        if c.kind == "date" and c.start and c.year_known and len(key) == 2:
            dated.setdefault(tuple(str(k)[-5:] for k in key), []).append(key)
    out = dict(groups)
    for key, members in groups.items():
        c = members[0].claim
        if c.kind != "date" or not c.start or c.year_known:
            continue
        found = dated.get(key, [])
        if len(found) == 1:
            out[found[0]] = out[found[0]] + out.pop(key)
    return out


def _same_places(
    groups: dict[tuple[object, ...], list[Said]],
) -> dict[tuple[object, ...], list[Said]]:
    """Place groups that give one value, joined: a place read from a name the tagger
    missed has no story entity, so it is grouped by its name while the same name
    tagged is grouped by its entity ("in Millbrook" twice is one place)."""
    first: dict[str, tuple[object, ...]] = {}
    out: dict[tuple[object, ...], list[Said]] = {}
    for key, members in groups.items():
        c = members[0].claim
        into = first.setdefault(c.value + "|" + "".join(_around(c)), key) if (
            c.kind == "place") else key  # fmt: skip
        out[into] = out.get(into, []) + members
    return out


def _vague_alike(
    groups: dict[tuple[object, ...], list[Said]],
) -> dict[tuple[object, ...], list[Said]]:
    """Groups of vague amounts one of whose readings holds the other's, joined: "multiple"
    and "several", "dozens" and "scores of" give no figure, and the wider word allows
    every reading of the narrower, so a reader finds nothing to weigh between them (one
    value in two words, not two precisions of one figure). "a few" and "several" stay
    apart (a variant): each allows counts the other does not ("two", "eight"). The
    groups of most articles absorb the others, first come first."""
    order = {k: i for i, k in enumerate(groups)}
    keys = sorted(groups, key=lambda k: (-len(groups[k]), order[k]))
    out: dict[tuple[object, ...], list[Said]] = {}
    for key in keys:
        members = groups[key]
        if all(is_vague(s.claim) for s in members):
            into = next(
                (k for k, m in out.items()
                 if all(is_vague(s.claim) for s in m) and _nested(m[0].claim, members[0].claim)),
                None,
            )  # fmt: skip
            if into is not None:
                out[into] = out[into] + members
                continue
        out[key] = list(members)
    return {k: out[k] for k in groups if k in out}


def _nested(x: Claim, y: Claim) -> bool:
    """Whether one of two intervals holds the other."""
    (xl, xh), (yl, yh) = _ends_of(x), _ends_of(y)
    return (xl <= yl and yh <= xh) or (yl <= xl and xh <= yh)


def _root(owner: list[int], i: int) -> int:
    """The group ``i`` belongs to, in a forest where ``owner[i]`` is ``i``'s parent."""
    while owner[i] != i:
        i = owner[i]
    return i


def _named_alike(
    groups: dict[tuple[object, ...], list[Said]], named: Mapping[str, frozenset[str]]
) -> dict[tuple[object, ...], list[Said]]:
    """Actor groups whose reports each name the other's actor too, joined: "X met Y" and
    "Y met with X", "X and Y signed" against "Y signed with X" give the subject differently
    but name the same people, so neither report says another actor did it. Two actors
    stay apart when a report does not name the other's ("police arrested X" / "police
    arrested Z")."""
    keys = list(groups)
    owner = list(range(len(keys)))

    def names_all(members: list[Said], entity: str | None) -> bool:
        return entity is not None and all(entity in named.get(s.article_id, ()) for s in members)

    for i, ki in enumerate(keys):
        for j in range(i + 1, len(keys)):
            gi, gj = groups[ki], groups[keys[j]]
            if names_all(gj, gi[0].entity) and names_all(gi, gj[0].entity):
                owner[_root(owner, j)] = _root(owner, i)
    out: dict[tuple[object, ...], list[Said]] = {}
    for i, k in enumerate(keys):
        out.setdefault(keys[_root(owner, i)], []).extend(groups[k])
    return out


def _narrowest(claims: Sequence[Said]) -> Said | None:
    """The date of one report that lies inside each of its others (the most precise
    wording of one date: "in March 1998" beside "in 1998"), None when two of them are
    days apart. Only dates: two figures of one report, one inside the other's range,
    are as often two things ("up to 70 per cent in one country, 60 per cent in
    another")."""
    for s in claims:
        if all(t is s or inside(s.claim, t.claim) for t in claims):
            return s
    return None


def _narrowest_place(claims: Sequence[Said], places: PlaceRelation) -> Said | None:
    """The place of one report that lies inside each of its other places of the slot
    (a town and its state, "in Seaview, Maine"; a town and its country): one place
    written at two levels, compared at its most precise. None when two of them lie
    apart or the gazetteer does not know how they stand ("between Crete and Libya")."""
    for s in claims:
        if all(
            _key(t) == _key(s) or places(s.claim.value, t.claim.value) in {"within", "same"}
            for t in claims
        ):
            return s
    return None


def _by_level(slot: list[Said]) -> list[list[Said]]:
    """A slot of places split into streets and named areas: a report that gives the
    street and the town ("on 43rd Street in South Elm Park") gives two places of
    the occurrence, each compared with the other reports' place of its own level (a
    street with a street, a town or neighbourhood with a town or neighbourhood), never
    the street against the town. Slots of other kinds are left whole."""
    if slot[0].claim.kind != "place":
        return [slot]
    streets = [s for s in slot if street_name(s.claim.text)]
    areas = [s for s in slot if not street_name(s.claim.text)]
    return [part for part in (areas, streets) if part]


def comparable(a: Said, b: Said) -> bool:
    """Whether two values joined as one slot are to be shown as a variant of each other.
    Two dates of different occurrences that cannot fall in one year ("lost its last
    stronghold in 2019", "seizing weapons at the beginning of November") are two moments
    of a story's history, not one value given with two precisions: joined loosely (by
    the claim model, or as the dates of one fact's sentences) and found no conflict, they
    are kept apart, not compared. A date given by its year alone against one whose report
    gives no year cannot be placed in one year either. Two announcements that share no
    day are two announcements (a story holds several). Dates of one named occurrence are
    always weighed. Two people who did two different things and share no name ("X met
    Y", "discussed by Z during his visit") are no two wordings of one actor. A count
    of particular things the text names ("the two countries") and a vague amount
    ("multiple countries") are no one counted set."""
    x, y = a.claim, b.claim
    px, py = _slot_word(x), _slot_word(y)
    if (
        x.kind == y.kind == "count"
        and is_vague(x) != is_vague(y)
        and _definite(b if is_vague(x) else a)
    ):
        return False  # "the two countries" are particular ones, not "multiple countries"
    if x.kind == "actor" and y.kind == "actor":
        return px is None or py is None or px == py or bool(_words(x.text) & _words(y.text))
    if (px in ANNOUNCING or py in ANNOUNCING) and (relative_span(x) or relative_span(y)):
        return False  # "announced earlier this month": which of the story's announcements?
    if x.kind != "date" or y.kind != "date" or not (x.start and y.start):
        return True
    if px in ANNOUNCING and py in ANNOUNCING:
        return dates_overlap(a, b)
    if px is not None and px == py:
        return True
    return not no_common_year(x, y)


_DEFINITE = re.compile(r"\b(?:the|these|those)\s+$", re.I)


def _definite(s: Said) -> bool:
    """Whether a count is of particular things the text has named ("the two countries",
    "these three men"), read from the words before it in its sentence."""
    at = s.claim.span.start - s.offset
    return (
        bool(s.sentence)
        and 0 <= at <= len(s.sentence)
        and bool(_DEFINITE.search(s.sentence, max(0, at - 12), at))
    )


# Light verbs (Jespersen's term; the closed class of "take a walk", "come forward", "make
# a deal", "go public"): their lemma alone does not say which occurrence a date is of,
# so a date of one names no occurrence to set apart from another's (see
# :func:`other_occurrences`).
LIGHT_VERBS = frozenset("come go get give have make put set take do keep".split())


def _occurrence_verb(c: Claim) -> str | None:
    """The occurrence a date names by its verb or event noun, as a class ("kill" and
    "die" are one), None when it names none a reader could set apart: no verb, or a
    light verb."""
    if c.kind != "date" or c.predicate in LIGHT_VERBS:
        return None
    return _slot_word(c)


def _named_apart(x: Claim, y: Claim) -> bool:
    """Whether two dates both name their occurrence in a way that can set them apart. An
    event noun ("the October 30 operation") may be the story's whole occurrence, whose
    parts are told with other verbs ("demolitions conducted between October 24 and
    27"): against a date of the same year it says nothing of which occurrence the other
    is; a year apart it is an occurrence of its own ("the June 1981 break-in", "stayed
    until his retirement in June 1982")."""
    if _occurrence_verb(x) is None or _occurrence_verb(y) is None:
        return False
    return (x.word is None and y.word is None) or no_common_year(x, y)


def _inflections(lemma: str) -> set[str]:
    """The regular past and -ing forms of a verb's lemma ("serve": served, serving),
    the forms no noun shares ("leads", "charges", "head" are as often nouns): enough to
    see a verb another report dates written in a sentence."""
    forms = {lemma + "ed", lemma + "ing", lemma + "d"} if not lemma.endswith("e") else {
        lemma + "d", lemma[:-1] + "ing"}  # fmt: skip
    if lemma.endswith("y"):
        forms.add(lemma[:-1] + "ied")
    if len(lemma) > 2 and lemma[-1] not in "aeiouwy":
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    return forms


def _written_in(c: Claim, s: Said) -> bool:
    """Whether a verb of date ``c``'s clause is written in the sentence of ``s`` ("to
    serve a life sentence" in "He was serving a life sentence after being convicted
    in May 2003"): the two dates are then told of one thread of the story, the
    conviction that began the sentence the other report's return to prison served."""
    words = set(re.findall(r"[a-z]+", s.sentence.casefold()))
    return any(words & _inflections(v) for v in {c.predicate or "", *c.context} - {""})


def other_occurrences(gi: Sequence[Said], gj: Sequence[Said]) -> bool:
    """Whether two groups of dates are of two occurrences by what their verbs say:
    every occurrence named on one side differs from every one named on the other, no
    two of them meet in one clause (:func:`compatible`'s rule for two dates of one
    slot), and neither's verb is written in the other's sentence. The claim model or a
    date that names no verb joined them into one slot ("married his sweetheart in
    1962", "his wife died in 1991"; "in 1998" of a minister's resignation against "in 2010,
    the aide revealed"); a conflict between them is between two moments of the story's
    history, not two accounts of one. Groups whose dates name no occurrence on either
    side are left to the other rules."""
    named = [(p, q) for p in gi for q in gj if _named_apart(p.claim, q.claim)]
    return bool(named) and not any(
        _slot_word(p.claim) == _slot_word(q.claim)
        or set(p.claim.context) & set(q.claim.context)
        or _written_in(p.claim, q)
        or _written_in(q.claim, p)
        for p, q in named
    )


def kept_together(
    values: Sequence[Sequence[Said]],
    rel: Mapping[tuple[int, int], Relation],
    held: frozenset[tuple[int, int]] = frozenset(),
) -> list[list[int]]:
    """Value groups of one slot as the sets to compare: two groups the relation decision
    (``rel``) calls a variant but whose values are not :func:`comparable` are not
    compared at all. The groups of most articles come first, each joining the first set
    it may join, so the story's main value is weighed against what can be weighed with
    it and a background year ("in 2019") is left out of the comparison of a recent date.
    Two groups in ``held`` (pairs the conflict gate says are no two values of one
    thing, see :func:`newsprism.reconcile.gate.gated`) are never compared either. Sets in
    order of their first group."""

    def apart(i: int, j: int) -> bool:
        i, j = min(i, j), max(i, j)
        if (i, j) in held:
            return True
        if all(other_participants(p.claim, q.claim) for p in values[i] for q in values[j]):
            return True  # dates of two people's occurrences (a value check joined them)
        if rel.get((i, j)) == "conflict" and other_occurrences(values[i], values[j]):
            return True  # "married in 1962" against "died in 1991": two occurrences
        return rel.get((i, j)) == "variant" and not all(
            comparable(p, q) for p in values[i] for q in values[j]
        )

    sets: list[list[int]] = []
    for i in sorted(range(len(values)), key=lambda k: (-len(values[k]), k)):
        for s in sets:
            if not any(apart(i, j) for j in s):
                s.append(i)
                break
        else:
            sets.append([i])

    def alike(i: int, s: list[int]) -> bool:
        return any(rel.get((min(i, j), max(i, j))) == "variant" for j in s if j != i)

    # a value set among values it only conflicts with, though a later set holds one it
    # is a variant of, moves there: a date that names no verb ("It wasn't until May 30,
    # 2005") joins the first set it may, and that may be of another occurrence's year
    for i in sorted(range(len(values)), key=lambda k: (-len(values[k]), k)):
        home = next(s for s in sets if i in s)
        if len(home) < 2 or alike(i, home):
            continue
        for s in sets:
            if s is not home and alike(i, s) and not any(apart(i, j) for j in s):
                home.remove(i)
                s.append(i)
                break
    return sorted(sorted(s) for s in sets)


def crossing_relation(a: str, b: str) -> str | None:
    """How a street and a corner of it stand ("43rd street" contains "43rd street &
    8th avenue", the corner the two streets make: see
    :func:`newsprism.analyze.claims._crossings`); None unless one value is a corner
    and the other one of its streets."""
    sa, sb = a.split(" & "), b.split(" & ")
    if len(sa) == 1 and len(sb) == 2 and a in sb:
        return "contains"
    if len(sb) == 1 and len(sa) == 2 and b in sa:
        return "within"
    return None


def _street_stem(word: str) -> str:
    # a street named for someone is written with and without the possessive "s"
    # ("Potter Road" / "Potters Road"): the skeleton of the name without it
    return word_skeleton(word[:-1] if len(word) > 3 and word.endswith("s") else word)


def other_streets(a: str, b: str) -> bool:
    """Whether two street values (:func:`newsprism.analyze.claims.street_name`) are two
    streets though their names are one name spelled two ways: the type words differ
    ("maple street" / "maples road"). A town has both a Maple Street and a Maple Road
    often enough, and a reporter who misspells the name still writes the type word he
    was told; two streets of different names stay unknown (one may cross the other at
    the spot)."""
    wa, wb = a.split(), b.split()
    if min(len(wa), len(wb)) < 2 or " & " in a or " & " in b:
        return False
    ta, tb = street_name(wa[-1]), street_name(wb[-1])
    if ta is None or tb is None or ta == tb:
        return False
    na, nb = wa[:-1], wb[:-1]
    return len(na) == len(nb) and all(
        _street_stem(x) == _street_stem(y) for x, y in zip(na, nb, strict=True)
    )


def _other_streets(a: Said, b: Said, named: Mapping[str, float], one_slot: bool) -> bool:
    """Two places of one slot that are two streets of one name (:func:`other_streets`):
    an arrest "on Maple Street" and "on Maples Road" cannot both be, so a conflict
    whatever the model weighs (it has learned that two places apart are mostly two
    places of a story, a variant)."""
    x, y = a.claim, b.claim
    if x.kind != "place" or y.kind != "place" or not (named["compatible"] or one_slot):
        return False
    return other_streets(x.value, y.value)


def _iso_places(a: str, b: str, /, *, homes: bool = False) -> str:
    """same | contains | within | disjoint | unknown, from ISO 3166 codes alone (and a
    street against a corner of it, :func:`crossing_relation`, or against another street
    of its name, :func:`other_streets`). Codes name countries and their regions, no
    town: as ``homes`` they are never apart ("Jane Roe of the U.K., living in Oakdale":
    a country given as a home is often a nationality)."""
    if homes:
        return "unknown"
    if not (a[:2].isupper() and b[:2].isupper()):
        return crossing_relation(a, b) or ("disjoint" if other_streets(a, b) else "unknown")
    if a == b:
        return "same"
    if b.startswith(a + "-"):
        return "contains"
    if a.startswith(b + "-"):
        return "within"
    return "disjoint"


_PLACE_TYPES = frozenset({"GPE", "LOC"})
# The people a city has from which a home in another town of its region may be told by
# the city's name (its metropolitan area). From the homes of tests/gold/facts told two
# ways: a suburb of 5,000 and its city of 5.4 million a variant, a district and its
# borough of 2.3 million agree; two towns of 86,000 and 411,000 and two districts of a
# borough a conflict (any bound between 411,000 and 2.3 million parts them).
METRO = 1_000_000


def gazetteer_places(claims: Sequence[Claim]) -> PlaceRelation:
    """A place relation for the story's place claims, read from the GeoNames gazetteer
    (:mod:`newsprism.geo`): each place resolved once, weighing the story's other places;
    two towns of one second-level region are never called disjoint (a town and the city
    beside it, "Seaview" and "Portsmouth"), unless they are two homes of one person
    (``homes``: one lives in one town, whatever city is beside it). Places the gazetteer
    does not know fall back to ISO 3166 codes."""
    texts: dict[str, str] = {}
    for c in claims:
        if c.kind == "place" or (c.kind == "actor" and c.name_type in _PLACE_TYPES):
            # a country or city named as who did something is a place too ("Paris"
            # against "France" as who struck: see _actors)
            texts.setdefault(c.value, c.text)
    if not texts:
        return _iso_places
    try:
        from ..geo.relate import relate_places
        from ..geo.resolve import PlaceMention, resolve_places

        found = resolve_places([PlaceMention(t) for t in texts.values()])
    except Exception:  # no gazetteer data: codes alone
        return _iso_places
    feature = dict(zip(texts, found, strict=True))

    def relate(a: str, b: str, /, *, homes: bool = False) -> str:
        fa, fb = feature.get(a), feature.get(b)
        if fa is None or fb is None:
            return _iso_places(a, b)
        found = relate_places(fa, fb)
        if found == "disjoint" and _area_unknown(fa, fb):
            return "unknown"  # the gazetteer records no area's countries
        if found != "disjoint" or (fa.country_code, fa.admin1) != (fb.country_code, fb.admin1):
            return found
        if homes:
            if fa.feature_class != "P" or fb.feature_class != "P":
                return "unknown"  # a country or region named as a home: see _iso_places
            # a home near a city of a million is told by the city's name ("of Oakdale",
            # a suburb, and "of Metropolis"): the city may stand for its whole area
            big = [_metro(fa), _metro(fb)]
            return "contains" if big[0] else "within" if big[1] else found
        if fa.admin2 and fa.admin2 == fb.admin2:
            return "contains"
        if _county_unknown(fa, fb) or _county_unknown(fb, fa):
            return "unknown"  # the town may lie in the other: the gazetteer does not say
        return found

    return relate


def _area_unknown(a: GeoFeature, b: GeoFeature) -> bool:
    """A continent or a macro-region against a place of another kind ("off West Africa"
    and "off Ghana"; "in Asia" and "in South Asia"): the gazetteer does not record
    which countries an area holds, so whether it holds the other place is not known. Two
    continents are apart."""
    la, lb = level(a), level(b)
    return min(la, lb) < 0 and not (a.feature_code == b.feature_code == "CONT")


def _metro(f: GeoFeature) -> bool:
    """A city of :data:`METRO` people or more, whose name may stand for its area."""
    return f.feature_class == "P" and (f.population or 0) >= METRO


def _county_unknown(town: GeoFeature, other: GeoFeature) -> bool:
    """A town whose second-level region the gazetteer does not record, against a
    second-level region or a city of a million of the town's first-level region ("a
    fire in Oakdale" and "a fire in Elm County", or "in Metropolis"): whether the county
    or the city's area holds the town is not known, so the two are never taken to be
    apart (two towns of one county, or a suburb and its city, are one scene told two
    ways)."""
    if town.feature_class != "P" or town.admin2 or _metro(town):
        return False
    return level(other) == 2 or _metro(other)


def _ends_of(c: Claim) -> tuple[float, float]:
    low = c.low if c.low is not None else float("-inf")
    high = c.high if c.high is not None else float("inf")
    return low, high


# How far a hedge widens a figure when two reports' figures are weighed against each
# other: "about 80" is 80 written to its last figure, not anything from 64 to 96 (the
# interval the extractor keeps for "about", wide enough for any rounding); a clock time
# "about 4:45" is the nearest quarter hour, "shortly after 5" before the next one.
_HEDGE = {"approx": 0.1, "near": 0.1}
_CLOCK_HEDGE = 7.5
_QUALIFIER = re.compile(
    r"^(?:at\s+|for\s+|in\s+|after\s+)?("
    + QUALIFIER_WORDS
    + r"|shortly after|just after|just past|shortly past|shortly before|just before)\b",
    re.I,
)


def _tight(c: Claim) -> tuple[float, float]:
    """A figure's interval as a reader weighs it against another report's: an exact
    figure is itself, a hedged one ("about", "nearly") within a tenth of it (a quarter
    hour for clock times; a count or share of three places or more within what rounding
    it to one place fewer hides, see _ROUNDING_PLACES), a bound ("more than", "up to")
    open on one side."""
    low, high = _ends_of(c)
    if c.unit in GAME_UNITS:
        return low, high  # a game clock's hedge is read tight already ("just under 5 minutes")
    m = _QUALIFIER.match(c.text.strip())
    word = m.group(1).casefold() if m else ""
    kind = QUALIFIERS.get(word, "")
    if c.kind == "time" and word:
        point = (c.low or 0.0) if word.endswith(("after", "past")) else (
            c.high or 0.0) if word.endswith("before") else _point(c) or 0.0  # fmt: skip
        if word.endswith(("after", "past")):
            return point, point + 2 * _CLOCK_HEDGE
        if word.endswith("before"):
            return point - 2 * _CLOCK_HEDGE, point
        return point - _CLOCK_HEDGE, point + _CLOCK_HEDGE
    if kind in _HEDGE and c.high is not None:
        top = c.high if kind == "near" else _point(c) or 0.0
        width = _HEDGE[kind] * abs(top)
        written, place = _written(c), _last_place(c)
        if (c.kind == "count" or c.unit == "%") and written and place and top:
            # the place's unit scaled as the claim scales the written figure ("2,000 ft"
            # read in metres)
            width = min(width, _ROUNDING_PLACES * place * abs(top) / written)
        return (top - width, top) if kind == "near" else (top - width, top + width)
    return low, high


# A hedged count or share reaches no further than rounding the figure to one place
# fewer would: "about 4,730 votes" is not "5,000 votes" (the writer would have written
# "about 5,000"), so it holds at most half a unit of the place above its last figure
# (five units of its last place). On figures of one or two significant places this is
# wider than the tenth of _HEDGE ("about 80", "nearly 15"), which then holds. Money and
# lengths keep the tenth: their odd figures are often another unit converted at the
# report's own rate ("an estimated $102 million" of a sum given in euros).
_ROUNDING_PLACES = 5.0


def _cannot_both_hold(a: Said, b: Said, named: Mapping[str, float], one_slot: bool = False) -> bool:
    """Two figures of one slot — the same occurrence and counted thing, or two the claim
    model aligned as one value (``one_slot``) — that cannot both hold however each is
    hedged ("about 80 metres", "approximately 120 metres"; "40 students", "60
    students"), where nothing says the count ran on (no "rose to", "so far", no later
    report) and neither is the other rounded: a conflict, whatever the model weighs.
    Ages have rules of their own (a person ages between reports)."""
    x, y = a.claim, b.claim
    if x.kind not in {"count", "measure", "time"} or not named["apart"]:
        return False
    if not (named["compatible"] or one_slot) or named["things_differ"] or _overnight(x, y):
        return False
    if named["running"]:
        return False
    if (named["later_higher"] or named["earlier_higher"]) and x.unit not in _FIXED:
        return False  # a count may have run on between two reports; a length has not
    if _converted_units(x, y):
        return False
    return not (_rounded(a, b) or _within(a, b) or _within(b, a))


# a bound a report sets against a figure named before it: "less than the $60 million
# reported by a local paper", "more than the 40 the police counted"
_AGAINST_NAMED = re.compile(r"^((?:more|less|fewer) than)\s+the\b", re.I)


def _disputed(bound: Said, other: Said, named: Mapping[str, float], one_slot: bool = False) -> bool:
    """A strict bound a report sets against a figure named before it ("it is less than
    the $60 million reported by a local paper") and another report's exact figure of one
    slot at or beyond it ("a $60 million deal", "$65 million"): the writer disputes that
    figure, so the two cannot both hold. A bound of its own ("less than $60 million")
    stays open at its figure: "fewer than 100" and "100" may be one rounded count."""
    x, y = bound.claim, other.claim
    if x.kind not in {"count", "measure"} or unit_of(x) != unit_of(y):
        return False
    if not (named["compatible"] or one_slot) or named["things_differ"] or named["running"]:
        return False
    return _sets_aside(x, y)


def _sets_aside(x: Claim, y: Claim) -> bool:
    """Whether ``x`` is a strict bound set against a figure named before it ("less than
    the $60 million reported") and ``y`` an exact figure at or beyond it."""
    m = _AGAINST_NAMED.match(x.text.strip())
    kind = QUALIFIERS.get(m.group(1).casefold()) if m else None
    if kind not in {"lt", "gt"} or y.low is None or y.low != y.high:
        return False
    if kind == "lt":
        return x.high is not None and y.low >= x.high
    return x.low is not None and y.low <= x.low


_UNIT_WORD = re.compile(r"[^\W\d_]+$")
# units the claims convert into from whatever unit the text gives (lengths, areas,
# speeds, weights; lengths of time, counted in days)
_CONVERTED_UNITS = frozenset({"m", "m2", "km/h", "kg", "days"})
# the calendar unit a length of time is written in ("a 60-day course", "two months")
_CALENDAR_UNIT = re.compile(r"\b(hour|day|week|month|year)s?\b", re.I)


def _converted_units(x: Claim, y: Claim) -> bool:
    """Two figures written in different units ("25 mile", "40 km"; "a 60-day course", "a
    two-month course") within a tenth of each other once converted (the nearest ends of
    a bound: "120 mph", "up to 193 km/h"): one may be the other converted and rounded."""
    if x.kind != "measure" or x.unit not in _CONVERTED_UNITS or x.unit != y.unit:
        return False
    ux, uy = _unit_written(x), _unit_written(y)
    if not (ux and uy) or ux == uy:
        return False
    px, py = _stated(x), _stated(y)
    return bool(px and py and abs(px - py) <= 0.1 * max(abs(px), abs(py)))


def _unit_written(c: Claim) -> str | None:
    """The unit word a figure is written with ("25 mile": "mile"; a length of time its
    calendar unit, "60-day": "day", "two months": "month")."""
    if c.unit == "days":
        m = _CALENDAR_UNIT.search(c.value)
        return m.group(1).casefold() if m else None
    w = _UNIT_WORD.search(c.value)
    return w.group(0).casefold() if w else None


def _stated(c: Claim) -> float | None:
    """The figure a number states: its bound when it is one ("up to 193": 193), else its
    middle (:func:`_point`)."""
    if c.high is not None and not c.low and c.low != c.high:
        return c.high
    return _point(c)


# Units of what does not run on between reports: a distance fallen, a building's area
_FIXED = frozenset({"m", "m2"})


def _rounded(a: Said, b: Said) -> bool:
    """A round figure and an exact one within its rounding ("800" and "812", "4:15 a.m."
    and "4:18 a.m."): the round one may be the other rounded, so both can hold. Times
    round to the quarter hour; a gap in weeks, months or years to half of one; a count
    of hundreds or more to its last non-zero figure, unless it is an amount offered.
    Not ages."""
    x, y = a.claim, b.claim
    if x.kind not in {"count", "measure", "time"}:
        return False
    # the terms of an offer are written as offered: "a $50 million offer" is no rounding
    # of another report's "$46 million"
    on_offer = unit_of(x) == unit_of(y) == "money" and (offered(x) or offered(y))
    for r, e in ((x, y), (y, x)):
        if r.low is None or r.low != r.high or e.low is None or e.low != e.high:
            continue
        coarse = _COARSE.search(r.value) if r.thing == e.thing == "gap" else None
        if r.kind == "time":
            unit = 15.0 if r.low % 15 == 0 else 0.0
        elif coarse is not None:
            # the time between two moments told in weeks, months or years is counted to
            # the nearest one ("a month after" and "five weeks after"); not a length such
            # as a sentence ("two years" and "two and a half years" in prison)
            unit = UNIT_DAYS[coarse.group(1).casefold()]
        else:
            # round as written: "200 yards" is round, its 182.88 metres are not; the
            # rounding is then weighed in the unit both are compared in
            rv, place = _written(r), _last_place(r)
            if not rv or place is None or on_offer:
                continue
            unit = place * r.low / rv if place >= 100 else 0.0  # "10" and "9" are two counts
        if unit and abs(e.low - r.low) <= unit / 2:
            return True
    return False


_WRITTEN = re.compile(r"\d[\d,]*(?:\.(\d+))?")
# a gap of time written in a unit coarser than its days
_COARSE = re.compile(r"\b(week|month|year)s?\b", re.I)


def _round(c: Claim) -> bool:
    """A figure written round ("200", "1,500"; not "9" or "212")."""
    v = _written(c)
    return bool(v and v == int(v) and v >= 10 and int(v) % 10 == 0)


def _written(c: Claim) -> float | None:
    """A figure as its report wrote it, before any conversion ("200 yard": 200)."""
    m = _WRITTEN.search(c.value)
    return float(m.group(0).replace(",", "")) if m else None


def _last_place(c: Claim) -> float | None:
    """The unit of the last non-zero place of a figure as its report wrote it ("4,730":
    10; "12.75": 0.01; "300": 100), None when the text gives no figure ("about a
    dozen")."""
    m = _WRITTEN.search(c.value)
    if m is None:
        return None
    decimals = (m.group(1) or "").rstrip("0")
    if decimals:
        return 10.0 ** -len(decimals)
    whole = m.group(0).replace(",", "").split(".")[0]
    return 10.0 ** (len(whole) - len(whole.rstrip("0")))


# "120 nautical miles west of Lorne": the compass point a distance is measured along from
# a named place (the four points and their combinations, a closed class)
_BEARING = re.compile(
    r"\s*(?:[^\W\d_][\w.]*\s+){0,3}?(?:due\s+)?"
    r"(?P<b>(?:north|south)-?(?:east|west)|north|south|east|west)(?:ern)?\s+of\s+"
    r"(?:the\s+)?(?P<place>[A-Z][\w-]*)"
)


def bearing(s: Said) -> tuple[frozenset[str], str] | None:
    """The compass points and the place a distance is measured from, when the words after
    the figure say ("120 nautical miles west of Lorne": {"west"}, "Lorne"), else None."""
    c = s.claim
    if c.kind != "measure" or c.unit != "m" or not s.sentence:
        return None
    m = _BEARING.match(s.sentence, max(0, c.span.end - s.offset))
    if m is None:
        return None
    points = frozenset(p for p in ("north", "south", "east", "west") if p in m.group("b"))
    return points, m.group("place")


def opposite_bearings(a: Said, b: Said) -> bool:
    """Two distances alike, from one place, along compass points with none in common
    ("120 nautical miles west of Lorne", "around 120 nautical miles east of Lorne"): one
    spot told two ways that cannot both be right; "north-east" and "east" share a point
    and may be one heading loosely told. Figures apart are weighed as figures."""
    ba, bb = bearing(a), bearing(b)
    if not (ba and bb and ba[1] == bb[1]) or ba[0] & bb[0]:
        return False
    (la, ha), (lb, hb) = _tight(a.claim), _tight(b.claim)
    return la <= hb and lb <= ha


def _overnight(x: Claim, y: Claim) -> bool:
    """A night ("late Monday night") and a time of its small hours ("early Tuesday,
    around 2:15 a.m."): the night runs past midnight, so both can hold."""
    if x.kind != "time" or y.kind != "time":
        return False
    return any(a.high is not None and a.high >= 1425 and b.high is not None and b.high <= 360
               for a, b in ((x, y), (y, x)))  # fmt: skip


def _point(c: Claim) -> float | None:
    """The value a reader takes a number for: the middle of a closed interval, else its
    one finite end ("more than 15": 15)."""
    if c.low is not None and c.high is not None:
        return (c.low + c.high) / 2
    return c.low if c.low is not None else c.high


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[^\W\d_]{3,}", text.casefold())}


# How far apart two values are, per kind: (scale, near, far) — a relative gap for counts
# and sizes, years for ages, minutes for times of day, days for dates. "near" is within
# rounding ("about 300", "312"; one day; a quarter of an hour), "far" beyond any rounding.
_SCALES = {"number": (None, 0.05, 0.25), "age": (1.0, 1.0, 3.0), "time": (1.0, 15.0, 45.0),
           "date": (1.0, 1.0, 7.0)}  # fmt: skip
RELATION_FEATURES = (
    "number", "age", "date", "time", "place", "actor",
    "overlap", "number_near", "number_far", "age_near", "age_far", "time_near", "time_far",
    "date_near", "date_far", "imprecise", "open_ended", "compatible", "same_predicate",
    "things_differ", "running", "later_higher", "earlier_higher", "weekday_mismatch",
    "fuzzy_date", "no_year", "place_disjoint", "place_contains", "share_word", "apart",
    "hedged", "round_figure", "gap",
)  # fmt: skip
RELATION_MODEL_PATH = Path(__file__).with_name("relation_model.json")


def _distance(kind: str, x: float | None, y: float | None, f: dict[str, float]) -> None:
    """Set ``<kind>_near`` or ``<kind>_far`` from the distance of two values."""
    if x is None or y is None:
        return
    scale, near, far = _SCALES[kind]
    if scale is None:
        top = max(abs(x), abs(y))
        d = abs(x - y) / top if top else 0.0
    else:
        d = abs(x - y) / scale
    if d <= near:
        f[f"{kind}_near"] = 1.0
    elif d > far:
        f[f"{kind}_far"] = 1.0


def relation_features(a: Said, b: Said, places: PlaceRelation = _iso_places) -> list[float]:
    """What a reader weighs when two values of one slot differ (see RELATION_FEATURES):
    the kind of value, whether the values can both hold (intervals overlap) and how far
    apart they are, how precisely each is given, whether both name one occurrence, and
    for counts, whether the wording or the publication order says the count ran on."""
    x, y = a.claim, b.claim
    kind = "number" if x.kind in {"count", "measure"} else x.kind
    f = dict.fromkeys(RELATION_FEATURES, 0.0)
    f[kind] = 1.0
    f["compatible"] = float(compatible(a, b))
    px, py = _slot_word(x), _slot_word(y)
    f["same_predicate"] = float(px is not None and px == py)
    f["things_differ"] = float(bool(x.thing and y.thing and x.thing != y.thing))
    if kind in {"number", "age", "time"}:
        (xl, xh), (yl, yh) = _ends_of(x), _ends_of(y)
        f["overlap"] = float(xl <= yh and yl <= xh)
        (xl, xh), (yl, yh) = _tight(x), _tight(y)
        f["apart"] = float(not (xl <= yh and yl <= xh) and not _overnight(x, y))
        f["imprecise"] = float(x.low != x.high or y.low != y.high)
        f["open_ended"] = float(None in (x.low, x.high, y.low, y.high))
        f["hedged"] = float(
            bool(_QUALIFIER.match(x.text.strip()) or _QUALIFIER.match(y.text.strip()))
        )
        f["round_figure"] = float(any(_round(c) for c in (x, y)))
        mx, my = _point(x), _point(y)
        if mx is not None and my is not None and max(abs(mx), abs(my)):
            f["gap"] = min(1.0, abs(mx - my) / max(abs(mx), abs(my)))
        _distance(kind, _point(x), _point(y), f)
        if kind != "time":
            f["running"] = float(bool(x.cue or y.cue))
            if a.published and b.published and a.published != b.published:
                later, earlier = (a, b) if a.published > b.published else (b, a)
                up = (_point(later.claim) or 0) > (_point(earlier.claim) or 0)
                f["later_higher" if up else "earlier_higher"] = 1.0
    elif kind == "date":
        f["fuzzy_date"] = float(bool(FUZZY.search(x.text) or FUZZY.search(y.text)))
        f["no_year"] = float(not x.year_known or not y.year_known)
        if x.start and y.start:
            f["overlap"] = float(dates_overlap(a, b))
            _distance(kind, middle_day(x), middle_day(y), f)
        else:
            wx, wy = weekday(x), weekday(y)
            f["weekday_mismatch"] = float(bool(wx and wy and wx != wy))
            f["overlap"] = float(not f["weekday_mismatch"])
    elif kind == "place":
        found = places(x.value, y.value)
        f["place_disjoint"] = float(found == "disjoint")
        f["place_contains"] = float(found in {"contains", "within", "same"})
        f["share_word"] = float(bool(_words(x.text) & _words(y.text)))
    else:
        f["share_word"] = float(bool(_words(x.text) & _words(y.text)))
    return [f[n] for n in RELATION_FEATURES]


def _years_apart(a: Said, b: Said) -> float | None:
    """Years from ``b``'s publication to ``a``'s (None: either is undated)."""
    from datetime import date

    try:
        da, db = date.fromisoformat(a.published or ""), date.fromisoformat(b.published or "")
    except ValueError:
        return None
    return (da - db).days / 365.25


def _aged(later: Said, earlier: Said) -> bool:
    """Whether one person's age grew by as many years as lie between the two reports
    ("27" in 2005, "29" in 2007): the same person, older, not a disagreement."""
    x, y = later.claim, earlier.claim
    if x.kind != "age" or x.low is None or y.low is None:
        return False
    years = _years_apart(later, earlier)
    return years is not None and years >= 0.5 and abs((x.low - y.low) - years) <= 1.0


# a day told from the report's own ("on Tuesday", "this morning", "yesterday"): the news of
# that sentence is of the report's week
_NEWS_DAY = re.compile(
    r"\b(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|today|tonight|yesterday"
    r"|(?:this|last) (?:morning|afternoon|evening|night))\b",
    re.I,
)
_PAST = re.compile(r"\b([a-z]{2,})ed\b")
_TELLING = SPEECH_VERBS | REPORTING | ANNOUNCING
# the days a weekday named without a date reaches back from the report's: reports of one
# news week (the gold's ages a year apart, all labelled conflicts, are reports at most a
# day apart); beyond it a birthday may fall between two reports
_NEWS_WEEK = 7


def _news_done(s: Said) -> frozenset[str]:
    """What a sentence that dates its news from the report's day says was done ("police
    on Tuesday arrested a 45-year-old man": {"arrest"}), else nothing; the verbs of
    telling are left out ("said Tuesday" dates the telling, not the occurrence)."""
    if not _NEWS_DAY.search(s.sentence):
        return frozenset()
    done = {m.group(1) for m in _PAST.finditer(s.sentence.casefold())}
    return frozenset(w for w in done if w not in _TELLING and w + "e" not in _TELLING)


def _one_news_day(a: Said, b: Said) -> bool:
    """Whether two undated reports tell one occurrence as the news of their own days
    ("police on Tuesday arrested a 45-year-old man" / "this morning police arrested and
    charged a 46-year-old man"): both are written within days of it, so the person
    cannot be assumed to have had a birthday between them."""
    return bool(_news_done(a) & _news_done(b))


def _maybe_older(a: Said, b: Said) -> bool:
    """Two ages a few years apart of reports not known to be of one time (undated, or
    dated more than a week apart): the person may have had a birthday between them, so
    it is never called a conflict (precision over recall). Undated reports that tell one
    occurrence as the news of their days are of one week (:func:`_one_news_day`)."""
    x, y = a.claim, b.claim
    if x.kind != "age" or x.low is None or y.low is None or abs(x.low - y.low) > 3:
        return False
    years = _years_apart(a, b)
    if years is None:
        return not _one_news_day(a, b)
    return abs(years) * 365.25 > _NEWS_WEEK


def _within(inner: Said, outer: Said) -> bool:
    """Whether a number, an age or a time lies wholly inside the other's stated range
    ("32" and "in his early 30s"; "3:30" and "between 3 and 4"): both can be true, so
    whatever the model weighs it is no conflict. A hedge counts as narrowly as in
    :func:`_tight` ("4:30" is not within "shortly after 4")."""
    x, y = inner.claim, outer.claim
    if x.kind not in {"count", "measure", "age", "time"}:
        return False
    if None in (x.low, x.high, y.low, y.high) or y.low == y.high:
        return False
    (xl, xh), (yl, yh) = _tight(x), _tight(y)
    return bool(yl <= xl and xh <= yh and yl < yh)


def _risen(high: Said, low: Said) -> bool:
    """Whether ``high`` is a count its own words say has risen ("rose to 10"), above
    ``low``'s: a later figure of a running count, whatever the publication order."""
    x, y = high.claim, low.claim
    if x.kind != "count" or not x.cue or x.cue.split()[-1] not in RISE:
        return False
    px, py = _point(x), _point(y)
    return px is not None and py is not None and px > py


_VAGUE_WORDS = re.compile(
    r"\b(?:" + "|".join(sorted((re.escape(v) for v in VAGUE), key=len, reverse=True)) + r")\b",
    re.I,
)


def is_vague(c: Claim) -> bool:
    """Whether a number is a vague amount ("several", "a few minutes", "dozens"): no
    figure, an interval wide enough for most readings."""
    return c.kind in {"count", "measure"} and (
        bool(_VAGUE_WORDS.search(c.text)) or c.value in VAGUE
    )


def _record_relation(a: Said, b: Said) -> Relation:
    """Two win-loss records of one side ("10-5", "9-5"): the later report's record with
    more games played is an update (the side played on between the reports); otherwise
    both cannot be its record, a conflict."""

    def games(c: Claim) -> int:
        return sum(int(n) for n in c.value.split("-") if n.isdigit())

    if a.published and b.published and a.published != b.published:
        later, earlier = (a, b) if a.published > b.published else (b, a)
        if games(later.claim) > games(earlier.claim):
            return "update"
    return "conflict"


@lru_cache(maxsize=1)
def relation_model() -> tuple[LogisticModel, float]:
    """The fitted relation model shipped beside this module (refit with
    bench/fit_relations.py on tests/gold/facts) and its conflict threshold: the least
    probability of conflict at which conflicts called on topics left out of the fit were
    right at least nine times in ten (precision over recall)."""
    data = json.loads(RELATION_MODEL_PATH.read_text("utf-8"))
    return load_model(data), float(data["conflict_threshold"])


def relation_probabilities(features: Sequence[float]) -> dict[str, float]:
    """The relation model's probability of each relation for a row of
    RELATION_FEATURES (:func:`relation_features`); a model file names its features, so
    one fitted on fewer signals reads its own."""
    model, _ = relation_model()
    row = [features[RELATION_FEATURES.index(n)] for n in model.features]
    p = model.scores(np.array([row], dtype=np.float64))[0]
    return dict(zip(model.classes, p.tolist(), strict=True))


@dataclass(frozen=True)
class Weighed:
    """What the relation decision reads of two claims: their row of RELATION_FEATURES
    (:func:`relation_features`), the same row by name, and the relation model's
    probability of each relation for it. The conflict gate, the date gate and the
    comparisons read the same signals of a pair, so they take this rather than build
    the row again."""

    row: tuple[float, ...]
    named: Mapping[str, float]
    probs: Mapping[str, float]


def weigh(a: Said, b: Said, places: PlaceRelation = _iso_places) -> Weighed:
    """The relation signals of two claims (:class:`Weighed`)."""
    row = tuple(relation_features(a, b, places))
    named = dict(zip(RELATION_FEATURES, row, strict=True))
    return Weighed(row, named, relation_probabilities(row))


class Weighing:
    """The pairs of claims of one fact weighed so far, each once: the relation decision,
    the conflict gate, the date gate and the search for far conflicts each read a pair's
    signals, and each built them itself (a date conflict's row was built three or four
    times). Pairs are known by the identity of their two claims, which the fact holds
    while it is compared; ``places`` is the story's place relation (the rows of other
    kinds than places do not read it)."""

    def __init__(self, places: PlaceRelation = _iso_places) -> None:
        self.places = places
        self._seen: dict[tuple[int, int], tuple[Said, Said, Weighed]] = {}

    def __call__(self, a: Said, b: Said) -> Weighed:
        key = (id(a), id(b))
        found = self._seen.get(key)
        if found is None:
            found = self._seen[key] = (a, b, weigh(a, b, self.places))
        return found[2]


def relation(
    a: Said,
    b: Said,
    places: PlaceRelation = _iso_places,
    *,
    one_slot: bool = False,
    weighed: Weighed | None = None,
) -> Relation:
    """How two different values of one slot relate: ``conflict`` when the fitted model is
    sure enough of it, else the likelier of ``update`` and ``variant``, an ``update`` only
    when the wording or the publication order shows the count ran on. ``one_slot``: the
    two claims were aligned as values of one slot (a value check), whatever their words;
    ``weighed``: the pair's signals when the caller has them (:func:`weigh`)."""
    _, threshold = relation_model()
    w = weighed if weighed is not None else weigh(a, b, places)
    probs, named = w.probs, w.named
    if _converted(a.claim, b.claim):
        return "variant"  # one amount in two currencies, at a rate the texts do not give
    if kind_of_other(a.claim, b.claim):
        return "variant"  # "12 fire trucks" / "12 fires": one figure, two things
    if close_and_session(a.claim, b.claim):
        return "variant"  # "shares closed down 2.1%" / "shares plunged 4.8%": two moments
    if "relative" in {a.claim.cue, b.claim.cue}:
        # a day counted from another ("the same day"): never a conflict, unless two
        # lengths of time from the news cannot be one ("four days earlier", "nearly two
        # weeks ago")
        return "conflict" if other_lags(a, b) else "variant"
    if report_day_against_undated(a, b):
        return "variant"  # "announced today" / an undated report's "announced Friday"
    if "loose" in {a.claim.cue, b.claim.cue}:
        return "variant"  # "late Friday": where the lateness begins is not said
    if vague_place(a.claim) or vague_place(b.claim):
        return "variant"  # "near Elmwood": how far from the town is not said
    if from_age(a.claim) or from_age(b.claim):
        # a year of building read from a structure's age ("the 74-year-old structure"):
        # it holds the years it gives, or disagrees with a written year outside them
        return "conflict" if built_apart(a.claim, b.claim) else "variant"
    if NATIONALITY in {a.claim.thing, b.claim.thing}:
        return _nationalities(a.claim, b.claim)
    if ROLE in {a.claim.thing, b.claim.thing}:
        return _role_holders(a.claim, b.claim)
    if CAUSE in {a.claim.thing, b.claim.thing}:
        return _causes(a, b)
    if PARTNER in {a.claim.thing, b.claim.thing}:
        return "variant"  # a ministry and its country's forces, or two partners: both may hold
    if a.claim.kind == "actor" and _one_actor(a.claim, b.claim, places):
        return "variant"
    if (one_occurrence(a, b, named) or _other_streets(a, b, named, one_slot)
            or other_sites(a.claim, b.claim) or other_homes(a.claim, b.claim, places)):  # fmt: skip
        return "conflict"
    if _aged(a, b) or _aged(b, a):
        return "update"
    if a.claim.kind == "record":
        return _record_relation(a, b)
    if a.claim.kind == "actor" and not comparable(a, b):
        return "variant"  # two people who did two different things: never one actor told two ways
    if is_vague(a.claim) or is_vague(b.claim):
        # "several", "a few minutes", "dozens": a hedged amount is never a disagreement
        return "update" if _risen(a, b) or _risen(b, a) else "variant"
    if _cannot_both_hold(a, b, named, one_slot) or opposite_bearings(a, b):
        return "conflict"
    if _disputed(a, b, named, one_slot) or _disputed(b, a, named, one_slot):
        return "conflict"
    if (probs.get("conflict", 0.0) >= threshold and not (_within(a, b) or _within(b, a))
            and not _maybe_older(a, b) and not _rounded(a, b)
            and not named["things_differ"]
            and not _overnight(a.claim, b.claim)
            and not _converted_units(a.claim, b.claim)
            and (a.claim.kind != "place" or named["place_disjoint"])
            and not announcements(a.claim, b.claim)
            and not (a.claim.kind == "date" and bound_holds(a, b))):  # fmt: skip
        # figures of different counted things are no conflict, whatever joined them
        # ("two boats" / "15 crew"; "40 knockouts" / "two defeats"); two places are one
        # only when the gazetteer knows both and puts them apart ("Route 9" / "Port
        # Ellis": a road may run through the city)
        return "conflict"
    if _risen(a, b) or _risen(b, a):
        return "update"
    if probs.get("update", 0.0) > probs.get("variant", 0.0):
        # an update needs the texts to show one ("rose to", "so far", a higher count
        # published later); values that look like one without it are a variant, never
        # a conflict (precision over recall)
        return "update" if named["running"] or named["later_higher"] else "variant"
    return "variant"


# the kinds of site a death is told at, by the noun a report writes (general vocabulary of
# news writing): dying at home and in a hospice or a hospital cannot both hold
_SITE_KINDS = {
    **dict.fromkeys("home house residence apartment flat".split(), "home"),
    **dict.fromkeys("hospice".split(), "hospice"),
    **dict.fromkeys("hospital infirmary".split(), "hospital"),
}
# the verbs of dying whose site is one spot (not "killed": a man shot at home may die in
# a hospital)
_DYING = frozenset({"die"})


def site_kind(c: Claim) -> str | None:
    """The kind of site inside its town a place claim of a death names ("died at his home
    in Oakdale": "home"; "at a hospice near his home in Oakdale": "hospice"), else None."""
    if c.kind != "place" or c.predicate not in _DYING or c.cue is None:
        return None
    return _SITE_KINDS.get(c.cue[7:]) if c.cue.startswith("within:") else None


def other_sites(x: Claim, y: Claim) -> bool:
    """Two places of one death in one town at different kinds of site ("died at his home in
    Oakdale" / "died at a hospice near his home in Oakdale"): one person dies at one spot,
    so a conflict. Only the same town (a value of its own) and the verb of dying."""
    kx, ky = site_kind(x), site_kind(y)
    return kx is not None and ky is not None and kx != ky and x.value == y.value


def other_homes(x: Claim, y: Claim, places: PlaceRelation = _iso_places) -> bool:
    """Two places where one person lives that the gazetteer puts apart ("John Roe, 36, of
    Oakdale" / "John Roe, 36, of Elmwood"), even two towns of one county: a person's
    home is one town, so a conflict, unless one place holds the other ("of Oakdale" /
    "of Ohio"). Not the homes of two people the sentences name ("Jane Doe, of Elmwood")."""
    if x.kind != "place" or y.kind != "place" or x.predicate != HOME or y.predicate != HOME:
        return False
    hx, hy = holder_key(x), holder_key(y)
    if not (hx or hy) or (hx and hy and hx != hy):
        return False  # a home of no one named may be another person's
    return places(x.value, y.value, homes=True) == "disjoint"


def _one_actor(x: Claim, y: Claim, places: PlaceRelation) -> bool:
    """Two actors that may be one told two ways, never two people named for one role:
    names of different kinds (a team and its city, "the Rams" / "Riverton"; an
    agency and its official), or two places one of which holds the other ("Paris" /
    "France" as who struck: a capital speaks for its country)."""
    tx, ty = x.name_type, y.name_type
    if tx and ty and tx != ty and not {tx, ty} <= _PLACE_TYPES:
        return True
    if tx in _PLACE_TYPES and ty in _PLACE_TYPES:
        return places(x.value, y.value) in {"same", "contains", "within"}
    return False


def _nationalities(x: Claim, y: Claim) -> Relation:
    """Two nationalities of a group: a conflict only when both reports count the group
    alike ("23 Peruvian smugglers" / "23 Peruvian and Chilean smugglers": one group, all of it
    from one country against from two); uncounted ("the smugglers were from X and Y") or
    counted differently, the two may be two groups, or a part of one: a variant."""
    same_count = x.low is not None and x.low == y.low
    return "conflict" if same_count and x.value != y.value else "variant"


def _role_holders(x: Claim, y: Claim) -> Relation:
    """Two people named for one post: a conflict only when both reports name the same
    organisation and the same post word for word ("Hawks general manager X" /
    "Hawks general manager Y") and the two names are not spellings of one name
    ("Rolfe" / "Rolff", "Amirkhani" / "Amir-Khani"); a post without its organisation
    ("team general manager", "a spokesman") may be held by several, and a former or an
    interim holder ("former Hawks general manager") may be another than today's: a
    variant."""
    from .posts import of_another_time

    same_post = x.word is not None and x.word == y.word
    now = not (of_another_time(x) or of_another_time(y))
    return "conflict" if same_post and now and _other_person(x.value, y.value) else "variant"


def _causes(a: Said, b: Said) -> Relation:
    """Two causes of a death: a conflict only when both name the person who died, the
    same person, both causes are particular ones (not "natural causes", "complications",
    "an apparent heart attack": :func:`~..analyze.causes.vague_cause`) and neither holds
    the other's words ("died of heart failure" / "died from Alzheimer's disease"; "heart
    failure" is within "congestive heart failure"); otherwise a variant."""
    x, y = a.claim, b.claim
    if not _one_dead(a, b) or vague_cause(x) or vague_cause(y):
        return "variant"
    wx, wy = set(x.value.split()), set(y.value.split())
    return "variant" if wx <= wy or wy <= wx else "conflict"


def _one_dead(a: Said, b: Said) -> bool:
    """Whether two cause claims name one person as the one who died: one story entity,
    or names of one last word ("Hale", "Robert Hale", "R. Robert Hale": the story's entities
    keep a bare last name apart from the full name)."""
    if a.entity and a.entity == b.entity:
        return True
    wx, wy = name_words(a.claim.word or ""), name_words(b.claim.word or "")
    return bool(wx and wy) and wx[-1] == wy[-1]


def _other_person(a: str, b: str) -> bool:
    """Whether two name keys are two people, not one name spelled two ways: their last
    words' skeletons differ by more than a letter and the names run together differ."""
    wa, wb = name_words(a), name_words(b)
    if not wa or not wb or a.replace(" ", "") == b.replace(" ", ""):
        return False
    if skeletons_agree(a, b):
        return False
    sa, sb = word_skeleton(wa[-1]), word_skeleton(wb[-1])
    return sa != sb and OSA.distance(sa, sb) > 1


def compare_claims(
    said: Sequence[Said],
    places: PlaceRelation = _iso_places,
    *,
    one_slot: bool = False,
    same_slot: SameSlot | None = None,
    names_of: Mapping[str, frozenset[str]] | None = None,
) -> tuple[Comparison, ...]:
    """The comparisons of one fact: a slot per set of compatible claims of two articles
    or more, with its value groups and the relation between them (None when all agree).
    With ``one_slot`` the claims are already known to be values of one slot;
    ``same_slot`` joins slots the rules keep apart when the fitted claim model says they
    are one (see :func:`_loose`); ``names_of`` (article id -> the story entities its
    sentences in the fact name) lets two actors that both reports name agree (see
    :func:`_named_alike`).

    Only slots whose articles give two or more different values become comparisons.
    """
    from .gate import gated  # the gate's features are built of this module's

    slots: list[list[Said]] = _by_person(list(said)) if one_slot and said else []
    for s in () if one_slot else said:
        for slot in slots:
            if all(compatible(s, t) for t in slot):
                slot.append(s)
                break
        else:
            slots.append([s])
    if not one_slot:
        slots = _loose(_shared_places(slots), same_slot, places)
    slots = [part for slot in slots for part in _by_level(slot)]
    weighing = Weighing(places)
    out: list[Comparison] = []
    for slot in slots:
        per_article: dict[str, list[Said]] = {}
        also: dict[Span, tuple[Span, ...]] = {}
        for s in slot:
            per_article.setdefault(s.article_id, []).append(s)
        # an article that gives two values for one slot is compared by the one of the same
        # occurrence as the other articles' claims; failing that, by the one other articles
        # give too ("312 yards rushing and 275 receiving" against "312 yards": no
        # disagreement); else not at all
        single = []
        named = Counter(w for w in map(_slot_word, (s.claim for s in slot)) if w is not None)
        for aid, ss in per_article.items():
            # a relative span beside a date of the slot ("three years ago, X, who launched
            # it in September") says less than the date: the date is the article's value,
            # when it names an occurrence as the span does ("scoops on the harbour bribery affair
            # in 1981 — was unknown until three years ago, when his family unmasked him":
            # the year the parse ties to nothing is not the unmasking's)
            ss = [x for x in ss if not relative_span(x.claim) and _names_as(x, ss)] or [
                x for x in ss if _names_as(x, ss)
            ]
            # so does a moment placed only in its period ("midway through the first half")
            # beside the game clock of the slot ("with 6:17 left")
            ss = [x for x in ss if not game_position(x.claim)] or ss
            own = Counter(w for w in map(_slot_word, (s.claim for s in ss)) if w is not None)
            close = [_closeness(x, named, own) for x in ss]
            kept = [x for x, c in zip(ss, close, strict=True) if c == max(close)]
            if len({_key(x) for x in kept}) > 1:
                # one value written twice, once more precisely: the precise wording
                narrow = _narrowest(kept) if kept[0].claim.kind != "place" else (
                    _narrowest_place(kept, places))  # fmt: skip
                kept = [narrow] if narrow is not None else kept
            if len({_key(x) for x in kept}) > 1:
                given = {_key(t) for t in slot if t.article_id != aid}
                kept = [x for x in kept if _key(x) in given] or kept
            if len({_key(x) for x in kept}) > 1 and kept[0].claim.kind in SLIPS:
                # a value written once beside one the article repeats is a slip: the
                # repeated one is its value (reconcile/one_value.py)
                main = _beside_slip(kept)
                kept = [x for x in kept if _key(x) == main] if main is not None else kept
            if len({_key(x) for x in kept}) == 1:
                single.append(kept[0])
                # the article's other wordings of that value (a headline's and the
                # body's "X forces") are cited with it: a reader checks either
                same = [x.claim.span for x in per_article[aid]
                        if x is not kept[0] and _key(x) == _key(kept[0])]  # fmt: skip
                if same:
                    also[kept[0].claim.span] = tuple(same)
        if len(single) < 2:
            continue
        groups: dict[tuple[object, ...], list[Said]] = {}
        for s in single:
            groups.setdefault(_key(s), []).append(s)
        groups = _other_kinds(_same_places(_vague_alike(_same_days(groups))))
        if names_of and slot[0].claim.kind == "actor":
            groups = _named_alike(groups, names_of)
        if len(groups) < 2:
            continue
        label = slot_label([s.claim for s in slot])
        found = list(groups.values())
        rel = _stated_together(
            found, said, group_relations(found, places, one_slot=one_slot, weighing=weighing)
        )
        held = gated(found, rel, places, one_slot=one_slot, weighing=weighing)
        # a background year is not shown as a variant of a recent date (see comparable);
        # two groups the conflict gate holds are not compared at all
        for part in kept_together(found, rel, held):
            if len(part) < 2:
                continue
            values = [found[k] for k in part]
            between = {(x, y): rel[part[x], part[y]]
                       for x in range(len(part)) for y in range(x + 1, len(part))}  # fmt: skip
            out.extend(_cited(c, also) for c in _comparisons(label, values, between, weighing))
    return tuple(out)


def _cited(c: Comparison, also: Mapping[Span, tuple[Span, ...]]) -> Comparison:
    """``c`` with each group citing every span its articles give its value in (``also``:
    a compared claim's span -> the same article's other claims of that value)."""
    if not also:
        return c
    groups = tuple(
        replace(g, spans=tuple(dict.fromkeys(s for sp in g.spans for s in (sp, *also.get(sp, ())))))
        for g in c.groups
    )
    return replace(c, groups=groups)


# verbs of a market's close: "closed down 2.1%", "ended 3% lower", "finished the day up
# 1.2 percent", "settled at"; general vocabulary of market news
_CLOSING = frozenset({"close", "end", "finish", "settle"})


def close_and_session(x: Claim, y: Claim) -> bool:
    """Two changes in percent, one told at the close ("shares closed down 2.1%") and one
    by a verb of moving that names no moment ("shares plunged 4.8%", "fell as much as
    5%"): a price moves through the session, so the fall at some hour and the fall at
    the close can both hold (a variant at most, never a conflict)."""
    if x.unit != "%" or y.unit != "%" or x.kind != "measure" or y.kind != "measure":
        return False
    if x.predicate is None or y.predicate is None:
        return False
    return (x.predicate in _CLOSING) != (y.predicate in _CLOSING)


def kind_of_other(x: Claim, y: Claim) -> bool:
    """Whether one of two counts counts a kind of the other's counted thing, named by it
    ("12 fire and police vehicles" / "12 fires"): two things with
    one figure, told by reports that differ on what it counts (a variant). Two figures
    apart are weighed as any two values are ("7 village houses" / "12 villages")."""
    if (x.low, x.high) != (y.low, y.high):
        return False
    return bool(
        (x.thing is not None and x.thing in y.kind_of)
        or (y.thing is not None and y.thing in x.kind_of)
    )


def _other_kinds(
    groups: dict[tuple[object, ...], list[Said]],
) -> dict[tuple[object, ...], list[Said]]:
    """Groups of one figure split where a report counts a kind of what another report
    of the group counts ("12 fire trucks" beside "12 fires"): the figure is
    one, the things are two, so the reports differ on what it is of (a variant group of
    its own, never a conflict: see :func:`relation`)."""
    out: dict[tuple[object, ...], list[Said]] = {}
    for key, members in groups.items():
        kinds = [s for s in members
                 if any(t.article_id != s.article_id and t.claim.thing is not None
                        and t.claim.thing in s.claim.kind_of for t in members)]  # fmt: skip
        if not kinds or len(kinds) == len(members):
            out[key] = members
            continue
        out[key] = [s for s in members if s not in kinds]
        for s in kinds:
            out.setdefault((*key, "kind of", s.claim.thing), []).append(s)
    return out


def _shared_places(slots: list[list[Said]]) -> list[list[Said]]:
    """``slots`` with each place of no occurrence ("leaving her car on 43rd Street in
    South Elm Park, witnesses say": a clause whose verb carries no event) also in
    every other slot of places it is compatible with: it may be the place of any
    occurrence of the fact, and first come it would be weighed against one only ("was
    struck" and "had parked" are two occurrences, two slots)."""
    out = [list(slot) for slot in slots]
    for n, slot in enumerate(slots):
        for s in slot:
            if s.claim.kind != "place" or _slot_word(s.claim) is not None:
                continue
            for k, other in enumerate(out):
                if (k != n and other[0].claim.kind == "place" and s not in other
                        and all(compatible(s, t) for t in other)):  # fmt: skip
                    other.append(s)
    return out


def _stated_together(
    values: Sequence[Sequence[Said]],
    said: Sequence[Said],
    rel: dict[tuple[int, int], Relation],
) -> dict[tuple[int, int], Relation]:
    """Two value groups whose values one article states side by side in the fact are no
    conflict: "312 yards rushing and 275 yards receiving", "leveled seven villages,
    killing 10 and wounding 70" say the two values are of two things, so a report
    giving one of them does not contradict a report giving the other (they were joined
    as one slot by their words or the claim model, not because either report says
    so). At most a variant. Only values of the slot's kind and unit whose counted thing,
    if named, is one the slot's claims name ("a mother of 7 ... fired 8 bullets"
    does not say 7 and 8 are two counts of one thing)."""
    c = values[0][0].claim
    kind = (c.kind, unit_of(c))
    things = {s.claim.thing for g in values for s in g}
    per_article: dict[str, list[Said]] = {}
    for s in said:
        if (s.claim.kind, unit_of(s.claim)) == kind and s.claim.thing in things | {None}:
            per_article.setdefault(s.article_id, []).append(s)
    keys = [{_key(s) for s in g} for g in values]
    slips = c.kind in SLIPS
    given_by_article = [{_key(s) for s in ss} for ss in per_article.values()
                        if not (slips and _beside_slip(ss) is not None)]  # fmt: skip
    both = [given for given in given_by_article if len(given) > 1]
    out = dict(rel)
    for (i, j), r in rel.items():
        if r == "conflict" and any(given & keys[i] and given & keys[j] for given in both):
            out[i, j] = "variant"
    return out


def _beside_slip(said: Sequence[Said]) -> tuple[object, ...] | None:
    """The value of one article's claims of a slot when their two values are one value
    and a slip: one written once, in a sentence of its own, beside another the article
    repeats ("a mother of 7" twice, "the mother of 8" once: 7; see
    reconcile/one_value.py). None otherwise: two values side by side in one sentence
    ("312 yards rushing and 275 yards receiving") are two things."""
    main = repeated_value(Counter(_key(s) for s in said))
    if main is None:
        return None
    lone = {s.offset for s in said if _key(s) != main}
    return None if lone & {s.offset for s in said if _key(s) == main} else main


def _unspecific(s: Said) -> bool:
    """A group's claim that says less than another of it: a post without its organisation
    ("team general manager X" beside "Hawks general manager X"), a nationality of an
    uncounted group; the group is weighed by what its most specific claim says."""
    c = s.claim
    return (c.thing == ROLE and c.word is None) or (c.thing == NATIONALITY and c.low is None)


def group_relations(
    values: Sequence[Sequence[Said]],
    places: PlaceRelation = _iso_places,
    *,
    one_slot: bool = False,
    weighing: Weighing | None = None,
) -> dict[tuple[int, int], Relation]:
    """The relation of every two value groups of one slot, read from a claim of each
    (bench/fit_relations.py replaces this to collect the pairs it learns from);
    ``weighing`` keeps each pair's signals for the gates that read them next."""
    reps = [min(g, key=_unspecific) for g in values]
    weighed = weighing or Weighing(places)

    def pair(i: int, j: int) -> tuple[Said, Said]:
        # two ages are read from the reports that tell one occurrence as the news of
        # their days, when two do: every report of a group gives its one age
        if reps[i].claim.kind == "age":
            told = ((a, b) for a in values[i] for b in values[j] if _one_news_day(a, b))
            return next(told, (reps[i], reps[j]))
        return reps[i], reps[j]

    out: dict[tuple[int, int], Relation] = {}
    for i in range(len(reps)):
        for j in range(i + 1, len(reps)):
            x, y = pair(i, j)
            out[i, j] = relation(x, y, places, one_slot=one_slot, weighed=weighed(x, y))
    return out


def _comparisons(
    label: str,
    values: list[list[Said]],
    rel: dict[tuple[int, int], Relation],
    weighing: Weighing | None = None,
) -> list[Comparison]:
    """The comparisons of one slot's value groups (see :func:`_clustered`), with the
    groups that bridge a conflict set apart: a vague or open value that two conflicting
    values lying beyond any rounding of each other both fit ("more than 100,000" between
    "120,000" and "200,000") is a variant of each, and joined with either it hid the
    conflict inside a chain of variants. (Closer conflicts stay hidden: those the
    relation decision calls between hedged times or figures a few per cent apart are
    mostly variants to a reader.) Such a group conflicts with
    no group: it is left out of the clusters, and every group is shown in one more
    comparison, a variant, so the bridge is a variant of each side while the two sides
    it bridged are compared as what they are."""
    n = len(values)
    weighed = weighing or Weighing()
    # a bound that disputes another report's figure (:func:`_disputed`) is compared with
    # that figure alone: beside the others it stays the variant it is of them, so a
    # conflict a chain of variants kept hidden (two bidders' offers) is not laid bare
    reps = [min(g, key=_unspecific) for g in values]
    disputed = [
        (i, j) for (i, j), x in rel.items()
        if x == "conflict" and (_sets_aside(reps[i].claim, reps[j].claim)
                                or _sets_aside(reps[j].claim, reps[i].claim))
    ]  # fmt: skip
    if disputed:
        rel = {e: "variant" if e in disputed else x for e, x in rel.items()}
        alone = [_comparison(label, "conflict", [values[i], values[j]]) for i, j in disputed]
        return [*(_comparisons(label, values, rel, weighing) if n > 2 else ()), *alone]

    def r(i: int, j: int) -> Relation | None:
        return rel.get((min(i, j), max(i, j)))

    conflicts = [(i, j) for (i, j), x in rel.items()
                 if x == "conflict" and _far(weighed(values[i][0], values[j][0]))]  # fmt: skip
    bridges = [
        k for k in range(n)
        if not any(k in e for e in conflicts)
        and any(r(k, i) == r(k, j) == "variant" for i, j in conflicts)
    ]  # fmt: skip
    if not bridges:
        return _clustered(label, values, rel)
    core = [k for k in range(n) if k not in bridges]
    number = {k: m for m, k in enumerate(core)}
    kept: dict[tuple[int, int], Relation] = {}
    for (i, j), x in rel.items():
        if i in number and j in number:
            # a closer conflict the bridges spanned stays hidden, as before
            hidden = x == "conflict" and (i, j) not in conflicts and any(
                r(b, i) == r(b, j) == "variant" for b in bridges)  # fmt: skip
            kept[number[i], number[j]] = "variant" if hidden else x
    return [*_clustered(label, [values[k] for k in core], kept),
            _comparison(label, "variant", values)]  # fmt: skip


FAR_FEATURES = frozenset(f"{k}_far" for k in _SCALES)


def _far(weighed: Weighed) -> bool:
    """Two values beyond any rounding of each other (``<kind>_far``: a quarter apart for
    counts, three years for ages, 45 minutes, a week)."""
    return any(weighed.named[n] for n in sorted(FAR_FEATURES))


def relative_span(c: Claim) -> bool:
    """A date read as a span counted from an unknown report date ("last week", "three
    years ago", "recently": analyze/claims.py's relative spans): no day of its own."""
    return c.kind == "date" and not c.start and c.cue == "relative"


def _clustered(
    label: str, values: list[list[Said]], rel: dict[tuple[int, int], Relation]
) -> list[Comparison]:
    """The comparisons of one slot's value groups. Groups that are variants of each other
    ("13", "some 13") form a cluster, compared as a variant; clusters are compared with
    each other as one group each ("about 13" from seven sources, "12" from one: a
    conflict), so one outlying value never makes two agreeing wordings a conflict."""
    n = len(values)
    owner = list(range(n))
    # a group whose figures are given exactly ("6:18", "5.8"), no hedge, range or bound
    exact = [all(s.claim.low is not None and s.claim.low == s.claim.high for s in g)
             for g in values]  # fmt: skip
    # a relative span ("last week", "recently") holds every day the others name: it is a
    # variant of each, never the link that makes two days one value
    spans = [all(relative_span(s.claim) for s in g) for g in values]
    # two lengths of time from the news that may be one ("eight days earlier", "a week
    # later") are one value told loosely: they form a cluster, apart from a length that
    # cannot be theirs (:func:`other_lags`); an open one ("more than two days ago")
    # holds lengths that cannot be one, so it joins none
    lags = [all((d := lag_days(s.claim)) is not None and d[1] < math.inf for s in g)
            for g in values]  # fmt: skip
    if not any(r == "conflict" and lags[i] and lags[j] for (i, j), r in rel.items()):
        lags = [False] * n  # no two lengths conflict: each stays a span as before

    def find(i: int) -> int:
        return _root(owner, i)

    def apart(edge: tuple[int, int]) -> float:
        """How far apart two groups' values are (closest wordings join first)."""
        x, y = (_point(values[k][0].claim) for k in edge)
        if x is None or y is None or values[edge[0]][0].claim.kind in {"date", "place"}:
            return 0.0
        return abs(x - y) / max(abs(x), abs(y), 1e-9)

    for (i, j), r in sorted(rel.items(), key=lambda e: (apart(e[0]), e[0])):
        if r != "variant" or find(i) == find(j):
            continue
        if (spans[i] or spans[j]) and not (lags[i] and lags[j]):
            continue
        ci = [k for k in range(n) if find(k) == find(i)]
        cj = [k for k in range(n) if find(k) == find(j)]
        if (spans[i] or spans[j]) and any(rel[min(x, y), max(x, y)] != "variant"
                                          for x in ci for y in cj):  # fmt: skip
            continue  # lengths that cannot all be one stay apart
        # two clusters with an update between them stay apart: "at least 3", "at least
        # 10" and "rose to 10" are a count that grew, not one value in three wordings (a
        # conflict inside a chain of variants stays hidden: precision over recall)
        # nor do two whose exact figures conflict: a hedged value that may be either
        # ("about 6" beside "5.8" and "6.2", "less than seven minutes" beside "6:18" and
        # "6:17") is a variant of both, not a reason to call the two alike (a conflict
        # of a hedged value inside a chain of variants stays hidden: precision)
        # ("150 miles west of X" and "around 150 miles east of X" likewise: the points
        # disagree, whatever the hedge; "at his home in X" and "at a hospice in X" likewise,
        # whatever "in X" alone, which fits both)
        if all(rel[min(x, y), max(x, y)] != "update"
               and (rel[min(x, y), max(x, y)] != "conflict" or not (
                   (exact[x] and exact[y]) or opposite_bearings(values[x][0], values[y][0])
                   or other_sites(values[x][0].claim, values[y][0].claim)))
               for x in ci for y in cj):  # fmt: skip
            owner[find(j)] = find(i)
    clusters: dict[int, list[int]] = {}
    for i in range(n):
        clusters.setdefault(find(i), []).append(i)
    out = []
    for members in clusters.values():
        if len(members) > 1:
            out.append(_comparison(label, "variant", [values[i] for i in members]))
    if len(clusters) > 1:
        worst: Relation = "variant"
        for (i, j), r in rel.items():
            if find(i) != find(j) and SEVERITY[r] > SEVERITY[worst]:
                worst = r
        # a group that is a variant of every group of the other clusters (the hedged
        # value between two that conflict) is compared as a variant with all of them,
        # not put on either side of the conflict
        bridges = [
            i
            for i in range(n)
            if worst == "conflict"
            and all(rel[min(i, j), max(i, j)] == "variant" for j in range(n) if find(j) != find(i))
        ]
        core = {k: [i for i in m if i not in bridges] for k, m in clusters.items()}
        core = {k: m for k, m in core.items() if m}
        if bridges and len(core) > 1:
            out.append(_merged(label, "variant", values, [*core.values(), *[[b] for b in bridges]]))
            clusters = core
        out.append(_merged(label, worst, values, list(clusters.values())))
    return out


def _merged(
    label: str, relation: Relation, values: list[list[Said]], clusters: list[list[int]]
) -> Comparison:
    """One comparison of clusters of value groups, each cluster one group showing the
    value most of its articles give."""
    merged = [
        sorted((s for i in members for s in values[i]), key=lambda s: s.article_id)
        for members in clusters
    ]
    shown = {
        id(m): _display(max((values[i] for i in members), key=len))
        for m, members in zip(merged, clusters, strict=True)
    }
    return _comparison(label, relation, merged, shown)


def _comparison(
    label: str, relation: Relation, groups: list[list[Said]], shown: dict[int, str] | None = None
) -> Comparison:
    ordered = sorted(groups, key=_order if relation == "update" else lambda g: (-len(g), _order(g)))
    values = _told_apart(ordered, [(shown or {}).get(id(g)) or _display(g) for g in ordered])
    return Comparison(
        slot=label,
        relation=relation,
        groups=tuple(
            ValueGroup(
                value=value,
                article_ids=tuple(dict.fromkeys(s.article_id for s in g)),
                spans=tuple(s.claim.span for s in g),
            )
            for g, value in zip(ordered, values, strict=True)
        ),
    )


def _with_noun(s: Said) -> str | None:
    """The figure as written with the noun it counts ("over 40 rifle and pistol
    magazines"), read from the claim's sentence: the words up to the counted noun, and a
    noun it is listed with right after it ("rifles and pistols")."""
    c = s.claim
    at = c.span.end - s.offset
    if not c.thing or not s.sentence or not 0 <= at <= len(s.sentence):
        return None
    rest = s.sentence[at : at + 80]

    def stem(word: str) -> str:
        return re.escape(word[:-1] if len(word) > 4 else word)  # "company": "companies"

    noun = re.search(rf"\b{stem(c.thing)}\w*", rest, re.I)
    if noun is None:
        return None
    end = noun.end()
    if c.listed:
        listed = "|".join(stem(w) for w in c.listed)
        more = re.match(rf"(?:\s*,\s*\w+)*,?\s+(?:and|or)\s+(?:{listed})\w*", rest[end:], re.I)
        end += more.end() if more else 0
    return f"{c.text}{rest[:end]}"


def _told_apart(groups: Sequence[Sequence[Said]], values: list[str]) -> list[str]:
    """Values that two groups would show alike are shown with the noun each counts: the
    groups differ in what they count ("over 40 rifles and pistols" / "over 40 rifle and
    pistol magazines"), and "over 40" against "over 40" tells a reader nothing."""
    seen = Counter(values)
    out = []
    for g, v in zip(groups, values, strict=True):
        worded = Counter(w for w in map(_with_noun, g) if w) if seen[v] > 1 else Counter()
        out.append(worded.most_common(1)[0][0] if worded else v)
    return out


def _loose(
    slots: list[list[Said]],
    same_slot: SameSlot | None = None,
    places: PlaceRelation = _iso_places,
) -> list[list[Said]]:
    """Slots of one kind and unit that no article gives a value for twice, joined: in
    sentences aligned as one fact, "destroyed 18 sites" and "targeted more than eighteen
    depots" give one value in different words (compared, as a variant at most).

    With ``same_slot`` (the fitted claim model) two such slots join only when their
    claims are more likely values of one slot than not on average, the likeliest first:
    "four skiffs" and "18 crew" of one sentence pair, or "312 yards rushing" and "275
    yards receiving", are values of different things, and comparing them made conflicts
    the texts do not hold.

    Failing the model, two slots join when every value of one can be every value of the
    other (:func:`_same_value`) and neither their occurrences' classes nor their counted
    things differ: "at least a dozen people were inside" and "about a dozen people fled",
    "escaped in Elmwood" and "the escape happened near Elmwood", worded around different
    verbs, are one value in two wordings — compared as a variant at most, since nothing
    between the two slots can disagree."""
    out: list[list[Said]] = []
    for slot in slots:
        c = slot[0].claim
        if c.kind not in {"count", "measure", "date", "time", "place"}:
            out.append(list(slot))
            continue
        best: list[Said] | None = None
        best_p = 0.0
        alike: list[Said] | None = None
        for other in out:
            o = other[0].claim
            if (o.kind, unit_of(o)) != (c.kind, unit_of(c)) or (
                {s.article_id for s in other} & {s.article_id for s in slot}
            ):
                continue
            if c.kind in {"count", "measure"} and any(
                of_others(s.claim, t.claim) for s in slot for t in other
            ):
                continue  # two people's figures, or a part against the whole
            if c.kind == "date" and any(
                other_participants(s.claim, t.claim) for s in slot for t in other
            ):
                continue  # dates of two people's occurrences
            if alike is None and all(_same_value(s, t, places) for s in slot for t in other):
                alike = other
            if c.kind == "place":
                continue  # places join only by their values
            if same_slot is None:
                best = other
                break
            found = [same_slot(s.claim, t.claim) for s in slot for t in other]
            known = [q for q in found if q is not None]
            mean = sum(known) / len(known) if known else 0.0
            if mean >= 0.5 and (best is None or mean > best_p):
                best, best_p = other, mean
        best = best if best is not None else alike
        if best is None:
            out.append(list(slot))
        else:
            best.extend(slot)
    return out


def _same_value(a: Said, b: Said, places: PlaceRelation = _iso_places) -> bool:
    """Whether two claims of one kind, worded around different occurrences, can be one
    value: their figures meet as a reader weighs them (:func:`_tight`: "about 150",
    "around 150"), their dates overlap, or one place holds the other; the occurrences are
    not of two known classes (the dead and the injured) and the counted things are not
    named differently ("four skiffs", "four crew")."""
    x, y = a.claim, b.claim
    cx, cy = _slot_word(x), _slot_word(y)
    if cx in PREDICATE_CLASSES and cy in PREDICATE_CLASSES and cx != cy:
        return False
    if x.thing and y.thing and x.thing != y.thing:
        return False
    if x.kind in {"count", "measure", "time"}:
        if _converted(x, y):
            px, py = _point(x), _point(y)
            return bool(px and py and 0.5 <= px / py <= 2.0)
        if (x.low is None and x.high is None) or (y.low is None and y.high is None):
            return False
        (xl, xh), (yl, yh) = _tight(x), _tight(y)
        return bool(xl <= yh and yl <= xh)
    if x.kind == "date":
        if x.start and y.start:
            return dates_overlap(a, b)
        return not x.start and not y.start and x.value == y.value
    if x.kind == "place":
        if x.value == y.value or (a.entity is not None and a.entity == b.entity):
            return True
        return places(x.value, y.value) in {"same", "contains", "within"}
    return False


def _names_as(s: Said, ss: Sequence[Said]) -> bool:
    """Whether a claim names an occurrence, or no relative span beside it (of ``ss``,
    one article's claims of a slot) does: a date the parse ties to nothing gives way to
    a relative span of the occurrence (see :func:`compare_claims`)."""
    return s.claim.predicate is not None or not any(
        relative_span(t.claim) and t.claim.predicate is not None for t in ss
    )


def _closeness(s: Said, named: Counter[str], own: Counter[str]) -> int:
    """How many claims of the other articles name the same occurrence as ``s`` (its
    predicate's class): those of the slot (``named``, counted by class) less those of
    its own article (``own``), so a slot's articles are read in linear time."""
    p = _slot_word(s.claim)
    return 0 if p is None else named[p] - own[p]


def _order(g: Sequence[Said]) -> tuple[str, str]:
    return (min(s.published or "" for s in g), min(s.article_id for s in g))


def pair_relation(comparisons: Sequence[Comparison], a: str, b: str) -> str:
    """The relation between two articles of one fact: that of the most severe comparison
    that puts them in different groups; "agree" when none does."""
    worst = "agree"
    for c in comparisons:
        ga = next((k for k, g in enumerate(c.groups) if a in g.article_ids), None)
        gb = next((k for k, g in enumerate(c.groups) if b in g.article_ids), None)
        if ga is None or gb is None or ga == gb:
            continue
        if worst == "agree" or SEVERITY[c.relation] > SEVERITY[worst]:
            worst = c.relation
    return worst


def said_of(
    claims: Sequence[Claim],
    entity_of: Mapping[Span, str],
    published: Mapping[str, str | None],
    sentences: Sequence[Span | tuple[Span, str]] = (),
) -> list[Said]:
    """Claims wrapped with their article's story entity and publication date, and the
    sentence (of ``sentences``: span and text) each is read from."""
    spans = [s for s in sentences if isinstance(s, tuple)]

    def sentence(c: Claim) -> tuple[str, int]:
        for sp, text in spans:
            if sp.article_id == c.span.article_id and sp.start <= c.span.start < sp.end:
                return text, sp.start
        return "", 0

    return [
        Said(
            c.span.article_id,
            c,
            entity_of.get(c.mention) if c.mention else None,
            published.get(c.span.article_id),
            *sentence(c),
        )
        for c in claims
    ]
