"""Every YAML reader (badges, answers files, review files, front matter) refuses what would hang or crash it.

A "billion laughs" of 342 bytes, an alias inside its own anchor, an impossible date and a value its tag
cannot be are each refused with the file and line, exit code 3, and no traceback.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from test_review import GOOD
from typer.testing import Result

from badgekit.errors import InvalidDataError
from badgekit.yamldoc import parse_yaml

Run = Callable[..., Result]

#: 342 bytes that expand to 387 million strings.
BOMB = "".join(
    f"{name}: &{name} [{', '.join([f'*{prev}'] * 9) if prev else ', '.join(['lol'] * 9)}]\n"
    for prev, name in zip(["", *"abcdefgh"], "abcdefghi", strict=True)
)

BAD_VALUES = {
    "impossible date": ("title: 2026-02-30\n", "'2026-02-30' is not a date"),
    "bad int tag": ("title: !!int abc\n", "'abc' is not a whole number"),
    "bad float tag": ("title: !!float x\n", "'x' is not a number"),
    "bad bool tag": ("title: !!bool maybe\n", "'maybe' is not true or false"),
    "bad timestamp tag": ("title: !!timestamp soon\n", "'soon' is not a date"),
}


def test_the_bomb_is_small_and_refused_at_once_naming_the_line() -> None:
    assert len(BOMB) < 400
    for plain in (False, True):
        with pytest.raises(InvalidDataError) as caught:
            parse_yaml(BOMB, "bomb.yaml", plain=plain)
        assert caught.value.error_lines()[0].startswith("bomb.yaml:1: ")
        assert "aliases (*name) repeat" in caught.value.error_lines()[0]


def test_an_alias_inside_its_own_anchor_is_refused() -> None:
    with pytest.raises(InvalidDataError, match="1 problem") as caught:
        parse_yaml("x: 1\na: &a [1, *a]\n", "self.yaml")
    assert caught.value.error_lines() == ["self.yaml:2: not usable: an alias (*name) is used inside its own anchor"]


def test_aliases_that_repeat_a_little_are_still_read() -> None:
    assert parse_yaml("a: &p [one, two]\nb: *p\n", "ok.yaml").data == {"a": ["one", "two"], "b": ["one", "two"]}


def test_nesting_too_deep_is_refused_not_a_recursion_error() -> None:
    for text in ("[" * 100_000, "- " * 5_000 + "x"):
        with pytest.raises(InvalidDataError):
            parse_yaml(text, "deep.yaml")


@pytest.mark.parametrize("case", BAD_VALUES)
def test_a_value_its_tag_cannot_be_is_refused_with_its_line(case: str) -> None:
    text, message = BAD_VALUES[case]
    with pytest.raises(InvalidDataError) as caught:
        parse_yaml("id: x\n" + text, "badge.yaml")
    assert caught.value.error_lines() == [f"badge.yaml:2: not valid YAML: {message}"]


@pytest.mark.parametrize("content", [BOMB, BAD_VALUES["impossible date"][0]])
def test_a_bad_badge_file_is_named_by_validate_and_every_command_still_runs(
    run: Run, tmp_path: Path, content: str
) -> None:
    folder = tmp_path / "badges"
    folder.mkdir()
    (folder / "bad.yaml").write_text(content, encoding="utf-8")
    result = run("validate", str(folder / "bad.yaml"))
    assert result.exit_code == 3
    assert "bad.yaml:1: " in result.stderr and "Traceback" not in result.output
    listed = run("--badges-dir", str(folder), "list")
    assert listed.exit_code == 3 and "writing-evidence" in listed.stdout  # the rest are listed, as designed
    assert "bad.yaml:1: " in listed.stderr


@pytest.mark.parametrize("content", [BOMB, "1: 2026-02-30\n", "1: !!int abc\n"])
def test_a_bad_answers_file_is_refused_by_draft_and_review(run: Run, tmp_path: Path, content: str) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text(content, encoding="utf-8")
    statement = tmp_path / "statement.md"
    statement.write_text(GOOD, encoding="utf-8")
    for args in (
        ("draft", "writing-evidence", "--answers", str(answers), "-o", str(tmp_path / "out.md")),
        ("review", str(statement), "--answers", str(answers)),
    ):
        result = run(*args)
        assert result.exit_code == 3, result.output
        assert "answers.yaml:1: " in result.stderr


def test_a_bad_review_file_is_named_by_line(run: Run, tmp_path: Path) -> None:
    review = tmp_path / "statement-review.yaml"
    review.write_text("reviewer: x\nfollow_up: 2026-02-30\n", encoding="utf-8")
    result = run("review", str(review))
    assert result.exit_code == 3
    assert "statement-review.yaml:2: " in result.stderr


def test_a_bomb_in_front_matter_is_refused_with_the_statement_named(run: Run, tmp_path: Path) -> None:
    statement = tmp_path / "bomb.md"
    statement.write_text("---\n" + BOMB + "---\n\n# A statement\n\nI took part.\n", encoding="utf-8")
    result = run("check", str(statement))
    assert result.exit_code == 3
    assert "bomb.md:2: " in result.stderr
