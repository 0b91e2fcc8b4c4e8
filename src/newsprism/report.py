"""The report: what one run of newsprism found, and its JSON form (report v1).

:func:`run` is the library function behind ``newsprism analyze``: ingest the
paths, analyze the articles, optionally store them, and return a
:class:`Report`. :func:`report_to_json` turns it into the stable report JSON
contract described in DESIGN.md; ``schema/report-v1.json`` is its JSON Schema.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from typing import Any, BinaryIO

from ._version import __version__
from .config import Settings
from .records import Analysis, Article, Comparison, GeoFeature, Skipped, Story
from .serialize import to_jsonable
from .store.base import Store

SCHEMA_VERSION = 1
RESUME_BLOCK = 256  # articles analyzed between two saves to the store

ProgressFn = Callable[..., None]  # (message, done=None, total=None)


@dataclass(frozen=True)
class Report:
    """Articles read (cleaned, with metadata), what was skipped and why, and the evidence."""

    articles: tuple[Article, ...]
    skipped: tuple[Skipped, ...]
    analyses: dict[str, Analysis] = field(default_factory=dict)
    stories: tuple[Story, ...] = ()
    primary_id: str | None = None  # the article named as the primary source

    def article(self, article_id: str) -> Article:
        """The article with id ``article_id``; KeyError when there is none."""
        for a in self.articles:
            if a.id == article_id:
                return a
        raise KeyError(article_id)


def run(
    paths: Sequence[str],
    settings: Settings | None = None,
    *,
    stdin: BinaryIO | None = None,
    analyze: bool = True,
    processes: int | None = None,
    progress: ProgressFn | None = None,
    primary: str | None = None,
    engine: str = "process",
    scheduler: str | None = None,
    one_story: bool = False,
) -> Report:
    """Read ``paths`` and build a :class:`Report`; store it when ``settings.db`` is set.

    Articles are grouped into stories by the event they report (``one_story``
    puts them all in one). With a store, articles it has already analyzed are
    read back instead of analyzed again, so an interrupted run resumes.

    Example (needs the models or files named)::

        report = run(["examples/"], analyze=False)
        [a.outlet for a in report.articles]
    """
    from .ingest import ingest, ingest_with_primary
    from .runners import check_engine, check_workers

    check_engine(engine)
    check_workers(processes)
    settings = settings or Settings()
    say = progress or (lambda *_args: None)
    say("reading inputs")
    primary_id = None
    if primary is None:
        result = ingest(paths, settings, stdin=stdin)
    else:
        # the primary source joins the story as its reference, cleaned with the batch
        result, primary_id = ingest_with_primary(paths, primary, settings, stdin=stdin)
    store = None
    if settings.db:
        from .store import open_store

        store = open_store(settings.db)
    try:
        analyses: dict[str, Analysis] = {}
        if analyze and result.articles:
            analyses = _analyses(
                result.articles, settings, store, processes, engine, scheduler, say
            )
        stories: tuple[Story, ...] = ()
        if analyses:
            stories = _stories(result.articles, analyses, primary_id, one_story, say)
        report = Report(result.articles, result.skipped, analyses, stories, primary_id)
        if store is not None:
            say(f"storing in {settings.db}")
            _save(store, report, {"paths": list(paths), "date": settings.date})
    finally:
        if store is not None:
            store.close()
    return report


def _analyses(
    articles: Sequence[Article],
    settings: Settings,
    store: Store | None,
    processes: int | None,
    engine: str,
    scheduler: str | None,
    say: ProgressFn,
) -> dict[str, Analysis]:
    from .analyze.pipeline import analyze_articles

    # Embeddings serve to compare articles and sentences: only worth it for several.
    embed = len(articles) > 1
    analyses: dict[str, Analysis] = {}
    if store is not None:
        done = store.analyzed_ids()
        for a in articles:
            if a.id in done:
                found = store.get_analysis(a.id)
                if found is not None and (found.embeddings or not embed):
                    analyses[a.id] = found
        if analyses:
            say(f"{len(analyses)} articles already analyzed in the store")
    todo = [a for a in articles if a.id not in analyses]
    if processes is None:
        # A worker pays ~2 s to load the models: only worth it for larger batches.
        processes = 1 if len(todo) < 50 and engine == "process" else (os.cpu_count() or 1)
    by_id = {a.id: a for a in todo}
    # Blocks, each stored when done: an interrupted run resumes where it stopped.
    block = RESUME_BLOCK if store is not None else max(len(todo), 1)
    for start in range(0, len(todo), block):
        part = todo[start : start + block]
        say(f"analyzing {len(todo)} articles", start, len(todo))
        for analysis in analyze_articles(
            part,
            settings,
            processes=processes,
            embed=embed,
            engine=engine,
            scheduler=scheduler,
            # while the workers analyze, this process loads what comes after
            meanwhile=lambda: _warm({a.language for a in articles}),
        ):
            analyses[analysis.article_id] = analysis
            if store is not None:
                store.save_articles([by_id[analysis.article_id]])
                store.save_analysis(analysis)
    if todo:
        say(f"analyzing {len(todo)} articles", len(todo), len(todo))
    return analyses


def _warm(languages: set[str | None]) -> None:
    """Load what clustering and reconciliation read (stop and calendar words, the
    sentence encoder, the spaCy pipeline, the fitted models and the place gazetteer),
    each loaded once per process: ~4 s of a run's serial part, done while the workers
    analyze (loaded twice in a run of several blocks: a no-op). A failure here is left
    to the stage that needs what failed to load."""
    from . import reconcile
    from .analyze import embed
    from .analyze.nlp import load_nlp
    from .cluster import features

    try:
        features.calendar_words()
        for language in sorted(languages, key=str):
            features.stop_words(language)
        embed.load_model()
        load_nlp()
        reconcile.load()
    except Exception:  # see the docstring
        return


def _stories(
    articles: Sequence[Article],
    analyses: dict[str, Analysis],
    primary_id: str | None,
    one_story: bool,
    say: ProgressFn,
) -> tuple[Story, ...]:
    from .cluster import cluster_articles
    from .reconcile import reconcile

    analyzed = [a for a in articles if a.id in analyses]
    if one_story or len(analyzed) < 2:
        groups = [analyzed]
    else:
        say("grouping articles into stories")
        groups = cluster_articles(analyzed, analyses)
        if primary_id is not None:
            # the primary source anchors the story it joined: that story comes first
            groups.sort(key=lambda g: primary_id not in {a.id for a in g})
    say(f"reconciling {len(groups)} stories")
    return tuple(
        reconcile(
            group,
            [analyses[a.id] for a in group],
            primary_id=primary_id if any(a.id == primary_id for a in group) else None,
            story_id=f"s{n}",
        )
        for n, group in enumerate(groups, 1)
    )


def _save(store: Store, report: Report, args: dict[str, Any]) -> None:
    """The run, its articles, evidence, stories and skips in one transaction (retried
    when another writer holds the store): a run killed while saving leaves no half."""
    from .store.retry import write

    def save() -> None:
        run_id = store.start_run(args)
        store.save_articles(report.articles)
        known = store.analyzed_ids()
        for analysis in report.analyses.values():
            if analysis.article_id not in known:
                store.save_analysis(analysis)
        for story in report.stories:
            members = [report.article(s) for s in _members(story)]
            data = story_to_json(story)
            data["id"] = stable_story_id(story)
            store.save_story(data, [a.id for a in members], [a.published for a in members])
        store.save_skipped(run_id, report.skipped)
        store.finish_run(run_id, len(report.articles), len(report.skipped))

    write(store, save)


def _members(story: Story) -> list[str]:
    return list(story.article_ids)


def stable_story_id(story: Story) -> str:
    """A store key for a story that does not depend on the run: its earliest member's id."""
    return "story-" + min(story.article_ids)


