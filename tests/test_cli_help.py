"""What ``--help`` tells a care worker: plain words, a plain name for every value, the same exit codes."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
import typer
import typer.core
import typer.main
from typer.testing import Result

from badgekit.cli import app

Run = Callable[..., Result]
ROOT = Path(__file__).resolve().parent.parent

EXIT_3 = (
    "something badgekit cannot use: a badge id it does not know, a statement whose badge it cannot tell "
    "(give --badge), or a badge file, template or statement "
    "that is missing, unreadable or invalid; or an output file that already exists (add --force to replace it), "
    "or that cannot be written (a full disk, a read-only folder)"
)


def test_exit_code_3_means_the_same_in_the_readme_and_in_help(run: Run) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"| 3 | {EXIT_3} |" in readme
    result = run("--help")
    assert result.exit_code == 0
    assert EXIT_3 in " ".join(result.stdout.replace("│", " ").split())
    assert "a file badgekit cannot use" not in readme + result.stdout


def test_a_misspelt_badge_id_exits_with_the_code_for_something_badgekit_cannot_use(run: Run) -> None:
    result = run("show", "leadership-acros-boundaries")
    assert result.exit_code == 3
    assert re.search(r"there is no badge called 'leadership-acros-boundaries'", result.stderr)


# --- every value has a plain name and every option says what it is for -------------------------

#: Commands whose parameters this walk does not check yet (none now: every command is walked).
NOT_YET_WALKED: frozenset[str] = frozenset()
#: What a metavar may look like: FILE, ID, [FILE], FILE..., [FILE]...
PLAIN_METAVAR = re.compile(r"\[?[A-Z]+\]?(?:\.\.\.)?")


def commands() -> list[tuple[str, typer.core.TyperCommand | typer.core.TyperGroup]]:
    """Every command and group as ``badgekit --help`` knows it, by the words that run it."""
    found: list[tuple[str, typer.core.TyperCommand | typer.core.TyperGroup]] = []
    root = typer.main.get_command(app)
    pending: list[tuple[str, typer.core.TyperCommand | typer.core.TyperGroup]] = [("badgekit", root)]
    while pending:
        path, command = pending.pop()
        found.append((path, command))
        if isinstance(command, typer.core.TyperGroup):
            for name, sub in command.commands.items():
                assert isinstance(sub, (typer.core.TyperCommand, typer.core.TyperGroup))
                pending.append((f"{path} {name}", sub))
    return sorted(found, key=lambda item: item[0])


def shown_type(param: typer.core.TyperArgument | typer.core.TyperOption, ctx: typer.Context) -> str:
    """What Typer's help prints in the column after a parameter's name (see typer.rich_utils)."""
    if isinstance(param, typer.core.TyperArgument):
        metavar = param.type.get_metavar(param=param, ctx=ctx)
        return f"<{param.type.name}>" if metavar is None else metavar
    return "" if param.is_flag else param.make_metavar(ctx=ctx)


def walked_parameters() -> list[tuple[str, typer.core.TyperArgument | typer.core.TyperOption, typer.Context]]:
    walked = []
    for path, command in commands():
        if path.split()[1:2] and path.split()[1] in NOT_YET_WALKED:
            continue
        ctx = typer.Context(command, info_name=path)
        for param in command.params:
            assert isinstance(param, (typer.core.TyperArgument, typer.core.TyperOption))
            walked.append((path, param, ctx))
    return walked


def test_every_parameter_has_a_help_sentence_and_a_plain_metavar() -> None:
    """Walks every registered command's arguments and options, draft and drafts included.

    A missing help text, a type Typer names itself (<str>, <int>, <path>, <directory>) or a
    range in Typer's notation ([1<=x<=52]) fails, naming the command and the parameter.
    """
    walked = walked_parameters()
    names = {path for path, _, _ in walked}
    assert {"badgekit", "badgekit check", "badgekit export", "badgekit plan", "badgekit profile add"} <= names
    assert {"badgekit draft", "badgekit drafts", "badgekit drafts show", "badgekit drafts restore"} <= names
    problems = []
    for path, param, ctx in walked:
        name = param.opts[0] if isinstance(param, typer.core.TyperOption) else (param.metavar or param.name)
        if not (param.help or "").strip():
            problems.append(f"{path} {name}: no help text")
        shown = shown_type(param, ctx)
        if isinstance(param, typer.core.TyperArgument):
            if shown:
                problems.append(f"{path} {name}: help shows the type {shown!r} beside its name")
            if not (param.metavar and PLAIN_METAVAR.fullmatch(param.metavar)):
                problems.append(f"{path} {name}: no plain metavar such as FILE or ID")
        elif shown and not PLAIN_METAVAR.fullmatch(shown):
            problems.append(f"{path} {name}: help names its value {shown!r}, not a plain word such as NUMBER")
        if hasattr(param.type, "_describe_range"):
            problems.append(f"{path} {name}: Typer describes the range in its own notation; check it in plain words")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(
    "command",
    [
        "check",
        "export",
        "plan",
        "list",
        "show",
        "validate",
        "profile add",
        "profile remove",
        "profile list",
        "draft",
        "drafts",
        "drafts show",
        "drafts restore",
        "drafts delete",
    ],
)
def test_help_as_printed_has_no_programmer_notation(run: Run, command: str) -> None:
    result = run(*command.split(), "--help")
    assert result.exit_code == 0
    found = re.findall(r"<(?:str|int|path|directory|float|text|filename)[^>]*>|\d*<=x|x>=\d+", result.stdout)
    assert not found, found
    assert "Example: badgekit " in " ".join(result.stdout.split())


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["plan", "thing-19", "--learning-weeks", "0"], "'0' is not a whole number of weeks from 1 to 52"),
        (["plan", "thing-19", "--activity-weeks", "53"], "'53' is not a whole number of weeks from 1 to 52"),
        (["plan", "thing-19", "--writing-weeks", "two"], "'two' is not a whole number of weeks from 1 to 52"),
        (["check", "statement.md", "--jobs", "0"], "'0' is not a whole number of 1 or more"),
    ],
)
def test_a_number_out_of_range_is_refused_in_plain_words(run: Run, args: list[str], message: str) -> None:
    result = run(*args)
    assert result.exit_code == 2
    said = " ".join(result.stderr.replace("│", " ").split())
    assert message in said
    assert "range" not in said and "<=" not in said and "integer" not in said


def test_numbers_in_range_are_taken(run: Run) -> None:
    result = run("plan", "thing-19", "--start", "2027-01-04", "--learning-weeks", "52", "-f", "json")
    assert result.exit_code == 0, result.stderr
    assert '"days": 364' in result.stdout


def test_plan_says_its_start_defaults_to_today(run: Run) -> None:
    help_text = " ".join(run("plan", "--help").stdout.replace("│", " ").split())
    assert "today if not given" in help_text
    assert "estimate from the size of the badge" in help_text
