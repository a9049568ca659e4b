"""The privacy gate every export passes first: the privacy rules, then the other rules for a summary.

Any privacy error stops the export (``PrivacyStop``, exit code 1) unless overridden; privacy
findings that ignore comments silence are listed before anything is saved.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from badgekit.errors import BadgekitError, ExitCode
from badgekit.invocation import program
from badgekit.text import and_list, counted, plural

if TYPE_CHECKING:
    from badgekit.badges.catalogue import Catalogue
    from badgekit.checks.model import Finding
    from badgekit.checks.report import FileReport
    from badgekit.statement.source import StatementSource
    from badgekit.tracking.profile import Profile

#: Where a line of the statement is, for a learner: a paragraph of a Word document (FileReport.where).
Where = Callable[[int], str]


class PrivacyStop(BadgekitError):
    """The privacy check found details that could identify someone, so nothing was exported."""

    exit_code = ExitCode.FINDINGS

    def __init__(
        self, path: str, findings: Sequence[Finding], *, badge_option: str = "", where: Where | None = None
    ) -> None:
        details = counted(len(findings), "detail")
        super().__init__(
            f"nothing was exported: the privacy check found {details} that could identify someone",
            path=path,
            hint=(
                "Your evidence is published when the badge is awarded. Take these details out, or write a "
                "role instead (such as 'my manager' or 'a person I support'), then export again; "
                f"'{program()} check {path}{badge_option} --redact' writes a copy with each one replaced. If you are "
                "certain none of them identifies anyone, add --ignore-privacy."
            ),
        )
        self.findings = tuple(findings)
        self.where = where

    def error_lines(self) -> list[str]:
        return [f"{self.path}: {self.message}"] + [finding_line(self.path or "", f, self.where) for f in self.findings]


def finding_line(path: str, finding: Finding, where: Where | None = None) -> str:
    """``path:12:5: BK301 message``, or ``path: paragraph 4 ("..."): BK301 message`` for a Word document."""
    if where is not None:
        return f"{path}: {where(finding.line)}: {finding.code} {finding.message}"
    return f"{path}:{finding.line}:{finding.column}: {finding.code} {finding.message}"


@dataclass(frozen=True)
class Screening:
    """What the checks found before the export: the privacy findings, then the rest."""

    report: FileReport  # the check: its badge, level and parsed statement are the export's
    privacy: tuple[Finding, ...]
    others: tuple[Finding, ...]
    silenced: tuple[Finding, ...] = ()  # privacy findings an ignore comment silenced: exported as written


def screen(
    text: str,
    path: str,
    catalogue: Catalogue,
    *,
    badge: str | None = None,
    level: str | None = None,
    allowed_names: Sequence[str] = (),
    ignore_privacy: bool = False,
    profile: Profile | None = None,
    source: StatementSource | None = None,
    others: bool = True,
) -> Screening:
    """Run the privacy rules, stopping on any error unless ``ignore_privacy``; then every other rule, for the
    summary line, unless ``others`` is False (the web page links to its full check instead)."""
    from dataclasses import replace

    from badgekit.checks.registry import select_rules
    from badgekit.checks.report import Options, check_text

    options = Options(badge=badge, level=level, allowed_names=tuple(allowed_names), profile=profile)
    if not others:
        first = check_text(text, path, catalogue, replace(options, rules=tuple(select_rules([PRIVACY]))), source=source)
        _stop_on_errors(path, first, first.findings, ignore_privacy)
        return Screening(first, first.findings, (), first.silenced)
    # One run of every rule, its findings split into the privacy family's and the rest: two runs (privacy
    # first, then the others) parsed, screened and judged the statement twice, a sixth of an export. A
    # rule's findings do not depend on which other rules run with it, so the split is what two runs found.
    whole = check_text(text, path, catalogue, replace(options, rules=tuple(select_rules())), source=source)
    privacy = tuple(f for f in whole.findings if f.code.startswith(PRIVACY))
    _stop_on_errors(path, whole, privacy, ignore_privacy)
    silenced = tuple(f for f in whole.silenced if f.code.startswith(PRIVACY))
    if whole.badge_from != "detected":
        return Screening(whole, privacy, tuple(f for f in whole.findings if not f.code.startswith(PRIVACY)), silenced)
    # A detected badge is decided once, and the other rules are run as for a badge that was named: a named
    # badge's statement is also checked for headings that quote another badge's criteria (BK606).
    options = replace(options, badge=whole.badge.id)
    rest = check_text(
        text, path, catalogue, replace(options, rules=tuple(select_rules(ignore=[PRIVACY]))), source=source
    )
    return Screening(whole, privacy, rest.findings, silenced)


#: The privacy family's codes start so (BK3xx).
PRIVACY = "BK3"


def _stop_on_errors(path: str, report: FileReport, privacy: Sequence[Finding], ignore_privacy: bool) -> None:
    """PrivacyStop when the privacy rules found an error, unless the export goes on regardless."""
    errors = [f for f in privacy if f.severity == "error"]
    if errors and not ignore_privacy:
        where = report.where if report.in_document else None
        raise PrivacyStop(path, errors, badge_option=report.badge_option(), where=where)


def silenced_warning(path: str, silenced: Sequence[Finding], places: Where | None = None) -> list[str]:
    """What export says before it exports privacy findings that comments silenced: a line, then one per finding."""
    if not silenced:
        return []
    lines = sorted({f.line for f in silenced})
    where = plural(len(lines), "line") + " " + and_list([str(line) for line in lines])
    if places is not None:  # a Word document: its paragraphs
        where = ", ".join(dict.fromkeys(places(line) for line in lines))
    one = len(silenced) == 1
    count = counted(len(silenced), "privacy finding")
    these = "this detail is" if one else "these details are"
    return [
        f"warning: ignore comments in {path} silence {count} (on {where}), so {these} exported as written:",
        *(f"  {finding_line(path, f, places)}" for f in silenced),
        "  Take each one out unless you are certain it identifies no one.",
    ]


def summary(findings: Sequence[Finding]) -> str | None:
    """'1 error and 3 warnings', or None when there is nothing."""
    counts = [(s, sum(1 for f in findings if f.severity == s)) for s in ("error", "warning", "note")]
    return and_list([counted(n, s) for s, n in counts if n]) or None
