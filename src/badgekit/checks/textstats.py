"""Readability scores: sentences, syllables, Flesch reading ease and a reading age.

The formulas are textstat's (and Flesch's and Kincaid's):

    reading ease = 206.835 - 1.015 × words per sentence - 84.6 × syllables per word
    grade        = 0.39 × words per sentence + 11.8 × syllables per word - 15.59
    reading age  = grade + 5

The Flesch–Kincaid grade is a United States school year. People in Scotland speak of
a reading age instead: the age of a pupil in that school year, five years more than
the grade. Messages give the reading age; the JSON output keeps the grade as well.

textstat itself is not used. Its newest releases import nltk and scipy (over a
second) and download a pronunciation dictionary on first use, which fails on a
computer with no network; older ones import pkg_resources (tens of milliseconds).
Syllables are counted here by English spelling rules instead, which agree with
dictionary counts for nearly all everyday words and need no data, no download and
no import time. Scores are for guidance, so a point or two either way does not matter.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from badgekit import prebuilt
from badgekit.statement.wordcount import is_word, plain_words, strip_markup

if TYPE_CHECKING:
    from badgekit.checks.model import CheckContext
    from badgekit.statement.parse import Statement

# A sentence ends at . ! or ? (and any closing quotes or brackets) followed by space and
# a capital, digit or quote, or at the end of a paragraph. "e.g." and "Mrs." do not end one.
# It starts a run of stops, never inside one: from inside, it would read the rest of the run again.
_SENTENCE_END = prebuilt.compile(r"(?<![.!?])[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])")
_ABBREVIATION = prebuilt.compile(r"(?:\b(?:e\.g|i\.e|etc|Mr|Mrs|Ms|Dr|St|No|vs|cf|approx|Prof)|\b[A-Z])\.$")
_VOWEL_GROUPS = prebuilt.compile(r"[aeiouy]+")
_LETTERS = prebuilt.compile(r"[^a-z]")
# Vowel pairs that are two syllables (cre-ate, pi-ano, re-enter...).
_SPLIT_PAIRS = prebuilt.compile(
    r"ia|iet|ieu|io[^nu]|ua[^y]|uo|eo[^u]|ea(?:te|tion)|[^gq]ue(?:nt|l)|oe[^s]?$|[^aeiou]eing"
)
_SILENT_ENDINGS = prebuilt.compile(r"(?:[^aeiouyl]e|[^aeiouy]es|[^aeiouydt]ed|que)$")
_TRUE_LE = prebuilt.compile(r"[^aeiouy]le$|[^aeiouy]les$")
#: A pupil in a US school grade is about this many years older than the grade's number.
READING_AGE_OVER_GRADE = 5.0
_SPECIAL = {
    "area": 3, "idea": 3, "ideas": 3, "being": 2, "people": 2, "every": 2, "everyone": 3, "business": 2,
    "different": 3, "interest": 3, "interested": 4, "family": 3, "families": 3, "evening": 2, "several": 3,
    "science": 2, "quiet": 2, "society": 4, "create": 2, "created": 3, "real": 1, "really": 2, "poem": 2,
    "our": 1, "hour": 1, "fire": 1, "via": 2, "naive": 2, "cooperate": 4, "cooperation": 5, "recreate": 3,
    "sometimes": 2, "something": 2, "someone": 2, "lives": 1, "themselves": 2, "somewhere": 2, "whereas": 2,
}  # fmt: skip


@lru_cache(maxsize=8192)  # a statement uses a few hundred words, many times over
def syllables(word: str) -> int:
    """Syllables in an English word, by spelling rules (at least one for any word)."""
    word = _LETTERS.sub("", word.lower())
    if not word:
        return 0
    if word in _SPECIAL:
        return _SPECIAL[word]
    if len(word) <= 3:
        return 1
    count = len(_VOWEL_GROUPS.findall(word))
    if _SILENT_ENDINGS.search(word) and not _TRUE_LE.search(word):
        count -= 1
    count += len(_SPLIT_PAIRS.findall(word))
    return max(1, count)


def sentences(text: str, base: int = 0) -> list[tuple[int, int]]:
    """Sentences of a paragraph of prose as (start, end) offsets (plus ``base``), each with a word."""
    found: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        if _ABBREVIATION.search(text[max(0, match.start() - 8) : match.start() + 1]):
            continue
        found.append((start, match.end()))
        start = match.end()
    found.append((start, len(text)))
    result = []
    for a, b in found:
        chunk = text[a:b]
        lead = len(chunk) - len(chunk.lstrip())
        if any(is_word(token) for token in chunk.split()):
            result.append((base + a + lead, base + a + len(chunk.rstrip())))
    return result


def sentence_spans(statement: Statement) -> list[tuple[int, int]]:
    """Every sentence of the learner's prose, as offsets into the file."""
    return list(statement.remembered("readability sentences", lambda: _sentence_spans(statement)))


