"""Where an event happened, and which gazetteer feature each place entity is.

An event is placed at the most specific place its facts name, among the places
of the country they name most (a town named in passing abroad does not move
it) and not outside a region they name. ACLED's geo_precision follows: 1 a
town, 2 a district (a region near a town), 3 a province or only a country.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from ..records import Entity, GeoFeature
from .names import geo_key
from .relate import level, relate_places
from .resolve import PLACE_LABELS, PlaceMention, resolve_places

_PRECISION = {3: 1, 2: 2, 1: 3, 0: 3}


def locate_event(
    places: Sequence[GeoFeature], codes: Sequence[str] = ()
) -> tuple[GeoFeature | None, int | None]:
    """The event's place and ACLED geo_precision, from its facts' places (most
    mentioned first); ``(None, None)`` when none is resolved or all are continents.
    ``codes`` are the ISO 3166 codes the facts name, most named first: the country
    of the first subdivision among them (else the first country) is the event's.

    >>> from newsprism.records import GeoFeature
    >>> sy = GeoFeature(163843, "Syria", 35.0, 38.0, "A", "PCLI", "SY")
    >>> town = GeoFeature(170592, "Dūmā", 33.57, 36.40, "P", "PPL", "SY", "08")
    >>> f, precision = locate_event([sy, town])
    >>> f.name, precision
    ('Dūmā', 1)
    """
    placed = [p for p in places if level(p) >= 0]
    if not placed:
        return None, None
    countries = Counter(p.country_code for p in placed)
    named = [c.split("-")[0] for c in codes if "-" in c] + [c for c in codes if "-" not in c]
    named = [c for c in named if c in countries]
    top = named[0] if named else max(countries, key=lambda c: (countries[c], -next(
        i for i, p in enumerate(placed) if p.country_code == c)))  # fmt: skip
    home = [p for p in placed if p.country_code == top]
    # a town outside the region the facts name is not where it happened (a capital
    # named for its government: "cooperation with Damascus")
    regions = [p for p in home if level(p) in (1, 2)]
    fits = [p for p in home if all(relate_places(p, r) != "disjoint" for r in regions)]
    home = fits or home
    best = max(home, key=lambda p: (level(p), -home.index(p)))
    return best, _PRECISION[level(best)]


def with_places(entities: Sequence[Entity]) -> tuple[Entity, ...]:
    """The entities, each place among them with its gazetteer feature (``geo``).

    All the story's place entities are resolved together, so each is weighed by
    the others (the countries and regions the reports name). An entity whose
    name has no candidate tries its other spellings.
    """
    places = [e for e in entities if e.type in PLACE_LABELS]
    if not places:
        return tuple(entities)
    mentions = [PlaceMention(e.name, e.type) for e in places]
    found = dict(zip((e.id for e in places), resolve_places(mentions), strict=True))
    for e in places:
        if found[e.id] is None:
            for alias in (a for a in e.aliases if geo_key(a) != geo_key(e.name)):
                alt = resolve_places([PlaceMention(alias, e.type)], mentions)[0]
                if alt is not None:
                    found[e.id] = alt
                    break
    return tuple(replace(e, geo=found[e.id]) if found.get(e.id) else e for e in entities)
