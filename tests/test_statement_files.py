"""Which statement ``badgekit export`` uses when none is named: the drafted one, never a guess."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from badgekit.drafting.store import Draft, DraftStore
from badgekit.errors import BadgekitError, ExitCode
from badgekit.statement.files import (
    StatementNotChosen,
    choose_statement,
    drafted_badges,
    statements_in,
)


def touch(path: Path, when: int) -> Path:
    path.write_text("statement", encoding="utf-8")
    os.utime(path, (when, when))
    return path


def draft(drafts: Path, badge_id: str, changed: str) -> None:
    DraftStore(drafts).save(Draft(badge=badge_id, title=badge_id, changed=changed))


@pytest.fixture
def folders(tmp_path: Path) -> tuple[Path, Path]:
    here, drafts = tmp_path / "here", tmp_path / "drafts"
    here.mkdir()
    return here, drafts


def test_only_files_draft_could_have_written_are_statements(folders: tuple[Path, Path]) -> None:
    here, _ = folders
    for name in (
        "thing-19-statement.md",
        "thing-19-statement-2.md",
        "my-statement.md",
        "thing-19-statement.redacted.md",  # check --redact's copy
        "thing-19-statement.blog.md",  # an export
        "thing-19-statement.txt",
        "notes.md",
    ):
        touch(here / name, 1_000_000_000)
    (here / "folder-statement.md").mkdir()
    assert [p.name for p in statements_in(here)] == [
        "my-statement.md",
        "thing-19-statement-2.md",
        "thing-19-statement.md",
    ]
    assert statements_in(here / "not-there") == []


def test_the_latest_drafts_statement_wins_over_a_newer_file(folders: tuple[Path, Path]) -> None:
    here, drafts = folders
    touch(here / "leadership-across-boundaries-statement.md", 1_000_000_000)
    touch(here / "writing-evidence-statement.md", 1_100_000_000)
    touch(here / "planted-statement.md", 2_000_000_000)  # the newest file, with no draft behind it
    draft(drafts, "writing-evidence", "2026-01-05T09:00:00+00:00")
    draft(drafts, "leadership-across-boundaries", "2026-03-01T09:00:00+00:00")
    assert drafted_badges(drafts) == ["leadership-across-boundaries", "writing-evidence"]
    choice = choose_statement(here, drafts)
    assert choice.path == here / "leadership-across-boundaries-statement.md"
    assert choice.announcement() == (
        "Exporting leadership-across-boundaries-statement.md "
        "(the statement of your most recent draft, 'leadership-across-boundaries')."
    )


def test_a_draft_with_no_statement_here_yet_passes_to_the_next(folders: tuple[Path, Path]) -> None:
    here, drafts = folders
    touch(here / "writing-evidence-statement.md", 1_000_000_000)
    touch(here / "planted-statement.md", 2_000_000_000)
    draft(drafts, "thing-19-citizen-leadership", "2026-03-01T09:00:00+00:00")  # still being written
    draft(drafts, "writing-evidence", "2026-01-05T09:00:00+00:00")
    choice = choose_statement(here, drafts)
    assert choice.path.name == "writing-evidence-statement.md"
    assert "most recent of your drafts with a statement here" in choice.announcement()


def test_a_second_statement_draft_wrote_for_the_same_badge_is_the_one_used(folders: tuple[Path, Path]) -> None:
    here, drafts = folders
    touch(here / "thing-19-statement.md", 1_000_000_000)
    touch(here / "thing-19-statement-2.md", 1_500_000_000)  # draft's name when the first was taken
    draft(drafts, "thing-19", "2026-03-01T09:00:00+00:00")
    assert choose_statement(here, drafts).path.name == "thing-19-statement-2.md"


def test_with_no_draft_the_only_statement_is_used_and_several_are_listed(folders: tuple[Path, Path]) -> None:
    here, drafts = folders
    with pytest.raises(BadgekitError, match=r"this folder has no '\*-statement\.md' file") as none:
        choose_statement(here, drafts)
    assert none.value.exit_code == ExitCode.INVALID_INPUT

    only = touch(here / "a-statement.md", 1_000_000_000)
    assert choose_statement(here, drafts).path == only
    assert choose_statement(here, drafts).announcement() == "Exporting a-statement.md."

    for index in range(12):
        touch(here / f"b{index:02d}-statement.md", 2_000_000_000)
    with pytest.raises(StatementNotChosen, match="there are 13 statements here") as several:
        choose_statement(here, drafts)
    assert several.value.exit_code == ExitCode.USAGE
    hint = several.value.hint or ""
    assert "badgekit export a-statement.md --html" in hint
    assert "Statements here: a-statement.md, b00-statement.md," in hint and "and 3 more." in hint


def test_a_damaged_draft_or_a_hand_edited_date_never_stops_the_choice(folders: tuple[Path, Path]) -> None:
    here, drafts = folders
    touch(here / "thing-19-statement.md", 1_000_000_000)
    touch(here / "writing-evidence-statement.md", 1_000_000_000)
    drafts.mkdir()
    (drafts / "writing-evidence.json").write_text("{ not json", encoding="utf-8")
    draft(drafts, "thing-19", "last Tuesday")
    assert drafted_badges(drafts) == ["thing-19"]
    assert choose_statement(here, drafts).path.name == "thing-19-statement.md"
