"""Bytes to text the way people's computers save it: UTF-8, UTF-16 and Windows-1252.

Most care workers write on a Windows laptop. Notepad and Word save "Plain Text" as
Windows-1252 unless told otherwise, Notepad's "Unicode" is UTF-16 with a byte-order
mark, and both end lines with CR LF. This module works out which of those a file is,
in that order of likelihood: a byte-order mark says so outright; UTF-8 is almost never
valid by accident, so text that decodes as UTF-8 is UTF-8; UTF-16 without a mark shows
itself by a zero byte in every other place; anything else that Windows-1252 can decode
is taken to be Windows-1252. The encoding assumed is reported whenever it is not UTF-8,
so a learner who sees odd characters knows why.

Only the decoding lives here; textinput.py reads the file and refuses what is not text.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

UTF8 = "UTF-8"
WINDOWS_1252 = "Windows-1252"

_MARKS = (
    (codecs.BOM_UTF8, "utf-8", UTF8),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)
#: Bytes Windows-1252 leaves undefined: a file holding them is not Windows-1252 either.
_UNDEFINED_1252 = frozenset(b"\x81\x8d\x8f\x90\x9d")


class NotText(ValueError):
    """The bytes are in none of the encodings badgekit reads; ``line`` is where UTF-8 first failed."""

    def __init__(self, line: int) -> None:
        super().__init__(f"line {line} is not text in any encoding badgekit reads")
        self.line = line


@dataclass(frozen=True)
class Decoded:
    """Text decoded from bytes, and what was assumed to decode it."""

    text: str
    encoding: str  # "UTF-8", "UTF-16" or "Windows-1252", as a learner's editor names it
    marked: bool = False  # the file began with a byte-order mark
    crlf: bool = False  # lines end with CR LF, as on Windows

    def notice(self) -> str | None:
        """One line for the learner when the encoding was not UTF-8 (which needs no comment)."""
        if self.encoding == UTF8:
            return None
        if self.encoding == WINDOWS_1252:
            return (
                "read as Windows-1252 text, the way Notepad and Word save plain text on Windows "
                "(it is not UTF-8); if any letters look wrong, save the file as UTF-8 and check again"
            )
        how = "with its byte-order mark" if self.marked else "without a byte-order mark"
        return f"read as {self.encoding} text {how}, as Notepad's 'Unicode' saves it"


def decode(raw: bytes) -> Decoded:
    """The text in ``raw``, or NotText when it is in no encoding badgekit reads.

    Zero bytes are left for the caller to judge (a binary file is not this module's to name),
    except where they are the high bytes of UTF-16.
    """
    crlf = b"\r\n" in raw
    for mark, codec, name in _MARKS:
        if raw.startswith(mark):
            try:
                return Decoded(raw[len(mark) :].decode(codec), name, marked=True, crlf=crlf)
            except UnicodeDecodeError:
                break  # a mark followed by something else: judged as unmarked bytes below
    if b"\x00" in raw:  # zero bytes are valid UTF-8, so UTF-16 must be ruled out first
        unmarked = _unmarked_utf16(raw)
        if unmarked is not None:
            return Decoded(unmarked, "UTF-16", crlf="\r\n" in unmarked)
    try:
        return Decoded(raw.decode("utf-8"), UTF8, crlf=crlf)
    except UnicodeDecodeError as exc:
        first_bad_line = raw[: exc.start].count(b"\n") + 1
    if b"\x00" in raw or _UNDEFINED_1252.intersection(raw):
        raise NotText(first_bad_line)
    return Decoded(raw.decode("cp1252"), WINDOWS_1252, crlf=crlf)


def _unmarked_utf16(raw: bytes) -> str | None:
    """UTF-16 text with no mark: English text puts a zero in every other byte."""
    if len(raw) < 4 or len(raw) % 2:
        return None
    evens, odds = raw[0::2], raw[1::2]
    for zeros, codec in ((odds, "utf-16-le"), (evens, "utf-16-be")):
        if zeros.count(0) >= 0.9 * len(zeros):
            try:
                return raw.decode(codec)
            except UnicodeDecodeError:
                return None
    return None
