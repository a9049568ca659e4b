"""Words that agree with their numbers, lists joined as a person writes them, and British dates.

Every message badgekit writes for people goes through these, so that "1 word", "2 words",
"7 criteria", "a, b and c" and "15 January 2027" read the same in every command.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from datetime import date


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
