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

    With a weekday: the latest year, up to the reference year (this year when there
    is no reference), in which that date fell on that weekday, looking back ten
    years. Without one: the year in which the date is the latest not more than
    ``slack_days`` after the reference; None without a reference.

    >>> year_for(11, 30, 6, None, 0) is not None  # a Sunday November 30 exists
    True
    >>> year_for(11, 30, None, date(2025, 12, 1)), year_for(12, 20, None, date(2025, 12, 1))
    (2025, 2024)
    """
    ref = reference or date.today()
    if weekday is not None:
        for year in range(ref.year, ref.year - 11, -1):
            try:
                if date(year, month, day).weekday() == weekday:
                    return year
            except ValueError:
                continue
        return None
    if reference is None:
        return None
    try:
        candidate = date(ref.year, month, day)
    except ValueError:
        return None
    return ref.year if candidate <= ref + timedelta(days=slack_days) else ref.year - 1
