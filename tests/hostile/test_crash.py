"""Crash safety of the store: a ``watch`` pass or a web addition killed (SIGKILL) at any
point of its writes leaves a store where, after a restart, every article is in exactly
one story, every story is whole and the clusterer state knows them all; a pass repairs
what an older version's crash left; two writers (``serve`` and ``watch``) lose nothing
of each other; a store locked by another writer is waited for, not a failed pass."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from newsprism.config import Settings
from newsprism.store import open_store
from newsprism.watch import STATE, update_stories

from .make import ESCAPE, EXAMPLES, ROOT, run_measured

SCRIPT = Path(__file__).with_name("crash_pass.py")


def _inputs(folder: Path, examples: slice, escape: slice) -> Path:
    """Reports of two events: some of the examples and some of the escape story."""
    folder.mkdir(parents=True)
    for p in sorted(EXAMPLES.glob("*.txt"))[examples] + sorted(ESCAPE.glob("*.txt"))[escape]:
        shutil.copy(p, folder / p.name)
    return folder


def _run(*args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.run(
        [sys.executable, str(SCRIPT), *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
    )


def assert_whole(db: Path) -> dict[str, list[str]]:
    """The store passes SQLite's integrity check; every article is in exactly one story,
    every story has members, names them in its JSON and is known to the clusterer."""
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        articles = {r[0] for r in conn.execute("SELECT id FROM articles")}
        analyzed = {r[0] for r in conn.execute("SELECT article_id FROM analyses")}
        placed = dict(conn.execute("SELECT article_id, story_id FROM story_articles"))
        stories = {i: json.loads(d) for i, d in conn.execute("SELECT id, data FROM stories")}
    finally:
        conn.close()
    assert analyzed == articles
    assert set(placed) == articles, "articles in no story"
    members: dict[str, list[str]] = {}
    for a, s in placed.items():
        members.setdefault(s, []).append(a)
    assert set(members) == set(stories), "stories without members, or members of none"
    for sid, data in stories.items():
        assert sorted(data["article_ids"]) == sorted(members[sid]), sid
    if stories:
        from newsprism.cluster.engine import load_state

        with open_store(str(db)) as store:
            saved = store.load_state(STATE)
        assert saved is not None
        clusterer, story_ids = load_state(saved)
        assert set(stories) <= set(story_ids)
        assert int(clusterer.n[: clusterer.size].sum()) == len(articles)
    return members


# (point, nth call): where the pass is killed. save_story 2 is the second story written;
# commit is after every write, just before the transaction commits.
KILL_POINTS = [("save_articles", 1), ("save_analysis", 2), ("save_story", 2), ("commit", 1)]


@pytest.mark.parametrize(("point", "nth"), KILL_POINTS)
def test_watch_killed_mid_pass_is_whole_after_a_restart(
    tmp_path: Path, point: str, nth: int
) -> None:
    folder = _inputs(tmp_path / "in", slice(0, 3), slice(0, 2))
    db = tmp_path / "store.db"
    done = _run("watch", str(db), str(folder), point, str(nth), "kill")
    assert done.returncode == -9, done.stderr[-2000:]
    assert_whole(db)  # killed: nothing of the pass, or all of it
    with open_store(str(db)) as store:
        again = update_stories([str(folder)], Settings(), store, engine="inprocess")
    members = assert_whole(db)
    assert sum(len(m) for m in members.values()) == 5
    assert again.new_articles + len(again.repaired_ids) <= 5


@pytest.mark.parametrize(("point", "nth"), [("save_analysis", 1), ("commit", 1)])
def test_a_web_addition_killed_midway_leaves_a_whole_store(
    tmp_path: Path, point: str, nth: int
) -> None:
    first = _inputs(tmp_path / "first", slice(0, 2), slice(0, 0))
    second = _inputs(tmp_path / "second", slice(2, 3), slice(0, 2))
    db = tmp_path / "store.db"
    assert _run("web", str(db), str(first), "none", "0", "none").returncode == 0
    before = assert_whole(db)
    done = _run("web", str(db), str(second), point, str(nth), "kill")
    assert done.returncode == -9, done.stderr[-2000:]
    assert assert_whole(db) == before  # the addition was all or nothing: here nothing
    assert _run("web", str(db), str(second), "none", "0", "none").returncode == 0
    assert sum(len(m) for m in assert_whole(db).values()) == 5


def test_a_pass_repairs_what_an_older_crash_left(tmp_path: Path) -> None:
    """An older version killed mid-pass left analyzed articles in no story and a stub
    story (no members named in its JSON); the next pass places and reconciles them."""
    from newsprism.analyze import analyze_articles
    from newsprism.ingest import ingest

    folder = _inputs(tmp_path / "in", slice(0, 3), slice(0, 2))
    db = tmp_path / "store.db"
    articles = ingest([str(folder)]).articles
    with open_store(str(db)) as store:
        store.save_articles(articles)
        for analysis in analyze_articles(articles, engine="inprocess"):
            store.save_analysis(analysis)
        stub = articles[0]
        store.save_story({"id": "story-" + stub.id, "headline": stub.title}, [stub.id], [])
        store.save_story({"id": "story-empty", "headline": "x", "article_ids": []}, [], [])
        done = update_stories([str(folder)], Settings(), store, engine="inprocess")
    assert done.new_articles == 0 and len(done.repaired_ids) == 4
    members = assert_whole(db)
    assert sum(len(m) for m in members.values()) == 5 and "story-empty" not in members


def _paused(args: list[str], signal: Path) -> subprocess.Popen[bytes]:
    """``crash_pass.py *args`` started, once it paused (it waits for ``signal``.go)."""
    proc = subprocess.Popen(
        [sys.executable, str(SCRIPT), *args, str(signal)],
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 300
    while not signal.exists():
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            raise AssertionError(proc.communicate()[1].decode()[-2000:])
        time.sleep(0.1)
    return proc


def _go(proc: subprocess.Popen[bytes], signal: Path) -> None:
    Path(f"{signal}.go").touch()
    _, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err.decode()[-2000:]


def test_stories_listed_during_a_write_are_whole(tmp_path: Path) -> None:
    """While a pass is between two story writes, a reader lists the stories and opens
    each: none is a stub and none is missing (the web app's 404)."""
    folder = _inputs(tmp_path / "in", slice(0, 3), slice(0, 2))
    db = tmp_path / "store.db"
    signal = tmp_path / "paused"
    proc = _paused(["watch", str(db), str(folder), "save_story", "2", "pause"], signal)
    try:
        with open_store(str(db)) as store:
            for summary in store.list_stories():
                data = store.get_story(summary["id"])
                assert data is not None and "article_ids" in data
                assert sorted(data["article_ids"]) == store.story_members(summary["id"])
    finally:
        _go(proc, signal)
    assert sum(len(m) for m in assert_whole(db).values()) == 5


def test_serve_and_watch_writing_one_store_lose_nothing(tmp_path: Path) -> None:
    """A web addition pauses inside its write, after reading the clusterer state, while a
    watch pass writes other articles (for up to 20 s). Both must be in the state after."""
    web_in = _inputs(tmp_path / "web", slice(0, 2), slice(0, 0))
    watch_in = _inputs(tmp_path / "watch", slice(0, 0), slice(0, 3))
    db = tmp_path / "store.db"
    open_store(str(db)).close()
    signal = tmp_path / "paused"
    web = _paused(["web", str(db), str(web_in), "save_state", "1", "pause"], signal)
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    watch = subprocess.Popen(
        [sys.executable, str(SCRIPT), "watch", str(db), str(watch_in), "none", "0", "none"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        with contextlib.suppress(subprocess.TimeoutExpired):
            watch.wait(20)  # it may finish (writers not serialized) or wait for the lock
    finally:
        _go(web, signal)
        _, err = watch.communicate(timeout=300)
    assert watch.returncode == 0, err.decode()[-2000:]
    members = assert_whole(db)
    assert sum(len(m) for m in members.values()) == 5


def test_watch_waits_for_a_store_another_writer_holds(tmp_path: Path) -> None:
    """Another process holds the write lock for 40 s (past SQLite's 10 s busy timeout,
    however long the pass takes to analyze first): ``watch --once`` retries instead of
    exiting on "database is locked"."""
    folder = _inputs(tmp_path / "in", slice(0, 2), slice(0, 0))
    db = tmp_path / "store.db"
    open_store(str(db)).close()
    locked = threading.Event()

    def hold() -> None:
        conn = sqlite3.connect(db, isolation_level=None)
        conn.execute("BEGIN IMMEDIATE")
        locked.set()
        time.sleep(40)
        conn.execute("ROLLBACK")
        conn.close()

    holder = threading.Thread(target=hold)
    holder.start()
    locked.wait(10)
    ran = run_measured(["watch", str(folder), "--db", str(db), "--once"], timeout=300, cwd=tmp_path)
    holder.join()
    assert ran.code == 0, ran.stderr[-2000:]
    assert "2 new articles" in ran.stdout
    assert sum(len(m) for m in assert_whole(db).values()) == 2
