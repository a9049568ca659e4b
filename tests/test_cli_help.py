"""What ``--help`` tells a care worker: plain words, a plain name for every value, the same exit codes."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from typer.testing import Result

Run = Callable[..., Result]
ROOT = Path(__file__).resolve().parent.parent

EXIT_3 = (
    "something badgekit cannot use: a badge id it does not know, or a badge file, template or statement "
    "that is missing, unreadable or invalid"
)


def test_exit_code_3_means_the_same_in_the_readme_and_in_help(run: Run) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"| 3 | {EXIT_3} |" in readme
    result = run("--help")
    assert result.exit_code == 0
    assert EXIT_3 in " ".join(result.stdout.replace("│", " ").split())
    assert "a file badgekit cannot use" not in readme + result.stdout


def test_a_misspelt_badge_id_exits_with_the_code_for_something_badgekit_cannot_use(run: Run) -> None:
    result = run("show", "leadership-acros-boundaries")
    assert result.exit_code == 3
    assert re.search(r"there is no badge called 'leadership-acros-boundaries'", result.stderr)
