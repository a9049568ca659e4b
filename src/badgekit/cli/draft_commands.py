"""``badgekit draft``: the interview, or answers from a file (``badgekit drafts`` is in drafts_commands)."""

from __future__ import annotations

import sys
from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer

from badgekit import console
from badgekit.cli.app import (
    WRITE_PANEL,
    TemplatesDirOption,
    answers_option,
    app,
    output_option,
    reporting_errors,
    settings,
)
from badgekit.cli.params import PLAIN_TEXT
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
        metavar="FOLDER",
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


def draft_store(drafts_dir: Path | None) -> DraftStore:
    from badgekit import drafts

    return drafts.DraftStore(drafts.drafts_dir(drafts_dir))


def say(message: str, *, style: str = "", to_stderr: bool = False) -> None:
    out = console.stderr() if to_stderr else console.stdout()
    with suppress(OSError):  # the terminal has gone; the answers are on disk, which is what matters
        out.print(message, style=style, markup=False, soft_wrap=True)


def _resolve_level(badge: Badge, level: str | None) -> str | None:
    """The id of the level --level names, by its id or its title in any case ("Direct Practice")."""
    from badgekit.answers_file import level_named

    if level is None:
        return None
    if not badge.levels:
        raise BadgekitError(f"'{badge.id}' has no levels, so --level does not apply to it")
    found = level_named(badge, level)
    if found is None:
        levels = ", ".join(f"{lv.id} ({lv.title})" for lv in badge.levels)
        raise BadgekitError(f"'{level}' is not a level of '{badge.id}'", hint=f"Choose one of: {levels}.")
    return found


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
    badge_id: Annotated[
        str,
        typer.Argument(metavar="ID", click_type=PLAIN_TEXT, help="A badge id or alias, as shown by 'badgekit list'."),
    ],
    answers: Annotated[
        Optional[Path],  # noqa: UP045 - Typer needs Optional on Python 3.10 here
        answers_option(
            "Answers in a YAML file, keyed by criterion number or id: write the statement without asking. "
            "'-' reads them from standard input."
        ),
    ] = None,
    output: Annotated[
        Optional[Path],  # noqa: UP045 - Typer needs Optional on Python 3.10 here
        output_option("Where to write the statement (default: ID-statement.md here); '-' prints it."),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace the statement file if it already exists.")] = False,
    fresh: Annotated[
        bool, typer.Option("--fresh", help="Start again with no answers; your saved draft is kept as a backup.")
    ] = False,
    level: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--level",
            metavar="LEVEL",
            click_type=PLAIN_TEXT,
            help="For a framework: the level you work at, by its id or its title (see 'badgekit show ID').",
            show_default=False,
        ),
    ] = None,
    interactive: InteractiveOption = False,
    drafts_dir: DraftsDirOption = None,
    templates_dir: TemplatesDirOption = None,
    docx: Annotated[
        bool, typer.Option("--docx", help="Also write the statement as a Word document beside it (ID-statement.docx).")
    ] = False,
) -> None:
    """Write your statement with a guided interview, one criterion at a time; every answer is saved as you go.

    Stop whenever you like (type quit, or press Ctrl-C) and run the same command again to carry on.
    At the end your statement is written to ID-statement.md, ready for 'badgekit check'.

    Example: [bold]badgekit draft leadership-across-boundaries[/]
    """
    from badgekit.catalogue import load_catalogue

    if docx and output is not None and str(output) == "-":
        raise typer.BadParameter("--docx writes a file beside the statement, so the statement cannot go to '-'")
    with reporting_errors():
        catalogue = load_catalogue(settings(ctx).badges_dir)
        badge = catalogue.get(badge_id)
        chosen_level = _resolve_level(badge, level)
        if answers is not None:
            _draft_from_file(badge, str(answers), chosen_level, output, force, templates_dir, docx=docx)
            return
        if not (interactive or stdin_is_terminal()):
            no_terminal = BadgekitError(
                "badgekit draft asks you questions, so it needs a terminal, and there is none here",
                hint=f"Give your answers in a file instead: badgekit draft {badge.id} --answers answers.yaml "
                "(one answer per criterion, keyed by its number or id). If this is a terminal, add --interactive.",
            )
            no_terminal.exit_code = ExitCode.USAGE  # the command needs --answers here
            raise no_terminal
        _interview(catalogue, badge, chosen_level, output, force, fresh, drafts_dir, templates_dir, docx=docx)


