"""Where a person lives: postcodes and street addresses.

A full postcode (EH6 7QR) pins a home down to a handful of doors and is an error. An
outward code alone (EH6) names a district of thousands, which is a note, and is only
reported where the words around it show it is a place ("lives in EH6", "the G42 area"),
so that codes such as S3 (a school year), M8 (a motorway) and BK301 are left alone.
Postcode areas are checked against the list of real ones.

A street address is a house number and a street ("12 Leith Walk", "45a Easter Road"),
with a flat number before it if there is one ("3/2", "2F1", "Flat 4,"); a flat number
with a named building ("Flat 4, Rosebank Court", "Apartment 5, The Maltings"); or a named building or street after
words about living there ("she lives at Ivy Cottage", "moved to Hope Street").

Some places identify a person only with what is said beside them (warnings): a room or
flat number in a named home ("Room 14 at Craigmount House", "flat 6 in Larchfield Court
care home"), a named school with a year group ("P6 at Bankhead Primary", "S2 at Braeside
High School"), and a small place named beside a condition or an age ("the only man in
the village of Ardvourlie with motor neurone disease", "a 97-year-old from Kinlochewe").
A city or a town badgekit knows (Glasgow, Stirling) is large enough to hide anyone and is
left alone; so is a school or a home named with nothing beside it.
"""

from __future__ import annotations

import re

from badgekit.privacy import vocabulary as vocab
from badgekit.privacy.patterns import Lazy, matches_from
from badgekit.privacy.spans import Span, resolve_overlaps, span
from badgekit.privacy.vocabulary import BUILDING_WORDS, STREET_SUFFIXES

#: The 121 postcode areas of the UK (and the Crown dependencies).
_AREAS = """AB AL B BA BB BD BH BL BN BR BS BT CA CB CF CH CM CO CR CT CV CW DA DD DE DG DH DL DN DT DY E EC EH EN EX
    FK FY G GL GU GY HA HD HG HP HR HS HU HX IG IM IP IV JE KA KT KW KY L LA LD LE LL LN LS LU M ME MK ML N NE NG
    NN NP NR NW OL OX PA PE PH PL PO PR RG RH RM S SA SE SG SK SL SM SN SO SP SR SS ST SW SY TA TD TF TN TQ TR TS
    TW UB W WA WC WD WF WN WR WS WV YO ZE"""
POSTCODE_AREAS = frozenset(_AREAS.split())
# Both cases spelt out rather than IGNORECASE (which folds every letter of a class as it compiles), and
# the look-behind after the first letter, so that the matcher can skip to where a postcode could start.
_FULL_POSTCODE = Lazy(
    r"(?P<area>[A-Za-z](?<![\w-][A-Za-z])[A-Za-z]?)(?P<district>\d[A-Za-z\d]?) ?\d[ABD-HJLNP-UW-Zabd-hjlnp-uw-z]{2}"
    r"(?![\w-])"
)
_OUTWARD_CODE = Lazy(r"(?P<area>[A-Z](?<![\w-][A-Z])[A-Z]?)(?P<district>\d[A-Z\d]?)(?![\w-])")
_OUTWARD_BEFORE = Lazy(
    r"\b(?:in|into|from|near|around|postcode|post code|district|area|lives|living|moved to|out to|to the|"
    r"whole of)\s{1,3}(?:the\s{1,3})?$",
    re.IGNORECASE,
)
_OUTWARD_AFTER = Lazy(r"^\s{1,3}(?:area|postcode|post code|district)\b", re.IGNORECASE)
#: Scottish school years S1 to S6 share their spelling with Sheffield's outward codes.
_SCHOOL_YEARS = frozenset(f"S{year}" for year in range(1, 7))

