"""Sample statements for every bundled badge, written by draft's own renderer.

Each answer uses the Markdown a learner is likely to type (emphasis, a list, a link, a
numbered list) so that every export format meets it, and is long enough for the badge's
word rule and each criterion's minimum.
"""

from __future__ import annotations

from badgekit.badges.model import Badge
from badgekit.render import render_markdown

OPENING = "I learned that *listening first* changed how I work with partners, and I felt more **confident**."
LIST = "What I did:\n\n- I met colleagues from two other agencies.\n- I asked what outcomes mattered to them."
LINK = "I read [the SSSC Codes of Practice](https://www.sssc.uk.com/codes) again and reflected on them."
STEPS = "1. I listened.\n2. I agreed a plan with the team."
FILLER = "This fits our organisation's supervision policy, and next month I will ask my manager to review my plan."


def answer(words: int) -> str:
    """An answer of at least ``words`` words, in several paragraphs."""
    parts = [OPENING, LIST, LINK, STEPS]
    while sum(len(part.split()) for part in parts) < words:
        parts.append(FILLER)
    return "\n\n".join(parts)


def level_of(badge: Badge) -> str | None:
    return badge.levels[0].id if badge.levels else None


def sample_statement(badge: Badge) -> str:
    """A complete statement for ``badge`` in the shape ``badgekit draft`` writes."""
    level = level_of(badge)
    criteria = badge.criteria_for(level)
    rule = badge.words
    total = max(rule.minimum or 0, rule.suggested_min or 0, 150)
    each = max(40, -(-total // len(criteria)))
    answers = {c.id: answer(max(each, (c.min_words or 0) + 10)) for c in criteria}
    return render_markdown(badge, answers, level=level)


REFLECTION = (
    "I learned that asking first changes what people tell us, and I felt more confident. In future I will "
    "ask people how they want to be involved, as our organisation's policy suggests."
)


def evidenced_statement(badge: Badge) -> str:
    """A statement that evidences every criterion (its everyday examples, and what was learned), so that
    check finds no error in it: one to export, or to follow check's advice with."""
    level = level_of(badge)
    answers = {c.id: " ".join(c.examples) + " " + REFLECTION for c in badge.criteria_for(level)}
    return render_markdown(badge, answers, level=level)
