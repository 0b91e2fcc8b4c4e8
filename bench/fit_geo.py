"""Refit the place resolver's weights (src/newsprism/geo/resolve_weights.json for
the first pass, joint_weights.json for the second, accept_weights.json for the gate).

Fitted on every gold toponym of LGL and GeoWebNews (../shared/data/geoparsing);
the file also records the cross-fitted accuracy per fold (articles split by a
hash of their id), so a refit shows its spread. Run from the checkout:

    PYTHONPATH=src python bench/fit_geo.py [../shared/data/geoparsing]
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

from newsprism.evaluate.geo import (
    ACC_KM,
    FOLDS,
    _resolve_doc,
    accept_rows,
    cross_fitted,
    fit_accept,
    fit_resolver,
    km,
    read_corpora,
    with_mentions,
)
from newsprism.geo.resolve import ACCEPT_WEIGHTS, JOINT_WEIGHTS, WEIGHTS


def main(folder: Path) -> None:
    docs = with_mentions(read_corpora(folder))
    models, _ = cross_fitted(docs)
    folds: dict[str, list[float]] = {"LGL": [], "GWN": []}
    for k in range(FOLDS):
        for corpus, accs in folds.items():
            hits = []
            for d in (d for d in docs if d.fold == k and d.corpus == corpus):
                resolved, index = _resolve_doc(d, models[k])
                for g, i in zip(d.gold, index, strict=True):
                    f = resolved[i]
                    hits.append(
                        f is not None and km(g.lat, g.lon, f.latitude, f.longitude) <= ACC_KM
                    )
            accs.append(round(float(np.mean(hits)), 4))
    x, y, _folds = accept_rows(docs, models)
    fit_accept(x, y).save(
        ACCEPT_WEIGHTS,
        about="P(the best candidate of a found place mention is right); refit: bench/fit_geo.py",
        data="LGL + GeoWebNews mentions found by the analyzer, scored by out-of-fold resolvers",
        mentions=len(y),
        right=sum(v == "right" for v in y),
    )
    ranker = fit_resolver(docs)
    about = {
        "data": "LGL + GeoWebNews gold toponyms, candidates from the gazetteer",
        "cross_fitted_acc161_by_fold": folds,
    }
    ranker.first.save(
        WEIGHTS,
        about="P(a candidate within 161 km of the gold point outranks one farther), pairwise "
        "on feature differences, first pass; refit: bench/fit_geo.py",
        **about,
    )
    ranker.joint.save(
        JOINT_WEIGHTS,
        about="P(a candidate within 161 km of the gold point outranks one farther), pairwise, "
        "given the first pass's picks for the other mentions; refit: bench/fit_geo.py",
        **about,
    )
    print({c: (min(v), max(v), round(float(np.mean(v)), 4)) for c, v in folds.items()})


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("../shared/data/geoparsing"))
