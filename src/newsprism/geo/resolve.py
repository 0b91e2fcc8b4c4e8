"""Place mentions resolved to GeoNames features, weighing the whole text at once.

Each mention's candidates are the gazetteer rows filed under its key (its name
or one of the alternate names, transliterations included); a demonym or
adjective ("Syrian", "Parisian") is tried as the place it comes from. Each
candidate is scored by a fitted pairwise logistic model (``resolve_weights.json``,
refitted by ``bench/fit_geo.py`` on LGL and GeoWebNews with article folds, on the
differences between a candidate near the gold point and one far from it) over
named signals: how populous it is against its rivals, whether it is a
country, region or town, whether only an alternate name matched, whether a city
and a region share the name, and how well it fits the other places of the text
and of the story — its country or region named, or its rivals' countries not.
A second pass (``joint_weights.json``) rescores each candidate against the
places the first pass chose for the other mentions, so that "Columbus" is
weighed against "Franklin County" as resolved, not against every county of
that name. The most probable candidate is kept;
a mention without candidates stays unresolved. What is not a place at all (a
person or an outlet named like a town) is kept out before this, by its NER
label and the outlet rules of :mod:`newsprism.analyze.entities`.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import numpy.typing as npt

from ..fit import LogisticModel, load_model
from ..records import GeoFeature
from .gazetteer import AREAS, TYPE_KEYS, Table, country_info, lookup_rows, table
from .names import demonym_stems, geo_key

WEIGHTS = Path(__file__).with_name("resolve_weights.json")
MAX_CANDIDATES = 40  # the most populous rivals of a name; more only cost time
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
FEATURES = (
    "log_population",
    "population_share",
    "most_populous",
    "alternate_name_only",
    "is_country",
    "is_region",
    "is_district",
    "is_capital",
    "country_named",
    "region_named",
    "country_support",
    "region_support",
    "rivals",
    "demonym",
    "label_loc",
    "label_fac",
    "population_gap",
    "alternate_with_rival_named",
    "country_majority",
    "region_majority",
    "nearest_other_km",
    "median_other_km",
    "capital_of_named_country",
    "city_named_like_region",
    "region_named_like_city",
    "partial_name",
    "capital_named_like_region",
    "type_word_dropped",
    "is_macroregion",
)


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A mention to resolve: its text and its NER label (GPE, LOC, FAC, NORP)."""

    text: str
    label: str = "GPE"


@dataclass(frozen=True, slots=True)
class _Cand:
    row: int
    alt: bool
    demonym: bool
    partial: bool = False  # named by a part of the mention ("University of California")


@lru_cache(maxsize=1)
def _demonyms() -> dict[str, str]:
    """Country demonyms from countryinfo ("syrian" → "SY"), plural forms too; a
    demonym several countries share ("American") is the most populous one's.

    Two forms news writes beside them: the first word of a two-word demonym when
    it names nothing else ("Saudi" of "Saudi Arabian"; never "South" or "New"),
    and a plural country name without its "s" as its adjective ("Philippine")."""
    out: dict[str, str] = {}
    t = table()
    rows = [r for r in range(len(t)) if t.fcode(r) == "PCLI"]
    for row in sorted(rows, key=lambda r: (-int(t.population[r]), r)):
        cc = t.country(row)
        info = country_info(cc) or {}
        dem = str(info.get("demonym") or "")
        forms = [dem, dem + "s"] if dem else []
        head = dem.split()[0] if len(dem.split()) == 2 else ""
        if _word(head) and geo_key(head) not in _NOT_ALONE and not _names_a_place(head):
            forms += [head, head + "s"]
        name = t.names[row]
        if " " not in name and name.endswith("s") and len(name) > 5:
            forms.append(name[:-1])
        for d in forms:
            out.setdefault(geo_key(d), cc)
    return out


def _names_a_place(name: str) -> bool:
    """Whether a name is the main name of a place, or any name of a large one."""
    t = table()
    return any(not alt or _large(t, r) for r, alt in lookup_rows(name, close=False))


