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
from typing import TYPE_CHECKING

from badgekit import prebuilt
from badgekit.checks.model import CheckContext, Example, Finding
from badgekit.checks.passages import sentence_spans
from badgekit.checks.registry import rule
from badgekit.checks.samples import DESCRIPTIVE, FUTURE, POLICY, REFLECTIVE, WRITING_EVIDENCE_GOOD, words

if TYPE_CHECKING:
    from badgekit.statement.parse import Statement

_BOUNDARIES = "leadership-across-boundaries"

# The patterns below read text in lower case (``folded``), not case-blind: a case-blind pattern tries every
# one of its alternatives at every word, a case-sensitive one passes over those whose first letter differs,
# which made a megabyte of short words five times faster to read. They hold no capital letter.

#: Thinking about the experience: learning, feeling, judging, changing (Knowledge, Skills, Reflections).
REFLECTIVE_LANGUAGE = prebuilt.compile(
    r"\b(?:learn(?:ed|t|ing)?|realis(?:e|ed|ing)|realiz(?:e|ed|ing)|reflect(?:ed|ing|ion|ions)?|"
    r"understand(?:ing)?|understood|recognis(?:e|ed)|recogniz(?:e|ed)|notic(?:e|ed)|discover(?:ed)?|"
    r"felt|feel(?:ing|ings)?|thought|think(?:ing)?|wonder(?:ed)?|surpris(?:e|ed|ing)|challeng(?:ed|ing)|"
    r"aware(?:ness)?|insight|confiden(?:t|ce)|impact|difference|improv(?:e|ed|ement)|"
    r"chang(?:e|ed|es) (?:my|how|the way)|differently|better|helped me|made me|taught me|"
    r"now (?:i|know|see|understand|feel|can)|in hindsight|looking back|on reflection|because|so that|"
    r"which meant|as a result|this meant)\b",
)
#: What the learner will do next (Application; "the actions they intend to take"): an intention of
#: their own, not a plan that is already past ("we planned to") nor someone's words in quotes.
FUTURE_ACTION = prebuilt.compile(
    r"\b(?:i|we)(?:'|’)ll\b|\b(?:i|we) (?:will|shall|intend to|plan to|plan on|aim to|hope to|am going to|"
    r"are going to|mean to|"
    r"(?:would|'d|’d) like to|want to (?:try|start|introduce|develop|look|learn|find|build|spend|do|make|set|bring|"
    r"take|use|share|ask|get|see|run|keep|work|focus|extend|give|improve|explore|complete|become|move|lead|talk|"
    r"invite|include|involve|offer|hold|create|train|review|visit|arrange|organise|organize|set up|write|add|"
    r"suggest|propose|raise|practise|practice)|"
    r"am (?:planning|hoping) to|am (?:booked|signed up|enrolled|due) (?:on|onto|to|for)|are planning to|"
    r"have (?:agreed|arranged|booked|asked|signed up|put myself forward|applied) (?:to|for|on))\b|"
    r"\bi(?:'|’)m (?:going to|planning to|hoping to|booked on|signed up)\b|"
    r"\b(?:we|i) agreed (?:that )?i (?:would|will|should)\b|"
    r"\bmy (?:next|first|immediate|main) (?:step|steps|goal|goals|action|actions|task|priority|aim) (?:is|are|will)\b|"
    r"\b(?:next steps?|my plan|the plan|my goal|my aim|my action plan)(?: for me)?(?: is|:| are)|"
    r"\bnext(?: year| month| term| time)?,? (?:i|we) (?:want|would like|need|hope|plan|intend)\b|"
    r"\b(?:going forward|moving forward|from now on|in (?:the )?future|over the (?:next|coming)|"
    r"(?:from|in|by|after|before|at) (?:next |the (?:start|end) of )?(?:january|february|march|april|may|june|july|"
    r"august|september|october|november|december|the new year|spring|summer|autumn|winter|next year|my next review)"
    r")\b[^.!?\n]{0,120}\b(?:will|shall|going to|intend to)\b|"
    r"\b(?:will|shall)\b[^.!?\n]{0,80}\b(?:next (?:month|week|year|time|quarter|review|supervision|team meeting)|"
    r"from (?:january|february|march|april|may|june|july|august|september|october|november|december)|"
    r"in (?:the )?(?:new year|spring|summer|autumn|winter|coming months))\b",
)
#: What was learned, in so many words (Knowledge and Skills), or a change it made to how they work.
LEARNING = prebuilt.compile(
    r"\b(?:i(?:'ve| have)? (?:learned|learnt|realised|realized|discovered|found out|understood|gained|developed|"
    r"improved|grown)|"
    r"i now (?:know|understand|see|recognise|recognize|appreciate|accept|value|realise|realize)|"
    r"i (?:know|understand|see|realise|realize) (?:now|better|more|much more)|"
    r"i (?:realise|realize|recognise|recognize|appreciate) (?:now )?(?:that|how|why|what)|"
    r"(?:came|come|coming) to (?:see|understand|realise|realize|appreciate|recognise|recognize|accept|value)|"
    r"(?:taught|showed|shown|helped|reminded|forced|pushed) me|made me (?:more |much more )?(?:think|realise|realize|"
    r"aware|reflect|see|question|understand|appreciate|wonder|consider|confident)|"
    r"(?:dawned on|struck|hit|occurred to) me|took me (?:a while|some time|time|years) to (?:see|realise|realize|"
    r"understand|accept|learn)|"
    r"what i (?:took|take|have taken|learned|learnt|know now|would do differently)|i (?:would|will) (?:now )?do "
    r"(?:it|things|this) differently|i used to (?:think|believe|assume|see|feel|worry)|i no longer|"
    r"i (?:did not|didn't|had not|hadn't) (?:know|realise|realize|considered|thought|understood|appreciated)|"
    r"i can now|i am now|i'm now|since then,? (?:i|we)|my (?:biggest |main |key )?learning|key learning|"
    r"learning (?:point|points|from)|lessons? (?:for me|i|learned|learnt)|new to me|eye[- ]opener|opened my eyes|"
    r"i was wrong|i got (?:it|this) wrong|(?:really|finally|properly) (?:understood|understand|saw|see|got it)|"
    # a change the learning made to how they work: "I now go through draft reports with people"
    r"i now (?:go|write|ask|check|use|make|keep|always|try|take|give|plan|record|spend|listen|look|explain|"
    r"share|offer|involve|start|talk|sit|let|read|think)|i(?:'ve| have) now (?:set up|started|changed|stopped)|"
    r"the way i understand it now|made (?:the|a) (?:biggest|big|real|huge) difference to (?:me|how i|my))\b",
)
#: The organisation's policies and procedures, or the codes, standards, laws and national guidance they follow.
POLICIES = prebuilt.compile(
    r"\b(?:polic(?:y|ies)|procedures?|protocols?|guidelines?|guidance(?! (?:teacher|teachers|counsellor|staff))|"
    r"codes? of (?:practice|conduct)|(?:health and social care |national care |national )?standards|legislation|"
    r"statutory(?! (?:services?|sector|agencies|partners|bodies|organisations))|regulations?|charter of rights|"
    r"(?:national|practice|legal|policy|competence|safeguarding|risk|learning|strategic) framework|"
    r"contract monitoring|(?:national|our|the service's|the council's|leadership|workforce) strategy|"
    r"sssc registration|"
    r"national care home contract|"
    r"scotland\) act|act \d{4}|promoting excellence|girfec|getting it right for every child|the promise|uncrc|"
    r"care inspectorate|"
    r"sssc(?:'s|’s)? codes?|duty of candour|national (?:health and wellbeing )?outcomes|self-directed support|"
    r"adult support and protection|human rights|equality act|best value|"
    r"(?:organisation|organization|service)(?:'|’)?s? (?:[\w-]+ )?(?:approach|values|process|processes|strategy))\b",
)
#: Words in quotation marks are someone's words, not the learner's own intentions: up to 300 characters on
#: one line between straight quotes, or between curly ones, as ``"[^"\n]{0,300}"|“[^”\n]{0,300}”`` finds
#: them (see _quoted_spans).
QUOTED_LENGTH = 300
_STRAIGHT_QUOTED = prebuilt.compile(rf"\"[^\"\n]{{0,{QUOTED_LENGTH}}}\"")
#: A section this long or longer, with no reflective language at all, only describes.
DESCRIPTION_WORDS = 40
#: Statements shorter than this are left to the words and coverage rules.
STATEMENT_WORDS = 40


