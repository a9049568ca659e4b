"""Finding a badge among many, badges that have closed, and SSSC's rules on AI, as a learner meets them.

``list`` by series, by a word and without closed badges; ``show``, ``draft`` and ``plan`` by title or
number with "did you mean"; the new badge-file keys (accepting_applications, endorsement, no_ai,
source.read) as shown and as validated; the AI rule in ``show``, ``draft``, ``check`` and
``export --declare-tools``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from badgekit.badges import ai_rule
from badgekit.badges.cache import BadgeCache
from badgekit.badges.catalogue import load_badge_file, load_catalogue
from badgekit.badges.lookup import find_badge
from badgekit.errors import AmbiguousBadgeError, InvalidDataError, UnknownBadgeError

Run = Callable[..., Result]
CATALOGUE = load_catalogue(use_cache=False)
CLOSED = "learning-challenge-activity-2020-1"
NO_AI = "informed-about-dementia"


@pytest.mark.parametrize(
    ("name", "badge_id"),
    [
        ("Step into Leadership 5", "leadership-across-boundaries"),
        ("step into leadership #5", "leadership-across-boundaries"),
        ("elc thing 15", "elc-thing-15-what-is-supervision"),
        ("thing 19", "thing-19-citizen-leadership"),
        ("23 Things Leadership 22", "thing-22-why-leadership-is-important"),
        ("What's my leadership style?", "elc-thing-3-whats-my-leadership-style"),
        ("Getting started with Open Badges", "getting-started-with-open-badges"),
        ("reflective learner", "becoming-a-reflective-learner"),
        ("THING-19", "thing-19-citizen-leadership"),
    ],
)
def test_a_badge_is_found_by_title_or_series_and_number(name: str, badge_id: str) -> None:
    assert find_badge(CATALOGUE, name).id == badge_id


def test_a_number_two_series_share_is_refused_with_both_offered() -> None:
    with pytest.raises(AmbiguousBadgeError) as caught:
        find_badge(CATALOGUE, "thing 4")
    assert caught.value.message == "'thing 4' fits 2 badges"
    assert "'thing-4-others-view-of-my-leadership' (Others’ view of my leadership, 23 Things Leadership #4)" in (
        caught.value.hint or ""
    )
    assert "'elc-thing-4-what-do-others-say-about-my-leadership'" in (caught.value.hint or "")


def test_a_number_without_things_in_the_name_is_not_a_23_things_badge() -> None:
    with pytest.raises(UnknownBadgeError):
        find_badge(CATALOGUE, "thing 9")  # no Thing 9 is bundled; Step into Leadership #9 is not a thing
    assert find_badge(CATALOGUE, "leadership 9").id == "strategic-vision"


def test_show_and_draft_take_a_title_and_suggest_the_nearest(run: Run) -> None:
    shown = run("show", "Step into Leadership 5")
    assert shown.exit_code == 0, shown.stderr
    assert "Leading and managing across boundaries" in shown.stdout
    typo = run("show", "informed about dementa")
    assert typo.exit_code == 3
    assert "Did you mean 'informed-about-dementia'?" in typo.stderr
    both = run("draft", "thing 4")
    assert both.exit_code == 3 and both.stdout == ""
    assert "error: 'thing 4' fits 2 badges" in both.stderr


def test_plan_takes_a_series_and_number(run: Run) -> None:
    result = run("plan", "step into leadership 8", "--start", "2027-01-04")
    assert result.exit_code == 0, result.stderr
    assert "Quality assurance" in result.stdout


def test_list_groups_badges_by_series_in_number_order(run: Run) -> None:
    out = run("list").stdout
    assert out.startswith(f"{len(CATALOGUE)} badges")
    series = [
        "Badges in no series",
        "23 Things ELC Leadership",
        "Step into Leadership",
        "Frameworks to reflect against",
    ]
    positions = [out.index(f"\n{name}\n") for name in series]
    assert positions == sorted(positions)
    step = out[out.index("\nStep into Leadership\n") :]
    assert step.index("keeping-people-at-the-centre") < step.index("strategic-vision")
    assert " #5 leadership-across-boundaries" in step


def test_list_searches_titles_and_criteria_for_every_word(run: Run) -> None:
    result = run("list", "becoming", "reflective")
    assert result.exit_code == 0
    assert result.stdout.startswith("1 badge matches 'becoming reflective'")
    assert "becoming-a-reflective-learner" in result.stdout
    by_criteria = run("list", "procurement").stdout  # only in a criterion of Step into Leadership #4
    assert "planning-and-resources" in by_criteria and "leading-change" not in by_criteria
    none = run("list", "astronomy")
    assert none.exit_code == 0
    assert none.stdout.strip() == "No badge matches 'astronomy'. 'badgekit list' shows every badge."


def test_list_marks_closed_badges_and_open_leaves_them_out(run: Run) -> None:
    every = run("list").stdout
    entry = every[every.index(CLOSED) :]
    assert entry.split("\n")[2].strip() == "no longer taking applications; endorsement required"
    still_open = run("list", "--open")
    assert CLOSED not in still_open.stdout and "mylearning-self-directed-learner-2021-1" not in still_open.stdout
    assert "(taking applications)" in still_open.stdout.split("\n")[0]
    data = json.loads(run("list", "--open", "--format", "json").stdout)
    assert all(b["accepting_applications"] for b in data["badges"])
    assert len(data["badges"]) == sum(1 for b in CATALOGUE if b.accepting_applications)


def test_show_says_first_that_a_badge_has_closed_and_needs_an_endorsement(run: Run) -> None:
    out = run("show", CLOSED).stdout
    closed = out.index("This badge is no longer taking new applications")
    assert closed < out.index("About this badge")
    assert out.index("An endorsement is mandatory") < out.index("About this badge")
    assert "Source: https://www.mylearning.scot/badges/1-learning-challenge-activity-2020/" in out
    assert "(read 29 November 2026)" in " ".join(out.split())


def test_show_gives_sssc_ai_rule_and_what_badgekit_never_does(run: Run) -> None:
    out = " ".join(run("show", "writing-evidence").stdout.split())
    assert "Using AI" in out
    assert ai_rule.MANDATORY in out
    assert "badgekit never writes your experiences or reflections" in out
    assert "This badge forbids AI" not in out


def test_a_badge_that_forbids_ai_says_so_at_the_top_of_show(run: Run) -> None:
    out = " ".join(run("show", NO_AI).stdout.split())
    ban = out.index("This badge forbids AI: “You must not use any generative Artificial Intelligence (AI) tools")
    assert ban < out.index("About this badge")


def test_draft_from_answers_says_first_that_the_badge_has_closed(run: Run, tmp_path: Path) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text("".join(f"{n}: My own answer to point {n}.\n" for n in range(1, 5)), encoding="utf-8")
    result = run("draft", "learning challenge 2020 1", "--answers", str(answers), "-o", str(tmp_path / "s.md"))
    assert result.exit_code == 0, result.stderr
    lines = result.stderr.splitlines()
    assert lines[0] == "This badge is no longer taking new applications: you can read it, but not apply for it."
    assert lines[1].startswith("An endorsement is mandatory: “Once awarded, this badge is not valid")


def test_check_ends_with_one_line_on_ai(run: Run, tmp_path: Path) -> None:
    statement = tmp_path / "statement.md"
    statement.write_text(
        "---\nbadge: writing-evidence\n---\n\n# Writing evidence\n\n## 1. Three things\n\nI learned a lot.\n",
        encoding="utf-8",
    )
    lines = run("check", str(statement)).stdout.strip().split("\n")
    assert " ".join(lines[-3:]).replace("  ", " ").endswith("never with your experiences or reflections.")
    statement.write_text(statement.read_text().replace("writing-evidence", NO_AI), encoding="utf-8")
    assert "This badge forbids AI" in run("check", str(statement)).stdout


def test_export_declare_tools_adds_the_declaration_to_every_format(run: Run, tmp_path: Path) -> None:
    statement = tmp_path / "statement.md"
    statement.write_text(
        "---\nbadge: writing-evidence\n---\n\n# Writing evidence\n\n## 1. Three things\n\nI learned a lot.\n",
        encoding="utf-8",
    )
    plain = run("export", str(statement), "--text", "-o", "-")
    assert plain.exit_code == 0, plain.stderr
    assert ai_rule.TOOLS_HEADING not in plain.stdout
    for kind in ("--text", "--md", "--html"):
        declared = run("export", str(statement), kind, "-o", "-", "--declare-tools")
        assert declared.exit_code == 0, declared.stderr
        text = " ".join(declared.stdout.split())
        assert ai_rule.TOOLS_HEADING in text, kind
        assert "uses no generative AI" in text and "the experiences and reflections in it are my own" in text
    evidence = json.loads(run("export", str(statement), "--json", "-o", "-", "--declare-tools").stdout)
    assert ai_rule.TOOLS_HEADING in evidence["narrative"]


BASE = """\
schema_version: 1
id: our-badge
title: Our badge
description: A badge of our own.
source:
  url: https://example.org/badge
  verified: true
  read: 2026-11-29
