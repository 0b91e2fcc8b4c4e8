"""newsprism: many news reports of one story in, one cited account out.

Example (needs the models or files named)::

    import newsprism
    report = newsprism.analyze(["examples/"], date="2025-12-01")
    [a.title for a in report.articles]
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ._version import __version__
from .config import Settings, load_settings
from .errors import InputError, NewsprismError, StoreError, UsageError
from .records import Analysis, Article, Skipped, Span
from .report import Report, report_to_json


def analyze(paths: Sequence[str], *, analysis: bool = True, **options: Any) -> Report:
    """Read ``paths`` (files, folders, URLs) and return a :class:`Report`.

    ``options`` are settings (see :class:`Settings`): ``date``, ``db``,
    ``max_bytes``, ``spacy_model``, ``jsonl_fields``…, and ``primary`` (a file or
    URL to grade every article against); ``analysis=False`` only
    ingests. ``report_to_json(report)`` gives the report JSON v1.

    Example (needs the models or files named)::

        report = analyze(["examples/"], analysis=False)
        len(report.articles)
        # 5
    """
    from .report import run

    processes = options.pop("processes", None)
    primary = options.pop("primary", None)
    settings = load_settings(**options)
    return run(list(paths), settings, analyze=analysis, processes=processes, primary=primary)


__all__ = [
    "Analysis",
    "Article",
    "InputError",
    "NewsprismError",
    "Report",
    "Settings",
    "Skipped",
    "Span",
    "StoreError",
    "UsageError",
    "__version__",
    "analyze",
    "report_to_json",
]
