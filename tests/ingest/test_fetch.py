"""URLs, against a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import socket
from collections.abc import Callable
from pathlib import Path

import pytest

from newsprism.config import Settings
from newsprism.ingest import ingest
from newsprism.ingest.fetch import fetch_url
from newsprism.records import Document, Skipped

ARTICLE = (Path(__file__).resolve().parents[1] / "data" / "site" / "ferry.html").read_bytes()
PLAIN = (
    b"Council approves budget\nThe city council approved a 2.1 billion dollar budget on "
    b"Tuesday after a six-hour debate, the mayor's office said.\n"
)
ROUTES: dict[str, tuple[int, str, bytes]] = {
    "/article": (200, "text/html; charset=utf-8", ARTICLE),
    "/plain": (200, "text/plain; charset=utf-8", PLAIN),
    "/big": (200, "text/plain", b"word " * 50_000),
    "/logo.png": (200, "image/png", b"\x89PNG\r\n\x1a\n" + bytes(100)),
    "/missing": (404, "text/html", b"<h1>Not found</h1>"),
}


@pytest.fixture(scope="module")
def server(site: Callable[..., str]) -> str:
    return site(ROUTES, redirects={"/moved": "/article"})


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_html_page_is_fetched_cleaned_and_credited_to_its_host(server: str) -> None:
    result = ingest([server + "/article"], Settings())
    (article,) = result.articles
    assert article.title == "Ferry service resumes"
    assert article.outlet == "127.0.0.1"
    assert article.published == "2024-05-02"
    assert "About 4,000 passengers had been stranded" in article.text
    assert "Home | World" not in article.text
    assert article.source == server + "/article"


def test_redirect_is_followed(server: str) -> None:
    (doc,) = list(fetch_url(server + "/moved", Settings()))
    assert isinstance(doc, Document) and doc.url == server + "/article"


def test_plain_text_url(server: str) -> None:
    (doc,) = list(fetch_url(server + "/plain", Settings()))
    assert isinstance(doc, Document) and "2.1 billion dollar budget" in doc.body


@pytest.mark.parametrize(
    ("path", "words"),
    [
        ("/big", "limit"),
        ("/logo.png", "unsupported content type image/png"),
        ("/missing", "HTTP 404"),
    ],
)
def test_bad_urls_are_skipped_with_a_reason(server: str, path: str, words: str) -> None:
    (item,) = list(fetch_url(server + path, Settings(max_bytes=100_000)))
    assert isinstance(item, Skipped) and words in item.reason


def test_unreachable_url_is_skipped_and_the_batch_goes_on(server: str) -> None:
    dead = f"http://127.0.0.1:{_closed_port()}/story"
    result = ingest([dead, server + "/article"], Settings(http_timeout=2))
    assert len(result.articles) == 1
    (skip,) = result.skipped
    assert skip.source == dead and skip.reason.startswith("could not fetch")
