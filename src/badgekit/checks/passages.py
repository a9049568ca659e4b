"""The statement as the coverage engine reads it: blocks under headings, and sentences.

A block is a Markdown section, or in plain text (``export --text``, a ``.txt`` from
elsewhere) a one-line paragraph that names a criterion and the paragraphs after it. A
heading names a criterion by its number or its words; that shows intent, not evidence.
Each sentence keeps its terms and, for every criterion of the badge, the share of the
criterion's weight it carries and how closely it tells one of its examples, worked out
once so that the judging that follows only looks them up.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from badgekit import prebuilt
from badgekit.checks.terms import Profile, terms, tokens, wording_of
from badgekit.statement.wordcount import count_words

if TYPE_CHECKING:
    from badgekit.statement.parse import Section, Statement

# A sentence ends at . ! or ? (and closing quotes or brackets) before a capital, a digit or an
# opening quote; a bulleted or numbered line starts a new one. Both patterns are linear.
_SENTENCE_BREAK = prebuilt.compile(
    r"(?<=[.!?])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])|\n[ \t]*(?=(?:[-*+•]|\d{1,2}[.)])\s)"
)
_FIRST_PERSON = prebuilt.compile(r"\b(?:i|we|my|our|me|us|i'm|i've|we've|i'd)\b", re.IGNORECASE)
_PAST = prebuilt.compile(
    r"\b(?:\w{3,}ed|was|were|had|did|went|sat|told|said|took|made|found|felt|thought|spoke|met|saw|gave|got|came|"
    r"rang|wrote|began|brought|held|led|ran|set|kept|left|knew|chose|became|built|sent|paid|spent|heard|stood|"
    r"taught|meant|put|read|understood|tried|agreed|asked|have been|has been)\b",
    re.IGNORECASE,
)
_GENERIC = prebuilt.compile(
    r"\b(?:i (?:always|am (?:always|committed|passionate|dedicated|fully)|ensure|make sure|try to|aim to|believe|"
    r"value|understand|recognise|work with|strive|promote|demonstrate)|all the time|in my role|at all times|"
    r"is (?:very |really |so )?(?:important|essential|vital|key))\b",
    re.IGNORECASE,
)
_PLAIN_HEADING = prebuilt.compile(
    r"^(?:(?:criterion|question|point|part)\s*)?(\d{1,2})(?:\s*[.):\-–—]\s*|\s+)(\S.*)$", re.IGNORECASE
)


@dataclass(frozen=True)
class Sentence:
    start: int  # offsets into the file
    end: int
    terms: frozenset[str]
    narrative: bool  # tells of something the learner (or their team) did or saw
    generic: bool  # only claims, in the present: "I always...", "I am committed to..."
    shares: tuple[float, ...] = ()  # for each criterion, the share of its weight the sentence carries
    matches: tuple[float, ...] = ()  # for each criterion, how closely the sentence tells one of its examples


@dataclass
class Block:
    """A stretch of the statement under one heading (or none), with its criterion if the heading names one."""

    criterion: int | None  # index into the criteria
    heading: str | None
    start: int
    body_start: int
    end: int
    words: int
    paragraphs: list[tuple[int, int, int]] = field(default_factory=list)  # start, end, words
    sentences: list[Sentence] = field(default_factory=list)
    text: str = ""  # the prose under the heading

    @property
    def terms(self) -> frozenset[str]:
        return frozenset().union(*(s.terms for s in self.sentences))


def sentence_spans(prose: str, start: int, end: int) -> list[tuple[int, int]]:
    """The sentences of one paragraph of ``prose`` (``start``..``end``), as trimmed (start, end) offsets."""
    found = []
    position = start
    for match in _SENTENCE_BREAK.finditer(prose, start, end):
        found.append((position, match.start()))
        position = match.end()
    found.append((position, end))
    result = []
    for a, b in found:
        chunk = prose[a:b]
        if chunk.strip():
            lead = len(chunk) - len(chunk.lstrip())
            result.append((a + lead, a + len(chunk.rstrip())))
    return result


_Reading = tuple[frozenset[str], bool, bool, tuple[float, ...], tuple[float, ...]]


def _sentences(
    prose: str, start: int, end: int, profiles_: Sequence[Profile], seen: dict[str, _Reading] | None = None
) -> list[Sentence]:
    """The sentences of one paragraph, read; ``seen`` remembers the reading of each sentence's text, so that
    a statement that repeats a sentence (a list of the same item, a pasted paragraph) reads it once."""
    seen = {} if seen is None else seen
    result = []
    for a, b in sentence_spans(prose, start, end):
        text = prose[a:b]
        reading = seen.get(text)
        if reading is None:
            narrative = bool(_FIRST_PERSON.search(text) and _PAST.search(text))
            generic = not narrative and bool(_GENERIC.search(text))
            found = terms(text)
            shares = tuple(p.recall(found) for p in profiles_)
            matches = tuple(p.example_match(found) for p in profiles_)
            reading = seen[text] = (found, narrative, generic, shares, matches)
        found, narrative, generic, shares, matches = reading
        result.append(Sentence(a, b, found, narrative, generic, shares, matches))
    return result


def _heading_match(section: Section, profiles: Sequence[Profile]) -> int | None:
    """The index of the criterion a heading names (by number, or by its words), or None."""
    return heading_match(section.number, section.title, profiles)


#: A numbered heading of this many content words that shares almost none of its criterion's quotes another.
QUOTED_TERMS = 6


def heading_match(number: int | None, title: str, profiles: Sequence[Profile]) -> int | None:
    heading_terms = frozenset(s for s, _ in tokens(title))
    if not heading_terms and number is None:
        return None  # no word to name a criterion by (and a heading of many short paragraphs costs nothing)
    scores = []
    for profile in profiles:
        shared = heading_terms & profile.weights.keys()
        own = math.fsum(profile.weights.get(t, 1.0) for t in heading_terms) or 1.0
        precision = math.fsum(profile.weights[t] for t in shared) / own
        recall = len(shared & profile.text_terms) / (len(profile.text_terms) or 1)
        scores.append((precision, recall, len(shared)))
    if number is not None and 1 <= number <= len(profiles):
        index = number - 1
        best = max(range(len(profiles)), key=lambda i: (scores[i][0] + scores[i][1], -abs(i - index)))
        # A number names its criterion, unless the words clearly name another one, or quote something
        # else at length (another badge's criterion, when the statement is checked against the wrong badge).
        if best != index and scores[best][1] >= 0.5 and scores[best][1] > scores[index][1] + 0.3:
            return best
        if len(heading_terms) >= QUOTED_TERMS and scores[index][1] < 0.2 and scores[best][1] < 0.2:
            return None
        return index
    candidates = [i for i, (p, r, n) in enumerate(scores) if n and p >= 0.5 and (r >= 0.15 or n >= 2)]
    if not candidates:
        return None
    # A heading that quotes a criterion word for word names it, though another shares all its content words
    # ("How would you identify abuse?" and "What would you do if you did identify abuse?").
    wording = wording_of(title)
    return max(candidates, key=lambda i: (profiles[i].wording == wording, scores[i][0] + scores[i][1], scores[i][2]))


def blocks(statement: Statement, profiles: Sequence[Profile]) -> list[Block]:
    """The statement's blocks, in order (see the module docstring)."""
    found: list[Block] = []
    parent: tuple[int, int] | None = None  # (heading level, criterion index) of the enclosing criterion section
    for section in statement.sections:
        if section.is_declaration:
            parent = None
            continue
        index = None
        if section.level >= 2:
            index = _heading_match(section, profiles)
            if index is None and parent is not None and section.level > parent[0]:
                index = parent[1]  # a sub-heading inside a criterion's section belongs to it
            elif index is not None:
                parent = (section.level, index)
            else:
                parent = None
        else:
            parent = None
        heading = section.heading if section.level >= 2 else None
        found.append(Block(index, heading, section.start, section.body_start, section.end, section.words))
    if not any(b.criterion is not None for b in found):
        found = _plain_text_blocks(statement, found, profiles)
    seen: dict[str, _Reading] = {}
    for block in found:
        block.text = statement.prose[block.body_start : block.end]
        for start, end in statement.paragraphs(block.body_start, block.end):
            words = count_words(statement.prose[start:end])
            block.paragraphs.append((start, end, words))
            block.sentences.extend(_sentences(statement.prose, start, end, profiles, seen))
    return found


