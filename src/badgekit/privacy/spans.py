"""What a privacy detector returns: a span of the text, the kind of detail, and what to put instead.

Every kind has a plain description for the learner, a default severity and a neutral
replacement. A span never quotes the text it covers: a report that repeats a phone
number or a name publishes it again.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

Kind = Literal[
    "name",
    "email",
    "phone",
    "postcode",
    "postcode-district",
    "address",
    "date-of-birth",
    "age",
    "chi",
    "nhs",
    "ni",
    "reference",
    "handle",
    "vehicle",
    "place",
    "initial",
]
Severity = Literal["error", "warning", "note"]


@dataclass(frozen=True)
class KindInfo:
    description: str  # "a person's name": fits "This looks like ..."
    severity: Severity
    suggestion: str  # the neutral replacement a redacted copy holds


KINDS: dict[Kind, KindInfo] = {
    "name": KindInfo("a person's name", "error", "Person A"),
    "email": KindInfo("an email address", "error", "[email address removed]"),
    "phone": KindInfo("a phone number", "error", "[phone number removed]"),
    "postcode": KindInfo("a postcode", "error", "[postcode removed]"),
    "postcode-district": KindInfo("a postcode district", "note", "[area removed]"),
    "address": KindInfo("a street address", "error", "[address removed]"),
    "date-of-birth": KindInfo("a date of birth", "error", "[date of birth removed]"),
    "age": KindInfo("a named person's age", "warning", "[age removed]"),
    "chi": KindInfo("a CHI number", "error", "[CHI number removed]"),
    "nhs": KindInfo("an NHS number", "error", "[NHS number removed]"),
    "ni": KindInfo("a National Insurance number", "error", "[National Insurance number removed]"),
    "reference": KindInfo("a record or reference number", "warning", "[reference number removed]"),
    "handle": KindInfo("a social media handle", "error", "[social media handle removed]"),
    "vehicle": KindInfo("a vehicle registration", "error", "[vehicle registration removed]"),
    "place": KindInfo("a place that, with what is said beside it, points to one person", "warning", "[place removed]"),
    "initial": KindInfo("a title with an initial", "note", "Person A"),
}

#: When two spans overlap, the kind earlier here wins (a CHI number is not also a phone number).
PRIORITY: tuple[Kind, ...] = (
    "email",
    "chi",
    "nhs",
    "ni",
    "handle",
    "vehicle",
    "phone",
    "postcode",
    "place",
    "address",
    "date-of-birth",
    "reference",
    "name",
    "initial",
    "age",
    "postcode-district",
)
_RANK = {kind: index for index, kind in enumerate(PRIORITY)}


@dataclass(frozen=True)
class Span:
    """An identifying detail at ``text[start:end]``."""

    start: int
    end: int
    kind: Kind
    severity: Severity
    suggestion: str

    @property
    def description(self) -> str:
        return KINDS[self.kind].description


def span(start: int, end: int, kind: Kind, suggestion: str | None = None, severity: Severity | None = None) -> Span:
    """A span of one kind, with that kind's severity and replacement unless others are given."""
    info = KINDS[kind]
    return Span(start, end, kind, severity or info.severity, suggestion or info.suggestion)


def resolve_overlaps(spans: Iterable[Span]) -> list[Span]:
    """Spans in text order with no two overlapping: the higher-priority kind, then the longer, wins.

    The spans kept so far never overlap, so they are kept in text order and a candidate is
    compared with its two neighbours only: thousands of spans (a pasted table of numbers)
    take time in proportion, not its square.
    """
    ordered = sorted(spans, key=lambda s: (_RANK[s.kind], -(s.end - s.start), s.start))
    kept: list[Span] = []
    starts: list[int] = []
    for candidate in ordered:
        if candidate.end <= candidate.start:
            continue
        at = bisect_left(starts, candidate.start)
        if at > 0 and kept[at - 1].end > candidate.start:
            continue
        if at < len(kept) and kept[at].start < candidate.end:
            continue
        kept.insert(at, candidate)
        starts.insert(at, candidate.start)
    return kept
