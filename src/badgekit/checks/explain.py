"""What ``badgekit rules`` says about a rule: its words from docs/rules.md and an example from its own table.

docs/rules.md has a section ``### BK502 long-sentence (warning)`` for every rule (a meta-test keeps it
so); the example is the rule's first trigger from the examples table (checks/registry.py), checked as
``badgekit check --select CODE`` would check it, so the example can never drift from what the rule does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from badgekit import prebuilt
from badgekit.checks.registry import all_rules, normalise_prefixes
from badgekit.errors import BadgekitError, ExitCode
from badgekit.invocation import program

if TYPE_CHECKING:
    from badgekit.badges.catalogue import Catalogue
    from badgekit.checks.model import Finding, Rule

_SECTION = prebuilt.compile(r"^### (BK\d{3}) [^\n]*\n(.*?)(?=^#{2,3} |\Z)", re.M | re.S)
_EXAMPLE_LINE_LENGTH = 160


class UnknownRuleError(BadgekitError):
    exit_code = ExitCode.USAGE


@dataclass(frozen=True)
class RuleExample:
    """A line that triggers the rule, and what check says about it."""

    line_text: str
    finding: Finding


@dataclass(frozen=True)
class Explanation:
    rule: Rule
    words: str  # the rule's section of docs/rules.md, as plain paragraphs
    example: RuleExample | None


def rule_sections(document: str) -> dict[str, str]:
    """Each rule's explanation in docs/rules.md, by code, with Markdown emphasis taken out."""
    return {code: re.sub(r"\*\*|`", "", body).strip() for code, body in _SECTION.findall(document)}


def rules_named(prefix: str | None) -> list[Rule]:
    """Every rule, or those whose code starts with ``prefix`` (``BK5``, ``bk502``)."""
    rules = all_rules()
    if prefix is None:
        return rules
    (wanted,) = normalise_prefixes([prefix]) or [""]
    chosen = [r for r in rules if r.code.startswith(wanted) and wanted.startswith("BK")]
    by_name = [r for r in rules if r.name == prefix.strip().lower()]
    if chosen or by_name:
        return chosen or by_name
    from difflib import get_close_matches

    close = get_close_matches(prefix.strip().lower(), [r.name for r in rules], n=1, cutoff=0.6)
    hint = f"Did you mean {close[0]}? " if close else ""
    raise UnknownRuleError(
        f"there is no rule '{prefix}': codes look like BK502, from BK101 to {rules[-1].code}",
        hint=hint + f"Run '{program()} rules' to see them all.",
    )


def explain(rule: Rule, catalogue: Catalogue) -> Explanation:
    from badgekit import resources

    try:
        document = resources.rules_document().read_text(encoding="utf-8")
    except OSError:
        document = ""
    return Explanation(rule, rule_sections(document).get(rule.code, rule.summary), example_of(rule, catalogue))


def example_of(rule: Rule, catalogue: Catalogue) -> RuleExample | None:
    """The rule's first trigger example that can be checked here (its badge is known), and its finding."""
    from badgekit.checks.report import Options, check_text
    from badgekit.statement.parse import parse_statement

    for example in rule.triggers:
        statement = parse_statement(example.text, "example.md")
        badge = example.badge or statement.badge_id
        if badge is None:  # a rule that needs no badge (privacy): run on the text alone, as the table's test does
            from badgekit.checks.model import CheckContext
            from badgekit.checks.registry import run_rules

            findings = run_rules(CheckContext(statement=statement, allowed_names=example.allowed_names), [rule])
        elif badge in catalogue:
            options = Options(badge=example.badge, allowed_names=example.allowed_names, rules=(rule,))
            findings = list(check_text(example.text, "example.md", catalogue, options).findings)
        else:
            continue
        found = [f for f in findings if f.code == rule.code]
        if found:
            line = example.text.splitlines()[found[0].line - 1] if example.text else ""
            shown = line if len(line) <= _EXAMPLE_LINE_LENGTH else line[: _EXAMPLE_LINE_LENGTH - 3] + "..."
            return RuleExample(shown, found[0])
    return None
