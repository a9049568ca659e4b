"""Short statements for the rules' examples, written the way ``badgekit draft`` writes them.

The examples table (every rule's ``triggers`` and ``clean``) needs whole statements
for real badges; building them here keeps each example a line or two long.
"""

from __future__ import annotations

from collections.abc import Sequence

#: A sentence that reflects: learning, its effect, feelings and evaluation (11 words).
REFLECTIVE = "I learned that listening first changed how I work, and I felt more confident."
#: A sentence that only describes what happened (10 words).
DESCRIPTIVE = "We held a meeting on Monday and the team attended it."
#: A sentence with a future action (10 words).
FUTURE = "Next month I will ask my manager to review my plan."
#: A sentence linking the learning to the organisation's policies (11 words).
POLICY = "This fits our organisation's supervision policy and the SSSC Codes of Practice."


def words(count: int, sentence: str = REFLECTIVE) -> str:
    """Prose of about ``count`` words, made by repeating ``sentence`` (never fewer)."""
    per = len(sentence.split())
    return " ".join([sentence] * max(1, -(-count // per)))


def draft(badge: str, answers: Sequence[str], *, title: str = "My statement", declaration: str | None = None) -> str:
    """A statement in draft's format: front matter, title, one numbered heading per answer."""
    parts = [f"---\nbadge: {badge}\n---\n\n# {title}\n"]
    for number, answer in enumerate(answers, start=1):
        parts.append(f"## {number}. Criterion {number}\n\n{answer}\n")
    if declaration is not None:
        parts.append(f"## Declaration\n\n{declaration}\n")
    return "\n".join(parts)


#: Writing evidence: three criteria (100, 25 and 25 words at least), 150 words in all.
WRITING_EVIDENCE_GOOD = """---
badge: writing-evidence
---

# Writing evidence for Open Badge applications

## 1. Three things I learned from the video and why they matter

I learned three things from the video. First, each criterion should be a heading, which matters to me
because my last statement was returned and I had to wait another month. Second, I learned to describe
briefly what I did and then reflect on what I learned, how I felt and what I would do differently. I
used to write pages of description. Third, I learned that evidence is published, so I must not include
anything that could identify a person I support or a colleague. These are important to me because I want
my badges accepted first time, and because I felt unsure about writing reflectively before.

## 2. Involving my manager

I discussed the hints and tips factsheet with my manager. In future I will ask her to read my evidence
before I submit it and to check it against the criteria, as our supervision policy suggests.

## 3. Telling my colleagues

At our next team meeting I will tell my colleagues about Open Badges and explain why good evidence is
important, because it shows what we learned and how our practice changed.
"""


#: A badge file made for the examples, modelled on SSSC's "Leading others" badge: three
#: sections of at least 150 words each, 450 to 900 words in all. Tests load it with the
#: bundled badges (it is not bundled itself).
SAMPLE_BADGE_ID = "sample-leading-others"
SAMPLE_BADGE = """\
schema_version: 1
id: sample-leading-others
title: Leading others (sample)
description: A sample badge with hard word limits, for badgekit's rule examples.
source:
  url: https://www.mylearning.scot/badges/leading-others
  verified: false
criteria:
  - id: my-leadership
    text: describe how you lead others in your team
    min_words: 150
    signals: [lead, team]
  - id: feedback
    text: reflect on feedback you received about your leadership
    min_words: 150
    signals: [feedback]
  - id: next-steps
    text: plan how you will develop as a leader
    min_words: 150
    signals: [develop, plan]
words:
  minimum: 450
  maximum: 900
"""
