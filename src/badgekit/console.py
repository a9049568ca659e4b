"""The Rich consoles every command writes through, made in one place.

Results go to stdout; progress, warnings and errors go to stderr, so that
``--format json`` output stays clean for scripts. Rich itself honours NO_COLOR
and stops colouring when the output is not a terminal. Emoji codes are never
replaced: badgekit writes none, and a file name or a badge's words such as
``notes:memo:.md`` are shown as they are (replacing them also imported Rich's
table of emoji, 2 ms of every command). A console is made per
command rather than once per process, so that it reads the environment as it is
when the command runs (which is what tests that set NO_COLOR expect).
"""

from __future__ import annotations

from contextlib import suppress
from io import StringIO
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console, RenderableType


#: The exit code when the program reading badgekit's output stops first (``badgekit list | true``):
#: the shell's own code for a program stopped by a closed pipe, 128 + SIGPIPE, so that it is not
#: taken for check's "findings" (1).
CLOSED_PIPE = 141


def stdout() -> Console:
    from rich.console import Console

    class _Stdout(Console):
        def on_broken_pipe(self) -> None:
            self.quiet = True
            silence_stdout()
            raise SystemExit(CLOSED_PIPE)

    return _Stdout(highlight=False, emoji=False)


def silence_stdout(*, stderr_too: bool = False) -> None:
    """Point standard output (and standard error, with ``stderr_too``) at nowhere, so that nothing more is
    tried (and fails) at exit."""
    import os
    import sys

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        for stream in (sys.stdout, sys.stderr) if stderr_too else (sys.stdout,):
            os.dup2(devnull, stream.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass


def stderr() -> Console:
    from rich.console import Console

    return Console(stderr=True, highlight=False, emoji=False)


def looks(out: Console) -> dict[str, Any] | None:
    """How a console's output looks (width, colours, encoding), for render() to make the same text in another
    process; None where the text cannot be made elsewhere (a legacy Windows console colours through its API)."""
    if out.legacy_windows or out.is_jupyter:
        return None
    return {
        "width": out.width,
        "color_system": out.color_system,
        "force_terminal": out.is_terminal,
        "no_color": out.no_color,
        "encoding": out.encoding,
    }


class _Page(StringIO):
    """Text as a console would write it to a file of the given encoding (Rich draws boxes in ASCII for one
    that is not UTF)."""

    def __init__(self, encoding: str) -> None:
        super().__init__()
        self._encoding = encoding

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return self._encoding


def render(looks: dict[str, Any], *printed: tuple[RenderableType, dict[str, Any]]) -> str:
    """The text that ``out.print(renderable, **options)`` for each of ``printed`` would write to a console
    that ``looks`` so: what write() then writes there as it is."""
    from rich.console import Console

    settings = dict(looks)
    page = _Page(settings.pop("encoding"))
    offscreen = Console(file=page, highlight=False, emoji=False, legacy_windows=False, **settings)
    for renderable, options in printed:
        offscreen.print(renderable, **options)
    return page.getvalue()


def write(out: Console, text: str) -> None:
    """Text made by render(), written to ``out`` as its own print() would write it."""
    if out.quiet:
        return
    try:
        out.file.write(text)
        out.file.flush()
    except BrokenPipeError:
        out.on_broken_pipe()


def say(message: str, *, style: str = "", to_stderr: bool = False) -> None:
    """A line for a person, never read as markup. A terminal that has gone (its window closed) is
    no error here: what matters, the answers, is on disk by the time anything is said."""
    out = stderr() if to_stderr else stdout()
    with suppress(OSError):
        out.print(message, style=style, markup=False, highlight=False, soft_wrap=True)
