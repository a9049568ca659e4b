"""A statement written as a Word document (.docx), for a learner who keeps editing in Word.

python-docx writes the document from its own blank template, whose built-in styles Word
and LibreOffice both know: the title is "Heading 1", each criterion "Heading 2" (deeper
headings "Heading 3"), the learner's paragraphs "Normal", lists "List Bullet" and
"List Number", quotations "Quote". Emphasis, bold, code and links keep their meaning; a
web link shows its address after its words, inside the link, as the plain text export
writes it (statement/docx.py takes the address off again, so it is never counted as a word).
The badge's declaration ends the document, under its own heading, as on the web page.

The document properties say what the document is for: the title, the badge as the
subject, ``badge:ID`` and the word count in the tags (keywords), and a sentence with the
word count against the badge's guidance in the comments. statement/docx.py reads ``badge:ID``
back, so a statement exported to Word and edited there is checked against its badge
without ``--badge``, and reads back as the same Markdown, with the same findings.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any

from badgekit.export.markdown import keeps_break, markdown_parser

if TYPE_CHECKING:
    from markdown_it.token import Token

    from badgekit.badges.model import Badge
    from badgekit.export.document import ExportDocument

_CATEGORY = "Open Badge evidence statement"


class _Writer:
    def __init__(self) -> None:
        import docx

        self.document = docx.Document()
        self.parser = markdown_parser()

    # --- blocks ---------------------------------------------------------------------------

    def heading(self, text: str, level: int) -> None:
        self.document.add_heading(text, level)

    def markdown(self, body: str) -> None:
        tokens = self.parser.parse(body)
        self._blocks(tokens, 0, len(tokens), lists=[], quoted=False)

    def _blocks(
        self, tokens: Sequence[Token], start: int, end: int, *, lists: list[tuple[str, Any]], quoted: bool
    ) -> None:
        index = start
        while index < end:
            token = tokens[index]
            kind = token.type
            if kind in ("bullet_list_open", "ordered_list_open"):
                close = _closing(tokens, index)
                numbering = (
                    self._new_numbering(int(token.attrGet("start") or 1)) if kind == "ordered_list_open" else None
                )
                lists.append(("bullet" if kind == "bullet_list_open" else "number", numbering))
                self._blocks(tokens, index + 1, close, lists=lists, quoted=quoted)
                lists.pop()
                index = close + 1
                continue
            if kind == "blockquote_open":
                close = _closing(tokens, index)
                self._blocks(tokens, index + 1, close, lists=lists, quoted=True)
                index = close + 1
                continue
            if kind == "heading_open":
                inline = tokens[index + 1]
                self.heading(_plain(inline.children or ()), 3)
                index += 3
                continue
            if kind == "inline":
                self._paragraph(token, lists, quoted)
            elif kind in ("fence", "code_block"):
                paragraph = self.document.add_paragraph()
                for number, line in enumerate(token.content.rstrip("\n").split("\n")):
                    if number:
                        paragraph.add_run().add_break()
                    paragraph.add_run(line).font.name = "Courier New"
            index += 1

    def _paragraph(self, inline: Token, lists: list[tuple[str, Any]], quoted: bool) -> None:
        style = None
        if lists:
            kind = lists[-1][0]
            depth = len(lists)
            base = "List Bullet" if kind == "bullet" else "List Number"
            style = base if depth == 1 else f"{base} {min(depth, 3)}"
        elif quoted:
            style = "Quote"
        paragraph = self.document.add_paragraph(style=style)
        if lists and lists[-1][1] is not None:
            _set_numbering(paragraph, lists[-1][1], len(lists) - 1)
        self._inline(paragraph, inline.children or ())

    def _new_numbering(self, start: int) -> str:
        """A numbering of its own for an ordered list, so every list starts at its own first number."""
        numbering = self.document.part.numbering_part.element
        style = self.document.styles["List Number"].element
        num_id = style.xpath("./w:pPr/w:numPr/w:numId/@w:val")[0]
        existing = numbering.xpath(f"./w:num[@w:numId='{num_id}']")[0]
        abstract = existing.xpath("./w:abstractNumId/@w:val")[0]
        new_id = str(max(int(n) for n in numbering.xpath("./w:num/@w:numId")) + 1)
        num = numbering.makeelement(_qn("w:num"), {_qn("w:numId"): new_id})
        abstract_element = num.makeelement(_qn("w:abstractNumId"), {_qn("w:val"): abstract})
        num.append(abstract_element)
        override = num.makeelement(_qn("w:lvlOverride"), {_qn("w:ilvl"): "0"})
        override.append(override.makeelement(_qn("w:startOverride"), {_qn("w:val"): str(start)}))
        num.append(override)
        numbering.append(num)
        return new_id

    # --- inline ---------------------------------------------------------------------------

    def _inline(self, paragraph: Any, children: Sequence[Token]) -> None:
        bold = italic = False
        link: str | None = None
        link_runs: list[Any] = []
        for index, child in enumerate(children):
            kind = child.type
            if kind == "strong_open":
                bold = True
            elif kind == "strong_close":
                bold = False
            elif kind == "em_open":
                italic = True
            elif kind == "em_close":
                italic = False
            elif kind == "link_open":
                link, link_runs = str(child.attrGet("href") or ""), []
            elif kind == "link_close":
                if link and link_runs:
                    if link.startswith(("https://", "http://")) and _run_text(link_runs) != link:
                        # shown as the plain text export shows it, so a printed copy keeps the address
                        link_runs.append(paragraph.add_run(f" ({link})"))
                    _hyperlink(paragraph, link, link_runs)
                link = None
            elif kind in ("text", "code_inline", "image"):
                text = child.content if kind != "image" else _plain(child.children or ())
                run = paragraph.add_run(text)
                run.bold, run.italic = bold or None, italic or None
                if kind == "code_inline":
                    run.font.name = "Courier New"
                if link is not None:
                    link_runs.append(run)
            elif kind == "hardbreak" or (kind == "softbreak" and keeps_break(children, index)):
                paragraph.add_run().add_break()  # the learner's line breaks are kept (export/markdown.py)
            elif kind == "softbreak":
                paragraph.add_run(" ")  # a wrap in the middle of a sentence

    # --- the whole document ---------------------------------------------------------------

    def properties(self, document: ExportDocument) -> None:
        from badgekit import __version__
        from badgekit.text import counted

        badge = document.badge
        judged = badge.words.judge(document.words)
        words = counted(document.words, "word")
        core = self.document.core_properties
        core.title = _property(document.title)
        core.subject = _property(f"{badge.series_label}: {badge.title}" if badge.series_label else badge.title)
        core.keywords = f"badge:{badge.id}; words:{document.words}"
        core.category = _CATEGORY
        comments = (
            f"{words} ({badge.words.describe()}: {judged.verdict}) for the Open Badge “{badge.title}” ({badge.id}). "
            f"Written with badgekit {__version__}; check it again with: badgekit check FILE.docx"
        )
        if len(comments) > _PROPERTY_LIMIT:  # a long title: the subject already gives it
            comments = comments.replace(f" the Open Badge “{badge.title}”", "")
        core.comments = _property(comments)
        core.author = ""  # the template's own says "python-docx"; Word fills in the learner when they save
        core.last_modified_by = ""
        core.revision = 1
        core.created = core.modified = datetime.now(timezone.utc).replace(microsecond=0, tzinfo=None)
        _set_app_words(self.document, document.words)
        _drop_thumbnail(self.document)

    def save(self) -> bytes:
        buffer = io.BytesIO()
        self.document.save(buffer)
        return buffer.getvalue()


def to_docx(document: ExportDocument) -> bytes:
    """The statement as a Word document: the title, each part under its heading, then the declaration."""
    writer = _Writer()
    writer.heading(document.title, 1)
    for section in document.sections:
        if section.level > 0:
            writer.heading(section.heading, 2 if section.level <= 2 else 3)
        if section.body:
            writer.markdown(section.body)
    writer.properties(document)
    return writer.save()


def statement_to_docx(text: str, badge: Badge, level: str | None = None) -> bytes:
    """A statement's Markdown (as ``badgekit draft`` writes it) as a Word document."""
    from badgekit.export.document import build_document
    from badgekit.statement.parse import parse_statement

    statement = parse_statement(text, declaration=badge.declaration)
    return to_docx(build_document(statement, badge, level))


