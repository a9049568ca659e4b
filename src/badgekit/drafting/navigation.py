"""Where the interview is, and where it returns to: the whole of its moving state in one small record.

The interview moves between positions: 0..n-1 is a criterion, n is the end (every answer, then
write, change or stop). Two detours come back by themselves: an answer reached with ``edit N``
returns to where ``edit N`` was typed once it is answered, and an answer changed from the end
returns to the end. ``Navigation.after`` decides where the interview goes after each question.
"""

from __future__ import annotations

from dataclasses import dataclass

from badgekit.drafting.messages import Outcome

Step = int | Outcome


@dataclass
class Navigation:
    position: int
    end: int
    edit_typed_at: int | None = None  # where edit N was typed, during the current question
    return_to: int | None = None  # where edit N was typed: back there once the one it went to is answered
    editing: int | None = None  # the criterion edit N went to
    from_end: bool = False  # changing one answer from the end: go back there once it is done
    changed: bool = False  # back at the end after changing an answer: say so, and offer to change another

    @property
    def at_end(self) -> bool:
        return self.position >= self.end

    def left_end(self) -> None:
        """The learner chose at the end: whatever comes next was reached from there."""
        self.from_end, self.changed, self.return_to = True, False, None

    def after(self, step: Step) -> tuple[Step, int | None]:
        """Where to go after the question at ``position`` answered ``step``, and the position
        returned to when that is where edit N was typed (None otherwise)."""
        position = self.position
        if self.edit_typed_at is not None and step != position:
            self.return_to, self.editing = self.edit_typed_at, step if isinstance(step, int) else None
            return step, None
        if self.return_to is not None and self.editing == position and step == position + 1:
            back, self.return_to, self.editing = self.return_to, None, None
            return back, back
        if self.from_end and step == position + 1:
            self.changed = True
            return self.end, None
        if step != position:
            self.from_end, self.return_to, self.editing = False, None, None
        return step, None
