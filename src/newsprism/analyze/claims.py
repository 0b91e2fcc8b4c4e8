"""Claims: the checkable values of each sentence, with what each value is *of*.

A sentence can state several values — a toll, the number injured, the date, the
town — and only values of the same slot may ever be compared: the dead are never
weighed against the injured, a "13-inch" screen is a size, not a count, and
"first-degree" is a position, not an amount. The dependency parse says what a
value belongs to: a number modifies its counted noun ("12 people"), the noun (or
the number itself) is the subject or object of the occurrence ("were killed",
"killed 12"), a time or a place hangs off the verb of its event ("arrested on
Monday in Paris"), an actor is the subject or object of it. Each claim keeps its
span, so every comparison cites the words it read.

Report dates ("said on Sunday") are left out: an article is written on its own
day, and two reports saying things on different days do not disagree.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache
from typing import Any

from ..records import Claim, Mention, Quantity, Span, TimeExpr
from .causes import cause_claims
from .dated import (
    BUILT,
    EXISTED,
    FOUNDED,
    SUPPORT,
    dated_noun,
    dated_structure,
    event_word,
    existed_since,
    stands_for,
    until_clause,
)
from .disclosure import SECRECY, UNMASK, secrecy_length, self_disclosure
from .gazetteer import TYPE_WORDS
from .holders import length_kind, named_words, subset_of, whose_figure
from .nationality import nationality_claims, region_of
from .nlp import sents_of, singular, text_of
from .participants import participants
from .partners import partner_claim
from .quantities import ONES, QUALIFIERS, SCALES, TENS, UNITS, VAGUE
from .roles import role_claim
from .stamps import report_stamp
from .text_norm import name_key
from .times import DAY_OF_ANOTHER
from .totals import total_of

_QUAL_RE = re.compile(
    r"^(?:for\s+|in\s+)?("
    + "|".join(sorted((re.escape(q) for q in QUALIFIERS), key=len, reverse=True))
    + r")\b"
)

# Verbs that report or attribute rather than happen: their date is the report's.
REPORTING = frozenset(
    "say tell report add state write quote note explain claim insist comment reply "
    "describe acknowledge confirm told said".split()
)
# Verbs that make something known: their dates are claims ("announced on Sunday" is the
# day of the announcement), but a story holds many statements and announcements, so
# one of these verbs alone never says two dates are of one occurrence.
ANNOUNCING = frozenset("announce release publish issue declare unveil disclose reveal".split())
# Words of asking for an amount and of offering one: "the union is asking for $30 an
# hour" and "the company offered $24 an hour" are two sides' figures of one bargain.
ASKING = frozenset({"ask", "demand", "seek", "request", "want", "asking"})
OFFERING = frozenset({"offer", "bid", "propose", "proposal", "counteroffer"})


def offered(c: Any) -> bool:
    """An amount offered: its predicate or its counted noun is a word of offering ("offered
    $24 an hour", "made a $24 million offer"), not of asking."""
    return c.predicate in OFFERING or (c.thing in OFFERING and c.predicate not in ASKING)


# Verbs that carry no event of their own: the value belongs to what they govern.
TRANSPARENT = frozenset(
    "be include have remain stand reach rise climb jump increase grow number total "
    "put bring leave".split()
)
# Verbs whose object names the occurrence: "suffered damage", "sustained injuries"
LIGHT = frozenset("suffer sustain undergo".split())
# Predicates that name one occurrence in different words; a fact's slots of one class
# compare. General news vocabulary, not any story's.
PREDICATE_CLASSES = {
    "killed": "kill die dead death fatality toll perish killing deadly life".split(),
    "injured": "injure wound hurt injury injured wounded hospitalize hospitalise".split(),
    "arrested": "arrest detain apprehend nab capture custody".split(),
    "charged": "charge indict accuse".split(),
    "sentenced": "sentence jail imprison prison".split(),
    "missing": "miss missing".split(),
    "destroyed": "destroy destruction demolish demolition".split(),
    # a move into a place: "checked into a clinic on Friday", "entered the clinic on
    # Tuesday" date one admission
    "entered": "enter check".split(),
}
_CLASS_OF = {w: c for c, ws in PREDICATE_CLASSES.items() for w in ws}
# Classes of occurrences that count nothing: a count told with their verb is of an
# occurrence of its own ("fired 14 shots ... nine bullets entered his body": the
# shots fired and those that hit are two counts), not of a known class (:func:`classed`).
UNCOUNTED_CLASSES = frozenset({"entered"})
# Counted nouns news writing uses for one thing, as the first of each class: a shot
# fired is a bullet or a round ("fired 14 shots", "the nine bullets fired"); a fire
# engine is an appliance in British usage ("sent eight engines", "five appliances").
# General vocabulary, not any story's.
THING_CLASSES = {
    "shot": "shot bullet gunshot round".split(),
    "engine": "engine appliance firetruck".split(),
}
_THING_OF = {w: c for c, ws in THING_CLASSES.items() for w in ws}
# what a "round" counts when it is no shot: "three rounds of talks", "18 rounds of golf"
_AMMUNITION = frozenset("ammunition ammo fire gunfire bullet shot".split())
# verbs of shooting: "was shot 14 times" counts the shots that hit, as "was hit by 14
# bullets" does
_SHOOTING = frozenset({"shoot"})
# "rose to", "so far", "at least": a running count that a later report may raise
_RUNNING = re.compile(
    r"\b(?:rose|risen|rises|climbed|climbs|jumped|increased|reached|so far|at least|"
    r"toll|now|has (?:risen|climbed|reached))\b",
    re.I,
)
# words that say a count went up since an earlier report ("the toll rose to 10")
RISE = frozenset("rose risen rises climbed climbs jumped increased reached".split())
_AGE_HYPHEN = re.compile(r"\b(\d{1,3}|[a-z]+(?:-[a-z]+)?)[- ](?:year|yr)s?[- ]old\b", re.I)
_AGED = re.compile(r"\baged?\s+(\d{1,3})\b", re.I)
_APPOSITIVE_AGE = re.compile(r",\s*(\d{1,3})\s*,")
# "Jane Doe, 20 and John Roe, 24, were charged", "John Roe, 20 was convicted": an age
# whose closing comma a list or a hurried headline leaves out, right after a name
_OPEN_AGE = re.compile(r",\s*(\d{1,3})\s+(?=(?:and|was|is)\b)")
# "72 and 45-years-old", "63 and 45 years old": every number of a list that ends in an age
_AGE_LIST = re.compile(
    r"\b(\d{1,3})(?=(?:\s*,\s*\d{1,3})*\s*(?:,|and|&|or)\s*\d{1,3}[- ](?:year|yr)s?[- ]old)", re.I
)
# "aged in his early 30s", "in her mid-forties": an age given as part of a decade
_DECADES = {"twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60,
            "seventies": 70, "eighties": 80, "nineties": 90}  # fmt: skip
_DECADE_AGE = re.compile(
    r"\b(?:aged\s+)?in\s+(?:his|her|their)\s+(?:(?P<part>early|mid|late)[- ]?)?"
    r"(?P<d>[2-9]0s|" + "|".join(_DECADES) + r")\b",
    re.I,
)
_GLUED_UNIT = re.compile(r"(?:\s+\d+/\d+)?\s*[-‐]\s*([^\W\d_]+)")
# parts of speech a word glued to a figure by a hyphen has when the hyphen stands for a
# dash: never the figure's unit ("a father of five-another man was hurt"); but "all" after
# a figure ties a score ("a 2-all draw") and "a" makes a rate ("a $50,000-a-year job")
_NO_UNIT = frozenset({"DET", "PRON", "AUX"})
# "a 357 caliber revolver", "a 12 gauge shotgun", "a .45 handgun": a figure before a calibre
# word or sizing one firearm is the weapon's calibre, part of its name, and counts nothing
_CALIBRE = re.compile(r"\s*(?:caliber|calibre|gauge|magnum)\b", re.I)
_FIREARMS = frozenset({"revolver", "pistol", "handgun", "gun", "rifle", "shotgun", "carbine"})
_HYPHENED_WORDS = frozenset({"all", "a", "an"})
# "8.40pm", "9 p.m.", "06:00 BST", "2045 GMT", "20:49": a time of day, in minutes
_CLOCK = re.compile(
    r"\b(?P<q>(?:at\s+)?(?:about|around|approximately|shortly after|shortly before|just after|"
    r"just before|just past|shortly past|after|before|roughly)\s+)?"
    r"(?P<h>[01]?\d|2[0-3])(?:[.:]\s?(?P<m>[0-5]\d))?\s*"
    r"(?P<ap>[ap]\.?\s?m\.?(?![a-z])|(?=\s*(?-i:GMT|BST|UTC|[A-Z]{1,2}T)\b)"
    # "9:25 hours", "4:30 Tuesday morning": a clock time said by the word after it
    r"|(?=\s+(?P<hrs>hours|hrs)\b)|(?=\s+(?:in\s+the\s+|(?:on\s+)?(?:monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday)\s+)?(?P<part>morning|afternoon|evening|night)\b))"
    r"|\b(?P<q2>(?:about|around|approximately|shortly after|shortly before|just after|just before)"
    r"\s+)?(?P<hm>(?:[01]\d|2[0-3])[0-5]\d)\s*(?=(?:GMT|BST|UTC|hours|hrs)\b)",
    re.I,
)
# a line that dates the report: a year (or a date in figures) and a clock time, nothing
# happening
_HALF_OF_DAY = re.compile(
    r"\s+(?:on\s+)?(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s+)?", re.I
)
_NUMERIC_DATE = re.compile(r"\b\d{1,2}\s?/\s?\d{1,2}\s?/\s?\d{2,4}\b")
_STAMP = re.compile(r"\b(?:19|20)\d\d\b|" + _NUMERIC_DATE.pattern)
# "no one was injured", "nobody died", "there were no casualties": a count of zero
_NO_ONE = re.compile(r"\b(?:no(?:[- ]one|body)|none)\b", re.I)
_NO_NOUN = re.compile(
    r"\bno\s+(?:(?:other|further|serious|immediate|known|reported)\s+)?"
    r"(deaths?|injur(?:y|ies)|casualties|fatalities|victims?|arrests?|survivors?)\b",
    re.I,
)
_WEEKDAY = re.compile(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)
# Relative days a report counts from its own date: without that date they are still a
# value ("yesterday" and "on Friday" may be one day), kept as the day they name.
_RELATIVE_DAY = re.compile(
    r"\b(yesterday|today|tonight|last night|this (?:morning|afternoon|evening))\b", re.I
)
_SAME_DAY = {"last night": "yesterday", "tonight": "today", "this morning": "today",
             "this afternoon": "today", "this evening": "today"}  # fmt: skip
# Relative spans longer than a day ("last week", "earlier this month", "three years
# ago", "at the weekend", "overnight", "recently"): without the report's own date they
# still place an occurrence, less precisely than a day inside them. The words are the
# closed set of English deictic time adverbials (see times.py's "relative" and "ago"). A
# vague count back ("several years ago", "a few months ago") tells background, not when,
# and "the past month" a stretch up to the report (how long something went on).
_RELATIVE_SPAN = re.compile(
    r"\b(?:(?:earlier|later)\s+)?this\s+(?:week|month|year|weekend)\b"
    r"|\blast\s+(?:week|month|year|weekend)\b"
    r"|\b(?:(?:at|over)\s+)?the\s+weekend\b"
    r"|\b(?:earlier|later)\s+in\s+the\s+(?:week|month|year)\b"
    r"|\b(?:overnight|recently)\b"
    r"|\b(?:(?:about|nearly|almost|more\s+than|less\s+than|just\s+over|over|some)\s+)?"
    r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
    r"\s+(?:day|week|month|year)s?\s+ago\b",
    re.I,
)
# A date counted from another occurrence ("nine days earlier", "a week before", "41
# years later", "two years after the death", "little over a month after a bandit
# stole…"): without a date of the occurrence it is counted from, it still places its
# own, as a span whose days are not known (at most a variant of any date, never a
# conflict). A length of days, weeks, months or years before one of the closed set of
# English words of temporal order; a single day ("the day before", "a day after") is
# times.py's (that day, when the text dates the other one).
_COUNTED_FROM = re.compile(
    r"\b(?:(?:about|nearly|almost|more\s+than|less\s+than|(?:a\s+)?little\s+(?:over|more\s+than)"
    r"|just\s+(?:over|under)|over|some)\s+)?"
    r"(?P<n>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
    r"\s+(?P<u>day|week|month|year)s?\s+(?P<dir>earlier|later|before|after|prior|following)\b",
    re.I,
)
_TO_ORDER = {"earlier": "before", "prior": "before", "later": "after", "following": "after"}
_SET_OFF = re.compile(r"\s*,\s*")
# Lengths in metres: a fall, a distance, a depth written in any of the usual units
LENGTHS = {"m": 1.0, "metre": 1.0, "meter": 1.0, "km": 1000.0, "kilometre": 1000.0,
           "kilometer": 1000.0, "ft": 0.3048, "feet": 0.3048, "foot": 0.3048,
           "mile": 1609.344, "yard": 0.9144, "yd": 0.9144}  # fmt: skip
# (lower case: "$84M" is millions)
_LENGTH_AFTER = re.compile(r"\s?(m|km|ft|feet|foot|metres?|meters?|yards?|yds?|miles?)\b")
# "120, 000": thousands written apart (a tokenizer's spacing), one number
_THOUSANDS = re.compile(r",\s?\d{3}(?!\d)")
_SCALED = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s?[-‐]\s?([a-z]+)$", re.I)
# an amount restated in another currency or unit in brackets right after the first one
# ("80 billion euros ($95 billion)", "3,000ft (914 metres)"): the reporter's conversion
CURRENCIES = frozenset({"USD", "EUR", "GBP", "JPY"})
_CONVERTED = re.compile(
    r"\d[\d,.]*[\s-]?(?:[^\W\d_]+\.?\s?){0,2}[(;]\s*(?:about|around|some|roughly|approximately)?"
    r"\s*[^\w\s]{0,3}$"
)
_CURRENCY_WORD = re.compile(
    r"\s*(?:euros?|dollars?|pounds?(?: sterling)?|yen|francs?|rupees?|dirhams?|yuan)\b", re.I
)
# "$4.5m", "3m euros", "$3bn", "70 b. euros": a scale abbreviated right after an amount
_SCALE_ABBREV = {"m": 1e6, "mn": 1e6, "mln": 1e6, "mm": 1e6, "bn": 1e9, "b": 1e9, "k": 1e3}
_ABBREVIATED = re.compile(r"\s?(m|mn|mln|mm|bn|b|k)\b\.?", re.I)
_RANGE_ABBREVIATED = re.compile(r"\s?[-–]\s?(\d[\d,.]*)\s?(m|mn|mln|mm|bn|b|k)\b\.?", re.I)
# "between $20 and $30 million", "$20-30 million": the first figure shares the scale
# written after the last
_SHARED_SCALE = re.compile(
    r"(?:\s*(?:-|–|to|and|or)\s*\W?\s*\d[\d,.]*)?\s*[-‐]?\s*(million|billion|trillion|"
    r"thousand)\b",
    re.I,
)
# "80,000-square-foot", "7,400 square metres", "40 acres": an area, compared in square
# metres whatever its unit
_AREA_UNITS = {"m": 1.0, "metre": 1.0, "meter": 1.0, "km": 1e6, "kilometre": 1e6,
               "kilometer": 1e6, "ft": 0.09290304, "feet": 0.09290304, "foot": 0.09290304,
               "mile": 2589988.11, "yard": 0.83612736, "acre": 4046.8564,
               "hectare": 1e4}  # fmt: skip
_AREA_OF = re.compile(
    r"[\s-]*(?:(?:square|sq\.?)[\s-]*(metres?|meters?|m|kilometres?|kilometers?|km|feet|foot|ft|"
    r"miles?|yards?)|(acres?|hectares?))\b",
    re.I,
)
# "15 cubic metres": a volume, not a length
_AREA = re.compile(r"[\s-]*(?:square|sq\.?|cubic)\b", re.I)
_MODIFIER = frozenset({"nummod", "npadvmod", "amod", "compound", "quantmod"})
_PLACE_PREPS = frozenset("in at near outside inside into across throughout on off between "
                         "along".split())  # fmt: skip
# "south of Spain", "off the coast of Crete", "the outskirts of Lyon", "the corner of
# 43rd Street and 8th Avenue": a place named by where it lies from another
_WHERE_OF = frozenset(
    "north south east west northeast northwest southeast southwest coast shore outskirts "
    "suburb suburbs edge centre center heart corner intersection junction".split()
)
MEASURE_UNITS = frozenset(UNITS.values()) | CURRENCIES


def _word(tok: Any) -> str:
    """A comparable form of a token: a verb's lemma, else the lower-case word with a
    plural "s" trimmed."""
    if tok.pos_ in {"VERB", "AUX"} and tok.lemma_:
        return str(tok.lemma_).casefold()
    return singular(str(tok.lower_))


def classed(word: str | None) -> bool:
    """Whether a predicate belongs to one of the known classes of counted occurrences
    (the killed, the injured; not :data:`UNCOUNTED_CLASSES`)."""
    return word in _CLASS_OF and _CLASS_OF[word] not in UNCOUNTED_CLASSES


def predicate_class(word: str | None) -> str | None:
    """The class of a predicate ("die" and "kill" are one: "killed"), else the word."""
    if word is None:
        return None
    return _CLASS_OF.get(word, word)


def _event_of(tok: Any, stop: int = 8) -> Any | None:
    """The occurrence a token belongs to: the nearest verb above it, or the noun
    an "of" phrase hangs from ("the deaths of 12 people")."""
    cur = tok
    for _ in range(stop):
        head = cur.head
        if head is cur:
            return cur if cur.pos_ in {"VERB", "ADJ", "NOUN"} else None
        if head.pos_ == "VERB" and _word(head) in LIGHT:
            # "two bridges suffered severe damage": the occurrence is the damage
            done = [c for c in head.children if c.dep_ == "dobj" and c.pos_ == "NOUN"]
            if done:
                return done[0] if done[0] is not cur else head
            # "a stroke suffered two days earlier", "injuries sustained on Friday": a
            # participle after the noun it tells of, the occurrence is that noun
            told = _told_noun(head)
            return told if told is not None else head
        if head.pos_ == "VERB" and head.dep_ == "acl" and _word(head) in _NAMING:
            # "launched a new line called Orbit in September": the participle only names
            # the noun before it; a value hung from it is of the clause that noun is in
            cur = head
            continue
        if head.pos_ == "VERB" and _word(head) not in TRANSPARENT and not _adjectival(head):
            if _word(head) in REPORTING and tok.i < head.i:
                # "flew home on Thursday, for a two-week stay, her agent confirms",
                # "Smith died at his home in Lima, Ohio, Thursday, the newspaper
                # reported": a phrase before a tacked-on attribution the
                # parse hung from it is the main clause's
                main = _attributed_clause(head, cur, tok)
                if main is not None:
                    return main
            return head
        if head.pos_ in {"VERB", "AUX"} and cur.dep_ not in {"nsubj", "nsubjpass"}:
            # "the death toll rose to 25": the value is of the subject
            subject = [c for c in head.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"]
            if subject:
                return subject[0]
        if (head.pos_ == "ADP" and head.lower_ == "of" and _common_noun(head.head)
                and head.head.lower_ not in _VALUED | _AMOUNT_NOUNS):  # fmt: skip
            return head.head
        if (head.pos_ == "ADJ" and head.dep_ in {"ROOT", "acomp", "amod"}
                and cur.dep_ == "npadvmod" and head.lower_ not in _VALUED):  # fmt: skip
            return head  # "12 dead" (not "jewels worth $2m": the value is the jewels')
        cur = head
    return None


def _verb_before(num: Any, noun: Any | None) -> Any | None:
    """A verb written right before a figure that the parse hung from the counted noun as
    its modifier: "the two deputies fired 14 shots — the report showed
    that…" parsed as "fired 14 shots" being shown. The verb is what the figure counts.
    None when no such verb stands there."""
    if noun is None or num.i == 0 or noun.i <= num.i:
        return None
    verb = num.doc[num.i - 1]
    if (verb.head.i == noun.i and verb.dep_ == "amod" and verb.tag_ in {"VBD", "VBN"}
            and _word(verb) not in TRANSPARENT | LIGHT | REPORTING):  # fmt: skip
        return verb
    return None


def _participle_after(noun: Any) -> Any | None:
    """The participle after a counted noun inside a prepositional phrase, which says what
    the count is of: "struck by two of the nine bullets fired by the deputies" counts
    the bullets fired, not those that hit ("three"). Only a participle with its doer
    ("by the deputies"): "31 of his 75 punches thrown" counts what he landed of his own.
    None when the noun is a clause's subject or object ("the 12 people killed by the
    blast were buried": the clause's verb tells of them too)."""
    if noun.dep_ != "pobj":
        return None
    for c in noun.children:
        if (c.dep_ == "acl" and c.tag_ == "VBN" and c.i > noun.i
                and any(a.dep_ == "agent" for a in c.children)
                and _word(c) not in TRANSPARENT | LIGHT | REPORTING):  # fmt: skip
            return c
    return None


def _people_told(num: Any) -> Any | None:
    """The word of a known class of occurrences right after a figure that stands for the
    people it befell ("20 of the 65 wounded stayed in hospital", "ten people were
    killed and at least 50 injured"): the figure counts them, whatever the clause's verb.
    None when no such word follows, or when the figure opens its sentence: a headline's
    "Four hurt in crash" is left to the report's own sentences, whose figures it
    repeats."""
    doc = num.doc
    if num.i + 1 >= len(doc) or num.i == num.sent.start:
        return None
    after = doc[num.i + 1]
    if after.head.i != num.i or after.dep_ not in {"acl", "amod"}:
        return None
    return after if classed(_word(after)) else None


def thing_class(word: str) -> str:
    """A counted noun's class (:data:`THING_CLASSES`) for a word of any member, the word
    itself when it is in none: "bullet" and "round" stand for the shots' class, so a
    claim's class and the words around another claim's value meet whatever member
    names the class."""
    return _THING_OF.get(word, word)


def _whole_of_part(num: Any, noun: Any | None) -> bool:
    """The figure counts the whole a part is taken of ("which of the nine arrows hit",
    "two of the nine arrows missed"): the clause's verb tells of the part only."""
    if noun is None or noun.dep_ != "pobj" or noun.head.lower_ != "of":
        return False
    part = noun.head.head
    return part is not num and part.pos_ in {"NUM", "PRON", "DET"}


def _counted_class(thing: str | None, thing_tok: Any | None) -> str | None:
    """The counted noun as its class (:data:`THING_CLASSES`): "bullet" and "round" are
    counted shots. A round "of" something else ("rounds of talks") stays a round."""
    cls = _THING_OF.get(thing or "")
    if cls is None or thing_tok is None or thing_tok.pos_ != "NOUN":
        return thing  # "was fatally shot": a verb the parse took for the counted noun
    if thing == "round" and thing_tok is not None:
        of = [o for p in thing_tok.children if p.dep_ == "prep" and p.lower_ == "of"
              for o in p.children if o.dep_ == "pobj"]  # fmt: skip
        if any(_word(o) not in _AMMUNITION for o in of):
            return thing
    return cls


def _told_noun(verb: Any) -> Any | None:
    """The noun a participle of a light verb follows and tells of ("a stroke suffered two
    days earlier", "injuries sustained in the crash"), None when the verb has a subject
    or object of its own ("she suffered a stroke") or no noun stands before it."""
    doc = verb.doc
    if verb.tag_ not in {"VBN", "VBD"} or verb.i == 0:
        return None
    if any(c.dep_ in {"nsubj", "nsubjpass", "dobj", "aux", "auxpass"} for c in verb.children):
        return None
    before = doc[verb.i - 1]
    if before.pos_ != "NOUN" or verb.dep_ not in {"acl", "advcl", "relcl"}:
        return None
    return before


def _attributed_clause(saying: Any, child: Any, tok: Any) -> Any | None:
    """The main clause's verb when a reporting verb after ``tok`` is an attribution tacked
    on after the clause ("X died …, Thursday, the newspaper reported"): the parse hangs
    the clause from the saying as its complement, or the saying from the clause as a
    conjunct or an adverbial clause; either way the clause starts before ``tok``, and
    ``tok`` (under the saying's ``child``) stands before the saying's subject ("one woman
    in Ashford told AFP", "police in Bavaria said Wednesday" are the attribution's). None
    when the saying comes first ("said Friday that…": the date is the saying's)."""
    subjects = [c for c in saying.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if child.dep_ in {"nsubj", "nsubjpass"} or any(tok.i >= c.left_edge.i for c in subjects):
        return None
    # a clause of a verb that carries no event ("was leaving her car in…, witnesses
    # say") is no occurrence to take the value: it stays of none
    found = [c for c in saying.children if c.dep_ == "ccomp" and c.i < tok.i
             and _word(c) not in TRANSPARENT]  # fmt: skip
    if saying.dep_ == "conj" or (saying.dep_ == "advcl" and _word(saying.head) not in TRANSPARENT):
        found.append(saying.head)
    for main in found:
        if main.i < tok.i and main.pos_ == "VERB" and _word(main) not in REPORTING:
            return main
    return None


def _common_noun(tok: Any) -> bool:
    """A common noun, also when a headline's capitals make the tagger call it a proper
    one ("Elmwood Mother of 8 Shot": "Mother" names no one, it is no entity)."""
    return bool(tok.pos_ == "NOUN" or (tok.pos_ == "PROPN" and not tok.ent_type_))


def _adjectival(verb: Any) -> bool:
    """Whether a participle is an adjective of the noun after it ("walked along parked cars
    on Main Street", "a stolen car"): it names no occurrence, whatever the parse made of
    it, so a value hung from it is of the verb above."""
    if verb.dep_ == "amod":
        return True
    doc = verb.doc
    if verb.tag_ not in {"VBN", "VBD"} or verb.i == 0 or verb.i + 1 >= len(doc):
        return False
    before, after = doc[verb.i - 1], doc[verb.i + 1]
    return (before.pos_ in {"ADP", "DET"} and after.pos_ == "NOUN" and after.head.i == verb.i
            and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children))  # fmt: skip


# participles that name a noun ("a line called Orbit", "a man named John Roe", "a storm
# dubbed the Beast"): no occurrence of their own
_NAMING = frozenset("call name dub title entitle nickname".split())
# words that say what something is worth, no occurrence of their own: "jewels worth
# $2m", "$84M worth of jewels", "a haul valued at $5m"
_VALUED = frozenset({"worth", "valued"})
# nouns that are an amount, no occurrence ("a couple of children were inside": the
# occurrence is being inside)
_AMOUNT_NOUNS = frozenset(
    "couple handful dozen dozens hundreds thousands millions scores total number".split()
)


def _occurrence(event: Any | None) -> str | None:
    """The predicate of the occurrence token ``event`` (see :func:`_event_of`): its word,
    or, when the verb only stands for an occurrence named by a noun ("carried out an
    operation", "the escape happened", "took place"), that noun's verb
    (:func:`.dated.stands_for`); "passed away" is a death."""
    if event is None:
        return None
    noun = stands_for(event)
    if noun is not None:
        return event_word(noun, _word(noun))
    word = _word(event)
    if word == "pass" and any(c.dep_ == "prt" and c.lower_ == "away" for c in event.children):
        return "die"
    return word


# A parent named by how many children they have ("a mother of five", "the father of
# three children"): the figure counts the parent's children, whatever the sentence's
# verb; a grandparent's counts grandchildren.
_PARENTS = frozenset("mother father parent mom dad mum".split())
_GRANDPARENTS = frozenset("grandmother grandfather grandparent grandma grandpa".split())
_OFFSPRING = {"children": "children", "kid": "children", "grandchildren": "grandchildren",
              "grandkid": "grandchildren"}  # fmt: skip
# The unit of such a count: a family's size is compared with no other count of the
# story, however alike the figures ("a mother of five" and "fired five shots")
FAMILY = "children"


def _family_count(num: Any, thing_tok: Any | None) -> str | None:
    """What a figure counts when it is how many children someone has: "children" for
    "a mother of four", "the father of four children", "one of her four kids";
    "grandchildren" for "a grandmother of nine"; else None. The children of a
    possessor ("her", "the couple's") are their own; "four children were hurt" counts
    children of no one said."""
    doc = num.doc
    counted = thing_tok if thing_tok is not None and thing_tok.i > num.i else None
    if counted is not None and _word(counted) not in _OFFSPRING:
        return None
    if num.i >= 2 and doc[num.i - 1].lower_ == "of":
        parent = _word(doc[num.i - 2])
        if parent in _PARENTS and (counted is None or _OFFSPRING[_word(counted)] == "children"):
            return "children"
        if parent in _GRANDPARENTS:
            return "grandchildren"
    if counted is not None and any(c.dep_ == "poss" for c in counted.children):
        return _OFFSPRING[_word(counted)]
    return None


def _thing_of(num: Any) -> Any | None:
    """The noun a number counts: its head through compounds ("six weapons depots"),
    through "worth of" to what is worth it ("$84M worth of jewels")."""
    found = _counted_noun(num)
    if found is not None and found.lower_ in _VALUED:
        of = [c for c in found.children if c.dep_ == "prep" and c.lower_ == "of"]
        objs = [g for c in of for g in c.children if g.dep_ == "pobj"]
        return objs[0] if objs else None
    return found


def _counted_noun(num: Any) -> Any | None:
    cur = num
    while cur.dep_ in {"nummod", "quantmod", "compound", "amod"} and cur.head is not cur:
        cur = cur.head
        if (cur.pos_ == "PROPN" and cur.ent_type_ == "PERSON" and num.i > 0
                and num.doc[num.i - 1].lower_ == "of"):  # fmt: skip
            return None  # no one's name is counted ("Mother of 8 Jane Doe": not 8 Does)
        if cur.pos_ in {"NOUN", "PROPN"}:
            while cur.dep_ == "compound" and cur.head.i > cur.i and cur.head.pos_ == "NOUN":
                cur = cur.head
            return cur
    nxt = num.i + 1
    doc = num.doc
    if nxt + 1 < len(doc) and doc[nxt].lower_ == "of" and doc[nxt + 1].pos_ == "NOUN":
        # "millions of computer users": the object of "of", past its compounds
        objs = [c for c in doc[nxt].children if c.dep_ == "pobj" and c.pos_ == "NOUN"]
        return objs[0] if objs else doc[nxt + 1]
    return None


def _tokens(doc: Any, span: Span) -> Any | None:
    return doc.char_span(span.start, span.end, alignment_mode="expand")


def _number_value(word: str) -> float | None:
    w = word.casefold()
    if w.isdigit():
        return float(w)
    if w in ONES:
        return float(ONES[w])
    if w in TENS:
        return float(TENS[w])
    if "-" in w:
        a, _, b = w.partition("-")
        if a in TENS and b in ONES:
            return float(TENS[a] + ONES[b])
    return None


def _fmt_number(low: float | None, high: float | None, qualifier: str | None) -> str:
    def n(x: float) -> str:
        return f"{x:,.0f}" if x == int(x) else f"{x:g}"

    if low is not None and high is not None and low == high:
        return n(low)
    if qualifier and low is not None and high is None:
        return f"{qualifier} {n(low)}"
    if qualifier and high is not None and (low is None or low == 0):
        return f"{qualifier} {n(high)}"
    if qualifier and low is not None and high is not None:
        near = QUALIFIERS.get(qualifier) == "near"
        return f"{qualifier} {n(high if near else (low + high) / 2)}"
    if low is not None and high is not None:
        return f"{n(low)}–{n(high)}"
    return n(low) if low is not None else "?"


def _sizes_a_firearm(thing_tok: Any, high: float | None) -> bool:
    """Whether a figure above one stands before one firearm, no plural ("pulled a 357
    revolver"; not "seized 12 rifles"): the weapon's calibre, not a number of weapons."""
    return bool(
        thing_tok is not None
        and thing_tok.lower_ in _FIREARMS
        and thing_tok.tag_ == "NN"
        and (high is None or high > 1)
    )


def _count_claims(
    aid: str,
    doc: Any,
    text: str,
    q: Quantity,
    sentence: tuple[int, int],
    names: frozenset[str] = frozenset(),
) -> Claim | None:
    if q.value_low is None or q.ordinal:
        return None
    toks = _tokens(doc, q.span)
    if toks is None or not len(toks):
        return None
    num = toks[-1]
    # "a couple of children", "a handful of shells": the counted noun is the object
    of_obj = next((c for c in num.children if c.dep_ == "pobj"), None) if (
        num.lower_ == "of" and len(toks) > 1) else None  # fmt: skip
    if num.lower_ == "one" and num.i + 1 < len(doc) and doc[num.i + 1].lower_ == "of":
        return None  # "one of the most extensive": a pronoun, not a count
    if q.text.casefold() in SCALES and re.search(r"\d[\s-]?$", text[: q.span.start]):
        return None  # "$20-30 million": the scale of the figures before it, no count
    unit = q.unit
    kind: Any = "count"
    thing_tok = _thing_of(num) if of_obj is None else of_obj
    if thing_tok is None and num.dep_ == "conj" and num.head.i < num.i:
        thing_tok = _thing_of(num.head)  # "three or four robbers": the first figure's noun
    glued = _GLUED_UNIT.match(text, q.span.end)
    low, high = q.value_low, q.value_high
    scaled = _SCALED.search(q.text)
    if scaled and scaled.group(2).casefold() in SCALES:
        # "110-billion", "$2.6-million": the scale word glued to the figure multiplies it,
        # it is no range
        low = high = float(scaled.group(1).replace(",", "")) * SCALES[scaled.group(2).casefold()]
    after = None if glued is None else doc.char_span(glued.start(1), glued.end(1),
                                                      alignment_mode="expand")  # fmt: skip
    hyphen = bool(
        glued and text[q.span.end : glued.start(1)].strip().split()[-1][-1:] in {"-", "‐"}
    )
    if (hyphen and after is not None and len(after) and after[-1].pos_ in _NO_UNIT
            and after[-1].lower_ not in _HYPHENED_WORDS):  # fmt: skip
        # a dash typed as a hyphen glues no unit ("a father of five-another man", "a mother
        # of four-the youngest just two"): a determiner, pronoun or auxiliary is never one,
        # and the noun after it is no thing the figure counts
        if thing_tok is not None and thing_tok.i > num.i:
            thing_tok = None
    elif hyphen and glued:
        # "13-inch", "6.2-magnitude": the number sizes the noun after it, it counts nothing
        unit = glued.group(1).casefold()
        kind = "measure"
        thing_tok = after[-1].head if after is not None and len(after) else thing_tok
    elif (calibre := _CALIBRE.match(text, q.span.end)) or _sizes_a_firearm(thing_tok, high):
        # "a 357 caliber revolver", "a 12 gauge shotgun", "a .45 handgun": as "a 38-caliber
        # revolver", the figure names the weapon's calibre; read as a count, the calibre
        # stood as a number of weapons beside the counts of the story
        unit, kind = "caliber", "measure"
        if calibre is not None and thing_tok is not None and _CALIBRE.fullmatch(thing_tok.text):
            thing_tok = thing_tok.head if thing_tok.head.pos_ == "NOUN" else thing_tok
    money = unit in CURRENCIES or bool(_CURRENCY_WORD.match(text, q.span.end))
    abbrev = _ABBREVIATED.match(text, q.span.end)
    upto = _RANGE_ABBREVIATED.match(text, q.span.end)
    if upto and money and low is not None and low == high:
        # "$20-30MM": a range whose scale is written once, after its second figure
        scale_by = _SCALE_ABBREV[upto.group(2).casefold()]
        top = float(upto.group(1).replace(",", ""))
        if top > low:
            low, high = low * scale_by, top * scale_by
            thing_tok = _thing_of(doc[num.i + 2]) if num.i + 2 < len(doc) else None
    if abbrev and low is not None and (money or _CURRENCY_WORD.match(text, abbrev.end())):
        # "$4.5m", "3m euros", "$20-30MM": millions, not metres
        scale_by = _SCALE_ABBREV[abbrev.group(1).casefold()]
        low, high = low * scale_by, None if high is None else high * scale_by
        unit = unit if unit in CURRENCIES else _currency(text, abbrev.end())
    shared = _SHARED_SCALE.match(text, q.span.end)
    if money and shared and not scaled and low is not None and low < 1000:
        # "between $20 and $30 million", "$20-30 million"
        scale = float(SCALES[shared.group(1).casefold()])
        low, high = low * scale, None if high is None else high * scale
    suffix = _SCALE_SUFFIX.match(text, q.span.end)
    scaled_count = bool(suffix and not money and _counts_many(thing_tok, suffix.group(1)))
    if suffix and scaled_count and low is not None:
        # "over 2m tablet users", "1.5bn people": the letter scales a count of the noun
        # after it; a length needs no noun ("fell 200m"), a race one ("the 100m final")
        scale_by = _SCALE_ABBREV[suffix.group(1).casefold()]
        low, high = low * scale_by, None if high is None else high * scale_by
        unit = None
    if unit is None and thing_tok is not None and thing_tok.lower_ in UNITS:
        unit = UNITS[thing_tok.lower_]  # "a few minutes": the unit of a vague amount
    if unit in MEASURE_UNITS:
        kind = "measure"
    if (money or unit in MEASURE_UNITS) and _CONVERTED.search(
        text, max(0, q.span.start - 60), q.span.start
    ):
        return None  # "80 billion euros ($95 billion)", "3,000ft (914 m)": a conversion
    thing = _word(thing_tok) if thing_tok is not None else None
    if thing is not None and thing.casefold() in _SCALE_ABBREV:
        thing = None  # "$5-10m": the scale, not what is counted
    if thing is not None and money and (_CURRENCY_WORD.fullmatch(thing)
                                        or thing.upper() in CURRENCIES):  # fmt: skip
        thing = None  # "87 million euros": the currency is the unit, not what is counted
    # "millions of computer users": a noun under the number is no way up to the occurrence
    below = thing_tok is not None and num.is_ancestor(thing_tok) and of_obj is None
    counted_tok = thing_tok if thing_tok is not None and not below else num
    # "police put the march at 30,000": the count is the march's, not the verb's
    estimated = _estimate_of(counted_tok) if unit is None else None
    told = _verb_before(num, thing_tok)
    if told is None and thing_tok is not None and not below:
        told = _participle_after(thing_tok)
    if told is None and thing_tok is None:
        told = _people_told(num)
    if told is not None:
        event = told
    elif _whole_of_part(num, thing_tok):
        event = None  # "which of the nine bullets caused": the part's verb, not the nine's
    else:
        event = estimated if estimated is not None else _event_of(counted_tok)
    predicate = _occurrence(event)
    if event is not None and _to_death(event):
        predicate = "kill"  # "beat two men to death": a killing, whatever the means
    if predicate is not None and (predicate == thing or predicate in REPORTING
                                  or predicate in _SCALE_ABBREV):  # fmt: skip
        # "officials said 12 …": the saying is not what was counted; nor is the "m" of
        # "£1.7m" a parser took for a verb
        predicate = None
    if kind == "count" and _crowd_size(event, predicate, thing, high):
        # "5,000 people marched on parliament", "a rally attended by 40,000", "police put
        # the march at 8,000": how many came, whatever verb tells it
        predicate = CROWD
        # ("a rally attended by 200,000": the crowd is of people, named or not)
        thing = "people" if thing in _CROWD_PEOPLE or thing is None else thing
    if kind == "count" and predicate != CROWD and _ridden_in(thing_tok):
        # "the raiders, in four skiffs, tried to board the tanker": the skiffs they came
        # in, whatever the verb; a report's "three skiffs were seen nearby" counts the same
        predicate = None
    thing = _counted_class(thing, thing_tok)
    sent = _sent_by(thing_tok) if kind == "count" and unit is None else None
    if sent is not None:
        # "comments from 6,000 citizens": one comment each, a count of the comments
        thing = sent
    if kind == "count" and unit is None and thing in SUBMISSIONS:
        # "received 4,100 comments", "sorted through 5,000 comments": how many were
        # sent in, whatever was done with them
        predicate = thing
    if thing == "time" and predicate in _SHOOTING:
        # "he was shot nine times": nine shots hit him, as in "hit by nine bullets"
        predicate, thing = "hit", thing_class("shot")
    place = _population_of(thing_tok)
    if place is not None:
        # "Millbrook, a town of about 14,000 people", "Gull Island, home to 90,000 people":
        # how many live in a place, never a count of the sentence's verb (the killed)
        predicate, thing = "population", place
    if _MAGNITUDE_BEFORE.search(text, max(0, q.span.start - 30), q.span.start) or (
        _MAGNITUDE_AFTER.match(text, q.span.end)
    ):
        # "magnitude-5.8", "a magnitude of at least 5.8", "6.2 on the Richter scale",
        # "a 6.2-magnitude quake": one measure, whatever noun the parse hangs it from
        kind, unit, thing = "measure", "magnitude", "magnitude"
    family = _family_count(num, thing_tok) if kind == "count" and unit is None else None
    if family is not None:
        # "a mother of six", "her seven children": one family's size, of no occurrence
        predicate, thing, unit = "family", family, FAMILY
    value = _fmt_number(low, high, q.qualifier)
    if _weighed(text, q, unit, predicate, sentence):
        # "weighing 200 pounds", "a 200-pound man": a weight, in kilograms
        low = None if low is None else round(low * 0.45359237, 3)
        high = None if high is None else round(high * 0.45359237, 3)
        kind, unit, thing, value = "measure", "kg", "weight", f"{value} pounds"
    if q.qualifier in VAGUE:
        value = q.qualifier  # "several", "dozens": the word says it, no figure
    period = _rate_period(text, q.span.end, thing_tok) if money else None
    if period is not None:
        # "$4 million per season", "$5 million a year", "an average annual value of …":
        # an amount for each period is a rate, never a value of the total beside it
        unit = f"{unit}/{period}"
    (holder, holder_type), subset = whose_figure(num, thing_tok, names), subset_of(num, thing_tok)
    subset = subset or total_of(num, event)
    listed = _listed(thing_tok, thing)
    kind_of = _kind_of(thing_tok)
    speed = _SPEED.match(text, q.span.end)
    if speed and low is not None:
        # "120 mph", "120 miles an hour", "193km/h": one speed, in km/h
        factor = _SPEED_FACTORS[speed.group(1).casefold()[:2]]
        low, high = round(low * factor, 3), None if high is None else round(high * factor, 3)
        return Claim(span=q.span, text=q.text, kind="measure", predicate=predicate,
                     thing="speed", value=f"{value} {speed.group(0).strip()}", unit="km/h",
                     low=low, high=high, holder=holder, subset=subset,
                     name_type=holder_type)  # fmt: skip
    if unit in DURATION_DAYS and low is not None:
        # "two minutes", "a few minutes", "8 days ago": a length of time, in days like
        # the lengths the date reader finds ("a two-month course", "60 days")
        factor = DURATION_DAYS[unit]
        low, high = round(low * factor, 3), None if high is None else round(high * factor, 3)
        span_kind = length_kind(text, q.span.end, q.span.start)
        return Claim(span=q.span, text=q.text, kind="measure", predicate=predicate,
                     thing=span_kind, value=f"{value} {unit}", unit="days", low=low, high=high,
                     holder=holder, subset=subset, name_type=holder_type)  # fmt: skip
    area = _AREA.match(text, q.span.end)
    square = _AREA_OF.match(text, q.span.end)
    if square:
        # "80,000-square-foot", "7,400 square metres": one area, in square metres
        word = _unit_word(square.group(1) or square.group(2)).casefold()
        word = {"acres": "acre", "hectares": "hectare"}.get(word, word)
        area_factor = _AREA_UNITS.get(word, 1.0)
        kind, unit, value = "measure", "m2", f"{value} {square.group(0).strip(' -')}"
        low = None if low is None else round(low * area_factor, 3)
        high = None if high is None else round(high * area_factor, 3)
        if thing is not None and (_unit_word(thing) in _AREA_UNITS or thing == "square"):
            noun = thing_tok.head if thing_tok is not None else None
            thing = _word(noun) if noun is not None and noun.pos_ == "NOUN" else None
    length = None if area or scaled_count else _length_unit(text, q.span.end, unit, thing)
    if length is not None:
        # "200ft", "about 60 metres", "1,500 kilometers": one length, compared in metres
        factor = LENGTHS[length]
        kind, unit, value = "measure", "m", f"{value} {length}"
        low = None if low is None else round(low * factor, 3)
        high = None if high is None else round(high * factor, 3)
        if thing is not None and _unit_word(thing) in LENGTHS:
            thing = None
        if predicate is not None and _unit_word(predicate) in LENGTHS:
            predicate = None
    # the cue that says most: a rise ("rose to") before a mere running count ("toll")
    cues = [m.group(0).casefold() for m in _RUNNING.finditer(text, sentence[0], sentence[1])]
    cue = next((c for c in cues if c.split()[-1] in RISE), cues[0] if cues else None)
    return Claim(
        span=q.span,
        text=q.text,
        kind=kind,
        predicate=predicate,
        thing=thing,
        value=value,
        unit=unit,
        low=low,
        high=high,
        cue=cue,
        holder=holder,
        subset=subset,
        name_type=holder_type,
        listed=listed,
        kind_of=kind_of,
    )


# Nouns of one bargain a report names again as "the deal" in the sentence after the
# offer ("The club has made its biggest offer yet to the striker. The deal is said to be
# worth up to $90 million."): the amount is that offer's, and its maker's
_BARGAINS = frozenset("deal offer contract bid package proposal agreement".split())


def _continued_offer(c: Claim, doc: Any, names: frozenset[str]) -> Claim:
    """An amount of money with no verb, noun or holder of its own, told of "the deal"
    (a definite noun of a bargain, the sentence's subject) right after a sentence in
    which someone makes or gets an offer: the amount is of that offer, and of the one
    who made it. News writing goes on with one offer across sentences; the claim takes
    the offer as its predicate and the offer's maker as its holder."""
    if c.unit not in CURRENCIES or c.predicate or c.thing or c.holder:
        return c
    toks = _tokens(doc, c.span)
    if toks is None:
        return c
    sent = toks.root.sent
    subject = next((t for t in sent if t.dep_ in {"nsubj", "nsubjpass"}
                    and _word(t) in _BARGAINS
                    and any(d.dep_ == "det" and d.lower_ == "the" for d in t.children)),
                   None)  # fmt: skip
    if subject is None or sent.start == 0:
        return c
    before = doc[sent.start - 1].sent
    for tok in before:
        if _word(tok) not in OFFERING:
            continue
        holder, holder_type = whose_figure(tok, None, names)
        if holder is not None:
            return replace(c, predicate="offer", thing=_word(subject), holder=holder,
                           name_type=holder_type)  # fmt: skip
    return c


# a bound a report sets below a figure named before it: "less than the $60 million reported"
_BELOW_NAMED = re.compile(r"^(?:less|fewer) than the\b", re.I)


def _bounded_above(claims: list[Claim], doc: Any) -> list[Claim]:
    """A lower bound of money that its own sentence goes on to close from above ("made
    an offer in excess of $40 million, but sources say it is less than the $60 million
    reported by a local paper"): the report gives one amount between the two, so the
    lower bound takes the upper bound's figure as its top (the upper bound stays a
    claim of its own, set against the figure it names). Only a later bound of no
    holder set against a named figure: "more than $40 million ... less than $60
    million" of two things is no one amount."""
    out = list(claims)
    for k, c in enumerate(out):
        if c.unit not in CURRENCIES or c.low is None or c.high is not None:
            continue
        toks = _tokens(doc, c.span)
        if toks is None:
            continue
        sent = toks.root.sent
        for d in out[k + 1 :]:
            if d.span.start >= sent.end_char:
                break
            if (d.unit == c.unit and d.high is not None and d.high > c.low
                    and not d.holder and _BELOW_NAMED.match(d.text)):  # fmt: skip
                out[k] = replace(c, high=d.high, value=f"{c.value}, {d.value}")
                break
    return out


_LIST_LINKS = frozenset({"conj", "appos"})


def _kind_of(thing_tok: Any | None) -> tuple[str, ...]:
    """The nouns written before the counted noun that say what kind of thing it is,
    with those listed beside them ("fire", "police" of "fire and police vehicles";
    "cattle" of "cattle trucks"), as compared: a count of such things is not a count of
    what modifies them."""
    if thing_tok is None:
        return ()
    heads = [
        c
        for c in thing_tok.children
        if c.dep_ in {"compound", "nmod"} and c.pos_ == "NOUN" and c.i < thing_tok.i
    ]
    found: set[str] = set()
    for h in heads:
        found.add(_word(h))
        found.update(_word(c) for c in h.children if c.dep_ == "conj" and c.pos_ == "NOUN")
    return tuple(sorted(found))


def _listed(thing_tok: Any | None, thing: str | None) -> tuple[str, ...]:
    """The other nouns the counted noun is listed with, as compared ("six rifles, 12
    magazines and 300 rounds": "magazine", "round" for the rifles): the nouns joined to
    it by coordination, or by the apposition a parser often makes of a list's second
    item (see reconcile/occurrence.py)."""
    if thing_tok is None:
        return ()
    seen, todo = {thing_tok.i}, [thing_tok]
    while todo:
        tok = todo.pop()
        near = [c for c in tok.children if c.dep_ in _LIST_LINKS]
        if tok.dep_ in _LIST_LINKS:
            near.append(tok.head)
        for t in near:
            if t.i not in seen and t.pos_ in {"NOUN", "PROPN"}:
                seen.add(t.i)
                todo.append(t)
    nouns = {_word(thing_tok.doc[i]) for i in seen}
    return tuple(sorted(nouns - {thing or ""}))


# The size of a crowd: news tells how many came together with many verbs ("took to
# the streets", "marched", "joined the vigil", "attended", "turned out") and names the
# people by what brought them ("protesters", "mourners"); each is one predicate, how
# many came (no date's: "joined the army in 2001" is no gathering). Measured on
# tests/gold/facts: gold conflicts 274 -> 276, all of one march (none false), variants
# as before, printed conflicts outside the gold 399 -> 401 (a breakaway group against
# the whole crowd, another city's march); the share of voters who voted read as one
# turnout, comments counted by their senders and "nearly N" apart from "more than N"
# found no more (the claim model split those reports' figures), and "another N" taken
# as more of them lost 11 variants and 2 conflicts (a city's crowd "a further 20,000").
CROWD = "crowd"
# verbs and nouns of coming together ("attended by 200,000", "a rally of 5,000")
_GATHERING = frozenset(
    "gather attend march rally protest demonstrate assemble throng flock converge crowd "
    "demonstration vigil gathering procession".split()
)
# people named by the gathering they are in; their count with a verb of no known
# class ("100 mourners clashed with police") is how many were there
_CROWD_PEOPLE = frozenset(
    "protester demonstrator marcher mourner protestor rioter crowd participant attendee".split()
)
# people, of a crowd or not: a gathering's count of anything else is no crowd ("rallied
# in two separate demonstrations")
_PEOPLE = _CROWD_PEOPLE | frozenset(
    "people person man woman member supporter student worker citizen resident youth "
    "activist fan unionist farmer teacher employee".split()
)
# Vehicles people travel in: a count of them after "in", "on" or "aboard" ("the gunmen,
# in two cars, opened fire", "raiders on three speedboats") tells how a group came,
# whatever verb says what the group did. General vocabulary, not any story's.
VEHICLES = frozenset(
    "boat speedboat skiff dinghy dhow canoe raft yacht trawler ship vessel car vehicle "
    "truck lorry van bus minibus jeep pickup suv taxi motorcycle motorbike bike bicycle "
    "scooter helicopter plane aircraft jet".split()
)
_RIDDEN_IN = frozenset({"in", "on", "aboard", "onboard"})


def _ridden_in(thing_tok: Any | None) -> bool:
    """Whether a counted noun is the vehicles someone came in ("the raiders, in four
    skiffs, tried to board the tanker"; "gunmen on two motorcycles"): the object of "in",
    "on" or "aboard", a vehicle, said of the group or of what it did. Such a count is of
    the group's vehicles, not of the clause's occurrence: "attempted", "surrounded" and
    "opened fire" tell of one set of boats."""
    if thing_tok is None or thing_tok.dep_ != "pobj" or _word(thing_tok) not in VEHICLES:
        return False
    prep = thing_tok.head
    if prep.lower_ not in _RIDDEN_IN:
        return False
    # said of the group itself ("the gunmen on two motorcycles sped off"), or "in" and
    # "aboard" of what it did ("fled in four skiffs"); not of what was done to the
    # vehicles, their targets ("a raid on two ships", "opened fire on three cars")
    held = prep.head
    if held.dep_ in {"nsubj", "nsubjpass"} and held.pos_ in {"NOUN", "PROPN"}:
        return True
    return bool(prep.lower_ != "on" and held.pos_ in {"VERB", "AUX"})


# verbs that give an estimate of a count: "police put the crowd at 30,000", "officials
# estimated the number of homeless at 5,000", "the toll was placed at 12"
_ESTIMATING = frozenset("put estimate place peg number gauge".split())
_CLAUSE = frozenset({"advcl", "xcomp", "acl", "relcl"})


def _crowd_size(
    event: Any | None, predicate: str | None, thing: str | None, high: float | None
) -> bool:
    """Whether a count is how many people came together (see :data:`CROWD`): people (or
    no noun), more than one, whose occurrence is a gathering ("attended", "a march"),
    "took to the streets", "turned out" or "joined", or a crowd's people with a verb of no
    known class ("100 mourners clashed with police"; not "3 protesters died", nor "one
    protester threw a bomb")."""
    if (thing is not None and thing not in _PEOPLE) or (high is not None and high < 2):
        return False
    if predicate in _GATHERING:
        return True
    if event is None or predicate is None:
        return thing in _CROWD_PEOPLE
    kids = list(event.children)
    if predicate == "take" and any(
        c.dep_ == "prep" and c.lower_ == "to" and any(_word(g) == "street" for g in c.children)
        for c in kids
    ):
        return True
    if predicate == "turn" and any(c.dep_ == "prt" and c.lower_ == "out" for c in kids):
        return True
    if predicate == "join" and thing is not None:
        return True
    return thing in _CROWD_PEOPLE and not classed(predicate) and predicate not in REPORTING


def _estimate_of(tok: Any) -> Any | None:
    """The noun an estimate is of when ``tok`` is its figure, "at N" after a verb of
    estimating ("police put the crowd at 30,000": the crowd; "the toll was placed at
    12": the toll); the "at" phrase may hang from a clause the parse set inside the estimate
    ("put the march, to mark a strike, at 30,000": the march, not the strike) when the
    estimating verb has no "at" of its own. None for any other figure."""
    if tok.dep_ != "pobj" or tok.head.lower_ != "at":
        return None
    verb = tok.head.head
    if verb.pos_ == "VERB" and _word(verb) not in _ESTIMATING and verb.dep_ in _CLAUSE:
        up = verb.head
        if (
            up.pos_ == "VERB"
            and _word(up) in _ESTIMATING
            and not any(c.dep_ == "prep" and c.lower_ == "at" for c in up.children)
        ):
            verb = up
    if verb.pos_ != "VERB" or _word(verb) not in _ESTIMATING:
        return None
    objs = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}
            and c.pos_ in {"NOUN", "PROPN"}]  # fmt: skip
    return objs[0] if objs else None


