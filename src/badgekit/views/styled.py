"""Text with style marks, and stacks of it, written without Rich where nothing is styled.

The check report is lines of text with style marks (a bold path, a red "no") and grids (views/grid.py).
On a terminal they are handed to Rich, which writes the styles. To a pipe or a file Rich writes only the
text, and importing Rich to do so cost about 15 ms of a 100 ms check: there they are laid out here, as
Rich lays them out, byte for byte (tests/test_styled.py compares the two on every kind of report, at many
widths). Anything out of the ordinary is left to Rich, as grid.py leaves it: a character that may not be one
cell wide, a tab, a console narrower than ``NARROWEST``.

``Styled`` keeps what Rich's ``Text`` keeps (the text, a style for the whole, styles over spans) and is
turned into one only for Rich; ``Stack`` is Rich's ``Group``.
"""

from __future__ import annotations

from collections.abc import Iterable
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

    def lines(self, width: int) -> list[str] | None:
        """The lines Rich writes for this text at ``width`` with no style; None where Rich must lay them out."""
        from badgekit.views.grid import wrap

        if width < NARROWEST:
            return None
        result = []
        for line in self.plain.split("\n"):
            if not _ONE_CELL_LINE.fullmatch(line):
                return None
            for piece in wrap(line, width, fold=True):  # Text.wrap: divide_line, rstrip_end, truncate
                if len(piece) > width and (space := _TRAILING_SPACE.search(piece)) is not None:
                    piece = piece[: len(piece) - min(len(space.group()), len(piece) - width)]
                result.append(piece[:width])
        return result


class Stack:
    """Renderables one under another, as Rich's ``Group``."""

    def __init__(self, *parts: Block) -> None:
        self.parts = list(parts)

    def __rich__(self) -> Group:
        from rich.console import Group

        return Group(*(rich_of(part) for part in self.parts))

    def lines(self, width: int) -> list[str] | None:
        result: list[str] = []
        for part in self.parts:
            lines = part.lines(width) if hasattr(part, "lines") else None  # anything of Rich's own: left to it
            if lines is None:
                return None
            result += lines
        return result


Block = Union[Styled, Stack, "Grid", "Boxed", "Listing"]


def rich_of(part: Block | RenderableType) -> RenderableType:
    """The part as Rich renders it: a Styled text as Rich's Text, a Stack as a Group, the rest as it is."""
    return part.__rich__() if isinstance(part, (Styled, Stack)) else part


def plain_text(printed: Iterable[Block | str], width: int) -> str | None:
    """What a console ``width`` wide with no styles writes for each of ``printed`` in turn (a string as printed
    with markup=False); None where only Rich can say."""
    written = []
    for part in printed:
        lines = (Styled(part) if isinstance(part, str) else part).lines(width)
        if lines is None:
            return None
        written += lines
    return "".join(line + "\n" for line in written)
