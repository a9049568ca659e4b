"""The interview in a terminal: the ``Asker`` of badgekit.drafting.messages, drawn with Rich and read line by line.

The manager's review (badgekit.review.walk) is asked in the same way, by badgekit.terminal.review_asker.

Answers are long and often pasted, so an answer is read line after line, blank lines
included, until the learner types ``done`` on a line of its own (or input ends). A
command word on a line of its own is recognised at any point: first, it is the reply; after
some text, the learner is asked (once per answer) whether it is the command or part of the
answer, and what was typed before it is kept either way. ``editor``
opens the learner's own text editor (``VISUAL``, then ``EDITOR``, then nano, with how to
save and close it) on a private temporary file; never vi unasked, which a person who has
not met it cannot leave. A closed window stops the interview as Ctrl-C does (badgekit.terminal.hangup).

The learner's text is never read as Rich markup: it is printed with ``markup=False``
or inside ``Text`` objects.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING

from badgekit.badges import ai_rule
from badgekit.drafting.messages import (
    DONE_WORD,
    AnswerFeedback,
    AnswerInterrupted,
    AnswerRequest,
    CriterionScreen,
    Help,
    Message,
    Notice,
    Opening,
    Reply,
    Review,
    WordProgress,
    parse_command,
)
from badgekit.invocation import program
from badgekit.render import DISCUSSION_HEADING
from badgekit.terminal import hangup
from badgekit.text import counted, is_are

if TYPE_CHECKING:
    from rich.console import Console

    from badgekit.drafting.journal import Journal
    from badgekit.drafting.saving import SaveFailure

BAR_WIDTH = 30
#: A reply of more words than this at a menu is taken for an answer typed in the wrong place.
_FEW_WORDS = 3
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


class TerminalAsker:
    """Shows the interview on a Rich console and reads the learner's replies with ``input()``."""

    def __init__(
        self,
        out: Console,
        *,
        read_line: Callable[[str], str] | None = None,
        editor: str | None = None,
        scratch_dir: Path | None = None,
        line_buffer: Callable[[], str] | None = None,
    ) -> None:
        self.out = out
        self.read_line = read_line or read_from_input
        # What is typed on the current line before Enter: readline's, when reading with input().
        self.line_buffer = line_buffer or (readline_buffer if read_line is None else _nothing)
        self.editor = editor
        self.scratch_dir = scratch_dir  # where the editor's temporary file goes (the drafts folder)
        self.journal: Journal | None = None  # where each line of an answer is kept as it is entered

    # --- showing ---------------------------------------------------------------------------

    def show(self, message: Message) -> None:
        with hangup.writing():
            self._show(message)

    def _show(self, message: Message) -> None:
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
        for notice in o.notices:
            self.out.print(notice, style="bold yellow", markup=False)
        task = "to reflect on" if o.reflect else "to answer"
        self.out.print(
            f"There {is_are(o.count)} {counted(o.count, o.noun, o.kind)} {task}, one at a time. "
            f"How much to write: {o.words}.",
            markup=False,
        )
        for number, minimum in o.minimums:
            self.out.print(f"  Number {number} needs at least {counted(minimum, 'word')}.", markup=False)
        if o.prerequisites:
            self.out.print("\nWhat to earn first:", style="bold")
            self._list([("•", line) for line in o.prerequisites])
        if o.profile_hint:
            self.out.print(
                f"Record the badges you already hold with: {program()} profile add BADGE "
                "(then only what is left shows).",
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
        rule = f"{ai_rule.ONE_LINE} " if o.sssc_ai_rule else ""
        self.out.print(rule + ai_rule.BADGEKIT_NEVER, style="dim", markup=False)
        self.out.print(
            "Every answer is saved as soon as you give it. Type help at any point for what else you can type.",
            style="dim",
        )
        if o.resumed:
            answered, total = o.resumed
            cut_off = f", and {o.noun} {o.cut_off} was cut off part-way" if o.cut_off else ""
            self.out.print(f"\nWelcome back: you have answered {answered} of {total}{cut_off}.", style="green")

    def _criterion(self, s: CriterionScreen) -> None:
        from rich.rule import Rule

        self.out.print()
        self.out.print(Rule(f"{s.word} {s.number} of {s.total}", align="left", style="bold"))
        if s.lead_in:
            self.out.print(s.lead_in, style="dim", markup=False)
        self.out.print(s.text, style="bold", markup=False)
        if s.min_words:
            self.out.print(f"(at least {counted(s.min_words, 'word')})", style="dim")
        intro = "SSSC suggests you think about:" if s.prompts_are_sssc else "To help you reflect:"
        self.out.print(intro, style="dim")
        self._list([("•", prompt) for prompt in s.prompts], style="dim")
        if s.discussion:
            self.out.print("This one asks for a discussion: after your answer you can add notes from it.", style="dim")
        if s.answer:
            from rich.panel import Panel
            from rich.text import Text

            title = f"Your answer so far ({counted(s.answer_words, 'word')})"
            self.out.print(Panel(Text(s.answer), title=title, expand=False))
        if s.notes:
            from rich.panel import Panel
            from rich.text import Text

            self.out.print(Panel(Text(s.notes), title=DISCUSSION_HEADING, expand=False))

    def _feedback(self, f: AnswerFeedback) -> None:
        if f.saved:
            self.out.print(f"Saved. This answer: {counted(f.words, 'word')}.", style="green")
        else:
            self.out.print(f"Not saved yet (see above). This answer: {counted(f.words, 'word')}.", style="yellow")
        self.progress(f.progress)
        if f.problem:
            self.out.print(f.problem, style=_STYLES["problem"], markup=False)
        if f.advice:
            self.out.print(f.advice, style=_STYLES["warning"], markup=False)

    def progress(self, p: WordProgress) -> None:
        from rich.text import Text

        line = Text("Statement so far: ")
        line.append(word_bar(p), style="green" if p.within else "yellow")
        line.append(f" {counted(p.total, 'word')} ({p.rule})")
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
                    f"  {counted(row.words, 'word')}" + (f", below the minimum of {row.min_words}" if below else ""),
                    style="yellow" if below else "dim",
                )
                self.out.print(Text(indent(row.answer)))
            else:
                self.out.print("  no answer yet", style="yellow")
            if row.notes:
                self.out.print(f"  {DISCUSSION_HEADING}:", style="dim")
                self.out.print(Text(indent(row.notes)))
        self.progress(r.progress)

    def _help(self, h: Help) -> None:
        self.out.print(
            "Type your answer, then done on a line of its own. Type one of these on a line of its own, at the start "
            "or after some of your answer (what you typed is kept):"
        )
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

    def read_answer(self, request: AnswerRequest) -> str | Reply | None:
        with hangup.writing():
            self._ask_for(request)
        if self.journal is not None:
            self.journal.begin(request.criterion, notes=request.discussion is not None, adding=request.adding)
        return self._read_lines()

    def _journal(self, lines: list[str]) -> None:
        """Keep lines of the answer on disk as they are entered, so that a hard stop cannot lose them."""
        if self.journal is not None:
            with hangup.holding_interrupts():
                self.journal.add(lines)

    def save_failed(self, failure: SaveFailure) -> str | Path:
        """The draft could not be written: say so, show what is not saved, and ask what to do."""
        from badgekit.terminal.save_problem import ask_after_failed_save

        return ask_after_failed_save(self, failure)

    def _ask_for(self, request: AnswerRequest) -> None:
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
                "new line and press Enter."
                + (f" To keep the answer above as it is, type {DONE_WORD} alone now." if request.has_answer else ""),
                style="cyan",
            )
            self.out.print(
                "Or type skip, back, review, editor" + (", add" if request.has_answer else "") + " or help.",
                style="dim",
            )

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

    def _read(self, prompt: str) -> str:
        """One line from the learner; a closed terminal raises hangup.TerminalClosed (a KeyboardInterrupt)."""
        return hangup.read_line(self.read_line, prompt)

    def _read_lines(self) -> str | Reply | None:
        """Lines up to ``done`` (or the end of input). A command on a line of its own is the reply when it
        comes first; after some text it may be meant as text, so the learner is asked, once per answer."""
        lines: list[str] = []
        asked = False
        while True:
            try:
                chunk = self._read("> ")
            except EOFError:
                return "\n".join(lines) if any(line.strip() for line in lines) else None
            except KeyboardInterrupt:
                # Ctrl-C or a closed window: keep the lines given and the one being typed, Enter or not.
                unfinished = self._unfinished_line()
                if unfinished.strip():
                    raise AnswerInterrupted("\n".join([*lines, unfinished]), line_cut_off=True) from None
                raise AnswerInterrupted("\n".join(lines)) from None
            # A paste through readline can arrive as several lines at once.
            pieces = chunk.replace("\r\n", "\n").replace("\r", "\n").split("\n")
            nothing_yet = not any(line.strip() for line in lines)
            command = parse_command(pieces[0]) if len(pieces) == 1 else None
            if command is not None and nothing_yet:
                return pieces[0]
            if command is not None and not asked:
                asked = True
                if self._meant_as_command(pieces[0], lines):
                    return Reply("\n".join(lines), command)
            if pieces[-1].strip().lower() == DONE_WORD:
                self._journal(pieces[:-1])
                return "\n".join(lines + pieces[:-1])
            self._journal(pieces)
            lines.extend(pieces)

    def _meant_as_command(self, line: str, lines: list[str]) -> bool:
        """Ask whether a command word typed after some text is the command; what was typed is kept either way."""
        word = line.strip()
        with hangup.writing():
            self.out.print(
                f"'{word}' is one of badgekit's commands. What you typed before it is kept as your answer either "
                f"way; type n to keep '{word}' as part of your answer and carry on typing.",
                style="cyan",
                markup=False,
            )
        try:
            return self.confirm(f"Do '{word}' now?", default=True)
        except KeyboardInterrupt:
            raise AnswerInterrupted("\n".join(lines)) from None

    def _unfinished_line(self) -> str:
        try:
            return self.line_buffer()
        except Exception:
            return ""

    def edit(self, text: str) -> str | None:
        from badgekit.terminal.editor import NO_EDITOR, default_editor, edit_text

        command = self.editor or default_editor()
        with hangup.writing():
            if not command:
                self.notice(Notice(NO_EDITOR, "warning"))
                return None
            return edit_text(
                text, command, self.scratch_dir, lambda message, level: self.notice(Notice(message, level))
            )

    def choose(
        self, question: str, choices: Sequence[tuple[str, str]], *, keep: Callable[[str], str] | None = None
    ) -> str | None:
        with hangup.writing():
            self.out.print()
            self.out.print(question, style="bold", markup=False)
            for number, (_key, label) in enumerate(choices, 1):
                self.out.print(f"  {number}. {label}", markup=False)
        wanted = f"a number from 1 to {len(choices)}"
        told = False  # about text that was kept: said once, however many lines a paste brings
        while True:
            try:
                typed = self._read(f"Type {wanted}: ")
            except EOFError:
                return None
            reply = typed.strip().lower()
            if reply.isdigit() and 1 <= int(reply) <= len(choices):
                return choices[int(reply) - 1][0]
            for key, _label in choices:
                if reply == key:
                    return key
            if reply in ("quit", "exit", "stop"):
                return None
            if reply:
                with hangup.writing():
                    told = self._not_a_choice(typed, wanted, keep, told=told)

    def _not_a_choice(self, typed: str, wanted: str, keep: Callable[[str], str] | None, *, told: bool) -> bool:
        """Say plainly that a number was wanted; text that looks like an answer is kept, never dropped.

        Returns whether the learner has now been told where kept text goes.
        """
        if len(typed.split()) <= _FEW_WORDS:
            self.out.print(f"This question wants {wanted}: type one of the numbers above.", style="yellow")
            return told
        where = keep(typed) if keep is not None else None
        if told:
            self.out.print("Kept that too.", style="dim")
        elif where:
            self.out.print(
                f"This question wants {wanted}, so what you typed was not taken as an answer. Nothing is lost: {where}",
                style="yellow",
                markup=False,
            )
        else:
            self.out.print(f"This question wants {wanted}, so what you typed was not used.", style="yellow")
        return told or bool(where)

    def confirm(self, question: str, *, default: bool) -> bool:
        hint = "[Y/n]" if default else "[y/N]"
        while True:
            try:
                reply = self._read(f"{question} {hint} ").strip().lower()
            except EOFError:
                return default
            if not reply:
                return default
            if reply in ("y", "yes"):
                return True
            if reply in ("n", "no"):
                return False
            self.out.print("Please type y for yes or n for no.")


def read_from_input(prompt: str) -> str:
    return input(prompt)  # looked up when called, so that readline (enabled later) is used


def readline_buffer() -> str:
    """The line being typed, as readline holds it (still there after Ctrl-C); empty without readline."""
    readline = sys.modules.get("readline")  # only once enable_line_editing has imported it
    get_line_buffer = getattr(readline, "get_line_buffer", None)
    return str(get_line_buffer()) if callable(get_line_buffer) else ""


def _nothing() -> str:
    return ""


def indent(text: str) -> str:
    """Text indented by four spaces on every line that has any."""
    return "\n".join(f"    {line}" if line else "" for line in text.split("\n"))
