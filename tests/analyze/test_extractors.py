"""The extractors on real news sentences: what a reader would check."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest

from newsprism.analyze import analyze_articles
from newsprism.analyze.embed import embed_texts, pack, unpack
from newsprism.analyze.entities import acronym_fits, extract_mentions
from newsprism.analyze.gazetteer import lookup
from newsprism.analyze.quantities import extract_quantities
from newsprism.analyze.quotes import extract_quotes, find_quotations
from newsprism.analyze.sentences import extract_sentences
from newsprism.analyze.times import extract_times
from newsprism.config import Settings
from newsprism.ingest import ingest

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.mark.parametrize(
    ("sentence", "text", "low", "high", "counted"),
    [
        ("The army destroyed more than 15 sites containing ISIS weapons caches.",
         "more than 15", 15, None, "sites"),
        ("The operation destroyed over 130 mortars and rockets, multiple assault rifles.",
         "over 130", 130, None, "mortars and rockets"),
        ("The operations resulted in five ISIS members killed and 19 captured.",
         "five", 5, 5, "members"),
        ("Centcom said the operation targeted more than fifteen weapons depots.",
         "more than fifteen", 15, None, "depots"),
        ("About 4,000 passengers had been stranded, the port authority said.",
         "About 4,000", 3200, 4800, "passengers"),
        ("Dozens of flights were cancelled at the airport.", "Dozens", 24, 99, "flights"),
        ("Scores of homes were flooded overnight.", "Scores", 40, 99, "homes"),
        ("Police said at least 12 people were hurt.", "at least 12", 12, None, "people"),
        ("Between 10 and 15 protesters were detained.", "10 and 15", 10, 15, None),
        ("Nearly 300 residents were evacuated overnight.", "Nearly 300", 240, 300, "residents"),
        ("The blaze caused an estimated $1 million in damage, officials said.",
         "an estimated $1 million", 800_000, 1_200_000, "damage"),
        # a range of money written with its sign twice is one amount
        ("The city's bid was between $40 million and $45 million, a source said.",
         "$40 million and $45 million", 40e6, 45e6, None),
        ("The repairs will cost $2 billion to $3 billion.",
         "$2 billion to $3 billion", 2e9, 3e9, None),
        # an amount set against one reported before it bounds the report's own
        ("The deal is worth more than $50 million, but less than the $60 million reported "
         "by a local paper.", "less than the $60 million", 0, 60e6, None),
    ],
)  # fmt: skip
def test_quantities_are_intervals_with_their_counted_thing(
    nlp: Any, sentence: str, text: str, low: float, high: float | None, counted: str | None
) -> None:
    found = {q.text: q for q in extract_quantities("a", nlp(sentence))}
    assert text in found, list(found)
    q = found[text]
    assert (q.value_low, q.value_high) == (low, high)
    if counted:
        assert q.counted == counted
    assert q.exact is (low == high)


def test_a_change_from_one_amount_to_another_is_two_amounts(nlp: Any) -> None:
    doc = nlp("The budget rose from $2 million to $3 million last year.")
    found = [(q.text, q.value_low, q.value_high) for q in extract_quantities("a", doc)]
    assert found == [("$2 million", 2e6, 2e6), ("$3 million", 3e6, 3e6)]


@pytest.mark.parametrize(
    "sentence",
    [
        "The 33-year-old actress thanked her fans.",  # an age
        "A six-month-old baby was rescued from the rubble.",
        "The Colts beat the Jaguars 31-24 on Thursday night.",  # a score
        "The Lakers won 102 - 99 in overtime.",
        "An F-16 crashed near the base.",  # numbers inside names
        "The outbreak of COVID-19 closed the border.",
        "Ratliff returned the interception for a pick-six.",
        "He played in the 2024-25 season.",  # a span of years
        "Test scores rose across the district.",  # the noun, not "scores of"
    ],
)
def test_ages_scores_and_names_are_not_amounts(nlp: Any, sentence: str) -> None:
    assert [q.text for q in extract_quantities("a", nlp(sentence))] == []


def test_hyphenated_number_words_and_real_counts_beside_names_stay(nlp: Any) -> None:
    doc = nlp("Twenty-two soldiers and 12 AK-47 rifles were seized; COVID-19 killed 300 people.")
    found = {q.text: q.value_low for q in extract_quantities("a", doc)}
    assert found == {"Twenty-two": 22, "12": 12, "300": 300}


def test_ordinal_is_a_position_and_years_are_not_amounts(nlp: Any) -> None:
    doc = nlp("Syria became the 90th member of the coalition formed in 2014.")
    qs = extract_quantities("a", doc)
    assert [(q.text, q.ordinal, q.counted) for q in qs] == [("90th", True, "member")]


@pytest.mark.parametrize(
    ("sentence", "published", "text", "start", "end", "gran"),
    [
        ("Forces destroyed the sites from November 24-27.", "2025-11-30",
         "November 24-27", "2025-11-24", "2025-11-27", "day"),
        ("The operation ran between November 24 and 27.", "2025-11-30",
         "between November 24 and 27", "2025-11-24", "2025-11-27", "day"),
        ("It launched a joint operation from November 24th to 27th.", "2025-11-30",
         "from November 24th to 27th", "2025-11-24", "2025-11-27", "day"),
        ("The U.S. military said on Sunday it had destroyed 15 sites.", "2025-12-01",
         "on Sunday", "2025-11-30", "2025-11-30", "day"),
        ("Last week, troops carried out raids in the area.", "2025-12-01",
         "Last week", "2025-11-24", "2025-11-30", "week"),
        ("It lost its final stronghold in 2019.", "2025-12-01",
         "in 2019", "2019-01-01", "2019-12-31", "year"),
        ("The toppling of the government on December 8 last year.", "2025-12-01",
         "December 8 last year", "2024-12-08", "2024-12-08", "day"),
        # no publication date, nothing to read the weekday's year by: the year is unknown
        ("Centcom announced on Sunday (November 30th) that forces struck.", None,
         "Sunday (November 30th)", "--11-30", "--11-30", "day"),
        ("The strikes took place November 24-27.", None,
         "November 24-27", "--11-24", "--11-27", "day"),
        # a part of a month is its first, middle or last ten days
        ("At the end of July, an armed man carried out a robbery.", "2013-08-26",
         "the end of July", "2013-07-21", "2013-07-31", "month"),
        ("He died after he was shot in early September.", "2009-10-02",
         "early September", "2009-09-01", "2009-09-10", "month"),
        ("The team acquired him in late July 2008.", None,
         "late July 2008", "2008-07-21", "2008-07-31", "month"),
        # counted back from the report's day
        ("Felt revealed his identity three years ago.", "2008-12-19",
         "three years ago", "2005-12-20", "2005-12-20", "year"),
    ],
)  # fmt: skip
def test_times_are_intervals(
    nlp: Any, sentence: str, published: str | None, text: str, start: str, end: str, gran: str
) -> None:
    found = {t.text: t for t in extract_times("a", nlp(sentence), published)}
    assert text in found, list(found)
    t = found[text]
    assert (t.start, t.end, t.granularity) == (start, end, gran)
    assert t.year_known is not start.startswith("--")


@pytest.mark.parametrize(
    ("text", "published", "phrase", "day"),
    [
        ("President Trump met the Syrian president on November 10. On the same day, the "
         "government signed documents to join the coalition.", "2025-11-30",
         "the same day", "2025-11-10"),
        # undated: the day is counted back, its year left unknown
        ("Police said Saturday, March 8, that both were dead at the scene the day before.",
         None, "the day before", "--03-07"),
        ("Microsoft went into emergency mode on December 9. A day later, it published a "
         "security advisory.", None, "A day later", "--12-10"),
    ],
)  # fmt: skip
def test_a_day_counted_from_a_day_just_dated_is_that_day(
    nlp: Any, text: str, published: str | None, phrase: str, day: str
) -> None:
    """News tells a sequence of days by their distance from the last one it dated ("on
    the same day", "the day before", "a day later"): read against that day."""
    found = {t.text: t for t in extract_times("a", nlp(text), published)}
    assert phrase in found, list(found)
    assert (found[phrase].start, found[phrase].end, found[phrase].granularity) == (day, day, "day")


@pytest.mark.parametrize(
    "text",
    [
        "He was arrested the day after the shooting.",
        "Nobody knew on the same day what had happened.",  # no day dated before it
        "Crews will restore capacity over the next day or two.",
    ],
)
def test_a_day_counted_from_an_undated_occurrence_is_no_date(nlp: Any, text: str) -> None:
    assert not [t for t in extract_times("a", nlp(text), "2025-11-30") if "day" in t.text]


def test_a_month_abbreviation_must_end_its_word(nlp: Any) -> None:
    # "the 2:15 mark" of a round was read as March 15
    found = extract_times("a", nlp("The referee stopped the fight at the 2:15 mark."), "2009-12-01")
    assert found == ()
    kept = extract_times("a", nlp("He died on 15 Mar. 2005 in Rome."), "2009-12-01")
    assert [t.start for t in kept] == ["2005-03-15"]


def test_durations_are_kept_apart_from_dates(nlp: Any) -> None:
    (t,) = extract_times("a", nlp("Sanctions were frozen for 180 days."), "2025-12-01")
    assert (t.granularity, t.duration_days, t.start) == ("duration", 180.0, None)


def test_places_resolve_through_the_gazetteer_whatever_the_spelling() -> None:
    for name in ("Rif Damashq", "Rif Dimashq", "Rīf Dimashq", "Rif Dimashq Province"):
        place = lookup(name)
        assert place is not None and place.code == "SY-RD", name
    assert lookup("Syria").code == "SY"  # type: ignore[union-attr]
    assert lookup("Bavaria") is None or lookup("Bavaria").code.startswith("DE")  # type: ignore[union-attr]


def test_a_name_written_with_its_type_is_a_division_of_that_type() -> None:
    # a US county is no French department, Mozambican province or US state of a like name
    for name in ("Marin County", "Nassau County", "Washington County", "Anbar province"):
        place = lookup(name)
        assert place is None, (name, place)
    # a type that translates the division's own ("oblast": pycountry's "region") still fits
    found = {n: lookup(n) for n in ("Dnepropetrovska oblast", "Kent County", "Idlib governorate")}
    assert {n: p.code if p else None for n, p in found.items()} == {
        "Dnepropetrovska oblast": "UA-12",
        "Kent County": "GB-KEN",
        "Idlib governorate": "SY-ID",
    }


def test_entities_strip_titles_and_link_acronyms(nlp: Any) -> None:
    text = (
        "U.S. Central Command (CENTCOM) said Admiral Brad Cooper's forces worked "
        "across the Rif Damashq province."
    )
    mentions = extract_mentions("a", nlp(text))
    by_text = {m.text: m for m in mentions}
    assert by_text["CENTCOM"].acronym_of == "central command"
    assert "Brad Cooper" in by_text and "Admiral Brad Cooper's" not in by_text
    assert by_text["Rif Damashq province"].place == "SY-RD"
    assert acronym_fits("SDF", ["Syrian", "Democratic", "Forces"])


def test_a_news_site_is_an_outlet_not_a_place(nlp: Any) -> None:
    # a real ECB+ sentence: the site name comes before ". com"
    text = (
        "Comeaux allegedly handcuffed the officers together in the vehicle and then took "
        "off with their weapons, MyFoxHouston. com reported."
    )
    by_text = {m.text: m for m in extract_mentions("a", nlp(text))}
    assert by_text["MyFoxHouston"].type == "ORG" and by_text["MyFoxHouston"].place is None


def test_a_number_is_never_a_name(nlp: Any) -> None:
    mentions = extract_mentions("a", nlp("On 15 the ministry said 15 sites were hit."))
    assert all(not m.text.strip().isdigit() for m in mentions)


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ('"We will stay," she said.', "We will stay,"),
        ("“We will stay,” she said.", "We will stay,"),
        ("Il a dit : « Nous resterons. »", "Nous resterons."),
        ("Er sagte: „Wir bleiben.“", "Wir bleiben."),
    ],
)
def test_every_quotation_style(text: str, quoted: str) -> None:
    assert [text[s:e] for s, e in find_quotations(text)] == [quoted]


