"""Renderers: a Report to JSON, Markdown, a self-contained HTML page, or its events
as ACLED-column CSV or GeoJSON."""

from __future__ import annotations

from collections.abc import Callable

from ..errors import UsageError
from ..report import Report, report_to_json
from .events_export import events_csv, render_events_geojson
from .html import render_html
from .json import render_json
from .markdown import render_markdown

RENDERERS: dict[str, Callable[[Report], str]] = {
    "md": render_markdown,
    "json": render_json,
    "html": render_html,
    # the events alone, as an analyst loads them (ACLED columns; GeoJSON points)
    "acled-csv": lambda report: events_csv(report_to_json(report)),
    "geojson": lambda report: render_events_geojson(report_to_json(report)),
}


def render(report: Report, fmt: str) -> str:
    """Render ``report`` as ``fmt`` (one of md, json, html, acled-csv, geojson)."""
    try:
        return RENDERERS[fmt](report)
    except KeyError:
        valid = ", ".join(RENDERERS)
        raise UsageError(f"unknown format {fmt!r}; choose one of {valid}") from None


__all__ = ["RENDERERS", "render", "render_html", "render_json", "render_markdown"]
