"""A checked statement turned into what the learner submits: a web page, plain text, Markdown or JSON.

``build_document`` reads a parsed statement and its badge into an ExportDocument; one
function per format turns that into text:

- ``to_html``: one self-contained page (inline CSS, no scripts, nothing fetched) through
  the ``statement.html.j2`` template, the user's own first (see badgekit.render);
- ``to_text``: plain text that pastes cleanly into a web form: no Markdown symbols,
  headings as plain lines, one line per paragraph;
- ``to_markdown``: the statement as normalised Markdown, for a blog;
- ``to_evidence``: an Open Badges ``Evidence`` object, for e-portfolio systems.

The learner's Markdown is parsed by markdown-it-py with raw HTML switched off, so
``<script>`` or ``<img onerror=...>`` in a statement is shown as the characters typed,
and ``javascript:`` links are never made into links. HTML comments are dropped from
every format: Markdown hides them and the word count skips them, so the learner never
meant them to be read. The learner's text reaches a template only as data: body HTML
made here, everything else escaped by the template's autoescaping.

``screen`` is the safety check that runs before any export: the privacy rules first
(any error stops the export unless overridden), then the other rules for a summary.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from badgekit.badge_view import LIMITS_LINE
from badgekit.errors import BadgekitError, ExitCode
from badgekit.markdown_text import escape_markdown, markdown_parser, normalised_markdown, plain_text
from badgekit.statement import Section, Statement

if TYPE_CHECKING:
    from badgekit.badges import Badge, WordRule
    from badgekit.catalogue import Catalogue
    from badgekit.checks.model import Finding
    from badgekit.checks.report import FileReport
    from badgekit.statement_source import StatementSource

HTML_TEMPLATE = "statement.html.j2"

#: The formats ``export`` writes, with the suffix a derived file name gets.
SUFFIXES = {"html": ".html", "text": ".txt", "md": ".blog.md", "json": ".evidence.json", "docx": ".docx"}

_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)
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


def _written(value: object) -> date | None:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip()) if value else None
    except ValueError:
        return None


def build_document(statement: Statement, badge: Badge, level: str | None = None) -> ExportDocument:
    """The statement's parts in order, its title and its word count, for the given badge."""
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
    chosen = badge.level(level) if level else None
    return ExportDocument(
        badge=badge,
        title=title or badge.title,
        sections=tuple(sections),
        words=statement.words,
        level_title=chosen.title if chosen else None,
        written=_written(statement.front_matter.get("date")),
        criteria=tuple(c.text for c in badge.criteria_for(level if badge.levels else None)),
    )


# --- the formats ---------------------------------------------------------------------------


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
    """The statement as normalised Markdown: ATX headings, numbered criteria, one line per paragraph."""
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
    words = "word" if document.words == 1 else "words"
    return {
        "type": ["Evidence"],
        "id": f"urn:uuid:{evidence_id or uuid.uuid4()}",
        "name": f"{badge.title}: evidence statement",
        "description": (
            f"A written statement of {document.words:,} {words} against each of the criteria of "
            f"the Open Badge “{badge.title}”, issued by {issuer_name(badge)}."
        ),
        "narrative": to_markdown(document),
        "genre": "Prose",
        "audience": f"Assessors of {badge.issuer} Open Badges" if badge.issuer else "Open Badge assessors",
    }


@dataclass(frozen=True)
class WordVerdict:
    """The learner's word count against the badge's word rule, in words a learner reads."""

    words: int
    rule: str  # "500–1000 words suggested"
    verdict: str  # "within the guidance"
    within: bool


def word_verdict(words: int, rule: WordRule) -> WordVerdict:
    def verdict() -> tuple[str, bool]:
        if rule.minimum is not None and words < rule.minimum:
            return f"{rule.minimum - words:,} short of the minimum", False
        if rule.maximum is not None and words > rule.maximum:
            return f"{words - rule.maximum:,} over the maximum", False
        if rule.suggested_min is not None and words < rule.suggested_min:
            return "below the suggested length", True
        if rule.suggested_max is not None and words > rule.suggested_max:
            return "above the suggested length", True
        return ("within the guidance", True) if rule.describe() != "no word limit" else ("no word limit", True)

    text, within = verdict()
    return WordVerdict(words, rule.describe(), text, within)


def british_date(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


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
    verdict = word_verdict(document.words, badge.words)
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
        "words": {"count": verdict.words, "rule": verdict.rule, "verdict": verdict.verdict, "within": verdict.within},
        "written": british_date(document.written) if document.written else "",
        "limits": LIMITS_LINE,
        "generator": f"badgekit {__version__}",
    }


def to_html(document: ExportDocument, templates_dir: Path | None = None) -> str:
    """One self-contained web page: inline CSS, no scripts, nothing fetched when it opens."""
    from badgekit.render import render_template

    return render_template(HTML_TEMPLATE, html_context(document), templates_dir)


# --- naming the output ---------------------------------------------------------------------


