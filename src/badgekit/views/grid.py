"""A grid of text, as Rich's ``Table.grid(padding=(0, 1))`` shows it, laid out here.

Most of a check report is grids: the findings (place, severity, code, message) and what each judgement
rests on. Rich lays a grid out cell by cell, measuring each cell and rendering it through several layers,
which cost about two thirds of the 13 ms a report took to render. So it is laid out here as Rich lays it
out: the same column widths, the same word wrapping and the same padding, byte for byte, each line as
segments of text and style (views/styled.py) that a pipe gets as text and a terminal with escape codes
(tests/test_grid.py compares the two on every kind of report). Every column but the last is one line;
the last wraps.

Anything out of the ordinary is left to Rich: an encoding that is not UTF, a character that may not be one
cell wide (or a tab, or a line break), a text Rich would read as markup, or a console too narrow for the
columns.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import pairwise
from typing import TYPE_CHECKING, Literal, Union

from badgekit import prebuilt
from badgekit.views.styled import Line, Styled, line_text, rich_of

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderResult
    from rich.measure import Measurement
    from rich.table import Table
    from rich.text import Text

Justify = Literal["left", "right"]
#: A cell: a string (read as Rich markup, as a table reads it), a Styled text, or Rich's Text.
Cell = Union[str, Styled, "Text"]

#: Characters one cell wide for certain, whatever Rich's Unicode tables: printable ASCII, Latin-1 and Latin
#: Extended (as Rich's own fast path, so without the soft hyphen), and the quotes, dashes and ellipsis
#: badgekit writes around the learner's words.
_ONE_CELL = prebuilt.compile("[\x20-\x7e\xa0-\xac\xae-\u02ff\u2013\u2014\u2018\u2019\u201c\u201d\u2022\u2026]*")
#: A word as Rich wraps text: spaces before it, the word, and the spaces after it.
_WORD = prebuilt.compile(r"\s*\S+\s*")
_TRAILING_SPACE = prebuilt.compile(r"\s+$")


class _LaidOut:
    """What Grid and Boxed share: laid out here where nothing is styled, by Rich (in the widths it would have
    measured) where something is, and by Rich alone where ``_layout`` cannot match it."""

    def table(self, widths: Sequence[int] | None = None) -> Table:
        raise NotImplementedError

    def _layout(self, max_width: int) -> tuple[list[int], list[list[Styled]]] | None:
        raise NotImplementedError

    def _lines(self, widths: list[int], cells: list[list[Styled]]) -> list[Line]:
        raise NotImplementedError

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        laid_out = self._layout(options.max_width)
        if laid_out is None:
            yield self.table()
        elif console.color_system is None and not console.legacy_windows and options.encoding.startswith("utf"):
            from rich.segment import Segment

            for line in self._lines(*laid_out):
                yield Segment(line_text(line))
                yield Segment.line()
        else:  # styled: Rich writes the styles, in the widths it would have measured
            yield self.table(laid_out[0])

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        from rich.measure import Measurement

        return Measurement.get(console, options, self.table())

    def laid_out(self, max_width: int) -> list[Line] | None:
        """The lines as Rich writes them, at most ``max_width`` wide, as segments of text and style; None where
        Rich must lay them out itself."""
        laid_out = self._layout(max_width)
        return None if laid_out is None else self._lines(*laid_out)

    def lines(self, max_width: int) -> list[str] | None:
        """The lines as Rich writes them with no style; None where Rich must lay them out itself."""
        laid_out = self.laid_out(max_width)
        return None if laid_out is None else [line_text(line) for line in laid_out]


class Grid(_LaidOut):
    """A Rich renderable: a grid of rows whose columns but the last never wrap.

    ``columns`` gives each column's justification and style (for Rich); a cell is a string (read as Rich
    markup, as a table reads it) or a Text.
    """

    def __init__(self, columns: Sequence[tuple[Justify, str]], rows: Iterable[Sequence[Cell]]) -> None:
        self.columns = tuple(columns)
        self.rows = [tuple(row) for row in rows]

    def table(self, widths: Sequence[int] | None = None) -> Table:
        """The grid as a Rich table; with ``widths`` (each column's, padding included, as Rich would work them
        out), a table that need not measure its cells to lay them out the same."""
        from rich.table import Table

        table = Table.grid(padding=(0, 1))
        last = len(self.columns) - 1
        for index, (justify, style) in enumerate(self.columns):
            width = widths[index] - (index < last) if widths is not None else None
            if index < last:
                table.add_column(justify=justify, style=style, no_wrap=True, width=width)
            else:
                table.add_column(justify=justify, style=style, ratio=1, width=width)
        for row in self.rows:
            table.add_row(*(rich_of(cell) for cell in row))
        return table

    def _layout(self, max_width: int) -> tuple[list[int], list[list[Styled]]] | None:
        """Each column's width (padding included) as Rich works it out, and the cells; None where Rich
        must lay the grid out itself."""
        styled = [[_styled(cell) for cell in row] for row in self.rows]
        if not styled or max_width < 1 or any(cell is None for row in styled for cell in row):
            return None
        cells: list[list[Styled]] = styled  # type: ignore[assignment]  # no None, as just seen
        texts = [[cell.plain for cell in row] for row in cells]
        count = len(self.columns)
        widths = [_column_width([row[c] for row in texts], _PADS[c == count - 1], max_width) or 1 for c in range(count)]
        if sum(widths) > max_width:
            widths = _collapse(widths, [False] * (count - 1) + [True], max_width)
            if sum(widths) > max_width:
                return None  # Rich would narrow every column: left to it
            widths = [_column_width([row[c] for row in texts], _PADS[c == count - 1], widths[c]) for c in range(count)]
        if any(width - _PADS[c == count - 1] < 1 for c, width in enumerate(widths)):
            return None
        return widths, cells

    def _lines(self, widths: list[int], cells: list[list[Styled]]) -> list[Line]:
        count = len(self.columns)
        pads = [_PADS[c == count - 1] for c in range(count)]
        inner = [width - pad for width, pad in zip(widths, pads, strict=True)]
        result = []
        for row in cells:
            rendered = []
            for c, cell in enumerate(row):
                justify, style = self.columns[c]
                pieces = [(0, cell.plain)] if c < count - 1 else _pieces(wrap(cell.plain, inner[c]))
                rendered.append([_fitted(cell, start, piece, inner[c], justify, style) for start, piece in pieces])
            height = max(len(lines) for lines in rendered)
            for index in range(height):
                line: Line = []
                for c, lines in enumerate(rendered):
                    line += lines[index] if index < len(lines) else [(" " * inner[c], "")]
                    if pads[c]:
                        line.append((" " * pads[c], ""))
                result.append(line)
        return result


#: The space after a column's cells (padding (0, 1), collapsed between columns), by whether it is the last.
_PADS = {False: 1, True: 0}


def _styled(cell: Cell) -> Styled | None:
    """A cell as styled text, if it is plain enough to lay out here: one-cell characters, and no markup."""
    if isinstance(cell, str):
        if "[" in cell:
            return None  # Rich reads a string cell as markup
        styled = Styled(cell)
    elif isinstance(cell, Styled):
        styled = cell
    elif cell.justify or cell.overflow or cell.no_wrap is not None:
        return None  # laid out its own way
    else:  # Rich's Text: its styles by name (a style Rich made is named by its str(); views/ansi.py may not know it)
        styled = Styled(cell.plain, str(cell.style))
        styled.spans = [(span.start, span.end, str(span.style)) for span in cell.spans]
    return styled if _ONE_CELL.fullmatch(styled.plain) else None


def _pieces(lines: list[str]) -> list[tuple[int, str]]:
    """Wrapped lines, each with where it starts in the text wrapped."""
    result = []
    start = 0
    for line in lines:
        result.append((start, line))
        start += len(line)
    return result


def _column_width(texts: list[str], pad: int, max_width: int) -> int:
    """A column's width, as Rich measures it (its widest cell, padding included, no wider than ``max_width``)."""
    if max_width < 1:
        return 0
    widths = [max_width if max_width - pad < 1 else min(min(len(text), max_width) + pad, max_width) for text in texts]
    return min(max(widths), max_width)


