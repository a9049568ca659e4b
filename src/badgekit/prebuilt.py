"""Code compiled in advance: the methods of dataclasses and badgekit's regular expressions.

Every ``badgekit`` process starts by creating about fifty dataclasses and compiling about a
hundred regular expressions, and both are mostly compiling: Python's ``dataclasses`` writes
each class's ``__init__``, ``__repr__``, ``__eq__``, ``__hash__`` (and, frozen, ``__setattr__``
and ``__delattr__``) as source text and compiles it, about 0.4 ms a class; ``re`` parses a
pattern and generates the engine's code in pure Python. Together that was about a quarter of a
``badgekit check``. tools/build_prebuilt.py compiles both in advance into ``data/prebuilt.bin``:

- the code object of every method text ``dataclasses`` makes while badgekit's modules are
  imported, keyed by that text. ``install()`` (run by the program, never by code that imports
  badgekit) has ``dataclasses`` take the code from the table instead of compiling the text; a
  text not in the table (a class changed since, another library's) is compiled as usual. The
  same text compiled by the same Python gives the same code, so a class is the same either way.
- the engine's code of every pattern declared through ``compile()`` below, and of the patterns
  ``pattern()`` is asked for that are made from the bundled badges (each badge's declaration, about
  1 ms a check), handed to the engine as it is (as badgekit.privacy.patterns does for the privacy
  patterns); a pattern not in the table is compiled by ``re``. A compiled pattern equals another
  only when their code is the same.

Both belong to one version of Python, which the file records; under any other, nothing in it is
used and everything is compiled as usual. tests/test_prebuilt.py holds the table to what Python
compiles, and fails until the table is rebuilt after a dataclass or pattern changes.
"""

from __future__ import annotations

import builtins
import marshal
import os
import re
import sys
from collections.abc import Mapping
from typing import Any

TABLE_FILE = "prebuilt.bin"

#: Every pattern declared through compile(), as (source, flags), in the order declared: what
#: tools/build_prebuilt.py compiles (it imports every module of badgekit first).
DECLARED: list[tuple[str, int]] = []

_table: dict[str, Any] | None = None


def engine_version() -> list[Any]:
    """What the prebuilt code depends on: the interpreter, its bytecode, and its regular expression engine."""
    import _sre  # type: ignore[import-not-found]  # it ships no type stubs
    from importlib._bootstrap_external import MAGIC_NUMBER  # what .pyc files are keyed by: free, already loaded

    return [
        sys.implementation.cache_tag,
        MAGIC_NUMBER,
        _sre.MAGIC,
        _sre.CODESIZE,
        _sre.MAXREPEAT,
        _sre.MAXGROUPS,
    ]


def table() -> dict[str, Any]:
    """The table for this Python: ``code`` (method text → marshalled code) and ``patterns`` (``flags:source`` →
    the engine's arguments); empty when there is none for this Python."""
    global _table
    if _table is None:
        _table = _load_table()
    return _table


def _load_table() -> dict[str, Any]:
    path = os.path.join(os.path.dirname(__file__), "data", TABLE_FILE)
    # Through the package's own loader, which reads from a zip as from a folder.
    get_data = getattr(getattr(__spec__, "loader", None), "get_data", None)
    try:
        raw = get_data(path) if get_data is not None else open(path, "rb").read()  # noqa: SIM115
        stored = marshal.loads(raw)
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    if not isinstance(stored, dict) or stored.get("engine") != engine_version():
        return {}
    return stored


def compile(source: str, flags: int | re.RegexFlag = 0) -> re.Pattern[str]:
    """``re.compile(source, flags)``, from the engine's code compiled in advance when the table has it."""
    flags = int(flags)
    DECLARED.append((source, flags))
    return prebuilt_pattern(source, flags) or re.compile(source, flags)


def pattern(source: str, flags: int | re.RegexFlag = 0) -> re.Pattern[str]:
    """``re.compile(source, flags)`` for a pattern made from badgekit's data as it runs (a badge's declaration,
    statement/parse.py), from the table where tools/build_prebuilt.py compiled it from the bundled badges."""
    return prebuilt_pattern(source, int(flags)) or re.compile(source, flags)


def prebuilt_pattern(source: str, flags: int) -> re.Pattern[str] | None:
    patterns: Mapping[str, Any] = table().get("patterns", {})
    entry = patterns.get(f"{flags}:{source}")
    if entry is None:
        return None
    import _sre

    all_flags, code, groups, groupindex = entry
    indexgroup: list[str | None] = [None] * (groups + 1)
    for name, number in groupindex.items():
        indexgroup[number] = name
    try:
        pattern: re.Pattern[str] = _sre.compile(
            source, all_flags, marshal.loads(code), groups, groupindex, tuple(indexgroup)
        )
    except (RuntimeError, TypeError, ValueError, OverflowError):  # code the engine does not accept
        return None
    return pattern


#: Every text pattern asked for inside library_patterns(), as (source, flags), each once: what
#: tools/build_prebuilt.py compiles for the libraries (having imported and set them up as export does).
LIBRARY_ASKED: dict[tuple[str, int], re.Pattern[str]] = {}


class library_patterns:  # a lower-case name, as contextlib's blocks have
    """While in this block, ``re.compile`` takes a library's patterns from the table where it has them.

    Importing markdown-it and Jinja and creating a Markdown parser compile about seventy patterns, 5 ms of
    every export; tools/build_prebuilt.py compiles those of the versions it finds. A pattern the table does
    not have (another version of a library) is compiled by ``re``; only text patterns are looked up, and
    each is made once (as ``re``'s own cache would), however often a parser is created. The block is
    entered only where badgekit imports or sets up such a library, never around the learner's text.
    """

    def __enter__(self) -> None:
        self._original = original = re.compile

        def compile(source: Any, flags: int | re.RegexFlag = 0) -> re.Pattern[Any]:
            if not isinstance(source, str):
                return original(source, flags)
            key = (source, int(flags))
            found = LIBRARY_ASKED.get(key)
            if found is None:
                found = LIBRARY_ASKED[key] = prebuilt_pattern(*key) or original(source, flags)
            return found

        re.compile = compile  # type: ignore[assignment]

    def __exit__(self, *_exc: object) -> None:
        re.compile = self._original


#: How many method texts were compiled rather than taken from the table since install(): for the tests.
compiled_texts = 0


def _exec(source: Any, globals: dict[str, Any] | None = None, locals: Mapping[str, Any] | None = None) -> None:
    """``exec`` as ``dataclasses`` calls it, with the code of a text in the table taken from there."""
    global compiled_texts
    stored = table().get("code", {}).get(source) if isinstance(source, str) else None
    if stored is not None:
        code = marshal.loads(stored)
    elif isinstance(source, str):
        compiled_texts += 1
        # As dataclasses' own exec compiles it: with no __future__ flags (this module's are not inherited).
        code = builtins.compile(source, "<string>", "exec", dont_inherit=True)
    else:
        code = source
    exec(code, globals, locals)


def install() -> None:
    """Have ``dataclasses`` take its methods' code from the table; nothing when there is none for this Python."""
    if not table().get("code"):
        return
    import dataclasses

    vars(dataclasses)["exec"] = _exec  # found before the built-in exec by the one function that calls it
