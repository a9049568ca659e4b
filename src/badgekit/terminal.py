"""The interview in a terminal: the ``Asker`` of badgekit.interview_messages, drawn with Rich and read line by line.

The manager's review (badgekit.review) is asked here too, by ``ReviewTerminal``, in the same way.

Answers are long and often pasted, so an answer is read line after line, blank lines
included, until the learner types ``done`` on a line of its own (or input ends). A
command word is recognised only when it is the first and only thing typed. ``editor``
opens the learner's own text editor (``VISUAL``, then ``EDITOR``, then nano or vi) on
a private temporary file.

The learner's text is never read as Rich markup: it is printed with ``markup=False``
or inside ``Text`` objects.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING

from badgekit.interview_messages import (
    DONE_WORD,
    AnswerFeedback,
    AnswerInterrupted,
    AnswerRequest,
    CriterionScreen,
    Help,
    Message,
    Notice,
    Opening,
    Review,
    WordProgress,
    parse_command,
)
from badgekit.render import DISCUSSION_HEADING
from badgekit.review import ActionsScreen, PointScreen, ReviewMessage, ReviewOpening, ReviewSummary
from badgekit.review_checklist import FoundItem, ReviewRecord, lines_text, severity_counts

if TYPE_CHECKING:
    from rich.console import Console, RenderableType

BAR_WIDTH = 30
_STYLES = {"info": "cyan", "warning": "yellow", "problem": "bold red"}


def enable_line_editing() -> None:
    """Let ``input()`` use readline when there is one.

    Besides arrow keys and history, this matters for pasting: without readline a
    terminal in its ordinary line mode drops everything after about 4,000 characters on
    one line, which a pasted paragraph can reach.
    """
    with suppress(ImportError):  # Windows has no readline; its console has line editing of its own
        import readline  # noqa: F401 - imported for its effect on input()


def word_bar(progress: WordProgress, width: int = BAR_WIDTH) -> str:
    filled = round(progress.fraction * width)
    return "█" * filled + "░" * (width - filled)


def default_editor() -> str | None:
    for name in ("VISUAL", "EDITOR"):
        if os.environ.get(name, "").strip():
            return os.environ[name]
    if sys.platform == "win32":
        return "notepad"
    return next((name for name in ("nano", "vi") if shutil.which(name)), None)


class TerminalAsker:
    """Shows the interview on a Rich console and reads the learner's replies with ``input()``."""

    def __init__(
        self,
        out: Console,
        *,
        read_line: Callable[[str], str] | None = None,
        editor: str | None = None,
        scratch_dir: Path | None = None,
    ) -> None:
        self.out = out
        self.read_line = read_line or _read_line
        self.editor = editor
        self.scratch_dir = scratch_dir  # where the editor's temporary file goes (the drafts folder)

    # --- showing ---------------------------------------------------------------------------

    def show(self, message: Message) -> None:
        if isinstance(message, Opening):
            self._opening(message)
        elif isinstance(message, CriterionScreen):
            self._criterion(message)
        elif isinstance(message, AnswerFeedback):
            self._feedback(message)
        elif isinstance(message, Review):
            self._review(message)
        elif isinstance(message, Help):
            self._help(message)
        else:
            self.notice(message)

    def notice(self, notice: Notice) -> None:
        self.out.print(notice.text, style=_STYLES.get(notice.level, ""), markup=False)

    def _opening(self, o: Opening) -> None:
        from rich.panel import Panel
        from rich.text import Text

        head = Text(o.title, style="bold")
        if o.series:
            head.append(f"\n{o.series}", style="dim")
        if o.level:
            head.append(f"\nLevel: {o.level}")
        self.out.print(Panel(head, expand=False))
        count = f"{o.count} {o.kind if o.count != 1 else o.kind.rstrip('s')}"
        self.out.print(f"There are {count} to answer, one at a time. How much to write: {o.words}.", markup=False)
        for number, minimum in o.minimums:
            self.out.print(f"  Number {number} needs at least {minimum} words.", markup=False)
        if o.prerequisites:
            self.out.print("\nWhat to earn first:", style="bold")
            self._list([("•", line) for line in o.prerequisites])
        if o.profile_hint:
            self.out.print(
                "Record the badges you already hold with: badgekit profile add BADGE (then only what is left shows).",
                style="dim",
            )
        if o.steps:
            self.out.print("\nDo these first:", style="bold")
            self._list([(f"{n}.", s.text + (f" ({s.url})" if s.url else "")) for n, s in enumerate(o.steps, 1)])
        if o.intro:
            self.out.print(f"\n{o.intro}", markup=False)
        self.out.print(
            "\nYour evidence may be published: leave out anything that could identify a person you support, "
            "a colleague or yourself.",
            style="dim",
        )
        self.out.print(
            "Every answer is saved as soon as you give it. Type help at any point for what else you can type.",
            style="dim",
        )
        if o.resumed:
            answered, total = o.resumed
            self.out.print(f"\nWelcome back: you have answered {answered} of {total}.", style="green")

    def _criterion(self, s: CriterionScreen) -> None:
        from rich.rule import Rule

        self.out.print()
        self.out.print(Rule(f"{s.word} {s.number} of {s.total}", align="left", style="bold"))
        if s.lead_in:
            self.out.print(s.lead_in, style="dim", markup=False)
        self.out.print(s.text, style="bold", markup=False)
        if s.min_words:
            self.out.print(f"(at least {s.min_words} words)", style="dim")
        intro = "SSSC suggests you think about:" if s.prompts_are_sssc else "To help you reflect:"
        self.out.print(intro, style="dim")
        self._list([("•", prompt) for prompt in s.prompts], style="dim")
        if s.discussion:
            self.out.print("This one asks for a discussion: after your answer you can add notes from it.", style="dim")
        if s.answer:
            from rich.panel import Panel
            from rich.text import Text

            self.out.print(Panel(Text(s.answer), title=f"Your answer so far ({s.answer_words} words)", expand=False))
        if s.notes:
            from rich.panel import Panel
            from rich.text import Text

            self.out.print(Panel(Text(s.notes), title=DISCUSSION_HEADING, expand=False))

    def _feedback(self, f: AnswerFeedback) -> None:
        self.out.print(f"Saved. This answer: {f.words} words.", style="green")
        self.progress(f.progress)
        if f.problem:
            self.out.print(f.problem, style=_STYLES["problem"], markup=False)
        if f.advice:
            self.out.print(f.advice, style=_STYLES["warning"], markup=False)

    def progress(self, p: WordProgress) -> None:
        from rich.text import Text

        line = Text("Statement so far: ")
        line.append(word_bar(p), style="green" if p.within else "yellow")
        line.append(f" {p.total} words ({p.rule})")
        if p.status:
            line.append(f": {p.status}")
        self.out.print(line)

    def _review(self, r: Review) -> None:
        from rich.text import Text

        self.out.print()
        self.out.print("Your answers so far", style="bold underline")
        for row in r.rows:
            head = Text(f"{r.word} {row.number}: ", style="bold")
            head.append(row.text)
            self.out.print(head)
            if row.answer:
                below = row.min_words and row.words < row.min_words
                self.out.print(
                    f"  {row.words} words" + (f", below the minimum of {row.min_words}" if below else ""),
                    style="yellow" if below else "dim",
                )
                self.out.print(Text(_indent(row.answer)))
            else:
                self.out.print("  no answer yet", style="yellow")
            if row.notes:
                self.out.print(f"  {DISCUSSION_HEADING}:", style="dim")
                self.out.print(Text(_indent(row.notes)))
        self.progress(r.progress)

    def _help(self, h: Help) -> None:
        self.out.print("Type your answer, then done on a line of its own. Or type one of these on its own:")
        self._list(list(h.commands))
        self.out.print("SSSC's questions for reflecting on any criterion:", style="dim")
        self._list([("•", prompt) for prompt in h.sssc_prompts], style="dim")

    def _list(self, rows: list[tuple[str, str]], *, style: str = "") -> None:
        """Marker and text in two columns, so that long lines wrap under the text, not the marker."""
        from rich.table import Table
        from rich.text import Text

        grid = Table.grid(padding=(0, 1))
        grid.add_column(no_wrap=True)
        grid.add_column()
        for marker, text in rows:
            grid.add_row(Text(f"  {marker}", style=style), Text(text, style=style))
        self.out.print(grid)

    # --- asking ----------------------------------------------------------------------------

    def read_answer(self, request: AnswerRequest) -> str | None:
        if request.discussion:
            self._ask_for_notes(request)
        elif request.adding:
            self.out.print(
                f"Type or paste what you want to add. When you have finished, type {DONE_WORD} on a new line."
            )
        else:
            what = "a new answer to replace the one above" if request.has_answer else "your answer"
            self.out.print(
                f"Type or paste {what}; blank lines are fine. When you have finished, type {DONE_WORD} on a "
                "new line and press Enter.",
                style="cyan",
            )
            self.out.print(
                "Or type skip, back, review, editor" + (", add" if request.has_answer else "") + " or help.",
                style="dim",
            )
        return self._read_lines()

    def _ask_for_notes(self, request: AnswerRequest) -> None:
        self.out.print()
        self.out.print("Notes from your discussion (you can leave these out)", style="bold")
        self.out.print(request.discussion or "", markup=False)
        what = "new notes to replace the ones above" if request.has_answer else "your notes"
        self.out.print(
            f"Type or paste {what}; when you have finished, type {DONE_WORD} on a new line. "
            "Or type skip to go on" + (" and keep them." if request.has_answer else " without notes."),
            style="cyan",
        )

    def _read_lines(self) -> str | None:
        lines: list[str] = []
        while True:
            try:
                chunk = self.read_line("> ")
            except EOFError:
                return "\n".join(lines) if any(line.strip() for line in lines) else None
            except KeyboardInterrupt:
                raise AnswerInterrupted("\n".join(lines)) from None
            # A paste through readline can arrive as several lines at once.
            pieces = chunk.replace("\r\n", "\n").replace("\r", "\n").split("\n")
            nothing_yet = not any(line.strip() for line in lines)
            if nothing_yet and len(pieces) == 1 and parse_command(pieces[0]) is not None:
                return pieces[0]
            if pieces[-1].strip().lower() == DONE_WORD:
                return "\n".join(lines + pieces[:-1])
            lines.extend(pieces)

    def edit(self, text: str) -> str | None:
        command = self.editor or default_editor()
        if not command:
            self.notice(Notice("No text editor was found. Set the EDITOR environment variable to one.", "problem"))
            return None
        if self.scratch_dir is not None:
            self.scratch_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        descriptor, name = tempfile.mkstemp(prefix="badgekit-answer-", suffix=".md", dir=self.scratch_dir)
        try:
            with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
                handle.write(text)
            self.out.print(f"Opening your answer in {command}. Save and close the editor to come back here.")
            try:
                subprocess.run([*shlex.split(command), name], check=False)
            except (OSError, ValueError) as exc:
                self.notice(Notice(f"Could not open the editor '{command}': {exc}", "problem"))
                return None
            return Path(name).read_text(encoding="utf-8", errors="replace")
        finally:
            Path(name).unlink(missing_ok=True)

    def choose(self, question: str, choices: Sequence[tuple[str, str]]) -> str | None:
        self.out.print()
        self.out.print(question, style="bold", markup=False)
        for number, (_key, label) in enumerate(choices, 1):
            self.out.print(f"  {number}. {label}", markup=False)
        while True:
            try:
                reply = self.read_line(f"Type a number from 1 to {len(choices)}: ").strip().lower()
            except EOFError:
                return None
            if reply.isdigit() and 1 <= int(reply) <= len(choices):
                return choices[int(reply) - 1][0]
            for key, _label in choices:
                if reply == key:
                    return key
            if reply in ("quit", "exit", "stop"):
                return None

    def confirm(self, question: str, *, default: bool) -> bool:
        hint = "[Y/n]" if default else "[y/N]"
        while True:
            try:
                reply = self.read_line(f"{question} {hint} ").strip().lower()
            except EOFError:
                return default
            if not reply:
                return default
            if reply in ("y", "yes"):
                return True
            if reply in ("n", "no"):
                return False
            self.out.print("Please type y for yes or n for no.")


