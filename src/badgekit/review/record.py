"""A review as data: the manager's judgement on each point, the actions and follow-up, saved and read back.

``ReviewRecord`` is what a review holds; ``dump_review`` writes it as the review file (YAML,
``STATEMENT-review.yaml`` beside the statement, owner-only) and ``load_review`` reads it back,
reporting a hand-edited mistake by file, line and field. ``apply_answers`` fills a review from a
YAML answers file instead of asking. ``review_of`` starts a review from a checked statement.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any, Literal

from badgekit.review.checklist import POINTS_BY_ID, FoundItem, PointEvidence, gather, lines_text, severity_counts
from badgekit.text import and_list, british_date, parse_date

if TYPE_CHECKING:
    from badgekit.badges.catalogue import Catalogue
    from badgekit.checks.report import FileReport
    from badgekit.validation import FieldReader


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

    def to_dict(self) -> dict[str, Any]:
        """The review as plain data: what the review file and ``--format json`` hold."""
        return record_to_dict(self)


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


# --- reading YAML: an answers file, or a review file read back ----------------------------------------


def parse_day(text: str, today: date) -> date:
    """A date in any form ``text.parse_date`` reads, today or later; ValueError with a plain message."""
    day = parse_date(text, today)
    if day < today:
        raise ValueError(f"{british_date(day)} has passed: give a date from today on")
    return day


_ANSWER_KEYS = {"reviewer", "actions", "follow_up", "feedback"}


_TOP_KEYS = {
    "schema", "statement", "statement_sha256", "badge", "badge_title", "level", "words", "word_rule", "reviewed",
    "finished", "outcome", "warnings", "points", "also_found", *_ANSWER_KEYS,
}  # fmt: skip


def _read(path: str, allowed: set[str]) -> tuple[FieldReader, dict[str, Any]]:
    from badgekit.errors import InvalidDataError
    from badgekit.textinput import display_name, read_text
    from badgekit.validation import FieldReader
    from badgekit.yamldoc import parse_yaml

    doc = parse_yaml(read_text(path), display_name(path))
    r = FieldReader(doc)
    data = {str(key): value for key, value in doc.data.items()} if isinstance(doc.data, dict) else None
    top = r.mapping(data, "", allowed) if data is not None else None  # keys as written: '1:' is the key '1'
    if top is None:
        r.add("", "the file is empty, or not 'key: value' lines")
        raise InvalidDataError(r.problems)
    return r, top


def _text(r: FieldReader, obj: dict[str, Any], key: str, here: str = "") -> str | None:
    value = obj.get(key)
    if value is not None and not isinstance(value, str):
        r.add(f"{here}.{key}" if here else key, "should be text")
        return None
    return value.strip() if value is not None else None


def _day(r: FieldReader, obj: dict[str, Any], key: str, check: Callable[[str], date]) -> date | None:
    value = obj.get(key)
    if value is None:
        return None
    try:
        return check(value.isoformat() if isinstance(value, date) else str(value))
    except ValueError as problem:
        r.add(key, str(problem))
        return None


def _read_answers(r: FieldReader, top: dict[str, Any], record: ReviewRecord, today: date) -> None:
    """reviewer, actions (a list, or one line), follow_up and feedback, as both kinds of file give them."""
    record.reviewer = _text(r, top, "reviewer")
    record.feedback = _text(r, top, "feedback")
    actions = top.get("actions")
    record.actions = [actions.strip()] if isinstance(actions, str) else list(r.text_list(top, "", "actions"))
    record.follow_up = _day(r, top, "follow_up", lambda text: parse_day(text, today))


def apply_answers(record: ReviewRecord, path: str, *, today: date | None = None) -> list[str]:
    """Fill the review from a YAML answers file and finish it; returns warnings: what the check overrode, and
    each point judged met against errors the check found (kept as judged, and listed in the review file).

    Each point is keyed by its id or number: a judgement (met, not met, not sure), or a mapping
    with ``judgement`` and ``comment``. Besides: ``reviewer``, ``actions``, ``follow_up``,
    ``feedback``. Every problem is reported with the file, line and key, and so is every point
    left without a judgement.
    """
    from badgekit.errors import InvalidDataError, Problem

    by_key = {p.evidence.point.id: p for p in record.points} | {str(p.evidence.point.number): p for p in record.points}
    r, top = _read(path, set(by_key) | _ANSWER_KEYS)  # an unknown key is reported with the nearest known one
    for key, value in top.items():
        point = by_key.get(str(key))
        if point is None:
            continue
        obj = r.mapping(value, str(key), {"judgement", "comment"}) if isinstance(value, dict) else {"judgement": value}
        point.judgement, point.comment = judgement_from((obj or {}).get("judgement")), _text(r, obj or {}, "comment")
        point.comment = point.comment or ""
        if point.judgement is None and not point.evidence.decided:
            r.add(f"{key}.judgement" if isinstance(value, dict) else str(key), "should be met, not met or not sure")
    for point in record.points:
        if point.judgement is None and not point.evidence.decided and point.comment is None:
            missing = f"point {point.evidence.point.number} ({point.evidence.point.id}) has no judgement"
            r.problems.append(Problem(r.doc.path, None, "", missing))
    _read_answers(r, top, record, today or date.today())
    if r.problems:
        hint = "Give every point of the checklist a judgement: met, not met or not sure."
        raise InvalidDataError(r.problems, hint=hint)
    overridden = [p for p in record.points if p.evidence.decided and p.judgement != "not met"]
    record.settle()
    record.finished = True
    for point in record.points:
        point.comment = point.comment or ""
    return [
        f"point {p.evidence.point.number} ({p.evidence.point.id}) is recorded as not met: badgekit check found "
        f"details that could identify someone on {_where_found(p.evidence.found)}"
        for p in overridden
    ] + record.warnings()


def _where_found(found: Sequence[FoundItem]) -> str:
    """'lines 4 and 9', or the paragraphs of a Word document."""
    places = list(dict.fromkeys(f.where for f in found if f.where))
    return and_list(places) if places else lines_text(sorted({f.line for f in found}))


def load_review(path: str) -> ReviewRecord:
    """A review file read back; InvalidDataError naming the file, line and field of every problem."""
    from badgekit.errors import InvalidDataError

    r, top = _read(path, _TOP_KEYS)
    schema = r.field(top, "", "schema", int, required=True)
    if schema is not None and schema != REVIEW_SCHEMA:
        r.add("schema", f"this badgekit reads reviews of schema {REVIEW_SCHEMA}, not {schema}")
    points = r.each(top, "", "points", lambda value, here, _n: _read_point(r, value, here))
    if sorted(p.evidence.point.id for p in points) != sorted(POINTS_BY_ID) and not r.problems:
        r.add("points", "should hold each point of the checklist once: " + ", ".join(POINTS_BY_ID))
    record = ReviewRecord(
        statement=r.field(top, "", "statement", str, required=True) or "",
        statement_sha256=r.field(top, "", "statement_sha256", str) or "",
        badge=r.field(top, "", "badge", str, required=True) or "",
        badge_title=r.field(top, "", "badge_title", str, required=True) or "",
        level=r.field(top, "", "level", str),
        words=r.field(top, "", "words", int) or 0,
        word_rule=r.field(top, "", "word_rule", str) or "",
        points=sorted(points, key=lambda p: p.evidence.point.number),
        also_found=r.each(top, "", "also_found", lambda value, here, _n: _read_found(r, value, here)),
        finished=r.field(top, "", "finished", bool) is True,
    )
    record.reviewed = _day(r, top, "reviewed", date.fromisoformat) or record.reviewed
    _read_answers(r, top, record, date.min)  # a follow-up date in the past is history, not a mistake
    if top.get("actions") is None:
        record.actions = None  # not asked yet
    if r.problems:
        raise InvalidDataError(sorted(r.problems, key=lambda p: (p.line or 0, p.field)))
    record.settle()
    return record


def _read_point(r: FieldReader, value: Any, here: str) -> PointReview | None:
    obj = r.mapping(value, here, {"id", "title", "judgement", "comment", "found", "context"})
    if obj is None:
        return None
    point = POINTS_BY_ID.get(r.choice(obj, here, "id", POINTS_BY_ID) or "")
    judgement = judgement_from(obj.get("judgement"))
    if obj.get("judgement") is not None and judgement is None:
        r.add(f"{here}.judgement", "should be met, not met or not sure")
    found = r.each(obj, here, "found", lambda item, where, _n: _read_found(r, item, where))
    context = r.text_list(obj, here, "context")
    comment = _text(r, obj, "comment", here)
    return PointReview(PointEvidence(point, found, context), judgement, comment) if point else None


def _read_found(r: FieldReader, value: Any, here: str) -> FoundItem | None:
    obj = r.mapping(value, here, {"code", "severity", "line", "where", "message"})
    if obj is None:
        return None
    code, severity, message = (r.field(obj, here, key, str, required=True) for key in ("code", "severity", "message"))
    line = r.field(obj, here, "line", int, required=True)
    if code is None or severity is None or message is None or line is None:
        return None
    return FoundItem(code, severity, line, message, r.field(obj, here, "where", str))
