"""Articles analyzed in units that do not depend on their neighbours, each unit once.

A story every outlet carries is mostly reprints: the same paragraphs, a sentence
changed or added here and there. Bare NER must parse every text; the analyze stage
need not. An article is cut into units where nothing read from the text crosses the
cut: after a line that ends a sentence, outside any quotation and clear of the
sentence after one (where a quote's speaker may stand), and every unit is analyzed
on its own, its result depending only on its text and on the article's date context
(the publication date, else the year a weekday fixes in the article). Identical
units of a batch are analyzed once and their evidence moved to each article's
offsets. What needs the whole article runs after on the joined units: one-word
subdivision names that count only beside their country (and the place claims that
read them), a pronoun speaker or source named in an earlier unit, and figures read
by the article's language. So an article's analysis is the same whether its units were
analyzed for it or for another article of the batch (tested), and never depends on
its batch companions.
"""

from __future__ import annotations

import bisect
import dataclasses
import itertools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from ..records import Analysis, Article, Claim, Quantity, Span, TimeExpr
from . import attributions, claims, embed, entities, languages, quantities, sentences, times
from .attributions import AttributionRun
from .blocks import join, text_blocks
from .nlp import parse_all
from .quotes import QuoteRun, carry_speakers, find_quotations, quote_run

# A line that ends a sentence (its end mark, closing quotes or brackets, then the
# line break and the blank space after it), or a blank line: where a unit may end.
_UNIT_END = re.compile(r"[.!?…](?:[ \t]*[\"'”’»)\]])*[ \t]*\n\s*|\n[ \t\r\f\v]*\n\s*")
# A quote's speaker may stand in the sentence that starts within this many
# characters of its closing mark (quotes.py): no unit starts there.
_AFTER_QUOTE = 3
# Units per spaCy call, at most (and at most the call's character budget).
UNITS_PER_CALL = 256


# A unit that does not open its article is parsed after this, a sentence of its own: as
# it stands in a text, after a sentence's end. The model reads a few words either side
# of each word, so a unit parsed bare reads its first words as a text's first; with
# this, its entities and parse agree with the whole article's parse on all but 0.7% of
# entities and 0.3% of words (60 MEANTIME, ECB+ and example articles; bare: 2.3% and
# 0.7%).
_AFTER_A_SENTENCE = ".\n"


@dataclass(frozen=True)
class Unit:
    """What one unit's analysis depends on: its text, whether it opens its article,
    and the article's date context."""

    text: str
    opens: bool  # the unit starts the article's text
    published: str | None
    year_hint: int | None  # without ``published``: the year a weekday fixes in the article

    @property
    def lead(self) -> str:
        """What the unit is parsed after."""
        return "" if self.opens else _AFTER_A_SENTENCE


@dataclass(frozen=True)
class UnitResult:
    """One unit's evidence, spans from the unit's start and with no article id."""

    analysis: Analysis
    quotes: QuoteRun
    attributions: AttributionRun


def unit_bounds(text: str, budget: int) -> list[tuple[int, int]]:
    """``[start, end)`` of the units of ``text``, in order, blank space between them
    left out; a unit longer than ``budget`` characters is cut as :func:`text_blocks`
    cuts a long text.

    >>> text = 'Title\\nIt rained. We left.\\n"Go," she said.\\nThe end.'
    >>> [text[s:e] for s, e in unit_bounds(text, 1000)]
    ['Title\\nIt rained. We left.', '"Go," she said.', 'The end.']
    """
    quoted = find_quotations(text)  # in text order, none inside another
    starts = [s for s, _ in quoted]
    cuts = [0]
    for m in _UNIT_END.finditer(text):
        c = m.end()
        k = bisect.bisect_right(starts, c) - 1  # the last quotation opened by c
        if c < len(text) and not (k >= 0 and c <= quoted[k][1] + _AFTER_QUOTE):
            cuts.append(c)
    cuts.append(len(text))
    out: list[tuple[int, int]] = []
    for start, end in itertools.pairwise(cuts):
        chunk = text[start:end]
        start += len(chunk) - len(chunk.lstrip())
        end = start + len(text[start:end].rstrip())
        if end <= start:
            continue
        if end - start <= budget:
            out.append((start, end))
        else:
            out.extend((start + s, start + e) for s, e in text_blocks(text[start:end], budget))
    return out


