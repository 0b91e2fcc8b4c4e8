"""The reconciled story of the examples and of a second real story, as a reader checks it."""

from __future__ import annotations

from pathlib import Path

import jsonschema
import pytest

from newsprism.records import Article, Fact, Rendering, Story
from newsprism.render import render
from newsprism.report import Report, report_schema, report_to_json, run

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def seeds() -> Report:
    return run([str(ROOT / "examples")])


@pytest.fixture(scope="module")
def escape() -> Report:
    folder = ROOT / "tests" / "data" / "escape"
    return run([str(folder)], primary=str(folder / "3_6ecbplus.txt"))


def _article(report: Report, prefix: str) -> Article:
    return next(a for a in report.articles if Path(a.source).name.startswith(prefix))


def _fact_with(story: Story, article: Article, piece: str) -> Fact:
    at = article.text.index(piece)
    for f in story.facts:
        for st in f.statements:
            if st.span.article_id == article.id and st.span.start <= at < st.span.end:
                return f
    raise AssertionError(f"no fact holds {piece!r}")


def _rendering(story: Story, opening: str) -> Rendering:
    return next(r for q in story.quotes for r in q.renderings if r.text.startswith(opening))


def test_wire_copies_share_one_origin(seeds: Report) -> None:
    story = seeds.stories[0]
    wire = {_article(seeds, "001_").id, _article(seeds, "002_").id}
    shared = [o for o in story.origins if wire <= set(o.article_ids)]
    assert len(shared) == 1 and set(shared[0].article_ids) == wire
    assert len(story.origins) == 4
    data = report_to_json(seeds)
    origins = {a["id"]: a["origin"] for a in data["articles"]}
    assert len({origins[i] for i in wire}) == 1


def test_copied_paragraphs_make_one_origin(escape: Report) -> None:
    story = escape.stories[0]
    a, b = _article(escape, "3_2").id, _article(escape, "3_3").id
    origin = next(o for o in story.origins if a in o.article_ids)
    assert b in origin.article_ids
    assert any("shared outside quotes" in ev or "near-duplicate" in ev for *_, ev in origin.copies)


def test_the_count_is_compared_in_value_groups_that_cite_each_value(seeds: Report) -> None:
    story = seeds.stories[0]
    exact = _article(seeds, "001_")
    fact = _fact_with(story, exact, "it had destroyed 15 sites")
    compared = next(c for c in fact.comparisons if "15" in {g.value for g in c.groups})
    assert compared.relation == "variant"
    alone = next(g for g in compared.groups if g.value == "15")
    assert alone.article_ids == (exact.id,)
    more = next(g for g in compared.groups if g.value == "more than 15")
    # the articles that agree are one group, never compared with each other
    assert len(more.article_ids) >= 2 and exact.id not in more.article_ids
    texts = {a.id: a.text for a in seeds.articles}
    assert {texts[s.article_id][s.start : s.end] for s in alone.spans} == {"15"}
    data = report_to_json(seeds)
    jsonschema.validate(data, report_schema())
    md = render(seeds, "md")
    assert "sources say **more than 15**" in md and "1 source says **15**" in md


def test_each_count_is_compared_once_with_every_article_that_gives_it(seeds: Report) -> None:
    # "more than fifteen weapons depots" sits in a sentence of another fact than the
    # count's: it joins the count's comparison instead of a second comparison of the
    # count printed beside the first
    story = seeds.stories[0]
    depots = _article(seeds, "003_")
    fact = _fact_with(story, _article(seeds, "001_"), "it had destroyed 15 sites")
    compared = next(c for c in fact.comparisons if "15" in {g.value for g in c.groups})
    more = next(g for g in compared.groups if g.value == "more than 15")
    texts = {a.id: a.text for a in seeds.articles}
    cited = [s for s in more.spans if s.article_id == depots.id]
    # the article says it twice (the standfirst and the body): both places are cited
    assert [texts[s.article_id][s.start : s.end] for s in cited] == ["more than fifteen"] * 2
    assert len({s.start for s in cited}) == 2
    same_slot = [c for f in story.facts for c in f.comparisons if c.slot == compared.slot]
    assert same_slot == [compared]


