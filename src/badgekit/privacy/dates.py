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

import datetime
import re
from collections.abc import Iterable

from badgekit.privacy.patterns import Lazy, matches_from
from badgekit.privacy.spans import Span, span
from badgekit.privacy.vocabulary import words_of

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
_DAY_DIGITS = r"(?:[12]\d|3[01]|0?[1-9])"
_DATE = (
    rf"(?:{_DAY_DIGITS}[/.\-]\d{{1,2}}[/.\-](?:(?:19|20)\d{{2}}|\d{{2}})"  # 03/07/1940, 3.7.40
    rf"|(?:19|20)\d{{2}}-\d{{2}}-\d{{2}}"  # 1940-07-03
    rf"|(?:{_DAY}(?:\s{{1,3}}of)?\s{{1,3}}{_MONTH}|{_MONTH}(?:(?:\s{{1,3}}the)?\s{{1,3}}{_DAY}|(?=,?\s{{1,3}}(?:19|20)\d\d)))"
    rf"(?:,?\s{{1,3}}{_YEAR})?)"  # 3rd of July 1940, the second of March, July 3rd, 1940, July 1940
)
#: Words that may stand between "born" or "birthday" and the date: "born on the", "birthday falls on".
_BETWEEN = words_of(
    "on in the was is as at of recorded given listed shown written noted entered stated record records file form "
    "chart her his their were are been be falls fell"
)
#: A cue, and whether any words may follow it (a strong cue) or only those above.
_CUE = Lazy(
    r"\b(?:(?P<strong>D\.?O\.?B\.?|date\s{1,3}of\s{1,3}birth|birth\s{0,3}date|birth\s{1,3}cert(?:ificate)?)"
    r"|born|birthday|b['’-]?day)|(?<![\w.])b\.(?=\s?\d)",
    re.IGNORECASE,
)
_NEXT_WORD = Lazy(r"[\s:,(–-]{1,3}([A-Za-z]{1,12})\b")
#: After a strong cue the words may run on past a full stop: "his date of birth down wrong. It's actually ...".
_NEXT_WORD_ON = Lazy(r"[\s:,(–.-]{1,4}([A-Za-z'’]{1,12})(?![\w'’])")
_FOUR_DIGIT_YEAR = Lazy(r"(?:19|20)\d\d(?!\d)")
#: A date found after the cue's sentence has ended is a date of birth only if it is this many years ago or
#: more: "... down wrong. It's actually 12/07/1948"; but not "... was missing. We fixed it on 3/2/2025".
_YEARS_BACK_ACROSS_A_STOP = 10
_GAP = Lazy(r"[\s:,(|–-]{0,4}(?:the\s{1,3})?")  # "DOB: 3/7/40", "| DOB | 02/02/2016 |"
#: A date in digits, which is what most dates of birth are: compiled without the words below.
_DIGIT_DATE = Lazy(
    r"(?:(?:[12]\d|3[01]|0?[1-9])[/.\-]\d{1,2}[/.\-](?:(?:19|20)\d{2}|\d{2})|(?:19|20)\d{2}-\d{2}-\d{2})(?![\w/])"
)
_WORD_DATE = Lazy(rf"{_DATE}(?![\w/])", re.IGNORECASE)
#: A day and a month without a year, close after a cue only: "Birthday: 12/12", "her bday's 12/03".
_DAY_AND_MONTH = Lazy(r"[\s:,(–-]{0,3}(?P<date>(?:[12]\d|3[01]|0?[1-9])/(?:1[0-2]|0?[1-9]))(?![\w/]|\.\d)")
_MOST_WORDS_BETWEEN = 7
#: After "date of birth", a date this many words on, in the next sentence, if it is long ago: "the date of birth
#: had been copied wrong from the referral. I checked it with her ... and it should be 03/11/1941".
_MOST_WORDS_AFTER_STRONG = 30
_BDAY = ("bday", "b'day", "b’day", "b-day")
_DATE_OF_BIRTH_SIGNS = ("dob", "d.o.b", "birth", "born", "b.", *_BDAY)
#: Where a cue can start: "DOB", "D.O.B", "date of birth", "birth", "born", "b.", "bday".
_CUE_STARTS = ("do", "d.", "date", "birth", "born", "b.", *_BDAY)


