"""Alignment: which statements and claims of different articles report the same thing.

A fitted logistic model (:mod:`newsprism.fit`) weighs named signals of a pair of
sentences from two articles of one story:

* ``embedding`` — cosine of their sentence embeddings;
* ``words`` — cosine of their content words weighted by rarity in the story;
* ``entities`` — story entities both name that few sentences name;
* ``values`` — checkable values both state (a number, a date, a place);
* ``slots`` — occurrences both give a value for ("killed", "date of: arrest");
* ``kinds`` — kinds of value both give (a count, a date, a place: slot compatibility
  even when the values differ, as in a conflict);
* ``slot_words`` — words both use around a value of one kind ("damage" beside a sum);
* ``specific_values`` — shared values unlikely to agree by chance (a full date, 2.5m);
* ``mutual_best`` / ``best_either`` — whether each is the other's closest sentence in
  the other article, or one is;
* ``lead`` / ``early`` — where the two stand in their articles (a lead states the main
  facts).

A second model weighs pairs of claims of one kind (:data:`CLAIM_FEATURES`): the
sentences' probability and embedding, the predicate and counted thing, the values,
and the words around each value, which say what a number without a noun is of ("aged
41", "12 and 15").

The shipped weights were fitted by ``bench/fit_alignment.py`` on the development gold
of facts (``tests/gold/facts``: mentions of one checkable fact in different reports are
positive pairs, of two different facts negative) with every signal, validated leaving
whole topics out, the folds recorded in ``bench/results/fit_alignment.json`` (a model
file names the features it uses, so weights fitted on fewer signals still read their
own). Statements are
joined greedily, most probable pairs first, into facts holding at most one statement
per article, a join kept only when the two groups belong together on average. Claims
are joined the same way into one fact per slot.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from ..analyze.claims import (
    ANNOUNCING,
    ASKING,
    CROWD,
    CURRENCIES,
    HOME,
    SUBMISSIONS,
    classed,
    game_position,
    offered,
    predicate_class,
    thing_class,
)
from ..analyze.dated import EXISTED
from ..analyze.disclosure import SECRECY
from ..analyze.partners import PARTNER
from ..analyze.roles import ROLE
from ..dates import MONTH_PATTERN
from ..fit import LogisticModel, load_model
from ..records import Claim, Span, Statement
from .built import built_pairs
from .date_rules import (
    day_of_report_year,
    one_day_either_way,
    one_held_by_other,
    span_of_one_occurrence,
    whole_years,
    written_years,
)
from .gone_into import to_place_gone_into
from .moves import move_claims
from .one_value import SLIPS, one_place_twice, place_part, repeated_value
from .pairs import codes, contains, shared_counts
from .posts import post_groups

MODEL_PATH = Path(__file__).with_name("align_model.json")
FEATURES = (
    "embedding", "words", "entities", "values", "slots", "mutual_best", "best_either",
    "kinds", "slot_words", "specific_values", "lead", "early",
)  # fmt: skip
# The combined closeness used to find each sentence's best match in another article.
LEXICAL_WEIGHT = 0.5
F32 = npt.NDArray[np.float32]
F64 = npt.NDArray[np.float64]

_STOP = frozenset(
    """a an the and or but of in on at to for from by with as is are was were be been has have
    had it its this that these those which who whom whose their his her they he she we you i
    not no so than then there here also into over under after before about against between
    during while would could should will can may might said says say""".split()
)


def content_words(text: str) -> list[str]:
    """Words that carry content, stop words left out, a plural "s" trimmed."""
    words = re.findall(r"[^\W\d_]+", text.casefold())
    return [w[:-1] if w.endswith("s") and len(w) > 3 else w for w in words if w not in _STOP]


def word_similarity(texts: Sequence[str]) -> F32:
    """Cosine of content-word vectors weighted by inverse document frequency."""
    docs = [Counter(content_words(t)) for t in texts]
    df = Counter(w for d in docs for w in d)
    n = len(docs)
    vocab = {w: i for i, w in enumerate(df)}
    m = np.zeros((n, len(vocab)), dtype=np.float32)
    for r, d in enumerate(docs):
        for w, c in d.items():
            m[r, vocab[w]] = c * np.log((1 + n) / (1 + df[w]))
    norms = np.linalg.norm(m, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    m /= norms
    result: F32 = m @ m.T
    return result


def value_key(c: Claim) -> str:
    """A claim's value as a key two articles can share."""
    if c.kind == "date" and not c.start:
        return f"weekday:{c.value}"
    if c.kind == "date" and (years := whole_years(c)) is not None:
        return f"date:{years}"
    if c.kind == "date":
        start, end = c.start or "", c.end or c.start or ""
        return f"date:{start[-5:]}:{end[-5:]}"
    if c.kind in {"count", "measure", "age", "time"}:
        return f"{c.kind}:{c.low}:{c.high}"
    if (part := place_part(c)) is not None:
        return f"{c.kind}:{c.value}:{part}"
    return f"{c.kind}:{c.value}"


def slot_key(c: Claim) -> str:
    """A claim's occurrence as a key two articles can share."""
    return f"{c.kind}:{predicate_class(c.predicate) or c.thing or ''}"


def _shared(sets: Sequence[set[str]], common: frozenset[str] | set[str] = frozenset()) -> F32:
    vocab: dict[str, int] = {}
    for s in sets:
        for k in s:
            if k not in common:
                vocab.setdefault(k, len(vocab))
    m = np.zeros((len(sets), max(1, len(vocab))), dtype=np.float32)
    for r, s in enumerate(sets):
        for k in s:
            if k in vocab:
                m[r, vocab[k]] = 1.0
    result: F32 = m @ m.T
    return result


