"""Timeline and ACLED-style event records built from a story's facts.

A fact describes an event when its wording matches an ACLED sub-event type
(:mod:`.event_types`). Facts join one event only when nothing sets them apart:
their dates overlap (or one is undated), they name no different subdivisions,
and they share a specific actor or place. A raid elsewhere that an article
mentions as background keeps its own actors and place, so it stays its own event.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

import pycountry

from ..records import Entity, Event, Fact, TimelineEntry
from .event_types import EVENT_TYPE, SUB_EVENT_NAME, classify

_KILLED = re.compile(r"\b(?:killed|dead|died|deaths?|fatalities|lives)\b", re.I)
ACTOR_TYPES = frozenset({"ORG", "PERSON", "NORP"})
SEVERITY = [
    "Battles", "Explosions/Remote violence", "Violence against civilians", "Riots", "Protests",
    "Strategic developments",
]  # fmt: skip


def timeline(facts: Sequence[Fact]) -> tuple[TimelineEntry, ...]:
    """Dated facts in date order; facts of the same dates share an entry."""
    by_dates: dict[tuple[str, str], list[Fact]] = {}
    for f in facts:
        if f.date_start:
            by_dates.setdefault((f.date_start, f.date_end or f.date_start), []).append(f)
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
    typed: list[tuple[Fact, str]] = []
    for f in facts:
        code = classify(" ".join(st.text for st in f.statements))
        if code is not None:
            typed.append((f, code))
    groups: list[list[tuple[Fact, str]]] = []

    # the most supported fact leads; among equals, the most violent type
    def rank(fc: tuple[Fact, str]) -> tuple[int, int, str]:
        return (-fc[0].independent_sources, SEVERITY.index(EVENT_TYPE[fc[1]]), fc[0].id)

    for f, code in sorted(typed, key=rank):
        for g in groups:
            if all(_same_event(f, other, actors) for other, _ in g) and any(
                _shared(f, other, common) for other, _ in g
            ):
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
        deaths = [d for d in (_fatalities(f) for f in fs) if d is not None]
        starts = [f.date_start for f in fs if f.date_start]
        ends = [f.date_end for f in fs if f.date_end]
        out.append(
            Event(
                f"ev{n}",
                min(starts) if starts else None,
                max(ends) if ends else None,
                EVENT_TYPE[code],
                SUB_EVENT_NAME[code],
                tuple(names[:5]),
                country,
                admin1,
                located[0].name if located else admin1 or country,
                max(deaths) if deaths else None,
                tuple(f.id for f in fs),
            )
        )
    return tuple(out)


def _same_event(a: Fact, b: Fact, actors: set[str]) -> bool:
    # each names its own specific actors and they share none: two events
    aa = {x for st in a.statements for x in st.entities} & actors
    ab = {x for st in b.statements for x in st.entities} & actors
    if aa and ab and not aa & ab:
        return False
    if a.date_start and b.date_start and not (a.date_start <= (b.date_end or b.date_start)
            and b.date_start <= (a.date_end or a.date_start)):  # fmt: skip
        return False
    sa = {p for st in a.statements for p in st.places if "-" in p}
    sb = {p for st in b.statements for p in st.places if "-" in p}
    return not (sa and sb and not sa & sb)


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