def test_multi_paragraph_quote_is_one_quote() -> None:
    text = "“The first paragraph ends open.\n“The second one closes,” she said."
    (span,) = find_quotations(text)
    assert text[span[0] : span[1]].endswith("closes,")


def test_quote_speaker_and_pronoun(nlp: Any) -> None:
    text = (
        "“This operation ensures gains made against the group are lasting,” Admiral Brad "
        "Cooper, the commander, said in a statement.\n“We will remain vigilant,” he added."
    )
    doc = nlp(text)
    quotes = extract_quotes("a", doc, extract_mentions("a", doc))
    direct = [(q.speaker, q.verb) for q in quotes if q.kind == "direct"]
    assert direct == [("Brad Cooper", "say"), ("Brad Cooper", "add")]


def test_reported_speech_is_an_indirect_quote(nlp: Any) -> None:
    text = "Admiral Cooper stressed that the forces will maintain a high level of vigilance."
    doc = nlp(text)
    (q,) = extract_quotes("a", doc, extract_mentions("a", doc))
    assert (q.kind, q.speaker, q.verb) == ("indirect", "Cooper", "stress")
    assert q.text.startswith("the forces will maintain")


def test_sentences_never_cross_a_paragraph(nlp: Any) -> None:
    text = "Storm hits coast\nThe storm hit the coast on Monday. Schools closed"
    assert [s.text for s in extract_sentences("a", nlp(text))] == [
        "Storm hits coast",
        "The storm hit the coast on Monday.",
        "Schools closed",
    ]


