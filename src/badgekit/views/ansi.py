"""Styles written as a terminal's escape codes (SGR), as Rich writes them, for the views laid out without it.

Rich turns a style such as ``bold red`` into ``ESC[1;31m`` before the text and ``ESC[0m`` after it: the
attributes first, in a fixed order, then the colour. The views use a few styles (bold, dim, underline,
italic, and the eight standard colours), and these are written the same whatever colour system the terminal
has (a standard colour is never changed for a richer one), so they are written here without importing Rich.
With NO_COLOR the colours are left out and the attributes kept, as Rich does. A style named with anything
else (a colour by number, a link) is not known here: the caller leaves the output to Rich.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from badgekit.views.styled import Line

#: Rich's attributes and their SGR numbers, in the order Rich writes them.
_ATTRIBUTES = {
    "bold": 1, "b": 1, "dim": 2, "d": 2, "italic": 3, "i": 3, "underline": 4, "u": 4, "blink": 5, "blink2": 6,
    "reverse": 7, "r": 7, "conceal": 8, "strike": 9, "s": 9,
}  # fmt: skip
_COLOURS = ("black", "red", "green", "yellow", "blue", "magenta", "cyan", "white")
#: The standard colours' SGR numbers for the text (30–37, and 90–97 for the bright ones).
_COLOUR_CODES = {
    **{name: str(30 + number) for number, name in enumerate(_COLOURS)},
    **{f"bright_{name}": str(90 + number) for number, name in enumerate(_COLOURS)},
}

#: Each style met so far, by (style, no_color): its codes ("" for none), or None where it is not known here.
_known: dict[tuple[str, bool], str | None] = {}


def codes(style: str, *, no_color: bool = False) -> str | None:
    """The SGR codes Rich writes for ``style`` (``"1;31"`` for ``bold red``); None for a style not known here."""
    key = (style, no_color)
    if key not in _known:
        attributes: set[int] = set()
        colour = None
        for word in style.lower().split():
            if word in _ATTRIBUTES:
                attributes.add(_ATTRIBUTES[word])
            elif word in _COLOUR_CODES:
                colour = _COLOUR_CODES[word]  # the last colour named wins, as in Rich's Style.parse
            else:
                _known[key] = None
                break
        else:
            written = [str(number) for number in sorted(attributes)]
            if colour is not None and not no_color:
                written.append(colour)
            _known[key] = ";".join(written)
    return _known[key]


def write_lines(lines: list[Line], *, no_color: bool = False) -> str | None:
    """The lines with their styles as escape codes, each line ended; None if a style is not known here.

    Neighbouring segments of one style are written as one, which changes nothing a person sees."""
    written = []
    for line in lines:
        style, pending = "", ""
        for text, next_style in line:
            if not text:
                continue
            if next_style != style and pending:
                if (flushed := _styled(pending, style, no_color)) is None:
                    return None
                written.append(flushed)
                pending = ""
            style = next_style
            pending += text
        if pending:
            if (flushed := _styled(pending, style, no_color)) is None:
                return None
            written.append(flushed)
        written.append("\n")
    return "".join(written)


def _styled(text: str, style: str, no_color: bool) -> str | None:
    if not style:
        return text
    sgr = codes(style, no_color=no_color)
    if sgr is None:
        return None
    return f"\x1b[{sgr}m{text}\x1b[0m" if sgr else text
