"""A manager's review of a statement before it is submitted: SSSC's checklist, point by point.

SSSC's guidance for managers (tip 5) asks a manager to check a worker's evidence before
it is submitted, to "note the actions they intend to take to develop their practice and
follow up on this", and to give feedback. ``run_review`` walks a manager through that:
for each point of the checklist (badgekit.review_checklist) it shows what ``badgekit
check`` found, asks met / not met / not sure and a comment, then asks for the learner's
intended actions, a follow-up date and any feedback. It is pure logic: an injected
``ReviewAsker`` shows and asks (badgekit.review_terminal.ReviewTerminal in a terminal, a
scripted one in tests), and ``save`` is called after every answer, so stopping part-way
loses nothing. ``apply_answers`` fills a review from a YAML file instead.

The review file is YAML (``STATEMENT-review.yaml`` beside the statement, owner-only):
``dump_review`` in badgekit.review_checklist writes it, ``load_review`` here reads it
back, reporting a hand-edited mistake by file, line and field. ``render_review`` turns
it into Markdown or a web page for the learner (templates review.md.j2 and
review.html.j2, the latter in the style of the exported statement).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from badgekit.interview import Notice
from badgekit.review_checklist import (
    OUTCOMES,
    POINTS_BY_ID,
    REVIEW_SCHEMA,
    FoundItem,
    PointEvidence,
    PointReview,
    ReviewRecord,
    and_list,
    british_date,
    contradiction,
    judgement_from,
    lines_text,
)

if TYPE_CHECKING:
    from badgekit.badges import FieldReader

#: A follow-up date offered when the manager gives none: six weeks, about one supervision cycle.
FOLLOW_UP_DAYS = 42
JUDGEMENT_CHOICES: tuple[tuple[str, str], ...] = (("met", "Met"), ("not met", "Not met"), ("not sure", "Not sure"))


# --- what the review shows, and how it asks ---------------------------------------------------------


@dataclass(frozen=True)
class ReviewOpening:
    record: ReviewRecord
    resumed: bool  # carrying on with an unfinished review of the same statement


@dataclass(frozen=True)
class PointScreen:
    point: PointReview
    total: int


@dataclass(frozen=True)
class ActionsScreen:
    action_lines: tuple[int, ...]  # lines of the statement that say what the learner will do


@dataclass(frozen=True)
class ReviewSummary:
    record: ReviewRecord


ReviewMessage = ReviewOpening | PointScreen | ActionsScreen | ReviewSummary | Notice


class ReviewAsker(Protocol):
    """How the review talks to the manager."""

    def show(self, message: ReviewMessage) -> None: ...

    def choose(self, question: str, choices: Sequence[tuple[str, str]]) -> str | None:
        """One of the choices' keys; None when input has ended."""

    def ask_line(self, question: str) -> str | None:
        """One line of text ('' for none); None when input has ended."""


def parse_day(text: str, today: date) -> date:
    """A date as YEAR-MONTH-DAY or DAY/MONTH/YEAR, today or later; ValueError with a plain message."""
    import re

    cleaned = text.strip()
    british = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", cleaned)
    try:
        day = date(int(british[3]), int(british[2]), int(british[1])) if british else date.fromisoformat(cleaned)
    except ValueError:
        raise ValueError(f"'{cleaned}' is not a date: write it as 2027-01-15 or 15/01/2027") from None
    if day < today:
        raise ValueError(f"{british_date(day)} has passed: give a date from today on")
    return day


# --- the walk ------------------------------------------------------------------------------------


