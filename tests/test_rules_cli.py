"""``badgekit rules``: every rule listed, and one explained in plain words with an example, without the repository."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from typer.testing import Result

from badgekit.badges.catalogue import Catalogue, load_catalogue
from badgekit.checks import Rule, all_rules
from badgekit.checks.explain import explain

Run = Callable[..., Result]


def flat(text: str) -> str:
    return " ".join(text.split())


def test_rules_lists_every_rule_with_its_family_and_severity(run: Run) -> None:
    result = run("rules")
    assert result.exit_code == 0, result.stderr
    for rule in all_rules():
        assert rule.code in result.stdout and rule.name in result.stdout
    assert "badgekit rules BK101" in flat(result.stdout)
    data = json.loads(run("rules", "--format", "json").stdout)
    assert [r["code"] for r in data["rules"]] == [r.code for r in all_rules()]


def test_rules_bk502_explains_it_in_plain_words_with_an_example(run: Run) -> None:
    result = run("rules", "BK502")
    assert result.exit_code == 0, result.stderr
    out = flat(result.stdout)
    assert out.startswith("BK502 long-sentence (warning, readability)")
    assert "A sentence of more than 40 words. Split it so that each idea stands out." in out  # docs/rules.md
    assert "For example, on this line of a statement: we talked about the plan" in out
    assert "badgekit check says: warning BK502 This sentence has 46 words" in out
    assert "--ignore BK502" in out and "<!-- badgekit: ignore BK502 -->" in out


def test_rules_takes_the_start_of_a_code_or_a_name_in_any_case(run: Run) -> None:
    family = run("rules", "bk5")
    assert family.exit_code == 0
    assert all(code in family.stdout for code in ("BK501", "BK502", "BK503")) and "BK101" not in family.stdout
    assert flat(run("rules", "long-sentence").stdout).startswith("BK502 long-sentence")


def test_an_unknown_rule_is_a_usage_error_that_says_what_to_type(run: Run) -> None:
    result = run("rules", "BK999")
    assert result.exit_code == 2
    assert "there is no rule 'BK999': codes look like BK502" in result.stderr
    assert "Did you mean long-sentence?" in run("rules", "long-sentnce").stderr


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue()


@pytest.mark.parametrize("rule", all_rules(), ids=lambda r: r.code)
def test_every_rule_has_words_and_an_example_that_a_bundled_badge_can_show(rule: Rule, catalogue: Catalogue) -> None:
    explained = explain(rule, catalogue)
    assert explained.words and explained.words != explained.rule.summary, "docs/rules.md has no section"
    if explained.rule.code != "BK102":  # only the sample badge in the examples table has a hard maximum
        assert explained.example is not None and explained.example.finding.code == explained.rule.code