criteria:
  - id: one
    text: tell us one thing
"""


def test_the_new_keys_are_read_and_survive_the_badge_cache(tmp_path: Path) -> None:
    path = tmp_path / "our-badge.yaml"
    path.write_text(
        BASE + "accepting_applications: false\nendorsement: Not valid without an endorsement.\nno_ai: No AI at all.\n",
        encoding="utf-8",
    )
    badge = load_badge_file(path).badge
    assert (badge.accepting_applications, badge.endorsement, badge.no_ai) == (
        False,
        "Not valid without an endorsement.",
        "No AI at all.",
    )
    assert badge.source.read == "2026-11-29"
    cache = BadgeCache(tmp_path / "cache")
    cache.put(path, badge)
    assert cache.get(path) == badge


def test_the_new_keys_are_validated_with_their_line(tmp_path: Path) -> None:
    path = tmp_path / "our-badge.yaml"
    path.write_text(
        BASE.replace("read: 2026-11-29", "read: last Tuesday") + "accepting_applications: no longer\nendorsment: x\n",
        encoding="utf-8",
    )
    with pytest.raises(InvalidDataError) as caught:
        load_badge_file(path)
    problems = [str(p) for p in caught.value.problems]
    assert f"{path}:8: source.read: should be a date written as 2026-11-29, not 'last Tuesday'" in problems
    assert f"{path}:12: accepting_applications: should be true or false, not 'no longer'" in problems
    assert f"{path}:13: endorsment: unknown key (did you mean 'endorsement'?)" in problems


def test_a_word_that_fits_many_badges_points_to_list(run: Run) -> None:
    result = run("show", "leadership")
    assert result.exit_code == 3
    count = int(result.stderr.split("fits ")[1].split()[0])
    assert count > 4
    assert "Find the one you mean with: badgekit list leadership" in result.stderr
    listed = run("list", "leadership").stdout  # titles and criteria: at least the titles show found
    assert int(listed.split()[0]) >= count