def _collapse(widths: list[int], wrapable: list[bool], max_width: int) -> list[int]:
    """Rich's Table._collapse_widths: the widest wrappable columns narrowed until the grid fits."""
    total = sum(widths)
    excess = total - max_width
    while total and excess > 0:
        widest = max(w for w, wraps in zip(widths, wrapable, strict=True) if wraps)
        second = max(w if wraps and w != widest else 0 for w, wraps in zip(widths, wrapable, strict=True))
        difference = widest - second
        ratios = [1 if w == widest and wraps else 0 for w, wraps in zip(widths, wrapable, strict=True)]
        if not any(ratios) or not difference:
            break
        widths = _ratio_reduce(excess, ratios, [min(excess, difference)] * len(widths), widths)
        total = sum(widths)
        excess = total - max_width
    return widths


def _ratio_reduce(total: int, ratios: list[int], maximums: list[int], values: list[int]) -> list[int]:
    """Rich's ratio_reduce."""
    ratios = [ratio if maximum else 0 for ratio, maximum in zip(ratios, maximums, strict=True)]
    total_ratio = sum(ratios)
    if not total_ratio:
        return values[:]
    remaining = total
    result = []
    for ratio, maximum, value in zip(ratios, maximums, values, strict=True):
        if ratio and total_ratio > 0:
            distributed = min(maximum, round(ratio * remaining / total_ratio))
            result.append(value - distributed)
            remaining -= distributed
            total_ratio -= ratio
        else:
            result.append(value)
    return result


