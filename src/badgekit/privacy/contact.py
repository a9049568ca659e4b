"""Ways to reach a person: email addresses, phone numbers and social media handles.

An email address is reported whole, from the first character of its name to the end of
its domain, and never takes the words around it ("or at jean.smith@..." leaves "or at").
Addresses written to dodge spam filters ("jean [at] example [dot] com") count too, and so
do addresses written out in words ("jean dot smith at example dot co dot uk") when the
domain ends in a known ending such as "uk" or "com".

Phone numbers are found in two steps. A cheap pattern finds runs that could be one
(starting with 0, +, or a bracket, with at least nine digits in spaced, hyphenated or
bracketed groups); then the number of digits decides: a UK number has 10 or 11 digits
with its 0, or 9 or 10 after +44. Only a number with another country's code imports
``phonenumbers`` (Google's libphonenumber) to check its length. Possible means the right
length, not in service: Ofcom's drama ranges (07700 900123, 0131 496 0000) are numbers a
learner might copy, and are reported. A number read out in words ("oh seven seven double
oh nine ...") counts when it has the digits of one.

A social media handle is an "@" name ("@skye_lass07"), or a name given after a platform
or the word "username" ("on TikTok as dunky.doodles", "her Snapchat name is wee_mac").
After a platform alone the name must look like a handle (a digit, a dot or an
underscore), so "on Facebook as well" is left alone.
"""

from __future__ import annotations

import re

from badgekit.privacy.patterns import Lazy, matches_from
from badgekit.privacy.spans import Span, span

