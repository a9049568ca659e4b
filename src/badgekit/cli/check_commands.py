"""``badgekit check``: what an assessor would return a statement for, before they do."""

from __future__ import annotations

import sys
from enum import Enum
from functools import partial
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer

from badgekit import console
from badgekit.cli.app import (
    WRITE_PANEL,
    AllowNameOption,
    BadgeOption,
    FormatOption,
    LevelOption,
    OutputFormat,
    app,
    argument,
    json_item,
    option,
    output_option,
    print_error,
    print_json_streaming,
    reporting_errors,
    settings,
    statement_named,
    warn_older_exports,
)
from badgekit.cli.params import WholeNumber
from badgekit.errors import BadgekitError, ExitCode
from badgekit.invocation import program
from badgekit.text import counted

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Mapping

    from rich.console import Console, RenderableType

    from badgekit.badges.catalogue import Catalogue
    from badgekit.checks.batch import Finish, Finished, Outcome, Tally
    from badgekit.checks.model import Rule
    from badgekit.checks.report import FileReport, Options
    from badgekit.console import PlainStdout
    from badgekit.statement.source import StatementSource
    from badgekit.views.styled import Block


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    note = "note"


ListOption = Optional[list[str]]  # noqa: UP045 - Typer needs Optional on Python 3.10 here


def _rules(select: list[str], ignore: list[str]) -> tuple[Rule, ...]:
    from badgekit.checks.registry import normalise_prefixes, select_rules, unknown_prefixes

    for name, values in (("--select", select), ("--ignore", ignore)):
        wrong = unknown_prefixes(normalise_prefixes(values))
        if wrong:
            raise typer.BadParameter(
                f"{', '.join(wrong)} names no rule; codes look like BK301 (see '{program()} rules')", param_hint=name
            )
    return tuple(select_rules(select, ignore))


_FilesOption = Annotated[
    ListOption,
    argument(
        metavar="[FILE]...",
        help="Statements to check (.md, .txt or Word .docx): files, folders, patterns such as 'drafts/*.md',"
        " or - for standard input. \\[default: your latest draft's statement here]",
        plain=True,
    ),
]

_SelectOption = Annotated[
    ListOption,
    option(
        metavar="CODES", help="Only these rules: codes or starts of codes, for example BK2, or BK201,BK4.", plain=True
    ),
]

_IgnoreOption = Annotated[
    ListOption,
    option(metavar="CODES", help="Leave out these rules: codes or starts of codes, for example BK5.", plain=True),
]

_FailOnOption = Annotated[
    FailOn,
    typer.Option(
        metavar="SEVERITY",
        help="Exit with 1 when there is a finding this serious or worse: error, warning or note.",
        case_sensitive=False,
    ),
]

_RedactOption = Annotated[
    bool,
    typer.Option(
        "--redact",
        help="Also write a copy with every identifying detail replaced (NAME.redacted.md, or -o).",
    ),
]

_OutputPathOption = Annotated[
    Optional[Path],  # noqa: UP045 - Typer needs Optional on Python 3.10 here
    output_option("Where --redact writes its copy (one statement only).", path_only=False),
]

_JobsOption = Annotated[
    Optional[int],  # noqa: UP045
    option(
        metavar="NUMBER",
        click_type=WholeNumber(1),
        help="How many statements to check at once; if not given, one for each of the computer's cores.",
    ),
]

CHECK_HELP = """\
Check statements for what an assessor would return them for.

Reports the words against the badge's rule, which criteria are covered
and with how many words, and every finding by family (words, coverage,
privacy, reflection, readability, format) with its line (in a Word
document, its paragraph). Each finding has a code;
'badgekit rules CODE' explains it. A statement that names no badge is checked against
the one its title, headings or words show, saying which and why. Silence
one finding on one line with a comment on that line:
<!-- badgekit: ignore BK301 -->.

How words are counted: a word is a run of non-space characters holding
at least one letter or digit, so "multi-agency", "don't" and "500–1000"
are one word each and a lone dash is none. The front matter, headings,
the badge's own declaration, Markdown markup and link addresses are not
counted; link text is. Headings' words are shown separately.

Exit codes: 0 nothing at or above --fail-on; 1 findings at or above it;
2 the command was typed wrongly; 3 something badgekit cannot use: no
statements where you pointed, a statement that is missing, unreadable or
empty, a badge id it does not know, or a badge it cannot tell.

Example: [bold]badgekit check my-statement.docx[/]
"""


