"""The conflict gate: which conflicts the relation decision calls between two value
groups a report shows.

The relation model (:func:`newsprism.reconcile.claims.relation`) learnt from gold
pairs, which are one fact by construction; the pairs the pipeline compares also join
values of two different things (two occurrences, a background figure, two places'
populations) that look like a conflict to it. The gate is a small logistic model
(``gate_model.json`` beside this module, refitted by bench/fit_gate.py on every
conflict the gold stories printed) over the features named in GATE_FEATURES.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np

from ..fit import LogisticModel, load_model
from ..records import Claim, Relation
from .built import built_apart
from .claims import (
    FAR_FEATURES,
    PlaceRelation,
    Said,
    Weighed,
    Weighing,
    _iso_places,
    _point,
    _slot_word,
    _words,
    opposite_bearings,
    other_streets,
    unit_of,
    weigh,
)
from .date_rules import WEEKDAYS, YEAR
from .occurrence import one_fleet, one_inventory

GATE_FEATURES = (
    "number", "date", "time", "age", "place", "actor", "one_slot", "p_conflict",
    "same_predicate", "same_thing", "thing_unnamed", "things_differ", "same_context",
    "both_lead", "one_lead", "late", "year_given", "no_year", "far", "gap", "hedged",
    "round_figure", "running", "sizes", "single", "overlap", "same_unit",
    "sentence_similarity", "past_year", "other_weekday", "aside", "same_sentence_kind",
    "small", "ratio", "spelled", "hedged_number", "actor_named",
)  # fmt: skip
_CONTENT = re.compile(r"[^\W\d_]{4,}")
_ASIDE = re.compile(r"(?:,|\(|\b(?:which|who|whose|where)\b)[^,;()]{0,40}$", re.I)


def content_words(text: str) -> set[str]:
    """The words of four letters or more of a text, lower-cased: what two sentences share."""
    return {w.lower() for w in _CONTENT.findall(text)}


def _past_year(s: Said) -> bool:
    """The claim's sentence names a year before the report's own."""
    if not s.published or not s.published[:4].isdigit():
        return False
    return any(int(y) < int(s.published[:4]) for y in YEAR.findall(s.sentence))


def aside(s: Said) -> bool:
    """The value stands in an aside of its sentence: after a comma, a bracket or a
    relative word with no other clause break between ("a town of about 15,000 people",
    "..., which killed 12 in 2009")."""
    start = s.claim.span.start - s.offset
    if not s.sentence or not 0 < start <= len(s.sentence):
        return False
    return bool(_ASIDE.search(s.sentence[:start]))


GATE_MODEL_PATH = Path(__file__).with_name("gate_model.json")
# kinds the gate leaves to the relation decision: a different person named is a
# disagreement a reader checks; dates have a gate of their own (date_gate.py: the
# features of amounts could not tell one occurrence's date given two ways from two
# occurrences' dates)
_UNGATED = frozenset({"actor", "date"})
LEAD = 600  # characters: the opening paragraphs, where a report states its own news


def gate_features(
    gi: Sequence[Said], gj: Sequence[Said], places: PlaceRelation = _iso_places,
    *, one_slot: bool = False, weighed: Weighed | None = None,
) -> list[float]:  # fmt: skip
    """What tells two groups the relation decision calls a conflict apart from two values
    of two different things the pipeline happened to join (see GATE_FEATURES): the kind
    of value, whether the claims name one occurrence and one counted thing, how sure the
    relation model is, where in their reports the values stand (the lead states the
    story's own news; a figure deep in a report is often background), and how many
    reports give each value. ``weighed``: the first claims' relation signals when the
    caller has them (:func:`newsprism.reconcile.claims.weigh`)."""
    a, b = gi[0], gj[0]
    x, y = a.claim, b.claim
    kind = "number" if x.kind in {"count", "measure", "record"} else x.kind
    f = dict.fromkeys(GATE_FEATURES, 0.0)
    if kind in f:
        f[kind] = 1.0
    f["one_slot"] = float(one_slot)
    w = weighed if weighed is not None else weigh(a, b, places)
    named = w.named
    f["p_conflict"] = w.probs.get("conflict", 0.0)
    px, py = _slot_word(x), _slot_word(y)
    # one occurrence: one verb (or class), or one inventory told with different verbs
    f["same_predicate"] = float(
        (px is not None and px == py) or one_inventory(x, y) or one_fleet(a, b)
    )
    f["same_thing"] = float(bool(x.thing and x.thing == y.thing))
    f["thing_unnamed"] = float(not x.thing or not y.thing)
    f["things_differ"] = named["things_differ"]
    cx, cy = {*x.context, x.predicate or ""} - {""}, {*y.context, y.predicate or ""} - {""}
    f["same_context"] = len(cx & cy) / len(cx | cy) if cx | cy else 0.0
    lead = [x.span.start < LEAD, y.span.start < LEAD]
    f["both_lead"] = float(all(lead))
    f["one_lead"] = float(any(lead) and not all(lead))
    f["late"] = min(1.0, min(x.span.start, y.span.start) / 5000)
    f["year_given"] = float(bool(YEAR.search(x.text) or YEAR.search(y.text)))
    f["no_year"] = float(not x.year_known or not y.year_known)
    f["far"] = float(any(named[k] for k in FAR_FEATURES))
    for k in ("gap", "hedged", "round_figure", "running", "overlap"):
        f[k] = named[k]
    f["sizes"] = float(np.log1p(min(len(gi), len(gj))))
    f["single"] = float(min(len(gi), len(gj)) == 1)
    f["same_unit"] = float(unit_of(x) == unit_of(y))
    wa, wb = content_words(a.sentence), content_words(b.sentence)
    f["sentence_similarity"] = len(wa & wb) / len(wa | wb) if wa and wb else 0.0
    f["past_year"] = float(_past_year(a) or _past_year(b))
    da = {w for w in WEEKDAYS if w in a.sentence}
    db = {w for w in WEEKDAYS if w in b.sentence}
    f["other_weekday"] = float(bool(da and db and not da & db))
    f["aside"] = float(aside(a) or aside(b))
    f["same_sentence_kind"] = float(aside(a) == aside(b))
    if kind == "number":
        mx, my = _point(x), _point(y)
        if mx is not None and my is not None:
            f["small"] = float(max(abs(mx), abs(my)) <= 12)
            lo, hi = sorted((abs(mx), abs(my)))
            f["ratio"] = min(3.0, float(np.log((hi + 1) / (lo + 1))))
        f["spelled"] = float(not any(ch.isdigit() for ch in x.text + y.text))
        f["hedged_number"] = named["hedged"]
    if kind == "actor":
        f["actor_named"] = float(bool(_words(x.text) & _words(y.text)))
    return [f[n] for n in GATE_FEATURES]


@lru_cache(maxsize=1)
def gate_model() -> tuple[LogisticModel, float] | None:
    """The fitted conflict gate shipped beside this module (bench/fit_gate.py) and its
    threshold, None when none is shipped (every conflict is then shown)."""
    if not GATE_MODEL_PATH.exists():
        return None
    data = json.loads(GATE_MODEL_PATH.read_text("utf-8"))
    return load_model(data), float(data["threshold"])


def conflict_gate(
    gi: Sequence[Said],
    gj: Sequence[Said],
    places: PlaceRelation,
    one_slot: bool,
    weighed: Weighed | None = None,
) -> bool:
    """Whether a conflict the relation decision calls between two value groups is shown
    (bench/fit_gate.py replaces this to collect the pairs it learns from)."""
    found = gate_model()
    if found is None:
        return True
    model, threshold = found
    row = gate_features(gi, gj, places, one_slot=one_slot, weighed=weighed)
    p = model.scores(np.array([[row[GATE_FEATURES.index(n)] for n in model.features]]))
    return bool(p[0][model.classes.index("1")] >= threshold)


def _exact_game_time(c: Claim) -> bool:
    """A time played in a round or period given to the second ("38 seconds into the
    fifth round", "at the 2:20 mark"): news times a stoppage or a knockout, the one
    moment of a bout, so two of one slot that differ are a disagreement a reader checks,
    like a person named; the gate's features (a gap in minutes of a day) read them as
    far apart and held it back. Times left on a game clock stay gated: a report times
    many baskets (let through, 15 printed pairs of two plays' clocks)."""
    return c.kind == "time" and c.unit == "elapsed" and c.low is not None and c.low == c.high


def gated(
    values: Sequence[Sequence[Said]],
    rel: Mapping[tuple[int, int], Relation],
    places: PlaceRelation = _iso_places,
    *,
    one_slot: bool = False,
    weighing: Weighing | None = None,
) -> frozenset[tuple[int, int]]:
    """The pairs of value groups called a conflict that the conflict gate holds back.
    The relation model learnt from gold pairs, which are one fact by construction; the
    pairs the pipeline compares also join values of two different things (two
    occurrences, a background date, two places' populations) that look like a conflict
    to it. The gate, fitted on every conflict of amounts and times the reports printed
    (backed by a gold conflict or not), says which to show, and the date gate
    (date_gate.py) which conflicts of dates (actors are left to the relation decision,
    see _UNGATED); one held is not compared at all, never shown as a variant either (a
    variant of two different things is as wrong). ``weighing``: the pairs' relation
    signals the relation decision built (each pair is weighed once)."""
    from . import date_gate  # its features are built of this module's

    weighed = weighing or Weighing(places)

    def shown(i: int, j: int) -> bool:
        gi, gj = values[i], values[j]
        kind = gi[0].claim.kind
        if kind == "date" and built_apart(gi[0].claim, gj[0].claim):
            return True  # a year of building and a structure's age: one building's
        if kind == "date":
            return date_gate.date_conflict_shown(gi, gj, weighed(gi[0], gj[0]))
        if (kind in _UNGATED or opposite_bearings(gi[0], gj[0])
                or (kind == "place" and other_streets(gi[0].claim.value, gj[0].claim.value))
                or all(_exact_game_time(g[0].claim) for g in (gi, gj))):  # fmt: skip
            # a spot told two ways from one place ("west of Lorne", "east of Lorne") or
            # on two streets of one name ("Maple Street", "Maples Road"): nothing of two
            # different things joined, which the gate learnt to hold; two times played
            # in one round (see _exact_game_time)
            return True
        return conflict_gate(gi, gj, places, one_slot, weighed(gi[0], gj[0]))

    return frozenset((i, j) for (i, j), r in rel.items() if r == "conflict" and not shown(i, j))