def pair_features(
    statements: Sequence[Statement],
    vectors: F32,
    held: Mapping[str, Sequence[int]] | None = None,
    names: Sequence[str] = FEATURES,
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.intp], npt.NDArray[np.intp]]:
    """The features of every pair of statements of different articles: (x, i, j), the
    columns of ``x`` the features ``names`` (all of :data:`FEATURES` by default).

    ``held`` gives, for each article, the statements it prints, when some of them stand
    for a reprinted sentence of another article (:mod:`.blocking`): a statement's best
    match in an article is then sought among all the sentences it prints, and a
    statement the article reprints is its own best match there.
    """
    n = len(statements)
    emb = vectors @ vectors.T if n else np.zeros((0, 0), dtype=np.float32)
    words = word_similarity([st.text for st in statements])
    counts = Counter(e for st in statements for e in set(st.entities))
    # entities named in more than a fifth of the statements say nothing specific
    common = {e for e, c in counts.items() if c > max(2, n / 5)}
    ents = _shared([set(st.entities) for st in statements], common)
    # a post named with a person ("spokesman X") comes with every quote of theirs: it says
    # nothing of what two sentences report (see claim_groups)
    said = [[c for c in st.claims if c.thing not in {ROLE, PARTNER}] for st in statements]
    values = _shared([{value_key(c) for c in cs} for cs in said])
    slots = _shared([{slot_key(c) for c in cs} for cs in said])
    kinds = _shared([{c.kind for c in cs} for cs in said])
    # what each value is of, in the words around it: "damage" near a sum, "aged" near a number
    slot_words = _shared(
        [
            {f"{c.kind}:{w}" for c in cs for w in near_words(c, st)}
            for cs, st in zip(said, statements, strict=True)
        ]
    )
    specific = _shared([{value_key(c) for c in cs if _specificity(c) >= 0.5} for cs in said])
    articles = np.array([st.span.article_id for st in statements])
    # the statement's place in its article: a lead states the story's main facts
    rank = np.zeros(n)
    seen: Counter[str] = Counter()
    for k, st in enumerate(statements):
        rank[k] = seen[st.span.article_id]
        seen[st.span.article_id] += 1
    other = articles[:, None] != articles[None, :]
    close = np.where(other, emb + LEXICAL_WEIGHT * words, -np.inf)
    # each statement's best match in every other article
    best = np.zeros((n, n), dtype=bool)
    if held is None:
        held = {a: np.flatnonzero(articles == a).tolist() for a in dict.fromkeys(articles.tolist())}
    for a, printed in held.items():
        cols = np.unique(np.asarray(printed, dtype=np.intp))
        rows = np.flatnonzero((articles != a) & ~np.isin(np.arange(n), cols))
        if len(rows) and len(cols):
            pick = cols[np.argmax(close[np.ix_(rows, cols)], axis=1)]
            own = articles[pick] == a  # a reprinted one stands for its copy: no pair scored
            best[rows[own], pick[own]] = True
    mutual = best & best.T
    either = best | best.T
    i, j = np.nonzero(np.triu(other, 1))
    columns: dict[str, Callable[[], npt.NDArray[Any]]] = {
        "embedding": lambda: emb[i, j],
        "words": lambda: words[i, j],
        "entities": lambda: np.minimum(ents[i, j], 3),
        "values": lambda: np.minimum(values[i, j], 3),
        "slots": lambda: np.minimum(slots[i, j], 3),
        "mutual_best": lambda: mutual[i, j],
        "best_either": lambda: either[i, j],
        "kinds": lambda: np.minimum(kinds[i, j], 3),
        "slot_words": lambda: np.minimum(slot_words[i, j], 5),
        "specific_values": lambda: np.minimum(specific[i, j], 3),
        "lead": lambda: (rank[i] == 0) & (rank[j] == 0),
        "early": lambda: (1 / (1 + rank[i]) + 1 / (1 + rank[j])) / 2,
    }
    # filled column by column, in the order asked (a model's own): no stacked copies of
    # a big story's millions of pairs
    x = np.empty((len(i), len(names)))
    for k, name in enumerate(names):
        x[:, k] = columns[name]()
    return x, i, j


def named(
    x: npt.NDArray[np.float64], names: Sequence[str], m: LogisticModel
) -> npt.NDArray[np.float64]:
    """The columns of ``x`` (one per name in ``names``) that the model was fitted on, in
    its order: a model file names its features, so one fitted on fewer signals than the
    code computes still reads its own."""
    return x[:, [names.index(f) for f in m.features]]


@lru_cache(maxsize=1)
def model() -> LogisticModel:
    """The fitted alignment model shipped beside this module."""
    return load_model(MODEL_PATH)


def probabilities(
    statements: Sequence[Statement], vectors: F32, held: Mapping[str, Sequence[int]] | None = None
) -> npt.NDArray[np.float64]:
    """The probability that each pair of statements reports one thing (0 within an
    article); ``held`` as for :func:`pair_features`."""
    n = len(statements)
    p = np.zeros((n, n))
    if n < 2:
        return p
    m = model()
    x, i, j = pair_features(statements, vectors, held, m.features)
    if len(i):
        prob = m.scores(x)[:, m.classes.index("same")]
        p[i, j] = prob
        p[j, i] = prob
    return p


def group(
    statements: Sequence[Statement],
    p: npt.NDArray[np.float64],
    printed_by: Sequence[Iterable[str]] | None = None,
) -> list[list[int]]:
    """Statement indices joined into facts: most probable pairs first, at most one
    statement per article, two groups joined when their pairs are more likely the
    same than not on average. ``printed_by`` names, for each statement, every article
    that prints it (its own and those reprinting it, :mod:`.blocking`): a reprint's
    place in a fact is taken by the sentence it copies."""
    n = len(statements)
    articles = [st.span.article_id for st in statements]
    # the articles each group's statements are printed by, kept as groups join
    held = [set(a) for a in printed_by] if printed_by is not None else [{a} for a in articles]
    i, j = np.nonzero(np.triu(p, 1) >= 0.5)
    # most probable first, ties by index
    order = np.lexsort((j, i, -p[i, j]))
    owner = list(range(n))
    members: dict[int, list[int]] = {k: [k] for k in range(n)}
    # the sum of p between every two groups (rows and columns of their first statement),
    # kept as groups join: a mean far from the bar needs no pass over the two groups
    between = p.copy()
    for a, b in zip(i[order].tolist(), j[order].tolist(), strict=True):
        ga, gb = owner[a], owner[b]
        if ga == gb:
            continue
        xa, xb = members[ga], members[gb]
        if not held[ga].isdisjoint(held[gb]):
            continue

        def mean(xa: list[int] = xa, xb: list[int] = xb) -> float:
            return float(p[np.ix_(xa, xb)].mean())

        if not _reaches(between[ga, gb], len(xa) * len(xb), mean):
            continue
        for k in xb:
            owner[k] = ga
        members[ga] = xa + xb
        held[ga] |= held[gb]
        del members[gb]
        between[ga] += between[gb]
        between[:, ga] += between[:, gb]
    return sorted(members.values(), key=min)


def _reaches(total: float, count: int, mean: Callable[[], float], bar: float = 0.5) -> bool:
    """Whether ``mean()`` (of ``count`` values in [0, 1]) is at least ``bar``, knowing
    their sum ``total`` summed in another order: any two orders of summation are within
    ``count`` rounding errors of each other, so ``mean()`` is computed only when the
    sum lies that close to the bar."""
    approx = float(total) / count
    if abs(approx - bar) > 4 * count * float(np.finfo(np.float64).eps):
        return approx >= bar
    return mean() >= bar


# ---------------------------------------------------------------- claims of one slot

CLAIM_MODEL_PATH = Path(__file__).with_name("claim_model.json")
CLAIM_FEATURES = (
    "sentences", "same_predicate", "no_predicate", "same_thing", "same_value",
    "values_overlap", "shared_context", "same_entity", "one_slot_by_rule", "count", "age",
    "measure", "date", "time", "place", "actor", "embedding", "near_words", "specific_value",
    "thing_near",
)  # fmt: skip
# Words either side of a value that say what it is of ("$1 million in damage", "aged 41").
NEAR = 6
KINDS = ("count", "age", "measure", "date", "time", "place", "actor")


def _overlap(a: Claim, b: Claim) -> bool:
    if a.kind == "date" and (not a.start or not b.start):
        return a.value == b.value
    if a.kind == "date":
        (xs, xe), (ys, ye) = _ends(a), _ends(b)
        return xs <= ye and ys <= xe
    if a.low is None or b.low is None:
        return a.value == b.value
    xh = a.high if a.high is not None else float("inf")
    yh = b.high if b.high is not None else float("inf")
    return a.low <= yh and b.low <= xh


