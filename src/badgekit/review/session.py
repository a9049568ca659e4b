"""A manager's review from start to end: where it is saved, the checked statement it starts from, the copies
for the learner (Markdown and a web page, templates review.md.j2 and review.html.j2).

What ``badgekit review`` does below the command line: the CLI parses options, calls these, walks the
manager through the checklist (review/walk.py) and turns errors into exit codes.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from badgekit.errors import BadgekitError
from badgekit.invocation import program
from badgekit.review.record import OUTCOMES, ReviewRecord
from badgekit.text import british_date

if TYPE_CHECKING:
    from collections.abc import Callable

    from badgekit.badges.catalogue import Catalogue
    from badgekit.safefile import WriteError
    from badgekit.statement.parse import Statement


TEMPLATES = {"md": "review.md.j2", "html": "review.html.j2"}


def review_context(record: ReviewRecord) -> dict[str, Any]:
    """What review.md.j2 and review.html.j2 are given, as plain data (see the templates' comments)."""
    from badgekit import __version__
    from badgekit.views.badges import LIMITS_LINE

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


def statement_changed(record: ReviewRecord, review_file: Path) -> Path | None:
    """The statement a review is of, when it has changed since the review (None if not, or not found)."""
    from hashlib import sha256

    from badgekit.statement.source import read_statement

    statement = review_file.with_name(record.statement)
    if not statement.is_file():
        return None
    now = sha256(read_statement(str(statement)).text.encode("utf-8")).hexdigest()
    return statement if now != record.statement_sha256 else None


def carry_on_command(record: ReviewRecord, review_file: Path) -> str:
    """The statement as 'badgekit review' needs it named to carry on: with --badge when the file names none."""
    from badgekit.statement.source import read_statement

    statement = review_file.with_name(record.statement)
    if not statement.is_file() or read_statement(str(statement)).names_badge():
        return str(statement)
    return f"{statement} --badge {record.badge}"


def review_path(statement: str, output: Path | None) -> Path:
    from badgekit.review.record import REVIEW_SUFFIX

    if output is not None:
        return output
    if statement == "-":
        raise ValueError("give -o FILE for the review of a statement read from standard input")
    source = Path(statement)
    return source.with_name(f"{source.stem}{REVIEW_SUFFIX}")


def save_review(record: ReviewRecord, path: Path) -> None:
    from badgekit.review.record import dump_review
    from badgekit.safefile import write_private

    write_private(path, dump_review(record, path.name))


class GuardedReviewSave:
    """The ``save`` a review calls after every answer, for a disk that may be full.

    The review is written with Ctrl-C held back, so "saved" is true when it is said. When it cannot be
    written, the answers stay in memory, the manager is told once (``tell``), and the next answer tries
    again; ``failure`` says whether the review on disk is behind, so that the end of the review shows
    what is not saved instead of claiming it is.
    """

    def __init__(self, target: Path, tell: Callable[[str], None]) -> None:
        self.target = target
        self.tell = tell
        self.failure: WriteError | None = None

    def __call__(self, record: ReviewRecord) -> None:
        from badgekit.safefile import WriteError
        from badgekit.terminal.hangup import holding_interrupts

        try:
            with holding_interrupts():
                save_review(record, self.target)
        except WriteError as error:
            if self.failure is None:
                self.tell(
                    f"Your review could not be saved. {self.target}: {error.reason}. Nothing is lost: badgekit "
                    "keeps your answers and tries again after each one, so free some space if you can."
                )
            self.failure = error
            return
        if self.failure is not None:
            self.tell(f"Saved now, in {self.target}.")
        self.failure = None

    def unsaved_message(self, record: ReviewRecord) -> str:
        """What to tell the manager when stopping with the review not on disk: why, and the review itself."""
        from badgekit.review.record import dump_review

        reason = self.failure.reason if self.failure is not None else "it could not be written"
        return (
            f"Your review is NOT saved in {self.target}: {reason}. Here it is, to copy into that file once "
            f"there is space (then run the same command to carry on):\n\n{dump_review(record, self.target.name)}"
        )


@dataclass(frozen=True)
class Started:
    """A review begun or carried on, and what the manager is told about the statement first."""

    record: ReviewRecord
    resumed: bool
    statement: Statement
    again: str  # the statement as a command names it again: its file, with --badge ID when it names none
    notes: tuple[str, ...] = ()  # how the file was read, and the badge chosen when badgekit worked it out


def start_review(
    catalogue: Catalogue,
    file: str,
    target: Path,
    badge: str | None,
    level: str | None,
    allow_name: list[str] | None,
    force: bool,
    *,
    fresh: bool,
) -> Started:
    """The statement checked and a review of it: a new one, or the unfinished one saved at ``target``."""
    from badgekit.checks.registry import select_rules
    from badgekit.checks.report import Options, check_text
    from badgekit.review.checklist import LEFT_OUT
    from badgekit.review.record import carry_over, load_review, review_of
    from badgekit.statement.source import read_statement
    from badgekit.textinput import display_name

    earlier = load_review(str(target)) if target.exists() and not force else None
    if earlier is not None and (earlier.finished or fresh):
        raise BadgekitError(
            "this statement already has a review, so it was left as it is",
            path=str(target),
            hint=f"Show it with: {program()} review {target.name}   (add --force to start a new review)",
        )
    options = Options(badge, level, tuple(allow_name or ()), tuple(select_rules(ignore=list(LEFT_OUT))))
    shown = display_name(file)
    source = read_statement(file)
    report = check_text(source.text, shown, catalogue, options, source=source)
    notes = [f"note: {notice}." for notice in source.notices]
    if report.badge_reason:
        from badgekit.checks.badge_detection import Detection

        notes.append(Detection(report.badge, report.badge_reason, "").announcement("Reviewing against"))
    record = review_of(report, catalogue, Path(shown).name if file != "-" else shown)
    if earlier is not None:
        carry_over(record, earlier)
    again = f"{file}{report.badge_option()}"
    return Started(record, earlier is not None, report.statement, again, tuple(notes))


def write_copies(
    record: ReviewRecord, target: Path, *, md: bool, html: bool, force: bool, templates_dir: Path | None
) -> list[Path]:
    from badgekit.safefile import write_new

    written = []
    for kind, wanted in (("md", md), ("html", html)):
        if wanted:
            path = target.with_suffix(f".{kind}")
            write_new(path, render_review(record, kind, templates_dir), force=force, private=True)
            written.append(path)
    return written
