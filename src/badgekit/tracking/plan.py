"""A realistic timeline for earning a badge, following SSSC's advice to managers (tip 3).

SSSC says a learner needs time for the learning materials, time for the activities
(some in the flow of normal work, often several weeks), time to write, then 28 days
for assessment, and time to resubmit with a further 28 days if the first attempt is
returned; assessments cannot be fast-tracked. The plan lays those stages end to end
from a start date, and can be saved as an iCalendar file to import into a calendar.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from typing import Any

from badgekit.badges.model import Badge
from badgekit.errors import BadgekitError

ASSESSMENT_DAYS = 28  # SSSC: "28 days after submission for their evidence to be assessed"


@dataclass(frozen=True)
class Weeks:
    """How long the learner's own stages take, in weeks."""

    learning: int
    activities: int
    writing: int
    revising: int = 1


@dataclass(frozen=True)
class Stage:
    name: str
    start: date
    end: date  # inclusive
    detail: str
    if_returned: bool = False  # only needed when the first submission comes back

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "days": self.days,
            "if_returned": self.if_returned,
            "detail": self.detail,
        }


def default_weeks(badge: Badge) -> Weeks:
    """A starting estimate that grows with the number of criteria; the learner can change it.

    A short badge (up to four criteria or questions, such as a 23 Things badge) gets a week
    for each stage; a longer one two weeks of learning, a week of activities for every two
    criteria ("sometimes it will take several weeks"), and two weeks to write.
    """
    count = len(badge.criteria_for(badge.level_ids()[0] if badge.levels else None))
    if count <= 4:
        return Weeks(learning=1, activities=1, writing=1)
    return Weeks(learning=2, activities=math.ceil(count / 2), writing=2)


def _learning_detail(badge: Badge) -> str:
    if badge.steps:
        return " ".join(
            step.text if step.text.rstrip().endswith((".", "?", "!", ":")) else f"{step.text}." for step in badge.steps
        )
    return "Work through the badge's learning materials."


def plan_badge(badge: Badge, start: date, weeks: Weeks) -> list[Stage]:
    """The stages from ``start`` to an award, including the resubmission SSSC advises allowing for."""
    stages: list[Stage] = []

    def add(name: str, length_days: int, detail: str, *, if_returned: bool = False) -> None:
        try:
            begin = stages[-1].end + timedelta(days=1) if stages else start
            end = begin + timedelta(days=length_days - 1)
        except OverflowError:  # past 31 December 9999, the last day Python's dates know
            raise BadgekitError(
                f"a plan starting on {start.isoformat()} would end after the year 9999",
                hint="Give a start date in the next few years with --start, for example --start 2026-12-01.",
            ) from None
        stages.append(Stage(name, begin, end, detail, if_returned))

    noun = badge.criteria_noun
    add("Learning materials", 7 * weeks.learning, _learning_detail(badge))
    add(
        "Activities",
        7 * weeks.activities,
        f"Do the activities the {noun} ask for, in the flow of your normal work; "
        "arrange any discussion with colleagues or your manager.",
    )
    add(
        "Write your evidence",
        7 * weeks.writing,
        "Draft it with badgekit draft, check it with badgekit check, and ask your manager to see it before you submit.",
    )
    add("Submit", 1, "Submit your evidence on the badge application form.")
    add("Assessment", ASSESSMENT_DAYS, "SSSC assesses your evidence within 28 days; it cannot be fast-tracked.")
    add(
        "Revise and resubmit",
        7 * weeks.revising,
        "Only if your evidence is returned: act on the feedback and resubmit.",
        if_returned=True,
    )
    add("Second assessment", ASSESSMENT_DAYS, "A further 28 days for assessment.", if_returned=True)
    return stages


def plan_to_ical(badge: Badge, stages: list[Stage], *, created: date | None = None) -> str:
    """The plan as an iCalendar file: one all-day event per stage."""
    from icalendar import Calendar, Event  # imported here: only this output needs it

    calendar = Calendar()
    calendar.add("prodid", "-//badgekit//badge plan//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", f"Badge plan: {badge.title}")
    stamp = datetime.combine(created or date.today(), time(0), tzinfo=timezone.utc)
    for index, stage in enumerate(stages, 1):
        event = Event()
        prefix = "If returned: " if stage.if_returned else ""
        event.add("summary", f"{prefix}{stage.name}: {badge.title}")
        event.add("description", stage.detail)
        event.add("dtstart", stage.start)
        event.add("dtend", stage.end + timedelta(days=1))  # all-day events end the day after (RFC 5545)
        event.add("dtstamp", stamp)
        # A stable UID per badge, start and stage, so importing the same plan twice updates it
        event.add("uid", f"{badge.id}-{stages[0].start.isoformat()}-{index}@badgekit")
        event.add("transp", "TRANSPARENT")  # a plan, not a meeting: do not show the learner as busy
        calendar.add_component(event)
    ical: bytes = calendar.to_ical()
    return ical.decode("utf-8")
