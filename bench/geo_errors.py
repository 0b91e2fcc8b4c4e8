"""Why gold toponyms are missed: the resolution errors of LGL and GeoWebNews by cause.

Each gold toponym is resolved among its text's mentions by a resolver fitted on
the other folds (as ``newsprism eval geo`` does) and put in one bucket:

- ``ok``: the chosen place lies within 161 km of the gold point;
- ``no_candidate``: the gazetteer has nothing under the name (a river, a sea, a
  street, a building, a region such as "Middle East" — or a name the lookup misses);
- ``no_near_candidate``: candidates, but none within 161 km: the right place is
  missing under that name, or its point differs from the gold's by that much
  (countries and large provinces: GeoNames' points are not the packages');
  split by whether a candidate at least lies in the gold's country;
- ``wrong_choice:<chosen>-><right>``: a candidate within 161 km existed and another
  was chosen; the levels (country, region, town, continent) of both.

Gold toponyms with a country whose chosen place lies in another country (or that
have none) are counted by the same buckets under ``country_misses``.

Writes bench/results/geo_errors.json with the counts and the most frequent names
per bucket. Run from the checkout (about 3 minutes, most of it spaCy):

    PYTHONPATH=src python bench/geo_errors.py [../shared/data/geoparsing]
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

import numpy as np

from newsprism.evaluate.geo import (
    ACC_KM,
    FOLDS,
    _mentions_with_gold,
    fit_resolver,
    km,
    read_corpora,
    with_mentions,
)
from newsprism.geo.resolve import rank
from newsprism.records import GeoFeature


def _level(f: GeoFeature) -> str:
    code = f.feature_code
    if code == "PCLI":
        return "country"
    if code in {"ADM1", "ADM2"}:
        return "region"
    return "continent" if code in {"CONT", "RGN"} else "town"


def main(folder: Path) -> None:
    docs = with_mentions(read_corpora(folder))
    models = {k: fit_resolver([d for d in docs if d.fold != k]) for k in range(FOLDS)}
    result: dict[str, object] = {"what": __doc__.split("\n\n")[0] if __doc__ else ""}
    for corpus in ("LGL", "GWN"):
        buckets: Counter[str] = Counter()
        names: dict[str, Counter[str]] = {}
        country_misses: Counter[str] = Counter()
        country_names: dict[str, Counter[str]] = {}
        with_country = 0
        for doc in (d for d in docs if d.corpus == corpus):
            mentions, index = _mentions_with_gold(doc)
            ranked = rank(mentions, ranker=models[doc.fold])
            for g, i in zip(doc.gold, index, strict=True):
                feats, _, p = ranked[i]
                if not feats:
                    bucket = "no_candidate"
                else:
                    best = feats[int(np.argmax(p))]
                    near = [f for f in feats if km(g.lat, g.lon, f.latitude, f.longitude) <= ACC_KM]
                    if km(g.lat, g.lon, best.latitude, best.longitude) <= ACC_KM:
                        bucket = "ok"
                    elif near:
                        bucket = f"wrong_choice:{_level(best)}->{_level(near[0])}"
                    elif g.country and any(f.country_code == g.country for f in feats):
                        bucket = "no_near_candidate:gold_country_among_candidates"
                    else:
                        bucket = "no_near_candidate:other"
                buckets[bucket] += 1
                names.setdefault(bucket, Counter())[g.text] += 1
                if g.country:
                    with_country += 1
                    chosen = feats[int(np.argmax(p))].country_code if feats else None
                    if chosen != g.country:
                        country_misses[bucket] += 1
                        country_names.setdefault(bucket, Counter())[g.text] += 1
        n = sum(buckets.values())
        result[corpus] = {
            "gold_toponyms": n,
            "buckets": {
                b: {"count": c, "share": round(c / n, 4)} for b, c in buckets.most_common()
            },
            "top_names": {
                b: names[b].most_common(15) for b in buckets if b != "ok" and buckets[b] >= 10
            },
            "country_misses": {
                "gold_with_country": with_country,
                "buckets": {
                    b: {"count": c, "share": round(c / with_country, 4)}
                    for b, c in country_misses.most_common()
                },
                "top_names": {b: country_names[b].most_common(10) for b in country_misses},
            },
        }
    target = Path(__file__).parent / "results" / "geo_errors.json"
    target.write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n")
    for corpus in ("LGL", "GWN"):
        print(corpus, json.dumps(result[corpus]["buckets"], indent=None))  # type: ignore[index]


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("../shared/data/geoparsing"))
