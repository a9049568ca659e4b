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
    examples: tuple[str, ...] = ()  # evidence in everyday words, as a learner might write it
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


WordBand = Literal[
    "below-minimum", "above-maximum", "below-suggested", "above-suggested", "far-above", "within", "no-limit"
]
#: A statement longer than this many times the badge's guidance (its upper bound, else its lower one) is far
#: above it: a paste of the wrong document, or of everything, rather than evidence chosen for the criteria.
FAR_ABOVE_TIMES = 3


@dataclass(frozen=True)
class WordJudgement:
    """A word count against a badge's word rule: where it falls, and the bound it falls outside."""

    count: int
    band: WordBand
    bound: int | None = None  # the bound crossed, when outside one

    @property
    def by(self) -> int:
        """How many words outside the bound (0 inside every bound)."""
        return abs(self.count - self.bound) if self.bound is not None else 0

    @property
    def within(self) -> bool:
        """Inside every bound the badge gives, suggested ones included: "within the word guidance"."""
        return self.band in ("within", "no-limit")

    @property
    def returned(self) -> bool:
        """Outside a hard bound: an assessor would return the statement for its length."""
        return self.band in ("below-minimum", "above-maximum")

    @property
    def verdict(self) -> str:
        """The judgement in a few words, the same wherever it is shown."""
        by, bound = f"{self.by:,}", f"{self.bound or 0:,}"
        return {
            "below-minimum": f"{by} short of the minimum of {bound}",
            "above-maximum": f"{by} over the maximum of {bound}",
            "below-suggested": f"{by} below the suggested {bound}",
            "above-suggested": f"{by} over the suggested {bound}",
            "far-above": f"more than {FAR_ABOVE_TIMES} times the {bound} the badge asks for",
            "within": "within the word guidance",
            "no-limit": "no word limit",
        }[self.band]


@dataclass(frozen=True)
class WordRule:
    """How much to write. Suggested bounds warn; hard bounds are errors.

    ``judge`` places a count against the rule and ``describe`` says the rule in words: every
    command that shows or checks a statement's length goes through these two.
    """

    suggested_min: int | None = None
    suggested_max: int | None = None
    minimum: int | None = None
    maximum: int | None = None
    verified: bool = True
    note: str | None = None

    @property
    def low(self) -> int | None:
        """The lower bound a bar is drawn against: the minimum, else the suggested minimum."""
        return self.minimum if self.minimum is not None else self.suggested_min

    @property
    def high(self) -> int | None:
        return self.maximum if self.maximum is not None else self.suggested_max

    def judge(self, count: int) -> WordJudgement:
        """Where ``count`` falls: hard bounds first, then the suggested ones."""
        if self.minimum is not None and count < self.minimum:
            return WordJudgement(count, "below-minimum", self.minimum)
        if self.maximum is not None and count > self.maximum:
            return WordJudgement(count, "above-maximum", self.maximum)
        if self.suggested_min is not None and count < self.suggested_min:
            return WordJudgement(count, "below-suggested", self.suggested_min)
        guide = self.high if self.high is not None else self.low
        if guide is not None and count > FAR_ABOVE_TIMES * guide:
            return WordJudgement(count, "far-above", guide)
        if self.suggested_max is not None and count > self.suggested_max:
            return WordJudgement(count, "above-suggested", self.suggested_max)
        limited = any(b is not None for b in (self.minimum, self.maximum, self.suggested_min, self.suggested_max))
        return WordJudgement(count, "within" if limited else "no-limit")

    def describe(self, style: Literal["rule", "clause"] = "rule") -> str:
        """The rule in words: as a learner reads it ("500–1000 words suggested"), or as a clause
        about the badge ("the badge suggests 500–1000 words")."""
        if style == "clause":
            return self._clause()
        parts = [
            _bounds(self.minimum, self.maximum, "{}–{} words required", "at least {} words", "no more than {} words"),
            _bounds(
                self.suggested_min,
                self.suggested_max,
                "{}–{} words suggested",
                "{} words or more suggested",
                "up to {} words suggested",
            ),
        ]
        text = "; ".join(part for part in parts if part)
        if not text:
            return "no word limit"
        return text if self.verified else f"{text} (unverified)"

    def _clause(self) -> str:
        from badgekit.text import and_list

        parts = [
            _bounds(
                self.minimum,
                self.maximum,
                "requires {}–{} words",
                "requires at least {} words",
                "allows no more than {} words",
            ),
            _bounds(
                self.suggested_min,
                self.suggested_max,
                "suggests {}–{} words",
                "suggests {} words or more",
                "suggests up to {} words",
            ),
        ]
        given = [part for part in parts if part]
        if not given:
            return "the badge sets no word limit"
        return f"the badge {and_list(given)}" + ("" if self.verified else " (unverified)")


