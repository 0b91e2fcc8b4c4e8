"""Facts: statements that report the same thing across articles, and how they compare.

A statement is a sentence with its slots: the story's entities it names, its
quantities, its event times (a report date such as "said on Sunday" and durations
left out) and its places. Statements from different articles are aligned when
their sentence embeddings are close, more readily when they share a specific
slot (a number, a date, a rare entity); each fact holds at most one statement
per article. Slots are then compared pairwise: intervals that cannot both be true
are a conflict; compatible values of different precision, scope or wording are a
variant. Counts at different times ("41 members", later "the 42nd member") and
vague amounts ("multiple") are never called a conflict: precision over recall.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from itertools import combinations

import numpy as np
import numpy.typing as npt

from ..analyze.embed import unpack
from ..records import Analysis, Fact, FactStatus, Quantity, Span, Statement, TimeExpr

# Similarity = cosine of sentence embeddings + LEXICAL_WEIGHT × cosine of their
# content words weighted by rarity in the story (embeddings alone put unrelated
# sentences of one story almost as close as paraphrases). Above SAME_FACT two
# statements report the same fact; above SAME_FACT_WITH_SLOT when they also share
# a specific slot; above MUTUAL_BEST when each is the other's closest in the other
# article. Every statement of a fact is at least GROUP_FLOOR from every other.
LEXICAL_WEIGHT = 0.5
SAME_FACT = 0.85
SAME_FACT_WITH_SLOT = 0.75
GROUP_FLOOR = 0.6
# Two statements that are each other's closest in the other article need less.
MUTUAL_BEST = 0.65
MIN_WORDS = 5
VAGUE = frozenset({"multiple", "several", "numerous", "many", "various", "some", "a few"})
_REPORT_CUE = re.compile(
    r"\b(?:said|says|announced|announces|stated|states|reported|released|statement|told|"
    r"confirmed|added|declared|wrote|tweeted|posted)\b[^;]{0,60}$",
    re.I,
)


def statements_of(
    analysis: Analysis, text: str, entity_of: dict[Span, str]
) -> list[tuple[Statement, int]]:
    """The article's statements with their sentence index (for its embedding)."""
    out = []
    for i, sent in enumerate(analysis.sentences):
        s, e = sent.span.start, sent.span.end
        if len(sent.text.split()) < MIN_WORDS:
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
        out.append((Statement(sent.span, sent.text, ents, quantities, times, places), i))
    return out


def _heads(counted: str | None) -> set[str]:
    if not counted:
        return set()
    words = re.split(r"\s*(?:,|\band\b|\bor\b)\s*", counted.casefold())
    return {w.split()[-1].rstrip("s") for w in words if w.split()}


def _interval(q: Quantity) -> tuple[float, float]:
    low = q.value_low if q.value_low is not None else float("-inf")
    high = q.value_high if q.value_high is not None else float("inf")
    return low, high


def _fmt(q: Quantity) -> str:
    return f"“{q.text}{' ' + q.counted if q.counted else ''}”"


def _days(t: TimeExpr) -> tuple[str, str]:
    """Comparable interval ends: month-day only when a year is unknown."""
    start, end = t.start or "", t.end or t.start or ""
    if not t.year_known:
        return start[-5:], end[-5:]
    return start, end


def compare(a: Statement, b: Statement) -> list[tuple[str, str]]:
    """What differs between two statements of one fact: (conflict|variant, description)."""
    found: list[tuple[str, str]] = []
    times_apart = False
    if a.times and b.times:
        pairs = [(x, y) for x in a.times for y in b.times]
        overlap = []
        for x, y in pairs:
            (xs, xe), (ys, ye) = _days(x), _days(y)
            if not x.year_known or not y.year_known:
                xs, xe, ys, ye = xs[-5:], xe[-5:], ys[-5:], ye[-5:]
            if xs <= ye and ys <= xe:
                overlap.append((x, y, (xs, xe) == (ys, ye)))
        if not overlap and len(a.times) == 1 and len(b.times) == 1:
            found.append(("conflict", f"dates differ: “{a.times[0].text}” vs “{b.times[0].text}”"))
            times_apart = True
        elif not overlap:
            times_apart = True
        elif all(not same for *_, same in overlap):
            x, y, _ = overlap[0]
            found.append(("variant", f"dates differ in precision: “{x.text}” vs “{y.text}”"))
    if not times_apart:
        found += _compare_numbers(a.quantities, b.quantities)
    found += _compare_places(a.places, b.places)
    return found


