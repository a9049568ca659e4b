"""``badgekit draft`` (the interview, or answers from a file) and ``badgekit drafts`` (saved drafts)."""

from __future__ import annotations

import json
import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer

from badgekit import console
from badgekit.cli.app import (
    TRACK_PANEL,
    WRITE_PANEL,
    FormatOption,
    OutputFormat,
    TemplatesDirOption,
    app,
    print_error,
    reporting_errors,
    settings,
)
from badgekit.errors import BadgekitError, ExitCode

if TYPE_CHECKING:
    from badgekit.badges import Badge
    from badgekit.catalogue import Catalogue
    from badgekit.drafts import Draft, DraftStore

DRAFTS_DIR_ENV = "BADGEKIT_DRAFTS_DIR"  # the same as badgekit.drafts.DRAFTS_DIR_ENV, without importing it

DraftsDirOption = Annotated[
    Optional[Path],  # noqa: UP045 - Typer needs Optional on Python 3.10 here
    typer.Option(
        "--drafts-dir",
        envvar=DRAFTS_DIR_ENV,
        help="The folder your drafts are saved in (normally 'drafts' in badgekit's data folder).",
        file_okay=False,
        show_default=False,
    ),
]

#: For the commands that ask questions (draft, review): ask them where badgekit cannot see a terminal.
InteractiveOption = Annotated[
    bool,
    typer.Option(
        "--interactive",
        help="Ask the questions even where badgekit cannot tell it is in a terminal (some Windows terminals).",
    ),
]


def stdin_is_terminal() -> bool:
    return sys.stdin.isatty()


def _store(drafts_dir: Path | None) -> DraftStore:
    from badgekit import drafts

    return drafts.DraftStore(drafts.drafts_dir(drafts_dir))


@contextmanager
def _closing_terminal_is_ctrl_c() -> Iterator[None]:
    """A closed terminal (SIGHUP) or a polite kill (SIGTERM) stops the interview like Ctrl-C,
    so that an answer being typed is saved too."""

    def interrupt(_signum: int, _frame: object) -> None:
        raise KeyboardInterrupt

    previous = {}
    for name in ("SIGHUP", "SIGTERM"):
        number = getattr(signal, name, None)
        if number is not None:
            previous[number] = signal.signal(number, interrupt)
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


def _say(message: str, *, style: str = "", to_stderr: bool = False) -> None:
    out = console.stderr() if to_stderr else console.stdout()
    with suppress(OSError):  # the terminal has gone; the answers are on disk, which is what matters
        out.print(message, style=style, markup=False, soft_wrap=True)


def _resolve_level(badge: Badge, level: str | None) -> str | None:
    if level is None:
        return None
    if not badge.levels:
        raise BadgekitError(f"'{badge.id}' has no levels, so --level does not apply to it")
    if badge.level(level) is None:
        raise BadgekitError(
            f"'{level}' is not a level of '{badge.id}'", hint=f"Choose one of: {', '.join(badge.level_ids())}."
        )
    return level


def _output_path(badge: Badge, output: Path | None) -> Path:
    return output if output is not None else Path.cwd() / f"{badge.id}-statement.md"


def _free_name(path: Path) -> Path:
    number = 2
    while True:
        candidate = path.with_name(f"{path.stem}-{number}{path.suffix}")
        if not candidate.exists():
            return candidate
        number += 1


@app.command(rich_help_panel=WRITE_PANEL)
def draft(
    ctx: typer.Context,
    badge_id: Annotated[str, typer.Argument(metavar="ID", help="A badge id or alias, as shown by 'badgekit list'.")],
    answers: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(
            "--answers",
            "-a",
            help="Answers in a YAML file, keyed by criterion number or id: write the statement without asking. "
            "'-' reads them from standard input.",
            dir_okay=False,
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(
            "--output",
            "-o",
            help="Where to write the statement (default: ID-statement.md here); '-' prints it.",
            dir_okay=False,
            show_default=False,
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace the statement file if it already exists.")] = False,
    fresh: Annotated[
        bool, typer.Option("--fresh", help="Start again with no answers; your saved draft is kept as a backup.")
    ] = False,
    level: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--level", help="For a framework: the level you work at (see 'badgekit show ID').", show_default=False
        ),
    ] = None,
    interactive: InteractiveOption = False,
    drafts_dir: DraftsDirOption = None,
    templates_dir: TemplatesDirOption = None,
) -> None:
    """Write your statement with a guided interview, one criterion at a time; every answer is saved as you go.

    Stop whenever you like (type quit, or press Ctrl-C) and run the same command again to carry on.
    At the end your statement is written to ID-statement.md, ready for 'badgekit check'.

    Example: [bold]badgekit draft leadership-across-boundaries[/]
    """
    from badgekit.catalogue import load_catalogue

    with reporting_errors():
        catalogue = load_catalogue(settings(ctx).badges_dir)
        badge = catalogue.get(badge_id)
        chosen_level = _resolve_level(badge, level)
        if answers is not None:
            _draft_from_file(badge, str(answers), chosen_level, output, force, templates_dir)
            return
        if not (interactive or stdin_is_terminal()):
            no_terminal = BadgekitError(
                "badgekit draft asks you questions, so it needs a terminal, and there is none here",
                hint=f"Give your answers in a file instead: badgekit draft {badge.id} --answers answers.yaml "
                "(one answer per criterion, keyed by its number or id). If this is a terminal, add --interactive.",
            )
            no_terminal.exit_code = ExitCode.USAGE  # the command needs --answers here
            raise no_terminal
        _interview(catalogue, badge, chosen_level, output, force, fresh, drafts_dir, templates_dir)


