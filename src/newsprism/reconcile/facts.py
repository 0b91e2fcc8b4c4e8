"""Facts: statements that report the same thing across articles, and how they compare.

A statement is a sentence with its claims (:mod:`newsprism.analyze.claims`): the
checkable values it states and what each is of. Statements of different articles
are aligned by a fitted model (:mod:`.align`); each fact holds at most one
statement per article. Its claims are then compared slot by slot
(:mod:`.claims`): articles giving one value form a group, and the groups are a
variant, an update or a conflict. The fact's status is the most severe relation
(an update is not a disagreement: the fact stays corroborated). Precision over
recall: vague amounts, a slot given two values by one article, and values of
different occurrences are never compared.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import replace

import numpy as np
import numpy.typing as npt

from ..analyze.embed import unpack
from ..analyze.holders import LENGTH_KINDS
from ..records import Analysis, Claim, Comparison, Fact, FactStatus, Sentence, Span, Statement
from .align import (
    ScoredClaims,
    claim_groups,
    claim_probabilities,
    content_words,
    group,
    probabilities,
    value_key,
    word_similarity,
)
from .blocking import copies_of, copy_key, expand, expand_claims
from .built import with_built_years
from .claims import (
    PlaceRelation,
    SameSlot,
    compare_claims,
    gazetteer_places,
    kept_together,
    relation,
    said_of,
)
from .posts import with_posts

__all__ = [
    "account", "build_facts", "compare", "content_words", "is_value_check", "statements_of",
    "word_similarity",
]  # fmt: skip

MIN_WORDS = 5
# A sentence shorter than MIN_WORDS is still a statement when it is a whole sentence
# (ending in a full stop) giving a figure or a date the parse ties to an occurrence or
# a named holder: a report closes a paragraph with "Jones now has 1,873." or "She died
# in 1984.", the one place it gives that value. Headlines and captions of few words end
# without a full stop; a credit line or a fragment ("Via wire desk 2.", "900 a month.")
# ties its figure to nothing.
_FIGURES = frozenset({"count", "measure", "age", "date", "time", "record"})
# Fact ids: "f1"… for groups of sentences that report one thing, "v1"… for one value
# (a slot) checked across the sentences of several articles.
SENTENCES = "f"
VALUES = "v"
_REPORT_CUE = re.compile(
    r"\b(?:said|says|announced|announces|stated|states|reported|released|statement|told|"
    r"confirmed|added|declared|wrote|tweeted|posted)\b[^;]{0,60}$",
    re.I,
)


def _gives_a_figure(sent: Sentence, claims: Sequence[Claim]) -> bool:
    """Whether a short sentence is a whole one (ending in a full stop) giving a figure or
    a date tied to an occurrence or a named holder (see :data:`_FIGURES`)."""
    s, e = sent.span.start, sent.span.end
    return sent.text.rstrip().endswith(".") and any(
        c.kind in _FIGURES and (c.predicate or c.holder)
        for c in claims
        if s <= c.span.start and c.span.end <= e
    )


def statements_of(
    analysis: Analysis, text: str, entity_of: dict[Span, str]
) -> list[tuple[Statement, int]]:
    """The article's statements with their sentence index (for its embedding)."""
    out = []
    for i, sent in enumerate(analysis.sentences):
        s, e = sent.span.start, sent.span.end
        if len(sent.text.split()) < MIN_WORDS and not _gives_a_figure(sent, analysis.claims):
            continue

        def inside(span: Span, s: int = s, e: int = e) -> bool:
            return s <= span.start and span.end <= e

        ents = tuple(dict.fromkeys(entity_of[m.span] for m in analysis.mentions
                                   if inside(m.span) and m.span in entity_of))  # fmt: skip
        places = tuple(dict.fromkeys(m.place for m in analysis.mentions
                                     if inside(m.span) and m.place))  # fmt: skip
        durations = [t.span for t in analysis.times if t.granularity == "duration"]
        # a number inside a duration ("180-day") is compared as a duration, not a count
        quantities = tuple(
            q for q in analysis.quantities
            if inside(q.span)
            and not any(d.start < q.span.end and q.span.start < d.end for d in durations)
        )  # fmt: skip
        times = tuple(
            t for t in analysis.times
            if inside(t.span) and t.granularity != "duration" and t.start
            and not _REPORT_CUE.search(text[s : t.span.start])
        )  # fmt: skip
        claims = tuple(c for c in analysis.claims if inside(c.span))
        out.append((Statement(sent.span, sent.text, ents, quantities, times, places, claims), i))
    return out


