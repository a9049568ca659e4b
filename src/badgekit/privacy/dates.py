"""Dates of birth, and ages given alongside a name.

A date is a date of birth when words say so just before it: "DOB 03/07/1940",
"date of birth: 3rd July 1940", "born on 3.7.40", "her birthday is 3 July". Any common
written form counts: digits with slashes, dots or hyphens, ISO dates, and day-month or
month-day with the month in words, with or without a year. The date of a meeting is
not a date of birth and is left alone.

An age alone ("a 12-year-old boy") identifies no one; next to a name it narrows the
name down ("Jamie, who is 12", "Mrs Smith (84)", "15-year-old Kai"), so the age is
reported when it touches a name the name detector found.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from badgekit.privacy.spans import Span, span

_MONTH = (
    r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?"
    r"|Sep(?:t(?:ember|\.)?|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:(?:19|20)\d{2}|'?\d{2})"
_DATE = (
    rf"(?:{_DAY}[/.\-]\d{{1,2}}[/.\-](?:(?:19|20)\d{{2}}|\d{{2}})"  # 03/07/1940, 3.7.40
    rf"|(?:19|20)\d{{2}}-\d{{2}}-\d{{2}}"  # 1940-07-03
    rf"|{_DAY}(?:\s+of)?\s+{_MONTH}(?:,?\s+{_YEAR})?"  # 3rd of July 1940, 3 July
    rf"|{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?"  # July 3rd, 1940
    rf"|{_MONTH},?\s+(?:19|20)\d{{2}})"  # July 1940
)
_DATE_OF_BIRTH = re.compile(
    r"\b(?:D\.?O\.?B\.?|date\s+of\s+birth|birth\s*date|born(?:\s+(?:on|in))?|birthday(?:\s+(?:is|was|falls))?(?:\s+on)?)"
    rf"\s*(?:is|was|:|-|–)?\s*(?:the\s+)?(?:on\s+)?(?P<date>{_DATE})(?![\w/])",
    re.IGNORECASE,
)

_NUMBER = r"\d{1,3}"
_AGE_AFTER_NAME = re.compile(
    rf"(?:['’]s)?(?:\s*\(\s*(?:aged?\s*)?(?P<a>{_NUMBER})(?:\s*(?:years?|yrs?|y/?o)(?:\s*old)?)?\s*\)"
    rf"|\s*,?\s*(?:who\s+is|who's|who\s+was|is|was|now|aged?)\s+(?:just\s+|only\s+|nearly\s+|almost\s+)?"
    rf"(?P<b>{_NUMBER}\s*(?:years?|yrs?)(?:\s*old)?\b|{_NUMBER}\s*y/?o\b"
    rf"|{_NUMBER}(?=\s*(?:[,;:)!?\n]|\.(?!\d)|$|and\b|but\b|so\b)))"
    rf"|\s*,\s*(?P<c>{_NUMBER})(?:\s*(?:years?|yrs?)(?:\s*old)?)?\s*,)",
    re.IGNORECASE,
)
_AGE_BEFORE_NAME = re.compile(rf"(?P<age>{_NUMBER}[\s-]?(?:years?|yrs?)[\s-]?old)\s+$", re.IGNORECASE)


def find_dates_of_birth(text: str) -> list[Span]:
    """Dates that words mark as a date of birth or a birthday."""
    return [span(m.start("date"), m.end("date"), "date-of-birth") for m in _DATE_OF_BIRTH.finditer(text)]


def find_ages(text: str, names: Iterable[Span]) -> list[Span]:
    """Ages written next to a name: after it ("Jamie, who is 12", "Jamie (12)") or before it
    ("12-year-old Jamie")."""
    found: list[Span] = []
    for name in names:
        after = _AGE_AFTER_NAME.match(text, name.end, min(len(text), name.end + 60))
        if after:
            group = next(g for g in ("a", "b", "c") if after.group(g) is not None)
            found.append(span(after.start(group), after.end(group), "age"))
        before = _AGE_BEFORE_NAME.search(text, max(0, name.start - 30), name.start)
        if before:
            found.append(span(before.start("age"), before.end("age"), "age"))
    return found