def _date_at(text: str, position: int) -> re.Match[str] | None:
    """The date starting at ``position`` (after "the" and a colon or a bracket), if one does."""
    gap = _GAP.get().match(text, position)
    at = gap.end() if gap else position
    if at < len(text) and text[at].isdigit():
        digits = _DIGIT_DATE.get().match(text, at)
        if digits or not _DAY_THEN_WORD.get().match(text, at):
            return digits
        return _WORD_DATE.get().match(text, at)
    if at < len(text) and text[at].isalpha() and text[at : at + 3].lower() in _WORD_DATE_STARTS:
        return _WORD_DATE.get().match(text, at)
    return None


#: How a date in words can start: a month or an ordinal ("July 3rd", "the second of March"). The full
#: pattern takes over a millisecond to compile, so it is asked for only after one of these.
_WORD_DATE_STARTS = words_of(
    "jan feb mar apr may jun jul aug sep oct nov dec fir sec thi fou fif six sev eig nin ten ele twe"
)
#: A day in digits that a date in words could follow: "3rd July", "14 of March".
_DAY_THEN_WORD = Lazy(r"\d{1,2}(?i:st|nd|rd|th)?\s{1,3}[^\W\d_]")


_NUMBER = r"\d{1,3}"
_AGE_AFTER_NAME = Lazy(
    rf"(?:['’]s)?(?:\s{{0,3}}\(\s{{0,3}}(?:aged?\s{{0,3}})?(?P<a>{_NUMBER})(?:\s{{0,3}}(?:years?|yrs?|y/?o)(?:\s{{0,3}}old)?)?\s{{0,3}}\)"
    rf"|\s{{0,3}},?\s{{0,3}}(?:who\s{{1,3}}is|who's|who\s{{1,3}}was|is|was|now|aged?)\s{{1,3}}(?:just\s{{1,3}}|only\s{{1,3}}|nearly\s{{1,3}}|almost\s{{1,3}})?"
    rf"(?P<b>{_NUMBER}\s{{0,3}}(?:years?|yrs?)(?:\s{{0,3}}old)?\b|{_NUMBER}\s{{0,3}}y/?o\b"
    rf"|{_NUMBER}(?=\s{{0,3}}(?:[,;:)!?\n]|\.(?!\d)|$|and\b|but\b|so\b)))"
    rf"|\s{{0,3}},\s{{0,3}}(?P<c>{_NUMBER})(?:\s{{0,3}}(?:years?|yrs?)(?:\s{{0,3}}old)?)?\s{{0,3}},)",
    re.IGNORECASE,
)
_AGE_BEFORE_NAME = Lazy(rf"(?P<age>{_NUMBER}[\s-]?(?:years?|yrs?)[\s-]?old)\s{{1,3}}$", re.IGNORECASE)


def find_dates_of_birth(text: str) -> list[Span]:
    """Dates that words mark as a date of birth or a birthday."""
    lowered = text.lower()
    if not any(sign in lowered for sign in _DATE_OF_BIRTH_SIGNS):
        return []
    found: list[Span] = []
    for cue in matches_from(_CUE.get(), text, lowered, _CUE_STARTS):
        position = cue.end()
        if text[position : position + 2] in ("'s", "’s"):
            position += 2  # "her bday's 12/03"
        strong = cue.group("strong") is not None
        next_word = (_NEXT_WORD_ON if strong else _NEXT_WORD).get()
        for number in range((_MOST_WORDS_AFTER_STRONG if strong else _MOST_WORDS_BETWEEN) + 1):
            date = _date_at(text, position)
            close = (
                number <= _MOST_WORDS_BETWEEN and _SENTENCE_END.get().search(text, cue.end(), date.start()) is None
                if date
                else False
            )
            if date and (close or _long_ago(date.group())):
                found.append(span(date.start(), date.end(), "date-of-birth"))
                break
            if date:
                break
            short = _DAY_AND_MONTH.get().match(text, position) if number < 2 else None
            if short:  # a day and a month alone, only straight after the cue or a word after it
                found.append(span(short.start("date"), short.end("date"), "date-of-birth"))
                break
            word = next_word.match(text, position)
            if not word or (not strong and word.group(1).lower() not in _BETWEEN):
                break  # after "born", only words such as "on the" may come before the date
            position = word.end()
    return found


def _long_ago(date: str) -> bool:
    year = _FOUR_DIGIT_YEAR.get().search(date)
    return year is not None and int(year.group()) <= datetime.date.today().year - _YEARS_BACK_ACROSS_A_STOP


#: A date in brackets straight after a name: "Ellie-Mae (21-07-2016)", "Mr Reid (3rd May 1941)".
_OPEN_BRACKET = Lazy(r"\s{0,2}\(\s{0,2}")
_CLOSE_BRACKET = Lazy(r"\s{0,2}\)")


