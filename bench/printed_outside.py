"""The printed conflicts outside the gold, by kind of claim, each with its two phrases.

`newsprism eval facts` counts the pairs of articles a printed conflict comparison sets
apart that no gold fact holds ("outside"); this lists them, grouped by the kind of value
compared (the slot's head: "count", "date of", "age", "who", …), so the causes can be
read. Every story is reconciled as `eval facts` does. Usage::

    python bench/printed_outside.py [--cache FILE.pkl] [--docs FILE] [--reextract]
        [--out FILE]

``--cache``/``--docs``/``--reextract`` as in bench/facts_misses.py.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from fit_relations import ROOT, gold_arguments, load_gold

import newsprism.evaluate.facts as facts_module
from newsprism.evaluate.facts import FactScores, score_story


def kind_of(line: str) -> str:
    """The kind of a printed line's slot: what comes before its first ":" or "/"."""
    slot = line.split(":", 1)[0]
    return slot.split("/")[0].split(" of")[0].strip() or "?"


def _hook_contradicted(texts: dict[str, str], out: list[str]) -> Any:
    """Wrap the audit's gold lookup so each printed pair the gold labels agree or
    variant is written to ``out`` with its two values; returns the original."""
    original = facts_module.gold_relations

    def looked_up(located: Any, relation: Any, a: str, xs: Any, b: str, ys: Any) -> Any:
        said = original(located, relation, a, xs, b, ys)
        if said & {"agree", "variant"} and not said & {"conflict", "update"}:

            def side(aid: str, spans: Any) -> str:
                t, sp = texts.get(aid, ""), spans[0]
                around = " ".join(t[max(0, sp.start - 60) : sp.end + 60].split())
                return f"{aid}: [{t[sp.start : sp.end]}] …{around}…"

            out.append(f"{sorted(map(str, said))} {side(a, xs)} || {side(b, ys)}")
        return said

    setattr(facts_module, "gold_relations", looked_up)  # noqa: B010 (a hook the module reads)
    return original


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    gold_arguments(ap)
    ap.add_argument("--out", type=Path, default=ROOT / "bench/results/printed_outside.json")
    args = ap.parse_args()
    from newsprism.reconcile import reconcile

    data = load_gold(args)
    total = FactScores()
    lines: list[tuple[str, str]] = []
    against: list[str] = []
    for name, (gold, articles, analyses) in data.items():
        found: list[str] = []
        original = _hook_contradicted({a.id: a.text for a in articles}, found)
        try:
            scores = score_story(gold, articles, reconcile(articles, analyses))
        finally:
            setattr(facts_module, "gold_relations", original)  # noqa: B010
        total.add(scores)
        lines += [(name, o) for o in scores.outside]
        against += [f"{name} {f}" for f in found]
    kinds = Counter(kind_of(o) for _, o in lines)
    result = {
        "command": "python bench/printed_outside.py " + " ".join(sys.argv[1:]),
        "printed": total.printed,
        "backed": total.backed,
        "backed_update": total.backed_update,
        "contradicted": total.contradicted,
        "outside": total.outside_gold,
        "outside_by_kind": dict(kinds.most_common()),
        "lines": [f"{n} {o}" for n, o in lines],
        "contradicted_lines": against,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n", "utf-8")
    print({k: v for k, v in result.items() if "lines" not in k})


if __name__ == "__main__":
    main()
