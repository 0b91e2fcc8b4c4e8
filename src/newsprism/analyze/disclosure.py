"""Self-disclosure: the day a person made known who they were, or their hidden part.

A secret source, an anonymous donor or a hidden author is unmasked once, and news tells
that one occurrence in many words: "revealed that he was the source", "revealed himself
as the donor", "his family revealed his identity", "came forward in May", "broke cover,
admitting in 2011", "identified himself as the author". Dates of these verbs are dates of
one occurrence, whichever verb a report chose, so they share one predicate,
``UNMASK``. Only the verbs' disclosing sense counts: a verb of making known whose object is
the person's self or a hidden part of them (a reflexive; "identity", "role", "part",
"name" with a possessor) or whose clause says who the subject is ("that he was the
source"), "come forward", "go public", "break cover" or "break one's silence" with a
person as subject, and a verb of making known that opens a clause of one of these ("broke
cover, admitting…"). Announcements, releases and admissions of a deed ("admitted he
fired the shots", "revealed the plan on Monday") keep their own verbs.
"""

from __future__ import annotations

from typing import Any

UNMASK = "unmask"
# verbs of making known, in their general sense (news vocabulary)
_DISCLOSING = frozenset("reveal disclose admit confess acknowledge unmask identify".split())
# what of a person can be hidden and made known
_HIDDEN = frozenset("identity role part name secret".split())
_REFLEXIVE = frozenset("himself herself themselves myself oneself".split())
_PERSONAL = frozenset("he she i they".split())
# phrases of coming out of hiding: a verb and its particle or object
_PHRASES = {"come": {"forward"}, "go": {"public"}, "break": {"cover", "silence"}}


def _lemma(tok: Any) -> str:
    return str(tok.lemma_ or tok.lower_).casefold()


def _says_who(clause: Any) -> bool:
    """A clause that says who its subject is: "(that) he was the source", "I'm the
    guy": a copula, a personal pronoun as subject and a noun as attribute."""
    if _lemma(clause) != "be":
        return False
    kids = list(clause.children)
    subject = any(k.dep_ == "nsubj" and k.lower_ in _PERSONAL for k in kids)
    return subject and any(k.dep_ == "attr" and k.pos_ in {"NOUN", "PROPN"} for k in kids)


def _hidden_part(obj: Any) -> bool:
    if obj.lower_ in _REFLEXIVE:
        return True
    return obj.lower_ in _HIDDEN and any(k.dep_ == "poss" for k in obj.children)


def _common_subject(verb: Any) -> bool:
    """Whether the verb's subject is a common noun ("a witness came forward"): one of
    many who may come forward, on many days."""
    subj = next((k for k in verb.children if k.dep_ == "nsubj"), None)
    return subj is not None and subj.pos_ == "NOUN"


def self_disclosure(verb: Any | None, depth: int = 0) -> bool:
    """Whether ``verb`` tells a person making known who they are (see the module)."""
    if verb is None or verb.pos_ not in {"VERB", "AUX"}:
        return False
    word = _lemma(verb)
    kids = list(verb.children)
    if word in _DISCLOSING:
        if any(k.dep_ == "dobj" and _hidden_part(k) for k in kids):
            return True
        if any(k.dep_ == "ccomp" and _says_who(k) for k in kids):
            return True
        # "broke cover, admitting in 2011": an open clause of a disclosure
        opened = verb.dep_ in {"advcl", "conj"} and not any(k.dep_ == "mark" for k in kids)
        if opened and depth == 0 and verb.head is not verb:
            return self_disclosure(verb.head, depth + 1)
        return False
    marks = _PHRASES.get(word)
    if marks is None or _common_subject(verb):
        return False
    return any(k.lower_ in marks and k.dep_ in {"advmod", "prt", "dobj", "acomp", "oprd"}
               for k in kids)  # fmt: skip


SECRECY = "secrecy"
# what a person stays or keeps a thing when it is hidden
_SECRET_WORDS = frozenset("secret hidden anonymous confidential unknown".split())
_KEEPING = frozenset({"keep"})
_STAYING = frozenset({"remain", "stay"})


def _hides_person(obj: Any) -> bool:
    """A person's self or hidden part as a kept thing: "his role", "himself", or "his
    identity secret" (the possessor and the hidden noun hanging on "secret")."""
    if _hidden_part(obj):
        return True
    kids = list(obj.children)
    return (obj.lower_ in _SECRET_WORDS and any(k.dep_ == "poss" for k in kids)
            and any(k.lower_ in _HIDDEN for k in kids))  # fmt: skip


def _kept_secret(verb: Any) -> bool:
    """ "kept his role a secret", "kept his identity secret", "he remained anonymous",
    "his identity remained a secret": a verb of keeping whose object is a person's hidden
    part, or of staying whose subject is a person or their hidden part, with a complement
    that says hidden ("kept the plans secret" is no person's secret)."""
    word = _lemma(verb)
    kids = list(verb.children)
    hidden = any(k.dep_ in {"oprd", "acomp", "attr", "dobj"} and k.lower_ in _SECRET_WORDS
                 for k in kids)  # fmt: skip
    if not hidden:
        return False
    if word in _KEEPING:
        return any(k.dep_ == "dobj" and _hides_person(k) for k in kids)
    if word not in _STAYING:
        return False
    subj = next((k for k in kids if k.dep_ == "nsubj"), None)
    if subj is not None and subj.tag_ == "WP" and verb.dep_ == "relcl":
        subj = verb.head  # "Hale, who remained anonymous"
    return subj is not None and (
        subj.ent_type_ == "PERSON" or subj.lower_ in _PERSONAL or subj.lower_ in _HIDDEN
    )


def secrecy_length(length: Any) -> bool:
    """Whether a length of time (its head token) is how long a person's part stayed
    hidden: "kept his role a secret for 30 years", "remained anonymous for three
    decades", "admitted her role after more than 20 years", "revealed himself 30 years
    after he tipped off reporters", "it was 34 years before he broke cover"."""
    head = length.head
    # the expression may hold its preposition ("for 30 years")
    prep = length if length.dep_ == "prep" else head if length.dep_ == "pobj" else None
    if prep is not None and prep.lower_ in {"for", "after"}:
        verb = prep.head
        if prep.lower_ == "for" and verb.lower_ in _SECRET_WORDS:
            verb = verb.head  # "kept his role a secret for 30 years"
        if prep.lower_ == "for":
            return _kept_secret(verb)
        return self_disclosure(verb)
    if length.dep_ == "npadvmod" and head.pos_ in {"VERB", "AUX"}:
        mark = next((k.lower_ for k in head.children if k.dep_ == "mark"), None)
        if mark == "before":
            return self_disclosure(head)  # "34 years before he broke cover"
        if mark == "after":
            return self_disclosure(head.head)  # "revealed himself 30 years after he…"
    return False
