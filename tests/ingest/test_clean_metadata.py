"""Cleaning and metadata on the five example articles and on hand-made pages.

What a careful reader would strip from each example and what they would read
off it, checked line by line.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from newsprism.config import Settings
from newsprism.ingest import build_articles, ingest
from newsprism.ingest.clean import clean_lines
from newsprism.ingest.metadata import date_from_text, parse_meta_date
from newsprism.records import Article, Document

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture(scope="module")
def examples() -> dict[str, Article]:
    result = ingest([str(EXAMPLES)], Settings())
    assert result.skipped == ()
    return {a.source[:3]: a for a in result.articles}


def _removed(a: Article) -> dict[str, str]:
    return {line: why for why, line in a.removed}


def test_repeated_title_caption_and_credit_line_are_removed(examples: dict[str, Article]) -> None:
    a = examples["001"]
    title = "American and Syrian forces conduct airstrikes on ISIS weapons storage facilities"
    assert a.text.count(title) == 1 and a.text.startswith(title)
    removed = _removed(a)
    caption = next(line for line in removed if line.startswith("US soldiers patrol"))
    assert removed[caption] == "photo caption"
    assert removed["Reuters"] == "wire credit line"
    assert removed["Tags"] in {"interface text", "trailing tag or link list"}
    assert "Qamishli" not in a.text


def test_photo_agency_is_not_a_text_credit(examples: dict[str, Article]) -> None:
    assert examples["001"].credits == ("Reuters",)


def test_credit_note_gives_the_wire(examples: dict[str, Article]) -> None:
    a = examples["002"]
    assert a.credits == ("Reuters",)
    assert "references reports" not in a.text
    credit = a.meta("credit")
    assert credit is not None and credit.source == "raw" and credit.start is not None
    assert "Reuters" in a.raw[credit.start : credit.end]


def test_section_label_and_page_furniture_are_removed(examples: dict[str, Article]) -> None:
    a = examples["003"]
    assert a.title is not None and a.title.startswith("First joint operation")
    assert _removed(a)["Policy"] == "section label"
    for furniture in ("Show More", "Related Articles", "Back to top button"):
        assert furniture in _removed(a) and furniture not in a.text
    assert not any("MonsterInsights" in line for line in a.text.split("\n"))


def test_body_sentences_survive_cleaning(examples: dict[str, Article]) -> None:
    for a in examples.values():
        raw_lines = [ln.strip() for ln in a.raw.split("\n") if len(ln.split()) > 25]
        for line in raw_lines:
            assert " ".join(line.split()) in a.text, (a.source, line[:60])


def test_date_from_weekday_and_parenthesised_date(examples: dict[str, Article]) -> None:
    a = examples["002"]
    assert a.published == "2025-11-30"
    p = a.meta("published")
    assert p is not None and p.source == "text" and p.start is not None
    assert "November 30th" in a.text[p.start : p.end]


def test_date_without_year_or_weekday_stays_partial_without_a_reference(
    examples: dict[str, Article],
) -> None:
    a = examples["004"]
    assert a.published is None
    partial = a.meta("published_month_day")
    assert partial is not None and partial.value == "--11-30"


def test_reference_date_fixes_the_year_and_fills_undated_articles() -> None:
    result = ingest([str(EXAMPLES)], Settings(date="2025-12-01"))
    by = {a.source[:3]: a for a in result.articles}
    assert by["004"].published == "2025-11-30"
    assert by["004"].meta("published").source == "text"  # type: ignore[union-attr]
    # "on Sunday" with no date fixes nothing: the user's date is used, and said so.
    assert by["001"].published == "2025-12-01"
    assert by["001"].meta("published").source == "user"  # type: ignore[union-attr]


def test_outlet_falls_back_to_the_file_name(examples: dict[str, Article]) -> None:
    a = examples["000"]
    assert a.outlet == "000_3d9ebadd12fa7263"
    assert a.meta("outlet").source == "filename"  # type: ignore[union-attr]


def test_ids_are_stable_content_hashes(examples: dict[str, Article]) -> None:
    again = ingest([str(EXAMPLES)], Settings())
    assert [a.id for a in again.articles] == [a.id for a in examples.values()]


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Share on Facebook | Share on X", "interface text"),
        ("Partager sur Facebook", None),
        ("Lire aussi", "interface text"),
        ("Leer más", "interface text"),
        ("اقرأ أيضا", "interface text"),
        ("By Maria Lopez and Tom Hale", "byline"),
        ("Firefighters at the scene on Monday, March 4, 2024. (Reuters)", "photo caption"),
        ("Protesters in the capital. Photo: Jane Roe/Getty Images", "photo caption"),
        ("AFP", "wire credit line"),
        ("With reporting by Reuters and AFP", "credit note"),
        ("Subscribe to our newsletter", "interface text"),
    ],
)
def test_furniture_lines_are_dropped_with_their_reason(line: str, reason: str | None) -> None:
    body = "The council voted on Monday to close the bridge for repairs, officials said."
    cleaned = clean_lines(["Bridge to close for repairs", body, line, body + " Again."])
    if reason is None:
        assert line in cleaned.lines
    else:
        assert (reason, line) in cleaned.removed
    assert body in cleaned.lines


def test_dateline_credit_and_date() -> None:
    text = (
        "Ceasefire talks resume\n"
        "GENEVA, March 3 (Reuters) - Negotiators returned to Geneva on Monday for a third "
        "round of talks, diplomats said."
    )
    p = date_from_text(text, reference=None)
    assert p is not None and p.value == "--03-03"
    assert text[p.start : p.end].startswith("GENEVA, March 3")  # type: ignore[misc]
    with_ref = date_from_text(text, reference=date(2024, 3, 10))
    assert with_ref is not None and with_ref.value == "2024-03-03"
    doc = Document(source="wire.txt", kind="text", raw=text.encode(), body=text)
    (article,), _ = build_articles([doc], Settings())
    assert article.credits == ("Reuters",)


@pytest.mark.parametrize(
    ("stamp", "expected", "said"),
    [
        ("Published November 30, 2009", "2009-11-30", "November 30, 2009"),
        ("Posted: 3 March 2024 10:00 GMT", "2024-03-03", "3 March 2024"),
        ("First published on Tue 5 Mar 2024", "2024-03-05", "5 Mar 2024"),
        ("Sunday, November 27 - 2005 at 16: 12", "2005-11-27", "Sunday, November 27 - 2005"),
        ("Fri., May. 3, 2013 11:45 AM PDT", "2013-05-03", "May. 3, 2013"),
        ("August 8, 2012-4:43 pm", "2012-08-08", "August 8, 2012"),
        ("26 September 2013, 10:00 (GMT+05:00)", "2013-09-26", "26 September 2013"),
        ("Story Created: Aug 7, 2012 at 9:56 AM AKDT", "2012-08-07", "Aug 7, 2012"),
        ("9:53 AM, MON 22 JUL 2013", "2013-07-22", "22 JUL 2013"),
        ("Sat Nov 12 2011, 01:19 hrs", "2011-11-12", "Nov 12 2011"),
    ],
)
def test_a_stamp_line_under_the_headline_gives_the_date(
    stamp: str, expected: str, said: str
) -> None:
    text = (
        "Texas inmate on the loose\n"
        f"{stamp}\n"
        "The state's criminal justice department is searching for an escaped inmate "
        "who is considered armed and dangerous, officials said on Monday."
    )
    p = date_from_text(text, reference=None)
    assert p is not None and p.value == expected
    assert text[p.start : p.end] == said  # type: ignore[misc]


def test_a_timestamp_line_is_a_date_not_a_headline() -> None:
    text = (
        "21 July 2013 Last updated at 11:11 GMT\n"
        "Fire guts supermarket in Surrey\n"
        "A fire that ripped through a supermarket is being treated as suspicious, police said."
    )
    doc = Document(source="bbc.txt", kind="text", raw=text.encode(), body=text)
    (article,), _ = build_articles([doc], Settings())
    assert article.title == "Fire guts supermarket in Surrey"
    assert article.published == "2013-07-21"


@pytest.mark.parametrize(
    "stamp", ["Updated 4:08 p.m. ET", "12/16/08 1:30 AM EST", "Posted: 08/02/2013 11:10 am EDT"]
)
def test_a_timestamp_in_figures_is_not_a_headline_either(stamp: str) -> None:
    text = (
        f"{stamp}\n"
        "Fire guts supermarket in Surrey\n"
        "A fire that ripped through a supermarket is being treated as suspicious, police said."
    )
    doc = Document(source="stamp.txt", kind="text", raw=text.encode(), body=text)
    (article,), _ = build_articles([doc], Settings())
    assert article.title == "Fire guts supermarket in Surrey"


@pytest.mark.parametrize(
    "lead",
    [
        "He was convicted in June 1998 of aggravated assault, officials said.",
        "A quake hit Qeshm on Sunday, 27 November 2005",  # short, but it tells an event
    ],
)
def test_an_event_date_in_the_lead_is_not_a_publication_stamp(lead: str) -> None:
    text = f"News in brief\n{lead}\nMore follows."
    assert date_from_text(text, reference=None) is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-03-05T08:00:00+01:00", "2024-03-05"),
        ("Tue, 05 Mar 2024 10:00:00 GMT", "2024-03-05"),
        ("March 5, 2024", "2024-03-05"),
        ("yesterday-ish", None),
    ],
)
def test_container_dates(value: str, expected: str | None) -> None:
    assert parse_meta_date(value) == expected


def test_short_lines_repeated_across_articles_are_furniture_but_shared_sentences_stay() -> None:
    shared = (
        "Dock workers stayed off the job for a third day on Wednesday, leaving dozens of "
        "container ships waiting offshore, the port authority said."
    )
    docs = []
    for i, lead in enumerate(
        [
            "Union leaders said talks with employers would resume on Thursday morning.",
            "Shipping lines warned that delays could last into next week for importers.",
            "The city council called an emergency meeting about the port on Friday.",
        ]
    ):
        text = f"Port strike day {i + 3}\n{lead}\n{shared}\nHarbor Daily Newsroom Desk\n"
        docs.append(Document(source=f"d{i}.txt", kind="text", raw=text.encode(), body=text))
    articles, skipped = build_articles(docs, Settings())
    assert skipped == []
    for a in articles:
        assert shared in a.text
        assert "Harbor Daily Newsroom Desk" not in a.text
        assert ("repeated across articles", "Harbor Daily Newsroom Desk") in a.removed
