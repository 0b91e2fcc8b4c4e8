"""``newsprism serve`` under the hostile inputs a client can send: a long one-line text
(analyzed in blocks), an over-long one (skipped with its reason), a gzip bomb uploaded as
a WARC, a large raw body, JSON nested too deep, a huge integer. Each gets its answer, the
server keeps serving, and its peak memory (measured by the kernel for that one process)
stays under the bound of issue 20."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from .make import MB, ROOT, SENTENCES, measured, read_measure, write_bomb_warc

PEAK_MB = 1_500


@dataclass
class Served:
    url: str
    proc: subprocess.Popen[bytes]
    folder: Path


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def served() -> Iterator[Served]:
    folder = Path(tempfile.mkdtemp(prefix="newsprism-serve-"))
    port = _free_port()
    args = [sys.executable, "-m", "newsprism", "serve", "--db", str(folder / "s.db")]
    proc = subprocess.Popen(
        measured([*args, "--port", str(port)], folder / "measure.json", timeout=1_800),
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=open(folder / "err.txt", "wb"),  # noqa: SIM115 - closed with the process
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while True:
        try:
            if httpx.get(f"{url}/api/health", timeout=2).status_code == 200:
                break
        except httpx.HTTPError:
            pass
        assert proc.poll() is None and time.monotonic() < deadline, "serve did not start"
        time.sleep(0.2)
    yield Served(url, proc, folder)
    if proc.poll() is None:
        proc.kill()
        proc.wait()


def _long(chars: int) -> str:
    return ((SENTENCES + " ") * (chars // len(SENTENCES) + 1))[:chars]


def _post(served: Served, **kwargs: object) -> httpx.Response:
    return httpx.post(f"{served.url}/api/articles", timeout=600, **kwargs)  # type: ignore[arg-type]


def test_serve_answers_every_hostile_body_within_the_memory_bound(served: Served) -> None:
    # a long one-line article: analyzed in blocks, sentences all the way through
    long = _post(served, json={"title": "One long line", "text": _long(500_000)})
    assert long.status_code == 201, long.text
    added = long.json()
    assert len(added["added"]) == 1 and not added["skipped"]
    article = httpx.get(f"{served.url}/api/articles/{added['added'][0]['id']}", timeout=60)
    sentences = article.json()["analysis"]["sentences"]
    assert sentences[-1][1] > 490_000

    # over the length limit, as JSON and as a raw body of several megabytes: refused with
    # the reason, nothing stored empty
    too_long = _post(served, json={"title": "Too long", "text": _long(1_200_000)})
    raw = _post(served, content=_long(6 * MB).encode(), headers={"content-type": "text/plain"})
    for refused in (too_long, raw):
        assert refused.status_code == 422, refused.text[:300]
        assert "over the 1,000,000 limit" in refused.json()["error"]["message"]

    # 200 MB of zeros said to be HTML, in a small .warc.gz upload, between two good pages
    bomb = served.folder / "bomb.warc.gz"
    write_bomb_warc(bomb, 200 * MB)
    with bomb.open("rb") as fh:
        up = _post(served, files={"file": ("bomb.warc.gz", fh, "application/gzip")})
    assert up.status_code == 201, up.text
    assert len(up.json()["added"]) == 2
    assert any("zeros" in s["source"] for s in up.json()["skipped"])

    # malformed JSON of the kinds that once gave a 500
    deep = "[" * 100_000 + "]" * 100_000
    for body in (deep, '{"text": 1' + "0" * 5_000 + "}", '{"text": "\\ud800"}'):
        bad = _post(served, content=body, headers={"content-type": "application/json"})
        assert bad.status_code == 400, (bad.status_code, bad.text[:200])

    # still serving, then a clean stop
    assert httpx.get(f"{served.url}/api/articles?limit=500", timeout=60).status_code == 200
    served.proc.send_signal(signal.SIGTERM)  # to the launcher, which passes it on
    served.proc.wait(timeout=120)
    code, peak_mb, _ = read_measure(served.folder / "measure.json")
    assert code in (0, -signal.SIGTERM)  # uvicorn re-raises the signal once it has stopped
    print(f"serve peak RSS {peak_mb:.0f} MB")
    assert peak_mb < PEAK_MB, f"serve peak RSS {peak_mb:.0f} MB"
    err = (served.folder / "err.txt").read_text(errors="replace")
    assert "Traceback" not in err, err[-2000:]