# What the public sends in, one each: "comments from 6,000 citizens" counts comments
SUBMISSIONS = frozenset("comment letter signature complaint submission petition".split())


def _sent_by(thing_tok: Any | None) -> str | None:
    """What a count of senders counts when the sentence names what they sent in, in the
    plural ("comments from 6,000 citizens": "comment"), else None."""
    if thing_tok is None or thing_tok.dep_ != "pobj" or thing_tok.head.lower_ != "from":
        return None
    sent = thing_tok.head.head
    return _word(sent) if sent.tag_ == "NNS" and _word(sent) in SUBMISSIONS else None


# nouns for the people who live somewhere, counted in "a town of N people"
_DWELLERS = frozenset({"people", "residents", "inhabitants"})


def _population_of(thing: Any | None) -> str | None:
    """The place whose population a count of people is, when the writing says so: "X, a
    town of N people" (the place named by the noun's apposition) or "home to N people"
    (no place named: "people"), or "X has N residents" (a place noun, or what a relative
    clause hangs from, holds them: "the island, which has about 200,000 residents"; only
    the words for dwellers, since a crew or a team "has N people" too). None for any
    other count."""
    if thing is None or thing.lower_ not in _DWELLERS:
        return None
    if thing.dep_ == "dobj" and thing.lower_ != "people" and thing.head.lemma_ == "have":
        has = thing.head
        holder = has.head if has.dep_ == "relcl" else next(
            (c for c in has.children if c.dep_ == "nsubj"), None)  # fmt: skip
        return "people" if holder is not None and holder.pos_ in {"NOUN", "PROPN"} else None
    if thing.dep_ != "pobj":
        return None
    prep, holder = thing.head, thing.head.head
    if prep.lower_ == "to" and holder.lower_ == "home":
        return "people"
    if prep.lower_ == "of" and holder.pos_ == "NOUN" and holder.dep_ == "appos":
        named = holder.head
        if named.pos_ == "PROPN":
            words = [c for c in named.lefts if c.dep_ == "compound"] + [named]
            return " ".join(w.text for w in words)
    return None


