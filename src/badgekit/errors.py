"""The errors badgekit reports to people, and the exit codes that go with them.

The core raises these and never prints; the CLI catches them in one place and turns
each into an ``error: ...`` line on stderr and a documented exit code.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import IntEnum

from badgekit.invocation import program
from badgekit.text import counted


class ExitCode(IntEnum):
    """Exit codes, documented in the README and in ``badgekit --help``."""

    OK = 0
    FINDINGS = 1  # findings at or above the failing severity
    USAGE = 2  # Typer's own code for bad options
    INVALID_INPUT = 3  # an unknown badge id, or a badge file, template or statement that cannot be used
    INTERRUPTED = 130  # Ctrl-C, after saving what was typed


class BadgekitError(Exception):
    """An error a person can act on: a message, optionally the file it concerns and a hint."""

    exit_code: ExitCode = ExitCode.INVALID_INPUT

    def __init__(self, message: str, *, path: str | None = None, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.hint = hint

    def error_lines(self) -> list[str]:
        """What went wrong, one line per problem (printed after ``error:``; the hint follows)."""
        return [f"{self.path}: {self.message}" if self.path else self.message]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a data file: where it is and what is wrong."""

    path: str  # the file, as the user named it
    line: int | None  # 1-based, None when the file as a whole is at fault
    field: str  # dotted path such as ``criteria[2].text``; empty for the whole file
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


class InvalidDataError(BadgekitError):
    """One or more problems in a badge file or another YAML file the user gave."""

    def __init__(self, problems: Sequence[Problem], *, hint: str | None = None) -> None:
        self.problems = tuple(problems)
        count = len(self.problems)
        summary = counted(count, "problem")
        super().__init__(summary, hint=hint)

    def error_lines(self) -> list[str]:
        return [str(p) for p in self.problems]


class UnknownBadgeError(BadgekitError):
    """A badge id or alias that names no badge in the catalogue."""

    def __init__(self, badge_id: str, suggestions: Sequence[str]) -> None:
        hint = (
            "Did you mean " + " or ".join(f"'{s}'" for s in suggestions) + "?"
            if suggestions
            else f"Run '{program()} list' to see every badge."
        )
        super().__init__(f"there is no badge called '{badge_id}'", hint=hint)
        self.badge_id = badge_id
        self.suggestions = tuple(suggestions)


class AmbiguousBadgeError(UnknownBadgeError):
    """A title or number that fits more than one badge: each is offered with its series and number."""

    #: More than this many are not offered one by one: ``badgekit list`` shows them better.
    OFFERED = 4

    def __init__(self, name: str, matches: Sequence[tuple[str, str]]) -> None:
        super().__init__(name, [badge_id for badge_id, _ in matches])
        self.message = f"'{name}' fits {counted(len(matches), 'badge')}"
        if len(matches) > self.OFFERED:
            self.hint = f"Find the one you mean with: {program()} list {name}"
        else:
            self.hint = "Did you mean " + " or ".join(f"'{badge_id}' ({label})" for badge_id, label in matches) + "?"
