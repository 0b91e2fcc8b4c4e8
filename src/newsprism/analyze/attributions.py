"""Attributions: which sentence is attributed to whom ("X said", "according to X")."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..records import Attribution, Mention, Span
from .nlp import sents_of
from .speech import PRONOUNS, according_to, speaker_of, speech_verb, subject_of


def extract_attributions(
    article_id: str, doc: Any, mentions: Sequence[Mention]
) -> tuple[Attribution, ...]:
    """One Attribution per sentence that names its source.

    The source is the subject of a speech verb ("the ministry announced", "officials
    argue") or the object of "according to" ("according to military sources");
    pronouns resolve to the last named source. The span is the sentence.

    Example (needs the models or files named)::

        from newsprism.analyze.nlp import parse
        d = parse("The bridge will close, officials said.")
        [a.source for a in extract_attributions("a", d, [])]
        # ['officials']
    """
    return attribution_run(article_id, doc, mentions).attributions


Source = tuple[str, int, int]  # name, start, end


@dataclass(frozen=True)
class AttributionRun:
    """The attributions of one stretch of text read on its own, and what a pronoun
    source ("he said") needs from the text before it: ``open`` holds (start, end, cue)
    of the sentences whose pronoun source the stretch names no one for, which
    :func:`carry_sources` completes; ``last`` is the source it leaves to the next."""

    attributions: tuple[Attribution, ...]
    open: tuple[tuple[int, int, str], ...] = ()
    last: Source | None = None


def attribution_run(article_id: str, doc: Any, mentions: Sequence[Mention]) -> AttributionRun:
    """:func:`extract_attributions` of ``doc``, with what a stretch before it would change."""
    out: list[Attribution] = []
    opened: list[tuple[int, int, str]] = []
    last: Source | None = None
    for sent in sents_of(doc):
        source = None
        cue = None
        who = None
        acc = according_to(sent)
        if acc is not None:
            who, cue = acc, "according to"
        else:
            verb = speech_verb(sent)
            if verb is not None:
                who = subject_of(verb)
                cue = verb.lemma_.casefold()
        if who is None or cue is None:
            continue
        source = speaker_of(who, mentions, last)
        s = sent.start_char
        e = s + len(sent.text.rstrip())
        if source is None:
            if last is None and who.lower_ in PRONOUNS and who.lower_ != "i":
                opened.append((s, e, cue))
            continue
        last = source
        out.append(
            Attribution(
                Span(article_id, s, e), source[0], Span(article_id, source[1], source[2]), cue
            )
        )
    return AttributionRun(tuple(out), tuple(opened), last)


def carry_sources(runs: Sequence[AttributionRun], article_id: str) -> tuple[Attribution, ...]:
    """The attributions of consecutive stretches of one text (spans already in the
    text's coordinates), each pronoun source an earlier stretch names given its source:
    those :func:`extract_attributions` finds in the whole text, where no sentence
    crosses from one stretch to the next."""
    out: list[Attribution] = []
    last: Source | None = None
    for run in runs:
        found = list(run.attributions)
        if last is not None and run.open:
            src = Span(article_id, last[1], last[2])
            found += [Attribution(Span(article_id, s, e), last[0], src, cue)
                      for s, e, cue in run.open]  # fmt: skip
            found.sort(key=lambda a: a.span.start)
        out.extend(found)
        last = run.last or last
    return tuple(out)
