"""Code compiled in advance (badgekit.prebuilt) is exactly the code Python compiles, and covers badgekit's own.

Two code objects compare equal only when their bytecode, constants, names and line tables are the
same, so the tests compare with what Python compiles rather than trying a few calls.
"""

from __future__ import annotations

import builtins
import dataclasses
import json
import marshal
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from badgekit import prebuilt

STORED = marshal.loads((Path(prebuilt.__file__).parent / "data" / prebuilt.TABLE_FILE).read_bytes())
FOR_THIS_PYTHON = STORED["engine"] == prebuilt.engine_version()

#: Run in a fresh Python: the method text of every dataclass badgekit's modules create, by module.
_RECORD_TEXTS = """
import builtins, dataclasses, importlib, json, pkgutil
texts = []
def recording(source, globals=None, locals=None):
    texts.append([(globals or {}).get("__name__", ""), source])
    exec(builtins.compile(source, "<string>", "exec", dont_inherit=True), globals, locals)
vars(dataclasses)["exec"] = recording
import badgekit
for module in pkgutil.walk_packages(badgekit.__path__, "badgekit."):
    importlib.import_module(module.name)
print(json.dumps(texts))
"""


@pytest.fixture
def hooked() -> Iterator[None]:
    """dataclasses as install() leaves it, and as it was afterwards; the table read again afterwards."""
    saved = prebuilt._table
    prebuilt.compiled_texts = 0
    yield
    vars(dataclasses).pop("exec", None)
    prebuilt._table = saved


def _methods(cls: type) -> dict[str, Any]:
    """The code of each method dataclasses wrote for ``cls``."""
    names = ["__init__", "__repr__", "__eq__", "__hash__", "__setattr__", "__delattr__"]
    methods = {name: vars(cls).get(name) for name in names}
    return {
        name: getattr(method, "__wrapped__", method).__code__  # __repr__ is wrapped against recursion
        for name, method in methods.items()
        if method is not None
    }


def _make() -> type:
    @dataclasses.dataclass(frozen=True)
    class Place:
        """A place in a statement."""

        line: int
        text: str = "here"
        seen: tuple[str, ...] = dataclasses.field(default=(), compare=False)

    return Place


def _assert_unused_here() -> None:
    """Under another Python than the one the table was built on (the one CI runs), the table is never used,
    and code and patterns compile as usual: what the other tests of the table check then."""
    assert prebuilt._load_table() == {}, f"data/prebuilt.bin is for {STORED['engine'][0]}, not this Python"


def test_the_table_is_used_only_by_the_python_it_is_for() -> None:
    if not FOR_THIS_PYTHON:
        _assert_unused_here()
    else:
        assert prebuilt._load_table()["code"]


def test_every_dataclass_of_badgekit_is_in_the_table() -> None:
    if not FOR_THIS_PYTHON:
        _assert_unused_here()
        return
    done = subprocess.run([sys.executable, "-c", _RECORD_TEXTS], capture_output=True, text=True, check=True)
    texts = [(module, text) for module, text in json.loads(done.stdout) if module.startswith("badgekit")]
    assert len(texts) > 200
    missing = sorted({module for module, text in texts if text not in STORED["code"]})
    assert not missing, f"run tools/build_prebuilt.py: dataclasses in {', '.join(missing)} are not in the table"


def test_each_stored_code_is_what_python_compiles() -> None:
    if not FOR_THIS_PYTHON:
        _assert_unused_here()
        return
    for text, code in STORED["code"].items():
        assert marshal.loads(code) == builtins.compile(text, "<string>", "exec", dont_inherit=True), text


def test_a_class_made_from_the_table_is_the_one_python_makes(hooked: None) -> None:
    texts: list[str] = []

    def recording(source: str, globals: dict[str, Any], locals: dict[str, Any]) -> None:
        texts.append(source)
        exec(builtins.compile(source, "<string>", "exec", dont_inherit=True), globals, locals)

    plain = _make()  # as Python makes it, with no table
    vars(dataclasses)["exec"] = recording
    _make()
    compiled = {text: builtins.compile(text, "<string>", "exec", dont_inherit=True) for text in texts}
    prebuilt._table = {"code": {text: marshal.dumps(code) for text, code in compiled.items()}}
    prebuilt.install()
    made = _make()
    assert prebuilt.compiled_texts == 0, "every method was taken from the table"
    assert _methods(made) == _methods(plain)
    assert set(_methods(made)) == {"__init__", "__repr__", "__eq__", "__hash__", "__setattr__", "__delattr__"}
    place = made(3, "there", ("a",))
    assert place == made(3, "there") and repr(place).endswith(".Place(line=3, text='there', seen=('a',))")
    with pytest.raises(dataclasses.FrozenInstanceError):
        place.line = 4  # type: ignore[misc]


def test_a_text_not_in_the_table_is_compiled_as_usual(hooked: None) -> None:
    prebuilt._table = {"code": {"not this": b""}}
    prebuilt.install()
    made = _make()
    assert prebuilt.compiled_texts == 6  # __init__, __repr__, __eq__, __setattr__, __delattr__, __hash__
    assert _methods(made) == _methods(_plain())


def _plain() -> type:
    vars(dataclasses).pop("exec", None)
    return _make()


def test_under_another_python_nothing_is_installed(monkeypatch: pytest.MonkeyPatch, hooked: None) -> None:
    monkeypatch.setattr(prebuilt, "engine_version", lambda: ["cpython-99", b"", 1, 4, 0, 0])
    prebuilt._table = None
    assert prebuilt.table() == {}
    prebuilt.install()
    assert "exec" not in vars(dataclasses)


def _declared_patterns() -> list[tuple[str, int]]:
    """Every pattern badgekit's modules declare through prebuilt.compile (importing them declares them)."""
    import importlib
    import pkgutil

    import badgekit

    for module in pkgutil.walk_packages(badgekit.__path__, "badgekit."):
        importlib.import_module(module.name)
    return list(dict.fromkeys(prebuilt.DECLARED))


DECLARED = _declared_patterns()


def test_the_patterns_are_declared() -> None:
    assert len(DECLARED) >= 50


def test_the_table_holds_every_pattern() -> None:
    if not FOR_THIS_PYTHON:
        _assert_unused_here()
        return
    missing = [source for source, flags in DECLARED if f"{flags}:{source}" not in STORED["patterns"]]
    assert not missing, f"run tools/build_prebuilt.py: {len(missing)} patterns are not in data/prebuilt.bin"


@pytest.mark.parametrize(("source", "flags"), DECLARED, ids=[source[:40] for source, _ in DECLARED])
def test_each_pattern_is_the_one_re_compiles(source: str, flags: int) -> None:
    made = prebuilt.prebuilt_pattern(source, flags)
    if FOR_THIS_PYTHON:
        assert made is not None, "run tools/build_prebuilt.py: this pattern is not in data/prebuilt.bin"
    if made is not None:
        assert made == re.compile(source, flags), "run tools/build_prebuilt.py: the stored code is stale"
        assert made.groupindex == re.compile(source, flags).groupindex
    assert prebuilt.compile(source, flags) == re.compile(source, flags)


def test_a_pattern_not_in_the_table_is_compiled_as_usual(hooked: None) -> None:
    prebuilt._table = {}  # what the table is under another Python
    assert prebuilt.prebuilt_pattern(r"(?P<word>b\w+)", 0) is None
    assert prebuilt.compile(r"(?P<word>b\w+)") == re.compile(r"(?P<word>b\w+)")


def test_code_the_engine_refuses_is_compiled_as_usual(hooked: None) -> None:
    source = r"(?P<word>b\w+)"
    prebuilt._table = {"patterns": {f"0:{source}": (32, marshal.dumps([2**31 - 1] * 4), 1, {"word": 1})}}
    assert prebuilt.prebuilt_pattern(source, 0) is None
    assert prebuilt.compile(source) == re.compile(source)


def test_each_bundled_badge_s_declaration_is_in_the_table_as_re_compiles_it() -> None:
    from badgekit.badges.catalogue import load_catalogue
    from badgekit.statement.parse import DECLARATION_FLAGS, declaration_pattern, declaration_source

    declarations = {b.declaration for b in load_catalogue(use_cache=False) if b.declaration}
    assert len(declarations) >= 2
    for declaration in declarations:
        source = declaration_source(declaration)
        made = prebuilt.prebuilt_pattern(source, int(DECLARATION_FLAGS))
        if FOR_THIS_PYTHON:
            assert made is not None, "run tools/build_prebuilt.py: a badge's declaration is not in data/prebuilt.bin"
        assert declaration_pattern(declaration) == re.compile(source, DECLARATION_FLAGS)


#: Run in a fresh Python: the patterns export's libraries compile as export sets them up, each with
#: whether the table had it, and whether what library_patterns() made is what re compiles.
_LIBRARY_PATTERNS = """
import json, re
from badgekit import prebuilt, render
from badgekit.export.markdown import markdown_parser
markdown_parser()
markdown_parser()  # a second parser takes the patterns made for the first
render.import_jinja()
asked = list(prebuilt.LIBRARY_ASKED.items())
print(json.dumps([
    [source, flags, prebuilt.prebuilt_pattern(source, flags) is not None, made == re.compile(source, flags)]
    for (source, flags), made in asked
]))
"""


def test_the_patterns_export_s_libraries_compile_are_in_the_table_as_re_compiles_them() -> None:
    # Run under two hash seeds: a pattern made from a set's members (markdown-it's terminators) is written
    # in another order in each process, so no table can hold it; it is compiled as usual, and left out here.
    runs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        found = subprocess.run(
            [sys.executable, "-c", _LIBRARY_PATTERNS], capture_output=True, text=True, check=True, env=env
        )
        runs.append(json.loads(found.stdout))
    assert all(same for run in runs for *_, same in run), "a pattern made in library_patterns() differs from re's"
    asked = [entry for entry in runs[0] if entry in runs[1]]
    assert len(asked) >= 40  # markdown-it's and Jinja's: the block is entered where they are set up
    if FOR_THIS_PYTHON:
        missing = [source for source, _flags, stored, _same in asked if not stored]
        assert not missing, f"run tools/build_prebuilt.py: {len(missing)} library patterns are not in the table"


def test_library_patterns_leaves_re_compile_as_it_was() -> None:
    before = re.compile
    with prebuilt.library_patterns():
        assert re.compile is not before
        assert re.compile(rb"b\w+") == re.compile(rb"b\w+")  # bytes: compiled by re as usual
    assert re.compile is before
