"""Geoparsing measured on LGL and GeoWebNews: finding toponyms and placing them.

Gold (``../shared/data/geoparsing``): ``lgl.xml`` (toponyms with GeoNames ids and
points) and GeoWebNews (``GWN.xml`` for the articles and ids, ``gwn_full.txt``
for the toponyms that have a point — the resolution gold the corpus' authors
use). A gold toponym counts when it has a point.

- **Geotagging**: the text's place mentions (spaCy GPE/LOC/FAC, plus demonyms that
  resolve to a place) against gold spans; a found span counts when it overlaps a
  gold span. Precision, recall, F1.
- **Resolution on gold toponyms**: each gold span is resolved among the text's
  other mentions; Acc@161 km, median and mean error, correct country (gold
  country from the nearest gazetteer country point... no: from the gold's own
  GeoNames country where given, else the country of the gold point's nearest
  town), exact GeoNames id where gold gives one. A toponym left unresolved counts
  as wrong (error 20,038 km, half the Earth's circumference), as in the
  published tables.
- **End to end**: the same measures over gold toponyms that a found mention
  overlaps; a gold toponym not found counts as wrong.

The resolver's weights are fitted on these corpora, so the figures come from
k-fold cross-fitting by article: each article is resolved by a model fitted on
the folds that do not hold it (fold = a hash of the article id).
"""

from __future__ import annotations

import hashlib
import math
import statistics
import xml.etree.ElementTree as ET
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from ..fit import LogisticModel, fit_logistic
from ..geo.names import geo_key
from ..geo.resolve import (
    ACCEPT_FEATURES,
    FEATURES,
    JOINT_FEATURES,
    PLACE_LABELS,
    PlaceMention,
    Ranker,
    accept_features,
    candidate_features,
    gated,
    joint_features,
    near_scores,
    rank,
    resolve_places,
)
from ..records import GeoFeature

HALF_EARTH_KM = 20037.5
ACC_KM = 161.0
FOLDS = 5


@dataclass(frozen=True, slots=True)
class GoldToponym:
    start: int
    end: int
    text: str
    lat: float
    lon: float
    geonameid: int | None = None
    country: str | None = None  # ISO alpha-2 when gold names it


@dataclass(frozen=True, slots=True)
class GeoDoc:
    corpus: str
    id: str
    text: str
    gold: tuple[GoldToponym, ...]
    found: tuple[tuple[int, int, str], ...] = field(default=())  # (start, end, label)

    @property
    def fold(self) -> int:
        return int(hashlib.sha1(f"{self.corpus}:{self.id}".encode()).hexdigest(), 16) % FOLDS


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres (haversine, mean Earth radius 6,371 km)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


def _country_codes() -> dict[str, str]:
    import pycountry

    out = {}
    for c in pycountry.countries:
        for n in (c.name, getattr(c, "common_name", None), getattr(c, "official_name", None)):
            if n:
                out[n.casefold()] = c.alpha_2
    return out


def read_lgl(path: Path) -> list[GeoDoc]:
    """LGL articles with their gold toponyms (those with a point)."""
    codes = _country_codes()
    docs: list[GeoDoc] = []
    for art in ET.parse(path).getroot().iter("article"):
        text = art.findtext("text") or ""
        gold = []
        for t in art.iter("toponym"):
            tag = t.find("gaztag")
            lat = tag.findtext("lat") if tag is not None else None
            if tag is None or not lat:
                continue
            country = (tag.findtext("country") or "").strip().casefold()
            gold.append(
                GoldToponym(
                    int(t.findtext("start") or 0),
                    int(t.findtext("end") or 0),
                    t.findtext("phrase") or "",
                    float(lat),
                    float(tag.findtext("lon") or 0),
                    int(tag.get("geonameid") or 0) or None,
                    codes.get(country),
                )
            )
        docs.append(GeoDoc("LGL", art.get("docid") or str(len(docs)), text, tuple(gold)))
    return docs


def read_gwn(xml_path: Path, full_path: Path) -> list[GeoDoc]:
    """GeoWebNews articles; gold toponyms from ``gwn_full.txt`` (line i = article i),
    GeoNames ids from the XML where its span carries one."""
    arts = list(ET.parse(xml_path).getroot().iter("article"))
    lines = full_path.read_text("utf-8").splitlines()
    docs = []
    for i, art in enumerate(arts):
        text = art.findtext("text") or ""
        ids = {}
        for t in art.iter("toponym"):
            gid = (t.findtext("geonamesID") or "").strip()
            if gid.isdigit():
                ids[(int(t.findtext("start") or 0), int(t.findtext("end") or 0))] = int(gid)
        gold = []
        for item in (lines[i] if i < len(lines) else "").split("||"):
            parts = item.split(",,")
            if len(parts) != 6:
                continue
            _, surface, lat, lon, start, end = parts
            s, e = int(start), int(end)
            gold.append(GoldToponym(s, e, surface, float(lat), float(lon), ids.get((s, e))))
        docs.append(GeoDoc("GWN", art.get("file") or str(i), text, tuple(gold)))
    return docs


