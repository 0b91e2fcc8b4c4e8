"""Renderers: a Report to JSON, Markdown or a self-contained HTML page."""

from __future__ import annotations

from collections.abc import Callable

from ..errors import UsageError
from ..report import Report
from .html import render_html
from .json import render_json
from .markdown import render_markdown

RENDERERS: dict[str, Callable[[Report], str]] = {
    "md": render_markdown,
    "json": render_json,
    "html": render_html,
}


def render(report: Report, fmt: str) -> str:
    """Render ``report`` as ``fmt`` (one of md, json, html)."""
    try:
        return RENDERERS[fmt](report)
    except KeyError:
        valid = ", ".join(RENDERERS)
        raise UsageError(f"unknown format {fmt!r}; choose one of {valid}") from None


__all__ = ["RENDERERS", "render", "render_html", "render_json", "render_markdown"]