def wrap(text: str, width: int, fold: bool = False) -> list[str]:
    """A one-line text broken into lines at most ``width`` wide, as Rich's divide_line breaks it: a word
    longer than the width on a line of its own, or, with ``fold``, cut across lines. Each line keeps the
    spaces after its last word."""
    breaks = []
    offset = 0
    for match in _WORD.finditer(text):
        start, word = match.start(), match.group()
        length = len(word.rstrip())
        if width - offset >= length:
            offset += len(word)
        elif length > width and fold:
            pieces = [word[i : i + width] for i in range(0, len(word), width)]
            for piece in pieces[:-1]:
                if start:
                    breaks.append(start)
                start += len(piece)
            if start:
                breaks.append(start)
            offset = len(pieces[-1])
        elif length > width:
            if start:
                breaks.append(start)
            offset = len(word)
        elif offset and start:
            breaks.append(start)
            offset = len(word)
    bounds = [0, *breaks, len(text)]
    return [text[a:b] for a, b in pairwise(bounds)]


def _fitted(cell: Styled, start: int, line: str, width: int, justify: Justify, base: str, fold: bool = False) -> Line:
    """A wrapped line of ``cell`` (``line``, from ``start``) made exactly ``width`` wide, as Rich justifies a
    wrapped line in a cell: trailing spaces beyond the width dropped, a line still too long cut (with an
    ellipsis, unless the column folds); in the cell's styles over ``base``, the padding in none."""
    kept = len(line)
    if kept > width and (space := _TRAILING_SPACE.search(line)) is not None:
        kept -= min(len(space.group()), kept - width)
    if justify == "right":
        kept = len(line[:kept].rstrip())
    cut = kept > width
    if cut:
        kept = width if fold else width - 1
    segments = cell.runs(start, start + kept, base)
    if cut and not fold:  # the ellipsis in the style of the character it stands in for, as Text.truncate
        segments.append(("…", cell.runs(start + kept, start + kept + 1, base)[0][1]))
    padding = width - kept - (cut and not fold)
    if not padding:
        return segments
    return [(" " * padding, ""), *segments] if justify == "right" else [*segments, (" " * padding, "")]