def output_path(source: Path, kind: str) -> Path:
    """The file an export is saved to when no -o is given: beside the statement, named after it."""
    stem = source.name[: -len(source.suffix)] if source.suffix else source.name
    target = source.with_name(stem + SUFFIXES[kind])
    if target.resolve() == source.resolve():  # never over the statement itself
        target = source.with_name(f"{stem}.export{SUFFIXES[kind]}")
    return target


# --- the safety check that runs first -------------------------------------------------------


class PrivacyStop(BadgekitError):
    """The privacy check found details that could identify someone, so nothing was exported."""

    exit_code = ExitCode.FINDINGS

    def __init__(
        self, path: str, findings: Sequence[Finding], *, badge_option: str = "", where: Where | None = None
    ) -> None:
        count = len(findings)
        details = "1 detail" if count == 1 else f"{count} details"
        super().__init__(
            f"nothing was exported: the privacy check found {details} that could identify someone",
            path=path,
            hint=(
                "Your evidence is published when the badge is awarded. Take these details out, or write a "
                "role instead (such as 'my manager' or 'a person I support'), then export again; "
                f"'badgekit check {path}{badge_option} --redact' writes a copy with each one replaced. If you are "
                "certain none of them identifies anyone, add --ignore-privacy."
            ),
        )
        self.findings = tuple(findings)
        self.where = where

    def error_lines(self) -> list[str]:
        return [f"{self.path}: {self.message}"] + [finding_line(self.path or "", f, self.where) for f in self.findings]


#: Where a line of the statement is, for a learner: a paragraph of a Word document (FileReport.where).
Where = Callable[[int], str]


def finding_line(path: str, finding: Finding, where: Where | None = None) -> str:
    """``path:12:5: BK301 message``, or ``path: paragraph 4 ("..."): BK301 message`` for a Word document."""
    if where is not None:
        return f"{path}: {where(finding.line)}: {finding.code} {finding.message}"
    return f"{path}:{finding.line}:{finding.column}: {finding.code} {finding.message}"


@dataclass(frozen=True)
class Screening:
    """What the checks found before the export: the privacy findings, then the rest."""

    report: FileReport  # the privacy run: its badge, level and parsed statement are the export's
    privacy: tuple[Finding, ...]
    others: tuple[Finding, ...]
    silenced: tuple[Finding, ...] = ()  # privacy findings an ignore comment silenced: exported as written


def screen(
    text: str,
    path: str,
    catalogue: Catalogue,
    *,
    badge: str | None = None,
    level: str | None = None,
    allowed_names: Sequence[str] = (),
    ignore_privacy: bool = False,
    source: StatementSource | None = None,
) -> Screening:
    """Run the privacy rules, stopping on any error unless ``ignore_privacy``; then every other rule."""
    from dataclasses import replace

    from badgekit.checks.registry import select_rules
    from badgekit.checks.report import Options, check_text

    options = Options(badge=badge, level=level, allowed_names=tuple(allowed_names))
    first = check_text(text, path, catalogue, replace(options, rules=tuple(select_rules(["BK3"]))), source=source)
    errors = [f for f in first.findings if f.severity == "error"]
    if errors and not ignore_privacy:
        raise PrivacyStop(
            path, errors, badge_option=first.badge_option(), where=first.where if source and source.places else None
        )
    if first.badge_from == "detected":  # decided once: the second run must not decide again, nor differently
        options = replace(options, badge=first.badge.id)
    rest = check_text(text, path, catalogue, replace(options, rules=tuple(select_rules(ignore=["BK3"]))), source=source)
    return Screening(first, first.findings, rest.findings, first.silenced)


def silenced_warning(path: str, silenced: Sequence[Finding], places: Where | None = None) -> list[str]:
    """What export says before it exports privacy findings that comments silenced: a line, then one per finding."""
    if not silenced:
        return []
    lines = sorted({f.line for f in silenced})
    where = f"line {lines[0]}" if len(lines) == 1 else "lines " + ", ".join(map(str, lines[:-1])) + f" and {lines[-1]}"
    if places is not None:
        where = ", ".join(dict.fromkeys(places(line) for line in lines))
    one = len(silenced) == 1
    count = "1 privacy finding" if one else f"{len(silenced)} privacy findings"
    these = "this detail is" if one else "these details are"
    return [
        f"warning: ignore comments in {path} silence {count} (on {where}), so {these} exported as written:",
        *(f"  {finding_line(path, f, places)}" for f in silenced),
        "  Take each one out unless you are certain it identifies no one.",
    ]


def summary(findings: Sequence[Finding]) -> str | None:
    """'1 error and 3 warnings', or None when there is nothing."""
    counts = [(s, sum(1 for f in findings if f.severity == s)) for s in ("error", "warning", "note")]
    parts = [f"{n} {s}" + ("" if n == 1 else "s") for s, n in counts if n]
    if not parts:
        return None
    return ", ".join(parts[:-1]) + " and " + parts[-1] if len(parts) > 1 else parts[0]