_STREET_WORD = r"(?:[A-Z][\w'’.\-]*|of|the|de|la|le|na|an)"
#: Suffixes that make a street on their own after a house number ("12 Gardens" is rare, "12 Green" rarer).
_STRONG_SUFFIXES = frozenset(
    w.capitalize()
    for w in vocab.words_of(
        "Street St Road Rd Avenue Ave Lane Drive Crescent Terrace Wynd Gardens Place Court Close Loan Brae"
    )
)
_SUFFIXES = frozenset(w.capitalize() for w in STREET_SUFFIXES)
_BUILDINGS = frozenset(w.capitalize() for w in BUILDING_WORDS)
_FLAT = (
    r"(?:(?:[Ff]lat|FLAT|[Aa]partment|[Aa]pt\.?|[Uu]nit)\s{1,3}(?:\d{1,3}/\d{1,3}|\d[FfLlRr]\d{1,2}|\d{1,3}[A-Za-z]?|[A-Z])"
    r"|\d{1,3}/\d{1,3}|\d[Ff]\d{1,2})"
)
#: A house number and up to four words, the last of which must be a street's suffix: "12 Leith Walk",
#: "3/2, 45 Easter Road". Which word ends the street is decided in Python (``_street_end``): a pattern
#: naming every suffix takes longer to compile than a statement takes to screen.
_ADDRESS = Lazy(
    rf"(?<![\w/])(?:{_FLAT}\s{{0,3}},?\s{{0,3}})?\d{{1,4}}[A-Za-z]?,?\s{{1,3}}(?P<words>{_STREET_WORD}(?:\s{{1,3}}{_STREET_WORD}){{0,3}})"
)
#: A flat and a named building or street: "Flat 4, Rosebank Court".
_FLAT_IN_BUILDING = Lazy(
    rf"(?<![\w/]){_FLAT}\s{{0,3}},?\s{{1,3}}(?P<words>{_STREET_WORD}(?:\s{{1,3}}{_STREET_WORD}){{1,3}})"
)
_STREET_WORDS = Lazy(r"\S+")
#: A flat or apartment number before a building's name, whatever the name: "Apartment 5, The Maltings".
#: ("Unit 3, Communication" is a course unit, so units need a building word, above.)
_FLAT_IN_NAMED_BUILDING = Lazy(
    r"(?<![\w/])(?:[Ff]lat|FLAT|[Aa]partment|[Aa]pt\.?)\s{1,3}(?:\d{1,3}/\d{1,3}|\d[FfLlRr]\d{1,2}|\d{1,3}[A-Za-z]?)"
    r",\s{1,3}(?:The\s{1,3})?[A-Z][\w'’\-]*(?:\s{1,3}[A-Z][\w'’\-]*){0,2}(?![\w'’-])"
)
#: "lives at Ivy Cottage", "moved to Hope Street": up to four capitalised words, the last of which
#: (checked in Python, which compiles far faster than a pattern naming every word) is a building or a street.
_LIVES_AT = Lazy(
    r"\b(?:lives|live|living|lived|stays|stay|staying|stayed|moved|moving|move|address is|home is|flat is|house is)"
    r"(?:\s{1,3}(?:alone|on her own|on his own|by herself|by himself|now|still))?"  # "she lives alone at ..."
    r"\s{1,3}(?:at|in|on|to|into)\s{1,3}(?:the\s{1,3})?"
    r"(?P<place>[A-Z][\w'’\-]*(?:\s{1,3}[A-Z][\w'’\-]*){1,3})"
)
_PLACE_ENDS = frozenset(w.capitalize() for w in BUILDING_WORDS | STREET_SUFFIXES)
_WORD_SPANS = Lazy(r"\S+")


#: Cheap signs that a detector's long pattern could match at all.
_LETTER_DIGIT = Lazy(r"[A-Za-z]\d")
_NUMBER_START = Lazy(r"\d(?<![\w/]\d)")
_NUMBER_AND_NAME = Lazy(r"(?<![\w/.,])\d{1,4}[A-Za-z]?,?[ \t]+[A-Z]")
_LIVING_WORDS = ("live", "stay", "move", "address is", "home is", "flat is", "house is")
#: Where _LIVING_SIGN can start, and where _ADDRESS and _FLAT_SIGN can start besides a digit.
_LIVING_STARTS = ("liv", "stay", "mov", "address", "home", "flat", "house")
_FLAT_WORDS = ("flat", "apartment", "apt", "unit")
#: What _LIVES_AT needs, cheaper to compile: a word of living, a preposition and two capitalised words.
_LIVING_SIGN = Lazy(
    r"\b(?i:liv|stay|mov|address|home|flat|house)\w{0,3}\s{1,3}(?:is\s{1,3}|(?:alone|now|still)\s{1,3})?"
    r"(?i:at|in|on|to|into)\s{1,3}"
    r"(?:the\s{1,3})?[A-Z]\S{0,40}\s{1,3}[A-Z]"
)