#: What each reflection point is called in JSON, and the pattern that finds it (in ``folded`` text).
POINTS: dict[str, re.Pattern[str]] = {"learning": LEARNING, "future_action": FUTURE_ACTION, "policy_link": POLICIES}

#: Lower case as IGNORECASE would fold the letters the patterns hold: ASCII, and the four other letters it
#: takes for i, k and s. One character for one, so that offsets still hold; nothing else changes, so that
#: what is and is not a word (``\b``) stays as it was.
_FOLD = str.maketrans(
    {
        **{chr(c): chr(c + 32) for c in range(ord("A"), ord("Z") + 1)},
        "\u0130": "i",
        "\u0131": "i",
        "\u212a": "k",
        "\u017f": "s",
    }
)


def folded(text: str) -> str:
    """``text`` as the reflection patterns read it: a pattern finds in it what it would find, case-blind, in
    ``text`` itself, at the same offsets."""
    return text.translate(_FOLD)


def folded_prose(statement: Statement) -> str:
    """The learner's prose, ``folded``, worked out once."""
    return statement.remembered("folded prose", lambda: folded(statement.prose))


def _prose(context: CheckContext, start: int = 0, end: int | None = None) -> str:
    return folded_prose(context.statement)[start:end]


def _unquoted(prose: str) -> str:
    """The prose with words in quotation marks blanked (same length, so offsets still hold)."""
    pieces, position = [], 0
    for start, end in _quoted_spans(prose):
        pieces += [prose[position:start], " " * (end - start)]
        position = end
    return "".join(pieces) + prose[position:] if pieces else prose


