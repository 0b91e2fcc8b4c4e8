"""A Markdown report a reader can skim in a terminal or paste into an issue.

Every text that came from an article (titles, sentences, quotes, names, sources)
goes through :func:`_md`: Markdown renderers pass raw HTML through, so an
article holding ``<script>`` or ``<img onerror=…>`` would run wherever the report
is shown as HTML (an issue tracker, a wiki, a static site). Such text is
written as character references (``&lt;script&gt;``), which every renderer
shows as the characters the article had; link brackets are escaped too, so an
article cannot make a ``javascript:`` link.
"""

from __future__ import annotations

from ..records import Article, Comparison, Fact, Story
from ..report import Report
from .summary import evidence_counts, fact_title, people_and_places

_MD_ESCAPES = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;", "\\": "\\\\", "[": "\\[", "]": "\\]"}
)


def _md(value: object) -> str:
    """Text from an article, made inert in Markdown: no HTML, no links.

    >>> _md('<img src=x onerror="alert(1)"> & [a](javascript:x)')
    '&lt;img src=x onerror="alert(1)"&gt; &amp; \\\\[a\\\\](javascript:x)'
    """
    return ("" if value is None else str(value)).translate(_MD_ESCAPES)


def _cell(value: object) -> str:
    """Text from an article for one line or table cell: :func:`_md`, pipes escaped."""
    return _md(value).replace("|", "\\|").replace("\n", " ")


def _date_cell(article: Article) -> str:
    if article.published is None:
        return "unknown"
    prov = article.meta("published")
    how = f" ({prov.source})" if prov is not None else ""
    return f"{article.published}{how}"


def render_markdown(report: Report) -> str:
    """The report as Markdown: each story's account (consensus, conflicts and variants,
    quotes, what each source alone adds, events), then the articles, then what was
    skipped and why."""
    lines = [
        "# newsprism report",
        "",
        f"{len(report.articles)} articles read, {len(report.skipped)} inputs skipped.",
        "",
    ]
    for story in report.stories:
        lines += render_story(story, report)
    if report.articles:
        lines += [
            "## Articles",
            "",
            "| # | title | outlet | published (from) | lang | credits | words | source |",
            "|---|---|---|---|---|---|---|---|",
        ]
        for i, a in enumerate(report.articles, 1):
            row = [
                str(i),
                _cell(a.title or "(untitled)"),
                _cell(a.outlet),
                _date_cell(a),
                _cell(a.language),
                _cell(", ".join(a.credits)),
                str(len(a.text.split())),
                _cell(a.source),
            ]
            lines.append("| " + " | ".join(row) + " |")
        lines.append("")
        for i, a in enumerate(report.articles, 1):
            lines += [f"### {i}. {_cell(a.title or a.source)}", ""]
            analysis = report.analyses.get(a.id)
            if analysis is not None:
                people, places = people_and_places(analysis)
                lines.append(f"- {evidence_counts(analysis)}")
                if people:
                    lines.append("- people: " + _cell(", ".join(people)))
                if places:
                    lines.append("- places: " + _cell(", ".join(places)))
                for q in analysis.quotes:
                    if q.kind == "direct":
                        who = _cell(q.speaker or "unknown speaker")
                        lines.append(f"- {who}: “{_cell(q.text)}”")
                for note in analysis.notes:
                    lines.append(f"- note: {_cell(note)}")
            if a.removed:
                lines.append(f"- cleaning removed {len(a.removed)} lines")
            lead = a.text.strip().split("\n")
            body = [ln for ln in lead if ln.strip()][:3]
            lines += ["", *[f"> {_cell(ln)}" for ln in body], ""]
    if report.skipped:
        lines += ["## Skipped", "", "| source | reason |", "|---|---|"]
        lines += [f"| {_cell(s.source)} | {_cell(s.reason)} |" for s in report.skipped]
        lines.append("")
    return "\n".join(lines)


def _label(report: Report, article_id: str) -> str:
    """A short name for an article: its outlet, else its source file."""
    for n, a in enumerate(report.articles, 1):
        if a.id == article_id:
            return f"[{n}] {_cell(a.outlet or a.source)}"
    return _cell(article_id)


def _fact_lines(fact: Fact, report: Report) -> list[str]:
    title = fact_title(fact.id, fact.summary, [c.slot for c in fact.comparisons])
    n_articles = len({st.span.article_id for st in fact.statements})
    out = [f"- **{_cell(title)}** — {fact.independent_sources} independent "
           f"origin(s), {n_articles} article(s). {_cell(fact.note)}"]  # fmt: skip
    for st in fact.statements:
        out.append(f"  - {_label(report, st.span.article_id)} "
                   f"(chars {st.span.start}–{st.span.end}): “{_cell(st.text)}”")  # fmt: skip
    for c in fact.comparisons:
        out.append(f"  - *{c.relation}* on {_cell(c.slot)}: {_groups_line(c, report)}")
    return out


