"""Badges as data: frozen dataclasses for a badge, its criteria, its levels and its word rule.

badges/parse.py builds these from a badge file (the format is in docs/criteria-format.md and
badges/schema.py); everything else in badgekit reads them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal

PrerequisiteLevel = Literal["required", "recommended"]
CriteriaKind = Literal["criteria", "questions"]
BadgeKind = Literal["badge", "framework"]


@dataclass(frozen=True)
class Criterion:
    """One thing the learner must show (or, for some badges, one question to answer)."""

    id: str
    number: int  # 1-based position in its badge or level
    text: str  # exactly as the source gives it
    prompts: tuple[str, ...] = ()
    signals: tuple[str, ...] = ()  # words and phrases that show the criterion is addressed
    min_words: int | None = None
    verified: bool = True  # False where the wording was completed from a second source
    note: str | None = None
    discussion: str | None = None  # the question asked for notes, where the criterion asks for a discussion


@dataclass(frozen=True)
class Level:
    """One level of a framework (for example "Direct Practice"), with its own statements."""

    id: str
    title: str
    criteria: tuple[Criterion, ...]


@dataclass(frozen=True)
class WordRule:
    """How much to write. Suggested bounds warn; hard bounds are errors."""

    suggested_min: int | None = None
    suggested_max: int | None = None
    minimum: int | None = None
    maximum: int | None = None
    verified: bool = True
    note: str | None = None

    def describe(self) -> str:
        """The rule in words, as a learner reads it: "500–1000 words suggested"."""
        parts: list[str] = []
        if self.minimum is not None and self.maximum is not None:
            parts.append(f"{self.minimum}–{self.maximum} words required")
        elif self.minimum is not None:
            parts.append(f"at least {self.minimum} words")
        elif self.maximum is not None:
            parts.append(f"no more than {self.maximum} words")
        if self.suggested_min is not None and self.suggested_max is not None:
            parts.append(f"{self.suggested_min}–{self.suggested_max} words suggested")
        elif self.suggested_min is not None:
            parts.append(f"{self.suggested_min} words or more suggested")
        elif self.suggested_max is not None:
            parts.append(f"up to {self.suggested_max} words suggested")
        if not parts:
            return "no word limit"
        text = "; ".join(parts)
        return text if self.verified else f"{text} (unverified)"


@dataclass(frozen=True)
class Prerequisite:
    """A badge to hold (required) or to earn first (recommended)."""

    level: PrerequisiteLevel
    badge: str | None = None  # id of a badge in the catalogue
    name: str | None = None  # title of a badge badgekit does not bundle
    text: str | None = None  # the source's own sentence, when it has one


@dataclass(frozen=True)
class Step:
    """Something to do before writing (watch a video, read a factsheet)."""

    text: str
    url: str | None = None


@dataclass(frozen=True)
class Source:
    """Where the badge's wording came from, and whether it was checked word for word."""

    url: str
    verified: bool
    note: str | None = None


@dataclass(frozen=True)
class Badge:
    """A badge (or a framework used like one) as badgekit knows it."""

    id: str
    title: str
    description: str
    source: Source
    path: str  # the file it was loaded from
    kind: BadgeKind = "badge"
    series: str | None = None
    number: int | None = None
    issuer: str | None = None
    aliases: tuple[str, ...] = ()
    guidance: str | None = None
    steps: tuple[Step, ...] = ()
    criteria_intro: str | None = None
    criteria_kind: CriteriaKind = "criteria"
    criteria: tuple[Criterion, ...] = ()
    levels: tuple[Level, ...] = ()
    words: WordRule = WordRule()
    prerequisites: tuple[Prerequisite, ...] = ()
    evidence_formats: tuple[str, ...] = ()
    declaration: str | None = None
    resource_people: tuple[str, ...] = ()

    @property
    def series_label(self) -> str:
        if self.series and self.number is not None:
            return f"{self.series} #{self.number}"
        return self.series or ""

    @property
    def criterion_word(self) -> str:
        """What one criterion is called when speaking to the learner."""
        return "Question" if self.criteria_kind == "questions" else "Criterion"

    def level(self, level_id: str) -> Level | None:
        return next((lv for lv in self.levels if lv.id == level_id), None)

    def criteria_for(self, level_id: str | None = None) -> tuple[Criterion, ...]:
        """The criteria a learner answers: the badge's own, or one level's of a framework."""
        if not self.levels:
            return self.criteria
        chosen = self.level(level_id) if level_id else None
        if chosen is None:
            raise ValueError(f"choose one of the levels of {self.id}: {self.level_ids()}")
        return chosen.criteria

    def level_ids(self) -> list[str]:
        return [lv.id for lv in self.levels]

    def all_criteria(self) -> Iterable[Criterion]:
        yield from self.criteria
        for level in self.levels:
            yield from level.criteria

    def unverified(self) -> list[str]:
        """What in this badge was not checked word for word against its source."""
        notes = [] if self.source.verified else ["the badge's wording as a whole"]
        notes += [
            f"criterion {c.number} ({c.note})" if c.note else f"criterion {c.number}"
            for c in self.all_criteria()
            if not c.verified
        ]
        if not self.words.verified:
            notes.append("the word guidance")
        return notes

    def to_dict(self) -> dict[str, Any]:
        """The badge as plain JSON-ready data (for ``--format json`` and the badge cache)."""
        from dataclasses import asdict

        data = asdict(self)
        data["word_rule"] = self.words.describe()
        data["unverified"] = self.unverified()
        return data
