"""How ``badgekit check`` shows its results to a person.

For each statement: a summary (the badge, the words against the badge's rule as a
bar, counts by severity), a table of criteria with the words spent on each, then
the findings grouped by family with their line numbers. After several statements,
a summary: a table with one row per file (past 50 files, only those that need attention) and
what the run adds up to. Everything taken from a file (paths, messages that
quote criteria) is built as styled text (views/styled.py), never parsed as Rich markup;
Rich is imported only where it writes the report (a terminal), not to build it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from badgekit.checks.model import CATEGORIES, SEVERITIES
from badgekit.invocation import program
from badgekit.text import counted, plural
from badgekit.views.grid import Boxed, Grid
from badgekit.views.styled import Stack, Styled

if TYPE_CHECKING:
    from rich.text import Text

    from badgekit.badges.model import WordRule
    from badgekit.checks.batch import FileError, SummaryRow, Tally
    from badgekit.checks.model import Finding
    from badgekit.checks.report import FileReport
    from badgekit.views.grid import Justify

SEVERITY_STYLES = {"error": "bold red", "warning": "yellow", "note": "cyan"}
CATEGORY_TITLES = {
    "words": "Words",
    "coverage": "Coverage",
    "privacy": "Privacy",
    "reflection": "Reflection",
    "readability": "Readability",
    "format": "Format",
}
BAR_WIDTH = 30


def counts_text(counts: dict[str, int]) -> Styled:
    text = Styled()
    for index, severity in enumerate(SEVERITIES):
        number = counts.get(severity, 0)
        if index:
            text.append(", ")
        text.append(counted(number, severity), style=SEVERITY_STYLES[severity] if number else "dim")
    return text


def words_bar(words: int, rule: WordRule) -> Styled:
    """The learner's words against the badge's rule: ``742 words ━━━━━━━━━━──── 500–1000 words suggested``."""
    scale = max(words, rule.high or 0, (rule.low or 0) * 2, 1)
    filled = round(BAR_WIDTH * min(words, scale) / scale)
    judged = rule.judge(words)
    style = "red" if judged.returned else "green" if judged.within else "yellow"
    text = Styled(f"{words:,} words ", style="bold")
    text.append("━" * filled, style=style)
    text.append("─" * (BAR_WIDTH - filled), style="dim")
    text.append(f" {rule.describe()}")
    return text


def criteria_table(report: FileReport) -> Boxed:
    kind = report.badge.criterion_word
    columns: list[tuple[str, Justify, bool]] = [
        ("#", "right", False),
        (kind, "left", True),
        ("Evidenced", "left", False),
    ]
    columns.append(("Words", "right", False))
    rows = [(str(i.number), Styled(i.text), STATUS_TEXT[i.status], str(i.words)) for i in report.criteria]
    return Boxed(columns, rows)


#: How each coverage status reads in the criteria table.
STATUS_TEXT = {
    "covered": Styled("yes", style="green"),
    "unclear": Styled("unclear", style="yellow"),
    "missing": Styled("no", style="bold red"),
}
#: The reflection points SSSC asks for, as the report names them.
POINT_TITLES = {"learning": "What you learned", "future_action": "What you will do next", "policy_link": "Policies"}


def evidence_view(report: FileReport) -> Stack:
    """The sentences each judgement rests on, so that the learner can see why, in their own words."""
    rows: list[tuple[str, Styled]] = []
    for item in report.criteria:
        if item.evidence and item.status != "missing":
            quoted = "; ".join(f"{report.line_name(e.line)} “{e.text}”" for e in item.evidence)
            lead = "rests on" if item.status == "covered" else "nearest is"
            rows.append((f"  {item.number}.", Styled(f"{lead} {quoted}")))
        else:
            rows.append((f"  {item.number}.", Styled("nothing in the statement shows it", style="red")))
    for name, title in POINT_TITLES.items():
        if name not in report.reflection:
            continue
        found = report.reflection[name]
        where = report.line_name(found.line) if found else ""
        said = Styled(f"{where} “{found.text}”") if found else Styled("not found", style="yellow")
        rows.append((f"  {title}:", said))
    table = Grid((("right", ""), ("left", "")), rows)
    return Stack(Styled("What this is based on", style="bold underline"), table)


def findings_table(rows: Iterable[tuple[int | str, str, str, str | Styled | Text]]) -> Grid:
    """Findings as ``line 12  error  BK201  message`` rows (check's report and the manager's review).

    Each row is (line, severity, code, message); the message is never read as Rich markup.
    A place given as text ("paragraph 4", in a Word document) is shown as it is.
    """
    cells: list[tuple[str, Styled, str, Styled | Text]] = []
    for line, severity, code, message in rows:
        where = f"line {line}" if isinstance(line, int) else line
        shown = Styled(message) if isinstance(message, str) else message
        cells.append((f"  {where}", Styled(severity, style=SEVERITY_STYLES.get(severity, "")), code, shown))
    return Grid((("right", "dim"), ("left", ""), ("left", "bold"), ("left", "")), cells)


def quoted_messages(report: FileReport) -> dict[int, str]:
    """Each finding's message (by its place in ``report.findings``), opening with the first words of the
    sentence it means: "'When the inspection report came back…': this sentence has 42 words"."""
    messages: dict[int, str] = {}
    for index, finding in enumerate(report.findings):
        quote = report.quotes.get(finding.start) if finding.category != "privacy" else None
        message = finding.message
        if quote:
            lowered = message[:1].lower() + message[1:] if message[1:2].islower() else message
            message = f"'{quote}': {lowered}"
        messages[index] = message
    return messages


def _finding_row(report: FileReport, finding: Finding, message: str) -> tuple[int | str, str, str, str | Styled]:
    """A finding's row, its message quoting its sentence; in a Word document, its paragraph's number and the
    message after the paragraph's opening words."""
    place = report.source.place_of(finding.line) if report.source is not None else None
    if place is None:
        return finding.line, finding.severity, finding.code, message
    in_document = Styled(f"(“{place.opening}”) ", style="dim")
    in_document.append(finding.message)
    return place.number(), finding.severity, finding.code, in_document


