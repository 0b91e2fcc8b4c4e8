"""One error shape for every failure the web app reports, and the upload size limit.

Every error is ``{"error": {"status": 404, "code": "not_found", "message": "…"}}``
with the same status on the response; a browser asking for a page gets the
same message as a small HTML page. Nothing a client sends yields a 500: bad
requests are 4xx with a message that says what to change.
"""

from __future__ import annotations

import json
import logging
from html import escape
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

log = logging.getLogger("newsprism.web")

_CODES = {
    400: "bad_request",
    404: "not_found",
    405: "method_not_allowed",
    413: "too_large",
    415: "unsupported_media_type",
    422: "invalid_request",
    500: "internal_error",
}


class ApiError(Exception):
    """An error to report to the client in the one error shape."""

    def __init__(
        self, status: int, code: str, message: str, headers: dict[str, str] | None = None
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers


class ErrorDetail(BaseModel):
    status: int
    code: str
    message: str


class ErrorBody(BaseModel):
    """The body of every error response."""

    error: ErrorDetail


def error_body(status: int, code: str, message: str) -> dict[str, Any]:
    """The error shape as a dict.

    >>> error_body(404, "not_found", "no story with id 'x'")["error"]["code"]
    'not_found'
    """
    return {"error": {"status": status, "code": code, "message": message}}


def _wants_html(request: Request) -> bool:
    if request.url.path.startswith("/api") or request.url.path.endswith(".json"):
        return False
    return "text/html" in request.headers.get("accept", "")


def error_response(
    request: Request,
    status: int,
    code: str,
    message: str,
    headers: dict[str, str] | None = None,
) -> Response:
    if _wants_html(request):
        html = (
            '<!doctype html><html lang="en"><head><meta charset="utf-8">'
            f"<title>Error {status}</title></head><body><main><h1>Error {status}</h1>"
            f'<p>{escape(message)}</p><p><a href="/">Back to the stories</a></p></main>'
            "</body></html>"
        )
        return HTMLResponse(html, status_code=status, headers=headers)
    return JSONResponse(error_body(status, code, message), status_code=status, headers=headers)


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors():
        where = ".".join(str(x) for x in err.get("loc", ()) if x not in ("body", "query", "path"))
        parts.append(f"{where or 'request'}: {err.get('msg', 'invalid')}")
    return "; ".join(parts) or "invalid request"


def install_error_handlers(app: FastAPI) -> None:
    """Route every exception through :func:`error_response`."""

    @app.exception_handler(ApiError)
    async def _api(request: Request, exc: ApiError) -> Response:
        return error_response(request, exc.status, exc.code, exc.message, exc.headers)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        status = exc.status_code
        message = str(exc.detail) if exc.detail else "error"
        if status == 404 and message == "Not Found":
            message = f"no such page or endpoint: {request.url.path}"
        code = _CODES.get(status, "error")
        # keep what the protocol asks for, e.g. the Allow header of a 405
        return error_response(request, status, code, message, dict(exc.headers or {}))

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> Response:
        return error_response(request, 422, "invalid_request", _validation_message(exc))

    @app.exception_handler(Exception)
    async def _crash(request: Request, exc: Exception) -> Response:
        log.exception("unhandled error on %s", request.url.path)
        return error_response(request, 500, "internal_error", "internal error; see the log")


class BodyLimit:
    """Refuse request bodies over ``limit`` bytes with 413, declared or streamed."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            await self._refuse(send, int(declared))
            return
        seen = 0
        started = False

        async def limited() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise BodyTooLarge(seen)
            return message

        async def tracking(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, limited, tracking)
        except BodyTooLarge as exc:
            if not started:
                await self._refuse(send, exc.size)

    async def _refuse(self, send: Send, size: int) -> None:
        body = json.dumps(
            error_body(
                413,
                "too_large",
                f"request body is {size:,} bytes or more, over the {self.limit:,}-byte "
                "upload limit (newsprism serve --max-upload)",
            )
        ).encode()
        await send(
            {
                "type": "http.response.start",
                "status": 413,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"content-length", str(len(body)).encode()),
                    (b"connection", b"close"),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})


class BodyTooLarge(Exception):
    """Raised while reading a body that grows past the limit."""

    def __init__(self, size: int) -> None:
        super().__init__(size)
        self.size = size
