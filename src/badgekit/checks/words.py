"""Words (BK1xx): the learner's word count against the badge's rule.

The count is badgekit.statement.wordcount's rule over the learner's answers only (see
statement.py): front matter, headings, the declaration and markup are not counted.
Below a hard minimum or above a hard maximum is an error; outside the suggested
range is a warning that says by how much; a criterion with its own minimum is
checked on the words spent on it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from badgekit.checks.coverage import analyse
from badgekit.checks.model import CheckContext, Example, Finding
from badgekit.checks.registry import rule
from badgekit.checks.samples import SAMPLE_BADGE_ID, WRITING_EVIDENCE_GOOD, draft, words

if TYPE_CHECKING:
    from badgekit.badges.model import WordRule

_BOUNDARIES = "leadership-across-boundaries"


def _plural(count: int, noun: str = "word") -> str:
    return f"{count:,} {noun}" + ("" if count == 1 else "s")


def _suggested(rule_: WordRule) -> str:
    low, high = rule_.suggested_min, rule_.suggested_max
    if low is not None and high is not None:
        return f"suggested {low:,}–{high:,} words"
    return f"suggested {low:,} words or more" if low is not None else f"suggested {high:,} words at most"


@rule(
    "BK101",
    "words-below-minimum",
    "words",
    "error",
    "The statement has fewer words than the badge's minimum.",
    triggers=[Example(words(120), badge="writing-evidence"), "---\nbadge: writing-evidence\n---\n"],
    clean=[WRITING_EVIDENCE_GOOD, Example(words(160), badge="writing-evidence")],
)
def words_below_minimum(context: CheckContext) -> Iterator[Finding]:
    minimum = context.badge.words.minimum if context.badge else None
    count = context.statement.words
    if minimum is not None and count < minimum:
        yield context.report_statement(
            f"The statement has {_plural(count)}, but this badge needs at least {minimum:,}; "
            f"write {_plural(minimum - count)} more about what you did and learned."
        )


@rule(
    "BK102",
    "words-above-maximum",
    "words",
    "error",
    "The statement has more words than the badge allows.",
    triggers=[Example(words(1000), badge=SAMPLE_BADGE_ID)],
    clean=[Example(words(800), badge=SAMPLE_BADGE_ID), Example(words(1200), badge=_BOUNDARIES)],
)
def words_above_maximum(context: CheckContext) -> Iterator[Finding]:
    maximum = context.badge.words.maximum if context.badge else None
    count = context.statement.words
    if maximum is not None and count > maximum:
        yield context.report_statement(
            f"The statement has {_plural(count)}, but this badge allows at most {maximum:,}; "
            f"cut {_plural(count - maximum)}, keeping what shows your learning."
        )


@rule(
    "BK103",
    "words-below-suggested",
    "words",
    "warning",
    "The statement is shorter than the badge's suggested range.",
    triggers=[Example(words(300), badge=_BOUNDARIES)],
    clean=[Example(words(600), badge=_BOUNDARIES), Example(words(300), badge="writing-evidence")],
)
def words_below_suggested(context: CheckContext) -> Iterator[Finding]:
    rule_ = context.badge.words if context.badge else None
    count = context.statement.words
    if rule_ is None or rule_.suggested_min is None or count >= rule_.suggested_min:
        return
    if rule_.minimum is not None and count < rule_.minimum:
        return  # BK101 already says so, more strongly
    yield context.report_statement(
        f"The statement has {_plural(count)}, {_plural(rule_.suggested_min - count)} below the "
        f"{_suggested(rule_)}; say more about what you learned and how your practice changed."
    )


@rule(
    "BK104",
    "words-above-suggested",
    "words",
    "warning",
    "The statement is longer than the badge's suggested range.",
    triggers=[Example(words(1100), badge=_BOUNDARIES)],
    clean=[Example(words(900), badge=_BOUNDARIES), Example(words(1100), badge="writing-evidence")],
)
def words_above_suggested(context: CheckContext) -> Iterator[Finding]:
    rule_ = context.badge.words if context.badge else None
    count = context.statement.words
    if rule_ is None or rule_.suggested_max is None or count <= rule_.suggested_max:
        return
    if rule_.maximum is not None and count > rule_.maximum:
        return  # BK102 already says so, more strongly
    yield context.report_statement(
        f"The statement has {_plural(count)}, {_plural(count - rule_.suggested_max)} over the "
        f"{_suggested(rule_)}; an assessor reads focused evidence more easily, so trim description first."
    )


@rule(
    "BK105",
    "criterion-below-minimum",
    "words",
    "error",
    "A criterion with its own minimum has fewer words than that minimum.",
    triggers=[draft("writing-evidence", [words(60), words(30), words(30)])],
    clean=[WRITING_EVIDENCE_GOOD, draft("writing-evidence", [words(100), words(25), words(25)])],
)
def criterion_below_minimum(context: CheckContext) -> Iterator[Finding]:
    by_number = {c.number: c for c in context.criteria}
    for item in analyse(context):
        criterion = by_number.get(item.number)
        minimum = criterion.min_words if criterion else None
        if item.covered and minimum is not None and item.words < minimum:
            where = item.start if item.start is not None else context.statement.first_content_offset()
            yield context.report_line(
                where,
                f"{context.badge.criterion_word if context.badge else 'Criterion'} {item.number} has "
                f"{_plural(item.words)}, but the badge asks for at least {minimum:,} on it; "
                f"add {_plural(minimum - item.words)}.",
            )


@rule(
    "BK106",
    "word-count-out-of-date",
    "words",
    "note",
    "The 'words:' line in the front matter no longer matches the statement.",
    triggers=["---\nbadge: writing-evidence\nwords: 400\n---\n\n" + words(160)],
    clean=[f"---\nbadge: writing-evidence\nwords: {len(words(160).split())}\n---\n\n" + words(160)],
)
def word_count_out_of_date(context: CheckContext) -> Iterator[Finding]:
    declared = context.statement.declared_words
    count = context.statement.words
    if declared is not None and declared != count:
        line = context.statement.front_matter_lines.get("words")
        offset = context.statement.offset_of_line(line) if line else context.statement.first_content_offset()
        yield context.report_line(
            offset,
            f"The front matter says {_plural(declared)}, but the statement now has {count:,}; "
            "update the 'words:' line so that it matches.",
        )