def _draft_from_file(
    badge: Badge, answers_path: str, level: str | None, output: Path | None, force: bool, templates_dir: Path | None
) -> None:
    from badgekit.answers_file import answers_from_file
    from badgekit.render import render_markdown
    from badgekit.safefile import write_new
    from badgekit.wordcount import count_words

    given = answers_from_file(answers_path, badge, level)
    text = render_markdown(
        badge, given.answers, notes=given.discussions, level=given.level, templates_dir=templates_dir
    )
    if output is not None and str(output) == "-":
        sys.stdout.write(text)
        return
    path = _output_path(badge, output)
    write_new(path, text, force=force, private=True)
    words = sum(count_words(part) for part in (*given.answers.values(), *given.discussions.values()))
    _say(f"Statement written to {path} ({words} words).")


def _open_draft(store: DraftStore, badge: Badge, fresh: bool, asker: Any) -> tuple[Draft, bool] | None:
    """The draft to carry on with (and whether it is resumed), a new one, or None to stop."""
    from badgekit.drafts import Draft

    new = Draft(badge=badge.id, title=badge.title)
    if fresh:
        backup = store.back_up(badge.id)  # a damaged draft is moved aside too, never read or changed
        if backup is not None:
            _say(f"Your previous draft is kept as a backup: {backup}", style="dim")
        return new, False
    existing = store.load(badge.id)
    if existing is None:
        return new, False
    count = len(existing.answers)
    _say(
        f"You have a draft of this badge: {count} answer{'s' if count != 1 else ''}, {existing.words()} words, "
        f"last changed {existing.changed[:16].replace('T', ' at ')}."
    )
    if asker.confirm("Carry on with it?", default=True):
        return existing, True
    if asker.confirm("Start again with no answers? Your draft will be kept as a backup.", default=False):
        backup = store.back_up(badge.id)
        _say(f"Your previous draft is kept as a backup: {backup}", style="dim")
        return new, False
    _say("Nothing has changed. Your draft is as you left it.")
    return None


def _interview(
    catalogue: Catalogue,
    badge: Badge,
    level: str | None,
    output: Path | None,
    force: bool,
    fresh: bool,
    drafts_dir: Path | None,
    templates_dir: Path | None,
) -> None:
    from badgekit.interview import run_interview
    from badgekit.interview_messages import Outcome
    from badgekit.profile import load_profile, prerequisite_advice
    from badgekit.terminal import TerminalAsker, enable_line_editing

    if stdin_is_terminal():
        enable_line_editing()
    store = _store(drafts_dir)
    asker = TerminalAsker(console.stdout(), scratch_dir=store.directory)
    resume = f"badgekit draft {badge.id}"
    try:
        with store.open_for_writing(badge.id), _closing_terminal_is_ctrl_c():
            opened = _open_draft(store, badge, fresh, asker)
            if opened is None:
                return
            current, resumed = opened
            if level is not None and current.level not in (None, level):
                raise BadgekitError(
                    f"your draft of '{badge.id}' is for the level '{current.level}', not '{level}'",
                    hint=f"Carry on without --level, or start afresh: {resume} --fresh --level {level}",
                )
            current.level = current.level or level
            profile = load_profile()
            advice = prerequisite_advice(badge, profile, catalogue)
            outcome = run_interview(
                badge,
                current,
                asker,
                store.save,
                prerequisites=advice,
                profile_hint=not profile.exists,
                resumed=resumed,
            )
    except KeyboardInterrupt:
        _say(f"\nStopped. Everything you had given is saved. To carry on, run: {resume}", to_stderr=True)
        raise typer.Exit(int(ExitCode.INTERRUPTED)) from None
    if outcome is Outcome.QUIT:
        _say(f"Your answers are saved. To carry on, run: {resume}")
        return
    _write_statement(badge, current, output, force, templates_dir, resume)


