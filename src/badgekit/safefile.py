"""Writing files so that nothing is lost: atomically, privately, and never over something else.

``write_private`` is for the learner's own state (drafts, profile, reviews): the new
content goes to a temporary file beside the target, is flushed to disk, and is renamed
over the target, so a crash, Ctrl-C or full disk leaves either the old file or the new
one, never half of either. The file is readable by its owner only.

``write_new`` is for outputs a person asked for (statements, exports, calendars): it
refuses to replace an existing file unless ``force`` is given.

Both, and the badge cache, write through ``write_atomic``: the one place a file is replaced.
When it cannot (a full disk, a read-only folder) it raises ``WriteError`` naming the file that was
to be written, never badgekit's temporary one, and says in plain words why.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import Any

from badgekit.errors import BadgekitError

PRIVATE_FILE = 0o600
PRIVATE_FOLDER = 0o700


class WriteError(BadgekitError):
    """A file could not be written: ``errno`` says why (``disk_full`` for the commonest)."""

    def __init__(self, path: Path, error: OSError) -> None:
        self.errno = error.errno
        self.disk_full = error.errno in (errno.ENOSPC, errno.EDQUOT)
        folder = os.path.abspath(path.parent)  # "the folder ." would tell a person nothing
        if self.disk_full:
            self.reason = f"the disk is full (no space left in {folder})"
            hint = "Free some space (empty the bin, delete files you do not need), then try again."
        elif error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            self.reason = f"you do not have permission to write in the folder {folder}"
            hint = "Choose a file in a folder you can write to."
        else:
            self.reason = str(error.strerror or error)
            hint = None
        super().__init__(f"could not be saved: {self.reason}", path=str(path), hint=hint)


def write_private(path: Path, text: str | bytes) -> None:
    """Replace ``path`` with ``text`` atomically, readable by the owner only (bytes for a Word document)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=PRIVATE_FOLDER)
    except OSError as error:
        raise WriteError(path, error) from None
    write_atomic(path, text, PRIVATE_FILE, durable=True)


def write_atomic(path: Path, text: str | bytes, mode: int, *, durable: bool = False) -> None:
    """Replace ``path`` with ``text`` through a temporary file beside it, so that a reader (or a crash)
    sees the old file or the new one, never half of either. ``durable`` also waits for the disk.
    WriteError names ``path`` when it cannot be written."""
    try:
        _replace(path, text, mode, durable=durable)
    except OSError as error:
        raise WriteError(path, error) from None


def _replace(path: Path, text: str | bytes, mode: int, *, durable: bool) -> None:
    import tempfile  # with random, 1 ms of every command that only might write (check reads the profile)

    descriptor, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with _opened(descriptor, text) as handle:
            handle.write(text)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    if durable:
        _sync_folder(path.parent)


def _sync_folder(folder: Path) -> None:
    # Make the rename itself durable; not every platform or file system allows this.
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


def _opened(descriptor: int, content: str | bytes) -> Any:
    if isinstance(content, bytes):
        return os.fdopen(descriptor, "wb")
    return os.fdopen(descriptor, "w", encoding="utf-8", newline="\n")


def write_new(
    path: Path, text: str | bytes, *, force: bool = False, private: bool = False, name_option: str | None = None
) -> None:
    """Write an output file, refusing to replace an existing one unless ``force``.

    ``name_option`` is the option that names the file (``-o``), for the hint when the file
    exists; without it the hint names no option, since not every command has one.
    """
    if path.exists() and not force:
        how = f" with {name_option}" if name_option else ""
        raise BadgekitError(
            "this file already exists, so it was left as it is",
            path=str(path),
            hint=f"Choose another file name{how}, or add --force to replace it.",
        )
    if path.is_dir():
        raise BadgekitError("this is a folder, not a file", path=str(path))
    if private:
        write_private(path, text)
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise WriteError(path, error) from None
    write_atomic(path, text, 0o666 & ~_umask())


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
