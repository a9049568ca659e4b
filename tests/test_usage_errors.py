"""A command typed wrongly is answered in badgekit's own voice, saying what to type instead; help reads in a
learner's order, with exit codes last and usage lines in plain names."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from typer.testing import Result

Run = Callable[..., Result]


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (
            ["plan", "thing-19", "--ics"],
            "error: --ics needs a value after it: also save the plan as an iCalendar file",
        ),
        (["check", "x.md", "--fail-on", "bad"], "error: --fail-on: 'bad' is not one of error, warning or note"),
        (["list", "--bogus"], "error: 'badgekit list' has no option --bogus"),
        (["check", "--fail-o", "x"], "error: 'badgekit check' has no option --fail-o: did you mean --fail-on?"),
        (["show"], "error: 'badgekit show' needs BADGE: a badge's id (as 'badgekit list' shows it), its title"),
        (["show", "a", "b"], "error: 'badgekit show' does not take 'b' there"),
        (["lst"], "error: there is no command 'lst': did you mean 'list'?"),
    ],
)
def test_usage_errors_are_in_badgekits_voice(run: Run, args: list[str], said: str) -> None:
    result = run(*args)
    assert result.exit_code == 2
    err = flat(result.stderr)
    assert err.startswith(said), err
    for click_words in ("Invalid value", "requires an argument", "Missing argument", "No such", "Usage:", "╭"):
        assert click_words not in err


def test_a_usage_error_gives_the_commands_own_example(run: Run) -> None:
    err = flat(run("plan", "thing-19", "--ics").stderr)
    assert "For example: badgekit plan leadership-across-boundaries --start 2026-12-01 --ics plan.ics." in err
    assert "See what it takes with: badgekit plan --help" in err


def test_help_opens_with_what_badgekit_is_for_and_lists_commands_in_a_learners_order(run: Run) -> None:
    out = flat(run("--help").stdout.replace("│", " "))
    assert out.index("badgekit helps care workers in Scotland earn SSSC Open Badges") < out.index("Options")
    assert "Start with badgekit list" in out
    names = ("list", "show", "draft", "check", "rules", "export", "drafts", "review", "plan", "profile", "validate")
    listed = [w for w in re.findall(r" ([a-z]+) [A-Z]", out[out.index("1. Find a badge") :]) if w in names]
    assert listed == list(names)
    assert out.index("Exit codes:") > out.index("validate"), "exit codes come last"


def test_a_commands_exit_codes_come_after_its_options(run: Run) -> None:
    out = flat(run("check", "--help").stdout.replace("│", " "))
    assert out.index("Exit codes:") > out.index("--format")
    assert out.index("Example: badgekit check") < out.index("--format")


@pytest.mark.parametrize(
    ("command", "usage"), [("show", "badgekit show [OPTIONS] BADGE"), ("plan", "plan [OPTIONS] BADGE")]
)
def test_usage_lines_have_no_braces(run: Run, command: str, usage: str) -> None:
    out = run(command, "--help").stdout
    assert usage in out and "{" not in out
