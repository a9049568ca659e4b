"""One statement checked from start to end: badge found, rules run, results gathered.

This is what the ``check`` command runs for each file and what its text and JSON
output are made from. It raises BadgekitError (exit code 3) for a statement that
cannot be checked: unreadable, empty, or naming no badge or an unknown one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from badgekit.checks.model import SEVERITIES, CheckContext, Finding, Rule, Severity, severity_rank
from badgekit.checks.registry import run_rules_keeping_silenced
from badgekit.errors import BadgekitError
from badgekit.invocation import program
from badgekit.statement.front_matter import read_front_matter
from badgekit.statement.parse import Statement, parse_statement

if TYPE_CHECKING:
    from pathlib import Path

    from badgekit.badges.catalogue import Catalogue
    from badgekit.badges.model import Badge
    from badgekit.checks.coverage import CriterionCoverage, Evidence
    from badgekit.checks.textstats import Readability
    from badgekit.statement.source import StatementSource
    from badgekit.tracking.profile import Profile

NO_BADGE_HINT = (
    "Name the badge at the very top of the statement, on a line 'badge: ID' between two '---' lines, "
    f"or give it with --badge ID. '{program()} list' shows every badge's id."
)


@dataclass(frozen=True)
class Options:
    """What the person asked for, the same for every file of one run."""

    badge: str | None = None  # --badge: wins over the front matter
    level: str | None = None  # --level: for a framework
    allowed_names: tuple[str, ...] = ()
    rules: tuple[Rule, ...] = ()
    profile: Profile | None = None  # the badges the learner holds (BK603); None: they keep no profile


@dataclass(frozen=True)
class FileReport:
    """Everything found in one statement."""

    path: str
    badge: Badge
    level: str | None
    statement: Statement
    criteria: tuple[CriterionCoverage, ...]
    readability: Readability | None
    findings: tuple[Finding, ...]
    counts: dict[str, int] = field(default_factory=dict)
    silenced: tuple[Finding, ...] = ()  # silenced by a comment on their line, never shown as findings
    #: learning, future_action, policy_link: the sentence that makes each point, or None where none does
    reflection: dict[str, Evidence | None] = field(default_factory=dict)
    source: StatementSource | None = None  # how the file was read: notices, and paragraphs for a document
    badge_from: str = "file"  # "file" (front matter or document properties), "option" (--badge) or "detected"
    badge_reason: str | None = None  # why a detected badge was chosen, for the learner
    #: the opening words of the sentence a finding means, by the finding's start offset (identifying details
    #: replaced); none for privacy findings, which never repeat their detail, or for the statement as a whole
    quotes: dict[int, str] = field(default_factory=dict)

    @property
    def notices(self) -> tuple[str, ...]:
        return self.source.notices if self.source else ()

    @property
    def in_document(self) -> bool:
        """Read from a Word or OpenDocument file, whose places are paragraphs, not lines."""
        return self.source is not None and self.source.places is not None

    def line_name(self, line: int) -> str:
        """A line as a message names it: "line 12", or "paragraph 4" in a Word document (its words quoted beside it)."""
        return self.source.line_name(line) if self.source else f"line {line}"

    def where(self, line: int) -> str:
        """Where a line is, as the learner finds it: "line 12", or a paragraph of a Word document."""
        return self.source.where(line) if self.source else f"line {line}"

    def badge_option(self) -> str:
        """What a suggested command needs to check against the same badge: " --badge ID" unless the file names it."""
        return "" if self.badge_from == "file" else f" --badge {self.badge.id}"

    @property
    def words(self) -> int:
        return self.statement.words

    def worst(self) -> Severity | None:
        return next((s for s in SEVERITIES if self.counts.get(s)), None)

    def fails(self, fail_on: Severity) -> bool:
        return any(severity_rank(f.severity) >= severity_rank(fail_on) for f in self.findings)

    def to_dict(self) -> dict[str, Any]:
        statement = self.statement
        rule = self.badge.words
        return {
            "path": self.path,
            "badge": self.badge.id,
            "badge_title": self.badge.title,
            "level": self.level,
            "words": statement.words,
            "word_counts": {
                "answers": statement.words,
                "headings": statement.heading_words,
                "declared": statement.declared_words,
            },
            "word_rule": {
                "minimum": rule.minimum,
                "maximum": rule.maximum,
                "suggested_min": rule.suggested_min,
                "suggested_max": rule.suggested_max,
                "text": rule.describe(),
            },
            "criteria": [
                {**c.to_dict(), "evidence": [self._evidence_dict(e) for e in c.evidence]} for c in self.criteria
            ],
            "reflection": {name: self._evidence_dict(e) if e else None for name, e in self.reflection.items()},
            "readability": self.readability.to_dict() if self.readability else None,
            "counts": {s: self.counts.get(s, 0) for s in SEVERITIES},
            "findings": [self._finding_dict(f) for f in self.findings],
            "silenced": [self._finding_dict(f) for f in self.silenced],
            "badge_from": self.badge_from,
            "badge_reason": self.badge_reason,
            "notices": list(self.notices),
        }

    def _evidence_dict(self, evidence: Evidence) -> dict[str, Any]:
        data = evidence.to_dict()
        if self.in_document:
            data["where"] = self.line_name(evidence.line)  # the quotation itself gives the paragraph's words
        return data

    def _finding_dict(self, finding: Finding) -> dict[str, Any]:
        data = finding.to_dict()
        if self.in_document:
            data["where"] = self.where(finding.line)  # a document's lines are badgekit's, not the learner's
        return data


def resolve_badge(statement_badge: str | None, options: Options, catalogue: Catalogue, path: str) -> Badge:
    name = options.badge or statement_badge
    if not name:
        raise BadgekitError("this statement does not say which badge it is for", path=path, hint=NO_BADGE_HINT)
    from badgekit.badges.lookup import find_badge

    try:
        return find_badge(catalogue, name)  # an id, an alias or a title, as draft and show take them
    except BadgekitError as error:
        error.path = path
        raise


def choose_level(badge: Badge, statement: Statement, options: Options, path: str) -> str | None:
    if not badge.levels:
        return None
    wanted = options.level or statement.level
    if wanted is None:
        from badgekit.checks.coverage import best_level

        return best_level(badge, statement)
    if badge.level(wanted) is None:
        raise BadgekitError(
            f"the badge '{badge.id}' has no level called '{wanted}'",
            path=path,
            hint="Choose one of: " + ", ".join(badge.level_ids()) + ".",
        )
    return wanted


def _badge_of(
    text: str, path: str, catalogue: Catalogue, options: Options, source: StatementSource | None
) -> tuple[Badge, str, str | None]:
    """The badge to check against, where it came from ("option", "file" or "detected"), and why, if detected."""
    fields, _, _ = read_front_matter(text, path)
    badge_value = fields.get("badge") or (source.badge if source else None)
    if options.badge or badge_value:
        badge = resolve_badge(str(badge_value).strip() if badge_value else None, options, catalogue, path)
        return badge, "option" if options.badge else "file", None
    from badgekit.checks.badge_detection import detect_badge

    detection = detect_badge(text, path, catalogue)
    return detection.badge, "detected", detection.reason


def check_text(
    text: str, path: str, catalogue: Catalogue, options: Options, *, source: StatementSource | None = None
) -> FileReport:
    """Check one statement's text against its badge with the chosen rules.

    ``source`` is how the file was read (statement/source.py): its notices, a document's
    paragraphs and the badge its properties name. With no badge named anywhere, the
    badge is worked out from the statement (checks/badge_detection.py), or the learner is asked.
    """
    if not text.strip():
        raise BadgekitError("this file is empty: there is no statement to check", path=path)
    badge, badge_from, badge_reason = _badge_of(text, path, catalogue, options, source)
    statement = parse_statement(text, path, declaration=badge.declaration, criteria=criterion_texts(badge))
    level = choose_level(badge, statement, options, path)
    to_earn = _to_earn(badge, options.profile, catalogue)
    from badgekit.checks.badge_detection import badge_headings_quote

    context = CheckContext(
        statement=statement,
        badge=badge,
        criteria=badge.criteria_for(level),
        level=level,
        allowed_names=(*options.allowed_names, *badge.resource_people),
        to_earn=to_earn,
        level_given=bool(options.level or statement.level),
        headings_quote=badge_headings_quote(statement, badge, catalogue) if badge_from != "detected" else None,
    )
    if source is not None:
        context.line_name = source.line_name
    findings, silenced = run_rules_keeping_silenced(context, options.rules)
    from badgekit.checks.coverage import analyse, evidence_at, hidden_details
    from badgekit.checks.reflection import points
    from badgekit.checks.textstats import readability_of, sentence_quotes

    counts: dict[str, int] = {s: sum(1 for f in findings if f.severity == s) for s in SEVERITIES}
    hidden = hidden_details(context)
    whole = statement.first_content_offset()
    quoted = [f.start for f in findings if f.category != "privacy" and f.start != whole]
    return FileReport(
        path=path,
        badge=badge,
        level=level,
        statement=statement,
        criteria=tuple(analyse(context)),
        readability=readability_of(context),
        findings=tuple(findings),
        counts=counts,
        silenced=tuple(silenced),
        reflection={
            name: evidence_at(statement, span, hidden) if span else None for name, span in points(context).items()
        },
        source=source,
        badge_from=badge_from,
        badge_reason=badge_reason,
        quotes=sentence_quotes(statement, quoted, hidden),
    )


def criterion_texts(badge: Badge) -> tuple[str, ...]:
    """Every criterion's text, at every level: what a plain-text statement may quote above its answers."""
    levels: list[str | None] = [*badge.level_ids()] or [None]
    return tuple(c.text for level in levels for c in badge.criteria_for(level))


