"""Reconcile: the cited account of one story.

:func:`reconcile` takes the articles of one story and their analyses and returns
a :class:`~newsprism.records.Story`: canonical entities, origins (who copied
whom), facts with their status, quotes compared across articles, a timeline and
ACLED-style events, and, when a primary source is named, how each article's
account differs from it.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from ..records import Analysis, Article, Span, Story
from ..runners import one_thread
from .entities import build_entities
from .events import build_events, timeline
from .facts import account, build_facts
from .origins import find_origins
from .place_codes import misread_codes, without_codes
from .primary import grade
from .quotes import group_quotes

__all__ = ["grade", "load", "reconcile"]


def reconcile(
    articles: Sequence[Article],
    analyses: Sequence[Analysis],
    *,
    primary_id: str | None = None,
    story_id: str = "s1",
) -> Story:
    """The reconciled story of ``articles`` (with their ``analyses``, same order).

    Example (needs the models or files named)::

        from newsprism import analyze
        report = analyze(["examples/"])
        story = report.stories[0]
        [(f.status, f.summary) for f in story.facts[:3]]
    """
    with one_thread():  # BLAS on one thread: the same sums wherever this runs
        return _reconcile(articles, analyses, primary_id, story_id)


def _reconcile(
    articles: Sequence[Article],
    analyses: Sequence[Analysis],
    primary_id: str | None,
    story_id: str,
) -> Story:
    entities, entity_of = build_entities(analyses)
    misread = misread_codes(entities)
    if misread:
        # a subdivision code the story's gazetteer reading puts in another country
        # ("Lima" alone as Peru's PE-LIM beside "Lima, Ohio") or reads
        # as a town of another division (a capital named like a state): dropped
        analyses = without_codes(analyses, misread)
        entities, entity_of = build_entities(analyses)
    origins = find_origins(articles, analyses)
    origin_of = {aid: o.id for o in origins for aid in o.article_ids}
    texts = {a.id: a.text for a in articles}
    published = {a.id: a.published for a in articles}
    facts = build_facts(analyses, texts, entity_of, origin_of, published)
    quotes = group_quotes(
        analyses, entities, entity_of, _quote_vectors(analyses), primary_id, texts
    )
    titled = [a.title for a in articles if a.title and a.id != primary_id]
    headline = titled[0] if titled else (facts[0].summary if facts else "")
    return Story(
        id=story_id,
        headline=headline,
        article_ids=tuple(a.id for a in articles),
        entities=entities,
        origins=origins,
        facts=facts,
        quotes=quotes,
        events=build_events(account(facts), entities),
        timeline=timeline(account(facts)),
        primary_id=primary_id,
        grades=grade(articles, account(facts), quotes, primary_id, analyses) if primary_id else (),
    )


def load() -> None:
    """Load what reconciling a story reads (the fitted models of alignment, relations,
    translations and event types, the place gazetteer) now, once per process: ~1 s of a
    run's serial part, done while the workers analyze (see report.run)."""
    from ..geo import resolve
    from . import align, claims, event_model, translations

    align.model()
    align.claim_model()
    claims.relation_model()
    translations.model()
    event_model.shipped_typer()
    resolve.load()


def _quote_vectors(analyses: Sequence[Analysis]) -> dict[Span, npt.NDArray[np.float32]] | None:
    quotes = [q for a in analyses for q in a.quotes]
    if len(analyses) < 2 or not quotes:
        return None
    from ..analyze.embed import embed_texts

    # each distinct text once (a reprinted quote is encoded once; a text's vector does
    # not depend on the others encoded with it)
    distinct = list(dict.fromkeys(q.text for q in quotes))
    vectors = dict(zip(distinct, embed_texts(distinct), strict=True))
    return {q.span: vectors[q.text] for q in quotes}
