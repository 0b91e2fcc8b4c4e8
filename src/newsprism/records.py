"""The typed records that flow between stages.

Stages communicate only through these records, never through globals, so the
same stage functions run in one process, a process pool or a distributed
engine. Records are frozen; collections are tuples so records hash and pickle.

Every extracted item carries a :class:`Span` into ``Article.text``, the cleaned
text, so that ``article.text[span.start:span.end]`` is the evidence.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any, Literal, TypeVar

R = TypeVar("R")


def record(cls: type[R]) -> type[R]:
    """Pickle a record as (class, field values): about five times faster than the
    default for frozen slotted dataclasses, which counts for the analyses coming
    back from worker processes."""
    names = tuple(f.name for f in fields(cls))  # type: ignore[arg-type]

    def __reduce__(self: Any) -> tuple[Any, tuple[Any, ...]]:
        return (type(self), tuple([getattr(self, n) for n in names]))

    cls.__reduce__ = __reduce__  # type: ignore[method-assign]
    return cls


# Where a metadata value came from. "text" and "raw" values carry a span into
# Article.text or Article.raw respectively; the others carry none.
MetaSource = Literal[
    "metadata", "text", "raw", "url", "feed", "filename", "user", "detected", "unknown"
]

InputKind = Literal["text", "html", "jsonl", "feed", "warc", "url", "stdin"]


@record
@dataclass(frozen=True, slots=True)
class Span:
    """A character range ``[start, end)`` in one article's cleaned text."""

    article_id: str
    start: int
    end: int


@record
@dataclass(frozen=True, slots=True)
class Document:
    """One item as an input format read it, before cleaning.

    ``body`` is decoded text; ``is_html`` says whether it is markup that still
    needs main-text extraction. ``raw`` is the item's bytes exactly as read: the
    article id is a hash of them, so re-reading the same input is idempotent.
    Metadata fields hold what the container said (feed entry, JSONL field,
    HTTP headers, HTML meta), or None.
    """

    source: str
    kind: InputKind
    raw: bytes
    body: str
    is_html: bool = False
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: str | None = None  # as found; parsed later
    language: str | None = None
    extra: tuple[tuple[str, str], ...] = ()


@record
@dataclass(frozen=True, slots=True)
class Skipped:
    """An input that produced no article, with a one-line reason."""

    source: str
    reason: str


@record
@dataclass(frozen=True, slots=True)
class Provenance:
    """Where one metadata value was found.

    ``source`` says how it was found; for "text" the span indexes
    ``Article.text``, for "raw" it indexes ``Article.raw``; otherwise both are None.
    """

    field: str
    value: str
    source: MetaSource
    start: int | None = None
    end: int | None = None


@record
@dataclass(frozen=True, slots=True)
class Article:
    """A cleaned article: the unit every later stage reads.

    >>> a = Article(id="ab12", source="a.txt", kind="text", text="Hello.", raw="Hello.")
    >>> a.text[0:5]
    'Hello'
    """

    id: str
    source: str
    kind: InputKind
    text: str
    raw: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None  # YYYY-MM-DD
    language: str | None = None
    credits: tuple[str, ...] = ()
    provenance: tuple[Provenance, ...] = ()
    removed: tuple[tuple[str, str], ...] = ()  # (why, line) for each line cleaning dropped

    def meta(self, name: str) -> Provenance | None:
        """The provenance of metadata field ``name``, if any."""
        for p in self.provenance:
            if p.field == name:
                return p
        return None


@record
@dataclass(frozen=True, slots=True)
class IngestResult:
    """What ingest produced: articles in input order and what it skipped."""

    articles: tuple[Article, ...]
    skipped: tuple[Skipped, ...]


# ---------------------------------------------------------------- analysis records

MentionType = Literal[
    "PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "LAW", "OTHER"
]


@record
@dataclass(frozen=True, slots=True)
class Sentence:
    span: Span
    text: str


@record
@dataclass(frozen=True, slots=True)
class Mention:
    """A named-entity mention. ``norm`` is the normalised key used to merge variants;
    ``place`` is an ISO 3166 code (country "SY" or subdivision "SY-RD") when a
    gazetteer resolved it."""

    span: Span
    text: str
    type: str
    norm: str
    acronym_of: str | None = None
    place: str | None = None


@record
@dataclass(frozen=True, slots=True)
class Quantity:
    """A counted amount as an interval. ``exact`` is False when qualified or vague;
    ``value_high`` is None for open intervals ("more than 15")."""

    span: Span
    text: str
    value_low: float | None
    value_high: float | None
    exact: bool
    unit: str | None = None
    counted: str | None = None
    ordinal: bool = False
    qualifier: str | None = None


