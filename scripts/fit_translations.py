"""Refit the translation decision (src/newsprism/reconcile/translation_model.json).

Reads MEANTIME and ECB+ (default: ../shared/data beside the repository), analyzes
them as newsprism does, fits the logistic decision on every pair, and writes it
with the leave-one-topic-out folds. Then run ``newsprism eval translations``.

    python scripts/fit_translations.py [--processes 2]
"""

from __future__ import annotations

import argparse
from pathlib import Path

from newsprism.config import Settings
from newsprism.evaluate.translations import (
    ecb_corpus,
    fit_translation_model,
    format_translations,
    meantime_corpus,
    pair_rows,
)

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--meantime", type=Path, default=DATA / "meantime")
    parser.add_argument("--ecb", type=Path, default=DATA / "ecbplus" / "ecbplus-topics-1-35.tar.gz")
    parser.add_argument("--processes", type=int, default=2)
    args = parser.parse_args()
    settings = Settings()
    rows = pair_rows(
        meantime_corpus(args.meantime, settings, args.processes),
        ecb_corpus(args.ecb, settings, args.processes),
    )
    folds = fit_translation_model(rows)
    print(format_translations({"folds": folds}))


if __name__ == "__main__":
    main()