def compare(
    a: Statement,
    b: Statement,
    entity_of: Mapping[Span, str] | None = None,
    published: Mapping[str, str | None] | None = None,
) -> list[tuple[str, str]]:
    """What differs between two statements of one fact: (relation, description) per slot."""
    found = compare_claims(said_of((*a.claims, *b.claims), entity_of or {}, published or {}))
    return [(c.relation, describe(c)) for c in found]


_NOT_COUNTED = frozenset({"date of", "time of", "place of", "who", "whom", "age of"})
# the slot's last part when it is a unit of measure, not a counted thing: the value
# already carries its unit as written ("1,500 km", "6.2")
_MEASURES = LENGTH_KINDS | {"number", "m", "kg", "km/h", "days", "years", "magnitude"}


def plural(noun: str) -> str:
    """The plural a reader expects after a figure: "villages", "countries", "boxes",
    "people"; a noun already plural stays.

    >>> [plural(w) for w in ("village", "country", "box", "person", "people", "day")]
    ['villages', 'countries', 'boxes', 'people', 'people', 'days']
    """
    if noun == "person":
        return "people"
    if noun.endswith(("s", "people", "police", "staff", "personnel")):
        return noun
    if noun.endswith("y") and len(noun) > 1 and noun[-2] not in "aeiou":
        return noun[:-1] + "ies"
    if noun.endswith(("x", "z", "ch", "sh")):
        return noun + "es"
    return noun + "s"


def _names(value: str, thing: str) -> bool:
    """Whether a value as shown already names the counted thing ("over 130 mortars and
    rockets" of mortars), which is then not written after it again."""
    words = set(re.findall(r"[a-z]+", value.casefold()))
    return thing.casefold() in words or plural(thing).casefold() in words


def describe(c: Comparison) -> str:
    """One line a reader reads: "killed: people — 3 sources say 12 · 1 says 11"."""
    parts = []
    _, _, thing = c.slot.partition(": ")
    counted = c.slot.split(":")[0] not in _NOT_COUNTED
    for g in c.groups:
        n = len(g.article_ids)
        value = g.value
        if counted and thing and thing not in _MEASURES and not _names(value, thing):
            value += f" {thing}" if value == "1" else f" {plural(thing)}"
        parts.append(f"{n} {'source says' if n == 1 else 'sources say'} {value}")
    return f"{c.relation} on {c.slot}: {' · '.join(parts)}"


