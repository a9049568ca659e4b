"""Which statement in a folder the learner means when they name none (``badgekit export`` with no file).

``badgekit draft`` writes ``ID-statement.md`` in the folder it is run in, or
``ID-statement-2.md`` (3, 4...) when that name is taken. With no file named, badgekit
takes the statement of the badge the learner drafted most recently, among those with
a statement here; then the only statement here, if there is exactly one. Anything
else is a guess (a newer file may be a copy, a colleague's, or something planted),
so badgekit asks the learner to name the file and lists the ones it found.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from badgekit.badges.schema import BADGE_ID
from badgekit.errors import BadgekitError, ExitCode
from badgekit.invocation import program

STATEMENT_PATTERN = "*-statement.md"
#: ``ID-statement.md`` or ``ID-statement-2.md``; not ``.redacted.md``, ``.blog.md`` or other outputs.
_STATEMENT_NAME = re.compile(rf"^(?P<badge>{BADGE_ID})-statement(?:-\d+)?\.md$")
_LISTED = 10  # candidates named in the message; more would scroll the advice away


class StatementNotChosen(BadgekitError):
    """Several statements here and no draft to tell them apart: the learner must name one."""

    exit_code = ExitCode.USAGE


@dataclass(frozen=True)
class StatementChoice:
    """The statement chosen, and why, to tell the learner which file was used."""

    path: Path
    reason: str | None = None

    def announcement(self) -> str:
        why = f" ({self.reason})" if self.reason else ""
        return f"Exporting {self.path.name}{why}."


def statements_in(folder: Path) -> list[Path]:
    """The statements ``badgekit draft`` could have written in a folder, by name."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if _STATEMENT_NAME.match(p.name) and p.is_file())


def drafted_badges(drafts_folder: Path) -> list[str]:
    """Badge ids of the learner's drafts, the most recently changed first; damaged drafts are left out."""
    from badgekit.drafting.store import DraftStore

    changed: dict[str, float] = {}
    for entry in DraftStore(drafts_folder).entries():
        if entry.draft is not None:
            changed[entry.badge_id] = _moment(entry.draft.changed, entry.path)
    return sorted(changed, key=lambda badge_id: (-changed[badge_id], badge_id))


def _moment(stamp: str, path: Path) -> float:
    try:
        return datetime.fromisoformat(stamp).timestamp()
    except ValueError:  # edited by hand: the file's own time is the next best thing
        return path.stat().st_mtime


def choose_statement(folder: Path, drafts_folder: Path) -> StatementChoice:
    """The statement to use when none is named: the latest draft's, else the only one here."""
    found = statements_in(folder)
    if not found:
        raise BadgekitError(
            f"no statement was named, and this folder has no '{STATEMENT_PATTERN}' file",
            hint=f"Name the statement to export, for example: {program()} export my-statement.md --html",
        )
    for index, badge_id in enumerate(drafted_badges(drafts_folder)):
        own = [p for p in found if _badge_of(p) == badge_id]
        if own:
            # draft writes ID-statement-2.md when ID-statement.md exists: the last written is the newest
            newest = max(own, key=lambda path: (path.stat().st_mtime_ns, path.name))
            which = "your most recent draft" if index == 0 else "the most recent of your drafts with a statement here"
            return StatementChoice(newest, f"the statement of {which}, '{badge_id}'")
    if len(found) == 1:
        return StatementChoice(found[0])
    names = [p.name for p in found]
    listed = ", ".join(names[:_LISTED]) + (f" and {len(names) - _LISTED} more" if len(names) > _LISTED else "")
    raise StatementNotChosen(
        f"no statement was named, and there are {len(found)} statements here: badgekit cannot tell which one you mean",
        hint=f"Name the one to export, for example: {program()} export {names[0]} --html. Statements here: {listed}.",
    )


def _badge_of(path: Path) -> str | None:
    match = _STATEMENT_NAME.match(path.name)
    return match.group("badge") if match else None