def find_dates_after_names(text: str, names: Iterable[Span]) -> list[Span]:
    """A date in brackets straight after a person's name, which is how a date of birth is written
    beside a name ("Ellie-Mae (21-07-2016)"); nothing else in care writing puts a date there."""
    found: list[Span] = []
    for name in names:
        if "(" not in text[name.end : name.end + 4]:
            continue
        bracket = _OPEN_BRACKET.get().match(text, name.end)
        date = bracket and _date_at(text, bracket.end())
        if date and _CLOSE_BRACKET.get().match(text, date.end()):
            found.append(span(date.start(), date.end(), "date-of-birth"))
    return found


def find_ages(text: str, names: Iterable[Span]) -> list[Span]:
    """Ages written next to a name: after it ("Jamie, who is 12", "Jamie (12)") or before it
    ("12-year-old Jamie")."""
    found: list[Span] = []
    if not any(map(str.isdigit, text)):
        return found
    age_after, age_before = _AGE_AFTER_NAME, _AGE_BEFORE_NAME
    for name in names:
        # The pattern allows at most 30 characters ("'s, who was nearly ") before the age's digits.
        window = text[name.end : name.end + 34]
        after = (
            age_after.get().match(text, name.end, min(len(text), name.end + 60))
            if any(map(str.isdigit, window))
            else None
        )
        if after:
            group = next(g for g in ("a", "b", "c") if after.group(g) is not None)
            found.append(span(after.start(group), after.end(group), "age"))
        before = (
            age_before.get().search(text, max(0, name.start - 30), name.start)
            if "old" in text[max(0, name.start - 30) : name.start]
            else None
        )
        if before:
            found.append(span(before.start("age"), before.end("age"), "age"))
    return found


_NUMBER_WORDS = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[ -](?:one|two|three|four|five|six|seven"
    r"|eight|nine))?|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen"
    r"|sixteen|seventeen|eighteen|nineteen|a hundred)"
)
#: Words for a person that an age can follow: "a woman of 58", "a man, 94,".
_PERSON_NOUNS = "man|woman|lady|gentleman|boy|girl|lad|lass|laddie|lassie|person|child|wean|bairn"
#: An age in a sentence: "a 38 year old man", "the 17-year-old", "aged 81", "he's 81", "is only seven".
_AGE_IN_SENTENCE = Lazy(
    rf"\b(?:(?P<old>(?:\d{{1,3}}|{_NUMBER_WORDS})(?:[\s-]{{1,2}}(?:years?|yrs?)[\s-]{{1,2}}old|\s?y/?o))\b"
    rf"|(?:{_PERSON_NOUNS})(?:\s{{1,3}}of|,)\s{{1,3}}(?P<of>\d{{1,3}}|{_NUMBER_WORDS})\b(?!\s{{0,3}}(?:%|per\b|of\b))"
    rf"|(?:aged?|is|was|he's|she's|they're|who's|turned|turns)\s{{1,3}}(?:only\s{{1,3}}|just\s{{1,3}}|nearly\s{{1,3}}"
    rf"|almost\s{{1,3}}|now\s{{1,3}})?(?P<age>\d{{1,3}}|{_NUMBER_WORDS})\b"
    r"(?!\s{0,3}(?:%|per\b|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|am\b|pm\b|miles?|times|o'clock"
    r"|foot|feet|ft|stone|kg|cm|metres?|meters?|pounds?|quid|people|of\b|in\b|out\b)))",
    re.IGNORECASE,
)
_SENTENCE_END = Lazy(r"[.!?](?:\s|$)|\n\s{0,3}\n")


def find_ages_by_places(text: str, places: Iterable[Span]) -> list[Span]:
    """Ages in the same sentence as a place that points to one person ("he's 81 and the only person in
    Ardgay on home dialysis"): the age is part of what identifies them."""
    found: list[Span] = []
    for place in places:
        start = max(
            (m.end() for m in _SENTENCE_END.get().finditer(text, max(0, place.start - 300), place.start)), default=0
        )
        after = _SENTENCE_END.get().search(text, place.end)
        end = after.start() if after else len(text)
        for match in _AGE_IN_SENTENCE.get().finditer(text, start, end):
            group = next(g for g in ("old", "of", "age") if match.group(g) is not None)
            found.append(span(match.start(group), match.end(group), "age"))
    return found
