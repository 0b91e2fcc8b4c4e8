"""What the web app does, apart from HTTP: read the store, add articles to it.

One store connection per worker thread (SQLite and psycopg connections are
cheap to keep and not safe to share); additions are serialised by a lock, as
the incremental clusterer's state is one record.

Fetching URLs and adding articles run on pools of their own, not on the
threads that answer requests: a request waiting for a slow URL or for its turn
to write holds no request worker, so reads (and ``/api/health``) stay quick
while 45 URLs trickle in. Each pool takes a bounded queue; beyond it a request
is refused with 503 rather than left to pile up.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, TypeVar

from ..config import Settings
from ..records import Article, IngestResult
from ..store.base import Store
from .errors import ApiError
from .inputs import check_count


@dataclass(frozen=True)
class Added:
    """What one addition did: articles new to the store, ones it had, inputs skipped."""

    added: tuple[Article, ...]
    existing: tuple[Article, ...]
    skipped: tuple[tuple[str, str], ...]
    stories: tuple[str, ...]  # the stories the articles are now in (first: the first article's)
    story_of: dict[str, str]  # article id -> story id


T = TypeVar("T")


class Pool:
    """A few threads for one kind of slow work, with a bounded queue (503 beyond it)."""

    def __init__(self, name: str, workers: int, queue: int, busy: str) -> None:
        self._executor = ThreadPoolExecutor(max(1, workers), thread_name_prefix=f"newsprism-{name}")
        self._slots = threading.BoundedSemaphore(max(1, workers) + max(0, queue))
        self._busy = busy

    async def run(self, fn: Callable[..., T], *args: Any) -> T:
        """``fn(*args)`` on the pool, awaited without holding a request worker."""
        if not self._slots.acquire(blocking=False):
            # the message says "in a minute"; the header says it to clients that retry
            raise ApiError(503, "busy", self._busy, {"Retry-After": "60"})
        try:
            job = self._executor.submit(fn, *args)
        except RuntimeError:  # shut down
            self._slots.release()
            raise ApiError(503, "busy", "the server is stopping") from None
        # the slot is free when the work ends, not when a client stops waiting for it
        job.add_done_callback(lambda _: self._slots.release())
        return await asyncio.wrap_future(job)

    def close(self) -> None:
        self._executor.shutdown(wait=False, cancel_futures=True)


@dataclass
class Service:
    """The store behind the web app and the operations the routes call."""

    db: str
    settings: Settings
    _local: threading.local = field(default_factory=threading.local)
    _lock: threading.Lock = field(default_factory=threading.Lock)  # one addition at a time
    _open_lock: threading.Lock = field(default_factory=threading.Lock)
    _opened: list[Store] = field(default_factory=list)
    fetches: Pool = field(init=False)
    writes: Pool = field(init=False)

    def __post_init__(self) -> None:
        n = self.settings.fetch_workers
        # as many wait as run: a waiting fetch starts within one deadline (http_deadline)
        self.fetches = Pool("fetch", n, n, "too many URLs are being fetched; try again in a minute")
        self.writes = Pool(
            "write", 1, 16, "too many additions are waiting their turn; try again in a minute"
        )

    def store(self) -> Store:
        """This thread's connection to the store (opened, and migrated, on first use)."""
        store: Store | None = getattr(self._local, "store", None)
        if store is None:
            from ..store import open_store

            store = open_store(self.db)
            self._local.store = store
            with self._open_lock:
                self._opened.append(store)
        return store

    def close(self) -> None:
        self.fetches.close()
        self.writes.close()
        with self._open_lock:
            for store in self._opened:
                with contextlib.suppress(Exception):
                    store.close()
            self._opened.clear()

    # -- reads --------------------------------------------------------------------
    def story(self, story_id: str) -> dict[str, Any]:
        data = self.store().get_story(story_id)
        if data is None or "article_ids" not in data:
            raise ApiError(404, "not_found", f"no story with id {story_id!r}")
        return data

    def article(self, article_id: str) -> Article:
        article = self.store().get_article(article_id)
        if article is None:
            raise ApiError(404, "not_found", f"no article with id {article_id!r}")
        return article

    def story_articles(self, story: dict[str, Any]) -> list[dict[str, Any]]:
        """The story's articles as report JSON entries (text and metadata, no analysis)."""
        from ..report import article_to_json

        found = (self.store().get_article(aid) for aid in story["article_ids"])
        return [article_to_json(a) for a in found if a is not None]

    # -- writes -------------------------------------------------------------------
    def add(self, result: IngestResult) -> Added:
        """Store the new articles of ``result``, analyze them and update their stories."""
        from ..watch import add_articles

        check_count(len(result.articles))
        if not result.articles:
            reasons = "; ".join(f"{s.source}: {s.reason}" for s in result.skipped)
            raise ApiError(422, "no_article", f"no article could be read ({reasons or 'no input'})")
        with self._lock:
            store = self.store()
            done = add_articles(result, self.settings, store, processes=1, engine="inprocess")
            story_of = {a.id: s for a in result.articles if (s := store.story_of(a.id))}
        new = set(done.new_ids)
        return Added(
            added=tuple(a for a in result.articles if a.id in new),
            existing=tuple(a for a in result.articles if a.id not in new),
            skipped=tuple((s.source, s.reason) for s in result.skipped),
            stories=tuple(
                dict.fromkeys(story_of[a.id] for a in result.articles if a.id in story_of)
            ),
            story_of=story_of,
        )


def slice_page(items: Sequence[Any], limit: int, offset: int, path: str) -> dict[str, Any]:
    """One page of a list held in memory (a story's facts, quotes, events)."""
    return page_of(items[offset : offset + limit], len(items), limit, offset, path)


def page_of(items: Sequence[Any], total: int, limit: int, offset: int, path: str) -> dict[str, Any]:
    """The pagination envelope every list endpoint returns; ``path`` may carry a query."""
    sep = "&" if "?" in path else "?"
    nxt = f"{path}{sep}limit={limit}&offset={offset + limit}" if offset + limit < total else None
    prev = f"{path}{sep}limit={limit}&offset={max(0, offset - limit)}" if offset > 0 else None
    return {
        "items": list(items),
        "total": total,
        "limit": limit,
        "offset": offset,
        "next": nxt,
        "previous": prev,
    }
