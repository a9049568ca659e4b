"""SSSC's checklist for a manager's review before submission, and what ``badgekit check`` found for each point.

SSSC's guidance for managers (tip 5, "Check their evidence before it is submitted") asks
a manager to check six things. ``CHECKLIST`` holds them in the guidance's order, each
with the families or codes of the check's rules that bear on it:

1. the evidence meets the badge criteria and requirements: words, coverage, format;
2. they have understood what they were asked to learn about: the manager's judgement,
   with how much the statement gives each criterion as context;
3. they have undertaken all the activities asked of them: the manager's judgement, with
   the badge's steps and any discussion it asks for as context;
4. they have identified important learning points: the reflection rules on learning,
   description and future action (BK401, BK402, BK404);
5. they have related the learning to the organisation's policies and procedures (BK403);
6. nothing could identify individuals: the privacy rules (BK3xx). SSSC declines such
   applications automatically, so an error or warning here makes the point not met,
   whatever the manager's judgement.

``gather`` turns one checked statement into ``PointEvidence`` for each point. A finding
is kept as its code, severity, line and message only: the privacy rules' messages say
what kind of detail was found and where, never the detail itself, so a review never
repeats identifying text. The first point quotes the opening words of the sentences each
criterion's judgement rests on, so the manager sees the learner's own evidence; those quotes
have every identifying detail replaced, as ``check --redact`` would.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from badgekit.text import and_list, counted, plural

if TYPE_CHECKING:
    from badgekit.badges.catalogue import Catalogue
    from badgekit.badges.model import Badge
    from badgekit.checks.coverage import CriterionCoverage
    from badgekit.checks.model import Finding
    from badgekit.checks.report import FileReport
    from badgekit.statement.parse import Statement

#: Rules a review leaves out: BK603 reminds of what the learner's profile does not hold, and the
#: manager has no learner's profile to give it (point 1 lists the badge's prerequisites instead).
LEFT_OUT = ("BK603",)
#: Said beside the counts of what the check found, which ``badgekit check`` run by the learner would exceed.
LEFT_OUT_NOTE = "prerequisite reminders are left out: they depend on the learner's own profile"


@dataclass(frozen=True)
class ChecklistPoint:
    """One point of the guidance's checklist."""

    id: str
    number: int
    title: str  # as the manager reads it, after the guidance
    for_learner: str  # the same point, as the learner reads the review
    question: str  # what the manager is asked
    codes: tuple[str, ...]  # code prefixes of the check's findings that bear on it
    decided_by_check: bool = False  # findings at warning or above make it not met


CHECKLIST: tuple[ChecklistPoint, ...] = (
    ChecklistPoint(
        "criteria",
        1,
        "The learner's evidence meets the badge criteria and requirements",
        "Your evidence meets the badge criteria and requirements",
        "Does the evidence meet the badge's criteria and requirements?",
        ("BK1", "BK2", "BK6"),
    ),
    ChecklistPoint(
        "understood",
        2,
        "The learner has understood what they were asked to learn about",
        "You have understood what you were asked to learn about",
        "Has the learner understood what they were asked to learn about?",
        (),
    ),
    ChecklistPoint(
        "activities",
        3,
        "The learner has undertaken all the activities asked of them",
        "You have undertaken all the activities asked of you",
        "Has the learner undertaken all the activities the badge asks of them?",
        (),
    ),
    ChecklistPoint(
        "learning-points",
        4,
        "The learner has identified important learning points for their own development and the service",
        "You have identified important learning points for your own development and the service",
        "Has the learner identified important learning points for their own development and for the service?",
        ("BK401", "BK402", "BK404"),
    ),
    ChecklistPoint(
        "policies",
        5,
        "The learner has related the learning to your organisation's policies and procedures",
        "You have related your learning to your organisation's policies and procedures",
        "Has the learner related this learning to your organisation's policies and procedures?",
        ("BK403",),
    ),
    ChecklistPoint(
        "identifying",
        6,
        "The statement identifies no one",
        "Nothing in your evidence could identify an individual",
        # asked positively: a double negative ("Is there nothing...?") leaves Met and Not met unclear
        "The statement identifies no one: nothing in it could identify an individual. Met or not met?",
        ("BK3",),
        decided_by_check=True,
    ),
)
POINTS_BY_ID = {point.id: point for point in CHECKLIST}