class Boxed(_LaidOut):
    """A Rich renderable: ``Table(show_edge=False, pad_edge=False)`` with its heavy-headed box, a header
    row, and columns that all wrap; laid out here where nothing is styled, as Grid is.

    ``columns`` gives each column's header, justification and whether it folds words too long for it; a
    ``title`` is centred above the table, in italics.
    """

    def __init__(
        self, columns: Sequence[tuple[str, Justify, bool]], rows: Iterable[Sequence[Cell]], title: str | None = None
    ) -> None:
        self.columns = tuple(columns)
        self.rows = [tuple(row) for row in rows]
        self.title = title
        last = len(self.columns) - 1
        #: the spaces before and after each column's cells: padding (0, 1), none at the edges
        self.pads = [(0 if c == 0 else 1, 0 if c == last else 1) for c in range(len(self.columns))]

    def table(self, widths: Sequence[int] | None = None) -> Table:
        """The table as Rich's; with ``widths`` (padding included), one that need not measure its cells."""
        from rich.table import Table

        table = Table(title=self.title, show_edge=False, pad_edge=False, expand=False)
        for index, (header, justify, fold) in enumerate(self.columns):
            width = widths[index] - sum(self.pads[index]) if widths is not None else None
            if fold:
                table.add_column(header, justify=justify, overflow="fold", ratio=1, width=width)
            else:
                table.add_column(header, justify=justify, width=width)
        for row in self.rows:
            table.add_row(*(rich_of(cell) for cell in row))
        return table

    def _layout(self, max_width: int) -> tuple[list[int], list[list[Styled]]] | None:
        headers = [_styled(header) for header, _, _ in self.columns]
        styled = [headers, *([_styled(cell) for cell in row] for row in self.rows)]
        if not self.rows or any(cell is None for row in styled for cell in row):
            return None
        cells: list[list[Styled]] = styled  # type: ignore[assignment]  # no None, as just seen
        texts = [[cell.plain for cell in row] for row in cells]
        count = len(self.columns)
        available = max_width - (count - 1)  # the lines between columns
        if available < 1:
            return None
        pads = [sum(pad) for pad in self.pads]
        widths = [_column_width([row[c] for row in texts], pads[c], available) or 1 for c in range(count)]
        if sum(widths) > available:
            widths = _collapse(widths, [True] * count, available)
            if sum(widths) > available:
                return None
            widths = [_column_width([row[c] for row in texts], pads[c], widths[c]) for c in range(count)]
        if any(width - pad < 1 for width, pad in zip(widths, pads, strict=True)):
            return None
        if self.title is not None and not (
            "[" not in self.title
            and _ONE_CELL.fullmatch(self.title)
            and len(self.title.strip()) <= sum(widths) + count - 1
        ):
            return None  # a title Rich would read as markup, or wrap
        return widths, cells

    def _lines(self, widths: list[int], cells: list[list[Styled]]) -> list[Line]:
        inner = [width - sum(pad) for width, pad in zip(widths, self.pads, strict=True)]
        result: list[Line] = []
        if self.title is not None:  # Rich's table.title, centred as Text centres it
            title, total = self.title.strip(), sum(widths) + len(widths) - 1
            left = (total - len(title)) // 2
            result.append([(" " * left, ""), (title, "italic"), (" " * (total - len(title) - left), "")])
        for number, row in enumerate(cells):
            base = "bold" if number == 0 else ""  # Rich's table.header style
            rendered = []
            for c, cell in enumerate(row):
                _, justify, fold = self.columns[c]
                before, after = (" " * pad for pad in self.pads[c])
                rendered.append(
                    [
                        [(before, ""), *_fitted(cell, start, piece, inner[c], justify, base, fold), (after, "")]
                        for start, piece in _pieces(wrap(cell.plain, inner[c], fold))
                    ]
                )
            height = max(len(lines) for lines in rendered)
            # The header's cells sit at the bottom of their row, the others at the top.
            blank = [[[(" " * widths[c], "")]] * (height - len(lines)) for c, lines in enumerate(rendered)]
            stacked = [b + lines if number == 0 else lines + b for b, lines in zip(blank, rendered, strict=True)]
            divider = ("┃" if number == 0 else "│", "")
            for index in range(height):
                line: Line = []
                for c, column in enumerate(stacked):
                    if c:
                        line.append(divider)
                    line += column[index]
                result.append(line)
            if number == 0:
                result.append([("╇".join("━" * width for width in widths), "")])
        return result


