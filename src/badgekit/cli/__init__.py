"""badgekit's command line: ``app`` with every command registered, and ``main``."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import NoReturn

import typer

# Commands register in the order --help lists them: the learner's path first.
# isort: off
from badgekit.cli import (
    draft_commands,  # noqa: F401 - registers draft
    drafts_commands,  # noqa: F401 - registers drafts
    check_commands,  # noqa: F401 - registers check
    rules_commands,  # noqa: F401 - registers rules
    export_commands,  # noqa: F401 - registers export
    web_commands,  # noqa: F401 - registers web
    review_commands,  # noqa: F401 - registers review
    catalogue_commands,  # noqa: F401 - registers list, show, validate
    plan_commands,  # noqa: F401 - registers plan
    profile_commands,  # noqa: F401 - registers profile add/remove/list
)

# isort: on
from badgekit.cli.app import GLOBAL_OPTIONS_WITH_VALUES, LEARNER_ORDER, app, finish_output
from badgekit.cli.usage import arrange_help, install

install()  # usage errors in badgekit's own voice
arrange_help(app)


def _command_named(args: Sequence[str]) -> str | None:
    """The command a command line asks for: its first word that is not a global option."""
    words = iter(args)
    for word in words:
        if word in GLOBAL_OPTIONS_WITH_VALUES:
            next(words, None)
        elif not word.startswith("-"):
            return word
    return None


def keep_only_command(args: Sequence[str]) -> None:
    """Drop every command but the one asked for, when it is a known one.

    Typer builds the parameters of every registered command before running one, which
    costs about 20 ms per start with a dozen commands; building only the command asked
    for is what people notice as start-up time. With no command, or a word that is no
    command, everything stays, so that help and "no such command" list them all.
    """
    if any(word in ("--version", "-V") for word in args):  # answered before any command is looked at
        app.registered_commands, app.registered_groups = [], []
        return
    wanted = _command_named(args)
    commands = {info.name or _default_name(info.callback): info for info in app.registered_commands}
    groups = {info.name: info for info in app.registered_groups}
    if wanted in commands:
        app.registered_commands = [commands[wanted]]
        app.registered_groups = []
    elif wanted in groups:
        app.registered_commands = []
        app.registered_groups = [groups[wanted]]


def _default_name(callback: object) -> str:
    return getattr(callback, "__name__", "").replace("_", "-")


def _command_name(info: typer.models.CommandInfo) -> str:
    return info.name or _default_name(info.callback)


# --help lists the commands in the order a learner meets them.
app.registered_commands.sort(
    key=lambda info: LEARNER_ORDER.index(name) if (name := _command_name(info)) in LEARNER_ORDER else len(LEARNER_ORDER)
)


def main() -> None:
    """The command line: run the command asked for; ends with SystemExit and the command's exit code."""
    keep_only_command(sys.argv[1:])
    try:
        app(prog_name="badgekit")
        code: str | int | None = 0
    except SystemExit as stop:
        code = stop.code
    sys.exit(finish_output(code))


def run() -> NoReturn:
    """The ``badgekit`` program (started by badgekit.__main__, for the installed command and
    ``python -m badgekit``): main(), then the end of the process as soon as the output is out.

    Python's own shutdown takes apart every module and object one by one: 20 to 30 ms on every run,
    a sixth of a check, and nothing a finished command needs (each command writes and closes its own
    files, atomically, before it returns). When standard error cannot be flushed, or the code is a
    message rather than a number, Python ends as usual. Code that calls main() itself still gets its
    SystemExit.
    """
    try:
        main()
        code: str | int | None = 0
    except SystemExit as stop:
        code = stop.code
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):
        sys.exit(code)
    if code is not None and not isinstance(code, int):
        sys.exit(code)
    os._exit(code or 0)


__all__ = ["app", "main", "run"]
