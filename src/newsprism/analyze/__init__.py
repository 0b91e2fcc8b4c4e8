"""Analyze: a pure, batchable function from a cleaned article to its evidence.

Each extractor lives in its own module and takes the article id, the spaCy
``Doc`` of ``article.text`` and what it needs besides; every item it returns
carries a span into ``article.text``.
"""