# --- XML the python-docx API does not reach -------------------------------------------------


def _qn(name: str) -> str:
    from docx.oxml.ns import qn

    return str(qn(name))


def _closing(tokens: Sequence[Token], index: int) -> int:
    depth = 0
    for position in range(index, len(tokens)):
        depth += tokens[position].nesting
        if depth == 0:
            return position
    return len(tokens) - 1


def _plain(children: Sequence[Token]) -> str:
    return "".join(c.content for c in children if c.type in ("text", "code_inline"))


def _run_text(runs: list[Any]) -> str:
    return "".join(run.text for run in runs).strip()


def _set_numbering(paragraph: Any, num_id: str, level: int) -> None:
    properties = paragraph._p.get_or_add_pPr()
    numbering = properties.get_or_add_numPr()
    numbering.get_or_add_ilvl().val = level
    numbering.get_or_add_numId().val = int(num_id)


def _hyperlink(paragraph: Any, url: str, runs: list[Any]) -> None:
    """Move the link's runs into a w:hyperlink to ``url``, styled as Word styles links."""
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.oxml import OxmlElement

    relationship = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(_qn("r:id"), relationship)
    runs[0]._r.addprevious(link)
    for run in runs:
        run.font.underline = True
        run.font.color.rgb = _link_colour()
        link.append(run._r)


def _link_colour() -> Any:
    from docx.shared import RGBColor

    return RGBColor(0x05, 0x63, 0xC1)


def _drop_thumbnail(document: Any) -> None:
    """The template's thumbnail is a picture of an empty page: better none than a wrong one."""
    relationships = document.part.package.rels
    for key, relationship in list(relationships.items()):
        if relationship.reltype.endswith("/thumbnail"):
            relationships.pop(key)


#: Word's document properties hold at most this many characters (python-docx refuses more).
_PROPERTY_LIMIT = 255


def _property(text: str) -> str:
    """A document property cut to what Word holds, ending in "…" where it was cut."""
    return text if len(text) <= _PROPERTY_LIMIT else text[: _PROPERTY_LIMIT - 1].rstrip() + "…"


def _set_app_words(document: Any, words: int) -> None:
    """The word count Word shows under File, Info, where the template's app.xml has room for it."""
    from lxml import etree

    for part in document.part.package.iter_parts():
        if str(part.partname) != "/docProps/app.xml":
            continue
        root = etree.fromstring(part.blob)
        for element in root:
            if etree.QName(element).localname == "Words":
                element.text = str(words)
        part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


__all__ = ["to_docx"]