def _to_earn(badge: Badge, profile: Profile | None, catalogue: Catalogue) -> tuple[str, ...]:
    """What to earn first that the profile does not hold, worked out here so that rule BK603 stays a
    function of the statement and the badge (and the manager's review never reads a profile)."""
    if not badge.prerequisites:
        return ()
    from pathlib import Path

    from badgekit.tracking.profile import Profile, prerequisite_advice

    return tuple(prerequisite_advice(badge, profile or Profile(Path()), catalogue))


def redact(statement: Statement, findings: Sequence[Finding]) -> tuple[str, int]:
    """The statement with every privacy finding's span replaced by its suggestion, and how many."""
    spans = sorted(
        {(f.start, f.end, f.suggestion) for f in findings if f.category == "privacy" and f.suggestion is not None},
        key=lambda span: (span[0], -span[1]),
    )
    pieces: list[str] = []
    position = 0
    replaced = 0
    for start, end, suggestion in spans:
        if start < position or end <= start:
            continue  # overlapping spans: the first (and longest) one wins
        pieces.append(statement.text[position:start])
        pieces.append(suggestion or "")
        position = end
        replaced += 1
    pieces.append(statement.text[position:])
    return "".join(pieces), replaced


def redacted_copy(report: FileReport, output_path: Path | None) -> tuple[Path, str, int]:
    """Where ``check --redact`` writes its copy (``NAME.redacted.md`` unless given), the copy, and how many
    details it replaced; never the statement itself."""
    from pathlib import Path

    text, replaced = redact(report.statement, report.findings)
    source = Path(report.path)
    # A Word or OpenDocument file's copy is the Markdown badgekit read from it: a .docx must hold a .docx.
    suffix = ".md" if report.in_document else (source.suffix or ".md")
    target = output_path or source.with_name(f"{source.stem}.redacted{suffix}")
    if target.resolve() == source.resolve():
        raise BadgekitError("the redacted copy would replace the statement itself", path=str(target))
    return target, text, replaced
