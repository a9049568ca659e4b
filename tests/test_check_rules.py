"""The one examples table: every rule tried on texts that must trigger it and texts that must not.

Each rule declares its examples beside its code (``triggers`` and ``clean`` in
``@rule``); this file runs them all, so a rule that stops firing, or starts firing
where it must not, fails here with its code and the words "false negative" or
"false positive". Meta-tests keep the table and docs/rules.md complete.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from badgekit.badges.catalogue import Catalogue, load_catalogue
from badgekit.checks import REGISTRY, CheckContext, Example, Finding, Rule, all_rules, run_rules
from badgekit.checks.report import Options, check_text
from badgekit.checks.samples import SAMPLE_BADGE, SAMPLE_BADGE_ID
from badgekit.statement.parse import parse_statement

ROOT = Path(__file__).resolve().parent.parent
RULES = all_rules()


@pytest.fixture(scope="module")
def catalogue(tmp_path_factory: pytest.TempPathFactory) -> Catalogue:
    """The bundled badges, and the sample badge with hard word limits that some examples use."""
    folder = tmp_path_factory.mktemp("badges")
    (folder / f"{SAMPLE_BADGE_ID}.yaml").write_text(SAMPLE_BADGE, encoding="utf-8")
    return load_catalogue(folder, use_cache=False)


def findings_for(rule: Rule, example: Example, catalogue: Catalogue) -> list[Finding]:
    """Run one rule on one example, as ``badgekit check --select CODE`` would."""
    statement = parse_statement(example.text, "example.md")
    badge_name = example.badge or statement.badge_id
    if badge_name is None:
        context = CheckContext(statement=statement, allowed_names=example.allowed_names)
        return run_rules(context, [rule])
    options = Options(badge=example.badge, allowed_names=example.allowed_names, rules=(rule,))
    return list(check_text(example.text, "example.md", catalogue, options).findings)


CASES = [
    pytest.param(rule, kind, index, id=f"{rule.code}-{kind}-{index}")
    for rule in RULES
    for kind, examples in (("trigger", rule.triggers), ("clean", rule.clean))
    for index in range(len(examples))
]


@pytest.mark.parametrize(("rule", "kind", "index"), CASES)
def test_rule_examples(rule: Rule, kind: str, index: int, catalogue: Catalogue) -> None:
    example = (rule.triggers if kind == "trigger" else rule.clean)[index]
    codes = [f.code for f in findings_for(rule, example, catalogue)]
    if kind == "trigger":
        assert rule.code in codes, f"false negative: {rule.code} ({rule.name}) missed trigger example {index}"
    else:
        found = [f for f in findings_for(rule, example, catalogue) if f.code == rule.code]
        assert not found, f"false positive: {rule.code} ({rule.name}) fired on clean example {index}: {found[0]}"


def test_every_rule_has_examples_of_both_kinds() -> None:
    missing = [r.code for r in RULES if not r.triggers or not r.clean]
    assert not missing, f"rules without trigger and clean examples: {missing}"


def test_every_rule_is_documented() -> None:
    documented = set(re.findall(r"^### (BK\d{3}) ", (ROOT / "docs" / "rules.md").read_text(encoding="utf-8"), re.M))
    assert {r.code for r in RULES} <= documented, sorted({r.code for r in RULES} - documented)


def test_codes_names_and_families_follow_the_scheme() -> None:
    families = {"words": "1", "coverage": "2", "privacy": "3", "reflection": "4", "readability": "5", "format": "6"}
    for rule in RULES:
        assert re.fullmatch(r"BK\d{3}", rule.code)
        assert rule.code[2] == families[rule.category], rule.code
        assert re.fullmatch(r"[a-z][a-z0-9]*(-[a-z0-9]+)*", rule.name), rule.name
        assert rule.severity in ("error", "warning", "note")
        assert rule.summary.endswith("."), rule.code
    assert len({r.name for r in RULES}) == len(RULES), "two rules share a name"
    assert set(REGISTRY) == {r.code for r in RULES}


def test_every_family_but_privacy_is_here() -> None:
    # The privacy family (BK3xx) is registered by its own module, checks/privacy.py.
    assert {r.category for r in RULES} >= {"words", "coverage", "reflection", "readability", "format"}
