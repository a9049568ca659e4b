"""``badgekit draft`` in a real pseudo-terminal: killed, interrupted and hung up on, it loses nothing given."""

from __future__ import annotations

import json
import os
import signal
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pexpect
import pytest

pytestmark = pytest.mark.slow

BADGE = "leadership-across-boundaries"
PASTED = (
    "When our team began joint visits with the community nurses, I set up a shared diary.\n"
    "\n"
    "At first I felt we were treading on each other's toes, so I asked for a meeting.\n"
    "\n"
    "Next time I will agree roles at the very start, and check in with the family."
)
SECOND = "I listened to the social worker's view of the risk, and it changed my plan."


def spawn(folder: Path, *args: str) -> pexpect.spawn:
    env = {**os.environ, "BADGEKIT_DATA_DIR": str(folder / "data"), "NO_COLOR": "1", "TERM": "xterm"}
    env.pop("BADGEKIT_DRAFTS_DIR", None)
    return pexpect.spawn(
        sys.executable,
        ["-m", "badgekit", "draft", *args],
        cwd=str(folder),
        env=env,
        encoding="utf-8",
        timeout=30,
        dimensions=(50, 200),
    )


def answer(child: pexpect.spawn, text: str) -> None:
    child.expect_exact("press Enter.")
    child.expect_exact("> ")
    child.send(text + "\n")  # a paste arrives all at once
    child.sendline("done")


def write_statement(child: pexpect.spawn) -> None:
    """At the end of the interview: choose to write the statement, and see badgekit finish."""
    child.expect_exact("What would you like to do now?")
    child.expect_exact("Type a number")
    child.sendline("1")
    child.expect_exact("Your statement is in")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


def saved_answers(folder: Path) -> list[str]:
    draft = json.loads((folder / "data" / "drafts" / f"{BADGE}.json").read_text(encoding="utf-8"))
    return [a["text"] for a in draft["answers"].values()]


def test_killed_after_two_answers_it_resumes_and_the_statement_holds_both(tmp_path: Path) -> None:
    child = spawn(tmp_path, BADGE)
    child.expect_exact("Criterion 1 of 7")
    answer(child, PASTED)
    child.expect_exact("Criterion 2 of 7")
    answer(child, SECOND)
    child.expect_exact("Criterion 3 of 7")
    child.kill(signal.SIGKILL)
    child.close(force=True)
    assert child.signalstatus == signal.SIGKILL
    assert saved_answers(tmp_path) == [PASTED, SECOND]

    child = spawn(tmp_path, BADGE)
    child.expect_exact("You have a draft of this badge: 2 answers")
    child.expect_exact("Carry on with it?")
    child.sendline("y")
    child.expect_exact("Welcome back: you have answered 2 of 7.")
    for number in range(3, 8):
        child.expect_exact(f"Criterion {number} of 7")
        answer(child, f"My answer to criterion {number}.")
    write_statement(child)

    statement = (tmp_path / f"{BADGE}-statement.md").read_text(encoding="utf-8")
    assert PASTED in statement, "all three pasted paragraphs, blank lines and all"
    assert SECOND in statement
    assert "My answer to criterion 7." in statement


def typing_the_first_answer(folder: Path, text: str) -> pexpect.spawn:
    """badgekit draft, part-way through typing the first answer."""
    child = spawn(folder, BADGE)
    child.expect_exact("Criterion 1 of 7")
    child.expect_exact("> ")
    child.sendline(text)
    child.expect_exact("> ")
    return child


def test_ctrl_c_keeps_the_answer_being_typed_and_says_how_to_resume(tmp_path: Path) -> None:
    child = typing_the_first_answer(tmp_path, "Half of an answer")
    child.sendintr()
    child.expect_exact(f"To carry on, run: {sys.executable} -m badgekit draft {BADGE}")  # as it was started
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert saved_answers(tmp_path) == ["Half of an answer"]


