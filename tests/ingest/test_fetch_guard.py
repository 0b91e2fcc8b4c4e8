"""Fetching a URL someone else chose: loopback and private addresses refused (after every
redirect, on the address that was checked), a total deadline, one message for every network
failure. Servers run on loopback only; "the public internet" is 127.0.0.2 with the address
check told to treat it as public."""

from __future__ import annotations

import ipaddress
import socket
import ssl
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
import pytest

from newsprism.config import Settings
from newsprism.ingest import fetch, netguard
from newsprism.ingest.fetch import UNREACHABLE, fetch_url
from newsprism.records import Document, Skipped

PAGE = (
    b"Council approves budget\nThe city council approved a 2.1 billion dollar budget on "
    b"Tuesday after a six-hour debate, the mayor's office said.\n"
)
GUARDED = Settings(allow_private_urls=False, http_timeout=3, http_deadline=3)


class Site:
    """A loopback web server that records the Host header of every request it answers."""

    def __init__(
        self,
        address: str,
        routes: dict[str, Callable[[Any], None]],
        tls: ssl.SSLContext | None = None,
    ) -> None:
        seen = self.hosts = []

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                seen.append(self.headers.get("Host"))
                routes.get(self.path, _page)(self)

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer((address, 0), Handler)
        self.httpd.daemon_threads = True
        if tls is not None:
            self.httpd.socket = tls.wrap_socket(self.httpd.socket, server_side=True)
        self.port = int(self.httpd.server_address[1])
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def _page(handler: Any) -> None:
    handler.send_response(200)
    handler.send_header("Content-Type", "text/plain; charset=utf-8")
    handler.send_header("Content-Length", str(len(PAGE)))
    handler.end_headers()
    handler.wfile.write(PAGE)


def _redirect(to: str) -> Callable[[Any], None]:
    def answer(handler: Any) -> None:
        handler.send_response(302)
        handler.send_header("Location", to)
        handler.end_headers()

    return answer


def _trickle(handler: Any) -> None:
    """A page that sends one byte every 0.2 s, for at most 8 s (a bound for the test)."""
    handler.send_response(200)
    handler.send_header("Content-Type", "text/plain")
    handler.send_header("Content-Length", "40")
    handler.end_headers()
    for _ in range(40):
        try:
            handler.wfile.write(b"x")
            handler.wfile.flush()
        except OSError:
            return
        time.sleep(0.2)


@pytest.fixture
def public(monkeypatch: pytest.MonkeyPatch) -> None:
    """Treat 127.0.0.2 as a public address; every other loopback address stays refused."""
    real = netguard.refusal

    def refusal(address: netguard.IPAddress) -> str | None:
        return None if address == ipaddress.ip_address("127.0.0.2") else real(address)

    monkeypatch.setattr(netguard, "refusal", refusal)


@pytest.fixture
def sites() -> Iterator[Callable[..., Site]]:
    started: list[Site] = []

    def start(
        address: str = "127.0.0.1",
        tls: ssl.SSLContext | None = None,
        **routes: Callable[[Any], None],
    ) -> Site:
        site = Site(address, {"/" + k: v for k, v in routes.items()}, tls)
        started.append(site)
        return site

    yield start
    for site in started:
        site.close()


@pytest.mark.parametrize(
    "host", ["127.0.0.1", "localhost", "[::1]", "[::ffff:127.0.0.1]", "2130706433", "0x7f.1"]
)
def test_a_loopback_url_is_refused_when_private_urls_are_off(
    sites: Callable[..., Site], host: str
) -> None:
    site = sites()
    (item,) = fetch_url(f"http://{host}:{site.port}/page", GUARDED)
    assert isinstance(item, Skipped)
    assert "loopback" in item.reason and "--allow-private-urls" in item.reason
    assert site.hosts == []  # never connected


def test_the_cli_default_still_fetches_loopback(sites: Callable[..., Site]) -> None:
    site = sites()
    (doc,) = fetch_url(f"http://127.0.0.1:{site.port}/page", Settings())
    assert isinstance(doc, Document) and "2.1 billion dollar budget" in doc.body


@pytest.mark.parametrize(
    "address",
    [
        "10.0.0.1",
        "172.16.5.4",
        "192.168.1.1",
        "169.254.169.254",
        "100.64.0.1",
        "0.0.0.0",
        "224.0.0.1",
        "240.0.0.1",
        "::1",
        "::",
        "fe80::1",
        "fc00::1",
        "ff02::1",
        "::ffff:10.0.0.1",
        "::ffff:169.254.169.254",
        "2002:7f00:1::",
    ],
)
def test_every_kind_of_non_public_address_is_refused(address: str) -> None:
    assert netguard.refusal(ipaddress.ip_address(address)) is not None


@pytest.mark.parametrize("address", ["93.184.215.14", "8.8.8.8", "2606:4700:4700::1111"])
def test_public_addresses_pass(address: str) -> None:
    assert netguard.refusal(ipaddress.ip_address(address)) is None


