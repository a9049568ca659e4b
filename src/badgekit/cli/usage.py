"""A command typed wrongly, answered in badgekit's own voice, and the shape of its help.

Typer reports usage errors in Click's words inside a box ("Invalid value for '--fail-on': 'bad'
is not one of 'error', 'warning', 'note'.", "Option '--ics' requires an argument.", "Missing
argument 'ID'.") under a usage line in Click's notation (``{ID}``). A care worker wants one
``error:`` line, as every other badgekit error has, that names the option and says what to type
instead, with the command's own example. ``install`` routes Typer's errors here; it relies on
Typer's copy of Click, pinned below 0.29 with cli/params.py, and tests/test_cli_help.py fails if
a later Typer changes it.

The help puts exit codes last: ``arrange_help`` moves each command's "Exit codes:" paragraph
to the end (its epilog), after the options, where a learner reading from the top meets it last.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from typing import Any

import typer
import typer.core
from typer._click.core import Context, Parameter
from typer._click.exceptions import (
    BadOptionUsage,
    BadParameter,
    ClickException,
    MissingParameter,
    NoSuchOption,
)
from typer.exceptions import Abort

from badgekit import console, prebuilt
from badgekit.errors import BadgekitError
from badgekit.invocation import program

_EXAMPLE = prebuilt.compile(r"Example: \[bold\](.+?)\[/\]")
_EXIT_CODES = prebuilt.compile(r"\n*(Exit codes:.*?)(?=\n\n|\Z)", re.S)


def install() -> None:
    """Route Typer's usage errors through ``say_usage_error`` (once; Typer calls ``typer.core._main``)."""
    original: Callable[..., Any] = typer.core._main
    if getattr(original, "_badgekit", False):
        return

    def main(self: Any, *, standalone_mode: bool = True, **settings: Any) -> Any:
        if not standalone_mode:
            return original(self, standalone_mode=False, **settings)
        try:
            result = original(self, standalone_mode=False, **settings)
        except ClickException as error:
            say_usage_error(error)
            sys.exit(error.exit_code)
        except Abort:
            console.stderr().print("Stopped.", markup=False)
            sys.exit(1)
        except (BadgekitError, OSError) as error:  # what a command did not catch itself: still no traceback
            from badgekit.cli.app import report_failure

            sys.exit(report_failure(error))
        sys.exit(result if isinstance(result, int) else 0)

    main._badgekit = True  # type: ignore[attr-defined]
    typer.core._main = main
    _name_the_command_of_option_errors()
    _usage_without_braces()


def _usage_without_braces() -> None:
    """Usage lines name a required argument as its help does (``ID``, ``FILE``), not Typer's ``{ID}``."""
    original = typer.core.TyperArgument.make_metavar

    def make_metavar(self: typer.core.TyperArgument, ctx: Context, *, usage: bool = False) -> str:
        shown = str(original(self, ctx, usage=usage))
        return shown.replace("{", "").replace("}", "") if usage else shown

    typer.core.TyperArgument.make_metavar = make_metavar  # type: ignore[method-assign]


def _name_the_command_of_option_errors() -> None:
    """Click raises "requires an argument" without the command it belongs to; attach it, for the hint."""
    from typer._click.parser import _OptionParser

    original = _OptionParser._get_value_from_state

    def get_value(self: _OptionParser, option_name: str, option: Any, state: Any) -> Any:
        try:
            return original(self, option_name, option, state)
        except BadOptionUsage as error:
            if error.ctx is None:
                error.ctx = self.ctx
            raise

    _OptionParser._get_value_from_state = get_value  # type: ignore[method-assign]


def say_usage_error(error: ClickException) -> None:
    """One ``error:`` line in plain words, and what to type instead."""
    if error.__class__.__name__ == "NoArgsIsHelpError":  # help was shown instead: nothing is wrong
        return
    ctx: Context | None = getattr(error, "ctx", None)
    message, hint = plain_usage_message(error, ctx)
    err = console.stderr()
    err.print(f"error: {message}", style="bold red", markup=False, highlight=False, soft_wrap=True)
    if hint:
        err.print(f"  {hint}", markup=False, highlight=False, soft_wrap=True)


