"""What a check is made of: findings, rules, their examples, and the context a rule reads.

A rule is a frozen record holding a plain function; a finding is a frozen record with
a position. No class hierarchy: a family module declares its rules with ``@rule(...)``
(see registry.py) and the registry runs them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from badgekit.badges.model import Badge, Criterion
    from badgekit.statement.parse import Statement

Severity = Literal["error", "warning", "note"]
Category = Literal["words", "coverage", "privacy", "reflection", "readability", "format"]

SEVERITIES: tuple[Severity, ...] = ("error", "warning", "note")  # most serious first
CATEGORIES: tuple[Category, ...] = ("words", "coverage", "privacy", "reflection", "readability", "format")
#: The hundreds digit of a code names its family: BK1xx words ... BK6xx format.
FAMILY_DIGITS: dict[Category, str] = {category: str(index) for index, category in enumerate(CATEGORIES, start=1)}


def severity_rank(severity: Severity) -> int:
    """2 for an error, 1 for a warning, 0 for a note: higher is more serious."""
    return len(SEVERITIES) - 1 - SEVERITIES.index(severity)


@dataclass(frozen=True)
class Finding:
    """One thing an assessor would return the statement for, and where it is.

    Lines and columns are 1-based and counted in characters of the file as given
    (front matter included); ``end_column`` is exclusive.
    """

    code: str
    category: Category
    severity: Severity
    message: str  # one plain sentence: what is wrong and what to do
    line: int
    column: int
    end_line: int
    end_column: int
    suggestion: str | None = None  # replacement text, used by ``check --redact`` for privacy findings
    start: int = field(default=0, compare=False)  # offsets into the file, for redaction
    end: int = field(default=0, compare=False)

    def sort_key(self) -> tuple[int, int, int, str]:
        return self.line, self.column, -severity_rank(self.severity), self.code

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "code": self.code,
            "category": self.category,
            "severity": self.severity,
            "message": self.message,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
        }
        if self.suggestion is not None:
            data["suggestion"] = self.suggestion
        return data


@dataclass(frozen=True)
class Example:
    """A statement a rule is tried on: one that must trigger it, or one that must not.

    ``badge`` is the id of a bundled badge to check against (the text's front matter
    may name one instead); ``allowed_names`` are given as ``--allow-name`` would give them.
    """

    text: str
    badge: str | None = None
    allowed_names: tuple[str, ...] = ()


CheckFunction = Callable[["CheckContext"], Iterator[Finding]]


@dataclass(frozen=True)
class Rule:
    """A small declared check: a code, a kebab-case name, a family, a severity and a function.

    ``triggers`` must each produce at least one finding with this code; ``clean`` must
    produce none. Together over every rule they are the one examples table, run by
    tests/test_check_rules.py.
    """

    code: str
    name: str
    category: Category
    severity: Severity
    summary: str
    check: CheckFunction = field(repr=False, compare=False)
    triggers: tuple[Example, ...] = ()
    clean: tuple[Example, ...] = ()


@dataclass
class CheckContext:
    """What a rule reads: the statement, the badge (or None) and the options given.

    ``criteria`` are the ones the learner answers (one level's, for a framework).
    ``shared`` holds results several rules use (coverage is worked out once); a
    family keeps its entries under its own key. ``rule`` is the rule being run, set
    by the registry, so that ``report`` can fill in the code, family and severity.
    """

    statement: Statement
    badge: Badge | None = None
    criteria: tuple[Criterion, ...] = ()
    level: str | None = None
    allowed_names: tuple[str, ...] = ()  # --allow-name, and the badge's resource_people
    to_earn: tuple[str, ...] = ()  # what to earn first that the learner's profile does not hold, in words
    level_given: bool = True  # False when a framework's level was guessed from the headings
    #: another badge whose criteria most of the statement's headings quote (found by the runner), or None
    headings_quote: Badge | None = None
    shared: dict[str, Any] = field(default_factory=dict)
    rule: Rule | None = None
    #: how a message names a line: "line 12", or in a Word document, which has no lines, "paragraph 4"
    line_name: Callable[[int], str] = field(default=lambda line: f"line {line}")

    def report(
        self,
        start: int,
        end: int,
        message: str,
        *,
        suggestion: str | None = None,
        severity: Severity | None = None,
    ) -> Finding:
        """A finding of the running rule over the file offsets ``start``..``end``."""
        if self.rule is None:
            raise RuntimeError("report() is only for a rule the registry is running")
        length = len(self.statement.text)
        start = max(0, min(start, length))
        end = max(start, min(end, length))
        line, column = self.statement.position(start)
        end_line, end_column = self.statement.position(end)
        return Finding(
            code=self.rule.code,
            category=self.rule.category,
            severity=severity or self.rule.severity,
            message=message,
            line=line,
            column=column,
            end_line=end_line,
            end_column=end_column,
            suggestion=suggestion,
            start=start,
            end=end,
        )

    def report_line(self, offset: int, message: str, *, severity: Severity | None = None) -> Finding:
        """A finding spanning the whole line that holds ``offset`` (for statement-wide findings)."""
        start, end = self.statement.line_span(offset)
        return self.report(start, end, message, severity=severity)

    def report_statement(self, message: str, *, severity: Severity | None = None) -> Finding:
        """A finding about the statement as a whole, placed on its first line of text."""
        return self.report_line(self.statement.first_content_offset(), message, severity=severity)
