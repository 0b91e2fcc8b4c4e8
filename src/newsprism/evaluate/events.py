"""ACLED sub-event typing measured on CASE 2021 task 2 snippets.

Only snippets labelled with one of the 25 ACLED sub-event types count (subtask
1); a snippet the patterns do not type is predicted ``OTHER``. The score is the
weighted F1 over gold labels, as the shared task reports it.
"""

from __future__ import annotations

import csv
from pathlib import Path

from ..reconcile.event_types import EVENT_TYPE, classify


def evaluate_events(path: Path) -> dict[str, float]:
    """Per-label F1 and the weighted F1 (key ``weighted_f1``) and snippet count (``n``)."""
    with path.open(encoding="utf-8", newline="") as f:
        rows = [r for r in csv.reader(f, delimiter="\t") if len(r) >= 3 and r[2] in EVENT_TYPE]
    gold = [r[2] for r in rows]
    pred = [classify(r[1]) or "OTHER" for r in rows]
    out: dict[str, float] = {}
    total = 0.0
    for label in sorted(set(gold)):
        tp = sum(g == label and p == label for g, p in zip(gold, pred, strict=True))
        fp = sum(g != label and p == label for g, p in zip(gold, pred, strict=True))
        support = gold.count(label)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / support
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        out[label] = f1
        total += f1 * support
    out["weighted_f1"] = total / len(gold) if gold else 0.0
    out["n"] = float(len(gold))
    return out


def format_events(scores: dict[str, float]) -> str:
    rows = [f"{label:<32}{f1:.3f}" for label, f1 in scores.items()
            if label not in {"weighted_f1", "n"}]  # fmt: skip
    rows.append(f"{'weighted F1':<32}{scores['weighted_f1']:.3f}  ({int(scores['n'])} snippets)")
    return "\n".join(rows)
