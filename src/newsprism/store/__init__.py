"""Storage: SQLite by default, behind one :class:`Store` interface."""

from __future__ import annotations

from ..errors import UsageError
from .base import Store
from .sqlite import SQLiteStore


def open_store(url: str) -> Store:
    """Open (and migrate) the store at ``url``: a file path, ``sqlite:///path`` or ``:memory:``.

    >>> store = open_store(":memory:")
    >>> store.count_articles()
    0
    """
    if url.startswith(("postgresql://", "postgres://")):
        raise UsageError("PostgreSQL storage is not available yet; give a SQLite file path")
    if url.startswith("sqlite:///"):
        url = url[len("sqlite:///") :]
    elif url.startswith("sqlite://"):
        url = url[len("sqlite://") :] or ":memory:"
    return SQLiteStore(url)


__all__ = ["SQLiteStore", "Store", "open_store"]
