"""``badgekit review``: a manager's check of a statement before it is submitted, with SSSC's checklist."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from badgekit import console
from badgekit.cli.app import (
    WRITE_PANEL,
    AllowNameOption,
    BadgeOption,
    FormatOption,
    LevelOption,
    OutputFormat,
    TemplatesDirOption,
    answers_option,
    app,
    output_option,
    reporting_errors,
    settings,
)
from badgekit.cli.draft_commands import InteractiveOption, stdin_is_terminal
from badgekit.cli.params import PLAIN_TEXT
from badgekit.errors import BadgekitError, ExitCode

if TYPE_CHECKING:
    from badgekit.review_checklist import ReviewRecord
    from badgekit.statement import Statement
    from badgekit.statement_source import StatementSource

REVIEW_FILE_SUFFIXES = (".yaml", ".yml")


def _say(message: str, *, style: str = "") -> None:
    console.stderr().print(message, style=style, markup=False, highlight=False, soft_wrap=True)


def _review_path(statement: str, output: Path | None) -> Path:
    from badgekit.review_checklist import REVIEW_SUFFIX

    if output is not None:
        return output
    if statement == "-":
        raise typer.BadParameter("give -o FILE for the review of a statement read from standard input")
    source = Path(statement)
    return source.with_name(f"{source.stem}{REVIEW_SUFFIX}")


def _save(record: ReviewRecord, path: Path) -> None:
    from badgekit.review_checklist import dump_review
    from badgekit.safefile import write_private

    write_private(path, dump_review(record, path.name))


@app.command(rich_help_panel=WRITE_PANEL)
def review(
    ctx: typer.Context,
    file: Annotated[
        str,
        typer.Argument(
            metavar="FILE",
            click_type=PLAIN_TEXT,
            help="The statement to review ('-' reads standard input), or a review file to show again.",
            show_default=False,
        ),
    ],
    answers: Annotated[
        Optional[Path],  # noqa: UP045 - Typer needs Optional on Python 3.10 here
        answers_option(
            "Your judgements in a YAML file, keyed by point id or number: review without questions. "
            "'-' reads them from standard input."
        ),
    ] = None,
    output: Annotated[
        Optional[Path],  # noqa: UP045 - Typer needs Optional on Python 3.10 here
        output_option("Where to save the review (default: beside the statement, STATEMENT-review.yaml)."),
    ] = None,
    md: Annotated[bool, typer.Option("--md", help="Also write the review for the learner as Markdown.")] = False,
    html: Annotated[bool, typer.Option("--html", help="Also write the review for the learner as a web page.")] = False,
    force: Annotated[
        bool, typer.Option("--force", help="Replace a finished review, or the --md and --html copies.")
    ] = False,
    interactive: InteractiveOption = False,
    badge: BadgeOption = None,
    level: LevelOption = None,
    allow_name: AllowNameOption = None,
    templates_dir: TemplatesDirOption = None,
    output_format: FormatOption = OutputFormat.text,
) -> None:
    """Review a statement before it is submitted, point by point through SSSC's checklist for managers.

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
    with reporting_errors():
        if file.endswith(REVIEW_FILE_SUFFIXES):
            _show_saved(Path(file), md=md, html=html, force=force, templates_dir=templates_dir, output=output_format)
            return
        target = _review_path(file, output)
        record, resumed, statement, again = _start(
            ctx, file, target, badge, level, allow_name, force, fresh=answers is not None
        )
        if answers is not None:
            from badgekit.review import apply_answers

            for notice in apply_answers(record, str(answers)):
                _say(f"warning: {notice}", style="yellow")
            _save(record, target)
        elif not _walk(record, statement, file, target, resumed, interactive, output_format, again=again):
            return
        _finished(record, target, md=md, html=html, force=force, templates_dir=templates_dir, output=output_format)


def _start(
    ctx: typer.Context,
    file: str,
    target: Path,
    badge: str | None,
    level: str | None,
    allow_name: list[str] | None,
    force: bool,
    *,
    fresh: bool,
) -> tuple[ReviewRecord, bool, Statement, str]:
    """The statement checked and a review of it: a new one, or the unfinished one saved at ``target``.

    The last item is the statement as a command names it again: its file, and ``--badge ID``
    when the file does not name its badge.
    """
    from badgekit.catalogue import load_catalogue
    from badgekit.checks.registry import select_rules
    from badgekit.checks.report import Options, check_text
    from badgekit.review import load_review
    from badgekit.review_checklist import LEFT_OUT, carry_over, review_of
    from badgekit.statement_source import read_statement
    from badgekit.textinput import display_name

    earlier = load_review(str(target)) if target.exists() and not force else None
    if earlier is not None and (earlier.finished or fresh):
        raise BadgekitError(
            "this statement already has a review, so it was left as it is",
            path=str(target),
            hint=f"Show it with: badgekit review {target.name}   (add --force to start a new review)",
        )
    catalogue = load_catalogue(settings(ctx).badges_dir)
    options = Options(badge, level, tuple(allow_name or ()), tuple(select_rules(ignore=list(LEFT_OUT))))
    shown = display_name(file)
    source = read_statement(file)
    for notice in source.notices:
        _say(f"note: {notice}.")
    report = check_text(source.text, shown, catalogue, options, source=source)
    if report.badge_reason:
        from badgekit.badge_detection import Detection

        _say(Detection(report.badge, report.badge_reason, "").announcement("Reviewing against"))
    record = review_of(report, catalogue, Path(shown).name if file != "-" else shown)
    if earlier is not None:
        carry_over(record, earlier)
    return record, earlier is not None, report.statement, f"{file}{report.badge_option()}"