@record
@dataclass(frozen=True, slots=True)
class TimeExpr:
    """A time expression as an interval ``[start, end]`` of ISO dates.

    ``granularity`` is day, week, month, year or duration. When the year cannot be
    known, dates are written ``--MM-DD`` and ``year_known`` is False. Durations keep
    ``start``/``end`` None and give ``duration_days``."""

    span: Span
    text: str
    start: str | None
    end: str | None
    granularity: str
    anchor: str | None = None  # the date a relative expression was resolved against
    year_known: bool = True
    duration_days: float | None = None


@record
@dataclass(frozen=True, slots=True)
class Quote:
    """Words attributed to a speaker. ``kind`` is direct, partial or indirect."""

    span: Span
    text: str
    speaker: str | None
    speaker_span: Span | None
    verb: str | None
    kind: str


@record
@dataclass(frozen=True, slots=True)
class Attribution:
    """A sentence (or clause) attributed to a source: "the ministry said", "according to X"."""

    span: Span
    source: str
    source_span: Span
    cue: str


ClaimKind = Literal["count", "age", "measure", "date", "time", "place", "actor", "record"]


@record
@dataclass(frozen=True, slots=True)
class Claim:
    """One checkable value of a sentence and what it is a value *of*.

    A sentence is evidence; a claim is what gets compared across articles. The
    ``predicate`` is the occurrence the value belongs to (a verb's lemma or an event
    noun: "kill", "arrest", "quake"), ``thing`` what is counted, measured or aged
    ("people", "magnitude", "boy") or the role of an actor ("agent", "patient").
    Numbers are intervals ``[low, high]`` (None: open); dates are ISO intervals
    ``[start, end]``; places carry an ISO 3166 code or a normalised name in
    ``value``; ``mention`` is the entity mention (a place, an actor, a named person
    whose age is given), resolved to a story entity in reconcile. ``cue`` marks a
    running count ("rose to", "so far", "at least"): a later, higher value is an
    update, not a conflict; "loose" a time whose span is not sharp ("late Friday"):
    at most a variant.
    """

    span: Span
    text: str
    kind: ClaimKind
    predicate: str | None
    thing: str | None
    value: str  # the normalised value, as a reader would compare it
    unit: str | None = None
    low: float | None = None
    high: float | None = None
    start: str | None = None
    end: str | None = None
    year_known: bool = True
    mention: Span | None = None
    cue: str | None = None
    context: tuple[str, ...] = ()  # verbs of the clauses around the predicate
    # the occurrence as the article names it when a noun stands for the predicate
    # ("operation" for "operate"): what a reader is shown as the slot
    word: str | None = None
    # whose figure it is, when the sentence names them ("Smith's 180 yards", "Johnson
    # rushed for 312 yards"), and the superlative that picks part of the counted things
    # ("the 9 worst-hit villages"): see analyze/holders.py
    holder: str | None = None
    subset: str | None = None
    # an actor's named-entity type (PERSON, ORG, GPE, NORP): a team and its city, an
    # agency and its official are one actor told two ways, never two people; of a
    # figure, its holder's (a person's figures are never another person's)
    name_type: str | None = None
    # the names taking part in a date's occurrence (its verb's subject and object, an event
    # noun's possessor or "of" phrase): two dates of "fired" with no name in common are
    # two firings (see analyze/participants.py)
    participants: tuple[str, ...] = ()
    # the other nouns a count's noun is listed with ("six rifles, 12 magazines and 300
    # rounds": "magazine", "round" for the rifles): one inventory, whatever its verb
    listed: tuple[str, ...] = ()
    # the nouns before a count's noun that say what kind of thing it is ("fire",
    # "police" of "12 fire and police vehicles"): a vehicle of the fire service is no fire
    kind_of: tuple[str, ...] = ()