def _quoted_spans(text: str) -> Iterator[tuple[int, int]]:
    """Quotations as ``"[^"\n]{0,300}"|“[^”\n]{0,300}”`` finds them, from the left, one after another.

    That expression reads up to 300 characters after every opening curly quote that is never closed
    (``“`` can stand inside a curly quotation, ``"`` cannot inside a straight one): a megabyte of them took
    seconds. Here the closing quote an opening needs is found once for every opening before it."""
    if "“" not in text or "”" not in text:
        yield from (match.span() for match in _STRAIGHT_QUOTED.finditer(text))
        return
    position = 0
    straight: tuple[int, int] | None = None
    curly: tuple[int, int] | None = None
    while True:
        if straight is None or straight[0] < position:
            found = _STRAIGHT_QUOTED.search(text, position)
            straight = found.span() if found else (len(text) + 1, len(text) + 1)
        if curly is None or curly[0] < position:
            curly = _curly_quoted(text, position)
        first = min(straight, curly)
        if first[0] > len(text):
            return
        yield first
        position = first[1]


def _curly_quoted(text: str, position: int) -> tuple[int, int]:
    """The first curly quotation from ``position``; (past the end, past the end) when there is none."""
    none = (len(text) + 1, len(text) + 1)
    while (opening := text.find("“", position)) >= 0:
        closing = text.find("”", opening + 1)
        if closing < 0:
            return none
        # Every opening from here to that closing quote has it as its next one: the first that reaches it
        # (at most 300 characters between, on one line) starts the quotation; the others are none.
        reach = max(opening, closing - QUOTED_LENGTH - 1, text.rfind("\n", opening, closing) + 1)
        start = text.find("“", reach, closing)
        if start >= 0:
            return start, closing + 1
        position = closing + 1
    return none


def find_points(statement: Statement) -> dict[str, tuple[int, int] | None]:
    """For each reflection point, the first sentence that makes it (file offsets), or None."""
    prose = _unquoted(statement.prose)
    sentences = [span for a, b in statement.paragraphs() for span in sentence_spans(prose, a, b)]
    prose = folded(prose)  # after the sentences, which start at capitals
    found: dict[str, tuple[int, int] | None] = {}
    for name, pattern in POINTS.items():
        found[name] = next(((a, b) for a, b in sentences if pattern.search(prose, a, b)), None)
    return found


def points(context: CheckContext) -> dict[str, tuple[int, int] | None]:
    """find_points for the context's statement, worked out once and shared by the rules and the report."""
    cached = context.shared.get("reflection")
    if cached is None:
        cached = find_points(context.statement)
        context.shared["reflection"] = cached
    return dict(cached)


def _reflects(prose: str) -> bool:
    """Anything beyond description in ``folded`` prose: feelings and thinking, what was learned, or what the
    learner will do ("In future I will book time in supervision..." is SSSC's Application, not description)."""
    return bool(REFLECTIVE_LANGUAGE.search(prose) or LEARNING.search(prose) or FUTURE_ACTION.search(_unquoted(prose)))


def _lacks(context: CheckContext, point: str) -> bool:
    """A statement long enough to judge that never makes the point."""
    return context.statement.words >= STATEMENT_WORDS and points(context)[point] is None


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
        Example(
            "## 1. Working together\n\n" + words(50, DESCRIPTIVE) + " In future I will ask the nurse first.",
            badge=_BOUNDARIES,
        ),
        WRITING_EVIDENCE_GOOD,
    ],
)
def description_only(context: CheckContext) -> Iterator[Finding]:
    statement = context.statement
    sections = [s for s in statement.headed_sections if s.words >= DESCRIPTION_WORDS]
    if not statement.headed_sections:
        if statement.words >= DESCRIPTION_WORDS and not _reflects(_prose(context)):
            yield context.report_statement(
                "The statement describes what happened but not what you learned, felt or would do "
                "differently; add what you know or can do now, and what difference it made to your practice."
            )
        return
    for section in sections:
        if not _reflects(_prose(context, section.body_start, section.end)):
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
    clean=[
        Example(words(60) + " " + FUTURE, badge=_BOUNDARIES),
        Example(words(20), badge=_BOUNDARIES),
        Example(words(60) + " Next year I want a parent representative on our board.", badge=_BOUNDARIES),
        Example(words(60) + " In supervision we agreed I would practise summing up.", badge=_BOUNDARIES),
        Example(words(60) + " Going forward I want to suggest a comments box.", badge=_BOUNDARIES),
    ],
)
def no_future_action(context: CheckContext) -> Iterator[Finding]:
    if _lacks(context, "future_action"):
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
    clean=[
        Example(words(60) + " " + POLICY, badge=_BOUNDARIES),
        WRITING_EVIDENCE_GOOD,
        Example(words(60) + " It fits the Adults with Incapacity (Scotland) Act's principles.", badge=_BOUNDARIES),
        Example(words(60) + " The SSSC Continuous Learning Framework describes this.", badge=_BOUNDARIES),
        Example(words(60) + " It supports the leadership strategy's first objective.", badge=_BOUNDARIES),
    ],
)
def no_policy_link(context: CheckContext) -> Iterator[Finding]:
    if _lacks(context, "policy_link"):
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
    clean=[
        Example(words(60), badge=_BOUNDARIES),
        WRITING_EVIDENCE_GOOD,
        Example(words(60, DESCRIPTIVE) + " I now go through draft reports with people.", badge=_BOUNDARIES),
        Example(words(60, DESCRIPTIVE) + " The way I understand it now, it is about time.", badge=_BOUNDARIES),
    ],
)
def no_learning_stated(context: CheckContext) -> Iterator[Finding]:
    if _lacks(context, "learning"):
        yield context.report_statement(
            "The statement never says what you learned; add what you know or can do now that you could "
            "not before (for example 'I learned that...' or 'I can now...')."
        )