def _bounds(low: int | None, high: int | None, both: str, low_only: str, high_only: str) -> str | None:
    """The wording for the bounds there are; None for neither."""
    if low is not None and high is not None:
        return both.format(low, high)
    if low is not None:
        return low_only.format(low)
    return high_only.format(high) if high is not None else None


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
    read: str | None = None  # the day the page was read, as 2026-11-29


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
    accepting_applications: bool = True  # False once the issuer says it takes no new applications
    endorsement: str | None = None  # the page's sentence making an endorsement mandatory
    no_ai: str | None = None  # the page's sentence forbidding generative AI for this badge

    @property
    def series_label(self) -> str:
        if self.series and self.number is not None:
            return f"{self.series} #{self.number}"
        return self.series or ""

    @property
    def criterion_word(self) -> str:
        """What one criterion is called, capitalised: "Criterion", "Question", or a framework's "Expectation"."""
        return self.criterion_noun.capitalize()

    @property
    def criterion_noun(self) -> str:
        """What one criterion is called everywhere badgekit speaks of it: a framework's are expectations
        to reflect on, and some badges ask questions."""
        if self.kind == "framework":
            return "expectation"
        return "question" if self.criteria_kind == "questions" else "criterion"

    @property
    def criteria_noun(self) -> str:
        """The plural of ``criterion_noun``: "criteria", "questions", "expectations"."""
        return "criteria" if self.criterion_noun == "criterion" else self.criterion_noun + "s"

    def criteria_counted(self, count: int) -> str:
        """ "1 criterion", "3 criteria", "2 expectations"."""
        from badgekit.text import counted

        return counted(count, self.criterion_noun, self.criteria_noun)

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

    def before_you_start(self) -> list[str]:
        """What a learner must know before writing a word: the badge has closed, forbids AI, or needs
        an endorsement. ``show`` puts these at the top and ``draft`` says them before the first question."""
        from badgekit.badges.ai_rule import ban_line

        lines = []
        if not self.accepting_applications:
            lines.append("This badge is no longer taking new applications: you can read it, but not apply for it.")
        ban = ban_line(self)
        if ban:
            lines.append(ban)
        if self.endorsement:
            lines.append(f"An endorsement is mandatory: “{self.endorsement.strip()}”")
        return lines

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Badge:
        """Rebuild a badge from ``to_dict`` output of an already validated badge (the badge cache's)."""

        def criteria(items: list[dict[str, Any]]) -> tuple[Criterion, ...]:
            return tuple(
                Criterion(**{**c, **{key: tuple(c.get(key, ())) for key in ("prompts", "signals", "examples")}})
                for c in items
            )

        return cls(
            **{
                **{k: v for k, v in data.items() if k not in _DERIVED},
                "source": Source(**data["source"]),
                "aliases": tuple(data["aliases"]),
                "steps": tuple(Step(**s) for s in data["steps"]),
                "criteria": criteria(data["criteria"]),
                "levels": tuple(
                    Level(id=lv["id"], title=lv["title"], criteria=criteria(lv["criteria"])) for lv in data["levels"]
                ),
                "words": WordRule(**data["words"]),
                "prerequisites": tuple(Prerequisite(**p) for p in data["prerequisites"]),
                "evidence_formats": tuple(data["evidence_formats"]),
                "resource_people": tuple(data["resource_people"]),
            }
        )

    def to_dict(self) -> dict[str, Any]:
        """The badge as plain JSON-ready data (for ``--format json`` and the badge cache)."""
        from dataclasses import asdict

        data = asdict(self)
        data["word_rule"] = self.words.describe()
        data["unverified"] = self.unverified()
        return data


#: Keys ``Badge.to_dict`` adds for readers, which ``from_dict`` leaves out.
_DERIVED = ("word_rule", "unverified")
