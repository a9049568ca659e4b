"""What a person sees of text written to a terminal: each character, and the style it is shown in.

badgekit writes its own views' styles as escape codes (views/ansi.py) where Rich would have written them,
not always in the same pieces (Rich closes and reopens a style between two segments of one style, and
styles the spaces that pad a cell). Two outputs look the same when their text without escape codes is the
same, byte for byte, and every character is shown in the same style: the same attributes and colour for a
character that is not a space, the same underline (the one attribute that shows on a space) for a space.
"""

from __future__ import annotations

import re

_CODE = re.compile(r"\x1b\[([0-9;]*)m")
_COLOURS = {*(str(n) for n in range(30, 38)), *(str(n) for n in range(90, 98))}


def visible(text: str) -> str:
    """The text without its escape codes."""
    return _CODE.sub("", text)


def seen(text: str) -> list[tuple[str, object]]:
    """Each character of the text and how it is shown."""
    attributes: set[str] = set()
    colour: str | None = None
    shown: list[tuple[str, object]] = []
    position = 0

    def add(piece: str) -> None:
        for character in piece:
            if character.isspace():
                shown.append((character, "4" in attributes))
            else:
                shown.append((character, (frozenset(attributes), colour)))

    for match in _CODE.finditer(text):
        add(text[position : match.start()])
        for code in match.group(1).split(";"):
            if code in ("", "0"):
                attributes.clear()
                colour = None
            elif code in _COLOURS:
                colour = code
            else:
                attributes.add(code)
        position = match.end()
    add(text[position:])
    return shown


def looks_the_same(ours: str, by_rich: str) -> bool:
    """Whether a person sees the same in both: the same text, each character in the same style."""
    return visible(ours) == visible(by_rich) and seen(ours) == seen(by_rich)
