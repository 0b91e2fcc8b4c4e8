"""Shared fixtures: a folder holding one file of every input format plus bad inputs, and a
throwaway PostgreSQL server (``NEWSPRISM_TEST_POSTGRES``, else started from Debian's
``postgresql`` package, which ``bash .ci/run`` installs; missing binaries fail, never skip)."""

from __future__ import annotations

import glob
import io
import json
import os
import shutil
import socket
import subprocess
import tempfile
import threading
import uuid
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
# The day the tests take as today (the ``as_of`` setting): the example articles were
# collected then. A year read from a weekday alone ("Sunday (November 30th)") is the
# latest that fits up to this day, so no result changes with the machine's clock.
TODAY = "2025-12-02"
os.environ["NEWSPRISM_AS_OF"] = TODAY  # commands run in a subprocess, and load_settings


@pytest.fixture(autouse=True, scope="session")
def _fixed_today() -> Iterator[None]:
    from datetime import date

    import newsprism.ingest.build as build

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(build, "today", lambda: date.fromisoformat(TODAY))
        yield


# Real news sentences (ECB+ topic 1, a wire report of a celebrity rehab check-in) so
# the mixed folder is not made of the demo corpus alone.
WIRE_TEXT = (
    "Tara Reid Checks Into Rehab\n"
    "Actress Tara Reid has checked herself into rehab, her representative said on Tuesday.\n"
    '"We appreciate your respect to her and her privacy at this time," the representative '
    "told People magazine.\n"
    "Reid, 33, starred in the American Pie films and the reality show Taradise.\n"
)


def _warc_bytes(records: list[tuple[str, bytes]]) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    for url, html in records:
        headers = StatusAndHeaders(
            "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
        )
        rec = writer.create_warc_record(
            url, "response", payload=io.BytesIO(html), http_headers=headers
        )
        writer.write_record(rec)
    return buf.getvalue()


HTML_PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Flood waters rise in river town | Valley Herald</title>
<meta property="og:site_name" content="Valley Herald">
<meta property="article:published_time" content="2024-03-04T08:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article><h1>Flood waters rise in river town</h1>
<p>Flood waters rose by more than two metres in the river town overnight, forcing
about 300 residents from their homes, the county council said on Monday.</p>
<p>"We have never seen the river this high," said Mayor Anne Larsen, who urged people
to stay away from the banks.</p>
<p>Emergency crews worked through the night to reinforce the levee with sandbags.</p>
</article><footer>Share on Facebook | Share on X | Subscribe to our newsletter</footer>
</body></html>"""

FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Harbor Daily</title><link>https://harbor.example.org/</link>
<item><title>Port strike enters third day</title>
<link>https://harbor.example.org/news/port-strike</link>
<pubDate>Wed, 06 Mar 2024 10:00:00 GMT</pubDate>
<description>Dock workers at the city port stayed off the job for a third day on Wednesday,
leaving dozens of container ships waiting offshore, the port authority said. Union leaders
said talks with employers would resume on Thursday.</description></item>
<item><title>Photo gallery</title><link>https://harbor.example.org/gallery</link>
<description></description></item>
</channel></rss>"""


