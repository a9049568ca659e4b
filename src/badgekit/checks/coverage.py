"""Coverage (BK2xx): whether the statement evidences each criterion, on which sentences, in how many words.

The judging itself is evidence.py's: each criterion is ``covered``, ``unclear`` or
``missing``, with the one to three sentences the judgement rests on. These rules report
it: a criterion the engine is confident is missing is an error (BK201), one it cannot
tell is a warning that quotes the nearest sentence (BK205).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from badgekit.checks.evidence import Status, judge
from badgekit.checks.model import CheckContext, Example, Finding
from badgekit.checks.registry import rule
from badgekit.checks.samples import REFLECTIVE, WRITING_EVIDENCE_GOOD, words
from badgekit.checks.terms import tokens
from badgekit.invocation import run
from badgekit.text import counted

if TYPE_CHECKING:
    from collections.abc import Sequence

    from badgekit.badges.model import Badge, Criterion
    from badgekit.statement.parse import Statement

#: A covered criterion with fewer words than this (and no minimum of its own) is thin.
THIN_WORDS = 30
#: How much of a sentence evidence quotes.
OPENING_WORDS = 12


@dataclass(frozen=True)
class Evidence:
    """A sentence a judgement rests on: its line and its opening words."""

    line: int
    text: str
    start: int  # file offsets of the whole sentence
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"line": self.line, "text": self.text}


def opening_words(text: str, count: int = OPENING_WORDS) -> str:
    """The first ``count`` words of a sentence, with an ellipsis when there are more."""
    found = " ".join(text.split())
    parts = found.split(" ")
    return found if len(parts) <= count else " ".join(parts[:count]) + "…"


@dataclass(frozen=True)
class CriterionCoverage:
    """Whether one criterion is evidenced, on what, where, and with how many words."""

    number: int
    text: str
    status: Status
    words: int
    heading: str | None  # the heading of its own section, if it has one
    start: int | None  # offset of its heading or of its first evidence
    evidence: tuple[Evidence, ...] = ()
    probability: float = 1.0

    @property
    def covered(self) -> bool:
        return self.status == "covered"

    def to_dict(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "text": self.text,
            "covered": self.covered,
            "status": self.status,
            "words": self.words,
            "heading": self.heading,
            "evidence": [e.to_dict() for e in self.evidence],
        }


def evidence_at(statement: Statement, span: tuple[int, int], hidden: Sequence[tuple[int, int, str]] = ()) -> Evidence:
    """The sentence at file offsets ``span``, as evidence: its line and opening words.

    ``hidden`` are (start, end, replacement) spans that must never be quoted back, such as
    the identifying details the privacy rules found: a report that repeats a name publishes it.
    """
    start, end = span
    pieces, position = [], start
    for a, b, replacement in sorted(hidden):
        if b <= position or a >= end:
            continue
        pieces += [statement.text[position : max(a, position)], replacement]
        position = min(b, end)
    pieces.append(statement.text[position:end])
    return Evidence(statement.position(start)[0], opening_words("".join(pieces)), start, end)


def analyse_criteria(
    statement: Statement, criteria: Sequence[Criterion], hidden: Sequence[tuple[int, int, str]] = ()
) -> list[CriterionCoverage]:
    """Each criterion judged against the statement (see evidence.py); quotes leave out ``hidden``."""
    result = []
    for judgement in judge(statement, criteria):
        criterion = criteria[judgement.index]
        evidence = tuple(evidence_at(statement, (s.start, s.end), hidden) for s in judgement.evidence)
        block = judgement.block
        start = block.start if block is not None else (evidence[0].start if evidence else None)
        result.append(
            CriterionCoverage(
                number=criterion.number,
                text=criterion.text,
                status=judgement.status,
                words=judgement.words,
                heading=block.heading if block is not None else None,
                start=start,
                evidence=evidence,
                probability=judgement.probability,
            )
        )
    return result


def analyse(context: CheckContext) -> list[CriterionCoverage]:
    """Coverage for the context's criteria, worked out once and shared by every rule."""
    cached = context.shared.get("coverage")
    if cached is None:
        cached = analyse_criteria(context.statement, context.criteria, hidden_details(context))
        if context.headings_quote is not None:
            # Written for another badge: what reads as this one's evidence cannot be relied on (BK606 says why).
            cached = [replace(c, status="unclear") if c.status == "covered" else c for c in cached]
        context.shared["coverage"] = cached
    return list(cached)


def hidden_details(context: CheckContext) -> list[tuple[int, int, str]]:
    """The identifying details no quotation may repeat, with what stands in for each, whichever rules were
    chosen: a report, a warning or a review that quotes a name publishes it again."""
    from badgekit.checks.privacy import identifying_spans

    return [(s.start, s.end, s.suggestion) for s in identifying_spans(context)]


def best_level(badge: Badge, statement: Statement) -> str | None:
    """The framework level whose statements this one covers best (the first on a tie).

    Numbered headings cover any level equally, so the words of the headings decide.
    """
    best: tuple[float, str] | None = None
    for level in badge.levels:
        coverage = analyse_criteria(statement, level.criteria)
        score = sum(c.probability for c in coverage)
        for item in coverage:
            if item.heading:
                wanted = {s for s, _ in tokens(item.text)}
                score += len(wanted & {s for s, _ in tokens(item.heading)}) / (len(wanted) or 1)
        if best is None or score > best[0]:
            best = (score, level.id)
    return best[1] if best else None


def _where(context: CheckContext, item: CriterionCoverage) -> int:
    return item.start if item.start is not None else context.statement.first_content_offset()


def _kind(context: CheckContext) -> str:
    return context.badge.criterion_word if context.badge else "Criterion"


