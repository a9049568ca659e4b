"""Reading text and criteria as terms: word stems and the everyday concepts they name.

A sentence and a criterion meet on their terms: the content words' crude stems
(collaborate, collaboration -> collabor) and the concepts of concepts.py that their words
and phrases name ("the housing officer" and "other agencies" are both ``@agency``). A
criterion's ``Profile`` weighs its terms by how few of the badge's criteria share them, so
that its distinctive element counts most, and holds its everyday examples the same way.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from badgekit import prebuilt
from badgekit.checks.concepts import CONCEPTS

if TYPE_CHECKING:
    from badgekit.badges.model import Criterion

_WORD = prebuilt.compile(r"[A-Za-z][A-Za-z'’]*")


def _listed(text: str) -> list[str]:
    return text.split()


_STOPWORDS = frozenset(
    _listed(
        """a about above after again against all also am an and any are as at be because been before being below
        between both but by can could did do does doing down during each few for from further had has have having
        he her here hers herself him himself his how i if in into is it its itself just may me might more most
        must my myself no nor not now of off on once only or other others our ours ourselves out over own same she
        should so some such than that the their theirs them themselves then there these they this those through
        to too under until up very was we were what when where which while who whom why will with would you your
        yours yourself yourselves even whether e g eg ie etc tell us show able well way ways clear clearly ensure
        including include within make take good range appropriate required require use using used people
        services service work working"""
    )
)
_SUFFIXES = tuple(
    sorted(
        _listed(
            """ational ations ation ising izing ised ized ises izes ise ize ingly ings ing ments ment nesses ness
            ities ity ively ives ive ers er ies ied ed es ly s e al ate ates ated y"""
        ),
        key=len,
        reverse=True,
    )
)

#: _SUFFIXES by length, longest first. A word ends with at most one suffix of each length, so looking its
#: ending up in each set finds the suffix trying each in turn would: seven look-ups rather than forty tests,
#: for every different word of a statement and of its badge (a third of the judgement's start-up).
_SUFFIXES_BY_LENGTH = tuple(
    (length, frozenset(suffix for suffix in _SUFFIXES if len(suffix) == length))
    for length in sorted({len(suffix) for suffix in _SUFFIXES}, reverse=True)
)


@cache
def stem(word: str) -> str:
    """A crude stem, the same for a word's forms: collaborate, collaboration, collaborative -> collabor.

    Cached: a statement repeats its words, and a run over a folder repeats the badge's.
    """
    word = word.lower().replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    word = word.strip("'")
    for length, endings in _SUFFIXES_BY_LENGTH:  # the first of _SUFFIXES the word ends with, leaving 3 letters
        if len(word) - length >= 3 and word[-length:] in endings:
            word = word[:-length]
            break
    if word.endswith("at") and len(word) > 5:
        word = word[:-2]
    return word


def tokens(text: str) -> list[tuple[str, str]]:
    """(stem, word) for each content word of the text, in order."""
    found = []
    for match in _WORD.finditer(text):
        word = match.group().lower().strip("'’")
        if word and word not in _STOPWORDS and len(word) > 1:
            found.append((stem(word), word))
    return found


@cache
def _concept_index() -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[tuple[tuple[str, ...], str], ...]]]:
    """Single stems -> concepts, and first stems -> (stem sequence, concept) for phrases."""
    singles: dict[str, list[str]] = {}
    phrases: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for concept, listing in CONCEPTS.items():
        tag = f"@{concept}"
        singles_part, *phrase_parts = listing.replace("\n", " ").split(";")
        for entry in singles_part.split() + phrase_parts:  # words first, then phrases after each ";"
            if entry.strip():
                stems = tuple(stem(w) for w in _WORD.findall(entry.replace("-", " ").lower()))
                if len(stems) == 1:
                    singles.setdefault(stems[0], []).append(tag)
                elif stems:
                    phrases.setdefault(stems[0], []).append((stems, tag))
    return {k: tuple(v) for k, v in singles.items()}, {k: tuple(v) for k, v in phrases.items()}


def terms(text: str) -> frozenset[str]:
    """The text's content stems and the concepts (``@agency``...) its words and phrases name."""
    words = [w.lower().strip("'’") for w in _WORD.findall(text)]
    # Each different word is stemmed and looked up once: a long text repeats its words many times over.
    stem_of = {w: stem(w) for w in set(words)}
    found = {s for w, s in stem_of.items() if w not in _STOPWORDS and len(w) > 1}
    singles, phrases = _concept_index()
    for s in stem_of.values():
        found.update(singles.get(s, ()))
    starting = {w for w, s in stem_of.items() if s in phrases}
    if starting:
        stems = [stem_of[w] for w in words]
        for index in (i for i, w in enumerate(words) if w in starting):
            for sequence, tag in phrases[stems[index]]:
                if tuple(stems[index : index + len(sequence)]) == sequence:
                    found.add(tag)
    return frozenset(found)