def test_embeddings_put_a_translation_near_its_original() -> None:
    v = embed_texts(
        [
            "The army destroyed fifteen weapons depots in the south of the country.",
            "L'armée a détruit quinze dépôts d'armes dans le sud du pays.",
            "The football team won the championship after a long season.",
        ]
    )
    assert float(v[0] @ v[1]) > float(v[0] @ v[2]) + 0.3
    back = unpack(pack(v), v.shape[1])
    assert np.allclose(back, v, atol=2e-3)


@pytest.fixture(scope="module")
def seed_analyses() -> list[tuple[Any, Any]]:
    result = ingest([str(EXAMPLES)], Settings(date="2025-12-01"))
    return list(zip(result.articles, analyze_articles(result.articles), strict=True))


def test_every_item_on_every_example_points_at_its_text(
    seed_analyses: list[tuple[Any, Any]],
) -> None:
    for article, analysis in seed_analyses:
        assert analysis.notes == ()
        items = [
            *analysis.sentences, *analysis.mentions, *analysis.quantities,
            *analysis.times, *analysis.quotes,
        ]  # fmt: skip
        assert items
        for item in items:
            assert item.span.article_id == article.id
            assert article.text[item.span.start : item.span.end] == item.text
        for q in analysis.quotes:
            if q.speaker_span is not None:
                assert article.text[q.speaker_span.start : q.speaker_span.end] == q.speaker
        assert analysis.embedding_dim == 512
        assert len(analysis.embeddings) == 2 * 512 * len(analysis.sentences)


