"""Readability (BK5xx): reading ease, reading age and very long sentences.

Thresholds suit reflective writing by people in work: plain professional prose
scores 50–60 for reading ease; a statement below 30 is hard going for an assessor
reading many, and a reading age above 21 (a Flesch–Kincaid grade above 16) reads
like a dissertation. Scores are only
given for a statement of 100 words or more, where they mean something. A sentence
of more than 40 words is usually two or three ideas that read better apart
(AcaWriter, the reflective-writing tool, warns from 35).
"""

from __future__ import annotations

from collections.abc import Iterator

from badgekit.checks.model import CheckContext, Example, Finding
from badgekit.checks.registry import rule
from badgekit.checks.samples import REFLECTIVE, WRITING_EVIDENCE_GOOD, words
from badgekit.checks.textstats import readability_of, sentence_words

_BOUNDARIES = "leadership-across-boundaries"
MIN_WORDS_FOR_SCORES = 100
LOW_READING_EASE = 30.0
HIGH_READING_AGE = 21.0
LONG_SENTENCE = 40

_DENSE = (
    "Interprofessional collaborative methodologies necessitate comprehensive organisational "
    "reconfiguration, institutional accountability, and multidimensional evaluative infrastructure."
)
_LONG = " ".join(["we talked about the plan and"] * 7) + " then we agreed it."


@rule(
    "BK501",
    "hard-to-read",
    "readability",
    "warning",
    "The statement's reading ease is very low: long sentences of long words.",
    triggers=[Example(words(120, _DENSE), badge=_BOUNDARIES)],
    clean=[Example(words(120), badge=_BOUNDARIES), Example(words(60, _DENSE), badge=_BOUNDARIES)],
)
def hard_to_read(context: CheckContext) -> Iterator[Finding]:
    scores = readability_of(context)
    if scores.words >= MIN_WORDS_FOR_SCORES and scores.reading_ease < LOW_READING_EASE:
        yield context.report_statement(
            "The statement is hard to read, with long sentences of long words; use shorter sentences and "
            "everyday words where you can."
        )


@rule(
    "BK502",
    "long-sentence",
    "readability",
    "warning",
    "A sentence is more than 40 words long.",
    triggers=[Example(_LONG, badge=_BOUNDARIES)],
    clean=[Example(words(100), badge=_BOUNDARIES), WRITING_EVIDENCE_GOOD, Example("- " + _LONG[:100], badge=None)],
)
def long_sentence(context: CheckContext) -> Iterator[Finding]:
    for start, end, found in sentence_words(context.statement):
        count = len(found)
        if count > LONG_SENTENCE:
            yield context.report(
                start,
                end,
                f"This sentence has {count} words; split it into two or three so that each idea stands out.",
            )


@rule(
    "BK503",
    "high-reading-age",
    "readability",
    "note",
    "The statement needs a very high reading age, like an academic paper.",
    triggers=[Example(words(120, _DENSE), badge=_BOUNDARIES)],
    clean=[Example(words(120, REFLECTIVE), badge=_BOUNDARIES)],
)
def high_reading_age(context: CheckContext) -> Iterator[Finding]:
    scores = readability_of(context)
    if scores.words >= MIN_WORDS_FOR_SCORES and scores.reading_age > HIGH_READING_AGE:
        yield context.report_statement(
            "The statement reads like an academic paper, which few readers find easy; an assessor "
            "wants your own plain words about your practice."
        )
