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

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from ..analyze.claims import predicate_class
from ..records import Claim, Comparison, Relation, Span, ValueGroup

SEVERITY: dict[str, int] = {"variant": 1, "update": 2, "conflict": 3}

PlaceRelation = Callable[[str, str], str]


@dataclass(frozen=True)
class Said:
    """One article's claim inside a fact."""

    article_id: str
    claim: Claim
    entity: str | None  # the story entity of the claim's mention, when it has one
    published: str | None


def _slot_word(c: Claim) -> str | None:
    return predicate_class(c.predicate)


def compatible(a: Said, b: Said) -> bool:
    """Whether two claims are values of one slot (what a reader would compare)."""
    x, y = a.claim, b.claim
    if x.kind != y.kind or (x.unit or "") != (y.unit or ""):
        return False
    px, py = _slot_word(x), _slot_word(y)
    if x.kind == "age":
        # whose age: the same named person, else the same noun ("a 14-year-old boy")
        if a.entity and b.entity:
            return a.entity == b.entity
        return x.thing is not None and x.thing == y.thing
    if x.kind == "actor":
        return px == py and x.thing == y.thing
    same_pred = px is not None and px == py
    if x.kind in {"date", "time"} and px and py and not same_pred:
        # differently worded occurrences of one clause: "convicted …" and "returned to
        # prison … to serve a life sentence" meet in "serve"
        return bool(set(x.context) & set(y.context))
    if px and py and not same_pred:
        return False
    if x.kind in {"count", "measure"}:
        # at least one of what happened and what is counted must be named on both sides;
        # one occurrence counted in different nouns ("15 sites", "15 caches") compares,
        # as a variant at most (see _numbers)
        return same_pred or (x.thing is not None and x.thing == y.thing)
    return True  # dates and places: the same occurrence, or one side does not say


def _display(group: Sequence[Said]) -> str:
    """A group's value as most of its articles write it: a date as written ("between
    November 24 and 27"), a number normalised ("more than 15")."""
    from collections import Counter

    def shown(c: Claim) -> str:
        if c.kind in {"date", "time", "place", "actor"}:
            return re.sub(r"^(?:on|in|at|from|during)\s+", "", c.text, flags=re.I)
        return c.value

    return Counter(shown(s.claim) for s in group).most_common(1)[0][0]


def _most(values: Sequence[str | None]) -> str | None:
    from collections import Counter

    found = Counter(v for v in values if v)
    return found.most_common(1)[0][0] if found else None


def slot_label(claims: Sequence[Claim]) -> str:
    """What the compared value is of, as a reader reads it: "killed: people"."""
    c = claims[0]
    pred = _most([_slot_word(x) for x in claims])
    thing = _most([x.thing for x in claims])
    if c.kind == "date":
        return f"date of: {pred or 'event'}"
    if c.kind == "time":
        return f"time of: {pred or 'event'}"
    if c.kind == "place":
        return f"place of: {pred or 'event'}"
    if c.kind == "actor":
        return f"{'who' if thing == 'agent' else 'whom'}: {pred}"
    if c.kind == "age":
        return f"age of: {thing or 'person'}"
    return f"{pred or 'number'}: {thing or c.unit or 'number'}"


def _key(s: Said) -> tuple[object, ...]:
    c = s.claim
    if c.kind in {"count", "measure", "age"}:
        return (c.low, c.high)
    if c.kind == "date" and not c.start:
        return ("weekday", c.value)
    if c.kind == "date":
        return _dates(c)
    if c.kind == "time":
        return (c.low, c.high)
    if c.kind == "actor" and s.entity:
        return (s.entity,)
    if c.kind == "place" and s.entity and not c.value[:2].isupper():
        return (s.entity,)
    return (c.value,)


def _dates(c: Claim) -> tuple[str, str]:
    start, end = c.start or "", c.end or c.start or ""
    if not c.year_known:
        return start[-5:], end[-5:]
    return start, end


def _numbers(a: Said, b: Said) -> Relation:
    x, y = a.claim, b.claim
    xl = x.low if x.low is not None else float("-inf")
    xh = x.high if x.high is not None else float("inf")
    yl = y.low if y.low is not None else float("-inf")
    yh = y.high if y.high is not None else float("inf")
    if xl <= yh and yl <= xh:
        return "variant"
    if x.thing and y.thing and x.thing != y.thing:
        return "variant"  # "12 people" and "3 children": perhaps a part of the whole
    if x.kind == "age" or x.kind == "measure":
        return "conflict"
    high, low = (a, b) if xl > yh else (b, a)
    later = (high.published or "") > (low.published or "") and low.published is not None
    if later or high.claim.cue or low.claim.cue:
        return "update"
    return "conflict"


