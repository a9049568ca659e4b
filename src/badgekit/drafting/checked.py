"""A draft checked as the statement it would make, with each identifying detail placed back in its answer.

``badgekit check`` reads a statement file; a draft being written (the web page's) has no file
yet. ``check_draft`` writes the statement in memory as ``badgekit draft`` would, checks it as
``badgekit check`` does, and finds each privacy finding in the answer (or notes from a
discussion) it came from, so that the learner can see it in their own text and replace it with
the suggested neutral wording (``replace_detail``), which saves the draft.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from badgekit.errors import BadgekitError

if TYPE_CHECKING:
    from badgekit.badges.catalogue import Catalogue
    from badgekit.badges.model import Badge
    from badgekit.checks.model import Finding
    from badgekit.checks.report import FileReport
    from badgekit.drafting.store import Draft
    from badgekit.tracking.profile import Profile


@dataclass(frozen=True)
class Detail:
    """An identifying detail in one answer: where it is in that answer's text, and what to write instead."""

    criterion: str  # the criterion's id
    notes: bool  # in the notes from a discussion, not the answer
    start: int  # offsets into the answer's own text
    end: int
    text: str
    suggestion: str | None
    finding: Finding


@dataclass(frozen=True)
class DraftCheck:
    """The statement a draft makes, what the check found in it, and each identifying detail in its answer."""

    text: str
    report: FileReport
    details: tuple[Detail, ...]
    unplaced: tuple[Finding, ...]  # privacy findings outside any answer (a title, a template's own words)


def statement_text(badge: Badge, draft: Draft, templates_dir: Path | None = None) -> str:
    """The statement the draft makes now, as ``badgekit draft`` would write it."""
    from badgekit.render import render_markdown

    answers = {cid: answer.text for cid, answer in draft.answers.items()}
    notes = {cid: answer.text for cid, answer in draft.discussions.items()}
    return render_markdown(badge, answers, notes=notes, level=draft.level, templates_dir=templates_dir)


def statement_name(badge: Badge) -> str:
    """The name the statement is given where no file is written: the one ``badgekit draft`` writes."""
    return f"{badge.id}-statement.md"


def _answer_places(badge: Badge, draft: Draft, text: str) -> list[tuple[int, str, bool, str]]:
    """Where each answer and note sits in the statement (offset, criterion id, notes?, text), in order."""
    places = []
    position = 0
    for criterion in badge.criteria_for(draft.level):
        for notes, given in ((False, draft.answer(criterion.id)), (True, draft.discussion(criterion.id))):
            if not given:
                continue
            found = text.find(given, position)
            if found >= 0:  # a template of the learner's own may change an answer: then it cannot be placed
                places.append((found, criterion.id, notes, given))
                position = found + len(given)
    return places


def check_draft(
    badge: Badge,
    draft: Draft,
    catalogue: Catalogue,
    *,
    profile: Profile | None = None,
    allowed_names: tuple[str, ...] = (),
    templates_dir: Path | None = None,
) -> DraftCheck:
    """Check the statement the draft makes, with every rule, and place each identifying detail in its answer."""
    from badgekit.checks.registry import select_rules
    from badgekit.checks.report import Options, check_text

    text = statement_text(badge, draft, templates_dir)
    rules = tuple(select_rules())
    options = Options(badge=badge.id, level=draft.level, allowed_names=allowed_names, rules=rules, profile=profile)
    report = check_text(text, statement_name(badge), catalogue, options)
    places = _answer_places(badge, draft, text)
    details: list[Detail] = []
    unplaced: list[Finding] = []
    for finding in report.findings:
        if finding.category != "privacy":
            continue
        home = next((p for p in places if p[0] <= finding.start and finding.end <= p[0] + len(p[3])), None)
        if home is None:
            unplaced.append(finding)
            continue
        offset, criterion_id, notes, given = home
        start, end = finding.start - offset, finding.end - offset
        details.append(Detail(criterion_id, notes, start, end, given[start:end], finding.suggestion, finding))
    return DraftCheck(text, report, tuple(details), tuple(unplaced))


def replace_detail(draft: Draft, criterion_id: str, notes: bool, start: int, expected: str, replacement: str) -> None:
    """Replace one identifying detail in an answer (or notes) with a neutral wording; the text before the
    change is kept in ``earlier`` as any replaced answer is. Refused when the answer has changed since the
    detail was found, so that a click never replaces the wrong words."""
    given = draft.discussion(criterion_id) if notes else draft.answer(criterion_id)
    end = start + len(expected)
    if given is None or start < 0 or not expected or given[start:end] != expected:
        raise BadgekitError(
            "this answer has changed since it was checked, so nothing was replaced",
            hint="Check your statement again to see the details as they are now.",
        )
    changed = given[:start] + replacement + given[end:]
    if notes:
        draft.set_discussion(criterion_id, changed)
    else:
        draft.set_answer(criterion_id, changed)
