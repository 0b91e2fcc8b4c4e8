"""The web app facing hostile clients and pages: host names, cross-origin posts, CSRF, the
token, security headers the pages still satisfy, fetches of internal URLs, hostile JSON
bodies and oversized lists, and list endpoints that do not load article texts."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from newsprism.cli import app as cli
from newsprism.config import Settings
from newsprism.store.sql import SQLStore
from newsprism.web import create_app
from newsprism.web.inputs import MAX_ARTICLES

from .test_api import LOCAL, REHAB, _error, csrf

TOKEN = "correct horse battery staple"


@pytest.fixture
def client(db_copy: Path) -> Iterator[TestClient]:
    with TestClient(create_app(str(db_copy)), base_url=LOCAL) as c:
        yield c


@pytest.fixture
def locked(db_copy: Path) -> Iterator[TestClient]:
    """A server with a token, reads left open."""
    with TestClient(create_app(str(db_copy), settings=Settings(token=TOKEN)), base_url=LOCAL) as c:
        yield c


# -- host names and origins -------------------------------------------------------------
@pytest.mark.parametrize("host", ["evil.example", "attacker.test:8000", "192.168.1.20"])
def test_a_host_name_the_server_does_not_answer_to_is_refused(
    client: TestClient, host: str
) -> None:
    """DNS rebinding: a page on another name that now points at 127.0.0.1 reads nothing."""
    message = _error(client.get("/api/stories", headers={"host": host}), 400, "unknown_host")
    assert "--allowed-hosts" in message


@pytest.mark.parametrize("host", ["127.0.0.1:8000", "localhost", "[::1]:8000", "LOCALHOST:1"])
def test_loopback_names_are_answered(client: TestClient, host: str) -> None:
    assert client.get("/api/stories", headers={"host": host}).status_code == 200


def test_allowed_hosts_adds_names(db_copy: Path) -> None:
    settings = Settings(allowed_hosts="news.example.org, desk.example.org")
    with TestClient(create_app(str(db_copy), settings=settings), base_url=LOCAL) as c:
        assert c.get("/", headers={"host": "desk.example.org"}).status_code == 200
        assert c.get("/", headers={"host": "other.example.org"}).status_code == 400


@pytest.mark.parametrize(
    "headers",
    [
        {"origin": "https://evil.example"},
        {"origin": "http://127.0.0.1:9999"},  # another local service's page
        {"origin": "null"},
        {"sec-fetch-site": "cross-site"},
    ],
)
def test_a_post_from_another_sites_page_is_refused(
    client: TestClient, headers: dict[str, str]
) -> None:
    token = csrf(client)
    form = client.post("/add", data={"csrf": token, "text": REHAB["text"]}, headers=headers)
    _error(form, 403, "cross_origin")
    api = client.post(
        "/api/articles", content=REHAB["text"].encode(), headers={"content-type": "text/plain"}
    )
    assert api.status_code == 201  # the same post without the foreign origin is fine
    plain = client.post(
        "/api/articles",
        content=REHAB["text"].encode(),
        headers={"content-type": "text/plain", **headers},
    )
    _error(plain, 403, "cross_origin")


def test_a_same_origin_form_post_is_accepted(client: TestClient) -> None:
    token = csrf(client)
    done = client.post(
        "/add",
        data={"csrf": token, "title": REHAB["title"], "text": REHAB["text"]},
        headers={"origin": LOCAL, "sec-fetch-site": "same-origin"},
        follow_redirects=False,
    )
    assert done.status_code == 303, done.text


@pytest.mark.parametrize("given", [None, "", "0" * 64])
def test_a_form_post_without_its_csrf_token_is_refused(
    client: TestClient, given: str | None
) -> None:
    data = {"text": REHAB["text"]} | ({"csrf": given} if given is not None else {})
    _error(client.post("/add", data=data), 403, "csrf")
    assert client.get("/api/health").json()["articles"] == 4  # nothing added


def test_the_csrf_token_is_secret_per_process(story_db: Path, tmp_path: Path) -> None:
    one, two = tmp_path / "1.db", tmp_path / "2.db"
    one.write_bytes(story_db.read_bytes())
    two.write_bytes(story_db.read_bytes())
    with (
        TestClient(create_app(str(one)), base_url=LOCAL) as a,
        TestClient(create_app(str(two)), base_url=LOCAL) as b,
    ):
        assert csrf(a) != csrf(b)
        _error(b.post("/add", data={"csrf": csrf(a), "text": REHAB["text"]}), 403, "csrf")


# -- the token ---------------------------------------------------------------------------
def test_writes_need_the_token_reads_stay_open(locked: TestClient) -> None:
    assert locked.get("/api/stories").status_code == 200
    assert locked.get("/").status_code == 200 and 'href="/login"' in locked.get("/").text
    refused = locked.post("/api/articles", json=REHAB)
    _error(refused, 401, "unauthorized")
    assert refused.headers["www-authenticate"] == "Bearer"
    wrong = locked.post("/api/articles", json=REHAB, headers={"authorization": "Bearer nope"})
    _error(wrong, 401, "unauthorized")
    right = locked.post("/api/articles", json=REHAB, headers={"authorization": f"Bearer {TOKEN}"})
    assert right.status_code == 201, right.text


def test_protected_reads_and_signing_in(db_copy: Path) -> None:
    settings = Settings(token=TOKEN, protect_reads=True)
    with TestClient(create_app(str(db_copy), settings=settings), base_url=LOCAL) as c:
        _error(c.get("/api/stories"), 401, "unauthorized")
        health = c.get("/api/health")  # liveness stays open, the counts do not
        assert health.status_code == 200 and health.json() == {"status": "ok"}
        signed_in = c.get("/api/health", headers={"authorization": f"Bearer {TOKEN}"})
        assert signed_in.json()["articles"] > 0
        browser = c.get("/", headers={"accept": "text/html"}, follow_redirects=False)
        assert browser.status_code == 303 and browser.headers["location"] == "/login"
        page = c.get("/login")
        assert page.status_code == 200
        found = re.search(r'name="csrf" value="([0-9a-f]+)"', page.text)
        assert found
        _error(c.post("/login", data={"csrf": found[1], "token": "guess"}), 401, "unauthorized")
        signed = c.post("/login", data={"csrf": found[1], "token": TOKEN}, follow_redirects=False)
        assert signed.status_code == 303
        cookie = signed.headers["set-cookie"]
        assert "httponly" in cookie.lower() and "samesite=strict" in cookie.lower()
        assert TOKEN not in cookie
        assert c.get("/api/stories").status_code == 200  # the session cookie now rides along
        added = c.post("/add", data={"csrf": csrf(c), "text": REHAB["text"]})
        assert added.status_code == 200 and "Tara Reid" in added.text


def test_the_token_comes_from_the_environment(
    db_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsprism.config import load_settings

    monkeypatch.setenv("NEWSPRISM_TOKEN", TOKEN)
    with TestClient(create_app(str(db_copy), settings=load_settings()), base_url=LOCAL) as c:
        _error(c.post("/api/articles", json=REHAB), 401, "unauthorized")


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.20", "::"])
def test_serve_refuses_a_network_interface_without_a_token(
    host: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("NEWSPRISM_TOKEN", raising=False)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "s.db"), "--host", host])
    assert result.exit_code == 2
    assert "token" in result.output


# -- security headers ----------------------------------------------------------------------
def _inline_hashes(html: str, tag: str) -> set[str]:
    blocks = re.findall(rf"<{tag}>(.*?)</{tag}>", html, flags=re.S)
    assert blocks, f"no inline {tag}"
    return {
        "'sha256-" + base64.b64encode(hashlib.sha256(b.encode()).digest()).decode() + "'"
        for b in blocks
    }


def test_every_response_carries_the_security_headers(client: TestClient) -> None:
    sid = client.get("/api/stories").json()["items"][0]["id"]
    for response in [
        client.get("/"),
        client.get(f"/stories/{sid}"),
        client.get("/api/stories"),
        client.get("/api/stories/nope"),
        client.get("/openapi.json"),
        client.get("/", headers={"host": "evil.example"}),
        client.post("/api/articles", content=b"x" * 11_000_000),
    ]:
        h = response.headers
        assert "frame-ancestors 'none'" in h["content-security-policy"], response.url
        assert h["x-frame-options"] == "DENY"
        assert h["x-content-type-options"] == "nosniff"
        assert h["referrer-policy"] == "no-referrer"


def test_the_policy_allows_the_pages_own_script_and_style_and_nothing_else(
    client: TestClient,
) -> None:
    sid = client.get("/api/stories").json()["items"][0]["id"]
    page = client.get(f"/stories/{sid}")
    policy = dict(
        part.strip().split(" ", 1) for part in page.headers["content-security-policy"].split(";")
    )
    assert _inline_hashes(page.text, "script") <= set(policy["script-src"].split())
    assert _inline_hashes(page.text, "style") <= set(policy["style-src"].split())
    assert "unsafe-inline" not in page.headers["content-security-policy"]
    assert policy["default-src"] == "'none'"
    # the policy allows no style attribute or inline handler: a page using one breaks silently
    for path in ("/", f"/stories/{sid}", "/docs", "/login"):
        html = client.get(path).text
        assert not re.search(r"<[^>]+\s(style|on[a-z]+)\s*=", html), path


# -- fetching internal URLs through the server --------------------------------------------
def test_the_server_does_not_fetch_loopback_urls(
    client: TestClient, site: Callable[..., str]
) -> None:
    base = site({"/secret": (200, "text/plain", b"Internal admin page\n" + b"secret words " * 30)})
    refused = client.post("/api/articles", json={"url": base + "/secret"})
    message = _error(refused, 422, "no_article")
    assert "loopback" in message and "--allow-private-urls" in message
    form = client.post("/add", data={"csrf": csrf(client), "url": base + "/secret"})
    assert form.status_code == 422 and "loopback" in form.text
    assert client.get("/api/health").json()["articles"] == 4


def test_closed_and_open_ports_look_the_same(db_copy: Path) -> None:
    """A closed port and an open one that hangs up: the same message, so no port scan."""
    import socket
    import threading

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        closed = s.getsockname()[1]
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)

    def hang_up() -> None:
        conn, _ = listener.accept()
        conn.close()

    threading.Thread(target=hang_up, daemon=True).start()
    settings = Settings(allow_private_urls=True, http_timeout=2, http_deadline=3)
    messages = set()
    with TestClient(create_app(str(db_copy), settings=settings), base_url=LOCAL) as c:
        for port in (closed, listener.getsockname()[1]):
            url = f"http://127.0.0.1:{port}/"
            message = _error(c.post("/api/articles", json={"url": url}), 422, "no_article")
            messages.add(message.replace(url, "URL"))
    listener.close()
    assert len(messages) == 1, messages


# -- request bodies ----------------------------------------------------------------------
@pytest.mark.parametrize(
    "body",
    [
        b"[" * 1_000 + b"]" * 1_000,
        b"[" * 100_000 + b"]" * 100_000,
        b'{"a":' * 40 + b"1" + b"}" * 40,
        b'{"text": "\\ud800 a lone surrogate", "title": "x"}',
        b'{"title": "\\udfff"}',
        b'{"text": "big", "n": ' + b"9" * 5_000 + b"}",
        b'{"text": "nan", "n": NaN}',
    ],
    ids=[
        "deep-1000",
        "deep-100000",
        "deep-40",
        "surrogate",
        "surrogate-title",
        "5000-digits",
        "nan",
    ],
)
def test_hostile_json_bodies_are_a_400_not_a_500(client: TestClient, body: bytes) -> None:
    _error(
        client.post("/api/articles", content=body, headers={"content-type": "application/json"}),
        400,
        "malformed_json",
    )


def test_a_nul_in_a_json_string_is_removed(client: TestClient) -> None:
    item = dict(REHAB, text=REHAB["text"].replace("Tuesday", "Tues\u0000day"))
    added = client.post("/api/articles", json=item)
    assert added.status_code == 201, added.text
    (article,) = added.json()["added"]
    text = client.get(f"/api/articles/{article['id']}").json()["text"]
    assert "\x00" not in text and "said on Tuesday" in text


def test_a_list_over_the_cap_is_refused_naming_the_cap(client: TestClient) -> None:
    items = [dict(REHAB, title=f"Item {n}") for n in range(MAX_ARTICLES + 1)]
    message = _error(client.post("/api/articles", json=items), 413, "too_many_articles")
    assert f"at most {MAX_ARTICLES}" in message
    jsonl = "\n".join(json.dumps(dict(REHAB, title=f"Line {n}")) for n in range(MAX_ARTICLES + 1))
    upload = client.post("/api/articles", files={"file": ("many.jsonl", jsonl.encode())})
    _error(upload, 413, "too_many_articles")


def test_listing_articles_reads_no_text(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = client.get("/api/articles", params={"limit": 500}).json()

    def no_full_articles(*args: Any) -> Any:
        raise AssertionError("a list loaded a whole article")

    monkeypatch.setattr(SQLStore, "_article", no_full_articles)
    after = client.get("/api/articles", params={"limit": 500})
    assert after.status_code == 200, after.text
    items = after.json()["items"]
    assert len(items) == 4 and all(i["words"] > 50 and i["story_id"] for i in items)
    assert {i["title"] for i in items} == {i["title"] for i in before["items"]}