@app.command(rich_help_panel=WRITE_PANEL, help=CHECK_HELP)
def check(
    ctx: typer.Context,
    files: _FilesOption = None,
    badge: BadgeOption = None,
    level: LevelOption = None,
    select: _SelectOption = None,
    ignore: _IgnoreOption = None,
    fail_on: _FailOnOption = FailOn.error,
    allow_name: AllowNameOption = None,
    redact: _RedactOption = False,
    output_path: _OutputPathOption = None,
    force: Annotated[bool, typer.Option("--force", help="Let --redact replace an existing file.")] = False,
    jobs: _JobsOption = None,
    output: FormatOption = OutputFormat.text,
) -> None:
    from badgekit.badges.catalogue import load_catalogue
    from badgekit.checks.batch import FileError, Tally, expand_paths
    from badgekit.checks.report import Options
    from badgekit.statement.source import read_statement
    from badgekit.textinput import STDIN
    from badgekit.tracking.profile import load_profile_for_checks

    rules = _rules(select or [], ignore or [])
    if output_path is not None and not redact:
        raise typer.BadParameter("-o is where --redact writes its copy; add --redact", param_hint="--output")
    tally = Tally(fail_on.value)
    with reporting_errors():
        expansion = expand_paths(files or [statement_named(None, "check", "Checking")])
        names = expansion.names
        if redact and output_path is not None and len(names) != 1:
            raise typer.BadParameter("-o can name one copy only: check one statement at a time", param_hint="--output")
        if redact and STDIN in names and output_path is None:
            raise typer.BadParameter("give -o PATH for the copy of a statement read from standard input")
        badges_dir = settings(ctx).badges_dir
        catalogue = load_catalogue(badges_dir)
        options = Options(
            badge=badge,
            level=level,
            allowed_names=tuple(allow_name or ()),
            rules=rules,
            profile=load_profile_for_checks(),
        )
        stdin_text = read_statement(STDIN) if STDIN in names else None  # a Word document may be piped too
        total = len(names) + len(expansion.nothing_found)
        # Written without importing Rich (a pipe, a file or a terminal) where badgekit can tell how it looks.
        out = (console.own_stdout() or console.stdout()) if output is OutputFormat.text else None
        finish = _finisher(output, out, total) if not redact else None  # --redact writes from the whole report
        outcomes = _run(names, catalogue, options, badges_dir, stdin_text, jobs, output, finish)
        outcomes = chain(outcomes, expansion.nothing_found)
        written = _each_written(outcomes, tally, redact, output_path, force)
        if out is None:
            print_json_streaming("files", (_json_of(o) for o in written if not isinstance(o, FileError)), tally.to_dict)
        else:
            _print_text(out, written, total, tally, redacting=redact)
        if len(names) == 1 and output is OutputFormat.text:
            warn_older_exports(names[0])
    if tally.errors:
        raise typer.Exit(int(ExitCode.INVALID_INPUT))
    if tally.failed:
        raise typer.Exit(int(ExitCode.FINDINGS))


def _finisher(output: OutputFormat, out: Console | PlainStdout | None, total: int) -> Finish | None:
    """How each report is made ready for output where it is checked (in parallel, over many statements):
    JSON serialised, or text rendered as ``out`` would show it."""
    if output is OutputFormat.json:
        return _finish_json
    looks = console.looks(out) if out is not None else None
    return partial(_finish_text, looks, total == 1) if looks is not None else None


def _finish_json(report: FileReport) -> Finished:
    from badgekit.checks.batch import Finished

    return Finished.of(report, json_item(report.to_dict()))


def _finish_text(looks: dict[str, Any], single: bool, report: FileReport) -> Finished:
    """The report as _print_text prints it: with the next step when it is the run's only statement."""
    from badgekit.badges.ai_rule import ban_line
    from badgekit.checks.batch import Finished
    from badgekit.views.checks import next_step, report_view

    printed: list[tuple[RenderableType | Block, dict[str, Any]]] = [(report_view(report), {})]
    if single:
        printed.append((next_step(report), {"style": "bold", "markup": False}))
    return Finished.of(report, console.render(looks, *printed), ban_line(report.badge))


