"""The checks ``badgekit check`` runs: a registry of small declared rules, one module per family.

- model.py: Finding, Rule, Example and CheckContext.
- registry.py: the ``@rule`` decorator, choosing rules (--select/--ignore), inline
  suppression and running rules over one statement.
- words.py (BK1xx), coverage.py (BK2xx), privacy.py (BK3xx), reflection.py (BK4xx),
  readability.py (BK5xx), format.py (BK6xx): the families, each declaring its rules.
- report.py: one file checked from start to end, as the command and its JSON see it.

To add a rule: declare it in its family's module with ``@rule(code, name, category,
severity, summary, triggers=[...], clean=[...])`` on a function that takes a
CheckContext and yields ``context.report(...)`` findings, and describe it in
docs/rules.md. The examples are the one table tests/test_check_rules.py runs.
"""

from __future__ import annotations

from badgekit.checks.model import CATEGORIES, SEVERITIES, Category, CheckContext, Example, Finding, Rule, Severity
from badgekit.checks.registry import REGISTRY, all_rules, rule, run_rules, select_rules

__all__ = [
    "CATEGORIES",
    "REGISTRY",
    "SEVERITIES",
    "Category",
    "CheckContext",
    "Example",
    "Finding",
    "Rule",
    "Severity",
    "all_rules",
    "rule",
    "run_rules",
    "select_rules",
]
