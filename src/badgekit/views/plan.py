"""How ``badgekit plan`` shows the weeks to a badge: what to earn first, a table of stages, and what next."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from badgekit import console
from badgekit.invocation import program
from badgekit.text import british_date

if TYPE_CHECKING:
    from badgekit.badges.model import Badge
    from badgekit.tracking.plan import Stage


def print_plan(badge: Badge, stages: list[Stage], advice: list[str], ics: Path | None) -> None:
    from rich.table import Table

    out = console.stdout()
    for line in advice:
        out.print(f"Before you start: {line}", style="yellow", markup=False)
    from rich import box

    table = Table(title=f"Plan for {badge.title}", title_justify="left", box=box.SIMPLE_HEAD)
    table.add_column("stage", style="bold")
    table.add_column("from", no_wrap=True)
    table.add_column("to", no_wrap=True)
    table.add_column("what to do", overflow="fold")  # fold, never cut, a command the learner will copy
    for stage in stages:
        name = f"{stage.name} (if returned)" if stage.if_returned else stage.name
        table.add_row(name, british_date(stage.start), british_date(stage.end), stage.detail)
    out.print(table)
    first_try = next(s for s in stages if s.name == "Assessment")
    out.print(
        f"Expect a decision by {british_date(first_try.end)}; allow until {british_date(stages[-1].end)} in case it "
        "is returned."
    )
    # The command on a line of its own, so that a narrow table never breaks it where it is copied from.
    out.print(f"When you come to write: {program()} draft {badge.id}", markup=False)
    if ics:
        out.print(f"Saved the plan to {ics}: import it into your calendar.", markup=False)
    else:
        out.print("Add --ics plan.ics to save it as a file your calendar can import.", style="dim")
