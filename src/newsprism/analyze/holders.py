"""Whose figure a number is, and which part of the counted things it counts.

Two reports of one game or one disaster give many figures of one kind: two players'
yards, two teams' scores, two men's prison terms, the villages destroyed and the worst
hit of them. Their predicate and counted noun agree ("rush" / "yards", "destroy" /
"villages"), so by those alone they would be one slot and two different figures a
conflict. The sentence says whose each is, and the parse gives it:

* the *holder*: the named possessor of the counted noun ("Smith's 180 yards") or the
  named subject of the verb the figure belongs to ("Johnson rushed for 312 yards");
  a personal pronoun ("He rushed for 150 yards", "his 312 yards") stands for the
  person the sentences before it last named (see :func:`antecedent`);
* the *subset*: a superlative that picks part of the counted things ("the 12
  worst-hit villages", "the three largest banks", "the most affected areas") — a count
  of those is not a count of all of them; so is a partitive ("9,000 of which were
  duplicates", "more than 500 of the letters", "two of the five suspects").

Both are read off spaCy's dependency parse, never off a list of names.
"""

from __future__ import annotations

import re
from typing import Any

_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_NAME_PARTS = frozenset({"compound", "flat"})
_NAMED = frozenset({"PERSON", "ORG", "GPE", "NORP"})
_NOUNS = frozenset({"NOUN", "PROPN"})
# third-person singular personal pronouns (a closed class of English): each stands for
# one person; "they", "it" may stand for a team, a crowd or a thing and are left alone
_PERSONAL = frozenset({"he", "him", "his", "she", "her", "hers"})
# how many sentences back a pronoun's person may have been named
_BACK = 2


Named = tuple[str | None, str | None]  # a holder's name as written, its entity type


def _name(tok: Any, names: frozenset[str]) -> Named:
    """A name as written ("Dale Carver") and its entity type: the named entity
    holding ``tok``, else a proper noun with the proper nouns before it, else a
    capitalised word the article names a person or organisation by elsewhere
    (``names``, casefolded: a surname opening a sentence, "Ruiz was sentenced", is often
    tagged a common noun) — these two of no known type; a personal pronoun's person
    (:func:`antecedent`), of no type either: it is the nearest person named, a guess
    ("Dana Reyes was the victim. In 2005, he was charged with assault on Reyes":
    not Reyes), which may keep two figures apart but never splits a value check
    (:func:`newsprism.reconcile.claims.person_of`); (None, None) for anything else."""
    if tok.lower_ in _PERSONAL and tok.pos_ == "PRON":
        return antecedent(tok), None
    if tok.ent_type_ in _NAMED:
        for ent in tok.doc.ents:
            if ent.start <= tok.i < ent.end:
                return str(ent.text), str(ent.label_)
    if tok.pos_ != "PROPN":
        return (str(tok.text) if tok.is_title and tok.lower_ in names else None), None
    words = [c for c in tok.children if c.dep_ in _NAME_PARTS and c.pos_ == "PROPN"]
    first = min([tok.i, *(c.i for c in words)])
    return str(tok.doc[first : tok.i + 1].text), None


def antecedent(pronoun: Any, back: int = _BACK) -> str | None:
    """The person a personal pronoun stands for, as news writes it: the person last
    named before it, in its own sentence or the ``back`` sentences before ("Sam
    Okafor was hurt against Lakeside. He has rushed for only 150 yards": Okafor). Within
    the nearest sentence that names a person, the one named as a subject is preferred
    ("Smith said Jones ran well. He ...": a pronoun subject continues the subject).
    None when no person is named that close."""
    doc = pronoun.doc
    sents = list(doc.sents)
    at = next(k for k, s in enumerate(sents) if s.start <= pronoun.i < s.end)
    for s in reversed(sents[max(0, at - back) : at + 1]):
        people = [e for e in s.ents if e.label_ == "PERSON" and e.end <= pronoun.i]
        if not people:
            continue
        subjects = [e for e in people if e.root.dep_ in _SUBJECTS]
        return str((subjects or people)[-1].text)
    return None


def whose_figure(
    num: Any, thing: Any | None, names: frozenset[str] = frozenset(), stop: int = 8
) -> Named:
    """The named person, team or thing whose figure ``num`` is (see the module): the
    named possessor of the counted noun ``thing`` or of the noun its "of" phrase hangs
    from ("Smith's 180 yards", "Okafor's record of 3,912 yards"), else the named subject
    of the clause's verb when the figure is not in the subject: "Johnson rushed for
    312 yards" is Johnson's, "7 villages were destroyed" no one's. A verb with no
    subject of its own ("... and now has 1,874") takes its head verb's. ``names``: the
    words the article names people and organisations by (see :func:`_name`). With the
    holder's entity type ("PERSON", "ORG", …; None when unknown or unnamed).
    """
    noun = thing if thing is not None else num
    while True:
        for c in noun.children:
            if c.dep_ == "poss" and not c.is_ancestor(num):
                return _name(c, names)
        head = noun.head
        if not (noun.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ in _NOUNS):
            break
        noun = head.head
    cur = noun
    for _ in range(stop):
        if cur.pos_ in {"VERB", "AUX"}:
            for c in cur.children:
                if c.dep_ in _SUBJECTS:
                    return (None, None) if c.is_ancestor(num) or c is num else _name(c, names)
            if cur.dep_ not in {"conj", "xcomp", "advcl"}:
                return None, None
        if cur.head is cur:
            return None, None
        cur = cur.head
    return None, None


