"""How ``badgekit drafts`` shows your drafts and their backups, and one draft in full, with Rich."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from badgekit import console
from badgekit.drafting.session import answered_text, when
from badgekit.invocation import program
from badgekit.text import counted, is_are

if TYPE_CHECKING:
    from rich.table import Table

    from badgekit.drafting.store import Draft


def print_lists(
    drafts: list[dict[str, Any]], backups: list[dict[str, Any]], directory: Path, *, any_damaged: bool
) -> None:
    from rich.table import Table

    out = console.stdout()
    if not drafts and not backups and not any_damaged:
        out.print(f"You have no saved drafts (in {directory}).", markup=False)
        out.print(f"Start one with: {program()} draft ID", style="dim")
        return
    if drafts:
        table = Table(title=f"Drafts in {directory}", title_justify="left")
        _badge_column(table, drafts)
        for column in ("title", "answers", "words"):
            table.add_column(column)
        table.add_column("last changed", min_width=10)  # a date, then the time below it if narrow
        for s in drafts:
            title = s["title"] + (f" ({s['level']})" if s["level"] else "")
            table.add_row(s["badge"], title, answered_text(s), str(s["words"]), when(s["changed"]))
        out.print(table)
    elif not any_damaged:
        out.print(
            f"You have no draft in progress (in {directory}), but backups of earlier ones are kept.", markup=False
        )
    if backups:
        print_backups(backups)
    if drafts:
        out.print(f"Read one with: {program()} drafts show ID", style="dim")


def _badge_column(table: Table, rows: list[dict[str, Any]]) -> None:
    """The badge id in full, however narrow the terminal: it is what the learner types next."""
    table.add_column("badge", no_wrap=True, min_width=max(len(row["badge"]) for row in rows))


def print_backups(backups: list[dict[str, Any]]) -> None:
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
        kept = when(s["kept"])
        if "error" in s:
            table.add_row(s["badge"], str(s["number"]), "cannot be read", "", kept)
        else:
            holds = f"{answered_text(s, answered=True)}, {counted(s['words'], 'word')}"
            table.add_row(s["badge"], str(s["number"]), holds, when(s["changed"]), kept)
    out = console.stdout()
    out.print(table)
    out.print(
        f"Bring one back with: {program()} drafts restore ID (your draft now, if any, becomes a backup)", style="dim"
    )


def print_draft(current: Draft, criteria: list[Any], known: set[str], summary: dict[str, Any]) -> None:
    from rich.text import Text

    out = console.stdout()
    out.print(current.title, style="bold", markup=False)
    level = f"level {current.level}; " if current.level else ""
    out.print(
        f"{level}{answered_text(summary, answered=True)}, {counted(summary['words'], 'word')}, "
        f"last changed {when(current.changed)}",
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
            Text(f"Typed at a question that wanted a number, {when(kept.changed)} (kept for you):", style="yellow")
        )
        out.print(Text(kept.text))
    earlier = sum(len(kept) for kept in current.earlier.values())
    if earlier:
        out.print(
            f"\n{counted(earlier, 'earlier version')} of answers you replaced "
            f"{is_are(earlier)} kept too: see them with --format json.",
            style="dim",
        )
    out.print(f"\nCarry on with: {program()} draft {current.badge}", style="dim")
