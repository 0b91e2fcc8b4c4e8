"""Writes that retry when another writer holds the store.

``serve`` and ``watch`` may write one store at once. Their writes take turns (see
:meth:`SQLStore.transaction`), and SQLite waits ``busy_timeout`` (10 s) for the other
writer; a write that still finds the store locked is tried again from the start, after
a pause that doubles each time, instead of failing the pass.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

from .base import Store

T = TypeVar("T")

ATTEMPTS = 6
FIRST_PAUSE = 0.5  # seconds; then 1, 2, 4, 8: about 15 s of pauses beside the waits


def write(
    store: Store,
    fn: Callable[[], T],
    *,
    attempts: int = ATTEMPTS,
    pause: float = FIRST_PAUSE,
    say: Callable[[str], None] | None = None,
) -> T:
    """``fn()`` in one transaction of ``store``, tried again (from the start, so ``fn``
    must read what it depends on inside) when the store is busy.

    >>> from newsprism.store import open_store
    >>> with open_store(":memory:") as store:
    ...     write(store, store.count_articles)
    0
    """
    for attempt in range(attempts):
        try:
            with store.transaction():
                return fn()
        except Exception as exc:
            if attempt == attempts - 1 or not store.is_busy(exc):
                raise
            wait = pause * 2**attempt
            if say is not None:
                say(f"the store is busy ({exc}); trying again in {wait:g} s")
            time.sleep(wait)
    raise AssertionError("unreachable")  # pragma: no cover
