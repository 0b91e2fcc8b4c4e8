"""Schema migrations: an ordered list, applied once each, recorded, safe to re-run."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

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

LATEST = MIGRATIONS[-1][0]


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def current_version(conn: sqlite3.Connection) -> int:
    """The highest migration recorded in ``conn`` (0 for a new database)."""
    conn.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations "
        "(version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
    )
    row = conn.execute("SELECT MAX(version) FROM schema_migrations").fetchone()
    return int(row[0] or 0)


def migrate(conn: sqlite3.Connection, label: str = "the store") -> list[int]:
    """Apply the migrations ``conn`` lacks, each in its own transaction; return their versions.

    >>> conn = sqlite3.connect(":memory:")
    >>> migrate(conn), migrate(conn)
    ([1, 2], [])
    """
    version = current_version(conn)
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
        except sqlite3.Error as exc:
            conn.execute("ROLLBACK")
            raise StoreError(f"{label}: migration {number} ({name}) failed: {exc}") from exc
        applied.append(number)
    return applied
