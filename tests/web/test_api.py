"""The JSON API and the pages, through HTTP: what a client reads, adds, and what it is told
when it sends something wrong (always the one error shape, never a 500)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from newsprism.web import create_app

LOCAL = "http://127.0.0.1"  # a name the server answers to

# A report from another event (ECB+ topic 1), posted as a new article.
REHAB = {
    "title": "Tara Reid Checks Into Rehab",
    "text": (
        "Actress Tara Reid has checked herself into rehab, her representative said on "
        'Tuesday. "We appreciate your respect to her and her privacy at this time," the '
        "representative told People magazine. Reid, 33, starred in the American Pie films "
        "and the reality show Taradise."
    ),
    "published": "2008-04-29",
    "outlet": "People",
}


@pytest.fixture
def client(db_copy: Path) -> Iterator[TestClient]:
    with TestClient(create_app(str(db_copy), max_upload=20_000), base_url=LOCAL) as c:
        yield c


def _error(response: Any, status: int, code: str) -> str:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"status", "code", "message"}
    assert body["error"]["status"] == status and body["error"]["code"] == code
    message: str = body["error"]["message"]
    assert message
    return message


def csrf(client: TestClient) -> str:
    """The CSRF token the add form carries, read from the page as a browser would."""
    found = re.search(r'name="csrf" value="([0-9a-f]+)"', client.get("/").text)
    assert found, "the add form has no CSRF token"
    return found.group(1)


def _story_id(client: TestClient) -> str:
    items = client.get("/api/stories").json()["items"]
    return str(items[0]["id"])


def test_story_list_story_and_its_parts(client: TestClient) -> None:
    page = client.get("/api/stories").json()
    assert page["total"] == 1 and page["next"] is None and page["offset"] == 0
    sid = page["items"][0]["id"]
    assert page["items"][0]["n_articles"] == 4
    story = client.get(f"/api/stories/{sid}").json()
    assert story["headline"].startswith("Arcade Joseph Comeaux")
    conflicts = client.get(f"/api/stories/{sid}/facts", params={"status": "conflict"}).json()
    assert conflicts["total"] == 1
    fact = conflicts["items"][0]
    article = client.get(f"/api/articles/{fact['statements'][0]['article_id']}").json()
    st = fact["statements"][0]
    assert article["text"][st["start"] : st["end"]] == st["text"]
    assert article["story_id"] == sid and article["analysis"]["sentences"]
    quotes = client.get(f"/api/stories/{sid}/quotes").json()
    assert quotes["total"] == len(story["quotes"]) >= 1
    assert quotes["items"][0]["renderings"][0]["text"]
    events = client.get(f"/api/stories/{sid}/events").json()
    assert events["total"] == len(story["events"])


def test_lists_are_paginated(client: TestClient) -> None:
    first = client.get("/api/articles", params={"limit": 3}).json()
    assert first["total"] == 4 and len(first["items"]) == 3
    assert first["next"] == "/api/articles?limit=3&offset=3"
    second = client.get(first["next"]).json()
    assert len(second["items"]) == 1 and second["next"] is None and second["previous"]
    ids = {a["id"] for a in first["items"]} | {a["id"] for a in second["items"]}
    assert len(ids) == 4 and all("text" not in a for a in first["items"])
    sid = _story_id(client)
    singles = client.get(
        f"/api/stories/{sid}/facts", params={"status": "single_source", "limit": 2}
    ).json()
    assert singles["next"] == f"/api/stories/{sid}/facts?status=single_source&limit=2&offset=2"
    following = client.get(singles["next"]).json()
    assert following["total"] == singles["total"] > 2
    assert {f["status"] for f in following["items"]} == {"single_source"}


def test_openapi_describes_the_api(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    for path in (
        "/api/stories",
        "/api/stories/{story_id}",
        "/api/stories/{story_id}/facts",
        "/api/stories/{story_id}/quotes",
        "/api/stories/{story_id}/events",
        "/api/articles",
        "/api/articles/{article_id}",
    ):
        assert path in spec["paths"], path
    assert "post" in spec["paths"]["/api/articles"]
    assert "ErrorBody" in spec["components"]["schemas"]
    docs = client.get("/docs")  # a plain page, nothing loaded from a CDN
    assert docs.status_code == 200 and "GET /api/stories/{story_id}/facts" in docs.text
    assert "<script src" not in docs.text


def test_posting_an_article_adds_it_to_a_new_story(client: TestClient) -> None:
    response = client.post("/api/articles", json=REHAB)
    assert response.status_code == 201, response.text
    body = response.json()
    [added] = body["added"]
    assert added["title"] == REHAB["title"] and added["published"] == "2008-04-29"
    assert client.get("/api/stories").json()["total"] == 2
    story = client.get(f"/api/stories/{added['story_id']}").json()
    assert story["article_ids"] == [added["id"]]
    # the same article again is recognised, not duplicated
    again = client.post("/api/articles", json=REHAB).json()
    assert again["added"] == [] and again["existing"][0]["id"] == added["id"]


def test_a_report_of_the_same_escape_joins_its_story(client: TestClient) -> None:
    sid = _story_id(client)
    text = (
        "Texas inmate escapes after handcuffing guards\n"
        "A Texas prison inmate serving a life sentence for aggravated sexual assault pulled a "
        "gun on two guards during a prison transfer on Monday, handcuffed them and fled on "
        "foot, authorities said. Arcade Joseph Comeaux Jr., 49, was being taken from the "
        "Estelle Unit in Huntsville to Stiles Unit in Beaumont when he escaped, a Texas "
        "Department of Criminal Justice spokeswoman said. Comeaux used a wheelchair."
    )
    response = client.post(
        "/api/articles",
        content=text.encode(),
        headers={"content-type": "text/plain; charset=utf-8"},
    )
    assert response.status_code == 201, response.text
    assert response.json()["stories"] == [sid]
    assert client.get(f"/api/stories/{sid}").json()["article_ids"].__len__() == 5


def test_upload_and_paste_through_the_form(client: TestClient) -> None:
    files = {"file": ("rehab.txt", (REHAB["title"] + "\n\n" + REHAB["text"]).encode())}
    token = csrf(client)
    response = client.post("/add", files=files, data={"csrf": token}, follow_redirects=False)
    assert response.status_code == 303
    page = client.get(response.headers["location"])
    assert page.status_code == 200 and "Tara Reid" in page.text
    pasted = client.post(
        "/add",
        data={
            "csrf": token,
            "title": "Quake hits coast",
            "text": (
                "A magnitude 6.1 earthquake struck off the northern coast on Friday, the "
                "geological survey said, shaking buildings in two provincial capitals. No "
                "casualties were reported."
            ),
        },
        follow_redirects=False,
    )
    assert pasted.status_code == 303
    assert "Quake hits coast" in client.get(pasted.headers["location"]).text


def test_pages_render_the_story_and_its_articles(client: TestClient) -> None:
    home = client.get("/")
    assert home.status_code == 200 and "Arcade Joseph Comeaux" in home.text
    sid = _story_id(client)
    story = client.get(f"/stories/{sid}")
    assert story.status_code == 200
    assert 'class="conflict"' in story.text and 'data-hl="s-f1"' in story.text
    aid = client.get(f"/api/stories/{sid}").json()["article_ids"][0]
    article = client.get(f"/articles/{aid}")
    assert article.status_code == 200 and f"/stories/{sid}" in article.text


def test_unknown_ids_and_routes(client: TestClient) -> None:
    assert "no story" in _error(client.get("/api/stories/story-nope"), 404, "not_found")
    assert "no article" in _error(client.get("/api/articles/ffff"), 404, "not_found")
    _error(client.get("/api/stories/story-nope/facts"), 404, "not_found")
    _error(client.get("/api/nothing-here"), 404, "not_found")
    refused = client.delete("/api/stories")
    _error(refused, 405, "method_not_allowed")
    assert refused.headers["allow"] == "GET"
    html = client.get("/stories/story-nope", headers={"accept": "text/html"})
    assert html.status_code == 404 and "no story with id" in html.text


def test_bad_requests_get_the_error_shape(client: TestClient) -> None:
    msg = _error(
        client.post(
            "/api/articles",
            content=b'{"title": "x", text}',
            headers={"content-type": "application/json"},
        ),
        400,
        "malformed_json",
    )
    assert "line 1" in msg
    msg = _error(
        client.post("/api/articles", content=b"\x89PNG....", headers={"content-type": "image/png"}),
        415,
        "unsupported_media_type",
    )
    assert "image/png" in msg and "application/json" in msg
    _error(
        client.post("/api/articles", content=b"", headers={"content-type": "text/plain"}),
        400,
        "empty_body",
    )
    _error(client.post("/api/articles", json=[1, 2]), 422, "invalid_request")
    assert "limit" in _error(
        client.get("/api/stories", params={"limit": 0}), 422, "invalid_request"
    )
    _error(client.get("/api/articles", params={"offset": "many"}), 422, "invalid_request")
    _error(client.get("/api/articles", params={"offset": 2**63}), 422, "invalid_request")
    assert client.get("/", params={"offset": 2**70}).status_code == 422
    _error(client.get("/api/stories/x/facts", params={"status": "rumour"}), 422, "invalid_request")
    binary = client.post(
        "/api/articles", files={"file": ("scan.pdf", b"%PDF-1.7\x00\x01\x02" * 50)}
    )
    assert "binary" in _error(binary, 422, "no_article")
    _error(client.post("/api/articles", json={"url": "file:///etc/passwd"}), 422, "invalid_url")
    _error(
        client.post("/add", data={"title": "only a title", "csrf": csrf(client)}),
        422,
        "empty_form",
    )


def test_oversized_uploads_are_refused(client: TestClient) -> None:
    big = b"word " * 5_000  # 25,000 bytes, over the 20,000-byte limit of this app
    msg = _error(
        client.post("/api/articles", content=big, headers={"content-type": "text/plain"}),
        413,
        "too_large",
    )
    assert "upload limit" in msg
    _error(client.post("/api/articles", files={"file": ("big.txt", big)}), 413, "too_large")

    def chunks() -> Iterator[bytes]:  # no Content-Length: the limit applies as it streams
        for _ in range(10):
            yield b"word " * 1_000

    _error(
        client.post("/api/articles", content=chunks(), headers={"content-type": "text/plain"}),
        413,
        "too_large",
    )
    assert client.get("/api/health").json()["articles"] == 4


def test_hostile_markup_in_an_article_is_shown_as_text(client: TestClient) -> None:
    hostile = {
        "title": 'Council vote <script>alert("x")</script> delayed',
        "text": (
            "The city council delayed its vote on the harbour plan until March, the mayor "
            'said on Tuesday. <img src=x onerror=alert(1)> "We need more time," she said.'
        ),
        "published": "2024-02-06",
    }
    added = client.post("/api/articles", json=hostile).json()["added"][0]
    for path in (f"/stories/{added['story_id']}", f"/articles/{added['id']}", "/"):
        page = client.get(path).text
        assert "<script>alert" not in page and "<img src=x" not in page
    assert "&lt;script&gt;" in client.get(f"/stories/{added['story_id']}").text
