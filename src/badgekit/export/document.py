"""A checked statement read into the document every export format is made from, and where an export goes.

``build_document`` reads a parsed statement and its badge into an ``ExportDocument``: its title,
its sections in order (the badge's declaration added where the statement has none) and its
words. export/formats.py turns it into a web page, plain text, Markdown or Open Badges
evidence; export/gate.py is the privacy check that runs before any of them. HTML comments are
dropped from every format: Markdown hides them and the word count skips them, so the learner
never meant them to be read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from badgekit import prebuilt
from badgekit.statement.parse import Section, Statement

if TYPE_CHECKING:
    from badgekit.badges.model import Badge


#: The formats ``export`` writes, with the suffix a derived file name gets.
SUFFIXES = {"html": ".html", "text": ".txt", "md": ".blog.md", "json": ".evidence.json", "docx": ".docx"}

_COMMENT = prebuilt.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)
_DECLARATION_HEADING = "Declaration"


@dataclass(frozen=True)
class ExportSection:
    """One part of the statement: a heading (none for text before the first) and its Markdown."""

    level: int  # 0 for text before the first heading; 1 for the title; 2 and deeper for the rest
    number: int | None
    title: str  # the heading without its number or markup
    body: str  # the learner's Markdown under the heading, comments removed
    words: int
    is_declaration: bool = False
    from_badge: bool = False  # the badge's declaration, shown on the page where the statement has none

    @property
    def heading(self) -> str:
        """The heading as every format shows it: "1. the criterion text"."""
        return f"{self.number}. {self.title}" if self.number is not None else self.title


@dataclass(frozen=True)
class ExportDocument:
    """A statement and its badge, ready for any format."""

    badge: Badge
    title: str
    sections: tuple[ExportSection, ...]
    words: int
    level_title: str | None = None
    written: date | None = None
    criteria: tuple[str, ...] = ()

    def learners_sections(self) -> tuple[ExportSection, ...]:
        """The sections the learner wrote: what the text and Markdown exports hold, and nothing added."""
        return tuple(section for section in self.sections if not section.from_badge)


def _body(statement: Statement, section: Section) -> str:
    text = statement.text[section.body_start : section.end].replace("\r\n", "\n").replace("\r", "\n")
    return _COMMENT.sub("", text).strip("\n").rstrip()


def build_document(
    statement: Statement, badge: Badge, level: str | None = None, *, declare_tools: bool = False
) -> ExportDocument:
    """The statement's parts in order, its title and its word count, for the given badge.

    ``declare_tools`` adds, last, the learner's declaration of how badgekit was used (SSSC asks
    applicants to declare any use of AI); its words are not counted with the answers'.
    """
    sections: list[ExportSection] = []
    title: str | None = None
    for section in statement.sections:
        if section.level == 1 and title is None:
            title = section.title
            if not _body(statement, section):
                continue
        body = _body(statement, section)
        if section.level == 0 and not body:
            continue
        sections.append(
            ExportSection(
                level=section.level,
                number=section.number,
                title=_DECLARATION_HEADING if section.is_declaration else section.title,
                body=body,
                words=section.words,
                is_declaration=section.is_declaration,
            )
        )
    if not any(s.is_declaration for s in sections) and badge.declaration:
        declaration = ExportSection(2, None, _DECLARATION_HEADING, badge.declaration, 0, True, from_badge=True)
        sections.append(declaration)
    if declare_tools:
        from badgekit.badges.ai_rule import TOOLS_HEADING, tools_declaration

        sections.append(ExportSection(2, None, TOOLS_HEADING, tools_declaration(), 0, is_declaration=True))
    chosen = badge.level(level) if level else None
    return ExportDocument(
        badge=badge,
        title=title or badge.title,
        sections=tuple(sections),
        words=statement.words,
        level_title=chosen.title if chosen else None,
        written=statement.written,
        criteria=tuple(c.text for c in badge.criteria_for(level if badge.levels else None)),
    )


# --- the formats ---------------------------------------------------------------------------


# --- naming the output ---------------------------------------------------------------------


def output_path(source: Path, kind: str) -> Path:
    """The file an export is saved to when no -o is given: beside the statement, named after it."""
    stem = source.name[: -len(source.suffix)] if source.suffix else source.name
    target = source.with_name(stem + SUFFIXES[kind])
    if target.resolve() == source.resolve():  # never over the statement itself
        target = source.with_name(f"{stem}.export{SUFFIXES[kind]}")
    return target


# --- the safety check that runs first -------------------------------------------------------