def read_corpora(folder: Path) -> list[GeoDoc]:
    """Both corpora from the geoparsing folder."""
    docs = read_lgl(folder / "lgl.xml") + read_gwn(folder / "GWN.xml", folder / "gwn_full.txt")
    return with_gold_countries(docs)


def with_gold_countries(docs: Sequence[GeoDoc]) -> list[GeoDoc]:
    """Gold toponyms without a country (GeoWebNews gives none) get the country of
    their GeoNames id when the gazetteer holds it, else of the gazetteer town
    nearest their point (within 50 km; points at sea or in no town get none)."""
    from dataclasses import replace

    from ..geo.gazetteer import table

    t = table()
    by_id = {int(i): r for r, i in enumerate(t.ids.tolist()) if i}
    towns = np.array([r for r in range(len(t)) if t.fcode(r).startswith("PPL")])
    lat, lon = np.radians(t.lat[towns]), np.radians(t.lon[towns])
    out = []
    for d in docs:
        gold = []
        for g in d.gold:
            if g.country is None:
                row = by_id.get(g.geonameid or 0)
                if row is None:
                    p1, l1 = math.radians(g.lat), math.radians(g.lon)
                    a = (np.sin((lat - p1) / 2) ** 2
                         + np.cos(p1) * np.cos(lat) * np.sin((lon - l1) / 2) ** 2)  # fmt: skip
                    dist = 2 * 6371.0 * np.arcsin(np.sqrt(np.clip(a, 0, 1)))
                    i = int(np.argmin(dist))
                    row = int(towns[i]) if dist[i] <= 50 else None
                if row is not None:
                    g = replace(g, country=t.country(row))
            gold.append(g)
        out.append(replace(d, gold=tuple(gold)))
    return out


def with_mentions(docs: Sequence[GeoDoc]) -> list[GeoDoc]:
    """Each document with the place mentions the analyzer finds (spaCy NER + repairs)."""
    from ..analyze.entities import extract_mentions
    from ..analyze.nlp import parse_all

    out = []
    for doc, parsed in zip(docs, parse_all([d.text for d in docs]), strict=True):
        ms = extract_mentions(doc.id, parsed)
        found = tuple(
            (m.span.start, m.span.end, m.type)
            for m in ms
            if m.type in PLACE_LABELS or m.type == "NORP"
        )
        out.append(GeoDoc(doc.corpus, doc.id, doc.text, doc.gold, found))
    return out


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _mentions_with_gold(doc: GeoDoc) -> tuple[list[PlaceMention], list[int]]:
    """The text's mentions with each gold span in place of the found spans it overlaps;
    returns the mentions and, per gold toponym, its index among them."""
    kept = [f for f in doc.found if not any(_overlaps(f[:2], (g.start, g.end)) for g in doc.gold)]
    mentions = [PlaceMention(doc.text[s:e], label) for s, e, label in kept]
    index = []
    for g in doc.gold:
        label = next((f[2] for f in doc.found if _overlaps(f[:2], (g.start, g.end))), "GPE")
        index.append(len(mentions))
        mentions.append(PlaceMention(doc.text[g.start : g.end], label))
    return mentions, index


def training_rows(
    docs: Sequence[GeoDoc], first: LogisticModel | None = None
) -> tuple[np.ndarray[Any, Any], list[str], list[int]]:
    """Pairs of candidate feature rows of the gold toponyms: for the first candidate
    within 161 km of the gold point (the most prominent: candidates come primary
    names first, most populous first) and each one farther, their difference labelled
    ``near`` and the reverse labelled ``far`` (and each row's document fold). The
    resolver ranks one mention's candidates, so it is fitted on the choices it makes:
    a pairwise logistic model (see :func:`newsprism.geo.resolve.near_scores`). Names
    whose candidates are all far (a river named like a town) or all near give no
    pair. Measured against per-candidate rows (cross-fitted Acc@161): LGL 0.829 →
    0.835 with choices only, → 0.851 pairwise; GeoWebNews 0.813 → 0.816 → 0.822.
    Pairing only the first near candidate rather than every near one: LGL 0.852 →
    0.855, GeoWebNews 0.831 → 0.833 (each toponym weighted alike instead: 0.853, 0.823).
    With ``first`` (the first pass), the second pass's rows (:data:`JOINT_FEATURES`),
    the other mentions' picks made by ``first``."""
    xs, ys, folds = [], [], []
    for doc in docs:
        mentions, index = _mentions_with_gold(doc)
        per = candidate_features(mentions)
        rows = [x for _, x in per]
        if first is not None:
            picks = [f[int(np.argmax(near_scores(first, x)))] if f else None for f, x in per]
            rows = joint_features(per, picks, [geo_key(m.text) for m in mentions])
        for g, i in zip(doc.gold, index, strict=True):
            near = [km(g.lat, g.lon, f.latitude, f.longitude) <= ACC_KM for f in per[i][0]]
            r = rows[i]
            # the first near candidate (candidates come most prominent first) is the
            # choice to learn; the villages of the same name near it are no choice
            # anyone makes, and pairing them with the far ones taught the model that
            # a city named like a region loses ("Washington" among countries)
            for a in [j for j, v in enumerate(near) if v][:1]:
                for b in (j for j, v in enumerate(near) if not v):
                    xs += [r[a] - r[b], r[b] - r[a]]
                    ys += ["near", "far"]
                    folds += [doc.fold, doc.fold]
    width = len(FEATURES) if first is None else len(JOINT_FEATURES)
    return np.array(xs).reshape(len(xs), width), ys, folds


