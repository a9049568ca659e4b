"""Whether a statement evidences each criterion, and the sentences that show it.

An assessor reads the text under each heading and asks whether it shows the thing the
criterion singles out (other agencies, your own wellbeing, outcomes for people), in
whatever words. This engine does the same in four steps:

1. **Blocks.** The statement is cut into blocks: a Markdown section, or in plain text
   (``export --text``, a ``.txt`` from elsewhere) a one-line paragraph that reads as a
   criterion's heading and the paragraphs after it. A heading names a criterion by its
   number or its words; it shows intent, not evidence.
2. **Terms.** Every sentence and every criterion is read as a set of terms: word stems
   (collaborate, collaboration -> collabor) and the everyday concepts of concepts.py, so
   "the housing officer" and "other agencies" share ``@agency``. A criterion's terms are
   weighted by how few of the badge's criteria share them: its distinctive element counts.
3. **Signals.** For each criterion, a handful of measures (features) of how well the text
   under its heading, and the best sentences anywhere, carry its terms compared with the
   other criteria's; whether that text is about social services at all; whether it tells
   of something done or only restates the criterion; whether it copies another section.
4. **A small classifier** combines them into the chance that an assessor would call the
   criterion evidenced. Its weights were fitted on the development half of the labelled
   statements in benchmarks/data/judgement/ (tools/fit_judgement.py writes
   judgement_weights.json) and never on the frozen half. Two cut-offs turn the chance
   into ``covered``, ``unclear`` (a warning that quotes the nearest sentence) or
   ``missing`` (an error, only where the engine is confident).

Each word of the statement counts for one criterion at most: a block named by a
heading counts for its criterion, and a paragraph of free prose for the criterion it
evidences best, so the words per criterion add up to no more than the statement's.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Literal

from badgekit.checks.concepts import CONCEPTS
from badgekit.statement.wordcount import count_words

if TYPE_CHECKING:
    from badgekit.badges.model import Criterion
    from badgekit.statement.parse import Section, Statement

Status = Literal["covered", "unclear", "missing"]

_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")


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


@cache
def stem(word: str) -> str:
    """A crude stem, the same for a word's forms: collaborate, collaboration, collaborative -> collabor.

    Cached: a statement repeats its words, and a run over a folder repeats the badge's.
    """
    word = word.lower().replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    word = word.strip("'")
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
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
    words = [m.group().lower().strip("'’") for m in _WORD.finditer(text)]
    stems = [stem(w) for w in words]
    found = {s for w, s in zip(words, stems, strict=True) if w not in _STOPWORDS and len(w) > 1}
    singles, phrases = _concept_index()
    for index, s in enumerate(stems):
        found.update(singles.get(s, ()))
        for sequence, tag in phrases.get(s, ()):
            if tuple(stems[index : index + len(sequence)]) == sequence:
                found.add(tag)
    return frozenset(found)


# --- the statement in blocks and sentences ----------------------------------------------------

# A sentence ends at . ! or ? (and closing quotes or brackets) before a capital, a digit or an
# opening quote; a bulleted or numbered line starts a new one. Both patterns are linear.
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])|\n[ \t]*(?=(?:[-*+•]|\d{1,2}[.)])\s)")
_FIRST_PERSON = re.compile(r"\b(?:i|we|my|our|me|us|i'm|i've|we've|i'd)\b", re.IGNORECASE)
_PAST = re.compile(
    r"\b(?:\w{3,}ed|was|were|had|did|went|sat|told|said|took|made|found|felt|thought|spoke|met|saw|gave|got|came|"
    r"rang|wrote|began|brought|held|led|ran|set|kept|left|knew|chose|became|built|sent|paid|spent|heard|stood|"
    r"taught|meant|put|read|understood|tried|agreed|asked|have been|has been)\b",
    re.IGNORECASE,
)
_GENERIC = re.compile(
    r"\b(?:i (?:always|am (?:always|committed|passionate|dedicated|fully)|ensure|make sure|try to|aim to|believe|"
    r"value|understand|recognise|work with|strive|promote|demonstrate)|all the time|in my role|at all times|"
    r"is (?:very |really |so )?(?:important|essential|vital|key))\b",
    re.IGNORECASE,
)
_PLAIN_HEADING = re.compile(
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


def _sentences(prose: str, start: int, end: int, profiles_: Sequence[Profile]) -> list[Sentence]:
    result = []
    for a, b in sentence_spans(prose, start, end):
        text = prose[a:b]
        narrative = bool(_FIRST_PERSON.search(text) and _PAST.search(text))
        generic = not narrative and bool(_GENERIC.search(text))
        found = terms(text)
        shares = tuple(p.recall(found) for p in profiles_)
        matches = tuple(p.example_match(found) for p in profiles_)
        result.append(Sentence(a, b, found, narrative, generic, shares, matches))
    return result


@dataclass(frozen=True)
class Profile:
    """A criterion's terms, each weighted by how distinctive it is among the badge's criteria."""

    weights: dict[str, float]
    text_terms: frozenset[str]
    total: float
    #: each example's terms with their weights (rarer across the badge's examples weighs more), and its total
    examples: tuple[tuple[dict[str, float], float], ...] = ()

    def recall(self, found: frozenset[str]) -> float:
        """The share of the criterion's weight that ``found`` carries."""
        return sum(w for t, w in self.weights.items() if t in found) / self.total if self.total else 0.0

    def example_match(self, found: frozenset[str]) -> float:
        """How closely ``found`` tells one of the criterion's everyday examples (the share of its weight)."""
        best = 0.0
        for weights, total in self.examples:
            share = sum(weights[t] for t in found if t in weights) / total
            best = share if share > best else best
        return best


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
            examples.append((rarity, sum(rarity.values()) or 1.0))
        result.append(Profile(weights, text_terms, sum(weights.values()), tuple(examples)))
    return tuple(result)


