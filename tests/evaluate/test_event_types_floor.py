"""The quality gate of ACLED sub-event typing: cross-validated on the CASE 2021 dev half.

The floor is the cross-validated figure the shipped model was chosen by
(bench/fit_event_types.py: 0.769 ± 0.039 weighted F1 over 15 folds) less
about one fold's standard deviation, since this gate runs one seed's 5 folds.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.evaluate.events import read_snippets
from newsprism.reconcile.event_model import (
    MODEL_PATH,
    Views,
    cross_validate,
    load_typer,
    with_definitions,
)
from newsprism.reconcile.event_types import EVENT_TYPE

REPO = Path(__file__).resolve().parents[2]
DATA = next(
    (
        d
        for d in (REPO / ".." / "shared" / "data", REPO / ".." / ".." / "shared" / "data")
        if d.is_dir()
    ),
    REPO / ".." / "shared" / "data",
)
DEV = DATA / "case2021-acled" / "dev_half.tsv"
FLOOR = 0.73

if not DEV.is_file():
    pytest.skip(f"CASE 2021 dev half {DEV} is missing", allow_module_level=True)


@pytest.mark.slow
def test_typing_cross_validated_meets_its_floor() -> None:
    from newsprism.analyze.embed import embed_texts

    texts, labels, definitions = with_definitions(*read_snippets(DEV))
    views = Views.of(texts, embed_texts(texts))
    cv = cross_validate(views, labels, frozenset(EVENT_TYPE), seeds=(0,), always=definitions)
    assert cv.mean >= FLOOR, (cv.mean, cv.per_class)


def test_shipped_model_is_small_and_states_its_cross_validated_score() -> None:
    assert MODEL_PATH.stat().st_size < 1_000_000
    model, about = load_typer()
    assert set(EVENT_TYPE) <= set(model.classes)
    assert about["cv_weighted_f1_mean"] >= FLOOR
    assert about["snippets"] == len(read_snippets(DEV)[0])
