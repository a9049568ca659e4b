"""Regular expressions compiled the first time they are needed, from code compiled in advance.

Compiling a pattern is mostly Python work (the ``re`` module parses it and turns it into
the matching engine's code in pure Python), and for the privacy patterns it costs far more
than running them over a statement: about 12 ms for all of them, 5 ms for a typical
statement, in every ``badgekit check`` process. So:

- a detector looks for a cheap sign first (an "@", a digit, a word such as "born") and
  only then asks for its pattern, so a statement without that sign never needs it;
- the engine's code for every pattern declared here is built in advance, with the rest of
  badgekit's, into the one table of code compiled in advance (badgekit/prebuilt.py, built by
  tools/build_prebuilt.py), and handed to the engine as it is, which takes microseconds; under
  any other Python, or if the engine refuses the code, the pattern is compiled as usual. Either
  way the pattern is the same, and tests/test_privacy_patterns.py holds every pattern to
  ``re.compile``'s.

Every pattern here must run in time linear in the text: no quantifier over a group that
can itself match the same characters in more than one way (tests/test_privacy_linear.py
runs each detector on long runs of spaces, brackets and letters to hold this).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from badgekit import prebuilt

#: Every pattern declared, in the order declared: what tools/build_prebuilt.py compiles.
DECLARED: list[Lazy] = []


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
            made = prebuilt.prebuilt_pattern(self.source, self.flags)
            self._compiled = made or re.compile(self.source, self.flags)
        return self._compiled


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
