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
    week. Without a reference, the latest fitting year up to this one. Without a
    weekday: the year in which the date is the latest not more than ``slack_days``
    after the reference; None without a reference.

    >>> year_for(3, 3, 0, date(2008, 3, 5)), year_for(3, 3, 0, date(2014, 2, 20))
    (2008, 2014)
    >>> year_for(11, 30, None, date(2025, 12, 1)), year_for(12, 20, None, date(2025, 12, 1))
    (2025, 2024)
    """
    if weekday is not None:
        ref = reference or date.today()
        years = range(ref.year - 10, ref.year + (11 if reference else 1))
        fitting = []
        for year in years:
            try:
                when = date(year, month, day)
            except ValueError:
                continue
            if when.weekday() == weekday:
                fitting.append(when)
        if not fitting:
            return None
        if reference is None:
            return fitting[-1].year
        return min(fitting, key=lambda d: (abs((d - ref).days), d)).year
    if reference is None:
        return None
    try:
        candidate = date(reference.year, month, day)
    except ValueError:
        return None
    if candidate <= reference + timedelta(days=slack_days):
        return reference.year
    return reference.year - 1
