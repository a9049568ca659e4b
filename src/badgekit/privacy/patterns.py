"""Regular expressions compiled the first time they are needed, not when their module is imported.

Compiling a long pattern costs far more than running it over a statement once, and most
statements hold no email address, no vehicle registration and no date of birth. A
detector therefore looks for a cheap sign first (an "@", a digit, a word such as "born")
and only then asks for its pattern, so a statement without that sign never pays for it.

Every pattern here must run in time linear in the text: no quantifier over a group that
can itself match the same characters in more than one way (tests/test_privacy_linear.py
runs each detector on long runs of spaces, brackets and letters to hold this).
"""

from __future__ import annotations

import re


class Lazy:
    """A regular expression compiled on first use; ``.get()`` returns it."""

    __slots__ = ("_compiled", "flags", "source")

    def __init__(self, source: str, flags: int = 0) -> None:
        self.source = source
        self.flags = flags
        self._compiled: re.Pattern[str] | None = None

    def get(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile(self.source, self.flags)
        return self._compiled
