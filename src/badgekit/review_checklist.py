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
repeats identifying text. Context lines name lines of the statement, not its words.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from badgekit.badges import Badge, WordRule
    from badgekit.catalogue import Catalogue
    from badgekit.checks.model import Finding
    from badgekit.checks.report import FileReport
    from badgekit.statement import Statement

#: Rules a review leaves out: BK603 reads the profile of whoever runs badgekit, and a manager's
#: profile says nothing about the learner's badges (point 1 lists the badge's prerequisites instead).
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
    in_document = report is not None and report.source is not None and report.source.places is not None
    where = report.where(finding.line) if report is not None and in_document else None
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
    return and_list([f"{n} {s}" + ("" if n == 1 else "s") for s, n in counts if n]) or "nothing"


def and_list(items: Sequence[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    if len(items) < 2:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def lines_text(lines: Sequence[int], limit: int = 8) -> str:
    """'line 4', 'lines 4, 9 and 12', 'lines 4, 9, ... and 8 more'."""
    shown = [str(n) for n in lines[:limit]]
    if len(lines) > limit:
        shown.append(f"{len(lines) - limit} more")
    return ("line " if len(lines) == 1 else "lines ") + and_list(shown)


def places_text(report: FileReport, lines: Sequence[int]) -> str:
    """'lines 4 and 9', or in a Word document, which has no lines, 'paragraphs 3 and 8'."""
    source = report.source
    if source is None or source.places is None:
        return lines_text(lines)
    numbers = sorted({place.paragraph for place in map(source.place_of, lines) if place is not None})
    shown = [str(n) for n in numbers[:8]] + ([f"{len(numbers) - 8} more"] if len(numbers) > 8 else [])
    return ("paragraph " if len(numbers) == 1 else "paragraphs ") + and_list(shown)


def lines_matching(statement: Statement, pattern: re.Pattern[str]) -> tuple[int, ...]:
    """The lines of the learner's own prose where ``pattern`` matches, in order."""
    found = {statement.position(match.start())[0] for match in pattern.finditer(statement.prose)}
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
    lines = [f"{report.words:,} words; {word_rule_sentence(badge.words)}."]
    if report.criteria:
        missing = [str(c.number) for c in report.criteria if not c.covered]
        kinds = {"Criterion": "criteria", "Question": "questions", "Expectation": "expectations"}[_word(badge)]
        addressed = f"{len(report.criteria) - len(missing)} of {len(report.criteria)} {kinds} addressed"
        lines.append(addressed + (f"; not addressed: {and_list(missing)}." if missing else "."))
    for prereq in badge.prerequisites:
        title = catalogue.prerequisite_title(prereq)
        if prereq.level == "required":
            lines.append(f"The badge requires '{title}' first: ask whether they hold it.")
        else:
            lines.append(f"SSSC recommends earning '{title}' first.")
    return lines


def word_rule_sentence(rule: WordRule) -> str:
    """The word rule as a clause: "the badge suggests 500–1000 words", "the badge requires at least 300 words"."""
    required = _bounds(
        rule.minimum, rule.maximum, "requires {}–{} words", "requires at least {} words", "allows no more than {} words"
    )
    suggested = _bounds(
        rule.suggested_min,
        rule.suggested_max,
        "suggests {}–{} words",
        "suggests {} words or more",
        "suggests up to {} words",
    )
    parts = [part for part in (required, suggested) if part]
    if not parts:
        return "the badge sets no word limit"
    return f"the badge {and_list(parts)}" + ("" if rule.verified else " (unverified)")


def _bounds(low: int | None, high: int | None, both: str, low_only: str, high_only: str) -> str | None:
    """The wording for the bounds there are; None for neither."""
    if low is not None and high is not None:
        return both.format(low, high)
    if low is not None:
        return low_only.format(low)
    return high_only.format(high) if high is not None else None


def _word(badge: Badge) -> str:
    """What one criterion is called, as the interview calls it (a framework's are expectations)."""
    from badgekit.interview import criterion_word

    return criterion_word(badge)


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
            lines.append(f"{asks}: notes from it are on {lines_text([statement.position(s.start)[0] for s in notes])}.")
        else:
            lines.append(f"{asks}: look for it in that answer.")
    return lines or ["The badge sets no activities beyond its criteria: judge from the answers."]


def _identifying_context(found: Sequence[FoundItem]) -> list[str]:
    if any(item.serious for item in found):
        return [
            "SSSC declines automatically any application that could identify someone: take these out, or write "
            "a role instead, before it is submitted.",
            "A name that is not a person's (an author they cite) can be allowed with --allow-name NAME.",
        ]
    return ["badgekit check cannot know every name: read the statement once more with this in mind."]


# --- the review: the manager's judgements, the actions and the follow-up --------------------------

Judgement = Literal["met", "not met", "not sure"]
JUDGEMENTS: tuple[Judgement, ...] = ("met", "not met", "not sure")
OUTCOMES = {
    "changes-needed": "Changes are needed before it is submitted",
    "talk-it-through": "Talk it through before it is submitted",
    "ready": "Ready to submit",
    "unfinished": "The review is not finished",
}

_JUDGEMENT_WORDS: dict[str, Judgement] = {
    "met": "met",
    "yes": "met",
    "not met": "not met",
    "no": "not met",
    "not sure": "not sure",
    "unsure": "not sure",
}


def judgement_from(value: object) -> Judgement | None:
    """A judgement as a person writes it ('met', 'Not met', 'not-sure', yes, no); None if it is none."""
    if isinstance(value, bool):  # YAML reads an unquoted yes or no as true or false
        return "met" if value else "not met"
    if not isinstance(value, str):
        return None
    return _JUDGEMENT_WORDS.get(" ".join(value.strip().lower().replace("-", " ").replace("_", " ").split()))


@dataclass
class PointReview:
    """One point of the checklist: what the check found, and the manager's judgement and comment."""

    evidence: PointEvidence
    judgement: Judgement | None = None
    comment: str | None = None  # None until asked; "" when the manager gave none

    @property
    def done(self) -> bool:
        return self.judgement is not None and self.comment is not None


@dataclass
class ReviewRecord:
    """A review of one statement, finished or not."""

    statement: str  # the statement's file name, as the review names it
    statement_sha256: str  # to tell, later, whether the statement has changed since
    badge: str
    badge_title: str
    level: str | None
    words: int
    word_rule: str
    points: list[PointReview]
    also_found: tuple[FoundItem, ...] = ()  # findings no point covers (readability)
    reviewed: date = field(default_factory=date.today)
    reviewer: str | None = None  # None until asked, like every answer below; "" when none was given
    actions: list[str] | None = None  # the actions the learner intends to take
    follow_up: date | None = None
    feedback: str | None = None
    finished: bool = False
    reminders_left_out: bool = False  # the badge has prerequisites, whose reminders (LEFT_OUT) are not counted

    def point(self, point_id: str) -> PointReview:
        return next(p for p in self.points if p.evidence.point.id == point_id)

    def settle(self) -> None:
        """A point the check settles (identifying details found) is not met, whatever was said."""
        for point in self.points:
            if point.evidence.decided:
                point.judgement = "not met"

    def outcome(self) -> str:
        """changes-needed, talk-it-through, ready or unfinished (see OUTCOMES)."""
        judged = [p.judgement for p in self.points]
        if "not met" in judged:
            return "changes-needed"
        if not self.finished or None in judged:
            return "unfinished"
        return "talk-it-through" if "not sure" in judged else "ready"

    def given(self) -> int:
        return sum(1 for p in self.points if p.done)

    def found(self) -> tuple[FoundItem, ...]:
        """Everything the check found, point by point, then what no point covers."""
        return (*(f for p in self.points for f in p.evidence.found), *self.also_found)

    def warnings(self) -> list[str]:
        """Where the manager judged a point met although the check found errors on it: kept, but said."""
        return [warning for point in self.points if (warning := contradiction(point))]


def contradiction(point: PointReview) -> str | None:
    """What to say when a point is judged met against errors the check found on it; None when it is not."""
    errors = [f for f in point.evidence.found if f.severity == "error"]
    if point.judgement != "met" or not errors:
        return None
    codes = dict.fromkeys(f.code for f in errors)
    named = and_list([f"{code} on {lines_text(sorted({f.line for f in errors if f.code == code}))}" for code in codes])
    return (
        f"point {point.evidence.point.number} ({point.evidence.point.id}) is recorded as met, as judged, although "
        f"badgekit check found {severity_counts(errors)} on it ({named})"
    )


def british_date(day: date) -> str:
    """15 January 2027."""
    return f"{day.day} {day:%B %Y}"


def carry_over(record: ReviewRecord, earlier: ReviewRecord) -> None:
    """Keep the answers of an unfinished review of the same statement in a fresh one."""
    for point in record.points:
        before = earlier.point(point.evidence.point.id)
        point.judgement, point.comment = before.judgement, before.comment
    record.reviewer, record.feedback, record.follow_up = earlier.reviewer, earlier.feedback, earlier.follow_up
    record.actions = None if earlier.actions is None else list(earlier.actions)
    record.settle()


def review_of(report: FileReport, catalogue: Catalogue, name: str) -> ReviewRecord:
    """A new, unanswered review of a checked statement (``name``: the statement's file, as the review names it)."""
    from hashlib import sha256

    evidence, others = gather(report, catalogue)
    record = ReviewRecord(
        statement=name,
        statement_sha256=sha256(report.statement.text.encode("utf-8")).hexdigest(),
        badge=report.badge.id,
        badge_title=report.badge.title,
        level=report.level,
        words=report.words,
        word_rule=report.badge.words.describe(),
        points=[PointReview(e) for e in evidence],
        also_found=others,
        reminders_left_out=bool(report.badge.prerequisites),
    )
    record.settle()
    return record


# --- the review file ---------------------------------------------------------------------------

REVIEW_SCHEMA = 1
REVIEW_SUFFIX = "-review.yaml"
_HEADER = (
    "# A manager's review of a statement before it is submitted, written by badgekit review.\n"
    "# Each point of SSSC's checklist has a judgement (met, not met or not sure) and a comment; 'found'\n"
    "# is what badgekit check found. Show it again, or write a copy for the learner, with:\n"
    "#   badgekit review {name} --md --html\n"
)


def record_to_dict(record: ReviewRecord) -> dict[str, Any]:
    """The review as plain data: what the review file and ``--format json`` hold."""
    return {
        "schema": REVIEW_SCHEMA,
        "statement": record.statement,
        "statement_sha256": record.statement_sha256,
        "badge": record.badge,
        "badge_title": record.badge_title,
        "level": record.level,
        "words": record.words,
        "word_rule": record.word_rule,
        "reviewed": record.reviewed.isoformat(),
        "reviewer": record.reviewer,
        "finished": record.finished,
        "outcome": record.outcome(),
        "warnings": record.warnings(),
        "points": [
            {
                "id": p.evidence.point.id,
                "title": p.evidence.point.title,
                "judgement": p.judgement,
                "comment": p.comment,
                "found": [f.to_dict() for f in p.evidence.found],
                "context": list(p.evidence.context),
            }
            for p in record.points
        ],
        "also_found": [f.to_dict() for f in record.also_found],
        "actions": record.actions,
        "follow_up": record.follow_up.isoformat() if record.follow_up else None,
        "feedback": record.feedback,
    }


def dump_review(record: ReviewRecord, name: str) -> str:
    """The review file's text: YAML, with comments and answers as readable blocks."""
    import yaml

    class Dumper(yaml.SafeDumper):
        pass

    def text(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
        style = "|" if "\n" in value else None
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)

    Dumper.add_representer(str, text)
    body = yaml.dump(record_to_dict(record), Dumper=Dumper, sort_keys=False, allow_unicode=True, width=100)
    return _HEADER.format(name=name) + body