def _compare_numbers(qa: Sequence[Quantity], qb: Sequence[Quantity]) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    xs = [q for q in qa if q.value_low is not None and (q.qualifier or "").casefold() not in VAGUE]
    ys = [q for q in qb if q.value_low is not None and (q.qualifier or "").casefold() not in VAGUE]
    for x in xs:
        same_thing = [y for y in ys if _heads(x.counted) & _heads(y.counted)]
        for y in same_thing:
            if x.ordinal != y.ordinal or (x.unit or "") != (y.unit or ""):
                continue  # "41 members" vs "the 42nd member": counts at different times
            (xl, xh), (yl, yh) = _interval(x), _interval(y)
            if (xl, xh) == (yl, yh):
                if (x.counted or "").casefold() != (y.counted or "").casefold():
                    found.append(("variant", f"counted differently: {_fmt(x)} vs {_fmt(y)}"))
            elif xl <= yh and yl <= xh:
                found.append(("variant", f"numbers differ in precision: {_fmt(x)} vs {_fmt(y)}"))
            else:
                found.append(("conflict", f"numbers differ: {_fmt(x)} vs {_fmt(y)}"))
        if not same_thing and x.counted:
            for y in ys:
                if y.counted and _interval(x) == _interval(y) and x.ordinal == y.ordinal:
                    found.append(("variant", f"the same number counts different things: "
                                             f"{_fmt(x)} vs {_fmt(y)}"))  # fmt: skip
    return found


def _compare_places(pa: Sequence[str], pb: Sequence[str]) -> list[tuple[str, str]]:
    sa = {p for p in pa if "-" in p}
    sb = {p for p in pb if "-" in p}
    ca = {p.split("-")[0] for p in pa}
    cb = {p.split("-")[0] for p in pb}
    if len(sa) == 1 and len(sb) == 1 and sa != sb and ca == cb:
        return [("conflict", f"places differ: {sa.pop()} vs {sb.pop()}")]
    if sa and not sb and {s.split("-")[0] for s in sa} & cb:
        return [("variant", f"place given at different precision: {', '.join(sorted(sa))} vs "
                            f"{', '.join(sorted(cb))}")]  # fmt: skip
    if sb and not sa and {s.split("-")[0] for s in sb} & ca:
        return [("variant", f"place given at different precision: {', '.join(sorted(ca))} vs "
                            f"{', '.join(sorted(sb))}")]  # fmt: skip
    return []


def _specific_slots(st: Statement, common: set[str]) -> set[str]:
    slots = {f"n:{q.value_low}" for q in st.quantities
             if q.value_low is not None and q.value_low > 2 and not q.ordinal}  # fmt: skip
    slots |= {f"t:{_days(t)}" for t in st.times}
    slots |= {f"e:{e}" for e in st.entities if e not in common}
    return slots


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


def word_similarity(texts: Sequence[str]) -> npt.NDArray[np.float32]:
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
    result: npt.NDArray[np.float32] = m @ m.T
    return result


