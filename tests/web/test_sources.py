"""Adding articles from the web (a page URL, a feed URL) and serving a PostgreSQL store."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from fastapi.testclient import TestClient

from newsprism.web import create_app

PAGE = (
    b"<html><head><meta charset='utf-8'><title>Ferry service resumes | Coast News</title>"
    b"<meta property='article:published_time' content='2024-05-02T09:00:00Z'></head><body>"
    b"<nav>Home | World | Sport</nav><article><h1>Ferry service resumes</h1>"
    b"<p>Ferry service between the island and the mainland resumed on Thursday after a "
    b"three-day suspension caused by high winds, the operator said.</p>"
    b"<p>About 4,000 passengers had been stranded, according to the port authority.</p>"
    b"</article></body></html>"
)
FEED = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Harbor Daily</title><link>https://harbor.example.org/</link>
<item><title>Port strike enters third day</title>
<link>https://harbor.example.org/news/port-strike</link>
<pubDate>Wed, 06 Mar 2024 10:00:00 GMT</pubDate>
<description>Dock workers at the city port stayed off the job for a third day on Wednesday,
leaving dozens of container ships waiting offshore, the port authority said. Union leaders
said talks with employers would resume on Thursday.</description></item>
<item><title>Bridge closed after barge strike</title>
<link>https://harbor.example.org/news/bridge</link>
<pubDate>Thu, 07 Mar 2024 08:00:00 GMT</pubDate>
<description>The river bridge was closed to traffic on Thursday morning after a barge struck
one of its piers overnight, and engineers were inspecting the damage, the transport
department said. Commuters were told to expect delays for several days.</description></item>
<item><title>Photo gallery</title><link>https://harbor.example.org/gallery</link>
<description></description></item>
</channel></rss>"""


def test_a_page_and_a_feed_are_fetched_and_storied(db_copy: Path, site: Callable[..., str]) -> None:
    base = site(
        {
            "/ferry": (200, "text/html; charset=utf-8", PAGE),
            "/feed.xml": (200, "application/rss+xml", FEED),
        }
    )
    with TestClient(create_app(str(db_copy))) as client:
        page = client.post("/add", data={"url": base + "/ferry"}, follow_redirects=False)
        assert page.status_code == 303
        assert "Ferry service resumes" in client.get(page.headers["location"]).text
        feed = client.post("/api/articles", json={"url": base + "/feed.xml"})
        assert feed.status_code == 201, feed.text
        body = feed.json()
        titles = sorted(a["title"] for a in body["added"])
        assert titles == ["Bridge closed after barge strike", "Port strike enters third day"]
        assert len(body["stories"]) == 2  # two events, two stories
        [gallery] = body["skipped"]  # the photo gallery entry has no text
        assert gallery["source"] == base + "/feed.xml#3" and gallery["reason"]
        missing = client.post("/api/articles", json={"url": base + "/gone"})
        assert missing.status_code == 422 and "404" in missing.json()["error"]["message"]
        assert client.get("/api/stories").json()["total"] == 4


def test_serving_a_postgresql_store(postgres_url: str) -> None:
    text = (
        "Council approves budget\nThe city council approved a 2.1 billion dollar budget on "
        "Tuesday after a six-hour debate, the mayor's office said. Opposition members said "
        "the plan cut too deeply into library and park spending.\n"
    )
    with TestClient(create_app(postgres_url)) as client:
        added = client.post(
            "/api/articles", content=text.encode(), headers={"content-type": "text/plain"}
        )
        assert added.status_code == 201, added.text
        [article] = added.json()["added"]
        assert article["title"] == "Council approves budget"
        stories = client.get("/api/stories").json()
        assert stories["total"] == 1 and stories["items"][0]["id"] == article["story_id"]
        shown = client.get(f"/stories/{article['story_id']}")
        assert shown.status_code == 200 and "2.1 billion dollar budget" in shown.text
        assert client.get("/api/articles/ffff").status_code == 404
