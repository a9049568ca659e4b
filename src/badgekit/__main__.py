"""The ``badgekit`` program: ``python -m badgekit``, and ``run`` for the installed command."""

from __future__ import annotations

import gc
from typing import NoReturn


def run() -> NoReturn:
    """Start badgekit's command line (badgekit.cli.run), collecting cyclic garbage rarely.

    Starting allocates tens of thousands of objects that live until the end (modules, classes,
    the badge catalogue), and Python's default collector sweeps them again and again as they
    arrive: about 10 ms of every command. A command leaves little cyclic garbage, so a young
    collection every 50,000 allocations, rather than every 700, is plenty; it still runs, so
    memory stays flat over a folder of 10,000 statements. Set before anything is imported, so
    that the imports benefit too; code that imports badgekit (tests, the web server) keeps
    Python's defaults.
    """
    gc.set_threshold(50_000, 20, 100)
    from badgekit import prebuilt

    prebuilt.install()  # dataclasses' methods from code compiled in advance: see badgekit/prebuilt.py
    from badgekit.cli import run as run_command_line

    run_command_line()


if __name__ == "__main__":
    run()
