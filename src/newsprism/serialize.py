"""Records to and from plain JSON-able dicts, for the store and the renderers."""

from __future__ import annotations

import base64
import dataclasses
from typing import Any

from .records import (
    Analysis,
    Article,
    Attribution,
    Claim,
    Mention,
    Provenance,
    Quantity,
    Quote,
    Sentence,
    Span,
    TimeExpr,
)


def to_jsonable(obj: Any) -> Any:
    """Turn a record (or nested tuples of them) into dicts, lists and scalars.

    Bytes become base64 text.

    >>> to_jsonable(Span("a", 0, 3))
    {'article_id': 'a', 'start': 0, 'end': 3}
    """
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_jsonable(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, tuple | list):
        return [to_jsonable(x) for x in obj]
    if isinstance(obj, dict):
        return {str(k): to_jsonable(v) for k, v in obj.items()}
    if isinstance(obj, bytes):
        return base64.b64encode(obj).decode("ascii")
    return obj


def _span(d: dict[str, Any] | None) -> Span | None:
    return None if d is None else Span(d["article_id"], int(d["start"]), int(d["end"]))


def article_from_dict(d: dict[str, Any]) -> Article:
    """Inverse of ``to_jsonable`` for an Article."""
    return Article(
        id=d["id"],
        source=d["source"],
        kind=d["kind"],
        text=d["text"],
        raw=d["raw"],
        title=d.get("title"),
        outlet=d.get("outlet"),
        url=d.get("url"),
        published=d.get("published"),
        language=d.get("language"),
        credits=tuple(d.get("credits", ())),
        provenance=tuple(Provenance(**p) for p in d.get("provenance", ())),
        removed=tuple((str(a), str(b)) for a, b in d.get("removed", ())),
    )


def _with_spans(cls: type, d: dict[str, Any], *span_fields: str) -> Any:
    kw = dict(d)
    for name in span_fields:
        kw[name] = _span(kw.get(name))
    return cls(**kw)


def analysis_from_dict(d: dict[str, Any]) -> Analysis:
    """Inverse of ``to_jsonable`` for an Analysis."""
    return Analysis(
        article_id=d["article_id"],
        sentences=tuple(_with_spans(Sentence, x, "span") for x in d.get("sentences", ())),
        mentions=tuple(_with_spans(Mention, x, "span") for x in d.get("mentions", ())),
        quantities=tuple(_with_spans(Quantity, x, "span") for x in d.get("quantities", ())),
        times=tuple(_with_spans(TimeExpr, x, "span") for x in d.get("times", ())),
        quotes=tuple(_with_spans(Quote, x, "span", "speaker_span") for x in d.get("quotes", ())),
        attributions=tuple(
            _with_spans(Attribution, x, "span", "source_span") for x in d.get("attributions", ())
        ),
        embeddings=base64.b64decode(d.get("embeddings", "")),
        embedding_dim=int(d.get("embedding_dim", 0)),
        notes=tuple(d.get("notes", ())),
        claims=tuple(_with_spans(Claim, x, "span", "mention") for x in d.get("claims", ())),
    )
