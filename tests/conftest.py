"""Shared fixtures: every test runs with its own empty user data directory."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from badgekit.cli import app


@pytest.fixture(autouse=True)
def isolated_user_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Point badgekit's user directory at a fresh folder so no test sees another's state."""
    data = tmp_path / "user-data"
    monkeypatch.setenv("BADGEKIT_DATA_DIR", str(data))
    for name in ("BADGEKIT_BADGES_DIR", "BADGEKIT_TEMPLATES_DIR", "BADGEKIT_DRAFTS_DIR"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "160")
    yield data


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty folder to work in, as a learner runs badgekit in the folder of their statements."""
    folder = tmp_path / "work"
    folder.mkdir()
    monkeypatch.chdir(folder)
    return folder


@pytest.fixture
def run() -> object:
    """Invoke the CLI as a user would; stdout and stderr are kept apart."""
    runner = CliRunner()

    def invoke(*args: str, input: str | None = None) -> Result:
        return runner.invoke(app, list(args), input=input, catch_exceptions=False)

    return invoke
