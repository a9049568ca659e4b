"""One window at a time: the lock that keeps two badgekit windows from overwriting each other's work.

A draft (badgekit.drafting.store) and a review (badgekit.cli.review_commands) are each held by one
process while it asks its questions. The lock is the operating system's (``flock``), so it goes
when the process does, even after SIGKILL, and a second window is refused at once with a message
saying what to do. Windows has no such locks; there, one window at a time is up to the person.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from badgekit import resources
from badgekit.errors import BadgekitError
from badgekit.safefile import PRIVATE_FILE, PRIVATE_FOLDER


@contextmanager
def holding_lock(lock_path: Path, busy: str, hint: str) -> Iterator[None]:
    """Hold ``lock_path`` while inside; BadgekitError(busy, hint) if another process holds it."""
    try:
        import fcntl
    except ImportError:  # Windows
        yield
        return
    lock_path.parent.mkdir(parents=True, exist_ok=True, mode=PRIVATE_FOLDER)
    descriptor = os.open(lock_path, os.O_RDWR | os.O_CREAT, PRIVATE_FILE)
    try:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            raise BadgekitError(busy, hint=hint) from None
        yield
    finally:
        os.close(descriptor)


def lock_for(path: Path) -> Path:
    """Where the lock on a file outside badgekit's own folders is kept: in the data folder, named by the
    file's full path, so that nothing is added beside the person's own files."""
    digest = hashlib.sha256(str(path.resolve()).encode("utf-8")).hexdigest()[:32]
    return resources.user_data_dir() / "locks" / f"{digest}.lock"