def build_mixed_folder(d: Path) -> Path:
    """Write one file of every format plus every kind of bad input into ``d``."""
    d.mkdir(parents=True, exist_ok=True)
    (d / "wire.txt").write_text(WIRE_TEXT, encoding="utf-8")
    (d / "notes.md").write_text(
        "# Bridge reopens after repairs\n\nThe city's main bridge reopened on Friday after "
        "eight months of repairs that cost 12 million dollars, officials said.\n",
        encoding="utf-8",
    )
    (d / "page.html").write_text(HTML_PAGE, encoding="utf-8")
    lines = [
        json.dumps(
            {
                "url": "https://metro.example.com/2024/03/05/fire",
                "title": "Warehouse fire in docklands",
                "published": "2024-03-05",
                "text": "A fire broke out in a warehouse in the docklands on Tuesday night. "
                "Firefighters said nobody was injured and the cause was under investigation.",
            }
        ),
        '{"title": "broken line", "text": ',
    ]
    (d / "items.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (d / "feed.xml").write_text(FEED, encoding="utf-8")
    (d / "crawl.warc.gz").write_bytes(
        _warc_bytes([("https://hills.example.net/quake", HTML_PAGE.encode("utf-8"))])
    )
    # bad inputs
    (d / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (d / "empty.txt").write_bytes(b"")
    cp1252 = (
        "Café owners protest new tax\n"
        "Owners of cafés said on Thursday the tax would cost them “thousands” a year, "
        "and that the mayor’s office had not consulted them.\n"
    )
    (d / "legacy.txt").write_bytes(cp1252.encode("cp1252"))
    (d / "huge.txt").write_bytes(b"word " * 300_000)  # 1.5 MB; tests set a 1 MB limit
    (d / "bad.xml").write_text("<rss><channel><item><title>Unclosed", encoding="utf-8")
    good = _warc_bytes([("https://hills.example.net/b", HTML_PAGE.encode("utf-8"))] * 3)
    (d / "cut.warc.gz").write_bytes(good[: len(good) - 200])
    return d


@pytest.fixture
def mixed_folder(tmp_path: Path) -> Path:
    """A fresh folder of every format plus bad inputs."""
    return build_mixed_folder(tmp_path / "inbox")


@pytest.fixture(scope="session")
def shared_mixed_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The same folder, built once per session for tests that only read it."""
    return build_mixed_folder(tmp_path_factory.mktemp("mixed") / "inbox")


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    """The bundled example articles."""
    return EXAMPLES


# -- a throwaway PostgreSQL server (NEWSPRISM_TEST_POSTGRES, else Debian's postgresql package)


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
def postgres_server() -> Iterator[str]:
    url = os.environ.get("NEWSPRISM_TEST_POSTGRES")
    if url:
        yield url
        return
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    initdb = found[-1] if found else shutil.which("initdb")
    if not initdb:
        pytest.fail("PostgreSQL server binaries not found: apt-get install postgresql")
    bindir = Path(initdb).parent
    # outside pytest's temporary folders: another pytest session of the same user
    # removes all but its three latest, and with them this server's data under its feet
    root = Path(tempfile.mkdtemp(prefix="newsprism-pg-"))
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
        shutil.rmtree(root, ignore_errors=True)


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


@pytest.fixture(scope="session")
def seeds_report() -> object:
    """The bundled examples analyzed as one run (the demo's report)."""
    from newsprism.report import run

    return run([str(EXAMPLES)])


@pytest.fixture(scope="session")
def escape_report() -> object:
    """ECB+ topic 3 (tests/data/escape): four reports of one escape, one as the primary."""
    from newsprism.report import run

    folder = ROOT / "tests" / "data" / "escape"
    return run([str(folder)], primary=str(folder / "3_6ecbplus.txt"))


@pytest.fixture(scope="session")
def ecbplus_report() -> object:
    """The 40 ECB+ reports of tests/data/stories/ecbplus (ten events, two of each kind)
    analyzed as one run, as `analyze` groups them."""
    from newsprism.report import run

    return run([str(ROOT / "tests" / "data" / "stories" / "ecbplus")])


Routes = dict[str, tuple[int, str, bytes]]  # path -> (status, content type, body)


@pytest.fixture(scope="module")
def site() -> Iterator[Callable[..., str]]:
    """Start a small web site on 127.0.0.1: ``site(routes, redirects={})`` -> its base URL."""
    servers: list[ThreadingHTTPServer] = []

    def start(routes: Routes, redirects: dict[str, str] | None = None) -> str:
        moved = redirects or {}

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                if self.path in moved:
                    self.send_response(301)
                    self.send_header("Location", moved[self.path])
                    self.end_headers()
                    return
                status, ctype, body = routes.get(self.path, (404, "text/plain", b"no"))
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:  # keep test output clean
                pass

        httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        servers.append(httpd)
        return f"http://127.0.0.1:{httpd.server_address[1]}"

    yield start
    for httpd in servers:
        httpd.shutdown()