@pytest.mark.parametrize(
    "stop",
    [
        pytest.param(lambda child: child.sendintr(), id="ctrl-c"),
        pytest.param(lambda child: child.kill(signal.SIGHUP), id="sighup"),
    ],
)
def test_stopping_keeps_the_line_not_yet_ended_with_enter(
    tmp_path: Path, stop: Callable[[pexpect.spawn], None]
) -> None:
    child = typing_the_first_answer(tmp_path, "A whole line")
    child.send("and half a line")
    child.expect_exact("half a line")  # echoed: readline holds it
    stop(child)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert saved_answers(tmp_path) == ["A whole line\nand half a line"]


def close_the_window(child: pexpect.spawn) -> None:
    """What closing a terminal window does: the terminal itself goes away, and badgekit is hung up on."""
    child.ptyproc.fileobj.close()
    deadline = time.monotonic() + 20
    while child.ptyproc.isalive() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not child.ptyproc.isalive(), "badgekit stops when its window closes"


def test_closing_the_window_keeps_every_line_typed_in_the_answer(tmp_path: Path) -> None:
    # Closing the window gives end-of-input and SIGHUP together, end-of-input usually first: the
    # lines typed used to be lost between the two.
    child = typing_the_first_answer(tmp_path, "Typed before the window closed")
    child.sendline("and a second line")
    child.expect_exact("> ")
    close_the_window(child)
    assert child.ptyproc.exitstatus == 130
    assert saved_answers(tmp_path) == ["Typed before the window closed\nand a second line"]

    child = spawn(tmp_path, BADGE)  # carrying on starts at the answer cut off, and says so
    child.expect_exact("Carry on with it?")
    child.sendline("y")
    child.expect_exact("Your answer to criterion 1 was cut off when badgekit stopped last time.")
    child.expect_exact("Criterion 1 of 7")
    child.expect_exact("Your answer so far (9 words)")
    child.expect_exact("> ")
    child.sendline("quit")
    child.expect(pexpect.EOF)
    child.close()


def test_closing_the_window_while_replacing_an_answer_keeps_both(tmp_path: Path) -> None:
    child = spawn(tmp_path, BADGE)
    answer(child, SECOND)
    child.expect_exact("Criterion 2 of 7")
    child.sendline("back")
    child.expect_exact("a new answer to replace the one above")
    child.expect_exact("> ")
    child.sendline("A better first answer, half written")
    child.expect_exact("> ")
    close_the_window(child)
    draft = json.loads((tmp_path / "data" / "drafts" / f"{BADGE}.json").read_text(encoding="utf-8"))
    (criterion,) = draft["answers"]
    assert draft["answers"][criterion]["text"] == SECOND, "the answer given stands"
    assert [a["text"] for a in draft["earlier"][criterion]] == ["A better first answer, half written"]


def test_a_pasted_paragraph_longer_than_a_terminal_line_arrives_whole(tmp_path: Path) -> None:
    # A terminal in its ordinary line mode keeps about 4,000 characters of a line; readline keeps them all.
    long_paragraph = " ".join(f"word{n}" for n in range(1200))  # about 8,000 characters on one line
    child = spawn(tmp_path, BADGE)
    child.expect_exact("Criterion 1 of 7")
    answer(child, long_paragraph)
    child.expect_exact("Criterion 2 of 7")
    child.sendline("quit")
    child.expect(pexpect.EOF)
    child.close()
    assert saved_answers(tmp_path) == [long_paragraph]


def test_after_back_the_screen_says_done_alone_keeps_the_answer(tmp_path: Path) -> None:
    child = spawn(tmp_path, BADGE)
    answer(child, SECOND)
    child.expect_exact("Criterion 2 of 7")
    child.sendline("back")
    child.expect_exact("type done alone now.")
    child.expect_exact("> ")
    child.sendline("done")
    child.expect_exact("Criterion 2 of 7")
    child.sendline("quit")
    child.expect(pexpect.EOF)
    child.close()
    draft = json.loads((tmp_path / "data" / "drafts" / f"{BADGE}.json").read_text(encoding="utf-8"))
    assert [a["text"] for a in draft["answers"].values()] == [SECOND]


