"""Timeline and ACLED-style event records built from a story's facts.

A fact describes an event when its wording names an ACLED sub-event type
(:mod:`.event_types`) and it tells of an occurrence: dated to the story's time,
or undated but in the past tense. A fact whose occurrence ended more than a year
before the story is background (what a group did years ago) and makes no
event, though the timeline keeps it with its own date; an undated statement of
what is or will be ("the alliance serves as …") makes none either. Dates are the
occurrence's, not every date a sentence names (:mod:`.event_dates`).

Dated facts lead events. Facts join one event only when nothing sets them
apart: their dates overlap (or one is undated), they name no different
subdivisions, they name no specific actor that none of the event's facts names,
and they share a specific actor, place or neighbouring sentence with one. A raid
elsewhere that an article mentions keeps its own actors and place, so it stays
its own event. An event's dates are the span its facts' dates share; its
``time_precision`` is ACLED's for that span.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

import pycountry

from ..geo.locate import locate_event
from ..records import Entity, Event, Fact, GeoFeature, TimelineEntry
from .event_dates import is_background, occurrence, reference_date, time_precision
from .event_types import EVENT_TYPE, SUB_EVENT_NAME, classify_many

_KILLED = re.compile(r"\b(?:killed|dead|died|deaths?|fatalities|lives)\b", re.I)
ACTOR_TYPES = frozenset({"ORG", "PERSON", "NORP"})
SEVERITY = [
    "Battles", "Explosions/Remote violence", "Violence against civilians", "Riots", "Protests",
    "Strategic developments",
]  # fmt: skip


def occurrences(facts: Sequence[Fact]) -> dict[str, tuple[str, str] | None]:
    """Each fact's occurrence dates (ISO start, end) by fact id: see :mod:`.event_dates`."""
    reference = reference_date(facts)
    return {f.id: occurrence(f, reference) for f in facts}


def timeline(facts: Sequence[Fact]) -> tuple[TimelineEntry, ...]:
    """Dated facts in date order, each at its occurrence; facts of the same dates share an entry."""
    by_dates: dict[tuple[str, str], list[Fact]] = {}
    dated = occurrences(facts)
    for f in facts:
        when = dated[f.id]
        if when is not None:
            by_dates.setdefault(when, []).append(f)
    return tuple(
        TimelineEntry(start, end, fs[0].summary, tuple(f.id for f in fs))
        for (start, end), fs in sorted(by_dates.items())
    )


def _fatalities(fact: Fact) -> int | None:
    best = None
    for st in fact.statements:
        for q in st.quantities:
            if q.value_low is None or q.ordinal or not q.exact:
                continue
            after = st.text[q.span.end - st.span.start : q.span.end - st.span.start + 30]
            before = st.text[
                max(0, q.span.start - st.span.start - 25) : q.span.start - st.span.start
            ]
            if _KILLED.search(after.split(",")[0]) or re.search(r"killing\s*$", before):
                best = max(best or 0, int(q.value_low))
    return best


def build_events(facts: Sequence[Fact], entities: Sequence[Entity]) -> tuple[Event, ...]:
    """Events of the story, most supported first."""
    kinds = {e.id: e for e in entities}
    # entities in more than half of the facts (the story's subject) do not tell events apart
    counts = Counter(e for f in facts for e in {x for st in f.statements for x in st.entities})
    common = {e for e, c in counts.items() if c > len(facts) / 2}
    actors = {e.id for e in entities if e.type in {"ORG", "PERSON"}} - common
    reference = reference_date(facts)
    dated = {f.id: occurrence(f, reference) for f in facts}
    typed: list[tuple[Fact, str]] = []
    for f, code in zip(facts, classify_many([f.summary for f in facts]), strict=True):
        # background makes no event; nor does an undated statement of what is, will be
        # or is thought ("the alliance serves as …", "we will continue …, he said")
        if code is None or is_background(dated[f.id], reference):
            continue
        if dated[f.id] is not None or reports_occurrence(f.summary):
            typed.append((f, code))
    groups: list[list[tuple[Fact, str]]] = []

    # dated facts lead (an ACLED event has a date), the most supported first;
    # among equals, the most violent type
    def rank(fc: tuple[Fact, str]) -> tuple[bool, int, int, str]:
        f, code = fc
        return (dated[f.id] is None, -f.independent_sources, SEVERITY.index(EVENT_TYPE[code]), f.id)

    for f, code in sorted(typed, key=rank):
        for g in groups:
            if _joins(f, [other for other, _ in g], actors, common, dated):
                g.append((f, code))
                break
        else:
            groups.append([(f, code)])
    out = []
    for n, g in enumerate(groups, 1):
        _lead, code = g[0]
        fs = [f for f, _ in g]
        ents = Counter(x for f in fs for st in f.statements for x in st.entities)
        names = [kinds[e].name for e, _ in ents.most_common() if kinds[e].type in ACTOR_TYPES]
        places = Counter(p for f in fs for st in f.statements for p in st.places)
        country, admin1 = _country_admin1(places)
        located = [kinds[e] for e, _ in ents.most_common()
                   if (kinds[e].type in {"GPE", "LOC", "FAC"} and (kinds[e].place or "").count("-"))
                   or (kinds[e].type in {"GPE", "LOC", "FAC"} and not kinds[e].place)]  # fmt: skip
        geos = [kinds[e].geo for e, _ in ents.most_common()]
        codes = [p for p, _ in places.most_common()]
        spot, precision = locate_event([g for g in geos if g is not None], codes)
        deaths = [d for d in (_fatalities(f) for f in fs) if d is not None]
        # members' dates overlap pairwise, so they share a span: the tightest the reports allow
        when = [d for d in (dated[f.id] for f in fs) if d is not None]
        start = max((s for s, _ in when), default=None)
        end = min((e for _, e in when), default=None)
        out.append(
            Event(
                f"ev{n}",
                start,
                end,
                EVENT_TYPE[code],
                SUB_EVENT_NAME[code],
                tuple(names[:5]),
                country,
                admin1,
                located[0].name if located else admin1 or country,
                max(deaths) if deaths else None,
                tuple(f.id for f in fs),
                time_precision=time_precision(start, end),
            )
        )
        out[-1] = replace(out[-1], **_placed(spot, precision))
    return tuple(out)