def plain_usage_message(error: ClickException, ctx: Context | None) -> tuple[str, str | None]:
    """What went wrong and what to type instead, in badgekit's words."""
    command = _typed_command(ctx)
    param = _param(ctx, getattr(error, "option_name", None)) or getattr(error, "param", None)
    text = error.message if isinstance(error, NoSuchOption) else error.format_message()
    if isinstance(error, NoSuchOption):
        message = f"'{command}' has no option {error.option_name}"
        if error.possibilities:
            message += f": did you mean {_or_list(sorted(error.possibilities))}?"
    elif isinstance(error, BadOptionUsage) and "requires an argument" in text:
        message = f"{error.option_name} needs a value after it{_what(param)}"
    elif isinstance(error, MissingParameter):
        message = f"'{command}' needs {_name(param) or 'something more'}{_what(param)}"
    elif isinstance(error, BadParameter):
        said = re.sub(r"^Invalid value(?: for [^:]*)?: ", "", text)
        said = re.sub(r"is not one of ((?:'[^']*'(?:, )?)+)\.?$", lambda m: _one_of(m.group(1)), said)
        message = f"{_name(param)}: {said}" if param is not None and _name(param) not in said else said
    else:
        message = _plain_general(text, command)
    return message.rstrip("."), _hint(ctx, command)


def _plain_general(text: str, command: str) -> str:
    extra = re.match(r"Got unexpected extra argument(?:s|\(s\))? \((.*)\)", text)
    if extra:
        return f"'{command}' does not take '{extra.group(1)}' there"
    unknown = re.match(r"No such command '([^']*)'\.(?: Did you mean (.*)\?)?", text)
    if unknown:
        said = f"there is no command '{unknown.group(1)}'"
        return said + (f": did you mean {unknown.group(2)}?" if unknown.group(2) else "")
    return text


def _hint(ctx: Context | None, command: str) -> str | None:
    if ctx is None:
        return None
    found = _EXAMPLE.search(ctx.command.help or "")
    example = f"For example: {found.group(1)}. " if found else ""  # arrange_help wrote it as badgekit was started
    if ctx.parent is None:
        return f"See every command with: {command} --help"
    return f"{example}See what it takes with: {command} --help"


def _typed_command(ctx: Context | None) -> str:
    path = ctx.command_path if ctx is not None else "badgekit"
    words = path.split()
    return " ".join([program(), *words[1:]]) if words else program()


def _param(ctx: Context | None, name: str | None) -> Parameter | None:
    if ctx is None or name is None:
        return None
    return next((p for p in ctx.command.params if name in getattr(p, "opts", ())), None)


def _name(param: Parameter | None) -> str:
    if param is None:
        return ""
    opts = [o for o in getattr(param, "opts", ()) if o.startswith("--")]
    if opts:
        return str(opts[0])
    return (param.metavar or param.name or "").strip("[]").removesuffix("...").strip("[]")


def _what(param: Parameter | None) -> str:
    """ ": a badge id or alias, as shown by 'badgekit list'", from the parameter's help."""
    said = re.sub(r"\s*\\?\[default:.*?\]", "", getattr(param, "help", None) or "").strip()
    return f": {said[:1].lower()}{said[1:]}" if said else ""


def _one_of(quoted: str) -> str:
    return "is not one of " + _or_list(re.findall(r"'([^']*)'", quoted))


def _or_list(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " or " + items[-1]


def arrange_help(app: typer.Typer) -> None:
    """Each command's "Exit codes:" paragraph moved from the top of its help to the end, and its examples
    written as badgekit was started (``.venv/bin/badgekit check ...``), so that they work as printed."""
    typed = program()
    if typed != "badgekit" and isinstance(app.info.help, str):
        app.info.help = app.info.help.replace("[bold]badgekit ", f"[bold]{typed} ")
    for info in app.registered_commands:
        _arrange(info, typed)
    for group in app.registered_groups:
        if group.typer_instance is not None:
            for info in group.typer_instance.registered_commands:
                _arrange(info, typed)


def _arrange(info: Any, typed: str) -> None:
    import inspect

    text = info.help or (inspect.getdoc(info.callback) if info.callback else None) or ""
    found = _EXIT_CODES.search(text)
    if found and not info.epilog:
        text = (text[: found.start()] + text[found.end() :]).strip() + "\n"
        info.epilog = found.group(1)
    if typed != "badgekit":
        text = text.replace("[bold]badgekit ", f"[bold]{typed} ")
    if text:
        info.help = text
