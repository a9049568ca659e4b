"""``badgekit drafts``: your saved drafts and the backups kept beside them (list, show, restore, delete)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from badgekit import console
from badgekit.cli.app import (
    WRITE_PANEL,
    FormatOption,
    OutputFormat,
    app,
    option,
    print_error,
    print_json,
    reporting_errors,
    settings,
)
from badgekit.cli.draft_commands import DraftsDirOption, draft_store, say
from badgekit.cli.params import PLAIN_TEXT, WholeNumber
from badgekit.errors import BadgekitError, ExitCode
from badgekit.invocation import program
from badgekit.text import counted, is_are

if TYPE_CHECKING:
    from badgekit.badges.catalogue import Catalogue
    from badgekit.drafting.store import Backup, DraftStore

#: Where ``badgekit drafts --format json show ID`` leaves the options given before the subcommand.
_GIVEN_BEFORE = "badgekit.drafting.store.given_before"

DraftIdArgument = Annotated[
    str,
    typer.Argument(
        metavar="ID", click_type=PLAIN_TEXT, help="The badge id or alias of the draft, as 'badgekit drafts' lists it."
    ),
]

drafts_app = typer.Typer(no_args_is_help=False, rich_markup_mode="rich", add_completion=False)
app.add_typer(drafts_app, name="drafts", rich_help_panel=WRITE_PANEL)


@drafts_app.callback(invoke_without_command=True)
def drafts_list(
    ctx: typer.Context, output: FormatOption = OutputFormat.text, drafts_dir: DraftsDirOption = None
) -> None:
    """List your saved drafts and the backups of earlier ones; show, restore or delete one.

    For each draft: the badge, the answers given, words and when it last changed. A backup
    is kept whenever you start afresh (badgekit draft ID --fresh) or restore another: bring
    one back with badgekit drafts restore ID.

    Example: [bold]badgekit drafts[/]
    """
    from badgekit.drafting.session import backup_summary, draft_summary
    from badgekit.views.drafts import print_lists

    if ctx.invoked_subcommand is not None:  # "drafts --format json show ID": the options apply to it
        ctx.meta[_GIVEN_BEFORE] = (output, drafts_dir)
        return
    from badgekit.badges.catalogue import load_catalogue

    with reporting_errors():
        store = draft_store(drafts_dir)
        catalogue = load_catalogue(settings(ctx).badges_dir)
        entries = store.entries()
        backups = store.backup_entries()
    good = [draft_summary(catalogue, e.draft, e.path, e.backups) for e in entries if e.draft is not None]
    damaged = [e for e in entries if e.error is not None]
    kept = [backup_summary(catalogue, b) for b in backups]
    if output is OutputFormat.json:
        problems = [{"path": str(e.path), "error": e.error.error_lines() if e.error else []} for e in damaged]
        data = {
            "drafts_dir": str(store.directory),
            "drafts": good,
            "backups": kept,
            "damaged": problems,
        }
        print_json(data)
    else:
        print_lists(good, kept, store.directory, any_damaged=bool(damaged))
        _name_the_newest_statements()
    for entry in damaged:
        if entry.error is not None:
            print_error(entry.error)
    if damaged:
        raise typer.Exit(int(ExitCode.INVALID_INPUT))


def _name_the_newest_statements() -> None:
    """Where draft wrote ID-statement-2.md, -3.md... here, which one is the newest: the one to check and send."""
    from badgekit.statement.files import several_versions

    for badge_id, (newest, count) in sorted(several_versions(Path.cwd()).items()):
        console.stdout().print(
            f"There are {count} statements for {badge_id} in this folder; the newest is {newest.name}.",
            markup=False,
            highlight=False,
            soft_wrap=True,
        )


def _given_before(
    ctx: typer.Context, output: OutputFormat, drafts_dir: Path | None
) -> tuple[OutputFormat, Path | None]:
    """The format and drafts folder for a subcommand: its own, else those given before its name."""
    before_format, before_dir = ctx.meta.get(_GIVEN_BEFORE, (OutputFormat.text, None))
    return (output if output is not OutputFormat.text else before_format), drafts_dir or before_dir


def _opened(
    ctx: typer.Context, drafts_dir: Path | None, *, without_format: str | None = None
) -> tuple[Catalogue, DraftStore]:
    """The badges and the drafts folder a subcommand works on. ``without_format`` names a
    subcommand that has no --format, so that one given before its name is refused."""
    from badgekit.badges.catalogue import load_catalogue

    if without_format is not None:
        _no_format_here(ctx, without_format)
    _, drafts_dir = _given_before(ctx, OutputFormat.text, drafts_dir)
    return load_catalogue(settings(ctx).badges_dir), draft_store(drafts_dir)


def _no_format_here(ctx: typer.Context, command: str) -> None:
    """A subcommand with no JSON output, given --format before its name: say where the option goes."""
    before_format, _dir = ctx.meta.get(_GIVEN_BEFORE, (OutputFormat.text, None))
    if before_format is not OutputFormat.text:
        error = BadgekitError(
            f"--format does not apply to '{program()} drafts {command}', which has no output for scripts",
            hint=f"--format json goes with '{program()} drafts' (the list) or '{program()} drafts show ID'.",
        )
        error.exit_code = ExitCode.USAGE
        raise error


# --- one draft -------------------------------------------------------------------------------------


@drafts_app.command("show")
def drafts_show(
    ctx: typer.Context,
    badge_id: DraftIdArgument,
    output: FormatOption = OutputFormat.text,
    drafts_dir: DraftsDirOption = None,
) -> None:
    """Show one saved draft: every criterion with your answer so far.

    Example: [bold]badgekit drafts show leadership-across-boundaries[/]
    """
    from badgekit.drafting.session import (
        badge_or_none,
        criteria_of,
        draft_detail,
        draft_summary,
        load_named,
        recover_unless_open,
        say_recovered,
    )
    from badgekit.views.drafts import print_draft

    output, drafts_dir = _given_before(ctx, output, drafts_dir)
    with reporting_errors():
        catalogue, store = _opened(ctx, drafts_dir)
        recovered = recover_unless_open(catalogue, store, badge_id)
        if recovered:
            say_recovered(recovered, to_stderr=output is OutputFormat.json)
        current = load_named(catalogue, store, badge_id)
        summary = draft_summary(catalogue, current, store.path_for(current.badge), tuple(store.backups(current.badge)))
    criteria = criteria_of(badge_or_none(catalogue, current.badge), current)
    known = {c.id for c in criteria}
    if output is OutputFormat.json:
        print_json(draft_detail(current, criteria, summary))
        return
    print_draft(current, criteria, known, summary)


@drafts_app.command("restore")
def drafts_restore(
    ctx: typer.Context,
    badge_id: DraftIdArgument,
    backup: Annotated[
        Optional[int],  # noqa: UP045
        option(
            "--backup",
            metavar="NUMBER",
            click_type=WholeNumber(1),
            help="Which backup, by its number in 'badgekit drafts' (1 is the newest); asked if there are several.",
        ),
    ] = None,
    drafts_dir: DraftsDirOption = None,
) -> None:
    """Bring back a backup of an earlier draft; the draft you have now, if any, is kept as a backup.

    Nothing is deleted: restoring again brings back the draft you had.

    Example: [bold]badgekit drafts restore leadership-across-boundaries[/]
    """
    from badgekit.drafting.session import real_id as badge_id_of

    with reporting_errors():
        catalogue, store = _opened(ctx, drafts_dir, without_format="restore")
        real_id = badge_id_of(catalogue, badge_id)
        backups = store.backup_entries(real_id)
        if not backups:
            raise BadgekitError(
                f"there are no backups of your drafts of '{badge_id}'",
                hint="A backup is kept when you start afresh with --fresh. "
                f"Run '{program()} drafts' to see what you have.",
            )
        chosen = _pick_backup(backups, backup)
        if chosen is None:
            say(f"Nothing was restored. Choose a backup with --backup NUMBER (see '{program()} drafts').")
            return
        if chosen.draft is None:
            error = chosen.error or BadgekitError("this backup cannot be read", path=str(chosen.path))
            error.hint = "It cannot be read, so it was not restored; badgekit has left the file exactly as it is."
            raise error
        with store.open_for_writing(real_id):
            replaced = store.restore(chosen)
    restored = chosen.draft
    say(
        f"Restored your draft of '{restored.title}' from the backup kept since {chosen.made_text} "
        f"({counted(len(restored.answers), 'answer')}, {counted(restored.words(), 'word')})."
    )
    if replaced is not None:
        say(f"The draft you had is kept as a backup (number 1): {replaced}", style="dim")
    say(f"Carry on with: {program()} draft {real_id}")


def _pick_backup(backups: list[Backup], number: int | None) -> Backup | None:
    """The backup --backup names, the only one, or the one the learner chooses; None if they choose none."""
    from badgekit.drafting.session import describe_backup

    if number is not None:
        found = next((b for b in backups if b.number == number), None)
        if found is None:
            error = BadgekitError(
                f"there is no backup number {number} of this draft: there {is_are(len(backups))} "
                f"{counted(len(backups), 'backup')}",
                hint=f"Run '{program()} drafts' to see them, numbered from 1 (the newest).",
            )
            error.exit_code = ExitCode.USAGE
            raise error
        return found
    if len(backups) == 1:
        return backups[0]
    from badgekit.terminal.asker import TerminalAsker

    choices = [(str(b.number), describe_backup(b)) for b in backups]
    picked = TerminalAsker(console.stdout()).choose("Which backup would you like back?", choices)
    return next((b for b in backups if str(b.number) == picked), None)


@drafts_app.command("delete")
def drafts_delete(
    ctx: typer.Context,
    badge_id: DraftIdArgument,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Delete without asking first.")] = False,
    drafts_dir: DraftsDirOption = None,
) -> None:
    """Delete one saved draft, after asking you first; its backups are kept.

    Example: [bold]badgekit drafts delete leadership-across-boundaries[/]
    """
    from badgekit.drafting.session import load_named
    from badgekit.terminal.asker import TerminalAsker

    with reporting_errors():
        catalogue, store = _opened(ctx, drafts_dir, without_format="delete")
        current = load_named(catalogue, store, badge_id)
        question = (
            f"Delete your draft of '{current.title}' ({counted(len(current.answers), 'answer')}, "
            f"{counted(current.words(), 'word')})? This cannot be undone."
        )
        if not yes and not TerminalAsker(console.stdout()).confirm(question, default=False):
            say("Nothing was deleted.")
            return
        with store.open_for_writing(current.badge):
            path = store.delete(current.badge)
        say(f"Deleted {path}.")
        backups = len(store.backups(current.badge))
        if backups:
            say(
                f"{counted(backups, 'backup')} of earlier drafts {is_are(backups)} still kept in "
                f"{store.directory}: see them with {program()} drafts."
            )
