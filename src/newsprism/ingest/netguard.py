"""Where a fetch may connect: public addresses only (unless allowed), checked then pinned.

A URL given to the web app is chosen by whoever sends the request, so a fetch
must not become a way into the server's own network (loopback, private
ranges, link-local cloud metadata, multicast, reserved space). The check sits
in the connection itself: :class:`PinnedBackend` resolves the host, refuses
the connection when any resolved address is not public, and connects to the
address it checked, so a DNS answer cannot change between the check and the
connection, and every redirect (a new connection) is checked again. TLS still
verifies the certificate against the host name (httpcore passes the URL's
host as the server name), and the Host header is the URL's.

Every read and write is bounded by the time left before the fetch's deadline,
so a server that trickles one byte a second cannot hold a fetch past it.
"""

from __future__ import annotations

import ipaddress
import socket
import ssl
import threading
import time
import typing
from concurrent.futures import Future

import httpcore

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


class AddressRefused(httpcore.ConnectError):
    """A host resolved to an address that fetches may not reach."""


def refusal(address: IPAddress) -> str | None:
    """Why ``address`` may not be fetched from, or None when it is a public address.

    IPv6 addresses that embed an IPv4 address (IPv4-mapped, 6to4, Teredo) are
    judged by the address they embed as well.

    >>> refusal(ipaddress.ip_address("127.0.0.1"))
    'loopback'
    >>> refusal(ipaddress.ip_address("::ffff:10.0.0.1"))
    'private'
    >>> refusal(ipaddress.ip_address("93.184.215.14")) is None
    True
    """
    if isinstance(address, ipaddress.IPv6Address):
        for inner in (address.ipv4_mapped, address.sixtofour):
            if inner is not None and (why := refusal(inner)):
                return why
        if address.teredo is not None:
            for inner in address.teredo:
                if why := refusal(inner):
                    return why
    checks = (
        ("unspecified", address.is_unspecified),
        ("loopback", address.is_loopback),
        ("link-local", address.is_link_local),
        ("multicast", address.is_multicast),
        ("private", address.is_private),
        ("reserved", address.is_reserved),
        ("not global", not address.is_global),
    )
    for name, hit in checks:
        if hit:
            return name
    return None


def resolve(host: str, port: int, timeout: float) -> list[IPAddress]:
    """The addresses ``host`` resolves to, in the resolver's order, within ``timeout`` s.

    ``getaddrinfo`` has no timeout of its own, so it runs on a daemon thread that
    is abandoned (to finish on its own) when the time is up.
    """
    done: Future[list[tuple[typing.Any, ...]]] = Future()

    def work() -> None:
        try:
            done.set_result(socket.getaddrinfo(host, port, type=socket.SOCK_STREAM))
        except BaseException as exc:  # handed to the waiting thread
            done.set_exception(exc)

    threading.Thread(target=work, daemon=True, name="newsprism-resolve").start()
    try:
        infos = done.result(timeout=max(0.0, timeout))
    except TimeoutError:
        raise httpcore.ConnectTimeout(f"resolving {host} timed out") from None
    except OSError as exc:
        raise httpcore.ConnectError(str(exc)) from None
    out: list[IPAddress] = []
    for family, *_rest, sockaddr in infos:
        if family not in (socket.AF_INET, socket.AF_INET6):
            continue
        # an IPv6 sockaddr may carry a zone ("fe80::1%eth0"): keep the address only
        address = ipaddress.ip_address(str(sockaddr[0]).split("%")[0])
        if address not in out:
            out.append(address)
    if not out:
        raise httpcore.ConnectError(f"{host} has no address")
    return out


class PinnedBackend(httpcore.NetworkBackend):
    """httpcore's synchronous backend, connecting only to checked addresses before ``deadline``.

    ``deadline`` is a ``time.monotonic()`` value: the end of the whole fetch,
    redirects and body included.
    """

    def __init__(self, *, allow_private: bool, deadline: float) -> None:
        self._inner = httpcore.SyncBackend()
        self._allow_private = allow_private
        self._deadline = deadline

    def _left(self, timeout: float | None) -> float:
        left = self._deadline - time.monotonic()
        if left <= 0:
            raise httpcore.ConnectTimeout("the fetch ran past its deadline")
        return left if timeout is None else min(timeout, left)

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: typing.Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.NetworkStream:
        addresses = resolve(host, port, self._left(timeout))
        if not self._allow_private:
            for address in addresses:
                why = refusal(address)
                if why is not None:
                    raise AddressRefused(f"{host} resolves to a {why} address")
        last: Exception | None = None
        for address in addresses:
            try:
                stream = self._inner.connect_tcp(
                    str(address), port, self._left(timeout), local_address, socket_options
                )
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                last = exc
                continue
            return DeadlineStream(stream, self)
        assert last is not None
        raise last

    def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: typing.Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.NetworkStream:
        raise httpcore.ConnectError("fetches use TCP only")

    def sleep(self, seconds: float) -> None:
        time.sleep(min(seconds, max(0.0, self._deadline - time.monotonic())))


class DeadlineStream(httpcore.NetworkStream):
    """A connection whose every read and write ends by the fetch's deadline."""

    def __init__(self, inner: httpcore.NetworkStream, backend: PinnedBackend) -> None:
        self._inner = inner
        self._backend = backend

    def _left(self, timeout: float | None) -> float:
        left = self._backend._deadline - time.monotonic()
        if left <= 0:
            raise httpcore.ReadTimeout("the fetch ran past its deadline")
        return left if timeout is None else min(timeout, left)

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, self._left(timeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, self._left(timeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.NetworkStream:
        inner = self._inner.start_tls(ssl_context, server_hostname, self._left(timeout))
        return DeadlineStream(inner, self._backend)

    def get_extra_info(self, info: str) -> typing.Any:
        return self._inner.get_extra_info(info)
