"""Rebuild ``src/badgekit/data/prebuilt.bin``: dataclass methods and patterns compiled in advance (for maintainers).

badgekit.prebuilt explains what the table is for. This script imports every module of badgekit,
and the modules of the libraries it imports when a command runs (Rich, markdown-it), with
``dataclasses`` recording each method text it compiles; it collects each pattern declared through
badgekit.prebuilt.compile or as a privacy pattern (badgekit.privacy.patterns.Lazy), and each
pattern markdown-it and Jinja compile as export sets them up (badgekit.prebuilt.library_patterns);
then it compiles each text with Python's own compiler and each pattern with ``re``'s own parser
and code generator, and stores them with the version of Python they are for. Run it after
changing a dataclass or a pattern, with the Python badgekit is released for
(tests/test_prebuilt.py and tests/test_privacy_patterns.py fail until you do):

    python tools/build_prebuilt.py

It writes nothing but ``src/badgekit/data/prebuilt.bin`` and prints its checksum for
data/SOURCES.md.
"""

from __future__ import annotations

import builtins
import dataclasses
import hashlib
import importlib
import marshal
import pkgutil
import re
from pathlib import Path
from re import _compiler, _parser  # type: ignore[attr-defined]
from typing import Any

DATA = Path(__file__).resolve().parent.parent / "src" / "badgekit" / "data"

#: Libraries whose dataclasses a command creates as it runs (badgekit imports them inside functions).
LIBRARIES = ["rich.console", "rich.table", "rich.panel", "rich.progress", "markdown_it"]

texts: list[str] = []


def _recording_exec(source: Any, globals: dict[str, Any] | None = None, locals: Any = None) -> None:
    if isinstance(source, str):
        texts.append(source)
        source = builtins.compile(source, "<string>", "exec", dont_inherit=True)
    exec(source, globals, locals)


def declared() -> tuple[list[str], list[tuple[str, int]]]:
    """Every method text dataclasses compiles, and every pattern declared, while badgekit and its libraries load."""
    vars(dataclasses)["exec"] = _recording_exec
    import badgekit
    from badgekit import prebuilt, render
    from badgekit.export.markdown import markdown_parser

    # First, as export sets them up: the patterns they compile are asked for in prebuilt.library_patterns().
    markdown_parser()
    render.import_jinja()

    for module in pkgutil.walk_packages(badgekit.__path__, "badgekit."):
        importlib.import_module(module.name)
    for name in LIBRARIES:
        importlib.import_module(name)
    del vars(dataclasses)["exec"]
    from badgekit.privacy import patterns as privacy_patterns

    privacy = [(lazy.source, lazy.flags) for lazy in privacy_patterns.DECLARED]  # compiled on first use
    return list(dict.fromkeys(texts)), list(
        dict.fromkeys([*prebuilt.DECLARED, *privacy, *from_badges(), *prebuilt.LIBRARY_ASKED])
    )


def from_badges() -> list[tuple[str, int]]:
    """The patterns made from the bundled badges as badgekit runs (prebuilt.pattern): each one's declaration."""
    from badgekit import resources
    from badgekit.badges.catalogue import Catalogue
    from badgekit.statement.parse import DECLARATION_FLAGS, declaration_source

    catalogue = Catalogue()
    catalogue.load_directory(resources.bundled_criteria_dir(), bundled=True)
    declarations = sorted({badge.declaration for badge in catalogue if badge.declaration and badge.declaration.split()})
    return [(declaration_source(declaration), int(DECLARATION_FLAGS)) for declaration in declarations]


def compiled_code(text: str) -> bytes:
    """The code of a method text, as dataclasses' own exec compiles it (no __future__ flags)."""
    return marshal.dumps(builtins.compile(text, "<string>", "exec", dont_inherit=True), 4)


def compiled_pattern(source: str, flags: int) -> tuple[int, bytes, int, dict[str, int]]:
    """What ``re.compile(source, flags)`` hands the engine: all flags, code, groups and group names."""
    parsed = _parser.parse(source, flags)
    code = [int(op) for op in _compiler._code(parsed, flags)]
    # The code is marshalled on its own, so that a process reads only the patterns it uses.
    return flags | parsed.state.flags, marshal.dumps(code, 4), parsed.state.groups - 1, dict(parsed.state.groupdict)


def main() -> None:
    from badgekit import prebuilt

    methods, patterns = declared()
    stored = {
        "engine": prebuilt.engine_version(),
        "code": {text: compiled_code(text) for text in sorted(methods)},
        "patterns": {f"{flags}:{source}": compiled_pattern(source, flags) for source, flags in sorted(patterns)},
    }
    data = marshal.dumps(stored, 4)
    path = DATA / prebuilt.TABLE_FILE
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(data)
    # Checked rather than trusted: what the file gives must be what Python compiles.
    prebuilt._table = None
    table = prebuilt.table()
    for text, code in table["code"].items():
        if marshal.loads(code) != builtins.compile(text, "<string>", "exec", dont_inherit=True):
            raise SystemExit(f"the stored code differs from Python's: {text[:60]!r}")
    for source, flags in patterns:
        if prebuilt.prebuilt_pattern(source, flags) != re.compile(source, flags):
            raise SystemExit(f"the prebuilt pattern differs from re.compile's: {source!r}")
    print(f"{path.name}: {len(methods)} method texts, {len(patterns)} patterns, {len(data):,} bytes")
    print(f"sha256 {hashlib.sha256(data).hexdigest()}")
    print(f"engine {stored['engine']}")


if __name__ == "__main__":
    main()
