"""Health and identity numbers: CHI, NHS and National Insurance numbers, and other record numbers.

A run of ten digits (however it is spaced or hyphenated) is a CHI number when its first
six digits form a date (DDMMYY): Scotland's Community Health Index number starts with
the date of birth, and a CHI with a wrong check digit still identifies someone, so the
check digit is not required. Otherwise it is an NHS number when its modulus 11 check
digit holds, or when the words "NHS number" come just before it. Ten digits starting
with 0 that are neither are left to the phone number detector; any other ten-digit
run, or a number after words such as "case reference", is a record number.

National Insurance numbers are two letters, six digits and a letter A to D, spaced or
not, in capitals or in lower case (lower case needs the final letter, and two letters that
are not a word such as "at"). Prefixes are not checked against HMRC's list: a specimen
such as QQ 12 34 56 C is what people copy from forms, and a mistyped one still identifies.

Vehicle registrations in the current format (two letters, the two digits of the age
identifier, three letters: "SN19 KXP", "SF07OWA", "SK 65 HRL") are reported wherever they
appear in capitals, and in lower case ("sf21 ncx") after a word about a vehicle;
the older prefix and suffix formats ("M482 HSV", "HSV 482M") look like too many other
codes, so they are reported only after a word about a vehicle ("car", "taxi", "reg").
"""

from __future__ import annotations

import re

from badgekit.privacy.patterns import Lazy, matches_from
from badgekit.privacy.spans import Span, span
from badgekit.privacy.vocabulary import words_of

_SEPARATOR = r"[ \t\-‐–.]?"
#: Ten digits, each group separated by at most one space, hyphen or dot, not inside a longer number.
#: (The look-behind follows the first digit rather than leading the pattern, here and below: a pattern
#: that starts with a character class lets the matcher skip to where one could start.)
_TEN_DIGITS = Lazy(r"\d(?<![\w/£$€.,:-]\d)(?:" + _SEPARATOR + r"\d){9}(?![\w/%]|[.,:]\d)")
#: "NHS number 485 ...", "her NHS no. is ...", "the wrong NHS number on it, 999 ...".
_NHS_CONTEXT = Lazy(
    r"\b(?:NHS|health)\s{0,3}(?:no\.?|number|num|#)?(?:\s{1,3}on\s{1,3}(?:it|them|the\s{1,3}\w+))?"
    r"\s{0,3}(?:is|was|:|,|-)?\s{0,3}$",
    re.IGNORECASE,
)
_REFERENCE = Lazy(
    r"\b(?i:(?:case|client|record|file|patient|hospital|service user|staff|employee|payroll|passport|tenancy|claim|"
    r"account|customer|referral|licence|SWIFT|SWIS|Mosaic|CareFirst|registration|membership|PVG)\s{1,3}"
    r"(?:no\.?|number|num|ref\.?|reference|ID)|"
    r"(?:reference|ref\.?|incident|Datix)(?:\s{1,3}(?:no\.?|number))?)\s{0,3}(?i:is|was|:)?\s{0,3}"
    r"(?P<number>(?=[A-Za-z/\-]*\d[/\-]?\d[/\-]?\d[/\-]?\d)(?:[A-Za-z]{1,4}[/\-]){0,2}[A-Za-z]{0,4}[/\-]?\d[\d/\-]{3,14}"
    r"[A-Za-z]?)\b",  # "2023/004517", "SW/CP/2024/00931"
)
#: Two letters, six digits and a suffix letter, spaced or not; or spaced with no suffix.
#: Solid and suffix-less ("SC012345") is a charity or company number, not an NI number.
_NI_NUMBER = Lazy(
    r"[A-Za-z](?<!\w[A-Za-z])(?:(?<=[A-Z])(?:[A-Z][ \t-]?\d{2}[ \t-]?\d{2}[ \t-]?\d{2}[ \t-]?[A-D]"
    r"|[A-Z] \d{2} \d{2} \d{2})"
    r"|(?<=[a-z])[a-z][ \t-]?\d{2}[ \t-]?\d{2}[ \t-]?\d{2}[ \t-]?[a-d]"
    r"|(?<=[A-Z])[a-z][ \t-]?\d{2}[ \t-]?\d{2}[ \t-]?\d{2}[ \t-]?[A-Da-d])"  # "Qq 99 88 77 b"
    r"(?![\w])",
)
#: Two-letter words that start a lower-case run such as "at 12 34 56 a" and are no NI prefix.
_NOT_NI_PREFIXES = words_of("am an as at be by do go he if in is it me my no of on or so to up us we ok")
_AGE_IDENTIFIER = r"(?:0[2-9]|[12]\d|5[1-9]|[67]\d)"
#: In either case, without IGNORECASE, whose folding of every letter of the classes triples compile time.
_CURRENT_PLATE = Lazy(
    rf"[A-HJ-PR-Ya-hj-pr-y](?<![\w-].)[A-HJ-PR-Ya-hj-pr-y] ?{_AGE_IDENTIFIER} ?[A-HJ-PR-Za-hj-pr-z]{{3}}(?![\w-])"
)
_OLDER_PLATE = Lazy(r"[A-Z](?<![\w-][A-Z])(?:(?<=[A-HJ-NP-Y])\d{1,3} ?[A-Z]{3}|[A-Z]{2} ?\d{1,3}[A-HJ-NP-Y])(?![\w-])")
_VEHICLE_CONTEXT = Lazy(
    r"\b(?:car|cars|van|taxi|cab|vehicle|motor|motorbike|minibus|bus|lorry|registration|reg|plate|plates"
    r"|number plate|drives|drove|driving|parked|parks)\b(?:[^.!?\n]{0,50})$",
    re.IGNORECASE,
)
_DIGIT = Lazy(r"\d")
_LETTER_THEN_DIGIT = Lazy(r"[A-Za-z] ?\d")