def _ends(c: Claim) -> tuple[str, str]:
    start, end = c.start or "", c.end or c.start or ""
    return start[-5:], end[-5:]


def near_words(c: Claim, st: Statement) -> frozenset[str]:
    """Content words of the claim's sentence within :data:`NEAR` words of its value: what
    a number counts or a date dates, when the parse names no predicate ("aged 41", "12
    and 15", "$1 million in damage")."""
    s = max(0, c.span.start - st.span.start)
    e = max(s, c.span.end - st.span.start)
    before = content_words(st.text[:s])[-NEAR:]
    after = content_words(st.text[e:])[:NEAR]
    return frozenset(before + after)


def _classes(words: frozenset[str]) -> frozenset[str]:
    """The words, each as the class of the counted noun it names
    (:func:`~newsprism.analyze.claims.thing_class`)."""
    return frozenset(thing_class(w) for w in words)


def _specificity(c: Claim) -> float:
    """How unlikely two reports give this value by chance for different things: a large
    or fractional number, a full date, a named place or actor more than "3" or "Monday"."""
    if c.kind in {"count", "measure", "age", "time"} and c.low is not None:
        v = abs(c.low)
        frac = float(v != int(v))
        return min(1.0, float(np.log10(1.0 + v)) / 4.0 + 0.25 * frac)
    if c.kind == "date":
        return 1.0 if c.start and len(c.start) >= 10 else 0.5 if c.start else 0.25
    return 1.0


def _dice(a: frozenset[str], b: frozenset[str]) -> float:
    return 2 * len(a & b) / (len(a) + len(b)) if a and b else 0.0


def claim_features(
    a: Claim,
    b: Claim,
    sentences: float,
    entity_of: Mapping[Span, str] | None = None,
    similarity: float = 0.0,
    near: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset()),
) -> list[float]:
    """The features of two claims of one kind in different articles (see CLAIM_FEATURES);
    ``sentences`` is the probability that their sentences report one thing, ``entity_of``
    the story entity of each mention, ``similarity`` the cosine of the two sentences'
    embeddings and ``near`` the words around each value (:func:`near_words`)."""
    from .claims import Said, compatible

    entity_of = entity_of or {}
    ea = entity_of.get(a.mention) if a.mention else None
    eb = entity_of.get(b.mention) if b.mention else None
    pa, pb = predicate_class(a.predicate), predicate_class(b.predicate)
    return [
        sentences,
        float(pa is not None and pa == pb),
        float(pa is None or pb is None),
        float(a.thing is not None and a.thing == b.thing),
        float(value_key(a) == value_key(b)),
        float(_overlap(a, b)),
        float(bool(set(a.context) & set(b.context))),
        float(ea is not None and ea == eb),
        float(
            compatible(Said(a.span.article_id, a, ea, None), Said(b.span.article_id, b, eb, None))
        ),
        *(float(a.kind == k) for k in KINDS),
        similarity,
        _dice(*near),
        float(value_key(a) == value_key(b)) * _specificity(a),
        float(
            (a.thing is not None and a.thing in _classes(near[1]))
            or (b.thing is not None and b.thing in _classes(near[0]))
        ),
    ]


@lru_cache(maxsize=1)
def claim_model() -> LogisticModel:
    """The fitted claim-pair model shipped beside this module."""
    return load_model(CLAIM_MODEL_PATH)


def claim_pairs(
    statements: Sequence[Statement],
    p: npt.NDArray[np.float64],
    entity_of: Mapping[Span, str] | None = None,
    vectors: F32 | None = None,
) -> tuple[list[tuple[int, int]], list[tuple[int, int, int, int]], npt.NDArray[np.float64]]:
    """Every claim (statement index, claim index) and the candidate pairs of claims of one
    kind and unit in different articles, with their features (``vectors``: the
    statements' sentence embeddings, one row each); the pairs in order, each row of the
    features what :func:`claim_features` gives for it."""
    claims, x, y, features = _claim_candidates(statements, p, entity_of, vectors)
    pairs = [(*claims[a], *claims[b]) for a, b in zip(x.tolist(), y.tolist(), strict=True)]
    return claims, pairs, features