def origin_of(article: Article, stories: Sequence[Story] = ()) -> str:
    """The origin group of an article: articles sharing one are not independent."""
    for story in stories:
        for origin in story.origins:
            if article.id in origin.article_ids:
                return origin.id
    return "origin-" + article.id


def analysis_to_json(analysis: Analysis) -> dict[str, Any]:
    """The per-article ``analysis`` block: every item with its start/end into ``text``.

    Embeddings are left out of JSON (they live in the store); their dimension is kept.
    """

    def items(records: Sequence[Any]) -> list[dict[str, Any]]:
        out = []
        for r in records:
            d = to_jsonable(r)
            span = d.pop("span")
            d["start"], d["end"] = span["start"], span["end"]
            for key in ("speaker_span", "source_span"):
                if key in d and d[key] is not None:
                    d[key] = [d[key]["start"], d[key]["end"]]
            out.append(d)
        return out

    return {
        "sentences": [[s.span.start, s.span.end] for s in analysis.sentences],
        "mentions": items(analysis.mentions),
        "quantities": items(analysis.quantities),
        "times": items(analysis.times),
        "quotes": items(analysis.quotes),
        "attributions": items(analysis.attributions),
        "embedding_dim": analysis.embedding_dim,
        "notes": list(analysis.notes),
    }


def article_to_json(
    article: Article, analysis: Analysis | None = None, stories: Sequence[Story] = ()
) -> dict[str, Any]:
    """One entry of the report's ``articles`` list."""
    out: dict[str, Any] = {
        "id": article.id,
        "source": article.source,
        "title": article.title,
        "outlet": article.outlet,
        "published": article.published,
        "language": article.language,
        "credits": list(article.credits),
        "origin": origin_of(article, stories),
        "text": article.text,
        "url": article.url,
        "kind": article.kind,
        "metadata": [to_jsonable(p) for p in article.provenance],
        "removed": [{"reason": why, "text": line} for why, line in article.removed],
    }
    if analysis is not None:
        out["analysis"] = analysis_to_json(analysis)
    return out


