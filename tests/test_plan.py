"""``badgekit plan``: SSSC's stages laid end to end, as a table and a valid iCalendar file."""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import icalendar
from typer.testing import Result

from badgekit.badges.catalogue import load_catalogue
from badgekit.tracking.plan import ASSESSMENT_DAYS, Weeks, default_weeks, plan_badge, plan_to_ical

Run = Callable[..., Result]


def test_stages_follow_each_other_with_two_28_day_assessments() -> None:
    badge = load_catalogue().get("leadership-across-boundaries")
    stages = plan_badge(badge, date(2026, 12, 1), Weeks(learning=2, activities=4, writing=2))
    assert [s.name for s in stages] == [
        "Learning materials",
        "Activities",
        "Write your evidence",
        "Submit",
        "Assessment",
        "Revise and resubmit",
        "Second assessment",
    ]
    assert stages[0].start == date(2026, 12, 1)
    for before, after in itertools.pairwise(stages):
        assert after.start == before.end + timedelta(days=1)
    assert [s.days for s in stages] == [14, 28, 14, 1, ASSESSMENT_DAYS, 7, ASSESSMENT_DAYS]
    assert [s.if_returned for s in stages] == [False] * 5 + [True, True]


def test_default_weeks_grow_with_the_badge() -> None:
    catalogue = load_catalogue()
    assert default_weeks(catalogue.get("thing-19")) == Weeks(learning=1, activities=1, writing=1)
    assert default_weeks(catalogue.get("leadership-across-boundaries")) == Weeks(learning=2, activities=4, writing=2)


def test_the_calendar_parses_back_with_one_all_day_event_per_stage() -> None:
    badge = load_catalogue().get("thing-19")
    stages = plan_badge(badge, date(2027, 1, 4), default_weeks(badge))
    parsed = icalendar.Calendar.from_ical(plan_to_ical(badge, stages))
    events = list(parsed.walk("VEVENT"))
    assert len(events) == len(stages)
    for event, stage in zip(events, stages, strict=True):
        assert event.decoded("dtstart") == stage.start
        assert event.decoded("dtend") == stage.end + timedelta(days=1)
        assert stage.name in str(event["summary"])
    assert len({str(e["uid"]) for e in events}) == len(events)
    assert str(events[0]["description"]) == stages[0].detail  # commas and semicolons survive escaping


def test_plan_through_the_cli_writes_an_importable_file(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "plan.ics"
    result = run("plan", "thing-19", "--start", "2027-01-04", "--ics", str(target))
    assert result.exit_code == 0, result.stderr
    out = " ".join(result.stdout.split())
    assert "Plan for What is citizen leadership" in out
    assert "4 January 2027" in out
    assert "Expect a decision by 22 February 2027" in out
    assert f"Saved the plan to {target}" in out
    assert "When you come to write: badgekit draft thing-19-citizen-leadership" in result.stdout
    assert "Dreaming of the Future" in out and "; Think" not in out  # steps read as sentences
    assert len(list(icalendar.Calendar.from_ical(target.read_bytes()).walk("VEVENT"))) == 7
    again = run("plan", "thing-19", "--ics", str(target))
    assert again.exit_code == 3
    assert "already exists" in again.stderr
    # plan has no -o, so the hint must not send the learner looking for one
    assert "Choose another file name, or add --force to replace it." in again.stderr
    assert "with -o" not in again.stderr


def test_plan_as_json_with_chosen_weeks(run: Run) -> None:
    result = run("plan", "leadership-across-boundaries", "--start", "2026-12-01", "--writing-weeks", "3", "-f", "json")
    data = json.loads(result.stdout)
    writing = next(s for s in data["stages"] if s["name"] == "Write your evidence")
    assert writing["days"] == 21
    assert any("Leadership Capability Feedback" in line for line in data["earn_first"])


def test_a_bad_date_is_a_usage_error(run: Run) -> None:
    result = run("plan", "thing-19", "--start", "early December")
    assert result.exit_code == 2
    assert "write it as 15/01/2027, 15 Jan 2027, 15 January or 2027-01-15" in " ".join(result.stderr.split())
