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
    repaired_ids: tuple[str, ...] = ()  # stored articles that were in no story until now

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
    stored stories when the store has none of its state, or a state that does not know
    every stored story, e.g. after ``analyze --db``), and every story that gained
    articles is reconciled again.

    The analysis runs first, outside any transaction; then everything the addition
    writes (articles, analyses, stories, the clusterer state) is one transaction, read
    and written while other writers wait, so a crash leaves the store as it was and two
    writers (``serve`` and ``watch``) lose nothing of each other. The same transaction
    repairs what an older crash left: articles in no story are placed, stories without
    members are removed, and stub stories are reconciled.
    """
    from .analyze.pipeline import analyze_articles
    from .store.retry import write

    say = progress or (lambda *_a: None)
    known = store.article_ids()
    new = [a for a in result.articles if a.id not in known]
    unplaced = [a for a in (store.get_article(i) for i in store.unplaced_ids()) if a]
    if not new and not unplaced and not store.broken_story_ids():
        return Pass((), result.skipped, (), store.count_stories())
    analyses = {a.id: x for a in unplaced if (x := store.get_analysis(a.id)) is not None}
    todo = new + [a for a in unplaced if a.id not in analyses]
    if todo:
        say(f"analyzing {len(todo)} new articles", 0, len(todo))
        for x in analyze_articles(
            todo, settings, processes=processes, engine=engine, scheduler=scheduler
        ):
            analyses[x.article_id] = x
    todo_ids = {a.id for a in todo}
    stored = {a.id for a in unplaced if a.id not in todo_ids}

    def one_transaction() -> Pass:
        return _write_pass(store, result, new, unplaced, analyses, stored)

    return write(store, one_transaction, say=lambda m: say(m))


def _write_pass(
    store: Store,
    result: IngestResult,
    new: list[Article],
    unplaced: list[Article],
    analyses: dict[str, Analysis],
    stored: set[str],
) -> Pass:
    """The writes of one pass, inside its transaction: everything read here is read
    again on a retry, after what another writer did meanwhile."""
    from .cluster import signature_of
    from .cluster.engine import dump_state

    present = store.article_ids()
    fresh = [a for a in new if a.id not in present]
    store.save_articles(fresh)
    for a in [*fresh, *unplaced]:
        if a.id not in stored and a.id in analyses:
            store.save_analysis(analyses[a.id])
    touched: dict[str, None] = {}
    for sid in store.broken_story_ids():
        if store.story_members(sid):
            touched[sid] = None  # a stub: reconciled again below
        else:
            store.delete_story(sid)
    still = set(store.unplaced_ids())
    placing = [a for a in [*fresh, *unplaced] if a.id in still]
    clusterer, story_ids = _clusterer(store)
    # in publication order, undated last: the order articles would have arrived in
    arrived = sorted(placing, key=lambda a: (a.published is None, a.published or ""))
    signatures = [signature_of(a, analyses.get(a.id)) for a in arrived]
    joined: dict[str, list[Article]] = {}
    for article, number in zip(arrived, _place(clusterer, signatures), strict=True):
        if number == len(story_ids):
            story_ids.append("story-" + article.id)
        sid = story_ids[number]
        touched[sid] = None
        joined.setdefault(sid, []).append(article)
    for sid in touched:
        _save_story(store, sid, joined.get(sid, []), analyses)
    if arrived or touched:
        store.save_state(STATE, dump_state(clusterer, story_ids))
    return Pass(
        tuple(a.id for a in fresh),
        result.skipped,
        tuple(touched),
        store.count_stories(),
        tuple(a.id for a in unplaced if a.id in still),
    )


def _save_story(
    store: Store, sid: str, joined: list[Article], analyses: dict[str, Analysis]
) -> None:
    """Reconcile story ``sid`` with its stored members and ``joined``, and save it whole
    (never a stub: a reader sees the story before or after, not halfway)."""
    from .reconcile import reconcile
    from .report import story_to_json

    members = [a for a in (store.get_article(i) for i in store.story_members(sid)) if a] + joined
    pairs: list[tuple[Article, Analysis]] = []
    for a in members:
        x = analyses.get(a.id) or store.get_analysis(a.id)
        if x is not None:
            pairs.append((a, x))
    if not pairs:
        # a stub whose members have no evidence (never analyzed): its members go back to
        # no story, and the next pass analyzes and places them
        store.delete_story(sid)
        return
    story = reconcile([a for a, _ in pairs], [x for _, x in pairs], story_id=sid)
    store.save_story(
        story_to_json(story), [a.id for a, _ in pairs], [a.published for a, _ in pairs]
    )


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
            clusterer, story_ids = load_state(saved)
        except StaleState:
            pass  # saved by an older layout: rebuilt from the stories below
        else:
            known = set(story_ids)
            if all(s["id"] in known for s in store.list_stories()):
                return clusterer, story_ids
            # stories saved by another writer (``analyze --db``) that the state does not
            # know: rebuilt from the stories below, so new articles can join them
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
