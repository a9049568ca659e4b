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
"""

from __future__ import annotations

import re

from badgekit.privacy.spans import Span, resolve_overlaps, span
from badgekit.privacy.vocabulary import BUILDING_WORDS, STREET_SUFFIXES

#: The 121 postcode areas of the UK (and the Crown dependencies).
_AREAS = """AB AL B BA BB BD BH BL BN BR BS BT CA CB CF CH CM CO CR CT CV CW DA DD DE DG DH DL DN DT DY E EC EH EN EX
    FK FY G GL GU GY HA HD HG HP HR HS HU HX IG IM IP IV JE KA KT KW KY L LA LD LE LL LN LS LU M ME MK ML N NE NG
    NN NP NR NW OL OX PA PE PH PL PO PR RG RH RM S SA SE SG SK SL SM SN SO SP SR SS ST SW SY TA TD TF TN TQ TR TS
    TW UB W WA WC WD WF WN WR WS WV YO ZE"""
POSTCODE_AREAS = frozenset(_AREAS.split())
_FULL_POSTCODE = re.compile(
    r"(?<![\w-])(?P<area>[A-Z]{1,2})(?P<district>\d[A-Z\d]?) ?\d[ABD-HJLNP-UW-Z]{2}(?![\w-])", re.IGNORECASE
)
_OUTWARD_CODE = re.compile(r"(?<![\w-])(?P<area>[A-Z]{1,2})(?P<district>\d[A-Z\d]?)(?![\w-])")
_OUTWARD_BEFORE = re.compile(
    r"\b(?:in|from|near|around|postcode|post code|district|area|lives|living|moved to|to the)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_OUTWARD_AFTER = re.compile(r"^\s+(?:area|postcode|post code|district)\b", re.IGNORECASE)
#: Scottish school years S1 to S6 share their spelling with Sheffield's outward codes.
_SCHOOL_YEAR = re.compile(r"^S[1-6]$")

_STREET_WORD = r"(?:[A-Z][\w'’.\-]*|of|the|de|la|le|na|an)"
_SUFFIX = "|".join(sorted((w.capitalize() for w in STREET_SUFFIXES), key=len, reverse=True))
_BUILDING = "|".join(sorted((w.capitalize() for w in BUILDING_WORDS), key=len, reverse=True))
#: Suffixes that make a street on their own after a house number ("12 Gardens" is rare, "12 Green" rarer).
_STRONG_SUFFIX = r"Street|St|Road|Rd|Avenue|Ave|Lane|Drive|Crescent|Terrace|Wynd|Gardens|Place|Court|Close|Loan|Brae"
_FLAT = (
    r"(?:(?:[Ff]lat|FLAT|[Aa]partment|[Aa]pt\.?|[Uu]nit)\s+(?:\d{1,3}/\d{1,3}|\d[FfLlRr]\d{1,2}|\d{1,3}[A-Za-z]?|[A-Z])"
    r"|\d{1,3}/\d{1,3}|\d[Ff]\d{1,2})"
)
_ADDRESS = re.compile(
    rf"(?<![\w/])(?:{_FLAT}\s*,?\s*)?\d{{1,4}}[A-Za-z]?,?\s+"
    rf"(?:(?:{_STREET_WORD}\s+){{1,3}}(?:{_SUFFIX})|(?:{_STREET_WORD}\s+){{0,3}}(?:{_STRONG_SUFFIX}))"
    r"(?![\w'’-])"
)
_FLAT_IN_BUILDING = re.compile(
    rf"(?<![\w/]){_FLAT}\s*,?\s+(?:{_STREET_WORD}\s+){{1,3}}(?:{_BUILDING}|{_SUFFIX})(?![\w'’-])"
)
#: A flat or apartment number before a building's name, whatever the name: "Apartment 5, The Maltings".
#: ("Unit 3, Communication" is a course unit, so units need a building word, above.)
_FLAT_IN_NAMED_BUILDING = re.compile(
    r"(?<![\w/])(?:[Ff]lat|FLAT|[Aa]partment|[Aa]pt\.?)\s+(?:\d{1,3}/\d{1,3}|\d[FfLlRr]\d{1,2}|\d{1,3}[A-Za-z]?)"
    r",\s+(?:The\s+)?[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*){0,2}(?![\w'’-])"
)
_LIVES_AT = re.compile(
    r"\b(?:lives|live|living|lived|stays|stay|staying|stayed|moved|moving|move|address is|home is|flat is|house is)"
    r"\s+(?:at|in|on|to|into)\s+(?:the\s+)?"
    rf"(?P<place>(?:[A-Z][\w'’\-]*\s+){{1,3}}(?:{_BUILDING}|{_SUFFIX}))(?![\w'’-])"
)


def find_postcodes(text: str) -> list[Span]:
    """Full postcodes (errors) and outward codes where the words around show a place (notes)."""
    found: list[Span] = []
    for match in _FULL_POSTCODE.finditer(text):
        if match.group("area").upper() in POSTCODE_AREAS:
            found.append(span(match.start(), match.end(), "postcode"))
    for match in _OUTWARD_CODE.finditer(text):
        code = match.group()
        if match.group("area") not in POSTCODE_AREAS or _SCHOOL_YEAR.match(code):
            continue
        before = _OUTWARD_BEFORE.search(text, max(0, match.start() - 20), match.start())
        if before or _OUTWARD_AFTER.match(text[match.end() : match.end() + 20]):
            found.append(span(match.start(), match.end(), "postcode-district"))
    return found


def find_addresses(text: str) -> list[Span]:
    """House numbers with streets, flats with buildings, and named homes after "lives at"."""
    found = [span(m.start(), m.end(), "address") for m in _ADDRESS.finditer(text)]
    found += [span(m.start(), m.end(), "address") for m in _FLAT_IN_BUILDING.finditer(text)]
    found += [span(m.start(), m.end(), "address") for m in _FLAT_IN_NAMED_BUILDING.finditer(text)]
    found += [span(m.start("place"), m.end("place"), "address") for m in _LIVES_AT.finditer(text)]
    return resolve_overlaps(found)