def test_count_given_with_and_without_qualifier_is_a_variant(seeds: Report) -> None:
    story = seeds.stories[0]
    fact = _fact_with(story, _article(seeds, "001_"), "it had destroyed 15 sites")
    assert fact.status == "variant"
    assert "more than 15" in fact.note and "15 sites" in fact.note
    assert fact.independent_sources >= 2


def test_different_years_for_one_conviction_are_a_conflict(escape: Report) -> None:
    fact = _fact_with(escape.stories[0], _article(escape, "3_1"), "convicted in June 1998")
    assert fact.status == "conflict"
    assert "1998" in fact.note


def test_spelling_variants_acronyms_and_surnames_are_one_entity(seeds: Report) -> None:
    story = seeds.stories[0]

    def entity_of(alias: str) -> str:
        return next(e.id for e in story.entities if alias in e.aliases)

    assert entity_of("Rif Damashq province") == entity_of("Rif Dimashq Province")
    assert entity_of("CENTCOM") == entity_of("U.S. Central Command")
    assert entity_of("Cooper") == entity_of("Brad Cooper")
    assert entity_of("Sharaa") == entity_of("Ahmed al-Sharaa") == entity_of("Al-Shar’a")


def test_changed_word_in_a_quote_is_altered_with_a_diff(seeds: Report) -> None:
    story = seeds.stories[0]
    rendering = _rendering(story, "We will continue to ac")
    assert rendering.relation == "altered"
    assert "[-aggressively-]" in rendering.diff and "{+actively+}" in rendering.diff
    group = next(q for q in story.quotes if rendering in q.renderings)
    assert group.speaker == "Brad Cooper"


def test_shortened_quote_is_abridged(seeds: Report) -> None:
    story = seeds.stories[0]
    rendering = _rendering(story, "This operation ensures gains")
    assert rendering.relation == "abridged"


def test_quoted_words_nobody_else_reports_are_flagged(seeds: Report) -> None:
    story = seeds.stories[0]
    rendering = _rendering(story, "This successful operation has further degraded")
    assert rendering.flag and "no other source" in rendering.flag
    verbatim_elsewhere = _rendering(story, "This successful operation ensures")
    assert verbatim_elsewhere.flag is None


def test_background_raid_is_its_own_event(seeds: Report) -> None:
    story = seeds.stories[0]
    main = next(e for e in story.events if e.date_start == "2025-11-24")
    assert main.date_end == "2025-11-27"
    assert main.sub_event_type == "Disrupted weapons use"
    assert main.country == "Syria" and main.admin1 is not None
    raid = next(e for e in story.events if e.fatalities == 9)
    assert raid is not main and raid.event_type == "Battles"
    assert not set(raid.fact_ids) & set(main.fact_ids)


def test_timeline_is_in_date_order(seeds: Report) -> None:
    starts = [t.date_start for t in seeds.stories[0].timeline]
    assert starts == sorted(starts) and "2025-11-24" in starts


def test_every_citation_points_at_its_words(seeds: Report, escape: Report) -> None:
    for report in (seeds, escape):
        data = report_to_json(report)
        jsonschema.validate(data, report_schema())
        texts = {a["id"]: a["text"] for a in data["articles"]}
        story = data["stories"][0]
        cited = [st for f in story["facts"] for st in f["statements"]]
        cited += [r for q in story["quotes"] for r in q["renderings"]]
        assert cited
        for c in cited:
            assert texts[c["article_id"]][c["start"] : c["end"]] == c["text"]


def test_articles_are_graded_against_the_primary_source(escape: Report) -> None:
    story = escape.stories[0]
    primary = _article(escape, "3_6")
    assert story.primary_id == primary.id
    assert escape.articles[0].id == primary.id
    grades = {g.article_id: g for g in story.grades}
    assert set(grades) == {a.id for a in escape.articles} - {primary.id}
    handcuffs = _fact_with(story, primary, "allegedly handcuffed the officers")
    assert handcuffs.id in grades[_article(escape, "3_1").id].matching
    # what the primary does not say is listed as added, per article
    assert grades[_article(escape, "3_2").id].added
    data = report_to_json(escape)
    assert data["stories"][0]["primary"]["article_id"] == primary.id
    assert [a["role"] for a in data["articles"]].count("primary") == 1