def _heading_match(section: Section, profiles: Sequence[Profile]) -> int | None:
    """The index of the criterion a heading names (by number, or by its words), or None."""
    return heading_match(section.number, section.title, profiles)


#: A numbered heading of this many content words that shares almost none of its criterion's quotes another.
QUOTED_TERMS = 6


def heading_match(number: int | None, title: str, profiles: Sequence[Profile]) -> int | None:
    heading_terms = frozenset(s for s, _ in tokens(title))
    scores = []
    for profile in profiles:
        shared = heading_terms & profile.weights.keys()
        own = sum(profile.weights.get(t, 1.0) for t in heading_terms) or 1.0
        precision = sum(profile.weights[t] for t in shared) / own
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
    return max(candidates, key=lambda i: (scores[i][0] + scores[i][1], scores[i][2]))


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
    for block in found:
        block.text = statement.prose[block.body_start : block.end]
        for start, end in statement.paragraphs(block.body_start, block.end):
            words = count_words(statement.prose[start:end])
            block.paragraphs.append((start, end, words))
            block.sentences.extend(_sentences(statement.prose, start, end, profiles))
    return found


def _plain_text_blocks(statement: Statement, found: list[Block], profiles: Sequence[Profile]) -> list[Block]:
    """Blocks for text with no Markdown headings: a one-line paragraph that names a criterion starts one."""
    result: list[Block] = []
    for block in found:
        current = Block(block.criterion, block.heading, block.start, block.body_start, block.end, 0)
        for start, end in statement.paragraphs(block.body_start, block.end):
            line = statement.prose[start:end]
            index = _plain_heading(line, profiles)
            if index is not None:
                current.end = start
                result.append(current)
                current = Block(index, line.strip(), start, end, block.end, 0)
        result.append(current)
    for block in result:
        block.words = count_words(statement.prose[block.body_start : block.end])
    return [b for b in result if b.words or b.criterion is not None]


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
    best = max(range(len(profiles)), key=lambda i: len(profiles[i].text_terms & terms(title)))
    wanted = profiles[best].text_terms
    if wanted and len(wanted & terms(title)) / len(wanted) >= 0.8 and not title.rstrip().endswith("."):
        return best
    return None


