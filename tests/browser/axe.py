"""axe-core, the accessibility checker the browser tests run: fetched once with npm, kept in .test-cache/.

It is about half a megabyte, too large to keep in the repository, and pinned to one version.
``scripts/test`` runs this file before the tests, so that a fresh machine fetches it up front;
the browser tests' ``axe_source`` fixture calls ``fetch_axe`` too, for a run of pytest alone.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
AXE_VERSION = "4.14.1"
AXE_CACHE = ROOT / ".test-cache" / f"axe-core-{AXE_VERSION}" / "axe.min.js"


class AxeUnavailable(RuntimeError):
    """npm is missing, so axe-core cannot be fetched."""


def fetch_axe() -> Path:
    """axe.min.js in .test-cache/, fetched with ``npm pack`` the first time."""
    if AXE_CACHE.is_file():
        return AXE_CACHE
    npm = shutil.which("npm")
    if npm is None:
        raise AxeUnavailable(f"npm is needed once to fetch axe-core {AXE_VERSION} for the accessibility check")
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
    return AXE_CACHE


if __name__ == "__main__":
    try:
        print(f"axe-core {AXE_VERSION}: {fetch_axe().relative_to(ROOT)}")
    except AxeUnavailable as problem:
        sys.exit(str(problem))
