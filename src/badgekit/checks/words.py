"""Words (BK1xx): the learner's word count against the badge's rule.

The count is badgekit.statement.wordcount's rule over the learner's answers only (see
statement/parse.py): front matter, headings, the declaration and markup are not counted.
Below a hard minimum or above a hard maximum is an error; outside the suggested
range is a warning that says by how much; a criterion with its own minimum is
checked on the words spent on it. Where a count falls is ``WordRule.judge``'s to say.
A statement far longer than the guidance, or with a paragraph pasted twice, is a warning.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from badgekit.badges.model import FAR_ABOVE_TIMES
from badgekit.checks.coverage import analyse
from badgekit.checks.model import CheckContext, Example, Finding
from badgekit.checks.registry import rule
from badgekit.checks.samples import SAMPLE_BADGE_ID, WRITING_EVIDENCE_GOOD, draft, words
from badgekit.text import counted

_BOUNDARIES = "leadership-across-boundaries"


def _plural(count: int) -> str:
    return counted(count, "word")


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
    judged = context.badge.words.judge(context.statement.words) if context.badge else None
    if judged is not None and judged.band == "below-minimum":
        count, minimum = judged.count, judged.bound or 0
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
    judged = context.badge.words.judge(context.statement.words) if context.badge else None
    if judged is not None and judged.band == "above-maximum":
        count, maximum = judged.count, judged.bound or 0
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
    judged = context.badge.words.judge(context.statement.words) if context.badge else None
    if judged is None or judged.band != "below-suggested":
        return  # below a hard minimum, BK101 says so more strongly
    yield context.report_statement(
        f"The statement has {_plural(judged.count)}, {_plural(judged.by)} below the "
        f"suggested {judged.bound or 0:,}; say more about what you learned and how your practice changed."
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
    judged = context.badge.words.judge(context.statement.words) if context.badge else None
    if judged is None or judged.band != "above-suggested":
        return  # over a hard maximum, BK102 says so more strongly
    yield context.report_statement(
        f"The statement has {_plural(judged.count)}, {_plural(judged.by)} over the "
        f"suggested {judged.bound or 0:,}; an assessor reads focused evidence more easily, so trim description first."
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
    "The 'words:' line at the top of the file no longer matches the statement.",
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
            f"The 'words:' line at the top of the file says {_plural(declared)}, but the statement now has "
            f"{count:,}; change that line so that it matches.",
        )


@rule(
    "BK107",
    "far-above-guidance",
    "words",
    "warning",
    f"The statement is more than {FAR_ABOVE_TIMES} times as long as the badge's word guidance.",
    triggers=[Example(words(500), badge="writing-evidence"), Example(words(3100), badge=_BOUNDARIES)],
    clean=[Example(words(440), badge="writing-evidence"), Example(words(1100), badge=_BOUNDARIES)],
)
def far_above_guidance(context: CheckContext) -> Iterator[Finding]:
    judged = context.badge.words.judge(context.statement.words) if context.badge else None
    if judged is None or judged.band != "far-above":
        return
    yield context.report_statement(
        f"The statement has {_plural(judged.count)}, more than {FAR_ABOVE_TIMES} times the {judged.bound or 0:,} "
        "the badge asks for; check that nothing was pasted by mistake, and keep the evidence that answers "
        "each criterion."
    )


#: Paragraphs shorter than this may repeat on purpose ("Yes.", a short list item); longer ones are pasted twice.
REPEAT_MIN_WORDS = 12
_REPEATED = (
    "I learned that writing evidence against each criterion makes it easier for an assessor to see what I did, "
    "and I will use this structure again in my next statement."
)


@rule(
    "BK108",
    "paragraph-repeated",
    "words",
    "warning",
    "A paragraph appears twice, as happens when text is pasted twice.",
    triggers=[Example(f"{_REPEATED}\n\n{words(150)}\n\n{_REPEATED}", badge="writing-evidence")],
    clean=[WRITING_EVIDENCE_GOOD, Example(f"Yes.\n\n{words(150)}\n\nYes.", badge="writing-evidence")],
)
def paragraph_repeated(context: CheckContext) -> Iterator[Finding]:
    statement = context.statement
    seen: set[str] = set()
    for start, end in statement.paragraphs():
        words_here = re.findall(r"\w+", statement.prose[start:end].lower())
        if len(words_here) < REPEAT_MIN_WORDS:
            continue
        key = " ".join(words_here)
        if key in seen:
            yield context.report(
                start,
                end,
                "This paragraph repeats an earlier one word for word; delete one of them "
                "(it often happens when text is pasted twice).",
            )
        seen.add(key)
