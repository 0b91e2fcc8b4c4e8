"""A Markdown report a reader can skim in a terminal or paste into an issue."""

from __future__ import annotations

from ..records import Article
from ..report import Report


def _cell(value: object) -> str:
    text = "" if value is None else str(value)
    return text.replace("|", "\\|").replace("\n", " ")


def _date_cell(article: Article) -> str:
    if article.published is None:
        return "unknown"
    prov = article.meta("published")
    how = f" ({prov.source})" if prov is not None else ""
    return f"{article.published}{how}"


def render_markdown(report: Report) -> str:
    """The report as Markdown: articles with their metadata, then what was skipped and why."""
    lines = [
        "# newsprism report",
        "",
        f"{len(report.articles)} articles read, {len(report.skipped)} inputs skipped.",
        "",
    ]
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
            lines += [f"### {i}. {a.title or a.source}", ""]
            analysis = report.analyses.get(a.id)
            if analysis is not None:
                people = sorted({m.text for m in analysis.mentions if m.type == "PERSON"})
                places = sorted({m.text for m in analysis.mentions if m.place})
                lines.append(
                    f"- {len(analysis.sentences)} sentences, {len(analysis.mentions)} mentions, "
                    f"{len(analysis.quantities)} quantities, {len(analysis.times)} dates, "
                    f"{len(analysis.quotes)} quotes"
                )
                if people:
                    lines.append("- people: " + ", ".join(people))
                if places:
                    lines.append("- places: " + ", ".join(places))
                for q in analysis.quotes:
                    if q.kind == "direct":
                        who = q.speaker or "unknown speaker"
                        lines.append(f"- {who}: “{_cell(q.text)}”")
                for note in analysis.notes:
                    lines.append(f"- note: {note}")
            if a.removed:
                lines.append(f"- cleaning removed {len(a.removed)} lines")
            lead = a.text.strip().split("\n")
            body = [ln for ln in lead if ln.strip()][:3]
            lines += ["", *[f"> {ln}" for ln in body], ""]
    if report.skipped:
        lines += ["## Skipped", "", "| source | reason |", "|---|---|"]
        lines += [f"| {_cell(s.source)} | {_cell(s.reason)} |" for s in report.skipped]
        lines.append("")
    return "\n".join(lines)
