"""Badge files: every validation problem names the file, the line and the field."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from badgekit.badges.model import WordRule
from badgekit.badges.parse import parse_badge
from badgekit.errors import InvalidDataError, Problem
from badgekit.yamldoc import parse_yaml

VALID = """\
schema_version: 1
id: my-badge
title: My badge
description: A badge for testing.
source:
  url: https://example.org/my-badge
  verified: true
criteria:
  - id: first
    text: do the first thing
  - id: second
    text: do the second thing
    min_words: 25
words:
  suggested_min: 500
  suggested_max: 1000
"""


def problems_of(text: str, path: str = "my-badge.yaml") -> list[Problem]:
    with pytest.raises(InvalidDataError) as caught:
        parse_badge(parse_yaml(textwrap.dedent(text), path))
    return list(caught.value.problems)


def only_problem(text: str) -> Problem:
    found = problems_of(text)
    assert len(found) == 1, found
    return found[0]


def test_a_valid_badge_loads_into_data() -> None:
    badge = parse_badge(parse_yaml(VALID, "my-badge.yaml"))
    assert badge.id == "my-badge"
    assert [c.number for c in badge.criteria] == [1, 2]
    assert badge.criteria[1].min_words == 25
    assert badge.words == WordRule(suggested_min=500, suggested_max=1000)
    assert badge.words.describe() == "500–1000 words suggested"


@pytest.mark.parametrize(
    ("change", "line", "field", "message"),
    [
        # an unknown key (a typo) is named, with the key it was probably meant to be
        (
            ("  - id: first\n", "  - id: first\n    prompt: [a]\n"),
            10,
            "criteria[0].prompt",
            "unknown key (did you mean 'prompts'?)",
        ),
        # a missing required field is reported at its parent
        (("    text: do the first thing\n", ""), 9, "criteria[0].text", "required"),
        # a wrong type names what was expected and what was found
        (
            ("  - id: second\n", "  - id: second\n    verified: maybe\n"),
            12,
            "criteria[1].verified",
            "should be true or false, not 'maybe'",
        ),
        (
            ("    min_words: 25\n", "    min_words: lots\n"),
            13,
            "criteria[1].min_words",
            "should be a whole number, not 'lots'",
        ),
        # a minimum above a maximum
        (
            ("  suggested_max: 1000\n", "  suggested_max: 100\n"),
            15,
            "words.suggested_min",
            "suggested_min (500) is more than suggested_max (100)",
        ),
        # duplicate criterion ids within the badge
        (("  - id: second\n", "  - id: first\n"), 11, "criteria[1].id", "criterion id 'first' is used twice"),
        # an id that is not a slug
        (
            ("id: my-badge\n", "id: My Badge\n"),
            2,
            "id",
            "'My Badge' should be lower-case letters, digits and single hyphens (for example 'leading-change')",
        ),
        # a duplicate key, which YAML itself would silently accept
        (("title: My badge\n", "title: My badge\ntitle: Again\n"), 4, "title", "this key appears twice"),
        # a prerequisite that names nothing
        (
            ("words:\n", "prerequisites:\n  - level: required\nwords:\n"),
            15,
            "prerequisites[0]",
            "names no badge: give 'badge:' (an id) or 'name:' (a badge's title)",
        ),
    ],
)
def test_each_problem_names_file_line_and_field(change: tuple[str, str], line: int, field: str, message: str) -> None:
    old, new = change
    assert old in VALID
    problem = only_problem(VALID.replace(old, new, 1))
    assert problem.path == "my-badge.yaml"
    assert (problem.line, problem.field, problem.message) == (line, field, message)
    assert str(problem) == f"my-badge.yaml:{line}: {field}: {message}"


def test_hard_minimum_above_hard_maximum() -> None:
    problem = only_problem(VALID + "  minimum: 900\n  maximum: 450\n")
    assert str(problem) == "my-badge.yaml:17: words.minimum: minimum (900) is more than maximum (450)"


def test_every_problem_in_a_file_is_reported_at_once() -> None:
    broken = VALID.replace("title: My badge\n", "").replace("    text: do the second thing\n", "    text: 7\n")
    found = problems_of(broken + "colour: blue\n")
    assert [(p.line, p.field) for p in found] == [(1, "title"), (11, "criteria[1].text"), (16, "colour")]


def test_python_tags_are_refused_not_constructed() -> None:
    problem = only_problem("schema_version: 1\nid: !!python/object/apply:os.system ['echo hacked']\n")
    assert problem.line == 2
    assert "'!!python/object' are not allowed" in problem.message


def test_yaml_syntax_errors_name_the_line() -> None:
    problem = only_problem("schema_version: 1\ntitle: [unclosed\nid: x\n")
    assert problem.path == "my-badge.yaml"
    assert problem.line == 3
    assert problem.message.startswith("not valid YAML")


def test_an_empty_file_says_what_a_badge_needs() -> None:
    assert "needs at least id, title and criteria" in only_problem("").message


def test_a_badge_needs_criteria_or_levels_not_both() -> None:
    levels = "levels:\n  - id: one\n    title: One\n    criteria:\n      - id: a\n        text: do a\n"
    problem = only_problem(VALID + levels)
    assert (problem.field, problem.message) == ("levels", "give either criteria or levels, not both")
    no_criteria = VALID[: VALID.index("criteria:")] + VALID[VALID.index("\nwords:") + 1 :]
    assert only_problem(no_criteria).field == "criteria"


def test_a_framework_with_levels_gives_each_level_its_criteria() -> None:
    text = VALID[: VALID.index("criteria:")] + (
        "kind: framework\nlevels:\n"
        "  - {id: leaders, title: Leaders, criteria: [{id: a, text: lead}]}\n"
        "  - {id: practice, title: Practice, criteria: [{id: b, text: practise}, {id: c, text: reflect}]}\n"
    )
    badge = parse_badge(parse_yaml(text, "f.yaml"))
    assert badge.level_ids() == ["leaders", "practice"]
    assert [c.text for c in badge.criteria_for("practice")] == ["practise", "reflect"]
    with pytest.raises(ValueError, match="choose one of the levels"):
        badge.criteria_for(None)


@pytest.mark.parametrize(
    ("rule", "words"),
    [
        (WordRule(), "no word limit"),
        (WordRule(minimum=200), "at least 200 words"),
        (WordRule(minimum=450, maximum=900), "450–900 words required"),
        (WordRule(suggested_min=500, suggested_max=1000, verified=False), "500–1000 words suggested (unverified)"),
    ],
)
def test_word_rules_read_as_words(rule: WordRule, words: str) -> None:
    assert rule.describe() == words


def test_unverified_wording_is_listed(tmp_path: Path) -> None:
    text = VALID.replace(
        "    text: do the second thing\n",
        "    text: do the second thing\n    verified: false\n    note: from a second source\n",
    )
    badge = parse_badge(parse_yaml(text, "b.yaml"))
    assert badge.unverified() == ["criterion 2 (from a second source)"]


@pytest.mark.parametrize(
    ("extra_or_change", "field", "message"),
    [
        (
            ("    min_words: 25\n", "    min_words: 0\n"),
            "criteria[1].min_words",
            "should be at least 1 (leave it out for no minimum)",
        ),
        (
            ("  url: https://example.org/my-badge\n", "  url: example\n"),
            "source.url",
            "should be a web address starting with https://, not 'example'",
        ),
        ("  maximum: 20\n", "criteria[1].min_words", "min_words (25) is more than words.maximum (20)"),
    ],
)
def test_impossible_or_misplaced_values(extra_or_change: str | tuple[str, str], field: str, message: str) -> None:
    text = VALID + extra_or_change if isinstance(extra_or_change, str) else VALID.replace(*extra_or_change)
    found = problems_of(text)
    assert (field, message) in [(p.field, p.message) for p in found], found


def test_a_level_needs_statements() -> None:
    framework = (
        VALID[: VALID.index("criteria:")] + "kind: framework\nlevels:\n  - {id: one, title: One, criteria: []}\n"
    )
    assert [(p.field, p.message) for p in problems_of(framework)] == [
        ("levels[0].criteria", "should list at least one statement")
    ]


def test_levels_belong_to_frameworks() -> None:
    with_levels = (
        VALID[: VALID.index("criteria:")] + "levels:\n  - {id: one, title: One, criteria: [{id: a, text: do a}]}\n"
    )
    assert [(p.field, p.message) for p in problems_of(with_levels)] == [
        ("levels", "levels are for frameworks: add 'kind: framework', or list criteria instead")
    ]


def test_a_colon_in_unquoted_text_gets_advice_on_quoting() -> None:
    with pytest.raises(InvalidDataError) as caught:
        parse_yaml("1: I learned three things: listening, asking and waiting\n", "answers.yaml")
    (problem,) = caught.value.problems
    # libyaml ends the sentence "in this context", the pure-Python parser "here"
    assert str(problem).startswith("answers.yaml:1: not valid YAML: mapping values are not allowed")
    assert "must be in quotes" in (caught.value.hint or "")


def test_a_prerequisite_without_a_level_says_what_to_write() -> None:
    problem = only_problem(VALID.replace("words:\n", "prerequisites:\n  - name: Another badge\nwords:\n"))
    assert (problem.field, problem.message) == (
        "prerequisites[0].level",
        "missing: say whether this badge is required or recommended",
    )
