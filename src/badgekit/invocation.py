"""How the learner started badgekit, so that every command it prints for them to run works as printed.

The README's own install puts badgekit in ``.venv/bin`` (``.venv\\Scripts`` on Windows), which is not
on the PATH; others run ``python -m badgekit``. "To carry on, run: badgekit draft ..." would then give
"command not found". ``program()`` is what to type in the same shell: ``badgekit`` when that word
finds this very badgekit, otherwise the path the learner typed, or ``python -m badgekit`` with the
Python they used.
"""

from __future__ import annotations

import os
import shutil
import sys
from functools import cache
from pathlib import Path

NAME = "badgekit"
_SCRIPT_NAMES = frozenset({NAME, f"{NAME}.exe", f"{NAME}-script.py"})


@cache
def program() -> str:
    """What to type to run badgekit again in the learner's shell: "badgekit", ".venv/bin/badgekit", ..."""
    return program_for(sys.argv[0] if sys.argv else "", sys.executable, os.environ.get("PATH"))


def run(arguments: str) -> str:
    """A command for the learner to run, as they can type it: ``run("check x.md")``."""
    return f"{program()} {arguments}"


def program_for(argv0: str, executable: str, path: str | None) -> str:
    """``program()`` for a given first argument, Python and PATH (pure, for tests)."""
    started = Path(argv0)
    if started.name == "__main__.py" and started.parent.name == NAME:
        return f"{_typed(executable, path)} -m {NAME}"
    if started.name.lower() in _SCRIPT_NAMES:
        return _typed(argv0, path)
    return NAME  # run some other way (a test runner): the name the README teaches


def _typed(program_path: str, path: str | None) -> str:
    """A program as the learner types it: its bare name when the PATH finds this very file, else its path.

    Paths are compared without following links: a virtual environment's python is a link to the
    system's, which does not have badgekit installed.
    """
    name = Path(program_path).name
    stem = name[:-4] if name.lower().endswith(".exe") else name
    found = shutil.which(stem, path=path)
    if found is not None and os.path.abspath(found) == os.path.abspath(program_path):
        return stem
    shown = program_path
    if os.path.isabs(program_path):
        try:
            relative = os.path.relpath(program_path)
        except ValueError:  # another drive, on Windows
            relative = program_path
        if not relative.startswith(".."):
            shown = relative if os.sep in relative else os.path.join(".", relative)
    return _quoted(shown)


def _quoted(word: str) -> str:
    """A path quoted for the learner's shell when it holds a space or another special character."""
    if os.name == "nt":
        return f'"{word}"' if " " in word else word
    import shlex

    return shlex.quote(word)
