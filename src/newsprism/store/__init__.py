"""Storage: SQLite by default, behind one :class:`Store` interface."""

from __future__ import annotations

from ..errors import UsageError
from .base import Store
from .sql import PostgresStore, SQLiteStore


def open_store(url: str) -> Store:
    """Open (and migrate) the store at ``url``.

    A file path, ``sqlite:///path`` or ``:memory:`` opens SQLite;
    ``postgresql://user:password@host:port/db`` opens PostgreSQL.

    >>> store = open_store(":memory:")
    >>> store.count_articles()
    0
    """
    if url.startswith(("postgresql://", "postgres://")):
        return PostgresStore(url)
    if "://" in url and not url.startswith("sqlite:"):
        scheme = url.split("://")[0]
        raise UsageError(
            f"unknown store {scheme!r}: give a file path, sqlite:///… or postgresql://…"
        )
    if url.startswith("sqlite:///"):
        url = url[len("sqlite:///") :]
    elif url.startswith("sqlite://"):
        url = url[len("sqlite://") :] or ":memory:"
    return SQLiteStore(url)


__all__ = ["PostgresStore", "SQLiteStore", "Store", "open_store"]