def _weighed(
    text: str, q: Quantity, unit: str | None, predicate: str | None, sentence: tuple[int, int]
) -> bool:
    """Whether an amount in pounds is a weight, not money: glued to the unit ("a 200-pound
    man") or said of weighing ("weighing approximately 200 pounds"), no sign before it."""
    if unit not in {"GBP", "pound"} or CURRENCY_SIGN.search(text, max(0, q.span.start - 2),
                                                           q.span.start + 2):  # fmt: skip
        return False
    return (
        unit == "pound"
        or predicate == "weigh"
        or bool(re.search(r"\bweigh", text[sentence[0] : q.span.start], re.I))
    )


CURRENCY_SIGN = re.compile(r"[$£€¥]")
# an amount for each of something: "per season", "per share", "a year", "each month",
# "annually" (after the amount and its currency word), "annual" or "weekly" before the
# noun it amounts to ("a $4 million average annual value")
_PERIODS = "year|season|month|week|day|night|hour"
# currency words written after an amount's figure or scale ("4 million dollars")
_CURRENCY_WORDS = "euros?|dollars?|pounds?|yen"
_RATE_AFTER = re.compile(
    rf"(?:\s*(?:{_CURRENCY_WORDS}))?\s*(?:(?:per|/)\s*(?P<per>[^\W\d_]+)"
    rf"|(?:a|an|each|every)\s+(?P<each>{_PERIODS})\b"
    r"|(?P<adverb>annually|yearly|monthly|weekly|daily|nightly|hourly)\b)",
    re.I,
)
# a season comes once a year: "$4 million per season" and "a $4 million average annual
# value" are one rate
_PERIOD_OF = {"annually": "year", "annual": "year", "yearly": "year", "season": "year",
              "monthly": "month", "weekly": "week", "daily": "day", "nightly": "night",
              "hourly": "hour"}  # fmt: skip