def _weekday(c: Claim) -> str | None:
    """The weekday a claim names or falls on (None: a longer span, or no year)."""
    if not c.start:
        return c.value
    if c.year_known and c.start == (c.end or c.start) and len(c.start) == 10:
        from datetime import date

        return date.fromisoformat(c.start).strftime("%A")
    return None


_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
_FUZZY = re.compile(r"\b(?:week|weekend|recent|recently|earlier|later|last|past|ago)\b", re.I)


def _dates_relation(a: Said, b: Said) -> Relation:
    if _FUZZY.search(a.claim.text) or _FUZZY.search(b.claim.text):
        return "variant"  # "last week", "earlier this month": reckoned from each report's day
    if not a.claim.start or not b.claim.start:
        wa, wb = _weekday(a.claim), _weekday(b.claim)
        return "conflict" if wa and wb and wa != wb else "variant"
    xs, xe = _dates(a.claim)
    ys, ye = _dates(b.claim)
    written = _YEAR.search(a.claim.text) and _YEAR.search(b.claim.text)
    if not a.claim.year_known or not b.claim.year_known or not written:
        # a year reckoned from a report's own date is no evidence against a written one
        xs, xe, ys, ye = xs[-5:], xe[-5:], ys[-5:], ye[-5:]
    if xs <= ye and ys <= xe:
        return "variant"
    return "conflict"


def _iso_places(a: str, b: str) -> str:
    """same | contains | within | disjoint | unknown, from ISO 3166 codes alone."""
    if not (a[:2].isupper() and b[:2].isupper()):
        return "unknown"
    if a == b:
        return "same"
    if b.startswith(a + "-"):
        return "contains"
    if a.startswith(b + "-"):
        return "within"
    return "disjoint"


def gazetteer_places(claims: Sequence[Claim]) -> PlaceRelation:
    """A place relation for the story's place claims, read from the GeoNames gazetteer
    (:mod:`newsprism.geo`): each place resolved once, weighing the story's other places;
    two towns of one second-level region are never called disjoint (a town and the city
    beside it, "Malibu" and "Los Angeles"). Places the gazetteer does not know fall back
    to ISO 3166 codes."""
    texts: dict[str, str] = {}
    for c in claims:
        if c.kind == "place":
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

    def relate(a: str, b: str) -> str:
        fa, fb = feature.get(a), feature.get(b)
        if fa is None or fb is None:
            return _iso_places(a, b)
        found = relate_places(fa, fb)
        if found == "disjoint" and fa.admin2 and fa.admin2 == fb.admin2 and (
            fa.country_code, fa.admin1) == (fb.country_code, fb.admin1):  # fmt: skip
            return "contains"
        return found

    return relate


def relation(a: Said, b: Said, places: PlaceRelation = _iso_places) -> Relation:
    """How two different values of one slot relate."""
    kind = a.claim.kind
    if kind in {"count", "measure", "age"}:
        return _numbers(a, b)
    if kind == "time":
        x, y = a.claim, b.claim
        overlap = (x.low or 0) <= (y.high or 0) and (y.low or 0) <= (x.high or 0)
        return "variant" if overlap else "conflict"
    if kind == "date":
        return _dates_relation(a, b)
    if kind == "place":
        found = places(a.claim.value, b.claim.value)
        return "conflict" if found == "disjoint" else "variant"
    return "variant"  # actors: two names for one role may be one person, or two


