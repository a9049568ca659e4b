"""The rule registry: every rule badgekit checks, choosing among them, and running them.

A family module (words.py, coverage.py, privacy.py, reflection.py, readability.py,
format.py) declares each rule with the ``@rule`` decorator, which records a frozen
Rule in ``REGISTRY``. ``all_rules()`` imports the family modules on first use, so
that commands other than ``check`` never pay for them.

``--select`` and ``--ignore`` match codes by prefix (``BK3`` is the whole privacy
family). An inline comment silences findings on its own line:
``<!-- badgekit: ignore BK301 -->`` (several codes or prefixes may follow, separated
by spaces or commas). With no code, every finding on that line is silenced except
privacy ones: a detail that could identify someone is silenced only where its code or
family is named (``ignore BK301``, ``ignore BK3``), so that a comment left for another
reason never lets a name or a phone number through to ``export``.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace

from badgekit import prebuilt
from badgekit.checks.model import (
    FAMILY_DIGITS,
    Category,
    CheckContext,
    CheckFunction,
    Example,
    Finding,
    Rule,
    Severity,
)
from badgekit.statement.parse import Statement, suppression_comments

CODE_PATTERN = prebuilt.compile(r"^BK\d{3}$")
NAME_PATTERN = prebuilt.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
PREFIX_PATTERN = prebuilt.compile(r"^BK\d{0,3}$")

#: Family modules in code order.
FAMILY_MODULES: tuple[str, ...] = ("words", "coverage", "privacy", "reflection", "readability", "format")

#: Codes a bare ``ignore`` (or one as broad as ``BK``) does not silence: the privacy family's.
PRIVACY_PREFIX = f"BK{FAMILY_DIGITS['privacy']}"

REGISTRY: dict[str, Rule] = {}
_loaded = False


def _examples(items: Iterable[Example | str]) -> tuple[Example, ...]:
    return tuple(item if isinstance(item, Example) else Example(item) for item in items)


def rule(
    code: str,
    name: str,
    category: Category,
    severity: Severity,
    summary: str,
    *,
    triggers: Iterable[Example | str],
    clean: Iterable[Example | str],
) -> Callable[[CheckFunction], CheckFunction]:
    """Register the decorated function as a rule. Examples are statement texts (or Example)."""

    def register(check: CheckFunction) -> CheckFunction:
        if not CODE_PATTERN.match(code):
            raise ValueError(f"rule code {code!r} should look like BK101")
        if code[2] != FAMILY_DIGITS[category]:
            raise ValueError(f"rule {code} is in the {category} family, whose codes start BK{FAMILY_DIGITS[category]}")
        if not NAME_PATTERN.match(name):
            raise ValueError(f"rule name {name!r} should be kebab-case")
        if code in REGISTRY and REGISTRY[code].check is not check:
            raise ValueError(f"rule code {code} is registered twice")
        REGISTRY[code] = Rule(code, name, category, severity, summary, check, _examples(triggers), _examples(clean))
        return check

    return register


def all_rules() -> list[Rule]:
    """Every registered rule, in code order, loading the family modules on first use."""
    global _loaded
    if not _loaded:
        for family in FAMILY_MODULES:
            importlib.import_module(f"badgekit.checks.{family}")
        _loaded = True
    return [REGISTRY[code] for code in sorted(REGISTRY)]


def normalise_prefixes(values: Iterable[str]) -> list[str]:
    """Codes or prefixes as given to --select/--ignore ("bk3", "BK301, BK4") in upper case."""
    prefixes: list[str] = []
    for value in values:
        prefixes.extend(part.strip().upper() for part in re.split(r"[,\s]+", value) if part.strip())
    return prefixes


def unknown_prefixes(prefixes: Iterable[str]) -> list[str]:
    """The prefixes that are badly formed or match no rule, to report as a usage error."""
    codes = [r.code for r in all_rules()]
    return [p for p in prefixes if not PREFIX_PATTERN.match(p) or not any(c.startswith(p) for c in codes)]


def select_rules(select: Sequence[str] = (), ignore: Sequence[str] = ()) -> list[Rule]:
    """The rules whose code starts with a selected prefix (all, with none) and no ignored one."""
    chosen = normalise_prefixes(select)
    dropped = normalise_prefixes(ignore)
    return [
        r
        for r in all_rules()
        if (not chosen or any(r.code.startswith(p) for p in chosen)) and not any(r.code.startswith(p) for p in dropped)
    ]


def suppressions(statement: Statement) -> dict[int, set[str]]:
    """Line number -> code prefixes silenced on it ("" silences everything but privacy on that line)."""
    silenced: dict[int, set[str]] = {}
    for start, _end, inner in suppression_comments(statement.text, statement.body_start):
        words = inner.split(None, 1)
        if not words or words[0].lower() != "ignore":
            continue
        line, _ = statement.position(start)
        codes = normalise_prefixes([words[1]]) if len(words) > 1 else []
        silenced.setdefault(line, set()).update(codes or [""])  # every code starts with ""
    return silenced


def silences(prefix: str, code: str) -> bool:
    """Whether an ignore comment's prefix silences a code: privacy codes only when it names their family."""
    if code.startswith(PRIVACY_PREFIX) and not prefix.startswith(PRIVACY_PREFIX):
        return False
    return code.startswith(prefix)


def is_suppressed(finding: Finding, silenced: dict[int, set[str]]) -> bool:
    return any(silences(prefix, finding.code) for prefix in silenced.get(finding.line, ()))


def run_rules_keeping_silenced(context: CheckContext, rules: Iterable[Rule]) -> tuple[list[Finding], list[Finding]]:
    """Run rules over one statement: the findings to report, and those comments silenced; each by position."""
    findings: list[Finding] = []
    for one in rules:
        findings.extend(one.check(replace(context, rule=one)))
    lines = suppressions(context.statement)
    kept: list[Finding] = []
    silenced: list[Finding] = []
    for finding in sorted(findings, key=Finding.sort_key):
        (silenced if is_suppressed(finding, lines) else kept).append(finding)
    return kept, silenced


def run_rules(context: CheckContext, rules: Iterable[Rule]) -> list[Finding]:
    """Run rules over one statement; findings silenced inline are dropped; sorted by position."""
    return run_rules_keeping_silenced(context, rules)[0]
