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
4. **A small classifier** (two: one for criteria a heading names, one for criteria found
   in free prose) combines them into the chance that an assessor would call the
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

import heapq
import json
import math
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Literal

from badgekit import prebuilt
from badgekit.checks.passages import Block, Sentence, blocks
from badgekit.checks.terms import Profile, profiles, terms

if TYPE_CHECKING:
    from badgekit.badges.model import Criterion
    from badgekit.statement.parse import Statement

Status = Literal["covered", "unclear", "missing"]


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


_NAMED = FEATURES.index("named")


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
    # Read beside this module rather than through importlib.resources, whose import alone costs a check
    # 1.5 ms; badgekit is installed as files, never run from a zip.
    with open(os.path.join(os.path.dirname(__file__), "judgement_weights.json"), encoding="utf-8") as file:
        text = file.read()
    data: dict[str, object] = json.loads(text)
    return data


@cache
def _domain_terms() -> frozenset[str]:
    """Terms that show a text is about social services work (domain.py); concepts are left out, as everyday
    words such as "walk" or "holiday" name some of them."""
    from badgekit.checks.domain import DOMAIN_WORDS

    return frozenset(t for t in terms(DOMAIN_WORDS) if not t.startswith("@"))


_DECLINED = prebuilt.compile(  # compiled in advance: 0.3 ms of every check
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
    free = [s for b in blocks_ if b.criterion is None for s in b.sentences]
    own_part = _own_features(index, own, blocks_, profiles_)
    free_part = (0.0, 0.0, 0.0, 0.0) if own else _free_features(index, free, profile)
    example_part = (
        _example_features(index, [s for b in own for s in b.sentences] or free) if profile.examples else (0, 0)
    )
    return (
        1.0 if own else 0.0,
        math.log1p(sum(b.words for b in own)),
        *own_part,
        1.0 if not own else 0.0,
        *free_part,
        1.0 if profile.examples else 0.0,
        *example_part,
        badge_fit(blocks_, profiles_) if fit is None else fit,
    )


def _own_features(
    index: int, own: Sequence[Block], blocks_: Sequence[Block], profiles_: Sequence[Profile]
) -> tuple[float, ...]:
    """own_recall .. off_topic: what the text under the criterion's own heading shows."""
    sentences = [s for b in own for s in b.sentences]
    if not sentences:
        return (0.0,) * 8
    found = frozenset().union(*(s.terms for s in sentences))
    recall = profiles_[index].recall(found)
    margin = recall - max((p.recall(found) for i, p in enumerate(profiles_) if i != index), default=0.0)
    narrative = sum(s.narrative for s in sentences) / len(sentences)
    generic = sum(s.generic for s in sentences) / len(sentences)
    copied = 1.0 if any(_copied(block, index, blocks_, profiles_) for block in own) else 0.0
    text = " ".join(b.text for b in own)
    declined = 1.0 if _DECLINED.search(text) and sum(b.words for b in own) < 60 else 0.0
    off_topic = _off_topic_share(sentences, profiles_)
    return (recall, margin, narrative, generic, recall * (1.0 - narrative), copied, declined, off_topic)


def _free_features(index: int, sentences: Sequence[Sentence], profile: Profile) -> tuple[float, ...]:
    """free_best .. free_top: the best evidence for the criterion in prose under no criterion's heading."""
    best = margin = window = 0.0
    top = 0
    # A sentence with none of the criterion's terms (share 0) changes none of these measures, and a window of
    # three such sentences carries none of its weight: only sentences that carry some are looked at, so
    # that prose with little of the criterion in it costs little, however long it is.
    carrying = [position for position, sentence in enumerate(sentences) if sentence.shares[index] > 0]
    for position in carrying:
        sentence = sentences[position]
        share = sentence.shares[index]
        rival = max((v for i, v in enumerate(sentence.shares) if i != index), default=0.0)
        best = max(best, share)
        margin = max(margin, share - rival)
        top += share >= rival
    for start in sorted({p for position in carrying for p in range(max(0, position - 2), position + 1)}):
        window = max(window, profile.recall(frozenset().union(*(s.terms for s in sentences[start : start + 3]))))
    return (best, margin, window, math.log1p(top))


def _example_features(index: int, sentences: Sequence[Sentence]) -> tuple[float, float]:
    """example_match and example_margin: how closely the best sentence tells one of the criterion's examples."""
    best = margin = 0.0
    for sentence in sentences:
        mine = sentence.matches[index]
        if mine <= 0:
            continue  # changes neither measure (both start at 0)
        best = max(best, mine)
        margin = max(margin, mine - max((v for i, v in enumerate(sentence.matches) if i != index), default=0.0))
    return (best, margin)


def _copied(block: Block, index: int, blocks_: Sequence[Block], profiles_: Sequence[Profile]) -> bool:
    """The block repeats another one whose text fits that one's own criterion at least as well as this one's."""
    for other in blocks_:
        if other is block or not other.sentences or not block.sentences:
            continue
        if _jaccard(block.terms, other.terms) < 0.6:
            continue
        if other.criterion is None or other.criterion == index:
            return other.start < block.start  # the later of two copies is the copy
        mine, theirs = _fit(index, block, profiles_), _fit(other.criterion, other, profiles_)
        if theirs > mine or (theirs == mine and other.start < block.start):
            return True
    return False


def _fit(index: int, block: Block, profiles_: Sequence[Profile]) -> float:
    """How well a block tells a criterion: the share of its words it carries, and how closely its best
    sentence tells one of its everyday examples. Words alone can favour the wrong one of two criteria whose
    wording overlaps ("Initiate, develop and implement systems..." opens two of them)."""
    return profiles_[index].recall(block.terms) + max((s.matches[index] for s in block.sentences), default=0.0)


def probability(values: Sequence[float]) -> float:
    models = _model()["models"]
    assert isinstance(models, dict)
    # One model for criteria a heading names, one for those found in free prose (tools/fit_judgement.py).
    weights = models["named" if values[_NAMED] else "free"]
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
    if f["copied"] or f["declined"] or (f["off_topic"] >= OFF_TOPIC and f["own_recall"] < OFF_TOPIC_RECALL):
        return "missing"
    if f["own_generic"] >= 0.5 and f["own_narrative"] == 0:
        return "missing"
    if f["own_recall"] >= RESTATED_RECALL and f["own_narrative"] <= 0.2 and f["example_match"] < TELLS_AN_EXAMPLE:
        return "unclear"
    return None


#: Text under a heading is about something else when this share of its sentences has no word of the work.
OFF_TOPIC = 0.75
#: ... unless it carries this much of the criterion's own words: then it is about the criterion, told in a
#: conversation or a story whose other sentences share no word of the work ("I kept it light and said ...").
OFF_TOPIC_RECALL = 0.1
#: Text that carries this much of the criterion's own words, and tells of nothing done, says it back ...
RESTATED_RECALL = 0.45
#: ... unless it tells one of the criterion's everyday examples this closely: a criterion that asks what
#: something is ("What is abuse?") is answered by knowledge, not by something done.
TELLS_AN_EXAMPLE = 0.5


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
    # The best three by score, earlier first on a tie: the first three of the pool sorted so, without sorting it
    # all for each criterion (a long statement has thousands of sentences).
    ranked = heapq.nsmallest(3, pool, key=lambda s: (-scores[s.start], s.start))
    chosen = [s for s in ranked if scores[s.start] > 0] or ranked[:1]
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


def told_at_all(index: int, blocks_: Sequence[Block], profiles_: Sequence[Profile]) -> bool:
    """The criterion has its own heading, or a sentence tells it in its own words as something done: then,
    unless the text shows otherwise whatever its words (structural_status), it is at worst unclear."""
    if any(b.criterion == index for b in blocks_):
        return True
    return _told_plainly(index, [b for b in blocks_ if b.criterion is None], profiles_)


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
        if status == "missing" and not structural_status(values) and told_at_all(index, blocks_, profiles_):
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