def _placed(spot: GeoFeature | None, precision: int | None) -> dict[str, Any]:
    """The event's point and geo_precision; its admin1 and location when the place
    is more specific than a country (see :func:`newsprism.geo.locate.locate_event`)."""
    if spot is None:
        return {}
    out: dict[str, Any] = {"latitude": spot.latitude, "longitude": spot.longitude,
                           "geo_precision": precision}  # fmt: skip
    country = pycountry.countries.get(alpha_2=spot.country_code)
    if country is not None:  # the country of the point (the facts' own, when they name one)
        out["country"] = getattr(country, "common_name", None) or country.name
    if spot.feature_code not in {"PCLI", "CONT"}:
        out["location"] = spot.name
        if spot.admin1_name:
            out["admin1"] = spot.admin1_name
    return out


def _joins(
    f: Fact,
    group: Sequence[Fact],
    actors: set[str],
    common: set[str],
    dated: dict[str, tuple[str, str] | None],
) -> bool:
    """``f`` reports the event of ``group``: it names none of its own specific actors
    apart from the group's, nothing else sets it apart from a member, and it shares a
    specific actor, place or neighbouring sentence with one."""
    mine = {x for st in f.statements for x in st.entities} & actors
    theirs = {x for g in group for st in g.statements for x in st.entities} & actors
    if mine and theirs and not mine & theirs:
        return False
    return all(_same_event(f, g, dated) for g in group) and any(
        _shared(f, g, common) for g in group
    )


def _same_event(a: Fact, b: Fact, dated: dict[str, tuple[str, str] | None]) -> bool:
    da, db = dated[a.id], dated[b.id]
    if da and db and not (da[0] <= db[1] and db[0] <= da[1]):
        return False
    sa = {p for st in a.statements for p in st.places if "-" in p}
    sb = {p for st in b.statements for p in st.places if "-" in p}
    return not (sa and sb and not sa & sb)


_PAST = re.compile(
    r"\b(?:[a-z]{3,}ed|was|were|had|did|been|took|fought|hit|shot|struck|seized|began|fled"
    r"|threw|blew|won|lost|broke|fell|overran|ran|drove|made|set|held|sent|came|went|gave"
    r"|kept|met|beat|caught|brought|built|left|led|stole|spread|tore|burnt|dug|froze)\b"
)
_QUOTED = re.compile(r"[“\"][^”\"]*[”\"]")
# the report's own verbs: that someone said so is no occurrence of the event
_REPORTING = re.compile(
    r"\b(?:announced|added|stated|emphasi[sz]ed|noted|reported|confirmed|declared|claimed"
    r"|warned|stressed|explained|argued|suggested|insisted)\b",
    re.I,
)


def reports_occurrence(text: str) -> bool:
    """True when ``text`` tells of something that happened: a verb in the past outside
    quotation marks, other than the report's own ("announced", "said"). What a group
    is, does or will do ("the alliance serves as …", "officials argue that …")
    reports none.

    >>> reports_occurrence("Gunmen stormed a bank."), reports_occurrence("The pact serves all.")
    (True, False)
    """
    return bool(_PAST.search(_REPORTING.sub(" ", _QUOTED.sub(" ", text))))


def _shared(a: Fact, b: Fact, common: set[str]) -> bool:
    # consecutive sentences of one article tell one event ("… carried out raids …
    # The raid led to fierce battles …")
    for x in a.statements:
        for y in b.statements:
            if x.span.article_id == y.span.article_id and (
                0 <= y.span.start - x.span.end <= 3 or 0 <= x.span.start - y.span.end <= 3
            ):
                return True
    ea = {x for st in a.statements for x in st.entities} - common
    eb = {x for st in b.statements for x in st.entities} - common
    pa = {p for st in a.statements for p in st.places if "-" in p}
    pb = {p for st in b.statements for p in st.places if "-" in p}
    return bool(ea & eb or pa & pb)


def _country_admin1(places: Counter[str]) -> tuple[str | None, str | None]:
    subs = [p for p, _ in places.most_common() if "-" in p]
    countries = [p for p, _ in places.most_common() if "-" not in p]
    code = subs[0].split("-")[0] if subs else (countries[0] if countries else None)
    country = pycountry.countries.get(alpha_2=code) if code else None
    admin = pycountry.subdivisions.get(code=subs[0]) if subs else None  # type: ignore[no-untyped-call,unused-ignore]
    return (
        getattr(country, "common_name", None) or getattr(country, "name", None),
        getattr(admin, "name", None),
    )