@pytest.mark.skipif(os.name == "nt", reason="runs the printed command in a POSIX shell")
def test_quit_after_some_text_asks_once_keeps_the_text_and_prints_a_command_that_runs(tmp_path: Path) -> None:
    child = spawn(tmp_path, BADGE)
    child.expect_exact("press Enter.")
    child.expect_exact("> ")
    child.sendline("I helped plan the visit.")
    child.expect_exact("> ")
    child.sendline("quit")
    child.expect_exact("Do 'quit' now?")
    child.sendline("y")
    child.expect(r"To carry on, run: ([^\r\n]+)")
    printed = child.match.group(1).strip()
    child.expect(pexpect.EOF)
    child.close()
    assert saved_answers(tmp_path) == ["I helped plan the visit."]
    assert printed == f"{sys.executable} -m badgekit draft {BADGE}"

    env = {**os.environ, "BADGEKIT_DATA_DIR": str(tmp_path / "data"), "NO_COLOR": "1", "TERM": "xterm"}
    again = pexpect.spawn("/bin/sh", ["-c", printed], cwd=str(tmp_path), env=env, encoding="utf-8", timeout=30)
    again.expect_exact("Carry on with it?")
    again.sendline("y")
    again.expect_exact("> ")
    again.sendline("quit")
    again.expect(pexpect.EOF)
    again.close()


def test_a_closed_badge_named_by_its_title_says_so_and_gives_the_ai_rule_before_the_first_question(
    tmp_path: Path,
) -> None:
    child = spawn(tmp_path, "ELC Thing 15")
    child.expect_exact("What is supervision and why do we do it?")
    child.expect_exact("This badge is no longer taking new applications: you can read it, but not apply for it.")
    child.expect_exact("SSSC's rule on AI: declare any use of AI when you apply.")
    child.expect_exact("badgekit never writes your experiences or reflections")
    child.expect_exact("Criterion 1 of 2")
    child.expect_exact("> ")
    child.sendline("quit")
    child.expect(pexpect.EOF)


def test_ctrl_c_part_way_through_a_sentence_then_add_carries_the_sentence_on(tmp_path: Path) -> None:
    # The learner's report: Ctrl-C half-way through a line of answer 2, run again, type add to carry on; the
    # sentence was split into two paragraphs in the statement and every export of it.
    badge = "writing-evidence"
    started = "I talked to my manager about the hints and tips, and we agreed that she will read"
    carried_on = "my draft and tell me if anything is missing before I submit it."
    child = spawn(tmp_path, badge)
    child.expect_exact("Criterion 1 of 3")
    answer(child, " ".join([PASTED.replace("\n", " ")] * 3))
    child.expect_exact("Criterion 2 of 3")
    child.expect_exact("> ")
    child.send(started)
    child.expect_exact("she will read")  # echoed: readline holds it, not yet ended with Enter
    child.sendintr()
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130

    child = spawn(tmp_path, badge)
    child.expect_exact("Carry on with it?")
    child.sendline("y")
    child.expect_exact("Your answer to criterion 2 was cut off")
    child.expect_exact("> ")
    child.sendline("add")
    child.expect_exact("so what you add carries it on from: …")
    child.expect_exact("> ")
    child.sendline(carried_on)
    child.sendline("done")
    child.expect_exact("Notes from your discussion")
    child.expect_exact("> ")
    child.sendline("skip")
    child.expect_exact("Criterion 3 of 3")
    answer(child, SECOND + " I will tell my colleagues at our next team meeting why evidence matters to us all.")
    write_statement(child)

    sentence = f"{started} {carried_on}"
    statement = tmp_path / f"{badge}-statement.md"
    assert sentence in statement.read_text(encoding="utf-8")
    exported = pexpect.run(
        f"{sys.executable} -m badgekit export {statement} --text -o -",
        cwd=str(tmp_path),
        env={**os.environ, "BADGEKIT_DATA_DIR": str(tmp_path / "data"), "NO_COLOR": "1"},
        encoding="utf-8",
        timeout=60,
    )
    assert sentence in exported
