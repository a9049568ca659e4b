"""Regular expressions compiled the first time they are needed, from code compiled in advance.

Compiling a pattern is mostly Python work (the ``re`` module parses it and turns it into
the matching engine's code in pure Python), and for the privacy patterns it costs far more
than running them over a statement: about 12 ms for all of them, 5 ms for a typical
statement, in every ``badgekit check`` process. So:

- a detector looks for a cheap sign first (an "@", a digit, a word such as "born") and
  only then asks for its pattern, so a statement without that sign never needs it;
- the engine's code for every pattern declared here is built in advance by
  tools/build_patterns.py into ``data/patterns.bin``, and handed to the engine as it is,
  which takes microseconds. The code belongs to one version of Python's ``re`` engine, so
  the file records which; under any other Python, or if the engine refuses the code, the
  pattern is compiled as usual. Either way the pattern is the same: a compiled pattern
  compares equal to another only when their code is the same, and
  tests/test_privacy_patterns.py holds every pattern to ``re.compile``'s.

Every pattern here must run in time linear in the text: no quantifier over a group that
can itself match the same characters in more than one way (tests/test_privacy_linear.py
runs each detector on long runs of spaces, brackets and letters to hold this).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Iterator
from typing import Any

#: Every pattern declared, in the order declared: what tools/build_patterns.py compiles.
DECLARED: list[Lazy] = []

TABLE_FILE = "patterns.bin"


class Lazy:
    """A regular expression compiled on first use; ``.get()`` returns it."""

    __slots__ = ("_compiled", "flags", "source")

    def __init__(self, source: str, flags: int = 0) -> None:
        self.source = source
        self.flags = int(flags)
        self._compiled: re.Pattern[str] | None = None
        DECLARED.append(self)

    def get(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = _prebuilt(self.source, self.flags) or re.compile(self.source, self.flags)
        return self._compiled


def _engine() -> Any:
    """CPython's matching engine, which ``re`` compiles patterns for."""
    import _sre  # type: ignore[import-not-found]  # it ships no type stubs

    return _sre


def engine_version() -> list[Any]:
    """What the prebuilt code depends on: the interpreter, and the version and word size of its engine."""
    engine = _engine()
    return [sys.implementation.cache_tag, engine.MAGIC, engine.CODESIZE, engine.MAXREPEAT, engine.MAXGROUPS]


_table: dict[str, Any] | None = None


def _prebuilt(source: str, flags: int) -> re.Pattern[str] | None:
    """The pattern made from its prebuilt code, or None when there is none for this Python."""
    global _table
    if _table is None:
        _table = _load_table()
    entry = _table.get(f"{flags}:{source}")
    if entry is None:
        return None
    from marshal import loads

    all_flags, code, groups, groupindex = entry
    indexgroup: list[str | None] = [None] * (groups + 1)
    for group_name, number in groupindex.items():
        indexgroup[number] = group_name
    try:
        pattern: re.Pattern[str] = _engine().compile(
            source, all_flags, loads(code), groups, groupindex, tuple(indexgroup)
        )
    except (RuntimeError, TypeError, ValueError, OverflowError):  # code the engine does not accept
        return None
    return pattern


def _load_table() -> dict[str, Any]:
    import marshal

    from badgekit.privacy.wordlists import read_data

    try:
        stored = marshal.loads(read_data(TABLE_FILE))
    except (FileNotFoundError, EOFError, ValueError, TypeError):
        return {}
    if not isinstance(stored, dict) or stored.get("engine") != engine_version():
        return {}
    patterns = stored.get("patterns")
    return patterns if isinstance(patterns, dict) else {}


#: Characters that ``re`` matches case-insensitively with an ASCII letter though ``str.lower`` does not
#: turn them into it ("ı" matches "i", "K" the Kelvin sign "k"): a text with one is searched in full.
_ODD_FOLDS = frozenset("İıſ\u212a")


_DIGIT = Lazy(r"\d")


def matches_from(
    pattern: re.Pattern[str],
    text: str,
    lowered: str,
    words: tuple[str, ...] = (),
    digits: bool = False,
    starts: Iterable[int] = (),
) -> Iterator[re.Match[str]]:
    """What ``pattern.finditer(text)`` finds, trying the pattern only where a match can start.

    A pattern without a fixed first character is tried at every position of the text, which
    costs more than the rest of its detector. The caller says where its matches can start: at
    one of ``words`` (found in ``lowered``, the text in lower case), at a digit, or at one of
    ``starts``. Those
    positions are tried in order, each after the end of the last match, which is what
    ``finditer`` does at every position; the result is the same whenever every match does
    start at one of them, and the patterns this is used for need a non-empty match.
    """
    if len(lowered) != len(text) or not _ODD_FOLDS.isdisjoint(text):
        yield from pattern.finditer(text)  # positions in ``lowered`` would not be the text's
        return
    tried: set[int] = set(starts)
    for word in words:
        at = lowered.find(word)
        while at >= 0:
            tried.add(at)
            at = lowered.find(word, at + 1)
    if digits:
        tried.update(digit.start() for digit in _DIGIT.get().finditer(text))
    end = 0
    for start in sorted(tried):
        if start < end:
            continue
        match = pattern.match(text, start)
        if match is not None:
            yield match
            end = match.end()
