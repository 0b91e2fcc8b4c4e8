"""A store holding a real story with a conflict, and the web app served on loopback.

The story is ECB+ topic 3 (tests/data/escape: four reports of one prison escape,
one of them graded as the primary source); its reports disagree on a date.
Screenshots and load figures go to ``artifacts/`` (or ``NEWSPRISM_ARTIFACTS``).
"""

from __future__ import annotations

import os
import shutil
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn

from newsprism.config import Settings
from newsprism.report import run
from newsprism.web import create_app

ROOT = Path(__file__).resolve().parent.parent.parent
ESCAPE = ROOT / "tests" / "data" / "escape"


def artifacts() -> Path:
    """Where tests leave files for a person to look at (screenshots, load figures)."""
    folder = Path(os.environ.get("NEWSPRISM_ARTIFACTS", ROOT / "artifacts"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="session")
def story_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite store after ``newsprism analyze tests/data/escape --primary … --db``."""
    db = tmp_path_factory.mktemp("web") / "stories.db"
    run([str(ESCAPE)], Settings(db=str(db)), primary=str(ESCAPE / "3_6ecbplus.txt"))
    return db


@pytest.fixture
def db_copy(story_db: Path, tmp_path: Path) -> Path:
    """A private copy of the story store, for tests that add articles."""
    target = tmp_path / "copy.db"
    shutil.copy(story_db, target)
    return target


@pytest.fixture(scope="session")
def live_server(story_db: Path) -> Iterator[str]:
    """``newsprism serve`` over the story store on a free loopback port; yields its URL."""
    # port 0: the system picks a free port, read back once the server listens
    config = uvicorn.Config(
        create_app(str(story_db)), host="127.0.0.1", port=0, log_level="warning"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the web app did not start")
        time.sleep(0.05)
    port = server.servers[0].sockets[0].getsockname()[1]
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
