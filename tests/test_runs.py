"""Runs at scale: the same report from every engine, resumable runs, the watch loop,
and PostgreSQL as the store of a real run."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from newsprism.config import Settings
from newsprism.report import Report, report_to_json, run
from newsprism.store import open_store
from newsprism.watch import update_stories

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
ESCAPE = ROOT / "tests" / "data" / "escape"
ECB = ROOT / "tests" / "data" / "stories" / "ecbplus"


def _json(report: object) -> str:
    return json.dumps(report_to_json(report), sort_keys=True)  # type: ignore[arg-type]


def test_every_engine_gives_the_identical_report() -> None:
    # 49 articles: four chunks, so the pool and the Dask LocalCluster really share the work
    paths = [str(EXAMPLES), str(ESCAPE), str(ECB)]
    inprocess = run(paths, engine="inprocess")
    assert len(inprocess.articles) == 49 and len(inprocess.stories) >= 8
    pool = run(paths, engine="process", processes=2)
    dask = run(paths, engine="dask", processes=2)
    assert _json(pool) == _json(inprocess)
    assert _json(dask) == _json(inprocess)


def test_the_json_report_is_byte_for_byte_the_same_whatever_the_run(tmp_path: Path) -> None:
    """Hash seed, worker count and engine change which articles share a batch and a
    worker, and the order of Python's sets: none of it may reach the report, nor any
    article's stored analysis (its sentence embeddings included)."""
    import os
    import subprocess
    import sys

    # 25 articles: chunks of 16 + 9 in one process, four smaller ones in two
    inputs = [str(EXAMPLES), str(ESCAPE), *(str(p) for p in sorted(ECB.glob("*.txt"))[:16])]
    reports, analyses = [], []
    for engine, processes, seed in [("inprocess", 1, "1"), ("process", 2, "2"), ("dask", 2, "1")]:
        out, db = tmp_path / f"{engine}.json", tmp_path / f"{engine}.db"
        subprocess.run(
            [sys.executable, "-m", "newsprism", "analyze", *inputs, "--format", "json",
             "--output", str(out), "--db", str(db), "--engine", engine,
             "--processes", str(processes)],
            env={**os.environ, "PYTHONHASHSEED": seed},
            check=True,
            capture_output=True,
        )  # fmt: skip
        reports.append(out.read_bytes())
        with open_store(str(db)) as store:
            analyses.append({i: store.get_analysis(i) for i in sorted(store.analyzed_ids())})
    assert len(analyses[0]) == 25 and len(json.loads(reports[0])["stories"]) >= 4
    assert reports[1] == reports[0] and reports[2] == reports[0]
    assert analyses[1] == analyses[0] and analyses[2] == analyses[0]


def test_unknown_engine_and_unreachable_scheduler_are_clear() -> None:
    from newsprism.errors import UsageError

    with pytest.raises(UsageError, match="unknown engine 'spark'"):
        run([str(EXAMPLES)], engine="spark")
    with pytest.raises(UsageError, match="cannot reach the Dask scheduler"):
        run(
            [str(EXAMPLES / "000_3d9ebadd12fa7263.txt")],
            engine="dask",
            scheduler="tcp://127.0.0.1:9",
        )


def test_a_rerun_reads_analyses_back_from_the_store(tmp_path: Path) -> None:
    db = str(tmp_path / "np.db")
    first = run([str(EXAMPLES)], Settings(db=db))
    said: list[str] = []
    again = run([str(EXAMPLES)], Settings(db=db), progress=lambda msg, *_: said.append(msg))
    assert "5 articles already analyzed in the store" in said
    assert not any(m.startswith("analyzing") for m in said)
    assert _json(again) == _json(first)
    with open_store(db) as store:
        [story] = store.list_stories()
        assert story["n_articles"] == 5


