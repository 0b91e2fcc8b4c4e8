"""The web app's pages: story list (with the form to add articles), story view, article view.

The story view is the same HTML as ``newsprism analyze --format html`` renders,
built from the story JSON the store keeps.
"""

from __future__ import annotations

from html import escape
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from ..records import Analysis, Article
from ..render.html import page, story_page
from ..render.summary import evidence_counts, people_and_places
from .api import MAX_OFFSET, form_input
from .errors import ApiError
from .security import SESSION_COOKIE, Access
from .service import Service

PAGE = 25

_FORM = """
<h2 id="add">Add articles</h2>
<form class="add" method="post" action="/add" enctype="multipart/form-data">
<input type="hidden" name="csrf" value="{csrf}">
{signin}<label for="file">Upload files (text, HTML, JSON Lines, RSS/Atom, WARC)</label>
<input id="file" name="file" type="file" multiple>
<label for="title">…or paste an article: title</label>
<input id="title" name="title" type="text">
<label for="text">text</label>
<textarea id="text" name="text"></textarea>
<label for="url">…or a page or feed URL</label>
<input id="url" name="url" type="url" placeholder="https://">
<button type="submit">Add and update stories</button>
<p class="muted">Uploads up to {limit:,} bytes. New articles are analyzed and join the
story they report, or start a new one.</p>
</form>
"""


def _pages_nav(path: str, total: int, offset: int, limit: int) -> str:
    links = []
    if offset > 0:
        links.append(f'<a href="{path}?offset={max(0, offset - limit)}" rel="prev">← newer</a>')
    if offset + limit < total:
        links.append(f'<a href="{path}?offset={offset + limit}" rel="next">older →</a>')
    shown = f"{offset + 1}–{min(total, offset + limit)} of {total}" if total else "none yet"
    return f'<nav class="pages" aria-label="Pages">{shown} {" ".join(links)}</nav>'


_SIGNIN = (
    '<p>This server needs its token to add articles: <a href="/login">sign in</a> first.</p>\n'
)
_LOGIN = """
<form class="add" method="post" action="/login">
<input type="hidden" name="csrf" value="{csrf}">
<label for="token">Token</label>
<input id="token" name="token" type="password" autocomplete="current-password" required>
<button type="submit">Sign in</button>
</form>
"""


def story_list(service: Service, offset: int, max_upload: int, access: Access) -> str:
    store = service.store()
    total = store.count_stories()
    rows = []
    for s in store.list_stories(limit=PAGE, offset=offset):
        dates = " – ".join(d for d in (s["first_published"], s["last_published"]) if d)
        rows.append(
            f'<tr><td><a href="/stories/{quote(s["id"])}">'
            f"{escape(s['headline'] or s['id'])}</a></td><td>{s['n_articles']}</td>"
            f"<td>{escape(dates or 'unknown')}</td><td>{escape(str(s['updated'] or ''))}</td></tr>"
        )
    table = (
        '<table><caption class="muted">Most recently updated first</caption><thead><tr>'
        '<th scope="col">story</th><th scope="col">articles</th><th scope="col">published</th>'
        '<th scope="col">updated</th></tr></thead><tbody>' + "".join(rows) + "</tbody></table>"
        if rows
        else "<p>No stories yet: add articles below, or run <code>newsprism analyze PATH "
        "--db …</code> or <code>newsprism watch</code> on this store.</p>"
    )
    body = [
        "<h2>Stories</h2>",
        table,
        _pages_nav("/", total, offset, PAGE),
        _FORM.format(
            limit=max_upload,
            csrf=access.csrf("add"),
            signin=_SIGNIN if access.token is not None else "",
        ),
        '<p class="muted">JSON API: <a href="/api/stories">/api/stories</a>, '
        '<a href="/api/articles">/api/articles</a>; described at '
        '<a href="/openapi.json">/openapi.json</a> (<a href="/docs">docs</a>).</p>',
    ]
    subtitle = f"{store.count_articles()} articles in {total} stories"
    return page("newsprism", body, subtitle=subtitle)