def _claim_candidates(
    statements: Sequence[Statement],
    p: npt.NDArray[np.float64],
    entity_of: Mapping[Span, str] | None,
    vectors: F32 | None,
) -> tuple[list[tuple[int, int]], npt.NDArray[np.intp], npt.NDArray[np.intp], F64]:
    """(claims, x, y, features): the candidate pairs as indices into the claims, ``x <
    y``, in order, and their features, computed over arrays (a 1,000-report story has
    some 600,000 pairs). Every column is the value :func:`claim_features` computes for
    the pair (tests/reconcile/test_pairs.py compares them)."""
    from .claims import Said, compatible_pairs

    entity_of = entity_of or {}
    claims = [(s, k) for s, st in enumerate(statements) for k in range(len(st.claims))]
    cl = [statements[s].claims[k] for s, k in claims]
    stmt = np.array([s for s, _ in claims], dtype=np.intp)
    article = codes(statements[s].span.article_id for s, _ in claims)
    block = codes((c.kind, c.unit or "") for c in cl)
    xs, ys = [np.zeros(0, dtype=np.intp)], [np.zeros(0, dtype=np.intp)]
    for b in range(int(block.max(initial=-1)) + 1):
        members = np.flatnonzero(block == b)
        i, j = np.triu_indices(len(members), 1)
        xs.append(members[i])
        ys.append(members[j])
    x, y = np.concatenate(xs), np.concatenate(ys)
    # a post named with a person ("spokesman X") is repeated with every quote of theirs:
    # it is compared inside a fact, never a candidate for a value check of its own, which
    # would join the unrelated sentences that name the same source
    # so is a moment of play placed only in its period ("midway through the first half"):
    # joined with game clocks, a report giving both had two values and kept its clock out
    # of the check (tests/gold/facts: 20 gold conflicts of one basket's clock lost)
    role = np.array([c.thing == ROLE or game_position(c) for c in cl], dtype=bool)
    # a part or a running total of the counted things ("the 9 worst-hit villages", "11
    # rifles so far") is never one value with a count of them all or of one occurrence
    # (analyze/holders.py, analyze/totals.py), however alike the figures
    subset = codes(c.subset for c in cl)
    apart = (article[x] != article[y]) & ~role[x] & ~role[y] & (subset[x] == subset[y])
    x, y = x[apart], y[apart]
    # a crowd's size is no count of another named occurrence: of those killed, hurt or
    # arrested ("as many as 8,000 marched on parliament", "12 people were injured"), or of
    # other nouns ("some 12 youths hurled stones"), whatever the sentences share; people
    # counted with another verb may be the crowd ("100 people rioted"). An upper bound
    # overlaps every smaller count, and joined with one the crowd's size stayed apart from
    # the other reports' estimates (tests/gold/facts: 3 more gold conflicts, none false,
    # variants as before, printed outside the gold 405 -> 408: other gatherings' crowds)
    crowd = np.array([c.predicate == CROWD for c in cl], dtype=bool)
    named = np.array(
        [
            c.predicate is not None
            and c.predicate != CROWD
            and (classed(c.predicate) or c.thing != "people")
            for c in cl
        ],
        dtype=bool,
    )
    other = (crowd[x] & named[y]) | (named[x] & crowd[y])
    x, y = x[~other], y[~other]
    # a count of one noun is no value of another noun's count when the other report
    # counts the first noun in that same sentence ("six rifles, 12 magazines" against
    # "14 rifles, 31 magazines": its 31 is the magazines', not the rifles')
    other = _counted_elsewhere(statements, claims, cl, x, y)
    x, y = x[~other], y[~other]
    # so is a count of one noun for another occurrence when a report tells the two apart
    # ("the deputies fired 14 shots. Nine bullets hit him"): joined by their shared
    # value, reports' "fired 14 shots" and "was shot 14 times" kept the latter from the
    # "hit by nine bullets" it disagrees with
    other = _told_apart(statements, claims, x, y)
    x, y = x[~other], y[~other]
    order = np.lexsort((y, x))
    x, y = x[order], y[order]
    if not len(x):
        return claims, x, y, np.zeros((0, len(CLAIM_FEATURES)))

    entity = [entity_of.get(c.mention) if c.mention else None for c in cl]
    pred, thing = codes(predicate_class(c.predicate) for c in cl), codes(c.thing for c in cl)
    value = codes(value_key(c) for c in cl)
    same_value = value[x] == value[y]
    near = [near_words(c, statements[s]) for c, (s, _) in zip(cl, claims, strict=True)]
    size = np.array([len(w) for w in near], dtype=np.float64)
    shared = shared_counts(near, x, y).astype(np.float64)
    sizes = size[x] + size[y]
    dice = np.zeros(len(x))
    np.divide(2 * shared, sizes, out=dice, where=(size[x] > 0) & (size[y] > 0))
    things = [c.thing for c in cl]
    # a claim's counted noun is its class's name: the words near the other value are
    # read as classes too ("emptied 30 rounds" counts what "30 bullets" do)
    classes = [_classes(w) for w in near]
    said = [Said(c.span.article_id, c, e, None) for c, e in zip(cl, entity, strict=True)]
    columns: dict[str, npt.NDArray[Any]] = {
        "sentences": p[stmt[x], stmt[y]],
        "same_predicate": (pred[x] >= 0) & (pred[x] == pred[y]),
        "no_predicate": (pred[x] < 0) | (pred[y] < 0),
        "same_thing": (thing[x] >= 0) & (thing[x] == thing[y]),
        "same_value": same_value,
        "values_overlap": _overlap_pairs(cl, x, y),
        "shared_context": shared_counts([c.context for c in cl], x, y) > 0,
        "same_entity": _equal_given(codes(entity), x, y),
        "one_slot_by_rule": compatible_pairs(said, x, y),
        **{k: np.array([c.kind == k for c in cl], dtype=bool)[x] for k in KINDS},
        "embedding": _similarities(vectors, stmt[x], stmt[y]),
        "near_words": dice,
        "specific_value": same_value * np.array([_specificity(c) for c in cl])[x],
        "thing_near": contains(classes, things, x, y) | contains(classes, things, y, x),
    }
    features = np.stack([columns[f] for f in CLAIM_FEATURES], axis=1).astype(np.float64)
    return claims, x, y, features


def _counted_elsewhere(
    statements: Sequence[Statement],
    claims: Sequence[tuple[int, int]],
    cl: Sequence[Claim],
    x: npt.NDArray[np.intp],
    y: npt.NDArray[np.intp],
) -> npt.NDArray[np.bool_]:
    """For each pair ``(x[k], y[k])`` (claims of one kind): two counts of different named
    nouns, one of whose sentences counts the other's noun too ("six rifles, 12
    magazines" against "14 rifles, 31 magazines"), so that sentence's value for the
    noun is its other claim, never this one."""
    counted = {"count", "measure"}
    thing = codes(c.thing if c.kind in counted else None for c in cl)
    ask = np.flatnonzero((thing[x] >= 0) & (thing[y] >= 0) & (thing[x] != thing[y]))
    nouns = [
        frozenset(c.thing for c in st.claims if c.kind in counted and c.thing is not None)
        for st in statements
    ]
    out = np.zeros(len(x), dtype=bool)
    for k in ask.tolist():
        a, b = int(x[k]), int(y[k])
        out[k] = cl[a].thing in nouns[claims[b][0]] or cl[b].thing in nouns[claims[a][0]]
    return out


def _told_apart(
    statements: Sequence[Statement],
    claims: Sequence[tuple[int, int]],
    x: npt.NDArray[np.intp],
    y: npt.NDArray[np.intp],
) -> npt.NDArray[np.bool_]:
    """For each pair ``(x[k], y[k])``: two counts of one named noun for two occurrences
    a report tells apart, counting the noun for both, one value each, two values, of one
    holder, in one sentence or the next ("the deputies fired 14 shots, police said.
    Nine bullets hit him"): in the story the two occurrences' counts are two slots.
    Only occurrences of no known class (:data:`~newsprism.analyze.claims.PREDICATE_CLASSES`:
    the claim model tells the killed from the injured by their classes), and only side
    by side with one value each: a game report's many scorers, or a count of another
    event further down, tell no two occurrences apart."""
    keys: list[tuple[str, str] | None] = []
    given: dict[tuple[int, str, str | None, str], dict[str, set[str]]] = {}
    for s, k in claims:
        c = statements[s].claims[k]
        p = c.predicate
        if (c.kind != "count" or p is None or classed(p) or p == "population"
                or c.thing is None):  # fmt: skip
            keys.append(None)
            continue
        keys.append((c.thing, p))
        aid = statements[s].span.article_id
        for at in (s, s + 1):  # its sentence and the next one of its report
            if at < len(statements) and statements[at].span.article_id == aid:
                where = (at, c.thing, c.subset, (c.holder or "").casefold())
                given.setdefault(where, {}).setdefault(p, set()).add(value_key(c))
    apart = {
        (where[1], p, q)
        for where, by_pred in given.items()
        for p, vs in by_pred.items()
        for q, ws in by_pred.items()
        if p != q and len(vs) == len(ws) == 1 and vs != ws
    }
    out = np.zeros(len(x), dtype=bool)
    if not apart:
        return out
    key = codes(keys)
    ask = np.flatnonzero((key[x] >= 0) & (key[y] >= 0) & (key[x] != key[y]))
    for k in ask.tolist():
        a, b = keys[int(x[k])], keys[int(y[k])]
        out[k] = a is not None and b is not None and a[0] == b[0] and (*a, b[1]) in apart
    return out


def _equal_given(
    c: npt.NDArray[np.intp], x: npt.NDArray[np.intp], y: npt.NDArray[np.intp]
) -> npt.NDArray[np.bool_]:
    out: npt.NDArray[np.bool_] = (c[x] >= 0) & (c[x] == c[y])
    return out