def report_to_json(report: Report) -> dict[str, Any]:
    """The report as report JSON v1 (see DESIGN.md and ``schema/report-v1.json``)."""
    return {
        "schema_version": SCHEMA_VERSION,
        "generator": f"newsprism {__version__}",
        "articles": [
            {
                **article_to_json(a, report.analyses.get(a.id), report.stories),
                "role": "primary" if a.id == report.primary_id else "report",
            }
            for a in report.articles
        ],
        "skipped": [{"source": s.source, "reason": s.reason} for s in report.skipped],
        "stories": [story_to_json(s) for s in report.stories],
    }


def _cite(span: Any, text: str) -> dict[str, Any]:
    return {"article_id": span.article_id, "text": text, "start": span.start, "end": span.end}


def geo_json(g: GeoFeature | None) -> dict[str, Any] | None:
    """An entity's gazetteer feature as report JSON (null when unresolved)."""
    if g is None:
        return None
    return {"geonameid": g.geonameid or None, "name": g.name, "latitude": g.latitude,
            "longitude": g.longitude, "feature_class": g.feature_class,
            "feature_code": g.feature_code, "country_code": g.country_code,
            "admin1": g.admin1, "admin1_name": g.admin1_name, "admin2": g.admin2,
            "population": g.population}  # fmt: skip


def _comparison(c: Comparison) -> dict[str, Any]:
    return {
        "slot": c.slot,
        "relation": c.relation,
        "groups": [
            {"value": g.value, "article_ids": list(g.article_ids),
             "spans": [{"article_id": s.article_id, "start": s.start, "end": s.end}
                       for s in g.spans]}
            for g in c.groups
        ],
    }  # fmt: skip


def story_to_json(story: Story) -> dict[str, Any]:
    """One entry of the report's ``stories`` list (DESIGN.md, report JSON v1)."""
    return {
        "id": story.id,
        "headline": story.headline,
        "article_ids": list(story.article_ids),
        "entities": [
            {"id": e.id, "name": e.name, "type": e.type, "aliases": list(e.aliases),
             "place": e.place, "mentions": len(e.mentions), "geo": geo_json(e.geo)}
            for e in story.entities
        ],
        "origins": [
            {"id": o.id, "article_ids": list(o.article_ids),
             "copies": [{"article_id": a, "from": b, "evidence": ev} for a, b, ev in o.copies]}
            for o in story.origins
        ],
        "facts": [
            {"id": f.id, "summary": f.summary, "status": f.status,
             "independent_sources": f.independent_sources,
             "statements": [_cite(st.span, st.text) for st in f.statements],
             "note": f.note, "origins": list(f.origins), "differences": list(f.differences),
             "date_start": f.date_start, "date_end": f.date_end,
             "comparisons": [_comparison(c) for c in f.comparisons]}
            for f in story.facts
        ],
        "quotes": [
            {"id": q.id, "speaker": q.speaker, "speaker_entity": q.speaker_entity,
             "renderings": [{**_cite(r.span, r.text), "relation": r.relation, "kind": r.kind,
                             "diff": r.diff, "flag": r.flag} for r in q.renderings]}
            for q in story.quotes
        ],
        "events": [
            {"id": e.id, "date_start": e.date_start, "date_end": e.date_end,
             "event_type": e.event_type, "sub_event_type": e.sub_event_type,
             "actors": list(e.actors), "country": e.country, "admin1": e.admin1,
             "location": e.location, "fatalities": e.fatalities, "fact_ids": list(e.fact_ids),
             "latitude": e.latitude, "longitude": e.longitude,
             "geo_precision": e.geo_precision, "time_precision": e.time_precision}
            for e in story.events
        ],
        "timeline": [
            {"date_start": t.date_start, "date_end": t.date_end, "summary": t.summary,
             "fact_ids": list(t.fact_ids)}
            for t in story.timeline
        ],
        "primary": None if story.primary_id is None else {
            "article_id": story.primary_id,
            "grades": [
                {"article_id": g.article_id, "matching": list(g.matching),
                 "changed": [{"fact_id": f, "what": w} for f, w in g.changed],
                 "added": list(g.added),
                 "quotes_changed": [{"quote_id": q, "what": w} for q, w in g.quotes_changed]}
                for g in story.grades
            ],
        },
    }  # fmt: skip


def report_schema() -> dict[str, Any]:
    """The JSON Schema of report v1, as shipped with the package."""
    text = resources.files("newsprism").joinpath("schema/report-v1.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema
