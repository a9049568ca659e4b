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

    from badgekit.views.styled import Block


#: The exit code when the program reading badgekit's output stops first (``badgekit list | true``):
#: the shell's own code for a program stopped by a closed pipe, 128 + SIGPIPE, so that it is not
#: taken for check's "findings" (1).
CLOSED_PIPE = 141


def stdout() -> Console:
    """Standard output as Rich's console."""
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


def looks(out: Console | PlainStdout) -> dict[str, Any] | None:
    """How a console's output looks (width, colours, encoding), for render() to make the same text in another
    process; None where the text cannot be made elsewhere (a legacy Windows console colours through its API)."""
    if isinstance(out, PlainStdout):
        return out.looks
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


def render(looks: dict[str, Any], *printed: tuple[RenderableType | Block, dict[str, Any]]) -> str:
    """The text that ``out.print(renderable, **options)`` for each of ``printed`` would write to a console
    that ``looks`` so: what write() then writes there as it is. badgekit's own views (views/styled.py) are
    laid out without Rich: to a pipe the text alone, to a terminal with its styles as escape codes, the
    text what Rich writes."""
    if looks["encoding"].startswith("utf") and all(_plainly_printed(r, options) for r, options in printed):
        from badgekit.views.styled import written_text

        text = written_text(
            ((renderable, options.get("style") or "") for renderable, options in printed),  # type: ignore[misc]
            looks["width"],
            styles=looks["color_system"] is not None,
            no_color=looks["no_color"],
        )
        if text is not None:
            return text
    from rich.console import Console

    settings = dict(looks)
    page = _Page(settings.pop("encoding"))
    offscreen = Console(file=page, highlight=False, emoji=False, legacy_windows=False, **settings)
    for renderable, options in printed:
        offscreen.print(renderable, **options)
    return page.getvalue()


def _plainly_printed(renderable: object, options: dict[str, Any]) -> bool:
    """Whether printing ``renderable`` with ``options`` writes what views/styled.py lays out: one of its
    blocks, or a string with no markup (or not read as markup); a style only (which writes nothing where
    nothing is styled)."""
    from badgekit.views.grid import Boxed, Grid, Listing
    from badgekit.views.styled import Framed, Stack, Styled

    if not options.keys() <= {"style", "markup"} or not isinstance(options.get("style", ""), (str, type(None))):
        return False
    if isinstance(renderable, str):
        return options.get("markup") is False or "[" not in renderable
    return isinstance(renderable, (Styled, Stack, Framed, Grid, Boxed, Listing))


def _ordinary(file: Any) -> bool:
    """Whether Rich writes to ``file`` as it writes to any stream: not on Windows (whose consoles it drives
    through their API), in Jupyter or IDLE, or to a stream it has wrapped (a progress bar's)."""
    import builtins
    import sys

    return not (
        sys.platform == "win32"
        or hasattr(builtins, "get_ipython")
        or getattr(sys.stdin, "__module__", "").startswith("idlelib")
        or file is None
        or hasattr(file, "rich_proxied_file")
    )


def plain_looks(file: Any = None) -> dict[str, Any] | None:
    """How standard output (or ``file``) looks, as looks() says, where Rich would write only text there,
    worked out as Rich works it out but without importing it: a pipe or a file, in UTF-8. None wherever
    that takes more than the checks below (a terminal, FORCE_COLOR or TTY_COMPATIBLE set, Windows, Jupyter,
    IDLE): there a Rich console says how it looks."""
    import os
    import sys

    environ = os.environ
    file = sys.stdout if file is None else file
    if not _ordinary(file) or "FORCE_COLOR" in environ or environ.get("TTY_COMPATIBLE", ""):
        return None
    try:
        if file.isatty():
            return None
    except (AttributeError, ValueError):
        return None
    encoding = (getattr(file, "encoding", "utf-8") or "utf-8").lower()
    if not encoding.startswith("utf"):
        return None
    columns = environ.get("COLUMNS")
    if columns is not None and columns.isdigit():
        try:
            width: int | None = int(columns)
        except ValueError:  # a digit that is no number ("²"): as Rich takes it, or not
            return None
    else:  # Rich's Console.size: the first standard stream that is a terminal, else 80
        width = _first_terminal_width()
    return {
        "width": width,
        "color_system": None,
        "force_terminal": False,
        "no_color": environ.get("NO_COLOR", "") != "",
        "encoding": encoding,
    }


def _first_terminal_width() -> int:
    """The width of the first standard stream that is a terminal, else 80: as Rich's Console.size has it."""
    import os
    import sys

    for number, stream in enumerate((sys.__stdin__, sys.__stdout__, sys.__stderr__)):
        try:
            width, _ = os.get_terminal_size(stream.fileno() if stream is not None else number)
        except (AttributeError, ValueError, OSError):
            continue
        return width or 80
    return 80


