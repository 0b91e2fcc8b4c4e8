"""Precision and recall of every extractor on the hand-annotated gold set.

The gold (``extract.jsonl``) holds real news sentences, each annotated
exhaustively. An item is matched once, to the first unmatched gold item that
fits, by these rules:

* entities: the same name key (case, accents, punctuation, "the" and possessives
  folded) and the same class (place = GPE/LOC/FAC; PERSON; ORG; NORP; other);
* quantities: overlapping text and equal bounds (to 1%), and the same counted noun
  when the gold names one;
* times: overlapping text and the same interval and granularity;
* quotes (direct and partial): the predicted text holds the gold's opening words, the
  same kind, and speaker keys that contain one another;
* attributions: the sentence starts with the gold's opening words and source keys
  contain one another.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from ..analyze.pipeline import _analyze_chunk
from ..analyze.text_norm import name_key
from ..analyze.times import weekday_year
from ..config import Settings
from ..records import Analysis, Article

EXTRACTORS = ("entities", "quantities", "times", "quotes", "attributions")
_CLASS = {"GPE": "place", "LOC": "place", "FAC": "place", "PERSON": "person", "ORG": "org",
          "NORP": "norp"}  # fmt: skip


@dataclass
class Scores:
    """Counts behind precision and recall for one extractor."""

    matched_pred: int = 0
    pred: int = 0
    matched_gold: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.matched_pred / self.pred if self.pred else 1.0

    @property
    def recall(self) -> float:
        return self.matched_gold / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= 0.01 * max(abs(a), abs(b), 1.0)


def _overlap(text: str, start: int, end: int, gold_text: str) -> bool:
    g = text.find(gold_text)
    return g >= 0 and start < g + len(gold_text) and g < end


def _contains(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return False
    ka, kb = name_key(a), name_key(b)
    return bool(ka and kb) and (ka in kb or kb in ka)


def _match(
    preds: list[Any], golds: list[list[Any]], fits: Callable[[Any, list[Any]], bool]
) -> tuple[int, int]:
    used: set[int] = set()
    matched_pred = 0
    for p in preds:
        for k, g in enumerate(golds):
            if k not in used and fits(p, g):
                used.add(k)
                matched_pred += 1
                break
    return matched_pred, len(used)


def score_unit(unit: dict[str, Any], analysis: Analysis, text: str) -> dict[str, Scores]:
    """Scores of one gold unit against the analysis of its text."""
    out: dict[str, Scores] = {}

    def add(name: str, preds: list[Any], fits: Callable[[Any, list[Any]], bool]) -> None:
        golds = unit[name]
        mp, mg = _match(preds, golds, fits)
        out[name] = Scores(mp, len(preds), mg, len(golds))

    add(
        "entities",
        list(analysis.mentions),
        lambda m, g: (
            name_key(m.text) == name_key(g[0])
            and _CLASS.get(m.type, "other") == _CLASS.get(g[1], "other")
        ),
    )
    add(
        "quantities",
        list(analysis.quantities),
        lambda q, g: (
            _overlap(text, q.span.start, q.span.end, g[0])
            and _close(q.value_low, g[1])
            and _close(q.value_high, g[2])
            and (g[3] is None or (q.counted or "").casefold() == g[3].casefold())
        ),
    )
    add(
        "times",
        [t for t in analysis.times],
        lambda t, g: (
            _overlap(text, t.span.start, t.span.end, g[0])
            and (t.start, t.end, t.granularity) == (g[1], g[2], g[3])
        ),
    )
    add(
        "quotes",
        [q for q in analysis.quotes if q.kind in {"direct", "partial"}],
        lambda q, g: g[0] in q.text and q.kind == g[2] and _contains(q.speaker, g[1]),
    )
    add(
        "attributions",
        list(analysis.attributions),
        lambda a, g: text[a.span.start : a.span.end].startswith(g[0]) and _contains(a.source, g[1]),
    )
    return out


def evaluate_extract(gold_dir: Path, settings: Settings | None = None) -> dict[str, Scores]:
    """Precision/recall per extractor over every unit in ``gold_dir/extract.jsonl``."""
    settings = settings or Settings()
    totals = {name: Scores() for name in EXTRACTORS}
    path = Path(gold_dir) / "extract.jsonl"
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        unit = json.loads(line)
        # an undated unit is read as ingest reads it: its weekday's year is the latest
        # that fits up to the day the unit was collected (``as_of``)
        as_of = unit.get("as_of")
        fixed = None
        if unit["published"] is None and as_of:
            fixed = weekday_year(unit["text"], None, date.fromisoformat(as_of))
        article = Article(
            id=unit["id"], source=unit["source"], kind="text", text=unit["text"],
            raw=unit["text"], published=unit["published"],
            provenance=(fixed,) if fixed is not None else (),
        )  # fmt: skip
        # as the analyze stage reads it (embeddings aside: not scored)
        analysis = _analyze_chunk([article], settings.spacy_model, embed_=False)[0]
        for name, s in score_unit(unit, analysis, article.text).items():
            t = totals[name]
            t.matched_pred += s.matched_pred
            t.pred += s.pred
            t.matched_gold += s.matched_gold
            t.gold += s.gold
    return totals


def format_scores(scores: dict[str, Scores]) -> str:
    """A table: extractor, precision, recall, F1 and the counts behind them."""
    rows = [f"{'extractor':<14}{'P':>7}{'R':>7}{'F1':>7}   matched/predicted  matched/gold"]
    for name, s in scores.items():
        rows.append(
            f"{name:<14}{s.precision:>7.3f}{s.recall:>7.3f}{s.f1:>7.3f}   "
            f"{s.matched_pred:>4}/{s.pred:<4}          {s.matched_gold:>4}/{s.gold:<4}"
        )
    return "\n".join(rows)