def fit_resolver(docs: Sequence[GeoDoc], l2: float = 0.01) -> Ranker:
    """The resolver's two passes fitted on ``docs``' gold toponyms (the second on
    the picks the first makes on the same documents). The penalty, swept on the
    cross-fitted Acc@161 of both corpora (LGL / GeoWebNews): 0.1 → 0.845 / 0.828,
    0.01 → 0.855 / 0.833, 0.003 → 0.861 / 0.832, 0.001 → 0.861 / 0.832, 0.0001 →
    0.862 / 0.831. Kept at 0.01: the best on GeoWebNews, and below it "Kiev" beside
    "Ukraine" becomes Kiev Oblast rather than the city."""
    x, y, _ = training_rows(docs)
    first = fit_logistic(x, y, FEATURES, l2=l2)
    x2, y2, _ = training_rows(docs, first)
    return Ranker(first, fit_logistic(x2, y2, JOINT_FEATURES, l2=l2))


@dataclass
class Scores:
    n: int = 0
    errors: list[float] = field(default_factory=list)
    country_ok: int = 0
    country_n: int = 0
    id_ok: int = 0
    id_n: int = 0

    def add(self, g: GoldToponym, f: GeoFeature | None) -> None:
        self.n += 1
        self.errors.append(km(g.lat, g.lon, f.latitude, f.longitude) if f else HALF_EARTH_KM)
        if g.country:
            self.country_n += 1
            self.country_ok += int(f is not None and f.country_code == g.country)
        if g.geonameid:
            self.id_n += 1
            self.id_ok += int(f is not None and f.geonameid == g.geonameid)

    def summary(self) -> dict[str, float]:
        e = self.errors or [0.0]
        return {
            "n": float(self.n),
            "acc161": sum(x <= ACC_KM for x in e) / len(e),
            "median_km": statistics.median(e),
            "mean_km": statistics.fmean(e),
            "country": self.country_ok / self.country_n if self.country_n else float("nan"),
            "geonameid": self.id_ok / self.id_n if self.id_n else float("nan"),
        }


def _resolve_doc(doc: GeoDoc, model: Ranker) -> tuple[list[GeoFeature | None], list[int]]:
    """The best candidate of each gold toponym (ranking alone, no abstaining)."""
    mentions, index = _mentions_with_gold(doc)
    return resolve_places(mentions, model=model, always=True), index


def _found_mentions(doc: GeoDoc) -> list[PlaceMention]:
    return [PlaceMention(doc.text[s:e], label) for s, e, label in doc.found]


def accept_rows(
    docs: Sequence[GeoDoc], models: dict[int, Ranker]
) -> tuple[np.ndarray[Any, Any], list[str], list[int]]:
    """Per found mention with candidates: the accept model's signals (scored by the
    model of the mention's own fold), labelled ``right`` when the mention overlaps
    a gold toponym and its best candidate lies within 161 km of it."""
    xs, ys, folds = [], [], []
    for doc in docs:
        mentions = _found_mentions(doc)
        for (s, e, _), m, (feats, x, p) in zip(
            doc.found, mentions, rank(mentions, ranker=models[doc.fold]), strict=True
        ):
            if not feats or not gated(m, x):
                continue  # GPE and NORP (demonyms) named whole are not gated
            best = feats[int(np.argmax(p))]
            gold = [g for g in doc.gold if _overlaps((s, e), (g.start, g.end))]
            right = any(km(g.lat, g.lon, best.latitude, best.longitude) <= ACC_KM for g in gold)
            xs.append(accept_features(m, feats, x, p))
            ys.append("right" if right else "wrong")
            folds.append(doc.fold)
    return np.array(xs).reshape(len(xs), len(ACCEPT_FEATURES)), ys, folds


