"""badgekit's command line: ``app`` with every command registered, and ``main``.

``app`` taken from this package (by the tests, or any code that drives the command line) has every
command registered. The program itself (``main``) registers only the command it is asked for: each
command's module imports what it needs, and importing them all cost about 6 ms of every start, most of it
for commands that were not run.
"""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Sequence
from typing import NoReturn

import typer

import badgekit.cli.app as _app
from badgekit.cli.app import GLOBAL_OPTIONS_WITH_VALUES, LEARNER_ORDER, finish_output
from badgekit.cli.usage import arrange_help, install

# Importing badgekit.cli.app made the module this package's attribute "app"; without it, "from badgekit.cli
# import app" asks __getattr__ below, which registers every command and gives the Typer app.
globals().pop("app", None)

#: Each command, or group of commands, and the module that registers it, in the order --help lists them.
COMMAND_MODULES = {
    "draft": "draft_commands",
    "drafts": "drafts_commands",
    "check": "check_commands",
    "rules": "rules_commands",
    "export": "export_commands",
    "web": "web_commands",
    "review": "review_commands",
    "list": "catalogue_commands",
    "show": "catalogue_commands",
    "validate": "catalogue_commands",
    "plan": "plan_commands",
    "profile": "profile_commands",
}
_VERSION = ("--version", "-V")


def register(args: Sequence[str] | None = None) -> typer.Typer:
    """The Typer app with the command a command line (``args``) asks for registered; every command when it
    names none that badgekit knows (help, a mistyped command: listed or suggested) or no line is given."""
    wanted = _command_named(args) if args is not None else None
    if args is not None and any(word in _VERSION for word in args):
        modules: list[str] = []  # answered before any command is looked at
    elif wanted in COMMAND_MODULES:
        modules = [COMMAND_MODULES[wanted]]
    else:
        modules = list(dict.fromkeys(COMMAND_MODULES.values()))
    for module in modules:
        importlib.import_module(f"badgekit.cli.{module}")  # registers its commands, once
    app = _app.app
    # --help lists the commands in the order a learner meets them.
    app.registered_commands.sort(
        key=lambda info: (
            LEARNER_ORDER.index(name) if (name := _command_name(info)) in LEARNER_ORDER else len(LEARNER_ORDER)
        )
    )
    install()  # usage errors in badgekit's own voice
    arrange_help(app)
    return app


def __getattr__(name: str) -> typer.Typer:
    if name == "app":
        return register()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


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
    app = _app.app
    if any(word in _VERSION for word in args):  # answered before any command is looked at
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


def main() -> None:
    """The command line: run the command asked for; ends with SystemExit and the command's exit code."""
    app = register(sys.argv[1:])
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
        # The terminal has gone (a closed window) or its output cannot be written: nothing more can be said,
        # and Python's own shutdown would try again, fail, and end with its code 120 for that instead of
        # the command's (130 after a closed window, with everything typed saved).
        from badgekit.console import silence_stdout

        silence_stdout(stderr_too=True)
        os._exit(code if isinstance(code, int) else 0 if code is None else 1)
    if code is not None and not isinstance(code, int):
        sys.exit(code)
    os._exit(code or 0)


__all__ = ["app", "keep_only_command", "main", "register", "run"]