# a period written as what an amount is given for ("a year", "per season"), right
# after the amount's figure, scale or currency word
_EACH_PERIOD = re.compile(rf"(?:a|an|per|each|every)\s+(?:{_PERIODS})", re.I)
_AMOUNT_BEFORE = re.compile(
    rf"(?:\d|\b(?:hundred|thousand|million|billion|{_CURRENCY_WORDS}))\s*$", re.I
)


def _rate_period(text: str, end: int, thing_tok: Any | None) -> str | None:
    """The period or thing an amount of money is given for, when it is a rate ("$4
    million per season": "season"; "$5 a share" is not one of the periods, "per share"
    is), else None."""
    m = _RATE_AFTER.match(text, end)
    if m is not None:
        word = (m.group("per") or m.group("each") or m.group("adverb")).casefold()
        return _PERIOD_OF.get(word, word[:-1] if word.endswith("s") and len(word) > 3 else word)
    if thing_tok is not None:
        for c in thing_tok.children:
            if c.dep_ == "amod" and c.lower_ in _PERIOD_OF:
                return _PERIOD_OF[c.lower_]
    return None


# a magnitude named before or after its figure
_MAGNITUDE_BEFORE = re.compile(r"\bmagnitude(?:\s+of)?[\s-]*$", re.I)
_MAGNITUDE_AFTER = re.compile(
    r"\s*(?:on\s+the\s+(?:open-ended\s+)?richter\s+scale|[-\s]magnitude\b)", re.I
)
# Lengths of time in days, as the date reader gives them (analyze/times.py)
DURATION_DAYS = {"minutes": 1 / 1440, "hours": 1 / 24, "days": 1.0, "weeks": 7.0,
                 "months": 30.44, "years": 365.25}  # fmt: skip
# "120 mph", "120 miles an hour", "193km/h", "30 knots": a speed, compared in km/h
_SPEED = re.compile(
    r"\s?(mph|m\.p\.h\.|miles?\s+(?:per|an|a)\s+hour|km\s?/\s?h(?:r|our)?\b|kph|kmh|"
    r"kilomet(?:er|re)s?\s+(?:per|an|a)\s+hour|knots)",
    re.I,
)
_SPEED_FACTORS = {"mp": 1.609344, "m.": 1.609344, "mi": 1.609344, "km": 1.0, "kp": 1.0,
                  "ki": 1.0, "kn": 1.852}  # fmt: skip
# a scale letter glued to a figure ("2m", "1.5bn", "10k")
_SCALE_SUFFIX = re.compile(r"(m|mn|mln|bn|k)\b", re.I)


def _counts_many(noun: Any | None, letter: str) -> bool:
    """Whether a scale letter glued to a figure scales a count of ``noun``: "bn" always
    does; "m" and "k" only before a plural noun ("2m users"), since "200m" alone is a
    length and "the 100m final" a race."""
    if letter.casefold() in {"bn", "mn", "mln"}:
        return True
    return noun is not None and noun.tag_ in {"NNS", "NNPS"} and noun.lower_ not in UNITS


def _to_death(verb: Any) -> bool:
    """Whether a verb is done "to death" ("shot to death", "beaten to death"); not "fell to
    his death", where the occurrence is the fall."""
    return any(
        c.dep_ == "prep"
        and c.lower_ == "to"
        and any(g.lower_ == "death" and not any(p.dep_ == "poss" for p in g.children)
                for g in c.children)
        for c in verb.children
    )  # fmt: skip


def _zero_claims(aid: str, doc: Any, text: str, s: int, e: int) -> list[Claim]:
    """Counts of zero: "no one was injured", "nobody died", "there were no casualties".
    The occurrence is the verb above "no one", or the noun "no" denies (an injury, a
    death): a zero against "two people were injured" is a disagreement."""
    out = []
    for pattern in (_NO_ONE, _NO_NOUN):
        for m in pattern.finditer(text, s, e):
            toks = doc.char_span(m.start(), m.end(), alignment_mode="expand")
            if toks is None or not len(toks):
                continue
            predicate: str | None
            if pattern is _NO_NOUN:
                noun = toks[-1]
                event = _event_of(noun)
                named = _word(noun)
                predicate = named if predicate_class(named) != named or event is None else (
                    _word(event))  # fmt: skip
            else:
                predicate = _occurrence(_event_of(toks.root))
            if predicate is None or predicate in REPORTING or predicate in TRANSPARENT:
                continue
            out.append(Claim(Span(aid, m.start(), m.end()), m.group(0), "count", predicate,
                             None, "0", None, 0.0, 0.0))  # fmt: skip
    return out


def _currency(text: str, at: int) -> str | None:
    """The currency a word right after ``at`` names ("3m euros": EUR)."""
    m = _CURRENCY_WORD.match(text, at)
    word = m.group(0).strip().casefold() if m else ""
    for stem, code in (("euro", "EUR"), ("dollar", "USD"), ("pound", "GBP"), ("yen", "JPY")):
        if word.startswith(stem):
            return code
    return word or None


def _unit_word(word: str) -> str:
    w = word.casefold().rstrip(".")
    return w[:-1] if w.endswith("s") and w[:-1] in LENGTHS else w


def _length_unit(text: str, end: int, unit: str | None, thing: str | None) -> str | None:
    """The length unit a number is given in: the extracted unit, the counted noun
    ("200 feet"), or a unit glued to it ("200m")."""
    if unit in MEASURE_UNITS - {"m", "km", "miles"}:
        return None  # money, a share, a time
    if unit in {"m", "km"}:
        return unit
    if unit == "miles":
        return "mile"
    if unit is not None and _unit_word(unit) in LENGTHS:
        return _unit_word(unit)  # glued: "a 30-mile pursuit", "a 10-foot wall"
    if thing is not None and _unit_word(thing) in LENGTHS:
        return _unit_word(thing)
    m = _LENGTH_AFTER.match(text, end)
    return _unit_word(m.group(1)) if m else None


def join_thousands(quantities: Sequence[Quantity], text: str) -> tuple[Quantity, ...]:
    """Numbers whose thousands were written apart ("120, 000") joined into one."""
    out: list[Quantity] = []
    skip = -1
    for i, q in enumerate(quantities):
        if i == skip:
            continue
        nxt = quantities[i + 1] if i + 1 < len(quantities) else None
        m = _THOUSANDS.match(text, q.span.end)
        head = re.search(r"(\d+)$", q.text)
        if (nxt is not None and m and head and nxt.span.start < m.end() <= nxt.span.end
                and nxt.value_low is not None and int(head.group(1)) > 0):  # fmt: skip
            # the interval the qualifier gave the head ("about 2"), scaled to the whole
            factor = (int(head.group(1)) * 1000 + nxt.value_low) / int(head.group(1))
            low = None if q.value_low is None else round(q.value_low * factor, 3)
            high = None if q.value_high is None else round(q.value_high * factor, 3)
            span = Span(q.span.article_id, q.span.start, nxt.span.end)
            out.append(replace(q, span=span, text=text[span.start : span.end], value_low=low,
                               value_high=high, unit=nxt.unit or q.unit,
                               counted=nxt.counted or q.counted))  # fmt: skip
            skip = i + 1
            continue
        out.append(q)
    return tuple(out)


_OR_BETWEEN = re.compile(r"\s*(?:,\s*)?or\s+$")


def join_alternatives(quantities: Sequence[Quantity], text: str) -> tuple[Quantity, ...]:
    """Two figures given as either of two ("three or four robbers", "10 or 12 people")
    joined into one range: the report gives one value, not two (an exact figure and a
    qualified one stay apart: "20 or more")."""
    out: list[Quantity] = []
    for q in quantities:
        prev = out[-1] if out else None
        if (prev is not None and _OR_BETWEEN.fullmatch(text, prev.span.end, q.span.start)
                and prev.exact and q.exact and prev.value_low is not None
                and q.value_high is not None and prev.value_low < q.value_high
                and prev.unit == q.unit):  # fmt: skip
            span = Span(q.span.article_id, prev.span.start, q.span.end)
            out[-1] = replace(prev, span=span, text=text[span.start : span.end],
                              value_high=q.value_high, exact=False,
                              counted=q.counted or prev.counted)  # fmt: skip
            continue
        out.append(q)
    return tuple(out)


def _age_claims(
    aid: str, doc: Any, text: str, s: int, e: int, persons: list[Mention]
) -> list[Claim]:
    out = []
    found: list[tuple[int, int, float]] = []
    for pattern in (_AGE_HYPHEN, _AGED, _AGE_LIST, _APPOSITIVE_AGE, _OPEN_AGE):
        for m in pattern.finditer(text, s, e):
            value = _number_value(m.group(1))
            if value is None or not 0 < value < 130:
                continue
            if any(a < m.end(1) and m.start(1) < b for a, b, _ in found):
                continue
            before = doc.char_span(m.start() - 1, m.start(), alignment_mode="expand")
            if pattern is _APPOSITIVE_AGE and not (
                any(0 <= m.start() - p.span.end <= 1 for p in persons)
                or (before is not None and len(before) and before[-1].pos_ == "PROPN")
            ):
                continue  # ", 41," is an age only right after a person's name
            if pattern is _OPEN_AGE and not any(m.start() == p.span.end for p in persons):
                continue  # without its closing comma, only right after a name found
            found.append((m.start(1), m.end(1), value))
    spans: list[tuple[int, int, float, float]] = [(a, b, v, v) for a, b, v in found]
    decade_of: dict[int, str] = {}
    for m in _DECADE_AGE.finditer(text, s, e):
        word = m.group("d").casefold()
        decade = _DECADES.get(word) or int(word[:-1])
        low, high = {"early": (0, 3), "mid": (3, 7), "late": (6, 9)}.get(
            (m.group("part") or "").casefold(), (0, 9)
        )
        spans.append((m.start("d") if not m.group("part") else m.start("part"), m.end("d"),
                      float(decade + low), float(decade + high)))  # fmt: skip
        # whose age: the noun before "aged in his…" ("the man aged in his early 30s")
        before = doc.char_span(max(s, m.start() - 30), m.start(), alignment_mode="contract")
        words = [t for t in before or () if not t.is_punct]
        if words and words[-1].pos_ in {"NOUN", "PROPN"}:
            decade_of[spans[-1][0]] = _word(words[-1])
    for start, end, value, top in spans:
        tok = doc.char_span(start, end, alignment_mode="expand")
        person: Mention | None = None
        for p in persons:
            if 0 <= start - p.span.end <= 12 or (
                p.span.start - end >= 0 and p.span.start - end <= 20
            ):
                person = p
                break
        thing = None
        if tok is not None and len(tok):
            t = tok[-1]
            while (
                t.dep_ in {"nummod", "npadvmod", "amod", "compound", "quantmod"} and t.head is not t
            ):
                t = t.head
            if t.pos_ == "NOUN":
                thing = _word(t)
            elif t.head.pos_ == "NOUN" and t.dep_ in {"amod", "acl"}:
                thing = _word(t.head)
        if top != value:
            thing = decade_of.get(start)
        out.append(
            Claim(
                span=Span(aid, start, end),
                text=text[start:end],
                kind="age",
                predicate="age",
                thing=thing,
                value=f"{value:g}" if top == value else f"{value:g}–{top:g}",
                unit="years",
                low=value,
                high=top,
                mention=person.span if person else None,
            )
        )
    return out


# Clauses whose occurrence is apart from the verb they hang from: what a verb says or
# announces (ccomp), what describes a noun (acl, relcl).
_APART = frozenset({"ccomp", "acl", "relcl"})


def _context(event: Any | None) -> tuple[str, ...]:
    """The verbs of the clauses around an occurrence: those above it up to the sentence's
    root and their open complements ("returned to prison to serve a life sentence"),
    reporting and empty verbs left out. Two dates of differently worded occurrences
    ("took hostages", "escaped" in "escaped, taking hostages") compare when these meet. A
    clause that times the one above by another occurrence ("resumed after being halted
    on Sunday", see :func:`_subordinate`) is an occurrence apart too. A clause
    that is what a verb announces or reports ("announced that it carried out…") is an
    occurrence apart from the announcing, and so is a clause that describes a noun ("the
    coalition, established in 2014, has conducted…"): the verbs above either are not
    its context. Support verbs ("carry out", "conduct", see dated.py) name no
    occurrence of their own and are left out too."""
    if event is None:
        return ()
    found: list[str] = []
    cur = event
    for _ in range(6):
        opened = [c for c in cur.children
                  if c.dep_ in {"xcomp", "advcl", "conj"} and not _subordinate(c)]  # fmt: skip
        for t in (cur, *opened):
            w = _word(t)
            if (t.pos_ == "VERB" and w not in REPORTING and w not in TRANSPARENT
                    and w not in SUPPORT and w not in found):  # fmt: skip
                found.append(w)
        if cur.head is cur or cur.dep_ in _APART or _subordinate(cur):
            break
        cur = cur.head
    return tuple(found)