def nhs_check_digit_holds(digits: str) -> bool:
    """The NHS (and CHI) modulus 11 check: weights 10 down to 2, check digit 11 minus the remainder."""
    if len(digits) != 10 or not digits.isdigit():
        return False
    total = sum(int(d) * weight for d, weight in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    if check == 11:
        check = 0
    return check != 10 and check == int(digits[9])


def starts_with_date(digits: str) -> bool:
    """Whether the first six digits are a real date as DDMMYY in the 1900s or 2000s."""
    day, month, year = int(digits[0:2]), int(digits[2:4]), int(digits[4:6])
    if not 1 <= month <= 12 or day < 1:
        return False
    # A 29 February is a date in some year of either century (2000 was a leap year, and so is 1900 + a
    # multiple of 4 other than 00), which is all "DDMMYY" can say; datetime is not imported for this.
    leap = year % 4 == 0
    return day <= (31, 29 if leap else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)[month - 1]


def find_health_numbers(text: str) -> list[Span]:
    """CHI numbers, NHS numbers and unexplained ten-digit numbers."""
    found: list[Span] = []
    for match in _TEN_DIGITS.get().finditer(text):
        if _INTERNATIONAL_BEFORE.get().search(text, max(0, match.start() - 6), match.start()):
            continue  # "+44 7700 900981": a phone number without its 0, whatever its check digit says
        digits = "".join(_DIGIT.get().findall(match.group()))
        if starts_with_date(digits):
            found.append(span(match.start(), match.end(), "chi"))
        elif nhs_check_digit_holds(digits) or _after_nhs_words(text, match.start()):
            found.append(span(match.start(), match.end(), "nhs"))
        elif not digits.startswith("0"):
            found.append(span(match.start(), match.end(), "reference"))
    return found


def _after_nhs_words(text: str, start: int) -> bool:
    """ "NHS number" just before the digits, or earlier in their sentence ("the form asked for the NHS number,
    which I copied from the letter: 999 412 7730")."""
    if _NHS_CONTEXT.get().search(text, max(0, start - 30), start):
        return True
    sentence = text[max(0, start - 90) : start]
    stop = max(sentence.rfind(". "), sentence.rfind("\n\n"))
    return "nhs number" in sentence[stop + 1 :].lower()


def find_reference_numbers(text: str) -> list[Span]:
    """Numbers after words that say they identify a record: "case reference 12/3456", "incident 45821",
    "registration number is 3071942"."""
    found = matches_from(_REFERENCE.get(), text, text.lower(), _REFERENCE_STARTS)
    spans = [span(m.start("number"), m.end("number"), "reference") for m in found]
    if "-" in text:  # a case reference needs no words before it: "the referral came in under SW-118742"
        spans += [span(m.start(), m.end(), "reference") for m in _LETTERS_DASH_NUMBER.get().finditer(text)]
    return spans


_LETTERS_DASH_NUMBER = Lazy(r"\b[A-Z]{2,4}-\d{5,8}\b")


#: The words a record number's pattern can start with: it is tried only where one stands.
_REFERENCE_STARTS = (
    "case", "client", "record", "file", "patient", "hospital", "service user", "staff", "employee", "payroll",
    "passport", "tenancy", "claim", "account", "customer", "referral", "licence", "swift", "mosaic",
    "carefirst", "registration", "membership", "pvg", "ref", "incident", "datix", "swis",
)  # fmt: skip


def find_ni_numbers(text: str) -> list[Span]:
    """National Insurance numbers: "QQ 12 34 56 C", "AB123456C", "qq 12 34 56 c"."""
    if not any(_letters_before(text, m.start()) for m in _SIX_DIGITS.get().finditer(text)):
        return []
    return [
        span(m.start(), m.end(), "ni")
        for m in _NI_NUMBER.get().finditer(text)
        if m.group()[:2].isupper() or m.group()[:2].lower() not in _NOT_NI_PREFIXES
    ]


def _letters_before(text: str, start: int) -> bool:
    """Whether two letters come just before ``start``, with a space or a tab between or not: "QQ 12..."."""
    before = text[max(0, start - 3) : start].rstrip(" \t-")
    return len(before) >= 2 and before[-2:].isalpha()


#: What every NI number holds: three pairs of digits. Far cheaper to compile than the pattern above.
_INTERNATIONAL_BEFORE = Lazy(r"(?:\+44|0044)[ \t]?(?:\(0\)[ \t]?)?$")
_SIX_DIGITS = Lazy(r"\d\d[ \t-]?\d\d[ \t-]?\d\d")


def find_vehicle_registrations(text: str) -> list[Span]:
    """Number plates: the current format anywhere, the older ones after a word about a vehicle."""
    # Every plate has a letter, perhaps a space, and a digit in it, and starts at most two letters
    # before that letter: the patterns are tried only there (see matches_from).
    pairs = [m.start() for m in _LETTER_THEN_DIGIT.get().finditer(text)]
    if not pairs:
        return []
    starts = {at - back for at in pairs for back in (0, 1, 2) if at >= back}
    lowered = text.lower()
    found = [
        span(m.start(), m.end(), "vehicle")
        for m in matches_from(_CURRENT_PLATE.get(), text, lowered, starts=starts)
        if m.group().isupper() or _after_vehicle_word(text, m.start())
    ]
    for match in matches_from(_OLDER_PLATE.get(), text, lowered, starts=starts):
        if _after_vehicle_word(text, match.start(), match.end()):
            found.append(span(match.start(), match.end(), "vehicle"))
    return found


def _after_vehicle_word(text: str, start: int, end: int | None = None) -> bool:
    """A word about a vehicle before the plate, or a verb of driving just after it ("P752 KSR drive past")."""
    if _VEHICLE_CONTEXT.get().search(text, max(0, start - 60), start):
        return True
    return end is not None and bool(_VEHICLE_AFTER.get().match(text, end))


_VEHICLE_AFTER = Lazy(r"\s{1,3}(?i:drive|drives|drove|driving|pull|pulled|parked|park|reversed|sped)\b")