# Letters are given in both cases rather than with IGNORECASE, which folds every letter of every
# class when the pattern is compiled (three times the cost); the words are (?i:...) on their own.
# A pattern starts with a character class and looks behind only after it, so that the matcher can
# skip to where a match could start.
_EMAIL = Lazy(
    r"[A-Za-z0-9](?<![\w.+%'-][A-Za-z0-9])(?:[A-Za-z0-9._%+'-]{0,62}[A-Za-z0-9_%+-])?"
    r"(?:@|\s?[\[(](?i:at)[\])]\s?)"
    r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
    r"(?:(?:\.|\s?[\[(](?i:dot)[\])]\s?)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?){0,8}"
    r"(?:\.|\s?[\[(](?i:dot)[\])]\s?)[A-Za-z]{2,24}(?![\w-])",
)
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9_-]{0,40}[A-Za-z0-9])?"
_JOIN = r"(?: (?i:dot) |\.| (?i:underscore) |_)"
#: "anne dot kerr at example dot co dot uk": the domain needs a "dot" and a known ending.
_EMAIL_WORDS = Lazy(
    rf"[A-Za-z0-9](?<![\w.@][A-Za-z0-9])(?:[A-Za-z0-9_-]{{0,40}}[A-Za-z0-9])?(?:{_JOIN}{_LABEL}){{0,3}}"
    rf" (?i:at) (?:{_LABEL}(?: (?i:dot) |\.)){{1,4}}"
    r"(?i:com|uk|org|net|scot|gov|ac|info|ie|eu|me|io|co)(?![\w@/-]|\.\w)",
)
#: A run that might be a phone number: "07700 900123", "+44 (0)131 496 0000", "(0141) 123-4567".
_PHONE_CANDIDATE = Lazy(r"[+(0](?<![\w+/£$€][+(0])(?:(?<=\+)\s?\d|(?<=\()\s?0|(?<=0))[\d \t().\-‐–]{7,20}\d(?![\w/])")
_PHONE_CONTEXT = Lazy(
    r"\b(?:tel|telephone|phone|mobile|mob|landline|number|call|called|ring|rang|text|texted|contact)\b\W{0,3}$",
    re.IGNORECASE,
)
_LOCAL_NUMBER = Lazy(r"\d(?<![\w/£$€.,]\d)\d{2,3}[ \-]?\d{3,4}(?![\w/%]|[.,:]\d)")
_DIGIT = Lazy(r"\d")
_WORD_SEPARATORS = Lazy(r"[ ,-]+")
_DIGIT_WORDS = {
    "oh": 1, "o": 1, "zero": 1, "nought": 1, "one": 1, "two": 1, "three": 1, "four": 1, "five": 1, "six": 1,
    "seven": 1, "eight": 1, "nine": 1, "double": 1, "triple": 2,
}  # fmt: skip
_DIGIT_WORD = r"(?:oh|zero|nought|one|two|three|four|five|six|seven|eight|nine|\d{1,5})"
#: Nine or more digits read out: "oh seven seven double oh nine ...", "plus four four ...".
_PHONE_WORDS = Lazy(
    rf"\b(?:plus[ ,-]+)?(?:(?:double|triple)[ -])?{_DIGIT_WORD}"
    rf"(?:[ ,-]{{1,2}}(?:(?:double|triple)[ -])?{_DIGIT_WORD}){{3,20}}\b",
    re.IGNORECASE,
)
_HANDLE_WORD = r"(?P<handle>[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?)"
_HANDLE_AT = Lazy(
    r"@(?<![\w.@+-]@)(?!\d{1,2}(?:[.:]\d{2})?\s?(?:am|pm)\b)(?=[\w.]{0,30}[A-Za-z_])"
    r"[A-Za-z0-9_](?:[\w.]{0,28}\w)?"
)
#: What follows a platform's name or "username" when a handle is given: "(name) is", "as", a colon.
_AFTER_SIGN = Lazy(
    r"(?P<kind>\s(?i:user ?name|name|account|page|id|tag|handle|gamertag))?"
    rf"(?P<given>\s(?i:is|was|as|called|at)|:|,)?\s{{1,2}}['\"‘“]?{_HANDLE_WORD}"
)
_PLATFORM_SIGN = (
    "instagram", "insta", "tiktok", "tik tok", "snapchat", "snap", "twitter", "facebook", "fb", "youtube",
    "twitch", "discord", "threads", "bluesky", "whatsapp", "xbox", "playstation", "psn", "roblox", "fortnite",
    "steam", "reddit", "kik", "telegram", "x", "online", "goes by", "known as",
)  # fmt: skip
#: Words that say a name is a handle, whatever it looks like: "her username is rainbowtrout".
_NAMING_SIGN = ("username", "user name", "handle", "gamertag", "gamer tag", "screen name", "screenname", "account name")
_DOMAIN_SIGNS = (" dot ", ".com", ".co", ".org", ".net", ".scot", ".gov", ".ac.", ".uk", ".ie", ".info")
#: What follows a platform's name or "username" when a handle is given: "is", "as", a colon.
_HANDLE_GIVEN = (
    " is ",
    " as ",
    ":",
    " was ",
    " called ",
    " at ",
    " name",
    " account",
    " page",
    " id",
    " tag",
    " handle",
)
_NOT_HANDLES = frozenset(
    {"well", "too", "the", "a", "an", "my", "her", "his", "their", "our", "your", "and", "but"}
    | {"them", "him", "it", "this", "that", "things", "me", "us", "you", "everything", "situations"}  # "handle them"
)


def _has_address_sign(text: str) -> bool:
    """Whether an "@" stands between two letters or digits, as in an address (not "we met @ 10am")."""
    at = text.find("@")
    while at >= 0:
        if 0 < at < len(text) - 1 and text[at - 1].isalnum() and text[at + 1].isalnum():
            return True
        at = text.find("@", at + 1)
    return False


def find_emails(text: str) -> list[Span]:
    """Email addresses, whole, including "name [at] example [dot] com" and "name at example dot com"."""
    found: list[Span] = []
    lowered = text.lower()
    if _has_address_sign(text) or "at]" in lowered or "at)" in lowered:
        found += [span(m.start(), m.end(), "email") for m in _EMAIL.get().finditer(text)]
    if " at " in lowered and any(sign in lowered for sign in _DOMAIN_SIGNS):
        found += [span(m.start(), m.end(), "email") for m in _EMAIL_WORDS.get().finditer(text)]
    return found


def is_possible_phone(candidate: str) -> bool:
    """Whether a run of digits has the length of a UK number, or of an international one after + or 00."""
    digits = "".join(_DIGIT.get().findall(candidate))
    international = candidate.lstrip().startswith("+") or digits.startswith("00")
    if not international:
        return digits.startswith("0") and len(digits) in (10, 11)
    digits = digits[2:] if digits.startswith("00") else digits
    if digits.startswith("44"):
        national = digits[2:]
        if national.startswith("0") and "(0" in candidate:  # +44 (0)131 ...: the 0 is not dialled
            national = national[1:]
        return len(national) in (9, 10)
    import phonenumbers  # only for another country's number, which few statements hold

    try:
        number = phonenumbers.parse("+" + digits, None)
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


