"""Quotes: direct and partial quotations in every quotation style, and reported speech.

A quotation runs from an opening mark to its closing mark; one left open at a
paragraph's end continues when the next paragraph opens with a mark again (the
print convention for multi-paragraph quotes). The speaker is the named subject
of a speech verb in the same sentence or the next, the object of "according
to", or, for a pronoun, the last named speaker.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..records import Mention, Quote, Span
from .nlp import sentence_at, sents_of, text_of
from .speech import PRONOUNS, according_to, speaker_of, speech_verb, subject_of

# opening mark → closing marks
PAIRS = {"“": "”", '"': '"', "«": "»", "„": "“”", "‹": "›", "「": "」", "‚": "‘’"}
_OPEN = re.compile(r"[“\"«„‹「‚]")
MAX_QUOTE = 3000  # characters; a longer "quote" is an unbalanced mark


def find_quotations(text: str) -> list[tuple[int, int]]:
    """Char ranges of quoted words (marks excluded), multi-paragraph quotes joined.

    >>> text = 'He said: «We will stay.» Then „Never“ and "no".'
    >>> [text[s:e] for s, e in find_quotations(text)]
    ['We will stay.', 'Never', 'no']
    """
    out: list[tuple[int, int]] = []
    i = 0
    n = len(text)
    while i < n:
        m = _OPEN.search(text, i)
        if m is None:
            break
        mark = m.group(0)
        closers = PAIRS[mark]
        start = m.end()
        j = start
        end = -1
        while j < n and j - start < MAX_QUOTE:
            ch = text[j]
            if ch in closers and j > start:
                end = j
                break
            if ch == "\n":
                # open at paragraph end: continue only if the next paragraph reopens
                if j + 1 < n and text[j + 1] == mark:
                    j += 2
                    continue
                break
            j += 1
        if end < 0:
            i = start
            continue
        body = text[start:end]
        # a straight quote pair around a long stretch with several sentences and no
        # reporting shape is usually two unrelated marks; keep it simple: limit size
        if body.strip():
            ls = start + (len(body) - len(body.lstrip()))
            rs = end - (len(body) - len(body.rstrip()))
            out.append((ls, rs))
        i = end + 1
    return out


def extract_quotes(article_id: str, doc: Any, mentions: Sequence[Mention]) -> tuple[Quote, ...]:
    """Direct, partial and indirect quotes with speaker and reporting verb.

    Example (needs the models or files named)::

        from newsprism.analyze.nlp import parse
        d = parse('"We will stay," Mayor Anne Larsen said.')
        [(q.text, q.speaker) for q in extract_quotes("a", d, [])]
        # [('We will stay,', 'Anne Larsen')]
    """
    return quote_run(article_id, doc, mentions).quotes


Speaker = tuple[str, int, int]  # name, start, end


@dataclass(frozen=True)
class QuoteRun:
    """The quotes of one stretch of text read on its own, and what a pronoun speaker
    ("he said") needs from the text before it.

    A pronoun speaker is the last speaker named before it. When the stretch names none
    before a pronoun, the quote is listed in ``direct_open`` or ``indirect_open`` (by
    start) and :func:`carry_speakers` gives it the speaker the stretches before left;
    ``direct_last`` and ``indirect_last`` are what this stretch leaves to the next."""

    quotes: tuple[Quote, ...]
    direct_open: tuple[int, ...] = ()
    indirect_open: tuple[int, ...] = ()
    direct_last: Speaker | None = None
    indirect_last: Speaker | None = None


def _open(tok: Any, last: Speaker | None) -> bool:
    """A pronoun speaker with no speaker named before it in the stretch."""
    return last is None and tok.lower_ in PRONOUNS and tok.lower_ != "i"


def quote_run(article_id: str, doc: Any, mentions: Sequence[Mention]) -> QuoteRun:
    """:func:`extract_quotes` of ``doc``, with what a stretch before it would change."""
    text: str = text_of(doc)
    out: list[Quote] = []
    last: Speaker | None = None
    last_pos = -1
    quoted = find_quotations(text)
    spans_done: list[tuple[int, int]] = []
    sents = sents_of(doc)
    named = _named_speakers(doc, mentions)
    direct_open: list[int] = []
    for qs, qe in quoted:
        # "he" is the last speaker named before the quote, in reported speech too
        for pos, who in named:
            if last_pos < pos < qs:
                last, last_pos = who, pos
        sent = sentence_at(doc, max(qs - 1, 0))
        verb = None
        speaker = None
        cue = None
        candidates = [sent] if sent is not None else []
        if sent is not None:
            # "… ," he added. / Name said: "…" — the verb may sit in the next sentence
            idx = next((k for k, s in enumerate(sents) if s.start == sent.start), None)
            if idx is not None and idx + 1 < len(sents) and sents[idx + 1].start_char <= qe + 2:
                candidates.append(sents[idx + 1])
            if idx is not None and idx + 1 < len(sents):
                nxt = sents[idx + 1]
                if nxt.start_char <= qe + 3:
                    candidates.append(nxt)
        for cand in candidates:
            verb = speech_verb(cand, (qs, qe))
            if verb is not None:
                subj = subject_of(verb)
                if subj is not None and not (qs <= subj.idx < qe):
                    if _open(subj, last):
                        direct_open.append(qs)
                    speaker = speaker_of(subj, mentions, last)
                cue = verb.lemma_.casefold()
                break
            acc = according_to(cand)
            if acc is not None:
                if _open(acc, last):
                    direct_open.append(qs)
                speaker = speaker_of(acc, mentions, last)
                cue = "according to"
                break
        kind = _kind(text, qs, qe, sent)
        if speaker is not None and speaker[0].casefold() not in {"it"}:
            last, last_pos = speaker, qs
        out.append(
            Quote(
                Span(article_id, qs, qe),
                text[qs:qe],
                speaker[0] if speaker else None,
                Span(article_id, speaker[1], speaker[2]) if speaker else None,
                cue,
                kind,
            )
        )
        spans_done.append((qs, qe))
    for pos, who in named:  # named after the last quote: what the next quote starts from
        if last_pos < pos:
            last, last_pos = who, pos
    indirect, indirect_open, indirect_last = _indirect(article_id, doc, mentions, spans_done)
    out.extend(indirect)
    out.sort(key=lambda q: q.span.start)
    return QuoteRun(tuple(out), tuple(direct_open), indirect_open, last, indirect_last)


def carry_speakers(runs: Sequence[QuoteRun]) -> tuple[Quote, ...]:
    """The quotes of consecutive stretches of one text (spans already in the text's
    coordinates), each pronoun speaker an earlier stretch names given its speaker: the
    quotes :func:`extract_quotes` finds in the whole text, where no quote, sentence or
    quotation crosses from one stretch to the next."""
    out: list[Quote] = []
    direct: Speaker | None = None
    indirect: Speaker | None = None
    for run in runs:
        for q in run.quotes:
            who = indirect if q.kind == "indirect" else direct
            opened = run.indirect_open if q.kind == "indirect" else run.direct_open
            if who is not None and q.span.start in opened:
                q = dataclasses.replace(
                    q, speaker=who[0], speaker_span=Span(q.span.article_id, who[1], who[2])
                )
            out.append(q)
        direct = run.direct_last or direct
        indirect = run.indirect_last or indirect
    return tuple(out)


def _kind(text: str, qs: int, qe: int, sent: Any) -> str:
    """direct: a whole utterance (it opens with a capital, or fills its sentence);
    partial: quoted words woven into the writer's own sentence."""
    body = text[qs:qe]
    before = text[max(0, qs - 3) : qs - 1].strip()
    if body[:1].isupper() and (len(body.split()) >= 4 or before.endswith((":", ",", ""))):
        return "direct"
    if sent is not None and len(body.split()) >= 0.6 * len(sent.text.split()):
        return "direct"
    return "partial"