@dataclass(frozen=True)
class FoundItem:
    """A finding as a review keeps it: no offsets, no suggestion, nothing quoted from the statement."""

    code: str
    severity: str
    line: int
    message: str
    where: str | None = None  # in a Word document: its paragraph and opening words, since it has no lines

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"code": self.code, "severity": self.severity, "line": self.line}
        if self.where is not None:
            data["where"] = self.where
        return {**data, "message": self.message}

    @property
    def serious(self) -> bool:
        """A warning or an error: what an assessor would return the statement for."""
        return self.severity in ("error", "warning")


def found_item(finding: Finding, report: FileReport | None = None) -> FoundItem:
    where = report.where(finding.line) if report is not None and report.in_document else None
    return FoundItem(finding.code, finding.severity, finding.line, finding.message, where)


@dataclass(frozen=True)
class PointEvidence:
    """What the check offers on one point: the findings that bear on it and lines of context."""

    point: ChecklistPoint
    found: tuple[FoundItem, ...] = ()
    context: tuple[str, ...] = ()

    @property
    def decided(self) -> bool:
        """The check settles this point as not met (identifying details were found)."""
        return self.point.decided_by_check and any(item.serious for item in self.found)

    def summary(self) -> str:
        """What the check found, in one line."""
        if not self.point.codes:
            return "This is your judgement: badgekit check can only offer what is below as context."
        if not self.found:
            return "badgekit check found nothing on this point."
        return f"badgekit check found {severity_counts(self.found)}."


def severity_counts(found: Sequence[FoundItem]) -> str:
    """'1 error, 2 warnings and 3 notes', leaving out any there are none of; 'nothing' for none at all."""
    counts = [(s, sum(1 for f in found if f.severity == s)) for s in ("error", "warning", "note")]
    return and_list([counted(n, s) for s, n in counts if n]) or "nothing"


def lines_text(lines: Sequence[int], limit: int = 8) -> str:
    """'line 4', 'lines 4, 9 and 12', 'lines 4, 9, ... and 8 more'."""
    return _numbered("line", lines, limit)


def _numbered(noun: str, numbers: Sequence[int], limit: int = 8) -> str:
    shown = [str(n) for n in numbers[:limit]]
    if len(numbers) > limit:
        shown.append(f"{len(numbers) - limit} more")
    return plural(len(numbers), noun) + " " + and_list(shown)


def places_text(report: FileReport, lines: Sequence[int]) -> str:
    """'lines 4 and 9', or in a Word document, which has no lines, 'paragraphs 3 and 8'."""
    source = report.source
    if source is None or source.places is None:
        return lines_text(lines)
    return _numbered("paragraph", sorted({place.paragraph for place in map(source.place_of, lines) if place}))


def lines_matching(statement: Statement, pattern: re.Pattern[str]) -> tuple[int, ...]:
    """The lines of the learner's own prose where ``pattern``, a reflection pattern, matches, in order."""
    from badgekit.checks.reflection import folded_prose

    found = {statement.position(match.start())[0] for match in pattern.finditer(folded_prose(statement))}
    return tuple(sorted(found))


# --- gathering what the check found, point by point ------------------------------------------------


def _bears_on(point: ChecklistPoint, finding: Finding) -> bool:
    return any(finding.code.startswith(prefix) for prefix in point.codes)


def gather(report: FileReport, catalogue: Catalogue) -> tuple[tuple[PointEvidence, ...], tuple[FoundItem, ...]]:
    """Evidence for each point of the checklist, and the findings no point covers (readability)."""
    from badgekit.checks.reflection import LEARNING, POLICIES

    statement = report.statement
    findings = [f for f in report.findings if not f.code.startswith(LEFT_OUT)]
    learning = lines_matching(statement, LEARNING)
    policies = lines_matching(statement, POLICIES)
    context: dict[str, list[str]] = {
        "criteria": _criteria_context(report, catalogue),
        "understood": _understood_context(report),
        "activities": _activities_context(report),
        "learning-points": [f"The statement says what was learned on {places_text(report, learning)}."]
        if learning
        else [],
        "policies": [f"It mentions policies, procedures or standards on {places_text(report, policies)}."]
        if policies
        else [],
        "identifying": [],
    }
    evidence = []
    for point in CHECKLIST:
        found = tuple(found_item(f, report) for f in findings if _bears_on(point, f))
        lines = context[point.id]
        if point.decided_by_check:
            lines = _identifying_context(found)
        evidence.append(PointEvidence(point, found, tuple(lines)))
    covered = {f for point in CHECKLIST for f in findings if _bears_on(point, f)}
    others = tuple(found_item(f, report) for f in findings if f not in covered)
    return tuple(evidence), others


