"""The journal of lines typed: each line of an answer kept on disk the moment Enter is pressed.

A draft is saved when an answer is finished (``done``), or when the interview is stopped by
Ctrl-C, a closed window, SIGTERM or SIGHUP. A hard stop (SIGKILL, a crash, a power cut) gives no
chance to save, so each line of an answer is also appended, as it is entered, to a journal
beside the draft (``.ID.journal``, owner-only), and written through to the disk. Once the draft
is saved with those lines in it, the journal is emptied. When the interview next starts,
badgekit.drafting.recovery folds a journal that is still there into the draft, so a hard stop
loses at most the line still being typed.

The journal is JSON Lines: a line ``{"criterion": ID, "notes": ..., "adding": ...}`` when an
answer begins, then ``{"line": TEXT}`` per line typed. A line cut short by the stop itself is
not valid JSON and is left out when the journal is read.

Writing the journal never stops the interview: if it cannot be written (a full disk), the
interview goes on, and ``working`` says so.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from badgekit.safefile import PRIVATE_FILE, PRIVATE_FOLDER


@dataclass(frozen=True)
class JournalEntry:
    """The lines of one answer typed since the draft was last saved."""

    criterion: str
    notes: bool
    adding: bool
    text: str


def journal_path(directory: Path, badge_id: str) -> Path:
    return directory / f".{badge_id}.journal"


class Journal:
    """Appends the lines of the answer being typed to ``.ID.journal``; emptied once the draft is saved."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.working = True  # False once a write has failed (until the next one succeeds)
        self._header: dict[str, object] | None = None  # the answer being typed
        self._header_written = False  # since the journal was last emptied

    def begin(self, criterion: str, *, notes: bool = False, adding: bool = False) -> None:
        """An answer begins; written only with its first line, so an empty answer leaves no journal."""
        self._header = {"criterion": criterion, "notes": notes, "adding": adding}
        self._header_written = False

    def add(self, lines: list[str]) -> None:
        """Lines of the answer, as entered."""
        if not lines:
            return
        records = [self._header] if self._header and not self._header_written else []
        records += [{"line": line} for line in lines]
        text = "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records)
        try:
            self._append(text.encode("utf-8"))
        except OSError:
            self.working = False
            return
        self.working = self._header_written = True

    def _append(self, data: bytes) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=PRIVATE_FOLDER)
        descriptor = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, PRIVATE_FILE)
        try:
            os.write(descriptor, data)
            os.fsync(descriptor)  # through to the disk: a power cut is a stop too
        finally:
            os.close(descriptor)

    def clear(self) -> None:
        """The draft now holds every line journalled: empty the journal."""
        self._header_written = False  # an answer still under way writes its header again with its next line
        try:
            self.path.unlink(missing_ok=True)
        except OSError:
            self.working = False


def read_journal(path: Path) -> list[JournalEntry]:
    """The answers in a journal, in the order typed; a line cut short (or anything unreadable) is left out."""
    try:
        raw = path.read_bytes()
    except OSError:
        return []
    entries: list[JournalEntry] = []
    header: dict[str, object] | None = None
    lines: list[str] = []

    def close() -> None:
        if header is not None and lines:
            criterion = header.get("criterion")
            if isinstance(criterion, str) and criterion:
                notes, adding = bool(header.get("notes")), bool(header.get("adding"))
                entries.append(JournalEntry(criterion, notes, adding, "\n".join(lines)))

    for row in raw.decode("utf-8", errors="replace").split("\n"):
        try:
            record = json.loads(row)
        except (ValueError, RecursionError):
            continue
        if not isinstance(record, dict):
            continue
        if "criterion" in record:
            close()
            header, lines = record, []
        elif isinstance(record.get("line"), str):
            lines.append(record["line"])
    close()
    return entries
