"""Places from the gazetteers that ship in pycountry: countries and ISO 3166-2 subdivisions.

Matching ignores accents, case, a trailing type word ("Province") and vowel
differences between transliterations ("Dnepropetrovska" ≈ "Dnipropetrovska").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from .text_norm import name_key, skeleton

# Type words a subdivision may be written with or without.
TYPE_WORDS = frozenset(
    [
        "province",
        "governorate",
        "state",
        "region",
        "district",
        "county",
        "prefecture",
        "oblast",
        "department",
        "municipality",
        "emirate",
        "canton",
        "territory",
        "division",
        "wilaya",
        "muhafazah",
    ]
)
# Common English short names pycountry does not list (general knowledge).
EXTRA_COUNTRY_NAMES = {
    "RU": ("Russia",),
    "GB": ("Britain", "Great Britain", "UK", "U.K."),
    "US": ("US", "U.S.", "U.S.A.", "USA"),
    "AE": ("UAE", "U.A.E."),
    "VN": ("Vietnam",),
    "LA": ("Laos",),
    "TR": ("Turkey",),
    "CZ": ("Czech Republic",),
    "KR": ("South Korea",),
    "KP": ("North Korea",),
    "CD": ("DR Congo", "DRC", "Democratic Republic of the Congo"),
    "CG": ("Republic of the Congo",),
    "PS": ("Palestine",),
    "VA": ("Vatican",),
}
# The words of a country's first-level division, which translate one another ("oblast" is
# pycountry's "region", a German "Land" a state): a name written with one of them may be a
# division typed with another. Any other type word is its own ("county", "district").
FIRST_LEVEL = frozenset(
    "province governorate state region oblast prefecture emirate wilaya muhafazah land "
    "territory division".split()
)


def _written_types(key: str) -> set[str]:
    """The type words a name is written with ("marin county": {"county"})."""
    words = key.split()
    return {w for w in (words[-1:] + words[:1]) if w in TYPE_WORDS} if len(words) > 1 else set()


def _of_type(place: Place, written: set[str]) -> bool:
    """Whether a division may be what a name written with the type words ``written``
    names: "Marin County" is no French department ("Marne"), "Washington County" no US
    state, "Tarrant County" no Italian province; "Dnepropetrovska oblast" is Ukraine's
    region, "Durham County" the unitary authority "Durham, County"."""
    if not written or place.kind == "country":
        return True  # "the State of Israel": a country's own style
    words = set(name_key(f"{place.kind} {place.name}").split())
    wanted = written | (FIRST_LEVEL if written & FIRST_LEVEL else set())
    return bool(words & wanted)


# Fuzzy ratio on the accent-free key, required on top of an equal consonant skeleton;
# 80 accepts one or two vowel changes in a two-word name and rejects different names
# that happen to share consonants.
MIN_RATIO = 80.0


@dataclass(frozen=True)
class Place:
    code: str  # "SY" or "SY-RD"
    name: str  # the gazetteer's name
    kind: str  # "country" or the subdivision type


def _strip_type(key: str) -> str:
    words = key.split()
    while len(words) > 1 and words[-1] in TYPE_WORDS:
        words.pop()
    while len(words) > 1 and words[0] in TYPE_WORDS | {"of"}:
        words.pop(0)
    return " ".join(words)


@lru_cache(maxsize=1)
def _index() -> tuple[dict[str, list[Place]], dict[str, list[tuple[str, Place]]]]:
    import pycountry

    exact: dict[str, list[Place]] = {}
    fuzzy: dict[str, list[tuple[str, Place]]] = {}

    def add(name: str, place: Place) -> None:
        key = _strip_type(name_key(name))
        if not key:
            return
        if place not in exact.setdefault(key, []):
            exact[key].append(place)
        if len(key) >= 5:  # short names are too easy to hit by accident
            fuzzy.setdefault(skeleton(key), []).append((key, place))

    for c in pycountry.countries:
        place = Place(c.alpha_2, getattr(c, "common_name", None) or c.name, "country")
        names = [c.name, getattr(c, "common_name", None), getattr(c, "official_name", None)]
        if "," in c.name:  # "Iran, Islamic Republic of" → "Iran"
            names.append(c.name.split(",")[0])
        names += EXTRA_COUNTRY_NAMES.get(c.alpha_2, ())
        for n in names:
            if n:
                add(n, place)
    for s in pycountry.subdivisions:
        add(s.name, Place(s.code, s.name, s.type.lower()))
    return exact, fuzzy


def load() -> None:
    """Build the name index now (once per process) rather than at the first name."""
    _index()


@lru_cache(maxsize=65536)
def lookup(text: str) -> Place | None:
    """The place ``text`` names, or None; countries win over subdivisions of the same name.

    >>> lookup("Dnepropetrovska oblast").code, lookup("Halab Province").code
    ('UA-12', 'SY-HL')
    """
    written_key = name_key(text)
    key = _strip_type(written_key)
    if not key:
        return None
    exact, fuzzy = _index()
    found = exact.get(key)
    if found is None and len(key) >= 5:
        candidates = fuzzy.get(skeleton(key), [])
        scored = [(fuzz.ratio(key, k), p) for k, p in candidates]
        scored = [sp for sp in scored if sp[0] >= MIN_RATIO]
        if scored:
            best = max(s for s, _ in scored)
            found = [p for s, p in scored if s == best]
    written = _written_types(written_key)
    found = [p for p in found or () if _of_type(p, written)]
    if not found:
        return None
    countries = [p for p in found if p.kind == "country"]
    if countries:
        return countries[0]
    # A name shared by subdivisions of several countries is ambiguous: say nothing.
    codes = {p.code.split("-")[0] for p in found}
    return found[0] if len(codes) == 1 else None


def country_names(alpha_2: str) -> list[str]:
    """Every English name of a country that :func:`lookup` knows ("Syria", "Syrian Arab Republic").

    >>> "Britain" in country_names("GB")
    True
    """
    import pycountry

    c = pycountry.countries.get(alpha_2=alpha_2)
    if c is None:
        return []
    names = [c.name, getattr(c, "common_name", None), getattr(c, "official_name", None)]
    if "," in c.name:
        names.append(c.name.split(",")[0])
    names += EXTRA_COUNTRY_NAMES.get(alpha_2, ())
    return [n for n in dict.fromkeys(names) if n]


@lru_cache(maxsize=1)
def _us_abbreviations() -> dict[str, str]:
    """A US state's newspaper abbreviation ("Calif.", "W.Va.") → its ISO 3166-2 code,
    from the ``us`` package (pycountry knows the names, not the abbreviations)."""
    import us

    return {s.ap_abbr.casefold(): f"US-{s.abbr}"
            for s in us.states.STATES_AND_TERRITORIES if s.ap_abbr}  # fmt: skip


def container(text: str) -> str | None:
    """The ISO 3166 code of a place named after another to say where it lies ("Santa
    Rosa, Calif.", "Paris, Texas", "Hama, Syria"): a country, a subdivision or a US
    state's newspaper abbreviation.

    >>> container("Calif."), container("Texas"), container("Syria"), container("Smith")
    ('US-CA', 'US-TX', 'SY', None)
    """
    code = _us_abbreviations().get(text.strip().casefold())
    if code is not None:
        return code
    place = lookup(text)
    return place.code if place is not None else None
