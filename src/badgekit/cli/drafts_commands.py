"""``badgekit drafts``: your saved drafts and the backups kept beside them (list, show, restore, delete)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer

from badgekit import console
from badgekit.cli.app import (
    TRACK_PANEL,
    FormatOption,
    OutputFormat,
    app,
    print_error,
    print_json,
    reporting_errors,
    settings,
)
from badgekit.cli.draft_commands import DraftsDirOption, draft_store, say
from badgekit.cli.params import PLAIN_TEXT, WholeNumber
from badgekit.errors import BadgekitError, ExitCode

if TYPE_CHECKING:
    from rich.table import Table

    from badgekit.badges.catalogue import Catalogue
    from badgekit.badges.model import Badge
    from badgekit.drafting.store import Backup, Draft, DraftStore

#: Where ``badgekit drafts --format json show ID`` leaves the options given before the subcommand.
_GIVEN_BEFORE = "badgekit.drafting.store.given_before"

DraftIdArgument = Annotated[
    str,
    typer.Argument(
        metavar="ID", click_type=PLAIN_TEXT, help="The badge id or alias of the draft, as 'badgekit drafts' lists it."
    ),
]

drafts_app = typer.Typer(no_args_is_help=False, rich_markup_mode="rich", add_completion=False)
app.add_typer(drafts_app, name="drafts", rich_help_panel=TRACK_PANEL)


def _counted(count: int, noun: str) -> str:
    from badgekit.text import counted

    return counted(count, noun)


def _when(stamp: str) -> str:
    return stamp[:16].replace("T", " ")


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
    if ctx.invoked_subcommand is not None:  # "drafts --format json show ID": the options apply to it
        ctx.meta[_GIVEN_BEFORE] = (output, drafts_dir)
        return
    from badgekit.badges.catalogue import load_catalogue

    with reporting_errors():
        store = draft_store(drafts_dir)
        catalogue = load_catalogue(settings(ctx).badges_dir)
        entries = store.entries()
        backups = store.backup_entries()
    good = [_summary(catalogue, e.draft, e.path, e.backups) for e in entries if e.draft is not None]
    damaged = [e for e in entries if e.error is not None]
    kept = [_backup_summary(catalogue, b) for b in backups]
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
        _print_lists(good, kept, store.directory, any_damaged=bool(damaged))
    for entry in damaged:
        if entry.error is not None:
            print_error(entry.error)
    if damaged:
        raise typer.Exit(int(ExitCode.INVALID_INPUT))


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
            f"--format does not apply to 'badgekit drafts {command}', which has no output for scripts",
            hint="--format json goes with 'badgekit drafts' (the list) or 'badgekit drafts show ID'.",
        )
        error.exit_code = ExitCode.USAGE
        raise error


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


def _backup_summary(catalogue: Catalogue, backup: Backup) -> dict[str, Any]:
    """A backup as the list shows it: its number (1 the newest), when it was kept, and what it holds."""
    found: dict[str, Any] = {"badge": backup.badge_id, "number": backup.number, "kept": backup.made.isoformat()}
    if backup.draft is not None:
        found.update(_summary(catalogue, backup.draft, backup.path, ()))
        del found["backups"]
    else:
        found.update({"path": str(backup.path), "error": backup.error.error_lines() if backup.error else []})
    return found


def _answered(summary: dict[str, Any]) -> str:
    return f"{summary['answered']} of {summary['criteria']}" if summary["criteria"] else str(summary["answered"])


def _print_lists(
    drafts: list[dict[str, Any]], backups: list[dict[str, Any]], directory: Path, *, any_damaged: bool
) -> None:
    from rich.table import Table

    out = console.stdout()
    if not drafts and not backups and not any_damaged:
        out.print(f"You have no saved drafts (in {directory}).", markup=False)
        out.print("Start one with: badgekit draft ID", style="dim")
        return
    if drafts:
        table = Table(title=f"Drafts in {directory}", title_justify="left")
        _badge_column(table, drafts)
        for column in ("title", "answers", "words"):
            table.add_column(column)
        table.add_column("last changed", min_width=10)  # a date, then the time below it if narrow
        for s in drafts:
            title = s["title"] + (f" ({s['level']})" if s["level"] else "")
            table.add_row(s["badge"], title, _answered(s), str(s["words"]), _when(s["changed"]))
        out.print(table)
    elif not any_damaged:
        out.print(
            f"You have no draft in progress (in {directory}), but backups of earlier ones are kept.", markup=False
        )
    if backups:
        _print_backups(backups)
    if drafts:
        out.print("Read one with: badgekit drafts show ID", style="dim")


def _badge_column(table: Table, rows: list[dict[str, Any]]) -> None:
    """The badge id in full, however narrow the terminal: it is what the learner types next."""
    table.add_column("badge", no_wrap=True, min_width=max(len(row["badge"]) for row in rows))


def _print_backups(backups: list[dict[str, Any]]) -> None:
    from rich.table import Table

    table = Table(
        title="Backups of earlier drafts (kept when you started afresh or restored another)", title_justify="left"
    )
    _badge_column(table, backups)
    table.add_column("backup")
    table.add_column("holds")  # answers and words in one column: the table fits 80 columns
    for column in ("last changed", "kept since"):
        table.add_column(column, min_width=10)  # a date, then the time below it if narrow
    for s in backups:
        kept = _when(s["kept"])
        if "error" in s:
            table.add_row(s["badge"], str(s["number"]), "cannot be read", "", kept)
        else:
            holds = f"{_answered(s)} answered, {_counted(s['words'], 'word')}"
            table.add_row(s["badge"], str(s["number"]), holds, _when(s["changed"]), kept)
    out = console.stdout()
    out.print(table)
    out.print("Bring one back with: badgekit drafts restore ID (your draft now, if any, becomes a backup)", style="dim")


# --- one draft -------------------------------------------------------------------------------------


def _real_id(catalogue: Catalogue, badge_id: str) -> str:
    return catalogue.get(badge_id).id if badge_id in catalogue else badge_id.strip().lower()


def _no_such_draft(catalogue: Catalogue, store: DraftStore, badge_id: str, real_id: str) -> BadgekitError:
    """You have no draft of this badge: say whether backups of it are kept, or which id was meant."""
    from difflib import get_close_matches

    backups = store.backups(real_id)
    if backups:
        return BadgekitError(
            f"you have no draft of '{badge_id}' now, but {_counted(len(backups), 'backup')} of earlier ones "
            f"{'is' if len(backups) == 1 else 'are'} kept",
            hint=f"Bring one back with: badgekit drafts restore {real_id}",
        )
    yours = sorted({e.badge_id for e in store.entries()} | {b.badge_id for b in store.backup_entries()})
    close = get_close_matches(real_id, yours, n=3, cutoff=0.6) or [s for s in catalogue.suggest(real_id) if s in yours]
    hint = "Run 'badgekit drafts' to see your drafts."
    if close:
        hint = "Did you mean " + " or ".join(f"'{c}'" for c in close) + "? " + hint
    return BadgekitError(f"you have no draft of '{badge_id}'", hint=hint)


def _load_named(catalogue: Catalogue, store: DraftStore, badge_id: str) -> Draft:
    real_id = _real_id(catalogue, badge_id)
    current = store.load(real_id)
    if current is None:
        raise _no_such_draft(catalogue, store, badge_id, real_id)
    return current


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
    output, drafts_dir = _given_before(ctx, output, drafts_dir)
    with reporting_errors():
        catalogue, store = _opened(ctx, drafts_dir)
        current = _load_named(catalogue, store, badge_id)
        summary = _summary(catalogue, current, store.path_for(current.badge), tuple(store.backups(current.badge)))
    criteria = _criteria_of(_badge_or_none(catalogue, current.badge), current)
    known = {c.id for c in criteria}
    if output is OutputFormat.json:
        data = {
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
            "set_aside": [a.text for a in current.set_aside],
        }
        print_json(data)
        return
    _print_draft(current, criteria, known, summary)


def _print_draft(current: Draft, criteria: list[Any], known: set[str], summary: dict[str, Any]) -> None:
    from rich.text import Text

    out = console.stdout()
    out.print(current.title, style="bold", markup=False)
    level = f"level {current.level}; " if current.level else ""
    out.print(
        f"{level}{_answered(summary)} answered, {_counted(summary['words'], 'word')}, "
        f"last changed {_when(current.changed)}",
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
    for kept in current.set_aside:
        out.print()
        out.print(
            Text(f"Typed at a question that wanted a number, {_when(kept.changed)} (kept for you):", style="yellow")
        )
        out.print(Text(kept.text))
    earlier = sum(len(kept) for kept in current.earlier.values())
    if earlier:
        out.print(
            f"\n{_counted(earlier, 'earlier version')} of answers you replaced "
            f"{'is' if earlier == 1 else 'are'} kept too: see them with --format json.",
            style="dim",
        )
    out.print(f"\nCarry on with: badgekit draft {current.badge}", style="dim")


@drafts_app.command("restore")
def drafts_restore(
    ctx: typer.Context,
    badge_id: DraftIdArgument,
    backup: Annotated[
        Optional[int],  # noqa: UP045
        typer.Option(
            "--backup",
            metavar="NUMBER",
            click_type=WholeNumber(1),
            help="Which backup, by its number in 'badgekit drafts' (1 is the newest); asked if there are several.",
            show_default=False,
        ),
    ] = None,
    drafts_dir: DraftsDirOption = None,
) -> None:
    """Bring back a backup of an earlier draft; the draft you have now, if any, is kept as a backup.

    Nothing is deleted: restoring again brings back the draft you had.

    Example: [bold]badgekit drafts restore leadership-across-boundaries[/]
    """
    with reporting_errors():
        catalogue, store = _opened(ctx, drafts_dir, without_format="restore")
        real_id = _real_id(catalogue, badge_id)
        backups = store.backup_entries(real_id)
        if not backups:
            raise BadgekitError(
                f"there are no backups of your drafts of '{badge_id}'",
                hint="A backup is kept when you start afresh with --fresh. Run 'badgekit drafts' to see what you have.",
            )
        chosen = _pick_backup(backups, backup)
        if chosen is None:
            say("Nothing was restored. Choose a backup with --backup NUMBER (see 'badgekit drafts').")
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
        f"({_counted(len(restored.answers), 'answer')}, {_counted(restored.words(), 'word')})."
    )
    if replaced is not None:
        say(f"The draft you had is kept as a backup (number 1): {replaced}", style="dim")
    say(f"Carry on with: badgekit draft {real_id}")


def _pick_backup(backups: list[Backup], number: int | None) -> Backup | None:
    """The backup --backup names, the only one, or the one the learner chooses; None if they choose none."""
    if number is not None:
        found = next((b for b in backups if b.number == number), None)
        if found is None:
            error = BadgekitError(
                f"there is no backup number {number} of this draft: there {'is' if len(backups) == 1 else 'are'} "
                f"{_counted(len(backups), 'backup')}",
                hint="Run 'badgekit drafts' to see them, numbered from 1 (the newest).",
            )
            error.exit_code = ExitCode.USAGE
            raise error
        return found
    if len(backups) == 1:
        return backups[0]
    from badgekit.terminal.asker import TerminalAsker

    choices = [(str(b.number), _describe(b)) for b in backups]
    picked = TerminalAsker(console.stdout()).choose("Which backup would you like back?", choices)
    return next((b for b in backups if str(b.number) == picked), None)


def _describe(backup: Backup) -> str:
    if backup.draft is None:
        return f"kept since {backup.made_text}: cannot be read"
    draft = backup.draft
    return (
        f"kept since {backup.made_text}: {_counted(len(draft.answers), 'answer')}, "
        f"{_counted(draft.words(), 'word')}, last changed {_when(draft.changed)}"
    )


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
    from badgekit.terminal.asker import TerminalAsker

    with reporting_errors():
        catalogue, store = _opened(ctx, drafts_dir, without_format="delete")
        current = _load_named(catalogue, store, badge_id)
        question = (
            f"Delete your draft of '{current.title}' ({_counted(len(current.answers), 'answer')}, "
            f"{_counted(current.words(), 'word')})? This cannot be undone."
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
                f"{_counted(backups, 'backup')} of earlier drafts {'is' if backups == 1 else 'are'} still kept in "
                f"{store.directory}: see them with badgekit drafts."
            )
