"""Damaged state and odd streams: each is named with what to do, and never stops a command that does not need it.

A damaged profile, a damaged draft, a template that is binary, includes itself or loops without end, a
closed standard input, a start date near the end of the calendar, a full standard output and a closed pipe.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from test_review import GOOD
from typer.testing import Result

from badgekit import render

Run = Callable[..., Result]
BADGEKIT = [sys.executable, "-c", "from badgekit.cli import main; main()"]


@pytest.fixture
def statement(tmp_path: Path) -> Path:
    path = tmp_path / "statement.md"
    path.write_text(GOOD, encoding="utf-8")
    return path


@pytest.fixture
def answers(tmp_path: Path) -> Path:
    path = tmp_path / "answers.yaml"
    path.write_text("1: I learned a lot.\n2: I talked to my manager.\n3: I will tell my team.\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("content", [b"\xff\xfe{", b"[" * 100_000, b'{"badges": 5}'])
def test_a_damaged_profile_is_named_and_stops_nothing_that_only_reminds(
    run: Run, isolated_user_dirs: Path, statement: Path, answers: Path, tmp_path: Path, content: bytes
) -> None:
    isolated_user_dirs.mkdir(parents=True, exist_ok=True)
    profile = isolated_user_dirs / "profile.json"
    profile.write_bytes(content)
    for args in (
        ("check", str(statement)),
        ("plan", "writing-evidence"),
        ("show", "writing-evidence"),
        ("draft", "writing-evidence", "--answers", str(answers), "-o", str(tmp_path / "out.md")),
    ):
        result = run(*args)
        assert result.exit_code in (0, 1), (args, result.output)
        if args[0] != "draft":  # writing from a file gives no reminders, so it never reads the profile
            assert f"note: {profile}: your profile is not in the form badgekit wrote it" in result.stderr, args
    listed = run("profile", "list")
    assert listed.exit_code == 3
    assert f"error: {profile}: your profile is not in the form" in listed.stderr
    assert profile.read_bytes() == content  # left exactly as it was


def test_a_deeply_nested_draft_is_named_not_a_traceback(run: Run, tmp_path: Path) -> None:
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    (drafts / "writing-evidence.json").write_text("[" * 100_000, encoding="utf-8")
    result = run("drafts", "show", "writing-evidence", "--drafts-dir", str(drafts))
    assert result.exit_code == 3
    assert "writing-evidence.json: not a readable draft" in result.stderr
    assert "--fresh" in result.stderr


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"\x7fELF\x02\x01\x01\x00\xff\xfe\x00\x00", "it is not a text file"),
        (b'{% include "statement.md.j2" %}', "it includes itself"),
        (
            b"{% for i in range(99999) %}{% for j in range(99999) %}{% endfor %}{% endfor %}",
            "it was still running after",
        ),
        (b"{% for i in range(99999) %}{% for j in range(99999) %}wide{% endfor %}{% endfor %}", "it wrote more than"),
    ],
)
def test_a_template_that_cannot_be_used_is_named_with_exit_code_3(
    run: Run, tmp_path: Path, answers: Path, monkeypatch: pytest.MonkeyPatch, content: bytes, reason: str
) -> None:
    # Only the endless loop needs the timer to stop it; the others end by themselves, whatever the load.
    monkeypatch.setattr(render, "RENDER_SECONDS", 0.3 if "still running" in reason else 30)
    monkeypatch.setattr(render, "MAX_OUTPUT", 100_000)
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "statement.md.j2").write_bytes(content)
    result = run("draft", "writing-evidence", "--answers", str(answers), "--templates-dir", str(templates), "-o", "-")
    assert result.exit_code == 3, result.output
    assert f"error: {templates / 'statement.md.j2'}: this template cannot be used: {reason}" in result.stderr
    assert "move it out of your templates folder" in result.stderr


def test_a_plan_past_the_end_of_the_calendar_says_so(run: Run) -> None:
    result = run("plan", "writing-evidence", "--start", "9999-12-01")
    assert result.exit_code == 3
    assert "a plan starting on 9999-12-01 would end after the year 9999" in result.stderr


def _badgekit(*args: str, **kwargs: object) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "NO_COLOR": "1"}
    return subprocess.run([*BADGEKIT, *args], capture_output=False, env=env, check=False, timeout=60, **kwargs)  # type: ignore[call-overload, no-any-return]


def test_reading_a_closed_standard_input_says_so(statement: Path) -> None:
    empty = _badgekit("check", "-", stdin=subprocess.DEVNULL, stderr=subprocess.PIPE, stdout=subprocess.PIPE)
    assert empty.stderr == b"error: <stdin>: this file is empty: there is no statement to check\n"  # not "closed"
    closed = subprocess.run(
        [*BADGEKIT, "check", "-"],
        capture_output=True,
        close_fds=True,
        check=False,
        preexec_fn=lambda: os.close(0),
        timeout=60,
    )
    assert closed.returncode == 3
    assert b"error: <stdin>: standard input is closed" in closed.stderr
    assert b"Traceback" not in closed.stderr


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_full_standard_output_is_an_error_naming_it(statement: Path) -> None:
    # Every command that prints, once: 'rules' once ended in a traceback, and a failed write of a long output
    # (more than the buffer holds) was reported twice, at the write and again at exit.
    printing = (
        ("check", str(statement), "--format", "json"),
        ("check", str(statement)),
        ("list",),
        ("list", "--format", "json"),
        ("show", "leading-and-developing-people"),
        ("rules",),
        ("rules", "--format", "json"),
        ("plan", "writing-evidence"),
        ("--help",),
    )
    for args in printing:
        with open("/dev/full", "wb") as full:
            result = _badgekit(*args, stdout=full, stderr=subprocess.PIPE)
        assert result.returncode == 3, args
        assert result.stderr.decode().strip() == "error: standard output: the disk is full", args


def test_a_closed_pipe_ends_quietly_with_the_shells_own_code() -> None:
    for args in (("list",), ("show", "writing-evidence")):
        reader, writer = os.pipe()
        os.close(reader)
        result = _badgekit(*args, stdout=writer, stderr=subprocess.PIPE)
        os.close(writer)
        assert (result.returncode, result.stderr) == (141, b""), args


def test_output_that_cannot_be_flushed_at_the_end_keeps_the_commands_own_exit_code(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # After a closed window the interview saves everything and exits 130; the terminal is gone, so flushing
    # the last output fails. Python's own shutdown would then end with 120 instead.
    import errno

    import badgekit.cli
    import badgekit.console

    class Gone:
        def flush(self) -> None:
            raise OSError(errno.EIO, "Input/output error")

    class Ended(Exception):
        pass

    def exit_now(code: int) -> None:
        raise Ended(code)

    silenced: list[bool] = []

    def main() -> None:
        raise SystemExit(130)

    monkeypatch.setattr(badgekit.cli, "main", main)
    monkeypatch.setattr(badgekit.console, "silence_stdout", lambda *, stderr_too=False: silenced.append(stderr_too))
    monkeypatch.setattr(badgekit.cli.os, "_exit", exit_now)
    monkeypatch.setattr(sys, "stderr", Gone())
    with pytest.raises(Ended) as ended:
        badgekit.cli.run()
    assert ended.value.args == (130,)
    assert silenced == [True]  # nothing is left for Python to try to write at exit
