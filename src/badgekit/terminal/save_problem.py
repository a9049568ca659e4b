"""When the draft cannot be written (a full disk): say so plainly, show the answer, and ask what to do.

The answer is still in memory, and is printed in full so that it can be copied somewhere safe
before anything else happens. The learner then tries again (after freeing some space), saves the
draft in another folder, or carries on (the next answer tries again). Asked through the
interview's own asker, so a closed window or Ctrl-C here stops as it does anywhere else.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from badgekit.drafting.saving import CARRY_ON, RETRY, SaveFailure
from badgekit.terminal import hangup

if TYPE_CHECKING:
    from rich.console import Console

    from badgekit.terminal.asker import TerminalAsker

ELSEWHERE = "elsewhere"


def show_unsaved(out: Console, texts: tuple[str, ...]) -> None:
    """Each text not on disk, in a box, so that it can be copied."""
    from rich.panel import Panel
    from rich.text import Text

    for text in texts:
        out.print(Panel(Text(text), title="Not saved yet: copy it somewhere safe", expand=False))


def ask_after_failed_save(asker: TerminalAsker, failure: SaveFailure) -> str | Path:
    with hangup.writing():
        asker.out.print()
        asker.out.print(
            f"Your draft could not be saved. {failure.path}: {failure.reason}.", style="bold red", markup=False
        )
        asker.out.print(
            "Nothing is lost yet: badgekit is keeping your answer while it is open. Here it is, so that you can "
            "copy it somewhere safe:",
            markup=False,
        )
        show_unsaved(asker.out, failure.unsaved)
    free = "free some space first: empty the bin, or delete files you do not need" if failure.disk_full else "first"
    choice = asker.choose(
        "What would you like to do?",
        [
            (RETRY, f"Try again ({free})"),
            (ELSEWHERE, "Save your draft in another folder (another disk, or a USB stick)"),
            (CARRY_ON, "Carry on for now: badgekit tries again after your next answer"),
        ],
    )
    if choice != ELSEWHERE:
        return choice or CARRY_ON
    folder = hangup.read_line(asker.read_line, "The folder to save your draft in: ").strip()
    if not folder:
        return RETRY
    chosen = Path(folder).expanduser()
    with hangup.writing():
        asker.out.print(
            f"Saving in {chosen}. To carry on from there another time, add --drafts-dir {chosen} to the command.",
            markup=False,
        )
    return chosen