def test_parallel_analysis_matches_in_process(seed_analyses: list[tuple[Any, Any]]) -> None:
    articles = [a for a, _ in seed_analyses] * 4  # enough for two workers
    parallel = analyze_articles(articles, processes=2)
    serial = [an for _, an in seed_analyses] * 4
    assert [p.quotes for p in parallel] == [s.quotes for s in serial]
    assert [p.quantities for p in parallel] == [s.quantities for s in serial]


@pytest.mark.parametrize(
    ("sentence", "name", "code"),
    [
        # a subdivision's name is also a town's: the state after it says which
        ("Mark Felt died at his home in Santa Rosa, Calif., on Thursday, his family said.",
         "Santa Rosa", None),
        ("Felt died of heart failure Thursday at his home in Santa Rosa, California.",
         "Santa Rosa", None),
        # the container agrees with the gazetteer's reading: kept
        ("Heavy rain flooded roads in Santa Rosa, Guatemala, on Monday.", "Santa Rosa", "GT-06"),
    ],
)  # fmt: skip
def test_a_place_named_after_a_name_says_which_place_it_is(
    nlp: Any, sentence: str, name: str, code: str | None
) -> None:
    found = {m.text: m for m in extract_mentions("a", nlp(sentence))}
    assert name in found, list(found)
    assert found[name].place == code