def _spoken_digits(words: str) -> int:
    count = 0
    for word in _WORD_SEPARATORS.get().split(words.lower()):  # "double-oh" is two words here, as "double oh"
        count += len(word) if word.isdigit() else _DIGIT_WORDS.get(word, 0)
    return count


#: How a number read out in words can start (see ``starts`` below): "oh", "zero", "nought", "double",
#: "plus" as words, a 0 and a digit in words, or "seven" and another (a mobile without its 0). The long
#: pattern is compiled only after one of these; a plain search for "oh " would find "though ".
_SIGN_STARTS = ("plus", "oh", "zero", "nought", "double", "seven")
_SPOKEN_STARTS = (
    "plus", "double", "triple", "oh", "zero", "nought", "one", "two", "three", "four", "five", "six", "seven",
    "eight", "nine",
)  # fmt: skip
_SPOKEN_SIGN = Lazy(
    r"\b(?i:plus|oh|zero|nought|double)\b"
    r"|(?:\b0\d*|\b(?i:seven))[ ,-]{1,2}"
    r"(?i:oh|zero|nought|one|two|three|four|five|six|seven|eight|nine|double|triple)\b"
)


def find_phone_numbers(text: str) -> list[Span]:
    """UK phone numbers in any common format, international numbers written with +, six-to-eight
    digit local numbers straight after words such as "phone" or "mobile", and numbers read out in words."""
    found: list[Span] = []
    if any(map(str.isdigit, text)):
        for match in _PHONE_CANDIDATE.get().finditer(text):
            start, end = _trim(text, match.start(), match.end())
            digits = len(_DIGIT.get().findall(text, start, end))
            if 9 <= digits <= 15 and is_possible_phone(text[start:end]) and not _organisations_line(text[start:end]):
                found.append(span(start, end, "phone"))
        context = _PHONE_CONTEXT.get()
        for match in _LOCAL_NUMBER.get().finditer(text):
            if context.search(text, max(0, match.start() - 20), match.start()) and not _organisations_line(
                match.group()
            ):
                found.append(span(match.start(), match.end(), "phone"))
    lowered = text.lower()
    # Both patterns start at a digit or at one of their words: tried only there (see matches_from).
    if next(matches_from(_SPOKEN_SIGN.get(), text, lowered, _SIGN_STARTS, digits=True), None):
        for match in matches_from(_PHONE_WORDS.get(), text, lowered, _SPOKEN_STARTS, digits=True):
            words = match.group().lower()
            starts = words.startswith(("oh", "zero", "nought", "double oh", "double-oh", "double zero", "plus", "0"))
            spoken = any(c.isalpha() for c in words.replace("plus", ""))  # all digits: the detector above
            digits = _spoken_digits(words)
            mobile = words.startswith("seven") and digits == 10  # a mobile read out without its 0
            if (starts and spoken and 9 <= digits <= 13) or mobile:
                found.append(span(match.start(), match.end(), "phone"))
    return found


#: Freephone and non-geographic numbers (0800, 0808, 03, 084, 087): an organisation's line, such as a
#: helpline ("Breathing Space on 0800 83 85 87", "Childline, 0800 1111"), which no one has at home.
_ORGANISATIONS_PREFIXES = ("0800", "0808", "0300", "0330", "0333", "0343", "0344", "0345", "0370", "0371", "0843",
                           "0844", "0845", "0870", "0871", "0872")  # fmt: skip


def _organisations_line(number: str) -> bool:
    return "".join(_DIGIT.get().findall(number)).startswith(_ORGANISATIONS_PREFIXES)


def _signs(lowered: str, signs: tuple[str, ...]) -> list[tuple[int, str]]:
    """Where each sign stands in the text as a word of its own: (end, sign)."""
    found: list[tuple[int, str]] = []
    for sign in signs:
        at = lowered.find(sign)
        while at >= 0:
            end = at + len(sign)
            if (at == 0 or not lowered[at - 1].isalnum()) and (end == len(lowered) or not lowered[end].isalnum()):
                found.append((end, sign))
            at = lowered.find(sign, end)
    return found


