"""The Typer application, its global options, and the one place errors become exit codes.

Command modules register themselves on ``app``; ``badgekit.cli`` imports them all.
Only this package imports typer. Heavy libraries are imported inside commands, so
``badgekit --help`` and ``badgekit list`` start quickly.
"""

from __future__ import annotations

import errno
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from badgekit import __version__, console
from badgekit.cli.params import PLAIN_TEXT
from badgekit.console import CLOSED_PIPE, silence_stdout
from badgekit.errors import BadgekitError, ExitCode
from badgekit.resources import BADGES_DIR_ENV, TEMPLATES_DIR_ENV

HELP = """\
badgekit helps care workers in Scotland earn SSSC Open Badges first time round.

It shows each badge's criteria, interviews you one criterion at a time to write
your evidence statement, tells you what an assessor would return it for, and
exports what you submit. Managers use it to review a statement before it goes.

Start with [bold]badgekit list[/] to see the badges (SSSC suggests its introductory
badges first), then write one with [bold]badgekit draft writing-evidence[/].
"""

EPILOG = """\
Exit codes: 0 done; 1 findings at or above --fail-on, or identifying details
that stopped an export; 2 the command was typed wrongly; 3 something badgekit
cannot use: a badge id it does not know, a statement whose badge it cannot tell
(give --badge), or a badge file, template or statement that is missing,
unreadable or invalid; or an output file that already exists (add --force to
replace it), or that cannot be written (a full disk, a read-only folder); 130
interrupted; 141 the program reading the output stopped first.
"""

app = typer.Typer(
    name="badgekit",
    help=HELP,
    epilog=EPILOG,
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
    context_settings={"help_option_names": ["-h", "--help"]},
)


def option(*names: str, plain: bool = False, **settings: Any) -> Any:
    """A typer.Option as badgekit declares its options: no default shown, and ``plain`` text known by its metavar
    alone (see cli/params.py)."""
    if plain:
        settings["click_type"] = PLAIN_TEXT
    return typer.Option(*names, show_default=False, **settings)


def argument(*, plain: bool = False, **settings: Any) -> Any:
    """A typer.Argument declared as ``option`` declares an option."""
    if plain:
        settings["click_type"] = PLAIN_TEXT
    return typer.Argument(show_default=False, **settings)


class OutputFormat(str, Enum):
    text = "text"
    json = "json"


FormatOption = Annotated[
    OutputFormat,
    typer.Option(
        "--format", "-f", metavar="FORMAT", help="text for people, or json for scripts.", case_sensitive=False
    ),
]

# Options that several commands reading a statement share (check, export), declared once.
BadgeOption = Annotated[
    Optional[str],  # noqa: UP045 - Typer needs Optional on Python 3.10 here
    option(
        "--badge", "-b", metavar="ID", help="The badge id or alias, if the statement does not name one.", plain=True
    ),
]
LevelOption = Annotated[
    Optional[str],  # noqa: UP045
    option(metavar="LEVEL", help="For a framework badge: the level you reflected against.", plain=True),
]
AllowNameOption = Annotated[
    Optional[list[str]],  # noqa: UP045
    option(metavar="NAME", help="A name that may appear (an author, a trainer); give it once per name.", plain=True),
]

TemplatesDirOption = Annotated[
    Optional[Path],  # noqa: UP045 - Typer needs Optional on Python 3.10 here
    option(
        "--templates-dir",
        envvar=TEMPLATES_DIR_ENV,
        file_okay=False,
        metavar="FOLDER",
        help="A folder of your own templates, used before badgekit's own.",
    ),
]
#: A badge named on the command line, as show and plan take it.
BadgeIdArgument = Annotated[
    str,
    typer.Argument(
        metavar="BADGE",
        click_type=PLAIN_TEXT,
        help="A badge's id (as 'badgekit list' shows it), its title, or its series and number ('thing 4').",
    ),
]


#: How ``badgekit --help`` groups the commands, in the order a learner meets them.
BADGES_PANEL = "1. Find a badge"
WRITE_PANEL = "2. Write, check and submit your statement"
MANAGERS_PANEL = "3. For managers"
TRACK_PANEL = "Plan and keep track"
ORGANISATION_PANEL = "Your organisation's own badges"
#: The commands in that order (cli/__init__.py sorts them so).
LEARNER_ORDER = ("list", "show", "draft", "check", "rules", "export", "review", "plan", "validate")


def output_option(help: str, *, path_only: bool = True) -> Any:
    """The -o/--output option of every command that writes a file; only its help differs."""
    return option("--output", "-o", metavar="FILE", help=help, dir_okay=not path_only)


def answers_option(help: str) -> Any:
    """The --answers option of the commands that ask questions (draft, review): answer from a file."""
    return option("--answers", "-a", metavar="FILE", help=help, dir_okay=False)


#: Options given before the command name that take a value (see _global_options).
GLOBAL_OPTIONS_WITH_VALUES = frozenset({"--badges-dir"})


@dataclass
class Settings:
    """Options given before the command name, shared by every command."""

    badges_dir: Path | None = None


def settings(ctx: typer.Context) -> Settings:
    found = ctx.find_object(Settings)
    return found if found is not None else Settings()


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"badgekit {__version__}")
        raise typer.Exit()


