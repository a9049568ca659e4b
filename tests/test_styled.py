"""The check report written without Rich is what Rich writes, and Rich is not imported: to a pipe byte for byte,
to a terminal the same text byte for byte, each character in the same style (tests/terminal_text.py)."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console
from terminal_text import looks_the_same, visible

from badgekit import console
from badgekit.badges.catalogue import load_catalogue
from badgekit.checks import all_rules
from badgekit.checks.batch import check_one
from badgekit.checks.report import FileReport, Options, check_text
from badgekit.render import render_markdown
from badgekit.views.checks import next_step, report_view
from badgekit.views.grid import Boxed, Grid
from badgekit.views.styled import Framed, Stack, Styled, plain_text, rich_of

CATALOGUE = load_catalogue(use_cache=False)
RULES = tuple(all_rules())
DOCUMENTS = Path(__file__).parent / "documents"


def _looks(width: int, colours: str | None = None, no_color: bool = False) -> dict[str, Any]:
    return {
        "width": width, "color_system": colours, "force_terminal": colours is not None, "no_color": no_color,
        "encoding": "utf-8",
    }  # fmt: skip


def _by_rich(
    width: int, *printed: tuple[object, dict[str, Any]], colours: str | None = None, no_color: bool = False
) -> str:
    """What Rich alone writes to a pipe (or a terminal with ``colours``) ``width`` wide: badgekit's views turned
    into Rich's, grids as tables."""
    page = io.StringIO()
    out = Console(
        file=page, width=width, color_system=colours, force_terminal=colours is not None, no_color=no_color,  # type: ignore[arg-type]
        highlight=False, emoji=False,
    )  # fmt: skip
    for renderable, options in printed:
        out.print(_all_rich(renderable), **options)
    return page.getvalue()


def _all_rich(part: object) -> object:
    if isinstance(part, Stack):
        from rich.console import Group

        return Group(*(_all_rich(p) for p in part.parts))
    if isinstance(part, (Grid, Boxed)):
        return part.table()
    return rich_of(part)


PLAIN = ["a", "line", "12", "warning", "BK108", "“quoted”", "—", "…", "averyveryverylongwordindeed", "é", "", " ",
         "  ", "\u00a0", "’s", ";", "━━━━", "──", "x" * 70, "[b]not markup[/b]"]  # fmt: skip
#: What Rich must lay out itself, or takes out: two cells or none, tabs, control characters; and line breaks.
ODD = ["字", "\t", "\u00ad", "e\u0301", "\r", "\x07", "\x0c", "\n"]
WORDS = st.one_of(
    st.lists(st.sampled_from(PLAIN), max_size=40).map(" ".join),
    st.lists(st.sampled_from(PLAIN + ODD), max_size=12).map(" ".join),
)
STYLES = st.sampled_from(["", "bold", "dim", "bold red", "yellow"])


@settings(max_examples=800, deadline=None)
@given(st.lists(st.tuples(WORDS, STYLES), min_size=0, max_size=4), STYLES, st.integers(1, 200))
def test_styled_text_is_written_as_rich_writes_it(parts: list[tuple[str, str]], style: str, width: int) -> None:
    text = Styled(parts[0][0] if parts else "", style=style)
    for words, part_style in parts[1:]:
        text.append(words, style=part_style)
    assert console.render(_looks(width), (text, {})) == _by_rich(width, (text, {}))


@settings(max_examples=300, deadline=None)
@given(WORDS, st.integers(1, 200))
def test_a_string_printed_without_markup_is_written_as_rich_writes_it(words: str, width: int) -> None:
    options = {"style": "bold", "markup": False}
    assert console.render(_looks(width), (words, options)) == _by_rich(width, (words, options))


@settings(max_examples=800, deadline=None)
@given(
    st.lists(st.tuples(WORDS, STYLES), min_size=0, max_size=4),
    STYLES,
    STYLES,
    st.integers(1, 200),
    st.sampled_from(["standard", "256", "truecolor"]),
    st.booleans(),
)
def test_styled_text_is_shown_on_a_terminal_as_rich_shows_it(
    parts: list[tuple[str, str]], style: str, printed_in: str, width: int, colours: str, no_color: bool
) -> None:
    text = Styled(parts[0][0] if parts else "", style=style)
    for words, part_style in parts[1:]:
        text.append(words, style=part_style)
    looks = _looks(width, colours, no_color)
    for printed in ((text, {}), (text, {"style": printed_in}), (text.plain, {"style": printed_in, "markup": False})):
        ours = console.render(looks, printed)
        assert looks_the_same(ours, _by_rich(width, printed, colours=colours, no_color=no_color))


