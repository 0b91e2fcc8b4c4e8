"""The web app and JSON API (``newsprism serve``): stories, articles, facts, quotes, events."""

from __future__ import annotations

from .app import MAX_UPLOAD, create_app

__all__ = ["MAX_UPLOAD", "create_app"]