@record
@dataclass(frozen=True)
class Analysis:
    """Everything the analyze stage found in one article."""

    article_id: str
    sentences: tuple[Sentence, ...] = ()
    mentions: tuple[Mention, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    times: tuple[TimeExpr, ...] = ()
    quotes: tuple[Quote, ...] = ()
    attributions: tuple[Attribution, ...] = ()
    embeddings: bytes = b""  # float16 little-endian, one row per sentence
    embedding_dim: int = 0
    notes: tuple[str, ...] = field(default=())
    claims: tuple[Claim, ...] = ()


# ---------------------------------------------------------------- story records

FactStatus = Literal["corroborated", "single_source", "variant", "conflict"]
Relation = Literal["variant", "conflict", "update"]
QuoteRelation = Literal["verbatim", "abridged", "altered", "paraphrase", "unique"]


@record
@dataclass(frozen=True, slots=True)
class GeoFeature:
    """The gazetteer feature (GeoNames) a place resolved to.

    ``admin1`` and ``admin2`` are GeoNames admin codes of the feature's country
    (``admin1_name`` the readable first-level name); ``population`` 0 when unknown.
    """

    geonameid: int
    name: str
    latitude: float
    longitude: float
    feature_class: str  # GeoNames class: P populated place, A admin area, ...
    feature_code: str  # GeoNames code: PPLC, PPLA, ADM1, PCLI, ...
    country_code: str  # ISO 3166-1 alpha-2
    admin1: str | None = None
    admin1_name: str | None = None
    admin2: str | None = None
    population: int = 0


@record
@dataclass(frozen=True, slots=True)
class Entity:
    """One real-world entity across a story: its best name, every spelling, every mention."""

    id: str
    name: str
    type: str
    aliases: tuple[str, ...]
    mentions: tuple[Span, ...]
    place: str | None = None  # ISO 3166 code when the entity is a known place
    geo: GeoFeature | None = None  # the gazetteer feature, when resolved


@record
@dataclass(frozen=True, slots=True)
class Origin:
    """Articles that are not independent of each other, and why.

    ``copies`` lists (article_id, copied_from, evidence) for each link found.
    """

    id: str
    article_ids: tuple[str, ...]
    copies: tuple[tuple[str, str, str], ...] = ()


@record
@dataclass(frozen=True, slots=True)
class Statement:
    """A sentence of one article that states a fact, with the slots read from it."""

    span: Span
    text: str
    entities: tuple[str, ...] = ()  # entity ids
    quantities: tuple[Quantity, ...] = ()
    times: tuple[TimeExpr, ...] = ()  # event times: report dates and durations left out
    places: tuple[str, ...] = ()  # ISO 3166 codes
    claims: tuple[Claim, ...] = ()  # the checkable values of the sentence (analyze.claims)


@record
@dataclass(frozen=True, slots=True)
class Fact:
    """Statements from several articles that report the same fact, and how they compare."""

    id: str
    summary: str
    status: FactStatus
    independent_sources: int
    statements: tuple[Statement, ...]
    note: str
    origins: tuple[str, ...] = ()
    date_start: str | None = None
    date_end: str | None = None
    differences: tuple[str, ...] = ()  # one line per slot that differs
    comparisons: tuple[Comparison, ...] = ()  # one per slot compared


@record
@dataclass(frozen=True, slots=True)
class ValueGroup:
    """The articles of a fact that give one value for a slot, with their spans."""

    value: str
    article_ids: tuple[str, ...]
    spans: tuple[Span, ...]


@record
@dataclass(frozen=True, slots=True)
class Comparison:
    """One slot of a fact compared across articles: its value groups and how they relate.

    Articles of one group agree; ``relation`` is between the groups.
    """

    slot: str  # what the value is of: "killed: people", "date of: arrest", "place of: verdict"
    relation: Relation
    groups: tuple[ValueGroup, ...]


@record
@dataclass(frozen=True, slots=True)
class Rendering:
    """One article's rendering of an utterance, compared with the fullest rendering."""

    span: Span
    text: str
    kind: str  # direct, partial or indirect
    relation: QuoteRelation
    diff: str = ""  # word diff against the reference: [-removed-] {+added+}
    flag: str | None = None  # e.g. quotation marks around words nobody else reports


@record
@dataclass(frozen=True, slots=True)
class QuoteGroup:
    """Renderings of one utterance across articles."""

    id: str
    speaker: str | None
    speaker_entity: str | None
    renderings: tuple[Rendering, ...]


@record
@dataclass(frozen=True, slots=True)
class Event:
    """An ACLED-style event record built from the facts that describe it."""

    id: str
    date_start: str | None
    date_end: str | None
    event_type: str
    sub_event_type: str
    actors: tuple[str, ...]
    country: str | None
    admin1: str | None
    location: str | None
    fatalities: int | None
    fact_ids: tuple[str, ...]
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None  # ACLED: 1 town, 2 region near a town, 3 province
    time_precision: int | None = None  # ACLED: 1 day, 2 week, 3 month


@record
@dataclass(frozen=True, slots=True)
class TimelineEntry:
    date_start: str
    date_end: str
    summary: str
    fact_ids: tuple[str, ...]


@record
@dataclass(frozen=True, slots=True)
class Grade:
    """How one article's account compares with the primary source."""

    article_id: str
    matching: tuple[str, ...] = ()  # fact ids the article reports as the primary does
    changed: tuple[tuple[str, str], ...] = ()  # (fact id, what changed)
    added: tuple[str, ...] = ()  # fact ids the primary source does not contain
    quotes_changed: tuple[tuple[str, str], ...] = ()  # (quote group id, relation + diff)


@record
@dataclass(frozen=True)
class Story:
    """The reconciled account of one story."""

    id: str
    headline: str
    article_ids: tuple[str, ...]
    entities: tuple[Entity, ...] = ()
    origins: tuple[Origin, ...] = ()
    facts: tuple[Fact, ...] = ()
    quotes: tuple[QuoteGroup, ...] = ()
    events: tuple[Event, ...] = ()
    timeline: tuple[TimelineEntry, ...] = ()
    primary_id: str | None = None
    grades: tuple[Grade, ...] = ()
