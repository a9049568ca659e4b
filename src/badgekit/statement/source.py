"""A statement as read from its file: the text to check, and what a learner needs told about reading it.

Every command that reads a statement (check, review, export) reads it through
``read_statement``, which chooses by content, not by name: a Word document goes to
docx.py, an OpenDocument text (.odt) to odt.py, anything else is text decoded
by textinput (UTF-8, UTF-16 or Windows-1252). The result is Markdown text for parse.py to read, plus:

- ``notices``: one line each for anything read in a way the learner might not expect
  (the encoding assumed, tracked changes read as accepted, comments left out);
- ``places``: for a document with no line numbers a learner can see, where each line of
  the text came from (the paragraph's number and its opening words), so that a finding
  says "paragraph 4 ("When our team began ...")" instead of a line of text they never saw;
- ``badge``: the badge a document names in its properties (as badgekit's own .docx does).
"""

from __future__ import annotations

from dataclasses import dataclass

from badgekit.textinput import STDIN, decode_bytes, display_name, read_bytes

#: A .docx is a zip holding word/document.xml; its first entry is usually [Content_Types].xml.
_ZIP = b"PK\x03\x04"
DOCUMENT_SUFFIXES = (".docx", ".odt")
_ODF_MIMETYPE = b"application/vnd.oasis.opendocument"
#: An .odt's first entry, stored uncompressed, names its type (a template or master document is text too).
_ODT_MIMETYPE = b"mimetypeapplication/vnd.oasis.opendocument.text"


@dataclass(frozen=True)
class Place:
    """Where a line of the text came from in a document: a paragraph, counted from 1, and its opening words."""

    paragraph: int
    opening: str
    part: str = ""  # "in a table", "in a footnote": said after the number

    def describe(self) -> str:
        return f"{self.number()} (“{self.opening}”)"

    def number(self) -> str:
        """ "paragraph 4", or "paragraph 9 in a table" """
        return f"paragraph {self.paragraph}" + (f" {self.part}" if self.part else "")


@dataclass(frozen=True)
class StatementSource:
    """The text of a statement file and what was learned reading it."""

    text: str
    path: str  # as shown to the learner
    notices: tuple[str, ...] = ()
    places: tuple[Place | None, ...] | None = None  # per line of ``text``, for documents without lines
    badge: str | None = None  # named in a document's properties
    kind: str = "text"  # "text" or "docx"

    def names_badge(self) -> bool:
        """Whether the statement names its badge itself: in its front matter, or a document's properties."""
        from badgekit.statement.front_matter import read_front_matter

        fields, _, _ = read_front_matter(self.text, self.path)
        return bool(fields.get("badge") or self.badge)

    def where(self, line: int) -> str:
        """How to find a line of the text in the file: "line 12", or a paragraph in a document."""
        if self.places is None:
            return f"line {line}"
        place = self.place_of(line)
        return place.describe() if place is not None else "the start of the document"

    def line_name(self, line: int) -> str:
        """A line as a message names it: "line 12", or "paragraph 4" in a document (its words quoted beside it)."""
        place = self.place_of(line)
        return place.number() if place is not None else f"line {line}"

    def place_of(self, line: int) -> Place | None:
        """The paragraph a line of the text came from, in a document (None for a text file)."""
        if not self.places:
            return None
        index = min(max(line, 1), len(self.places)) - 1
        # a blank line badgekit added between paragraphs: look back to the paragraph before it
        return next((p for p in reversed(self.places[: index + 1]) if p is not None), None)


def plain_source(text: str, path: str) -> StatementSource:
    """Text already in hand (a test, or a statement built in memory)."""
    return StatementSource(text, path)


def read_statement(name: str) -> StatementSource:
    """Read a statement by name (``-`` for standard input): a Word or OpenDocument file, or a text file."""
    return statement_from_bytes(read_bytes(name), display_name(name))


def statement_from_bytes(raw: bytes, shown: str) -> StatementSource:
    """A statement from a file's bytes already in hand (one opened in ``badgekit web``), named ``shown``."""
    if raw.startswith(_ZIP) and _is_word_document(raw):
        from badgekit.statement.docx import read_docx

        return read_docx(raw, shown)
    if raw.startswith(_ZIP) and _ODT_MIMETYPE in raw[:100]:  # the first entry of an .odt names its type
        from badgekit.statement.odt import read_odt

        return read_odt(raw, shown)
    if raw.startswith(_ZIP) and (shown.lower().endswith(".odt") or _ODF_MIMETYPE in raw[:100]):
        from badgekit.errors import BadgekitError

        raise BadgekitError(
            "this is an OpenDocument file, but not a text document (.odt)",
            path=shown,
            hint="Save the statement as a text document (.odt), a Word document (.docx) or Plain Text (.txt).",
        )
    decoded = decode_bytes(raw, shown)
    notice = decoded.notice()
    return StatementSource(decoded.text, shown, notices=(notice,) if notice else ())


def _is_word_document(raw: bytes) -> bool:
    import io
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            return "word/document.xml" in archive.namelist()
    except zipfile.BadZipFile:
        return False


__all__ = [
    "DOCUMENT_SUFFIXES",
    "STDIN",
    "Place",
    "StatementSource",
    "plain_source",
    "read_statement",
    "statement_from_bytes",
]