def terminal_looks(file: Any = None) -> dict[str, Any] | None:
    """How standard output (or ``file``) looks, as looks() says, worked out as Rich's Console works it out
    but without importing Rich, a terminal too: whether it is one (TTY_COMPATIBLE, FORCE_COLOR, isatty), its
    colour system (none on a dumb one; COLORTERM, then the end of TERM), its width, NO_COLOR. None where
    Rich must say: Windows, Jupyter, IDLE, an encoding that is not UTF, a COLUMNS or LINES Rich cannot read."""
    import os
    import sys

    environ = os.environ
    file = sys.stdout if file is None else file
    if not _ordinary(file):
        return None
    tty_compatible = environ.get("TTY_COMPATIBLE", "")
    if tty_compatible in ("0", "1"):
        terminal = tty_compatible == "1"
    elif "FORCE_COLOR" in environ:
        terminal = environ["FORCE_COLOR"] != ""
    else:
        try:
            terminal = bool(file.isatty()) if hasattr(file, "isatty") else False
        except ValueError:
            terminal = False
    encoding = (getattr(file, "encoding", "utf-8") or "utf-8").lower()
    if not encoding.startswith("utf"):
        return None
    dumb = terminal and environ.get("TERM", "").lower() in ("dumb", "unknown")
    try:  # Console.__init__ and Console.size, in that order
        columns, lines = (environ.get(name, "") for name in ("COLUMNS", "LINES"))
        told = int(columns) if columns.isdigit() else None
        height = int(lines) if lines.isdigit() else None
    except ValueError:  # a digit that is no number ("²"): as Rich takes it, or not
        return None
    if told is not None and height is not None:
        width = told
    elif dumb:
        width = 80
    elif told is not None:
        width = told
    else:
        width = _first_terminal_width()
    colours = None
    if terminal and not dumb:
        if environ.get("COLORTERM", "").strip().lower() in ("truecolor", "24bit"):
            colours = "truecolor"
        else:
            ending = environ.get("TERM", "").strip().lower().rpartition("-")[2]
            colours = {"kitty": "256", "256color": "256"}.get(ending, "standard")
    return {
        "width": width,
        "color_system": colours,
        "force_terminal": terminal,
        "no_color": environ.get("NO_COLOR", "") != "",
        "encoding": encoding,
    }


class PlainStdout:
    """Standard output as a console to print to, where its looks can be worked out without Rich (plain_looks(),
    terminal_looks()): badgekit's views laid out without Rich, their styles written as escape codes on a
    terminal, anything else by Rich offscreen (render()), written as Rich writes it."""

    def __init__(self, looks: dict[str, Any]) -> None:
        self.looks = looks
        self.quiet = False

    @property
    def file(self) -> Any:
        import sys

        return sys.stdout

    def print(self, renderable: RenderableType | Block | None = None, **options: Any) -> None:
        from badgekit.views.styled import Styled

        write(self, render(self.looks, (Styled() if renderable is None else renderable, options)))

    def on_broken_pipe(self) -> None:
        self.quiet = True
        silence_stdout()
        raise SystemExit(CLOSED_PIPE)


def plain_stdout() -> PlainStdout | None:
    """Standard output to print to without Rich, where Rich would write only text there; else None."""
    looks = plain_looks()
    return PlainStdout(looks) if looks is not None else None


def own_stdout() -> PlainStdout | None:
    """Standard output to print to without importing Rich for badgekit's own views, a terminal too; None
    where only a Rich console can say how it looks."""
    looks = plain_looks() or terminal_looks()
    return PlainStdout(looks) if looks is not None else None


#: What Rich's Text changes in a message: the control characters it takes out, and tabs, which it expands.
_CHANGED_BY_RICH = frozenset("\x07\x08\x0b\x0c\r\t")


class Messages:
    """Standard error, for the lines a command says as it goes (``err.print(line, markup=False,
    soft_wrap=True)``): a line Rich would write as it is (not wrapped, no style written) is written
    without importing Rich; any other is printed by a Rich console, made when first needed."""

    def __init__(self) -> None:
        self._rich: Console | None = None

    def print(
        self,
        text: str,
        *,
        style: str | None = None,
        markup: bool | None = None,
        soft_wrap: bool = False,
        highlight: bool | None = None,
    ) -> None:
        import sys

        file = sys.stderr
        as_it_is = (
            soft_wrap
            and (markup is False or "[" not in text)
            and _CHANGED_BY_RICH.isdisjoint(text)
            and _ordinary(file)
            and (getattr(file, "encoding", "utf-8") or "utf-8").lower().startswith("utf")
            and (not style or plain_looks(file) is not None)  # a style is written only to a terminal
        )
        if not as_it_is:
            if self._rich is None:
                self._rich = stderr()
            self._rich.print(text, style=style, markup=markup, soft_wrap=soft_wrap, highlight=highlight)
            return
        try:
            file.write(text + "\n")
            file.flush()
        except BrokenPipeError:
            stderr().on_broken_pipe()  # as Rich's console ends then


def write(out: Console | PlainStdout, text: str) -> None:
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
