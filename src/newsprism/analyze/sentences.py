"""Sentences: spaCy's, never across a paragraph (line) break, trimmed."""

from __future__ import annotations

from typing import Any

from ..records import Sentence, Span
from .nlp import sents_of, text_of


def extract_sentences(article_id: str, doc: Any) -> tuple[Sentence, ...]:
    """The sentences of ``doc``; a line break always ends a sentence.

    Example (needs the models or files named)::

        from newsprism.analyze.nlp import parse
        doc = parse("Title here\\nIt rained. We left.")
        [s.text for s in extract_sentences("a", doc)]
        # ['Title here', 'It rained.', 'We left.']
    """
    text: str = text_of(doc)
    out: list[Sentence] = []
    for sent in sents_of(doc):
        start = sent.start_char
        for piece in text[sent.start_char : sent.end_char].split("\n"):
            s = start + (len(piece) - len(piece.lstrip()))
            e = start + len(piece.rstrip())
            if e > s:
                out.append(Sentence(Span(article_id, s, e), text[s:e]))
            start += len(piece) + 1
    return tuple(out)
