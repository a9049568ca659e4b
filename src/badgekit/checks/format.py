"""Format (BK6xx): the declaration, the right badge, a framework's level, and what to earn first.

SSSC says most declined applications were for the wrong badge, so a title that
names another badge is worth a warning. A statement naming a badge that does not
exist is not a finding: ``check`` stops with exit code 3 and suggests the nearest id.
What to earn first names only the badges the learner's profile (``badgekit profile``)
does not hold, one finding each, and says nothing once it holds them all; the runner
(checks/report.py) works that out and gives it to the rule as ``CheckContext.to_earn``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from badgekit.checks.model import CheckContext, Example, Finding
from badgekit.checks.registry import rule
from badgekit.checks.samples import REFLECTIVE, WRITING_EVIDENCE_GOOD, draft, words
from badgekit.invocation import program

if TYPE_CHECKING:
    pass

_BOUNDARIES = "leadership-across-boundaries"
_DECLARATION = (
    "In studying and completing the activities for this badge, I confirm that all the work provided as "
    "evidence will be my own."
)


@rule(
    "BK601",
    "declaration-missing",
    "format",
    "warning",
    "The badge has a declaration, but the statement does not include it.",
    triggers=[draft(_BOUNDARIES, [words(40)])],
    clean=[
        draft(_BOUNDARIES, [words(40)], declaration=_DECLARATION),
        draft(_BOUNDARIES, [words(40) + "\n\n" + _DECLARATION.replace(" as ", "\nas ")]),
        WRITING_EVIDENCE_GOOD,
    ],
)
def declaration_missing(context: CheckContext) -> Iterator[Finding]:
    if context.badge is not None and context.badge.declaration and not context.statement.declaration_found:
        yield context.report(
            len(context.statement.text.rstrip()),
            len(context.statement.text.rstrip()),
            "The badge's declaration is missing; end the statement with a '## Declaration' heading and the "
            f"declaration text from '{program()} show {context.badge.id}'.",
        )


def _plain(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


@rule(
    "BK602",
    "title-names-another-badge",
    "format",
    "warning",
    "The statement's title is not the title of the badge it is checked against.",
    triggers=[
        "---\nbadge: writing-evidence\n---\n\n# Leading and managing across boundaries\n\n" + REFLECTIVE,
        "---\nbadge: writing-evidence\ntitle: Managing risk\n---\n\n" + REFLECTIVE,
    ],
    clean=[
        WRITING_EVIDENCE_GOOD,
        "---\nbadge: writing-evidence\n---\n\n# My evidence: Writing evidence for Open Badge applications\n\n"
        + REFLECTIVE,
        Example(REFLECTIVE, badge="writing-evidence"),
    ],
)
def title_names_another_badge(context: CheckContext) -> Iterator[Finding]:
    if context.badge is None:
        return
    statement = context.statement
    candidates: list[tuple[str, int]] = []
    front_title = statement.front_matter.get("title")
    if isinstance(front_title, str) and front_title.strip():
        line = statement.front_matter_lines.get("title", 1)
        candidates.append((front_title, statement.offset_of_line(line)))
    heading = next((s for s in statement.sections if s.level == 1), None)
    if heading is not None:
        candidates.append((heading.title, heading.start))
    wanted = _plain(context.badge.title)
    for title, offset in candidates:
        if wanted not in _plain(title) and _plain(title) not in wanted:
            yield context.report_line(
                offset,
                f"The title is not this badge's title ('{context.badge.title}'); SSSC declines most "
                "applications for being made to the wrong badge, so check you are applying for the right one.",
            )
            return


@rule(
    "BK603",
    "prerequisites-reminder",
    "format",
    "note",
    "A reminder of the badges to hold, or earn first, that the learner's profile does not record yet.",
    triggers=[WRITING_EVIDENCE_GOOD],
    clean=[Example(REFLECTIVE, badge="multi-agency-expectations")],
)
def prerequisites_reminder(context: CheckContext) -> Iterator[Finding]:
    # What is still to earn was worked out from the profile by the runner: a rule reads no file.
    for advice in context.to_earn:
        yield context.report_statement(advice)


@rule(
    "BK604",
    "framework-level-missing",
    "format",
    "warning",
    "A framework's statement does not say which level it reflects against.",
    triggers=[Example(REFLECTIVE, badge="multi-agency-expectations")],
    clean=[
        "---\nbadge: multi-agency-expectations\nlevel: direct-practice\n---\n\n" + REFLECTIVE,
        WRITING_EVIDENCE_GOOD,
    ],
)
def framework_level_missing(context: CheckContext) -> Iterator[Finding]:
    badge = context.badge
    if badge is not None and badge.levels and not context.level_given:
        yield context.report_statement(
            f"Say which level of {badge.title} you reflected against: add a line 'level: ID' among those at the top "
            f"of the file (one of {', '.join(badge.level_ids())}); badgekit guessed '{context.level}' from your "
            "headings."
        )


@rule(
    "BK605",
    "badge-wording-unverified",
    "format",
    "note",
    "Part of the badge's wording was completed from a second source; compare it with the badge page.",
    triggers=[Example(REFLECTIVE, badge="self-leadership")],
    clean=[WRITING_EVIDENCE_GOOD],
)
def badge_wording_unverified(context: CheckContext) -> Iterator[Finding]:
    if context.badge is None:
        return
    wanted = {c.number for c in context.criteria}
    unverified = [c.number for c in context.criteria if not c.verified and c.number in wanted]
    if not context.badge.source.verified or unverified:
        which = (
            "the badge's wording"
            if not context.badge.source.verified
            else "criteria " + ", ".join(str(n) for n in unverified)
            if len(unverified) > 1
            else f"criterion {unverified[0]}"
        )
        yield context.report_statement(
            f"badgekit's copy of {which} was completed from a second source; compare it with the badge page "
            f"({context.badge.source.url}) before you submit."
        )


def _headed(badge_id: str, *criteria: str) -> Example:
    return Example("".join(f"## {n}. {text}\n\n{REFLECTIVE}\n\n" for n, text in enumerate(criteria, 1)), badge=badge_id)


@rule(
    "BK606",
    "headings-quote-another-badge",
    "format",
    "error",
    "The statement's headings quote another badge's criteria: it was written for that badge.",
    triggers=[
        _headed(
            "leadership-across-boundaries",
            "tell us about at least three things you learned from the video and why these are important to you",
            "tell us about at least one thing you will do to make your colleagues aware of Open Badges and why "
            "evidence is important",
        )
    ],
    clean=[
        WRITING_EVIDENCE_GOOD,
        _headed(
            "writing-evidence",
            "tell us about at least three things you learned from the video and why these are important to you",
        ),
    ],
)
def headings_quote_another_badge(context: CheckContext) -> Iterator[Finding]:
    other = context.headings_quote
    if other is None or context.badge is None:
        return
    yield context.report_statement(
        f"The headings quote the criteria of '{other.title}' ({other.id}), not of this badge; SSSC returns "
        f"evidence sent to the wrong badge. Check you are applying for the right one, or check it against "
        f"that badge with '--badge {other.id}'."
    )
