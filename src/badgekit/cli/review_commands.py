"""``badgekit review``: a manager's check of a statement before it is submitted, with SSSC's checklist."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from badgekit import console
from badgekit.cli.app import (
    MANAGERS_PANEL,
    AllowNameOption,
    BadgeOption,
    FormatOption,
    LevelOption,
    OutputFormat,
    TemplatesDirOption,
    answers_option,
    app,
    argument,
    output_option,
    print_json,
    reporting_errors,
    settings,
    statement_named,
)
from badgekit.cli.draft_commands import InteractiveOption, stdin_is_terminal
from badgekit.errors import BadgekitError, ExitCode
from badgekit.invocation import program

if TYPE_CHECKING:
    from badgekit.review.record import ReviewRecord
    from badgekit.review.session import GuardedReviewSave, Started

REVIEW_FILE_SUFFIXES = (".yaml", ".yml")


def _say(message: str, *, style: str = "") -> None:
    console.say(message, style=style, to_stderr=True)


_FileOption = Annotated[
    Optional[str],  # noqa: UP045 - Typer needs Optional on Python 3.10 here
    argument(
        metavar="[FILE]",
        help="The statement to review ('-' reads standard input), or a review file to show again. "
        "\\[default: your latest draft's statement here]",
        plain=True,
    ),
]

_AnswersOption = Annotated[
    Optional[Path],  # noqa: UP045 - Typer needs Optional on Python 3.10 here
    answers_option(
        "Your judgements in a YAML file, keyed by point id or number: review without questions. "
        "'-' reads them from standard input."
    ),
]

_OutputOption = Annotated[
    Optional[Path],  # noqa: UP045 - Typer needs Optional on Python 3.10 here
    output_option("Where to save the review (default: beside the statement, STATEMENT-review.yaml)."),
]

_ForceOption = Annotated[
    bool, typer.Option("--force", help="Replace a finished review, or the --md and --html copies.")
]

REVIEW_HELP = """\
Review a statement before it is submitted, point by point through SSSC's checklist for managers.

For each point you see what badgekit check found, then say whether it is met, not met or
you are not sure, with a comment for the learner. Then note the actions the learner intends
to take and when you will follow them up. Anything that could identify a person makes the
last point not met: SSSC declines such applications automatically.

The review is saved beside the statement as STATEMENT-review.yaml, readable by you only,
after every answer: stop at any point and run the same command again to carry on. Give the
review file instead of a statement to show it again; --md and --html write a copy for the
learner.

