"""An event's dates are its occurrence's: not a year its sentence names for something else."""

from __future__ import annotations

from datetime import date

import pytest

from newsprism.analyze.times import extract_times
from newsprism.reconcile.event_dates import is_background, occurrence, time_precision
from newsprism.reconcile.events import reports_occurrence
from newsprism.records import Fact, Span, Statement


def _fact(sentence: str, published: str | None) -> Fact:
    times = extract_times("a", sentence, published)
    st = Statement(Span("a", 0, len(sentence)), sentence, times=times)
    return Fact("f1", sentence, "single_source", 1, (st,), "")


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        # examples/: the announcement is of November 11; the coalition was formed in 2014
        (
            "On November 11, the U.S. Embassy in Damascus announced Syria’s accession to the "
            "international coalition against ISIS, which was formed under U.S. leadership in 2014.",
            "2025-11-30",
            ("2025-11-11", "2025-11-11"),
        ),
        # examples/: 2018 dates a designation inside the clause about HTS
        (
            "Sharaa, who led the Hay’at Tahrir al-Sham (HTS) previously designated as a foreign "
            "terrorist organization by the US in 2018, was removed from the blacklist earlier this "
            "year, facilitating contacts between his new government and Western countries.",
            "2025-11-30",
            ("2025-01-01", "2025-11-30"),
        ),
        # tests/data/stories (ECB+ topic 7): the titles of 2001 and 2005 are the past, Monday now
        (
            "Rahman, who won the WBC and IBF belts from Lennox Lewis in 2001 and the vacant WBC "
            "belt in 2005, arrived in Germany on Monday and declared he was in top shape.",
            "2008-10-08",
            ("2008-10-06", "2008-10-06"),
        ),
        (
            "Rahman, a former heavyweight champion who shocked the world when he floored Lennox "
            "Lewis in 2001 for the title, showed absolutely no signs of life against Kiltschko on "
            "Saturday.",
            "2008-10-13",
            ("2008-10-11", "2008-10-11"),
        ),
        # tests/data/stories (ECB+ 14_1ecb): the only time is in the relative clause, about the fire
        (
            "More than 50 firefighters tackled the blaze at the store in High Street, Banstead, "
            "which broke out on the roof at about 2045 GMT on Friday.",
            "2009-03-14",
            ("2009-03-13", "2009-03-13"),
        ),
    ],
)
def test_occurrence_is_dated_by_its_own_clause(
    sentence: str, published: str, expected: tuple[str, str]
) -> None:
    assert occurrence(_fact(sentence, published), _d(published)) == expected


def _d(iso: str) -> date:
    return date.fromisoformat(iso)


def test_a_day_without_its_year_takes_the_story_year() -> None:
    # examples/: no publication date; the story's other dates are of November 2025
    fact = _fact(
        "The U.S. military said it had destroyed the sites between November 24 and 27.", None
    )
    assert fact.statements[0].times[0].start == "--11-24"
    assert occurrence(fact, _d("2025-11-30")) == ("2025-11-24", "2025-11-27")


def test_what_happened_years_before_the_story_is_background() -> None:
    fact = _fact(
        "ISIS once controlled large swathes of territory in Syria and Iraq but lost its final "
        "stronghold in 2019 under the US-led coalition strikes.",
        "2025-11-30",
    )
    when = occurrence(fact, _d("2025-11-30"))
    assert when == ("2019-01-01", "2019-12-31")
    assert is_background(when, _d("2025-11-30"))
    assert not is_background(("2025-11-24", "2025-11-27"), _d("2025-11-30"))


@pytest.mark.parametrize(
    ("start", "end", "precision"),
    [
        ("2025-11-24", "2025-11-24", 1),
        ("2025-11-24", "2025-11-27", 2),
        ("2025-11-01", "2025-11-30", 3),
        ("2014-01-01", "2014-12-31", None),
        (None, None, None),
    ],
)
def test_time_precision_is_acled_s(
    start: str | None, end: str | None, precision: int | None
) -> None:
    assert time_precision(start, end) == precision


@pytest.mark.parametrize(
    ("sentence", "occurs"),
    [
        ("Last week, the IDF carried out raids in the area of Beit Jinn in southern Syria.", True),
        ("The raid led to fierce face-to-face battles, leaving six IDF soldiers wounded.", True),
        (
            "This alliance serves as a multinational cooperation platform covering military, "
            "intelligence, financial, cyber security and humanitarian aid.",
            False,
        ),
        (
            "Officials argue that addressing the detainee situation is crucial for long-term "
            "regional stability.",
            False,
        ),
        ("“We will continue to aggressively pursue ISIS remnants in Syria,” he said.", False),
        ("The U.S. military announced that it destroyed more than 15 sites.", True),
    ],
)
def test_what_is_or_will_be_reports_no_occurrence(sentence: str, occurs: bool) -> None:
    assert reports_occurrence(sentence) is occurs
