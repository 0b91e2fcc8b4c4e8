"""A self-contained HTML report: inline CSS and script, nothing fetched, works offline.

Each story is shown as its account beside its sources' texts; a fact, a
conflict or a quote is a button that highlights every passage it was read from.
The same functions render the web app's story pages (:mod:`newsprism.web`).
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from html import escape
from typing import Any

from ..report import Report, report_to_json
from .assets import CSS, JS
from .html_story import COLLAPSE_AT, JSON, StoryView, by_origin, citations, story_account


def render_html(report: Report) -> str:
    """The report as one HTML file that works offline."""
    return report_page(report_to_json(report))


def page(title: str, body: Sequence[str], *, subtitle: str = "", heading: str | None = None) -> str:
    """A whole HTML document around ``body`` with the inline style and script.

    ``title`` names the browser tab; ``heading`` (default: the title) is the h1.
    """
    return (
        "\n".join(
            [
                "<!doctype html>",
                '<html lang="en"><head><meta charset="utf-8">',
                '<meta name="viewport" content="width=device-width,initial-scale=1">',
                f"<title>{escape(title)}</title>",
                f"<style>{CSS}</style></head><body>",
                '<a class="skip" href="#main">Skip to content</a>',
                f'<header class="top"><h1>{escape(heading or title)}</h1>'
                + (f'<p class="muted">{subtitle}</p>' if subtitle else "")
                + "</header>",
                '<main id="main"><p id="hl-status" role="status" aria-live="polite"></p>',
                *body,
                "</main>",
                f"<script>{JS}</script>",
                "</body></html>",
            ]
        )
        + "\n"
    )


def segments(text: str, spans: Sequence[tuple[str, int, int]]) -> list[tuple[int, int, list[str]]]:
    """Cut ``text`` at every span boundary: (start, end, keys of the spans covering it).

    >>> segments("abcdef", [("k1", 1, 3), ("k2", 2, 5)])
    [(0, 1, []), (1, 2, ['k1']), (2, 3, ['k1', 'k2']), (3, 5, ['k2']), (5, 6, [])]
    """
    n = len(text)
    cuts = sorted(
        {0, n, *(max(0, min(n, s)) for _, s, _ in spans), *(max(0, min(n, e)) for _, _, e in spans)}
    )
    out = []
    for a, b in itertools.pairwise(cuts):
        if a < b:
            keys = sorted({k for k, s, e in spans if s <= a and e >= b})
            out.append((a, b, keys))
    return out


def source_text(view: StoryView, article: JSON, spans: Sequence[tuple[str, int, int]]) -> str:
    """An article's text with every cited passage (``spans``: key, start, end) wrapped so a
    button can highlight it."""
    aid = article["id"]
    text = article.get("text") or ""
    starts = {s for _, s, _ in spans}
    out = []
    for a, b, keys in segments(text, spans):
        chunk = escape(text[a:b])
        anchor = f' id="{escape(view.anchor(aid, a))}"' if a in starts else ""
        if keys:
            out.append(
                f'<span class="c" data-a="{view.numbers.get(aid, 0)}" '
                f'data-k="{" ".join(keys)}"{anchor}>{chunk}</span>'
            )
        elif anchor:
            out.append(f"<span{anchor}>{chunk}</span>")
        else:
            out.append(chunk)
    return f'<div class="text">{"".join(out)}</div>'


def _article_meta(article: JSON) -> str:
    bits = [
        article.get("outlet"),
        article.get("published") or "date unknown",
        article.get("language"),
    ]
    if article.get("credits"):
        bits.append("credits: " + ", ".join(article["credits"]))
    if article.get("role") == "primary":
        bits.append("primary source")
    return " · ".join(escape(str(b)) for b in bits if b)


def sources_column(view: StoryView) -> list[str]:
    """The sources pane: every article's text with its cited passages marked; in a story
    of more than :data:`~.html_story.COLLAPSE_AT` reports, one text per origin and the
    origin's other articles listed under it."""
    ids = view.story["article_ids"]
    out = [
        f'<aside class="sources" id="{escape(view.key)}-sources" aria-label="Sources">',
        f"<h3>Sources ({len(ids)})</h3>",
    ]
    cited: dict[str, list[tuple[str, int, int]]] = {}
    for item, aid, start, end in citations(view.story):
        cited.setdefault(aid, []).append((view.fact_key(item), start, end))
    if len(ids) <= COLLAPSE_AT:
        out += [_source(view, aid, cited.get(aid, [])) for aid in ids]
    else:
        for first, *rest in by_origin(view.story):
            out.append(_source(view, first, cited.get(first, [])))
            if rest:
                out.append(_same_origin(view, first, rest, cited))
    out.append("</aside>")
    return out