def sentence_words(statement: Statement) -> list[tuple[int, int, list[str]]]:
    """Every sentence of the learner's prose with its words (the scores and BK502 both count them)."""
    return statement.remembered("readability words", lambda: _sentence_words(statement))


def _sentence_words(statement: Statement) -> list[tuple[int, int, list[str]]]:
    # Each different sentence is read once: a text that repeats its sentences costs no more than it is long.
    read: dict[str, list[str]] = {}
    found = []
    for start, end in sentence_spans(statement):
        text = statement.prose[start:end]
        words = read.get(text)
        if words is None:
            words = read[text] = words_of(text)
        found.append((start, end, words))
    return found


def _sentence_spans(statement: Statement) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for start, end in statement.paragraphs():
        chunk = statement.prose[start:end]
        if _LIST_ITEM.search(chunk):
            # Each line of a list is its own sentence, full stop or not.
            for line in re.finditer(r"[^\n]+", chunk):
                spans.extend(sentences(line.group(), start + line.start()))
        else:
            spans.extend(sentences(chunk.replace("\n", " "), start))
    return spans


#: A line of a list: a bullet or a number, then a space. One search of the paragraph, rather than one match of
#: each of its lines, which a paragraph of half a million short lines made half a second.
_LIST_ITEM = prebuilt.compile(r"^[^\S\n]*(?:[-*+]|\d{1,3}[.)])[^\S\n]", re.MULTILINE)


def words_of(text: str) -> list[str]:
    return plain_words(strip_markup(text))


#: Reading ease (Flesch, 0 to 100) in words, from the easiest: (the lowest score, what it means).
EASE_IN_WORDS = (
    (70.0, "easy to read"),
    (50.0, "fairly easy to read; suits most adults"),
    (30.0, "fairly hard to read; shorter sentences would help"),
    (-1000.0, "hard to read, like an academic paper; use shorter sentences and everyday words"),
)


@dataclass(frozen=True)
class Readability:
    """Scores for the learner's prose as a whole."""

    words: int
    sentences: int
    syllables: int

    @property
    def reading_ease(self) -> float:
        if not self.words or not self.sentences:
            return 100.0
        return round(206.835 - 1.015 * self.words / self.sentences - 84.6 * self.syllables / self.words, 1)

    @property
    def grade(self) -> float:
        if not self.words or not self.sentences:
            return 0.0
        return round(0.39 * self.words / self.sentences + 11.8 * self.syllables / self.words - 15.59, 1)

    @property
    def reading_age(self) -> float:
        """The age, in years, of a reader the text suits: the Flesch–Kincaid grade plus five."""
        return round(self.grade + READING_AGE_OVER_GRADE, 1)

    def in_words(self) -> str:
        """The reading ease as a care worker would say it; the numbers stay in the JSON."""
        ease = self.reading_ease
        for lowest, said in EASE_IN_WORDS:
            if ease >= lowest:
                return said
        return EASE_IN_WORDS[-1][1]

    def to_dict(self) -> dict[str, Any]:
        return {
            "reading_ease": self.reading_ease,
            "grade": self.grade,
            "reading_age": self.reading_age,
            "sentences": self.sentences,
            "words": self.words,
            "syllables": self.syllables,
            "in_words": self.in_words(),
        }


def measure(statement: Statement) -> Readability:
    sentences = sentence_words(statement)
    all_words = [w for _, _, found in sentences for w in found]
    return Readability(len(all_words), len(sentences), sum(syllables(w) for w in all_words))


def readability_of(context: CheckContext) -> Readability:
    """The statement's scores, worked out once and shared by every rule."""
    cached = context.shared.get("readability")
    if cached is None:
        cached = measure(context.statement)
        context.shared["readability"] = cached
    assert isinstance(cached, Readability)
    return cached


#: How many of a sentence's words a finding quotes to show which sentence it means.
QUOTED_WORDS = 6


def sentence_quotes(
    statement: Statement, offsets: list[int], hidden: Sequence[tuple[int, int, str]] = ()
) -> dict[int, str]:
    """For each offset inside a sentence of the learner's prose: that sentence's opening words, with the
    ``hidden`` spans (identifying details) replaced, as every quotation of the learner's words is."""
    import bisect

    from badgekit.checks.coverage import evidence_at, opening_words

    spans = sentence_spans(statement)
    starts = [start for start, _ in spans]
    quotes: dict[int, str] = {}
    for offset in offsets:
        index = bisect.bisect_right(starts, offset) - 1
        if index >= 0 and offset < spans[index][1]:
            quotes[offset] = opening_words(evidence_at(statement, spans[index], hidden).text, QUOTED_WORDS)
    return quotes