def find_postcodes(text: str) -> list[Span]:
    """Full postcodes (errors) and outward codes where the words around show a place (notes)."""
    found: list[Span] = []
    # Both patterns start one or two letters before a digit: tried only there.
    pairs = [m.start() for m in _LETTER_DIGIT.get().finditer(text)]
    if not pairs:
        return found
    starts = {at - back for at in pairs for back in (0, 1) if at >= back}
    lowered = text.lower()
    for match in matches_from(_FULL_POSTCODE.get(), text, lowered, starts=starts):
        if match.group("area").upper() in POSTCODE_AREAS:
            found.append(span(match.start(), match.end(), "postcode"))
    for match in matches_from(_OUTWARD_CODE.get(), text, lowered, starts=starts):
        code = match.group()
        if match.group("area") not in POSTCODE_AREAS or code in _SCHOOL_YEARS:
            continue
        before = _OUTWARD_BEFORE.get().search(text, max(0, match.start() - 20), match.start())
        if before or _OUTWARD_AFTER.get().match(text[match.end() : match.end() + 20]):
            found.append(span(match.start(), match.end(), "postcode-district"))
    return found


def _street_end(text: str, match: re.Match[str], suffixes: frozenset[str], alone: frozenset[str]) -> int | None:
    """Where the street or building in ``match`` ends: after its last word that is one of ``suffixes``
    with a word before it, or one of ``alone`` with or without; None when no word is."""
    words = list(_STREET_WORDS.get().finditer(text, match.start("words"), match.end("words")))
    for index in range(len(words) - 1, -1, -1):
        word = words[index].group()
        bare = word.rstrip(".")
        if (index >= 1 and bare in suffixes) or bare in alone:
            return words[index].start() + len(bare)
    return None


def find_addresses(text: str) -> list[Span]:
    """House numbers with streets, flats with buildings, and named homes after "lives at"."""
    found: list[Span] = []
    lowered = text.lower()
    if _NUMBER_AND_NAME.get().search(text):
        # Not after a letter, a digit or a slash: where a house number can start.
        numbers = [m.start() for m in _NUMBER_START.get().finditer(text)]
        for match in matches_from(_ADDRESS.get(), text, lowered, _FLAT_WORDS, starts=numbers):
            end = _street_end(text, match, _SUFFIXES, _STRONG_SUFFIXES)
            if end:
                found.append(span(match.start(), end, "address"))
        # Both flat patterns start where their sign does, so they are tried only there.
        for sign in matches_from(_FLAT_SIGN.get(), text, lowered, _FLAT_WORDS, digits=True):
            flat = _FLAT_IN_BUILDING.get().match(text, sign.start())
            end = flat and _street_end(text, flat, _SUFFIXES | _BUILDINGS, frozenset())
            if flat and end:
                found.append(span(flat.start(), end, "address"))
            named = _FLAT_IN_NAMED_BUILDING.get().match(text, sign.start())
            if named:
                found.append(span(named.start(), named.end(), "address"))
    if any(f" {suffix}" in lowered for suffix in _LOWER_SUFFIXES):
        # Written in lower case, as on a phone: "8 braeside rd". Only with a street word that is no other word.
        found += [span(m.start(), m.end(), "address") for m in _LOWER_ADDRESS.get().finditer(text)]
    if any(word in lowered for word in _LIVING_WORDS):
        for sign in matches_from(_LIVING_SIGN.get(), text, lowered, _LIVING_STARTS):
            lives = _LIVES_AT.get().match(text, sign.start())  # which starts where its sign does
            if lives:
                words = list(_WORD_SPANS.get().finditer(text, lives.start("place"), lives.end("place")))
                ends = [w for w in words[1:] if w.group() in _PLACE_ENDS]
                if ends:
                    found.append(span(lives.start("place"), ends[-1].end(), "address"))
    return resolve_overlaps(found)


