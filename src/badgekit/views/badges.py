"""How badges look in the terminal: the catalogue table and one badge in full.

Plain functions that build Rich renderables from badges; the CLI prints them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from badgekit.badges.model import Badge, Criterion
from badgekit.badges.schema import EVIDENCE_FORMATS
from badgekit.invocation import program

if TYPE_CHECKING:
    from rich.console import RenderableType
    from rich.text import Text

    from badgekit.badges.catalogue import Catalogue
    from badgekit.tracking.profile import Profile


#: SSSC's guidance for managers, tip 10, in one line.
LIMITS_LINE = "A badge shows learning, not competence: it does not replace mandatory or accredited training."


def prerequisite_lines(badge: Badge, catalogue: Catalogue, profile: Profile | None = None) -> list[str]:
    """Each prerequisite in words, saying whether it is required or recommended,
    and, once the learner keeps a profile, whether they hold it."""
    lines = []
    for prereq in badge.prerequisites:
        label = catalogue.prerequisite_label(prereq)
        if prereq.text:
            line = f"{label} ({prereq.level})"
        elif prereq.level == "required":
            line = f"Required first: {label}"
        else:
            line = f"Recommended first: {label}"
        if profile is not None and profile.exists:
            line += " – you hold this" if profile.holds(prereq, catalogue) else " – not in your profile yet"
        lines.append(line)
    return lines


def catalogue_table(catalogue: Catalogue) -> RenderableType:
    """Every badge, three columns wide so that it reads in an 80-column terminal."""
    from rich import box
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    table = Table(title=f"{len(catalogue)} badges", title_justify="left", box=box.SIMPLE_HEAD, expand=False)
    # An id is what people type next: it must never be cut short (Rich would end it with "…").
    longest_id = max((len(badge.id) for badge in catalogue), default=10)
    table.add_column("badge (id, then title)", min_width=longest_id)
    table.add_column("words", width=14)
    table.add_column("earn first")
    # Introductory badges (no series) first, then each series in order, frameworks last.
    in_order = sorted(catalogue, key=lambda b: (b.kind == "framework", b.series or "", b.number or 0, b.title))
    any_unverified = False
    for badge in in_order:
        name = Text(badge.id, style="bold")
        name.append(f"\n{badge.title}")
        if badge.series_label:
            name.append(f"\n{badge.series_label}", style="dim")
        required = [catalogue.prerequisite_title(p) for p in badge.prerequisites if p.level == "required"]
        recommended = sum(1 for p in badge.prerequisites if p.level == "recommended")
        earn_first = Text("\n".join(required) or ("" if recommended else "nothing"))
        if recommended:
            earn_first.append(("\n" if required else "") + f"{recommended} recommended", style="dim")
        any_unverified = any_unverified or not badge.words.verified
        table.add_row(name, badge.words.describe(), earn_first, end_section=True)
    if not any_unverified:
        return table
    # A note after the table, not a table caption: Rich crops a caption to the table's width.
    note = Text(
        f"(unverified): not confirmed on the badge's own page. '{program()} show ID' gives the details,"
        " including the recommended badges.",
        style="dim",
    )
    return Group(table, note)


def _criterion_lines(criteria: tuple[Criterion, ...]) -> list[str]:
    lines = []
    for criterion in criteria:
        flag = "  [yellow](wording unverified)[/]" if not criterion.verified else ""
        extra = f"  [dim](at least {criterion.min_words} words)[/]" if criterion.min_words else ""
        lines.append(f"  {criterion.number}. {_escape(criterion.text)}{extra}{flag}")
    return lines


def _escape(text: str) -> str:
    from rich.markup import escape

    return escape(text)


def _head(badge: Badge) -> Text:
    """The badge's title, series, id and aliases, for the panel at the top of ``badge_detail``."""
    from rich.text import Text

    head = Text(badge.title, style="bold")
    if badge.series_label:
        head.append(f"\n{badge.series_label}", style="dim")
    head.append(f"\nid: {badge.id}", style="dim")
    if badge.aliases:
        head.append(f"  (also: {', '.join(badge.aliases)})", style="dim")
    return head


def badge_detail(badge: Badge, catalogue: Catalogue, profile: Profile | None = None) -> RenderableType:
    """Everything a learner wants to read before starting on a badge."""
    from rich.console import Group
    from rich.panel import Panel
    from rich.text import Text

    parts: list[RenderableType] = [Panel(_head(badge), expand=False)]

    def section(title: str, lines: list[str]) -> None:
        parts.append(Text(""))
        parts.append(Text(title, style="bold underline"))
        parts.extend(Text.from_markup(line) for line in lines)

    section("About this badge", [_escape(badge.description)] + ([_escape(badge.guidance)] if badge.guidance else []))
    if badge.kind == "framework":
        parts.append(Text("This is a framework to reflect against, not an SSSC badge's criteria.", style="italic"))
    if badge.steps:
        section(
            "Before you write",
            [
                f"  {i}. {_escape(s.text)}" + (f" [dim]({_escape(s.url)})[/]" if s.url else "")
                for i, s in enumerate(badge.steps, 1)
            ],
        )
    what = "Questions to answer" if badge.criterion_noun == "question" else badge.criteria_noun.capitalize()
    if badge.levels:
        for level in badge.levels:
            section(f"{level.title} (level id: {level.id})", _criterion_lines(level.criteria))
    else:
        intro = [_escape(badge.criteria_intro)] if badge.criteria_intro else []
        section(f"{what} ({len(badge.criteria)})", intro + _criterion_lines(badge.criteria))
    section("How much to write", [badge.words.describe()[:1].upper() + badge.words.describe()[1:] + "."])
    if badge.prerequisites:
        lines = [f"  • {_escape(line)}" for line in prerequisite_lines(badge, catalogue, profile)]
        if profile is not None and not profile.exists:
            lines.append(f"  [dim]Record the badges you hold with: {program()} profile add BADGE[/]")
        section("Prerequisites", lines)
    if badge.evidence_formats:
        section("Evidence you can give", [f"  • {EVIDENCE_FORMATS[f].capitalize()}" for f in badge.evidence_formats])
    if badge.declaration:
        section("Declaration you agree to when you apply", [f"  “{_escape(badge.declaration)}”"])
    issuer = badge.issuer or "not known"
    section("Issuer and source", [f"Issuer: {_escape(issuer)}", f"Source: {_escape(badge.source.url)}"])
    parts.append(Text(""))
    parts.append(Text(LIMITS_LINE, style="italic"))
    unverified = badge.unverified()
    if unverified:
        parts.append(
            Text.from_markup(
                "[yellow]Not checked word for word against the badge page: "
                + _escape("; ".join(unverified))
                + ". Compare with the badge page before you rely on it.[/]"
            )
        )
    if badge.source.note:
        parts.append(Text(badge.source.note, style="dim"))
    return Group(*parts)