def _overlap_pairs(
    cl: Sequence[Claim], x: npt.NDArray[np.intp], y: npt.NDArray[np.intp]
) -> npt.NDArray[np.bool_]:
    """:func:`_overlap` of every pair (claims of one kind): dates by their ends' month
    and day, numbers by their intervals, anything else (or a side without them) by its
    value."""
    value = codes(c.value for c in cl)
    date = np.array([c.kind == "date" for c in cl], dtype=bool)[x]
    started = np.array([bool(c.start) for c in cl], dtype=bool)
    ends = [_ends(c) for c in cl]
    rank = {e: n for n, e in enumerate(sorted({e for pair in ends for e in pair}))}
    first = np.array([rank[s] for s, _ in ends], dtype=np.intp)
    last = np.array([rank[e] for _, e in ends], dtype=np.intp)
    low = np.array([np.nan if c.low is None else c.low for c in cl], dtype=np.float64)
    high = np.array([np.inf if c.high is None else c.high for c in cl], dtype=np.float64)
    bounded = np.array([c.low is not None for c in cl], dtype=bool)
    dated = date & started[x] & started[y]
    numbered = ~date & bounded[x] & bounded[y]
    out: npt.NDArray[np.bool_] = np.where(
        dated,
        (first[x] <= last[y]) & (first[y] <= last[x]),
        np.where(numbered, (low[x] <= high[y]) & (low[y] <= high[x]), value[x] == value[y]),
    )
    return out