def _named_speakers(
    doc: Any, mentions: Sequence[Mention]
) -> list[tuple[int, tuple[str, int, int]]]:
    """(position, speaker) of every named subject of a speech verb, in text order."""
    out = []
    for sent in sents_of(doc):
        verb = speech_verb(sent)
        subj = subject_of(verb) if verb is not None else None
        if subj is None or subj.lower_ in PRONOUNS:
            continue
        who = speaker_of(subj, mentions, None)
        if who is not None:
            out.append((subj.idx, who))
    return out


def _indirect(
    article_id: str, doc: Any, mentions: Sequence[Mention], quoted: list[tuple[int, int]]
) -> tuple[list[Quote], tuple[int, ...], Speaker | None]:
    """Reported speech: "X stressed that …" outside quotation marks; the starts of those
    whose pronoun speaker has no speaker before it, and the last speaker."""
    out: list[Quote] = []
    opened: list[int] = []
    last: Speaker | None = None
    for sent in sents_of(doc):
        verb = speech_verb(sent)
        if verb is None:
            continue
        comp = next((c for c in verb.children if c.dep_ == "ccomp"), None)
        subj = subject_of(verb)
        if comp is None or subj is None:
            continue
        start = comp.left_edge.idx
        end_tok = comp.right_edge
        end = end_tok.idx + len(end_tok.text)
        if any(s < end and start < e for s, e in quoted):
            continue  # the clause is (or holds) a direct quotation
        if start < verb.idx:
            continue  # "…, officials said": the clause comes first; an attribution, not speech
        # leading "that"
        that = doc[comp.left_edge.i]
        if that.lower_ == "that" and that.dep_ == "mark":
            start = doc[that.i + 1].idx
        text = text_of(doc)[start:end].rstrip(" ,.;:")
        if len(text.split()) < 3:
            continue
        if _open(subj, last):
            opened.append(start)
        speaker = speaker_of(subj, mentions, last)
        if speaker is not None:
            last = speaker
        out.append(
            Quote(
                Span(article_id, start, start + len(text)),
                text,
                speaker[0] if speaker else None,
                Span(article_id, speaker[1], speaker[2]) if speaker else None,
                verb.lemma_.casefold(),
                "indirect",
            )
        )
    return out, tuple(opened), last
