"""Reading statements: front matter, sections, words and positions."""

from __future__ import annotations

from datetime import date

import pytest

from badgekit.errors import BadgekitError, InvalidDataError
from badgekit.statement.parse import parse_statement, read_front_matter

DECLARATION = (
    "In studying and completing the activities for this badge, I confirm that all the work provided "
    "as evidence will be my own."
)

DRAFTED = f"""---
badge: leadership-across-boundaries
title: Leading and managing across boundaries
date: 2026-11-22
words: 9
level: direct-practice        # only for a framework badge
---

# Leading and managing across boundaries

## 1. identify and make good use of opportunities

I worked with the [district nurses](https://example.org/nurses) every week.

## 2. communicate clearly

We talked.

## Declaration

{DECLARATION}
"""


def test_front_matter_fields_and_their_lines() -> None:
    statement = parse_statement(DRAFTED, "s.md", declaration=DECLARATION)
    assert statement.badge_id == "leadership-across-boundaries"
    assert statement.level == "direct-practice"  # the trailing comment is not part of the value
    assert statement.declared_words == 9
    assert statement.front_matter["date"] == date(2026, 11, 22) == statement.written
    assert statement.front_matter_lines == {"badge": 2, "title": 3, "date": 4, "words": 5, "level": 6}
    assert statement.title == "Leading and managing across boundaries"


def test_words_leave_out_front_matter_headings_declaration_and_link_addresses() -> None:
    statement = parse_statement(DRAFTED, "s.md", declaration=DECLARATION)
    # "I worked with the district nurses every week." (8) + "We talked." (2)
    assert statement.words == 10
    assert [s.words for s in statement.headed_sections] == [8, 2]
    # Headings: the title (5), "1. identify and make good use of opportunities" (7),
    # "2. communicate clearly" (2) and "Declaration" (1)
    assert statement.heading_words == 15
    assert statement.declaration_found


def test_sections_keep_their_numbers_titles_and_offsets() -> None:
    statement = parse_statement(DRAFTED, "s.md")
    first, second = statement.headed_sections
    assert (first.number, first.title) == (1, "identify and make good use of opportunities")
    assert (second.number, second.title) == (2, "communicate clearly")
    assert DRAFTED[first.start :].startswith("## 1. identify")
    assert statement.declaration_section is not None and statement.declaration_section.words == 0


def test_positions_are_one_based_and_count_the_front_matter() -> None:
    statement = parse_statement(DRAFTED, "s.md")
    offset = DRAFTED.index("district")
    line, column = statement.position(offset)
    assert DRAFTED.splitlines()[line - 1][column - 1 :].startswith("district")
    assert statement.position(0) == (1, 1)
    assert statement.position(len(DRAFTED)) == (DRAFTED.count("\n") + 1, 1)


def test_masked_copies_keep_every_offset() -> None:
    statement = parse_statement(
        DRAFTED + "Mrs Smith <!-- badgekit: ignore BK301 -->\n", "s.md", declaration=DECLARATION
    )
    assert len(statement.learner) == len(statement.text) == len(statement.prose)
    assert "badge: leadership" not in statement.learner  # front matter blanked
    assert "I confirm" not in statement.learner  # the badge's own declaration blanked
    assert "badgekit: ignore" not in statement.learner
    assert "## 2. communicate" in statement.learner and "## 2." not in statement.prose
    at = statement.text.index("Mrs Smith")
    assert statement.learner[at : at + 9] == "Mrs Smith"


def test_a_declaration_wrapped_differently_is_still_found_and_not_counted() -> None:
    wrapped = DECLARATION.replace(" as ", "\nas ").replace("I confirm", "I  confirm")
    statement = parse_statement(f"My answer here.\n\n{wrapped}\n", "s.md", declaration=DECLARATION)
    assert statement.declaration_found
    assert statement.words == 3


@pytest.mark.parametrize(
    ("text", "titles"),
    [
        ("Intro\n\nBuilding trust\n--------------\n\nText.\n", ["Building trust"]),
        ("# Title\n\n**1. Working together**\n\nText.\n", ["Title", "Working together"]),
        ("# Title\n\n```\n# not a heading\n```\n", ["Title"]),
        ("Criterion 3: trust\n===\n\nText.\n", ["trust"]),
        ("No headings at all, just prose.\n", []),
    ],
)
def test_other_heading_styles(text: str, titles: list[str]) -> None:
    statement = parse_statement(text, "s.md")
    assert [s.title for s in statement.sections if s.level] == titles


def test_windows_line_endings_give_the_same_sections_and_words() -> None:
    unix = parse_statement(DRAFTED, "s.md", declaration=DECLARATION)
    windows = parse_statement(DRAFTED.replace("\n", "\r\n"), "s.md", declaration=DECLARATION)
    assert windows.words == unix.words
    assert [s.title for s in windows.sections] == [s.title for s in unix.sections]
    assert windows.badge_id == unix.badge_id


def test_front_matter_that_is_not_simple_goes_through_yaml() -> None:
    fields, lines, _ = read_front_matter("---\nbadge: 'thing-19'\nnotes:\n  - one\n---\nBody\n", "s.md")
    assert fields["badge"] == "thing-19" and fields["notes"] == ["one"]
    assert lines["notes"] == 3


def test_unclosed_front_matter_is_an_error_naming_the_file() -> None:
    with pytest.raises(BadgekitError, match="no closing") as caught:
        read_front_matter("---\nbadge: thing-19\n\nBody\n", "s.md")
    assert caught.value.path == "s.md"


def test_bad_yaml_in_front_matter_names_file_and_line() -> None:
    with pytest.raises(InvalidDataError) as caught:
        read_front_matter("---\nbadge: thing-19\nlevel: [unclosed\n---\nBody\n", "s.md")
    assert str(caught.value.problems[0]).startswith("s.md:")


def test_paragraphs_hold_words_and_skip_headings() -> None:
    statement = parse_statement("# Title\n\nFirst para\nstill first.\n\n\nSecond.\n", "s.md")
    assert [statement.text[a:b] for a, b in statement.paragraphs()] == ["First para\nstill first.", "Second."]


@pytest.mark.parametrize("other", ["title: My statement", 'title: "My statement"'])
def test_front_matter_values_are_typed_the_same_whichever_way_they_are_read(other: str) -> None:
    """A quoted value sends the front matter to the YAML reader: 0742 must stay 742 (not octal 482)."""
    text = f"---\nbadge: writing-evidence\n{other}\ndate: 2026-11-22\nwords: 0742\n---\n\nText.\n"
    statement = parse_statement(text, "s.md")
    assert statement.declared_words == 742
    assert statement.written == date(2026, 11, 22)