def _read_line(prompt: str) -> str:
    return input(prompt)  # looked up when called, so that readline (enabled later) is used


def _indent(text: str) -> str:
    return "\n".join(f"    {line}" if line else "" for line in text.split("\n"))


# --- the manager's review (badgekit review) ---------------------------------------------------------


class ReviewTerminal:
    """badgekit.review's ``ReviewAsker`` on a Rich console: each point, what the check found, and the questions."""

    def __init__(self, out: Console, *, read_line: Callable[[str], str] | None = None) -> None:
        self.out = out
        self.read_line = read_line or _read_line
        self.terminal = TerminalAsker(out, read_line=self.read_line)

    def show(self, message: ReviewMessage) -> None:
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

    def choose(self, question: str, choices: Sequence[tuple[str, str]]) -> str | None:
        return self.terminal.choose(question, choices)

    def ask_line(self, question: str) -> str | None:
        self.out.print(question, style="cyan", markup=False)
        try:
            return self.read_line("> ")
        except EOFError:
            return None

    def _opening(self, o: ReviewOpening) -> None:
        from rich.panel import Panel
        from rich.text import Text

        record = o.record
        head = Text(f"Reviewing {record.statement} before it is submitted", style="bold")
        head.append(f"\n{record.badge_title}")
        self.out.print(Panel(head, expand=False))
        self.out.print(
            f"{record.words:,} words ({record.word_rule}). badgekit check found {severity_counts(record.found())}.",
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


def found_table(found: Sequence[FoundItem]) -> RenderableType:
    """Findings as ``line 12  error  BK201  message``, the message never read as markup."""
    from rich.table import Table
    from rich.text import Text

    table = Table.grid(padding=(0, 1))
    table.add_column(justify="right", style="dim", no_wrap=True)
    table.add_column(no_wrap=True)
    table.add_column(no_wrap=True, style="bold")
    table.add_column(ratio=1)
    for item in found:
        style = {"error": "bold red", "warning": "yellow"}.get(item.severity, "cyan")
        table.add_row(f"  line {item.line}", Text(item.severity, style=style), item.code, Text(item.message))
    return table


def review_view(record: ReviewRecord) -> RenderableType:
    """A review in full: the outcome, each point with its judgement and comment, the actions and the follow-up."""
    from rich.console import Group
    from rich.text import Text

    from badgekit.review_checklist import OUTCOMES, british_date

    head = Text(f"Review of {record.statement}", style="bold")
    head.append(f"  {record.badge_title}")
    by = f" by {record.reviewer}" if record.reviewer else ""
    parts: list[RenderableType] = [head, Text(f"Reviewed {british_date(record.reviewed)}{by}", style="dim")]
    outcome = record.outcome()
    style = {"ready": "bold green", "changes-needed": "bold red"}.get(outcome, "bold yellow")
    parts.append(Text.assemble("Outcome: ", (OUTCOMES[outcome], style)))
    for point in record.points:
        evidence = point.evidence
        line = Text(f"\n{evidence.point.number}. {evidence.point.title}: ", style="bold")
        judged = point.judgement or "not given yet"
        line.append(judged, style={"met": "green", "not met": "red"}.get(judged, "yellow"))
        parts.append(line)
        if point.comment:
            parts.append(Text(_indent(point.comment)))
        if evidence.found:
            parts.append(found_table(evidence.found))
    if record.also_found:
        parts += [Text("\nAlso found by badgekit check", style="bold"), found_table(record.also_found)]
    parts.append(Text("\nActions the learner intends to take", style="bold"))
    parts += [Text(f"  • {action}") for action in record.actions or []] or [Text("  none noted", style="dim")]
    if record.follow_up:
        parts.append(Text(f"Follow up on {british_date(record.follow_up)}."))
    if record.feedback:
        parts += [Text("\nFeedback", style="bold"), Text(_indent(record.feedback))]
    return Group(*parts)
