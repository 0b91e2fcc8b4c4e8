"""Quality of the reconcile stage on hand-annotated stories.

Each gold story (``tests/gold/reconcile/*.json``) names a folder of articles and
annotates, by file-name prefix and a unique piece of each sentence:

* origins: groups of articles that are not independent;
* facts: sentences that report one fact, with the status a careful reader gives it;
* quotes: renderings of one utterance with their relation to the fullest one;
* flagged: quotations that should be flagged as words nobody else reports.

Scores: origins and fact alignment as pairwise precision/recall (pairs of
articles, of gold sentences, put together); status as precision/recall of each
status over the gold facts (a gold fact's match is the fact citing the most of its
sentences: one sentence can hold statements of several facts); quotes as pairwise
grouping precision/recall plus the share of gold renderings given the gold relation;
flags as recall.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from itertools import combinations
from pathlib import Path
from typing import Any

from ..config import Settings
from ..records import Article, Story
from .extract import Scores

MEASURES = (
    "origins", "facts", "status", "conflict", "variant", "corroborated", "quotes", "relations",
    "flags",
)  # fmt: skip


def _locate(articles: list[Article], prefix: str, piece: str) -> tuple[str, int] | None:
    for a in articles:
        name = Path(a.source).name
        if name.startswith(prefix) or a.source.startswith(prefix):
            at = a.text.find(piece)
            if at >= 0:
                return a.id, at
    return None


def _pairs(groups: Iterable[Iterable[Any]]) -> set[frozenset[Any]]:
    return {frozenset(p) for g in groups for p in combinations(sorted(set(g)), 2)}


def _pair_scores(pred: set[frozenset[Any]], gold: set[frozenset[Any]]) -> Scores:
    hit = len(pred & gold)
    return Scores(hit, len(pred), hit, len(gold))


def score_story(gold: dict[str, Any], articles: list[Article], story: Story) -> dict[str, Scores]:
    """Scores of one reconciled story against its gold annotation."""
    by_name = {Path(a.source).name: a.id for a in articles}
    scores: dict[str, Scores] = {}
    gold_origins = [[by_name[n] for n in g if n in by_name] for g in gold["origins"]]
    scores["origins"] = _pair_scores(_pairs(o.article_ids for o in story.origins),
                                     _pairs(gold_origins))  # fmt: skip

    def facts_of(aid: str, at: int) -> list[str]:
        # Facts are built of claims, so one sentence can hold statements of several facts
        # (its place, its date and its count): every fact that cites the position counts,
        # once, in the story's order.
        return list(dict.fromkeys(
            f.id for f in story.facts for st in f.statements
            if st.span.article_id == aid and st.span.start <= at < st.span.end
        ))  # fmt: skip

    gold_groups: list[list[tuple[str, int]]] = []
    for fact in gold["facts"]:
        located = [_locate(articles, p, piece) for p, piece in fact["statements"]]
        if any(x is None for x in located):
            missing = [piece for (p, piece), x in zip(fact["statements"], located, strict=True)
                       if x is None]  # fmt: skip
            raise ValueError(f"gold sentence not found: {missing[0]!r}")
        gold_groups.append([x for x in located if x is not None])
    cites = {x: facts_of(*x) for g in gold_groups for x in g}
    # The gold fact's match: the fact citing the most of its sentences, the first in the
    # story's order when two cite as many (Counter keeps first-seen order).
    matched: list[str | None] = []
    for group in gold_groups:
        counts = Counter(fid for x in group for fid in cites[x])
        matched.append(counts.most_common(1)[0][0] if counts else None)
    # Each sentence sits in its gold fact's match when that fact cites it, else in the first
    # fact citing it: one fact a sentence, so alignment scores pairs of a partition.
    pred_groups: dict[str, list[tuple[str, int]]] = {}
    for group, fid in zip(gold_groups, matched, strict=True):
        for x in group:
            at = fid if fid in cites[x] else next(iter(cites[x]), None)
            if at is not None:
                pred_groups.setdefault(at, []).append(x)
    scores["facts"] = _pair_scores(_pairs(pred_groups.values()), _pairs(gold_groups))
    status_of = {f.id: f.status for f in story.facts}
    right = Scores()
    per: dict[str, Scores] = {s: Scores() for s in ("conflict", "variant", "corroborated")}
    for fact, predicted in zip(gold["facts"], matched, strict=True):
        got = status_of.get(predicted) if predicted else None
        right.pred += 1
        right.gold += 1
        if got == fact["status"]:
            right.matched_pred += 1
            right.matched_gold += 1
        for name, s in per.items():
            if fact["status"] == name:
                s.gold += 1
                s.matched_gold += got == name
            if got == name:
                s.pred += 1
                s.matched_pred += fact["status"] == name
    scores["status"] = right
    scores.update(per)

    def quote_of(aid: str, at: int) -> tuple[str, str] | None:
        for q in story.quotes:
            for r in q.renderings:
                if r.span.article_id == aid and r.span.start <= at < r.span.end + 2:
                    return q.id, r.relation
        return None

    gold_q: list[list[tuple[str, int]]] = []
    relations = Scores()
    pred_q: dict[str, list[tuple[str, int]]] = {}
    for quote in gold["quotes"]:
        group = []
        for p, piece, rel in quote["renderings"]:
            found = _locate(articles, p, piece)
            if found is None:
                raise ValueError(f"gold quote not found: {piece!r}")
            x = found
            group.append(x)
            got_q = quote_of(*x)
            relations.gold += 1
            relations.pred += 1
            if got_q is not None:
                pred_q.setdefault(got_q[0], []).append(x)
                if got_q[1] == rel:
                    relations.matched_gold += 1
                    relations.matched_pred += 1
        gold_q.append(group)
    scores["quotes"] = _pair_scores(_pairs(pred_q.values()), _pairs(gold_q))
    scores["relations"] = relations
    flags = Scores()
    flagged = {(r.span.article_id, r.span.start, r.span.end)
               for q in story.quotes for r in q.renderings if r.flag}  # fmt: skip
    for p, piece in gold["flagged"]:
        spot = _locate(articles, p, piece)
        flags.gold += 1
        if spot is not None and any(a == spot[0] and s <= spot[1] < e + 2 for a, s, e in flagged):
            flags.matched_gold += 1
    flags.pred = flags.matched_pred = flags.matched_gold
    scores["flags"] = flags
    return scores


def evaluate_reconcile(
    gold_dir: Path, root: Path, settings: Settings | None = None
) -> dict[str, dict[str, Scores]]:
    """Scores per gold story in ``gold_dir``; corpora are resolved against ``root``."""
    from ..report import run

    out: dict[str, dict[str, Scores]] = {}
    for path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(path.read_text("utf-8"))
        report = run([str(root / gold["corpus"])], settings or Settings())
        if not report.stories:
            raise ValueError(f"{path.name}: no story was built")
        out[path.stem] = score_story(gold, list(report.articles), report.stories[0])
    return out


def format_reconcile(results: dict[str, dict[str, Scores]]) -> str:
    """One table per story: measure, precision, recall, F1 and counts."""
    rows = []
    for story, scores in results.items():
        rows.append(f"{story}")
        rows.append(f"  {'measure':<14}{'P':>7}{'R':>7}{'F1':>7}   matched/predicted  matched/gold")
        for name in MEASURES:
            s = scores[name]
            rows.append(
                f"  {name:<14}{s.precision:>7.3f}{s.recall:>7.3f}{s.f1:>7.3f}   "
                f"{s.matched_pred:>4}/{s.pred:<4}          {s.matched_gold:>4}/{s.gold:<4}"
            )
    return "\n".join(rows)
