"""Role claims: a person named by the post they hold ("Hawks general manager X said").

News names a source by a title written before the name: the organisation, then the post
("Oregon State Police spokesman X", "team general manager X", "Sheriff X"). The person is
a value of that post, whatever verb follows (the verb is often "said", which carries no
event of its own). Each such name is one claim: the post's head noun is its predicate
("manager"), ``word`` keeps the organisation and the post as written ("chargers|general
manager") when the title names an organisation (a word of an organisation, place or
group entity, or a plural proper noun: "Hawks").

Two people may share a post ("a spokesman", "coach"), so two reports naming two people
for one post disagree only when both name the same organisation and the same post word
for word and the two names are not spellings of one name (reconcile/claims.py
``_role_holders``); otherwise they are a variant.
"""

from __future__ import annotations

from typing import Any

from ..records import Claim, Mention, Span
from .nlp import text_of

ROLE = "role"
_NOUNS = {"NN", "NNP", "NNS", "NNPS"}
_ORG_ENTS = {"ORG", "GPE", "NORP", "LOC", "FAC"}
# English courtesy titles: how a person is addressed, whatever post they hold (a closed
# class of the language, not of any story)
COURTESY = frozenset({"mr", "mrs", "ms", "miss", "mx", "messrs"})


def role_claim(doc: Any, m: Mention) -> Claim | None:
    """The role claim of person mention ``m`` when a title is written right before it."""
    span = doc.char_span(m.span.start, m.span.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    root = span.root
    run: list[Any] = []
    i = span.start - 1
    while i >= span.sent.start:
        t = doc[i]
        if t.tag_ not in _NOUNS | {"JJ"} or t.ent_type_ == "PERSON":
            break
        # the title is part of the name's noun phrase: its head chain reaches the name
        h, steps = t, 0
        while h.i != root.i and h.head.i != h.i and steps < 6:
            h, steps = h.head, steps + 1
        if h.i != root.i:
            break
        run.insert(0, t)
        i -= 1
    # the organisation is written before the post: an entity's words, a plural proper
    # noun ("Hawks"), or a capitalised word before a post written in lower case
    # ("Hawks general manager"; not the first word of a sentence)
    org: list[Any] = []
    post: list[Any] = []
    for t in reversed(run):
        named = t.ent_type_ in _ORG_ENTS or t.tag_ == "NNPS"
        capital = t.is_title and bool(post) and post[0].is_lower and t.i != span.sent.start
        if org or named or capital:
            org.insert(0, t)
        else:
            post.insert(0, t)
    if not post or post[-1].tag_ not in {"NN", "NNP"}:
        return None
    if post[-1].lower_.rstrip(".") in COURTESY:
        return None  # "Mr. Smith": a form of address, no post; two such are no two holders
    start = run[0].idx
    text = text_of(doc)[start : m.span.end]
    post_words = " ".join(t.lower_ for t in post)
    word = f"{org[-1].lower_}|{post_words}" if org else None
    return Claim(span=Span(m.span.article_id, start, m.span.end), text=text,
                 kind="actor", predicate=post[-1].lower_, thing=ROLE, value=m.norm,
                 mention=m.span, word=word)  # fmt: skip