def test_styles_joined_keep_their_places() -> None:
    joined = Styled("a", style="bold").append("bc", style="red").append("\r")
    joined.append_styled(Styled("de", style="dim").append("f", style="cyan"))
    rich = rich_of(joined)
    assert rich.plain == joined.plain == "abcdef"  # type: ignore[attr-defined]
    assert [(s.start, s.end, s.style) for s in rich.spans] == [(1, 3, "red"), (3, 6, "dim"), (5, 6, "cyan")]  # type: ignore[attr-defined]


def _reports() -> list[FileReport]:
    """Every rule's examples, a statement for every bundled badge (long criteria among them), and Word documents."""
    reports = []
    for example in (e for r in RULES for e in (*r.triggers, *r.clean)):
        try:
            options = Options(badge=example.badge, rules=RULES)
            reports.append(check_text(example.text, "statement.md", CATALOGUE, options))
        except Exception:  # an example of an unreadable statement: nothing to lay out
            continue
    for badge in CATALOGUE:
        level = badge.levels[0].id if badge.levels else None
        answers = {c.id: f"In my service I learned about point {c.number}. " * 3 for c in badge.criteria_for(level)}
        text = render_markdown(badge, answers, level=level, on=date(2026, 11, 22))
        long_path = "drafts/" + "a-rather-long-folder-name/" * 4 + f"{badge.id}.md"
        reports.append(check_text(text, long_path, CATALOGUE, Options(rules=RULES)))
    for document in sorted(DOCUMENTS.glob("*.docx")):
        outcome = check_one(str(document), None, CATALOGUE, Options(rules=RULES))
        assert isinstance(outcome, FileReport)
        reports.append(outcome)
    return reports


REPORTS = _reports()


@pytest.mark.parametrize("width", [20, 33, 40, 80, 120, 160, 250])
def test_every_kind_of_report_is_written_to_a_pipe_as_rich_writes_it(width: int) -> None:
    assert len(REPORTS) > 100
    laid_out = 0
    for report in REPORTS:
        printed = [(report_view(report), {}), (next_step(report), {"style": "bold", "markup": False})]
        written = plain_text([report_view(report), next_step(report)], width)
        laid_out += written is not None
        assert console.render(_looks(width), *printed) == _by_rich(width, *printed)
    # Were every report left to Rich, the comparison would hold and nothing would be faster.
    if width >= 80:
        assert laid_out >= len(REPORTS) * 0.9


@pytest.mark.parametrize(
    ("width", "colours", "no_color"),
    [(20, "truecolor", False), (40, "standard", False), (80, "256", False), (80, "truecolor", True),
     (120, "standard", True), (250, "truecolor", False)],
)  # fmt: skip
def test_every_kind_of_report_is_shown_on_a_terminal_as_rich_shows_it(width: int, colours: str, no_color: bool) -> None:
    laid_out = 0
    for report in REPORTS:
        printed = [(report_view(report), {}), (next_step(report), {"style": "bold", "markup": False})]
        ours = console.render(_looks(width, colours, no_color), *printed)
        by_rich = _by_rich(width, *printed, colours=colours, no_color=no_color)
        assert visible(ours) == visible(by_rich)  # what the brief promises: the text, byte for byte
        assert looks_the_same(ours, by_rich)  # and each character in the same style
        assert no_color is ("\x1b[3" not in ours)  # colours, unless NO_COLOR; bold and dim either way
        laid_out += ours != by_rich  # Rich writes a style in pieces where badgekit writes it once
    # Were every report left to Rich, the comparison would hold and nothing would be faster.
    if width >= 80:
        assert laid_out >= len(REPORTS) * 0.9


def _stdout(monkeypatch: pytest.MonkeyPatch, *, tty: bool = False, encoding: str = "utf-8") -> None:
    class Out(io.StringIO):
        @property
        def encoding(self) -> str:  # type: ignore[override]
            return encoding

        def isatty(self) -> bool:
            return tty

    monkeypatch.setattr(sys, "stdout", Out())