def _walk(
    record: ReviewRecord,
    statement: Statement,
    file: str,
    target: Path,
    resumed: bool,
    interactive: bool,
    output: OutputFormat,
    *,
    again: str,
) -> bool:
    """Ask the manager, saving after every answer; True once the review is finished.

    ``again`` is the statement as a command names it (with --badge where the file names none).
    """
    from badgekit.checks.reflection import FUTURE_ACTION
    from badgekit.review import run_review
    from badgekit.review_checklist import lines_matching
    from badgekit.review_terminal import ReviewTerminal
    from badgekit.terminal import enable_line_editing

    if output is OutputFormat.json:
        raise typer.BadParameter("--format json needs --answers: the questions would mix with the JSON")
    if file == "-" or not (interactive or stdin_is_terminal()):
        no_terminal = BadgekitError(
            "badgekit review asks you questions, so it needs a terminal, and there is none here",
            hint=f"Give your judgements in a file instead: badgekit review {again} --answers review-answers.yaml "
            "(see the README). If this is a terminal, add --interactive.",
        )
        no_terminal.exit_code = ExitCode.USAGE
        raise no_terminal
    if stdin_is_terminal():
        enable_line_editing()
    action_lines = lines_matching(statement, FUTURE_ACTION)
    try:
        finished = run_review(
            record, ReviewTerminal(console.stdout()), lambda r: _save(r, target), action_lines=action_lines,
            resumed=resumed,
        )  # fmt: skip
    except KeyboardInterrupt:
        _say(f"\nStopped. Your review so far is saved in {target}. To carry on, run: badgekit review {again}")
        raise typer.Exit(int(ExitCode.INTERRUPTED)) from None
    if not finished:
        _say(f"Your review so far is saved in {target}. To carry on, run: badgekit review {again}")
    return finished


def _finished(
    record: ReviewRecord, target: Path, *, md: bool, html: bool, force: bool, templates_dir: Path | None,
    output: OutputFormat,
) -> None:  # fmt: skip
    from badgekit.review_checklist import OUTCOMES

    written = _write_copies(record, target, md=md, html=html, force=force, templates_dir=templates_dir)
    if output is OutputFormat.json:
        _print_json(record, target, written)
        return
    _say(f"Review saved in {target}. {OUTCOMES[record.outcome()]}.")
    for path in written:
        _say(f"For the learner: {path}")
    if not written:
        _say(f"To give the learner a copy: badgekit review {target.name} --html", style="dim")


def _write_copies(
    record: ReviewRecord, target: Path, *, md: bool, html: bool, force: bool, templates_dir: Path | None
) -> list[Path]:
    from badgekit.review import render_review
    from badgekit.safefile import write_new

    written = []
    for kind, wanted in (("md", md), ("html", html)):
        if wanted:
            path = target.with_suffix(f".{kind}")
            write_new(path, render_review(record, kind, templates_dir), force=force, private=True)
            written.append(path)
    return written


def _print_json(record: ReviewRecord, target: Path, written: list[Path]) -> None:
    from badgekit.review_checklist import record_to_dict

    data = {**record_to_dict(record), "review_file": str(target), "copies": [str(p) for p in written]}
    typer.echo(json.dumps(data, indent=2, ensure_ascii=False))


def _names_badge(source: StatementSource) -> bool:
    """Whether a statement names its badge itself (front matter, or a Word document's properties)."""
    from badgekit.statement import read_front_matter

    fields, _, _ = read_front_matter(source.text, source.path)
    return bool(fields.get("badge") or source.badge)


def _show_saved(
    path: Path, *, md: bool, html: bool, force: bool, templates_dir: Path | None, output: OutputFormat
) -> None:
    """A saved review: shown in the terminal, as JSON, or written out for the learner."""
    from hashlib import sha256

    from badgekit.review import load_review
    from badgekit.review_terminal import review_view
    from badgekit.statement_source import read_statement

    record = load_review(str(path))
    statement = path.with_name(record.statement)
    source = read_statement(str(statement)) if statement.is_file() else None
    now = sha256(source.text.encode("utf-8")).hexdigest() if source is not None else None
    if now is not None and now != record.statement_sha256:
        _say(f"note: {statement} has changed since this review.", style="yellow")
    if not record.finished:
        again = f"{statement}" + ("" if source is None or _names_badge(source) else f" --badge {record.badge}")
        _say(f"note: this review is not finished. To carry on, run: badgekit review {again}", style="yellow")
    written = _write_copies(record, path, md=md, html=html, force=force, templates_dir=templates_dir)
    if output is OutputFormat.json:
        _print_json(record, path, written)
        return
    if written:
        for copy in written:
            _say(f"For the learner: {copy}")
        return
    console.stdout().print(review_view(record))