def _groups_line(c: Comparison, report: Report) -> str:
    """ "3 sources say 12 ([1] A, [2] B, [3] C) · 1 source says 11 ([4] D)", each source
    with the characters of the value it gives."""
    parts = []
    for g in c.groups:
        n = len(g.article_ids)
        cites = ", ".join(f"{_label(report, sp.article_id)} chars {sp.start}–{sp.end}"
                          for sp in g.spans)  # fmt: skip
        parts.append(f"{n} {'source says' if n == 1 else 'sources say'} "
                     f"**{_cell(g.value)}** ({cites})")  # fmt: skip
    return " · ".join(parts)


def render_story(story: Story, report: Report) -> list[str]:
    """One story as Markdown sections; every statement cites its article and characters."""
    lines = [f"## Story: {_cell(story.headline)}", ""]
    lines.append(f"{len(story.article_ids)} articles, {len(story.origins)} independent origins.")
    lines.append("")
    copied = [o for o in story.origins if len(o.article_ids) > 1]
    if copied:
        lines += ["### Who copied whom", ""]
        for o in copied:
            members = ", ".join(_label(report, a) for a in o.article_ids)
            lines.append(f"- {_cell(o.id)}: {members}")
            for copy, source, evidence in o.copies:
                src = _label(report, source) if any(a.id == source for a in report.articles) \
                    else _cell(source)  # fmt: skip
                lines.append(f"  - {_label(report, copy)} ← {src}: {_cell(evidence)}")
        lines.append("")
    sections = [
        ("Conflicts", [f for f in story.facts if f.status == "conflict"]),
        ("Variants", [f for f in story.facts if f.status == "variant"]),
        ("Consensus", [f for f in story.facts if f.status == "corroborated"]),
    ]
    for title, facts in sections:
        if facts:
            lines += [f"### {title}", ""]
            for f in facts:
                lines += _fact_lines(f, report)
            lines.append("")
    compared = [q for q in story.quotes if len(q.renderings) > 1 or q.renderings[0].flag]
    if compared:
        lines += ["### Quotes compared", ""]
        for q in compared:
            lines.append(f"- **{_cell(q.speaker or 'unknown speaker')}**")
            for r in q.renderings:
                flag = f" ⚠ {_cell(r.flag)}" if r.flag else ""
                lines.append(f"  - {_label(report, r.span.article_id)} *{r.relation}*: "
                             f"“{_cell(r.text)}”{flag}")  # fmt: skip
                if r.diff:
                    lines.append(f"    - diff: {_cell(r.diff)}")
        lines.append("")
    singles = [f for f in story.facts if f.status == "single_source"]
    if singles:
        lines += ["### What each source alone adds", ""]
        for aid in story.article_ids:
            own = [f for f in singles if f.statements[0].span.article_id == aid]
            if own:
                lines.append(f"- {_label(report, aid)}: {len(own)} statement(s)")
                for f in own[:5]:
                    lines.append(f"  - “{_cell(f.summary)}”")
                if len(own) > 5:
                    lines.append(f"  - … and {len(own) - 5} more (see the JSON report)")
        lines.append("")
    if story.events:
        lines += ["### Events", "",
                  "| dates | type | sub-type | actors | country | admin1 | location | "
                  "fatalities | facts |", "|---|---|---|---|---|---|---|---|---|"]  # fmt: skip
        for e in story.events:
            dates = f"{e.date_start or '?'} – {e.date_end or '?'}"
            row = [dates, e.event_type, e.sub_event_type, ", ".join(e.actors), e.country,
                   e.admin1, e.location, e.fatalities, ", ".join(e.fact_ids)]  # fmt: skip
            lines.append("| " + " | ".join(_cell(x) for x in row) + " |")
        lines.append("")
    if story.timeline:
        lines += ["### Timeline", ""]
        for t in story.timeline:
            when = t.date_start if t.date_start == t.date_end else f"{t.date_start} – {t.date_end}"
            lines.append(f"- {_cell(when)}: {_cell(t.summary)} ({_cell(', '.join(t.fact_ids))})")
        lines.append("")
    if story.grades:
        lines += ["### Against the primary source", ""]
        for g in story.grades:
            who = _label(report, g.article_id)
            lines.append(f"- {who}: {len(g.matching)} fact(s) as in the primary, "
                         f"{len(g.changed)} changed, {len(g.added)} not in it")  # fmt: skip
            for fid, what in g.changed:
                lines.append(f"  - {_cell(fid)}: {_cell(what)}")
            for qid, what in g.quotes_changed:
                lines.append(f"  - quote {_cell(qid)}: {_cell(what)}")
        lines.append("")
    return lines
