"""Fixtures for the browser tests: one headless Chromium for the whole session, and axe-core.

These tests are marked ``browser`` (run them alone with ``pytest -m browser``). They
never skip: without Chromium they fail, saying how to install it, because a page
nobody opened is a page nobody checked. .ci/run installs Debian's chromium package.

axe-core, the accessibility checker, is fetched from the npm registry the first time
(``npm pack``, a pinned version) and kept in .test-cache/, which git ignores; it is
about half a megabyte, too large to keep in the repository.
"""

from __future__ import annotations

import shutil
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from chromium import Chromium, find_chromium

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
AXE_VERSION = "4.14.1"
AXE_CACHE = ROOT / ".test-cache" / f"axe-core-{AXE_VERSION}" / "axe.min.js"


@pytest.fixture(scope="session")
def chromium(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Chromium]:
    executable = find_chromium()
    if executable is None:
        pytest.fail(
            "Chromium is not installed, so the exported page cannot be opened: install it with "
            "'apt-get install -y chromium' (.ci/run does this), or name a browser in BADGEKIT_CHROMIUM."
        )
    folder = tmp_path_factory.mktemp("chromium")
    browser = Chromium(executable, folder / "profile", folder / "chromium.log")
    yield browser
    browser.close()


@pytest.fixture(scope="session")
def axe_source() -> str:
    """The source of axe.min.js, fetched once with npm and kept in .test-cache/."""
    if not AXE_CACHE.is_file():
        npm = shutil.which("npm")
        if npm is None:
            pytest.fail(f"npm is needed once to fetch axe-core {AXE_VERSION} for the accessibility check")
        with tempfile.TemporaryDirectory() as folder:
            subprocess.run(
                [npm, "pack", f"axe-core@{AXE_VERSION}", "--pack-destination", folder, "--silent"],
                check=True,
                capture_output=True,
                timeout=300,
            )
            (packed,) = Path(folder).glob("axe-core-*.tgz")
            with tarfile.open(packed) as archive:
                member = archive.extractfile("package/axe.min.js")
                assert member is not None
                AXE_CACHE.parent.mkdir(parents=True, exist_ok=True)
                AXE_CACHE.write_bytes(member.read())
    return AXE_CACHE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """test-artifacts/: screenshots and the printed PDF, kept after the run for a person to look at."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
