"""Articles analyzed in units, each distinct unit once per batch: an article's analysis
(its embeddings included) is the same whether its units were analyzed for it or for
another article, and whichever articles came before it."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from newsprism.analyze import units
from newsprism.analyze.pipeline import BLOCK_CHARS, analyze_articles
from newsprism.records import Analysis, Article, Span

ROOT = Path(__file__).resolve().parents[2]
MEANTIME = ROOT / "tests" / "data" / "stories" / "meantime"


def _article(aid: str, text: str, language: str = "en") -> Article:
    return Article(
        id=aid, source=f"{aid}.txt", kind="text", text=text, raw=text,
        published="2008-03-01", language=language,
    )  # fmt: skip


def _alone(article: Article) -> Analysis:
    return analyze_articles([article], engine="inprocess")[0]


@pytest.fixture(scope="module")
def original() -> Article:
    return _article("original", (MEANTIME / "en_airbus_100911.txt").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def reprint(original: Article) -> Article:
    """The report as another outlet prints it: one sentence changed, one of its own."""
    lines = original.text.split("\n")
    assert "179 new aerial refueling tankers" in lines[2]
    lines[2] = lines[2].replace("179 new aerial refueling tankers", "180 new tankers")
    lines.append("Shares of Boeing fell 2 percent in early trading on Monday.")
    return _article("reprint", "\n".join(lines))


@pytest.fixture(scope="module")
def translation() -> Article:
    text = (MEANTIME / "es_airbus_100911.txt").read_text(encoding="utf-8")
    return _article("translation", text, "es")


@pytest.fixture(scope="module")
def batch(original: Article, reprint: Article, translation: Article) -> dict[str, Analysis]:
    found = analyze_articles([original, translation, reprint], engine="inprocess")
    return {a.article_id: a for a in found}


def test_a_reprint_shares_all_but_its_own_units_with_the_original(
    original: Article, reprint: Article
) -> None:
    mine = {u for _, u in units.plan(reprint, BLOCK_CHARS)}
    theirs = {u for _, u in units.plan(original, BLOCK_CHARS)}
    assert len(mine) > 10
    assert len(mine - theirs) == 2  # the changed sentence's unit and the added one


@pytest.mark.parametrize("name", ["reprint", "translation", "original"])
def test_an_article_analyzed_beside_its_copies_is_the_article_analyzed_alone(
    name: str, batch: dict[str, Analysis], request: pytest.FixtureRequest
) -> None:
    article: Article = request.getfixturevalue(name)
    alone = _alone(article)
    assert batch[name] == alone  # every span, value and embedding byte
    assert alone.embedding_dim == 512 and len(alone.embeddings) == 512 * 2 * len(alone.sentences)


def test_a_reprint_reads_its_changed_and_its_own_sentences(batch: dict[str, Analysis]) -> None:
    counts = {q.text: q.value_low for q in batch["reprint"].quantities}
    assert counts.get("180") == 180 and counts.get("179") is None
    assert counts.get("2 percent") == 2 or counts.get("2") == 2
    assert "179" in {q.text for q in batch["original"].quantities}


def test_the_translation_is_read_by_its_language(batch: dict[str, Analysis]) -> None:
    es = batch["translation"]
    assert es.times == () and es.claims == ()  # not read in Spanish: said, not guessed
    assert any("language es" in n for n in es.notes)
    assert 20.1e9 in {q.value_low for q in es.quantities}  # "20.100 millones"


def test_an_article_does_not_depend_on_the_articles_before_it(
    original: Article, reprint: Article, translation: Article
) -> None:
    one = analyze_articles([original, translation, reprint], engine="inprocess")
    other = analyze_articles([reprint, translation, original], engine="inprocess")
    assert {a.article_id: a for a in one} == {a.article_id: a for a in other}


def test_a_repeated_paragraph_is_read_alike_each_time(original: Article) -> None:
    paragraphs = original.text.split("\n")
    again = paragraphs[5]  # a paragraph printed twice, as a page that repeats its lead
    text = "\n".join([*paragraphs[:6], again, *paragraphs[6:]])
    article = _article("repeated", text)
    plan = units.plan(article, BLOCK_CHARS)
    assert len({u for _, u in plan}) == len(plan) - 1
    found = _alone(article)
    first = text.index(again)
    second = text.index(again, first + 1)

    def inside(items: tuple, start: int) -> list:
        shift = second - start
        out = []
        for x in items:
            if start <= x.span.start and x.span.end <= start + len(again):
                moved = {
                    f.name: Span(v.article_id, v.start + shift, v.end + shift)
                    for f in dataclasses.fields(x)
                    if isinstance(v := getattr(x, f.name), Span)
                }
                out.append(dataclasses.replace(x, **moved))
        return out

    for field in ("mentions", "quantities", "claims"):
        items = getattr(found, field)
        assert inside(items, first), field
        assert inside(items, first) == inside(items, second), field


def test_a_pronoun_speaker_is_the_one_an_earlier_paragraph_names() -> None:
    text = (
        "Flood waters rose across the valley on Monday.\n"
        "Mayor Anne Larsen said the town would rebuild the bridge.\n"
        '"We will stay and we will rebuild," she said.\n'
        "She added that the army had sent two boats."
    )
    found = _alone(_article("flood", text))
    assert len(units.unit_bounds(text, BLOCK_CHARS)) == 4
    direct = [q for q in found.quotes if q.kind != "indirect"]
    assert [(q.text, q.speaker) for q in direct] == [
        ("We will stay and we will rebuild,", "Anne Larsen")
    ]
    sources = {text[a.span.start : a.span.end]: a.source for a in found.attributions}
    assert sources["She added that the army had sent two boats."] == "Anne Larsen"


def test_a_quotation_over_two_paragraphs_is_one_unit() -> None:
    text = (
        "The minister spoke after the vote.\n"
        '"We did what we had to do.\n'
        '"Now the work begins," she said.\n'
        "The vote passed 52 to 47."
    )
    bounds = units.unit_bounds(text, BLOCK_CHARS)
    assert [text[s:e] for s, e in bounds] == [
        "The minister spoke after the vote.",
        '"We did what we had to do.\n"Now the work begins," she said.',
        "The vote passed 52 to 47.",
    ]
