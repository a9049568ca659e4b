"""``badgekit list``, ``show`` and ``validate``: reading the badge catalogue."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

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


def _report_catalogue_problems(problems: list[Problem]) -> None:
    if problems:
        print_error(
            InvalidDataError(problems, hint=f"Run '{program()} validate' to see every problem in your badge files.")
        )


@app.command("list", rich_help_panel=BADGES_PANEL)
def list_badges(ctx: typer.Context, output: FormatOption = OutputFormat.text) -> None:
    """List every badge badgekit knows: id, title, series, word guidance and prerequisites.

    Example: [bold]badgekit list --format json[/]
    """
    from badgekit.badges.catalogue import load_catalogue

    with reporting_errors():
        catalogue = load_catalogue(settings(ctx).badges_dir)
        if output is OutputFormat.json:
            print_json({"badges": [b.to_dict() for b in catalogue]})
        else:
            from badgekit.views.badges import catalogue_table

            console.stdout().print(catalogue_table(catalogue))
            console.stdout().print(f"Read one in full with: {program()} show ID", style="dim")
        _report_catalogue_problems(catalogue.problems)
    if catalogue.problems:
        raise typer.Exit(int(ExitCode.INVALID_INPUT))


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

    with reporting_errors():
        catalogue = load_catalogue(settings(ctx).badges_dir)
        badge = catalogue.get(badge_id)
        if output is OutputFormat.json:
            print_json(badge.to_dict())
        else:
            from badgekit.tracking.profile import load_profile_for_checks
            from badgekit.views.badges import badge_detail

            console.stdout().print(badge_detail(badge, catalogue, load_profile_for_checks()))
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