def _subordinate(verb: Any) -> bool:
    """Whether a verb heads a clause that tells another occurrence to time the one above
    it: "resumed after being halted on Sunday" (a clause under a preposition), "was
    serving a sentence after he was convicted in 1998" (a clause with its conjunction).
    Its date is its own occurrence's, never the main verb's. An open clause with no
    conjunction ("struck on Monday, killing 12"; "returned to prison to serve") tells
    one occurrence with the verb above."""
    if verb.dep_ == "pcomp":
        return True
    return verb.dep_ == "advcl" and any(c.dep_ == "mark" for c in verb.children)


def _date_of(date: Any) -> tuple[str | None, tuple[str, ...]]:
    """What the date of tokens ``date`` is the date of — (predicate, context) — when it
    dates a noun ("the October 30 operation", "Sunday's raid": the noun's occurrence,
    named by the verb it derives from, see dated.py) or a support verb's occurrence
    ("carried out an operation on…"); else the verb above it ("arrested on Monday"), or
    the one a clause after "until" says took place then ("until May 2005, when his
    family revealed…", see :func:`.dated.until_clause`)."""
    root = date.root
    noun = dated_noun(root)
    if noun is not None:
        predicate = event_word(noun, _word(noun))
        return predicate, _with(predicate, _context(_event_of(noun)))
    event = _dating_event(date)
    if event is None:
        return None, ()
    if self_disclosure(event):
        # "revealed that he was the source", "came forward in May": one unmasking of a
        # person, in whichever words (see disclosure.py)
        return UNMASK, _with(UNMASK, _context(event))
    if dated_structure(event):
        # "the mill dates to 1931": the year it was built, one slot with "built in 1931"
        return BUILT, _with(BUILT, _context(event))
    # a support or light verb's occurrence is its noun's ("carried out an operation on…",
    # "the escape happened on…"), with the clauses around the verb as its context
    predicate = _occurrence(event) or _word(event)
    context = _context(event)
    return predicate, context if predicate == _word(event) else _with(predicate, context)


def _dating_event(date: Any) -> Any | None:
    """The occurrence token a date is of when no noun is (see :func:`_date_of`)."""
    clause = _until_event(date)
    return clause if clause is not None else _event_of(date.root)


def _until_event(date: Any) -> Any | None:
    """The occurrence a "when" clause after "until" says took place on the date
    (:func:`.dated.until_clause`), unless it is a saying ("remained a secret until May
    2005, when two reporters confirmed…"): the date of a report is no claim, so
    the date stays the open end of the state before it."""
    clause = until_clause(date)
    return None if clause is None or _word(clause) in REPORTING else clause


def _noun_of(date: Any) -> str | None:
    """The event noun a date dates, as the article writes it ("operation" in "the
    October 30 operation", "demolitions conducted between…", "the escape happened on
    Monday"), when a noun is what the
    date is of (see :func:`_date_of`): the slot a reader is shown ("date of: operation",
    not "date of: operate"). None when a verb is."""
    noun = dated_noun(date.root)
    if noun is None:
        event = _dating_event(date)
        noun = stands_for(event) if event is not None else None
    return str(noun.lower_) if noun is not None else None


def _date_participants(date: Any, names: frozenset[str]) -> tuple[str, ...]:
    """The names taking part in the occurrence a date dates (see :func:`_date_of` and
    :mod:`.participants`): the dated noun's, else its verb's and, when the verb only
    stands for an event noun ("carried out an operation"), the noun's too."""
    noun = dated_noun(date.root)
    if noun is not None:
        return participants(noun, names)
    event = _dating_event(date)
    if event is None:
        return ()
    found = participants(event, names)
    standing = stands_for(event) if event.pos_ in {"VERB", "AUX"} else None
    if standing is None:
        return found
    return tuple(sorted({*found, *participants(standing, names)}))


def _with(word: str, context: tuple[str, ...]) -> tuple[str, ...]:
    return (word, *(w for w in context if w != word))


def _qualified(text: str, value: float) -> tuple[float | None, float | None]:
    """A length's interval from the qualifier before it ("less than two weeks")."""
    m = _QUAL_RE.search(text.casefold()[:30])
    kind = QUALIFIERS.get(m.group(1), "") if m else ""
    if kind in {"gt", "ge"}:
        return value, None
    if kind in {"le", "lt"}:
        return 0.0, value
    if kind == "near":
        return round(value * 0.8, 3), value
    if kind == "approx":
        return round(value * 0.8, 3), round(value * 1.2, 3)
    return value, value


# the qualifiers as one alternation, longest first; a qualifier right before a length
# ("around twelve days", "nearly two weeks")
QUALIFIER_WORDS = "|".join(sorted((re.escape(q) for q in QUALIFIERS), key=len, reverse=True))
_QUAL_BEFORE = re.compile(r"\b(" + QUALIFIER_WORDS + r")\s+$", re.I)
# "4-1/2-month", "2 1/2 years": a whole number and a half, the half read apart
_HALF_BEFORE = re.compile(r"\b(\d{1,3})[-\s]1/$")
_HALF_AFTER = re.compile(r"[-\s]1/2\b")


def _leading_number(text: str) -> float | None:
    """The figure a length starts with ("2-month": 2), None when it has none."""
    m = re.match(r"\s*(\d+(?:\.\d+)?|[^\W\d_]+)", text)
    return _number_value(m.group(1)) if m else None


def _date_claim(
    doc: Any, t: TimeExpr, names: frozenset[str] = frozenset(), people: frozenset[str] = frozenset()
) -> Claim | None:
    toks = _tokens(doc, t.span)
    if toks is None or not len(toks):
        return None
    if t.granularity == "duration" and t.duration_days:
        predicate = _occurrence(_event_of(toks.root))
        if predicate in REPORTING:
            return None
        if _EACH_PERIOD.fullmatch(t.text) and _AMOUNT_BEFORE.search(
            text_of(doc), max(0, t.span.start - 30), t.span.start
        ):
            return None  # "$4 million a year": the period of a rate, no length of time
        # "sentenced to 20 years", "a 180-day operation": a length, compared in days
        days = round(t.duration_days, 3)
        whole = text_of(doc)
        span, text = t.span, t.text
        half = _HALF_BEFORE.search(whole, max(0, span.start - 6), span.start)
        if not half and whole[max(0, span.start - 2) : span.start] == "1/":
            return None  # "41/2 months": a half whose whole is run into it, no length read
        if half and (n := _leading_number(text)) == 2:
            # "a 4-1/2-month term": the expression read "2-month" from the "1/2"; the
            # length is four and a half of its unit
            days = round(days / n * (int(half.group(1)) + 0.5), 3)
            span = Span(span.article_id, half.start(), span.end)
        before = _QUAL_BEFORE.search(whole, max(0, span.start - 30), span.start)
        if before and not _QUAL_RE.search(text.casefold()[:30]):
            # "around twelve days", "for about 30 days": the hedge written before it
            span = Span(span.article_id, before.start(1), span.end)
        text = whole[span.start : span.end]
        low, high = _qualified(text, days)
        length = length_kind(whole, span.end, span.start)
        holder, holder_type = whose_figure(toks.root, toks.root, names)
        if secrecy_length(toks.root):
            # how long a person's part stayed hidden, told as a duration or as the gap to
            # the unmasking: one length (see disclosure.py), whoever the nearest name is
            # ("34 years before he broke cover" follows the reporters' names), and hedged
            # after "after" too ("admitted her role after more than 20 years")
            predicate, length, holder, holder_type = SECRECY, "duration", None, None
            low, high = _qualified(re.sub(r"^after\s+", "", text, flags=re.I), days)
        return Claim(span, text, "measure", predicate, length, text, "days", low, high,
                     holder=holder, name_type=holder_type)  # fmt: skip
    if not t.start:
        return None
    predicate, context = _date_of(toks)
    if predicate in REPORTING:
        return None  # the date of the report, not of the event
    if report_stamp(doc, t.span.start, t.span.end):
        return None  # "Posted on Mon Feb 10, 2014": when the page was written
    whole = text_of(doc)
    if _recurring(whole, t.span.start, t.span.end):
        return None  # "on the second Tuesday of every month": no day of one occurrence
    if _OR_AFTER.match(whole, t.span.end) or _OR_BEFORE.search(
        whole, max(0, t.span.start - 30), t.span.start
    ):
        return None  # "the end of 2015 or early 2016": either date, neither one claimed
    span, text, end = t.span, t.text, t.end or t.start
    until = _UNTIL_YEAR.match(whole, t.span.end)
    if until and re.fullmatch(r"(?:from|between)\s+(?:1[89]|20)\d\d", t.text.strip(), re.I):
        # "from 1983 to 1987", "from 1983-87": one span of years, not the year it starts
        span = Span(t.span.article_id, t.span.start, until.end())
        last = _last_year(t.start[:4], until.group(1))
        text, end = whole[span.start : span.end], f"{last}-12-31"
    # "since November 3", "until May 5", "by March 1": one end of a span whose other end
    # is not given, not the day the occurrence took place
    opened = _until_event(toks) is None and (
        _OPEN_BEFORE.search(whole, max(0, span.start - 12), span.start)
        or (_OPEN_TEXT.match(text) and t.start == end)
    )
    part = _PART_AFTER.match(whole, span.end)  # "Tuesday afternoon"
    cue = "open" if opened else part.group(1).casefold() if part else None
    if existed_since(toks, people):
        # "the food bank has been a lifeline since 2004": founded then or before
        predicate, cue = FOUNDED, EXISTED
        context = _with(FOUNDED, context)
    if DAY_OF_ANOTHER.fullmatch(text):
        cue = "relative"  # "on the same day": as sure as the day it is counted from
    return Claim(
        span=span,
        text=text,
        kind="date",
        predicate=predicate,
        thing=None,
        value=t.start if t.start == end else f"{t.start}/{end}",
        start=t.start,
        end=end,
        year_known=t.year_known,
        cue=cue,
        context=context,
        word=_noun_of(toks),
        participants=_date_participants(toks, names),
    )


_OPEN_BEFORE = re.compile(
    r"\b(?:since|until|till|by|before|after|from|through|as of|starting)\s+(?:the\s+)?$", re.I
)
_OPEN_TEXT = re.compile(r"(?:since|until|till|by|before|after|from|through)\b", re.I)


# "every Tuesday", "on the second Tuesday of each month", "Mondays": a day that recurs
_EVERY_BEFORE = re.compile(r"\b(?:every|each)\s+(?:other\s+)?(?:\w+\s+)?$", re.I)
_EVERY_AFTER = re.compile(r"s?\s+(?:of\s+)?(?:every|each)\s+(?:week|month|year)\b", re.I)


def _recurring(text: str, start: int, end: int) -> bool:
    """Whether a date names a day that recurs ("every Tuesday", "the second Tuesday of
    each month"): the date of no one occurrence, so no claim."""
    return bool(_EVERY_BEFORE.search(text, max(0, start - 20), start)
                or _EVERY_AFTER.match(text, end))  # fmt: skip


# "Thursday night": a night, which runs past midnight into the next day; "Tuesday
# afternoon": a part of the day, the day given more precisely
_PART_AFTER = re.compile(r"\s+(morning|afternoon|evening|night)\b", re.I)
# a date given as one of two ("in 2015 or 2016", "late 2015 or early 2016")
_OR_AFTER = re.compile(
    r"\s*,?\s+or\s+(?:[^\W\d_]+\s+){0,3}(?:\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|"
    r"mon|tue|wed|thu|fri|sat|sun)[a-z]*\b)",
    re.I,
)
_OR_BEFORE = re.compile(r"\bor\s+(?:[^\W\d_]+\s+){0,3}$", re.I)
_UNTIL_YEAR = re.compile(
    r"\s*(?:to|until|till|through|and|-|–)\s*((?:1[89]|20)\d\d|(?<=[-–])\d\d)\b", re.I
)


def _last_year(first: str, written: str) -> str:
    """The last year of a span written "1983-87" or "1983 to 1987": a year of two
    figures is of the first year's century, or the next one's when it would end before
    it starts ("1998-02")."""
    if len(written) == 4:
        return written
    year = int(first[:2] + written)
    return str(year if year >= int(first) else year + 100)


# the predicate of where a person lives ("Mary Roe, 59, of Queens"): a home, no occurrence
HOME = "live"
# "Mary Roe, 59, of Queens": where a person named in the news lives
_HOME = re.compile(r"[^\W\d_],(?:\s*\d{1,3}\s*,)?\s*$")


# the last word of a street's name: an address is a place, whatever tag it was given
_STREET = re.compile(
    r"\b(?:street|st|road|rd|avenue|ave|boulevard|blvd|lane|drive|dr|highway|hwy|"
    r"parkway|pkwy|place|square|way|route)\.?$",
    re.I,
)


_STREET_WORDS = {"st": "street", "rd": "road", "ave": "avenue", "blvd": "boulevard",
                 "dr": "drive", "hwy": "highway", "pkwy": "parkway"}  # fmt: skip


def street_name(text: str) -> str | None:
    """A street's name as two reports would both write it, its last word spelled out
    ("43rd St." and "43rd Street": "43rd street"); None when ``text`` is no street."""
    if not _STREET.search(text):
        return None
    words = text.casefold().rstrip(".").split()
    words[-1] = _STREET_WORDS.get(words[-1], words[-1])
    return " ".join(words)


def _of_home(tok: Any) -> bool:
    """Whether ``tok`` is the place after "of" set off by a comma after a named person,
    and their age ("Jane Roe, 59, of Elmwood", "John Doe, of Leeds"), or right after a
    person's full name ("John Q. Doe of Leeds was charged"): where they live, whatever
    the tagger called the name."""
    if tok.dep_ != "pobj" or tok.head.lower_ != "of":
        return False
    at = tok.head.idx
    return bool(_HOME.search(text_of(tok.doc), max(0, at - 12), at)) or _after_full_name(tok.head)


def _after_full_name(of: Any) -> bool:
    """Whether the word ``of`` follows a person's name of two words or more written right
    before it, the subject or the object of the clause ("John Q. Doe of Leeds was
    charged", "police arrested John Q. Doe of Leeds"), the name tagged as a person: a
    name of one word may be a title's ("Duke of York") or a place's own, and a name set
    beside another person ("her sister Jane Doe of Leeds") is a relative's home."""
    name = of.doc[of.i - 1] if of.i else None
    if name is None or of.head.i != name.i or name.ent_type_ != "PERSON":
        return False
    return name.ent_iob_ != "B" and name.dep_ in {"nsubj", "nsubjpass", "dobj"}


# people told by their home town, the town written before the noun ("a Leeds man was
# charged", "the 66-year-old Elmwood woman"): a closed class of nouns of news writing
_RESIDENTS = frozenset("man woman boy girl teen teenager resident youth".split())


def _town_resident(tok: Any) -> bool:
    """Whether ``tok`` is a town's name written before a noun that names a person by it
    ("a Leeds man", "the Elmwood woman"): where that person lives. Not a title before a
    name ("Leeds resident Jane Doe said"), a source the story's people are not."""
    head = tok.head
    return (
        tok.dep_ in {"compound", "nmod"}
        and head.i > tok.i
        and head.pos_ == "NOUN"
        and head.dep_ != "compound"
        and _word(head) in _RESIDENTS
    )


def _from_home(tok: Any) -> bool:
    """Whether ``tok`` is the place a person is from, set off by commas after the person
    ("The man, from Elm Park East, fell"; "Jane Doe, from Leeds, said"): where they live.
    Not "originally from" (an origin, not a home: the word before "from" is no comma),
    nor a "from" of a verb ("flew from Paris") or of a thing ("a rehab centre from X")."""
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ != "from" or prep.dep_ != "prep" or prep.i == 0:
        return False
    person = prep.head
    if person.pos_ not in {"NOUN", "PROPN"} or prep.doc[prep.i - 1].text != ",":
        return False
    return person.ent_type_ == "PERSON" or (
        person.pos_ == "NOUN" and person.ent_type_ == "" and person.dep_ in {"nsubj", "nsubjpass"}
    )


# what stands between two streets that name one corner: "43rd Street and 8th Avenue",
# "43rd St. near 8th Ave.", "Main St & 5th Ave"
_CROSSING = re.compile(r"\s+(?:and|near|&)\s+")


def _crossings(claims: list[Claim], text: str) -> list[Claim]:
    """Two streets of one occurrence joined by "and", "&" or "near" ("at 8th Avenue and
    43rd Street", "on 43rd Street near 8th Avenue") are one place, the corner where
    they cross: one claim whose value names both streets in a fixed order, so "43rd
    Street and 8th Avenue" is the same corner and lies on "43rd Street" (a variant, see
    :func:`newsprism.reconcile.claims.crossing_relation`), not two places of one report."""
    out: list[Claim] = []
    for c in claims:
        prev = out[-1] if out else None
        if (
            prev is not None
            and c.kind == prev.kind == "place"
            and c.predicate == prev.predicate
            and " & " not in prev.value
            and (a := street_name(prev.text)) is not None
            and (b := street_name(c.text)) is not None
            and a != b
            and _CROSSING.fullmatch(text[prev.span.end : c.span.start])
        ):
            span = Span(c.span.article_id, prev.span.start, c.span.end)
            out[-1] = replace(prev, span=span, text=text[span.start : span.end],
                              value=" & ".join(sorted((a, b))))  # fmt: skip
            continue
        out.append(c)
    return out


