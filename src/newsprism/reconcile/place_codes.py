"""Subdivision codes a name got on its own, corrected by the story's gazetteer reading.

pycountry's subdivisions share many names with towns elsewhere: "Santa Rosa" written
alone is Guatemala's department GT-06 to the name index (analyze/gazetteer.py), while
the story's other places ("Santa Rosa, Calif.", "California") make the GeoNames
resolver, which weighs them all (geo/locate.with_places), read the entity as the
Californian town. Events, statements and value checks count the code; a code whose
country is not the one the resolver puts the entity in is dropped, so the name is
compared as a name (one place with "Santa Rosa, Calif.") and counts no country.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ..records import Analysis, Entity


def misread_codes(entities: Sequence[Entity]) -> frozenset[str]:
    """The subdivision codes of place entities the gazetteer resolved in another
    country than the code's ("GT-06" for an entity resolved to a Californian town)."""
    return frozenset(
        e.place
        for e in entities
        if e.place and "-" in e.place and e.geo is not None
        and e.geo.country_code != e.place.split("-")[0]
    )  # fmt: skip


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