def plan(article: Article, budget: int) -> list[tuple[int, Unit]]:
    """The units of ``article``: (offset in its text, unit)."""
    fixed = None if article.published else article.meta("year")
    hint = int(fixed.value) if fixed is not None else None
    return [
        (s, Unit(article.text[s:e], s == 0, article.published, hint))
        for s, e in unit_bounds(article.text, budget)
    ]


def _calls(units: Sequence[Unit], budget: int) -> Iterator[list[int]]:
    """Indices of ``units`` in runs of at most ``budget`` characters and
    ``UNITS_PER_CALL`` units: what one spaCy call holds."""
    run: list[int] = []
    size = 0
    for i, unit in enumerate(units):
        if run and (len(run) >= UNITS_PER_CALL or size + len(unit.text) > budget):
            yield run
            run, size = [], 0
        run.append(i)
        size += len(unit.text)
    if run:
        yield run


def preload(model: str, embed_: bool) -> None:
    """Load what analyzing a unit reads (the spaCy pipeline, the place gazetteer, the
    sentence encoder), once per process. Done before a pool of workers is forked, the
    workers start with it loaded (~1.7 CPU seconds each not spent again)."""
    from . import gazetteer
    from .nlp import load_nlp

    load_nlp(model)
    gazetteer.load()
    if embed_:
        embed.load_model()


def analyze_units(
    units: Sequence[Unit], model: str, embed_: bool, budget: int
) -> list[UnitResult | str]:
    """Every extractor over each unit, spaCy given at most ``budget`` characters at a
    time; a unit that fails gives the reason instead (its articles fail, the rest
    goes on)."""
    out: list[UnitResult | str] = []
    for run in _calls(units, budget):
        texts = [units[i].lead + units[i].text for i in run]
        leads = [len(units[i].lead) for i in run]
        try:
            docs: list[Any] | None = parse_all(texts, model, len(texts), leads)
        except Exception:
            docs = None  # one unit broke the call: parse them one by one below
        for j, i in enumerate(run):
            try:
                doc = (
                    docs[j] if docs is not None else parse_all([texts[j]], model, 1, [leads[j]])[0]
                )
                out.append(_analyze_unit(units[i], doc))
            except Exception as exc:
                out.append(_reason(exc))
        del docs
    return _with_embeddings(out) if embed_ else out


def _reason(exc: BaseException) -> str:
    detail = str(exc).splitlines()[0][:150] if str(exc) else ""
    return f"{type(exc).__name__}: {detail}"


def _analyze_unit(unit: Unit, doc: Any) -> UnitResult:
    """The unit's evidence; what ``doc`` holds before the unit (its lead) holds no
    evidence but a sentence of its own, left out."""
    mentions = entities.extract_mentions("", doc, whole=False)
    found_times = times.extract_times("", doc, unit.published, year_hint=unit.year_hint)
    found_quantities = not_dates(quantities.extract_quantities("", doc), found_times)
    run = quote_run("", doc, mentions)
    sources = attributions.attribution_run("", doc, mentions)
    analysis = Analysis(
        article_id="",
        sentences=tuple(
            x for x in sentences.extract_sentences("", doc) if x.span.start >= len(unit.lead)
        ),
        mentions=mentions,
        quantities=found_quantities,
        times=found_times,
        quotes=run.quotes,
        attributions=sources.attributions,
        claims=claims.extract_claims("", doc, found_quantities, found_times, mentions),
    )
    return UnitResult(analysis, run, sources)


def _with_embeddings(found: list[UnitResult | str]) -> list[UnitResult | str]:
    """``found`` with the units' sentence embeddings: one encoder call for all (a
    sentence's vector does not depend on the others, see embed.py), else one per unit;
    a unit whose sentences cannot be embedded gives the reason instead."""
    texts = [[] if isinstance(r, str) else [s.text for s in r.analysis.sentences] for r in found]
    try:
        flat: npt.NDArray[np.float32] | None = embed.embed_texts([t for ts in texts for t in ts])
    except Exception:
        flat = None
    out: list[UnitResult | str] = []
    offset = 0
    for r, ts in zip(found, texts, strict=True):
        n = len(ts)
        try:
            if isinstance(r, str):
                out.append(r)
                continue
            vectors = embed.embed_texts(ts) if flat is None else flat[offset : offset + n]
            analysis = dataclasses.replace(
                r.analysis,
                embeddings=embed.pack(vectors),
                embedding_dim=vectors.shape[1] if len(vectors) else 0,
            )
            out.append(UnitResult(analysis, r.quotes, r.attributions))
        except Exception as exc:
            out.append(_reason(exc))
        finally:
            offset += n
    return out


