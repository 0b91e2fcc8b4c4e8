"""Posts one person holds at a time, checked across a story's reports.

A report names a source by the post written before the name (analyze/roles.py): "Acme
general manager Jane Roe said". Another report may name the same post of the same
organisation with another person ("Acme general manager John Doe said in a
statement"): two reports disagree on who holds it, whatever their sentences say around
the name, so the post is a value checked across the reports on its own.

Two readings make the check sure:

* the organisation a report leaves out ("General Manager Jane Roe", "team general
  manager Jane Roe") is the one the story's other reports give that person with that
  post ("Acme General Manager Jane Roe"), when they give one (:func:`with_posts`);
* only posts one person holds at a time (a closed class of news vocabulary: a team's
  general manager or head coach, a country's prime minister, a town's mayor), never
  those many hold (an officer, a spokesman, a judge), and never a post some report
  gives two people ("Acme general manager Jane Roe and ... general manager John Doe"):
  then two holders are no disagreement (:func:`post_groups`). A holder with a word of
  time ("former", "new", "interim") may be another than today's: no disagreement
  either (:func:`of_another_time`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ..analyze.roles import ROLE
from ..records import Claim, Statement

# posts one person holds at a time in an organisation (general news vocabulary)
ONE_HOLDER = frozenset({
    "general manager", "manager", "head coach", "coach", "president", "prime minister",
    "chancellor", "mayor", "governor", "sheriff", "police chief", "fire chief",
    "chief executive", "ceo", "chairman", "chairwoman",
})  # fmt: skip
# words that put a post's holder at another time than the news ("former general manager
# Jane Roe", "interim coach John Doe"): a closed class of the language
_OTHER_TIME = frozenset(
    "former ex new interim acting outgoing incoming then previous past onetime late".split()
)
# a noun written before a post for the organisation the story is about ("team general
# manager Jane Roe"): no organisation of its own
_OWN_ORGANISATION = frozenset({"team", "club", "company", "firm"})


def post_of(c: Claim) -> str | None:
    """The post a role claim names, in lower case, without its organisation ("Acme
    general manager Jane Roe", "team general manager Jane Roe": "general manager");
    None for any other claim."""
    if c.thing != ROLE or c.kind != "actor":
        return None
    if c.word:
        return c.word.split("|")[1]
    if c.mention is None:
        return None
    words = c.text[: max(0, c.mention.start - c.span.start)].casefold().split()
    if words and words[0] in _OWN_ORGANISATION:
        words = words[1:]
    return " ".join(words) or None


def of_another_time(c: Claim) -> bool:
    """Whether a role claim's title puts its holder at another time than the news
    ("former Acme general manager Jane Roe", "Acme's interim coach"): a past or passing
    holder, who may differ from the present one."""
    end = c.mention.start - c.span.start if c.mention is not None else len(c.text)
    return bool(set(c.text[: max(0, end)].casefold().replace("-", " ").split()) & _OTHER_TIME)


def with_posts(statements: Sequence[Statement]) -> list[Statement]:
    """``statements`` with each role claim that names no organisation given the one
    organisation the story's other reports give the same person with the same post
    ("General Manager Jane Roe" beside "Acme general manager Jane Roe": "acme|general
    manager"); unchanged when they give none, or two. Only the person's own: a post of
    two teams' people ("Acme coach Jane Roe", "Coach John Doe" of the other team) is no
    one organisation's."""
    from .claims import _other_person

    named: dict[str, list[tuple[str, str]]] = {}  # post -> (organisation, name key)
    for st in statements:
        for c in st.claims:
            if c.thing == ROLE and c.word:
                org, post = c.word.split("|", 1)
                named.setdefault(post, []).append((org, c.value))

    def resolved(c: Claim) -> Claim:
        post = post_of(c) if c.thing == ROLE and c.word is None else None
        found = {org for org, name in named.get(post or "", ())
                 if not _other_person(name, c.value)}  # fmt: skip
        return replace(c, word=f"{next(iter(found))}|{post}") if len(found) == 1 else c

    out = []
    for st in statements:
        claims = tuple(resolved(c) for c in st.claims)
        same = all(a is b for a, b in zip(claims, st.claims, strict=True))
        out.append(st if same else replace(st, claims=claims))
    return out


def post_groups(claims: Sequence[Claim], article: Sequence[int]) -> list[list[int]]:
    """The role claims (indices into ``claims``; ``article``: each claim's article)
    of one organisation's post one person holds at a time, grouped by the post, from two
    articles or more; a post some article gives two people is left out."""
    from .claims import _other_person

    by_post: dict[str, list[int]] = {}
    for n, c in enumerate(claims):
        if (c.thing == ROLE and c.kind == "actor" and c.word and post_of(c) in ONE_HOLDER
                and not of_another_time(c)):  # fmt: skip
            by_post.setdefault(c.word, []).append(n)
    out = []
    for members in by_post.values():
        if len({article[n] for n in members}) < 2:
            continue
        if any(article[a] == article[b] and _other_person(claims[a].value, claims[b].value)
               for a in members for b in members if a < b):  # fmt: skip
            continue
        out.append(members)
    return out
