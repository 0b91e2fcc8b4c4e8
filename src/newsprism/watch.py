"""Keep stories up to date as articles arrive (``newsprism watch``).

Each pass reads the inputs (folders, files, feed or page URLs), keeps the
articles the store does not have yet, analyzes them, assigns each to a story
with the incremental clusterer (its state lives in the store, so a restart
resumes where it stopped), and re-reconciles every story that gained articles. The
articles of one pass are first grouped as ``analyze`` groups a batch; each group then
joins a stored story or opens one.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .config import Settings
from .records import Analysis, Article, IngestResult, Skipped
from .store.base import Store

if TYPE_CHECKING:
    from .cluster.engine import StoryClusterer
    from .cluster.features import Signature

STATE = "story-clusterer"


@dataclass(frozen=True)
class Pass:
    """What one pass over the inputs did."""

    new_ids: tuple[str, ...]  # the articles the store did not have before
    skipped: tuple[Skipped, ...]
    stories_updated: tuple[str, ...]
    stories_total: int

    @property
    def new_articles(self) -> int:
        return len(self.new_ids)


def update_stories(
    paths: Sequence[str],
    settings: Settings,
    store: Store,
    *,
    processes: int = 1,
    engine: str = "process",
    scheduler: str | None = None,
    progress: Callable[..., None] | None = None,
) -> Pass:
    """One pass: ingest ``paths``, add what is new to the store and to its stories."""
    from .ingest import ingest

    result = ingest(paths, settings)
    return add_articles(
        result,
        settings,
        store,
        processes=processes,
        engine=engine,
        scheduler=scheduler,
        progress=progress,
    )


def add_articles(
    result: IngestResult,
    settings: Settings,
    store: Store,
    *,
    processes: int = 1,
    engine: str = "process",
    scheduler: str | None = None,
    progress: Callable[..., None] | None = None,
) -> Pass:
    """Add the new articles of ``result`` to the store and to its stories.

    Articles the store already has are left as they are. Each new one joins the
    story the incremental clusterer assigns it (the clusterer is rebuilt from the
    stored stories when the store has none of its state, e.g. after ``analyze
    --db``), and every story that gained articles is reconciled again.
    """
    from .analyze.pipeline import analyze_articles
    from .cluster import signature_of
    from .cluster.engine import dump_state
    from .reconcile import reconcile
    from .report import story_to_json

    say = progress or (lambda *_a: None)
    known = store.article_ids()
    new = [a for a in result.articles if a.id not in known]
    if not new:
        return Pass((), result.skipped, (), store.count_stories())
    say(f"analyzing {len(new)} new articles", 0, len(new))
    analyses = {
        x.article_id: x
        for x in analyze_articles(
            new, settings, processes=processes, engine=engine, scheduler=scheduler
        )
    }
    store.save_articles(new)
    for analysis in analyses.values():
        store.save_analysis(analysis)
    clusterer, story_ids = _clusterer(store)
    # in publication order, undated last: the order articles would have arrived in
    arrived = sorted(new, key=lambda a: (a.published is None, a.published or ""))
    signatures = [signature_of(a, analyses.get(a.id)) for a in arrived]
    numbers = _place(clusterer, signatures)
    touched: dict[str, None] = {}
    for article, number in zip(arrived, numbers, strict=True):
        if number == len(story_ids):
            story_ids.append("story-" + article.id)
        sid = story_ids[number]
        touched[sid] = None
        store.save_story({"id": sid, "headline": article.title}, [article.id], [])
    store.save_state(STATE, dump_state(clusterer, story_ids))
    for sid in touched:
        members = [a for a in (store.get_article(i) for i in store.story_members(sid)) if a]
        found = [(a, store.get_analysis(a.id)) for a in members]
        pairs: list[tuple[Article, Analysis]] = [(a, x) for a, x in found if x is not None]
        story = reconcile([a for a, _ in pairs], [x for _, x in pairs], story_id=sid)
        data = story_to_json(story)
        store.save_story(data, [a.id for a, _ in pairs], [a.published for a, _ in pairs])
    return Pass(tuple(a.id for a in new), result.skipped, tuple(touched), store.count_stories())


def _place(clusterer: StoryClusterer, signatures: list[Signature]) -> list[int]:
    """Story numbers of the articles of one pass.

    Articles that arrived together are grouped as ``analyze`` groups a batch (exact linkage
    sees them all at once); each group then joins the stored story its members resemble most
    on average (see :meth:`StoryClusterer.closest`), or opens one. Into an empty store this
    gives ``analyze``'s stories.
    """
    from .cluster import cluster_signatures

    groups: dict[int, list[int]] = {}
    for i, label in enumerate(cluster_signatures(signatures)):
        groups.setdefault(label, []).append(i)
    stored = clusterer.size
    homes = {
        label: clusterer.closest([signatures[i] for i in rows]) if stored else None
        for label, rows in groups.items()
    }
    numbers = [0] * len(signatures)
    for label, rows in groups.items():
        home = homes[label]
        target = clusterer.size if home is None else home
        for i in rows:
            numbers[i] = clusterer.add(signatures[i], story=target)
    return numbers


def _clusterer(store: Store) -> tuple[StoryClusterer, list[str]]:
    """The store's clusterer; rebuilt from its stories when it has none saved (or one saved
    by a version whose signatures meant something else)."""
    from .cluster import signature_of
    from .cluster.engine import StaleState, StoryClusterer, load_state

    saved = store.load_state(STATE)
    if saved:
        try:
            return load_state(saved)
        except StaleState:
            pass  # saved by an older layout: rebuilt from the stories below
    clusterer, story_ids = StoryClusterer(), []
    for summary in reversed(store.list_stories()):  # oldest first
        members = [
            a for a in (store.get_article(i) for i in store.story_members(summary["id"])) if a
        ]
        if not members:
            continue
        number = clusterer.size
        story_ids.append(summary["id"])
        for article in members:
            clusterer.add(signature_of(article, store.get_analysis(article.id)), story=number)
    return clusterer, story_ids