@lru_cache(maxsize=1)
def _acronyms() -> dict[str, str]:
    """Unicode CLDR's groupings of countries whose code is their English name's
    initials ("EU" → "European Union"), from babel: an acronym a text need not
    spell out, whose own gazetteer rows are unrelated (Eu, a town in France).
    Country codes are left to the countries' own rows."""
    import pycountry
    from babel import Locale

    out = {}
    for code, name in Locale("en").territories.items():
        if not code.isalpha() or pycountry.countries.get(alpha_2=code) is not None:
            continue
        initials = "".join(w[0] for w in name.split() if w.casefold() not in _MINOR)
        if len(name.split()) >= 2 and initials == code:
            out[code] = name
    return out


@lru_cache(maxsize=1)
def _country_rows() -> dict[str, int]:
    t = table()
    return {t.country(r): r for r in range(len(t)) if t.fcode(r) == "PCLI"}


@lru_cache(maxsize=65536)
def candidates(text: str, label: str = "GPE") -> tuple[_Cand, ...]:
    """The gazetteer rows ``text`` may name, most populous first (at most MAX_CANDIDATES).

    A name without rows of its own is tried, in turn, as a demonym or adjective
    whatever its label ("European" tagged GPE → Europe; "North American" → North
    America), then by the longest run of its words that names a place: news names
    institutions, teams and events after their place ("University of California",
    "Dubai World Cup", "Bank of England"), and the gold of GeoWebNews and LGL places
    such a name there. Those candidates carry ``partial``, a signal the fitted
    models weigh (and the accept gate checks), since the run may be a coincidence.
    """
    t = table()
    rows: list[tuple[int, bool]] = [] if label == "NORP" else lookup_rows(text)
    from_demonym: set[int] = set()
    partial = False
    cc = _demonyms().get(geo_key(text))
    if cc is not None and cc in _country_rows():
        # a country's demonym, whatever the tagger called it ("American" as GPE),
        # beside any town of that name ("Americana" by a close spelling)
        rows = [(_country_rows()[cc], False), *rows]
        from_demonym.add(_country_rows()[cc])
    elif label == "NORP" or not rows:  # "Parisian", "European": the place the word comes from
        found = _from_demonym(text)
        if found:
            rows = found
            from_demonym.update(r for r, _ in found)
        elif label == "NORP":  # the tagger's group is a large place ("the Sochi election")
            rows = [(r, a) for r, a in lookup_rows(text) if _large(t, r)]
    if not rows and label != "NORP":
        rows = _embedded(text)
        partial = bool(rows)
    best: dict[int, bool] = {}
    for r, alt in rows:
        best[r] = best.get(r, True) and alt
    order = sorted(best, key=lambda r: (best[r], -int(t.population[r]), r))[:MAX_CANDIDATES]
    return tuple(_Cand(r, best[r], r in from_demonym, partial) for r in order)


def _from_demonym(text: str, close: bool = True) -> list[tuple[int, bool]]:
    """Rows of the large place a demonym or adjective comes from; a qualifier before
    it is kept ("North American" → "North America")."""
    t = table()
    words = text.split()
    if not words or len(words) > 3 or not all(w[:1].isupper() for w in words[:-1]):
        return []
    head = " ".join(words[:-1])
    for stem in demonym_stems(words[-1]):
        name = f"{head} {stem}" if head else stem
        found = [(r, a) for r, a in lookup_rows(name, close) if _large(t, r)]
        if found:
            return found
    return []


# Words that never name a place alone, however a gazetteer files them.
_NOT_ALONE = frozenset(
    geo_key(w)
    for w in "of the and for at in on new north south east west northern southern eastern western "
    "central upper lower city state county university college school hospital bank court "
    "house street road park lake river mount saint st great little old federal national royal "
    "international general capital republic union council agency office tower church delta "
    "metro wing peninsula ocean sea gulf bay island islands valley point cape channel".split()
)


def _embedded(text: str) -> list[tuple[int, bool]]:
    """The rows of the longest run of capitalised words inside a longer name that
    names a place ("Colorado State University" → "Colorado"; "European Commission"
    → "European" → Europe), the first such run when two are as long. Spelled
    exactly: a close spelling of a part is mostly another word ("Smart Dubai
    Office" ≈ "Asmara"). One word alone is never a generic word of names ("Tower",
    "Street"). The fitted models weigh such a candidate by its ``partial_name``
    signal, and the accept gate decides whether the product keeps it."""
    words = text.split()
    if len(words) < 2 or len(words) > 8:
        return []
    for size in range(len(words) - 1, 0, -1):
        for start in range(len(words) - size + 1):
            run = words[start : start + size]
            if not all(w[:1].isupper() for w in run):
                continue
            if size == 1 and (geo_key(run[0]) in _NOT_ALONE or not _word(run[0])):
                continue
            name = " ".join(run)
            cc = _demonyms().get(geo_key(name))
            if cc is not None and cc in _country_rows():
                return [(_country_rows()[cc], False)]
            found = lookup_rows(name, close=False) or _from_demonym(name, close=False)
            if found:
                return found
    return []


def _word(w: str) -> bool:
    """A word long enough to be a name by itself: letters, four or more."""
    return len(w) >= 4 and w.isalpha()


def _large(t: Table, row: int) -> bool:
    """A place big enough to have a demonym in English: a city of 100,000 or an area."""
    return t.fcode(row) in {"PCLI", "ADM1", *AREAS} or int(t.population[row]) >= 100_000


def _features(
    t: Table,
    cands: Sequence[_Cand],
    label: str,
    others: Sequence[Sequence[_Cand]],
    text: str = "",
) -> npt.NDArray[np.float64]:
    """One row of FEATURES per candidate; ``others`` are the other mentions' candidates."""
    typed_mention = _has_type_word(text)

    def dropped(row: int) -> bool:
        area = t.fcode(row) in {"ADM1", "ADM2"}
        return area and not typed_mention and _has_type_word(t.names[row])

    named_countries: set[str] = set()
    named_regions: set[tuple[str, str]] = set()
    country_votes: dict[str, float] = defaultdict(float)
    region_votes: dict[tuple[str, str], float] = defaultdict(float)
    top_country: Counter[str] = Counter()
    top_region: Counter[tuple[str, str]] = Counter()
    for oc in others:
        if not oc:
            continue
        top = oc[0]
        if t.fcode(top.row) == "PCLI":  # "U.S.", "Britain": other names of a country
            named_countries.add(t.country(top.row))
        for c in oc:
            if not c.alt and t.fcode(c.row) == "ADM1":
                named_regions.add((t.country(c.row), str(t.text[c.row, 2])))
        top_country[t.country(top.row)] += 1
        top_region[(t.country(top.row), str(t.text[top.row, 2]))] += 1
        share = 1.0 / len(oc)
        for cc in {t.country(c.row) for c in oc}:
            country_votes[cc] += share
        for reg in {(t.country(c.row), int(t.text[c.row, 2])) for c in oc}:
            region_votes[(reg[0], str(reg[1]))] += share
    pops = np.array([float(t.population[c.row]) for c in cands])
    total = float(pops.sum()) or 1.0
    top_pop = float(pops.max()) if len(pops) else 0.0
    any_primary = any(not c.alt for c in cands)
    n_others = max(1, sum(1 for oc in others if oc))
    near_min, near_median = _distances(t, cands, others)
    # "New York", "Washington": a city and a region of one country share the name
    region_countries = {t.country(c.row) for c in cands if t.fcode(c.row) == "ADM1"}
    city_pops: dict[str, float] = defaultdict(float)
    for c, pop in zip(cands, pops, strict=True):
        if t.fcode(c.row).startswith("PPL"):
            city_pops[t.country(c.row)] = max(city_pops[t.country(c.row)], float(pop))
    rows: list[list[float]] = []
    for c, pop in zip(cands, pops, strict=True):
        code = t.fcode(c.row)
        cc = t.country(c.row)
        region = (cc, str(t.text[c.row, 2]))
        has_region = int(t.text[c.row, 2]) != 0
        rows.append(
            [
                math.log10(1.0 + pop),
                pop / total,
                float(pop == top_pop and pop > 0),
                float(c.alt),
                float(code == "PCLI"),
                float(code == "ADM1"),
                float(code == "ADM2"),
                float(code == "PPLC"),
                float(cc in named_countries),
                float(has_region and region in named_regions),
                math.log1p(country_votes.get(cc, 0.0)),
                math.log1p(region_votes.get(region, 0.0)) if has_region else 0.0,
                math.log(len(cands)),
                float(c.demonym),
                float(label == "LOC"),
                float(label == "FAC"),
                math.log10(1.0 + pop) - math.log10(1.0 + top_pop),
                float(c.alt and any_primary),
                top_country[cc] / n_others,
                top_region[region] / n_others if has_region else 0.0,
                near_min[len(rows)],
                near_median[len(rows)],
                float(code == "PPLC" and cc in named_countries),
                float(code.startswith("PPL") and cc in region_countries),
                math.log10(1.0 + city_pops[cc]) if code == "ADM1" else 0.0,
                float(c.partial),
                # "Washington": the capital, not the state, in both corpora's gold
                float(code == "PPLC" and bool(region_countries)),
                # "Richmond" for Richmond County: an area named without its type word
                float(dropped(c.row)),
                float(code in AREAS),
            ]
        )
    return np.array(rows, dtype=np.float64).reshape(len(cands), len(FEATURES))


def _has_type_word(name: str) -> bool:
    """Whether a name carries an admin type word ("Madison County", "Province of Rizal")."""
    return any(w in TYPE_KEYS for w in geo_key(name).split())


def _distances(
    t: Table, cands: Sequence[_Cand], others: Sequence[Sequence[_Cand]]
) -> tuple[list[float], list[float]]:
    """How well each candidate fits the text's other places: log(1 + km) to the
    nearest candidate of the nearest other mention, and the median over the other
    mentions of the distance to their nearest candidate (10,000 km when alone)."""
    rows = np.array([c.row for c in cands])
    groups = [np.array([c.row for c in oc if t.fcode(c.row) not in AREAS]) for oc in others]
    groups = [g for g in groups if len(g)]
    if not groups or not len(rows):
        far = math.log1p(10_000.0)
        return [far] * len(cands), [far] * len(cands)
    lat1, lon1 = np.radians(t.lat[rows])[:, None], np.radians(t.lon[rows])[:, None]
    per_mention = []
    for g in groups:
        lat2, lon2 = np.radians(t.lat[g])[None, :], np.radians(t.lon[g])[None, :]
        a = (np.sin((lat2 - lat1) / 2) ** 2
             + np.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2)  # fmt: skip
        per_mention.append((2 * 6371.0 * np.arcsin(np.sqrt(np.clip(a, 0, 1)))).min(axis=1))
    d = np.stack(per_mention, axis=1)  # (candidates, other mentions)
    return np.log1p(d.min(axis=1)).tolist(), np.log1p(np.median(d, axis=1)).tolist()


JOINT_WEIGHTS = Path(__file__).with_name("joint_weights.json")
# The second pass: the first pass's features plus how the candidate fits the
# places the first pass chose for the text's other mentions.
JOINT_FEATURES = (
    *FEATURES,
    "pick_country_share",
    "pick_region_share",
    "pick_nearest_km",
    "pick_median_km",
    "picks",
)


@dataclass(frozen=True)
class Ranker:
    """The two fitted passes: ``first`` scores each candidate against all the
    candidates of the other mentions; ``joint`` rescores it against the places
    ``first`` chose for them (one town of a county, not every town of that name)."""

    first: LogisticModel
    joint: LogisticModel


@lru_cache(maxsize=1)
def _model() -> Ranker:
    return Ranker(load_model(WEIGHTS), load_model(JOINT_WEIGHTS))


