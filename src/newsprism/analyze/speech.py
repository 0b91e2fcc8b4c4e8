"""Who says what: speech verbs, their subjects, and "according to" phrases.

Shared by the quote and attribution extractors.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..records import Mention
from .nlp import doc_cached, text_of

# Lemmas of verbs that report speech or writing (general English).
SPEECH_VERBS = frozenset(
    """say add tell state announce stress emphasize emphasise note warn claim insist explain
    confirm deny write declare argue affirm assert report reveal admit acknowledge indicate
    urge vow pledge promise describe call comment remark reply respond answer ask accuse
    allege conclude estimate predict suggest maintain contend caution point underline
    highlight reiterate repeat quote tweet post condemn denounce criticize criticise praise
    welcome blame slam hail""".split()
)
PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i"})


def speech_verb(sent: Any, outside: tuple[int, int] | None = None) -> Any | None:
    """The speech verb of ``sent`` (outside the char range ``outside``), if any.

    Without ``outside`` the answer is kept per sentence: the quote and attribution
    extractors each ask it of every sentence."""
    if outside is None:
        verbs = doc_cached(sent.doc, "newsprism_speech_verbs", dict)
        key = sent.start
        if key not in verbs:
            verbs[key] = _find_speech_verb(sent, None)
        return verbs[key]
    return _find_speech_verb(sent, outside)


def _find_speech_verb(sent: Any, outside: tuple[int, int] | None) -> Any | None:
    best = None
    for tok in sent:
        if tok.pos_ not in {"VERB", "AUX"} or tok.lemma_.casefold() not in SPEECH_VERBS:
            continue
        if outside and outside[0] <= tok.idx < outside[1]:
            continue
        if best is None or tok.dep_ == "ROOT":
            best = tok
    return best


def subject_of(verb: Any) -> Any | None:
    """The subject token of ``verb`` (nsubj, or the agent of a passive)."""
    for child in verb.children:
        if child.dep_ in {"nsubj", "nsubjpass"}:
            return child
    for child in verb.children:
        if child.dep_ == "agent":
            for grand in child.children:
                if grand.dep_ == "pobj":
                    return grand
    if verb.dep_ in {"conj", "advcl"} and verb.head is not verb:
        return subject_of(verb.head)
    return None


def according_to(sent: Any) -> Any | None:
    """The object of "according to" in ``sent``, if any."""
    if "according" not in text_of(sent.doc)[sent.start_char : sent.end_char].lower():
        return None
    for tok in sent:
        if tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.nbor(1).lower_ == "to":
            for child in tok.nbor(1).children:
                if child.dep_ == "pobj":
                    return child
    return None


def mention_at(mentions: Sequence[Mention], start: int, end: int) -> Mention | None:
    """The named mention overlapping ``[start, end)``, longest first."""
    hits = [m for m in mentions if m.span.start < end and start < m.span.end]
    return max(hits, key=lambda m: m.span.end - m.span.start) if hits else None


def phrase(tok: Any) -> tuple[int, int]:
    """Char range of the noun phrase headed by ``tok``, without appositions and clauses."""
    left = tok
    for child in tok.lefts:
        if child.dep_ in {"compound", "amod", "det", "nmod", "poss", "nummod"}:
            left = child.doc[min(left.i, child.left_edge.i)]
    start = left.idx
    if left.dep_ == "det":  # "the ministry" → "ministry"
        start = left.doc[left.i + 1].idx if left.i + 1 <= tok.i else start
    return start, tok.idx + len(tok.text)


def speaker_of(
    tok: Any, mentions: Sequence[Mention], last: tuple[str, int, int] | None
) -> tuple[str, int, int] | None:
    """Name and char range of the speaker headed by ``tok``; pronouns resolve to ``last``."""
    if tok.lower_ in PRONOUNS:
        return last if tok.lower_ != "i" else None
    start, end = phrase(tok)
    # the named mention must cover the head word: "the U.S. army" is the army, not the U.S.
    named = mention_at(mentions, tok.idx, tok.idx + len(tok.text))
    if named is not None and named.type in {"PERSON", "ORG", "GPE", "NORP"}:
        return named.text, named.span.start, named.span.end
    text = text_of(tok.doc)[start:end]
    return (text, start, end) if text.strip() else None
