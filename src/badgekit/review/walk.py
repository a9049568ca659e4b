"""Walking a manager through SSSC's checklist, point by point, saving after every answer.

SSSC's guidance for managers (tip 5) asks a manager to check a worker's evidence before
it is submitted, to "note the actions they intend to take to develop their practice and
follow up on this", and to give feedback. ``run_review`` walks a manager through that:
for each point of the checklist (review/checklist.py) it shows what ``badgekit check``
found, asks met / not met / not sure and a comment, then asks for the learner's intended
actions, a follow-up date and any feedback. It is pure logic: an injected ``ReviewAsker``
shows and asks (terminal/review_asker.py in a terminal, a scripted one in tests), and
``save`` is called after every answer, so stopping part-way loses nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Protocol

from badgekit.drafting.messages import Notice
from badgekit.review.record import PointReview, ReviewRecord, contradiction, judgement_from, parse_day
from badgekit.text import british_date

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
        """One line of text ('' for none); None when input has ended. Ctrl-C or a closed window raises a
        KeyboardInterrupt, with the part of the line typed so far as its ``typed`` attribute when known."""


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
        """Ask for one line and keep it (saved at once); False when input has ended. Stopped part-way
        through the line (Ctrl-C, a closed window), what was typed of it is kept and saved before stopping."""
        try:
            reply = self.asker.ask_line(question)
        except KeyboardInterrupt as stop:
            typed = str(getattr(stop, "typed", "")).strip()
            if typed:
                then(typed)
                self.save(self.record)
            raise
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
            try:
                line = self.asker.ask_line(f"Action {len(noted) + 1} (press Enter when there are no more):")
            except KeyboardInterrupt as stop:  # keep the actions given, and the one being typed
                typed = str(getattr(stop, "typed", "")).strip()
                self.record.actions = [*noted, typed] if typed else noted
                self.save(self.record)
                raise
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
            f"When will you follow these up with them? A date such as {offered:%d/%m/%Y} or {offered.day} {offered:%b} "
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


# --- the review for the learner: Markdown and a web page ------------------------------------------


# --- the same review filled in at once, from a form (badgekit web) ------------------------------------


def apply_form(record: ReviewRecord, given: Mapping[str, str], today: date, *, finish: bool) -> list[str]:
    """Fill the review from a form's fields, as the walk would from the terminal; the warnings to show.

    Each point's ``ID.judgement`` (met, not met, not sure) and ``ID.comment``; ``reviewer``, ``actions``
    (one a line), ``follow_up`` (empty: six weeks from today, when there are actions) and ``feedback``.
    ``finish`` finishes the review. A date that cannot be read, or finishing while a point has no
    judgement, raises BadgekitError after everything else given is in the record, so that saving the
    record then loses nothing typed.
    """
    from badgekit.errors import BadgekitError

    problems = []
    actions = [line.strip() for line in given.get("actions", "").splitlines() if line.strip()]
    typed = given.get("follow_up", "").strip()
    follow_up = None
    try:
        follow_up = parse_day(typed, today) if typed else None
    except ValueError as problem:
        problems.append(f"{problem} (the follow-up date)")
    for point in record.points:
        key = point.evidence.point.id
        point.judgement = judgement_from(given.get(f"{key}.judgement")) or point.judgement
        point.comment = given.get(f"{key}.comment", point.comment or "").strip()
    record.reviewer = given.get("reviewer", record.reviewer or "").strip()
    record.feedback = given.get("feedback", record.feedback or "").strip()
    record.actions = actions
    record.follow_up = follow_up or (today + timedelta(days=FOLLOW_UP_DAYS) if actions and not typed else None)
    record.settle()
    missing = [str(p.evidence.point.number) for p in record.points if p.judgement is None]
    if finish and missing:
        problems.append(f"choose met, not met or not sure for point {', '.join(missing)}")
    if problems:
        raise BadgekitError(
            "the review is not finished: " + "; ".join(problems), hint="Everything else you gave is saved."
        )
    record.finished = record.finished or finish
    return record.warnings()
