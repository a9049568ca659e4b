"""The terminal side of the interview without a real terminal: hang-ups, unfinished lines, menus, the editor."""

from __future__ import annotations

import io
import os
import signal
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from rich.console import Console

from badgekit.drafting.messages import AnswerInterrupted, AnswerRequest
from badgekit.terminal import hangup
from badgekit.terminal.asker import TerminalAsker
from badgekit.terminal.editor import NANO_KEYS, NO_EDITOR, default_editor, opening_message

REQUEST = AnswerRequest("Criterion", 1, adding=False, has_answer=False)


def keyboard(*lines: str | BaseException) -> Callable[[str], str]:
    """Types each line in turn; an exception is raised where it comes; then input ends."""
    pending = list(lines)

    def read(_prompt: str) -> str:
        if not pending:
            raise EOFError
        line = pending.pop(0)
        if isinstance(line, BaseException):
            raise line
        return line

    return read


def asker(read: Callable[[str], str], **kwargs: object) -> tuple[TerminalAsker, io.StringIO]:
    screen = io.StringIO()
    out = Console(file=screen, width=200, no_color=True, highlight=False)
    return TerminalAsker(out, read_line=read, **kwargs), screen  # type: ignore[arg-type]


# --- a closed window --------------------------------------------------------------------------------


@pytest.fixture
def stopping() -> Iterator[None]:
    with hangup.stopping_on_hangup():
        yield


def test_a_hang_up_while_waiting_for_a_line_stops_the_read(stopping: None) -> None:
    def blocked(_prompt: str) -> str:
        signal.raise_signal(signal.SIGHUP)  # arrives while the learner is being waited on
        return "never returned"

    with pytest.raises(hangup.TerminalClosed):
        hangup.read_line(blocked, "> ")


def test_a_hang_up_between_reads_waits_for_the_next_read(stopping: None) -> None:
    signal.raise_signal(signal.SIGHUP)  # nothing is raised here, where an answer may be being saved
    reads: list[str] = []
    with pytest.raises(hangup.TerminalClosed):
        hangup.read_line(lambda prompt: reads.append(prompt) or "", "> ")
    assert reads == [], "the read is not even started"


def test_end_of_input_after_a_hang_up_is_the_hang_up(stopping: None) -> None:
    def hung_up(_prompt: str) -> str:
        hangup._STATE.signalled = True  # the signal came in, its handler not run yet
        raise EOFError

    with pytest.raises(hangup.TerminalClosed):
        hangup.read_line(hung_up, "> ")
    hangup._STATE.signalled = False
    with pytest.raises(EOFError):  # Ctrl-D in a terminal that is still there stays end of input
        hangup.read_line(keyboard(), "> ")


def test_a_failed_write_after_a_hang_up_is_the_hang_up(stopping: None) -> None:
    with pytest.raises(OSError), hangup.writing():
        raise OSError(5, "Input/output error")
    hangup._STATE.signalled = True
    with pytest.raises(hangup.TerminalClosed), hangup.writing():
        raise OSError(5, "Input/output error")


def test_the_handlers_are_put_back_afterwards() -> None:
    before = signal.getsignal(signal.SIGHUP), signal.getsignal(signal.SIGTERM)
    with hangup.stopping_on_hangup():
        assert signal.getsignal(signal.SIGHUP) is not before[0]
    assert (signal.getsignal(signal.SIGHUP), signal.getsignal(signal.SIGTERM)) == before


def test_standard_input_that_is_no_terminal_has_not_hung_up() -> None:
    assert hangup.hung_up() is False


def test_a_closed_window_mid_answer_carries_the_lines_typed(stopping: None) -> None:
    def closed(_prompt: str) -> str:
        hangup._STATE.signalled = True
        raise EOFError

    lines = iter(["First line.", "Second line."])
    terminal, _screen = asker(lambda prompt: next(lines, None) or closed(prompt))
    with pytest.raises(AnswerInterrupted) as stopped:
        terminal.read_answer(REQUEST)
    assert stopped.value.partial == "First line.\nSecond line."