def _place_claim(doc: Any, m: Mention) -> Claim | None:
    toks = _tokens(doc, m.span)
    if toks is None or not len(toks):
        return None
    root = toks.root
    resident = _town_resident(root)  # "a Leeds man": his home, whatever noun follows
    area, near, inside = False, None, None
    if root.dep_ in {"compound", "nmod", "amod"} and (
        root.head.pos_ == "NOUN"
        or (root.head.pos_ == "PROPN" and _STREET.search(m.text) and root.head.dep_ == "pobj")
    ):
        # "at a Dayton hospital", "entered a Seaview rehab center"; "near 43rd Street and
        # 8th Avenue", one street parsed as a modifier of the other
        root = root.head
        # the name may modify a noun that modifies the noun of the phrase: "at a
        # Millbrook-area bank", "at an east Dayton health products business"
        area = any(_word(t) in _VICINITY for t in _modifier_chain(root))
        root = _modifier_chain(root)[-1]
        if not area and root.pos_ == "NOUN" and _word(root) not in TYPE_WORDS:
            # "at a Dayton hospital": a building in the town; a subdivision's type word
            # ("in Lorne province", "Marin County") is the place's own, nothing inside
            inside = root
    while root.dep_ == "conj" and root.head is not root:
        root = root.head  # "between Spain and Morocco": where the first place stands
    if (root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lower_ in _WHERE_OF
            and root.head.head.dep_ in {"pobj", "advmod", "npadvmod", "dobj"}):  # fmt: skip
        # "off the coast of Crete", "south of Spain": where the direction or coast stands
        root = root.head.head
        # "south of Spain", "the outskirts of Lyon": around the place, not in it
        around = f"near:{root.lower_} of" if root.lower_ in COMPASS_POINTS | {"outskirts"} else None
        if root.dep_ in {"advmod", "npadvmod"}:
            return _placed(m, _event_of(root), cue=around)  # "damaged south of Spain"
        near = around
    sited = False
    if not (root.dep_ == "pobj" and root.head.lower_ in _PLACE_PREPS):
        site = _site(toks.root)
        if site is not None and not area and _sited(site):
            # "entered Seaview Harbor Treatment Center", "headed to a Seaview treatment
            # facility", "in Verona's Castelnuovo prison": a place named before a
            # building or site the occurrence happened at is where that lies, a place
            # inside the town (a variant of it, never another town)
            root = inside = site
            sited = True
    home = resident or _of_home(root) or _from_home(root)
    if not (root.dep_ == "pobj" and root.head.lower_ in _PLACE_PREPS) and not (home or sited):
        return None  # "Syrian officials", "from Paris": not where something happened
    # a stretch around the place (see newsprism.reconcile.claims.vague_place): the words
    # that say so ("near:near", "near:south of"), or "area"
    cue = near or (f"near:{root.head.lower_}" if root.head.lower_ in _NEAR else None)
    cue = cue or ("area" if area else None)
    prep, cited = root.head, None
    if (prep.lower_ == "in" and prep.head.pos_ == "NOUN" and prep.head.dep_ == "pobj"
            and prep.head.head.lower_ in _PLACE_PREPS):  # fmt: skip
        inside = prep.head  # "died at his home in Lima": a place in the town
        beside = inside.head
        if (beside.lower_ in _NEAR and beside.head.pos_ == "NOUN" and beside.head.dep_ == "pobj"
                and beside.head.head.lower_ in _PLACE_PREPS):  # fmt: skip
            # "died at a hospice near his home in Oakdale": the site is the hospice, which
            # stands near the home (a place of its own in the town), not the home; the
            # claim cites the words from the site on ("hospice near his home in Oakdale")
            inside = beside.head
            cited = Span(m.span.article_id, beside.head.idx, m.span.end)
    if cue is None and inside is not None and _word(inside) not in _AREA_NOUNS:
        # a place inside the town, more precise than the town (newsprism.reconcile.claims
        # _around): the noun that names it
        cue = f"within:{inside.lower_}"
    cue = cue or _compass_part(toks)
    found = _placed(m, _event_of(root), home=home, own=_own_verb(root), cue=None if home else cue)
    if found is not None and home:
        return replace(found, holder=None if resident else _resident(root.head.head))
    return replace(found, span=cited) if found is not None and cited is not None else found


def _resident(person: Any) -> str | None:
    """The name of the person whose home a place is, as the sentence writes it ("John Roe,
    36, of Oakdale": "John Roe"), whatever the tagger called the name before the comma:
    whose home it is, so two people's homes are never one value (see
    newsprism.reconcile.claims.other_homes). None when no name holds it ("The man, from
    Oakdale, fell")."""
    if person.pos_ != "PROPN":
        return None
    ent = next((e for e in person.doc.ents if e.start <= person.i < e.end), None)
    if ent is not None and ent.label_ == "PERSON":
        return str(ent.text)
    words = [t for t in person.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"]
    return " ".join(t.text for t in [*words, person])


def _compass_part(name: Any) -> str | None:
    """The part of a place that a compass adjective before its name marks ("in southern
    Iran", "across northeastern Italy": cue "part:south", "part:northeast"), a stretch
    lying in the place: a value more precise than the place alone, which a report may
    give beside the place's province. The adjective is the writer's, outside the name
    ("Western Australia", "South Africa" are names). None for any other name."""
    for t in name.root.lefts:
        word = t.lower_.removesuffix("ern")
        if t.i < name.start and t.dep_ == "amod" and t.lower_ != word and word in COMPASS_POINTS:
            return f"part:{word}"
    return None


# nouns of buildings and sites, whose place is where what happens at them happens: "a
# Seaview rehab center", "Verona's Castelnuovo prison", "New Zealand's highest peak"
# (general vocabulary of where news happens; no person, group or thing a place may own)
_SITES = frozenset(
    "center centre clinic facility hospital hospice infirmary jail prison penitentiary "
    "hotel motel resort station school college university church mosque temple synagogue "
    "cathedral market mall store shop supermarket restaurant bar pub nightclub cafe "
    "stadium arena airport terminal factory plant mine warehouse depot courthouse theater "
    "theatre museum library cemetery peak mountain summit glacier ridge volcano".split()
)
# what the name before a site may hang from on its way to the site's noun
_SITE_LINKS = frozenset({"compound", "nmod", "amod", "poss"})


def _site(tok: Any) -> Any | None:
    """The building or site a place name written before it places: the head of the
    noun phrase the name modifies ("a Seaview rehab center", "Seaview Harbor Treatment
    Center", "Verona's Castelnuovo prison"), when that noun names a building or a site
    (:data:`_SITES`); None for any other phrase ("Syrian officials", "the Riverton
    Rams", "Britain's prime minister")."""
    if tok.dep_ not in _SITE_LINKS:
        return None
    cur = tok
    while (cur.dep_ in _SITE_LINKS and cur.head.i > cur.i
           and cur.head.pos_ in {"NOUN", "PROPN"}):  # fmt: skip
        cur = cur.head
    return cur if cur is not tok and _word(cur) in _SITES else None


def _sited(site: Any) -> bool:
    """Whether a site is where its clause's occurrence happened: the object of a place
    preposition, of "to" or "into" (where one is taken), or of the verb itself
    ("entered the clinic", "stormed a Kabul hotel")."""
    if site.dep_ == "dobj":
        return bool(site.head.pos_ == "VERB")
    return site.dep_ == "pobj" and site.head.lower_ in _PLACE_PREPS | {"to", "into"}


def _regional_site(doc: Any, m: Mention) -> Claim | None:
    """The place claim of a region's adjective before a building or site ("hanged
    himself in a Sardinian jail"): the building lies in the region, as it would after
    the region's name ("a Cagliari jail"). None for a country's adjective or any other
    phrase (:func:`.nationality.region_of`)."""
    toks = _tokens(doc, m.span)
    if toks is None or not len(toks) or _site(toks.root) is None:
        return None
    region = region_of(m.text)
    return None if region is None else _place_claim(doc, replace(m, norm=name_key(region)))


# where a name the tagger did not call a place reads as one: "in X", "near X", "outside X",
# "off X" ("at", "on", "to" take teams, lists and people as often: "at Ashford", "on IR")
_PLACE_ONLY_PREPS = frozenset("in near outside off".split())
# "a visit to X", "a trip to X": a journey's end, which is a place
_JOURNEYS = frozenset("visit trip journey".split())


@lru_cache(maxsize=4096)
def _gazetteer_knows(name: str) -> bool:
    """Whether the GeoNames gazetteer files ``name`` itself (not a close spelling or an
    alternate name) as a town or an administrative area."""
    from ..geo.gazetteer import lookup_rows, table

    t = table()
    return any(not alternate and t.fcode(r).startswith(("PPL", "ADM"))
               for r, alternate in lookup_rows(name, close=False))  # fmt: skip


# prepositions that place something around a place, not in it: "near Elmwood", "outside
# Paris", "off Valparaiso" (a closed class)
_NEAR = frozenset("near outside around off".split())
# nouns that make a name the middle of a vague stretch: "the Elmwood area", "a
# Millbrook-area bank", "the vicinity of" (general vocabulary)
_VICINITY = frozenset({"area", "vicinity"})
# the compass points, a closed class: "south of Spain" lies around Spain, not in it
# the compass points, a closed class (reconcile/claims.py adds their "-ern" adjectives)
COMPASS_POINTS = frozenset("north south east west northeast northwest southeast "
                           "southwest".split())  # fmt: skip
# nouns that say the name before them is a place: "the Elmwood area", "a Millbrook-area
# bank" (general vocabulary of where something lies)
_AREA_NOUNS = frozenset("area region vicinity neighborhood neighbourhood district suburb".split())


def _modifier_chain(noun: Any) -> list[Any]:
    """``noun`` and the nouns it modifies in turn, up to the noun of its phrase ("area",
    "bank" in "a Millbrook-area bank")."""
    chain = [noun]
    while (
        chain[-1].dep_ in {"compound", "nmod"}
        and chain[-1].head.pos_ == "NOUN"
        and (chain[-1].head.i > chain[-1].i)
    ):
        chain.append(chain[-1].head)
    return chain


def _modified_place(tok: Any) -> Any | None:
    """The object of a place preposition whose noun a name modifies, when the noun says
    the name is a place ("in the Elmwood area", "at a Millbrook-area bank": the area is
    the name's): the name then places the phrase whatever the tagger called it. The
    name modifies the area noun, which is the object or modifies it; "to" counts here
    (an area is where one goes). None for any other name."""
    if tok.dep_ != "compound" or tok.head.pos_ != "NOUN" or tok.head.i < tok.i:
        return None
    noun = tok.head
    if _word(noun) not in _AREA_NOUNS:
        return None
    phrase = _modifier_chain(noun)[-1]
    if phrase.dep_ != "pobj" or phrase.head.lower_ not in _PLACE_PREPS | {"to"}:
        return None
    return phrase


def untagged_places(
    article_id: str, doc: Any, s: int, e: int, mentions: Sequence[Mention]
) -> list[Claim]:
    """Places of the sentence ``[s, e)`` the tagger called an organisation or missed: a
    capitalised name with no article ("in Millbrook", not "in the House"), the object of
    "in", "near", "outside", "off" or the end of "a visit to", that the gazetteer knows
    as a town or an area and that names no person of the sentence ("interest in
    Pruitt" beside "Mark Pruitt"). Each a place claim of a mention of its name.
    So is a home written where no person's name stands, after a person's name and "of"
    ("John Doe of Leeds") or before a noun of a person ("a Leeds man"), that the tagger
    called a person."""
    text: str = text_of(doc)
    out = []
    for tok in doc:
        if not (s <= tok.idx < e) or tok.pos_ != "PROPN":
            continue
        phrase = _modified_place(tok)
        home = _of_home(tok) or _town_resident(tok)
        if phrase is not None:
            prep = phrase.head  # "at a Millbrook-area bank", "to the Elmwood area"
        elif tok.dep_ == "pobj":
            prep = tok.head
            if not (prep.lower_ in _PLACE_ONLY_PREPS or home
                    or (prep.lower_ == "to" and _word(prep.head) in _JOURNEYS)):  # fmt: skip
                continue
        elif home:
            prep = tok.head  # "a Leeds man"
        else:
            continue
        words = [c for c in tok.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"] + [tok]
        if any(c.dep_ in {"det", "poss"} for c in tok.children):
            continue  # "in the House", "in Lincoln's White House": an institution
        first, last = words[0], words[-1]
        start, end = int(first.idx), int(last.idx + len(last.text))
        name = text[start:end]
        # a home's name the tagger called a person is read as the place it stands for
        own = [m for m in mentions if home and m.type == "PERSON"
               and (m.span.start, m.span.end) == (start, end)]  # fmt: skip
        persons = {w.casefold() for m in mentions if m.type == "PERSON" and m not in own
                   for w in m.text.split()}  # fmt: skip
        if not all(w.is_alpha and w.text[:1].isupper() for w in words) or any(
            m.span.start < end and start < m.span.end
            for m in mentions
            if m.type != "ORG" and m not in own
        ):
            continue
        if {w.lower_ for w in words} & persons or not _gazetteer_knows(name):
            continue
        m = Mention(Span(article_id, start, end), name, "GPE", name_key(name))
        if prep.lower_ == "to" and phrase is not None:
            c = _placed(m, _event_of(phrase), cue="area")  # "drove to the Elmwood area"
        elif prep.lower_ == "to":
            c = _placed(m, prep.head)
        else:
            c = _place_claim(doc, m)
        if c is not None:
            out.append(c)
    return out


# a town's own institutions, named after it: "Millbrook police", "Millbrook's police chief",
# "the Millbrook Police Department", "Millbrook Mayor" (general news vocabulary)
_TOWN_INSTITUTION = r"(?:['’]s)?\s+(?:police|mayor|city\s+council|fire\s+department)\b"


def _town_of_its_own(name: str, text: str) -> bool:
    """Whether ``text`` names an institution of the town ``name`` (a local police, mayor,
    council or fire department), which only a town has."""
    return bool(re.search(r"\b" + re.escape(name) + _TOWN_INSTITUTION, text, re.I))


def bear_out_places(
    claims: Sequence[Claim], mentions: Sequence[Mention], text: str = ""
) -> tuple[Claim, ...]:
    """``claims`` less the places of :func:`untagged_places` the whole article does not
    bear out: a name that is a word of a person the article names ("Pruitt" beside
    "Mark Pruitt"), or that the gazetteer's fitted accept model, weighing the
    article's other places, does not take for the place it names ("in Congress" in a
    report of Washington; "in Millbrook" beside "Dayton" and "Ohio" is kept) unless
    the article's ``text`` names the town's own police, mayor, council or fire department
    ("a Millbrook-area bank" in a report of "the Millbrook police officer who died"), or,
    of a home, the article tags the same name a town elsewhere ("a Leeds man" beside "the
    crash in Leeds"). Run on the whole article's mentions and text, once its parts are
    joined."""
    # a region's adjective is tagged a people ("a Sardinian jail": _regional_site)
    placed = {m.span for m in mentions if m.type in _PLACE_TYPES or m.type == "NORP"}
    untagged = [c for c in claims if c.kind == "place" and c.mention is not None
                and c.mention not in placed and not street_name(c.text)]  # fmt: skip
    if not untagged:
        return tuple(claims)
    persons = {w.casefold() for m in mentions if m.type == "PERSON" for w in m.text.split()}
    # a home's name the tagger called a person wherever the article writes it alone ("the
    # Leeds man", "of Leeds"): a word of a person only when a longer name holds it
    fuller = {w.casefold() for m in mentions if m.type == "PERSON" and len(m.text.split()) > 1
              for w in m.text.split()}  # fmt: skip
    others = tuple(dict.fromkeys((m.text, m.type) for m in mentions
                                 if m.type in _PLACE_TYPES or m.type == "NORP"))  # fmt: skip
    dropped = {
        c.span
        for c in untagged
        if set(c.text.casefold().split()) & (fuller if c.predicate == HOME else persons)
        or not (
            _accepted(c.text, others)
            or _town_of_its_own(c.text, text)
            or (c.predicate == HOME and (c.text, "GPE") in others)
        )
    }
    return tuple(c for c in claims if c.span not in dropped or c.kind != "place")


_PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})


@lru_cache(maxsize=1024)
def _accepted(name: str, others: tuple[tuple[str, str], ...]) -> bool:
    """Whether the gazetteer's accept model takes ``name``, read as a location the
    tagger was unsure of, for a place among the text's other places and peoples
    (``others``: text and label)."""
    from ..geo.resolve import PlaceMention, resolve_places

    try:
        found = resolve_places([PlaceMention(name, "LOC"), *(PlaceMention(*o) for o in others)])
    except Exception:  # no gazetteer data: no place read from it
        return False
    return found[0] is not None


def _own_verb(tok: Any) -> Any | None:
    """The first verb above ``tok``: the verb of its own clause."""
    return next((a for a in tok.ancestors if a.pos_ in {"VERB", "AUX"}), None)


def _placed(
    m: Mention,
    event: Any | None,
    *,
    home: bool = False,
    own: Any | None = None,
    cue: str | None = None,
) -> Claim | None:
    """The place claim of mention ``m`` whose occurrence is ``event`` (a home's is "live");
    None when the occurrence is the saying or an announcing ("said in Paris"). A place
    of a clause whose own verb (``own``) carries no event, under a saying ("X was
    leaving her car on Main Street, witnesses say"), is where the clause happened: a
    place of no named occurrence, not the saying's."""
    predicate = HOME if home else _occurrence(event)
    if predicate in REPORTING and own is not None and _word(own) in TRANSPARENT:
        predicate = None
    elif predicate in REPORTING or predicate in ANNOUNCING:
        return None  # where it was said or announced ("made the announcement in Paris")
    return Claim(span=m.span, text=m.text, kind="place", predicate=predicate, thing=None,
                 value=m.place or street_name(m.text) or m.norm, mention=m.span,
                 cue=cue)  # fmt: skip


def _actor_claim(doc: Any, m: Mention) -> Claim | None:
    toks = _tokens(doc, m.span)
    if toks is None or not len(toks):
        return None
    root = toks.root
    role = None
    if root.dep_ == "nsubj" and root.head.pos_ == "VERB":
        role, event = "agent", root.head
    elif root.dep_ == "pobj" and root.head.dep_ == "agent":
        role, event = "agent", root.head.head
    elif root.dep_ in {"nsubjpass", "dobj"} and root.head.pos_ == "VERB":
        role, event = "patient", root.head
    else:
        return None
    if any(c.dep_ == "neg" for c in event.children):
        # "Pruitt has not been named as a suspect", "Ames is not signed for a sequel":
        # the clause says who did not take part, so it names no one against whom another
        # report's actor could disagree
        return None
    predicate = _occurrence(event) or _word(event)
    if predicate in REPORTING or predicate in TRANSPARENT:
        return None
    named = _named_in_apposition(root, m)
    span, text = (named[1], named[2]) if named else (m.span, m.text)
    return Claim(
        span=span,
        text=text,
        kind="actor",
        predicate=predicate,
        thing=role,
        value=named[0] if named else m.norm,
        mention=span,
        name_type=m.type,
    )