Example: [bold]badgekit review leadership-across-boundaries-statement.md --html[/]
"""


@app.command(rich_help_panel=MANAGERS_PANEL, help=REVIEW_HELP)
def review(
    ctx: typer.Context,
    file: _FileOption = None,
    answers: _AnswersOption = None,
    output: _OutputOption = None,
    md: Annotated[bool, typer.Option("--md", help="Also write the review for the learner as Markdown.")] = False,
    html: Annotated[bool, typer.Option("--html", help="Also write the review for the learner as a web page.")] = False,
    force: _ForceOption = False,
    interactive: InteractiveOption = False,
    badge: BadgeOption = None,
    level: LevelOption = None,
    allow_name: AllowNameOption = None,
    templates_dir: TemplatesDirOption = None,
    output_format: FormatOption = OutputFormat.text,
) -> None:
    from badgekit.badges.catalogue import load_catalogue
    from badgekit.locking import holding_lock, lock_for
    from badgekit.review.session import review_path, save_review, start_review

    with reporting_errors():
        file = statement_named(file, "review", "Reviewing")
        if file.endswith(REVIEW_FILE_SUFFIXES):
            _show_saved(Path(file), md=md, html=html, force=force, templates_dir=templates_dir, output=output_format)
            return
        try:
            target = review_path(file, output)
        except ValueError as problem:
            raise typer.BadParameter(str(problem)) from None
        catalogue = load_catalogue(settings(ctx).badges_dir)
        with holding_lock(
            lock_for(target),
            f"the review of {file} is open in another badgekit window",
            "Finish or quit that review first; every answer given there is already saved.",
        ):
            started = start_review(catalogue, file, target, badge, level, allow_name, force, fresh=answers is not None)
            for note in started.notes:
                _say(note)
            record = started.record
            if answers is not None:
                from badgekit.review.record import apply_answers

                for notice in apply_answers(record, str(answers)):
                    _say(f"warning: {notice}", style="yellow")
                save_review(record, target)
            elif not _walk(started, file, target, interactive, output_format):
                return
            _finished(record, target, md=md, html=html, force=force, templates_dir=templates_dir, output=output_format)


def _walk(started: Started, file: str, target: Path, interactive: bool, output: OutputFormat) -> bool:
    """Ask the manager, saving after every answer; True once the review is finished."""
    from badgekit.checks.reflection import FUTURE_ACTION
    from badgekit.review.checklist import lines_matching
    from badgekit.review.session import GuardedReviewSave
    from badgekit.review.walk import run_review
    from badgekit.terminal.asker import enable_line_editing
    from badgekit.terminal.hangup import stopping_on_hangup
    from badgekit.terminal.review_asker import ReviewTerminal

    if output is OutputFormat.json:
        raise typer.BadParameter("--format json needs --answers: the questions would mix with the JSON")
    if file == "-" or not (interactive or stdin_is_terminal()):
        no_terminal = BadgekitError(
            "badgekit review asks you questions, so it needs a terminal, and there is none here",
            hint=f"Give your judgements in a file instead: {program()} review {started.again} --answers "
            "review-answers.yaml (see the README). If this is a terminal, add --interactive.",
        )
        no_terminal.exit_code = ExitCode.USAGE
        raise no_terminal
    if stdin_is_terminal():
        enable_line_editing()
    action_lines = lines_matching(started.statement, FUTURE_ACTION)
    record, again = started.record, started.again
    save = GuardedReviewSave(target, lambda message: _say(message, style="yellow"))
    try:
        with stopping_on_hangup():  # a closed window stops the review as it stops the interview
            finished = run_review(
                record, ReviewTerminal(console.stdout()), save, action_lines=action_lines, resumed=started.resumed
            )
    except KeyboardInterrupt:
        _stop_unsaved(save, record, ExitCode.INTERRUPTED)
        _say(f"\nStopped. Your review so far is saved in {target}. To carry on, run: {program()} review {again}")
        raise typer.Exit(int(ExitCode.INTERRUPTED)) from None
    _stop_unsaved(save, record, ExitCode.INVALID_INPUT)
    if not finished:
        _say(f"Your review so far is saved in {target}. To carry on, run: {program()} review {again}")
    return finished


def _stop_unsaved(save: GuardedReviewSave, record: ReviewRecord, code: ExitCode) -> None:
    """One last try at saving; if the disk is still full, show the review so that nothing is lost, and stop."""
    if save.failure is None:
        return
    save(record)
    if save.failure is not None:
        # soft_wrap: the review is printed as written, with no line breaks added, so that a copy of it works.
        console.stderr().print(save.unsaved_message(record), markup=False, highlight=False, soft_wrap=True)
        raise typer.Exit(int(code))


def _finished(
    record: ReviewRecord, target: Path, *, md: bool, html: bool, force: bool, templates_dir: Path | None,
    output: OutputFormat,
) -> None:  # fmt: skip
    from badgekit.review.record import OUTCOMES
    from badgekit.review.session import write_copies

    written = write_copies(record, target, md=md, html=html, force=force, templates_dir=templates_dir)
    if output is OutputFormat.json:
        _print_json(record, target, written)
        return
    _say(f"Review saved in {target}. {OUTCOMES[record.outcome()]}.")
    for path in written:
        _say(f"For the learner: {path}")
    if not written:
        _say(f"To give the learner a copy: {program()} review {target.name} --html", style="dim")


def _print_json(record: ReviewRecord, target: Path, written: list[Path]) -> None:

    data = {**record.to_dict(), "review_file": str(target), "copies": [str(p) for p in written]}
    print_json(data)


def _show_saved(
    path: Path, *, md: bool, html: bool, force: bool, templates_dir: Path | None, output: OutputFormat
) -> None:
    """A saved review: shown in the terminal, as JSON, or written out for the learner."""
    from badgekit.review.record import load_review
    from badgekit.review.session import carry_on_command, statement_changed, write_copies
    from badgekit.views.review import review_view

    record = load_review(str(path))
    statement = path.with_name(record.statement)
    if statement_changed(record, path) is not None:
        _say(f"note: {statement} has changed since this review.", style="yellow")
    if not record.finished:
        again = carry_on_command(record, path)
        _say(f"note: this review is not finished. To carry on, run: {program()} review {again}", style="yellow")
    written = write_copies(record, path, md=md, html=html, force=force, templates_dir=templates_dir)
    if output is OutputFormat.json:
        _print_json(record, path, written)
        return
    if written:
        for copy in written:
            _say(f"For the learner: {copy}")
        return
    console.stdout().print(review_view(record))
