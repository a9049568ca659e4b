"""The report's grids, laid out without Rich, are what Rich writes: byte for byte to a pipe, and to a terminal
the same text, byte for byte, each character in the same style (tests/terminal_text.py)."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import RenderableType
from rich.text import Text
from terminal_text import looks_the_same

from badgekit import console
from badgekit.badges.catalogue import load_catalogue
from badgekit.checks import all_rules
from badgekit.checks.report import Options, check_text
from badgekit.views import grid
from badgekit.views.checks import report_view
from badgekit.views.grid import Boxed, Grid
from badgekit.views.styled import rich_of

FINDINGS = (("right", "dim"), ("left", ""), ("left", "bold"), ("left", ""))
EVIDENCE = (("right", ""), ("left", ""))


def _written(renderable: RenderableType, width: int, encoding: str = "utf-8", colour: str | None = None) -> str:
    """What check writes to a pipe (or, with a ``colour`` system, a terminal) of that width and encoding."""
    looks = {
        "width": width, "color_system": colour, "force_terminal": colour is not None, "no_color": False,
        "encoding": encoding,
    }  # fmt: skip
    return console.render(looks, (renderable, {}))


def _same(ours: str, by_rich: str, colour: str | None) -> bool:
    """Byte for byte to a pipe; on a terminal, what a person sees."""
    return ours == by_rich if colour is None else looks_the_same(ours, by_rich)


PLAIN = ["a", "line", "12", "warning", "BK108", "“quoted”", "—", "…", "averyveryverylongwordindeed", "é", "", " ",
         "  ", "\u00a0", "’s", ";", "x" * 70]  # fmt: skip
#: What Rich must lay out itself: markup, characters of two cells or none, tabs, line breaks.
ODD = ["[x]", "字", "\t", "\n", "\u00ad", "e\u0301"]
WORDS = st.one_of(
    st.lists(st.sampled_from(PLAIN), max_size=30).map(" ".join),
    st.lists(st.sampled_from(PLAIN + ODD), max_size=12).map(" ".join),
)


@settings(max_examples=600, deadline=None)
@given(
    st.sampled_from([FINDINGS, EVIDENCE]),
    st.lists(st.lists(WORDS, min_size=4, max_size=4), min_size=1, max_size=4),
    st.integers(1, 140),
    st.booleans(),
    st.sampled_from([None, None, "truecolor"]),
)
def test_a_grid_is_written_as_rich_writes_it(
    columns: Sequence[tuple[grid.Justify, str]], rows: list[list[str]], width: int, as_text: bool, colour: str | None
) -> None:
    cells = [
        [Text(c) if as_text or i == len(row) - 1 else c for i, c in enumerate(row[: len(columns)])] for row in rows
    ]
    laid_out = Grid(columns, cells)
    assert _same(_written(laid_out, width, colour=colour), _written(laid_out.table(), width, colour=colour), colour)


@settings(max_examples=600, deadline=None)
@given(
    st.sampled_from(["Criterion", "Question", "[b]"]),
    st.lists(st.lists(WORDS, min_size=4, max_size=4), min_size=1, max_size=4),
    st.integers(1, 140),
    st.booleans(),
    st.sampled_from([None, None, "truecolor"]),
)
def test_a_criteria_table_is_written_as_rich_writes_it(
    kind: str, rows: list[list[str]], width: int, as_text: bool, colour: str | None
) -> None:
    columns = [("#", "right", False), (kind, "left", True), ("Evidenced", "left", False), ("Words", "right", False)]
    cells = [[Text(c) if as_text or i == 1 else c for i, c in enumerate(row)] for row in rows]
    laid_out = Boxed(columns, cells)  # type: ignore[arg-type]
    assert _same(_written(laid_out, width, colour=colour), _written(laid_out.table(), width, colour=colour), colour)


def test_an_ordinary_grid_is_laid_out_without_rich() -> None:
    # Were it always left to Rich, the test above would pass and nothing would be faster.
    rows = [("  line 12", Text("warning"), "BK108", Text("'Last spring our team…': this paragraph repeats " * 3))]
    assert Grid(FINDINGS, rows).lines(80) is not None
    criteria = [("1", Text("identify and make good use of opportunities for collaboration " * 2), Text("yes"), "984")]
    assert Boxed([("#", "right", False), ("Criterion", "left", True)] * 2, criteria).lines(80) is not None


def test_a_non_utf_output_is_left_to_rich() -> None:
    rows = [("  line 12", Text("warning"), "BK108", Text("a long message " * 10))]
    laid_out = Grid(FINDINGS, rows)
    assert _written(laid_out, 60, "cp1252") == _written(laid_out.table(), 60, "cp1252")


CATALOGUE = load_catalogue(use_cache=False)
RULES = tuple(all_rules())
#: Every rule's examples: statements that trip each rule, and statements clean of it.
EXAMPLES = [e for r in RULES for e in (*r.triggers, *r.clean)]


def _reports() -> list[object]:
    reports = []
    for example in EXAMPLES:
        try:
            reports.append(
                check_text(example.text, "statement.md", CATALOGUE, Options(badge=example.badge, rules=RULES))
            )
        except Exception:  # an example of an unreadable statement: nothing to lay out
            continue
    return reports


@pytest.mark.parametrize(
    ("width", "colour"), [(40, None), (80, None), (120, None), (80, "standard"), (100, "truecolor")]
)
def test_every_rules_example_report_is_written_as_rich_writes_it(
    width: int, colour: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    reports = _reports()
    assert len(reports) > 50
    laid_out = [_written(report_view(r), width, colour=colour) for r in reports]  # type: ignore[arg-type]
    monkeypatch.setattr(Grid, "__rich_console__", lambda self, console, options: iter([self.table()]))
    monkeypatch.setattr(Boxed, "__rich_console__", lambda self, console, options: iter([self.table()]))
    by_rich = [_written(rich_of(report_view(r)), width, colour=colour) for r in reports]  # type: ignore[arg-type]
    for ours, theirs in zip(laid_out, by_rich, strict=True):
        assert _same(ours, theirs, colour)


IDS = ["writing-evidence", "a", "x" * 30, "dementia-understanding-stress-and-distress", "[b]"]
LABELS = ["", "#1", "#12", "#123", "#1234", "#12345"]


@settings(max_examples=600, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(LABELS), st.sampled_from(IDS), st.lists(WORDS, min_size=1, max_size=3)),
        min_size=1,
        max_size=4,
    ),
    st.integers(1, 140),
    st.sampled_from([None, None, "truecolor"]),
)
def test_a_listing_is_written_as_rich_writes_it(
    rows: list[tuple[str, str, list[str]]], width: int, colour: str | None
) -> None:
    from badgekit.views.grid import Listing
    from badgekit.views.styled import Styled

    entries = []
    for label, first, lines in rows:
        rest = Styled(lines[0])
        for line in lines[1:]:
            rest.append("\n" + line, style="dim")
        entries.append((label, first, rest))
    laid_out = Listing(4, entries)
    assert _same(_written(laid_out, width, colour=colour), _written(laid_out.table(), width, colour=colour), colour)


@pytest.mark.parametrize("width", [20, 40, 60, 80, 120, 200])
@pytest.mark.parametrize("query", ["", "leadership", "dementia"])
def test_the_catalogue_listing_is_written_as_rich_writes_it(width: int, query: str) -> None:
    from badgekit.badges.lookup import matches
    from badgekit.views.badges import catalogue_listing
    from badgekit.views.grid import Listing
    from badgekit.views.styled import Stack

    badges = [b for b in CATALOGUE if matches(b, query)]
    listing = catalogue_listing(badges, CATALOGUE, "heading")
    by_rich = Stack(*(p.table() if isinstance(p, Listing) else p for p in listing.parts))
    assert _written(listing, width) == _written(by_rich, width)
    terminal = _written(listing, width, colour="256")
    assert looks_the_same(terminal, _written(rich_of(by_rich), width, colour="256"))
    if width >= 80:  # narrower, the longest ids are cut, by Rich
        assert listing.lines(width) is not None  # laid out without Rich


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.tuples(WORDS, st.integers(0, 20_000), st.integers(0, 30), st.booleans()), min_size=1, max_size=5),
    st.integers(1, 160),
    st.sampled_from([None, None, "standard"]),
)
def test_a_summary_table_is_written_as_rich_writes_it(
    rows: list[tuple[str, int, int, bool]], width: int, colour: str | None
) -> None:
    from badgekit.checks.batch import SummaryRow
    from badgekit.views.checks import summary_table

    summary = [
        SummaryRow(path, None if unreadable else "writing-evidence", words, (count, 0, count % 3))
        for path, words, count, unreadable in rows
    ]
    laid_out = summary_table(summary)
    assert _same(_written(laid_out, width, colour=colour), _written(laid_out.table(), width, colour=colour), colour)


def test_a_summary_table_is_laid_out_without_rich() -> None:
    from badgekit.checks.batch import SummaryRow
    from badgekit.views.checks import summary_table

    rows = [SummaryRow(f"drafts/statement-{index}.md", "writing-evidence", 984, (1, 2, 0)) for index in range(60)]
    assert summary_table(rows).lines(80) is not None
