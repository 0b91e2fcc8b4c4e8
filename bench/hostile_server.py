"""What a hostile client can do to ``newsprism serve``, measured on loopback and bounded.

Starts ``newsprism serve`` as a child process (the code on PYTHONPATH: run it once on an
older checkout and once on this one to compare) and measures:

- ``slow_urls``: 45 concurrent ``POST /api/articles {"url": …}`` of a page that trickles one
  byte a second (for at most 40 s), with ``/api/health`` timed every half second meanwhile;
- ``list_articles``: four concurrent ``GET /api/articles?limit=500`` over a store of 40
  articles of 1 MB each: seconds per request and the server's peak memory (VmHWM);
- ``probes``: the status of hostile JSON bodies, of a URL on loopback (and whether the
  internal server was reached), of a cross-origin post and of an unknown Host, and whether
  the security headers are sent.

    PYTHONPATH=src python bench/hostile_server.py --label after \
        --output bench/results/hostile_server.json

Each label's figures are merged into the output file; nothing leaves loopback.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager, suppress
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parent.parent
STORY = ROOT / "tests" / "data" / "escape"
SLOW_URLS = 45
TRICKLE_SECONDS = 40


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def served(db: str, env: dict[str, str] | None = None) -> Iterator[tuple[str, int]]:
    """``newsprism serve --db DB`` in a child process: (base URL, pid)."""
    port = _free_port()
    cmd = [sys.executable, "-m", "newsprism", "serve", "--db", db, "--port", str(port)]
    proc = subprocess.Popen(
        cmd,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, **(env or {})},
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                if httpx.get(base + "/api/health", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("newsprism serve did not start")
            time.sleep(0.2)
        yield base, proc.pid
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=40)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _peak_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return round(int(line.split()[1]) / 1024, 1)
    return float("nan")


class _Site:
    """A loopback server: ``/slow`` trickles a byte a second, ``/secret`` is an internal page."""

    def __init__(self) -> None:
        hits = self.hits = []

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                hits.append(self.path)
                if self.path == "/secret":
                    body = b"Internal page\n" + b"internal figures and notes " * 20
                    self.send_response(200)
                    self.send_header("Content-Type", "text/plain")
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                    return
                self.send_response(200)
                self.send_header("Content-Type", "text/plain")
                self.send_header("Content-Length", str(TRICKLE_SECONDS))
                self.end_headers()
                for _ in range(TRICKLE_SECONDS):
                    try:
                        self.wfile.write(b"x")
                        self.wfile.flush()
                    except OSError:
                        return
                    time.sleep(1)

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def slow_urls(base: str, site: _Site) -> dict[str, Any]:
    """45 trickling URLs posted at once; /api/health timed meanwhile."""

    def post(_: int) -> tuple[int | str, float]:
        t0 = time.perf_counter()
        try:
            with httpx.Client(timeout=TRICKLE_SECONDS + 30) as c:
                status: int | str = c.post(
                    base + "/api/articles", json={"url": site.base + "/slow"}
                ).status_code
        except httpx.HTTPError as exc:
            status = type(exc).__name__
        return status, time.perf_counter() - t0

    health: list[float] = []
    start = time.perf_counter()
    with ThreadPoolExecutor(SLOW_URLS) as pool:
        posts = [pool.submit(post, n) for n in range(SLOW_URLS)]
        time.sleep(1)
        with httpx.Client(timeout=TRICKLE_SECONDS + 30) as c:
            while not all(p.done() for p in posts):
                t0 = time.perf_counter()
                with suppress(httpx.HTTPError):
                    c.get(base + "/api/health")
                health.append(time.perf_counter() - t0)
                time.sleep(0.5)
        results = [p.result() for p in posts]
    statuses: dict[str, int] = {}
    for status, _ in results:
        statuses[str(status)] = statuses.get(str(status), 0) + 1
    return {
        "urls": SLOW_URLS,
        "trickle": f"1 byte/s for up to {TRICKLE_SECONDS} s",
        "health_samples": len(health),
        "health_median_s": round(statistics.median(health), 3) if health else None,
        "health_max_s": round(max(health), 3) if health else None,
        "longest_post_s": round(max(t for _, t in results), 1),
        "all_answered_after_s": round(time.perf_counter() - start, 1),
        "statuses": statuses,
    }


def _big_store(path: str, n: int = 40, size: int = 1_000_000) -> None:
    from newsprism.records import Article
    from newsprism.store import open_store

    sentence = "The committee met again on Thursday and said the review would continue. "
    with open_store(path) as store:
        arts = []
        for i in range(n):
            text = f"Long report {i}\n" + sentence * (size // len(sentence))
            arts.append(
                Article(id=f"{i:016x}", source=f"long-{i}.txt", kind="text", text=text, raw=text)
            )
        store.save_articles(arts)


def list_articles(db: str) -> dict[str, Any]:
    with served(db) as (base, pid):
        before = _peak_mb(pid)

        def get(_: int) -> float:
            t0 = time.perf_counter()
            with httpx.Client(timeout=120) as c:
                c.get(base + "/api/articles", params={"limit": 500}).raise_for_status()
            return time.perf_counter() - t0

        with ThreadPoolExecutor(4) as pool:
            times = list(pool.map(get, range(4)))
        return {
            "store": "40 articles of 1 MB",
            "concurrent_requests": 4,
            "seconds_per_request_max": round(max(times), 2),
            "server_peak_mb_before": before,
            "server_peak_mb_after": _peak_mb(pid),
        }


def probes(db: str, site: _Site) -> dict[str, Any]:
    bodies = {
        "nested_1000": b"[" * 1000 + b"]" * 1000,
        "lone_surrogate": b'{"title": "x", "text": "\\ud800 a lone surrogate"}',
        "integer_5000_digits": b'{"text": "x", "n": ' + b"9" * 5000 + b"}",
    }
    out: dict[str, Any] = {}
    with served(db) as (base, _), httpx.Client(base_url=base, timeout=60) as c:
        for name, body in bodies.items():
            try:
                with httpx.Client(base_url=base, timeout=60) as one:
                    r = one.post(
                        "/api/articles", content=body, headers={"content-type": "application/json"}
                    )
                out[name] = r.status_code
            except httpx.HTTPError as exc:  # the old code could drop the connection
                out[name] = type(exc).__name__
        before = len(site.hits)
        r = c.post("/api/articles", json={"url": site.base + "/secret"})
        out["loopback_url"] = r.status_code
        out["loopback_url_reached"] = len(site.hits) > before
        r = c.post(
            "/add",
            data={"url": site.base + "/secret"},
            headers={"origin": "https://evil.example"},
        )
        out["cross_origin_form_post"] = r.status_code
        out["unknown_host"] = c.get("/api/stories", headers={"host": "evil.example"}).status_code
        headers = c.get("/").headers
        out["headers"] = {
            name: name in headers
            for name in (
                "content-security-policy",
                "x-frame-options",
                "x-content-type-options",
                "referrer-policy",
            )
        }
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--label", required=True, help="e.g. before / after")
    parser.add_argument("--output", default="bench/results/hostile_server.json")
    args = parser.parse_args()
    from newsprism.config import Settings
    from newsprism.report import run

    site = _Site()
    with tempfile.TemporaryDirectory() as tmp:
        story_db = str(Path(tmp) / "story.db")
        run([str(STORY)], Settings(db=story_db))
        big_db = str(Path(tmp) / "big.db")
        _big_store(big_db)
        result: dict[str, Any] = {"probes": probes(story_db, site)}
        result["list_articles"] = list_articles(big_db)
        with served(story_db, {"NEWSPRISM_ALLOW_PRIVATE_URLS": "true"}) as (base, _):
            result["slow_urls"] = slow_urls(base, site)
    site.close()
    result["machine"] = f"{platform.machine()}, {os.cpu_count()} cores"
    out = Path(args.output)
    merged = json.loads(out.read_text()) if out.exists() else {}
    merged[args.label] = result
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(merged, indent=2, sort_keys=True) + "\n")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