@pytest.mark.parametrize(
    "environ",
    [{}, {"COLUMNS": "100"}, {"COLUMNS": "0"}, {"COLUMNS": "x"}, {"NO_COLOR": "1"}, {"FORCE_COLOR": "1"},
     {"FORCE_COLOR": ""}, {"TTY_COMPATIBLE": "1"}, {"TTY_COMPATIBLE": "0"}, {"TERM": "dumb"}],
)  # fmt: skip
@pytest.mark.parametrize(("tty", "encoding"), [(False, "utf-8"), (False, "UTF-8"), (False, "cp1252"), (True, "utf-8")])
def test_standard_output_is_taken_as_plain_only_where_rich_would_write_it_plain(
    environ: dict[str, str], tty: bool, encoding: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("COLUMNS", "NO_COLOR", "FORCE_COLOR", "TTY_COMPATIBLE", "TERM"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    _stdout(monkeypatch, tty=tty, encoding=encoding)
    plain = console.plain_looks()
    if plain is not None:
        assert plain == console.looks(console.stdout())
    assert (plain is not None) is (not tty and encoding.lower() == "utf-8" and "FORCE_COLOR" not in environ
                                   and environ.get("TTY_COMPATIBLE", "") == "")  # fmt: skip


ENVIRONMENTS = [
    {}, {"COLUMNS": "100"}, {"COLUMNS": "100", "LINES": "30"}, {"COLUMNS": "0"}, {"COLUMNS": "x"}, {"LINES": "40"},
    {"NO_COLOR": "1"}, {"NO_COLOR": ""}, {"FORCE_COLOR": "1"}, {"FORCE_COLOR": ""}, {"TTY_COMPATIBLE": "1"},
    {"TTY_COMPATIBLE": "0"}, {"TTY_COMPATIBLE": "0", "FORCE_COLOR": "1"}, {"TERM": "dumb"}, {"TERM": "UNKNOWN"},
    {"TERM": "dumb", "COLUMNS": "100"}, {"TERM": "dumb", "COLUMNS": "100", "LINES": "30"}, {"TERM": "xterm"},
    {"TERM": "xterm-256color"}, {"TERM": "xterm-kitty"}, {"TERM": "rxvt-16color"}, {"TERM": "screen-256color"},
    {"TERM": "xterm", "COLORTERM": "truecolor"}, {"COLORTERM": " 24BIT "}, {"COLORTERM": "yes"},
]  # fmt: skip


@pytest.mark.parametrize("environ", ENVIRONMENTS)
@pytest.mark.parametrize(("tty", "encoding"), [(False, "utf-8"), (True, "utf-8"), (True, "UTF-8"), (True, "cp1252")])
def test_a_terminal_is_taken_to_look_as_rich_takes_it(
    environ: dict[str, str], tty: bool, encoding: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("COLUMNS", "LINES", "NO_COLOR", "FORCE_COLOR", "TTY_COMPATIBLE", "TERM", "COLORTERM"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    _stdout(monkeypatch, tty=tty, encoding=encoding)
    looks = console.terminal_looks()
    assert (looks is None) is (encoding == "cp1252")
    if looks is not None:
        assert looks == console.looks(console.stdout())


def test_a_plain_console_prints_as_rich_does(monkeypatch: pytest.MonkeyPatch) -> None:
    report = REPORTS[0]
    _stdout(monkeypatch)
    rich_out = console.stdout()
    rich_out.print(rich_of(report_view(report)))
    rich_out.print()
    rich_out.print(next_step(report), style="bold", markup=False)
    by_rich = sys.stdout.getvalue()  # type: ignore[attr-defined]
    _stdout(monkeypatch)
    plain = console.plain_stdout()
    assert plain is not None
    plain.print(report_view(report))
    plain.print()
    plain.print(next_step(report), style="bold", markup=False)
    assert sys.stdout.getvalue() == by_rich  # type: ignore[attr-defined]


def test_a_report_to_a_pipe_imports_no_rich(tmp_path: Path) -> None:
    statement = tmp_path / "s.md"
    statement.write_text(_a_statement(), encoding="utf-8")
    program = (
        "import sys\n"
        "from badgekit.cli import main\n"
        f"sys.argv = ['badgekit', 'check', {str(statement)!r}]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'rich'), file=sys.stderr)\n"
    )
    env = {**os.environ, "COLUMNS": "100"}
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, env=env, check=False)
    assert "Findings:" in done.stdout
    assert done.stderr.strip().splitlines()[-1] == "[]"


def test_a_report_to_a_terminal_imports_no_rich(tmp_path: Path) -> None:
    statement = tmp_path / "s.md"
    statement.write_text(_a_statement(), encoding="utf-8")
    program = (
        "import sys\n"
        "from badgekit.cli import main\n"
        f"sys.argv = ['badgekit', 'check', {str(statement)!r}]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'rich'), file=sys.stderr)\n"
    )
    # FORCE_COLOR makes the pipe a terminal, for Rich and for badgekit alike.
    env = {**os.environ, "COLUMNS": "100", "FORCE_COLOR": "1", "TERM": "xterm-256color"}
    env.pop("NO_COLOR", None)
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, env=env, check=False)
    assert "\x1b[1;31m" in done.stdout  # an error's severity, in bold red
    assert "Findings:" in visible(done.stdout)
    assert done.stderr.strip().splitlines()[-1] == "[]"


def _a_statement() -> str:
    badge = CATALOGUE.get("leadership-across-boundaries")
    answer = "I learned to listen first, and next time I will plan it with our partners."
    answers = {c.id: answer for c in badge.criteria}
    return render_markdown(badge, answers, on=date(2026, 11, 22))


MESSAGES = ["Saved s.html: a web page.", "note: [b]not markup[/b] here.", "tab\there", "bell\x07 and \r return",
            "two\nlines", "", "escape \x1b[31m kept", "wide 字 and “quoted” …", "x" * 300]  # fmt: skip


@pytest.mark.parametrize("tty", [False, True])
@pytest.mark.parametrize("style", [None, "yellow"])
@pytest.mark.parametrize("markup", [False, None])
def test_a_message_is_written_to_standard_error_as_rich_writes_it(
    tty: bool, style: str | None, markup: bool | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    class Err(io.StringIO):
        def isatty(self) -> bool:
            return tty

    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.delenv("TTY_COMPATIBLE", raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")
    for message in MESSAGES:
        monkeypatch.setattr(sys, "stderr", Err())
        console.stderr().print(message, style=style, markup=markup, soft_wrap=True, highlight=False)
        by_rich = sys.stderr.getvalue()  # type: ignore[attr-defined]
        monkeypatch.setattr(sys, "stderr", Err())
        messages = console.Messages()
        messages.print(message, style=style, markup=markup, soft_wrap=True, highlight=False)
        assert sys.stderr.getvalue() == by_rich  # type: ignore[attr-defined]
        if message == MESSAGES[0] and not (tty and style):
            assert messages._rich is None  # written without Rich


@settings(max_examples=500, deadline=None)
@given(st.lists(st.tuples(WORDS, STYLES), min_size=1, max_size=4), st.integers(1, 200), st.sampled_from([None, "256"]))
def test_a_frame_is_written_as_rich_writes_a_panel(
    parts: list[tuple[str, str]], width: int, colours: str | None
) -> None:
    text = Styled(parts[0][0], style=parts[0][1])
    for words, style in parts[1:]:
        text.append("\n" + words, style=style)
    framed = Framed(text)
    ours = console.render(_looks(width, colours), (framed, {}))
    by_rich = _by_rich(width, (framed, {}), colours=colours)
    assert ours == by_rich if colours is None else looks_the_same(ours, by_rich)


@pytest.mark.parametrize(("width", "colours"), [(20, None), (50, None), (80, None), (120, "truecolor"), (200, None)])
def test_every_badge_is_shown_as_rich_shows_it(width: int, colours: str | None) -> None:
    from badgekit.tracking.profile import Profile
    from badgekit.views.badges import badge_detail

    laid_out = 0
    for badge in CATALOGUE:
        for profile in (None, Profile(Path("profile.yaml"))):
            shown = badge_detail(badge, CATALOGUE, profile)
            ours = console.render(_looks(width, colours), (shown, {}))
            by_rich = _by_rich(width, (shown, {}), colours=colours)
            assert ours == by_rich if colours is None else looks_the_same(ours, by_rich)
            laid_out += shown.laid_out(width) is not None
    if width >= 50:  # were every badge left to Rich, the comparison would hold and nothing would be faster
        assert laid_out == 2 * len(CATALOGUE)


def test_a_badges_words_are_shown_as_they_are_written() -> None:
    from dataclasses import replace

    from badgekit.views.badges import badge_detail

    badge = CATALOGUE.get("leadership-across-boundaries")
    odd = replace(badge, description="A folder such as C:\\drafts\\ [b]not bold[/b] :memo: ends in \\")
    shown = plain_text([badge_detail(odd, CATALOGUE)], 200)
    assert shown is not None
    assert "A folder such as C:\\drafts\\ [b]not bold[/b] :memo: ends in \\\n" in shown  # one backslash, as written
