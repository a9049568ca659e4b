"""Dates of birth, and ages given alongside a name.

A date is a date of birth when words say so just before it: "DOB 03/07/1940",
"date of birth: 3rd July 1940", "born on 3.7.40", "her birthday is 3 July", "b. 2.4.1938",
and words may come between: up to seven after "date of birth", "DOB" or "birth certificate"
("the date of birth was put on the system as 21/09/1948"), and up to five such as "on",
"was" or "recorded as" after "born" or "birthday". Any
common written form counts: digits with slashes, dots or hyphens, ISO dates, day-month or
month-day with the month in words, with or without a year, and dates written out in
words ("the second of March nineteen forty-one"). The date of a meeting is not a date of
birth and is left alone.

An age alone ("a 12-year-old boy") identifies no one; next to a name it narrows the
name down ("Jamie, who is 12", "Mrs Smith (84)", "15-year-old Kai"), so the age is
reported when it touches a name the name detector found.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from badgekit.privacy.patterns import Lazy
from badgekit.privacy.spans import Span, span

_MONTH = (
    r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?"
    r"|Sep(?:t(?:ember|\.)?|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
)
_ORDINAL = (
    r"(?:(?:twenty|thirty)[ -])?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|tenth|eleventh"
    r"|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth"
)
_DAY = rf"(?:(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?|{_ORDINAL})"
_UNITS = r"(?:one|two|three|four|five|six|seven|eight|nine)"
#: "nineteen forty-one", "nineteen oh five", "two thousand and nine", "twenty twelve".
_YEAR_WORDS = (
    r"(?:(?:nineteen|twenty)[ -](?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[ -]" + _UNITS + r")?"
    r"|oh[ -]" + _UNITS + r"|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
    r"|hundred)|two thousand(?: and)?(?:[ -](?:" + _UNITS + r"|ten|eleven|twelve|thirteen|fourteen|fifteen"
    r"|sixteen|seventeen|eighteen|nineteen|twenty(?:[ -]" + _UNITS + r")?))?)"
)
_YEAR = rf"(?:(?:19|20)\d{{2}}|'?\d{{2}}|{_YEAR_WORDS})"
_DATE = (
    rf"(?:{_DAY}[/.\-]\d{{1,2}}[/.\-](?:(?:19|20)\d{{2}}|\d{{2}})"  # 03/07/1940, 3.7.40
    rf"|(?:19|20)\d{{2}}-\d{{2}}-\d{{2}}"  # 1940-07-03
    rf"|{_DAY}(?:\s{{1,3}}of)?\s{{1,3}}{_MONTH}(?:,?\s{{1,3}}{_YEAR})?"  # 3rd of July 1940, the second of March
    rf"|{_MONTH}(?:\s{{1,3}}the)?\s{{1,3}}{_DAY}(?:,?\s{{1,3}}{_YEAR})?"  # July 3rd, 1940
    rf"|{_MONTH},?\s{{1,3}}(?:19|20)\d{{2}})"  # July 1940
)
#: Words that may stand between a cue and the date: "date of birth recorded as", "born on the".
_BETWEEN = (
    r"(?:on|in|the|was|is|as|at|of|recorded|given|listed|shown|written|noted|entered|stated|record|records"
    r"|file|form|chart|her|his|their|were|are|been|be|falls|fell|:)"
)
_DATE_OF_BIRTH = Lazy(
    r"(?:\b(?:D\.?O\.?B\.?|date\s{1,3}of\s{1,3}birth|birth\s{0,3}date|birth\s{1,3}cert(?:ificate)?)"
    r"(?:[\s:,(–-]{1,3}[a-z]{1,12}\b){0,7}?[\s:,(–-]{0,3}"  # "date of birth was put on the system as"
    rf"|\b(?:born|birthday)(?:[\s:,(–-]{{1,3}}{_BETWEEN}\b){{0,5}}[\s:,(–-]{{0,3}}|(?<![\w.])b\.\s?(?=\d))"
    rf"(?:the\s{{1,3}})?(?P<date>{_DATE})(?![\w/])",
    re.IGNORECASE,
)
_DATE_OF_BIRTH_SIGNS = ("dob", "d.o.b", "birth", "born", "b.")

_NUMBER = r"\d{1,3}"
_AGE_AFTER_NAME = Lazy(
    rf"(?:['’]s)?(?:\s*\(\s*(?:aged?\s*)?(?P<a>{_NUMBER})(?:\s*(?:years?|yrs?|y/?o)(?:\s*old)?)?\s*\)"
    rf"|\s*,?\s*(?:who\s+is|who's|who\s+was|is|was|now|aged?)\s+(?:just\s+|only\s+|nearly\s+|almost\s+)?"
    rf"(?P<b>{_NUMBER}\s*(?:years?|yrs?)(?:\s*old)?\b|{_NUMBER}\s*y/?o\b"
    rf"|{_NUMBER}(?=\s*(?:[,;:)!?\n]|\.(?!\d)|$|and\b|but\b|so\b)))"
    rf"|\s*,\s*(?P<c>{_NUMBER})(?:\s*(?:years?|yrs?)(?:\s*old)?)?\s*,)",
    re.IGNORECASE,
)
_AGE_BEFORE_NAME = Lazy(rf"(?P<age>{_NUMBER}[\s-]?(?:years?|yrs?)[\s-]?old)\s+$", re.IGNORECASE)


def find_dates_of_birth(text: str) -> list[Span]:
    """Dates that words mark as a date of birth or a birthday."""
    lowered = text.lower()
    if not any(sign in lowered for sign in _DATE_OF_BIRTH_SIGNS):
        return []
    return [span(m.start("date"), m.end("date"), "date-of-birth") for m in _DATE_OF_BIRTH.get().finditer(text)]


def find_ages(text: str, names: Iterable[Span]) -> list[Span]:
    """Ages written next to a name: after it ("Jamie, who is 12", "Jamie (12)") or before it
    ("12-year-old Jamie")."""
    found: list[Span] = []
    if not any(c.isdigit() for c in text):
        return found
    age_after, age_before = _AGE_AFTER_NAME.get(), _AGE_BEFORE_NAME.get()
    for name in names:
        after = age_after.match(text, name.end, min(len(text), name.end + 60))
        if after:
            group = next(g for g in ("a", "b", "c") if after.group(g) is not None)
            found.append(span(after.start(group), after.end(group), "age"))
        before = age_before.search(text, max(0, name.start - 30), name.start)
        if before:
            found.append(span(before.start("age"), before.end("age"), "age"))
    return found
