"""A bounded load test of ``newsprism serve`` on loopback.

Starts the web app as its own process (``newsprism serve``) over a store, sends a
fixed number of requests at a fixed concurrency, mixing the story list, the story
page (the full HTML account), the story and fact JSON and the article list, and
writes JSON: errors, requests/s and latency percentiles.

    python bench/load.py --db out/newsprism.db --requests 2000 --concurrency 20 \
        --output bench/results/load.json

The test suite runs the same load (tests/web/test_load.py) and requires 0 errors.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def served(db: str, port: int | None = None) -> Iterator[str]:
    """``newsprism serve --db DB`` in a child process; yields its base URL."""
    port = port or free_port()
    cmd = [sys.executable, "-m", "newsprism", "serve", "--db", db, "--port", str(port)]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(base + "/api/health", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                err = proc.stderr.read().decode() if proc.stderr else ""
                raise RuntimeError(f"newsprism serve did not start: {err.strip()[-500:]}")
            time.sleep(0.1)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


def paths_for(base: str) -> list[str]:
    """The request mix: what readers and API clients ask for most."""
    stories = httpx.get(base + "/api/stories", params={"limit": 5}).json()["items"]
    out = ["/", "/api/stories", "/api/articles?limit=20"]
    for s in stories:
        sid = s["id"]
        out += [
            f"/stories/{sid}",
            f"/api/stories/{sid}",
            f"/api/stories/{sid}/facts",
            f"/api/stories/{sid}/quotes",
        ]
    return out


def load(base: str, paths: Sequence[str], requests: int, concurrency: int) -> dict[str, Any]:
    """Send ``requests`` GETs (cycling through ``paths``) from ``concurrency`` threads."""
    latencies: list[float] = []
    failures: list[str] = []
    lock = threading.Lock()
    counter = iter(range(requests))

    def worker() -> None:
        with httpx.Client(base_url=base, timeout=30) as client:
            while True:
                with lock:
                    n = next(counter, None)
                if n is None:
                    return
                path = paths[n % len(paths)]
                t0 = time.perf_counter()
                try:
                    r = client.get(path)
                    ok = r.status_code == 200
                    what = f"{path}: {r.status_code}"
                except httpx.HTTPError as exc:
                    ok, what = False, f"{path}: {type(exc).__name__}"
                dt = time.perf_counter() - t0
                with lock:
                    latencies.append(dt)
                    if not ok:
                        failures.append(what)

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - start
    ordered = sorted(latencies)

    def pct(p: float) -> float:
        return round(1000 * ordered[min(len(ordered) - 1, int(p * len(ordered)))], 1)

    return {
        "requests": len(latencies),
        "concurrency": concurrency,
        "errors": len(failures),
        "error_examples": failures[:5],
        "seconds": round(wall, 2),
        "requests_per_s": round(len(latencies) / wall, 1),
        "latency_ms": {
            "p50": pct(0.50),
            "p95": pct(0.95),
            "p99": pct(0.99),
            "max": round(1000 * ordered[-1], 1),
        },
        "paths": list(paths),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--db", required=True, help="A store with stories (newsprism analyze --db).")
    ap.add_argument("--requests", type=int, default=2000)
    ap.add_argument("--concurrency", type=int, default=20)
    ap.add_argument("--output", type=Path, default=Path("bench/results/load.json"))
    args = ap.parse_args()
    with served(args.db) as base:
        paths = paths_for(base)
        load(base, paths, 50, 4)  # warm up: first requests open connections, load modules
        result = load(base, paths, args.requests, args.concurrency)
    result["machine"] = {
        "platform": platform.platform(),
        "machine": platform.machine(),
        "cpus": os.cpu_count(),
    }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
