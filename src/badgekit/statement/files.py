"""Which statement in a folder the learner means when they name none (``check``, ``export``, ``review``).

``badgekit draft`` writes ``ID-statement.md`` in the folder it is run in, or
``ID-statement-2.md`` (3, 4...) when that name is taken. With no file named, badgekit
takes the statement of the badge the learner drafted most recently, among those with
a statement here; then the only statement here, if there is exactly one. Anything
else is a guess (a newer file may be a copy, a colleague's, or something planted),
so badgekit asks the learner to name the file and lists the ones it found.

Beside a statement may lie what ``export`` made of it earlier (``.txt``, ``.html``, ``.docx``):
``older_exports`` names those older than the statement, which would paste an out-of-date copy.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from badgekit import prebuilt
from badgekit.badges.schema import BADGE_ID
from badgekit.errors import BadgekitError, ExitCode
from badgekit.invocation import program
from badgekit.text import counted

STATEMENT_PATTERN = "*-statement.md"
#: ``ID-statement.md`` or ``ID-statement-2.md``; not ``.redacted.md``, ``.blog.md`` or other outputs.
_STATEMENT_NAME = prebuilt.compile(rf"^(?P<badge>{BADGE_ID})-statement(?:-\d+)?\.md$")
_LISTED = 10  # candidates named in the message; more would scroll the advice away
#: What each command adds to its example when badgekit asks the learner to name a statement.
_EXAMPLE_OPTIONS = {"export": " --html", "check": "", "review": ""}
#: Exports a learner pastes or shares, whose age against the statement matters, with export's option.
EXPORT_SUFFIXES = {".txt": "--text", ".html": "--html", ".docx": "--docx"}


class StatementNotChosen(BadgekitError):
    """Several statements here and no draft to tell them apart: the learner must name one."""

    exit_code = ExitCode.USAGE


@dataclass(frozen=True)
class StatementChoice:
    """The statement chosen, and why, to tell the learner which file was used."""

    path: Path
    reason: str | None = None

    def announcement(self, doing: str = "Exporting") -> str:
        why = f" ({self.reason})" if self.reason else ""
        return f"{doing} {self.path.name}{why}."


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


def choose_statement(folder: Path, drafts_folder: Path, command: str = "export") -> StatementChoice:
    """The statement to use when none is named: the latest draft's, else the newest of one badge's here."""
    found = statements_in(folder)
    example = f"{program()} {command} my-statement.md{_EXAMPLE_OPTIONS.get(command, '')}"
    if not found:
        raise BadgekitError(
            f"no statement was named, and this folder has no '{STATEMENT_PATTERN}' file",
            hint=f"Name the statement, for example: {example}",
        )
    for index, badge_id in enumerate(drafted_badges(drafts_folder)):
        own = [p for p in found if _badge_of(p) == badge_id]
        if own:
            which = "your most recent draft" if index == 0 else "the most recent of your drafts with a statement here"
            return StatementChoice(newest(own), f"the statement of {which}, '{badge_id}'{_of_versions(own)}")
    if len({_badge_of(p) for p in found}) == 1:  # one badge's statement, perhaps in several versions
        return StatementChoice(newest(found), _of_versions(found).removeprefix("; ") or None)
    names = [p.name for p in found]
    listed = ", ".join(names[:_LISTED]) + (f" and {len(names) - _LISTED} more" if len(names) > _LISTED else "")
    raise StatementNotChosen(
        f"no statement was named, and there are {len(found)} statements here: badgekit cannot tell which one you mean",
        hint=f"Name the one you mean, for example: {example.replace('my-statement.md', names[0])}. "
        f"Statements here: {listed}.",
    )


def newest(versions: list[Path]) -> Path:
    """The newest of a badge's statements: the last written (draft writes ID-statement-2.md after ID-statement.md)."""
    return max(versions, key=lambda path: (path.stat().st_mtime_ns, _version(path)))


def _version(path: Path) -> int:
    number = path.stem.rsplit("-", 1)[-1]
    return int(number) if number.isdigit() and path.stem.endswith(f"-statement-{number}") else 1


def _of_versions(versions: list[Path]) -> str:
    return f"; the newest of {counted(len(versions), 'version')} here" if len(versions) > 1 else ""


def several_versions(folder: Path) -> dict[str, tuple[Path, int]]:
    """For each badge with more than one statement here: its newest, and how many there are."""
    by_badge: dict[str, list[Path]] = {}
    for path in statements_in(folder):
        by_badge.setdefault(_badge_of(path) or "", []).append(path)
    return {badge: (newest(paths), len(paths)) for badge, paths in by_badge.items() if len(paths) > 1}


def statement_for_badge(name: str, badge_id: str | None = None) -> Path | None:
    """The statement a learner probably meant by naming a badge id as a file: the newest ``ID-statement.md`` there."""
    given = Path(name)
    if given.exists() or given.suffix:
        return None
    wanted = badge_id or given.name
    own = [p for p in statements_in(given.parent) if _badge_of(p) == wanted]
    return newest(own) if own else None


def older_exports(statement: Path) -> list[Path]:
    """Exports beside a statement (``.txt``, ``.html``, ``.docx``, named after it) older than it."""
    try:
        changed = statement.stat().st_mtime_ns
    except OSError:
        return []
    stem = statement.name[: -len(statement.suffix)] if statement.suffix else statement.name
    older = []
    for suffix in EXPORT_SUFFIXES:
        copy = statement.with_name(stem + suffix)
        if copy != statement and copy.is_file() and copy.stat().st_mtime_ns < changed:
            older.append(copy)
    return older


def _badge_of(path: Path) -> str | None:
    match = _STATEMENT_NAME.match(path.name)
    return match.group("badge") if match else None