def _draft_from_file(
    badge: Badge,
    answers_path: str,
    level: str | None,
    output: Path | None,
    force: bool,
    templates_dir: Path | None,
    *,
    docx: bool = False,
) -> None:
    from badgekit.answers_file import answers_from_file
    from badgekit.interview_messages import counted
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
    say(f"Statement written to {path} ({counted(words, 'word')}).")
    if docx:
        _write_docx(badge, text, given.level, path, force)


def _open_draft(store: DraftStore, badge: Badge, fresh: bool, asker: Any) -> tuple[Draft, bool] | None:
    """The draft to carry on with (and whether it is resumed), a new one, or None to stop."""
    from badgekit.drafts import Draft
    from badgekit.interview_messages import counted

    new = Draft(badge=badge.id, title=badge.title)
    if fresh:
        _back_up(store, badge)  # a damaged draft is moved aside too, never read or changed
        return new, False
    existing = store.load(badge.id)
    if existing is None:
        backups = len(store.backups(badge.id))
        if backups:
            say(
                f"You have {counted(backups, 'backup')} of earlier drafts of this badge. To carry on with one "
                f"instead of starting afresh, quit now and run: badgekit drafts restore {badge.id}",
                style="dim",
            )
        return new, False
    say(
        f"You have a draft of this badge: {counted(len(existing.answers), 'answer')}, "
        f"{counted(existing.words(), 'word')}, last changed {existing.changed[:16].replace('T', ' at ')}."
    )
    if asker.confirm("Carry on with it?", default=True):
        return existing, True
    if asker.confirm("Start again with no answers? Your draft will be kept as a backup.", default=False):
        _back_up(store, badge)
        return new, False
    say("Nothing has changed. Your draft is as you left it.")
    return None


def _back_up(store: DraftStore, badge: Badge) -> None:
    backup = store.back_up(badge.id)
    if backup is not None:
        say(
            f"Your previous draft is kept as a backup: {backup}. To bring it back, run: "
            f"badgekit drafts restore {badge.id}",
            style="dim",
        )


def _interview(
    catalogue: Catalogue,
    badge: Badge,
    level: str | None,
    output: Path | None,
    force: bool,
    fresh: bool,
    drafts_dir: Path | None,
    templates_dir: Path | None,
    *,
    docx: bool = False,
) -> None:
    from badgekit.hangup import stopping_on_hangup
    from badgekit.interview import run_interview
    from badgekit.interview_messages import Outcome
    from badgekit.profile import load_profile, prerequisite_advice
    from badgekit.terminal import TerminalAsker, enable_line_editing

    if stdin_is_terminal():
        enable_line_editing()
    store = draft_store(drafts_dir)
    asker = TerminalAsker(console.stdout(), scratch_dir=store.directory)
    resume = f"badgekit draft {badge.id}" + (" --docx" if docx else "")
    try:
        with store.open_for_writing(badge.id), stopping_on_hangup():
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
        say(f"\nStopped. Everything you had given is saved. To carry on, run: {resume}", to_stderr=True)
        raise typer.Exit(int(ExitCode.INTERRUPTED)) from None
    if outcome is Outcome.QUIT:
        say(f"Your answers are saved. To carry on, run: {resume}")
        return
    _write_statement(badge, current, output, force, templates_dir, resume, docx=docx)


def _write_docx(badge: Badge, text: str, level: str | None, path: Path, force: bool) -> None:
    """The statement just written, as a Word document beside it (see badgekit.docx_writer)."""
    from badgekit.docx_writer import statement_to_docx
    from badgekit.safefile import write_new

    target = path.with_suffix(".docx")
    write_new(target, statement_to_docx(text, badge, level), force=force, private=True)
    say(f"And as a Word document in {target}, to keep editing in Word; check it with: badgekit check {target.name}")


def _write_statement(
    badge: Badge,
    current: Draft,
    output: Path | None,
    force: bool,
    templates_dir: Path | None,
    resume: str,
    *,
    docx: bool = False,
) -> None:
    from badgekit.interview_messages import counted
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
        say(f"{kept} already exists, so it was left as it is (add --force to replace it).", style="yellow")
    write_new(path, text, force=force, private=True)
    words = current.words([c.id for c in badge.criteria_for(current.level)])
    say(
        f"Your statement is in {path} ({counted(words, 'word')}). See what an assessor would say: "
        f"badgekit check {path.name}"
    )
    if docx:
        _write_docx(badge, text, current.level, path, force)
