"""How badges look in the terminal: the catalogue table and one badge in full.

Plain functions that build styled text and grids from badges (views/styled.py, views/grid.py); the CLI
prints them, without importing Rich where it can.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import TYPE_CHECKING

from badgekit.badges import ai_rule
from badgekit.badges.model import Badge, Criterion
from badgekit.badges.schema import EVIDENCE_FORMATS
from badgekit.invocation import program
from badgekit.text import british_date

if TYPE_CHECKING:
    from badgekit.badges.catalogue import Catalogue
    from badgekit.tracking.profile import Profile
    from badgekit.views.styled import Framed, Stack, Styled


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


#: The heading for badges in no series (the introductory badges among them), and for frameworks.
SINGLE_BADGES = "Badges in no series"
FRAMEWORKS = "Frameworks to reflect against"


def group_badges(badges: Iterable[Badge]) -> list[tuple[str, list[Badge]]]:
    """Badges by series, in number order: badges in no series first, then each series by name,
    frameworks last."""
    groups: dict[str, list[Badge]] = {}
    for badge in badges:
        name = FRAMEWORKS if badge.kind == "framework" else badge.series or SINGLE_BADGES
        groups.setdefault(name, []).append(badge)
    order = sorted(groups, key=lambda name: (name == FRAMEWORKS, name != SINGLE_BADGES, name.casefold()))
    return [(name, sorted(groups[name], key=lambda b: (b.number or 0, b.title))) for name in order]


def _status(badge: Badge) -> str:
    """What a learner must know before choosing the badge, in a few words; empty when nothing."""
    marks = [] if badge.accepting_applications else ["no longer taking applications"]
    if badge.endorsement:
        marks.append("endorsement required")
    if badge.no_ai:
        marks.append("no AI allowed")
    return "; ".join(marks)


def catalogue_listing(badges: Sequence[Badge], catalogue: Catalogue, heading: str) -> Stack:
    """The badges grouped by series, each as its id, title, word guidance and what to earn first.

    Built to read in an 80-column terminal: an id is never cut or wrapped. Built as styled text and a
    listing grid (views/styled.py, views/grid.py), so that a pipe is written without importing Rich.
    """
    from badgekit.views.grid import Listing
    from badgekit.views.styled import Stack, Styled

    parts: list[Styled | Listing] = [Styled(heading, style="bold")]
    for name, group in group_badges(badges):
        parts += [Styled(""), Styled(name, style="bold underline")]
        rows = []
        for badge in group:
            entry = Styled(badge.title)
            status = _status(badge)
            if status:
                entry.append(f"\n{status}", style="yellow")
            entry.append("\n" + _words_and_earn_first(badge, catalogue), style="dim")
            number = f"#{badge.number}" if badge.number is not None else ""
            rows.append((number, badge.id, entry))
        parts.append(Listing(4, rows))
    if any(not badge.words.verified for badge in badges):
        parts += [
            Styled(""),
            Styled(
                f"(unverified): not confirmed on the badge's own page. '{program()} show ID' gives the details,"
                " including the recommended badges.",
                style="dim",
            ),
        ]
    return Stack(*parts)


def _words_and_earn_first(badge: Badge, catalogue: Catalogue) -> str:
    required = [catalogue.prerequisite_title(p) for p in badge.prerequisites if p.level == "required"]
    recommended = sum(1 for p in badge.prerequisites if p.level == "recommended")
    earn_first = "; ".join(required + ([f"{recommended} recommended"] if recommended else [])) or "nothing"
    return f"{badge.words.describe()} · earn first: {earn_first}"


def ai_lines(badge: Badge) -> list[str]:
    """SSSC's rule on AI and what badgekit does (``show``); a badge's own ban comes first, and then
    SSSC's general rule is given as what applies to other badges."""
    ban = ai_rule.ban_line(badge)
    if ban is None:
        return [*ai_rule.summary(), ai_rule.BADGEKIT_NEVER]
    return [ban, ai_rule.BADGEKIT_NEVER, "For other badges, SSSC's general rule:", *ai_rule.summary()]


