"""ACLED sub-event typing measured on CASE 2021 task 2 snippets.

Only snippets labelled with one of the 25 ACLED sub-event types are scored
(subtask 1), each predicted among those 25; the score is the weighted F1 over
gold labels, as the shared task reports it.

Two figures, never confused: the method cross-validated on the given file
(stratified folds, the model refitted on each training part, the snippets of
each fold unseen) and the shipped model on the file. When the shipped model was
fitted on this very file, its figure is training-set accuracy and says so; the
cross-validated one is the figure to quote.
"""

from __future__ import annotations

import csv
import hashlib
from dataclasses import dataclass
from pathlib import Path

from ..reconcile.event_model import (
    CrossValidation,
    Views,
    cross_validate,
    f1_table,
    load_typer,
    with_definitions,
)
from ..reconcile.event_types import EVENT_TYPE, NOT_ACLED


def read_snippets(path: Path) -> tuple[list[str], list[str]]:
    """Snippets and labels of a CASE 2021 task 2 TSV (``id, snippet, code``; header skipped)."""
    known = set(EVENT_TYPE) | set(NOT_ACLED)
    with path.open(encoding="utf-8", newline="") as f:
        rows = [r for r in csv.reader(f, delimiter="\t") if len(r) >= 3 and r[2] in known]
    return [r[1] for r in rows], [r[2] for r in rows]


@dataclass(frozen=True)
class EventScores:
    """The cross-validated method and the shipped model on one file."""

    cv: CrossValidation
    shipped_weighted_f1: float
    shipped_per_class: dict[str, float]
    shipped_trained_here: bool  # the shipped model was fitted on this file
    n: int  # scored snippets


def evaluate_events(path: Path, seeds: tuple[int, ...] = (0, 1, 2)) -> EventScores:
    """Cross-validate the typer on ``path`` and score the shipped model on it."""
    from ..analyze.embed import embed_texts

    snippets, gold = read_snippets(path)
    texts, labels, definitions = with_definitions(snippets, gold)
    views = Views.of(texts, embed_texts(texts))
    scored = frozenset(EVENT_TYPE)
    cv = cross_validate(views, labels, scored, seeds=seeds, always=definitions)
    model, about = load_typer()
    rows = [i for i, v in enumerate(gold) if v in scored]
    pred = model.predict(views, rows, allowed=sorted(scored))
    weighted, per = f1_table([labels[i] for i in rows], pred)
    trained_here = about.get("data_sha256") == hashlib.sha256(path.read_bytes()).hexdigest()
    return EventScores(cv, weighted, per, trained_here, len(rows))


def format_events(s: EventScores) -> str:
    """A per-class table (cross-validated F1, shipped-model F1, support) and the totals."""
    shipped = "shipped (trained on this file)" if s.shipped_trained_here else "shipped model"
    lines = [f"{'sub-event type':<32}{'cv F1':>7}{'shipped':>9}{'n':>5}"]
    for label in sorted(s.cv.per_class, key=lambda c: -s.cv.support.get(c, 0)):
        lines.append(
            f"{label:<32}{s.cv.per_class[label]:>7.3f}"
            f"{s.shipped_per_class.get(label, 0.0):>9.3f}{s.cv.support.get(label, 0):>5}"
        )
    folds = len(s.cv.fold_scores)
    lines.append(
        f"weighted F1, cross-validated: {s.cv.mean:.3f} ± {s.cv.sd:.3f} (sd over {folds} folds: "
        f"5-fold x {folds // 5} seeds; min {min(s.cv.fold_scores):.3f}, "
        f"max {max(s.cv.fold_scores):.3f}; {s.n} snippets)"
    )
    lines.append(f"weighted F1, {shipped}: {s.shipped_weighted_f1:.3f}")
    return "\n".join(lines)
