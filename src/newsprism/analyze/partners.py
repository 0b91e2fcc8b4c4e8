"""Partner claims: who took part beside the subject in a joint action.

News names the partner of a joint action in a few set ways: a phrase of cooperation
("in cooperation with X", "with assistance from X", "with the help of X", "in
coordination with X") or a list of peoples before the acting noun ("French and
Malian troops attacked…": the troops of the second people act with those of the
first). Each partner is one claim of the role ``partner``, with no predicate: a joint
action is told by many verbs ("launched an operation", "destroyed", "identified and
eliminated"), and its partner is the same whichever verb a report uses.

Two reports may name a partner at two levels (a ministry, the country's forces) or
two partners of one action, both right: two partners are at most a variant (see
reconcile/claims.py ``relation``). Partner claims are compared inside a fact only,
never joined into a value check of their own (reconcile/align.py), as posts are.
"""

from __future__ import annotations

from typing import Any

from ..records import Claim, Mention, Span
from .nlp import text_of
from .text_norm import name_key

PARTNER = "partner"
# nouns of acting together, whose "with"/"from"/"of" phrase names the partner
_JOINT = frozenset(
    "cooperation coordination collaboration partnership conjunction assistance help support".split()
)
_JOINT_PREPS = frozenset({"with", "from", "of"})


def _joint_phrase(root: Any) -> bool:
    """Whether ``root`` is the object of a phrase of cooperation set on a clause: "in
    cooperation with X", "with assistance from X", "with the help of X"."""
    prep = root.head
    if root.dep_ != "pobj" or prep.lower_ not in _JOINT_PREPS or prep.dep_ != "prep":
        return False
    noun = prep.head
    return bool(
        noun.lower_ in _JOINT
        and noun.dep_ == "pobj"
        and noun.head.lower_ in {"in", "with"}
        and noun.head.dep_ == "prep"
    )


def _listed_people(root: Any) -> Any | None:
    """The acting noun a people is listed before, when the people is not the first of
    the list ("French and Malian troops attacked": "Malian" is "troops"' second
    people): that noun, the subject of a verb; else None."""
    if root.dep_ != "conj" or root.head.dep_ != "amod":
        return None
    noun = root.head.head
    if noun.pos_ != "NOUN" or noun.dep_ not in {"nsubj", "nsubjpass"}:
        return None
    return noun if noun.head.pos_ in {"VERB", "AUX"} else None


def partner_claim(doc: Any, m: Mention) -> Claim | None:
    """The partner claim of mention ``m``, when the sentence names it as a partner."""
    span = doc.char_span(m.span.start, m.span.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    root = span.root
    if _joint_phrase(root):
        return Claim(span=m.span, text=m.text, kind="actor", predicate=None, thing=PARTNER,
                     value=m.norm, mention=m.span, name_type=m.type)  # fmt: skip
    noun = _listed_people(root) if m.type == "NORP" else None
    if noun is None:
        return None
    # the people's own forces, however their kind is written ("Malian army troops",
    # "Malian troops"): the people and the acting noun
    whole = Span(m.span.article_id, m.span.start, noun.idx + len(noun.text))
    text = text_of(doc)[whole.start : whole.end]
    return Claim(span=whole, text=text, kind="actor", predicate=None, thing=PARTNER,
                 value=name_key(f"{m.text} {noun.text}"), name_type=m.type)  # fmt: skip
