"""How a manager's review looks in the terminal: each point with its judgement, what the check found, the actions.

Text the learner or the manager wrote is never read as Rich markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from badgekit.review.checklist import FoundItem
from badgekit.review.record import ReviewRecord
from badgekit.terminal.asker import indent

if TYPE_CHECKING:
    from rich.console import RenderableType
    from rich.text import Text


def found_table(found: Sequence[FoundItem]) -> RenderableType:
    """Findings as ``line 12  error  BK201  message``, laid out as check's report lays them out."""
    from badgekit.views.checks import findings_table

    return findings_table(_row(item) for item in found)


def _row(item: FoundItem) -> tuple[int | str, str, str, str | Text]:
    if not item.where:
        return item.line, item.severity, item.code, item.message
    # a Word document's "paragraph 4 (“When our team ...”)": the number in the column, the words before the message
    from rich.text import Text

    number, _, opening = item.where.partition(" (")
    message = Text(f"({opening} ", style="dim") if opening else Text()
    message.append(item.message)
    return number, item.severity, item.code, message


def review_view(record: ReviewRecord) -> RenderableType:
    """A review in full: the outcome, each point with its judgement and comment, the actions and the follow-up."""
    from rich.console import Group
    from rich.text import Text

    from badgekit.review.record import OUTCOMES
    from badgekit.text import british_date

    head = Text(f"Review of {record.statement}", style="bold")
    head.append(f"  {record.badge_title}")
    by = f" by {record.reviewer}" if record.reviewer else ""
    parts: list[RenderableType] = [head, Text(f"Reviewed {british_date(record.reviewed)}{by}", style="dim")]
    outcome = record.outcome()
    style = {"ready": "bold green", "changes-needed": "bold red"}.get(outcome, "bold yellow")
    parts.append(Text.assemble("Outcome: ", (OUTCOMES[outcome], style)))
    for point in record.points:
        evidence = point.evidence
        line = Text(f"\n{evidence.point.number}. {evidence.point.title}: ", style="bold")
        judged = point.judgement or "not given yet"
        line.append(judged, style={"met": "green", "not met": "red"}.get(judged, "yellow"))
        parts.append(line)
        if point.comment:
            parts.append(Text(indent(point.comment)))
        if evidence.found:
            parts.append(found_table(evidence.found))
    if record.also_found:
        parts += [Text("\nAlso found by badgekit check", style="bold"), found_table(record.also_found)]
    parts.append(Text("\nActions the learner intends to take", style="bold"))
    parts += [Text(f"  • {action}") for action in record.actions or []] or [Text("  none noted", style="dim")]
    if record.follow_up:
        parts.append(Text(f"Follow up on {british_date(record.follow_up)}."))
    if record.feedback:
        parts += [Text("\nFeedback", style="bold"), Text(indent(record.feedback))]
    return Group(*parts)
