"""Writing an answer in a text editor, for the interview's ``editor`` command.

The editor is the learner's own choice (``VISUAL``, then ``EDITOR``), else nano where it is
installed, with the keys that save and close it said first, since nano's own screen only shows
``^O`` and ``^X``. vi is never opened unasked: a person who has not met it cannot leave it.
With neither, the learner is told that they can paste their answer instead, and how to set
``EDITOR``.

The answer is written to a temporary file that only the learner can read, in the folder given
(the drafts folder), and the file is removed afterwards.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from badgekit.drafting.messages import DONE_WORD

#: Said when no editor is set and nano is not installed: the learner can always paste instead.
NO_EDITOR = (
    "No simple text editor was found, so none was opened. Type or paste your answer here instead, then type "
    f"{DONE_WORD} on a line of its own. To use an editor next time, install nano, or set EDITOR to one you know, "
    "for example: export EDITOR=nano"
)
#: How to save and leave nano, said before opening it.
NANO_KEYS = "When you have finished, press Ctrl-O then Enter to save, then Ctrl-X to close nano and come back here."


def default_editor() -> str | None:
    """The learner's own editor (VISUAL, then EDITOR), else nano if installed; None rather than vi."""
    for name in ("VISUAL", "EDITOR"):
        if os.environ.get(name, "").strip():
            return os.environ[name]
    if sys.platform == "win32":
        return "notepad"
    return "nano" if shutil.which("nano") else None


def opening_message(command: str) -> str:
    """What to say before opening the editor: for nano, which keys save and close it."""
    try:
        words = shlex.split(command)
    except ValueError:
        words = []
    if words and Path(words[0]).name == "nano":
        return f"Opening your answer in nano. {NANO_KEYS}"
    return f"Opening your answer in {command}. Save and close the editor to come back here."


def edit_text(text: str, command: str, scratch_dir: Path | None, say: Callable[[str, str], None]) -> str | None:
    """The text after the learner has changed it in ``command``; None (having said why) if it could not start.

    ``say(message, level)`` tells the learner something; level is info or problem.
    """
    if scratch_dir is not None:
        scratch_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    descriptor, name = tempfile.mkstemp(prefix="badgekit-answer-", suffix=".md", dir=scratch_dir)
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            handle.write(text)
        say(opening_message(command), "info")
        try:
            subprocess.run([*shlex.split(command), name], check=False)
        except (OSError, ValueError) as exc:
            say(f"Could not open the editor '{command}': {exc}", "problem")
            return None
        return Path(name).read_text(encoding="utf-8", errors="replace")
    finally:
        Path(name).unlink(missing_ok=True)
