"""How ``badgekit rules`` shows the rules: a table of them all, or one explained with an example."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from badgekit.views.checks import CATEGORY_TITLES, SEVERITY_STYLES

if TYPE_CHECKING:
    from badgekit.checks.explain import Explanation
    from badgekit.checks.model import Rule


def rules_table(rules: list[Rule]) -> Table:
    table = Table(show_edge=False, pad_edge=False)
    for column in ("code", "name", "family", "severity"):
        table.add_column(column, no_wrap=True)
    table.add_column("what it finds", ratio=1)
    for rule in rules:
        table.add_row(
            rule.code,
            rule.name,
            CATEGORY_TITLES[rule.category].lower(),
            Text(rule.severity, style=SEVERITY_STYLES[rule.severity]),
            Text(rule.summary),
        )
    return table


def explanation_view(explained: Explanation) -> RenderableType:
    rule = explained.rule
    head = Text(f"{rule.code} {rule.name}", style="bold")
    head.append(f"  ({rule.severity}, {CATEGORY_TITLES[rule.category].lower()})", style="dim")
    parts: list[RenderableType] = [head, Text(rule.summary), Text()]
    parts += [Text(" ".join(paragraph.split())) for paragraph in explained.words.split("\n\n")]
    example = explained.example
    if example is not None:
        finding = example.finding
        said = Text("  ")
        said.append(finding.severity, style=SEVERITY_STYLES[finding.severity])
        said.append(f" {finding.code} ", style="bold")
        said.append(finding.message)
        parts += [
            Text(),
            Text("For example, on this line of a statement:", style="bold"),
            Text(f"  {example.line_text}", style="italic"),
            Text("badgekit check says:", style="bold"),
            said,
        ]
    parts += [
        Text(),
        Text(
            f"Leave it out of a run with --ignore {rule.code}, or silence it on one line with "
            f"<!-- badgekit: ignore {rule.code} -->.",
            style="dim",
        ),
    ]
    return Group(*parts)
