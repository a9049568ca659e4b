"""The manager's review (badgekit review) in a terminal: each point, what the check found, and the questions.

``ReviewTerminal`` is badgekit.review.walk's ``ReviewAsker`` on a Rich console; it reads and chooses
through the interview's ``TerminalAsker`` (badgekit.terminal.asker), so both behave alike.
Text the learner or the manager wrote is never read
as Rich markup.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from badgekit.review.checklist import LEFT_OUT_NOTE, lines_text, severity_counts
from badgekit.review.walk import ActionsScreen, PointScreen, ReviewMessage, ReviewOpening, ReviewSummary
from badgekit.terminal import hangup
from badgekit.terminal.asker import TerminalAsker, read_from_input, readline_buffer
from badgekit.views.review import found_table, review_view

if TYPE_CHECKING:
    from rich.console import Console


class ReviewTerminal:
    """badgekit.review.walk's ``ReviewAsker`` on a Rich console: each point, what the check found, and the questions."""

    def __init__(self, out: Console, *, read_line: Callable[[str], str] | None = None) -> None:
        self.out = out
        self.read_line = read_line or read_from_input
        # The line being typed when Ctrl-C comes: readline's, when reading from the terminal as the interview does.
        self.line_buffer: Callable[[], str] = readline_buffer if read_line is None else str
        self.terminal = TerminalAsker(out, read_line=self.read_line)

    def show(self, message: ReviewMessage) -> None:
        with hangup.writing():
            self._show(message)

    def _show(self, message: ReviewMessage) -> None:
        if isinstance(message, ReviewOpening):
            self._opening(message)
        elif isinstance(message, PointScreen):
            self._point(message)
        elif isinstance(message, ActionsScreen):
            self._actions(message)
        elif isinstance(message, ReviewSummary):
            self.out.print()
            self.out.print(review_view(message.record))
        else:
            self.terminal.notice(message)

    def choose(
        self, question: str, choices: Sequence[tuple[str, str]], *, keep: Callable[[str], str] | None = None
    ) -> str | None:
        return self.terminal.choose(question, choices, keep=keep)

    def ask_line(self, question: str) -> str | None:
        """One line, read as the interview reads: a closed window stops the review as Ctrl-C does."""
        with hangup.writing():
            self.out.print(question, style="cyan", markup=False)
        try:
            return hangup.read_line(self.read_line, "> ")
        except EOFError:
            return None
        except KeyboardInterrupt as stop:
            stop.typed = self.line_buffer()  # type: ignore[attr-defined]  # what was typed, for the walk to keep
            raise

    def _opening(self, o: ReviewOpening) -> None:
        from rich.panel import Panel
        from rich.text import Text

        record = o.record
        head = Text(f"Reviewing {record.statement} before it is submitted", style="bold")
        head.append(f"\n{record.badge_title}")
        self.out.print(Panel(head, expand=False))
        left_out = f" ({LEFT_OUT_NOTE})" if record.reminders_left_out else ""
        self.out.print(
            f"{record.words:,} words ({record.word_rule}). badgekit check found {severity_counts(record.found())}"
            f"{left_out}.",
            markup=False,
        )
        self.out.print(
            "SSSC's guidance for managers asks you to check six things before a statement is "
            "submitted. For each you see what badgekit check found; then say whether it is met and add a comment "
            "for the learner. Every answer is saved as you give it: press Ctrl-C to stop and carry on later.",
            style="dim",
        )
        if o.resumed:
            self.out.print(
                f"Carrying on with your unfinished review: {record.given()} of {len(record.points)} points done.",
                style="green",
            )

    def _point(self, screen: PointScreen) -> None:
        from rich.rule import Rule

        evidence = screen.point.evidence
        self.out.print()
        self.out.print(Rule(f"Point {evidence.point.number} of {screen.total}", align="left", style="bold"))
        self.out.print(evidence.point.title, style="bold", markup=False)
        self.out.print(evidence.summary(), style="red" if evidence.decided else "", markup=False)
        if evidence.found:
            self.out.print(found_table(evidence.found))
        self.terminal._list([("•", line) for line in evidence.context], style="dim")
        if screen.point.judgement and not evidence.decided:
            self.out.print(f"You said: {screen.point.judgement}.", style="dim")

    def _actions(self, screen: ActionsScreen) -> None:
        self.out.print()
        self.out.print("Actions the learner intends to take", style="bold underline")
        self.out.print(
            "SSSC's guidance asks you to note the actions they intend to take to develop their practice, and to "
            "follow them up to make sure they happen. Type one action per line.",
            style="dim",
        )
        if screen.action_lines:
            self.out.print(f"The statement says what they will do on {lines_text(screen.action_lines)}.")
        else:
            self.out.print("The statement does not say what they will do next: ask them.", style="yellow")
