"""An OpenDocument text file (.odt, as LibreOffice saves) read as the Markdown statement it would be.

OpenDocument's XML says what each paragraph is in plain terms (``text:h`` with an outline
level, ``text:list``, ``table:table``, ``text:note``), so lxml, which badgekit already has
through python-docx, reads it without a library of its own. What the learner sees
becomes what parse.py reads, as for Word (see document.py):

- headings (``text:h``, or a paragraph styled "Title" or "Heading N") become ``#`` headings,
  and a paragraph all in bold a bold line;
- lists become ``-`` or numbered items, nested by depth; table rows one paragraph each;
- a footnote's or endnote's text is put where its mark is, in brackets;
- tracked changes are read as accepted: OpenDocument keeps deleted text apart from the
  body, so only the notice is needed; comments (``office:annotation``) are left out.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from badgekit import prebuilt
from badgekit.errors import BadgekitError
from badgekit.statement.document import DocumentText, tidy

if TYPE_CHECKING:
    from badgekit.statement.source import StatementSource

NS = {
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
    "xlink": "http://www.w3.org/1999/xlink",
    "meta": "urn:oasis:names:tc:opendocument:xmlns:meta:1.0",
}
_HEADING_NAME = prebuilt.compile(r"^heading[ _]*(?:20_)?([1-9])$", re.IGNORECASE)
_BADGE_KEYWORD = prebuilt.compile(r"\bbadge:\s*([a-z0-9]+(?:-[a-z0-9]+)*)", re.IGNORECASE)


def _q(name: str) -> str:
    prefix, local = name.split(":")
    return f"{{{NS[prefix]}}}{local}"


@dataclass
class _Style:
    name: str
    parent: str | None
    bold: bool | None  # None: as its parent
    outline: int | None


class _Reader:
    def __init__(self, content: Any, styles: Any | None) -> None:
        self.out = DocumentText()
        self.styles: dict[str, _Style] = {}
        self.list_kinds: dict[str, dict[int, str]] = {}  # list style -> level (1-based) -> "bullet" or "number"
        for root in (styles, content):
            if root is not None:
                self._read_styles(root)
        for region in content.iter(_q("text:changed-region")):
            self.out.insertions += len(region.findall(_q("text:insertion")))
            self.out.deletions += len(region.findall(_q("text:deletion")))

    def _read_styles(self, root: Any) -> None:
        for element in root.iter(_q("style:style")):
            properties = element.find(_q("style:text-properties"))
            weight = properties.get(_q("fo:font-weight")) if properties is not None else None
            outline = element.get(_q("style:default-outline-level"))
            self.styles[element.get(_q("style:name"), "")] = _Style(
                name=element.get(_q("style:display-name")) or element.get(_q("style:name"), ""),
                parent=element.get(_q("style:parent-style-name")),
                bold=None if weight is None else weight in ("bold", "600", "700", "800", "900"),
                outline=int(outline) if outline and outline.isdigit() else None,
            )
        for element in root.iter(_q("text:list-style")):
            kinds: dict[int, str] = {}
            for level in element:
                depth = level.get(_q("text:level"), "1")
                if level.tag == _q("text:list-level-style-bullet") and depth.isdigit():
                    kinds[int(depth)] = "bullet"
                elif level.tag == _q("text:list-level-style-number") and depth.isdigit():
                    kinds[int(depth)] = "number" if level.get(_q("style:num-format")) else "none"
            self.list_kinds[element.get(_q("style:name"), "")] = kinds

    def _chain(self, name: str | None) -> list[_Style]:
        chain: list[_Style] = []
        while name and name in self.styles and len(chain) < 20:
            chain.append(self.styles[name])
            name = self.styles[name].parent
        return chain

    def _bold(self, name: str | None) -> bool:
        return next((s.bold for s in self._chain(name) if s.bold is not None), False)

    # --- text -----------------------------------------------------------------------------

    def text_of(self, element: Any) -> str:
        parts = [element.text or ""]
        for child in element:
            tag = child.tag
            if tag == _q("text:s"):
                count = child.get(_q("text:c"), "1")
                parts.append(" " * (int(count) if count.isdigit() else 1))
            elif tag in (_q("text:tab"), _q("text:line-break")):
                parts.append(" " if tag == _q("text:tab") else "\n")
            elif tag == _q("office:annotation"):
                self.out.comments.add(child.get(_q("office:name")) or str(len(self.out.comments)))
            elif tag == _q("text:note"):
                kind = child.get(_q("text:note-class"), "footnote")
                body = child.find(_q("text:note-body"))
                if body is not None:
                    text = " ".join(tidy(self.text_of(p)) for p in body.iter(_q("text:p")))
                    parts.append(f" [{kind}: {text.strip()}]")
            elif tag == _q("text:a"):
                parts.append(self._link(child))
            elif isinstance(tag, str) and tag not in (_q("office:annotation-end"), _q("text:change")):
                parts.append(self.text_of(child))
            parts.append(child.tail or "")
        return "".join(parts)

    def _link(self, element: Any) -> str:
        text = self.text_of(element)
        target = element.get(_q("xlink:href"), "")
        if not target.startswith(("https://", "http://")) or not text.strip() or text.strip() == target:
            return text
        label = text.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]")
        return f"[{label}]({target.replace(' ', '%20').replace(')', '%29')})"

    def all_bold(self, paragraph: Any, style: str | None) -> bool:
        if self._bold(style):
            return True
        if (paragraph.text or "").strip():
            return False
        spans = [child for child in paragraph if child.tag == _q("text:span")]
        if not spans or any((child.tail or "").strip() for child in paragraph):
            return False
        return all(self._bold(span.get(_q("text:style-name"))) for span in spans)

    def _clean(self, element: Any) -> str:
        lines = [tidy(line) for line in self.text_of(element).split("\n")]
        return "\n".join(line for line in lines if line)

    # --- the body -------------------------------------------------------------------------

    def heading_level(self, element: Any, style: str | None) -> int:
        if element.tag == _q("text:h"):
            level = element.get(_q("text:outline-level"), "1")
            return int(level) if level.isdigit() else 1
        for each in self._chain(style):
            if each.name.lower() == "title":
                return 1
            match = _HEADING_NAME.match(each.name)
            if match:
                return int(match.group(1))
            if each.outline:
                return each.outline
        return 0

    def paragraph(self, element: Any) -> None:
        text = self._clean(element)
        if not text:
            return
        style = element.get(_q("text:style-name"))
        level = self.heading_level(element, style)
        if level:
            self.out.heading(level, text)
            return
        quoted = any("quot" in each.name.lower() for each in self._chain(style))
        self.out.paragraph(text, bold=not quoted and self.all_bold(element, style))

    def list(self, element: Any, style: str | None, depth: int) -> None:
        style = element.get(_q("text:style-name")) or style
        kind = self.list_kinds.get(style or "", {}).get(depth + 1, "bullet")
        number = 0
        for item in element:
            if item.tag not in (_q("text:list-item"), _q("text:list-header")):
                continue
            start = item.get(_q("text:start-value"))
            number = int(start) if start and start.isdigit() else number + 1
            for child in item:
                if child.tag == _q("text:list"):
                    self.list(child, style, depth + 1)
                elif child.tag in (_q("text:p"), _q("text:h")):
                    text = self._clean(child)
                    if not text:
                        continue
                    if item.tag == _q("text:list-header") or kind == "none":
                        self.out.paragraph(text)
                    else:
                        self.out.list_item("-" if kind == "bullet" else f"{number}.", depth, text)

    def table(self, element: Any) -> None:
        cells = (row.iter(_q("table:table-cell")) for row in element.iter(_q("table:table-row")))
        self.out.table(((self.text_of(p) for p in cell.iter(_q("text:p"))) for cell in row) for row in cells)

    def body(self, container: Any) -> None:
        for child in container:
            tag = child.tag
            if tag in (_q("text:p"), _q("text:h")):
                self.paragraph(child)
            elif tag == _q("text:list"):
                self.list(child, None, 0)
            elif tag == _q("table:table"):
                self.table(child)
            elif tag in (_q("text:section"), _q("text:index-body")):
                self.body(child)


def _xml(archive: zipfile.ZipFile, name: str) -> Any | None:
    from lxml import etree

    if name not in archive.namelist():
        return None
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    return etree.fromstring(archive.read(name), parser)


def read_odt(raw: bytes, shown: str) -> StatementSource:
    """An .odt file's bytes as a statement: Markdown text, paragraph places, notices and its badge."""
    from lxml.etree import XMLSyntaxError

    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            content = _xml(archive, "content.xml")
            styles = _xml(archive, "styles.xml")
            meta = _xml(archive, "meta.xml")
        if content is None:
            raise KeyError("content.xml")
        reader = _Reader(content, styles)
        text_body = content.find(f"{_q('office:body')}/{_q('office:text')}")
        if text_body is None:
            raise KeyError("office:text")
        reader.body(text_body)
    except (zipfile.BadZipFile, KeyError, ValueError, XMLSyntaxError) as error:
        raise BadgekitError(
            "this OpenDocument file could not be read: it may be damaged, or not a text document",
            path=shown,
            hint="Open it in LibreOffice and save it again as ODF Text Document (.odt) or Word (.docx).",
        ) from error
    keywords = " ".join(k.text or "" for k in meta.iter(_q("meta:keyword"))) if meta is not None else ""
    named = _BADGE_KEYWORD.search(keywords)
    badge = named.group(1).lower() if named else None
    return reader.out.source(shown, application="your word processor", kind="odt", badge=badge)