def _watch_twice(tmp_path: Path, db: str) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for f in sorted(EXAMPLES.glob("*.txt"))[:2]:
        shutil.copy(f, inbox)
    with open_store(db) as store:
        first = update_stories([str(inbox)], Settings(), store)
        assert first.new_articles == 2 and first.stories_total == 1
        for f in [*sorted(EXAMPLES.glob("*.txt"))[2:], *ESCAPE.glob("*.txt")]:
            shutil.copy(f, inbox)
        second = update_stories([str(inbox)], Settings(), store)
        assert second.new_articles == 7 and second.stories_total == 2
        assert first.stories_updated[0] in second.stories_updated
        idle = update_stories([str(inbox)], Settings(), store)
        assert idle.new_articles == 0 and idle.stories_updated == ()
        sizes = sorted(s["n_articles"] for s in store.list_stories())
        assert sizes == [4, 5]
        story = store.get_story(first.stories_updated[0])
        assert story is not None and len(story["article_ids"]) == 5 and story["facts"]


def test_watch_keeps_stories_up_to_date_in_sqlite(tmp_path: Path) -> None:
    _watch_twice(tmp_path, str(tmp_path / "np.db"))


def test_watch_and_analyze_on_postgresql(tmp_path: Path, postgres_url: str) -> None:
    _watch_twice(tmp_path, postgres_url)
    report = run([str(ESCAPE)], Settings(db=postgres_url))
    with open_store(postgres_url) as store:
        assert store.count_articles() == 9
        assert store.story_of(report.articles[0].id) is not None


def test_watch_rebuilds_a_clusterer_saved_by_an_older_layout(tmp_path: Path) -> None:
    """A store written by an older newsprism keeps working: its saved clusterer, whose
    vectors meant something else, is rebuilt from the stored stories."""
    import io

    import numpy as np

    from newsprism.watch import STATE

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for f in sorted(EXAMPLES.glob("*.txt"))[:2]:
        shutil.copy(f, inbox)
    with open_store(str(tmp_path / "np.db")) as store:
        first = update_stories([str(inbox)], Settings(), store)
        saved = store.load_state(STATE)
        assert saved is not None
        old = dict(np.load(io.BytesIO(saved), allow_pickle=False))
        del old["layout"]  # as saved before the layout was recorded, names only:
        old["df"], old["lex"] = old["df"][:1024], old["lex"][:, :1024]
        buf = io.BytesIO()
        np.savez_compressed(buf, **old)
        store.save_state(STATE, buf.getvalue())
        for f in sorted(EXAMPLES.glob("*.txt"))[2:]:
            shutil.copy(f, inbox)
        second = update_stories([str(inbox)], Settings(), store)
        assert second.new_articles == 3 and second.stories_updated == first.stories_updated
        [story] = store.list_stories()
        assert story["n_articles"] == 5


def _stories(report: Report) -> set[frozenset[str]]:
    """The article ids of each story of ``report``."""
    return {frozenset(report.article(i).id for i in s.article_ids) for s in report.stories}


def test_watch_groups_its_first_pass_as_analyze_groups_the_batch(
    tmp_path: Path, ecbplus_report: Report
) -> None:
    """Forty reports of ten events dropped into an empty store: `watch` gives the stories
    `analyze` gives (exact linkage over all of them), not those of one-at-a-time assignment."""
    expected = _stories(ecbplus_report)
    with open_store(str(tmp_path / "np.db")) as store:
        first = update_stories([str(ECB)], Settings(), store)
        assert first.new_articles == 40
        found = {frozenset(store.story_members(s["id"])) for s in store.list_stories()}
    assert found == expected


def test_watch_keeps_apart_events_of_one_kind_that_arrive_in_different_passes(
    tmp_path: Path, ecbplus_report: Report
) -> None:
    """Twenty reports of five events (a rehab stay, a title fight, a supermarket fire, a
    quake, a death) arrive in one pass, twenty of five other events of the same kinds in the
    next. Each new group is held to the batch's test (a group and a story must resemble each
    other nearly as much as each resembles itself), so the stories are those `analyze` finds
    in all forty at once; joined one at a time, two title fights and two deaths merged."""
    expected = _stories(ecbplus_report)
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    files = sorted(ECB.glob("*.txt"))
    with open_store(str(tmp_path / "np.db")) as store:
        for half in ("ecb", "ecbplus"):
            for f in files:
                if f.stem.endswith(half):
                    shutil.copy(f, inbox)
            update_stories([str(inbox)], Settings(), store)
        found = {frozenset(store.story_members(s["id"])) for s in store.list_stories()}
    assert found == expected
