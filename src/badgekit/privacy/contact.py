"""Ways to reach a person: email addresses and phone numbers.

An email address is reported whole, from the first character of its name to the end of
its domain, and never takes the words around it ("or at jean.smith@..." leaves "or at").
Addresses written to dodge spam filters ("jean [at] example [dot] com") count too.

Phone numbers are found in two steps. A cheap pattern finds runs that could be one
(starting with 0, +, or a bracket, with at least nine digits in spaced, hyphenated or
bracketed groups); only then is ``phonenumbers`` (Google's libphonenumber) imported to
decide whether each is a possible number for the UK or, with a +, anywhere. Possible
means the right length for its kind, not that it is in service: Ofcom's drama ranges
(07700 900123, 0131 496 0000) are numbers a learner might copy, and are reported.
"""

from __future__ import annotations

import re

from badgekit.privacy.spans import Span, span

_EMAIL = re.compile(
    r"(?<![\w.+%'-])[A-Za-z0-9](?:[A-Za-z0-9._%+'-]{0,62}[A-Za-z0-9_%+-])?"
    r"(?:@|\s?[\[(]at[\])]\s?)"
    r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
    r"(?:(?:\.|\s?[\[(]dot[\])]\s?)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*"
    r"(?:\.|\s?[\[(]dot[\])]\s?)[A-Za-z]{2,24}(?![\w-])",
    re.IGNORECASE,
)
#: A run that might be a phone number: "07700 900123", "+44 (0)131 496 0000", "(0141) 123-4567".
_PHONE_CANDIDATE = re.compile(r"(?<![\w+/£$€])(?:\+\s?\d|\(\s?0|0)[\d \t().\-‐–]{7,20}\d(?![\w/])")
_PHONE_CONTEXT = re.compile(
    r"\b(?:tel|telephone|phone|mobile|mob|landline|number|call|called|ring|rang|text|texted|contact)\b\W{0,3}$",
    re.IGNORECASE,
)
_LOCAL_NUMBER = re.compile(r"(?<![\w/£$€.,])\d{3,4}[ \-]?\d{3,4}(?![\w/%]|[.,:]\d)")
_DIGIT = re.compile(r"\d")


def find_emails(text: str) -> list[Span]:
    """Email addresses, whole, including "name [at] example [dot] com"."""
    return [span(m.start(), m.end(), "email") for m in _EMAIL.finditer(text)]


def _is_possible_phone(candidate: str) -> bool:
    import phonenumbers  # only once a statement has something that looks like a number

    try:
        number = phonenumbers.parse(candidate, "GB")
    except phonenumbers.NumberParseException:
        return False
    return bool(phonenumbers.is_possible_number(number))


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    # The candidate pattern may take a closing bracket or a full stop that is not the number's.
    while end > start and not text[end - 1].isdigit():
        end -= 1
    if text[start] == "(" and ")" not in text[start:end]:
        start += 1
    return start, end


def find_phone_numbers(text: str) -> list[Span]:
    """UK phone numbers in any common format, international numbers written with +, and
    six-to-eight digit local numbers straight after words such as "phone" or "mobile"."""
    found: list[Span] = []
    for match in _PHONE_CANDIDATE.finditer(text):
        start, end = _trim(text, match.start(), match.end())
        digits = len(_DIGIT.findall(text, start, end))
        if 9 <= digits <= 15 and _is_possible_phone(text[start:end]):
            found.append(span(start, end, "phone"))
    for match in _LOCAL_NUMBER.finditer(text):
        if _PHONE_CONTEXT.search(text, max(0, match.start() - 20), match.start()):
            found.append(span(match.start(), match.end(), "phone"))
    return found