def _source(view: StoryView, aid: str, spans: Sequence[tuple[str, int, int]]) -> str:
    article = view.articles.get(aid)
    if article is None:
        return f"<p class='muted'>{escape(aid)}: not in this report</p>"
    title = escape(article.get("title") or article.get("source") or aid)
    return (
        f'<section class="src" aria-label="{escape(view.label(aid))}">'
        f"<h4>{escape(view.label(aid))}: {title}</h4>"
        f'<p class="muted">{_article_meta(article)}{_page_link(view, aid)}</p>'
        f"{source_text(view, article, spans)}</section>"
    )


def _page_link(view: StoryView, aid: str) -> str:
    if not view.article_href:
        return ""
    return f' <a href="{escape(view.article_href.format(id=aid))}">article page</a>'


def _same_origin(
    view: StoryView, first: str, rest: Sequence[str], cited: dict[str, list[tuple[str, int, int]]]
) -> str:
    """The other articles of ``first``'s origin, one line each; a citation of one of their
    passages (rendered before, in the account) lands on its line."""
    lines = []
    for aid in rest:
        article = view.articles.get(aid) or {}
        title = escape(article.get("title") or article.get("source") or aid)
        anchors = "".join(
            f'<span id="{escape(view.anchor(aid, s))}"></span>'
            for s in sorted({s for _, s, _ in cited.get(aid, [])})
            if (aid, s) in view.linked
        )
        lines.append(f"<li>{anchors}{escape(view.label(aid))}: {title}{_page_link(view, aid)}</li>")
    name = _name(view.articles.get(first), first)
    return (
        f'<details class="src reprints"><summary>{escape(name)} and {len(rest)} more of the '
        f"same origin (reprints, copies, translations)</summary><ul>{''.join(lines)}</ul>"
        "</details>"
    )


def story_section(view: StoryView) -> str:
    """One story: its account beside its sources."""
    return "\n".join(
        [
            '<section class="story">',
            '<div class="account">',
            *story_account(view),
            "</div>",
            *sources_column(view),
            "</section>",
        ]
    )


def make_view(
    story: JSON, articles: Sequence[JSON], key: str, article_href: str | None = None
) -> StoryView:
    """A :class:`StoryView` numbering the story's articles [1], [2]… in their story order."""
    by_id = {a["id"]: a for a in articles}
    numbers = {aid: n for n, aid in enumerate(story["article_ids"], 1)}
    labels = {aid: f"[{n}] {_name(by_id.get(aid), aid)}" for aid, n in numbers.items()}
    return StoryView(story, by_id, labels, numbers, key, article_href)


def _name(article: JSON | None, fallback: str) -> str:
    if article is None:
        return fallback
    return str(article.get("outlet") or article.get("source") or fallback)


def story_page(
    story: JSON,
    articles: Sequence[JSON],
    *,
    article_href: str | None = None,
    footer: Sequence[str] = (),
) -> str:
    """A page for one story (the web app's story view)."""
    view = make_view(story, articles, "s", article_href)
    title = story.get("headline") or "newsprism story"
    return page(title, [story_section(view), *footer], heading="newsprism: story account")


def report_page(data: dict[str, Any]) -> str:
    """The whole report JSON v1 as one page: every story, then unassigned articles, skips."""
    articles: list[JSON] = data.get("articles", [])
    stories: list[JSON] = data.get("stories", [])
    body: list[str] = []
    if len(stories) > 1:
        body.append('<nav aria-label="Stories"><h2>Stories</h2><ol>')
        body += [
            f'<li><a href="#st{n}">{escape(s.get("headline") or s["id"])}</a> '
            f"({_articles(len(s['article_ids']))})</li>"
            for n, s in enumerate(stories, 1)
        ]
        body.append("</ol></nav>")
    for n, story in enumerate(stories, 1):
        body.append(story_section(make_view(story, articles, f"st{n}")))
    told = {aid for s in stories for aid in s["article_ids"]}
    rest = [a for a in articles if a["id"] not in told]
    if rest:
        body.append("<h2>Articles</h2>")
        for a in rest:
            body.append(
                f'<section class="src" id="a-{escape(a["id"])}"><h3>'
                f"{escape(a.get('title') or a['source'])}</h3>"
                f'<p class="muted">{_article_meta(a)} · {escape(a["source"])}</p>'
                f'<div class="text">{escape(a.get("text") or "")}</div></section>'
            )
    body += skipped_table(data.get("skipped", []))
    subtitle = f"{len(articles)} articles read, {len(data.get('skipped', []))} inputs skipped."
    title = stories[0].get("headline") if len(stories) == 1 else None
    return page(title or "newsprism report", body, subtitle=subtitle, heading="newsprism report")


def _articles(n: int) -> str:
    return f"{n} article" + ("" if n == 1 else "s")


def skipped_table(skipped: Sequence[JSON]) -> list[str]:
    if not skipped:
        return []
    rows = "".join(
        f"<tr><td>{escape(s['source'])}</td><td>{escape(s['reason'])}</td></tr>" for s in skipped
    )
    return [
        '<h2 id="skipped">Skipped inputs</h2><table><thead><tr><th scope="col">source</th>'
        f'<th scope="col">reason</th></tr></thead><tbody>{rows}</tbody></table>'
    ]
