"""The interview's save: never cut in half by Ctrl-C, and a write that fails never loses the answer.

``GuardedSave`` is the ``save`` the interview calls after every answer. It writes the draft with
Ctrl-C held back (badgekit.terminal.hangup.holding_interrupts), then empties the journal of lines
typed, whose lines the draft now holds. When the draft cannot be written (a full disk), the
answer stays in memory and the asker is told (``save_failed``), with the file, the reason and the
text not yet on disk, so that it is shown and can be copied; the learner chooses to try again,
to save the draft in another folder, or to carry on (the next answer tries again). Whether the
last save succeeded (``failure``) is what decides whether badgekit may say "saved" when it stops.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from badgekit.safefile import WriteError

if TYPE_CHECKING:
    from badgekit.drafting.journal import Journal
    from badgekit.drafting.store import Draft, DraftStore

RETRY = "retry"
CARRY_ON = "carry-on"


@dataclass(frozen=True)
class SaveFailure:
    """What the learner is told when the draft cannot be written."""

    path: str  # the draft file
    reason: str  # in plain words, naming where ("the disk is full (no space left in ...)")
    disk_full: bool
    unsaved: tuple[str, ...]  # the answers (and notes) not yet on disk, to be shown so they can be copied


class InterviewStopped(KeyboardInterrupt):
    """Ctrl-C or a closed window, with whether everything given is on disk, and what is not."""

    def __init__(self, failure: WriteError | None, unsaved: tuple[str, ...]) -> None:
        super().__init__()
        self.failure = failure
        self.unsaved = unsaved


class GuardedSave:
    """Saves the draft for the interview; see the module's docstring."""

    def __init__(self, store: DraftStore, asker: Any, journal: Journal, *, on_disk: Draft | None) -> None:
        self.store = store
        self.asker = asker
        self.journal = journal
        self.on_disk: dict[str, Any] = on_disk.to_dict() if on_disk is not None else {}
        self.failure: WriteError | None = None  # the last save failed, and why
        self.moved_to: Path | None = None  # the folder the learner chose to save in instead

    def __call__(self, draft: Draft) -> bool:
        """Write the draft; False when it could not be written and the learner chose to carry on."""
        from badgekit.terminal.hangup import holding_interrupts

        while True:
            try:
                with holding_interrupts():
                    self.store.save(draft)
                    self.failure, self.on_disk = None, draft.to_dict()
                    self.journal.clear()
                return True
            except WriteError as error:
                self.failure = error
                choice = self._ask(draft, error)
            if choice == CARRY_ON:
                return False
            if isinstance(choice, Path) and self._save_elsewhere(draft, choice):
                return True

    def _ask(self, draft: Draft, error: WriteError) -> str | Path:
        ask = getattr(self.asker, "save_failed", None)
        if ask is None:  # an asker that cannot ask: the error stands
            raise error
        failure = SaveFailure(error.path or "", error.reason, error.disk_full, self.unsaved(draft))
        choice: str | Path = ask(failure)
        return choice

    def _save_elsewhere(self, draft: Draft, folder: Path) -> bool:
        from badgekit.drafting.store import DraftStore

        elsewhere = DraftStore(folder)
        try:
            elsewhere.save(draft)
        except WriteError as error:
            self.failure = error
            return False
        self.store, self.moved_to = elsewhere, folder
        self.failure, self.on_disk = None, draft.to_dict()
        return True

    def unsaved(self, draft: Draft) -> tuple[str, ...]:
        """The answers, notes and set-aside text in ``draft`` that the last successful save did not hold."""
        found: list[str] = []
        for key, given in (("answers", draft.answers), ("discussions", draft.discussions)):
            before = self.on_disk.get(key, {})
            found += [a.text for cid, a in given.items() if before.get(cid, {}).get("text") != a.text]
        kept = {entry["text"] for entry in self.on_disk.get("set_aside", [])}
        found += [a.text for a in draft.set_aside if a.text not in kept]
        return tuple(found)