def _plain_text_blocks(statement: Statement, found: list[Block], profiles: Sequence[Profile]) -> list[Block]:
    """Blocks for text with no Markdown headings: a paragraph whose first line names a criterion starts one."""
    result: list[Block] = []
    # Each different line is read once: a long text that repeats its lines costs no more than it is long.
    headings: dict[str, int | None] = {}
    titles: dict[str, bool] = {}

    def heading_of(line: str) -> int | None:
        if line not in headings:
            headings[line] = _plain_heading(line, profiles)
        return headings[line]

    def is_title(line: str) -> bool:
        if line not in titles:
            titles[line] = _own_title(line)
        return titles[line]

    for block in found:
        current = Block(block.criterion, block.heading, block.start, block.body_start, block.end, 0)
        for start, end in statement.paragraphs(block.body_start, block.end):
            paragraph = statement.prose[start:end]
            lines = paragraph.strip().split("\n")
            if len(lines) >= 2 and all(heading_of(line) is not None for line in lines):
                # The criteria listed one to a line, as a form shows them before the answers: a quotation
                # of the badge, evidence of nothing. It closes the block before it and starts a free one.
                current.end = start
                result.append(current)
                result.append(Block(None, paragraph.strip(), start, end, end, 0))
                current = Block(None, None, end, end, block.end, 0)
                continue
            # A form's answer often starts on the line under the criterion's, with no blank line between.
            first_line = lines[0]
            index = heading_of(first_line)
            if index is not None or is_title(first_line):
                # A title of the writer's own ("Trust", "What I learned") ends the section before it, as a
                # Markdown heading would; it names a criterion only if its words do.
                current.end = start
                result.append(current)
                body_start = start + len(first_line) + 1 if len(first_line) < len(paragraph.rstrip()) else end
                current = Block(index, first_line.strip(), start, body_start, block.end, 0)
        result.append(current)
    for block in result:
        block.words = count_words(statement.prose[block.body_start : block.end])
    return [b for b in result if b.words or b.criterion is not None]