def _named_in_apposition(root: Any, m: Mention) -> tuple[str, Span, str] | None:
    """The name set off after a person's nickname or epithet ("Mob 'Gentleman,'
    Frank 'Sonny' Russo, dies"), with its span and words: the report names one
    person twice, and the name is what other reports give, so it is the actor's value
    and mention (before, the nickname stood against the name as a second person)."""
    if m.type != "PERSON":
        return None
    doc = root.doc
    for c in root.children:
        if c.dep_ != "appos" or c.ent_type_ != "PERSON" or c.i < root.i:
            continue
        ent = next((e for e in doc.ents if e.start <= c.i < e.end), None)
        between = doc.text[root.idx + len(root.text) : c.left_edge.idx]
        if not re.fullmatch(r"[\s,'\"‘’“”]*,[\s'\"‘’“”]*", between):
            continue  # set off by a comma, not "Tom Hale (Lakeside State)": his college
        if ent is not None and ent.start > root.i and name_key(ent.text):
            # the name's mention, so the story's entity of the name is the actor's
            span = Span(m.span.article_id, ent.start_char, ent.end_char)
            return name_key(ent.text), span, ent.text
    return None


# Parts of the day as spans of minutes since midnight (the night ends at midnight: its
# small hours are "early hours"); "early" and "late" keep the first or second half.
_PARTS = {"morning": (300, 720), "afternoon": (720, 1080), "evening": (1020, 1320),
          "night": (1140, 1440), "early hours": (0, 360), "small hours": (0, 360),
          "noon": (720, 720), "midday": (720, 720), "midnight": (1425, 1440)}  # fmt: skip
_PART_OF_DAY = re.compile(
    r"\b(?P<q>early|late|(?:shortly|just) (?:before|after)|around|about)?\s*(?:on\s+)?"
    r"(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|this|last|that)\s+)?"
    r"(?:in the\s+)?(?P<p>(?:early|small) hours|morning|afternoon|evening|night|noon|midday|"
    r"midnight)\b",
    re.I,
)


# "late Thursday", "late yesterday": a day said by its end, no part named: what follows
# the afternoon (the evening and the night). A part named after it ("late Friday
# afternoon") is read by _PART_OF_DAY instead. "early Saturday" is left unread: it says
# the small hours as often as the morning, and read as either it hid conflicts of the
# gold ("Friday night" / "early Saturday"; a hedged 1:00 and 1:30 both inside it).
_LATE_DAY = re.compile(
    r"\b(?P<q>late)\s+(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|"
    r"sunday|yesterday|today)\b(?!,?\s+(?:morning|afternoon|evening|night)\b)",
    re.I,
)


def _part_claims(aid: str, doc: Any, text: str, s: int, e: int) -> list[Claim]:
    """Parts of the day ("Friday afternoon", "late Thursday night", "shortly before
    midnight", "late Friday") as spans of minutes: a variant of a clock time inside
    them, a conflict with one far outside."""
    out: list[Claim] = []
    for m in _PART_OF_DAY.finditer(text, s, e):
        if out and re.fullmatch(r"\s+of\s+", text[out[-1].span.end : m.start()]):
            continue  # "the early hours of Sunday morning": one time, said twice
        part = m.group("p").casefold()
        low, high = _PARTS[part]
        q = (m.group("q") or "").casefold()
        if q == "early" and part not in {"early hours", "small hours"}:
            high = (low + high) // 2
        elif q == "late":
            low = (low + high) // 2
        elif q.endswith("before"):
            low, high = low - 30, low
        elif q.endswith("after"):
            low, high = high, high + 30
        elif q in {"around", "about"}:
            low, high = low - 15, high + 15
        toks = doc.char_span(m.start("p"), m.end("p"), alignment_mode="expand")
        event = _event_of(toks.root) if toks is not None and len(toks) else None
        predicate = _occurrence(event)
        if predicate is None or predicate in REPORTING or report_stamp(doc, m.start(), m.end()):
            continue  # "said on Friday night": the report's hour
        start = m.start() + len(m.group(0)) - len(m.group(0).lstrip())
        out.append(Claim(Span(aid, start, m.end()), text[start : m.end()], "time", predicate,
                         None, part if not q else f"{q} {part}", "minutes", float(low),
                         float(high), context=_context(event)))  # fmt: skip
    for m in _LATE_DAY.finditer(text, s, e):
        if any(c.span.start < m.end() and m.start() < c.span.end for c in out):
            continue
        toks = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        event = _event_of(toks.root) if toks is not None and len(toks) else None
        predicate = _occurrence(event)
        if predicate is None or predicate in REPORTING or report_stamp(doc, m.start(), m.end()):
            continue
        # its cue says the span is loose: news says "late Friday" from the late afternoon
        # on, so it is at most a variant of a time (reconcile/claims.py), like a vague
        # amount (read as a conflict with "shortly after 3 p.m." of another occurrence, it
        # printed conflicts the gold does not hold)
        out.append(Claim(Span(aid, m.start(), m.end()), m.group(0), "time", predicate, None,
                         "late in the day", "minutes", 1080.0, 1440.0, cue="loose",
                         context=_context(event)))  # fmt: skip
    return out


# a clock time restated in brackets in another time zone right after the first one ("struck
# at 1353 (1023 GMT)", "died at 6:41pm PST this evening (0241 GMT Friday)"): the
# reporter's conversion, as with money; the time before it is the local clock time, a
# clock time even written bare in 24-hour figures ("at 18:41 (02:41 GMT)")
_ZONED = r"(?:[01]?\d|2[0-3])[:.]?[0-5]\d\s*(?-i:GMT|BST|UTC|[A-Z]{1,2}T)\b"
_CONVERTED_CLOCK = re.compile(
    r"\b(?P<h>[01]?\d|2[0-3])(?P<sep>[:.]?)(?P<m>[0-5]\d)(?!\d)(?P<ap>\s*[ap]\.?\s?m\.?(?![a-z]))?"
    r"[^()\d.;]{0,30}\(\s*(?:about\s+|around\s+)?(?P<c>" + _ZONED + ")",
    re.I,
)


# a clock time that bounds what the clause tells ("were together until about 9 p.m.",
# "By 5:00pm, selection was winding down") is no time of its occurrence
_BOUND_BEFORE = re.compile(r"\b(?:until|till|by)\s+(?=\S*$)", re.I)


def _clock_claims(aid: str, doc: Any, text: str, s: int, e: int) -> list[Claim]:
    """Times of day: "about 8.40pm", "at 06:00 BST", "2045 GMT", as minutes since midnight;
    "about", "shortly after" and the like widen them by a quarter of an hour. A time
    restated in another zone in brackets is no claim of its own (``_CONVERTED_CLOCK``)."""
    out = []
    conversions = [(m.start("c"), m.end("c")) for m in _CONVERTED_CLOCK.finditer(text, s, e)]
    for m in _CONVERTED_CLOCK.finditer(text, s, e):
        if m.group("ap") or (not m.group("sep") and len(m.group("h")) < 2):
            continue  # "6:41pm (0241 GMT)" is read below; "953 (…)" is no time of day
        hour, minute = int(m.group("h")), int(m.group("m"))
        toks = doc.char_span(m.start(), m.end("m"), alignment_mode="expand")
        event = _event_of(toks.root) if toks is not None and len(toks) else None
        predicate = _occurrence(event)
        if predicate in REPORTING or report_stamp(doc, m.start(), m.end("m")):
            continue
        value = float(hour * 60 + minute)
        out.append(Claim(Span(aid, m.start(), m.end("m")), m.group(0)[: m.end("m") - m.start()],
                         "time", predicate, None, f"{hour:02d}:{minute:02d}", "minutes",
                         value, value, context=_context(event)))  # fmt: skip
    for m in _CLOCK.finditer(text, s, e):
        if any(a <= m.start() < b or m.start() <= a < m.end() for a, b in conversions):
            continue
        if any(c.span.start <= m.start() < c.span.end for c in out):
            continue
        hour_at = m.start("h") if m.group("h") else m.start("hm")
        before = text[max(0, m.start() - 2) : m.start()]
        if hour_at == m.start() and re.search(r"[:\d]\s?$", before):
            continue  # "02: 22 pm": the minutes of a clock time, not an hour
        if m.group("hm"):
            hour, minute = int(m.group("hm")[:2]), int(m.group("hm")[2:])
            qual = m.group("q2")
        else:
            hour, minute = int(m.group("h")), int(m.group("m") or 0)
            if (m.group("hrs") or m.group("part")) and not m.group("m"):
                continue  # "3 Tuesday morning": a bare figure, no clock time
            ap = (m.group("ap") or "").casefold().replace(".", "").replace(" ", "")
            part = (m.group("part") or "").casefold()
            if part:
                # the part of the day says which half: "4:30 Tuesday morning" is a.m.,
                # "8:15 on Friday evening" p.m. ("1:30 Friday night" stays small hours)
                ap = "am" if part == "morning" or (part == "night" and hour < 6) else "pm"
            if ap == "pm" and hour < 12:
                hour += 12
            elif ap == "am" and hour == 12:
                hour = 0
            qual = m.group("q")
        value = hour * 60 + minute
        q = (qual or "").strip().casefold()
        low, high = float(value), float(value)
        if q.endswith(("after", "past")):
            high = value + 30.0
        elif q.endswith(("before",)):
            low = value - 30.0
        elif q and q != "at":
            low, high = value - 15.0, value + 15.0
        if hour > 23:
            continue
        toks = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        event = _event_of(toks.root) if toks is not None and len(toks) else None
        predicate = _occurrence(event)
        if predicate in REPORTING and toks is not None and len(toks):
            own = _own_verb(toks.root)
            if own is not None and _word(own) in TRANSPARENT:
                # "there were sounds of gunfire around 10:30 a.m., police said": the time
                # of the clause, whose verb carries no event, not of the saying (as a place)
                predicate = None
        if predicate in REPORTING or (predicate is None and _STAMP.search(text, s, e)):
            continue  # a report's time, or a timestamp line ("October 30, 2009 at 2:22 pm")
        if _BOUND_BEFORE.search(text, max(s, m.start() - 8), m.start() + 1):
            continue  # "together until about 9 p.m.", "by 5:00pm": a bound, not the moment
        if report_stamp(doc, m.start(), m.end()):
            continue  # "Last updated at 09:42 GMT": when the page was updated
        start = m.start() if not qual else m.start() + len(qual) - len(qual.lstrip())
        out.append(Claim(Span(aid, start, m.end()), text[start : m.end()].strip(), "time",
                         predicate, None, f"{hour:02d}:{minute:02d}", "minutes", low, high,
                         context=_context(event)))  # fmt: skip
    return out


# "with 6:18 left in the first half", "2:20 to go", "with 0:04 remaining": a game
# clock, the time left in a period of play (kept in seconds)
_GAME_CLOCK = re.compile(
    r"\b(?P<m>\d{1,2}):(?P<s>[0-5]\d)(?:\.\d)?\s+(?:left|remaining|to go|to play)\b"
    r"(?:\s+(?:in|of)\s+(?:the\s+)?(?:(?P<n>[\w-]+)\s+)?(?P<p>half|quarter|period|round|"
    r"inning|set|game|match|overtime)\b)?",
    re.I,
)
# "with less than seven minutes to play in the first half", "with four minutes left", "4
# minutes 48 seconds remaining": a game clock in words; whole minutes are that minute
_NUMBER_WORD = "|".join(sorted([*ONES, *TENS], key=len, reverse=True))
_GAME_CLOCK_WORDS = re.compile(
    r"\b(?P<q>(?:less than|under|just under|nearly|almost|just over|more than|over|about|"
    r"around|roughly|some)\s+)?(?P<min>\d{1,2}|(?:"
    + _NUMBER_WORD
    + r")(?:-(?:"
    + _NUMBER_WORD
    + r"))?)\s+minutes?(?:,?\s+(?:and\s+)?(?P<sec>\d{1,2})\s+seconds?)?\s+(?:left|remaining|"
    r"to go|to play)\b" + _GAME_CLOCK.pattern[_GAME_CLOCK.pattern.index("(?:\\s+(?:in|of)") :],
    re.I,
)
# how a hedge widens a game clock given in minutes, in seconds either side
_CLOCK_WORD_HEDGE: dict[str, tuple[float, float | None]] = {
    "less than": (-1e9, 0), "under": (-1e9, 0), "just under": (-60, 0), "nearly": (-60, 0),
    "almost": (-60, 0), "just over": (0, 60), "more than": (0, None), "over": (0, None),
    "about": (-60, 60), "around": (-60, 60), "roughly": (-60, 60), "some": (-60, 60),
}  # fmt: skip
_NTH = {"1st": "first", "2nd": "second", "3rd": "third", "4th": "fourth", "5th": "fifth",
        "6th": "sixth", "7th": "seventh", "8th": "eighth", "9th": "ninth"}  # fmt: skip


# "midway through the first half", "early in the seventh", "late in the fourth quarter",
# "at the opening of the seventh round": a moment of play placed in its period, not on the
# clock; an ordinal alone ("early in the seventh") is a period only where no noun follows
# it ("early in the second term" is none)
_ORDINAL = (
    r"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
    r"final|last|opening|1st|2nd|3rd|[4-9]th|1[0-2]th"
)
_PERIOD_NOUN = r"half|quarter|period|round|inning|set|frame"
# the units of times of play: left on a game clock, played in a period
GAME_UNITS = frozenset({"clock", "elapsed"})


def game_position(c: Claim) -> bool:
    """A moment of play placed only in its period ("early in the seventh"), on no clock."""
    return c.kind == "time" and c.unit in GAME_UNITS and c.cue == "loose"


_GAME_PART = re.compile(
    r"\b(?:(?P<q>early|late|midway|halfway|mid-way)\s+(?:through|in|into)|(?:at|in|near)\s+"
    r"the\s+(?P<q2>opening|start|beginning|end|close|closing\s+(?:seconds|minutes)|final\s+"
    r"(?:seconds|minutes)|last\s+(?:seconds|minutes))\s+of)\s+the\s+(?P<n>" + _ORDINAL + r")"
    r"(?:(?:\s+|-)(?P<p>" + _PERIOD_NOUN + r")s?\b)?",
    re.I,
)

# "38 seconds into the fifth round", "after 38 seconds of the fifth round", "2:20 of
# the fifth round", "at the 2:20 mark": the time played in a period (a round's clock
# counts up), in seconds; never compared with a time left, the period's length unsaid
_PERIOD_AFTER = (r"(?:\s+(?:into|of|in)\s+the\s+(?P<n>" + _ORDINAL + r")(?:(?:\s+|-)(?P<p>"
                 + _PERIOD_NOUN + r")s?\b)?)")  # fmt: skip
_ELAPSED = re.compile(
    r"\b(?:(?P<m>\d{1,2}):(?P<s>[0-5]\d)"
    + _PERIOD_AFTER
    + r"|(?P<sec>\d{1,2}|"
    + _NUMBER_WORD
    + r")\s+(?P<u>seconds?|minutes?)\s+(?:into|of)\s+the\s+(?P<n2>"
    + _ORDINAL
    + r")(?:(?:\s+|-)"
    r"(?P<p2>" + _PERIOD_NOUN + r")s?\b)?|the\s+(?P<mm>\d{1,2}):(?P<ss>[0-5]\d)\s+mark"
    r"(?:\s+of\s+the\s+(?P<n3>" + _ORDINAL + r")(?:(?:\s+|-)(?P<p3>" + _PERIOD_NOUN + r")s?\b)?)?)",
    re.I,
)


def _period(nth: str | None, noun: str | None) -> str | None:
    """The period a game time is of ("first half", "seventh round"), None when no noun
    names it ("early in the seventh": any period so numbered)."""
    if not nth or not noun:
        return None
    n = nth.casefold()
    return f"{_NTH.get(n, n)} {noun.casefold()}"


def _elapsed_claims(aid: str, text: str, s: int, e: int) -> list[Claim]:
    """Times played in a period ("38 seconds into the fifth round", "at the 2:20
    mark"): one stoppage timed by two reports, compared in seconds (unit "elapsed")."""
    out = []
    for m in _ELAPSED.finditer(text, s, e):
        if m.group("m"):
            seconds = float(int(m.group("m")) * 60 + int(m.group("s")))
            period = _period(m.group("n"), m.group("p"))
        elif m.group("mm"):
            seconds = float(int(m.group("mm")) * 60 + int(m.group("ss")))
            period = _period(m.group("n3"), m.group("p3"))
        else:
            amount = _number_value(m.group("sec"))
            if amount is None:
                continue
            seconds = amount * (60.0 if m.group("u").casefold().startswith("min") else 1.0)
            period = _period(m.group("n2"), m.group("p2"))
        shown = f"{int(seconds) // 60}:{int(seconds) % 60:02d} played"
        out.append(Claim(Span(aid, m.start(), m.end()), m.group(0), "time", None, period,
                         shown, "elapsed", seconds, seconds))  # fmt: skip
    return out


