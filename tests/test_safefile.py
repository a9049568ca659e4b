"""Files are written whole, privately where they hold the learner's words, and never over another."""

from __future__ import annotations

import stat
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from badgekit.errors import BadgekitError
from badgekit.safefile import WriteError, write_new, write_private


def test_private_files_are_owner_only_and_replaced_whole(tmp_path: Path) -> None:
    target = tmp_path / "deep" / "profile.json"
    write_private(target, "first")
    write_private(target, "second")
    assert target.read_text(encoding="utf-8") == "second"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert stat.S_IMODE(target.parent.stat().st_mode) == 0o700
    assert [p.name for p in target.parent.iterdir()] == ["profile.json"]  # no temporary file left behind


def test_a_failed_write_leaves_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "draft.json"
    write_private(target, "answers so far")

    def full_disk(*_: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("os.fsync", full_disk)
    with pytest.raises(WriteError, match="the disk is full") as caught:
        write_private(target, "new answers")
    assert caught.value.path == str(target) and caught.value.disk_full
    assert target.read_text(encoding="utf-8") == "answers so far"
    assert [p.name for p in tmp_path.iterdir()] == ["draft.json"]


def test_a_read_only_folder_is_named_with_the_output_file_not_the_temporary_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, run: Callable[..., Result]
) -> None:
    statement = tmp_path / "statement.md"
    statement.write_text("---\nbadge: writing-evidence\n---\n\n# Mine\n\nI took part.\n", encoding="utf-8")

    def read_only(*_: object, dir: str = "", **__: object) -> None:  # what mkstemp meets in a read-only folder
        raise PermissionError(13, "Permission denied", f"{dir}/.statement.redacted.md.x1y2.tmp")

    monkeypatch.setattr("tempfile.mkstemp", read_only)
    result = run("check", str(statement), "--redact")
    assert result.exit_code == 3
    output = tmp_path / "statement.redacted.md"
    assert f"error: {output}: could not be saved: you do not have permission" in result.stderr
    assert ".tmp" not in result.stderr


def test_outputs_are_never_overwritten_without_force(tmp_path: Path) -> None:
    target = tmp_path / "statement.md"
    write_new(target, "mine")
    with pytest.raises(BadgekitError, match="already exists") as caught:
        write_new(target, "theirs")
    assert caught.value.hint == "Choose another file name, or add --force to replace it."
    with pytest.raises(BadgekitError, match="already exists") as caught:
        write_new(target, "theirs", name_option="-o")
    assert caught.value.hint == "Choose another file name with -o, or add --force to replace it."
    assert target.read_text(encoding="utf-8") == "mine"
    write_new(target, "replaced", force=True)
    assert target.read_text(encoding="utf-8") == "replaced"
