"""Every command badgekit prints for the learner to run works as printed, however badgekit was started."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from badgekit.checks.samples import WRITING_EVIDENCE_GOOD
from badgekit.invocation import program_for

SCRIPT = Path(sys.executable).parent / ("badgekit.exe" if os.name == "nt" else "badgekit")
MAIN = str(Path(__file__).resolve().parent.parent / "src" / "badgekit" / "__main__.py")


def test_badgekit_on_the_path_is_typed_by_its_name(tmp_path: Path) -> None:
    assert program_for(str(SCRIPT), sys.executable, str(SCRIPT.parent)) == "badgekit"


def test_badgekit_not_on_the_path_is_typed_by_the_path_used() -> None:
    assert program_for(".venv/bin/badgekit", sys.executable, "/usr/bin") == ".venv/bin/badgekit"
    assert program_for("/opt/my tools/badgekit", sys.executable, "/usr/bin") == "'/opt/my tools/badgekit'"


def test_python_dash_m_is_typed_with_the_python_used(tmp_path: Path) -> None:
    venv_python = tmp_path / "venv" / "bin" / "python"
    assert program_for(MAIN, str(venv_python), "/usr/bin").endswith(f"{venv_python} -m badgekit")
    assert program_for(MAIN, "/usr/bin/python3", "/usr/bin") == "python3 -m badgekit"


def test_a_test_runner_or_anything_else_is_shown_as_badgekit() -> None:
    assert program_for("/usr/bin/pytest", sys.executable, "/usr/bin") == "badgekit"


def next_command(output: str) -> str:
    found = re.search(r"export it with '([^']+)'", output)
    assert found, output
    return found.group(1)


@pytest.mark.slow
@pytest.mark.skipif(os.name == "nt", reason="runs the printed command in a POSIX shell")
def test_the_next_command_check_prints_runs_as_printed_when_badgekit_is_not_on_the_path(tmp_path: Path) -> None:
    (tmp_path / "statement.md").write_text(WRITING_EVIDENCE_GOOD, encoding="utf-8")
    env = {**os.environ, "PATH": "/usr/bin:/bin", "NO_COLOR": "1", "COLUMNS": "300"}
    typed = os.path.relpath(SCRIPT, tmp_path)
    for start in ([typed], [sys.executable, "-m", "badgekit"]):
        shown = subprocess.run(
            [*start, "check", "statement.md"], cwd=tmp_path, env=env, capture_output=True, text=True, check=False
        )
        command = next_command(shown.stdout)
        assert command.startswith(typed if start == [typed] else f"{sys.executable} -m badgekit")
        ran = subprocess.run(command, shell=True, cwd=tmp_path, env=env, capture_output=True, text=True, check=False)
        assert ran.returncode == 0, ran.stderr
        assert "Saved statement.txt" in ran.stderr
        (tmp_path / "statement.txt").unlink()


@pytest.mark.slow
@pytest.mark.skipif(os.name == "nt", reason="runs the printed command in a POSIX shell")
def test_help_and_usage_errors_write_examples_as_badgekit_was_started(tmp_path: Path) -> None:
    env = {**os.environ, "PATH": "/usr/bin:/bin", "NO_COLOR": "1", "COLUMNS": "300"}
    typed = os.path.relpath(SCRIPT, tmp_path)
    helped = subprocess.run([typed, "--help"], cwd=tmp_path, env=env, capture_output=True, text=True, check=False)
    assert f"Start with {typed} list" in helped.stdout
    wrong = subprocess.run([typed, "export"], cwd=tmp_path, env=env, capture_output=True, text=True, check=False)
    assert wrong.returncode == 2
    assert f"For example: {typed} export " in wrong.stderr
    assert wrong.stderr.count(typed) == 2, wrong.stderr  # the example and the --help, each written once
