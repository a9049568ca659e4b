"""What to earn first, in draft's opening and in check's BK603, names only what the profile does not hold."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from badgekit.checks.samples import REFLECTIVE

Run = Callable[..., Result]
THING_19 = "---\nbadge: thing-19\n---\n\n# What is citizen leadership and how can I promote it?\n\n" + REFLECTIVE + "\n"
THINGS_1_TO_4 = "SSSC recommends earning 'Things 1–4 of 23 Things Leadership' first."
GETTING_STARTED = "SSSC recommends earning 'Getting started with Open Badges' first."
WRITING_EVIDENCE = "SSSC recommends earning 'Writing evidence for Open Badge applications' first."


@pytest.fixture
def statement(tmp_path: Path) -> str:
    path = tmp_path / "thing-19-statement.md"
    path.write_text(THING_19, encoding="utf-8")
    return str(path)


def reminders(run: Run, statement: str) -> list[str]:
    result = run("check", statement, "--select", "BK603", "--format", "json")
    return [f["message"] for f in json.loads(result.stdout)["files"][0]["findings"]]


def test_with_no_profile_check_names_every_badge_to_earn_first(run: Run, statement: str) -> None:
    assert reminders(run, statement) == [THINGS_1_TO_4, GETTING_STARTED, WRITING_EVIDENCE]


def test_check_names_only_what_the_profile_does_not_hold(run: Run, statement: str) -> None:
    assert run("profile", "add", "writing-evidence").exit_code == 0  # by id
    assert run("profile", "add", "Getting started with Open Badges").exit_code == 0  # by title
    assert reminders(run, statement) == [THINGS_1_TO_4]


def test_check_says_nothing_once_every_badge_is_held(run: Run, statement: str) -> None:
    for held in ("writing-evidence", "Getting started with Open Badges", "Things 1–4 of 23 Things Leadership"):
        assert run("profile", "add", held).exit_code == 0
    assert reminders(run, statement) == []


def test_a_required_badge_is_said_to_be_required(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "statement.md"
    path.write_text("---\nbadge: writing-evidence\n---\n\n" + REFLECTIVE + "\n", encoding="utf-8")
    assert reminders(run, str(path)) == ["Earn 'Getting started with Open Badges' first: this badge requires it."]


def test_a_damaged_profile_does_not_stop_the_check(run: Run, statement: str, isolated_user_dirs: Path) -> None:
    isolated_user_dirs.mkdir(parents=True, exist_ok=True)
    (isolated_user_dirs / "profile.json").write_text("{not json", encoding="utf-8")
    assert reminders(run, statement) == [THINGS_1_TO_4, GETTING_STARTED, WRITING_EVIDENCE]


def opening(run: Run, badge: str, folder: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.chdir(folder)
    result = run("draft", badge, "--interactive", input="quit\n")
    assert result.exit_code == 0, result.stderr
    return " ".join(result.stdout.split()).split("Criterion 1 of")[0].split("Question 1 of")[0]


def test_drafts_opening_says_what_to_earn_first_and_how_to_record_badges_held(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown = opening(run, "thing-19", tmp_path, monkeypatch)
    assert "What to earn first:" in shown
    assert all(line in shown for line in (THINGS_1_TO_4, GETTING_STARTED, WRITING_EVIDENCE))
    assert "Record the badges you already hold with: badgekit profile add BADGE" in shown


def test_drafts_opening_names_only_what_is_left_and_nothing_once_all_are_held(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run("profile", "add", "writing-evidence")
    shown = opening(run, "thing-19", tmp_path, monkeypatch)
    assert THINGS_1_TO_4 in shown and GETTING_STARTED in shown and WRITING_EVIDENCE not in shown
    assert "badgekit profile add" not in shown, "a learner who keeps a profile needs no hint"
    run("profile", "add", "Getting started with Open Badges")
    run("profile", "add", "Things 1–4 of 23 Things Leadership")
    shown = opening(run, "thing-19", tmp_path, monkeypatch)
    assert "What to earn first" not in shown and "recommends" not in shown


def test_rule_bk603_reads_no_profile_from_disk_the_runner_gives_it_what_is_left(isolated_user_dirs: Path) -> None:
    """A rule is a function of the statement and the badge: the profile on disk does not reach it."""
    from badgekit.badges.catalogue import load_catalogue
    from badgekit.checks.registry import select_rules
    from badgekit.checks.report import Options, check_text
    from badgekit.checks.samples import WRITING_EVIDENCE_GOOD
    from badgekit.tracking.profile import HeldBadge, Profile

    (isolated_user_dirs / "profile.json").parent.mkdir(parents=True, exist_ok=True)
    (isolated_user_dirs / "profile.json").write_text('{"badges": []}', encoding="utf-8")
    catalogue = load_catalogue()
    rules = tuple(select_rules(["BK603"]))
    everything = check_text(WRITING_EVIDENCE_GOOD, "s.md", catalogue, Options(rules=rules)).findings
    held = Profile(Path("elsewhere.json"), [HeldBadge("Getting started with Open Badges")], exists=True)
    fewer = check_text(WRITING_EVIDENCE_GOOD, "s.md", catalogue, Options(rules=rules, profile=held)).findings
    assert len(fewer) == len(everything) - 1 >= 0