def _own_title(line: str) -> bool:
    """A short line that is not a sentence nor a list item: a title, in plain text."""
    text = line.strip()
    return (
        0 < count_words(text) <= TITLE_WORDS
        and not text.endswith((".", "!", "?", ",", ":", ";"))
        and not text.startswith(("-", "*", "+", "•"))
    )


#: A line of this many words or fewer, with no full stop, is a title in plain text.
TITLE_WORDS = 8


def _plain_heading(line: str, profiles: Sequence[Profile]) -> int | None:
    if "\n" in line.strip() or count_words(line) > 60:
        return None
    text = line.strip().strip("*_#").strip()
    numbered = _PLAIN_HEADING.match(text)
    number, title = (int(numbered.group(1)), numbered.group(2)) if numbered else (None, text)
    index = heading_match(number, title, profiles) if number is not None else None
    if index is not None:
        wanted = profiles[index].text_terms
        shared = len(wanted & terms(title)) / (len(wanted) or 1)
        # "1. I went to..." is a list item; "1. build and maintain trust..." names the criterion.
        if shared >= 0.5 or (count_words(title) <= 12 and not title.rstrip().endswith((".", "!", "?"))):
            return index
        return None
    if _own_title(title):
        # A short title line, as a Markdown heading would be: it names a criterion as "## Trust" would.
        index = heading_match(None, title, profiles)
        if index is not None:
            return index
    title_terms = terms(title)  # once, not once for each criterion
    best = max(range(len(profiles)), key=lambda i: len(profiles[i].text_terms & title_terms))
    wanted = profiles[best].text_terms
    share = len(wanted & title_terms) / len(wanted) if wanted else 0.0
    # A full stop ends a sentence of the answer, unless the line is all but the criterion's own words.
    if share >= 0.9 or (share >= 0.8 and not title.rstrip().endswith(".")):
        return best
    return None