# --- Ctrl-C keeps the line being typed ---------------------------------------------------------------


def test_ctrl_c_keeps_the_line_typed_without_enter() -> None:
    terminal, _screen = asker(keyboard("A whole line.", KeyboardInterrupt()), line_buffer=lambda: "and half")
    with pytest.raises(AnswerInterrupted) as stopped:
        terminal.read_answer(REQUEST)
    assert stopped.value.partial == "A whole line.\nand half"


def test_ctrl_c_with_nothing_on_the_line_keeps_the_lines_before() -> None:
    terminal, _screen = asker(keyboard("A whole line.", KeyboardInterrupt()), line_buffer=lambda: "   ")
    with pytest.raises(AnswerInterrupted) as stopped:
        terminal.read_answer(REQUEST)
    assert stopped.value.partial == "A whole line."


def test_a_line_editor_that_cannot_say_does_not_stop_the_rest_being_kept() -> None:
    def broken() -> str:
        raise RuntimeError("no line buffer")

    terminal, _screen = asker(keyboard("Kept.", KeyboardInterrupt()), line_buffer=broken)
    with pytest.raises(AnswerInterrupted) as stopped:
        terminal.read_answer(REQUEST)
    assert stopped.value.partial == "Kept."


# --- menus --------------------------------------------------------------------------------------------

CHOICES = [("write", "Write my statement now"), ("change", "Change an answer"), ("quit", "Stop for now")]


def test_a_menu_takes_a_number_or_the_choices_name() -> None:
    assert asker(keyboard("2"))[0].choose("What now?", CHOICES) == "change"
    assert asker(keyboard("", "4", "write"))[0].choose("What now?", CHOICES) == "write"


def test_a_menu_says_plainly_that_it_wants_a_number() -> None:
    terminal, screen = asker(keyboard("yes please", "1"))
    assert terminal.choose("What now?", CHOICES) == "write"
    assert "This question wants a number from 1 to 3: type one of the numbers above." in screen.getvalue()


def test_an_answer_pasted_at_a_menu_is_kept_and_the_learner_told_where() -> None:
    kept: list[str] = []

    def keep(text: str) -> str:
        kept.append(text)
        return "it is saved in your draft."

    pasted = ["When we met the housing team I listened first.", "", "Next time I will ask sooner.", "2"]
    terminal, screen = asker(keyboard(*pasted))
    assert terminal.choose("What now?", CHOICES, keep=keep) == "change"
    said = " ".join(screen.getvalue().split())
    assert kept == pasted[0:1] + pasted[2:3], "every line with words in it is kept"
    assert said.count("This question wants a number from 1 to 3, so what you typed was not taken as an answer.") == 1
    assert "Nothing is lost: it is saved in your draft." in said and "Kept that too." in said


def test_without_a_keeper_a_menu_says_the_text_was_not_used() -> None:
    terminal, screen = asker(keyboard("A long answer typed in the wrong place", "3"))
    assert terminal.choose("What now?", CHOICES) == "quit"
    assert "so what you typed was not used" in screen.getvalue()


# --- the editor ---------------------------------------------------------------------------------------