@app.callback()
def _global_options(
    ctx: typer.Context,
    badges_dir: Annotated[
        Optional[Path],  # noqa: UP045 - Typer needs Optional on Python 3.10 here
        option(
            "--badges-dir",
            envvar=BADGES_DIR_ENV,
            help="A folder of your own badge files, searched before the bundled badges. Give it before the command.",
            exists=True,
            file_okay=False,
            metavar="FOLDER",
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option(
            "--version", "-V", help="Show badgekit's version and exit.", callback=_show_version, is_eager=True
        ),
    ] = False,
) -> None:
    ctx.obj = Settings(badges_dir=badges_dir)


#: The version of every command's ``--format json`` output (docs/json-output.md): it changes only
#: when a key is removed or changes meaning.
JSON_SCHEMA = 1


def print_json(data: Mapping[str, Any]) -> None:
    """One JSON object on stdout, as every ``--format json`` prints it: ``schema`` first, then ``data``."""
    import json

    typer.echo(json.dumps({"schema": JSON_SCHEMA, **data}, indent=2, ensure_ascii=False))


def json_item(item: Mapping[str, Any]) -> str:
    """One item of print_json_streaming's list as it is written; a worker process may make it."""
    import json
    from textwrap import indent

    return indent(json.dumps(item, indent=2, ensure_ascii=False), "    ")


def print_json_streaming(
    key: str, items: Iterable[Mapping[str, Any] | str], rest: Callable[[], Mapping[str, Any]]
) -> None:
    """What ``print_json({key: list(items), **rest()})`` prints, to the byte, but each item written as it
    comes: a long run shows its results as it goes and never holds them all. An item given as a string
    is one already made by json_item."""
    import json

    typer.echo(f'{{\n  "schema": {JSON_SCHEMA},\n  "{key}": [', nl=False)
    written = 0
    for item in items:
        text = item if isinstance(item, str) else json_item(item)
        typer.echo(("," if written else "") + "\n" + text, nl=False)
        written += 1
    tail = json.dumps(rest(), indent=2, ensure_ascii=False)  # "{\n  ...\n}"
    typer.echo(("\n  ]" if written else "]") + ("," + tail[1:] if tail != "{}" else "\n}"))


def print_error(error: BadgekitError) -> None:
    err = console.stderr()
    # One "error:" line per problem, so each can be found with grep or an editor's
    # jump-to-line; the hint follows, indented. markup=False: messages quote file
    # contents, which must never be read as Rich markup.
    for line in error.error_lines():
        err.print(f"error: {line}", style="bold red", markup=False, highlight=False, soft_wrap=True)
    if error.hint:
        err.print(f"  {error.hint}", markup=False, highlight=False, soft_wrap=True)


def statement_named(file: str | None, command: str, doing: str) -> str:
    """The statement a command works on: the one named, or the one ``draft`` wrote here, said on stderr."""
    if file is not None:
        return file
    from badgekit.drafting.store import drafts_dir
    from badgekit.statement.files import choose_statement

    choice = choose_statement(Path.cwd(), drafts_dir(), command)
    console.stderr().print(choice.announcement(doing), markup=False, highlight=False, soft_wrap=True)
    return str(choice.path.name)


def warn_older_exports(statement: str, *, leave_out: tuple[Path, ...] = ()) -> None:
    """A note for each export beside the statement that is older than it: pasting one would lose changes."""
    from badgekit.invocation import program
    from badgekit.statement.files import EXPORT_SUFFIXES, older_exports
    from badgekit.textinput import STDIN

    if statement == STDIN:
        return
    for copy in older_exports(Path(statement)):
        if copy in leave_out:
            continue
        console.Messages().print(
            f"note: {copy} is older than {statement}, so it may not hold your latest changes. Make it again "
            f"with '{program()} export {statement} {EXPORT_SUFFIXES[copy.suffix]} --force' before you paste "
            "or share it.",
            style="yellow",
            markup=False,
            highlight=False,
            soft_wrap=True,
        )


@contextmanager
def reporting_errors() -> Iterator[None]:
    """Turn badgekit's own errors into a message on stderr and a documented exit code."""
    try:
        yield
    except (BadgekitError, OSError) as error:
        raise typer.Exit(report_failure(error)) from None


def report_failure(error: BadgekitError | OSError) -> int:
    """Say a badgekit error, or a full disk or vanished folder, plainly on stderr (never a traceback); the
    exit code for it. Commands use it through reporting_errors, and the program around every command
    (cli/usage.py) for anything a command let through."""
    if isinstance(error, BadgekitError):
        print_error(error)
        return int(error.exit_code)
    if error.errno == errno.EPIPE:  # the program reading the output stopped: see finish_output
        silence_stdout()
        return CLOSED_PIPE
    # Files badgekit writes name themselves (safefile); an error with no file is its own output's, whose
    # unwritten rest must not be tried again at exit (finish_output would report it a second time).
    if not error.filename:
        silence_stdout()
    where = error.filename or "standard output"
    reason = "the disk is full" if error.errno == errno.ENOSPC else (error.strerror or str(error))
    print_error(BadgekitError(reason, path=str(where)))
    return int(ExitCode.INVALID_INPUT)


def finish_output(code: str | int | None) -> str | int | None:
    """Flush standard output at the end of a run, so that a failure to write it is said plainly and
    not left to Python's "Exception ignored" at exit: a closed pipe quietly (the reader chose to stop),
    anything else (a full disk) as an error naming standard output."""
    try:
        sys.stdout.flush()
    except OSError as error:
        silence_stdout()
        if error.errno == errno.EPIPE:
            return CLOSED_PIPE
        reason = "the disk is full" if error.errno == errno.ENOSPC else (error.strerror or str(error))
        print_error(BadgekitError(reason, path="standard output"))
        return int(ExitCode.INVALID_INPUT)
    return code
