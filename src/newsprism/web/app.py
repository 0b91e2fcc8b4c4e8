"""The FastAPI application behind ``newsprism serve``.

Example (a story list over a store; needs the files named)::

    from newsprism.web import create_app
    app = create_app("out/newsprism.db")
    # uvicorn.run(app, host="127.0.0.1", port=8000)
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import replace

from fastapi import FastAPI

from .._version import __version__
from ..config import Settings
from .api import make_router
from .errors import BodyLimit, install_error_handlers
from .pages import make_pages
from .security import Access, Guard
from .service import Service

MAX_UPLOAD = 10_000_000  # bytes per request body


def create_app(
    db: str = "newsprism.db",
    *,
    settings: Settings | None = None,
    max_upload: int = MAX_UPLOAD,
    host: str | None = None,
) -> FastAPI:
    """The web app over the store ``db`` (a SQLite file or a postgresql:// URL).

    The store is opened (and created or migrated) at once, so a bad ``db`` fails
    here rather than on the first request. ``host`` is the interface the app is
    served on (None: loopback); requests must name it, a loopback name or one of
    ``settings.allowed_hosts``. Fetching from private addresses is off unless
    ``settings.allow_private_urls`` is True (see :mod:`.security`).
    """
    settings = settings or Settings()
    if settings.allow_private_urls is None:
        settings = replace(settings, allow_private_urls=False)
    access = Access.for_server(
        host,
        settings.token,
        settings.protect_reads,
        (settings.allowed_hosts or "").split(","),
    )
    service = Service(db, settings)
    service.store()

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        service.close()

    app = FastAPI(
        title="newsprism",
        version=__version__,
        summary="Many news reports of one story in, one cited account out.",
        description=(
            "Stories with their consensus facts, conflicts, variants, quotes compared "
            "across sources and event records; every statement cites its character span. "
            "Errors always have the shape "
            '`{"error": {"status": …, "code": "…", "message": "…"}}`.'
        ),
        lifespan=lifespan,
        docs_url=None,  # FastAPI's docs pages load scripts from a CDN; ours at /docs do not
        redoc_url=None,
    )
    install_error_handlers(app)
    app.add_middleware(BodyLimit, limit=max_upload)
    app.add_middleware(Guard, access=access)  # outermost: checks first, heads every answer
    app.include_router(make_router(service, access))
    app.include_router(make_pages(service, max_upload, access))
    app.state.service = service
    return app
