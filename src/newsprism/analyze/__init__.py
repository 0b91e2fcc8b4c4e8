"""Analyze: a pure, batchable function from a cleaned article to its evidence.

Each extractor lives in its own module and takes the article id and the spaCy
``Doc`` of ``article.text`` (plus what it needs besides); every item it returns
carries a span into ``article.text``.
"""

from __future__ import annotations

from .pipeline import analyze_article, analyze_articles

__all__ = ["analyze_article", "analyze_articles"]
