"""``badgekit review`` in a real pseudo-terminal: a closed window or SIGHUP stops it as Ctrl-C does, as for draft."""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Callable
from pathlib import Path

import pexpect
import pytest
import yaml
from test_draft_terminal import close_the_window

from badgekit.checks.samples import WRITING_EVIDENCE_GOOD

pytestmark = pytest.mark.slow


def reviewing(folder: Path) -> pexpect.spawn:
    """badgekit review, waiting for the manager's judgement on the first point."""
    (folder / "statement.md").write_text(WRITING_EVIDENCE_GOOD, encoding="utf-8")
    env = {**os.environ, "BADGEKIT_DATA_DIR": str(folder / "data"), "NO_COLOR": "1", "TERM": "xterm"}
    child = pexpect.spawn(
        sys.executable,
        ["-m", "badgekit", "review", "statement.md"],
        cwd=str(folder),
        env=env,
        encoding="utf-8",
        timeout=30,
        dimensions=(50, 200),
    )
    child.expect_exact("Your name or role")
    child.expect_exact("> ")
    child.sendline("Team leader")
    child.expect_exact("Point 1 of 6")
    child.expect_exact("Type a number")
    return child


@pytest.mark.parametrize(
    "stop",
    [
        pytest.param(lambda child: child.kill(signal.SIGHUP), id="sighup"),
        pytest.param(close_the_window, id="window-closed"),
    ],
)
def test_a_closed_terminal_stops_the_review_with_what_was_given_saved(
    tmp_path: Path, stop: Callable[[pexpect.spawn], None]
) -> None:
    child = reviewing(tmp_path)
    stop(child)
    if child.ptyproc.isalive():
        child.expect(pexpect.EOF)
    child.close()
    assert child.signalstatus is None, "stopped by badgekit, not killed by the signal"
    assert child.exitstatus == 130
    saved = yaml.safe_load((tmp_path / "statement-review.yaml").read_text(encoding="utf-8"))
    assert saved["reviewer"] == "Team leader" and saved["finished"] is False
