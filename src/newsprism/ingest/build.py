"""Documents to Articles: extract, clean, find metadata; one Skipped per failure."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, fields, replace
from datetime import date
from pathlib import PurePosixPath
from typing import Any

from ..analyze.times import weekday_year
from ..config import Settings
from ..errors import InputError, UsageError
from ..records import Article, Document, MetaSource, Provenance, Skipped
from .clean import Cleaned, clean_lines, corpus_boilerplate
from .decode import safe_text
from .html import extract_html
from .metadata import (
    credits_from_lines,
    date_from_text,
    detect_languages,
    outlet_from_url,
    parse_meta_date,
    stated_date,
    title_from_text,
)

# A cleaned text with fewer words than this is a stub (a teaser, an error page).
MIN_ARTICLE_WORDS = 15


@dataclass
class _Draft:
    doc: Document
    lines: list[str]
    title: str | None
    sitename: str | None
    published: str | None
    url: str | None
    language: str | None


def article_id(raw: bytes) -> str:
    """The stable content id: the first 16 hex digits of the SHA-256 of the raw input.

    >>> article_id(b"hello")
    '2cf24dba5fb0a30e'
    """
    return hashlib.sha256(raw).hexdigest()[:16]


def without_nul(doc: Document) -> Document:
    """``doc`` with NUL characters removed from its text and metadata, and lone
    surrogates (a JSON ``"\\ud800"``) replaced by U+FFFD.

    PostgreSQL text cannot hold a NUL (a JSON ``"\\u0000"`` decodes to one), no UTF-8
    store takes a lone surrogate, and the same article must read the same in SQLite;
    removed before cleaning, so every span indexes the text that is stored. The raw
    bytes, and so the id, stay as read.
    """
    changes: dict[str, Any] = {
        f.name: cleaned
        for f in fields(doc)
        if isinstance(value := getattr(doc, f.name), str) and (cleaned := safe_text(value)) != value
    }
    return replace(doc, **changes) if changes else doc


def _draft(doc: Document) -> _Draft:
    doc = without_nul(doc)
    if doc.is_html:
        ex = extract_html(doc.body, doc.url)
        return _Draft(
            doc,
            ex.text.split("\n"),
            doc.title or ex.title,
            doc.outlet or ex.sitename,
            doc.published or ex.date,
            doc.url or ex.url,
            doc.language or ex.language,
        )
    body = doc.body.replace("\r\n", "\n").replace("\r", "\n")
    lines = [ln.lstrip("#").strip() if ln.startswith("#") else ln for ln in body.split("\n")]
    return _Draft(doc, lines, doc.title, doc.outlet, doc.published, doc.url, doc.language)


def build_articles(
    docs: Sequence[Document], settings: Settings
) -> tuple[list[Article], list[Skipped]]:
    """Clean each document into an Article with metadata; what fails is Skipped.

    Corpus-level cleaning (lines repeated across several documents) needs all
    documents, so this works on a batch.
    """
    drafts: list[_Draft] = []
    skipped: list[Skipped] = []
    for doc in docs:
        try:
            drafts.append(_draft(doc))
        except InputError as exc:
            skipped.append(Skipped(doc.source, str(exc)))
        except Exception as exc:  # one bad page must not end the batch
            skipped.append(Skipped(doc.source, f"extraction failed: {type(exc).__name__}: {exc}"))
    boilerplate = corpus_boilerplate([d.lines for d in drafts])
    reference = _setting_date(settings.date, "date")
    batch = reference or _batch_date(drafts)
    # The run's "today", read once here in the main process: a year guessed from a
    # weekday with nothing else to go by never depends on a worker's clock.
    as_of = _setting_date(settings.as_of, "as_of") or today()
    articles: list[Article] = []
    seen: dict[str, str] = {}
    cleaned = [_cleaned(d, boilerplate) for d in drafts]
    # the languages of the batch at once: the detector runs them on every core
    languages = detect_languages(
        [c.text if isinstance(c, Cleaned) and len(c.text) <= settings.max_chars else ""
         for c in cleaned]
    )  # fmt: skip
    for draft, clean, language in zip(drafts, cleaned, languages, strict=True):
        aid = article_id(draft.doc.raw)
        if aid in seen:
            skipped.append(Skipped(draft.doc.source, f"duplicate of {seen[aid]}"))
            continue
        try:
            if isinstance(clean, Exception):
                raise clean
            article = _article(aid, draft, clean, language, reference, batch, as_of, settings)
        except _TooLong as exc:
            skipped.append(Skipped(draft.doc.source, str(exc)))
            continue
        except Exception as exc:
            reason = f"cleaning failed: {type(exc).__name__}: {exc}"
            skipped.append(Skipped(draft.doc.source, reason[:200]))
            continue
        n = len(article.text.split())
        if n < MIN_ARTICLE_WORDS:
            what = "no text" if n == 0 else f"only {n} words"
            skipped.append(Skipped(draft.doc.source, f"{what} after cleaning; not an article"))
            continue
        seen[aid] = draft.doc.source
        articles.append(article)
    return articles, skipped


def today() -> date:
    """The clock's day: the run's "today" when the ``as_of`` setting does not fix it (the
    one place newsprism reads the clock; tests fix it here)."""
    return date.today()


def _setting_date(value: str | None, name: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        why = f"setting {name!r} is {value!r}, not a date; write it as YYYY-MM-DD"
        raise UsageError(why) from None


def _batch_date(drafts: Sequence[_Draft]) -> date | None:
    """The median of the publication dates the batch's articles state with their year:
    what a year guessed from a weekday ("Monday, March 3") is chosen near."""
    found = []
    for d in drafts:
        value = parse_meta_date(d.published) if d.published else None
        value = value or stated_date("\n".join(ln for ln in d.lines if ln.strip()))
        if value:
            found.append(value)
    if not found:
        return None
    return date.fromisoformat(sorted(found)[(len(found) - 1) // 2])


def _published_from_text(
    text: str, d: _Draft, reference: date | None, batch: date | None, as_of: date
) -> Provenance | None:
    """The date the article's lead states. A timestamp or dateline line that recurs
    across the batch (copies of one release all carry it) is dropped from the text as
    boilerplate, so the lead is also read as the article alone would be cleaned, and
    a date found only there points into the raw input."""
    found = date_from_text(text, reference, batch_reference=batch, as_of=as_of)
    if found is not None and not found.value.startswith("--"):
        return found
    alone = clean_lines(d.lines).text
    if alone == text:
        return found
    again = date_from_text(alone, reference, batch_reference=batch, as_of=as_of)
    if again is None or again.start is None or again.end is None:
        return found
    if found is not None and again.value.startswith("--"):
        return found
    said = alone[again.start : again.end]
    at = d.doc.body.find(said)
    if at < 0:
        return Provenance(again.field, again.value, "raw")
    return Provenance(again.field, again.value, "raw", at, at + len(said))


class _TooLong(Exception):
    """A cleaned text over ``max_chars``."""


def _cleaned(d: _Draft, boilerplate: set[str]) -> Cleaned | Exception:
    try:
        return clean_lines(d.lines, boilerplate)
    except Exception as exc:  # one document's failure is its own (a reason, below)
        return exc


def _article(
    aid: str,
    d: _Draft,
    cleaned: Cleaned,
    detected: str | None,
    reference: date | None,
    batch: date | None,
    as_of: date,
    settings: Settings,
) -> Article:
    doc = d.doc
    text = cleaned.text
    if len(text) > settings.max_chars:  # before the metadata: it would be wasted work
        raise _TooLong(
            f"text is {len(text):,} characters after cleaning, over the "
            f"{settings.max_chars:,} limit for one article (raise max_chars to read it)"
        )
    raw = doc.body
    prov: list[Provenance] = []
    container: MetaSource = "feed" if doc.kind == "feed" else "metadata"

    # title
    title = d.title.strip() if d.title else None
    if title:
        prov.append(Provenance("title", title, container))
        first = text.split("\n", 1)[0] if text else ""
        if first.strip().casefold() == title.casefold():
            prov[-1] = Provenance("title", first, "text", 0, len(first))
    else:
        found = title_from_text(text)
        if found:
            title = found.value
            prov.append(found)

    # outlet: URL host, else container, else file name
    outlet = outlet_from_url(d.url)
    if outlet:
        prov.append(Provenance("outlet", outlet, "url"))
    elif d.sitename:
        outlet = d.sitename
        prov.append(Provenance("outlet", outlet, container))
    else:
        name = PurePosixPath(doc.source.split("#")[0].split(":")[0]).stem
        if name and name != "-":
            outlet = name
            prov.append(Provenance("outlet", outlet, "filename"))

    # publication date: container, else text, else --date, else unknown
    published = parse_meta_date(d.published) if d.published else None
    if published:
        prov.append(Provenance("published", published, container))
    else:
        found_date = _published_from_text(text, d, reference, batch, as_of)
        if found_date and not found_date.value.startswith("--"):
            published = found_date.value
            prov.append(found_date)
        else:
            if found_date:
                prov.append(
                    Provenance(
                        "published_month_day",
                        found_date.value,
                        found_date.source,
                        found_date.start,
                        found_date.end,
                    )
                )
            if settings.date:
                published = settings.date
                prov.append(Provenance("published", published, "user"))
            else:
                prov.append(Provenance("published", "unknown", "unknown"))
                year = weekday_year(text, batch, as_of)
                if year is not None:
                    prov.append(year)

    # language: detected from the text; the container's word only when text is too short
    language = detected
    if language:
        prov.append(Provenance("language", language, "detected"))
    elif d.language:
        language = d.language.split("-")[0].lower()
        prov.append(Provenance("language", language, container))

    credits = credits_from_lines(cleaned.lines, cleaned.removed, raw)
    prov.extend(credits)

    return Article(
        id=aid,
        source=doc.source,
        kind=doc.kind,
        text=text,
        raw=raw,
        title=title,
        outlet=outlet,
        url=d.url,
        published=published,
        language=language,
        credits=tuple(p.value for p in credits),
        provenance=tuple(prov),
        removed=tuple(cleaned.removed),
    )