def _json_of(outcome: FileReport | Finished) -> Mapping[str, Any] | str:
    from badgekit.checks.batch import Finished

    return outcome.shown if isinstance(outcome, Finished) else outcome.to_dict()


def _each_written(
    outcomes: Iterable[Outcome | Finished], tally: Tally, redact: bool, output_path: Path | None, force: bool
) -> Iterator[Outcome | Finished]:
    """Each outcome as it comes, counted in the tally, its redacted copy written once it has been reported."""
    from badgekit.checks.batch import FileError, Finished

    for outcome in outcomes:
        tally.add(outcome)
        yield outcome
        if redact and not isinstance(outcome, (FileError, Finished)):
            _write_redacted(outcome, output_path, force)


def _run(
    names: list[str],
    catalogue: Catalogue,
    options: Options,
    badges_dir: Path | None,
    stdin_text: StatementSource | None,
    jobs: int | None,
    output: OutputFormat,
    finish: Finish | None,
) -> Iterator[Outcome | Finished]:
    from badgekit.checks.batch import check_each

    # Text output is its own progress: each report is printed as its statement is done. A progress
    # bar is for JSON (which goes to a file or a program) while someone watches the terminal.
    # Asking the stream, not a Rich console, spares a JSON run the cost of importing Rich's console.
    if len(names) < 2 or output is not OutputFormat.json or not sys.stderr.isatty():
        yield from check_each(
            names, catalogue, options, badges_dir=badges_dir, stdin_text=stdin_text, jobs=jobs, finish=finish
        )
        return
    err = console.stderr()
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    progress = Progress(
        TextColumn("Checking"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(), console=err, transient=True
    )
    task = progress.add_task("check", total=len(names))
    try:
        for outcome in check_each(
            names,
            catalogue,
            options,
            badges_dir=badges_dir,
            stdin_text=stdin_text,
            jobs=jobs,
            started=progress.start,
            finish=finish,
        ):
            progress.advance(task)
            yield outcome
    finally:
        progress.stop()


def _print_text(
    out: Console | PlainStdout,
    outcomes: Iterable[Outcome | Finished],
    total: int,
    tally: Tally,
    *,
    redacting: bool = False,
) -> None:
    from badgekit.badges.ai_rule import ONE_LINE, ban_line
    from badgekit.checks.batch import FileError, Finished
    from badgekit.views.checks import error_view, next_step, report_view, summary_view

    # The one line on AI that ends the report: the first checked badge's own ban, else SSSC's rule.
    ban: str | None = None
    checked = False
    for index, outcome in enumerate(outcomes):
        if index:
            out.print()
        if isinstance(outcome, FileError):
            console.stderr().print(error_view(outcome))
            continue
        if isinstance(outcome, Finished):  # rendered where it was checked (_finish_text)
            console.write(out, outcome.shown)
            ban, checked = ban or outcome.ban, True
            continue
        out.print(report_view(outcome))
        if total == 1:
            out.print(next_step(outcome, redacting=redacting), style="bold", markup=False)
        ban, checked = ban or ban_line(outcome.badge), True
    if total > 1:
        out.print()
        out.print(summary_view(tally))
    if checked:
        out.print(ban or ONE_LINE, style="dim", markup=False)


def _write_redacted(report: FileReport, output_path: Path | None, force: bool) -> None:
    from badgekit.checks.report import redacted_copy
    from badgekit.safefile import write_new

    target, text, replaced = redacted_copy(report, output_path)
    try:
        write_new(target, text, force=force, private=True, name_option="-o")
    except BadgekitError as error:
        print_error(error)
        raise typer.Exit(int(ExitCode.INVALID_INPUT)) from None
    again = f"{program()} check {target}{report.badge_option()}"
    console.stderr().print(
        f"Wrote {target} with {counted(replaced, 'identifying detail')} replaced; {report.path} is unchanged. "
        f"Once you have read it through: '{again}'.",
        markup=False,
        highlight=False,
    )
