"""Attributions: which sentence is attributed to whom ("X said", "according to X")."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..records import Attribution, Mention, Span
from .nlp import sents_of
from .speech import according_to, speaker_of, speech_verb, subject_of


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
    out: list[Attribution] = []
    last: tuple[str, int, int] | None = None
    for sent in sents_of(doc):
        source = None
        cue = None
        acc = according_to(sent)
        if acc is not None:
            source = speaker_of(acc, mentions, last)
            cue = "according to"
        else:
            verb = speech_verb(sent)
            if verb is not None:
                subj = subject_of(verb)
                if subj is not None:
                    source = speaker_of(subj, mentions, last)
                    cue = verb.lemma_.casefold()
        if source is None or cue is None:
            continue
        last = source
        s = sent.start_char
        e = s + len(sent.text.rstrip())
        out.append(
            Attribution(
                Span(article_id, s, e), source[0], Span(article_id, source[1], source[2]), cue
            )
        )
    return tuple(out)
