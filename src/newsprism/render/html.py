"""A self-contained HTML page of the report: inline CSS, no scripts from anywhere."""

from __future__ import annotations

from html import escape

from ..report import Report

_CSS = """
body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#111}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #bbb;padding:.3rem .5rem;
text-align:left;vertical-align:top}th{background:#eee}
article{border-top:1px solid #ccc;margin-top:1.5rem}
pre{white-space:pre-wrap;background:#f6f6f6;padding:.75rem}.muted{color:#555}
@media print{body{margin:0}pre{background:none}}
"""


def render_html(report: Report) -> str:
    """The report as one HTML file that works offline."""
    out = [
        "<!doctype html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width,initial-scale=1">',
        "<title>newsprism report</title>",
        f"<style>{_CSS}</style></head><body>",
        "<h1>newsprism report</h1>",
        f"<p>{len(report.articles)} articles read, {len(report.skipped)} inputs skipped.</p>",
    ]
    if report.articles:
        out.append("<h2>Articles</h2><table><thead><tr><th>title</th><th>outlet</th>")
        out.append(
            "<th>published</th><th>language</th><th>credits</th><th>source</th></tr></thead>"
        )
        out.append("<tbody>")
        for a in report.articles:
            cells = [
                f'<a href="#a-{escape(a.id)}">{escape(a.title or "(untitled)")}</a>',
                escape(a.outlet or ""),
                escape(a.published or "unknown"),
                escape(a.language or ""),
                escape(", ".join(a.credits)),
                escape(a.source),
            ]
            out.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
        out.append("</tbody></table>")
        for a in report.articles:
            out.append(f'<article id="a-{escape(a.id)}"><h3>{escape(a.title or a.source)}</h3>')
            out.append(f'<p class="muted">{escape(a.source)} · id {escape(a.id)}</p>')
            out.append(f"<pre>{escape(a.text)}</pre></article>")
    if report.skipped:
        out.append("<h2>Skipped</h2><table><thead><tr><th>source</th><th>reason</th></tr></thead>")
        out.append("<tbody>")
        for s in report.skipped:
            out.append(f"<tr><td>{escape(s.source)}</td><td>{escape(s.reason)}</td></tr>")
        out.append("</tbody></table>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"
