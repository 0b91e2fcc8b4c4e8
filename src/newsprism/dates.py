"""Calendar words and year inference, shared by metadata and time extraction."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

MONTHS: dict[str, int] = {
    name.casefold(): i
    for i in range(1, 13)
    for name in (calendar.month_name[i], calendar.month_abbr[i])
}
MONTHS["sept"] = 9
WEEKDAYS: dict[str, int] = {calendar.day_name[i].casefold(): i for i in range(7)}
# A month name or abbreviation, with an optional period ("Nov.", "Sept", "November").
MONTH_PATTERN = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)


def month_number(text: str) -> int:
    """``"Nov."`` → 11.

    >>> month_number("Sept."), month_number("december")
    (9, 12)
    """
    key = text.casefold().rstrip(".")
    return MONTHS.get(key) or MONTHS[key[:3]]


def year_for(
    month: int, day: int, weekday: int | None, reference: date | None, slack_days: int = 0
) -> int | None:
    """The year a month-day falls in.

    With a weekday: among the years, ten either side of the reference, in which that
    date fell on that weekday, the one whose date is nearest the reference (the
    earlier on a tie): a weekday fits a date once in about six years, so the latest
    fitting year is often years away from a batch of articles that are all from one
    week. Without a weekday: the year in which the date is the latest not more than
    ``slack_days`` after the reference. None without a reference: never the clock's
    year, so that a report does not change with the day or the machine it is made on
    (:func:`latest_year_for` takes the run's "today" as an argument).

    >>> year_for(3, 3, 0, date(2008, 3, 5)), year_for(3, 3, 0, date(2014, 2, 20))
    (2008, 2014)
    >>> year_for(11, 30, None, date(2025, 12, 1)), year_for(12, 20, None, date(2025, 12, 1))
    (2025, 2024)
    """
    if reference is None:
        return None
    if weekday is not None:
        fitting = _fitting(month, day, weekday, range(reference.year - 10, reference.year + 11))
        if not fitting:
            return None
        return min(fitting, key=lambda d: (abs((d - reference).days), d)).year
    try:
        candidate = date(reference.year, month, day)
    except ValueError:
        return None
    if candidate <= reference + timedelta(days=slack_days):
        return reference.year
    return reference.year - 1


def latest_year_for(month: int, day: int, weekday: int, as_of: date) -> int | None:
    """The latest year, up to ``as_of`` and eleven years before it (a month-day meets each
    weekday within any eleven years but for February 29), in which the month-day fell
    on ``weekday``: the year of a date written with its weekday and no year
    ("Sunday, October 30") when nothing else dates the batch, taken as news of the
    last few years. ``as_of`` is the run's "today", fixed once per run (the ``as_of``
    setting), so every worker and machine reads the same year.

    >>> sunday = 6
    >>> latest_year_for(11, 30, sunday, date(2026, 12, 4))
    2025
    >>> latest_year_for(11, 30, sunday, date(2025, 11, 29))
    2014
    """
    fitting = _fitting(month, day, weekday, range(as_of.year - 11, as_of.year + 1))
    past = [d for d in fitting if d <= as_of]
    return past[-1].year if past else None


def _fitting(month: int, day: int, weekday: int, years: range) -> list[date]:
    """The dates of ``month``-``day`` in ``years`` that fell on ``weekday``, in order."""
    out = []
    for year in years:
        try:
            when = date(year, month, day)
        except ValueError:
            continue
        if when.weekday() == weekday:
            out.append(when)
    return out
