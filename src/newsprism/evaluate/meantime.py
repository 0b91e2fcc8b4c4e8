"""MEANTIME read as news articles: 120 Wikinews articles, each in en, es, it and nl.

MEANTIME (Minard et al., LREC 2016; CC BY 4.0) gives each article as CoNLL tokens
in four languages, the Spanish, Italian and Dutch ones sentence-aligned
translations of the English. Read as articles (title, date line, body) they are
the test of translations as copies: the four versions of one article are one
origin, and different articles, also of one topic, are not.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from ..records import Document

LANGUAGES = ("en", "es", "it", "nl")
_BEGIN = re.compile(r"^#begin document \((?P<doc>[^)]+)\)")


@dataclass(frozen=True)
class MeantimeDoc:
    """One language version of one article: ``key`` names the article ("airbus/100911"),
    ``topic`` its corpus ("airbus")."""

    key: str
    topic: str
    language: str
    sentences: tuple[str, ...]

    @property
    def source(self) -> str:
        return f"{self.language}/{self.key}"

    def document(self) -> Document:
        """The article as an input: its sentences one per line (title, date line, body)."""
        body = "\n".join(self.sentences)
        return Document(source=self.source, kind="text", raw=body.encode("utf-8"), body=body)


def detokenize(tokens: list[str]) -> str:
    """A sentence's tokens as text: no space before closing punctuation or after an
    opening bracket or an elided article.

    >>> detokenize(["l'", "appalto", "(", "USAF", ")", "di", "40", "%", "."])
    "l'appalto (USAF) di 40%."
    """
    text = " ".join(tokens)
    text = re.sub(r" ([,.;:!?%)\]}])", r"\1", text)
    text = re.sub(r"([(\[{$]) ", r"\1", text)
    text = re.sub(r"(\w['’]) (?=\w)", r"\1", text)  # "l' appalto", "dall' avvio"
    text = re.sub(r" (n't|'s|'re|'ve|'ll|'d|'m)\b", r"\1", text)
    return text


def read_meantime(folder: str | Path, topics: set[str] | None = None) -> Iterator[MeantimeDoc]:
    """Every language version of every article under ``folder`` (``<lang>/meantime.conll``)."""
    folder = Path(folder)
    found = False
    for lang in LANGUAGES:
        path = folder / lang / "meantime.conll"
        if not path.exists():
            continue
        found = True
        sentences: dict[str, dict[int, list[str]]] = defaultdict(lambda: defaultdict(list))
        order: list[str] = []
        for line in path.read_text("utf-8").splitlines():
            m = _BEGIN.match(line)
            if m:
                order.append(m["doc"])
                continue
            cols = line.split("\t")
            if len(cols) >= 4 and not line.startswith("#"):
                sentences[cols[0]][int(cols[1])].append(cols[3])
        for doc in order:
            key = doc.removeprefix("corpus_")
            topic = key.split("/")[0]
            if topics is not None and topic not in topics:
                continue
            sents = tuple(detokenize(sentences[doc][k]) for k in sorted(sentences[doc]))
            yield MeantimeDoc(key, topic, lang, sents)
    if not found:
        raise InputError(f"{folder}: no MEANTIME files (<lang>/meantime.conll) found")