def article_view(article: Article, analysis: Analysis | None, story_id: str | None) -> str:
    meta = "".join(
        f"<tr><th scope='row'>{escape(p.field)}</th><td>{escape(p.value)}</td>"
        f"<td>{escape(p.source)}</td></tr>"
        for p in article.provenance
    )
    body = [
        f'<p><a href="/stories/{quote(story_id)}">← its story</a></p>' if story_id else "",
        f'<p class="muted">{escape(article.source)} · id {escape(article.id)} · '
        f'<a href="/api/articles/{quote(article.id)}">JSON</a></p>',
        "<h2>Metadata</h2><table><thead><tr><th scope='col'>field</th><th scope='col'>value"
        f"</th><th scope='col'>found in</th></tr></thead><tbody>{meta}</tbody></table>",
    ]
    if analysis is not None:
        people, places = people_and_places(analysis)
        body.append(f"<h2>Evidence</h2><p>{evidence_counts(analysis)}.</p>")
        if people:
            body.append(f"<p>People: {escape(', '.join(people))}</p>")
        if places:
            body.append(f"<p>Places: {escape(', '.join(places))}</p>")
        quotes = [q for q in analysis.quotes if q.kind != "indirect"]
        if quotes:
            body.append("<h3>Quotes</h3><ul>")
            body += [
                f"<li>{escape(q.speaker or 'unknown speaker')}: “{escape(q.text)}”</li>"
                for q in quotes
            ]
            body.append("</ul>")
    body.append(f'<h2>Text</h2><div class="text">{escape(article.text)}</div>')
    if article.removed:
        items = "".join(f"<li>{escape(why)}: {escape(line)}</li>" for why, line in article.removed)
        body.append(
            f"<details><summary>Cleaning removed {len(article.removed)} lines</summary>"
            f"<ul>{items}</ul></details>"
        )
    return page(article.title or article.source, body, subtitle=escape(article.outlet or ""))


def api_reference(spec: dict[str, Any]) -> str:
    """The OpenAPI description as a plain page: every endpoint, its parameters, its errors."""
    body = [
        f"<p>{escape(spec.get('info', {}).get('description', ''))}</p>",
        '<p>Machine-readable: <a href="/openapi.json">/openapi.json</a>.</p>',
    ]
    for path, methods in spec.get("paths", {}).items():
        for method, op in methods.items():
            body.append(f"<h2><code>{escape(method.upper())} {escape(path)}</code></h2>")
            body.append(f"<p>{escape(op.get('summary', ''))}</p>")
            if op.get("description"):
                body.append(f"<p class='muted'>{escape(op['description'])}</p>")
            params = op.get("parameters", [])
            if params:
                rows = "".join(
                    f"<tr><td><code>{escape(p['name'])}</code></td><td>{escape(p['in'])}</td>"
                    f"<td>{escape(p.get('description') or p.get('schema', {}).get('title', ''))}"
                    "</td></tr>"
                    for p in params
                )
                body.append(
                    "<table><thead><tr><th scope='col'>parameter</th><th scope='col'>in</th>"
                    f"<th scope='col'>meaning</th></tr></thead><tbody>{rows}</tbody></table>"
                )
            codes = ", ".join(escape(str(c)) for c in op.get("responses", {}))
            body.append(f"<p class='muted'>Responses: {codes}</p>")
    return page("newsprism API", body, subtitle=f"version {escape(spec['info']['version'])}")


def make_pages(service: Service, max_upload: int, access: Access) -> APIRouter:
    pages = APIRouter(include_in_schema=False)

    @pages.get("/docs", response_class=HTMLResponse)
    def docs(request: Request) -> str:
        return api_reference(request.app.openapi())

    @pages.get("/", response_class=HTMLResponse)
    def home(offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0) -> str:
        return story_list(service, offset, max_upload, access)

    @pages.get("/stories/{story_id}", response_class=HTMLResponse)
    def story(story_id: str) -> str:
        data = service.story(story_id)
        footer = [
            f'<p class="muted"><a href="/">All stories</a> · <a href="/api/stories/'
            f'{quote(story_id)}">this story as JSON</a></p>'
        ]
        return story_page(
            data, service.story_articles(data), article_href="/articles/{id}", footer=footer
        )

    @pages.get("/articles/{article_id}", response_class=HTMLResponse)
    def article(article_id: str) -> str:
        found = service.article(article_id)
        store = service.store()
        return article_view(found, store.get_analysis(article_id), store.story_of(article_id))

    @pages.post("/add")
    async def add(request: Request) -> Any:
        result = await form_input(request, service, access, "add")
        done = await service.writes.run(service.add, result)
        target = f"/stories/{quote(done.stories[0])}" if done.stories else "/"
        return RedirectResponse(target, status_code=303)

    @pages.get("/login", response_class=HTMLResponse)
    def login_page() -> str:
        if access.token is None:
            return page("Sign in", ["<p>This server has no token: nothing to sign in to.</p>"])
        return page("Sign in", [_LOGIN.format(csrf=access.csrf("login"))])

    @pages.post("/login")
    async def login(request: Request) -> Any:
        try:
            form = await request.form(max_files=0, max_fields=5)
        except Exception as exc:
            raise ApiError(400, "malformed_form", f"cannot read the form: {exc}") from None
        if not access.csrf_ok("login", form.get("csrf")):
            raise ApiError(403, "csrf", "the form's CSRF token is missing or stale; reload")
        given = form.get("token")
        if access.token is None or not isinstance(given, str) or not access.token_ok(given):
            raise ApiError(401, "unauthorized", "wrong token")
        done = RedirectResponse("/", status_code=303)
        secure = request.url.scheme == "https"
        done.set_cookie(
            SESSION_COOKIE, access.session(), httponly=True, samesite="strict", secure=secure
        )
        return done

    return pages
