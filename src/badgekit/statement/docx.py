"""A Word document (.docx) read as the Markdown statement it would be if typed in a text editor.

python-docx opens the package and resolves styles and parts; the paragraphs are walked
as XML, because python-docx's own ``Paragraph.text`` leaves out text inside tracked
insertions. What a learner sees in Word becomes what parse.py reads in Markdown:

- Word's heading styles ("Heading 1" to "Heading 9", "Title", or any style with an
  outline level) become ``#`` headings; a paragraph that is all bold becomes a bold line,
  which parse.py already reads as a heading;
- list paragraphs become ``-`` or ``1.`` items, nested by their level;
- each table row becomes one paragraph of its cells' text, joined by ``|``;
- a web link becomes a Markdown link, so its address is not counted as words;
- a footnote's or endnote's text is put where its mark is, in brackets, so that it
  counts with the answer it belongs to;
- tracked changes are read as if accepted (insertions kept, deletions dropped) and
  comments are left out, each said in one line when present.

Each line of the Markdown keeps the number of the paragraph it came from (paragraphs
with text, counted from the top, table cells included) and its opening words, so a
finding can say where it is in terms the learner can find in Word.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from badgekit import prebuilt
from badgekit.errors import BadgekitError
from badgekit.statement.document import DocumentText, tidy
from badgekit.statement.source import StatementSource

if TYPE_CHECKING:
    from collections.abc import Iterator

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_HEADING_NAME = prebuilt.compile(r"^heading\s*([1-9])$", re.IGNORECASE)
_BADGE_KEYWORD = prebuilt.compile(r"\bbadge:\s*([a-z0-9]+(?:-[a-z0-9]+)*)", re.IGNORECASE)


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


@dataclass
class _Style:
    name: str = ""
    based_on: str | None = None
    outline: int | None = None
    numbered: tuple[str, int] | None = None  # (numId, level) from the style's own list


class _Reader:
    def __init__(self, document: Any) -> None:
        self.document = document
        self.out = DocumentText()
        self.styles = self._read_styles()
        self.starts: dict[tuple[str, int], int] = {}  # (numId, level) -> its first number
        self.formats = self._read_numbering()
        self.counters: dict[str, dict[int, int]] = {}  # numId -> level -> the number Word shows last
        self.notes = {"footnote": self._read_notes("footnotes"), "endnote": self._read_notes("endnotes")}

    # --- the parts around the body --------------------------------------------------------

    def _read_styles(self) -> dict[str, _Style]:
        styles: dict[str, _Style] = {}
        try:
            root = self.document.styles.element
        except (KeyError, AttributeError):
            return styles
        for element in root.iter(_w("style")):
            style = _Style()
            for child in element:
                if child.tag == _w("name"):
                    style.name = child.get(_w("val"), "")
                elif child.tag == _w("basedOn"):
                    style.based_on = child.get(_w("val"))
                elif child.tag == _w("pPr"):
                    outline = child.find(_w("outlineLvl"))
                    if outline is not None and (outline.get(_w("val")) or "").isdigit():
                        style.outline = int(outline.get(_w("val")))
                    style.numbered = _numbering_of(child)
            styles[element.get(_w("styleId"), "")] = style
        return styles

    def _read_numbering(self) -> dict[tuple[str, int], str]:
        """(numId, level) -> the number format: "bullet", "decimal", ..."""
        try:
            root = self.document.part.numbering_part.element
        except (KeyError, AttributeError, NotImplementedError):
            return {}
        abstract: dict[str, dict[int, str]] = {}
        starts: dict[tuple[str, int], int] = {}
        for element in root.iter(_w("abstractNum")):
            levels = {}
            for level in element.iter(_w("lvl")):
                number_format = level.find(_w("numFmt"))
                depth = int(level.get(_w("ilvl"), "0"))
                levels[depth] = number_format.get(_w("val"), "decimal") if number_format is not None else "decimal"
                starts[(element.get(_w("abstractNumId"), ""), depth)] = _start_of(level)
            abstract[element.get(_w("abstractNumId"), "")] = levels
        formats: dict[tuple[str, int], str] = {}
        for element in root.iter(_w("num")):
            abstract_id = element.find(_w("abstractNumId"))
            if abstract_id is None:
                continue
            num_id, abstract_key = element.get(_w("numId"), ""), abstract_id.get(_w("val"), "")
            for level, number_format in abstract.get(abstract_key, {}).items():
                formats[(num_id, level)] = number_format
                self.starts[(num_id, level)] = starts.get((abstract_key, level), 1)
            for override in element.iter(_w("lvlOverride")):  # a list restarted at a number of its own
                start = override.find(_w("startOverride"))
                if start is not None and (start.get(_w("val")) or "").isdigit():
                    self.starts[(num_id, int(override.get(_w("ilvl"), "0")))] = int(start.get(_w("val")))
        return formats

    def _read_notes(self, kind: str) -> dict[str, Any]:
        from docx.opc.constants import RELATIONSHIP_TYPE
        from lxml import etree

        relationship = RELATIONSHIP_TYPE.FOOTNOTES if kind == "footnotes" else RELATIONSHIP_TYPE.ENDNOTES
        try:
            part = self.document.part.part_related_by(relationship)
        except KeyError:
            return {}
        root = etree.fromstring(part.blob)
        return {note.get(_w("id"), ""): note for note in root if note.get(_w("type")) in (None, "normal")}

    # --- styles ---------------------------------------------------------------------------

    def _style_chain(self, style_id: str | None) -> Iterator[_Style]:
        seen: set[str] = set()
        while style_id and style_id in self.styles and style_id not in seen:
            seen.add(style_id)
            style = self.styles[style_id]
            yield style
            style_id = style.based_on

    def heading_level(self, paragraph: Any, style_id: str | None) -> int:
        properties = paragraph.find(_w("pPr"))
        outline = properties.find(_w("outlineLvl")) if properties is not None else None
        if outline is not None and (outline.get(_w("val")) or "").isdigit() and int(outline.get(_w("val"))) < 9:
            return int(outline.get(_w("val"))) + 1
        for style in self._style_chain(style_id):
            if style.name.lower() == "title":
                return 1
            match = _HEADING_NAME.match(style.name)
            if match:
                return int(match.group(1))
            if style.outline is not None and style.outline < 9:
                return style.outline + 1
        return 0

    def list_marker(self, paragraph: Any, style_id: str | None) -> tuple[str, int] | None:
        properties = paragraph.find(_w("pPr"))
        numbered = _numbering_of(properties) if properties is not None else None
        if numbered is None:
            numbered = next((s.numbered for s in self._style_chain(style_id) if s.numbered), None)
        if numbered is None or numbered[0] == "0":  # numId 0 switches a style's list off
            return None
        number_format = self.formats.get(numbered, "bullet" if not self.formats else None)
        if number_format is None or number_format == "none":
            return None
        if number_format == "bullet":
            return "-", numbered[1]
        # numbered as Word numbers it: on through the document for the same list, deeper levels restarting
        num_id, depth = numbered
        counters = self.counters.setdefault(num_id, {})
        counters[depth] = counters.get(depth, self.starts.get(numbered, 1) - 1) + 1
        for deeper in [level for level in counters if level > depth]:
            del counters[deeper]
        return f"{counters[depth]}.", depth

    # --- text -----------------------------------------------------------------------------

    def text_of(self, element: Any) -> str:
        """The text a reader sees in an element, with tracked changes accepted."""
        parts: list[str] = []
        self._collect(element, parts)
        return "".join(parts)

    def _collect(self, element: Any, parts: list[str]) -> None:
        for child in element:
            tag = child.tag
            if not isinstance(tag, str):
                continue  # an XML comment or processing instruction
            if tag in (_w("del"), _w("moveFrom")):
                self.out.deletions += 1
                continue
            if tag in (_w("ins"), _w("moveTo")):
                self.out.insertions += 1
            elif tag in (_w("commentRangeStart"), _w("commentReference")):
                self.out.comments.add(child.get(_w("id"), ""))
                continue
            elif tag in (_w("pPr"), _w("rPr"), _w("instrText"), _w("delText"), f"{{{MC}}}Fallback"):
                continue
            if tag == _w("t"):
                parts.append(child.text or "")
            elif tag in (_w("tab"), _w("ptab")):
                parts.append(" ")
            elif tag in (_w("br"), _w("cr")):
                parts.append("\n")
            elif tag == _w("noBreakHyphen"):
                parts.append("-")
            elif tag == _w("hyperlink"):
                parts.append(self._link(child))
            elif tag in (_w("footnoteReference"), _w("endnoteReference")):
                kind = "footnote" if tag == _w("footnoteReference") else "endnote"
                note = self.notes[kind].get(child.get(_w("id"), ""))
                if note is not None:
                    text = " ".join(tidy(self.text_of(p)) for p in note.iter(_w("p")))
                    parts.append(f" [{kind}: {text.strip()}]")
            else:
                self._collect(child, parts)

    def _link(self, element: Any) -> str:
        """A web link as Markdown, its address left out of its words (as in a statement typed in Markdown)."""
        inner: list[str] = []
        self._collect(element, inner)
        text = "".join(inner)
        relationship = element.get(f"{{{R}}}id")
        target = ""
        if relationship:
            try:
                target = str(self.document.part.rels[relationship].target_ref)
            except KeyError:
                target = ""
        if not target.startswith(("https://", "http://")) or not text.strip():
            return text
        shown = f" ({target})"
        if text.rstrip().endswith(shown):  # badgekit's own export shows the address after the words
            text = text.rstrip()[: -len(shown)]
        if text.strip() == target:
            return text
        label = text.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]")
        return f"[{label}]({target.replace(' ', '%20').replace(')', '%29')})"

    def all_bold(self, paragraph: Any) -> bool:
        runs = [r for r in paragraph.iter(_w("r")) if "".join(t.text or "" for t in r.iter(_w("t"))).strip()]
        return bool(runs) and all(_is_bold(run) for run in runs)

    # --- the body -------------------------------------------------------------------------

    def paragraph(self, element: Any) -> None:
        text = self.text_of(element)
        lines = [tidy(line) for line in text.split("\n")]
        text = "\n".join(line for line in lines if line)
        if not text:
            return
        properties = element.find(_w("pPr"))
        style_element = properties.find(_w("pStyle")) if properties is not None else None
        style_id = style_element.get(_w("val")) if style_element is not None else None
        level = self.heading_level(element, style_id)
        if level:
            self.out.heading(level, text)
            return
        marker = self.list_marker(element, style_id)
        if marker is not None:
            self.out.list_item(*marker, text)
            return
        quoted = any("quote" in style.name.lower() for style in self._style_chain(style_id))
        self.out.paragraph(text, bold=not quoted and self.all_bold(element))  # a bold quotation is no heading

    def table(self, element: Any) -> None:
        cells = (row.iter(_w("tc")) for row in element.iter(_w("tr")))
        self.out.table(((self.text_of(p) for p in cell.iter(_w("p"))) for cell in row) for row in cells)

    def body(self, container: Any) -> None:
        for child in container:
            if child.tag == _w("p"):
                self.paragraph(child)
            elif child.tag == _w("tbl"):
                self.table(child)
            elif child.tag == _w("sdt"):
                content = child.find(_w("sdtContent"))
                if content is not None:
                    self.body(content)
            elif child.tag in (_w("ins"), _w("moveTo")):  # a whole paragraph inserted with changes tracked
                self.out.insertions += 1
                self.body(child)


def _numbering_of(properties: Any) -> tuple[str, int] | None:
    numbering = properties.find(_w("numPr"))
    if numbering is None:
        return None
    num_id = numbering.find(_w("numId"))
    level = numbering.find(_w("ilvl"))
    if num_id is None:
        return None
    depth = level.get(_w("val"), "0") if level is not None else "0"
    return num_id.get(_w("val"), "0"), int(depth) if depth.isdigit() else 0


def _start_of(level: Any) -> int:
    start = level.find(_w("start"))
    value = start.get(_w("val"), "1") if start is not None else "1"
    return int(value) if value.isdigit() else 1


def _is_bold(run: Any) -> bool:
    properties = run.find(_w("rPr"))
    bold = properties.find(_w("b")) if properties is not None else None
    return bold is not None and bold.get(_w("val"), "true") not in ("0", "false", "off")


def read_docx(raw: bytes, shown: str) -> StatementSource:
    """A .docx file's bytes as a statement: Markdown text, paragraph places, notices and its badge."""
    try:
        import docx
    except ImportError:  # pragma: no cover - python-docx is a dependency; a broken install says so
        raise BadgekitError(
            "reading Word documents needs python-docx, which is not installed",
            path=shown,
            hint="Reinstall badgekit (pip install badgekit), or save the statement as Plain Text (.txt).",
        ) from None
    from zipfile import BadZipFile

    from docx.opc.exceptions import PackageNotFoundError
    from lxml.etree import XMLSyntaxError

    try:
        document = docx.Document(io.BytesIO(raw))
        reader = _Reader(document)
        reader.body(document.element.body)
        keywords = document.core_properties.keywords or ""
    except (PackageNotFoundError, BadZipFile, KeyError, ValueError, XMLSyntaxError) as error:
        raise BadgekitError(
            "this Word document could not be read: it may be damaged, or saved in a format badgekit cannot read",
            path=shown,
            hint="Open it in Word and save it again as a Word Document (.docx), or save it as Plain Text (.txt).",
        ) from error
    named = _BADGE_KEYWORD.search(keywords)
    return reader.out.source(shown, application="Word", kind="docx", badge=named.group(1).lower() if named else None)
