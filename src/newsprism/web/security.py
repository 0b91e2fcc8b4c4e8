"""Who may read and write, from where: the token, Host and Origin checks, CSRF, security headers.

A server on loopback is still reachable from every web page its user opens: a
page elsewhere can post a form to it, or rename itself through DNS to reach it
(rebinding). So, whatever the token setting:

- a request must name a host this server answers to (loopback names, ``--host``,
  ``allowed_hosts``), else 400 — a rebound name is not one of them;
- a write (any method but GET/HEAD/OPTIONS) coming from a browser page must
  come from this server's own pages (``Origin`` / ``Sec-Fetch-Site``), else 403;
- the HTML forms carry a CSRF token, an HMAC of the form's name under a secret
  drawn when the process starts;
- with a token set, writes (and with ``protect_reads`` every page but
  ``/api/health`` and ``/login``) need it: ``Authorization: Bearer TOKEN``, or the
  session cookie ``/login`` sets; compared in constant time;
- every response carries a strict Content-Security-Policy (the inline style and
  script of the pages allowed by their hashes, nothing else), ``frame-ancestors
  'none'`` and ``X-Frame-Options: DENY``, ``nosniff`` and ``Referrer-Policy``.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import ipaddress
import json
import secrets
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..render.assets import CSS, JS
from .errors import error_body

LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})
SESSION_COOKIE = "newsprism_session"
_SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
_OPEN_PATHS = frozenset({"/api/health", "/login"})


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


# The pages' only script and style are the inline blocks of render.html.page; a hash
# allows exactly those, so text from an article can never add one that runs.
CSP = "; ".join(
    [
        "default-src 'none'",
        f"script-src {_sha256(JS)}",
        f"style-src {_sha256(CSS)}",
        "img-src 'self' data:",
        "connect-src 'self'",
        "form-action 'self'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
    ]
)
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-frame-options", b"DENY"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
]


def is_loopback(host: str) -> bool:
    """Whether ``host`` (a name or an address) is this machine only.

    >>> is_loopback("127.0.0.1"), is_loopback("::1"), is_loopback("0.0.0.0")
    (True, True, False)
    """
    if host.strip("[]").lower() in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def host_name(value: str) -> str:
    """The name in a Host header or URL authority, without the port, lower-case.

    >>> host_name("[::1]:8000"), host_name("News.Example.org:443"), host_name("localhost")
    ('::1', 'news.example.org', 'localhost')
    """
    value = value.strip().lower()
    if value.startswith("["):
        return value[1:].split("]", 1)[0]
    return value.rsplit(":", 1)[0] if value.count(":") == 1 else value


@dataclass(frozen=True)
class Access:
    """The access rules of one server: the names it answers to, its token, its CSRF secret.

    ``hosts`` empty means any Host header is accepted (a server listening on every
    interface with no ``allowed_hosts``: it has a token, as ``serve`` insists).
    """

    hosts: frozenset[str]
    token: str | None = None
    protect_reads: bool = False
    secret: bytes = field(default_factory=lambda: secrets.token_bytes(32), repr=False)

    @classmethod
    def for_server(
        cls,
        bind: str | None,
        token: str | None,
        protect_reads: bool,
        allowed: Iterable[str] = (),
    ) -> Access:
        """The rules for a server bound to ``bind`` (None: an app not bound by us, loopback)."""
        names = {host_name(n) for n in allowed if n.strip()}
        bind_name = host_name(bind) if bind else None
        wildcard = bind_name in ("0.0.0.0", "::", "")
        if wildcard and not names:
            return cls(frozenset(), token or None, protect_reads)
        names |= LOOPBACK_NAMES
        if bind_name and not wildcard:
            names.add(bind_name)
        return cls(frozenset(names), token or None, protect_reads)

    def csrf(self, form: str) -> str:
        """The CSRF token of ``form`` (one per form name and process)."""
        return hmac.new(self.secret, b"csrf:" + form.encode(), hashlib.sha256).hexdigest()

    def csrf_ok(self, form: str, given: object) -> bool:
        return isinstance(given, str) and hmac.compare_digest(
            given.encode("utf-8", "surrogatepass"), self.csrf(form).encode()
        )

    def session(self) -> str:
        """The session cookie's value: a MAC of the token, so the cookie does not hold it."""
        assert self.token is not None
        return hmac.new(self.token.encode(), b"newsprism session", hashlib.sha256).hexdigest()

    def token_ok(self, given: str) -> bool:
        return self.token is not None and hmac.compare_digest(
            given.encode("utf-8", "surrogatepass"), self.token.encode("utf-8", "surrogatepass")
        )

    def authorized(self, headers: dict[bytes, bytes]) -> bool:
        """Whether the request carries the token (header) or a valid session (cookie)."""
        if self.token is None:
            return True
        auth = headers.get(b"authorization", b"").decode("latin-1")
        scheme, _, given = auth.partition(" ")
        if scheme.lower() == "bearer" and self.token_ok(given.strip()):
            return True
        for part in headers.get(b"cookie", b"").decode("latin-1").split(";"):
            name, _, value = part.strip().partition("=")
            if name == SESSION_COOKIE and hmac.compare_digest(
                value.encode("latin-1"), self.session().encode()
            ):
                return True
        return False