# --- features and the classifier ----------------------------------------------------------------

#: The names of the features, in the order the weights file lists their weights. Those of a criterion
#: a heading names describe the text under that heading; the others (``free_``) describe the best
#: evidence in prose under no criterion's heading, for criteria no heading names.
FEATURES = (
    "named",  # a heading names the criterion
    "own_words",  # log(1 + words under that heading)
    "own_recall",  # the share of the criterion's weight the text under its heading carries
    "own_margin",  # that, less the best share any other criterion gets from the same text
    "own_narrative",  # the share of its sentences that tell of something done
    "own_generic",  # the share of its sentences that only claim ("I always...", "I am committed to...")
    "restated",  # own_recall where the text tells of nothing done: the criterion said back
    "copied",  # the text under its heading repeats another block that fits another criterion better
    "declined",  # it says the criterion does not apply, or that there is nothing to say
    "off_topic",  # the share of its sentences with no word of social services work in them
    "free",  # no heading names the criterion: it must be found in free prose
    "free_best",  # the best share of the criterion's weight one sentence of free prose carries
    "free_margin",  # the best lead one free sentence gives it over the other criteria
    "free_window",  # the best share three free sentences running carry
    "free_top",  # how many free sentences it is the best-fitting criterion for (log)
    "examples",  # the badge gives everyday examples of evidence for its criteria
    "example_match",  # how closely the best sentence open to it tells one of its examples
    "example_margin",  # how much closer that is than to any other criterion's examples
    "badge_fit",  # how well the statement as a whole tells this badge's criteria (low: another badge's topic)
)


@dataclass(frozen=True)
class Judgement:
    """One criterion, judged."""

    index: int
    status: Status
    probability: float
    words: int
    block: Block | None  # the first block its heading names
    evidence: tuple[Sentence, ...]  # the one to three sentences relied on (or the nearest, when unclear)
    features: tuple[float, ...]


@cache
def _model() -> dict[str, object]:
    text = resources.files("badgekit.checks").joinpath("judgement_weights.json").read_text(encoding="utf-8")
    data: dict[str, object] = json.loads(text)
    return data


@cache
def _domain_terms() -> frozenset[str]:
    """Terms that show a text is about social services: every bundled criterion's, and every concept."""
    from badgekit.checks.domain import DOMAIN_WORDS

    return frozenset(t for t in terms(DOMAIN_WORDS) if not t.startswith("@"))


_DECLINED = re.compile(
    r"\b(?:not (?:really |very )?applicable|n/a|does not apply|doesn't apply|nothing (?:to add|to say|to report)|"
    r"(?:have not|haven't|not yet) had (?:the|a|any) (?:chance|opportunity)|no experience of|not relevant)",
    re.IGNORECASE,
)


def _off_topic_share(sentences: Sequence[Sentence], profiles_: Sequence[Profile]) -> float:
    """The share of sentences that hold no term of social services work and none of the badge's criteria."""
    if not sentences:
        return 0.0
    domain = _domain_terms().union(*(p.text_terms for p in profiles_))
    return sum(1 for s in sentences if not (s.terms & domain)) / len(sentences)


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


def badge_fit(blocks_: Sequence[Block], profiles_: Sequence[Profile]) -> float:
    """The mean, over the badge's criteria, of the best any one sentence does for it (criterion words or examples)."""
    sentences = [s for b in blocks_ for s in b.sentences]
    if not sentences or not profiles_:
        return 0.0
    best = [max(max(s.shares[i], s.matches[i]) for s in sentences) for i in range(len(profiles_))]
    return sum(best) / len(best)


