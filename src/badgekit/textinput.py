"""Reading the text files people give badgekit, with a clear message for every way it fails.

A path of ``-`` reads standard input, reported as ``<stdin>``. Text may be UTF-8,
UTF-16 or Windows-1252 (see statement/decoding.py). Binary, undecodable, unreadable and huge
inputs are refused with the file named, never a traceback.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from badgekit.errors import BadgekitError

if TYPE_CHECKING:
    from badgekit.statement.decoding import Decoded

STDIN = "-"
STDIN_NAME = "<stdin>"

#: Far above any evidence statement (a 1,000-word statement is about 7 KB), low enough
#: that a file dragged in by mistake is refused at once rather than read.
MAX_BYTES = 2 * 1024 * 1024


def display_name(name: str) -> str:
    return STDIN_NAME if name == STDIN else name


#: Word processors' own formats start with these bytes: a .docx (and .odt) is a zip file,
#: an old .doc a compound document, a PDF says so.
_DOCUMENT_SIGNATURES = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0", b"%PDF", b"{\\rtf")
_SAVE_AS_TEXT = (
    "If it came from a word processor, save it as Plain Text (.txt), or copy the text into a new file"
    " in a text editor, and try again."
)


def decode_bytes(raw: bytes, shown: str) -> Decoded:
    """Bytes to text in UTF-8, UTF-16 or Windows-1252 (see statement/decoding.py), refusing documents and binaries."""
    from badgekit.statement.decoding import NotText, decode

    if len(raw) > MAX_BYTES:
        raise BadgekitError(
            f"this file is larger than {MAX_BYTES // 1024:,} KB, too large to be an evidence statement",
            path=shown,
        )
    if raw.startswith(_DOCUMENT_SIGNATURES):
        raise BadgekitError("this is a word processor document, not a text file", path=shown, hint=_SAVE_AS_TEXT)
    try:
        decoded = decode(raw)
    except NotText as exc:
        if b"\x00" in raw:
            raise BadgekitError("this is not a text file", path=shown, hint=_SAVE_AS_TEXT) from None
        raise BadgekitError(
            f"line {exc.line} is not text that badgekit can read (neither UTF-8 nor Windows-1252)",
            path=shown,
            hint="Save the file as UTF-8 (in most editors: Save As, then Encoding: UTF-8).",
        ) from None
    if "\x00" in decoded.text:
        raise BadgekitError("this is not a text file", path=shown, hint=_SAVE_AS_TEXT)
    return decoded


def decode_text(raw: bytes, shown: str) -> str:
    """Bytes to text: UTF-8 (a byte-order mark is allowed), UTF-16 or Windows-1252, refusing documents."""
    return decode_bytes(raw, shown).text


def _read_stdin() -> bytes:
    if sys.stdin is None or sys.stdin.closed:  # started with standard input closed (``<&-``)
        raise BadgekitError(
            "standard input is closed, so there is nothing to read",
            path=STDIN_NAME,
            hint="Give a file name instead of '-', or send the text in with '< FILE' after the command.",
        )
    return sys.stdin.buffer.read(MAX_BYTES + 1)


def read_bytes(name: str) -> bytes:
    """A file's bytes by name, or standard input's for ``-``, with a clear message for each failure."""
    shown = display_name(name)
    try:
        if name == STDIN:
            return _read_stdin()
        with Path(name).open("rb") as handle:
            return handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise BadgekitError(
            "no such file",
            path=shown,
            hint="Check the name and the folder: 'ls' (or 'dir' on Windows) lists the files in this folder.",
        ) from None
    except IsADirectoryError:
        raise BadgekitError("this is a folder, not a file", path=shown) from None
    except PermissionError:
        raise BadgekitError("you do not have permission to read this file", path=shown) from None
    except OSError as exc:
        raise BadgekitError(f"could not read this file: {exc.strerror}", path=shown) from None


def read_text(name: str) -> str:
    """Read a text file by name, or standard input for ``-``."""
    return decode_text(read_bytes(name), display_name(name))
