"""Name variants measured on a gold of pairs read from ECB+ and MEANTIME texts.

Each line of ``tests/gold/names/pairs.jsonl`` holds two names as two reports write
them, each with the sentence it stands in and its report, and whether they name one
person or place (spelling or transliteration variants) or two (look-alike names of
different people, places and bodies). The decision is
:func:`newsprism.reconcile.names.same_name`, with each name's context the vector of
its sentence; the rule before it (same plain skeleton, spelling ratio 88) is scored
beside it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

from ..analyze.text_norm import name_key, skeleton
from ..reconcile.names import NameUse, same_name


@dataclass(frozen=True)
class PairScores:
    pairs: int
    variants: int
    precision: float
    recall: float
    merged: tuple[str, ...]  # the pairs called one name, "a = b", for a reader
    missed: tuple[str, ...]


def _score(calls: list[bool], gold: list[dict[str, Any]]) -> PairScores:
    tp = sum(c and g["same"] for c, g in zip(calls, gold, strict=True))
    called = sum(calls)
    variants = sum(g["same"] for g in gold)
    merged = tuple(
        f"{g['a']['name']} = {g['b']['name']}"
        for c, g in zip(calls, gold, strict=True)
        if c and not g["same"]
    )
    missed = tuple(
        f"{g['a']['name']} ≠ {g['b']['name']}"
        for c, g in zip(calls, gold, strict=True)
        if g["same"] and not c
    )
    return PairScores(len(gold), variants, tp / called if called else 1.0,
                      tp / variants if variants else 1.0, merged, missed)  # fmt: skip


def evaluate_names(path: Path) -> dict[str, PairScores]:
    """Precision and recall of the name-variant rule (and of the rule before it)."""
    from ..analyze.embed import embed_texts

    gold = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    sentences = [side["sentence"] for g in gold for side in (g["a"], g["b"])]
    vectors = embed_texts(sentences)
    calls, before = [], []
    for n, g in enumerate(gold):
        a, b = name_key(g["a"]["name"]), name_key(g["b"]["name"])
        use_a = NameUse(g["a"]["type"], frozenset({g["a"]["doc"]}), vectors[2 * n])
        use_b = NameUse(g["b"]["type"], frozenset({g["b"]["doc"]}), vectors[2 * n + 1])
        calls.append(a == b or same_name(a, b, use_a, use_b))
        before.append(a == b or (skeleton(a) == skeleton(b) and fuzz.ratio(a, b) >= 88))
    return {"names": _score(calls, gold), "before": _score(before, gold)}


def format_names(results: dict[str, PairScores]) -> str:
    """One line per rule, then what each got wrong."""
    lines = ["rule     pairs  variants  precision  recall"]
    for name, s in results.items():
        lines.append(f"{name:<8} {s.pairs:>5} {s.variants:>9}  {s.precision:>9.3f}  {s.recall:.3f}")
    s = results["names"]
    lines += [f"  wrongly one: {m}" for m in s.merged] + [f"  missed: {m}" for m in s.missed]
    return "\n".join(lines)
