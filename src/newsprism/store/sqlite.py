"""The SQLite store: one file, no server, the default."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import uuid
from collections.abc import Iterable
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


class SQLiteStore:
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
            self.conn = sqlite3.connect(path, isolation_level=None)
            self.conn.execute("PRAGMA foreign_keys = ON")
            if path != ":memory:":
                self.conn.execute("PRAGMA journal_mode = WAL")
            migrate(self.conn, label=path)
        except sqlite3.DatabaseError as exc:
            raise StoreError(
                f"{path} is not a newsprism SQLite database ({exc}); "
                "choose another --db file or move this one away"
            ) from None

    # -- articles
    def save_articles(self, articles: Iterable[Article]) -> int:
        new = 0
        with self._tx():
            for a in articles:
                ref = raw_ref(a.raw)
                self.conn.execute(
                    "INSERT OR IGNORE INTO raw (raw_ref, raw) VALUES (?, ?)", (ref, a.raw)
                )
                cur = self.conn.execute(
                    f"INSERT OR IGNORE INTO articles ({_ARTICLE_COLUMNS}, added_at) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
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
        raw = self.conn.execute("SELECT raw FROM raw WHERE raw_ref = ?", (d["raw_ref"],))
        d["raw"] = raw.fetchone()[0]
        return article_from_dict(d)

    def get_article(self, article_id: str) -> Article | None:
        row = self.conn.execute(
            f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        return None if row is None else self._article(row)

    def list_articles(self, limit: int | None = None, offset: int = 0) -> list[Article]:
        rows = self.conn.execute(
            f"SELECT {_ARTICLE_COLUMNS} FROM articles ORDER BY rowid LIMIT ? OFFSET ?",
            (-1 if limit is None else limit, offset),
        ).fetchall()
        return [self._article(r) for r in rows]

    def count_articles(self) -> int:
        return int(self.conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0])

    # -- evidence
    def save_analysis(self, analysis: Analysis) -> None:
        data = to_jsonable(analysis)
        data.pop("embeddings")
        a_id = analysis.article_id
        with self._tx():
            self.conn.execute(
                "INSERT OR REPLACE INTO analyses (article_id, data, embeddings, embedding_dim) "
                "VALUES (?, ?, ?, ?)",
                (a_id, json.dumps(data), analysis.embeddings, analysis.embedding_dim),
            )

    def get_analysis(self, article_id: str) -> Analysis | None:
        row = self.conn.execute(
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
        return {r[0] for r in self.conn.execute("SELECT article_id FROM analyses")}

    # -- runs
    def start_run(self, args: dict[str, Any]) -> str:
        run_id = uuid.uuid4().hex[:12]
        self.conn.execute(
            "INSERT INTO runs (id, started_at, args) VALUES (?, ?, ?)",
            (run_id, now(), json.dumps(args, default=str)),
        )
        return run_id

    def finish_run(self, run_id: str, n_articles: int, n_skipped: int) -> None:
        self.conn.execute(
            "UPDATE runs SET finished_at = ?, n_articles = ?, n_skipped = ? WHERE id = ?",
            (now(), n_articles, n_skipped, run_id),
        )

    def save_skipped(self, run_id: str, skipped: Iterable[Skipped]) -> None:
        with self._tx():
            self.conn.executemany(
                "INSERT INTO skipped (run_id, source, reason) VALUES (?, ?, ?)",
                [(run_id, s.source, s.reason) for s in skipped],
            )

    def skipped_for(self, run_id: str) -> list[Skipped]:
        rows = self.conn.execute(
            "SELECT source, reason FROM skipped WHERE run_id = ? ORDER BY rowid", (run_id,)
        )
        return [Skipped(s, r) for s, r in rows]

    # -- lifecycle
    def _tx(self) -> _Transaction:
        return _Transaction(self.conn)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class _Transaction:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def __enter__(self) -> None:
        self.conn.execute("BEGIN")

    def __exit__(self, exc_type: object, *rest: object) -> None:
        self.conn.execute("ROLLBACK" if exc_type else "COMMIT")