def _named_later(text: str, end: int) -> list[Span]:
    """A handle given a few words after a platform, in the same sentence: "on Fortnite every night as ShugDaddy_77".

    Further from the platform, only a name that looks like a handle (a digit, a dot or an
    underscore in it) counts, so that "on Facebook with her sister as well" is left alone."""
    rest = text[end : end + 200]
    if not any(c.isdigit() or c in "._" for c in rest) or not any(w in rest for w in (" as ", " called ", " name")):
        # (" name" covers "her name on there is kerrmcnab.x" too)
        return []  # no word that gives a name, or nothing that looks like a handle: no need for the pattern
    match = _LATER_NAME.get().match(text, end)
    if match is None:
        return []
    handle = match.group("handle")
    if any(c.isdigit() or c in "._" for c in handle) and not handle.isdigit():
        return [span(match.start("handle"), match.end("handle"), "handle")]
    return []


#: Up to eight words after a platform, then "as" or "called" and a name: "on Fortnite every night till 3am as ...".
_VERB_HANDLE_BEFORE = Lazy(r"\b(?:to|can|could|would|will|i|we|you|they|how|better|not|cannot|can't)\s{1,3}$")
_LATER_NAME = Lazy(
    r"(?:[\s,]{1,3}[\w'’,]{1,20}){1,8}?\s{1,3}(?:as|called|named|name\s{1,3}of|name on there is|name is)\s{1,2}"
    r"['\"‘“]?"
    r"(?P<handle>[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?)"
)


#: A profile's address on a platform: "facebook.com/margaret.tully.79", "www.tiktok.com/@dunky".
_PROFILE_ADDRESS = Lazy(
    r"(?<![\w.])(?:(?i:https?://))?(?:(?i:www|m)\.)?"
    r"(?i:facebook|fb|instagram|tiktok|twitter|x|youtube|linkedin|snapchat|threads|twitch)\.(?i:com|net)"
    r"/@?[\w\-]+(?:\.[\w\-]+)*(?:/[\w\-]+)*"
)


def find_handles(text: str) -> list[Span]:
    """Social media handles: "@name", a profile's address, and names given after a platform or "username"."""
    found: list[Span] = []
    lowered = text.lower()
    if ".com/" in lowered or ".net/" in lowered:
        found += [span(m.start(), m.end(), "handle") for m in _PROFILE_ADDRESS.get().finditer(text)]
    if "@" in text:
        found += [span(m.start(), m.end(), "handle") for m in _HANDLE_AT.get().finditer(text)]
    signs = [
        (end, True)
        for end, sign in _signs(lowered, _NAMING_SIGN)
        if not (sign == "handle" and _VERB_HANDLE_BEFORE.get().search(lowered, max(0, end - 20), end - len(sign)))
    ]  # "how to handle complaints": the verb
    signs += [(end, False) for end, sign in _signs(lowered, _PLATFORM_SIGN) if sign != "x" or text[end - 1] == "X"]
    for end, naming in signs:
        match = _AFTER_SIGN.get().match(text, end)
        if match is None or not (naming or match.group("kind") or match.group("given")):
            if match is not None and not naming and _looks_like_a_handle(match.group("handle")):
                found.append(span(match.start("handle"), match.end("handle"), "handle"))  # "snapchat kaydz_draws"
            elif not naming:
                found += _named_later(text, end)
            continue
        handle = match.group("handle")
        if naming or match.group("kind"):
            if handle.lower() not in _NOT_HANDLES:
                found.append(span(match.start("handle"), match.end("handle"), "handle"))
        elif _looks_like_a_handle(handle):
            found.append(span(match.start("handle"), match.end("handle"), "handle"))
        elif handle.lower() in _NOT_HANDLES:
            found += _named_later(text, end)  # "on snapchat, her name on there is kerrmcnab.x"
    return found


def _looks_like_a_handle(word: str) -> bool:
    """A digit, a dot or an underscore inside a word, as handles have and words do not: "kaydz_draws"."""
    return any(c.isdigit() or c in "._" for c in word.strip("._")) and not word.replace(".", "").isdigit()