def _game_clock_claims(aid: str, doc: Any, text: str, s: int, e: int) -> list[Claim]:
    """Times left on a game clock ("with 6:18 left in the first half"): one basket, goal
    or stoppage timed by two reports, compared with each other (unit "clock", in seconds,
    never with a time of day); the period, when named, is what the time is of."""
    out = []
    for m in _GAME_CLOCK.finditer(text, s, e):
        seconds = float(int(m.group("m")) * 60 + int(m.group("s")))
        period = m.group("p").casefold() if m.group("p") else None
        nth = (m.group("n") or "").casefold()
        if period and (nth in _NTH.values() or nth in _NTH):
            period = f"{_NTH.get(nth, nth)} {period}"  # "the 1st half" is the first half
        out.append(Claim(Span(aid, m.start(), m.end()), m.group(0), "time", None, period,
                         f"{m.group('m')}:{m.group('s')} left", "clock", seconds,
                         seconds))  # fmt: skip
    for m in _GAME_CLOCK_WORDS.finditer(text, s, e):
        minutes = _number_value(m.group("min"))
        if minutes is None:
            continue
        seconds = minutes * 60 + int(m.group("sec") or 0)
        q = re.sub(r"\s+", " ", (m.group("q") or "").strip().casefold())
        low: float = seconds if m.group("sec") else seconds - 30
        high: float | None = seconds if m.group("sec") else seconds + 59
        if q:
            below, above = _CLOCK_WORD_HEDGE[q]
            low, high = max(0.0, seconds + below), None if above is None else seconds + above
        period = m.group("p").casefold() if m.group("p") else None
        nth = (m.group("n") or "").casefold()
        if period and (nth in _NTH.values() or nth in _NTH):
            period = f"{_NTH.get(nth, nth)} {period}"
        shown = f"{int(minutes)}:{int(m.group('sec')):02d} left" if m.group("sec") else m.group(0)
        out.append(Claim(Span(aid, m.start(), m.end()), m.group(0), "time", None, period,
                         shown, "clock", low, high))  # fmt: skip
    for m in _GAME_PART.finditer(text, s, e):
        if any(c.span.start < m.end() and m.start() < c.span.end for c in out):
            continue
        nth = m.group("n").casefold()
        if not m.group("p"):
            after = doc.char_span(m.start("n"), m.end("n"), alignment_mode="expand")
            head = after[-1].head if after is not None and len(after) else None
            if head is None or (head.i > after[-1].i and head.pos_ in {"NOUN", "PROPN"}):
                continue  # "early in the second term": the ordinal is a noun's, no period
        period = _period(nth, m.group("p"))
        # the period's length is not said, so the moment is anywhere on its clock, counted
        # down or up: a variant of a time left or played in that period at most, never a
        # conflict ("loose"), one claim in each unit
        shown = " ".join(m.group(0).casefold().split())
        for unit in sorted(GAME_UNITS):
            out.append(Claim(Span(aid, m.start(), m.end()), m.group(0), "time", None, period,
                             shown, unit, 0.0, None, cue="loose"))  # fmt: skip
    return out + _elapsed_claims(aid, text, s, e)


def _weekday_claims(
    aid: str, doc: Any, text: str, s: int, e: int, times: tuple[TimeExpr, ...]
) -> list[Claim]:
    """A weekday no date resolved (the article has no date to count back from) is still
    a value: "on Tuesday" and "on Friday" for one check-in cannot both be true. So is a
    relative day ("yesterday", "last night"): it may be any weekday, so it is at most
    a variant of one."""
    out = []
    for m in _WEEKDAY.finditer(text, s, e):
        if any(t.span.start <= m.start() < t.span.end and t.start for t in times):
            continue
        if _recurring(text, m.start(), m.end()):
            continue
        toks = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        predicate, context = _date_of(toks) if toks is not None and len(toks) else (None, ())
        if predicate in REPORTING or report_stamp(doc, m.start(), m.end()):
            continue
        # "Thursday night": the night runs into Friday's small hours, which the claim's
        # cue says (its value stays the day); "Tuesday afternoon" is the day said more
        # precisely than "Tuesday", which the cue says too
        part = _PART_AFTER.match(text, m.end())
        out.append(Claim(Span(aid, m.start(), m.end()), m.group(0), "date", predicate, None,
                         m.group(1).capitalize(), year_known=False,
                         cue=part.group(1).casefold() if part else None,
                         context=context, word=_noun_of(toks)))  # fmt: skip
    for m in _RELATIVE_DAY.finditer(text, s, e):
        if any(t.span.start <= m.start() < t.span.end and t.start for t in times):
            continue  # resolved against the publication date: a date claim already
        toks = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        predicate, context = _date_of(toks) if toks is not None and len(toks) else (None, ())
        if predicate in REPORTING or predicate is None or report_stamp(doc, m.start(), m.end()):
            continue
        word = m.group(1).casefold()
        out.append(Claim(Span(aid, m.start(), m.end()), m.group(0), "date", predicate, None,
                         _SAME_DAY.get(word, word), year_known=False,
                         context=context, word=_noun_of(toks)))  # fmt: skip
    for m in _RELATIVE_SPAN.finditer(text, s, e):
        if any(t.span.start < m.end() and m.start() < t.span.end and t.start for t in times):
            continue  # resolved against the publication date: a date claim already
        toks = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        predicate, context = _date_of(toks) if toks is not None and len(toks) else (None, ())
        if predicate in REPORTING or predicate is None or report_stamp(doc, m.start(), m.end()):
            continue
        # a span, not a day: it holds each day a report may name for the occurrence, so
        # it is at most a variant of any of them (the cue says so, see reconcile/claims.py)
        out.append(Claim(Span(aid, m.start(), m.end()), m.group(0), "date", predicate, None,
                         " ".join(m.group(0).casefold().split()), year_known=False,
                         cue="relative", context=context, word=_noun_of(toks)))  # fmt: skip
    return out


def _counted_from_claims(
    aid: str, doc: Any, text: str, s: int, e: int, times: tuple[TimeExpr, ...]
) -> list[Claim]:
    """Dates counted from another occurrence (:data:`_COUNTED_FROM`): "Lane suffered a
    heart attack six days earlier", "died nine days after suffering a heart attack",
    "the raid comes little over a month after a bandit stole…". What such a date is of:
    the occurrence its preposition or conjunction names ("after suffering a heart
    attack": the attack; "two years after the death": the death), which the text times
    by the other; with no object ("nine days earlier"), the verb it hangs from. A
    relative span (cue "relative"): compared, never a conflict; its value is its words,
    the order word read as before or after ("nine days earlier", "nine days before")."""
    out = []
    for m in _COUNTED_FROM.finditer(text, s, e):
        if m.group("u").casefold() == "day" and m.group("n").casefold() in {"a", "an", "one"}:
            continue  # "a day after": one day from a dated one (times.py), else no date
        if any(t.span.start < m.end() and m.start() < t.span.end and t.start for t in times):
            continue  # resolved already: a date claim of its own
        if any(_SET_OFF.fullmatch(text, t.span.end, m.start()) for t in times):
            # "arrested on Jan. 6, five days before the playoff loss": the date before
            # the comma says when; the count restates it
            continue
        toks = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if toks is None or not len(toks):
            continue
        order = next((t for t in toks if t.idx == m.start("dir")), None)
        if order is None:
            continue
        predicate, context, word = _counted_occurrence(order, toks)
        if predicate is None or predicate in REPORTING or report_stamp(doc, m.start(), m.end()):
            continue
        words = m.group(0).casefold().split()
        words[-1] = _TO_ORDER.get(words[-1], words[-1])
        out.append(Claim(Span(aid, m.start(), m.end()), m.group(0), "date", predicate, None,
                         " ".join(words), year_known=False, cue="relative",
                         context=context, word=word))  # fmt: skip
    return out


def _counted_occurrence(order: Any, date: Any) -> tuple[str | None, tuple[str, ...], str | None]:
    """(predicate, context, event noun as written) of the occurrence a date counted from
    another dates (see :func:`_counted_from_claims`), read from its order word: the
    occurrence "after"/"before" names (:func:`_counted_anchor`; a light verb's object,
    "after suffering a heart attack": the attack), else the event noun the order word
    hangs from ("his firing four days earlier"), else the verb of the phrase ``date``."""
    anchor = _counted_anchor(order)
    if anchor is None and order.head.pos_ == "NOUN" and order.head.i != order.i:
        predicate = event_word(order.head, _word(order.head))
        return predicate, (predicate,), str(order.head.lower_)
    if anchor is None:
        verb, context = _date_of(date)
        return verb, context, _noun_of(date)
    if anchor.pos_ in {"NOUN", "PROPN"}:
        predicate = event_word(anchor, _word(anchor))
        return predicate, (predicate,), str(anchor.lower_)
    done = [c for c in anchor.children if c.dep_ == "dobj" and c.pos_ == "NOUN"]
    if _word(anchor) in LIGHT and done:
        predicate = event_word(done[0], _word(done[0]))
        return predicate, _with(predicate, _context(anchor)), str(done[0].lower_)
    return _occurrence(anchor), _context(anchor), None


def _counted_anchor(order: Any) -> Any | None:
    """The occurrence a date counted from another names after its order word: the object
    of "after"/"before" ("after the death", "after suffering…"), or the clause "after"
    introduces ("after a bandit stole…"); None when the word stands alone ("nine days
    earlier") or its object is itself a time ("a week after Christmas": the date is the
    clause's)."""
    if order.dep_ == "mark" and order.head is not order:
        return order.head
    objects = [c for c in order.children if c.dep_ in {"pobj", "pcomp"}]
    if not objects:
        return None
    obj = objects[0]
    if obj.ent_type_ in {"DATE", "TIME"}:
        return None
    return obj


# A win-loss record ("Riverton (10-5)", "Brennan, 41-2, 30 KOs", "improved his record to
# 52-3", "a 9-5 season"): wins, losses and draws of a team or a fighter, one value. A
# score ("won 31-24", "a 31-24 lead") is no record: it is said of a game, not of a side.
_RECORD = re.compile(r"\b(\d{1,3})[-–](\d{1,3})(?:[-–](\d{1,2}))?\b")
_RECORD_WORDS = re.compile(
    r"(?:\brecord\s+(?:\w+\s+){0,2}(?:to|at|of|is|was|stands at)|\b(?:stands?|stood|standing)"
    r"\s+at|\bimprov(?:ed|es|ing)\s+to)\s+$",
    re.I,
)
_RECORD_NOUN = re.compile(r"\s+(?:record|season|mark)\b", re.I)
# the side a game was won or lost against, named before a figure set off by a comma:
# "lost to the Riverton Rams, 20-13", "beat Ashford, 75-70", "a win over the Rams,
# 31-24" is the game's score (a side's record stands in brackets after its name:
# "beat the Rams (10-5)"). Verbs of winning and losing, general sports vocabulary.
_SCORE_AGAINST = re.compile(
    r"\b(?:(?:lost|lose|loses|losing|fell|falls|falling)\s+to|beat|beats|beating|defeated|"
    r"defeats|defeating|edged|edges|topped|tops|routed|downed|blanked|over|against)"
    r"\s+(?:the\s+)?$",
    re.I,
)
# a side the parser named no entity: capitalised words right before the bracket
# ("helping the Rams (10-5) join"); a range in brackets follows a lower-case word
# ("children of all ages (10-12)")
_BARE_OWNER = re.compile(r"\b((?:[A-Z][a-z]+\s){0,2}[A-Z][a-z]+)\s\($")
_RECORD_OWNERS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
# a subject pronoun: who a clause is about without naming them
_PRONOUN = re.compile(r"\b(?:he|she|they)\b", re.I)


def _record_claims(aid: str, text: str, s: int, e: int, mentions: Sequence[Mention]) -> list[Claim]:
    """Win-loss records: right after a name, in brackets or between commas ("Riverton
    (10-5)", "Joe Brennan, 41-2, 30 KO's"; in brackets also after capitalised words the
    parser names no entity, "the Rams (10-5)"), or named a record or a season ("improved
    his record to 52-3", "a 9-5 season"); never a score after the side beaten ("lost to
    the Riverton Rams, 20-13"). Whose record: the name before it, else the nearest
    name before it in the sentence. Two records of one side are one value: "10-5" and
    "9-5" cannot both be its record at one time."""
    out = []
    named = sorted((m for m in mentions if m.type in _RECORD_OWNERS), key=lambda m: m.span.end)
    for m in _RECORD.finditer(text, s, e):
        before = text[max(s, m.start() - 3) : m.start()]
        after = text[m.end() : m.end() + 1]
        glued = re.search(r"(?:\(|,)\s?$", before) and after in {",", ")"}
        owner = next((n for n in reversed(named) if 0 <= m.start() - n.span.end <= 3), None)
        bare = _BARE_OWNER.search(text, max(s, m.start() - 40), m.start())
        if glued and owner is None and bare and before.endswith("("):
            owner = Mention(Span(aid, bare.start(1), bare.end(1)), bare.group(1), "ORG",
                            name_key(bare.group(1)))  # fmt: skip
        if glued and owner is None:
            continue  # "(10-12)" after no name: a range, not a record
        against = owner is not None and _SCORE_AGAINST.search(
            text, max(s, owner.span.start - 30), owner.span.start
        )
        if glued and against and before.rstrip().endswith(","):
            continue  # "lost to the Riverton Rams, 20-13": the game's score
        words = _RECORD_WORDS.search(text, max(s, m.start() - 40), m.start())
        if not glued and not (words or _RECORD_NOUN.match(text, m.end())):
            continue
        if owner is None:
            owner = next((n for n in reversed(named) if n.span.end <= m.start()), None)
            if owner is not None and _PRONOUN.search(text, owner.span.end, m.start()):
                # "Novak's second victory over Dale, and with it he improves to
                # 47-2", "came from Hartford, where he was 140-121": a pronoun between
                # says whose, and it need not be the last name's; a record of no known
                # side is no value of any side's
                continue
        if words and "record" not in words.group(0).casefold() and owner is None:
            continue  # "the score stood at 3-1": a side must be named to stand at a record
        value = "-".join(g for g in m.groups() if g is not None)
        out.append(Claim(Span(aid, m.start(), m.end()), m.group(0), "record", "record",
                         owner.norm if owner else None, value, "record",
                         mention=owner.span if owner else None))  # fmt: skip
    return out


def extract_claims(
    article_id: str,
    doc: Any,
    quantities: tuple[Quantity, ...],
    times: tuple[TimeExpr, ...],
    mentions: tuple[Mention, ...],
) -> tuple[Claim, ...]:
    """Every claim of ``doc``, in text order, from the extracted items and the parse.

    Example (needs the models or files named)::

        from newsprism.analyze.nlp import parse
        from newsprism.analyze.quantities import extract_quantities
        doc = parse("The blast killed 12 people and injured 40.")
        cs = extract_claims("a", doc, extract_quantities("a", doc), (), ())
        [(c.predicate, c.thing, c.value) for c in cs]
        # [('kill', 'people', '12'), ('injure', None, '40')]
    """
    text: str = text_of(doc)
    out: list[Claim] = []
    quantities = join_alternatives(
        join_thousands(sorted(quantities, key=lambda q: q.span.start), text), text
    )
    durations = [t.span for t in times if t.granularity == "duration"]
    names = named_words(mentions)
    people = frozenset(w.casefold() for m in mentions if m.type == "PERSON" for w in m.text.split())
    for sent in sents_of(doc):
        s, e = sent.start_char, sent.end_char

        def inside(span: Span, s: int = s, e: int = e) -> bool:
            return s <= span.start and span.end <= e

        persons = [m for m in mentions if inside(m.span) and m.type == "PERSON"]
        ages = _age_claims(article_id, doc, text, s, e, persons)
        clocks = _clock_claims(article_id, doc, text, s, e)
        # every clock time and date in figures, kept as a claim or not ("05: 40 PM" of a
        # timestamp line, "11/30/09"): their figures are no amounts
        stamps = [m.span() for r in (_CLOCK, _NUMERIC_DATE) for m in r.finditer(text, s, e)]
        # a part of the day that only says which half of a clock time it is ("3:30
        # Tuesday morning") is no second value
        clocks += [p for p in _part_claims(article_id, doc, text, s, e)
                   if not any((c.span.start < p.span.end and p.span.start < c.span.end)
                              or _HALF_OF_DAY.fullmatch(text, c.span.end, p.span.start)
                              for c in clocks)]  # fmt: skip
        zeros = _zero_claims(article_id, doc, text, s, e)
        zeros += _record_claims(article_id, text, s, e, [m for m in mentions if inside(m.span)])
        clocks += _game_clock_claims(article_id, doc, text, s, e)
        out.extend(ages)
        out.extend(clocks)
        out.extend(zeros)
        apart = [(c.span.start, c.span.end) for c in (*ages, *clocks, *zeros)]
        out.extend(_weekday_claims(article_id, doc, text, s, e, times))
        out.extend(_counted_from_claims(article_id, doc, text, s, e, times))
        for q in quantities:
            if not inside(q.span) or any(
                d.start < q.span.end and q.span.start < d.end for d in durations
            ):
                continue
            if any(a < q.span.end and q.span.start < b for a, b in apart):
                continue
            if any(a < q.span.end and q.span.start < b for a, b in stamps):
                continue  # a clock time or a date in figures is never a count
            if _HALF_AFTER.match(text, q.span.end) and any(
                0 <= d.start - q.span.end <= 6 for d in durations
            ):
                continue  # "4-1/2-month": the whole of a length read with its half
            c = _count_claims(article_id, doc, text, q, (s, e), names)
            if c is not None:
                out.append(c)
        for t in times:
            if inside(t.span):
                if t.granularity == "duration" and any(
                    a < t.span.end and t.span.start < b for a, b in (*apart, *stamps)
                ):
                    continue  # "9:25 hours", "four minutes left": a time, not a length
                c = _date_claim(doc, t, names, people)
                if c is not None:
                    out.append(c)
        for m in mentions:
            if not inside(m.span):
                continue
            street = bool(_STREET.search(m.text))
            if m.type in {"GPE", "LOC", "FAC"} or street:
                # a street is a place whatever the tagger calls it ("a Crane Street
                # apartment" read as an organisation)
                c = _place_claim(doc, m)
                if c is not None:
                    out.append(c)
            elif m.type == "NORP":
                c = _regional_site(doc, m)
                if c is not None:
                    out.append(c)
            if m.type in {"PERSON", "ORG", "NORP", "GPE"} and not street:
                c = _actor_claim(doc, m)
                if c is not None:
                    out.append(c)
                c = partner_claim(doc, m)
                if c is not None:
                    out.append(c)
            if m.type == "PERSON":
                c = role_claim(doc, m)
                if c is not None:
                    out.append(c)
        out.extend(untagged_places(article_id, doc, s, e, [m for m in mentions if inside(m.span)]))
        places = [(m.span, m.place) for m in mentions if inside(m.span) and m.place]
        out.extend(nationality_claims(article_id, doc, s, e, places))
        out.extend(cause_claims(article_id, doc, s, e, persons))
    out.sort(key=lambda c: (c.span.start, c.span.end, c.kind))
    out = [_continued_offer(c, doc, names) for c in out]
    out = _bounded_above(out, doc)
    return tuple(_crossings(out, text))
