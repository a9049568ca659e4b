"""Reading the text files people give badgekit, with a clear message for every way it fails.

A path of ``-`` reads standard input, reported as ``<stdin>``. Binary, non-UTF-8,
unreadable and huge inputs are refused with the file named, never a traceback.
"""

from __future__ import annotations

import sys
from pathlib import Path

from badgekit.errors import BadgekitError

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
_UTF16_MARKS = (b"\xff\xfe", b"\xfe\xff")  # Word's "Unicode Text" is UTF-16 with one of these


def decode_text(raw: bytes, shown: str) -> str:
    """Bytes to text: UTF-8 (a byte-order mark is allowed) or UTF-16 with its mark, refusing documents."""
    if len(raw) > MAX_BYTES:
        raise BadgekitError(
            f"this file is larger than {MAX_BYTES // 1024:,} KB, too large to be an evidence statement",
            path=shown,
        )
    if raw.startswith(_UTF16_MARKS):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            pass  # not really UTF-16 after all: refused below
    if raw.startswith(_DOCUMENT_SIGNATURES):
        raise BadgekitError("this is a word processor document, not a text file", path=shown, hint=_SAVE_AS_TEXT)
    if b"\x00" in raw:
        raise BadgekitError("this is not a text file", path=shown, hint=_SAVE_AS_TEXT)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise BadgekitError(
            f"line {line} is not UTF-8 text",
            path=shown,
            hint="Save the file as UTF-8 (in most editors: Save As, then Encoding: UTF-8).",
        ) from None


def _read_stdin() -> bytes:
    if sys.stdin is None or sys.stdin.closed:  # started with standard input closed (``<&-``)
        raise BadgekitError(
            "standard input is closed, so there is nothing to read",
            path=STDIN_NAME,
            hint="Give a file name instead of '-', or send the text in with '< FILE' after the command.",
        )
    return sys.stdin.buffer.read(MAX_BYTES + 1)


def read_text(name: str) -> str:
    """Read a text file by name, or standard input for ``-``."""
    shown = display_name(name)
    try:
        if name == STDIN:
            raw = _read_stdin()
        else:
            with Path(name).open("rb") as handle:
                raw = handle.read(MAX_BYTES + 1)
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
    return decode_text(raw, shown)
