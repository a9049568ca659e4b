"""The wheel carries the badge data and templates: build it, install it alone, run it.

This catches data that was never packaged, which a test run from the checkout cannot.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.slow


def test_the_built_wheel_installs_and_lists_every_badge(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(dist), str(ROOT)],
        check=True,
        capture_output=True,
    )
    wheel = next(dist.glob("badgekit-*.whl"))
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
    bundled = sorted(path.name for path in (ROOT / "criteria").glob("*.yaml"))
    assert sorted(Path(n).name for n in names if n.startswith("badgekit/criteria/")) == bundled
    assert not [n for n in names if "criteria-sources" in n or n.startswith("tools/")], "saved pages are not shipped"
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    # Let the fresh environment reuse this test run's dependencies (no network needed).
    # A path in a .pth file goes after the environment's own site-packages, and .pth
    # files inside it are not run, so badgekit itself can only come from the wheel.
    own_site = next((env_dir / "lib").glob("python3*/site-packages"))
    outer = [p for p in sys.path if p.endswith("site-packages")]
    (own_site / "test-run-dependencies.pth").write_text("\n".join(outer) + "\n", encoding="utf-8")
    subprocess.run(
        [str(python), "-m", "pip", "install", "--no-deps", "--no-index", "--quiet", str(wheel)],
        check=True,
        capture_output=True,
    )
    outside = tmp_path / "elsewhere"  # run away from the checkout, so nothing is found there
    outside.mkdir()
    env = {**os.environ, "BADGEKIT_DATA_DIR": str(tmp_path / "data"), "NO_COLOR": "1", "COLUMNS": "200"}
    where = subprocess.run(
        [str(python), "-c", "import badgekit.resources as r; print(r.bundled_criteria_dir())"],
        cwd=outside,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert str(env_dir) in where.stdout, "badgekit ran from the checkout, not from the wheel"
    listed = subprocess.run(
        [str(env_dir / "bin" / "badgekit"), "list", "--format", "json"],
        cwd=outside,
        env=env,
        capture_output=True,
        text=True,
    )
    assert listed.returncode == 0, listed.stderr
    assert '"leadership-across-boundaries"' in listed.stdout
    assert '"thing-19-citizen-leadership"' in listed.stdout
    assert len(json.loads(listed.stdout)["badges"]) == len(bundled)
    explained = subprocess.run(
        [str(env_dir / "bin" / "badgekit"), "rules", "BK502"],
        cwd=outside,
        env=env,
        capture_output=True,
        text=True,
    )
    assert explained.returncode == 0, explained.stderr
    assert "Split it so that each idea stands out." in explained.stdout, "docs/rules.md is shipped in the wheel"
    _the_web_page_runs_from_the_wheel(env_dir / "bin" / "badgekit", outside, env)


def _the_web_page_runs_from_the_wheel(badgekit: Path, outside: Path, env: dict[str, str]) -> None:
    """badgekit web serves its own page templates, style sheet and script from the installed package."""
    import http.client
    import re
    import time

    server = subprocess.Popen(
        [str(badgekit), "web", "--no-browser"], cwd=outside, env=env, stdout=subprocess.PIPE, text=True
    )
    try:
        assert server.stdout is not None
        found = re.search(r"127\.0\.0\.1:(\d+)(/\?token=[\w-]+)", server.stdout.readline())
        assert found, "badgekit web printed no address"
        port = int(found[1])
        for _ in range(200):
            try:
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
                connection.request("GET", found[2])
                break
            except OSError:
                time.sleep(0.05)
        opened = connection.getresponse()
        opened.read()
        cookie = {"Cookie": (opened.getheader("set-cookie") or "").split(";")[0]}
        for path in ("/", "/static/badgekit.css", "/static/badgekit.js", "/write/thing-19"):
            connection.request("GET", path, headers=cookie)
            answer = connection.getresponse()
            body = answer.read()
            assert answer.status == 200 and body, path
    finally:
        server.terminate()
        server.wait(timeout=10)