def near_scores(model: LogisticModel, x: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    """P(this candidate is the place meant) over one mention's candidate rows.

    The models are fitted on differences between a candidate near the gold point
    and one far from it (``evaluate.geo.training_rows``): a pairwise logistic model,
    whose score ``w · z`` ranks candidates (Bradley–Terry); the softmax of the scores
    over the mention's candidates is then the conditional-logit probability of each.
    """
    if not len(x):
        return np.zeros(0)
    z = (np.asarray(x, dtype=np.float64) - model.mean) / model.scale
    s = z @ model.weights[0]
    if model.classes.index("near") == 0:
        s = -s
    e = np.exp(s - s.max())
    out: npt.NDArray[np.float64] = e / e.sum()
    return out


def joint_features(
    per: Sequence[tuple[list[GeoFeature], npt.NDArray[np.float64]]],
    picks: Sequence[GeoFeature | None],
    keys: Sequence[str],
) -> list[npt.NDArray[np.float64]]:
    """Each mention's second-pass rows: its first-pass rows and, per candidate, the
    share of the other mentions' picks in its country and in its region, log(1 + km)
    to the nearest pick and to the median one (10,000 km when there is none), and
    log(1 + number of picks). Mentions of the same name are not each other's support."""
    out = []
    far = math.log1p(10_000.0)
    for i, (feats, x) in enumerate(per):
        others = [
            p
            for j, p in enumerate(picks)
            if p is not None and keys[j] != keys[i] and p.feature_code not in AREAS
        ]
        rows = []
        for f in feats:
            if not others:
                rows.append([0.0, 0.0, far, far, 0.0])
                continue
            same_country = [p for p in others if p.country_code == f.country_code]
            same_region = [p for p in same_country if f.admin1 and p.admin1 == f.admin1]
            d = [_km(f, p) for p in others]
            rows.append(
                [
                    len(same_country) / len(others),
                    len(same_region) / len(others),
                    math.log1p(min(d)),
                    math.log1p(float(np.median(d))),
                    math.log1p(len(others)),
                ]
            )
        extra = np.array(rows, dtype=np.float64).reshape(len(feats), 5)
        out.append(np.hstack([x, extra]))
    return out


def _km(a: GeoFeature, b: GeoFeature) -> float:
    p1, p2 = math.radians(a.latitude), math.radians(b.latitude)
    dl = math.radians(b.longitude - a.longitude)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def rank(
    mentions: Sequence[PlaceMention],
    context: Sequence[PlaceMention] = (),
    ranker: Ranker | None = None,
) -> list[tuple[list[GeoFeature], npt.NDArray[np.float64], npt.NDArray[np.float64]]]:
    """Each mention's candidates, first-pass feature rows, and P(near) after the
    second pass."""
    r = ranker or _model()
    per = candidate_features(mentions, context)
    picks = [feats[int(np.argmax(near_scores(r.first, x)))] if feats else None for feats, x in per]
    keys = [geo_key(m.text) for m in mentions]
    x2 = joint_features(per, picks, keys)
    return [
        (feats, x, near_scores(r.joint, x2[i]) if feats else np.zeros(0))
        for i, (feats, x) in enumerate(per)
    ]


def candidate_features(
    mentions: Sequence[PlaceMention], context: Sequence[PlaceMention] = ()
) -> list[tuple[list[GeoFeature], npt.NDArray[np.float64]]]:
    """Each mention's candidates and their feature rows (for fitting and scoring)."""
    t = table()
    cands = [candidates(m.text, m.label) for m in mentions]
    extra = [candidates(m.text, m.label) for m in context]
    spelled = _expansions([m.text for m in (*mentions, *context)])
    for i, m in enumerate(mentions):
        # "EU" where the text spells out "European Union", or a grouping's code
        long = spelled.get(m.text) or _acronyms().get(m.text.replace(".", ""))
        if long is not None:
            cands[i] = candidates(long, "GPE") or cands[i]
    keys = [geo_key(m.text) for m in mentions]
    out = []
    for i, (m, cs) in enumerate(zip(mentions, cands, strict=True)):
        # other mentions: other names of this text, and the story's other reports
        others = [c for j, c in enumerate(cands) if keys[j] != keys[i]] + extra
        feats = _features(t, cs, m.label, others, m.text) if cs else np.zeros((0, len(FEATURES)))
        out.append(([t.feature(c.row) for c in cs], feats))
    return out


_MINOR = frozenset({"of", "the", "and", "for", "de", "du", "des", "la", "le"})


def _expansions(texts: Sequence[str]) -> dict[str, str]:
    """Acronyms among ``texts`` mapped to the longer name of the same text they
    abbreviate ("EU" → "European Union", "DRC" → "Democratic Republic of Congo"):
    an acronym's own gazetteer rows are mostly unrelated ("Eu", a town in France)."""
    initials: dict[str, str] = {}
    for text in texts:
        words = [w for w in text.replace("-", " ").split() if w.casefold() not in _MINOR]
        if len(words) >= 2 and all(w[:1].isupper() for w in words):
            initials.setdefault("".join(w[0] for w in words), text)
    out = {}
    for text in texts:
        short = text.replace(".", "")
        if 2 <= len(short) <= 6 and short.isalpha() and short.isupper() and short in initials:
            out[text] = initials[short]
    return out


ACCEPT_WEIGHTS = Path(__file__).with_name("accept_weights.json")
ACCEPT_FEATURES = (
    "best_probability",
    "margin",
    "rivals",
    "log_population",
    "is_country",
    "is_region",
    "label_loc",
    "label_fac",
    "words",
    "all_capitals",
    "population_lead",
    "best_nearest_other_km",
    "best_median_other_km",
    "best_country_majority",
    "partial_name",
)


def accept_features(
    mention: PlaceMention,
    feats: Sequence[GeoFeature],
    x: npt.NDArray[np.float64],
    p: npt.NDArray[np.float64],
) -> list[float]:
    """The signals that a mention's best candidate is right at all (not a word
    the tagger took for a place, or a place missing from the gazetteer). Whether
    only an alternate name matched is left to the ranking: a gate that weighed
    it would refuse every exonym and transliteration ("Peking")."""
    order = np.argsort(-p)
    best = feats[int(order[0])]
    second = float(p[order[1]]) if len(p) > 1 else 0.0
    rival_pops = [math.log10(1.0 + f.population) for f in feats if f is not best]
    return [
        float(p[order[0]]),
        float(p[order[0]]) - second,
        math.log(len(feats)),
        math.log10(1.0 + best.population),
        float(best.feature_code == "PCLI"),
        float(best.feature_code in {"ADM1", "ADM2"}),
        float(mention.label == "LOC"),
        float(mention.label == "FAC"),
        float(len(mention.text.split())),
        float(mention.text.isupper()),
        # how far the chosen place outnumbers the most populous rival (log10)
        math.log10(1.0 + best.population) - max(rival_pops, default=0.0),
        # how well it fits the text's other places
        float(x[order[0], FEATURES.index("nearest_other_km")]),
        float(x[order[0], FEATURES.index("median_other_km")]),
        float(x[order[0], FEATURES.index("country_majority")]),
        float(x[order[0], FEATURES.index("partial_name")]),
    ]


def gated(mention: PlaceMention, x: npt.NDArray[np.float64]) -> bool:
    """Whether the accept model must confirm a mention's best candidate: the tagger
    called it a location or facility, or its candidates are named by a part of it."""
    return mention.label in {"LOC", "FAC"} or bool(x[:, FEATURES.index("partial_name")].any())


@lru_cache(maxsize=1)
def _accept_model() -> LogisticModel | None:
    return load_model(ACCEPT_WEIGHTS) if ACCEPT_WEIGHTS.is_file() else None


def load() -> None:
    """Load the gazetteer, its country names and demonyms and the fitted rankers now
    (once per process) rather than at the first place."""
    _demonyms()
    _country_rows()
    _model()
    _accept_model()


def resolve_places(
    mentions: Sequence[PlaceMention],
    context: Sequence[PlaceMention] = (),
    *,
    model: Ranker | None = None,
    accept: LogisticModel | None = None,
    always: bool = False,
) -> list[GeoFeature | None]:
    """The feature each mention names, or None.

    The best-scored candidate after the second pass (:class:`Ranker`) is
    taken. For a mention the tagger calls a location or facility (LOC, FAC:
    "Middle East", "Main Street" — the labels under which most of its non-places
    and of the places the gazetteer lacks fall) a second fitted model
    (``accept_weights.json``) must give even odds or better that it is right;
    otherwise it stays unresolved. A group (NORP) has candidates only when it is
    the demonym or adjective of a country or a large place ("Syrian",
    "Parisian"), and is not gated: on GeoWebNews, which annotates demonyms, such
    a word's place is right three times in four or more. ``always`` takes the best
    candidate regardless (to measure ranking alone). ``context`` holds the place
    mentions of the story's other reports: they support candidates in the same
    country or region without being resolved.

    >>> [f.country_code if f else None for f in resolve_places(
    ...     [PlaceMention("Alexandria"), PlaceMention("Rapides Parish")])]
    ['US', 'US']
    """
    gate = None if always else (accept or _accept_model())
    out: list[GeoFeature | None] = []
    for mention, (feats, x, p) in zip(mentions, rank(mentions, context, model), strict=True):
        if not feats:
            out.append(None)
            continue
        best = feats[int(np.argmax(p))]
        if gate is not None and gated(mention, x):
            scores = gate.scores(np.array([accept_features(mention, feats, x, p)]))
            ok = scores[0, gate.classes.index("right")]
            if ok < 0.5:
                out.append(None)
                continue
        out.append(best)
    return out
