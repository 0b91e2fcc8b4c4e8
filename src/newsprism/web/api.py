"""The JSON API: articles, stories, facts, quotes and events (described at /openapi.json).

Lists are paginated with ``limit`` and ``offset`` and answer with the envelope
``{"items", "total", "limit", "offset", "next", "previous"}``; every error has
the one shape of :mod:`.errors`.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response
from starlette.concurrency import run_in_threadpool

from ..records import Article, IngestResult
from .errors import ApiError, BodyTooLarge, ErrorBody
from .inputs import (
    ACCEPTED,
    from_files,
    from_items,
    from_raw,
    from_text,
    from_url,
    json_articles,
    media_type,
)
from .inputs import merge as merge_results
from .security import Access
from .service import Added, Service, page_of, slice_page

Limit = Annotated[int, Query(ge=1, le=500, description="Items per page (1–500).")]
MAX_OFFSET = 2**31 - 1
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Items to skip.")]
ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorBody, "description": "Malformed request, or a host name not served"},
    401: {"model": ErrorBody, "description": "The server's token is needed"},
    403: {"model": ErrorBody, "description": "A write from another site's page"},
    404: {"model": ErrorBody, "description": "Unknown id"},
    413: {"model": ErrorBody, "description": "Body over the upload limit, or too many articles"},
    415: {"model": ErrorBody, "description": "Unsupported content type"},
    422: {"model": ErrorBody, "description": "Invalid request or unreadable input"},
    503: {"model": ErrorBody, "description": "Too many fetches or additions waiting"},
}


_ARTICLE = {
    "type": "object",
    "properties": {
        "text": {"type": "string", "description": "The article's text."},
        "title": {"type": "string"},
        "published": {"type": "string", "description": "YYYY-MM-DD"},
        "url": {"type": "string", "description": "Alone: a page or feed to fetch."},
        "outlet": {"type": "string"},
    },
}
ARTICLE_BODY: dict[str, Any] = {
    "required": True,
    "content": {
        "application/json": {
            "schema": {
                "oneOf": [
                    _ARTICLE,
                    {"type": "array", "items": _ARTICLE, "minItems": 1},
                    {
                        "type": "object",
                        "properties": {"articles": {"type": "array", "items": _ARTICLE}},
                    },
                ]
            }
        },
        "multipart/form-data": {
            "schema": {
                "type": "object",
                "properties": {
                    "file": {"type": "array", "items": {"type": "string", "format": "binary"}},
                    "text": {"type": "string"},
                    "title": {"type": "string"},
                    "url": {"type": "string"},
                },
            }
        },
        "text/plain": {"schema": {"type": "string", "minLength": 1}},
        "text/html": {"schema": {"type": "string", "minLength": 1}},
    },
}


def summary(article: Article, story_id: str | None = None) -> dict[str, Any]:
    """An article without its text: what lists show."""
    return {
        "id": article.id,
        "title": article.title,
        "outlet": article.outlet,
        "published": article.published,
        "language": article.language,
        "source": article.source,
        "url": article.url,
        "words": len(article.text.split()),
        "story_id": story_id,
    }


def added_json(done: Added) -> dict[str, Any]:
    return {
        "added": [summary(a, done.story_of.get(a.id)) for a in done.added],
        "existing": [summary(a, done.story_of.get(a.id)) for a in done.existing],
        "skipped": [{"source": s, "reason": r} for s, r in done.skipped],
        "stories": list(done.stories),
    }


def make_router(service: Service, access: Access | None = None) -> APIRouter:
    """The ``/api`` routes over ``service`` (``access``: who may read what)."""
    api = APIRouter(prefix="/api", tags=["api"], responses=ERRORS)

    @api.get("/health", summary="Liveness and counts")
    def health(request: Request) -> dict[str, Any]:
        # liveness is open to all; with protected reads, the counts only to who may read
        if (
            access is not None
            and access.protect_reads
            and not access.authorized(dict(request.scope["headers"]))
        ):
            return {"status": "ok"}
        store = service.store()
        return {
            "status": "ok",
            "articles": store.count_articles(),
            "stories": store.count_stories(),
        }

    @api.get("/stories", summary="Stories, most recently updated first")
    def stories(limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
        store = service.store()
        items = store.list_stories(limit=limit, offset=offset)
        return page_of(items, store.count_stories(), limit, offset, "/api/stories")

    @api.get("/stories/{story_id}", summary="One story's full account (report JSON v1)")
    def story(story_id: str) -> dict[str, Any]:
        return service.story(story_id)

    @api.get("/stories/{story_id}/facts", summary="A story's facts")
    def facts(
        story_id: str,
        limit: Limit = 50,
        offset: Offset = 0,
        status: Annotated[
            str | None,
            Query(
                pattern="^(corroborated|single_source|variant|conflict)$",
                description="Only facts with this status.",
            ),
        ] = None,
    ) -> dict[str, Any]:
        items = service.story(story_id).get("facts", [])
        path = f"/api/stories/{story_id}/facts"
        if status is not None:
            items = [f for f in items if f["status"] == status]
            path += f"?status={status}"
        return slice_page(items, limit, offset, path)

    @api.get("/stories/{story_id}/quotes", summary="A story's quotes, compared across sources")
    def quotes(story_id: str, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
        items = service.story(story_id).get("quotes", [])
        return slice_page(items, limit, offset, f"/api/stories/{story_id}/quotes")

    @api.get(
        "/stories/{story_id}/events",
        summary="A story's event records (JSON pages, or all as ACLED-column CSV or GeoJSON)",
        response_model=None,
    )
    def events(
        story_id: str,
        limit: Limit = 50,
        offset: Offset = 0,
        format: Annotated[
            str | None,
            Query(pattern="^(csv|geojson)$", description="csv (ACLED columns) or geojson."),
        ] = None,
    ) -> dict[str, Any] | Response:
        story = service.story(story_id)
        if format is None:
            items = story.get("events", [])
            return slice_page(items, limit, offset, f"/api/stories/{story_id}/events")
        from ..render.events_export import events_csv, render_events_geojson

        outlets = []
        for aid in story.get("article_ids", []):
            found = service.store().get_article(aid)
            outlets.append({"id": aid, "outlet": found.outlet if found else None})
        report = {"articles": outlets, "stories": [story]}
        if format == "csv":
            return Response(events_csv(report), media_type="text/csv; charset=utf-8")
        return Response(render_events_geojson(report), media_type="application/geo+json")

    @api.get("/articles", summary="Articles, without their text")
    def articles(limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
        store = service.store()
        items = store.list_article_summaries(limit, offset)
        return page_of(items, store.count_articles(), limit, offset, "/api/articles")

    @api.get("/articles/{article_id}", summary="One article with its evidence")
    def article(article_id: str) -> dict[str, Any]:
        from ..report import article_to_json

        found = service.article(article_id)
        store = service.store()
        out = article_to_json(found, store.get_analysis(article_id))
        out["story_id"] = store.story_of(article_id)
        return out

    @api.post(
        "/articles",
        status_code=201,
        summary="Add articles: JSON, uploaded files, raw text/HTML/feed, or a URL",
        description=(
            f"Content types: {ACCEPTED}. JSON: an article object (text, title, published, "
            'url, outlet…), a list of them, {"articles": [...]}, or {"url": "…"} to fetch '
            "a page or feed. Multipart: files in `file`, or `text` (+ `title`) or `url`."
        ),
        openapi_extra={"requestBody": ARTICLE_BODY},
    )
    async def add(request: Request) -> dict[str, Any]:
        ctype = media_type(request.headers.get("content-type"))
        settings = service.settings
        if ctype in ("multipart/form-data", "application/x-www-form-urlencoded"):
            result = await form_input(request, service)
        else:
            body = await request.body()
            if not body:
                raise ApiError(400, "empty_body", "the request body is empty")
            if ctype == "application/json":
                found = await run_in_threadpool(json_articles, body)
                if isinstance(found, str):
                    result = await service.fetches.run(from_url, found, settings)
                else:
                    result = await run_in_threadpool(from_items, found, settings)
            elif ctype == "":
                raise ApiError(415, "unsupported_media_type", f"no content type; send {ACCEPTED}")
            else:
                result = await run_in_threadpool(from_raw, body, ctype, settings)
        done = await service.writes.run(service.add, result)
        return added_json(done)

    return api


async def form_input(
    request: Request, service: Service, access: Access | None = None, form_name: str = ""
) -> IngestResult:
    """Files (field ``file``), pasted ``text`` with an optional ``title``, or a ``url``.

    With ``access``, the form must carry the CSRF token of ``form_name`` (field ``csrf``).
    """
    try:
        form = await request.form(max_files=50, max_fields=20)
    except BodyTooLarge:
        raise
    except Exception as exc:
        raise ApiError(400, "malformed_form", f"cannot read the form: {exc}") from None
    if access is not None and not access.csrf_ok(form_name, form.get("csrf")):
        raise ApiError(
            403, "csrf", "the form's CSRF token is missing or stale; reload the page and resend"
        )
    settings = service.settings
    parts = []
    files = []
    for value in form.getlist("file"):
        if hasattr(value, "read"):
            data = await value.read()
            if data:
                files.append((getattr(value, "filename", None), data))
    if files:
        parts.append(await run_in_threadpool(from_files, files, settings))
    text = form.get("text")
    if isinstance(text, str) and text.strip():
        title = form.get("title")
        title_text = title if isinstance(title, str) else None
        parts.append(await run_in_threadpool(from_text, text, title_text, settings))
    url = form.get("url")
    if isinstance(url, str) and url.strip():
        parts.append(await service.fetches.run(from_url, url, settings))
    if not parts:
        raise ApiError(422, "empty_form", "send a file, some text or a URL")
    return merge_results(parts)