class ReviewWalk:
    """One run through the checklist, saving into ``record`` as it goes."""

    def __init__(
        self,
        record: ReviewRecord,
        asker: ReviewAsker,
        save: Callable[[ReviewRecord], None],
        today: date,
        action_lines: tuple[int, ...] = (),
    ) -> None:
        self.record = record
        self.asker = asker
        self.save = save
        self.today = today
        self.action_lines = action_lines

    def run(self, *, resumed: bool = False) -> bool:
        """True when the review is finished; False when the manager stopped (what was given is saved)."""
        self.record.settle()
        self.asker.show(ReviewOpening(self.record, resumed))
        steps: tuple[Callable[[], bool], ...] = (
            lambda: self._once("reviewer", "Your name or role, for the record (press Enter to leave it out):"),
            self._points,
            self._actions,
            self._follow_up,
            lambda: self._once("feedback", "Anything else to tell the learner (press Enter to leave it out):"),
            self._finish,
        )
        return all(step() for step in steps)

    def _line(self, question: str, then: Callable[[str], None]) -> bool:
        """Ask for one line and keep it (saved at once); False when input has ended."""
        reply = self.asker.ask_line(question)
        if reply is None:
            return False
        then(reply.strip())
        self.save(self.record)
        return True

    def _once(self, field: str, question: str) -> bool:
        """Ask for the record's ``field`` (reviewer or feedback) unless it was given before."""
        if getattr(self.record, field) is not None:
            return True
        return self._line(question, lambda text: setattr(self.record, field, text))

    def _points(self) -> bool:
        return all(point.done or self._ask_point(point) for point in self.record.points)

    def _ask_point(self, point: PointReview) -> bool:
        self.asker.show(PointScreen(point, len(self.record.points)))
        if point.evidence.decided:
            point.judgement = "not met"
            self.asker.show(Notice("This point is not met: the details above must come out first.", "problem"))
        elif point.judgement is None:
            chosen = self.asker.choose(point.evidence.point.question, JUDGEMENT_CHOICES)
            if chosen is None:
                return False
            point.judgement = judgement_from(chosen)
            warning = contradiction(point)
            if warning:
                self.asker.show(Notice(f"Noted: {warning}.", "warning"))
        self.save(self.record)

        def keep(text: str) -> None:
            point.comment = text

        return self._line("A comment for the learner (press Enter to leave none):", keep)

    def _actions(self) -> bool:
        if self.record.actions is not None:
            return True
        noted: list[str] = []
        self.asker.show(ActionsScreen(self.action_lines))
        while True:
            line = self.asker.ask_line(f"Action {len(noted) + 1} (press Enter when there are no more):")
            if line is None or not line.strip():
                break
            noted.append(line.strip())
        if line is None and not noted:
            return False
        self.record.actions = noted  # kept even when input ended part-way: nothing typed is lost
        self.save(self.record)
        return line is not None

    def _follow_up(self) -> bool:
        record = self.record
        if record.follow_up is not None or not record.actions:
            return True
        offered = self.today + timedelta(days=FOLLOW_UP_DAYS)
        question = (
            f"When will you follow these up with them? A date such as {offered:%d/%m/%Y} "
            f"(press Enter for {british_date(offered)}):"
        )
        while True:
            reply = self.asker.ask_line(question)
            if reply is None:
                return False
            try:
                record.follow_up = parse_day(reply, self.today) if reply.strip() else offered
            except ValueError as problem:
                self.asker.show(Notice(str(problem), "warning"))
                continue
            self.save(record)
            return True

    def _finish(self) -> bool:
        choices = [
            ("finish", "Finish the review"),
            ("change", "Change a point"),
            ("actions", "Note the actions again"),
            ("quit", "Stop for now (the review so far is saved)"),
        ]
        while True:
            self.asker.show(ReviewSummary(self.record))
            choice = self.asker.choose("What would you like to do?", choices)
            if choice == "finish":
                self.record.finished = True
                self.save(self.record)
                return True
            if choice == "actions":
                self.record.actions = self.record.follow_up = None
                if not (self._actions() and self._follow_up()):
                    return False
                continue
            points = [(p.evidence.point.id, p.evidence.point.title) for p in self.record.points]
            picked = self.asker.choose("Which point?", points) if choice == "change" else None
            if picked is None:
                return False
            point = self.record.point(picked)
            point.judgement = point.comment = None
            if not self._ask_point(point):
                return False


def run_review(
    record: ReviewRecord,
    asker: ReviewAsker,
    save: Callable[[ReviewRecord], None],
    *,
    today: date | None = None,
    action_lines: tuple[int, ...] = (),
    resumed: bool = False,
) -> bool:
    """Walk the manager through the checklist; True once finished. Every answer is saved through ``save``.

    ``action_lines`` are the lines of the statement that say what the learner will do next,
    shown when the manager notes the actions.
    """
    return ReviewWalk(record, asker, save, today or date.today(), action_lines).run(resumed=resumed)


# --- reading YAML: an answers file, or a review file read back ----------------------------------------

_ANSWER_KEYS = {"reviewer", "actions", "follow_up", "feedback"}
_TOP_KEYS = {
    "schema", "statement", "statement_sha256", "badge", "badge_title", "level", "words", "word_rule", "reviewed",
    "finished", "outcome", "warnings", "points", "also_found", *_ANSWER_KEYS,
}  # fmt: skip


def _read(path: str, allowed: set[str]) -> tuple[FieldReader, dict[str, Any]]:
    from badgekit.badges import FieldReader
    from badgekit.errors import InvalidDataError
    from badgekit.textinput import display_name, read_text
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


# --- the review for the learner: Markdown and a web page ------------------------------------------

TEMPLATES = {"md": "review.md.j2", "html": "review.html.j2"}


def review_context(record: ReviewRecord) -> dict[str, Any]:
    """What review.md.j2 and review.html.j2 are given, as plain data (see the templates' comments)."""
    from badgekit import __version__
    from badgekit.badge_view import LIMITS_LINE

    return {
        "statement": record.statement,
        "badge": {"id": record.badge, "title": record.badge_title},
        "words": record.words,
        "word_rule": record.word_rule,
        "reviewed": british_date(record.reviewed),
        "reviewer": record.reviewer or "",
        "outcome": {"id": record.outcome(), "text": OUTCOMES[record.outcome()]},
        "points": [
            {
                "number": p.evidence.point.number,
                "title": p.evidence.point.for_learner,
                "judgement": p.judgement or "not given",
                "comment": p.comment or "",
                "found": [f.to_dict() for f in p.evidence.found],
                "context": list(p.evidence.context),
            }
            for p in record.points
        ],
        "also_found": [f.to_dict() for f in record.also_found],
        "actions": record.actions or [],
        "follow_up": british_date(record.follow_up) if record.follow_up else "",
        "feedback": record.feedback or "",
        "limits": LIMITS_LINE,
        "generator": f"badgekit {__version__}",
    }


def render_review(record: ReviewRecord, kind: str, templates_dir: Path | None = None) -> str:
    """The review for the learner: ``kind`` is "md" or "html"; the user's own template first."""
    from badgekit.render import render_template

    return render_template(TEMPLATES[kind], review_context(record), templates_dir)