def _similarities(vectors: F32 | None, i: npt.NDArray[np.intp], j: npt.NDArray[np.intp]) -> F64:
    """The dot product of sentence embeddings ``i`` and ``j``, pair by pair, each taken
    once per distinct pair of sentences and exactly as one vector product gives it (a
    matrix product may sum in another order, a last bit apart)."""
    if vectors is None:
        return np.zeros(len(i))
    n = len(vectors)
    key, where = np.unique(i.astype(np.int64) * n + j, return_inverse=True)
    rows = list(vectors)
    dots = np.array([float(rows[k // n] @ rows[k % n]) for k in key.tolist()], dtype=np.float64)
    out: F64 = dots[where.reshape(-1)]
    return out


ScoredClaims = tuple[list[tuple[int, int]], npt.NDArray[np.intp], npt.NDArray[np.intp], F64]


def claim_probabilities(
    statements: Sequence[Statement],
    p: npt.NDArray[np.float64],
    entity_of: Mapping[Span, str] | None = None,
    vectors: F32 | None = None,
) -> ScoredClaims:
    """(claims, x, y, prob): every claim (statement index, claim index), the candidate
    pairs as indices into them (:func:`claim_pairs`) and the claim model's probability
    that each pair gives values of one slot (:func:`claim_model`)."""
    claims, x, y, features = _claim_candidates(statements, p, entity_of, vectors)
    if not len(x):
        return claims, x, y, np.zeros(0)
    m = claim_model()
    prob: F64 = m.scores(named(features, CLAIM_FEATURES, m))[:, m.classes.index("same")]
    return claims, x, y, prob


# The kinds whose value checks weigh each article's mentions of its value as one
# (:func:`_best_by_article`): a report repeats a count or a date in its headline, its
# lead and further down, and a headline ("Quake injures five") scores low against every
# other report's sentence, so averaged claim by claim the reports giving five and the
# one giving two were less likely one slot than not, and the disagreement went unseen.
# Measured on tests/gold/facts: counts and dates 6 more gold conflicts (none false), 19
# more variants, printed conflicts 663 -> 671 (outside the gold 397 -> 399); measures and
# places as well printed 15 more outside the gold and found nothing more (a game's
# yardages, the places a quake was felt), times, ages and actors 6 more and nothing
# more: their mentions are still weighed one by one.
BEST_BY_ARTICLE = frozenset({"count", "date"})


def claim_groups(
    statements: Sequence[Statement],
    p: npt.NDArray[np.float64],
    entity_of: Mapping[Span, str] | None = None,
    vectors: F32 | None = None,
    scored: ScoredClaims | None = None,
) -> list[list[tuple[int, int]]]:
    """Claims (statement index, claim index) of different articles joined into slots:
    most probable pairs first (:func:`claim_model`; ``scored`` when already computed,
    :func:`claim_probabilities`), two groups joined when their pairs are more likely one
    slot than not on average (of counts and dates, each two articles' best pair:
    :data:`BEST_BY_ARTICLE`). An article may give one slot's value in several sentences
    (the headline and the lead), never two different values."""
    claims, x, y, prob = scored or claim_probabilities(statements, p, entity_of, vectors)
    article = codes(statements[s].span.article_id for s, _ in claims).tolist()
    cl = [statements[s].claims[k] for s, k in claims]
    # who holds a post one person holds at a time is checked across reports on its own,
    # whatever the sentences naming the holder say (reconcile/posts.py)
    posts = [sorted(claims[n] for n in g) for g in post_groups(cl, article)]
    if not len(x):
        return sorted(posts)
    # how long a person's part stayed hidden is one slot of the story by its rule
    # (:func:`_hidden_lengths`), however little the sentences around it share
    prob = np.where(_hidden_lengths(cl, x, y), 1.0, prob)
    # so is when a structure was built, whether a report writes the year or its age
    # (reconcile/built.py)
    prob = np.where(built_pairs(cl, x, y), 1.0, prob)
    # so is when a named thing was founded, whether a report writes the year or the year
    # it has stood since (:func:`_stood_since_pairs`)
    sentences = [statements[s].text for s, _ in claims]
    prob = np.where(_stood_since_pairs(cl, sentences, x, y), 1.0, prob)
    # so is how many comments (letters, signatures) were sent in, whatever each report
    # says was done with them (:func:`_sent_in_pairs`)
    prob = np.where(_sent_in_pairs(cl, x, y), 1.0, prob)
    # what one side asks for and what the other offers are never one slot
    # (:func:`_ask_against_offer`)
    prob = np.where(_ask_against_offer(cl, x, y), 0.0, prob)
    # nor are two bidders' offers (:func:`_offers_of_two_bidders`)
    prob = np.where(_offers_of_two_bidders(cl, x, y), 0.0, prob)
    value = codes(value_key(c) for c in cl).tolist()
    # candidates are of one kind and unit: each block of them is grouped on its own
    block = codes((c.kind, c.unit or "") for c in cl)
    first = _written_dates_of_one_occurrence(cl, x, y)
    # an article may give one date twice, once more precisely ("April 6, 2011", "April
    # 2011") or counted from its unknown date ("yesterday", "Thursday"): no two values
    # (measured on tests/gold/facts: 36 more gold variants found, no conflict lost, no
    # conflict printed outside the gold; a relative span such as "last month" allowed
    # beside any date joined a background "in 2006" into a date of 2005 and printed
    # seven such conflicts); so may a place, once at each of two levels ("Kandahar
    # province", "Afghanistan": see reconcile/one_value.py)
    shown = dict(zip(value, cl, strict=True))

    def fits(v: int, w: int) -> bool:
        x, y = shown[v], shown[w]
        return (
            v == w
            or one_held_by_other(x, y)
            or one_day_either_way(x, y)
            or span_of_one_occurrence(x, y)
            or one_place_twice(x, y)
        )

    # a date with a written year never joins the news of the report's own days ("died
    # Monday", "died yesterday") when its year is another: it is of an occurrence the
    # report recalls ("his mentor died in prison in 1989"), and joined, it stood as the
    # event's date and kept that report's own "today" out of the value check
    years = [(written_years(c), day_of_report_year(c)) for c in cl]

    kind_of = [c.kind for c in cl]
    joined: list[list[int]] = []
    for b in np.unique(block[x]).tolist():
        here = block[x] == b
        by_article = kind_of[int(x[here][0])] in BEST_BY_ARTICLE
        found = _join(x[here], y[here], prob[here], article, value, first[here], fits,
                      by_article, years)  # fmt: skip
        if kind_of[int(x[here][0])] in SLIPS:
            found = _joined_over_slips(found, x[here], y[here], prob[here], article, value)
        joined.extend(found)
    # a win-loss record is a side's, whatever its sentence says around it: the claim
    # model weighs the sentences, and joined one boxer's record with another's of the same
    # figures while it left one side's "43-1" and "45-1" apart
    ents = entity_of or {}
    side = [((ents.get(c.mention) if c.mention else None) or c.thing) if c.kind == "record"
            else None for c in cl]  # fmt: skip
    joined = _one_record_per_side(joined, side, article, value)
    joined = _to_own_occurrence(joined, cl, x, y, prob, article, value, years)
    # a date of going somewhere ("went to the Lakeside clinic on Tuesday") is of the
    # entering when another report has someone enter a place of a shared word
    # (reconcile/gone_into.py)
    joined = to_place_gone_into(joined, cl, sentences, x, y, prob, article, value, years)
    out = [sorted(claims[n] for n in g) for g in joined if len({article[n] for n in g}) >= 2]
    homes = [sorted(claims[n] for n in h) for h in _homes(cl, x, y, prob, article, value, fits)]
    return sorted(out + [g for g in homes + posts if g not in out])


# The kinds whose claims move to their own occurrence (:func:`_to_own_occurrence`).
# Measured on tests/gold/facts: dates 13 more gold variants, no conflict lost, no pair
# printed outside the gold; counts and measures as well 3 more gold conflicts but 49
# more printed outside the gold (a player's career total moved beside his game's
# points, one suitor's offer beside another's).
OWN_OCCURRENCE = frozenset({"date"})


def _to_own_occurrence(
    groups: list[list[int]],
    cl: Sequence[Claim],
    x: npt.NDArray[np.intp],
    y: npt.NDArray[np.intp],
    prob: F64,
    article: Sequence[int],
    value: Sequence[int],
    years: Sequence[tuple[frozenset[str], str | None]],
) -> list[list[int]]:
    """The groups of claims (indices into ``cl``) with a claim moved out of a group that
    only its value holds together into the group of its own occurrence. One weekday
    names many occurrences of a story ("the city was calm on Sunday", "a poll published
    on Sunday", "police killed him on Sunday"), and the model weighs a shared value
    most, so a report's "killed on Sunday" joined the other reports' Sundays of other
    verbs; those reports giving the killing's date too ("the December 6 killing"), that
    group could join no group of the killing, and the disagreement went unseen. A claim
    moves when no other report's claim of its group tells its occurrence (the predicate
    or its class), the group gives one value, and another group holds claims of that
    occurrence from two reports or more, none of the claim's report, which it is on
    average more likely one slot with than not. Only dates, and as :func:`_join` joins
    them: a report's day never moves beside a date of written years of another year
    ("killed on Saturday" beside a flood "in March 2011" the report recalls)."""
    pred = [predicate_class(c.predicate) if c.predicate else None for c in cl]

    def movable(n: int, g: list[int]) -> bool:
        p = pred[n]
        return (
            cl[n].kind in OWN_OCCURRENCE
            and p is not None
            and not any(pred[m] == p and article[m] != article[n] for m in g)
        )

    def told(n: int, h: list[int]) -> list[int]:
        them = [m for m in h if pred[m] == pred[n]]
        return them if len({article[m] for m in them}) >= 2 else []

    return move_claims(groups, movable, told, x, y, prob, article, value, years)


# a capitalised word of a name, not the first of its sentence
_NAME_WORD = re.compile(r"(?<=\s)[A-Z][a-z]{2,}\b")


def _stood_since_pairs(
    cl: Sequence[Claim],
    sentences: Sequence[str],
    x: npt.NDArray[np.intp],
    y: npt.NDArray[np.intp],
) -> npt.NDArray[np.bool_]:
    """For each pair ``(x[k], y[k])``: a year a named thing has stood since ("the
    Harbour Food Bank has been a lifeline since 2004", cue ``existed``) and another
    report's date of the same predicate ("founded the Harbour Food Bank in 2009"),
    their sentences sharing two words of a name: one slot, the thing's founding, however
    the value of another occurrence of the same year ("finished his training in
    2004") draws it."""
    stood = np.array([c.kind == "date" and c.cue == EXISTED for c in cl], dtype=bool)
    pred = codes(predicate_class(c.predicate) if c.kind == "date" else None for c in cl)
    out = np.zeros(len(x), dtype=bool)
    for k in np.flatnonzero((stood[x] | stood[y]) & (pred[x] >= 0) & (pred[x] == pred[y])):
        a, b = int(x[k]), int(y[k])
        if cl[a].span.article_id != cl[b].span.article_id:
            shared = set(_NAME_WORD.findall(sentences[a])) & set(_NAME_WORD.findall(sentences[b]))
            out[k] = len(shared) >= 2
    return out


def _sent_in_pairs(
    cl: Sequence[Claim], x: npt.NDArray[np.intp], y: npt.NDArray[np.intp]
) -> npt.NDArray[np.bool_]:
    """For each pair ``(x[k], y[k])``: two counts of one kind of submission, the public's
    comments (letters, signatures) sent in (:data:`~newsprism.analyze.claims.SUBMISSIONS`):
    one figure of the story, whether a report tells it received, sorted or ignored ("the
    agency received nearly 4,100 comments", "officials ignored comments from 6,000
    citizens"), however little the sentences around it share."""
    sent = codes(c.thing if c.kind == "count" and c.predicate == c.thing
                 and c.thing in SUBMISSIONS else None for c in cl)  # fmt: skip
    out: npt.NDArray[np.bool_] = (sent[x] >= 0) & (sent[x] == sent[y])
    return out


def _ask_against_offer(
    cl: Sequence[Claim], x: npt.NDArray[np.intp], y: npt.NDArray[np.intp]
) -> npt.NDArray[np.bool_]:
    """For each pair ``(x[k], y[k])`` of claims (indices into ``cl``): an amount one
    side asks for against an amount offered ("the union is asking for $30 an hour", "the
    company offered $24 an hour"; the predicate or the noun counted: "made a $24 offer").
    The two are the bargain's two sides, never one slot: joined, a report giving both
    held apart the reports that give the offer differently ("offered $24", "offered
    $26"), its two values being one slot's, and the disagreement went unseen."""
    side = np.array(
        [
            1 if c.predicate in ASKING else 2 if offered(c) else 0
            for c in cl
        ],
        dtype=np.int8,
    )  # fmt: skip
    out: npt.NDArray[np.bool_] = (side[x] > 0) & (side[y] > 0) & (side[x] != side[y])
    return out


def _offers_of_two_bidders(
    cl: Sequence[Claim], x: npt.NDArray[np.intp], y: npt.NDArray[np.intp]
) -> npt.NDArray[np.bool_]:
    """For each pair ``(x[k], y[k])`` of claims (indices into ``cl``): two amounts of
    money, one of them offered (:data:`OFFERING`), whose sentences name two different
    sides as whose they are, none of them a person ("the league offered $700 million",
    "the city raised its bid to $750 million"). Each bidder's offer is a slot of its own,
    as each side's win-loss record is: joined, a report giving two bidders' offers gave
    two values of one slot and kept apart the reports giving one bidder's offer
    differently. A person's figures are split apart in the value check
    (reconcile/claims._by_person)."""
    from .claims import holder_key

    money = [c.unit in CURRENCIES for c in cl]
    side = codes(holder_key(c) if money[n] and c.name_type != "PERSON" else None
                 for n, c in enumerate(cl))  # fmt: skip
    offer = np.array([money[n] and offered(c) for n, c in enumerate(cl)], dtype=bool)
    out: npt.NDArray[np.bool_] = (
        (side[x] >= 0) & (side[y] >= 0) & (side[x] != side[y]) & (offer[x] | offer[y])
    )
    return out


def _hidden_lengths(
    cl: Sequence[Claim], x: npt.NDArray[np.intp], y: npt.NDArray[np.intp]
) -> npt.NDArray[np.bool_]:
    """For each pair ``(x[k], y[k])`` of claims (indices into ``cl``): two
    lengths of how long a person's part stayed hidden (analyze/disclosure.secrecy_length:
    "kept his role a secret for 30 years", "it was 34 years before he broke cover"). The
    claims read every such length as one slot of the story, whoever the nearest name is,
    but their sentences share few words (one tells the keeping, the other the breaking),
    and the claim model, weighing the sentences, kept a report's "34 years" out of the
    reports' "30 years" and left the disagreement unseen."""
    secret = np.array([c.predicate == SECRECY for c in cl], dtype=bool)
    out: npt.NDArray[np.bool_] = secret[x] & secret[y]
    return out


def _homes(
    cl: Sequence[Claim],
    x: npt.NDArray[np.intp],
    y: npt.NDArray[np.intp],
    prob: F64,
    article: Sequence[int],
    value: Sequence[int],
    fits: Callable[[int, int], bool],
) -> list[list[int]]:
    """Where a person lives, checked across reports on its own: the homes of the claims
    (indices into ``cl``) joined through their scored pairs as :func:`_join` joins
    any claims, none with a place of an occurrence. A home joins the places of what
    happened in its town too ("John Roe, of Oakdale" beside "the crash in Oakdale"), and
    there another report's home elsewhere could not follow it, its report giving that
    town as well ("of Elmwood ... the crash in Oakdale"); so the two homes were never
    weighed against each other. Two named people's homes ("Jane Doe, of Elmwood", "John
    Roe, of Oakdale") are never joined."""
    from .claims import holder_key

    home = np.array([c.kind == "place" and c.predicate == HOME for c in cl], dtype=bool)
    resident = codes(holder_key(c) if c.predicate == HOME else None for c in cl)
    pick = home[x] & home[y] & ~((resident[x] >= 0) & (resident[y] >= 0)
                                 & (resident[x] != resident[y]))  # fmt: skip
    if not pick.any():
        return []
    joined = _join(x[pick], y[pick], prob[pick], article, value, None, fits)
    return [g for g in joined if len({article[n] for n in g}) >= 2]


def _one_record_per_side(
    groups: list[list[int]],
    side: Sequence[str | None],
    article: Sequence[int],
    value: Sequence[int],
) -> list[list[int]]:
    """The groups of claims (indices) with every win-loss record regrouped by its side
    (``side``: the story entity or name whose record it is, None for other claims): a
    side has one record at a time, so the reports of a story giving its record give
    values of one slot ("Riverton (10-5)", "the Rams' record rose to 9-5"), however
    unlike their sentences. No article gives a slot two values: a second record of one
    article ("10-5, 5-3 away") starts another slot of the side; values most reports
    give are placed first, so the side's main record is the first slot's."""
    rest = [kept for g in groups if (kept := [m for m in g if side[m] is None])]
    of_side: dict[str, list[int]] = {}
    for m, key in enumerate(side):
        if key is not None:
            of_side.setdefault(key, []).append(m)
    out = []
    for key in sorted(of_side):
        members = of_side[key]
        given = Counter(value[m] for m in members)
        parts: list[list[int]] = []
        for m in sorted(members, key=lambda m: (-given[value[m]], m)):
            for part in parts:
                if all(article[k] != article[m] or value[k] == value[m] for k in part):
                    part.append(m)
                    break
            else:
                parts.append([m])
        out.extend(parts)
    return rest + out


_MONTH = re.compile(MONTH_PATTERN, re.I)


def _written_dates_of_one_occurrence(
    claims: Sequence[Claim], x: npt.NDArray[np.intp], y: npt.NDArray[np.intp]
) -> npt.NDArray[np.bool_]:
    """For each pair ``(x[k], y[k])``: two dates written with their month ("November
    30", "between October 24 and 27") of one occurrence (the same predicate or its
    class, not a verb of announcing: a story holds several announcements), which
    :func:`_join` takes first."""
    pred = codes(
        predicate_class(c.predicate) if c.kind == "date" and c.predicate not in ANNOUNCING else None
        for c in claims
    )
    written = np.array([c.kind == "date" and bool(_MONTH.search(c.text)) for c in claims],
                       dtype=bool)  # fmt: skip
    out: npt.NDArray[np.bool_] = written[x] & written[y] & (pred[x] >= 0) & (pred[x] == pred[y])
    return out


def _join(
    x: npt.NDArray[np.intp],
    y: npt.NDArray[np.intp],
    prob: F64,
    article: Sequence[int],
    value: Sequence[int],
    first: npt.NDArray[np.bool_] | None = None,
    fits: Callable[[int, int], bool] | None = None,
    by_article: bool = False,
    years: Sequence[tuple[frozenset[str], str | None]] | None = None,
) -> list[list[int]]:
    """Claims joined greedily through their scored pairs ``(x, y, prob)``: most probable
    pairs first (ties by index), two groups joined when no article gives a slot two
    values and their pairs across articles are on average at least as likely the same
    as not (a pair not scored counts 0); with ``by_article``, the best pair of each two
    articles (:func:`_best_by_article`). Two values of one article that ``fits`` (value
    codes) says may be one are no two values: a date written once to the day and once
    to the month ("on April 6, 2011", "the April 2011 rampage"), or "yesterday" and
    "Thursday" in an undated report (see :func:`claim_groups`).

    Pairs marked ``first`` (two written dates of one occurrence) are taken before the
    rest: the model weighs a shared value most, so a date of one occurrence joined the
    same day of another ("the October 30 operation" with "announced on October 30")
    before the dates of its own occurrence ("an operation between October 24 and
    27"), and the report gave a value check of two occurrences and left the
    disagreement unseen. Only written dates: a relative day ("last month", "today")
    says less of its occurrence, and the model joins it better (measured on
    tests/gold/facts: taking every pair of one slot by the rules first cost 0.018 of
    alignment recall and 39 variants; taking written dates first, 0.002 and 8).

    ``years`` gives each claim (by index) the written years it spans (see
    :func:`.date_rules.written_years`) and the year of a day it dates from the report
    (:func:`.date_rules.day_of_report_year`): two groups are never joined when one
    holds a date of written years and the other a report's day of another year."""
    items, local, score, art = _scored(x, y, prob, article)
    lx = [local[n] for n in x.tolist()]
    ly = [local[n] for n in y.tolist()]
    sure = np.flatnonzero(prob >= 0.5)
    keys = (y[sure], x[sure], -prob[sure])
    order = sure[np.lexsort(keys if first is None else (*keys, ~first[sure]))]
    owner = list(range(len(items)))
    members: dict[int, list[int]] = {k: [k] for k in range(len(items))}
    # each group's articles: how many of its claims each gives, and the value it gives
    held: dict[int, Counter[int]] = {k: Counter([article[n]]) for k, n in enumerate(items)}
    given: dict[int, dict[int, set[int]]] = {
        k: {article[n]: {value[n]}} for k, n in enumerate(items)
    }
    agree = fits or (lambda v, w: v == w)
    # each group's written years and years of the report's days
    alone: dict[int, set[str]] = {k: set() for k in range(len(items))}
    days: dict[int, set[str]] = {k: set() for k in range(len(items))}
    if years is not None:
        for k, n in enumerate(items):
            written, day = years[n]
            alone[k] |= written
            if day is not None:
                days[k].add(day)

    def background(ga: int, gb: int) -> bool:
        return bool((alone[ga] and days[gb] - alone[ga]) or (alone[gb] and days[ga] - alone[gb]))

    # the sum of the scores between every two groups, kept as groups join (claims of one
    # article score 0 together)
    between = score.copy()
    for e in order.tolist():
        ga, gb = owner[lx[e]], owner[ly[e]]
        if ga == gb:
            continue
        # an article's value in one group is one (each group holds none twice)
        if any(not agree(v, w) for a, ws in given[gb].items() for v in given[ga].get(a, ())
               for w in ws):  # fmt: skip
            continue
        if background(ga, gb):
            continue
        xa, xb = members[ga], members[gb]
        same = sum(c * held[ga][a] for a, c in held[gb].items() if a in held[ga])
        count = len(xa) * len(xb) - same
        if not count:
            continue
        if by_article:
            if _best_by_article(score, art, xa, xb) < 0.5:
                continue
        else:

            def mean(xa: list[int] = xa, xb: list[int] = xb) -> float:
                cross = score[np.ix_(xa, xb)][art[xa][:, None] != art[xb][None, :]].tolist()
                return float(sum(cross)) / len(cross)  # one after another, as a list is summed

            if not _reaches(between[ga, gb], count, mean):
                continue
        for n in xb:
            owner[n] = ga
        members[ga] = xa + xb
        for a, ws in given.pop(gb).items():
            given[ga].setdefault(a, set()).update(ws)
        held[ga].update(held.pop(gb))
        alone[ga] |= alone.pop(gb)
        days[ga] |= days.pop(gb)
        del members[gb]
        between[ga] += between[gb]
        between[:, ga] += between[:, gb]
    return [[items[k] for k in g] for g in members.values()]


def _scored(
    x: npt.NDArray[np.intp], y: npt.NDArray[np.intp], prob: F64, article: Sequence[int]
) -> tuple[list[int], dict[int, int], F64, npt.NDArray[np.intp]]:
    """The claims of the scored pairs ``(x, y, prob)`` as rows of one symmetric matrix of
    their scores (a pair not scored, or two claims of one article, 0): the claims in
    order, each claim's row, the matrix and each row's article."""
    items = np.unique(np.concatenate([x, y])).tolist()
    local = {n: k for k, n in enumerate(items)}
    lx = [local[n] for n in x.tolist()]
    ly = [local[n] for n in y.tolist()]
    score = np.zeros((len(items), len(items)))
    score[lx, ly] = prob
    score[ly, lx] = prob
    art = np.array([article[n] for n in items], dtype=np.intp)
    return items, local, score, art


def _joined_over_slips(
    groups: list[list[int]],
    x: npt.NDArray[np.intp],
    y: npt.NDArray[np.intp],
    prob: F64,
    article: Sequence[int],
    value: Sequence[int],
) -> list[list[int]]:
    """The groups of claims (indices) :func:`_join` made, two of them joined when only
    a report's slip kept them apart: each article of both gives one value in each, once
    in one and repeatedly in the other (:func:`.one_value.repeated_value`), and the two
    groups' other articles are one slot more likely than not (each two articles' best
    pair, :func:`_best_by_article`). A report that calls a woman "a mother of 7" twice
    and "the mother of 8" once kept the report of 8 from the reports of 7: joined,
    the report of 8 disagrees with them all."""
    _, local, score, art = _scored(x, y, prob, article)

    def values(g: list[int]) -> dict[int, Counter[int]]:
        given: dict[int, Counter[int]] = {}
        for n in g:
            given.setdefault(article[n], Counter())[value[n]] += 1
        return given

    # only groups of two articles or more can be kept apart by another's slip
    out = [list(g) for g in groups if len({article[n] for n in g}) >= 2]
    rest = [list(g) for g in groups if len({article[n] for n in g}) < 2]
    given = [values(g) for g in out]

    def slipped(i: int, j: int) -> bool:
        # apart only by slips, and each group holds another article's value
        gi, gj = given[i], given[j]
        both = gi.keys() & gj.keys()
        if not both or not len(gi) > len(both) < len(gj):
            return False
        if not all(len(gi[a]) == len(gj[a]) == 1 and repeated_value(gi[a] + gj[a]) is not None
                   for a in both):  # fmt: skip
            return False
        xa, xb = [local[n] for n in out[i]], [local[n] for n in out[j]]
        return _best_by_article(score, art, xa, xb) >= 0.5

    def first() -> tuple[int, int] | None:
        pairs = ((i, j) for i in range(len(out)) for j in range(i + 1, len(out)))
        return next((e for e in pairs if slipped(*e)), None)

    found = first()
    while found is not None:
        i, j = found
        out[i] = out[i] + out.pop(j)
        given[i] = values(out[i])
        given.pop(j)
        found = first()
    return out + rest


def _best_by_article(score: F64, art: npt.NDArray[np.intp], xa: list[int], xb: list[int]) -> float:
    """How likely two groups of claims (``xa``, ``xb``: rows of ``score``, of the
    articles ``art``) are one slot, each article's mentions of its value taken as one:
    the mean, over every two different articles of the groups, of the best score
    between their claims (see :data:`BEST_BY_ARTICLE`). A report's headline "Five hurt
    in quake" and lead "injuring five people" against another's "injured two people"
    (0.2 and 0.8) weigh 0.8."""
    ia = np.array(sorted(xa, key=lambda k: int(art[k])), dtype=np.intp)
    ib = np.array(sorted(xb, key=lambda k: int(art[k])), dtype=np.intp)
    arts_a, starts_a = np.unique(art[ia], return_index=True)
    arts_b, starts_b = np.unique(art[ib], return_index=True)
    cross = score[np.ix_(ia, ib)]
    best = np.maximum.reduceat(np.maximum.reduceat(cross, starts_a, axis=0), starts_b, axis=1)
    other = arts_a[:, None] != arts_b[None, :]
    return float(best[other].mean()) if other.any() else 0.0