def _write_statement(
    badge: Badge, current: Draft, output: Path | None, force: bool, templates_dir: Path | None, resume: str
) -> None:
    from badgekit.render import render_markdown
    from badgekit.safefile import write_new

    answers = {cid: answer.text for cid, answer in current.answers.items()}
    notes = {cid: answer.text for cid, answer in current.discussions.items()}
    try:
        text = render_markdown(badge, answers, notes=notes, level=current.level, templates_dir=templates_dir)
    except BadgekitError as error:
        error.hint = f"Your answers are saved. Put the template right, then run {resume} and choose to write."
        raise
    if output is not None and str(output) == "-":
        sys.stdout.write(text)
        return
    path = _output_path(badge, output)
    if path.exists() and not force:
        kept = path
        path = _free_name(path)
        _say(f"{kept} already exists, so it was left as it is (add --force to replace it).", style="yellow")
    write_new(path, text, force=force, private=True)
    words = current.words([c.id for c in badge.criteria_for(current.level)])
    _say(f"Your statement is in {path} ({words} words). See what an assessor would say: badgekit check {path.name}")


# --- badgekit drafts ----------------------------------------------------------------------

drafts_app = typer.Typer(
    help="Your saved drafts.", no_args_is_help=False, rich_markup_mode="rich", add_completion=False
)
app.add_typer(drafts_app, name="drafts", rich_help_panel=TRACK_PANEL)


def _badge_or_none(catalogue: Catalogue, badge_id: str) -> Badge | None:
    return catalogue.get(badge_id) if badge_id in catalogue else None


def _criteria_of(badge: Badge | None, current: Draft) -> list[Any]:
    if badge is None:
        return []
    if badge.levels and (current.level is None or badge.level(current.level) is None):
        return []
    return list(badge.criteria_for(current.level))


def _summary(catalogue: Catalogue, current: Draft, path: Path, backups: tuple[Path, ...]) -> dict[str, Any]:
    criteria = _criteria_of(_badge_or_none(catalogue, current.badge), current)
    return {
        "badge": current.badge,
        "title": current.title,
        "level": current.level,
        "answered": sum(1 for c in criteria if current.answer(c.id)) if criteria else len(current.answers),
        "criteria": len(criteria) or None,
        "words": current.words(),
        "changed": current.changed,
        "path": str(path),
        "backups": [str(b) for b in backups],
    }


@drafts_app.callback(invoke_without_command=True)
def drafts_list(
    ctx: typer.Context, output: FormatOption = OutputFormat.text, drafts_dir: DraftsDirOption = None
) -> None:
    """List your saved drafts: the badge, answers given, words and when each last changed.

    Example: [bold]badgekit drafts[/]
    """
    if ctx.invoked_subcommand is not None:
        return
    from badgekit.catalogue import load_catalogue

    with reporting_errors():
        store = _store(drafts_dir)
        catalogue = load_catalogue(settings(ctx).badges_dir)
        entries = store.entries()
    good = [(e, _summary(catalogue, e.draft, e.path, e.backups)) for e in entries if e.draft is not None]
    damaged = [e for e in entries if e.error is not None]
    if output is OutputFormat.json:
        problems = [{"path": str(e.path), "error": e.error.error_lines() if e.error else []} for e in damaged]
        data = {"schema": 1, "drafts_dir": str(store.directory), "drafts": [s for _, s in good], "damaged": problems}
        typer.echo(json.dumps(data, indent=2, ensure_ascii=False))
    elif not entries:
        console.stdout().print(f"You have no saved drafts (in {store.directory}).", markup=False)
        console.stdout().print("Start one with: badgekit draft ID", style="dim")
    else:
        _print_drafts_table([s for _, s in good], store.directory)
    for entry in damaged:
        if entry.error is not None:
            print_error(entry.error)
    if damaged:
        raise typer.Exit(int(ExitCode.INVALID_INPUT))


def _print_drafts_table(summaries: list[dict[str, Any]], directory: Path) -> None:
    from rich.table import Table

    table = Table(title=f"Drafts in {directory}", title_justify="left")
    for column in ("badge", "title", "answers", "words", "last changed"):
        table.add_column(column)
    for s in summaries:
        answered = f"{s['answered']} of {s['criteria']}" if s["criteria"] else str(s["answered"])
        title = s["title"] + (f" ({s['level']})" if s["level"] else "")
        table.add_row(s["badge"], title, answered, str(s["words"]), s["changed"][:16].replace("T", " "))
    out = console.stdout()
    out.print(table)
    backups = sum(len(s["backups"]) for s in summaries)
    if backups:
        out.print(f"{backups} backup{'s' if backups != 1 else ''} of earlier drafts are kept in the same folder.")
    out.print("Read one with: badgekit drafts show ID", style="dim")