class Guard:
    """ASGI middleware applying :class:`Access` and adding the security headers."""

    def __init__(self, app: ASGIApp, access: Access) -> None:
        self.app = app
        self.access = access

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = list(message.get("headers") or []) + SECURITY_HEADERS
            await send(message)

        refusal = self.refusal(scope, headers)
        if refusal is None:
            await self.app(scope, receive, with_headers)
            return
        status, code, message, extra = refusal
        accept = headers.get(b"accept", b"").decode("latin-1")
        if status == 401 and scope.get("method") == "GET" and "text/html" in accept:
            # a browser opening a protected page is sent to sign in
            status, extra = 303, [(b"location", b"/login")]
        body = json.dumps(error_body(status, code, message)).encode()
        await with_headers(
            {
                "type": "http.response.start",
                "status": status,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"content-length", str(len(body)).encode()),
                    *extra,
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})

    def refusal(
        self, scope: Scope, headers: dict[bytes, bytes]
    ) -> tuple[int, str, str, list[tuple[bytes, bytes]]] | None:
        """Why the request is refused (status, code, message, headers), or None."""
        access = self.access
        host = host_name(headers.get(b"host", b"").decode("latin-1"))
        if access.hosts and host not in access.hosts:
            return (
                400,
                "unknown_host",
                f"this server does not answer to the host name {host[:100]!r}; name it with "
                "newsprism serve --allowed-hosts",
                [],
            )
        method = scope.get("method", "GET")
        path = scope.get("path", "")
        if method not in _SAFE_METHODS:
            site = headers.get(b"sec-fetch-site", b"").decode("latin-1").lower()
            origin = headers.get(b"origin")
            sent_to = headers.get(b"host", b"").decode("latin-1")
            if site in ("cross-site", "same-site") or (
                origin is not None and not _same_origin(origin.decode("latin-1"), sent_to)
            ):
                return (
                    403,
                    "cross_origin",
                    "writes are only accepted from this server's pages",
                    [],
                )
        needs_token = method not in _SAFE_METHODS or access.protect_reads
        if needs_token and path not in _OPEN_PATHS and not access.authorized(headers):
            return (
                401,
                "unauthorized",
                "this server needs its token: send 'Authorization: Bearer TOKEN', or sign "
                "in at /login",
                [(b"www-authenticate", b"Bearer")],
            )
        return None


def _same_origin(origin: str, host: str) -> bool:
    """Whether an Origin header names the host and port the request was sent to.

    >>> _same_origin("http://localhost:8000", "localhost:8000")
    True
    >>> _same_origin("http://localhost:9999", "localhost:8000"), _same_origin("null", "x")
    (False, False)
    """
    if origin == "null":
        return False
    return _authority(urlsplit(origin).netloc) == _authority(host)


def _authority(value: str) -> tuple[str, str]:
    name = host_name(value)
    rest = value.strip().lower().rsplit("]", 1)[-1] if value.strip().startswith("[") else value
    port = rest.rsplit(":", 1)[1] if rest.count(":") == 1 else ""
    return name, port
