"""``check``, ``export`` and ``review`` with no file find the learner's statement the same way and say which;
a badge id given for a file, exports older than their statement, and several versions of one statement."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from typer.testing import Result

from badgekit.checks.samples import WRITING_EVIDENCE_GOOD

Run = Callable[..., Result]
BADGE = "writing-evidence"
ANSWERS = "reviewer: Team leader\n1: met\n2: met\n3: met\n4: met\n5: met\n6: met\n"


def statement(folder: Path, name: str, when: int) -> Path:
    path = folder / name
    path.write_text(WRITING_EVIDENCE_GOOD, encoding="utf-8")
    os.utime(path, (when, when))
    return path


def flat(text: str) -> str:
    return " ".join(text.split())


def test_check_export_and_review_with_no_file_use_the_same_statement_and_say_which(run: Run, here: Path) -> None:
    statement(here, f"{BADGE}-statement.md", 1_000_000_000)
    checked = run("check")
    assert checked.exit_code in (0, 1), checked.stderr
    assert f"Checking {BADGE}-statement.md." in checked.stderr
    assert "Writing evidence for Open Badge applications" in checked.stdout
    exported = run("export", "--text")
    assert exported.exit_code == 0, exported.stderr
    assert f"Exporting {BADGE}-statement.md." in exported.stderr
    (here / "answers.yaml").write_text(ANSWERS, encoding="utf-8")
    reviewed = run("review", "--answers", "answers.yaml")
    assert reviewed.exit_code == 0, reviewed.stderr
    assert f"Reviewing {BADGE}-statement.md." in reviewed.stderr
    assert (here / f"{BADGE}-statement-review.yaml").exists()


def test_with_no_statement_here_check_says_how_to_name_one(run: Run, here: Path) -> None:
    result = run("check")
    assert result.exit_code == 3
    assert "this folder has no '*-statement.md' file" in result.stderr
    assert "badgekit check my-statement.md" in flat(result.stderr)


def test_a_badge_id_given_for_a_file_suggests_its_statement(run: Run, here: Path) -> None:
    statement(here, f"{BADGE}-statement.md", 1_000_000_000)
    result = run("check", BADGE)
    assert result.exit_code == 3
    said = flat(result.stderr)
    assert f"'{BADGE}' is a badge id, not a file: did you mean its statement, {BADGE}-statement.md?" in said
    assert f"badgekit check {BADGE}-statement.md" in said


def test_check_and_export_say_when_an_export_beside_the_statement_is_older(run: Run, here: Path) -> None:
    path = statement(here, f"{BADGE}-statement.md", 1_000_000_000)
    for suffix in (".txt", ".html", ".docx"):
        old = here / f"{BADGE}-statement{suffix}"
        old.write_text("an earlier export", encoding="utf-8")
        os.utime(old, (900_000_000, 900_000_000))
    checked = flat(run("check", path.name).stderr)
    assert f"note: {BADGE}-statement.txt is older than {BADGE}-statement.md" in checked
    assert f"badgekit export {BADGE}-statement.md --text --force" in checked
    assert f"{BADGE}-statement.html is older" in checked and f"{BADGE}-statement.docx is older" in checked

    exported = run("export", path.name, "--text", "--force")
    assert exported.exit_code == 0, exported.stderr
    said = flat(exported.stderr)
    assert f"{BADGE}-statement.txt is older" not in said, "the one just written is new"
    assert f"note: {BADGE}-statement.html is older than {BADGE}-statement.md" in said


def test_no_note_when_the_exports_are_newer(run: Run, here: Path) -> None:
    path = statement(here, f"{BADGE}-statement.md", 1_000_000_000)
    assert run("export", path.name, "--text").exit_code == 0
    assert "older than" not in run("check", path.name).stderr


def test_export_and_drafts_name_the_newest_of_several_versions(run: Run, here: Path) -> None:
    statement(here, f"{BADGE}-statement.md", 1_000_000_000)
    statement(here, f"{BADGE}-statement-2.md", 1_100_000_000)
    statement(here, f"{BADGE}-statement-3.md", 1_200_000_000)
    exported = run("export", "--text")
    assert exported.exit_code == 0, exported.stderr
    assert f"Exporting {BADGE}-statement-3.md (the newest of 3 versions here)." in exported.stderr
    assert (here / f"{BADGE}-statement-3.txt").exists()
    listed = run("drafts")
    assert listed.exit_code == 0, listed.stderr
    assert f"There are 3 statements for {BADGE} in this folder; the newest is {BADGE}-statement-3.md." in flat(
        listed.stdout
    )
