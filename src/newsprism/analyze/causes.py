"""Cause-of-death claims: what a person died of.

News gives the cause of a death in a few set ways: the verb of dying with "of" or
"from" ("died of heart failure", "died Saturday of natural causes", "died yesterday
from a long illness"), "succumbed to" ("succumbed to cancer"), and a death after an
illness suffered or fought ("died after suffering from heart failure", "died after a
long battle with cancer"). Each is one claim: ``kind`` "actor", ``thing`` ``CAUSE``,
``predicate`` "die", the value the cause's noun with its compounds and possessor,
lemmatised ("congestive heart failure" → "heart failure", "Alzheimer's disease" →
"alzheimer disease"), the person who died as ``mention`` (and the name's key as
``word``) when a person's name is the subject. "Suffered from" alone is no cause ("he
suffered from heart disease, but the cause of death was not known"), nor is "killed by"
(a weapon or an attacker as often as a cause).

Whether two causes disagree is reconcile/claims.py ``_causes``: a word's cause is vague
(``vague_cause``: "natural causes", "complications from", "injuries", "an apparent
heart attack") and is a variant of any; two specific causes of one named person's death
disagree only when neither holds the other's words ("heart failure" is within
"congestive heart failure").
"""

from __future__ import annotations

from typing import Any

from ..records import Claim, Mention, Span
from .nlp import singular, text_of

CAUSE = "cause"
# the verbs of dying whose "of"/"from" object is the cause, and "succumb to"
_DYING = frozenset({"die"})
_SUCCUMB = frozenset({"succumb"})
# an illness suffered or fought before the death: "after suffering from X", "after a
# battle with X"
_SUFFERING = frozenset({"suffer", "battle", "fight", "struggle"})
_FOUGHT = frozenset({"battle", "fight", "struggle", "bout"})
# nouns that name no particular cause, or hedge it (general words of news writing): a
# cause of these is a variant of any other
VAGUE_HEADS = frozenset("cause complication injury wound trauma age".split())
# nouns that name a cause only with a word saying which ("heart disease"), alone none
BARE_HEADS = frozenset("illness sickness disease ailment condition problem".split())
HEDGES = frozenset("apparent possible probable suspected likely presumed undisclosed unknown "
                   "unspecified natural".split())  # fmt: skip
_KEPT = frozenset({"compound", "poss", "nmod"})


def _form(tok: Any) -> str:
    """A comparable form of a noun: lower case, a plural "s" trimmed ("causes": "cause")."""
    w = str(tok.lower_)
    return singular(w) if tok.tag_ in {"NNS", "NNPS"} else w


def _object(prep: Any) -> Any | None:
    """The object of a preposition ("of heart failure": "failure"), else None."""
    return next((g for g in prep.children if g.dep_ == "pobj"), None)


def _cause_of(verb: Any) -> Any | None:
    """The noun a verb of dying names as the cause, else None."""
    lemma = verb.lemma_.casefold()
    kids = list(verb.children)
    # "died Saturday of natural causes": the phrase may hang on the day
    kids += [g for k in verb.children if k.dep_ == "npadvmod" for g in k.children]
    for k in kids:
        if k.dep_ != "prep":
            continue
        word = k.lower_
        if (lemma in _DYING and word in {"of", "from"}) or (lemma in _SUCCUMB and word == "to"):
            obj = _object(k)
            if obj is not None:
                return obj
        if lemma in _DYING and word == "after":
            for g in k.children:
                # "after suffering from X", "after a long battle with X"
                if g.dep_ == "pcomp" and g.lemma_.casefold() in _SUFFERING:
                    preps = {"from", "with"}
                elif g.dep_ == "pobj" and _form(g) in _FOUGHT:
                    preps = {"with"}
                else:
                    continue
                for p in g.children:
                    obj = _object(p) if p.dep_ == "prep" and p.lower_ in preps else None
                    if obj is not None:
                        return obj
    return None


def _subject(verb: Any) -> Any | None:
    subj = next((k for k in verb.children if k.dep_ in {"nsubj", "nsubjpass"}), None)
    if subj is None and verb.dep_ == "relcl":
        subj = verb.head
    return subj


def _words(noun: Any) -> list[Any]:
    """The cause noun with the words that say which one it is: its compounds and
    possessor ("heart failure", "Alzheimer's disease"), and their own compounds;
    adjectives are left ("congestive heart failure" is heart failure)."""
    out = [noun]
    todo = [noun]
    while todo:
        t = todo.pop()
        for k in t.children:
            if k.dep_ in _KEPT and k.i < noun.i:
                out.append(k)
                todo.append(k)
    return sorted(out, key=lambda t: t.i)


def cause_claims(aid: str, doc: Any, s: int, e: int, persons: list[Mention]) -> list[Claim]:
    """Every cause-of-death claim of the sentence ``doc`` spans from ``s`` to ``e``."""
    sent = doc.char_span(s, e, alignment_mode="expand")
    if sent is None:
        return []
    text = text_of(doc)
    out = []
    for verb in sent:
        if verb.pos_ not in {"VERB", "AUX"} or verb.lemma_.casefold() not in _DYING | _SUCCUMB:
            continue
        if any(k.dep_ == "aux" and k.lower_ in {"is", "was", "are", "were"} and verb.tag_ == "VBG"
               for k in verb.children):  # fmt: skip
            continue  # "she is dying from kidney disease": no death yet
        noun = _cause_of(verb)
        if noun is None or noun.pos_ not in {"NOUN", "PROPN"}:
            continue
        words = _words(noun)
        hedged = [k.lower_ for k in noun.children if k.dep_ == "amod" and k.lower_ in HEDGES]
        lemmas = [_form(t) for t in words if t.dep_ != "case" and t.pos_ != "PART"]
        value = " ".join(lemmas)
        first = min([noun.left_edge.i, *(t.i for t in words)])
        start = doc[first].idx
        if doc[first].dep_ == "det":
            start = doc[first + 1].idx if first + 1 <= noun.i else start
        end = noun.idx + len(noun.text)
        subj = _subject(verb)
        who = None
        if subj is not None:
            who = next((m for m in persons
                        if m.span.start <= subj.idx < m.span.end), None)  # fmt: skip
        out.append(Claim(span=Span(aid, start, end), text=text[start:end], kind="actor",
                         predicate="die", thing=CAUSE, value=value,
                         mention=who.span if who else None, word=who.norm if who else None,
                         cue="vague" if hedged else None))  # fmt: skip
    return out


def vague_cause(c: Claim) -> bool:
    """Whether a cause claim names no particular cause: a hedged one ("apparent heart
    disease", "natural causes") or a general noun ("complications", "injuries")."""
    words = c.value.split()
    head = words[-1] if words else ""
    return c.cue == "vague" or head in VAGUE_HEADS or (head in BARE_HEADS and len(words) == 1)