class Listing(_LaidOut):
    """A Rich renderable: ``Table.grid(padding=(0, 1))`` of two columns, a label ``label_width`` wide (right
    justified, dim) and an entry whose first line (bold) is never wrapped and whose other lines fold;
    laid out here where nothing is styled, as Grid is. The catalogue listing (``badgekit list``) is one.

    Each row is (label, first line, the other lines as one styled text).
    """

    def __init__(self, label_width: int, rows: Iterable[tuple[str, str, Styled]]) -> None:
        self.label_width = label_width
        self.rows = list(rows)

    def table(self, widths: Sequence[int] | None = None) -> Table:
        """The listing as Rich's table (which measures its cells itself: ``widths`` is not needed)."""
        from rich.console import Group
        from rich.table import Table
        from rich.text import Text

        table = Table.grid(padding=(0, 1))
        table.add_column(width=self.label_width, justify="right", style="dim")
        table.add_column(overflow="fold")
        for label, first, rest in self.rows:
            table.add_row(label, Group(Text(first, style="bold", no_wrap=True, overflow="ignore"), rich_of(rest)))
        return table

    def _layout(self, max_width: int) -> tuple[list[int], list[list[Styled]]] | None:
        styled = [
            [_styled(label), _styled(Styled(first, "bold")), _each_line_styled(rest)]
            for label, first, rest in self.rows
        ]
        if not styled or max_width < 1 or any(cell is None for row in styled for cell in row):
            return None
        laid: list[list[Styled]] = styled  # type: ignore[assignment]  # no None, as just seen
        # Each row's label, its first line, and the lines of the rest.
        cells = [[row[0].plain, row[1].plain, *row[2].plain.split("\n")] for row in laid]
        # Rich's Table: the label's column as wide as it is told (and its padding), the entry's as its longest line
        widths = [
            min(self.label_width + 1, max_width),
            min(max(len(t) for row in cells for t in row[1:]) or 1, max_width),
        ]
        if sum(widths) > max_width:
            widths = _collapse(widths, [False, True], max_width)
            if sum(widths) > max_width:
                return None  # Rich would narrow both columns: left to it
            widths[1] = min(max(len(t) for row in cells for t in row[1:]), widths[1])
        label, entry = widths[0] - 1, widths[1]
        if label < 1 or entry < 1 or any(len(row[0]) > label or len(row[1]) > entry for row in cells):
            return None  # a label that would wrap, or a first line Rich would cut
        return widths, laid

    def _lines(self, widths: list[int], cells: list[list[Styled]]) -> list[Line]:
        label, entry = widths[0] - 1, widths[1]
        result = []
        for tag, first, rest in cells:
            lines = [_fitted(first, 0, first.plain, entry, "left", "")]
            offset = 0
            for line in rest.plain.split("\n"):
                lines += [
                    _fitted(rest, offset + start, piece, entry, "left", "", True)
                    for start, piece in _pieces(wrap(line, entry, True))
                ]
                offset += len(line) + 1
            labels = [[*_fitted(tag, 0, tag.plain, label, "right", "dim"), (" ", "")]]
            labels += [[(" " * widths[0], "")]] * (len(lines) - 1)
            result += [left + right for left, right in zip(labels, lines, strict=True)]
        return result


def _each_line_styled(text: Styled) -> Styled | None:
    """Text of several lines, if each is plain enough to lay out here."""
    return text if all(_ONE_CELL.fullmatch(line) for line in text.plain.split("\n")) else None
