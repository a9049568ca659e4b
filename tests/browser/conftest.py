"""Fixtures for the browser tests: one headless Chromium for the whole session, and axe-core.

These tests are marked ``browser`` (run them alone with ``pytest -m browser``). They
never skip: without Chromium they fail, saying how to install it, because a page
nobody opened is a page nobody checked. scripts/test installs Debian's chromium package.

axe-core, the accessibility checker, is fetched from the npm registry the first time
(``npm pack``, a pinned version; see axe.py, which ``scripts/test`` runs first) and kept in
.test-cache/, which git ignores.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from axe import AxeUnavailable, fetch_axe
from chromium import Chromium, find_chromium

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"


@pytest.fixture(scope="session")
def chromium(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Chromium]:
    executable = find_chromium()
    if executable is None:
        pytest.fail(
            "Chromium is not installed, so the exported page cannot be opened: install it with "
            "'apt-get install -y chromium' (scripts/test does this), or name a browser in BADGEKIT_CHROMIUM."
        )
    folder = tmp_path_factory.mktemp("chromium")
    browser = Chromium(executable, folder / "profile", folder / "chromium.log")
    yield browser
    browser.close()


@pytest.fixture(scope="session")
def axe_source() -> str:
    """The source of axe.min.js, fetched once with npm and kept in .test-cache/."""
    try:
        return fetch_axe().read_text(encoding="utf-8")
    except AxeUnavailable as problem:
        pytest.fail(f"{problem}: run scripts/test, which installs it")


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """test-artifacts/: screenshots and the printed PDF, kept after the run for a person to look at."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