def not_dates(found: tuple[Quantity, ...], dates: tuple[TimeExpr, ...]) -> tuple[Quantity, ...]:
    """Numbers inside a date ("27th" in "from October 24th to 27th") are not amounts;
    numbers inside a duration ("180 days") are."""
    ranges = [(t.span.start, t.span.end) for t in dates if t.granularity != "duration"]
    return tuple(
        q for q in found if not any(s < q.span.end and q.span.start < e for s, e in ranges)
    )


class UnitFailed(Exception):
    """A unit of the article could not be analyzed."""


def assemble(
    article: Article, units: Sequence[tuple[int, Unit]], results: dict[Unit, UnitResult | str]
) -> Analysis:
    """``article``'s analysis from its units' results: evidence moved to the article's
    offsets, then what needs the whole article (see the module's docstring)."""
    parts: list[Analysis] = []
    runs: list[QuoteRun] = []
    sources: list[AttributionRun] = []
    for offset, unit in units:
        found = results[unit]
        if isinstance(found, str):
            raise UnitFailed(found)
        offset -= len(unit.lead)
        parts.append(_moved_analysis(found.analysis, article.id, offset))
        runs.append(_moved_run(found.quotes, article.id, offset))
        sources.append(_moved_sources(found.attributions, article.id, offset))
    joined = join(article.id, parts) if parts else Analysis(article.id)
    mentions = entities.plausible_places(joined.mentions)
    unplaced = {
        m.span: m.norm for old, m in zip(joined.mentions, mentions, strict=True) if old != m
    }
    whole = dataclasses.replace(
        joined,
        mentions=mentions,
        quotes=carry_speakers(runs),
        attributions=attributions.carry_sources(sources, article.id),
        # a place the tagger did not call one is kept when the whole article bears it out
        claims=claims.bear_out_places(
            tuple(_placed(c, unplaced) for c in joined.claims) if unplaced else joined.claims,
            mentions,
            article.text,
        ),
    )
    # other languages: figures read by their conventions, the rest said to be unread
    return languages.localize(whole, article.text, article.language)


def _placed(claim: Claim, unplaced: dict[Span, str]) -> Claim:
    """A place claim of a mention whose place the whole article did not bear out
    names the place as written, as it would have from the start."""
    if claim.kind == "place" and claim.mention in unplaced:
        return dataclasses.replace(claim, value=unplaced[claim.mention])
    return claim


# ------------------------------------------------------------- moving evidence

_FIELDS: dict[type, tuple[str, ...]] = {}


def _moved(item: Any, article_id: str, offset: int) -> Any:
    """``item`` with every span moved by ``offset`` into the article ``article_id``."""
    names = _FIELDS.get(type(item))
    if names is None:
        names = _FIELDS[type(item)] = tuple(f.name for f in dataclasses.fields(item))
    values = [getattr(item, n) for n in names]
    for k, v in enumerate(values):
        if type(v) is Span:
            values[k] = Span(article_id, v.start + offset, v.end + offset)
    return type(item)(*values)


def _all_moved(items: Sequence[Any], article_id: str, offset: int) -> tuple[Any, ...]:
    return tuple(_moved(x, article_id, offset) for x in items)


def _moved_analysis(found: Analysis, article_id: str, offset: int) -> Analysis:
    return dataclasses.replace(
        found,
        article_id=article_id,
        sentences=_all_moved(found.sentences, article_id, offset),
        mentions=_all_moved(found.mentions, article_id, offset),
        quantities=_all_moved(found.quantities, article_id, offset),
        times=_all_moved(found.times, article_id, offset),
        quotes=(),
        attributions=(),
        claims=_all_moved(found.claims, article_id, offset),
    )


def _moved_sources(run: AttributionRun, article_id: str, offset: int) -> AttributionRun:
    return AttributionRun(
        _all_moved(run.attributions, article_id, offset),
        tuple((s + offset, e + offset, cue) for s, e, cue in run.open),
        None if run.last is None else (run.last[0], run.last[1] + offset, run.last[2] + offset),
    )


def _moved_run(run: QuoteRun, article_id: str, offset: int) -> QuoteRun:
    def who(s: tuple[str, int, int] | None) -> tuple[str, int, int] | None:
        return None if s is None else (s[0], s[1] + offset, s[2] + offset)

    return QuoteRun(
        _all_moved(run.quotes, article_id, offset),
        tuple(x + offset for x in run.direct_open),
        tuple(x + offset for x in run.indirect_open),
        who(run.direct_last),
        who(run.indirect_last),
    )
