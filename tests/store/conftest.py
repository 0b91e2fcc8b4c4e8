"""A throwaway PostgreSQL server for the store tests.

``NEWSPRISM_TEST_POSTGRES`` (a ``postgresql://`` URL with rights to create
databases) points the tests at a running server; otherwise they start one from
Debian's ``postgresql`` package (``bash .ci/run`` installs it) in a temporary
folder and stop it afterwards. Missing binaries are a failure, not a skip.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _as_postgres(cmd: list[str]) -> list[str]:
    # PostgreSQL refuses to run as root: drop to the postgres user the package creates.
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *cmd]
    return cmd


@pytest.fixture(scope="session")
def postgres_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    url = os.environ.get("NEWSPRISM_TEST_POSTGRES")
    if url:
        yield url
        return
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    initdb = found[-1] if found else shutil.which("initdb")
    if not initdb:
        pytest.fail("PostgreSQL server binaries not found: apt-get install postgresql")
    bindir = Path(initdb).parent
    root = tmp_path_factory.mktemp("pg")
    data = root / "data"
    if os.geteuid() == 0:
        shutil.chown(root, "postgres")
        for parent in root.parents:
            os.chmod(parent, os.stat(parent).st_mode | 0o011) if parent != Path("/") else None
    port = _free_port()
    subprocess.run(
        _as_postgres([str(initdb), "-D", str(data), "-A", "trust", "-U", "newsprism"]),
        check=True,
        capture_output=True,
    )
    opts = f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off"
    subprocess.run(
        _as_postgres(
            [str(bindir / "pg_ctl"), "-D", str(data), "-o", opts, "-l", str(root / "log"), "-w",
             "start"]
        ),
        check=True,
        capture_output=True,
    )  # fmt: skip
    try:
        yield f"postgresql://newsprism@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(
            _as_postgres([str(bindir / "pg_ctl"), "-D", str(data), "-m", "fast", "stop"]),
            capture_output=True,
        )


@pytest.fixture
def postgres_url(postgres_server: str) -> Iterator[str]:
    """A new empty database on the test server, dropped after the test."""
    import psycopg

    name = "np_" + uuid.uuid4().hex[:10]
    with psycopg.connect(postgres_server, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    base, _, _ = postgres_server.rpartition("/")
    yield f"{base}/{name}"
    with psycopg.connect(postgres_server, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
