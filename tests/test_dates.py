"""One way of reading dates for every option and question that takes one, and one way of showing them."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from typer.testing import Result

from badgekit.text import british_date, parse_date

Run = Callable[..., Result]
TODAY = date(2026, 11, 29)


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("15/01/2027", date(2027, 1, 15)),
        ("15/1/27", date(2027, 1, 15)),
        ("15.01.2027", date(2027, 1, 15)),
        ("15 Jan 2027", date(2027, 1, 15)),
        ("15th January 2027", date(2027, 1, 15)),
        ("15 january, 2027", date(2027, 1, 15)),
        ("15 January", date(2027, 1, 15)),  # the next 15 January
        ("30 December", date(2026, 12, 30)),  # still to come this year
        ("29 november", TODAY),
        ("2027-01-15", date(2027, 1, 15)),
        ("  1 Sept 2027 ", date(2027, 9, 1)),
    ],
)
def test_every_british_form_is_read(typed: str, meant: date) -> None:
    assert parse_date(typed, TODAY) == meant


@pytest.mark.parametrize("typed", ["tomorrow", "15 Janitor 2027", "31/02/2027", "2027/15/01", "", "15"])
def test_anything_else_is_refused_in_plain_words(typed: str) -> None:
    with pytest.raises(ValueError, match="write it as 15/01/2027, 15 Jan 2027, 15 January or 2027-01-15"):
        parse_date(typed, TODAY)


@pytest.mark.parametrize("typed", ["15/01/2027", "15 Jan 2027", "2027-01-15"])
def test_plan_start_takes_every_form_and_shows_dates_in_words(run: Run, typed: str) -> None:
    result = run("plan", "writing-evidence", "--start", typed)
    assert result.exit_code == 0, result.stderr
    assert "15 January 2027" in result.stdout
    assert "2027-01-15" not in result.stdout and "15 Jan 2027" not in result.stdout


def test_plan_start_with_no_year_is_the_next_such_day(run: Run) -> None:
    result = run("plan", "writing-evidence", "--start", "15 January", "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert f'"start": "{parse_date("15 January", date.today()).isoformat()}"' in result.stdout


def test_a_wrong_start_says_what_to_type(run: Run) -> None:
    result = run("plan", "writing-evidence", "--start", "next week")
    assert result.exit_code == 2
    said = " ".join(result.stderr.split())
    assert "'next week' is not a date badgekit can read: write it as 15/01/2027, 15 Jan 2027" in said


def test_a_review_follow_up_in_words_is_read(run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from badgekit.checks.samples import WRITING_EVIDENCE_GOOD

    monkeypatch.chdir(tmp_path)
    (tmp_path / "statement.md").write_text(WRITING_EVIDENCE_GOOD, encoding="utf-8")
    next_year = date.today().year + 1
    answers = "reviewer: Team leader\n" + "".join(f"{n}: met\n" for n in range(1, 7))
    answers += f"actions: Share it.\nfollow_up: 15 Jan {next_year}\n"
    (tmp_path / "answers.yaml").write_text(answers, encoding="utf-8")
    result = run("review", "statement.md", "--answers", "answers.yaml", "--md")
    assert result.exit_code == 0, result.stderr
    assert f"15 January {next_year}" in (tmp_path / "statement-review.md").read_text(encoding="utf-8")
    assert british_date(date(next_year, 1, 15)) == f"15 January {next_year}"


def test_a_date_already_past_with_no_year_is_the_last_one() -> None:
    assert parse_date("15 January", TODAY, ahead=False) == date(2026, 1, 15)
    assert parse_date("29 November", TODAY, ahead=False) == TODAY


def test_the_written_date_of_a_statement_may_be_typed_in_a_british_form(run: Run, tmp_path: Path) -> None:
    from badgekit.checks.samples import WRITING_EVIDENCE_GOOD

    text = WRITING_EVIDENCE_GOOD.replace("---\n", "---\ndate: 15/01/2026\n", 1)
    assert "date: 15/01/2026" in text
    (tmp_path / "s.md").write_text(text, encoding="utf-8")
    result = run("export", str(tmp_path / "s.md"), "--html", "-o", "-")
    assert result.exit_code == 0, result.stderr
    assert "15 January 2026" in result.stdout