@pytest.fixture
def no_editor_set(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """No VISUAL or EDITOR, and a PATH holding only an empty folder (no nano, no vi)."""
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.delenv("EDITOR", raising=False)
    folder = tmp_path / "bin"
    folder.mkdir()
    monkeypatch.setenv("PATH", str(folder))
    return folder


def test_without_editor_or_nano_no_editor_is_opened_least_of_all_vi(no_editor_set: Path) -> None:
    vi = no_editor_set / "vi"
    vi.write_text("#!/bin/sh\nexit 0\n", encoding="utf-8")
    vi.chmod(0o755)
    assert default_editor() is None
    terminal, screen = asker(keyboard())
    assert terminal.edit("my answer") is None
    said = " ".join(screen.getvalue().split())
    assert NO_EDITOR in said and "paste your answer here instead" in said and "export EDITOR=nano" in said


def test_nano_is_used_when_installed_and_the_learner_told_how_to_save_and_close(no_editor_set: Path) -> None:
    nano = no_editor_set / "nano"
    nano.write_text('#!/bin/sh\nprintf "Written in nano." > "$1"\n', encoding="utf-8")
    nano.chmod(0o755)
    assert default_editor() == "nano"
    terminal, screen = asker(keyboard(), scratch_dir=no_editor_set.parent / "drafts")
    assert terminal.edit("") == "Written in nano."
    assert NANO_KEYS in " ".join(screen.getvalue().split())
    assert "Ctrl-O then Enter to save, then Ctrl-X" in NANO_KEYS
    assert stat.S_IMODE(os.stat(no_editor_set.parent / "drafts").st_mode) == 0o700


def test_the_learners_own_editor_comes_first(monkeypatch: pytest.MonkeyPatch, no_editor_set: Path) -> None:
    monkeypatch.setenv("EDITOR", "micro")
    assert default_editor() == "micro"
    monkeypatch.setenv("VISUAL", "code --wait")
    assert default_editor() == "code --wait"
    assert (
        opening_message("code --wait")
        == "Opening your answer in code --wait. Save and close the editor to come back here."
    )
    assert NANO_KEYS in opening_message("/usr/bin/nano -R")


# --- commands at any point in an answer ---------------------------------------------------------


def test_a_command_after_some_text_is_asked_about_once_and_the_text_kept() -> None:
    from badgekit.drafting.messages import Command, Reply

    terminal, screen = asker(keyboard("My first line", "", "review", "y"))
    assert terminal.read_answer(REQUEST) == Reply("My first line\n", Command("review"))
    assert "'review' is one of badgekit's commands" in screen.getvalue()

    terminal, screen = asker(keyboard("I felt I should step back", "back", "n", "and then", "quit", "done"))
    assert terminal.read_answer(REQUEST) == "I felt I should step back\nback\nand then\nquit"
    assert screen.getvalue().count("is one of badgekit's commands") == 1, "asked once per answer"


def test_a_command_typed_first_needs_no_question() -> None:
    terminal, screen = asker(keyboard("edit 2"))
    assert terminal.read_answer(REQUEST) == "edit 2"
    assert "is one of badgekit's commands" not in screen.getvalue()


def test_ctrl_c_at_the_question_keeps_what_was_typed() -> None:
    terminal, _ = asker(keyboard("Half an answer", "skip", KeyboardInterrupt()))
    with pytest.raises(AnswerInterrupted) as caught:
        terminal.read_answer(REQUEST)
    assert caught.value.partial == "Half an answer"


# --- the opening ------------------------------------------------------------------------------------


def test_the_opening_says_the_badges_notices_first_and_sssc_ai_rule_unless_the_badge_forbids_ai() -> None:
    from badgekit.badges import ai_rule
    from badgekit.drafting.messages import Opening

    opening = Opening(
        title="A badge",
        series="",
        kind="criteria",
        noun="criterion",
        reflect=False,
        count=1,
        level=None,
        words="no word limit",
        minimums=(),
        prerequisites=(),
        steps=(),
        intro=None,
        resumed=None,
        notices=("This badge is no longer taking new applications: you can read it, but not apply for it.",),
    )
    terminal, screen = asker(keyboard())
    terminal.show(opening)
    shown = " ".join(screen.getvalue().split())
    assert shown.index("no longer taking new applications") < shown.index("There is 1 criterion")
    assert ai_rule.ONE_LINE in shown and ai_rule.BADGEKIT_NEVER in shown
    from dataclasses import replace

    terminal, screen = asker(keyboard())
    terminal.show(replace(opening, sssc_ai_rule=False))
    shown = " ".join(screen.getvalue().split())
    assert ai_rule.ONE_LINE not in shown and ai_rule.BADGEKIT_NEVER in shown