def features(
    index: int, blocks_: Sequence[Block], profiles_: Sequence[Profile], fit: float | None = None
) -> tuple[float, ...]:
    """The measures the classifier reads for one criterion (see FEATURES); ``fit`` is badge_fit, if known."""
    profile = profiles_[index]
    own = [b for b in blocks_ if b.criterion == index and b.sentences]  # an empty heading is looked past
    own_sentences = [s for b in own for s in b.sentences]
    named = 1.0 if own else 0.0
    own_terms = frozenset().union(*(s.terms for s in own_sentences))
    own_recall = own_margin = narrative = generic = copied = declined = off_topic = 0.0
    if own_sentences:
        own_recall = profile.recall(own_terms)
        own_margin = own_recall - max((p.recall(own_terms) for i, p in enumerate(profiles_) if i != index), default=0)
        narrative = sum(s.narrative for s in own_sentences) / len(own_sentences)
        generic = sum(s.generic for s in own_sentences) / len(own_sentences)
        copied = 1.0 if any(_copied(block, index, blocks_, profiles_) for block in own) else 0.0
        own_text = " ".join(b.text for b in own)
        declined = 1.0 if _DECLINED.search(own_text) and sum(b.words for b in own) < 60 else 0.0
        off_topic = _off_topic_share(own_sentences, profiles_)
    free_best = free_margin = free_window = free_top = 0.0
    if not own:
        sentences = [s for b in blocks_ if b.criterion is None for s in b.sentences]
        top = 0
        for position, sentence in enumerate(sentences):
            shares = sentence.shares
            share = shares[index]
            rival = max((v for i, v in enumerate(shares) if i != index), default=0.0)
            free_best = max(free_best, share)
            free_margin = max(free_margin, share - rival)
            top += share > 0 and share >= rival
            window = frozenset().union(*(s.terms for s in sentences[position : position + 3]))
            free_window = max(free_window, profile.recall(window))
        free_top = math.log1p(top)
    own_words = sum(b.words for b in own)
    example_match = example_margin = 0.0
    if profile.examples:
        pool = own_sentences or [s for b in blocks_ if b.criterion is None for s in b.sentences]
        for sentence in pool:
            matches = sentence.matches
            mine = matches[index]
            example_match = max(example_match, mine)
            rival = max((v for i, v in enumerate(matches) if i != index), default=0.0)
            example_margin = max(example_margin, mine - rival)
    return (
        named,
        math.log1p(own_words),
        own_recall,
        own_margin,
        narrative,
        generic,
        own_recall * (1.0 - narrative),
        copied,
        declined,
        off_topic,
        1.0 - named,
        free_best,
        free_margin,
        free_window,
        free_top,
        1.0 if profile.examples else 0.0,
        example_match,
        example_margin,
        badge_fit(blocks_, profiles_) if fit is None else fit,
    )


def _copied(block: Block, index: int, blocks_: Sequence[Block], profiles_: Sequence[Profile]) -> bool:
    """The block repeats another one whose text fits that one's own criterion at least as well as this one's."""
    for other in blocks_:
        if other is block or not other.sentences or not block.sentences:
            continue
        if _jaccard(block.terms, other.terms) < 0.6:
            continue
        if other.criterion is None or other.criterion == index:
            return other.start < block.start  # the later of two copies is the copy
        mine, theirs = profiles_[index].recall(block.terms), profiles_[other.criterion].recall(other.terms)
        if theirs > mine or (theirs == mine and other.start < block.start):
            return True
    return False


def probability(values: Sequence[float]) -> float:
    model = _model()
    weights = model["weights"]
    assert isinstance(weights, dict)
    z = float(weights.get("bias", 0.0))
    for name, value in zip(FEATURES, values, strict=True):
        z += float(weights.get(name, 0.0)) * value
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def structural_status(values: Sequence[float]) -> Status | None:
    """What the text under a criterion's heading shows whatever the words: a copy, a refusal, text about
    something else, or the criterion said back with nothing done. None when it shows none of these."""
    f = dict(zip(FEATURES, values, strict=True))
    if not f["named"]:
        return None
    if f["copied"] or f["declined"] or f["off_topic"] >= OFF_TOPIC:
        return "missing"
    if f["own_generic"] >= 0.5 and f["own_narrative"] == 0:
        return "missing"
    if f["own_recall"] >= RESTATED_RECALL and f["own_narrative"] <= 0.2:
        return "unclear"
    return None


