"""``badgekit list``, ``show`` and ``validate``: reading the badge catalogue."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from badgekit import console
from badgekit.cli.app import (
    BADGES_PANEL,
    ORGANISATION_PANEL,
    BadgeIdArgument,
    FormatOption,
    OutputFormat,
    app,
    argument,
    print_error,
    print_json,
    reporting_errors,
    settings,
)
from badgekit.errors import ExitCode, InvalidDataError, Problem
from badgekit.invocation import program
from badgekit.text import counted

if TYPE_CHECKING:
    from badgekit.badges.model import Badge


def _report_catalogue_problems(problems: list[Problem]) -> None:
    if problems:
        print_error(
            InvalidDataError(problems, hint=f"Run '{program()} validate' to see every problem in your badge files.")
        )


@app.command("list", rich_help_panel=BADGES_PANEL)
def list_badges(
    ctx: typer.Context,
    search: Annotated[
        Optional[list[str]],  # noqa: UP045 - Typer needs Optional on Python 3.10 here
        argument(
            metavar="[WORD]...",
            help="Only badges with every word in their id, title, series or criteria.",
            plain=True,
        ),
    ] = None,
    open_only: Annotated[
        bool, typer.Option("--open", help="Leave out badges that no longer take applications.")
    ] = False,
    output: FormatOption = OutputFormat.text,
) -> None:
    """List the badges badgekit knows by series: id, title, word guidance and what to earn first.

    Example: [bold]badgekit list reflective --open[/]
    """
    from badgekit.badges.catalogue import load_catalogue
    from badgekit.badges.lookup import matches

    with reporting_errors():
        catalogue = load_catalogue(settings(ctx).badges_dir)
        query = " ".join(search or [])
        badges = [b for b in catalogue if (not open_only or b.accepting_applications) and matches(b, query)]
        if output is OutputFormat.json:
            print_json({"badges": [b.to_dict() for b in badges]})
        elif not badges:
            closed = " that still takes applications" if open_only else ""
            console.stdout().print(f"No badge{closed} matches '{query}'. '{program()} list' shows every badge.")
        else:
            from badgekit.views.badges import catalogue_listing

            # Written without importing Rich (a pipe or a terminal) where badgekit can tell how it looks.
            out = console.own_stdout() or console.stdout()
            out.print(catalogue_listing(badges, catalogue, _listing_heading(badges, query, open_only)))
            out.print(f"Read one in full with: {program()} show ID", style="dim")
        _report_catalogue_problems(catalogue.problems)
    if catalogue.problems:
        raise typer.Exit(int(ExitCode.INVALID_INPUT))


def _listing_heading(badges: list[Badge], query: str, open_only: bool) -> str:
    what = counted(len(badges), "badge")
    if query:
        what += f" {'matches' if len(badges) == 1 else 'match'} '{query}'"
    return what + (" (taking applications)" if open_only else "")


@app.command(rich_help_panel=BADGES_PANEL)
def show(
    ctx: typer.Context,
    badge_id: BadgeIdArgument,
    output: FormatOption = OutputFormat.text,
) -> None:
    """Show a badge in full: what it is, its criteria, how much to write and what to earn first.

    Example: [bold]badgekit show leadership-across-boundaries[/]
    """
    from badgekit.badges.catalogue import load_catalogue
    from badgekit.badges.lookup import find_badge

    with reporting_errors():
        catalogue = load_catalogue(settings(ctx).badges_dir)
        badge = find_badge(catalogue, badge_id)
        if output is OutputFormat.json:
            print_json(badge.to_dict())
        else:
            from badgekit.tracking.profile import load_profile_for_checks
            from badgekit.views.badges import badge_detail

            out = console.own_stdout() or console.stdout()  # without Rich where badgekit can tell how it looks
            out.print(badge_detail(badge, catalogue, load_profile_for_checks()))
        _report_catalogue_problems(catalogue.problems)


@app.command(rich_help_panel=ORGANISATION_PANEL)
def validate(
    ctx: typer.Context,
    files: Annotated[
        Optional[list[Path]],  # noqa: UP045 - Typer needs Optional on Python 3.10 here
        argument(
            metavar="[FILE]...",
            help="Badge files to check. With none, checks every badge badgekit can find.",
            plain=True,
        ),
    ] = None,
    output: FormatOption = OutputFormat.text,
) -> None:
    """Check badge files you wrote, reporting every problem as FILE:LINE: field: what is wrong.

    The file format is described in docs/criteria-format.md.

    Example: [bold]badgekit validate my-badge.yaml[/]
    """
    from badgekit.badges.catalogue import load_catalogue, validate_files

    with reporting_errors():
        if files:
            badges, problems = validate_files(files, settings(ctx).badges_dir)
            checked = len(files)
        else:
            catalogue = load_catalogue(settings(ctx).badges_dir, use_cache=False)
            badges, problems = list(catalogue), catalogue.problems
            checked = len(badges) + len({p.path for p in problems})
    if output is OutputFormat.json:
        print_json(
            {
                "valid": not problems,
                "badges": [b.id for b in badges],
                "problems": [
                    {"path": p.path, "line": p.line, "field": p.field, "message": p.message} for p in problems
                ],
            }
        )
    elif problems:
        print_error(InvalidDataError(problems))
    else:
        console.stdout().print(
            f"All {counted(checked, 'badge file')} are valid." if checked != 1 else "The badge file is valid."
        )
    if problems:
        raise typer.Exit(int(ExitCode.INVALID_INPUT))
