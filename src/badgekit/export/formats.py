"""The export formats: plain text to paste, tidy Markdown, an Open Badges evidence object and a web page.

Each takes an ``ExportDocument`` (export/document.py). The learner's Markdown is parsed by
markdown-it-py with raw HTML switched off, so ``<script>`` in a statement is shown as the
characters typed; the learner's text reaches a template only as data.
"""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import TYPE_CHECKING, Any

from badgekit.export.document import ExportDocument, ExportSection
from badgekit.export.markdown import escape_markdown, markdown_parser, normalised_markdown, plain_text
from badgekit.text import british_date, counted
from badgekit.views.badges import LIMITS_LINE

if TYPE_CHECKING:
    from badgekit.badges.model import Badge


HTML_TEMPLATE = "statement.html.j2"


def _heading_level(section: ExportSection) -> int:
    return 2 if section.level <= 2 else 3


def to_text(document: ExportDocument) -> str:
    """Plain text to paste into a web form: the title, then each heading on its own line."""
    parser = markdown_parser()
    parts = [document.title]
    for section in document.learners_sections():
        if section.level > 0:
            parts.append(section.heading)
        if section.body:
            parts.append(plain_text(section.body, parser))
    return "\n\n".join(parts) + "\n"


def to_markdown(document: ExportDocument) -> str:
    """The statement as normalised Markdown: ATX headings, numbered criteria, the learner's line breaks kept."""
    parser = markdown_parser()
    parts = [f"# {escape_markdown(document.title)}"]
    for section in document.learners_sections():
        if section.level > 0:
            parts.append("#" * _heading_level(section) + " " + escape_markdown(section.heading))
        if section.body:
            parts.append(normalised_markdown(section.body, parser))
    return "\n\n".join(parts) + "\n"


def issuer_name(badge: Badge) -> str:
    return badge.issuer or "the badge's issuer"


def to_evidence(document: ExportDocument, *, evidence_id: uuid.UUID | None = None) -> dict[str, Any]:
    """An Open Badges ``Evidence`` object, valid under both Open Badges 2.0 and 3.0.

    ``type`` is a list: 3.0 requires a set holding "Evidence", and 2.0, being JSON-LD,
    reads a list of types the same as one. The ``id`` is a ``urn:uuid:``, which both allow
    for evidence carried inside the badge rather than published at an address.
    """
    badge = document.badge
    return {
        "type": ["Evidence"],
        "id": f"urn:uuid:{evidence_id or uuid.uuid4()}",
        "name": f"{badge.title}: evidence statement",
        "description": (
            f"A written statement of {counted(document.words, 'word')} against each of the criteria of "
            f"the Open Badge “{badge.title}”, issued by {issuer_name(badge)}."
        ),
        "narrative": to_markdown(document),
        "genre": "Prose",
        "audience": f"Assessors of {badge.issuer} Open Badges" if badge.issuer else "Open Badge assessors",
    }


def html_context(document: ExportDocument) -> dict[str, Any]:
    """What statement.html.j2 is given. Body HTML is made here, with raw HTML off; the rest is escaped."""
    from markupsafe import Markup

    from badgekit import __version__

    parser = markdown_parser()
    badge = document.badge
    sections = [
        {
            "heading": section.heading if section.level > 0 else None,
            "title": section.title,
            "level": _heading_level(section),
            "number": section.number,
            "declaration": section.is_declaration,
            "words": section.words,
            # Safe to mark: markdown-it escapes every character of the learner's text, as html is off.
            "html": Markup(parser.render(section.body)),
        }
        for section in document.sections
    ]
    judged = badge.words.judge(document.words)
    return {
        "title": document.title,
        "badge": {
            "id": badge.id,
            "title": badge.title,
            "kind": badge.kind,
            "series": badge.series_label,
            "issuer": badge.issuer or "",
            "page": badge.source.url,
            "criteria_intro": badge.criteria_intro or "",
            "criteria_kind": badge.criteria_kind,
            "criterion_word": badge.criterion_word,
        },
        "level": document.level_title,
        "criteria": list(document.criteria),
        "sections": sections,
        "words": {
            "count": judged.count,
            "rule": badge.words.describe(),
            "verdict": judged.verdict,
            "within": judged.within,
        },
        "written": british_date(document.written) if document.written else "",
        "limits": LIMITS_LINE,
        "generator": f"badgekit {__version__}",
    }


def to_html(document: ExportDocument, templates_dir: Path | None = None) -> str:
    """One self-contained web page: inline CSS, no scripts, nothing fetched when it opens."""
    from badgekit.render import render_template

    return render_template(HTML_TEMPLATE, html_context(document), templates_dir)


#: What each format is for, in the learner's words (``export`` says it after saving; the web page beside each button).
PURPOSES = {
    "html": "a web page to link from your e-portfolio or print",
    "text": "plain text to paste into the application form",
    "md": "Markdown for a blog",
    "json": "Open Badges evidence for an e-portfolio system",
    "docx": "a Word document to keep editing in Word or LibreOffice",
}


def export_content(kind: str, document: ExportDocument, templates_dir: Path | None = None) -> str | bytes:
    """One export format's content by its name: ``html``, ``text``, ``md``, ``json`` or ``docx`` (bytes)."""
    import json

    if kind == "docx":
        from badgekit.export.docx import to_docx

        return to_docx(document)
    if kind == "html":
        return to_html(document, templates_dir)
    if kind == "text":
        return to_text(document)
    if kind == "md":
        return to_markdown(document)
    if kind == "json":
        return json.dumps(to_evidence(document), indent=2, ensure_ascii=False) + "\n"
    raise ValueError(f"no export format called {kind!r}")
