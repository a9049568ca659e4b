"""SSSC's rules on using AI in Open Badge applications, as badgekit tells learners them.

Summarised from SSSC's page "Using AI to help with your Open Badge applications" (``PAGE``); the
sentences in quotation marks are the page's own words, and tests/test_criteria_sources.py checks
them against the copy of the page saved in criteria-sources/sssc-using-ai.txt. ``show``, the
opening of ``draft``, the end of ``check`` and ``export --declare-tools`` all take their words
from here, so the rule is said the same way everywhere.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from badgekit.badges.model import Badge

PAGE = "https://mylearning.scot/getting-started/using-ai-to-help-with-your-open-badge-applications"

#: The page's own sentences, quoted where badgekit quotes them.
MANDATORY = (
    "Adherence to our rules around the acceptable use of AI and declaring any use is mandatory for all applicants."
)
THINKING = (
    "A general rule is that if the AI is doing any of your ‘thinking’ for you, then its use is unacceptable "
    "and the work should not be submitted as evidence for a badge."
)
QUOTED = (MANDATORY, THINKING)

#: The rule in one line, for the end of ``check``.
ONE_LINE = (
    "SSSC's rule on AI: declare any use of AI when you apply. It may help with spelling, grammar, rephrasing, "
    "structure and spotting gaps, never with your experiences or reflections."
)

#: What badgekit itself does and does not do, said in the README and by ``show``.
BADGEKIT_NEVER = (
    "badgekit never writes your experiences or reflections: it asks questions, counts words and points out gaps, "
    "and every word of your answers is yours."
)


def summary() -> list[str]:
    """SSSC's rule in a few lines, for ``show`` and the opening of ``draft``."""
    return [
        f"SSSC: “{MANDATORY}”",
        "AI may help with spelling and grammar, rephrasing for clarity, structuring your response and identifying "
        "gaps, so long as you declare it. It must never make up experiences or reflections: your evidence must be "
        "based on your actual learning and work.",
        f"“{THINKING}” ({PAGE})",
    ]


def ban_line(badge: Badge) -> str | None:
    """For a badge that forbids generative AI: its own sentence, and what that means with badgekit."""
    if not badge.no_ai:
        return None
    return (
        f"This badge forbids AI: “{badge.no_ai.strip()}” badgekit is not generative AI and writes none of your "
        "evidence, but do not use an AI chatbot for this badge."
    )


#: The heading of what ``export --declare-tools`` adds.
TOOLS_HEADING = "Declaration of tools used"


def tools_declaration() -> str:
    """What ``export --declare-tools`` adds: how badgekit was used, in the terms of SSSC's rule."""
    return (
        "I prepared this evidence with badgekit, a program on my own computer that uses "
        "no generative AI. It set out my response under each point of the criteria, counted my words, and pointed "
        "out where my evidence might be lacking or might identify someone. It wrote none of my evidence: the "
        "experiences and reflections in it are my own."
    )
