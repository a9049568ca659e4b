"""Words that agree with their numbers, lists joined as a person writes them, and British dates.

Every message badgekit writes for people goes through these, so that "1 word", "2 words",
"7 criteria", "a, b and c" and "15 January 2027" read the same in every command.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from datetime import date, datetime


def plural(count: int, noun: str, many: str | None = None) -> str:
    """The noun that goes with ``count``: "word" for 1, "words" (or ``many``) otherwise."""
    return noun if count == 1 else many or noun + "s"


def counted(count: int, noun: str, many: str | None = None) -> str:
    """A count and its noun agreeing: "1 word", "1,200 words", "1 criterion", "7 criteria"."""
    return f"{count:,} {plural(count, noun, many)}"


def is_are(count: int) -> str:
    return "is" if count == 1 else "are"


def and_list(items: Sequence[str]) -> str:
    """Items joined as a sentence joins them: "a", "a and b", "a, b and c"; empty for none."""
    if len(items) < 2:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def british_date(day: date) -> str:
    """A date as people in Scotland write it: "5 January 2027"."""
    return f"{day.day} {day:%B %Y}"


def british_moment(moment: datetime) -> str:
    """A date and time as badgekit shows them: "5 January 2027, 09:30"."""
    return f"{british_date(moment)}, {moment:%H:%M}"


_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
#: How a date may be typed, for every message that asks for one.
DATE_FORMS = "15/01/2027, 15 Jan 2027, 15 January or 2027-01-15"


def parse_date(text: str, today: date, *, ahead: bool = True) -> date:
    """A date as people in Scotland type it: ``15/01/2027``, ``15 Jan 2027``, ``15 January``, ``2027-01-15``.

    A date with no year is the next one from ``today`` (or, with ``ahead=False``, the last one up to
    today, for a day already past such as when a statement was written). Raises ValueError with a plain
    message.
    """
    import re
    from datetime import date as make_date

    cleaned = " ".join(text.strip().replace(",", " ").split())
    iso = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", cleaned)
    numeric = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{2}|\d{4}))?", cleaned)
    worded = re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)? ([A-Za-z]+)\.?(?: (\d{4}))?", cleaned)
    month: int | None = None
    year: int | None = None
    day = 0
    if iso:
        year, month, day = (int(part) for part in iso.groups())
    elif numeric:
        day, month = int(numeric[1]), int(numeric[2])
        year = _full_year(numeric[3])
    elif worded and worded[2][:3].lower() in _MONTHS and _is_month_name(worded[2]):
        day, month = int(worded[1]), _MONTHS.index(worded[2][:3].lower()) + 1
        year = _full_year(worded[3])
    if month is None:
        raise ValueError(f"'{text.strip()}' is not a date badgekit can read: write it as {DATE_FORMS}")
    try:
        if year is not None:
            return make_date(year, month, day)
        this_year = make_date(today.year, month, day) if (month, day) != (2, 29) else None
        if this_year is not None and (this_year >= today if ahead else this_year <= today):
            return this_year
        return make_date(today.year + (1 if ahead else -1), month, day)
    except ValueError:
        raise ValueError(f"'{text.strip()}' is not a day of the calendar: write it as {DATE_FORMS}") from None


def _full_year(digits: str | None) -> int | None:
    if digits is None:
        return None
    return int(digits) + 2000 if len(digits) == 2 else int(digits)


def _is_month_name(word: str) -> bool:
    """'Jan', 'January' or 'Sept', but not 'Janitor'."""
    lowered = word.lower()
    return lowered in _MONTH_NAMES or lowered in _MONTHS or lowered == "sept"


_MONTH_NAMES = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip
