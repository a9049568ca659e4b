"""Reflection (BK4xx): learning, its effect on practice, and what the learner will do next.

SSSC's guidance asks for more than a description of what happened. Its reflective
prompts (Experience, Knowledge, Skills, Reflections, Application) ask what you know
and can do now, what you felt and would do differently, and where you will apply
it; its guidance for managers (tip 5) asks them to check that the learner "mentioned
how this learning relates to the policies and procedures of your organisation" and
to "note the actions they intend to take". These rules look for the language of
each, in any section the learner wrote, and say which is missing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from badgekit.checks.model import CheckContext, Example, Finding
from badgekit.checks.registry import rule
from badgekit.checks.samples import DESCRIPTIVE, FUTURE, POLICY, REFLECTIVE, WRITING_EVIDENCE_GOOD, words

_BOUNDARIES = "leadership-across-boundaries"

#: Thinking about the experience: learning, feeling, judging, changing (Knowledge, Skills, Reflections).
REFLECTIVE_LANGUAGE = re.compile(
    r"\b(?:learn(?:ed|t|ing)?|realis(?:e|ed|ing)|realiz(?:e|ed|ing)|reflect(?:ed|ing|ion|ions)?|"
    r"understand(?:ing)?|understood|recognis(?:e|ed)|recogniz(?:e|ed)|notic(?:e|ed)|discover(?:ed)?|"
    r"felt|feel(?:ing|ings)?|thought|think(?:ing)?|wonder(?:ed)?|surpris(?:e|ed|ing)|challeng(?:ed|ing)|"
    r"aware(?:ness)?|insight|confiden(?:t|ce)|impact|difference|improv(?:e|ed|ement)|"
    r"chang(?:e|ed|es) (?:my|how|the way)|differently|better|helped me|made me|taught me|"
    r"now (?:i|know|see|understand|feel|can)|in hindsight|looking back|on reflection|because|so that|"
    r"which meant|as a result|this meant)\b",
    re.IGNORECASE,
)
#: What the learner will do next (Application; "the actions they intend to take").
FUTURE_ACTION = re.compile(
    r"\b(?:i|we)(?:'|’)?ll\b|\b(?:i|we) (?:will|shall|intend|plan|aim|hope|want|would like|am going to|are going to|"
    r"mean to|have agreed to|need to|must|should)\b|\bgoing forward\b|\bin (?:the )?future\b|\bnext (?:time|step|steps|"
    r"month|week|year|few)\b|\bfrom now on\b|\bmy (?:next|action|development) (?:step|steps|plan|goal|goals)\b|"
    r"\baction plan\b|\bi(?:'|’)m going to\b|\bmoving forward\b",
    re.IGNORECASE,
)
#: What was learned, in so many words (Knowledge and Skills).
LEARNING = re.compile(
    r"\b(?:i (?:have )?(?:learned|learnt|realised|realized|discovered|found out|understood)|"
    r"i (?:now )?(?:know|understand|see|recognise|recognize|appreciate) (?:now )?(?:that|how|why|what|the)|"
    r"(?:taught|showed|helped) me|made me (?:think|realise|realize|aware|reflect|see|question)|"
    r"i (?:did not|didn't|had not|hadn't) (?:know|realise|realize|considered|thought)|"
    r"i can now|i am now|i'm now|now i|my learning|key learning|learning (?:point|points|from)|"
    r"new to me|i (?:have )?developed|i (?:have )?gained|i (?:have )?improved)\b",
    re.IGNORECASE,
)
#: The organisation's policies and procedures, or the codes and standards they follow.
POLICIES = re.compile(
    r"\b(?:polic(?:y|ies)|procedures?|protocols?|guidelines?|codes? of (?:practice|conduct)|"
    r"(?:health and social care |national care )?standards|legislation|framework|"
    r"(?:organisation|organization|service)(?:'|’)?s? (?:approach|values|process|processes|strategy))\b",
    re.IGNORECASE,
)
#: A section this long or longer, with no reflective language at all, only describes.
DESCRIPTION_WORDS = 40
#: Statements shorter than this are left to the words and coverage rules.
STATEMENT_WORDS = 40


def _prose(context: CheckContext, start: int = 0, end: int | None = None) -> str:
    return context.statement.prose[start:end]


def _lacks(context: CheckContext, pattern: re.Pattern[str]) -> bool:
    """A statement long enough to judge, with no words that match ``pattern`` anywhere."""
    return context.statement.words >= STATEMENT_WORDS and not pattern.search(context.statement.prose)


@rule(
    "BK401",
    "description-only",
    "reflection",
    "warning",
    "A section (or a statement with no headings) only describes what happened.",
    triggers=[
        Example("## 1. Working together\n\n" + words(60, DESCRIPTIVE), badge=_BOUNDARIES),
        Example(words(60, DESCRIPTIVE), badge=_BOUNDARIES),
    ],
    clean=[
        Example("## 1. Working together\n\n" + words(50, DESCRIPTIVE) + " " + REFLECTIVE, badge=_BOUNDARIES),
        Example("## 1. Working together\n\n" + words(20, DESCRIPTIVE), badge=_BOUNDARIES),
        WRITING_EVIDENCE_GOOD,
    ],
)
def description_only(context: CheckContext) -> Iterator[Finding]:
    statement = context.statement
    sections = [s for s in statement.headed_sections if s.words >= DESCRIPTION_WORDS]
    if not statement.headed_sections:
        if statement.words >= DESCRIPTION_WORDS and not REFLECTIVE_LANGUAGE.search(statement.prose):
            yield context.report_statement(
                "The statement describes what happened but not what you learned, felt or would do "
                "differently; add what you know or can do now, and what difference it made to your practice."
            )
        return
    for section in sections:
        if not REFLECTIVE_LANGUAGE.search(_prose(context, section.body_start, section.end)):
            yield context.report_line(
                section.start,
                "This section only describes what happened; add what you learned from it, how you felt "
                "and what difference it made to your practice.",
            )


@rule(
    "BK402",
    "no-future-action",
    "reflection",
    "warning",
    "The statement says nothing about what the learner will do next.",
    triggers=[Example(words(60), badge=_BOUNDARIES)],
    clean=[Example(words(60) + " " + FUTURE, badge=_BOUNDARIES), Example(words(20), badge=_BOUNDARIES)],
)
def no_future_action(context: CheckContext) -> Iterator[Finding]:
    if _lacks(context, FUTURE_ACTION):
        yield context.report_statement(
            "The statement does not say what you will do next; add the actions you intend to take to "
            "develop your practice, for example 'Next month I will...'."
        )


@rule(
    "BK403",
    "no-policy-link",
    "reflection",
    "note",
    "The statement does not relate the learning to the organisation's policies and procedures.",
    triggers=[Example(words(60), badge=_BOUNDARIES)],
    clean=[Example(words(60) + " " + POLICY, badge=_BOUNDARIES), WRITING_EVIDENCE_GOOD],
)
def no_policy_link(context: CheckContext) -> Iterator[Finding]:
    if _lacks(context, POLICIES):
        yield context.report_statement(
            "Consider saying how your learning relates to your organisation's policies and procedures; "
            "SSSC asks managers to check for this before a statement is submitted."
        )


@rule(
    "BK404",
    "no-learning-stated",
    "reflection",
    "warning",
    "The statement never says what the learner learned or can now do.",
    triggers=[Example(words(60, DESCRIPTIVE) + " " + FUTURE, badge=_BOUNDARIES)],
    clean=[Example(words(60), badge=_BOUNDARIES), WRITING_EVIDENCE_GOOD],
)
def no_learning_stated(context: CheckContext) -> Iterator[Finding]:
    if _lacks(context, LEARNING):
        yield context.report_statement(
            "The statement never says what you learned; add what you know or can do now that you could "
            "not before (for example 'I learned that...' or 'I can now...')."
        )