def _counted(context: CheckContext, count: int) -> str:
    """ "3 criteria", "2 questions": the badge's own noun, agreeing with the count."""
    return context.badge.criteria_counted(count) if context.badge else counted(count, "criterion", "criteria")


_THREE = "---\nbadge: writing-evidence\n---\n\n"


@rule(
    "BK201",
    "criterion-not-covered",
    "coverage",
    "error",
    "A criterion (or question) of the badge is not addressed anywhere in the statement.",
    triggers=[
        WRITING_EVIDENCE_GOOD.split("## 3.")[0],
        _THREE + "I learned three things from the video and why they are important to me.\n",
        Example("## 2. Involving my manager\n\n", badge="writing-evidence"),
    ],
    clean=[
        WRITING_EVIDENCE_GOOD,
        _THREE
        + "I learned three things from the video, and each is important to me.\n\n"
        + "I discussed the hints and tips with my manager and will ask her to check my next badge.\n\n"
        + "I will tell my colleagues about Open Badges at a team meeting and why evidence matters.\n",
    ],
)
def criterion_not_covered(context: CheckContext) -> Iterator[Finding]:
    for item in analyse(context):
        if item.status != "missing":
            continue
        if item.heading is not None and context.badge is not None and not item.words:
            # The heading is there (badgekit draft writes one for every criterion): only the answer is missing.
            advice = (
                f"its heading is here but has no answer under it; write one there, or carry on with "
                f"'{run(f'draft {context.badge.id}')}'."
            )
        elif item.heading is not None:
            advice = (
                "the text under its heading does not show it; say what you did that shows it, and what you learned."
            )
        else:
            advice = "add a section with it as the heading and say what you did and learned."
        yield context.report_line(
            _where(context, item),
            f"{_kind(context)} {item.number} is not addressed: “{item.text}”; {advice}",
        )


@rule(
    "BK202",
    "criterion-thin",
    "coverage",
    "warning",
    "A criterion is addressed in very few words, so an assessor may find too little evidence.",
    triggers=[
        Example(
            "## 3. Trust\n\nThe housing officer now rings me first when a tenant is struggling, because I kept my "
            "promises.\n",
            badge="leadership-across-boundaries",
        )
    ],
    clean=[WRITING_EVIDENCE_GOOD, Example("## 1. Trust\n\n" + words(40), badge="leadership-across-boundaries")],
)
def criterion_thin(context: CheckContext) -> Iterator[Finding]:
    by_number = {c.number: c for c in context.criteria}
    for item in analyse(context):
        own_minimum = by_number[item.number].min_words if item.number in by_number else None
        if item.covered and own_minimum is None and item.words < THIN_WORDS:
            yield context.report_line(
                _where(context, item),
                f"{_kind(context)} {item.number} has only {item.words} words; "
                "say what you did, what you learned and how it changed your practice.",
            )


def _normal(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


@rule(
    "BK203",
    "heading-not-criterion-wording",
    "coverage",
    "note",
    "A numbered heading does not give the criterion's own words, as SSSC asks.",
    triggers=[Example("## 3. Trust\n\n" + words(40), badge="leadership-across-boundaries")],
    clean=[
        Example(
            "## 3. build and maintain trust with colleagues in your own, and other, agencies\n\n" + words(40),
            badge="leadership-across-boundaries",
        ),
        Example("## Trust\n\n" + words(40), badge="leadership-across-boundaries"),
    ],
)
def heading_not_criterion_wording(context: CheckContext) -> Iterator[Finding]:
    by_number = {c.number: c for c in context.criteria}
    for section in context.statement.headed_sections:
        criterion = by_number.get(section.number) if section.number is not None else None
        if section.level == 2 and criterion is not None and _normal(section.title) != _normal(criterion.text):
            yield context.report_line(
                section.start,
                f"This heading is not {_kind(context).lower()} {criterion.number}'s wording; "
                "SSSC asks you to use each point from the badge criteria as a heading, word for word.",
            )


@rule(
    "BK204",
    "heading-number-unknown",
    "coverage",
    "warning",
    "A numbered heading gives a number the badge has no criterion for.",
    triggers=[Example("## 9. Something else\n\n" + words(40), badge="writing-evidence")],
    clean=[WRITING_EVIDENCE_GOOD, Example("## 2025 in review\n\n" + REFLECTIVE, badge="writing-evidence")],
)
def heading_number_unknown(context: CheckContext) -> Iterator[Finding]:
    count = len(context.criteria)
    for section in context.statement.headed_sections:
        if section.level == 2 and section.number is not None and not 1 <= section.number <= count:
            yield context.report_line(
                section.start,
                f"This heading is numbered {section.number}, but the badge has {_counted(context, count)}; "
                "number each heading as the badge does.",
            )


@rule(
    "BK205",
    "criterion-unclear",
    "coverage",
    "warning",
    "badgekit cannot tell whether a criterion is evidenced: an assessor may not be able to either.",
    triggers=[
        Example(
            "## 4. Speaking up\n\nAt a case conference I said I was not sure about the plan, although everyone "
            "else agreed with it.\n",
            badge="leadership-across-boundaries",
        )
    ],
    clean=[WRITING_EVIDENCE_GOOD],
)
def criterion_unclear(context: CheckContext) -> Iterator[Finding]:
    for item in analyse(context):
        if item.status != "unclear":
            continue
        nearest = (
            f"the nearest is {context.line_name(item.evidence[0].line)}, “{item.evidence[0].text}”"
            if item.evidence
            else ""
        )
        yield context.report_line(
            _where(context, item),
            f"{_kind(context)} {item.number} may not be evidenced"
            + (f" ({nearest})" if nearest else "")
            + f": it asks you to “{item.text}”; say plainly what you did that shows it.",
        )
