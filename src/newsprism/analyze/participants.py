"""Whose occurrence a date times: the named participants of the event it dates.

A story's reports date many occurrences of one kind — the suspect's arrest and an
accomplice's, this coach's firing and the one fired before him, the star's birth and
her adoption by a photographer — and one verb or event noun does not tell them apart:
"Harlan was fired March 4" and "Dorsey, fired on June 9, is suing" both date a
firing. The parse says whose: the named subject and object of the verb the date hangs
from, the agent of a passive ("adopted by Milo Grant"), the noun a participle or a
relative clause describes ("Dorsey, fired on June 9"; "the man who was arrested on
Monday"), and for an event noun its possessor, its "of"/"by" phrase and the names
compounded with it ("Y's arrest", "the arrest of X"). Two dates whose occurrences both
name participants, none of them shared, are of two occurrences, however alike their
verbs (see :func:`newsprism.reconcile.date_rules.other_participants`).

Only names count: a pronoun or a common noun ("the suspect", "he") names no one the
other report can be checked against. Names are the tagger's entities of the kinds that
take part in events (people, organisations, places, facilities, works, products,
events), a proper noun with the proper nouns compounded to it, or a capitalised word
the article names a person or organisation by elsewhere; a nationality ("Israeli
jets") modifies a participant and is none. All read off spaCy's dependency parse,
never off a list of names.
"""

from __future__ import annotations

from typing import Any

# the entity kinds that take part in an occurrence (spaCy's OntoNotes labels)
_PARTICIPANT_KINDS = frozenset(
    {"PERSON", "ORG", "GPE", "FAC", "LOC", "PRODUCT", "WORK_OF_ART", "EVENT"}
)
# a verb's arguments: its subject, its object, the receiver of a ditransitive
_VERB_ARGUMENTS = frozenset({"nsubj", "nsubjpass", "dobj", "dative"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
# prepositions whose object takes part in a noun's occurrence: "the arrest of X", "an
# attack by Y", "a strike against Z"
_NOUN_PREPS = frozenset({"of", "by", "against"})
# how a verb hangs from a noun it describes: a participle ("Dorsey, fired on June 9")
# or a relative clause ("the man who was arrested on Monday")
_DESCRIBES = frozenset({"acl", "relcl"})
# how a verb with no subject of its own shares its head verb's: "was arrested and charged
# on Monday", "tried to flee on Sunday"
_SHARES_SUBJECT = frozenset({"conj", "xcomp", "advcl"})


def name_of(tok: Any, names: frozenset[str] = frozenset()) -> str | None:
    """The name ``tok`` belongs to, as written: the entity holding it when of a kind
    that takes part in events, else a proper noun with the proper nouns compounded to
    it, else a capitalised word the article names a person or organisation by
    elsewhere (``names``, casefolded); None for a pronoun, a common noun, a number."""
    if tok.ent_type_:
        if tok.ent_type_ not in _PARTICIPANT_KINDS:
            return None
        for ent in tok.doc.ents:
            if ent.start <= tok.i < ent.end:
                return str(ent.text)
    if tok.pos_ == "PROPN":
        words = [c for c in tok.children if c.dep_ in {"compound", "flat"} and c.pos_ == "PROPN"]
        first = min([tok.i, *(c.i for c in words)])
        return str(tok.doc[first : tok.i + 1].text)
    return str(tok.text) if tok.is_title and tok.lower_ in names else None


def _with_conjuncts(tok: Any) -> list[Any]:
    """A token and the tokens conjoined to it ("X and Y were arrested")."""
    out = [tok]
    for c in tok.children:
        if c.dep_ == "conj":
            out.extend(_with_conjuncts(c))
    return out


def _verb_arguments(verb: Any) -> list[Any]:
    """The tokens that take part in a verb's occurrence (see the module)."""
    found = [c for c in verb.children if c.dep_ in _VERB_ARGUMENTS]
    found += [g for c in verb.children if c.dep_ == "agent" for g in c.children
              if g.dep_ == "pobj"]  # fmt: skip
    if verb.dep_ in _DESCRIBES and verb.head is not verb:
        found.append(verb.head)  # the noun the participle or the relative clause describes
    cur = verb
    while (
        not any(c.dep_ in _SUBJECTS for c in cur.children)
        and cur.dep_ in _SHARES_SUBJECT
        and cur.head is not cur
    ):
        cur = cur.head
        found += [c for c in cur.children if c.dep_ in _SUBJECTS]
    return found


def _noun_arguments(noun: Any) -> list[Any]:
    """The tokens that take part in an event noun's occurrence: its possessor, the names
    compounded with it, the objects of its "of", "by", "against" phrases."""
    found = [c for c in noun.children if c.dep_ in {"poss", "compound"}]
    found += [g for c in noun.children if c.dep_ == "prep" and c.lower_ in _NOUN_PREPS
              for g in c.children if g.dep_ == "pobj"]  # fmt: skip
    return found


def participants(event: Any | None, names: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """The names taking part in the occurrence token ``event`` (a verb or an event noun,
    see the module), sorted, each once; () when it names none."""
    if event is None:
        return ()
    args = _noun_arguments(event) if event.pos_ in {"NOUN", "PROPN"} else _verb_arguments(event)
    found = {name_of(t, names) for a in args for t in _with_conjuncts(a)}
    return tuple(sorted(n for n in found if n))
