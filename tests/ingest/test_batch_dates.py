"""Publication dates of copies: the batch's cleaning must not take them away, and a year
read from a weekday must fit the batch.

The copies are real ECB+ sentences (topic 3, a prison escape, CC BY 3.0) as a wire
release reprinted by several outlets: each copy carries the release's timestamp line.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.analyze import analyze_articles
from newsprism.config import Settings
from newsprism.errors import UsageError
from newsprism.ingest import build_articles
from newsprism.records import Document
from newsprism.report import run

RELEASE = [
    "Convicted child molester on the run in Texas",
    "{stamp}",
    "A convicted child molester who was supposedly confined to a wheelchair overpowered two "
    "prison guards, handcuffed them, stole their weapons and walked off wearing one of their "
    "uniforms.",
    "Arcade Joseph Comeaux Jr., 49, is serving a life sentence and was en route from the "
    "Estelle Unit in Huntsville, Texas, to the Stiles Unit in Beaumont, Texas, when he escaped "
    "just after 9 a.m.",
]
# What each outlet adds below the release: its own last paragraph.
ENDINGS = [
    "Described as 6 feet tall and weighing about 200 pounds, he knows the area well.",
    "Comeaux escaped with a 12-gauge shotgun and two semiautomatic pistols.",
    "He was first imprisoned in 1979 on three 10-year sentences.",
    "Authorities said he could have family nearby and may be armed.",
]


def _copy(n: int, stamp: str) -> Document:
    text = "\n".join([*RELEASE, ENDINGS[n]]).replace("{stamp}", stamp)
    return Document(f"outlet{n}.txt", "text", text.encode(), text)


def test_copies_sharing_a_timestamp_line_keep_the_date_it_gives() -> None:
    # The line recurs in every copy, so cleaning drops it as the batch's boilerplate;
    # the date is read before that, and says where in the raw input it was found.
    docs = [_copy(n, "Monday, Nov. 30, 2009 05:40 PM ET") for n in range(4)]
    articles, skipped = build_articles(docs, Settings())
    assert skipped == []
    for a in articles:
        assert "05:40 PM" not in a.text
        assert ("repeated across articles", "Monday, Nov. 30, 2009 05:40 PM ET") in a.removed
        assert a.published == "2009-11-30"
        p = a.meta("published")
        assert p is not None and p.source == "raw" and p.start is not None
        assert a.raw[p.start : p.end] == "Nov. 30, 2009"


def test_a_year_from_a_weekday_is_the_one_nearest_the_batch() -> None:
    # "Monday, Nov. 30" fits 2009, 2015 and 2020: the batch's other copies say 2009.
    docs = [_copy(0, "Monday, Nov. 30"), *(_copy(n, "Nov. 30, 2009") for n in (1, 2))]
    articles, _ = build_articles(docs, Settings())
    by = {a.source: a for a in articles}
    assert by["outlet0.txt"].published == "2009-11-30"


def test_a_year_from_a_weekday_is_the_one_nearest_the_given_date() -> None:
    articles, _ = build_articles([_copy(0, "Monday, Nov. 30")], Settings(date="2010-01-15"))
    assert articles[0].published == "2009-11-30"


def test_the_primary_is_cleaned_with_its_copies(tmp_path: Path) -> None:
    stamp = "Monday, Nov. 30, 2009 05:40 PM ET"
    folder = tmp_path / "copies"
    folder.mkdir()
    for n in range(1, 4):
        (folder / f"outlet{n}.txt").write_bytes(_copy(n, stamp).raw)
    primary = tmp_path / "release.txt"
    primary.write_bytes(_copy(0, stamp).raw)
    result = run([str(folder)], Settings(), primary=str(primary), analyze=False)
    assert result.articles[0].id == result.primary_id
    assert len(result.articles) == 4
    # one cleaning rule: the release's stamp line is dropped from the primary as from the
    # copies, and every one of them is dated by it
    assert all(stamp not in a.text for a in result.articles)
    assert {a.published for a in result.articles} == {"2009-11-30"}


def test_with_nothing_else_to_go_by_a_weekday_year_is_the_latest_up_to_the_run_s_day() -> None:
    # "Monday, Nov. 30" fits 2009, 2015 and 2020. No copy writes a year and no --date is
    # given: the run's day (the as_of setting) decides, never the machine's clock.
    docs = [_copy(0, "Monday, Nov. 30")]
    early = build_articles(docs, Settings(as_of="2019-06-01"))[0][0]
    late = build_articles(docs, Settings(as_of="2021-06-01"))[0][0]
    assert (early.published, late.published) == ("2015-11-30", "2020-11-30")


def test_an_undated_article_s_weekday_fixes_the_year_of_its_other_dates() -> None:
    # No date in the lead; the body's "Monday, Nov. 30" is the only weekday, and the
    # "Dec. 2" of the next paragraph is read in the year it fixes.
    text = "\n".join(
        [
            RELEASE[0],
            RELEASE[2],
            ENDINGS[0],
            ENDINGS[1],
            "He escaped on Monday, Nov. 30, just after 9 a.m.",
            "He was captured on Dec. 2 in a motel near Houston.",
        ]
    )
    doc = Document("outlet.txt", "text", text.encode(), text)
    (article,), _ = build_articles([doc], Settings(as_of="2019-06-01"))
    assert article.published is None
    year = article.meta("year")
    assert year is not None and article.text[year.start : year.end] == "Monday, Nov. 30"
    assert year.value == "2015"
    analysis = analyze_articles([article], processes=1)[0]
    found = {t.text: t.start for t in analysis.times}
    assert found["Dec. 2"] == "2015-12-02"


def test_a_bad_as_of_setting_is_a_one_line_error() -> None:
    with pytest.raises(UsageError, match=r"as_of.*YYYY-MM-DD"):
        build_articles([_copy(0, "Monday, Nov. 30")], Settings(as_of="yesterday"))
