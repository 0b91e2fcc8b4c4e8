"""Canonical entities of a story: every spelling of one name under one id.

Mentions from all articles are joined when their normalised keys meet:
the same key; the same place code from the gazetteer; an acronym and its
expansion ("NORTHCOM" ↔ "Northern Command"), also when the expansion carries a
place in front ("U.S. Northern Command"); a transliteration variant (same
consonant skeleton, close spelling: "al-Bashir" ≈ "Al-Bachir"), or a spelling of
another outlet whose folded skeleton and context agree (:mod:`.names`); a surname alone
when exactly one full name in the story ends with it ("Larsen" → "Anne Larsen",
"Rashid" → "Omar al-Rashid"). Titles were already stripped at extraction. A city named
as the side of a win-loss record ("led Riverton (10-5) downfield") is the team the
story names with that city in front ("the Riverton Rams"), when it names one.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

from rapidfuzz import fuzz

from ..analyze.entities import acronym_fits
from ..analyze.gazetteer import lookup
from ..analyze.text_norm import skeleton
from ..records import Analysis, Entity, Mention, Span
from .names import variant_pairs

# Name particles that may be dropped with a surname: "al-Rashid" → "Rashid".
PARTICLES = frozenset("al el ad as ash ibn bin ben abu van von der de da di du la le".split())
NAMED = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "LAW", "PRODUCT"})
MIN_FUZZY = 88


class _Union:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def join(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _key(m: Mention) -> str:
    return f"place:{m.place}" if m.place else m.norm


def _bare(words: list[str]) -> str:
    """A surname without its particles: ["al", "hakim"] → "hakim"."""
    kept = [w for w in words if w not in PARTICLES]
    return " ".join(kept)


def build_entities(analyses: Sequence[Analysis]) -> tuple[tuple[Entity, ...], dict[Span, str]]:
    """The story's entities, most mentioned first, and each mention's entity id.

    >>> from newsprism.records import Analysis, Mention, Span
    >>> ms = [Mention(Span("a", 0, 11), "Anne Larsen", "PERSON", "anne larsen"),
    ...       Mention(Span("b", 0, 6), "Larsen", "PERSON", "larsen")]
    >>> ents, ids = build_entities([Analysis("a", mentions=ms[:1]), Analysis("b", mentions=ms[1:])])
    >>> [(e.name, e.aliases) for e in ents]
    [('Anne Larsen', ('Anne Larsen', 'Larsen'))]
    """
    mentions = [m for a in analyses for m in a.mentions if m.type in NAMED and m.norm]
    uf = _Union()
    types: dict[str, Counter[str]] = defaultdict(Counter)
    for m in mentions:
        uf.find(_key(m))
        types[_key(m)][m.type] += 1
    # acronyms: "northcom" with acronym_of "northern command" joins that key
    for m in mentions:
        if m.acronym_of:
            uf.join(_key(m), m.acronym_of)
            types.setdefault(m.acronym_of, Counter())
    keys = sorted(types)
    by_words = {k: k.split() for k in keys if not k.startswith("place:")}
    # an expansion with a place in front ("us central command") is the same body
    for k, words in by_words.items():
        for i in range(1, len(words) - 1):
            tail = " ".join(words[i:])
            if tail in types and lookup(" ".join(words[:i])) is not None:
                uf.join(k, tail)
    # an all-capitals name that abbreviates another key
    capitals = {m.norm for m in mentions if m.text.replace(".", "").isupper()}
    for k, words in by_words.items():
        if len(words) == 1 and 2 <= len(k) <= 10 and k in capitals:
            fits = [o for o, ow in by_words.items() if len(ow) > 1 and acronym_fits(k, ow)]
            if len({uf.find(o) for o in fits}) == 1:
                uf.join(k, fits[0])
    # transliteration variants: same skeleton, close spelling
    by_skeleton: dict[str, list[str]] = defaultdict(list)
    for k in by_words:
        by_skeleton[skeleton(k)].append(k)
    for group in by_skeleton.values():
        for i, a in enumerate(group):
            for b in group[i + 1 :]:
                if fuzz.ratio(a, b) >= MIN_FUZZY:
                    uf.join(a, b)
    # spellings across outlets whose skeletons and contexts agree (names.py)
    for a, b in variant_pairs(mentions, analyses, types):
        uf.join(a, b)
    # surnames: a one-name key that ends exactly one multi-word person name
    persons = [k for k, w in by_words.items() if len(w) > 1 and types[k].get("PERSON")]
    # each person's surname (the last two words without particles), read once
    tails = [(p, tail, tail.split()[-1:]) for p in persons for tail in [_bare(by_words[p][-2:])]]
    named = set(persons)
    for k, words in by_words.items():
        bare = _bare(words)
        if not bare or len(bare.split()) != 1 or k in named:
            continue
        owners = {
            uf.find(p) for p, tail, last in tails if last == [bare] or fuzz.ratio(tail, bare) >= 92
        }
        if len(owners) == 1:
            uf.join(k, owners.pop())
    sides = _sides(analyses, mentions, by_words, types, uf)
    groups: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        groups[sides.get(m.span) or uf.find(_key(m))].append(m)
    ordered = sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[1][0].norm))
    entities: list[Entity] = []
    ids: dict[Span, str] = {}
    of_root: dict[str, str] = {}
    for n, (root, ms) in enumerate(ordered, 1):
        eid = of_root[root] = f"e{n}"
        entities.append(_entity(eid, ms))
        for m in ms:
            ids[m.span] = eid
    # a record's side the parser tagged as no entity ("the Rams (9-5)"): its team's id
    for span, root in sides.items():
        if span not in ids and root in of_root:
            ids[span] = of_root[root]
    from ..geo.locate import with_places  # the gazetteer loads only when a story has places

    return with_places(entities), ids


_PLACE_TYPES = frozenset({"GPE", "LOC"})


def _sides(
    analyses: Sequence[Analysis],
    mentions: Sequence[Mention],
    by_words: dict[str, list[str]],
    types: dict[str, Counter[str]],
    uf: _Union,
) -> dict[Span, str]:
    """The team a record's side stands for, when the story names it in full: sports
    reports name a team by its city as often as by its nickname ("calmly led
    Riverton (10-5) downfield", "the Rams (10-5)"), and the city's mention is a
    place of its own, so the two records were never one side's. The team is the one
    name of the story that is not a place and is the city followed by more words, or
    the nickname preceded by a place (one the story tags as a place, or the gazetteer
    knows): "the Riverton Rams". With none, or two ("the Lakeside Hawks", "the
    Lakeside Owls"), the side keeps its own entity. Only the record's own mention
    moves: "in Riverton" elsewhere stays the city. A side the parser tagged as no
    entity ("the Rams (9-5)") is read by the record's ``thing``."""
    by_span = {m.span: m for m in mentions}
    places = {m.norm for m in mentions if m.type in _PLACE_TYPES}
    teams = {
        k: words
        for k, words in by_words.items()
        if len(words) > 1 and types[k] and types[k].most_common(1)[0][0] not in _PLACE_TYPES
    }

    def placed(words: list[str]) -> bool:
        name = " ".join(words)
        return name in places or lookup(name) is not None

    out: dict[Span, str] = {}
    for c in (c for a in analyses for c in a.claims if c.kind == "record"):
        if c.mention is None:
            continue
        m = by_span.get(c.mention)
        side = (m.norm if m else c.thing or "").split()
        n = len(side)
        if not side:
            continue
        if m is not None and m.type in _PLACE_TYPES:
            found = {uf.find(k) for k, words in teams.items()
                     if len(words) > n and words[:n] == side}  # fmt: skip
        else:
            found = {uf.find(k) for k, words in teams.items()
                     if len(words) > n and words[-n:] == side and placed(words[:-n])}  # fmt: skip
        if len(found) == 1:
            out[c.mention] = found.pop()
    return out


def _entity(eid: str, ms: list[Mention]) -> Entity:
    kinds = Counter(m.type for m in ms)
    # a person named in full anywhere is a person, whatever one sentence's tagger said
    full_person = any(m.type == "PERSON" and len(_bare(m.norm.split()).split()) > 1 for m in ms)
    if full_person and not kinds.get("GPE") and not kinds.get("LOC"):
        kind = "PERSON"
    else:  # the most frequent type; places win ties
        order = ["GPE", "LOC", "FAC", "ORG", "PERSON", "NORP"]
        kind = max(kinds, key=lambda k: (kinds[k], -order.index(k) if k in order else -9))
    texts = Counter(m.text for m in ms)
    expansions = [m.text for m in ms if len(_bare(m.norm.split()).split()) > 1]
    # the name: the most frequent multi-word spelling, else the most frequent spelling
    pool = Counter(expansions) if expansions else texts
    name = sorted(pool.items(), key=lambda kv: (-kv[1], -len(kv[0]), kv[0]))[0][0]
    places = Counter(m.place for m in ms if m.place)
    return Entity(
        eid,
        name,
        kind,
        tuple(sorted(texts)),
        tuple(sorted((m.span for m in ms), key=lambda s: (s.article_id, s.start))),
        places.most_common(1)[0][0] if places else None,
    )
