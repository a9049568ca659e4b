"""Bringing back what a hard stop left beside a draft, before the interview starts again.

Two things can be there after SIGKILL, a crash or a power cut (badgekit.drafting.journal says why):

- the journal of lines typed since the draft was last saved, folded into the draft by the rule
  that keeps an answer cut off part-way (``Draft.keep_unfinished``), unless the draft already
  holds them (the stop came after the save, before the journal was emptied);
- a save cut off before its last step, a temporary file ``.ID.json.XXXX.tmp`` beside the draft.
  If it holds a whole draft at least as new as the draft, it becomes the draft; if it holds
  only part of one (the stop came while it was being written), it is removed, since everything
  in it is still in the draft and the journal.

A damaged draft is left exactly as it is, and so are its journal and temporary files.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from badgekit.drafting.journal import journal_path, read_journal
from badgekit.drafting.store import Draft, DraftStore, clean_answer, read_draft_file
from badgekit.errors import BadgekitError


@dataclass(frozen=True)
class Recovered:
    """What was brought back: a save finished from its temporary file, and answers from the journal."""

    finished_save: bool = False
    answers: int = 0  # answers (or notes) folded in from the journal

    def __bool__(self) -> bool:
        return self.finished_save or self.answers > 0


def recover(store: DraftStore, badge_id: str, title: str) -> Recovered:
    """Fold in what a hard stop left beside the draft of ``badge_id``; the caller holds the draft's lock."""
    try:
        current = store.load(badge_id)
    except BadgekitError:
        return Recovered()  # damaged: left exactly as it is, and so is everything beside it
    finished, current = _finish_stray_saves(store, badge_id, current)
    journal = journal_path(store.directory, badge_id)
    entries = read_journal(journal)
    folded = 0
    if entries:
        draft = current or Draft(badge=badge_id, title=title)
        for entry in entries:
            if draft.holds(entry.criterion, clean_answer(entry.text)):
                continue
            if draft.keep_unfinished(entry.criterion, entry.text, notes=entry.notes, adding=entry.adding):
                folded += 1
        if folded:
            store.save(draft)
    journal.unlink(missing_ok=True)
    return Recovered(finished, folded)


def _finish_stray_saves(store: DraftStore, badge_id: str, current: Draft | None) -> tuple[bool, Draft | None]:
    """Make a whole, newer temporary save the draft; remove part-written and older ones."""
    finished = False
    path = store.path_for(badge_id)
    for stray in sorted(store.directory.glob(f".{badge_id}.json.*.tmp")):
        try:
            candidate = read_draft_file(stray, badge_id)
        except FileNotFoundError:
            continue
        except BadgekitError:  # written part-way: what it held is in the draft and the journal
            stray.unlink(missing_ok=True)
            continue
        if current is None or candidate.changed >= current.changed:
            os.chmod(stray, 0o600)
            os.replace(stray, path)
            current, finished = candidate, True
        else:
            stray.unlink(missing_ok=True)
    return finished, current
