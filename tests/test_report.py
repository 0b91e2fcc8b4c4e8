"""Report JSON v1 and the renderers, on a hand-built report."""

from __future__ import annotations

import json

import jsonschema

from newsprism.reconcile.facts import is_value_check
from newsprism.records import Analysis, Article, Mention, Provenance, Quote, Skipped, Span
from newsprism.render import render
from newsprism.report import Report, report_schema, report_to_json

TEXT = (
    "Mayor <b>Larsen</b> | café clash\n"
    '"We have never seen the river this high," said Mayor Anne Larsen.\n'
)


def _report() -> Report:
    art = Article(
        id="0123456789abcdef",
        source="town.html",
        kind="html",
        text=TEXT,
        raw="<html>…</html>",
        title="Mayor <b>Larsen</b> | café clash",
        outlet="valley-herald.example",
        published="2024-03-04",
        language="en",
        credits=("AP",),
        provenance=(
            Provenance("title", "Mayor <b>Larsen</b> | café clash", "text", 0, 34),
            Provenance("published", "2024-03-04", "metadata"),
        ),
        removed=(("share bar", "Share on Facebook"),),
    )
    q_start = TEXT.index("We have")
    q_text = "We have never seen the river this high,"
    n_start = TEXT.index("Anne Larsen")
    analysis = Analysis(
        article_id=art.id,
        mentions=(
            Mention(Span(art.id, n_start, n_start + 11), "Anne Larsen", "PERSON", "anne larsen"),
        ),
        quotes=(
            Quote(
                Span(art.id, q_start, q_start + len(q_text)),
                q_text,
                "Anne Larsen",
                Span(art.id, n_start, n_start + 11),
                "say",
                "direct",
            ),
        ),
    )
    skipped = (Skipped("x.png", "binary data (PNG image), not text"),)
    return Report((art,), skipped, {art.id: analysis})


def test_report_json_validates_and_spans_index_the_text() -> None:
    data = report_to_json(_report())
    jsonschema.validate(data, report_schema())
    article = data["articles"][0]
    assert article["origin"]
    for quote in article["analysis"]["quotes"]:
        assert article["text"][quote["start"] : quote["end"]] == quote["text"]
        s, e = quote["speaker_span"]
        assert article["text"][s:e] == quote["speaker"]
    assert data["skipped"] == [{"source": "x.png", "reason": "binary data (PNG image), not text"}]


def test_json_rendering_keeps_non_ascii_and_round_trips() -> None:
    text = render(_report(), "json")
    assert "café clash" in text and "\\u00e9" not in text  # ensure_ascii off: readable
    assert json.loads(text)["articles"][0]["credits"] == ["AP"]


def test_markdown_escapes_table_cells_and_shows_quotes() -> None:
    md = render(_report(), "md")
    assert "Mayor &lt;b&gt;Larsen&lt;/b&gt; \\| café clash" in md
    assert "<b>" not in md
    assert "Anne Larsen: “We have never seen the river this high,”" in md
    assert "| x.png | binary data (PNG image), not text |" in md


def test_html_escapes_article_markup() -> None:
    html = render(_report(), "html")
    assert "<b>Larsen</b>" not in html
    assert "&lt;b&gt;Larsen&lt;/b&gt;" in html


HOSTILE = (
    "Council vote delayed <script>alert('council')</script>\n"
    'The council delayed its vote on Tuesday <img src=x onerror="alert(1)">, the clerk said, '
    'and posted the agenda [here](javascript:alert(2)) with <a href="https://x.test">notes</a> '
    "& minutes.\n"
)


def test_markdown_shown_as_html_runs_nothing_from_an_article() -> None:
    """A renderer that passes raw HTML (CommonMark does) shows the markup as text."""
    from markdown_it import MarkdownIt

    art = Article(
        id="fedcba9876543210",
        source="<script>src.html",
        kind="text",
        text=HOSTILE,
        raw=HOSTILE,
        title="Council vote delayed <script>alert('council')</script>",
        outlet="<img src=x onerror=alert(3)>",
    )
    md = render(Report((art,), (), {}), "md")
    html = MarkdownIt("commonmark").render(md)
    for live in ("<script", "<img", "<a href", 'href="javascript:'):
        assert live not in html, live
    # what the reader sees is what the article says
    assert "&lt;script&gt;alert(" in html and "&lt;img src=x onerror=" in html
    assert "[here](javascript:alert(2))" in html and "&amp; minutes" in html


def test_a_value_check_is_headed_by_the_slot_it_checks(seeds_report: Report) -> None:
    """A value check compares one slot across sentences of different facts: its heading
    says what it checks, never another fact's headline sentence, and its articles are
    counted once each however many of their sentences it holds."""
    md = render(seeds_report, "md").splitlines()
    checks = [f for s in seeds_report.stories for f in s.facts
              if is_value_check(f.id) and f.comparisons]  # fmt: skip
    assert checks, "the examples' story has value checks"
    for fact in checks:
        head = f"- **Value check: {fact.comparisons[0].slot}"
        articles = len({st.span.article_id for st in fact.statements})
        assert any(x.startswith(head) and f" {articles} article(s)." in x for x in md)
    headed = [x for x in md if x.startswith("- **")]
    assert len([x for x in headed if x.startswith("- **Value check: ")]) == len(checks)