_LOWER_SUFFIXES = ("rd", "road", "street", "terrace", "avenue", "crescent", "gardens", "wynd")
_LOWER_ADDRESS = Lazy(
    r"(?<![\w/.,£$])\d{1,4}[a-z]?\s{1,3}(?!(?:hour|mile|minute|day|week|lane|year|car|bus)s?\b)[a-z]{3,}"
    r"(?:\s{1,3}[a-z]{3,})?\s{1,3}(?:rd|road|street|terrace|avenue|crescent|gardens|wynd)\b"
)
#: What both flat patterns need: a flat's number and then a capitalised name ("Flat 4, Rosebank", "3/2, The").
_FLAT_SIGN = Lazy(
    r"(?:(?i:flat|apartment|apt\.?|unit)\s{1,3}(?:\d|[A-Z]\b)|(?<![\w/])(?!24/7)\d{1,3}/\d|\d[Ff]\d)"
    r"[\w/]{0,5}\s{0,3},?\s{1,3}[A-Z]"
)


_NAME_WORD = r"[A-Z][\w'’-]*"
#: "Room 14 at Craigmount House", "flat 6 in Larchfield Court", "bedroom 3, Rowan Lodge".
_ROOM_IN_HOME = Lazy(
    r"\b(?P<room>(?i:room|bedroom|flat|apartment|suite|bed))\s{1,3}(?:no\.?\s?|number\s)?\d{1,4}[A-Za-z]?"
    rf"(?:,|\s{{1,3}}(?:at|in|of|on))\s{{1,3}}(?:the\s{{1,3}})?(?P<home>(?:{_NAME_WORD}\s{{1,3}}){{0,3}}{_NAME_WORD})"
)
#: "Craigmount House, room 14", "Rowan Lodge's room 3".
_HOME_THEN_ROOM = Lazy(
    rf"(?P<home>[A-Z](?<![\w'’-][A-Z])[\w'’-]*\s{{1,3}}(?:{_NAME_WORD}\s{{1,3}}){{0,2}}(?:House|Lodge|Court|Home|Manor|View|Hall|Grange|Gardens|Park))"
    r"(?:['’]s)?[,:]?\s{1,3}(?:in\s{1,3})?(?i:room|bedroom|flat|apartment|suite)\s{1,3}\d{1,4}[A-Za-z]?\b"
)
_HOME_WORDS = vocab.words_of(
    "house lodge court home homes manor view hall grange gardens park cottage cottages mews place towers heights "
    "hospital hospice ward unit villa"
)
#: A home or service named in the text: "Kelvin View", "Craigmount House", "Rowan Lodge".
_NAMED_HOME = Lazy(
    rf"[A-Z](?<![\w'’-][A-Z])[\w'’-]*\s{{1,3}}(?:{_NAME_WORD}\s{{1,3}})?"
    r"(?:House|Lodge|Court|Manor|View|Grange|Care Home|Nursing Home)\b"
)
_ROOM_NUMBER = Lazy(r"\b(?i:room|bedroom|flat|apartment|suite)\s{1,3}(?:no\.?\s?)?\d{1,4}(?:/\d{1,2})?[A-Za-z]?\b")
_NAME_AFTER = Lazy(r",?\s{1,3}(?:\d{1,4}[A-Za-z]?\s{1,3})?[A-Z]")
_CARE_HOME_AFTER = Lazy(r"\s{1,3}(?:care|nursing|residential|children's|childrens)\s{1,3}home", re.IGNORECASE)
_SCHOOL_WORDS = r"(?:Primary|High|Academy|Grammar|Secondary|School|Nursery)"
#: A named school: "Bankhead Primary", "St Brendan's Primary School", "Braeside High School".
_SCHOOL = Lazy(
    rf"(?<![\w'’-])(?:St\.?\s{{1,3}})?(?:{_NAME_WORD}\s{{1,3}}){{1,3}}?{_SCHOOL_WORDS}(?:\s{{1,3}}{_SCHOOL_WORDS})?"
    r"(?![\w'’-])"
)
_YEAR_GROUP = Lazy(
    r"(?<![\w-])(?:[PS][1-7]|[Pp]rimary\s(?:[1-7]|one|two|three|four|five|six|seven)\b|[Yy]ear\s(?:1[0-3]|[1-9])\b"
    r"|(?:first|second|third|fourth|fifth|sixth)\s{1,3}year\b)(?![\w-])"
)
#: What may stand between a year group and the school it is at: "P6 at", "a P7 pupil at", "S2 in".
_YEAR_THEN_SCHOOL = Lazy(
    r"\s{1,3}(?:[a-z]{2,12}\s{1,3}){0,2}(?:at|in|of|from|attending|attends|attended)\s{1,3}(?:the\s{1,3})?"
)
#: ... and between a school and a year group: "Bankhead Primary's P6", "Braeside High (S2)", "Leith Academy, in S4".
_SCHOOL_THEN_YEAR = Lazy(r"(?:['’]s)?\s{0,3}[,(]?\s{0,3}(?:in\s{1,3}|class\s{1,3})?(?:the\s{1,3})?")
_NOT_SCHOOL_NAMES = vocab.words_of(
    "the a an our their his her my this that local nearby new special catholic primary secondary high state "
    "independent private grammar academy school schools"
)
#: Stops and brackets read as spaces when a sentence is searched for a condition: "with MS." has " ms ".
_STOPS = ".,;:!?()"