# adjectives that count things beyond those already counted ("two other rifles", "three
# more bodies", "an additional 20 troops"): a closed class of English words of alterity
_BEYOND = frozenset({"other", "more", "additional", "further", "extra"})
BEYOND = "other"  # the subset every word of alterity names


# a partitive figure counts part of things already named: "of" and a pronoun standing
# for them ("of which", "of them") or a noun made definite ("of the letters", "of its
# 300 workers"): closed classes of English
PART = "part"
_PART_PRONOUNS = frozenset({"which", "whom", "them", "these", "those", "us", "you"})
_DEFINITE = frozenset({"the", "these", "those", "its", "their", "his", "her", "our", "your"})


def _partitive(num: Any) -> bool:
    """Whether the figure ``num`` is written as part of things named elsewhere in the
    sentence or before it: "at least 9,000 of which", "two of the five suspects".
    "All" makes it the whole ("all three of the people", "all 11 of his points")."""
    if any(c.lower_ == "all" for c in num.children):
        return False
    for prep in num.children:
        if prep.dep_ != "prep" or prep.lower_ != "of":
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj":
                continue
            if obj.lower_ in _PART_PRONOUNS:
                return True
            if any(d.dep_ in {"det", "poss"} and d.lower_ in _DEFINITE for d in obj.children):
                return True
    return False


def _superlative(tok: Any) -> bool:
    return tok.tag_ in {"JJS", "RBS"}


def subset_of(num: Any, thing: Any | None) -> str | None:
    """The superlative that picks part of the counted things, as written ("worst-hit",
    "largest", "most affected"), None when the count is of all of them. A superlative
    of the figure itself ("at least 12", "at most") is a bound, not a part: only the
    counted noun's own modifiers count. A partitive figure ("9,000 of which") counts
    :data:`PART` of them."""
    if _partitive(num):
        return PART
    if thing is None:
        return None
    for c in thing.children:
        if c.dep_ not in {"amod", "advmod", "compound"} or c.is_ancestor(num) or c is num:
            continue
        if c.lower_ in _BEYOND:
            # "six assault rifles, two other rifles": not the six; "an additional eight
            # engines" and "a further five" count one thing, the added
            return BEYOND
        inner = [t for t in c.subtree if _superlative(t)]
        if inner:
            first = min(t.i for t in c.subtree)
            return str(thing.doc[first : c.i + 1].text).casefold()
    return None


def named_words(mentions: Any) -> frozenset[str]:
    """The capitalised words of an article's person and organisation mentions,
    casefolded: what :func:`whose_figure` accepts as a name the tagger missed."""
    return frozenset(
        w.casefold()
        for m in mentions
        if m.type in {"PERSON", "ORG"}
        for w in m.text.split()
        if w[:1].isupper() and len(w) > 2
    )


# a length of time written before a word that makes it a distance in time from a moment:
# from the report's own ("three years ago") or from another occurrence ("30 years after
# he tipped off reporters", "two days later")
_GAP = re.compile(
    r"(?:[\s-]*(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)\b)?"
    r"[\s,]*(?:ago|after|before|later|earlier)\b",
    re.I,
)
_FOR = re.compile(
    r"\bfor\s+(?:(?:more|less|fewer)\s+than\s+|about\s+|nearly\s+|almost\s+)?\S+\s*\S*$", re.I
)
LENGTH_KINDS = frozenset({"duration", "gap"})


def length_kind(text: str, end: int, start: int | None = None) -> str:
    """What a length of time ending at ``end`` of ``text`` (from ``start``, when given)
    measures: "gap" (the time
    between two moments: "three years ago", "nine days after the attack") or "duration"
    (how long something lasted: "for two hours", "a 60-day course", "in more than 25
    years"). Values of the two kinds are never one slot. A gap back from the report's
    day and one after another occurrence stay one kind: "a heart attack suffered three
    weeks ago" and "died nine days after a heart attack" measure one span when the
    death is the news.

    >>> [length_kind(t, t.index("years") + 5) for t in
    ...  ("three years ago", "30 years after the break-in", "served four years")]
    ['gap', 'gap', 'duration']
    >>> length_kind("almost three weeks ago", len("almost three"))
    'gap'
    >>> length_kind("outside for nine minutes before", 24, 12)
    'duration'

    """
    if start is not None and _FOR.search(text, max(0, start - 12), end):
        return "duration"  # "outside for nine minutes before coming back": how long
    return "gap" if _GAP.match(text, end) else "duration"