def compare_claims(
    said: Sequence[Said], places: PlaceRelation = _iso_places, *, one_slot: bool = False
) -> tuple[Comparison, ...]:
    """The comparisons of one fact: a slot per set of compatible claims of two articles
    or more, with its value groups and the relation between them (None when all agree).
    With ``one_slot`` the claims are already known to be values of one slot.

    Only slots whose articles give two or more different values become comparisons.
    """
    slots: list[list[Said]] = [list(said)] if one_slot and said else []
    for s in () if one_slot else said:
        for slot in slots:
            if all(compatible(s, t) for t in slot):
                slot.append(s)
                break
        else:
            slots.append([s])
    if not one_slot:
        slots = _loose(slots)
    out = []
    for slot in slots:
        per_article: dict[str, list[Said]] = {}
        for s in slot:
            per_article.setdefault(s.article_id, []).append(s)
        # an article that gives two values for one slot is compared by the one of the same
        # occurrence as the other articles' claims, else not at all
        single = []
        for aid, ss in per_article.items():
            others = [t for t in slot if t.article_id != aid]
            best = max(_closeness(x, others) for x in ss)
            kept = [x for x in ss if _closeness(x, others) == best]
            if len({_key(x) for x in kept}) == 1:
                single.append(kept[0])
        if len(single) < 2:
            continue
        groups: dict[tuple[object, ...], list[Said]] = {}
        for s in single:
            groups.setdefault(_key(s), []).append(s)
        if len(groups) < 2:
            continue
        label = slot_label([s.claim for s in slot])
        values = list(groups.values())
        reps = [g[0] for g in values]
        rel: dict[tuple[int, int], Relation] = {}
        for i, x in enumerate(reps):
            for j in range(i + 1, len(reps)):
                r = relation(x, reps[j], places)
                if r == "conflict" and not one_slot and not compatible(x, reps[j]):
                    r = "variant"  # values of differently worded occurrences: never a conflict
                rel[i, j] = r
        out.extend(_comparisons(label, values, rel))
    return tuple(out)


def _comparisons(
    label: str, values: list[list[Said]], rel: dict[tuple[int, int], Relation]
) -> list[Comparison]:
    """The comparisons of one slot's value groups. Groups that are variants of each other
    ("13", "some 13") form a cluster, compared as a variant; clusters are compared with
    each other as one group each ("about 13" from seven sources, "12" from one: a
    conflict), so one outlying value never makes two agreeing wordings a conflict."""
    n = len(values)
    owner = list(range(n))

    def find(i: int) -> int:
        while owner[i] != i:
            i = owner[i]
        return i

    for (i, j), r in sorted(rel.items()):
        if r == "variant":
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
        merged = [
            sorted((s for i in members for s in values[i]), key=lambda s: s.article_id)
            for members in clusters.values()
        ]
        # a cluster shows the value most of its articles give
        shown = {
            id(m): _display(max((values[i] for i in members), key=len))
            for m, members in zip(merged, clusters.values(), strict=True)
        }
        out.append(_comparison(label, worst, merged, shown))
    return out


def _comparison(
    label: str, relation: Relation, groups: list[list[Said]], shown: dict[int, str] | None = None
) -> Comparison:
    ordered = sorted(groups, key=_order if relation == "update" else lambda g: (-len(g), _order(g)))
    return Comparison(
        slot=label,
        relation=relation,
        groups=tuple(
            ValueGroup(
                value=(shown or {}).get(id(g)) or _display(g),
                article_ids=tuple(dict.fromkeys(s.article_id for s in g)),
                spans=tuple(s.claim.span for s in g),
            )
            for g in ordered
        ),
    )


def _loose(slots: list[list[Said]]) -> list[list[Said]]:
    """Slots of one kind and unit that no article gives a value for twice, joined: in
    sentences aligned as one fact, "destroyed 15 sites" and "targeted more than fifteen
    depots" give one value in different words (compared, as a variant at most)."""
    out: list[list[Said]] = []
    for slot in slots:
        c = slot[0].claim
        if c.kind in {"count", "measure", "date", "time"}:
            for other in out:
                o = other[0].claim
                if (o.kind, o.unit) == (c.kind, c.unit) and not (
                    {s.article_id for s in other} & {s.article_id for s in slot}
                ):
                    other.extend(slot)
                    break
            else:
                out.append(list(slot))
        else:
            out.append(list(slot))
    return out


def _closeness(s: Said, others: Sequence[Said]) -> int:
    """How many of ``others`` name the same occurrence as ``s`` (its predicate's class)."""
    p = _slot_word(s.claim)
    return sum(1 for t in others if p is not None and _slot_word(t.claim) == p)


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
) -> list[Said]:
    """Claims wrapped with their article's story entity and publication date."""
    return [
        Said(
            c.span.article_id,
            c,
            entity_of.get(c.mention) if c.mention else None,
            published.get(c.span.article_id),
        )
        for c in claims
    ]
