"""Subdivision codes a name got on its own, corrected by the story's gazetteer reading.

pycountry's subdivisions share many names with towns elsewhere: "Lima" written alone
is Peru's region PE-LIM to the name index (analyze/gazetteer.py), while the story's
other places ("Lima, Ohio", "Ohio") make the GeoNames resolver, which weighs them all
(geo/locate.with_places), read the entity as the town in Ohio. Events, statements and
value checks count the code; a code whose country is not the one the resolver puts the
entity in is dropped, so the name is compared as a name (one place with "Lima, Ohio")
and counts no country. So is a code the resolver reads as a town of another division
of its country: a capital that shares its name with a state lies in its own district,
not in the state.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ..analyze.gazetteer import lookup
from ..records import Analysis, Entity, GeoFeature


def misread_codes(entities: Sequence[Entity]) -> frozenset[str]:
    """The subdivision codes of place entities the gazetteer resolved in another
    country than the code's ("PE-LIM" for an entity resolved to a town in Ohio), or
    to a town of another division of the code's country: a capital that shares its name
    with a division (read as the city in its own federal district, not the state
    named like it)."""
    return frozenset(
        e.place
        for e in entities
        if e.place and "-" in e.place and e.geo is not None
        and (e.geo.country_code != e.place.split("-")[0] or _town_elsewhere(e.place, e.geo))
    )  # fmt: skip


def _town_elsewhere(code: str, geo: GeoFeature) -> bool:
    """Whether the gazetteer reads a name coded as the division ``code`` as a town that
    lies in another first-level division of the country. The town's division is known
    by name (GeoNames' own admin codes are no ISO codes outside a few countries); a
    division the name index does not know says nothing."""
    if geo.feature_class != "P" or not geo.admin1_name:
        return False
    found = lookup(geo.admin1_name)
    if found is None or "-" not in found.code:
        return False
    return found.code not in _line(code) and code not in _line(found.code)


def _line(code: str) -> set[str]:
    """A subdivision code and the codes of the divisions that hold it ("FR-75C" lies in
    "FR-IDF")."""
    import pycountry

    line = set()
    while code and code not in line:
        line.add(code)
        sub = pycountry.subdivisions.get(code=code)  # type: ignore[no-untyped-call,unused-ignore]
        code = getattr(sub, "parent_code", None) or ""
    return line


def without_codes(analyses: Sequence[Analysis], codes: frozenset[str]) -> tuple[Analysis, ...]:
    """``analyses`` with the codes dropped from their mentions, and each place claim
    that gave one as its value given its mention's name instead (as for a place the
    index does not know)."""
    out = []
    for a in analyses:
        norm = {m.span: m.norm for m in a.mentions if m.place in codes}
        if not norm:
            out.append(a)
            continue
        mentions = tuple(replace(m, place=None) if m.place in codes else m for m in a.mentions)
        claims = tuple(
            replace(c, value=norm[c.mention])
            if c.kind == "place" and c.value in codes and c.mention in norm
            else c
            for c in a.claims
        )
        out.append(replace(a, mentions=mentions, claims=claims))
    return tuple(out)