def _criteria_context(report: FileReport, catalogue: Catalogue) -> list[str]:
    badge = report.badge
    lines = [f"{report.words:,} words; {badge.words.describe('clause')}."]
    if report.criteria:
        missing = [str(c.number) for c in report.criteria if not c.covered]
        kinds = {"Criterion": "criteria", "Question": "questions", "Expectation": "expectations"}[_word(badge)]
        addressed = f"{len(report.criteria) - len(missing)} of {len(report.criteria)} {kinds} addressed"
        lines.append(addressed + (f"; not addressed: {and_list(missing)}." if missing else "."))
        lines.extend(_evidence_line(_word(badge), c, report.line_name) for c in report.criteria)
    for prereq in badge.prerequisites:
        title = catalogue.prerequisite_title(prereq)
        if prereq.level == "required":
            lines.append(f"The badge requires '{title}' first: ask whether they hold it.")
        else:
            lines.append(f"SSSC recommends earning '{title}' first.")
    return lines


#: How the first point names each coverage status.
_STATUS_WORDS = {"covered": "evidenced", "unclear": "unclear", "missing": "not evidenced"}


def _evidence_line(kind: str, item: CriterionCoverage, line_name: Callable[[int], str]) -> str:
    """One criterion's judgement and the learner's sentences it rests on (identifying details replaced);
    ``line_name`` says where each is ("line 12", or "paragraph 4" in a Word document)."""
    said = f"{kind} {item.number} ({_STATUS_WORDS[item.status]})"
    if not item.evidence or item.status == "missing":
        return f"{said}: nothing in the statement shows it."
    lead = "rests on" if item.status == "covered" else "the nearest is"
    return f"{said}: {lead} " + "; ".join(f"{line_name(e.line)} “{e.text}”" for e in item.evidence) + "."


def _word(badge: Badge) -> str:
    return badge.criterion_word


def _understood_context(report: FileReport) -> list[str]:
    kind = _word(report.badge)
    return [
        f"{kind} {c.number}: {c.words:,} words." if c.covered else f"{kind} {c.number}: not addressed."
        for c in report.criteria
    ]


def _activities_context(report: FileReport) -> list[str]:
    from badgekit.render import DISCUSSION_HEADING

    badge, statement = report.badge, report.statement
    lines = [f"Before writing, the badge asks them to: {step.text}" for step in badge.steps]
    notes = [s for s in statement.sections if s.level >= 3 and s.title.strip().lower() == DISCUSSION_HEADING.lower()]
    for criterion in badge.criteria_for(report.level):
        if not criterion.discussion:
            continue
        asks = f"{_word(badge)} {criterion.number} asks for a discussion with colleagues or a manager"
        if notes:
            # The line the notes start on, not their heading's, as check numbers the lines it quotes.
            where = [statement.position(_first_text(statement.text, s.body_start, s.end))[0] for s in notes]
            lines.append(f"{asks}: notes from it are on {lines_text(where)}.")
        else:
            lines.append(f"{asks}: look for it in that answer.")
    return lines or ["The badge sets no activities beyond its criteria: judge from the answers."]


def _first_text(text: str, start: int, end: int) -> int:
    """The offset of the first character that is not white space in ``text[start:end]`` (``start`` if none)."""
    body = text[start:end]
    stripped = body.lstrip()
    return start + len(body) - len(stripped) if stripped else start


def _identifying_context(found: Sequence[FoundItem]) -> list[str]:
    if any(item.serious for item in found):
        return [
            "SSSC declines automatically any application that could identify someone: take these out, or write "
            "a role instead, before it is submitted.",
            "A name that is not a person's (an author they cite) can be allowed with --allow-name NAME.",
        ]
    return ["badgekit check cannot know every name: read the statement once more with this in mind."]


# --- the review: the manager's judgements, the actions and the follow-up --------------------------


# --- the review file ---------------------------------------------------------------------------
