"""What a date is the date of, when the parse says a noun: "the October 30 operation",
"Sunday's raid", "the meeting on Sunday", "carried out an operation between October 24
and 27".

News dates an occurrence in two ways: a verb and its time ("arrested on Monday") or an
event noun and its time. A date that modifies a noun ("the 2008 election", "last week's
meeting") is that noun's date, whatever the sentence's verb: in "The October 30
operation serves as a reminder…" the date is the operation's, not the serving's. A
date hung from an event noun ("the attack on Sunday") is the attack's. A support verb
("carry out", "conduct", "launch", "hold", "stage") says little of its own: "carried out
a joint operation between October 24 and 27" dates the operation.

An event noun is named by the verb it derives from when there is one ("meeting" is
"meet", "operation" is "operate", "announcement" is "announce"): the noun and the verb
of one occurrence then name one slot ("the October 10 meeting" / "met on October
10"). Nouns are recognised by morphology checked against the parser's own lexicon of
verbs (spaCy's lemmatizer tables), never by a list of words.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

# Verbs whose object (or the noun they describe) is the occurrence: "carried out an
# operation", "conducted raids", "held talks", "staged a protest", "launched an attack".
SUPPORT = frozenset(
    "carry conduct launch stage hold mount perform undertake execute wage make".split()
)
# Dependencies by which a date modifies the noun after it: "the October 30 operation"
# (nmod, nummod, compound), "Sunday's raid" (poss), "the 2008 election" (nummod).
_MODIFIES = frozenset({"nmod", "nummod", "compound", "poss", "npadvmod", "amod"})
# Nouns that are times themselves: "Sunday night", "Monday morning" — the date with the
# noun is one time, dated by what that time modifies or hangs from.
_TIME_NOUNS = frozenset(
    "morning afternoon evening night day week weekend month year time hour hours "
    "midnight noon".split()
)
# Prepositions that date the noun they hang from: "the attack on Sunday", "talks in May".
_DATE_PREPS = frozenset("on in during at since from between".split())
# Deverbal endings: (ending, what replaces it to give the verb), tried in order.
_ENDINGS = (
    ("ification", "ify"), ("ization", "ize"), ("isation", "ise"), ("ation", "ate"),
    ("ation", "e"), ("ation", ""), ("ition", "ish"), ("ition", "e"), ("ition", ""),
    ("ution", "ute"), ("ution", "ve"), ("ction", "ct"), ("ption", "be"), ("ssion", "t"),
    ("ssion", "ss"), ("sion", "de"), ("sion", "d"), ("sion", "se"), ("tion", "te"),
    ("tion", "t"), ("ment", ""), ("ment", "e"), ("al", "e"), ("al", ""), ("ure", "e"),
    ("ure", ""), ("ance", ""), ("ance", "e"), ("ence", ""), ("ence", "e"), ("ing", ""),
    ("ing", "e"),
)  # fmt: skip


@lru_cache(maxsize=1)
def verb_lemmas() -> frozenset[str]:
    """The verbs the parser's lemmatizer knows (its ``lemma_index`` table), or none when
    the pipeline has no such table: then no noun is read as derived from a verb."""
    try:
        from .nlp import load_nlp

        table = load_nlp().get_pipe("lemmatizer").lookups.get_table("lemma_index")
        return frozenset(str(w) for w in table.get("verb", ()))
    except Exception:
        return frozenset()


def verb_of(noun: str) -> str | None:
    """The verb a noun derives from: "operation" -> "operate", "meeting" -> "meet",
    "announcement" -> "announce", "shooting" -> "shoot", "seizure" -> "seize"; None
    when its ending and the lexicon of verbs find none ("site", "nation"). Loose on its
    own ("government" -> "govern"), it is only asked about nouns a date dates or a
    support verb governs."""
    verbs = verb_lemmas()
    w = noun.casefold()
    for end, verb_end in _ENDINGS:
        if len(w) > len(end) + 2 and w.endswith(end):
            stem = w[: -len(end)]
            candidates = [stem + verb_end]
            if end == "ing" and len(stem) > 2 and stem[-1] == stem[-2]:
                candidates.append(stem[:-1])  # "shopping" -> "shop"
            for c in candidates:
                if c in verbs:
                    return c
    return None


def event_word(noun: Any, word: str) -> str:
    """How a dated noun is named as a predicate: the verb it derives from, else ``word``
    (the noun's comparable form, e.g. "raid")."""
    if noun.pos_ != "NOUN":
        return word
    return verb_of(word) or verb_of(str(noun.lower_)) or word


def _is_event_noun(noun: Any) -> bool:
    """A noun that names an occurrence: derived from a verb ("operation", "meeting"), or
    one the lexicon knows as a verb as well ("raid", "attack", "crash")."""
    w = str(noun.lower_)
    one = w[:-1] if w.endswith("s") and not w.endswith("ss") else w
    return any(verb_of(x) is not None or x in verb_lemmas() for x in {w, one})


def dated_noun(root: Any) -> Any | None:
    """The noun whose date a date is, given the date's root token: the noun it modifies
    ("the October 30 operation", "Sunday's raid"), or the event noun it hangs from
    ("the attack on Sunday", not "arrested the man on Sunday": a verb's object is
    dated by the verb). None when the date belongs to a verb."""
    tok = root
    head = tok.head
    if tok.dep_ in _MODIFIES and head.pos_ == "NOUN" and head.lower_ in _TIME_NOUNS:
        tok, head = head, head.head  # "Sunday night": one time
    if tok.dep_ in _MODIFIES and head is not tok and head.pos_ == "NOUN" and head.i > tok.i:
        return None if head.lower_ in _TIME_NOUNS else head
    if (
        tok.dep_ == "pobj"
        and head.dep_ == "prep"
        and head.lower_ in _DATE_PREPS
        and head.head.pos_ == "NOUN"
        and head.head.dep_ not in {"dobj", "pobj"}
        and head.head.lower_ not in _TIME_NOUNS
        and _is_event_noun(head.head)
    ):
        return head.head
    return None


# Verbs that only say that their subject took place: "the escape happened near…", "the
# attack took place off…", "the blast occurred at…". Whatever their subject is, it is
# an occurrence, and the time or place is its.
_HAPPEN = frozenset("happen occur unfold".split())
# Verbs that say when or where their subject came about when that subject is an event
# noun: "the arrest came on Monday", "the verdict followed…".
_COME = frozenset("come follow".split())


def stands_for(verb: Any) -> Any | None:
    """The noun of the occurrence a verb only stands for, or None: a support verb's
    object ("carried out an operation", see :func:`supported`), the subject of a verb that
    only says it took place ("the escape happened near…", "the attack took place
    about 150 miles off…", "the arrest came on Monday"), the event noun one "goes on"
    ("went on a shooting rampage in 2005"). A value hung from such a verb is of that
    occurrence, named by its verb (:func:`event_word`), so "the escape happened near X"
    and "escaped near X" give one slot."""
    if any(c.dep_ == "prt" and c.lower_ != "out" for c in verb.children):
        return None  # a phrasal verb says more than its parts: "made off with", "came up"
    found = supported(verb)
    if found is not None or verb.pos_ not in {"VERB", "AUX"}:
        return found
    lemma = str(verb.lemma_).casefold()
    place_taken = lemma == "take" and any(
        c.dep_ == "dobj" and c.lower_ == "place" for c in verb.children
    )
    if lemma in _HAPPEN or place_taken or lemma in _COME:
        for c in verb.children:
            if c.dep_ not in {"nsubj", "nsubjpass"}:
                continue
            # "the shooting that took place last Friday", "the attack, which happened
            # on Sunday": the relative pronoun stands for the noun the clause describes
            s = verb.head if _relative(c, verb) else c
            if s.pos_ == "NOUN" and (lemma not in _COME or _is_event_noun(s)):
                return s
    if lemma == "go":
        for c in verb.children:
            if c.dep_ == "prep" and c.lower_ == "on":
                nouns = [g for g in c.children if g.dep_ == "pobj" and g.pos_ == "NOUN"]
                if nouns and _is_event_noun(nouns[0]):
                    return nouns[0]
    return None


def _relative(subject: Any, verb: Any) -> bool:
    """Whether a verb's subject is the relative pronoun of a clause describing the noun
    above it ("the shooting that took place", "the attack, which happened")."""
    return bool(
        verb.dep_ == "relcl"
        and subject.lower_ in {"that", "which"}
        and verb.head is not verb
        and verb.head.i < subject.i
    )


def supported(verb: Any) -> Any | None:
    """The occurrence a support verb stands for: its object ("carried out an
    operation"), its passive subject ("an operation was conducted") or the noun it
    describes ("demolitions conducted between…"); None for other verbs."""
    if verb.pos_ != "VERB" or str(verb.lemma_).casefold() not in SUPPORT:
        return None
    for c in verb.children:
        if c.dep_ in {"dobj", "nsubjpass"} and c.pos_ == "NOUN" and _is_event_noun(c):
            return c
    if verb.dep_ == "acl" and verb.head.pos_ == "NOUN" and _is_event_noun(verb.head):
        return verb.head
    return None


# "until", "till": a bound of a span, unless the text says something happened then
_UNTIL = frozenset({"until", "till"})


def until_clause(date: Any) -> Any | None:
    """The verb of the occurrence a date after "until" says took place then, or None.

    "X remained anonymous until May 30, 2005 when his family revealed…" tells when the
    revealing happened: the date is its, a day of its own, not the open end of the
    state before it ("remained a secret until…"). ``date`` is the date's tokens ("May
    30, 2005", "until three years ago"). The cleft "it wasn't until 2003 that he
    admitted…" says so too, but is left as it was: read so, its dates joined slots of
    other occurrences in tests/gold/facts (3 variants lost, 2 more false conflicts)."""
    root = date.root
    until = root if root.lower_ in _UNTIL else root.head
    if until.lower_ not in _UNTIL or (until is root.head and root.dep_ not in {"pobj", "pcomp"}):
        return None
    doc = root.doc
    after = list(doc[date.end : min(len(doc), date.end + 2)])
    # "until May 30, 2005 when…", "until April 2003, when he appeared…"
    for t in after:
        if t.lower_ == "when" and t.head.pos_ in {"VERB", "AUX"} and t.head.i > t.i:
            return t.head
        if t.lower_ != ",":
            break
    return None


# nouns of a building or a structure that stands (general vocabulary of news writing)
STRUCTURES = frozenset(
    "building structure warehouse house church bridge mill barn hotel theater theatre "
    "school factory tower landmark hall station dam lighthouse mansion".split()
)
# the verb of a thing's age: "the mill dates to 1908", "a church dating back to 1850"
_DATE_VERB = "date"
# the predicate of a date of building ("built in 1931")
BUILT = "build"


def dated_structure(verb: Any) -> bool:
    """Whether a verb says when a structure was put up: "date" with a building as its
    subject ("the mill dates to 1931") or the building it describes ("a church dating
    back to 1850"). Such a date is the structure's year of building."""
    if verb is None or str(verb.lemma_).casefold() != _DATE_VERB:
        return False
    if verb.dep_ == "acl" and verb.head.lower_ in STRUCTURES:
        return True
    return any(c.dep_ == "nsubj" and c.lower_ in STRUCTURES for c in verb.children)


# the predicate of a date of founding ("founded in 2009")
FOUNDED = "found"
# the cue of a year a named thing has stood since ("has been a lifeline since 2004")
EXISTED = "existed"
# entity types of a name that is no founded thing: a person, a people, a country or place
_NOT_FOUNDED = frozenset({"PERSON", "NORP", "GPE", "LOC"})


def existed_since(date: Any, people: frozenset[str] = frozenset()) -> bool:
    """Whether the date tokens ``date`` ("since 2004") is the year a named thing has stood
    since: a present perfect of being whose subject is a name, not a person's or a
    place's ("the Harbour Food Bank has been a lifeline for families since 2004";
    not "Smith has been mayor since 2004", ``people``: the casefolded words of the article's
    person names). The thing existed then, so it was founded then or before."""
    root = date.root
    prep = root if root.lower_ == "since" else root.head if root.dep_ == "pobj" else None
    if prep is None or prep.lower_ != "since":
        return False
    verb = prep.head
    if str(verb.lemma_).casefold() != "be" or not any(
        c.dep_ == "aux" and c.lower_ in {"has", "have"} for c in verb.children
    ):
        return False
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return bool(subjects) and all(
        s.pos_ == "PROPN" and s.ent_type_ not in _NOT_FOUNDED and s.lower_ not in people
        for s in subjects
    )