@dataclass(frozen=True)
class Profile:
    """A criterion's terms, each weighted by how distinctive it is among the badge's criteria."""

    weights: dict[str, float]
    text_terms: frozenset[str]
    total: float
    #: each example's terms with their weights (rarer across the badge's examples weighs more), and its total
    examples: tuple[tuple[dict[str, float], float], ...] = ()
    #: the criterion's text as its lower-case words, to know a heading that quotes it whole
    wording: tuple[str, ...] = ()

    def recall(self, found: frozenset[str]) -> float:
        """The share of the criterion's weight that ``found`` carries."""
        return math.fsum(w for t, w in self.weights.items() if t in found) / self.total if self.total else 0.0

    def example_match(self, found: frozenset[str]) -> float:
        """How closely ``found`` tells one of the criterion's everyday examples (the share of its weight).

        Sums here are exact (``math.fsum``): a set's order changes with Python's hash seed, and a plain sum
        in another order can differ in its last bit and tip a judgement that sits on a cut-off."""
        best = 0.0
        for weights, total in self.examples:
            share = math.fsum(weights[t] for t in found if t in weights) / total
            best = share if share > best else best
        return best


def wording_of(text: str) -> tuple[str, ...]:
    """The lower-case words of ``text``, without its punctuation: how a quoted heading is compared."""
    return tuple(word for match in _WORD.finditer(text) if (word := match.group().lower().strip("'’")))


def profiles(criteria: Sequence[Criterion]) -> list[Profile]:
    """Each criterion's profile; worked out once per badge (or level) in a process."""
    return list(_profiles(tuple(criteria)))


@cache
def _profiles(criteria: tuple[Criterion, ...]) -> tuple[Profile, ...]:
    own = [terms(c.text) | frozenset(t for s in c.signals for t in terms(s)) for c in criteria]
    example_terms = [[terms(e) for e in c.examples] for c in criteria]
    everywhere = [t for found in example_terms for e in found for t in e]
    seen: dict[str, int] = {}
    for term in everywhere:
        seen[term] = seen.get(term, 0) + 1
    examples_in_all = sum(len(found) for found in example_terms) or 1
    count = len(criteria)
    frequency: dict[str, int] = {}
    for found in own:
        for term in found:
            frequency[term] = frequency.get(term, 0) + 1
    result = []
    for index, criterion in enumerate(criteria):
        text_terms = terms(criterion.text)
        weights = {}
        for term in own[index]:
            weight = 1.0 + math.log(count / frequency[term])
            weights[term] = weight * (1.0 if term in text_terms else 0.6)  # the criterion's own words say most
        examples = []
        for found in example_terms[index]:
            rarity = {t: math.log(1 + examples_in_all / seen[t]) for t in found}
            examples.append((rarity, math.fsum(rarity.values()) or 1.0))
        result.append(
            Profile(weights, text_terms, math.fsum(weights.values()), tuple(examples), wording_of(criterion.text))
        )
    return tuple(result)
