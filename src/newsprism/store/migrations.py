"""Schema migrations: an ordered list, applied once each, recorded, safe to re-run."""

from __future__ import annotations

import re
import sqlite3
from datetime import UTC, datetime
from typing import Any

from ..errors import StoreError

# (version, name, SQL). Append only: a released step is never edited.
MIGRATIONS: tuple[tuple[int, str, str], ...] = (
    (
        1,
        "articles, raw inputs, runs and skips",
        """
        CREATE TABLE raw (
            raw_ref TEXT PRIMARY KEY,
            raw TEXT NOT NULL
        );
        CREATE TABLE articles (
            id TEXT PRIMARY KEY,
            source TEXT NOT NULL,
            kind TEXT NOT NULL,
            url TEXT,
            title TEXT,
            outlet TEXT,
            published TEXT,
            language TEXT,
            text TEXT NOT NULL,
            credits TEXT NOT NULL,
            provenance TEXT NOT NULL,
            removed TEXT NOT NULL,
            raw_ref TEXT NOT NULL REFERENCES raw(raw_ref),
            added_at TEXT NOT NULL
        );
        CREATE INDEX articles_published ON articles(published);
        CREATE INDEX articles_outlet ON articles(outlet);
        CREATE TABLE runs (
            id TEXT PRIMARY KEY,
            started_at TEXT NOT NULL,
            finished_at TEXT,
            args TEXT NOT NULL,
            n_articles INTEGER,
            n_skipped INTEGER
        );
        CREATE TABLE skipped (
            run_id TEXT NOT NULL REFERENCES runs(id),
            source TEXT NOT NULL,
            reason TEXT NOT NULL
        );
        CREATE INDEX skipped_run ON skipped(run_id);
        """,
    ),
    (
        2,
        "evidence per article",
        """
        CREATE TABLE analyses (
            article_id TEXT PRIMARY KEY REFERENCES articles(id),
            data TEXT NOT NULL,
            embeddings BLOB NOT NULL,
            embedding_dim INTEGER NOT NULL
        );
        """,
    ),
)

# Stories (the clustering of articles) and the incremental clusterer's state.
_STORIES = """
        CREATE TABLE stories (
            id TEXT PRIMARY KEY,
            headline TEXT,
            n_articles INTEGER NOT NULL,
            first_published TEXT,
            last_published TEXT,
            updated_at TEXT NOT NULL,
            data TEXT NOT NULL
        );
        CREATE INDEX stories_updated ON stories(updated_at);
        CREATE TABLE story_articles (
            article_id TEXT PRIMARY KEY,
            story_id TEXT NOT NULL
        );
        CREATE INDEX story_articles_story ON story_articles(story_id);
        CREATE TABLE cluster_state (
            name TEXT PRIMARY KEY,
            data BLOB NOT NULL,
            updated_at TEXT NOT NULL
        )
        """
MIGRATIONS = (*MIGRATIONS, (3, "stories and clustering state", _STORIES))


def postgres_sql(sql: str) -> str:
    """A migration step in PostgreSQL's dialect: BYTEA for BLOB, an ordering column per table.

    SQLite orders rows by its implicit ``rowid``; PostgreSQL tables get an explicit
    ``rowid BIGSERIAL`` column so the same queries order the same way.

    >>> postgres_sql("CREATE TABLE t (\\n x BLOB\\n)")
    'CREATE TABLE t (rowid BIGSERIAL,\\n x BYTEA\\n)'
    """
    sql = sql.replace("BLOB", "BYTEA")
    return re.sub(r"CREATE TABLE (\w+) \(", r"CREATE TABLE \1 (rowid BIGSERIAL,", sql)


LATEST = MIGRATIONS[-1][0]


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def current_version(conn: Any) -> int:
    """The highest migration recorded in ``conn`` (0 for a new database)."""
    conn.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations "
        "(version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
    )
    row = conn.execute("SELECT MAX(version) FROM schema_migrations").fetchone()
    return int(row[0] or 0)


def migrate(conn: Any, label: str = "the store", dialect: str = "sqlite") -> list[int]:
    """Apply the migrations ``conn`` lacks, each in its own transaction; return their versions.

    ``conn`` is a sqlite3 connection (autocommit or not) or a store's connection
    adapter, whose ``execute`` takes ``?`` placeholders.

    >>> conn = sqlite3.connect(":memory:")
    >>> migrate(conn), migrate(conn)
    ([1, 2, 3], [])
    """
    version = current_version(conn)
    if isinstance(conn, sqlite3.Connection):
        conn.commit()
    if version > LATEST:
        raise StoreError(
            f"{label} was written by a newer newsprism (schema {version}, this one knows "
            f"{LATEST}); upgrade newsprism"
        )
    applied = []
    for number, name, sql in MIGRATIONS:
        if number <= version:
            continue
        if dialect == "postgresql":
            sql = postgres_sql(sql)
        try:
            conn.execute("BEGIN")
            for statement in sql.split(";"):
                if statement.strip():
                    conn.execute(statement)
            conn.execute(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                (number, name, now()),
            )
            conn.execute("COMMIT")
        except Exception as exc:
            conn.execute("ROLLBACK")
            raise StoreError(f"{label}: migration {number} ({name}) failed: {exc}") from exc
        applied.append(number)
    return applied