def build_facts(
    analyses: Sequence[Analysis],
    texts: dict[str, str],
    entity_of: dict[Span, str],
    origin_of: dict[str, str],
    published: Mapping[str, str | None] | None = None,
    places: PlaceRelation | None = None,
) -> tuple[Fact, ...]:
    """Every fact of the story: aligned, compared, with a status and a one-sentence note.

    ``published`` (article id → YYYY-MM-DD) orders updates; ``places`` relates two
    place values (same | contains | within | disjoint), ISO 3166 codes by default.
    """
    statements: list[Statement] = []
    rows: list[npt.NDArray[np.float32]] = []
    for analysis in analyses:
        vectors = unpack(analysis.embeddings, analysis.embedding_dim or 512)
        for st, i in statements_of(analysis, texts[analysis.article_id], entity_of):
            statements.append(st)
            rows.append(vectors[i] if i < len(vectors) else np.zeros(512, dtype=np.float32))
    if not statements:
        return ()
    # a post written without its organisation is the story's one organisation's
    statements = with_posts(statements)
    # a structure's age gives the year it was built (reconcile/built.py)
    statements = with_built_years(statements, published or {})
    # a sentence an article of its origin already printed (a reprint) is aligned once,
    # through that article's sentence, and joins its fact (blocking.py says how exact)
    articles = [st.span.article_id for st in statements]
    copy = copies_of([copy_key(st, entity_of) for st in statements], articles, origin_of)
    kept = [k for k, c in enumerate(copy) if c is None]
    rep = {k: n for n, k in enumerate(kept)}
    rep.update({k: rep[c] for k, c in enumerate(copy) if c is not None})
    distinct = [statements[k] for k in kept]
    held: dict[str, list[int]] = {}  # each article's sentences, reprinted ones by their original
    for k, a in enumerate(articles):
        held.setdefault(a, []).append(rep[k])
    vectors = np.stack([rows[k] for k in kept])
    p = probabilities(distinct, vectors, held)
    if places is None:
        places = gazetteer_places([c for st in statements for c in st.claims])
    order = {a.article_id: k for k, a in enumerate(analyses)}
    facts: list[Fact] = []
    slot_facts: list[Fact] = []
    printed_by: list[set[str]] = [set() for _ in kept]
    for a, reps in held.items():
        for r in reps:
            printed_by[r].add(a)
    joined = group(distinct, p, printed_by)
    groups = expand(joined, kept, copy, articles)
    scored = claim_probabilities(distinct, p, entity_of, vectors)
    same_slot = _same_slot(scored, joined, statements, rep)

    def central(members: list[int]) -> str:
        # each wording weighs as often as it is printed, and a copy is taken for the
        # surest match of its original
        count = Counter(rep[k] for k in members)
        reps = sorted(count)
        if len(reps) == 1:
            return distinct[reps[0]].text
        weight = np.array([count[r] for r in reps], dtype=np.float64)
        score = p[np.ix_(reps, reps)] @ weight + (weight - 1)
        return distinct[reps[int(np.argmax(score))]].text

    # one fact per group of sentences that report one thing, compared slot by slot ...
    fact_of: dict[int, Fact] = {}
    for members in groups:
        sts = sorted((statements[k] for k in members),
                     key=lambda st: (order[st.span.article_id], st.span.start))  # fmt: skip
        rest = [c for s in members for c in statements[s].claims]
        facts.append(_fact(sts, central(members), origin_of, entity_of,
                           published or {}, places, rest, same_slot=same_slot))  # fmt: skip
        fact_of.update({k: facts[-1] for k in members})
    # ... and one per slot that two articles or more give a value for, unless a sentence
    # fact already holds all its sentences and makes the same comparisons
    slots = expand_claims(claim_groups(distinct, p, entity_of, vectors, scored), kept, copy,
                          articles, lambda s, k: value_key(statements[s].claims[k]))  # fmt: skip
    dated = published or {}
    parts = [part for claims in slots
             for part in _kept_together(claims, statements, entity_of, dated, places)]  # fmt: skip
    for claims in parts:
        members = sorted({s for s, _ in claims})
        sts = sorted((statements[k] for k in members),
                     key=lambda st: (order[st.span.article_id], st.span.start))  # fmt: skip
        chosen = [statements[s].claims[k] for s, k in claims]
        fact = _fact(sts, central(members), origin_of, entity_of,
                     published or {}, places, chosen)  # fmt: skip
        holders = {id(fact_of[k]) for k in members}
        if len(holders) == 1 and _partitions(fact) <= _partitions(fact_of[members[0]]):
            continue
        slot_facts.append(fact)
    slot_facts = _printed_once(facts, slot_facts)
    # the account first (groups of sentences), then the values checked across sentences;
    # each most supported first, then in reading order
    facts.sort(key=lambda f: (-f.independent_sources, -len(f.statements)))
    slot_facts.sort(key=lambda f: (-f.independent_sources, -len(f.statements)))
    return tuple(
        Fact(f"{prefix}{n}", f.summary, f.status, f.independent_sources, f.statements, f.note,
             f.origins, f.date_start, f.date_end, f.differences, f.comparisons)
        for prefix, part in ((SENTENCES, facts), (VALUES, slot_facts))
        for n, f in enumerate(part, 1)
    )  # fmt: skip


def _kept_together(
    claims: Sequence[tuple[int, int]],
    statements: Sequence[Statement],
    entity_of: Mapping[Span, str],
    published: Mapping[str, str | None],
    places: PlaceRelation,
) -> list[list[tuple[int, int]]]:
    """A value check's claims (statement index, claim index) in the parts whose values
    can be weighed against each other (:func:`claims.kept_together`): a background year
    the claim model joined to a recent date of another occurrence is a value check of
    its own, or none (the relation decision first: a conflict stays one). Parts of one
    article are dropped."""
    chosen = [statements[s].claims[k] for s, k in claims]
    # with their sentences: whether two dates are of two occurrences reads them
    # (claims.other_occurrences)
    said = said_of(chosen, entity_of, published,
                   [(statements[s].span, statements[s].text) for s, _ in claims])  # fmt: skip
    by_value: dict[tuple[object, ...], list[int]] = {}
    for n, c in enumerate(chosen):
        by_value.setdefault((c.value, c.start, c.end, c.low, c.high), []).append(n)
    groups = list(by_value.values())
    values = [[said[n] for n in g] for g in groups]
    if len(values) < 2 or chosen[0].kind != "date":
        # actors of two occurrences stay one value check (not compared): a name and its
        # fuller form ("Nora Blake", "Nora M. Blake") hold sentences of one fact
        return [list(claims)]
    rel = {(i, j): relation(values[i][0], values[j][0], places, one_slot=True)
           for i in range(len(values)) for j in range(i + 1, len(values))}  # fmt: skip
    out = []
    for part in kept_together(values, rel):
        members = sorted(claims[n] for k in part for n in groups[k])
        if len({statements[s].span.article_id for s, _ in members}) >= 2:
            out.append(members)
    return out


