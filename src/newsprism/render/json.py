"""Report JSON v1."""

from __future__ import annotations

import json

from ..report import Report, report_to_json


def render_json(report: Report) -> str:
    """The report as indented report-v1 JSON text (UTF-8, non-ASCII kept)."""
    return json.dumps(report_to_json(report), ensure_ascii=False, indent=2) + "\n"