def findings_view(report: FileReport) -> Stack:
    parts: list[Styled | Grid] = []
    messages = quoted_messages(report)
    for category in CATEGORIES:
        found = [(i, f) for i, f in enumerate(report.findings) if f.category == category]
        if not found:
            continue
        parts.append(Styled(CATEGORY_TITLES[category], style="bold underline"))
        table = findings_table(_finding_row(report, f, messages[i]) for i, f in found)
        parts.append(table)
    if not parts:
        parts.append(Styled("Nothing found that an assessor would return this statement for.", style="green"))
    return Stack(*parts)


def report_view(report: FileReport) -> Stack:
    """One statement: summary, criteria table, findings by family."""
    header = Styled(report.path, style="bold")
    header.append(f"  {report.badge.title} ({report.badge.id}", style="")
    header.append(f", level {report.level})" if report.level else ")")
    lines: list[Styled | Stack | Grid | Boxed] = [header]
    if report.badge_reason:
        from badgekit.checks.badge_detection import Detection

        lines.append(Styled(Detection(report.badge, report.badge_reason, "").announcement()))
    lines.extend(Styled(f"Note: {notice}.", style="yellow") for notice in report.notices)
    lines.append(words_bar(report.words, report.badge.words))
    details = Styled(f"Headings: {report.statement.heading_words:,} words, not counted", style="dim")
    if report.readability and report.readability.words:
        details.append(
            f"   Reading: {report.readability.in_words()}",
            style="dim",
        )
    lines.append(details)
    summary = Styled("Findings: ")
    summary.append_styled(counts_text(report.counts))
    if report.silenced and report.in_document:
        places = ", ".join(dict.fromkeys(report.where(finding.line) for finding in report.silenced))
        summary.append(f"   ({len(report.silenced)} silenced by comments, at {places})", style="dim")
    elif report.silenced:
        on_lines = sorted({finding.line for finding in report.silenced})
        summary.append(
            f"   ({len(report.silenced)} silenced by comments, on {plural(len(on_lines), 'line')} "
            + ", ".join(map(str, on_lines))
            + ")",
            style="dim",
        )
    lines.append(summary)
    lines.append(Styled())
    if report.criteria:
        lines.append(criteria_table(report))
        lines.append(Styled())
        lines.append(evidence_view(report))
        lines.append(Styled())
    lines.append(findings_view(report))
    return Stack(*lines)


