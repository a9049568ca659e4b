"""Reading the privacy case set and scoring the detectors on it (shared by the tests and the benchmark).

An expected detail is found when a span of the same kind overlaps it; a span that
overlaps no expected detail is a false alarm. "place" and "address" count as one kind here: a
room or flat number in a named home ("Room 14 at Braeside House") is where a person lives,
and writers label it either way, while badgekit reports it as a place (BK315); what the
learner is told, that it points to where someone lives, is the same. Clean words are the words of the case
texts outside every expected detail.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from badgekit.privacy import Span, screen
from badgekit.statement.wordcount import count_plain_words

CASES_DIR = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Case:
    id: str
    file: str
    text: str
    allow: tuple[str, ...] = ()
    expect: tuple[tuple[str, str, int], ...] = ()  # kind, text, which occurrence (0: every one)


@dataclass(frozen=True)
class Expected:
    kind: str
    text: str
    start: int
    end: int


@dataclass
class Score:
    found: list[Expected] = field(default_factory=list)
    missed: list[Expected] = field(default_factory=list)
    false_alarms: list[Span] = field(default_factory=list)
    clean_words: int = 0

    def add(self, other: Score) -> None:
        self.found += other.found
        self.missed += other.missed
        self.false_alarms += other.false_alarms
        self.clean_words += other.clean_words

    @property
    def recall(self) -> float:
        total = len(self.found) + len(self.missed)
        return len(self.found) / total if total else 1.0

    @property
    def false_alarms_per_1000(self) -> float:
        return 1000 * len(self.false_alarms) / self.clean_words if self.clean_words else 0.0


def load_cases(folder: Path = CASES_DIR) -> list[Case]:
    """Every case of every YAML file in ``folder``."""
    return [case for path in sorted(folder.glob("*.yaml")) for case in load_case_file(path)]


def load_case_file(path: Path) -> list[Case]:
    """The cases of one YAML file (a held-out set is one file)."""
    cases: list[Case] = []
    for item in yaml.safe_load(path.read_text(encoding="utf-8")):
        expect = tuple(
            (str(entry[0]), str(entry[1]), int(entry[2]) if len(entry) > 2 else 0) for entry in item.get("expect", [])
        )
        allow = tuple(str(name) for name in item.get("allow", []))
        cases.append(Case(item["id"], path.name, item["text"], allow, expect))
    return cases


def _occurrences(text: str, needle: str) -> Iterable[tuple[int, int]]:
    start = text.find(needle)
    while start >= 0:
        end = start + len(needle)
        if not text[start - 1 : start].isalnum() and not text[end : end + 1].isalnum():
            yield start, end
        start = text.find(needle, start + 1)


def expected_details(case: Case) -> list[Expected]:
    """Every occurrence of every expected detail, in text order."""
    details = [
        Expected(kind, needle, start, end)
        for kind, needle, which in case.expect
        for number, (start, end) in enumerate(_occurrences(case.text, needle), start=1)
        if which in (0, number)
    ]
    return sorted(details, key=lambda d: d.start)


#: Kinds that count as one when scoring (see the module's docstring).
_WHERE_SOMEONE_LIVES = frozenset({"place", "address"})


def _same_kind(reported: str, expected: str) -> bool:
    return reported == expected or {reported, expected} <= _WHERE_SOMEONE_LIVES


def score_case(case: Case, spans: Sequence[Span] | None = None) -> Score:
    spans = screen(case.text, case.allow) if spans is None else spans
    details = expected_details(case)
    result = Score()
    for detail in details:
        hit = any(_same_kind(s.kind, detail.kind) and s.start < detail.end and detail.start < s.end for s in spans)
        (result.found if hit else result.missed).append(detail)
    result.false_alarms = [s for s in spans if not any(s.start < d.end and d.start < s.end for d in details)]
    clean = list(case.text)
    for detail in details:
        clean[detail.start : detail.end] = " " * (detail.end - detail.start)
    result.clean_words = count_plain_words("".join(clean))
    return result


def score_all(cases: Iterable[Case]) -> Score:
    total = Score()
    for case in cases:
        total.add(score_case(case))
    return total
