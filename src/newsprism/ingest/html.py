"""Main text and metadata of an HTML page (trafilatura), with a plain fallback."""

from __future__ import annotations

import logging
import warnings
from dataclasses import dataclass

from ..errors import InputError


@dataclass(frozen=True)
class Extracted:
    """What an HTML page holds: main text (one paragraph per line) and metadata."""

    text: str
    title: str | None = None
    sitename: str | None = None
    date: str | None = None
    url: str | None = None
    language: str | None = None
    author: str | None = None


def extract_html(html: str, url: str | None = None) -> Extracted:
    """Main text and metadata of ``html``; InputError when the page holds no text.

    >>> page = "<html><body><article><p>" + "Words here. " * 20 + "</p></article></body></html>"
    >>> extract_html(page).text[:10]
    'Words here'
    """
    import trafilatura

    # trafilatura logs at ERROR for pages it cannot use; our Skipped reason says it once.
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        doc = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            favor_precision=True,
            # Only dates the page states about itself, never a guess from the URL or links.
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    data = doc.as_dict() if doc is not None and hasattr(doc, "as_dict") else (doc or {})
    text = (data.get("text") or "").strip()
    if not text:
        text = _paragraphs(html)
    if not text:
        raise InputError("no article text found in the HTML page")

    def get(key: str) -> str | None:
        value = data.get(key)
        return str(value).strip() or None if value else None

    return Extracted(
        text=text,
        title=get("title"),
        sitename=get("sitename"),
        date=get("date"),
        url=get("url") or url,
        language=get("language"),
        author=get("author"),
    )


def _paragraphs(html: str) -> str:
    """Text of the page's <p> elements: the fallback when extraction finds nothing."""
    import lxml.html

    try:
        tree = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return ""
    paras = [" ".join(p.text_content().split()) for p in tree.iter("p")]
    if not any(paras):  # a fragment without paragraphs, as feeds often carry
        return " ".join(tree.text_content().split())
    return "\n".join(p for p in paras if p)
