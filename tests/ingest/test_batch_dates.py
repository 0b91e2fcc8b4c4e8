"""Publication dates of copies: the batch's cleaning must not take them away, and a year
read from a weekday must fit the batch.

The copies are real ECB+ sentences (topic 3, a prison escape, CC BY 3.0) as a wire
release reprinted by several outlets: each copy carries the release's timestamp line.
"""

from __future__ import annotations

from pathlib import Path

from newsprism.config import Settings
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
