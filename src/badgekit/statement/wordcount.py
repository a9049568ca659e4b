"""The word count rule, shared by the interview, the checks and the exports.

A word is a run of non-space characters holding at least one letter or digit, so
"multi-agency", "don't" and "500–1000" are one word each and a lone dash is none.
In Markdown, markup is not counted: link addresses (in ``[text](address)``, in
``<https://...>`` and written out bare) and image addresses, HTML comments (where
suppression comments live), and list numbers such as ``1.``. Link text is counted.
Front matter, headings and the badge's own declaration are the statement's business:
callers count only the parts they mean to.

Every step takes time in proportion to the text. A regular expression such as
``<!--.*?-->`` reads to the end of the text from every opening that is never closed
(30,000 ``<!--`` took 43 seconds), so the markup whose end may be far away (comments,
links, link definitions, addresses in angle brackets) is found by scanning instead,
remembering where the next closing character is; each scan finds exactly what the
regular expression in its comment would.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import lru_cache

from badgekit import prebuilt

_BARE_ADDRESS = prebuilt.compile(r"(?<![^\s(\[])(?:https?://|www\.)\S+", re.IGNORECASE)
# The quote markers before a list number stay on its own line: "\s" would read on over
# every blank line below, from each line start.
_LIST_NUMBER = prebuilt.compile(r"^([^\S\n]*(?:>[^\S\n]*)*)\d{1,9}[.)](?=\s)", re.MULTILINE)
# A whole whitespace-delimited token with a letter or digit in it ([^\W_] is \w less the
# underscore). Counting matches in C is several times faster than testing each token.
_WORD = prebuilt.compile(r"(?<!\S)\S*?[^\W_]\S*")
_AUTOLINK_START = prebuilt.compile(r"<(?:https?|mailto|ftp):", re.IGNORECASE)
_AUTOLINK_STOP = prebuilt.compile(r"[>\s]")
_REFERENCE_START = prebuilt.compile(r"^ {0,3}\[", re.MULTILINE)
_REFERENCE_REST = prebuilt.compile(r"\s+\S+.*$", re.MULTILINE)

Span = tuple[int, int, str]  # start, end, what replaces it


def _replace(text: str, spans: Iterator[Span]) -> str:
    pieces: list[str] = []
    position = 0
    for start, end, replacement in spans:
        pieces += [text[position:start], replacement]
        position = end
    if not pieces:
        return text
    pieces.append(text[position:])
    return "".join(pieces)


def comments(text: str, start: int = 0) -> Iterator[tuple[int, int]]:
    """The HTML comments in ``text`` from ``start``, as ``<!--.*?-->`` (DOTALL) finds them."""
    position = start
    while (opening := text.find("<!--", position)) >= 0:
        closing = text.find("-->", opening + 4)
        if closing < 0:
            return  # no comment after this one can close either
        yield opening, closing + 3
        position = closing + 3


class _NextOf:
    """Where the next of some characters is, at or after a position that only moves forward.

    Remembering the last answer is what keeps a scan linear: every opening before the same
    closing character shares it, so the text between is read once, not once per opening.
    """

    def __init__(self, text: str, find: Callable[[str, int], int]) -> None:
        self.text, self.find, self.found = text, find, -1

    def at_or_after(self, position: int) -> int:
        if self.found < position:
            self.found = self.find(self.text, position)
            if self.found < 0:
                self.found = len(self.text) + 1  # none: remembered as beyond the end
        return self.found if self.found < len(self.text) else -1


def _links(text: str) -> Iterator[Span]:
    """Links and images, ``!?\\[([^\\]]*)\\]\\([^)]*\\)``, each replaced by its text."""
    brackets = _NextOf(text, lambda t, p: t.find("]", p))
    parens = _NextOf(text, lambda t, p: t.find(")", p))
    position = 0
    while (opening := text.find("[", position)) >= 0:
        start = opening - 1 if opening > position and text[opening - 1] == "!" else opening
        closing = brackets.at_or_after(opening + 1)
        if closing < 0:
            return
        if text.startswith("(", closing + 1):
            end = parens.at_or_after(closing + 2)
            if end < 0:
                return
            yield start, end + 1, f" {text[opening + 1 : closing]} "
            position = end + 1
        else:
            position = opening + 1


def _reference_definitions(text: str) -> Iterator[Span]:
    """Link reference definitions, ``^ {0,3}\\[[^\\]]+\\]:\\s+\\S+.*$`` (MULTILINE)."""
    brackets = _NextOf(text, lambda t, p: t.find("]", p))
    failed = -1  # a closing bracket whose definition did not go on: every opening before it fails alike
    position = 0
    while (found := _REFERENCE_START.search(text, position)) is not None:
        opening = found.end() - 1
        closing = brackets.at_or_after(opening + 1)
        if closing < 0:
            return
        rest = None
        if closing > opening + 1 and closing != failed and text.startswith(":", closing + 1):
            rest = _REFERENCE_REST.match(text, closing + 2)
        if rest is None:
            failed = closing if closing > opening + 1 else failed
            position = found.start() + 1
            continue
        yield found.start(), rest.end(), " "
        position = rest.end()


def _autolinks(text: str) -> Iterator[Span]:
    """Addresses in angle brackets, ``<(?:https?|mailto|ftp):[^>\\s]*>``."""
    stops = _NextOf(text, lambda t, p: match.start() if (match := _AUTOLINK_STOP.search(t, p)) else -1)
    position = 0
    while (found := _AUTOLINK_START.search(text, position)) is not None:
        stop = stops.at_or_after(found.end())
        if stop < 0:
            return
        if text[stop] == ">":
            yield found.start(), stop + 1, " "
            position = stop + 1
        else:
            position = found.start() + 1


def strip_markup(markdown: str) -> str:
    """Markdown text with the parts that are never words removed (see the module docstring)."""
    text = _replace(markdown, ((start, end, " ") for start, end in comments(markdown)))
    text = _replace(text, _links(text))
    text = _replace(text, _reference_definitions(text))
    text = _replace(text, _autolinks(text))
    text = _BARE_ADDRESS.sub(" ", text)
    return _LIST_NUMBER.sub(r"\1", text)


def is_word(token: str) -> bool:
    return _WORD.match(token) is not None


def plain_words(text: str) -> list[str]:
    """The words of plain text, with no Markdown handling: the tokens ``str.split()`` gives that ``is_word``
    keeps, found in C."""
    return _WORD.findall(text)


def count_plain_words(text: str) -> int:
    """Words in plain text, with no Markdown handling."""
    return len(_WORD.findall(text))


@lru_cache(maxsize=16)
def count_words(markdown: str) -> int:
    """Words in a piece of Markdown, by badgekit's rule.

    Remembered for the last few texts: a statement's sections, blocks and paragraphs are often the same
    stretch of text, counted by each (a megabyte with no heading and no blank line was counted eight times).
    """
    return count_plain_words(strip_markup(markdown))