def _criterion_lines(criteria: tuple[Criterion, ...]) -> list[Styled]:
    from badgekit.views.styled import Styled

    lines = []
    for criterion in criteria:
        line = Styled(f"  {criterion.number}. {criterion.text}")
        if criterion.min_words:
            line.append("  ").append(f"(at least {criterion.min_words} words)", style="dim")
        if not criterion.verified:
            line.append("  ").append("(wording unverified)", style="yellow")
        lines.append(line)
    return lines


def _head(badge: Badge) -> Styled:
    """The badge's title, series, id and aliases, for the frame at the top of ``badge_detail``."""
    from badgekit.views.styled import Styled

    head = Styled(badge.title, style="bold")
    if badge.series_label:
        head.append(f"\n{badge.series_label}", style="dim")
    head.append(f"\nid: {badge.id}", style="dim")
    if badge.aliases:
        head.append(f"  (also: {', '.join(badge.aliases)})", style="dim")
    return head


def badge_detail(badge: Badge, catalogue: Catalogue, profile: Profile | None = None) -> Stack:
    """Everything a learner wants to read before starting on a badge.

    Built as styled text in a frame (views/styled.py), never as Rich markup, so that a badge's words are
    shown as they are written and a pipe or a terminal is written without importing Rich."""
    from badgekit.views.styled import Framed, Stack, Styled

    parts: list[Styled | Framed] = [Framed(_head(badge))]
    parts.extend(Styled(line, style="bold yellow") for line in badge.before_you_start())

    def section(title: str, lines: Sequence[str | Styled]) -> None:
        parts.append(Styled(""))
        parts.append(Styled(title, style="bold underline"))
        parts.extend(Styled(line) if isinstance(line, str) else line for line in lines)

    section("About this badge", [badge.description] + ([badge.guidance] if badge.guidance else []))
    if badge.kind == "framework":
        parts.append(Styled("This is a framework to reflect against, not an SSSC badge's criteria.", style="italic"))
    if badge.steps:
        steps = []
        for i, step in enumerate(badge.steps, 1):
            line = Styled(f"  {i}. {step.text}")
            if step.url:
                line.append(" ").append(f"({step.url})", style="dim")
            steps.append(line)
        section("Before you write", steps)
    what = "Questions to answer" if badge.criterion_noun == "question" else badge.criteria_noun.capitalize()
    if badge.levels:
        for level in badge.levels:
            section(f"{level.title} (level id: {level.id})", _criterion_lines(level.criteria))
    else:
        intro: list[str | Styled] = [badge.criteria_intro] if badge.criteria_intro else []
        section(f"{what} ({len(badge.criteria)})", [*intro, *_criterion_lines(badge.criteria)])
    section("How much to write", [badge.words.describe()[:1].upper() + badge.words.describe()[1:] + "."])
    if badge.prerequisites:
        lines: list[str | Styled] = [f"  • {line}" for line in prerequisite_lines(badge, catalogue, profile)]
        if profile is not None and not profile.exists:
            lines.append(Styled("  ").append(f"Record the badges you hold with: {program()} profile add BADGE", "dim"))
        section("Prerequisites", lines)
    if badge.evidence_formats:
        section("Evidence you can give", [f"  • {EVIDENCE_FORMATS[f].capitalize()}" for f in badge.evidence_formats])
    if badge.declaration:
        section("Declaration you agree to when you apply", [f"  “{badge.declaration}”"])
    if badge.endorsement:
        section("Endorsement", [f"  “{badge.endorsement}”"])
    section("Using AI", ai_lines(badge))
    issuer = badge.issuer or "not known"
    read = f" (read {british_date(date.fromisoformat(badge.source.read))})" if badge.source.read else ""
    section("Issuer and source", [f"Issuer: {issuer}", f"Source: {badge.source.url}{read}"])
    parts.append(Styled(""))
    parts.append(Styled(LIMITS_LINE, style="italic"))
    unverified = badge.unverified()
    if unverified:
        parts.append(
            Styled(
                "Not checked word for word against the badge page: "
                + "; ".join(unverified)
                + ". Compare with the badge page before you rely on it.",
                style="yellow",
            )
        )
    if badge.source.note:
        parts.append(Styled(badge.source.note, style="dim"))
    return Stack(*parts)
