"""A word processor document written out as the Markdown statement badgekit reads, line by line.

docx.py and odt.py walk their formats' XML and hand each paragraph here as what
it is (a heading, a list item, a paragraph, a table row); this module writes the
Markdown, keeps for every line the paragraph it came from (its number, counted from the
top over every paragraph with text, and its opening words), counts the tracked changes
and comments met on the way, and says in one line each how they were read.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from badgekit import prebuilt
from badgekit.statement.source import Place, StatementSource
from badgekit.text import and_list, counted

_OPENING_WORDS = 6
_SPACES = prebuilt.compile(r"[ \t\u00a0]+")


def tidy(text: str) -> str:
    """A paragraph's text with runs of spaces, tabs and no-break spaces made one space, and no space at the ends."""
    return _SPACES.sub(" ", text).strip()


@dataclass
class DocumentText:
    lines: list[str] = field(default_factory=list)
    places: list[Place | None] = field(default_factory=list)
    paragraphs: int = 0
    in_list: bool = False
    insertions: int = 0
    deletions: int = 0
    comments: set[str] = field(default_factory=set)

    # --- what the readers hand over ---------------------------------------------------------

    def heading(self, level: int, text: str) -> None:
        self.in_list = False
        self._add("#" * min(level, 6) + " " + text.replace("\n", " "), self._place(text))

    def list_item(self, symbol: str, depth: int, text: str) -> None:
        indent = "    " * depth if self.in_list else ""
        item = text.replace("\n", "\n" + indent + " " * (len(symbol) + 1))
        self._add(f"{indent}{symbol} {item}", self._place(text), blank_before=not self.in_list)
        self.in_list = True

    def paragraph(self, text: str, *, bold: bool = False) -> None:
        """A paragraph of text; one all in bold is written as a bold line, which parse.py reads as a heading."""
        self.in_list = False
        place = self._place(text)
        if bold and "\n" not in text:
            text = f"**{text}**"
        elif text.startswith("#"):
            text = "\\" + text  # a paragraph that begins with '#' in a word processor is not a heading
        self._add(text, place)

    def table(self, rows: Iterable[Iterable[Iterable[str]]]) -> None:
        """A table given as rows of cells, each cell the text of its paragraphs."""
        for row in rows:
            self.table_row([[text for text in map(tidy, cell) if text] for cell in row])

    def table_row(self, cells: list[list[str]]) -> None:
        """A table row as one paragraph of its cells' text; every paragraph in its cells counts."""
        self.in_list = False
        paragraphs = sum(len(texts) for texts in cells)
        if not paragraphs:
            return
        line = " | ".join(" ".join(texts) for texts in cells if texts)
        self._add(line, self._place(line, "in a table", paragraphs))

    # --- the result ---------------------------------------------------------------------------

    def notices(self, application: str) -> tuple[str, ...]:
        found = []
        if self.insertions or self.deletions:
            changes = [
                counted(n, noun) for n, noun in ((self.insertions, "insertion"), (self.deletions, "deletion")) if n
            ]
            found.append(
                f"tracked changes ({and_list(changes)}) are read as if accepted; "
                f"accept or reject them in {application} before you submit"
            )
        if self.comments:
            found.append(
                f"{counted(len(self.comments), 'comment')} left out: comments are not part of the statement"
                " (delete them before you submit)"
            )
        return tuple(found)

    def source(self, shown: str, *, application: str, kind: str, badge: str | None = None) -> StatementSource:
        text = "\n".join(self.lines) + "\n" if self.lines else ""
        notices = self.notices(application)
        return StatementSource(text, shown, notices=notices, places=tuple(self.places), badge=badge, kind=kind)

    # --- lines and places -----------------------------------------------------------------------

    def _add(self, text: str, place: Place | None, *, blank_before: bool = True) -> None:
        if blank_before and self.lines and self.lines[-1] != "":
            self.lines.append("")
            self.places.append(None)
        for line in text.split("\n"):
            self.lines.append(line)
            self.places.append(place)

    def _place(self, text: str, part: str = "", paragraphs: int = 1) -> Place:
        """The place of the next paragraph (or of a table row holding ``paragraphs`` of them)."""
        number = self.paragraphs + 1
        self.paragraphs += paragraphs
        words = text.split()
        opening = " ".join(words[:_OPENING_WORDS]) + (" …" if len(words) > _OPENING_WORDS else "")
        return Place(number, opening, part)