def _same_slot(
    scored: ScoredClaims,
    joined: Sequence[Sequence[int]],
    statements: Sequence[Statement],
    rep: Mapping[int, int],
) -> SameSlot:
    """The claim model's P(one slot) of two claims of one fact of sentences (``joined``:
    groups of the distinct sentences ``scored`` reads), None for a pair it did not score;
    a reprint's claims are read through the sentence it copies (a copy holds the same
    claims in the same order). Only pairs inside one fact are kept: those are the pairs
    a fact's comparisons ask about."""
    claims, x, y, prob = scored
    fact_of = np.full(sum(len(g) for g in joined), -1, dtype=np.intp)  # every sentence is in one
    for g, members in enumerate(joined):
        fact_of[list(members)] = g
    stmt = np.array([s for s, _ in claims], dtype=np.intp)
    inside = (fact_of[stmt[x]] >= 0) & (fact_of[stmt[x]] == fact_of[stmt[y]])
    n = len(claims)
    # pairs as one integer each, both ways; claims looked up by identity (the facts
    # compare the statements' own claim objects), not by hashing a record
    xi, yi, pi = x[inside], y[inside], prob[inside]
    table = dict(zip((xi * n + yi).tolist() + (yi * n + xi).tolist(), pi.tolist() * 2, strict=True))
    index = {c: k for k, c in enumerate(claims)}
    number = {id(c): index[(rep[k], m)] for k, st in enumerate(statements)
              for m, c in enumerate(st.claims)}  # fmt: skip

    def same_slot(a: Claim, b: Claim) -> float | None:
        ka, kb = number.get(id(a)), number.get(id(b))
        return table.get(ka * n + kb) if ka is not None and kb is not None else None

    return same_slot


def account(facts: Sequence[Fact]) -> tuple[Fact, ...]:
    """The facts that are groups of sentences (the account events and the timeline are
    built from), without the values checked across sentences."""
    return tuple(f for f in facts if not is_value_check(f.id))


def is_value_check(fact_id: str) -> bool:
    """Whether a fact is a value check (``v1``…: one slot compared across sentences of
    different facts) rather than a fact of sentences (``f1``…)."""
    return fact_id.startswith(VALUES)


def _partitions(fact: Fact) -> set[tuple[str, frozenset[frozenset[Span]]]]:
    """What a fact's comparisons say: each relation with its groups of values."""
    return {(c.relation, frozenset(frozenset(g.spans) for g in c.groups)) for c in fact.comparisons}


def _central(members: list[int], p: npt.NDArray[np.float64]) -> int:
    """The statement most likely the same as the others: the fact's summary."""
    if len(members) == 1:
        return members[0]
    sub = p[np.ix_(members, members)].sum(axis=1)
    return members[int(np.argmax(sub))]


def _fact(
    sts: list[Statement],
    summary: str,
    origin_of: dict[str, str],
    entity_of: Mapping[Span, str],
    published: Mapping[str, str | None],
    places: PlaceRelation | None,
    claims: Sequence[Claim],
    *,
    same_slot: SameSlot | None = None,
) -> Fact:
    """One fact of ``sts``: a fact of sentences when ``same_slot`` is given (their claims
    sorted into slots by the rules and the claim model), else a value check (``claims``
    are values of one slot)."""
    origins = tuple(dict.fromkeys(origin_of[st.span.article_id] for st in sts))
    said = said_of(claims, entity_of, published, [(st.span, st.text) for st in sts])
    one = same_slot is None
    named: dict[str, frozenset[str]] = {}
    for st in sts:
        aid = st.span.article_id
        named[aid] = named.get(aid, frozenset()) | frozenset(st.entities)
    comparisons = (
        compare_claims(said, places, one_slot=one, same_slot=same_slot, names_of=named) if places
        else compare_claims(said, one_slot=one, same_slot=same_slot, names_of=named)
    )  # fmt: skip
    status, note = _status(comparisons, origins, len(sts))
    times = [t for st in sts for t in st.times if t.year_known and t.start]
    return Fact(
        "",
        summary,
        status,
        len(origins),
        tuple(sts),
        note,
        origins,
        min((t.start or "" for t in times), default=None),
        max((t.end or t.start or "" for t in times), default=None),
        tuple(describe(c) for c in comparisons),
        comparisons,
    )


