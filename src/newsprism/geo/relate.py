"""How two resolved places stand to each other, for comparing claims about a place.

A report that puts an event in a town and another that puts it in the town's
province agree (one is less precise); two different towns do not. The relation
is read from the GeoNames hierarchy — country, then admin1, then admin2, then the
feature itself — never from distance, so two villages a few kilometres apart are
still two places.
"""

from __future__ import annotations

from typing import Literal

from ..records import GeoFeature

Relation = Literal["same", "contains", "within", "disjoint"]

_LEVEL = {"CONT": -1, "RGN": -1, "PCLI": 0, "ADM1": 1, "ADM2": 2}


def level(f: GeoFeature) -> int:
    """-1 continent or macro-region, 0 country, 1 first-level region, 2 second-level
    region, 3 a town."""
    return _LEVEL.get(f.feature_code, 3)


def _path(f: GeoFeature) -> tuple[str | None, ...]:
    return (f.country_code, f.admin1, f.admin2)[: level(f) + 1]


def relate_places(a: GeoFeature, b: GeoFeature) -> Relation:
    """``"same"`` place, ``a`` ``"contains"`` ``b``, ``a`` is ``"within"`` ``b``, or ``"disjoint"``.

    Same GeoNames id (or, for areas without one, the same country/admin codes
    and level) is "same"; a country contains its regions and towns, a region
    its sub-regions and towns; two towns are "same" only by id. Unknown admin
    codes never make a containment.

    >>> from newsprism.records import GeoFeature
    >>> fr = GeoFeature(3017382, "France", 46.0, 2.0, "A", "PCLI", "FR")
    >>> idf = GeoFeature(0, "Île-de-France", 48.5, 2.5, "A", "ADM1", "FR", "11")
    >>> town = GeoFeature(2969679, "Versailles", 48.80, 2.13, "P", "PPLA3", "FR", "11")
    >>> relate_places(fr, town), relate_places(town, idf), relate_places(idf, idf)
    ('contains', 'within', 'same')
    """
    if a.geonameid and a.geonameid == b.geonameid:
        return "same"
    la, lb = level(a), level(b)
    if min(la, lb) < 0:  # a continent or macro-region: its countries are not recorded
        same = la == lb and (a.feature_code, a.name) == (b.feature_code, b.name)
        return "same" if same else "disjoint"
    pa, pb = _path(a), _path(b)
    if la == lb:
        if la < 3 and not (a.geonameid and b.geonameid) and pa == pb and None not in pa:
            return "same"
        return "disjoint"
    if la < lb and None not in pa and pb[: la + 1] == pa:
        return "contains"
    if lb < la and None not in pb and pa[: lb + 1] == pb:
        return "within"
    return "disjoint"
