"""The privacy patterns made from code compiled in advance are exactly the patterns ``re`` compiles.

Two compiled patterns compare equal only when their source, flags and engine code are the
same, so each test compares with ``re.compile`` rather than trying a few texts.
"""

from __future__ import annotations

import importlib
import marshal
import pkgutil
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

import badgekit.privacy
from badgekit import prebuilt
from badgekit.privacy import contact, dates, numbers, patterns, places

for _module in pkgutil.iter_modules(badgekit.privacy.__path__):
    importlib.import_module(f"badgekit.privacy.{_module.name}")
DECLARED = list(patterns.DECLARED)
STORED = marshal.loads((Path(prebuilt.__file__).parent / "data" / prebuilt.TABLE_FILE).read_bytes())
FOR_THIS_PYTHON = STORED["engine"] == prebuilt.engine_version()


@pytest.fixture
def fresh_table() -> Iterator[None]:
    """The table as a test leaves it, and read again afterwards."""
    saved = prebuilt._table
    yield
    prebuilt._table = saved


def test_the_patterns_are_declared() -> None:
    assert len(DECLARED) >= 60


def test_the_table_holds_every_privacy_pattern_and_is_used_only_by_the_python_it_is_for() -> None:
    if not FOR_THIS_PYTHON:
        # Another Python (the table is built on the one CI runs): it is never used, and patterns compile as usual.
        assert prebuilt._load_table() == {}, f"data/prebuilt.bin is for {STORED['engine'][0]}, not this Python"
        return
    missing = [lazy.source for lazy in DECLARED if f"{lazy.flags}:{lazy.source}" not in STORED["patterns"]]
    assert not missing, f"run tools/build_prebuilt.py: {len(missing)} privacy patterns are not in data/prebuilt.bin"


@pytest.mark.parametrize("lazy", DECLARED, ids=[lazy.source[:40] for lazy in DECLARED])
def test_each_pattern_is_the_one_re_compiles(lazy: patterns.Lazy) -> None:
    made = prebuilt.prebuilt_pattern(lazy.source, lazy.flags)
    if FOR_THIS_PYTHON:
        assert made is not None, "run tools/build_prebuilt.py: this pattern is not in data/prebuilt.bin"
    if made is not None:
        assert made == re.compile(lazy.source, lazy.flags), "run tools/build_prebuilt.py: the stored code is stale"
        assert made.groupindex == re.compile(lazy.source, lazy.flags).groupindex
    assert lazy.get() == re.compile(lazy.source, lazy.flags)


def test_a_pattern_not_in_the_table_is_compiled_on_first_use_as_usual(fresh_table: None) -> None:
    prebuilt._table = {}  # what the table is under another Python
    lazy = patterns.Lazy(r"(?P<word>b\w+)")
    assert lazy._compiled is None  # nothing compiled until it is asked for
    assert lazy.get() == re.compile(lazy.source) and lazy.get().match("born")
    assert lazy.get() is lazy.get()


SEARCHED_FROM = [
    ("address", places._ADDRESS, places._FLAT_WORDS, True),
    ("flat sign", places._FLAT_SIGN, places._FLAT_WORDS, True),
    ("living sign", places._LIVING_SIGN, places._LIVING_STARTS, False),
    ("date of birth cue", dates._CUE, dates._CUE_STARTS, False),
    ("record number", numbers._REFERENCE, numbers._REFERENCE_STARTS, False),
    ("room sign", places._ROOM_SIGN, places._ROOM_WORDS, False),
    ("home on a street", places._HOME_ON_STREET, places._HOME_KINDS, False),
    ("spoken phone sign", contact._SPOKEN_SIGN, contact._SIGN_STARTS, True),
    ("spoken phone number", contact._PHONE_WORDS, contact._SPOKEN_STARTS, True),
]
TEXTS = (
    "Flat 4, Rosebank Court and 12 Leith Walk; FLAT 3/2, 45 Easter Road. 3F2, Big House. Apt. 5, The Maltings",
    "He lives at Ivy Cottage and moved to Hope Street. STAYS IN Elm Park. Her address is on Mill Lane, Leith",
    "DOB 03/07/1940, D.O.B: 3.7.40, born on 14.2.09, Date Of Birth 1.1.50, birth cert, b. 2.4.1938, Club. do",
    "Case ref 12/3456, CLIENT ID: AB12345, incident 45821, Datix 77310, my registration number is 3071942",
    "Room 14 at Craigmount House, BEDROOM 3, Rowan Lodge, the top flat on Dalmeny Street, a house in Mill Lane",
    "Oh seven seven double oh, nine double-oh four five six; PLUS four four 7700; Seven seven zero zero nine",
    "Bırth date 1.2.1990 and UNıT 4, Big Court",  # a dotless i matches "i" when case is ignored
    "",
)


@pytest.mark.parametrize(("name", "lazy", "words", "digits"), SEARCHED_FROM, ids=[row[0] for row in SEARCHED_FROM])
def test_a_pattern_tried_only_where_it_can_start_finds_what_finditer_does(
    name: str, lazy: patterns.Lazy, words: tuple[str, ...], digits: bool
) -> None:
    for text in TEXTS:
        expected = [m.span() for m in lazy.get().finditer(text)]
        found = [m.span() for m in patterns.matches_from(lazy.get(), text, text.lower(), words, digits)]
        assert found == expected, text
        if name == "address":  # as find_addresses tries it: only where a house number can start
            numbers = [m.start() for m in places._NUMBER_START.get().finditer(text)]
            found = [m.span() for m in patterns.matches_from(lazy.get(), text, text.lower(), words, starts=numbers)]
            assert found == expected, text
    assert any(lazy.get().search(text) for text in TEXTS), f"no text exercises the {name} pattern"


def test_postcodes_tried_only_beside_a_letter_and_a_digit_are_those_finditer_finds() -> None:
    text = "EH6 7QR, eh6 7qr, G42 8AB in EH6, the KW14 area, S3 pupils, AB1 and M8 and x1 A12BC"
    expected = [m.span() for m in places._FULL_POSTCODE.get().finditer(text)]
    expected += [m.span() for m in places._OUTWARD_CODE.get().finditer(text)]
    starts = {m.start() - back for m in places._LETTER_DIGIT.get().finditer(text) for back in (0, 1)}
    found = [m.span() for m in patterns.matches_from(places._FULL_POSTCODE.get(), text, text.lower(), starts=starts)]
    found += [m.span() for m in patterns.matches_from(places._OUTWARD_CODE.get(), text, text.lower(), starts=starts)]
    assert found == expected and len(expected) >= 6


def test_plates_tried_only_near_a_letter_and_a_digit_are_those_finditer_finds() -> None:
    text = "SN19 KXP, sn19kxp, SN 19 KXP, his car M482 HSV, taxi ABC 123D, A1 and x 2 and Q7 ABC"
    pairs = [m.start() for m in numbers._LETTER_THEN_DIGIT.get().finditer(text)]
    starts = {at - back for at in pairs for back in (0, 1, 2) if at >= back}
    for lazy in (numbers._CURRENT_PLATE, numbers._OLDER_PLATE):
        expected = [m.span() for m in lazy.get().finditer(text)]
        found = [m.span() for m in patterns.matches_from(lazy.get(), text, text.lower(), starts=starts)]
        assert found == expected and expected
