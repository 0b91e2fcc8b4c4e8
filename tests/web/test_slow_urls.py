"""Slow URLs cannot starve the server: 45 pages trickling a byte at a time are fetched on a
pool of their own (a few at once, a bounded queue, 503 beyond it), so /api/health keeps
answering; each fetch ends at its deadline. Everything runs on loopback."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest
import uvicorn

from newsprism.config import Settings
from newsprism.web import create_app

SLOW_URLS = 45  # as many as the probe sent; more than anyio's 40 request threads


@pytest.fixture
def trickle() -> Iterator[str]:
    """A page that sends one byte every half second, for at most 12 s (a bound for the test)."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", "24")
            self.end_headers()
            for _ in range(24):
                try:
                    self.wfile.write(b"x")
                    self.wfile.flush()
                except OSError:
                    return
                time.sleep(0.5)

        def log_message(self, *args: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/slow"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def server(db_copy: Path) -> Iterator[str]:
    settings = Settings(allow_private_urls=True, fetch_workers=2, http_deadline=2)
    config = uvicorn.Config(
        create_app(str(db_copy), settings=settings), host="127.0.0.1", port=0, log_level="error"
    )
    live = uvicorn.Server(config)
    thread = threading.Thread(target=live.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not live.started:
        assert time.monotonic() < deadline and thread.is_alive(), "the web app did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{live.servers[0].sockets[0].getsockname()[1]}"
    live.should_exit = True
    thread.join(timeout=10)


def test_health_answers_while_45_slow_urls_are_fetched(server: str, trickle: str) -> None:
    def post(_: int) -> tuple[int, str | None]:
        with httpx.Client(timeout=60) as client:
            answer = client.post(server + "/api/articles", json={"url": trickle})
            return answer.status_code, answer.headers.get("retry-after")

    with ThreadPoolExecutor(SLOW_URLS) as pool:
        posts = [pool.submit(post, n) for n in range(SLOW_URLS)]
        time.sleep(1.0)  # the fetches are under way
        assert not all(p.done() for p in posts)
        with httpx.Client(timeout=10) as client:
            health = client.get(server + "/api/health")
        assert health.status_code == 200 and health.json()["status"] == "ok"
        answers = [p.result() for p in posts]
    statuses = [status for status, _ in answers]
    # a client told to come back is told when (in seconds)
    assert all(after and after.isdigit() for status, after in answers if status == 503)
    # two fetch at once, two wait; the rest are told to come back, none is a 500
    assert statuses.count(503) >= SLOW_URLS - 4
    assert set(statuses) <= {422, 503}, statuses
    assert statuses.count(422) >= 2  # those fetched ran out of time: no article