def _load_named(ctx: typer.Context, badge_id: str, drafts_dir: Path | None) -> tuple[Catalogue, DraftStore, Draft]:
    from badgekit.catalogue import load_catalogue

    catalogue = load_catalogue(settings(ctx).badges_dir)
    real_id = catalogue.get(badge_id).id if badge_id in catalogue else badge_id.strip().lower()
    store = _store(drafts_dir)
    current = store.load(real_id)
    if current is None:
        raise BadgekitError(f"you have no draft of '{badge_id}'", hint="Run 'badgekit drafts' to see your drafts.")
    return catalogue, store, current


@drafts_app.command("show")
def drafts_show(
    ctx: typer.Context,
    badge_id: Annotated[str, typer.Argument(metavar="ID", help="The badge id or alias of the draft.")],
    output: FormatOption = OutputFormat.text,
    drafts_dir: DraftsDirOption = None,
) -> None:
    """Show one saved draft: every criterion with your answer so far.

    Example: [bold]badgekit drafts show leadership-across-boundaries[/]
    """
    with reporting_errors():
        catalogue, store, current = _load_named(ctx, badge_id, drafts_dir)
        path = store.path_for(current.badge)
        summary = _summary(catalogue, current, path, tuple(store.backups(current.badge)))
    criteria = _criteria_of(_badge_or_none(catalogue, current.badge), current)
    known = {c.id for c in criteria}
    if output is OutputFormat.json:
        data = {
            "schema": 1,
            **summary,
            "created": current.created,
            "answers": [
                {
                    "number": c.number,
                    "id": c.id,
                    "text": c.text,
                    "answer": current.answer(c.id),
                    "words": current.answers[c.id].words if c.id in current.answers else 0,
                    "discussion": current.discussion(c.id),
                }
                for c in criteria
            ],
            "other_answers": {cid: a.text for cid, a in current.answers.items() if cid not in known},
            "earlier": {cid: [a.text for a in kept] for cid, kept in current.earlier.items()},
        }
        typer.echo(json.dumps(data, indent=2, ensure_ascii=False))
        return
    _print_draft(current, criteria, known, summary)


def _print_draft(current: Draft, criteria: list[Any], known: set[str], summary: dict[str, Any]) -> None:
    from rich.text import Text

    out = console.stdout()
    out.print(current.title, style="bold", markup=False)
    answered = f"{summary['answered']} of {summary['criteria']}" if summary["criteria"] else str(summary["answered"])
    level = f"level {current.level}; " if current.level else ""
    out.print(
        f"{level}{answered} answered, {summary['words']} words, last changed {current.changed[:16].replace('T', ' ')}",
        markup=False,
    )
    for criterion in criteria:
        out.print()
        out.print(Text(f"{criterion.number}. {criterion.text}", style="bold"))
        text = current.answer(criterion.id)
        out.print(Text(text) if text else Text("(no answer yet)", style="yellow"))
        notes = current.discussion(criterion.id)
        if notes:
            out.print(Text("Notes from your discussion:", style="dim"))
            out.print(Text(notes))
    for cid, answer in current.answers.items():
        if cid not in known:
            out.print()
            out.print(Text(f"An answer to '{cid}', which the badge no longer has:", style="yellow"))
            out.print(Text(answer.text))
    earlier = sum(len(kept) for kept in current.earlier.values())
    if earlier:
        out.print(
            f"\n{earlier} earlier version{'s' if earlier != 1 else ''} of answers you replaced are kept too: "
            "see them with --format json.",
            style="dim",
        )
    out.print(f"\nCarry on with: badgekit draft {current.badge}", style="dim")


@drafts_app.command("delete")
def drafts_delete(
    ctx: typer.Context,
    badge_id: Annotated[str, typer.Argument(metavar="ID", help="The badge id or alias of the draft.")],
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Delete without asking first.")] = False,
    drafts_dir: DraftsDirOption = None,
) -> None:
    """Delete one saved draft, after asking you first.

    Example: [bold]badgekit drafts delete leadership-across-boundaries[/]
    """
    from badgekit.terminal import TerminalAsker

    with reporting_errors():
        _catalogue, store, current = _load_named(ctx, badge_id, drafts_dir)
        question = (
            f"Delete your draft of '{current.title}' ({len(current.answers)} answers, {current.words()} words)? "
            "This cannot be undone."
        )
        if not yes and not TerminalAsker(console.stdout()).confirm(question, default=False):
            _say("Nothing was deleted.")
            return
        with store.open_for_writing(current.badge):
            path = store.delete(current.badge)
        _say(f"Deleted {path}.")
        backups = store.backups(current.badge)
        if backups:
            _say(f"{len(backups)} backup{'s' if len(backups) != 1 else ''} of it remain in {store.directory}.")