def fit_accept(x: np.ndarray[Any, Any], y: Sequence[str], l2: float = 0.01) -> LogisticModel:
    """The accept model fitted on rows from :func:`accept_rows`."""
    return fit_logistic(x, list(y), ACCEPT_FEATURES, l2=l2)


def cross_fitted(
    docs: Sequence[GeoDoc],
) -> tuple[dict[int, Ranker], dict[int, LogisticModel]]:
    """Per fold, the resolver and the accept model fitted without that fold's articles."""
    models = {k: fit_resolver([d for d in docs if d.fold != k]) for k in range(FOLDS)}
    x, y, folds = accept_rows(docs, models)
    keep = np.array(folds)
    accepts = {
        k: fit_accept(x[keep != k], [v for v, f in zip(y, folds, strict=True) if f != k])
        for k in range(FOLDS)
    }
    return models, accepts


def evaluate_geo(folder: Path, limit: int | None = None) -> dict[str, dict[str, float]]:
    """Per corpus: geotagging P/R/F1; resolution of the gold toponyms (ranking
    alone); end to end (found mentions, resolved or left unresolved as the product
    does); the precision of the resolutions made; Acc@161 spread over the folds."""
    docs = read_corpora(folder)
    if limit:
        docs = [d for c in ("LGL", "GWN") for d in [x for x in docs if x.corpus == c][:limit]]
    docs = with_mentions(docs)
    models, accepts = cross_fitted(docs)
    out: dict[str, dict[str, float]] = {}
    for corpus in ("LGL", "GWN"):
        part = [d for d in docs if d.corpus == corpus]
        gold_s, e2e_s = Scores(), Scores()
        fold_acc: dict[int, Scores] = {k: Scores() for k in range(FOLDS)}
        tp = fp = fn = made = made_right = 0
        for doc in part:
            resolved, index = _resolve_doc(doc, models[doc.fold])
            for g, i in zip(doc.gold, index, strict=True):
                gold_s.add(g, resolved[i])
                fold_acc[doc.fold].add(g, resolved[i])
            found = [f for f in doc.found if f[2] != "NORP" or _resolves(doc, f)]
            spans = [(g.start, g.end) for g in doc.gold]
            tp += sum(any(_overlaps(f[:2], s) for s in spans) for f in found)
            fp += sum(not any(_overlaps(f[:2], s) for s in spans) for f in found)
            fn += sum(not any(_overlaps(f[:2], s) for f in found) for s in spans)
            placed = resolve_places(
                _found_mentions(doc), model=models[doc.fold], accept=accepts[doc.fold]
            )
            for f, pl in zip(doc.found, placed, strict=True):
                if pl is None:
                    continue
                made += 1
                made_right += any(
                    _overlaps(f[:2], (g.start, g.end))
                    and km(g.lat, g.lon, pl.latitude, pl.longitude) <= ACC_KM
                    for g in doc.gold
                )
            for g in doc.gold:
                hit = [pl for f, pl in zip(doc.found, placed, strict=True)
                       if pl is not None and _overlaps(f[:2], (g.start, g.end))]  # fmt: skip
                e2e_s.add(g, hit[0] if hit else None)
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        accs = [fold_acc[k].summary()["acc161"] for k in range(FOLDS) if fold_acc[k].n]
        out[corpus] = {
            "articles": float(len(part)),
            "tag_precision": p,
            "tag_recall": r,
            "tag_f1": 2 * p * r / (p + r) if p + r else 0.0,
            **{f"gold_{k}": v for k, v in gold_s.summary().items()},
            "gold_acc161_fold_min": min(accs) if accs else float("nan"),
            "gold_acc161_fold_max": max(accs) if accs else float("nan"),
            **{f"e2e_{k}": v for k, v in e2e_s.summary().items()},
            "resolved_precision": made_right / made if made else float("nan"),
        }
    return out


def _resolves(doc: GeoDoc, found: tuple[int, int, str]) -> bool:
    """A demonym counts as a toponym found when it names a place the gazetteer knows."""
    from ..geo.resolve import candidates

    return bool(candidates(doc.text[found[0] : found[1]], "NORP"))


def format_geo(scores: dict[str, dict[str, float]]) -> str:
    """A table: one column per corpus."""
    keys = list(next(iter(scores.values())))
    lines = [f"{'':<24}" + "".join(f"{c:>10}" for c in scores)]
    for k in keys:
        cells = []
        for c in scores:
            v = scores[c][k]
            cells.append(
                f"{v:>10.0f}"
                if k.endswith(("_km", "articles", "_n")) or (k.endswith("n") and v > 1)
                else f"{v:>10.3f}"
            )
        lines.append(f"{k:<24}" + "".join(cells))
    return "\n".join(lines)


def iter_gold(docs: Sequence[GeoDoc]) -> Iterator[GoldToponym]:
    for d in docs:
        yield from d.gold