def error_view(error: FileError) -> Styled:
    text = Styled()
    for index, line in enumerate(error.lines):
        text.append(("\n" if index else "") + f"error: {line}", style="bold red")
    if error.hint:
        text.append(f"\n  {error.hint}")
    return text


def summary_table(rows: Sequence[SummaryRow]) -> Boxed:
    """One row per statement, for a run over several."""
    columns: list[tuple[str, Justify, bool]] = [
        ("File", "left", False),
        ("Badge", "left", False),
        ("Words", "right", False),
        ("Errors", "right", False),
        ("Warnings", "right", False),
        ("Notes", "right", False),
    ]
    cells: list[tuple[Styled | str, ...]] = []
    for row in rows:
        if row.badge is None:
            cells.append((Styled(row.path), Styled("could not be checked", style="bold red"), "", "", "", ""))
            continue
        counts = (
            Styled(str(count), style=SEVERITY_STYLES[severity] if count else "dim")
            for severity, count in zip(SEVERITIES, row.counts, strict=True)
        )
        cells.append((Styled(row.path), Styled(row.badge), f"{row.words:,}", *counts))
    return Boxed(columns, cells, title="Summary")


def summary_view(tally: Tally) -> Stack:
    """The end of a run over several statements: the summary table, then what the run adds up to. Past
    SUMMARY_ROWS statements the table lists only those that need attention, and says so."""
    from badgekit.checks.batch import SUMMARY_ROWS

    parts: list[Styled | Boxed] = []
    rows = tally.summary_rows()
    if rows:
        parts.append(summary_table(rows))
    passing = tally.files - len(tally.errors) - tally.failing
    totals = Styled(f"{counted(tally.files, 'statement')}: {tally.failing:,} fail ")
    totals.append(f"(findings at {tally.fail_on} or worse), {passing:,} pass")
    if tally.errors:
        totals.append(f", {len(tally.errors):,} could not be checked", style="bold red")
    totals.append(". Findings: ").append_styled(counts_text(tally.counts))
    parts.append(totals)
    if tally.files > SUMMARY_ROWS:
        attention = tally.failing + len(tally.errors)
        if not rows:
            listed = "None fails or could not be checked, so the table is left out"
        elif attention > len(rows):
            listed = (
                f"The table lists only the first {len(rows)} of the {attention:,} that fail or could not be checked"
            )
        else:
            listed = "The table lists only those that fail or could not be checked"
        parts.append(
            Styled(f"{listed}; each is reported in full above, and '--format json' gives every one.", style="dim")
        )
    return Stack(*parts)


def next_step(report: FileReport, *, redacting: bool = False) -> str:
    """One line saying what to do now, so that a report never ends on a list of problems alone; with
    ``redacting``, the copy ``--redact`` writes next (its own line says where) is what to work on."""
    errors = [f for f in report.findings if f.severity == "error"]
    path = report.path
    badge = report.badge_option()  # each command printed must work as printed
    if redacting and any(f.category == "privacy" for f in report.findings):
        return (
            "Next: read the copy written below through (its replacements are only suggestions), put right "
            "any other errors in it, then check it and export it."
        )
    if any(f.category == "privacy" for f in errors):
        return (
            f"Next: take out the details that could identify someone (or let '{program()} check "
            f"{path}{badge} --redact' write a copy without them), put right any other errors, then check again."
        )
    if errors:
        return "Next: put right the errors above, then run this check again."
    if report.findings:
        return (
            "Next: read the warnings and notes and change what you agree with; then export it with "
            f"'{program()} export {path}{badge} --text' to paste into the application form, or ask your manager "
            f"to look at it with '{program()} review {path}{badge}'."
        )
    return f"Next: export it with '{program()} export {path}{badge} --text' to paste into the application form."
