"""Text with style marks, and stacks of it, laid out and written without Rich.

The check report is lines of text with style marks (a bold path, a red "no") and grids (views/grid.py).
Importing Rich and rendering through it cost about 15 ms of a 100 ms check to a pipe, and 25 ms more on
a terminal. So they are laid out here, as Rich lays them out: each line a list of segments, a piece of
text and its style. To a pipe or a file only the text is written, byte for byte what Rich writes; on a
terminal the styles too, as escape codes (views/ansi.py), the text still what Rich writes
(tests/test_styled.py compares the two on every kind of report, at many widths). Anything out of the
ordinary is left to Rich, as grid.py leaves it: a character that may not be one cell wide, a tab, a
console narrower than ``NARROWEST``, a style views/ansi.py does not know.

``Styled`` keeps what Rich's ``Text`` keeps (the text, a style for the whole, styles over spans) and is
turned into one only for Rich; ``Stack`` is Rich's ``Group``.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import pairwise
from typing import TYPE_CHECKING, Union

from badgekit import prebuilt

if TYPE_CHECKING:
    from rich.console import Group, RenderableType
    from rich.text import Text

    from badgekit.views.grid import Boxed, Grid, Listing

#: Below this width Rich narrows and folds in ways not worth matching: left to it.
NARROWEST = 20

#: The control characters Rich's Text leaves out of what it is given (rich.control.strip_control_codes).
_CONTROL_CODES = dict.fromkeys((7, 8, 11, 12, 13))
#: A line laid out here: the one-cell characters grid.py lays out itself, and the two lines of the words bar.
_ONE_CELL_LINE = prebuilt.compile(
    "[\x20-\x7e\xa0-\xac\xae-\u02ff\u2013\u2014\u2018\u2019\u201c\u201d\u2022\u2026\u2500\u2501]*"
)
_TRAILING_SPACE = prebuilt.compile(r"\s+$")

#: A piece of a laid-out line: its text and its style ("" for none), as a Rich Segment.
Segment = tuple[str, str]
#: A line laid out: its segments, left to right.
Line = list[Segment]


def line_text(line: Line) -> str:
    """The text of a laid-out line, with no style."""
    return "".join(text for text, _ in line)


def with_base(base: str, style: str) -> str:
    """``style`` over ``base``, as Rich adds styles (the later one's colour wins; attributes add up)."""
    return f"{base} {style}" if base and style else base or style


class Styled:
    """A line (or lines) of text with styles, as Rich's ``Text``: ``style`` over the whole, ``spans`` over parts."""

    __slots__ = ("plain", "spans", "style")

    def __init__(self, text: str = "", style: str = "") -> None:
        self.plain = text.translate(_CONTROL_CODES)
        self.style = style
        self.spans: list[tuple[int, int, str]] = []

    def append(self, text: str, style: str = "") -> Styled:
        """The text added at the end, in ``style`` (Rich's ``Text.append``)."""
        text = text.translate(_CONTROL_CODES)
        if text:
            if style:
                self.spans.append((len(self.plain), len(self.plain) + len(text), style))
            self.plain += text
        return self

    def append_styled(self, other: Styled) -> Styled:
        """Another styled text added at the end, its styles kept (Rich's ``Text.append_text``)."""
        offset = len(self.plain)
        if other.style:
            self.spans.append((offset, offset + len(other.plain), other.style))
        self.spans.extend((start + offset, end + offset, style) for start, end, style in other.spans)
        self.plain += other.plain
        return self

    def __rich__(self) -> Text:
        from rich.text import Span, Text

        return Text(self.plain, style=self.style, spans=[Span(*span) for span in self.spans])

    def runs(self, start: int, end: int, base: str = "") -> Line:
        """The text from ``start`` to ``end`` as segments, each with its style as Rich works it out: ``base``
        (a table column's), then the text's own, then each span over it, in the order they were added."""
        if start >= end:
            return []
        own = with_base(base, self.style)
        if not self.spans:
            return [(self.plain[start:end], own)]
        cuts = {start, end}
        for first, last, _ in self.spans:
            cuts.update(cut for cut in (first, last) if start < cut < end)
        result = []
        for a, b in pairwise(sorted(cuts)):
            style = own
            for first, last, over in self.spans:
                if first <= a < last:
                    style = with_base(style, over)
            result.append((self.plain[a:b], style))
        return result

    def laid_out(self, width: int) -> list[Line] | None:
        """The lines Rich writes for this text at ``width``, as segments; None where Rich must lay them out."""
        from badgekit.views.grid import wrap

        if width < NARROWEST:
            return None
        result = []
        offset = 0
        for line in self.plain.split("\n"):
            if not _ONE_CELL_LINE.fullmatch(line):
                return None
            for piece in wrap(line, width, fold=True):  # Text.wrap: divide_line, rstrip_end, truncate
                kept = len(piece)
                if kept > width and (space := _TRAILING_SPACE.search(piece)) is not None:
                    kept -= min(len(space.group()), kept - width)
                result.append(self.runs(offset, offset + min(kept, width)))
                offset += len(piece)
            offset += 1  # the line break
        return result

    def lines(self, width: int) -> list[str] | None:
        """The lines Rich writes for this text at ``width`` with no style; None where Rich must lay them out."""
        laid_out = self.laid_out(width)
        return None if laid_out is None else [line_text(line) for line in laid_out]


class Stack:
    """Renderables one under another, as Rich's ``Group``."""

    def __init__(self, *parts: Block) -> None:
        self.parts = list(parts)

    def __rich__(self) -> Group:
        from rich.console import Group

        return Group(*(rich_of(part) for part in self.parts))

    def laid_out(self, width: int) -> list[Line] | None:
        result: list[Line] = []
        for part in self.parts:
            lines = part.laid_out(width) if hasattr(part, "laid_out") else None  # Rich's own: left to it
            if lines is None:
                return None
            result += lines
        return result

    def lines(self, width: int) -> list[str] | None:
        laid_out = self.laid_out(width)
        return None if laid_out is None else [line_text(line) for line in laid_out]


class Framed:
    """Styled text in a frame with rounded corners, as Rich's ``Panel(text, expand=False)``: as wide as its
    longest line and a space either side (no wider than the console), the text wrapped inside."""

    def __init__(self, text: Styled) -> None:
        self.text = text

    def __rich__(self) -> RenderableType:
        from rich.panel import Panel

        return Panel(self.text.__rich__(), expand=False)

    def laid_out(self, width: int) -> list[Line] | None:
        if width < NARROWEST:
            return None
        written = self.text.plain.split("\n")
        inner = min(max(len(line) for line in written), width - 4)  # Panel measures its text so
        if all(len(line) <= inner for line in written):  # nothing to wrap, however narrow
            if not all(_ONE_CELL_LINE.fullmatch(line) for line in written):
                return None
            lines: list[Line] = []
            offset = 0
            for text in written:
                lines.append(self.text.runs(offset, offset + len(text)))
                offset += len(text) + 1
        elif inner < NARROWEST or (wrapped := self.text.laid_out(inner)) is None:
            return None
        else:
            lines = wrapped
        if not inner:
            lines = []  # a panel with no text to show shows no line
        result: list[Line] = [[("╭" + "─" * (inner + 2) + "╮", "")]]
        for line in lines:
            result.append([("│ ", ""), *line, (" " * (inner - len(line_text(line))) + " │", "")])
        result.append([("╰" + "─" * (inner + 2) + "╯", "")])
        return result

    def lines(self, width: int) -> list[str] | None:
        laid_out = self.laid_out(width)
        return None if laid_out is None else [line_text(line) for line in laid_out]


Block = Union[Styled, Stack, Framed, "Grid", "Boxed", "Listing"]


def rich_of(part: Block | RenderableType) -> RenderableType:
    """The part as Rich renders it: a Styled text as Rich's Text, a Stack as a Group, a frame as a Panel, the
    rest as it is."""
    return part.__rich__() if isinstance(part, (Styled, Stack, Framed)) else part


def plain_text(printed: Iterable[Block | str], width: int) -> str | None:
    """What a console ``width`` wide with no styles writes for each of ``printed`` in turn (a string as printed
    with markup=False); None where only Rich can say."""
    return written_text(((part, "") for part in printed), width)


def written_text(
    printed: Iterable[tuple[Block | str, str]], width: int, *, styles: bool = False, no_color: bool = False
) -> str | None:
    """What a console ``width`` wide writes for each of ``printed`` in turn, each (a block, or a string as
    printed with markup=False) with the style it is printed in: with ``styles``, a terminal's, its styles as
    escape codes (without colours, with ``no_color``), else the text alone. None where only Rich can say."""
    from badgekit.views.ansi import write_lines

    written: list[Line] = []
    for part, style in printed:
        lines = (Styled(part, style) if isinstance(part, str) else part).laid_out(width)
        if lines is None:
            return None
        if style and styles and not isinstance(part, str):  # Rich's print(style=): under every segment
            lines = [[(text, with_base(style, own)) for text, own in line] for line in lines]
        written += lines
    if not styles:
        return "".join(line_text(line) + "\n" for line in written)
    return write_lines(written, no_color=no_color)
