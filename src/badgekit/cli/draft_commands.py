"""``badgekit draft``: the interview, or answers from a file (``badgekit drafts`` is in drafts_commands)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from badgekit import console
from badgekit.cli.app import (
    WRITE_PANEL,
    TemplatesDirOption,
    answers_option,
    app,
    option,
    output_option,
    reporting_errors,
    settings,
)
from badgekit.cli.params import PLAIN_TEXT
from badgekit.errors import BadgekitError, ExitCode
from badgekit.invocation import program

if TYPE_CHECKING:
    from badgekit.badges.catalogue import Catalogue
    from badgekit.badges.model import Badge
    from badgekit.drafting.saving import InterviewStopped
    from badgekit.drafting.store import DraftStore

DRAFTS_DIR_ENV = "BADGEKIT_DRAFTS_DIR"  # the same as badgekit.drafting.store.DRAFTS_DIR_ENV, without importing it

DraftsDirOption = Annotated[
    Optional[Path],  # noqa: UP045 - Typer needs Optional on Python 3.10 here
    option(
        "--drafts-dir",
        envvar=DRAFTS_DIR_ENV,
        metavar="FOLDER",
        help="The folder your drafts are saved in (normally 'drafts' in badgekit's data folder).",
        file_okay=False,
    ),
]

#: For the commands that ask questions (draft, review): ask them where badgekit cannot see a terminal.
InteractiveOption = Annotated[
    bool,
    typer.Option(
        "--interactive",
        help="Ask the questions even where badgekit cannot tell it is in a terminal (some Windows terminals).",
    ),
]


def stdin_is_terminal() -> bool:
    return sys.stdin.isatty()


def draft_store(drafts_dir: Path | None) -> DraftStore:
    from badgekit.drafting import store as drafts

    return drafts.DraftStore(drafts.drafts_dir(drafts_dir))


say = console.say


_BadgeIdOption = Annotated[
    str,
    typer.Argument(
        metavar="BADGE",
        click_type=PLAIN_TEXT,
        help="A badge's id (as 'badgekit list' shows it), its title, or its series and number ('thing 4').",
    ),
]

_AnswersOption = Annotated[
    Optional[Path],  # noqa: UP045 - Typer needs Optional on Python 3.10 here
    answers_option(
        "Answers in a YAML file, keyed by criterion number or id: write the statement without asking. "
        "'-' reads them from standard input."
    ),
]

_OutputOption = Annotated[
    Optional[Path],  # noqa: UP045 - Typer needs Optional on Python 3.10 here
    output_option("Where to write the statement (default: ID-statement.md here); '-' prints it."),
]

_FreshOption = Annotated[
    bool, typer.Option("--fresh", help="Start again with no answers; your saved draft is kept as a backup.")
]

_LevelOption = Annotated[
    Optional[str],  # noqa: UP045
    option(
        "--level",
        metavar="LEVEL",
        help="For a framework: the level you work at, by its id or its title (see 'badgekit show ID').",
        plain=True,
    ),
]

_DocxOption = Annotated[
    bool, typer.Option("--docx", help="Also write the statement as a Word document beside it (ID-statement.docx).")
]

DRAFT_HELP = """\
Write your statement with a guided interview, one criterion at a time; every answer is saved as you go.

Stop whenever you like (type quit, or press Ctrl-C) and run the same command again to carry on.
At the end your statement is written to ID-statement.md, ready for 'badgekit check'.

Example: [bold]badgekit draft leadership-across-boundaries[/]
"""


@app.command(rich_help_panel=WRITE_PANEL, help=DRAFT_HELP)
def draft(
    ctx: typer.Context,
    badge_id: _BadgeIdOption,
    answers: _AnswersOption = None,
    output: _OutputOption = None,
    force: Annotated[bool, typer.Option("--force", help="Replace the statement file if it already exists.")] = False,
    fresh: _FreshOption = False,
    level: _LevelOption = None,
    interactive: InteractiveOption = False,
    drafts_dir: DraftsDirOption = None,
    templates_dir: TemplatesDirOption = None,
    docx: _DocxOption = False,
) -> None:
    from badgekit.badges.catalogue import load_catalogue
    from badgekit.badges.lookup import find_badge
    from badgekit.drafting.session import resolve_level

    if docx and output is not None and str(output) == "-":
        raise typer.BadParameter("--docx writes a file beside the statement, so the statement cannot go to '-'")
    with reporting_errors():
        catalogue = load_catalogue(settings(ctx).badges_dir)
        badge = find_badge(catalogue, badge_id)
        chosen_level = resolve_level(badge, level)
        if answers is not None:
            from badgekit.drafting.session import draft_from_file

            draft_from_file(badge, str(answers), chosen_level, output, force, templates_dir, docx=docx)
            return
        if not (interactive or stdin_is_terminal()):
            no_terminal = BadgekitError(
                "badgekit draft asks you questions, so it needs a terminal, and there is none here",
                hint=f"Give your answers in a file instead: {program()} draft {badge.id} --answers answers.yaml "
                "(one answer per criterion, keyed by its number or id). If this is a terminal, add --interactive.",
            )
            no_terminal.exit_code = ExitCode.USAGE  # the command needs --answers here
            raise no_terminal
        _interview(catalogue, badge, chosen_level, output, force, fresh, drafts_dir, templates_dir, docx=docx)


def _interview(
    catalogue: Catalogue,
    badge: Badge,
    level: str | None,
    output: Path | None,
    force: bool,
    fresh: bool,
    drafts_dir: Path | None,
    templates_dir: Path | None,
    *,
    docx: bool = False,
) -> None:
    from badgekit.drafting.saving import InterviewStopped
    from badgekit.drafting.session import interview, write_statement
    from badgekit.terminal.asker import TerminalAsker, enable_line_editing

    if stdin_is_terminal():
        enable_line_editing()
    store = draft_store(drafts_dir)
    asker = TerminalAsker(console.stdout(), scratch_dir=store.directory)
    resume = f"{program()} draft {badge.id}" + (" --docx" if docx else "")
    try:
        current = interview(catalogue, badge, level, store, asker, fresh=fresh, resume=resume)
    except InterviewStopped as stopped:
        if stopped.failure is None:
            say(f"\nStopped. Everything you had given is saved. To carry on, run: {resume}", to_stderr=True)
            raise typer.Exit(int(ExitCode.INTERRUPTED)) from None
        say_not_saved(stopped, resume)
        raise typer.Exit(int(ExitCode.INVALID_INPUT)) from None
    except KeyboardInterrupt:  # before any answer was asked for: nothing new to save
        say(f"\nStopped. Everything you had given is saved. To carry on, run: {resume}", to_stderr=True)
        raise typer.Exit(int(ExitCode.INTERRUPTED)) from None
    if current is not None:
        write_statement(badge, current, output, force, templates_dir, resume, docx=docx)


def say_not_saved(stopped: InterviewStopped, resume: str) -> None:
    """Stopped with answers that could not be written: say so, never "saved", and show them to copy."""
    from badgekit.terminal.save_problem import show_unsaved

    failure = stopped.failure
    assert failure is not None
    where = f"{failure.path}: " if failure.path else ""
    say(f"\nStopped. Your latest answers are NOT saved: {where}{failure.reason}.", style="bold red", to_stderr=True)
    if stopped.unsaved:
        say("Copy them now, from here:", to_stderr=True)
        show_unsaved(console.stderr(), stopped.unsaved)
    say(f"Everything before them is saved. {failure.hint or ''} Then run: {resume}", to_stderr=True)