def _stops_as_spaces(text: str) -> str:
    """``text`` with its stops and brackets as spaces (str.translate takes far longer, character by character)."""
    for stop in _STOPS:
        text = text.replace(stop, " ")
    return text


_CONDITIONS = (
    "dementia", "alzheimer", "parkinson", "motor neurone", "mnd", "multiple sclerosis", " ms ", "cerebral palsy",
    "autism", "autistic", "down's syndrome", "down syndrome", "downs syndrome", "epilepsy", "diabetes", "stroke",
    "cancer", "hiv", "blind", "deaf", "wheelchair", "learning disabilit", "spina bifida", "muscular dystrophy",
    "huntington", "schizophrenia", "bipolar", "psychosis", "dialysis", "amputee", "amputation", "terminal",
    "palliative", "brain injury", "sight loss", "hearing loss", "oxygen", "tracheostomy", "peg feed",
    "addiction", "heroin", "methadone", "alcohol", "hoist", "catheter", "stoma", "feeding tube", "ventilator",
    "year-old", "year old", "aged ", "years old", " the only ", " only client", " only person", " only man ",
    " only woman", " only child", " only family", " only resident", " only one ",
)  # fmt: skip
#: A place after "in", "from", "near" or "of the village of".
_SMALL_PLACE = Lazy(
    r"\b(?:[Ii]n|[Ff]rom|[Nn]ear|[Oo]utside|[Aa]t|[Oo]f|[Oo]n|to)\s{1,3}"
    r"(?:the\s{1,3}(?P<kind>village|hamlet|township|island|isle|clachan)"
    rf"\s{{1,3}}of\s{{1,3}})?(?P<place>{_NAME_WORD}(?:[ -]{_NAME_WORD}){{0,2}})"
)
_SENTENCE_END = Lazy(r"[.!?](?:\s|$)|\n\s{0,3}\n")
#: Words before "to" that make what follows a place someone lives or is visited in: "visits to Colonsay".
_TRAVEL_BEFORE_TO = Lazy(r"\b(?:visits?|visiting|trips?|moved|moving|ferry|flights?|calls?|out|over)\s{1,3}$")
#: Platforms and programs a person is "on" or "in" without living there.
_APPS = vocab.words_of(
    "facebook instagram tiktok twitter youtube snapchat whatsapp zoom teams skype messenger discord twitch "
    "netflix spotify google alexa"
)


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the sentence around text[start:end]."""
    before = max((m.end() for m in _SENTENCE_END.get().finditer(text, max(0, start - 300), start)), default=0)
    after = _SENTENCE_END.get().search(text, end)
    return before, after.start() if after else len(text)


_ROOM_WORDS = ("room", "bedroom", "flat", "apartment", "suite", "bed")
#: What each of the patterns below needs: a room or flat and its number ("room 14", "Flat no. 3").
_ROOM_SIGN = Lazy(r"\b(?i:room|bedroom|flat|apartment|suite|bed)\s{1,3}(?:(?i:no)\.?\s?|(?i:number)\s)?\d")


def _rooms(text: str) -> list[Span]:
    found: list[Span] = []
    rooms = list(matches_from(_ROOM_SIGN.get(), text, text.lower(), _ROOM_WORDS))
    for sign in rooms:
        match = _ROOM_IN_HOME.get().match(text, sign.start())  # which starts where its sign does
        if match is None:
            continue
        words = match.group("home").split()
        named = [w for w in words if w.lower() not in vocab.FUNCTION_WORDS]
        if not named:
            continue
        home_end = match.end("home")
        care_home = bool(_CARE_HOME_AFTER.get().match(text, home_end))
        is_home = words[-1].lower() in _HOME_WORDS or care_home
        linked = text[match.start("home") - 4 : match.start("home")].strip(" ,").lower() in ("at", "in", "of", "on")
        if match.group("room").lower() in ("flat", "apartment") and not (care_home or linked):
            continue  # "Flat 4, Rosebank Court" is an address (see find_addresses); "flat 4 at ..." a place
        if is_home:
            found.append(span(match.start(), home_end, "place", severity="error"))
    # A home and then a room ("Craigmount House, room 14") ends with the room's number: looked for only
    # just before each room number, since scanning the whole text from every capital costs far more.
    home_then_room = _HOME_THEN_ROOM.get()
    ends = set()
    for room in rooms:
        match = home_then_room.search(text, max(0, room.start() - 90), room.end() + 8)
        if match and match.end() not in ends:
            ends.add(match.end())
            found.append(span(match.start(), match.end(), "place", severity="error"))
    if _NAMED_HOME.get().search(text):
        # A text that names a home: any room or flat number in it points to one resident ("Flat 2/1 there").
        found += [
            span(m.start(), m.end(), "place", severity="error")
            for m in _ROOM_NUMBER.get().finditer(text)
            if not _NAME_AFTER.get().match(text, m.end())  # "Flat 4, Rosebank Court": an address
        ]
    return found


def _schools(text: str) -> list[Span]:
    found: list[Span] = []
    years = [(m.start(), m.end()) for m in _YEAR_GROUP.get().finditer(text)]
    if not years:
        return found
    for match in _SCHOOL.get().finditer(text):
        words = match.group().split()
        if all(w.lower().rstrip(".") in _NOT_SCHOOL_NAMES | {"st"} for w in words):
            continue
        if words[0].lower() in _NOT_SCHOOL_NAMES and len(words) == 2:
            continue
        for year_start, year_end in years:
            if year_end <= match.start() and _YEAR_THEN_SCHOOL.get().fullmatch(text, year_end, match.start()):
                found.append(span(year_start, match.end(), "place"))
            elif year_start >= match.end() and _SCHOOL_THEN_YEAR.get().fullmatch(text, match.end(), year_start):
                found.append(span(match.start(), year_end, "place"))
    return found


def _small_places(text: str) -> list[Span]:
    from badgekit.privacy import wordlists

    found: list[Span] = []
    common = wordlists.common_words()
    told: dict[tuple[int, int], bool] = {}  # sentence bounds -> whether a condition or an age is in it
    for match in _SMALL_PLACE.get().finditer(text):
        place = match.group("place")
        if any(map(str.isdigit, place)):
            continue  # "in KW14": a postcode district, which find_postcodes reports
        if match.group().startswith("to") and not _TRAVEL_BEFORE_TO.get().search(
            text, max(0, match.start() - 12), match.start()
        ):
            continue  # "visits to Colonsay", "moved to Tiree"; but not "went to Tesco"
        place_end = match.end("place")
        while " " in place and place.rsplit(None, 1)[-1].lower() in vocab.FUNCTION_WORDS:
            place = place.rsplit(None, 1)[0]  # "In Applecross I support ...": the place ends before "I"
            place_end = match.start("place") + len(place)
        words = [w.lower() for w in place.replace("-", " ").split()]
        if match.group("kind") is None:
            if any(
                w in vocab.PLACES
                or w in vocab.ORGANISATION_WORDS
                or w in vocab.FUNCTION_WORDS
                or w in vocab.MONTHS
                or w in vocab.DAYS
                or w in vocab.PEOPLES
                for w in words
            ):
                continue
            if all(w in common for w in words):
                continue  # "in Bright Water"; but "on Papa Westray" is a place
            if place.lower() in vocab.PLACE_PHRASES or place in wordlists.first_names():
                continue
            if words[0] in _APPS:
                continue  # "on Facebook", "in Teams": where people talk, not where they live
        bounds = _sentence(text, match.start(), match.end())
        if bounds not in told:  # several places in one sentence: its words are searched once
            sentence = f" {text[bounds[0] : bounds[1]].lower()} "
            sentence = _stops_as_spaces(sentence)
            told[bounds] = any(condition in sentence for condition in _CONDITIONS)
        if told[bounds]:
            found.append(span(match.start("place"), place_end, "place"))
    return found


#: "the top flat on Dalmeny Street", "a cottage in Mill Lane": a home on a named street, which with
#: a storey or a kind of home narrows down to a door or two.
_HOME_ON_STREET = Lazy(
    r"\b(?i:flat|house|cottage|bungalow|maisonette)\s{1,3}(?:on|in|at|of)\s{1,3}"
    rf"(?:the\s{{1,3}})?(?P<words>{_NAME_WORD}(?:\s{{1,3}}{_NAME_WORD}){{1,3}})"
)
_HOME_KINDS = ("flat", "house", "cottage", "bungalow", "maisonette")
_HOMES_ON = tuple(
    f"{home} {link} "
    for home in ("flat", "house", "cottage", "bungalow", "maisonette")
    for link in ("on", "in", "at", "of")
)


def _homes_on_streets(text: str) -> list[Span]:
    found: list[Span] = []
    for match in matches_from(_HOME_ON_STREET.get(), text, text.lower(), _HOME_KINDS):
        end = _street_end(text, match, _SUFFIXES, frozenset())
        if end is not None:
            storey = _STOREY_BEFORE.get().search(text, max(0, match.start() - 25), match.start())
            found.append(span(storey.start() if storey else match.start(), end, "place"))
    return found


#: A storey or a position before the home: "the top flat", "the ground floor flat", "the end house".
_STOREY_BEFORE = Lazy(
    r"(?i:top|bottom|ground|first|second|third|basement|middle|upstairs|downstairs|end|corner)"
    r"(?:[ -](?i:floor))?\s{1,3}$"
)


def find_places(text: str) -> list[Span]:
    """Places that point to a person with what is beside them: a room in a named home, a named
    school with a year group, a small place with a condition or an age."""
    lowered = text.lower()
    found: list[Span] = []
    if any(word in lowered for word in ("room", "flat", "apartment", "suite", "bed ")) and _ROOM_SIGN.get().search(
        text
    ):
        found += _rooms(text)
    if any(sign in lowered for sign in _HOMES_ON):
        found += _homes_on_streets(text)
    if any(word in text for word in ("Primary", "High", "Academy", "Grammar", "Secondary", "School", "Nursery")):
        found += _schools(text)
    spaced = f" {_stops_as_spaces(lowered)} "  # "with MS." as "with ms "
    if any(condition in spaced for condition in _CONDITIONS):
        found += _small_places(text)
    return resolve_overlaps(found)
