"""Adding articles from the web (a page URL, a feed URL) and serving a PostgreSQL store."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from fastapi.testclient import TestClient

from newsprism.config import Settings
from newsprism.web import create_app

from .test_api import csrf

_QUAKE = (
    "A magnitude 6.1 earthquake struck off the northern coast on Friday, the geological "
    "survey said, shaking buildings in two provincial capitals. No casualties were reported."
)
LOCAL = "http://127.0.0.1"  # a name the server answers to
SITE = Path(__file__).resolve().parents[1] / "data" / "site"


def test_a_page_and_a_feed_are_fetched_and_storied(db_copy: Path, site: Callable[..., str]) -> None:
    page = (SITE / "ferry.html").read_bytes()
    feed = (SITE / "harbor.rss").read_bytes()  # two events, and an entry with no text
    base = site(
        {
            "/ferry": (200, "text/html; charset=utf-8", page),
            "/feed.xml": (200, "application/rss+xml", feed),
        }
    )
    settings = Settings(allow_private_urls=True)  # the test site is on loopback
    with TestClient(create_app(str(db_copy), settings=settings), base_url=LOCAL) as client:
        token = csrf(client)
        page = client.post(
            "/add", data={"url": base + "/ferry", "csrf": token}, follow_redirects=False
        )
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
    with TestClient(create_app(postgres_url), base_url=LOCAL) as client:
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
        # a NUL in a JSON string: PostgreSQL text cannot hold it, so it is removed (once a 500)
        nul = {"title": "Quake\u0000 hits coast", "text": _QUAKE.replace("Friday", "Fri\u0000day")}
        for sent in (
            {"json": nul},
            {"files": {"file": ("quake.jsonl", (json.dumps(nul) + "\n").encode())}},
        ):
            stored = client.post("/api/articles", **sent)  # type: ignore[arg-type]
            assert stored.status_code == 201, stored.text
            (item,) = stored.json()["added"] or stored.json()["existing"]
            article = client.get(f"/api/articles/{item['id']}").json()
            assert "\x00" not in article["text"] + article["title"]
            assert "on Friday" in article["text"]
        listed = client.get("/api/articles", params={"limit": 500}).json()["items"]
        assert listed[0]["words"] == len(text.split())