#: Text under a heading is about something else when this share of its sentences has no word of the work.
OFF_TOPIC = 0.75
#: Text that carries this much of the criterion's own words, and tells of nothing done, says it back.
RESTATED_RECALL = 0.45


def status_of(chance: float) -> Status:
    model = _model()
    if chance >= float(model["covered_from"]):  # type: ignore[arg-type]
        return "covered"
    if chance < float(model["missing_below"]):  # type: ignore[arg-type]
        return "missing"
    return "unclear"


def _evidence(index: int, own: Sequence[Block], open_to_it: Sequence[Block]) -> tuple[Sentence, ...]:
    """The one to three sentences that carry the criterion best: under its heading if it has one."""
    pool = [s for b in (own or open_to_it) for s in b.sentences]
    scores = {s.start: s.shares[index] + s.matches[index] for s in pool}
    ranked = sorted(pool, key=lambda s: (-scores[s.start], s.start))
    chosen = [s for s in ranked[:3] if scores[s.start] > 0] or ranked[:1]
    return tuple(sorted(chosen, key=lambda s: s.start))


#: A sentence tells a criterion plainly when it carries this share of the criterion's weight, this much more
#: than any other criterion's, and tells of something done.
PLAIN_RECALL = 0.3
PLAIN_MARGIN = 0.15


def _told_plainly(index: int, blocks_: Sequence[Block], profiles_: Sequence[Profile]) -> bool:
    for sentence in (s for b in blocks_ for s in b.sentences if s.narrative):
        shares = sentence.shares
        rival = max((v for i, v in enumerate(shares) if i != index), default=0.0)
        if shares[index] >= PLAIN_RECALL and shares[index] - rival >= PLAIN_MARGIN:
            return True
    return False


def _free_words(blocks_: Sequence[Block], profiles_: Sequence[Profile]) -> list[int]:
    """Words of prose under no criterion's heading, each paragraph given to the criterion it evidences best."""
    words = [0] * len(profiles_)
    for block in blocks_:
        if block.criterion is not None:
            continue
        for start, end, count in block.paragraphs:
            paragraph = block.text[start - block.body_start : end - block.body_start].strip()
            if count <= 12 and "\n" not in paragraph and not paragraph.endswith((".", "!", "?")):
                continue  # a title or a heading in plain text: not an answer to anything
            found = frozenset().union(*(s.terms for s in block.sentences if start <= s.start < end))
            shares = [p.recall(found) for p in profiles_]
            best = max(range(len(shares)), key=shares.__getitem__, default=None)
            if best is not None and shares[best] >= 0.15:
                words[best] += count
    return words


def judge(statement: Statement, criteria: Sequence[Criterion]) -> list[Judgement]:
    """Every criterion judged against the statement (see the module docstring)."""
    if not criteria:
        return []
    profiles_ = profiles(criteria)
    blocks_ = blocks(statement, profiles_)
    free = _free_words(blocks_, profiles_)
    fit = badge_fit(blocks_, profiles_)
    result = []
    for index in range(len(criteria)):
        own = [b for b in blocks_ if b.criterion == index]
        open_to_it = [b for b in blocks_ if b.criterion in (None, index)]
        values = features(index, blocks_, profiles_, fit)
        chance = probability(values)
        status = structural_status(values) or status_of(chance)
        told = bool(own) or _told_plainly(index, open_to_it, profiles_)
        if status == "missing" and not structural_status(values) and told:
            # Text under its own heading that is not a copy, a refusal, another subject or the criterion said
            # back, or a sentence that says it in the criterion's words: not confident enough for an error.
            status = "unclear"
        if not any(b.sentences for b in own) and not any(b.criterion is None and b.sentences for b in blocks_):
            status = "missing"  # nothing under its heading, and no free prose to look in
        result.append(
            Judgement(
                index=index,
                status=status,
                probability=chance,
                words=sum(b.words for b in own) + free[index],
                block=own[0] if own else None,
                evidence=_evidence(index, own, open_to_it),
                features=values,
            )
        )
    return result
