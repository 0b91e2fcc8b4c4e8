"""Refit the ACLED sub-event typer on CASE 2021 snippets and save it beside its code.

    python bench/fit_event_types.py [--data ../shared/data/case2021-acled/dev_half.tsv]

Stratified 5-fold cross-validation repeated over three seeds, the penalty chosen
inside each training part (nested, 4 folds), every class trained (and the
codebook's definitions, src/newsprism/reconcile/event_codebook.py), the 25 ACLED
types scored (CASE 2021 subtask 1). Then the penalty is chosen on all the data the
same way and the model fitted on all of it is written to
src/newsprism/reconcile/event_types.json, with the cross-validated figures in its
``about`` (the figures to quote: the saved model has seen every snippet).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import time
from pathlib import Path

from newsprism.evaluate.events import read_snippets
from newsprism.reconcile.event_model import (
    MODEL_PATH,
    Views,
    choose_l2,
    cross_validate,
    train,
    with_definitions,
)
from newsprism.reconcile.event_types import EVENT_TYPE

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--data", type=Path, default=Path("../shared/data/case2021-acled/dev_half.tsv")
    )
    args = parser.parse_args()
    from newsprism.analyze.embed import embed_texts

    snippets, gold = read_snippets(args.data)
    texts, labels, definitions = with_definitions(snippets, gold)
    started = time.perf_counter()
    views = Views.of(texts, embed_texts(texts))
    scored = frozenset(EVENT_TYPE)
    cv = cross_validate(views, labels, scored, always=definitions)
    rows = list(range(len(snippets)))
    l2 = choose_l2(views, rows, labels, scored, k=5, always=definitions)
    model = train(views, rows + definitions, labels, l2)
    about = {
        "data": args.data.name,
        "data_sha256": hashlib.sha256(args.data.read_bytes()).hexdigest(),
        "snippets": len(snippets),
        "scored_snippets": sum(v in scored for v in gold),
        "codebook_definitions": len(definitions),
        "cv": "stratified 5-fold x 3 seeds (0, 1, 2), l2 chosen by inner 4-fold CV; "
        "the codebook definitions train every fold",
        "cv_weighted_f1_mean": round(cv.mean, 4),
        "cv_weighted_f1_sd": round(cv.sd, 4),
        "cv_fold_scores": [round(s, 4) for s in cv.fold_scores],
        "cv_l2_chosen": list(cv.l2_chosen),
        "cv_per_class_f1": {c: round(f, 3) for c, f in cv.per_class.items()},
        "support": cv.support,
    }
    MODEL_PATH.write_text(json.dumps({"about": about, **model.to_json()}) + "\n", "utf-8")
    print(json.dumps(about, indent=1))
    print(
        f"l2={l2}; {MODEL_PATH.stat().st_size / 1e6:.2f} MB; {time.perf_counter() - started:.0f} s"
    )


if __name__ == "__main__":
    main()