def align(
    items: Sequence[tuple[Statement, npt.NDArray[np.float32]]],
) -> list[list[int]]:
    """Group statement indices into facts (at most one statement per article)."""
    n = len(items)
    if n == 0:
        return []
    vectors = np.stack([v for _, v in items])
    sims = vectors @ vectors.T + LEXICAL_WEIGHT * word_similarity([st.text for st, _ in items])
    articles = [st.span.article_id for st, _ in items]
    # entities named in more than a fifth of the statements say nothing specific
    counts = Counter(e for st, _ in items for e in set(st.entities))
    common = {e for e, c in counts.items() if c > max(2, n / 5)}
    slots = [_specific_slots(st, common) for st, _ in items]
    # each statement's best match in every other article
    best: dict[tuple[int, str], int] = {}
    for i in range(n):
        for j in range(n):
            if articles[i] != articles[j]:
                key = (i, articles[j])
                if key not in best or sims[i, j] > sims[i, best[key]]:
                    best[key] = j
    edges = []
    for i, j in combinations(range(n), 2):
        if articles[i] == articles[j]:
            continue
        s = float(sims[i, j])
        mutual = best[(i, articles[j])] == j and best[(j, articles[i])] == i
        if (
            s >= SAME_FACT
            or (s >= SAME_FACT_WITH_SLOT and slots[i] & slots[j])
            or (mutual and s >= MUTUAL_BEST)
        ):
            edges.append((s, i, j))
    edges.sort(reverse=True)
    group = list(range(n))
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    for _, i, j in edges:
        gi, gj = group[i], group[j]
        if gi == gj:
            continue
        a, b = members[gi], members[gj]
        if {articles[k] for k in a} & {articles[k] for k in b}:
            continue
        if min(float(sims[x, y]) for x in a for y in b) < GROUP_FLOOR:
            continue
        for k in b:
            group[k] = gi
        members[gi] = a + b
        del members[gj]
    return sorted(members.values(), key=lambda g: min(g))


def build_facts(
    analyses: Sequence[Analysis],
    texts: dict[str, str],
    entity_of: dict[Span, str],
    origin_of: dict[str, str],
) -> tuple[Fact, ...]:
    """Every fact of the story: aligned, compared, with a status and a one-sentence note."""
    items: list[tuple[Statement, npt.NDArray[np.float32]]] = []
    for analysis in analyses:
        vectors = unpack(analysis.embeddings, analysis.embedding_dim or 512)
        for st, i in statements_of(analysis, texts[analysis.article_id], entity_of):
            v = vectors[i] if i < len(vectors) else np.zeros(512, dtype=np.float32)
            items.append((st, v))
    groups = align(items)
    order = {a.article_id: k for k, a in enumerate(analyses)}
    facts = []
    for group in groups:
        sts = sorted((items[k][0] for k in group),
                     key=lambda st: (order[st.span.article_id], st.span.start))  # fmt: skip
        vecs = [items[k][1] for k in group]
        facts.append(_fact(sts, vecs, origin_of))
    # most supported first, then in reading order
    facts.sort(key=lambda f: (-f.independent_sources, -len(f.statements)))
    return tuple(
        Fact(f"f{n}", f.summary, f.status, f.independent_sources, f.statements, f.note,
             f.origins, f.date_start, f.date_end, f.differences)
        for n, f in enumerate(facts, 1)
    )  # fmt: skip


def _fact(
    sts: list[Statement], vecs: list[npt.NDArray[np.float32]], origin_of: dict[str, str]
) -> Fact:
    origins = tuple(dict.fromkeys(origin_of[st.span.article_id] for st in sts))
    diffs: list[tuple[str, str]] = []
    for a, b in combinations(sts, 2):
        for d in compare(a, b):
            if d not in diffs:
                diffs.append(d)
    status: FactStatus
    if any(k == "conflict" for k, _ in diffs):
        status = "conflict"
        note = "; ".join(d for k, d in diffs if k == "conflict")
    elif diffs:
        status = "variant"
        note = "; ".join(d for _, d in diffs)
    elif len(origins) >= 2:
        status = "corroborated"
        note = f"{len(origins)} independent origins ({len(sts)} articles) agree"
    else:
        status = "single_source"
        note = (
            "reported by one article only" if len(sts) == 1
            else f"reported by {len(sts)} articles of one origin ({origins[0]})"
        )  # fmt: skip
    if len(sts) > 1:
        m = np.stack(vecs)
        central = int(np.argmax((m @ m.T).sum(axis=1)))
    else:
        central = 0
    times = [t for st in sts for t in st.times if t.year_known and t.start]
    return Fact(
        "",
        sts[central].text,
        status,
        len(origins),
        tuple(sts),
        note[0].upper() + note[1:] + ".",
        origins,
        min((t.start or "" for t in times), default=None),
        max((t.end or t.start or "" for t in times), default=None),
        tuple(d for _, d in diffs),
    )