def test_the_operation_is_one_event_dated_to_its_days(seeds: Report) -> None:
    story = seeds.stories[0]
    main = [e for e in story.events if e.date_start == "2025-11-24"]
    assert len(main) == 1
    assert main[0].date_end == "2025-11-27" and main[0].time_precision == 2
    # another outlet's account of the same operation, without its dates, joins it (in a
    # fact whose summary may be another article's wording of it)
    stated = [st.text for f in story.facts if f.id in main[0].fact_ids for st in f.statements]
    assert any("destroyed 15 sites" in s for s in stated)


def test_no_event_is_dated_to_a_background_year(seeds: Report) -> None:
    story = seeds.stories[0]
    assert all(e.date_start is None or e.date_start >= "2025-01-01" for e in story.events)
    # the accession was announced on November 11; 2014 is when the coalition was formed
    facts = {f.id: f for f in story.facts}
    accession = next(
        t for t in story.timeline
        if any("accession" in st.text for i in t.fact_ids for st in facts[i].statements)
    )  # fmt: skip
    assert (accession.date_start, accession.date_end) == ("2025-11-11", "2025-11-11")
    # what happened years ago keeps its own date in the timeline
    assert any(t.date_start == "2019-01-01" and "stronghold" in t.summary for t in story.timeline)


def test_the_operation_dated_by_its_announcement_is_a_conflict(seeds: Report) -> None:
    """Four reports date the operation to November 24-27; one calls it "the November 30
    operation" (the day of the announcement): a conflict, each value cited in its
    article, the four agreeing reports in one group."""
    story = seeds.stories[0]
    late = _article(seeds, "004_")
    at = late.text.index("The November 30 operation")
    texts = {a.id: a.text for a in seeds.articles}
    found = [
        (f, c)
        for f in story.facts
        for c in f.comparisons
        for g in c.groups
        for s in g.spans
        if s.article_id == late.id and at <= s.start < at + 30
    ]
    assert found
    fact, compared = found[0]
    assert compared.relation == "conflict" and fact.status == "conflict"
    alone = next(g for g in compared.groups if late.id in g.article_ids)
    assert alone.article_ids == (late.id,)
    assert {texts[s.article_id][s.start : s.end] for s in alone.spans} == {"November 30"}
    (others,) = [g for g in compared.groups if late.id not in g.article_ids]
    assert set(others.article_ids) == {
        _article(seeds, p).id for p in ("000_", "001_", "002_", "003_")
    }
    assert all("24" in texts[s.article_id][s.start : s.end] for s in others.spans)
    # two announcements of the story on two days are no disagreement
    assert not [c for f in story.facts for c in f.comparisons
                if c.relation == "conflict" and "announce" in c.slot]  # fmt: skip
    md = render(seeds, "md")
    assert "4 sources say **between November 24 and 27**" in md
    assert "1 source says **November 30**" in md
    # headed by the noun the reports wrote, not the verb it was matched by
    assert "Conflict on date of: operation:" in md


def test_a_background_year_is_never_a_variant_of_a_recent_date(seeds: Report) -> None:
    """Reports that "lost its final stronghold in 2019" and "severed the link … in 2016" are the
    story's history; "seizing weapons at the beginning of November" is this month's.
    The report once printed "2 sources say 2019 · 1 source says the beginning of
    November" as a variant: no comparison may hold a past year and that date."""
    story = seeds.stories[0]
    texts = {a.id: a.text for a in seeds.articles}
    for f in story.facts:
        for c in f.comparisons:
            shown = {texts[s.article_id][s.start : s.end] for g in c.groups for s in g.spans}
            if any("beginning of November" in t for t in shown):
                assert not any(y in t for t in shown for y in ("2014", "2016", "2018", "2019"))
    md = render(seeds, "md")
    assert "says **the beginning of November**" not in md
    assert "say **2019**" not in md and "says **2016**" not in md
    # nor are the two announcements of the story (November 30, November 11) a variant
    assert not [c for f in story.facts for c in f.comparisons if "announce" in c.slot]
