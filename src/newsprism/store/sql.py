"""The store in SQL: one implementation, two dialects (SQLite by default, PostgreSQL).

Queries are written once with ``?`` placeholders and standard upserts
(``INSERT … ON CONFLICT``), which SQLite and PostgreSQL both understand; a
small connection adapter turns placeholders into psycopg's ``%s``.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import re
import sqlite3
import uuid
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, Self

from ..errors import StoreError
from ..records import Analysis, Article, Skipped
from ..serialize import analysis_from_dict, article_from_dict, to_jsonable
from .migrations import migrate, now

_ARTICLE_COLUMNS = (
    "id, source, kind, url, title, outlet, published, language, text, credits, provenance, "
    "removed, raw_ref"
)


def raw_ref(raw: str) -> str:
    """The key of a raw input: SHA-256 of its text."""
    return hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()


class SQLStore:
    """Articles, raw inputs, evidence, runs, skips and stories in a SQL database."""

    db: _Adapter
    label: str

    def _open(self, db: _Adapter, label: str, dialect: str) -> None:
        self.db = db
        self.label = label
        self.dialect = dialect
        migrate(db, label=label, dialect=dialect)
        db.dialect = dialect

    # -- articles
    def save_articles(self, articles: Iterable[Article]) -> int:
        new = 0
        with self._tx():
            for a in articles:
                ref = raw_ref(a.raw)
                self.db.execute(
                    "INSERT INTO raw (raw_ref, raw) VALUES (?, ?) ON CONFLICT DO NOTHING",
                    (ref, a.raw),
                )
                cur = self.db.execute(
                    f"INSERT INTO articles ({_ARTICLE_COLUMNS}, added_at) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                    (
                        a.id,
                        a.source,
                        a.kind,
                        a.url,
                        a.title,
                        a.outlet,
                        a.published,
                        a.language,
                        a.text,
                        json.dumps(list(a.credits)),
                        json.dumps(to_jsonable(a.provenance)),
                        json.dumps(to_jsonable(a.removed)),
                        ref,
                        now(),
                    ),
                )
                new += cur.rowcount
        return new

    def _article(self, row: tuple[Any, ...]) -> Article:
        d = dict(zip([c.strip() for c in _ARTICLE_COLUMNS.split(",")], row, strict=True))
        d["credits"] = json.loads(d["credits"])
        d["provenance"] = json.loads(d["provenance"])
        d["removed"] = json.loads(d["removed"])
        raw = self.db.execute("SELECT raw FROM raw WHERE raw_ref = ?", (d["raw_ref"],))
        d["raw"] = raw.fetchone()[0]
        return article_from_dict(d)

    def get_article(self, article_id: str) -> Article | None:
        row = self.db.execute(
            f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        return None if row is None else self._article(row)

    def list_articles(self, limit: int | None = None, offset: int = 0) -> list[Article]:
        rows = self.db.execute(
            f"SELECT {_ARTICLE_COLUMNS} FROM articles ORDER BY rowid LIMIT ? OFFSET ?",
            (2**62 if limit is None else limit, offset),
        ).fetchall()
        return [self._article(r) for r in rows]

    def list_article_summaries(self, limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
        """Articles as lists show them, without loading a text or a raw input.

        The word count is computed in the database (PostgreSQL) or one row at a
        time (SQLite), so listing 500 long articles holds none of them in memory.
        """
        words = (
            r"COALESCE(array_length(regexp_split_to_array(btrim(a.text), '\s+'), 1), 0)"
            if self.dialect == "postgresql"
            else "newsprism_words(a.text)"
        )
        rows = self.db.execute(
            "SELECT a.id, a.title, a.outlet, a.published, a.language, a.source, a.url, "
            f"{words}, (SELECT story_id FROM story_articles WHERE article_id = a.id "
            "ORDER BY story_id LIMIT 1) FROM articles a ORDER BY a.rowid LIMIT ? OFFSET ?",
            (limit, offset),
        ).fetchall()
        keys = ("id", "title", "outlet", "published", "language", "source", "url", "words")
        return [
            {**dict(zip(keys, row[:8], strict=True)), "words": int(row[7]), "story_id": row[8]}
            for row in rows
        ]

    def article_ids(self) -> set[str]:
        return {r[0] for r in self.db.execute("SELECT id FROM articles")}

    def count_articles(self) -> int:
        return int(self.db.execute("SELECT COUNT(*) FROM articles").fetchone()[0])

    # -- evidence
    def save_analysis(self, analysis: Analysis) -> None:
        data = to_jsonable(analysis)
        data.pop("embeddings")
        a_id = analysis.article_id
        with self._tx():
            self.db.execute(
                "INSERT INTO analyses (article_id, data, embeddings, embedding_dim) "
                "VALUES (?, ?, ?, ?) ON CONFLICT (article_id) DO UPDATE SET "
                "data = excluded.data, embeddings = excluded.embeddings, "
                "embedding_dim = excluded.embedding_dim",
                (a_id, json.dumps(data), analysis.embeddings, analysis.embedding_dim),
            )

    def get_analysis(self, article_id: str) -> Analysis | None:
        row = self.db.execute(
            "SELECT data, embeddings FROM analyses WHERE article_id = ?", (article_id,)
        ).fetchone()
        if row is None:
            return None
        data = json.loads(row[0])
        data["embeddings"] = ""
        found = analysis_from_dict(data)
        return Analysis(
            **{f: getattr(found, f) for f in found.__dataclass_fields__ if f != "embeddings"},
            embeddings=bytes(row[1]),
        )

    def analyzed_ids(self) -> set[str]:
        return {r[0] for r in self.db.execute("SELECT article_id FROM analyses")}

    # -- runs
    def start_run(self, args: dict[str, Any]) -> str:
        run_id = uuid.uuid4().hex[:12]
        self.db.execute(
            "INSERT INTO runs (id, started_at, args) VALUES (?, ?, ?)",
            (run_id, now(), json.dumps(args, default=str)),
        )
        return run_id

    def finish_run(self, run_id: str, n_articles: int, n_skipped: int) -> None:
        self.db.execute(
            "UPDATE runs SET finished_at = ?, n_articles = ?, n_skipped = ? WHERE id = ?",
            (now(), n_articles, n_skipped, run_id),
        )

    def save_skipped(self, run_id: str, skipped: Iterable[Skipped]) -> None:
        with self._tx():
            self.db.executemany(
                "INSERT INTO skipped (run_id, source, reason) VALUES (?, ?, ?)",
                [(run_id, s.source, s.reason) for s in skipped],
            )

    def skipped_for(self, run_id: str) -> list[Skipped]:
        rows = self.db.execute(
            "SELECT source, reason FROM skipped WHERE run_id = ? ORDER BY rowid", (run_id,)
        )
        return [Skipped(s, r) for s, r in rows]

    # -- stories
    def save_story(
        self, story: dict[str, Any], article_ids: Iterable[str], dates: Iterable[str | None] = ()
    ) -> None:
        """Save (or replace) one story's JSON and its members; an article is in one story.

        ``dates`` are the members' publication dates (for the story list).
        """
        ids = list(article_ids)
        found = sorted(d for d in dates if d)
        with self._tx():
            self.db.execute(
                "INSERT INTO stories (id, headline, n_articles, first_published, "
                "last_published, updated_at, data) VALUES (?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (id) DO UPDATE SET headline = excluded.headline, "
                "n_articles = excluded.n_articles, first_published = excluded.first_published, "
                "last_published = excluded.last_published, updated_at = excluded.updated_at, "
                "data = excluded.data",
                (
                    story["id"],
                    story.get("headline"),
                    len(ids),
                    found[0] if found else None,
                    found[-1] if found else None,
                    now(),
                    json.dumps(story),
                ),
            )
            for a_id in ids:
                self.db.execute(
                    "INSERT INTO story_articles (article_id, story_id) VALUES (?, ?) "
                    "ON CONFLICT (article_id) DO UPDATE SET story_id = excluded.story_id",
                    (a_id, story["id"]),
                )

    def delete_story(self, story_id: str) -> None:
        with self._tx():
            self.db.execute("DELETE FROM story_articles WHERE story_id = ?", (story_id,))
            self.db.execute("DELETE FROM stories WHERE id = ?", (story_id,))

    def get_story(self, story_id: str) -> dict[str, Any] | None:
        row = self.db.execute("SELECT data FROM stories WHERE id = ?", (story_id,)).fetchone()
        return None if row is None else dict(json.loads(row[0]))

    def list_stories(self, limit: int | None = None, offset: int = 0) -> list[dict[str, Any]]:
        """Story summaries (id, headline, n_articles, dates), most recently updated first."""
        rows = self.db.execute(
            "SELECT id, headline, n_articles, first_published, last_published, updated_at "
            "FROM stories ORDER BY updated_at DESC, id LIMIT ? OFFSET ?",
            (2**62 if limit is None else limit, offset),
        ).fetchall()
        keys = ("id", "headline", "n_articles", "first_published", "last_published", "updated")
        return [dict(zip(keys, r, strict=True)) for r in rows]

    def count_stories(self) -> int:
        return int(self.db.execute("SELECT COUNT(*) FROM stories").fetchone()[0])

    def story_members(self, story_id: str) -> list[str]:
        rows = self.db.execute(
            "SELECT article_id FROM story_articles WHERE story_id = ? ORDER BY article_id",
            (story_id,),
        )
        return [r[0] for r in rows]

    def story_of(self, article_id: str) -> str | None:
        row = self.db.execute(
            "SELECT story_id FROM story_articles WHERE article_id = ?", (article_id,)
        ).fetchone()
        return None if row is None else str(row[0])

    def save_state(self, name: str, data: bytes) -> None:
        """Save a named blob of state (the incremental clusterer's)."""
        self.db.execute(
            "INSERT INTO cluster_state (name, data, updated_at) VALUES (?, ?, ?) "
            "ON CONFLICT (name) DO UPDATE SET data = excluded.data, "
            "updated_at = excluded.updated_at",
            (name, data, now()),
        )

    def load_state(self, name: str) -> bytes | None:
        row = self.db.execute("SELECT data FROM cluster_state WHERE name = ?", (name,)).fetchone()
        return None if row is None else bytes(row[0])

    # -- repair
    def unplaced_ids(self) -> list[str]:
        """Articles in no story (left by a crash of an older version, or by ``analyze
        --db`` interrupted before its stories were saved), in the order they were added."""
        rows = self.db.execute(
            "SELECT id FROM articles WHERE NOT EXISTS "
            "(SELECT 1 FROM story_articles s WHERE s.article_id = articles.id) ORDER BY rowid"
        )
        return [r[0] for r in rows]

    def broken_story_ids(self) -> list[str]:
        """Stories with no member, or saved as a stub (no ``article_ids`` in their JSON):
        what a pass killed between placing articles and reconciling their stories left."""
        rows = self.db.execute(
            "SELECT id FROM stories WHERE NOT EXISTS "
            "(SELECT 1 FROM story_articles s WHERE s.story_id = stories.id) "
            # a stub was saved without dates; only then is its JSON read, whose members
            # come right after its headline
            "OR (first_published IS NULL AND substr(data, 1, 1000) NOT LIKE ?) ORDER BY id",
            ('%"article_ids"%',),
        )
        return [r[0] for r in rows]

    # -- lifecycle
    def transaction(self) -> _Transaction:
        """One write transaction: what is written inside commits together or not at all;
        a transaction opened inside it joins it. Writers of one store take turns: SQLite
        begins IMMEDIATE (the write lock first, so no reader has to upgrade to a writer
        halfway), PostgreSQL takes a transaction-level advisory lock."""
        return _Transaction(self.db)

    def is_busy(self, exc: BaseException) -> bool:
        """Whether ``exc`` says another writer held the store: worth trying again."""
        return is_busy(exc)

    def _tx(self) -> _Transaction:
        return self.transaction()

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class _Adapter:
    """A DB-API connection in autocommit mode whose ``execute`` takes ``?`` placeholders."""

    def __init__(self, conn: Any, paramstyle: str = "qmark") -> None:
        self.conn = conn
        self.format = paramstyle == "format"
        self.dialect = "sqlite"
        self.depth = 0  # transactions open: only the outermost begins and ends one

    def _sql(self, sql: str) -> str:
        return sql.replace("%", "%%").replace("?", "%s") if self.format else sql

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self.conn.execute(self._sql(sql), tuple(params))

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        if self.format:
            with self.conn.cursor() as cur:
                cur.executemany(self._sql(sql), [tuple(r) for r in rows])
        else:
            self.conn.executemany(sql, rows)

    def close(self) -> None:
        self.conn.close()


# The advisory lock PostgreSQL writers take in turn (any fixed number; this one spells
# "nwsp").
_PG_WRITE_LOCK = 0x6E777370


class _Transaction:
    def __init__(self, db: _Adapter) -> None:
        self.db = db

    def __enter__(self) -> None:
        db = self.db
        if db.depth == 0:
            if db.dialect == "sqlite":
                db.execute("BEGIN IMMEDIATE")
            else:
                db.execute("BEGIN")
                try:
                    db.execute("SELECT pg_advisory_xact_lock(?)", (_PG_WRITE_LOCK,))
                except BaseException:
                    db.execute("ROLLBACK")
                    raise
        db.depth += 1

    def __exit__(self, exc_type: object, *rest: object) -> None:
        db = self.db
        db.depth -= 1
        if db.depth > 0:
            return
        if exc_type is not None:
            db.execute("ROLLBACK")
            return
        try:
            db.execute("COMMIT")
        except BaseException:
            with contextlib.suppress(Exception):
                db.execute("ROLLBACK")  # so the connection is not left in a transaction
            raise


def is_busy(exc: BaseException) -> bool:
    """Whether ``exc`` is a transient lock error of SQLite ("database is locked") or
    PostgreSQL (lock not available, serialization failure, deadlock).

    >>> is_busy(sqlite3.OperationalError("database is locked")), is_busy(ValueError())
    (True, False)
    """
    if isinstance(exc, sqlite3.OperationalError):
        message = str(exc).lower()
        return "locked" in message or "busy" in message
    code = getattr(getattr(exc, "diag", None), "sqlstate", None) or getattr(exc, "sqlstate", None)
    return code in {"55P03", "40001", "40P01"}


class SQLiteStore(SQLStore):
    """A store in one SQLite file (or ``:memory:``), migrated when opened.

    >>> with SQLiteStore(":memory:") as store:
    ...     store.count_articles()
    0
    """

    def __init__(self, path: str) -> None:
        self.path = path
        if path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        try:
            conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
            conn.execute("PRAGMA foreign_keys = ON")
            conn.create_function("newsprism_words", 1, _words, deterministic=True)
            if path != ":memory:":
                conn.execute("PRAGMA journal_mode = WAL")
                conn.execute("PRAGMA busy_timeout = 10000")
            self._open(_Adapter(conn), path, "sqlite")
        except sqlite3.DatabaseError as exc:
            raise StoreError(
                f"{path} is not a newsprism SQLite database ({exc}); "
                "choose another --db file or move this one away"
            ) from None


class PostgresStore(SQLStore):
    """A store in a PostgreSQL database (``postgresql://user@host:port/dbname``)."""

    def __init__(self, url: str) -> None:
        import psycopg

        self.url = url
        where = _redact(url)
        try:
            conn = psycopg.connect(url, autocommit=True, connect_timeout=10)
        except psycopg.Error as exc:
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise StoreError(f"cannot connect to {where}: {first}") from None
        self._open(_Adapter(conn, "format"), where, "postgresql")


def _words(text: str | None) -> int:
    """Words as the API counts them (whitespace-separated), for SQLite queries."""
    return len(text.split()) if text else 0


def _redact(url: str) -> str:
    """The URL without its password, for messages.

    >>> _redact("postgresql://ann:secret@db:5432/news")
    'postgresql://ann:***@db:5432/news'
    """
    return re.sub(r"(//[^:/@]+:)[^@]*@", r"\1***@", url)
