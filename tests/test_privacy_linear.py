"""Every privacy pattern, and the whole screen, take time linear in the text on adversarial input.

A statement is whatever a learner pastes, so a pattern that backtracks (a quantifier over a
group that can match the same characters in more than one way) could hang ``check`` on a
long run of spaces, brackets or letters. Rather than time a run against the clock, each
test compares the work on 100 KB with the work on 10 KB: linear work grows ten times,
quadratic a hundred. CPU time is the measure of work, the least of three runs each.
"""

from __future__ import annotations

import importlib
import re
import time
from collections.abc import Callable

import pytest

from badgekit.privacy import screen
from badgekit.privacy.patterns import Lazy

MODULES = ("contact", "dates", "names", "numbers", "places", "tokens")
#: What is repeated to fill 10 KB and 100 KB.
FILLERS = {
    "spaces": " ",
    "newlines": "\n",
    "open-brackets": "(",
    "square-brackets": "[",
    "brackets": "() ",
    "one-long-word": "a",
    "capitals": "A",
    "digits": "1",
    "spaced-digits": "1 ",
    "dots": "a.",
    "title-case-words": "Aa ",
    "hyphens": "-",
}
#: Cues put before the filler, so that patterns which start at a word such as "born" get going.
CUES = (
    "DOB",
    "born on",
    "date of birth",
    "Mrs",
    "@",
    "0",
    "+44",
    "Flat 1",
    "12",
    "room 1 at",
    "P5 at",
    "the village of",
)
#: Every filler alone, and every cue before the fillers that most often make a pattern backtrack.
CASES = [("", label) for label in FILLERS] + [
    (cue, label) for cue in CUES for label in ("spaces", "newlines", "one-long-word", "spaced-digits", "capitals")
]
#: Linear work grows tenfold from 10 KB to 100 KB; allow for noise, far below quadratic's hundredfold.
MOST_GROWTH = 30.0


def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    found: list[tuple[str, re.Pattern[str]]] = []
    for name in MODULES:
        module = importlib.import_module(f"badgekit.privacy.{name}")
        for attribute, value in vars(module).items():
            if isinstance(value, Lazy):
                found.append((f"{name}.{attribute}", value.get()))
            elif isinstance(value, re.Pattern):
                found.append((f"{name}.{attribute}", value))
    return found


PATTERNS = _patterns()


def _work(run: Callable[[str], object], text: str, runs: int) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.process_time()
        run(text)
        best = min(best, time.process_time() - start)
    return max(best, 2e-4)  # below a fifth of a millisecond, the clock says little: call it that


def _growth(run: Callable[[str], object], cue: str, filler: str) -> float:
    """How many times more work 100 KB takes than 10 KB; measured again, best of three, if it looks high."""
    small = cue + filler * (10_000 // len(filler))
    large = cue + filler * (100_000 // len(filler))
    growth = _work(run, large, 1) / _work(run, small, 1)
    if growth > MOST_GROWTH:
        growth = _work(run, large, 3) / _work(run, small, 3)
    return growth


def test_the_patterns_are_found() -> None:
    assert len(PATTERNS) >= 30


@pytest.mark.parametrize(("name", "pattern"), PATTERNS, ids=[name for name, _ in PATTERNS])
def test_each_pattern_is_linear(name: str, pattern: re.Pattern[str]) -> None:
    def run(text: str) -> object:
        return sum(1 for _ in pattern.finditer(text))

    slow = []
    for cue, label in CASES:
        growth = _growth(run, cue, FILLERS[label])
        if growth > MOST_GROWTH:
            slow.append(f"{cue!r} + {label}: {growth:.0f}x")
    assert not slow, f"{name} does more than linear work on: {', '.join(slow)}"


@pytest.mark.parametrize("label", FILLERS)
def test_the_whole_screen_is_linear(label: str) -> None:
    filler = FILLERS[label]
    growth = _growth(screen, "Mrs Smith was born on ", filler)
    assert growth <= MOST_GROWTH, f"screening grew {growth:.0f}x from 10 KB to 100 KB of {label}"
