"""The README's set-up commands are the ones CI runs."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    set_up = text[text.index("## Set up") : text.index("## A short tour")]
    return re.findall(r"```sh\n(.+?)\n```", set_up)


def test_ci_runs_the_readmes_test_command_word_for_word() -> None:
    install_and_start, install_and_test = readme_commands()
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert install_and_test in ci
    assert "pytest" in install_and_test and "pip install" in install_and_start
