"""``badgekit plan``: a timeline for earning a badge, as a table and an iCalendar file."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer

from badgekit.cli.app import (
    TRACK_PANEL,
    BadgeIdArgument,
    FormatOption,
    OutputFormat,
    app,
    option,
    print_json,
    reporting_errors,
    settings,
)
from badgekit.cli.params import WholeNumber

if TYPE_CHECKING:
    pass


def _parse_date(value: str) -> date:
    from badgekit.text import parse_date

    try:
        return parse_date(value, date.today())
    except ValueError as problem:
        raise typer.BadParameter(str(problem)) from None


WEEKS = WholeNumber(1, 52, unit="weeks")
_ESTIMATE = "if not given, an estimate from the size of the badge."


def _weeks_option(what: str) -> Any:
    return typer.Option(metavar="NUMBER", click_type=WEEKS, help=f"Weeks {what}, from 1 to 52; {_ESTIMATE}")


LearningWeeksOption = Annotated[Optional[int], _weeks_option("for the learning materials")]  # noqa: UP045
ActivityWeeksOption = Annotated[Optional[int], _weeks_option("for the activities, often in your normal work")]  # noqa: UP045
WritingWeeksOption = Annotated[Optional[int], _weeks_option("to write your evidence")]  # noqa: UP045


_StartOption = Annotated[
    Optional[str],  # noqa: UP045
    option(
        metavar="DATE",
        help="The day you start, for example 15/01/2027, 15 Jan 2027, 15 January or 2027-01-15; today if not given.",
        plain=True,
    ),
]

_IcsOption = Annotated[
    Optional[Path],  # noqa: UP045
    typer.Option(
        "--ics",
        metavar="FILE",
        help="Also save the plan as an iCalendar file to import into your calendar ('-' prints it).",
    ),
]

PLAN_HELP = """\
Plan the weeks to a badge: learning, activities, writing, the 28-day assessment and a resubmission.

SSSC advises allowing time for each of these, and for a second 28-day assessment in
case the first submission is returned. The weeks are an estimate from the badge's
size: change them with --learning-weeks, --activity-weeks and --writing-weeks.

Example: [bold]badgekit plan leadership-across-boundaries --start 2026-12-01 --ics plan.ics[/]
"""


@app.command(rich_help_panel=TRACK_PANEL, help=PLAN_HELP)
def plan(
    ctx: typer.Context,
    badge_id: BadgeIdArgument,
    start: _StartOption = None,
    learning_weeks: LearningWeeksOption = None,
    activity_weeks: ActivityWeeksOption = None,
    writing_weeks: WritingWeeksOption = None,
    ics: _IcsOption = None,
    force: Annotated[bool, typer.Option("--force", help="Replace the --ics file if it exists.")] = False,
    output: FormatOption = OutputFormat.text,
) -> None:
    from badgekit.badges.catalogue import load_catalogue
    from badgekit.badges.lookup import find_badge
    from badgekit.safefile import write_new
    from badgekit.tracking.plan import Weeks, default_weeks, plan_badge, plan_to_ical
    from badgekit.tracking.profile import load_profile_for_checks, prerequisite_advice

    with reporting_errors():
        first_day = _parse_date(start) if start else date.today()
        catalogue = load_catalogue(settings(ctx).badges_dir)
        badge = find_badge(catalogue, badge_id)
        guess = default_weeks(badge)
        weeks = Weeks(
            learning=learning_weeks or guess.learning,
            activities=activity_weeks or guess.activities,
            writing=writing_weeks or guess.writing,
        )
        stages = plan_badge(badge, first_day, weeks)
        advice = prerequisite_advice(badge, load_profile_for_checks(), catalogue)
        if ics is not None:
            calendar = plan_to_ical(badge, stages)
            if str(ics) == "-":
                typer.echo(calendar, nl=False)
                return
            write_new(ics, calendar, force=force)
        if output is OutputFormat.json:
            stages_data = [stage.to_dict() for stage in stages]
            print_json(
                {"badge": badge.id, "stages": stages_data, "earn_first": advice, "ics": str(ics) if ics else None}
            )
            return
        from badgekit.views.plan import print_plan

        print_plan(badge, stages, advice, ics)
