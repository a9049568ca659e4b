"""Rebuild ``data/patterns.bin``, the privacy patterns compiled in advance (for maintainers, never run by badgekit).

Python's ``re`` compiles a pattern mostly in Python, and the privacy patterns take about
12 ms to compile, 5 ms in a typical ``badgekit check``. This script compiles every pattern
declared through badgekit.privacy.patterns.Lazy with ``re``'s own parser and code
generator, and stores the engine's code for each, with the version of the engine it is
for; badgekit.privacy.patterns hands that code to the engine when the running Python is
the same version, and compiles as usual otherwise. Run it after changing any privacy
pattern, with the Python badgekit is released for (tests/test_privacy_patterns.py fails
until you do):

    python tools/build_patterns.py

It writes nothing but ``src/badgekit/privacy/data/patterns.bin`` and prints its checksum
for data/SOURCES.md.
"""

from __future__ import annotations

import hashlib
import importlib
import marshal
import pkgutil
import re
from pathlib import Path
from re import _compiler, _parser  # type: ignore[attr-defined]
from typing import Any

import badgekit.privacy
from badgekit.privacy import patterns

DATA = Path(__file__).resolve().parent.parent / "src" / "badgekit" / "privacy" / "data"


def declared() -> list[patterns.Lazy]:
    """Every pattern the privacy modules declare (importing them declares them)."""
    for module in pkgutil.iter_modules(badgekit.privacy.__path__):
        importlib.import_module(f"badgekit.privacy.{module.name}")
    return list(patterns.DECLARED)


def compiled(source: str, flags: int) -> tuple[int, bytes, int, dict[str, int]]:
    """What ``re.compile(source, flags)`` hands the engine: all flags, code, groups and group names."""
    parsed = _parser.parse(source, flags)
    code = [int(op) for op in _compiler._code(parsed, flags)]
    # The code is marshalled on its own, so that a check reads only the patterns it uses.
    return flags | parsed.state.flags, marshal.dumps(code, 4), parsed.state.groups - 1, dict(parsed.state.groupdict)


def table() -> dict[str, Any]:
    entries = {f"{lazy.flags}:{lazy.source}": compiled(lazy.source, lazy.flags) for lazy in declared()}
    return {"engine": patterns.engine_version(), "patterns": dict(sorted(entries.items()))}


def main() -> None:
    data = marshal.dumps(table(), 4)
    path = DATA / patterns.TABLE_FILE
    path.write_bytes(data)
    built = marshal.loads(data)
    patterns._table = None  # read the file just written
    # Checked rather than trusted: each pattern made from the file must be re.compile's own.
    for key in built["patterns"]:
        flags, source = key.split(":", 1)
        lazy = patterns.Lazy(source, int(flags))
        if lazy.get() != re.compile(source, int(flags)):
            raise SystemExit(f"the prebuilt pattern differs from re.compile's: {source!r}")
    print(f"{path.name}: {len(built['patterns'])} patterns, {len(data):,} bytes")
    print(f"sha256 {hashlib.sha256(data).hexdigest()}")
    print(f"engine {built['engine']}")


if __name__ == "__main__":
    main()