@pytest.mark.usefixtures("public")
def test_a_redirect_to_loopback_is_checked_again_and_refused(sites: Callable[..., Site]) -> None:
    inside = sites("127.0.0.1")
    outside = sites("127.0.0.2", start=_redirect(f"http://127.0.0.1:{inside.port}/page"))
    (item,) = fetch_url(f"http://127.0.0.2:{outside.port}/start", GUARDED)
    assert isinstance(item, Skipped) and "loopback" in item.reason
    assert len(outside.hosts) == 1 and inside.hosts == []


@pytest.mark.usefixtures("public")
def test_the_connection_goes_to_the_address_that_was_checked(
    sites: Callable[..., Site], monkeypatch: pytest.MonkeyPatch
) -> None:
    """DNS rebinding: the name answers a public address, then loopback; the fetch is pinned."""
    outside = sites("127.0.0.2")
    inside = sites("127.0.0.1")
    answers = iter(["127.0.0.2", "127.0.0.1", "127.0.0.1"])
    real = socket.getaddrinfo

    def rebinding(host: Any, port: Any, *args: Any, **kwargs: Any) -> Any:
        if host == "news.rebind.test":
            return real(next(answers), port, *args, **kwargs)
        return real(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    (doc,) = fetch_url(f"http://news.rebind.test:{outside.port}/page", GUARDED)
    assert isinstance(doc, Document) and "2.1 billion dollar budget" in doc.body
    assert outside.hosts == [f"news.rebind.test:{outside.port}"]  # Host header kept
    assert inside.hosts == []


@pytest.mark.usefixtures("public")
def test_https_is_pinned_and_keeps_the_name_for_sni_and_the_certificate(
    sites: Callable[..., Site], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The connection goes to the checked address; TLS still names (and verifies) the host."""
    name = "news.rebind.test"
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
         "-keyout", str(key), "-out", str(cert), "-subj", f"/CN={name}",
         "-addext", f"subjectAltName=DNS:{name}"],
        check=True, capture_output=True,
    )  # fmt: skip
    server_tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    server_tls.load_cert_chain(cert, key)
    names: list[str | None] = []
    server_tls.sni_callback = lambda _sock, sni, _ctx: names.append(sni)
    outside = sites("127.0.0.2", tls=server_tls)
    inside = sites("127.0.0.1")
    answers = iter(["127.0.0.2", "127.0.0.1", "127.0.0.1"])
    real = socket.getaddrinfo

    def rebinding(host: Any, port: Any, *args: Any, **kwargs: Any) -> Any:
        if host == name:
            return real(next(answers), port, *args, **kwargs)
        return real(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    monkeypatch.setattr(
        httpx, "create_ssl_context", lambda: ssl.create_default_context(cafile=cert)
    )
    (doc,) = fetch_url(f"https://{name}:{outside.port}/page", GUARDED)
    assert isinstance(doc, Document) and "2.1 billion dollar budget" in doc.body
    assert names == [name]  # SNI: the host name, not the address connected to
    assert outside.hosts == [f"{name}:{outside.port}"] and inside.hosts == []


def test_a_trickling_server_is_cut_off_at_the_total_deadline(sites: Callable[..., Site]) -> None:
    site = sites(slow=_trickle)
    started = time.monotonic()
    settings = Settings(http_timeout=5, http_deadline=1)
    (item,) = fetch_url(f"http://127.0.0.1:{site.port}/slow", settings)
    took = time.monotonic() - started
    # each byte arrives well within the 5 s idle timeout; only the deadline ends the fetch,
    # which the trickle (8 s) would otherwise outlast
    assert isinstance(item, Skipped) and item.reason == UNREACHABLE
    assert took < 5, took


def test_network_failures_all_read_the_same(sites: Callable[..., Site]) -> None:
    """A closed port, a server that hangs up, and one that never answers: one message."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        closed = s.getsockname()[1]
    hangup = socket.socket()
    hangup.bind(("127.0.0.1", 0))
    hangup.listen(5)
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(5)

    def hang_up() -> None:
        for _ in range(2):
            conn, _ = hangup.accept()
            conn.close()

    threading.Thread(target=hang_up, daemon=True).start()
    settings = Settings(http_timeout=1, http_deadline=2)
    reasons = set()
    try:
        for port in (closed, hangup.getsockname()[1], silent.getsockname()[1]):
            (item,) = fetch_url(f"http://127.0.0.1:{port}/story", settings)
            assert isinstance(item, Skipped)
            reasons.add(item.reason)
    finally:
        hangup.close()
        silent.close()
    assert reasons == {UNREACHABLE}


def test_private_urls_setting_reads_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    from newsprism.config import load_settings

    monkeypatch.setenv("NEWSPRISM_ALLOW_PRIVATE_URLS", "false")
    assert load_settings().allow_private_urls is False
    assert not fetch.private_allowed(load_settings())
    monkeypatch.delenv("NEWSPRISM_ALLOW_PRIVATE_URLS")
    assert fetch.private_allowed(load_settings())
