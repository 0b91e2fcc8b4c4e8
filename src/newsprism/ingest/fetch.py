"""http(s) URLs: a total deadline, redirects, a size limit, a content-type check and, unless
allowed, public addresses only (see :mod:`.netguard`)."""

from __future__ import annotations

import time
from collections.abc import Iterator

from .._version import __version__
from ..config import Settings
from ..records import Document, Skipped
from .feed import looks_like_feed, read_feed
from .jsonl import read_jsonl
from .text import read_html, read_text

USER_AGENT = f"newsprism/{__version__}"
MAX_REDIRECTS = 5
# One message for every network failure (refused, reset, timed out, no such host), so a
# fetch cannot be used to tell an open port from a closed one.
UNREACHABLE = "could not fetch: the server could not be reached or did not answer in time"


def _one_line(exc: BaseException) -> str:
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return text[:150]


def private_allowed(settings: Settings) -> bool:
    """Whether fetches may reach loopback and private addresses.

    Unset (None) means the person running the command is the one asking, as with
    ``analyze`` and ``watch``: allowed. ``serve`` sets it to False unless told
    otherwise (``--allow-private-urls``).
    """
    return settings.allow_private_urls is not False


def fetch_url(url: str, settings: Settings) -> Iterator[Document | Skipped]:
    """Fetch ``url`` and read it by its content type; every failure is one Skipped.

    The whole fetch (resolving, connecting, redirects, the body) ends within
    ``settings.http_deadline`` seconds; each read waits at most
    ``settings.http_timeout``. Unless private addresses are allowed, a host that
    resolves to any non-public address is refused, after every redirect too.

    Example (needs the models or files named)::

        list(fetch_url("http://127.0.0.1:9/", Settings(http_timeout=1)))
        # [Skipped(source='http://127.0.0.1:9/', reason='could not fetch: the server …')]
    """
    import httpcore
    import httpx

    from .netguard import AddressRefused, PinnedBackend

    limit = settings.max_bytes
    deadline = time.monotonic() + settings.http_deadline
    transport = httpx.HTTPTransport()
    # the transport's own pool, but connecting through the checking, pinning backend
    transport._pool = httpcore.ConnectionPool(
        ssl_context=httpx.create_ssl_context(),
        max_connections=2,
        network_backend=PinnedBackend(allow_private=private_allowed(settings), deadline=deadline),
    )
    try:
        with (
            httpx.Client(
                transport=transport,  # an explicit transport: no proxy from the environment
                timeout=settings.http_timeout,
                follow_redirects=True,
                max_redirects=MAX_REDIRECTS,
                headers={"User-Agent": USER_AGENT},
            ) as client,
            client.stream("GET", url) as response,
        ):
            if response.status_code >= 400:
                yield Skipped(url, f"could not fetch: HTTP {response.status_code}")
                return
            ctype = response.headers.get("content-type", "").split(";")[0].strip().lower()
            declared = response.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > limit:
                yield Skipped(url, f"response is {int(declared):,} bytes, over the limit")
                return
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > limit:
                    yield Skipped(url, f"response over the {limit:,}-byte limit; stopped reading")
                    return
                chunks.append(chunk)
            data = b"".join(chunks)
            final = str(response.url)
    except httpx.TooManyRedirects:
        yield Skipped(url, f"could not fetch: more than {MAX_REDIRECTS} redirects")
        return
    except httpx.ConnectError as exc:
        if isinstance(exc.__cause__, AddressRefused):
            yield Skipped(url, f"could not fetch: {_one_line(exc)}; {_PRIVATE_HINT}")
        else:
            yield Skipped(url, UNREACHABLE)
        return
    except (httpx.TransportError, OSError):
        yield Skipped(url, UNREACHABLE)
        return
    except (httpx.HTTPError, httpx.InvalidURL, ValueError) as exc:
        yield Skipped(url, f"could not fetch: {_one_line(exc)}")
        return
    yield from _read_body(url, final, ctype, data)


_PRIVATE_HINT = (
    "fetching from loopback and private networks is off (newsprism serve --allow-private-urls)"
)


def _read_body(url: str, final: str, ctype: str, data: bytes) -> Iterator[Document | Skipped]:
    if not data.strip():
        yield Skipped(url, "empty response")
        return
    if ctype in ("text/html", "application/xhtml+xml"):
        yield from read_html(data, url, kind="url", url=final)
    elif ctype in (
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
    ) or (ctype in ("application/xml", "text/xml") and looks_like_feed(data)):
        yield from read_feed(data, url)
    elif ctype in ("application/jsonl", "application/x-ndjson", "application/json-lines"):
        yield from read_jsonl(data, url)
    elif ctype in ("text/plain", "text/markdown"):
        for item in read_text(data, url, kind="url"):
            if isinstance(item, Document):
                item = Document(source=url, kind="url", raw=item.raw, body=item.body, url=final)
            yield item
    else:
        yield Skipped(url, f"unsupported content type {ctype or '(none)'}")
