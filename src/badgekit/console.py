"""The Rich consoles every command writes through, made in one place.

Results go to stdout; progress, warnings and errors go to stderr, so that
``--format json`` output stays clean for scripts. Rich itself honours NO_COLOR
and stops colouring when the output is not a terminal. A console is made per
command rather than once per process, so that it reads the environment as it is
when the command runs (which is what tests that set NO_COLOR expect).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console


def stdout() -> Console:
    from rich.console import Console

    return Console(highlight=False)


def stderr() -> Console:
    from rich.console import Console

    return Console(stderr=True, highlight=False)
