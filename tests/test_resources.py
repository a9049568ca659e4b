"""Where badgekit keeps the user's files: the same folders platformdirs would choose."""

from __future__ import annotations

from pathlib import Path

import platformdirs
import pytest

from badgekit import resources


@pytest.mark.parametrize("xdg", [None, "/srv/home/data"])
def test_the_data_and_cache_folders_match_platformdirs(monkeypatch: pytest.MonkeyPatch, xdg: str | None) -> None:
    monkeypatch.delenv("BADGEKIT_DATA_DIR", raising=False)
    for variable in ("XDG_DATA_HOME", "XDG_CACHE_HOME"):
        if xdg is None:
            monkeypatch.delenv(variable, raising=False)
        else:
            monkeypatch.setenv(variable, f"{xdg}/{variable}")
    assert resources.user_data_dir() == platformdirs.user_data_path("badgekit", appauthor=False)
    assert resources.user_cache_dir() == platformdirs.user_cache_path("badgekit", appauthor=False)


def test_the_data_folder_can_be_moved(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("BADGEKIT_DATA_DIR", str(tmp_path))
    assert resources.user_data_dir() == tmp_path
    assert resources.user_cache_dir() == tmp_path / "cache"
    assert resources.user_badges_dir() == tmp_path / "criteria"
    assert resources.user_templates_dir() == tmp_path / "templates"