def _status(
    comparisons: Sequence[Comparison], origins: Sequence[str], articles: int
) -> tuple[FactStatus, str]:
    """A fact's status (its most severe comparison) and the one sentence that says why."""
    relations = {c.relation for c in comparisons}
    status: FactStatus
    if "conflict" in relations:
        status = "conflict"
        note = "; ".join(describe(c) for c in comparisons if c.relation == "conflict")
    elif "variant" in relations:
        status = "variant"
        note = "; ".join(describe(c) for c in comparisons if c.relation == "variant")
    elif len(origins) >= 2:
        status = "corroborated"
        note = f"{len(origins)} independent origins ({articles} articles) agree"
        if relations:
            note += "; " + "; ".join(describe(c) for c in comparisons)
    else:
        status = "single_source"
        note = (
            "reported by one article only" if articles == 1
            else f"reported by {articles} articles of one origin ({origins[0]})"
        )  # fmt: skip
    return status, note[0].upper() + note[1:] + "."


def _spans(c: Comparison) -> frozenset[Span]:
    return frozenset(sp for g in c.groups for sp in g.spans)


def _printed_once(facts: list[Fact], checks: Sequence[Fact]) -> list[Fact]:
    """Each slot compared once, in its fullest form, where the reader meets it.

    A value check whose values one fact's comparison of the same slot already holds
    says nothing new and drops that comparison. A value check that holds every value
    one fact of sentences compares on the slot, and more (an article whose value sits
    in a sentence of another fact), takes the place of that fact's comparison: "4
    sources say more than 15 · 1 says 15" is printed with the count's sentences, not
    beside "3 sources say more than 15 · 1 says 15"; its citations point at the values
    the fact's sentences lack (the fact's sentences, and so its dates and the
    timeline, stay those the alignment chose). When the values of two facts are the
    check's, the check is their link and they drop their parts of it. A check is
    dropped when none of its comparisons is left. Only comparisons of one relation hold
    each other: a check's variant of every value ("about 150", "150 west of X", "around
    150 east of X") leaves the conflict a fact sets apart inside it.
    ``facts`` is updated in place; the value checks left are returned."""
    # a slot's comparisons of one relation: a check's variant of every value does not
    # hold the conflict a fact sets apart inside it (a bridged conflict, claims._comparisons)
    of_slot: dict[tuple[str, str], list[tuple[int, int]]] = {}
    for i, f in enumerate(facts):
        for j, c in enumerate(f.comparisons):
            of_slot.setdefault((c.slot, c.relation), []).append((i, j))
    partial: dict[int, set[int]] = {}  # fact → its comparisons a value check holds
    taken: dict[tuple[int, int], tuple[Comparison, Fact]] = {}
    kept: list[Fact] = []
    for check in checks:
        left = []
        for k in check.comparisons:
            spans = _spans(k)
            same = of_slot.get((k.slot, k.relation), [])
            if any(spans <= _spans(facts[i].comparisons[j]) for i, j in same):
                continue
            inside = [(i, j) for i, j in same if _spans(facts[i].comparisons[j]) < spans]
            if len(inside) == 1 and inside[0] not in taken:
                taken[inside[0]] = (k, check)
                continue
            left.append(k)
            for i, j in inside:
                partial.setdefault(i, set()).add(j)
        if len(left) == len(check.comparisons):
            kept.append(check)
        elif left:
            kept.append(_compared(check, left))
    for (i, j), (k, check) in taken.items():
        if j in partial.get(i, ()):
            kept.append(_compared(check, [k]))  # another check holds part of it too
            continue
        f = facts[i]
        facts[i] = _compared(f, (*f.comparisons[:j], k, *f.comparisons[j + 1 :]))
    for i, drop in partial.items():
        f = facts[i]
        facts[i] = _compared(f, [c for j, c in enumerate(f.comparisons) if j not in drop])
    return kept


def _compared(fact: Fact, comparisons: Sequence[Comparison]) -> Fact:
    """``fact`` with only ``comparisons``: its status, note and differences anew."""
    status, note = _status(comparisons, fact.origins, len(fact.statements))
    return replace(fact, status=status, note=note, comparisons=tuple(comparisons),
                   differences=tuple(describe(c) for c in comparisons))  # fmt: skip
