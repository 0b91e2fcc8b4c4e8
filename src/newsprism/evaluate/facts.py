"""Quality of facts and comparisons on hand-annotated stories (``tests/gold/facts``).

A gold story names its documents (ECB+ documents read from the tarball, or files of
the repository's ``examples/`` folder) and, for each checkable fact that two reports
or more state, each report's exact phrase and value and the relation of every pair
of reports: agree, variant, conflict or update. The story's documents are read and
cleaned as newsprism reads them and reconciled as ONE story (no clustering).

Scores, at the level of pairs of reports:

* alignment recall — gold pairs whose two phrases lie in statements of one fact;
* alignment precision — of the pairs of gold mentions (of different reports) that lie
  in statements of one fact, the share that are mentions of one gold fact: a pair of
  mentions of two different gold facts in one fact is a wrong merge (the dead and the
  injured, an aftershock's distance and the main quake's), unless the two statements
  share some gold fact (a sentence may state several facts, and its fact with another
  sentence then holds the other facts' mentions too);
* a predicted pair's relation — that of the comparison that separates its two
  articles' values in their fact: a comparison of the gold slot's kind of value (an
  actor, a date, a time, a place, an age, a number) whose two groups' value spans lie
  in the two gold phrases (agree when none does, or when they share a group);
* conflict precision (of the aligned gold pairs called conflict, how many are),
  conflict recall and variant recall (of the gold conflicts and variants, how many
  are called so).

Conflict precision over gold pairs never sees a conflict the report prints between
values no gold fact holds ("a town of about 15,000 people" read as a toll), yet a
reader sees every one. So the conflicts as printed are scored too: each conflict
comparison's pairs of articles in two different groups (once per comparison) are
*backed* when a gold fact has mentions of both articles whose phrases overlap the two
groups' value spans and labels that pair conflict (or update, counted apart),
*contradicted* when it labels them agree or variant, and *outside* the gold otherwise
— mostly wrong, since the gold lists every checkable fact two reports state, though
the annotator left out facts it was unsure of.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..analyze.claims import _number_value
from ..config import Settings
from ..errors import InputError
from ..reconcile.claims import SEVERITY
from ..records import Article, Comparison, Document, Span, Story

ECBPLUS = Path("../shared/data/ecbplus/ecbplus-topics-1-35.tar.gz")


@dataclass
class FactScores:
    """Pair counts of one story (or of several, added)."""

    gold_pairs: int = 0
    aligned: int = 0
    merged: int = 0  # pairs of mentions of one gold fact, of two reports, in one fact
    wrong_merges: int = 0  # ... of two different gold facts whose statements share none
    called_conflict: int = 0  # aligned pairs called conflict
    right_conflict: int = 0  # ... of which gold says conflict
    gold_conflict: int = 0
    found_conflict: int = 0
    gold_variant: int = 0
    found_variant: int = 0
    gold_update: int = 0
    found_update: int = 0
    printed: int = 0  # pairs of articles a printed conflict comparison sets apart
    backed: int = 0  # ... that a gold fact labels conflict
    backed_update: int = 0  # ... that a gold fact labels update
    contradicted: int = 0  # ... that a gold fact labels agree or variant
    missing: list[str] = field(default_factory=list)  # gold phrases not found in the text
    outside: list[str] = field(default_factory=list)  # printed pairs no gold fact holds

    def add(self, other: FactScores) -> None:
        for name in self.__dataclass_fields__:
            if name not in ("missing", "outside"):
                setattr(self, name, getattr(self, name) + getattr(other, name))
        self.missing += other.missing
        self.outside += other.outside

    @property
    def outside_gold(self) -> int:
        return self.printed - self.backed - self.backed_update - self.contradicted

    @property
    def printed_precision(self) -> float:
        """Backed printed conflict pairs (conflict or update in the gold) of all printed."""
        right = self.backed + self.backed_update
        return right / self.printed if self.printed else 1.0

    @property
    def printed_precision_judged(self) -> float:
        """The same over the printed pairs the gold judges (backed or contradicted)."""
        right = self.backed + self.backed_update
        judged = right + self.contradicted
        return right / judged if judged else 1.0

    @property
    def alignment_recall(self) -> float:
        return self.aligned / self.gold_pairs if self.gold_pairs else 0.0

    @property
    def alignment_precision(self) -> float:
        merged = self.merged + self.wrong_merges
        return self.merged / merged if merged else 1.0

    @property
    def conflict_precision(self) -> float:
        return self.right_conflict / self.called_conflict if self.called_conflict else 1.0

    @property
    def conflict_recall(self) -> float:
        return self.found_conflict / self.gold_conflict if self.gold_conflict else 1.0

    @property
    def variant_recall(self) -> float:
        return self.found_variant / self.gold_variant if self.gold_variant else 1.0


def _find(text: str, phrase: str) -> tuple[int, int] | None:
    at = text.find(phrase)
    if at >= 0:
        return at, at + len(phrase)
    # the same words with any spacing
    pattern = r"\s*".join(re.escape(w) for w in phrase.split())
    m = re.search(pattern, text)
    return (m.start(), m.end()) if m else None


Located = tuple[str, str, str, int, int]  # gold fact, doc, article id, phrase start, end


def locate_mentions(
    gold: dict[str, Any], articles: Sequence[Article], missing: list[str] | None = None
) -> list[Located]:
    """Every gold mention whose phrase is found in its article's text; the others are
    added to ``missing`` ("doc: 'phrase'") when it is given."""
    by_doc = {n: a for a in articles for n in _names(a.source)}
    located: list[Located] = []
    for fact in gold["facts"]:
        for m in fact["mentions"]:
            art = by_doc.get(m["doc"])
            found = _find(art.text, m["phrase"]) if art else None
            if art is not None and found is not None:
                located.append((fact["id"], m["doc"], art.id, *found))
            elif missing is not None:
                missing.append(f"{m['doc']}: {m['phrase']!r}")
    return located


def pair_relations(gold: dict[str, Any]) -> dict[tuple[str, str, str], str]:
    """(gold fact, doc, doc) -> the gold relation of that pair, both ways round."""
    relation: dict[tuple[str, str, str], str] = {}
    for fact in gold["facts"]:
        for pair in fact["pairs"]:
            d1, d2 = pair["docs"]
            relation[(fact["id"], d1, d2)] = relation[(fact["id"], d2, d1)] = pair["relation"]
    return relation


def gold_relations(
    located: Sequence[Located],
    relation: Mapping[tuple[str, str, str], str],
    a: str,
    xs: Sequence[Span],
    b: str,
    ys: Sequence[Span],
) -> set[str | None]:
    """What the gold says of two articles' values (``xs`` in article ``a``, ``ys`` in
    ``b``): the relation of every gold fact with a mention of each article whose phrase
    overlaps one of its spans; None for a fact that holds both but no pair of them. An
    empty set: no gold fact holds the two values (the printed pair is outside the gold).
    """
    return {
        relation.get((f1, d1, d2))
        for f1, d1, a1, s1, e1 in located
        if a1 == a and any(s1 < sp.end and sp.start < e1 for sp in xs)
        for f2, d2, a2, s2, e2 in located
        if f2 == f1 and a2 == b and any(s2 < sp.end and sp.start < e2 for sp in ys)
    }


def score_story(gold: dict[str, Any], articles: Sequence[Article], story: Story) -> FactScores:
    """Pair scores of one reconciled story against its gold annotation."""
    out = FactScores()
    located = locate_mentions(gold, articles, out.missing)
    texts = {a.id: a.text for a in articles}
    for fact in gold["facts"]:
        where: dict[str, list[tuple[str, int, int]]] = {}
        for fid, doc, aid, start, end in located:
            if fid == fact["id"]:
                where.setdefault(doc, []).append((aid, start, end))
        value_of = {m["doc"]: str(m.get("value") or "") for m in fact["mentions"]}
        for pair in fact["pairs"]:
            d1, d2 = pair["docs"]
            gold_rel = pair["relation"]
            out.gold_pairs += 1
            out.gold_conflict += gold_rel == "conflict"
            out.gold_variant += gold_rel == "variant"
            out.gold_update += gold_rel == "update"
            values = (value_of.get(d1, ""), value_of.get(d2, ""))
            got = _predicted(story, where.get(d1, []), where.get(d2, []), _kind(fact["slot"]),
                             gold=values, texts=texts)  # fmt: skip
            if got is None:
                continue
            out.aligned += 1
            if got == "conflict":
                out.called_conflict += 1
                out.right_conflict += gold_rel == "conflict"
            out.found_conflict += got == gold_rel == "conflict"
            out.found_variant += got == gold_rel == "variant"
            out.found_update += got == gold_rel == "update"
    out.merged, out.wrong_merges = _merges(story, located)
    _audit_printed(out, gold, story, located, texts)
    return out


def _audit_printed(
    out: FactScores,
    gold: dict[str, Any],
    story: Story,
    located: list[Located],
    texts: Mapping[str, str],
) -> None:
    """Count the pairs of articles the story's conflict comparisons set apart, by what
    the gold says of them (see the module's docstring)."""
    relation = pair_relations(gold)
    for f in story.facts:
        for c in f.comparisons:
            if c.relation != "conflict":
                continue
            sides: dict[tuple[str, str], tuple[list[Span], list[Span]]] = {}
            for i, gi in enumerate(c.groups):
                for gj in c.groups[i + 1 :]:
                    for a in gi.article_ids:
                        for b in gj.article_ids:
                            if a == b:
                                continue
                            key, (x, y) = ((a, b), (gi, gj)) if a < b else ((b, a), (gj, gi))
                            xs, ys = sides.setdefault(key, ([], []))
                            xs += [sp for sp in x.spans if sp.article_id == key[0]]
                            ys += [sp for sp in y.spans if sp.article_id == key[1]]
            for (a, b), (xs, ys) in sorted(sides.items()):
                out.printed += 1
                said = gold_relations(located, relation, a, xs, b, ys)
                if "conflict" in said:
                    out.backed += 1
                elif "update" in said:
                    out.backed_update += 1
                elif said & {"agree", "variant"}:
                    out.contradicted += 1
                else:
                    out.outside.append(_printed_pair(c, a, b, xs, ys, texts))


def _printed_pair(
    c: Comparison, a: str, b: str, xs: list[Span], ys: list[Span], texts: Mapping[str, str]
) -> str:
    """One line a person can judge: the slot, and each side's value in its words."""

    def side(aid: str, spans: list[Span]) -> str:
        text = texts.get(aid, "")
        sp = spans[0] if spans else None
        if sp is None:
            return f"{aid}: ?"
        lo, hi = max(0, sp.start - 60), min(len(text), sp.end + 60)
        around = " ".join(text[lo:hi].split())
        return f"{aid}: [{text[sp.start : sp.end]}] …{around}…"

    return f"{c.slot}: {side(a, xs)} || {side(b, ys)}"


def _merges(story: Story, located: list[Located]) -> tuple[int, int]:
    """Pairs of gold mentions of two reports held by one fact: (of one gold fact, of
    two different gold facts whose two statements share no gold fact)."""
    right: set[tuple[str, str, str]] = set()
    wrong: set[tuple[str, str, str, str]] = set()
    for f in story.facts:
        # each mention held by the fact, with the statement holding it
        held: list[tuple[str, str, int]] = []
        for fid, doc, aid, s, e in located:
            for k, st in enumerate(f.statements):
                if st.span.article_id == aid and st.span.start < e and s < st.span.end:
                    held.append((fid, doc, k))
                    break
        facts_of: dict[int, set[str]] = {}
        for fid, _, k in held:
            facts_of.setdefault(k, set()).add(fid)
        for n, (f1, d1, k1) in enumerate(held):
            for f2, d2, k2 in held[n + 1 :]:
                if d1 == d2:
                    continue
                if f1 == f2:
                    lo, hi = sorted((d1, d2))
                    right.add((f1, lo, hi))
                elif not facts_of[k1] & facts_of[k2]:
                    a, b = sorted(((f1, d1), (f2, d2)))
                    wrong.add((*a, *b))
    return len(right), len(wrong)


# What a gold slot's value is, by how the gold names slots ("who: …", "date of: …"), and
# the same for a comparison's slot; "number" for the rest (counts, sizes, amounts).
_KINDS = (("who", "actor"), ("whom", "actor"), ("date of", "date"), ("time of", "time"),
          ("place of", "place"), ("age", "age"))  # fmt: skip


def _kind(slot: str) -> str:
    head = slot.split(":")[0].strip().casefold()
    return next((k for prefix, k in _KINDS if head == prefix or head.startswith(prefix + " ")),
                "number")  # fmt: skip


def _predicted(
    story: Story,
    xs: list[tuple[str, int, int]],
    ys: list[tuple[str, int, int]],
    kind: str | None = None,
    *,
    gold: tuple[str, str] | None = None,
    texts: Mapping[str, str] | None = None,
) -> str | None:
    """The relation the story gives two gold mentions, None when no fact holds both.

    A fact holds a mention when one of its statements, or a value its comparisons cite
    (a value of the slot the fact's sentences lack), overlaps the mention's phrase.
    The pair's relation is that of the most severe comparison that puts the values in
    the two phrases in different groups (a comparison of other values of the same
    sentences is about another slot); agree when none does. With the two mentions'
    ``gold`` values and the articles' ``texts``, a group's value must be the gold value
    (:func:`same_words`): in "sentenced to 2 years, with 9 months to serve" the months
    served are not the sentence, so a comparison of the sentences says nothing of them.
    """
    aligned = False
    found = "agree"
    for f in story.facts:
        held = [st.span for st in f.statements]
        held += [sp for c in f.comparisons for g in c.groups for sp in g.spans]
        hold = {
            aid
            for sp in held
            for aid, s, e in (*xs, *ys)
            if sp.article_id == aid and sp.start < e and s < sp.end
        }
        if not any(x[0] in hold for x in xs) or not any(y[0] in hold for y in ys):
            continue
        aligned = True
        for c in f.comparisons:
            if kind is not None and _kind(c.slot) != kind:
                continue  # a comparison of another kind of value in the same words
            ga = _group_of(c, xs, gold[0] if gold else None, texts)
            gb = _group_of(c, ys, gold[1] if gold else None, texts)
            if ga is None or gb is None or ga == gb:
                continue
            if found == "agree" or SEVERITY[c.relation] > SEVERITY[found]:
                found = c.relation
    return found if aligned else None


def _group_of(
    c: Comparison,
    phrases: list[tuple[str, int, int]],
    value: str | None = None,
    texts: Mapping[str, str] | None = None,
) -> int | None:
    """The group of ``c`` holding a value inside one of the phrases: one whose words are
    the gold ``value``'s when it and the articles' ``texts`` are given and the phrase
    holds those words at all (a gold value written with a note, "yesterday (published
    December 20, 2005)", is matched by place alone)."""
    for k, g in enumerate(c.groups):
        for sp in g.spans:
            inside = [(aid, s, e) for aid, s, e in phrases
                      if sp.article_id == aid and s <= sp.start < e]  # fmt: skip
            if not inside:
                continue
            text = texts.get(sp.article_id) if texts is not None and value else None
            if (
                text is None
                or not same_words(text[inside[0][1] : inside[0][2]], value or "")
                or same_words(text[sp.start : sp.end], value or "")
            ):
                return k
    return None


def same_words(text: str, gold_value: str) -> bool:
    """Whether a claim's words are those of a gold value: a figure in common when the
    gold value has one ("£88" and "£88m", "120, 000" and "120,000"), else a word.

    >>> same_words("Sixty", "60"), same_words("2 years", "9 months")
    (True, False)
    """

    def words(t: str) -> set[str]:
        t = re.sub(r"(\d),\s?(?=\d{3}(?!\d))", r"\1", t.casefold())
        found = set(re.findall(r"\d+(?:\.\d+)?|[^\W\d_]+", t))
        # number words are figures too ("Sixty-year-old", "60")
        found |= {f"{v:g}" for w in found if (v := _number_value(w)) is not None}
        return found - {"on", "in", "at", "the"}

    def figures(found: set[str]) -> set[str]:
        return {w for w in found if w[0].isdigit()}

    gold = words(gold_value)
    if figures(gold):
        return bool(figures(words(text)) & figures(gold))
    return bool(words(text) & gold)


def _doc_name(source: str) -> str:
    name = Path(source).name
    return re.sub(r"\.(?:xml|txt|html?|md)$", "", name)


def _names(source: str) -> tuple[str, str]:
    """How a gold file may name a document: its file name, or the name without extension."""
    return Path(source).name, _doc_name(source)


def read_documents(gold: dict[str, Any], root: Path, ecbplus: Path) -> list[Document]:
    """The gold story's documents, as newsprism reads them."""
    wanted = list(gold["documents"])
    if gold.get("corpus", "ecbplus") == "ecbplus":
        from .stories import read_ecbplus

        topics = {int(d.split("_")[0]) for d in wanted}
        docs = {n: d for d, _ in read_ecbplus(ecbplus, topics) for n in _names(d.source)}
    else:
        from ..ingest.sources import read_sources

        folder = root / gold["corpus"]
        docs = {
            n: d
            for d in read_sources([str(folder)], Settings())
            if isinstance(d, Document)
            for n in _names(d.source)
        }
    missing = [w for w in wanted if w not in docs]
    if missing:
        raise InputError(f"{gold['story']}: documents not found: {', '.join(missing[:5])}")
    return [docs[w] for w in wanted]


def evaluate_facts(
    gold_dir: Path, root: Path, ecbplus: Path = ECBPLUS, settings: Settings | None = None
) -> dict[str, FactScores]:
    """Scores per gold story in ``gold_dir`` (one ``<story>.json`` each)."""
    from ..analyze.pipeline import analyze_articles
    from ..ingest.build import build_articles
    from ..reconcile import reconcile

    settings = settings or Settings()
    out: dict[str, FactScores] = {}
    for path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(path.read_text("utf-8"))
        documents = read_documents(gold, root, ecbplus)
        articles, _ = build_articles(documents, settings)
        analyses = analyze_articles(articles, settings)
        story = reconcile(articles, analyses)
        out[gold.get("story", path.stem)] = score_story(gold, articles, story)
    return out


def format_facts(results: dict[str, FactScores]) -> str:
    """One row per story and the overall row."""
    head = (f"{'story':<14}{'pairs':>6}{'align R':>9}{'align P':>9}{'confl P':>9}{'confl R':>9}"
            f"{'var R':>8}{'upd R':>8}   conflicts called/gold  variants found/gold"
            "  printed backed/contradicted/outside")  # fmt: skip
    rows = [head]
    total = FactScores()

    def row(name: str, s: FactScores) -> str:
        upd = s.found_update / s.gold_update if s.gold_update else 1.0
        return (
            f"{name:<14}{s.gold_pairs:>6}{s.alignment_recall:>9.3f}"
            f"{s.alignment_precision:>9.3f}{s.conflict_precision:>9.3f}"
            f"{s.conflict_recall:>9.3f}{s.variant_recall:>8.3f}{upd:>8.3f}   "
            f"{s.right_conflict:>4}/{s.called_conflict:<4} of {s.gold_conflict:<4}"
            f"   {s.found_variant:>4}/{s.gold_variant:<4}"
            f"      {s.backed + s.backed_update}/{s.contradicted}/{s.outside_gold} of {s.printed}"
        )

    for name, s in results.items():
        rows.append(row(name, s))
        total.add(s)
    rows.append(row("overall", total))
    rows.append(
        f"printed conflicts (pairs of articles): {total.printed}; backed by the gold "
        f"{total.backed} (+{total.backed_update} labelled update), contradicted "
        f"{total.contradicted}, outside the gold {total.outside_gold}; precision "
        f"{total.printed_precision:.3f} of all printed, {total.printed_precision_judged:.3f} "
        "of those the gold judges"
    )
    if total.missing:
        rows.append(f"{len(total.missing)} gold phrases not found, e.g. {total.missing[0]}")
    return "\n".join(rows)
