"""A cache of validated badges, so that commands start without parsing YAML.

Parsing and validating every badge file costs more than the rest of ``badgekit list``
put together (PyYAML alone takes longer to import than the command takes to run).
The cache holds each valid badge as JSON, keyed by its file's path, size and
modification time and by this module's format version; any change to a file, or to
the code that validates it, makes that entry stale. Files with problems are never
cached, so their problems are always reported. The cache is only an accelerator:
when it cannot be read or written, badgekit parses the files as it would without it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from badgekit import resources
from badgekit.badges.model import Badge
from badgekit.badges.schema import SCHEMA_VERSION

#: Bump when Badge's fields change, so that old entries are not rebuilt into the new shape.
CACHE_FORMAT = 4  # 2: Criterion.discussion; 3: Criterion.examples; 4: applications, endorsement, no_ai, read
_FILE_NAME = "catalogue.json"
_CODE_FILES = ("model.py", "parse.py", "schema.py", "cache.py")


def _code_stamp() -> list[int]:
    # A badgekit upgrade (or a developer's edit) that changes validation invalidates the cache.
    here = Path(__file__).parent
    return [CACHE_FORMAT, SCHEMA_VERSION, *((here / name).stat().st_mtime_ns for name in _CODE_FILES)]


def _file_stamp(path: Path) -> list[int]:
    stat = path.stat()
    return [stat.st_mtime_ns, stat.st_size]


class BadgeCache:
    """Badges by file, read once from disk and written back if anything changed."""

    def __init__(self, cache_dir: Path | None = None) -> None:
        self.path = (cache_dir or resources.user_cache_dir()) / _FILE_NAME
        self.entries: dict[str, Any] = {}
        self.changed = False
        self.stamp: list[int] = []
        try:
            self.stamp = _code_stamp()
            data = json.loads(self.path.read_text(encoding="utf-8"))
            if data.get("stamp") == self.stamp:
                self.entries = data["files"]
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            self.entries = {}

    def get(self, path: Path) -> Badge | None:
        entry = self.entries.get(str(path))
        try:
            if entry is None or entry["file"] != _file_stamp(path):
                return None
            return Badge.from_dict(entry["badge"])
        except (OSError, KeyError, TypeError):
            return None

    def put(self, path: Path, badge: Badge) -> None:
        try:
            data = badge.to_dict()
            self.entries[str(path)] = {"file": _file_stamp(path), "badge": data}
            self.changed = True
        except OSError:
            pass

    def save(self) -> None:
        """Write the cache atomically and owner-only; a failure only costs speed next time."""
        if not self.changed:
            return
        from badgekit.safefile import PRIVATE_FILE, PRIVATE_FOLDER, WriteError, write_atomic

        try:
            self.path.parent.mkdir(parents=True, exist_ok=True, mode=PRIVATE_FOLDER)
            write_atomic(
                self.path, json.dumps({"stamp": self.stamp, "files": self.entries}, ensure_ascii=False), PRIVATE_FILE
            )
            self.changed = False
        except (OSError, WriteError):
            pass
