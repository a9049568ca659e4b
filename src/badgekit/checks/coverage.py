"""Coverage (BK2xx): whether the statement addresses each criterion, and the words spent on it.

A section counts for a criterion when its heading names it: by number ("## 3." or
"Criterion 3") or by its words ("## Building trust" for "build and maintain trust
with colleagues..."). Free prose counts too, since many people write without
headings: each paragraph is matched on the criterion's meaning, that is its key
terms in any word form (collaborate, collaboration, collaborating) and the
``signals`` the badge file gives, weighted so that terms shared by every criterion
of the badge count for little. A paragraph can address more than one criterion;
its words then count for each.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from badgekit.checks.model import CheckContext, Example, Finding
from badgekit.checks.registry import rule
from badgekit.checks.samples import REFLECTIVE, WRITING_EVIDENCE_GOOD, words
from badgekit.statement.wordcount import count_words
from badgekit.text import counted

if TYPE_CHECKING:
    from badgekit.badges.model import Badge, Criterion
    from badgekit.statement.parse import Section, Statement

_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")


def _listed(text: str) -> list[str]:
    return text.split()


_STOPWORDS = frozenset(
    _listed(
        """a about above after again against all also am an and any are as at be because been before being below
    between both but by can could did do does doing down during each few for from further had has have having
    he her here hers herself him himself his how i if in into is it its itself just may me might more most must
    my myself no nor not now of off on once only or other others our ours ourselves out over own same she should
    so some such than that the their theirs them themselves then there these they this those through to too
    under until up very was we were what when where which while who whom why will with would you your yours
    yourself yourselves even if whether e g eg ie etc tell us show able well way ways clear clearly ensure
    including include within make take good range appropriate required require use using used people services
    service work working"""
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
#: Covered by free prose: at least this many of the criterion's terms, weighing at least this much.
MIN_TERMS = 2
MIN_SCORE = 4.0
#: A covered criterion with fewer words than this (and no minimum of its own) is thin.
THIN_WORDS = 30


def stem(word: str) -> str:
    """A crude stem, the same for a word's forms: collaborate, collaboration, collaborative -> collabor."""
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


@dataclass(frozen=True)
class _Profile:
    """A criterion's terms with their weights, and its multi-word signals as stem sequences."""

    weights: dict[str, float]
    text_terms: frozenset[str]
    phrases: tuple[tuple[str, ...], ...]


def _profiles(criteria: Sequence[Criterion]) -> list[_Profile]:
    text_terms = [frozenset(s for s, _ in tokens(c.text)) for c in criteria]
    signal_terms = [frozenset(s for signal in c.signals for s, _ in tokens(signal)) for c in criteria]
    count = len(criteria)
    frequency: dict[str, int] = {}
    for own in (a | b for a, b in zip(text_terms, signal_terms, strict=True)):
        for term in own:
            frequency[term] = frequency.get(term, 0) + 1
    profiles = []
    for index, criterion in enumerate(criteria):
        weights = {t: 1.0 + math.log(count / frequency[t]) for t in text_terms[index] | signal_terms[index]}
        for term in signal_terms[index]:  # the badge author's own signals say more than any word of the text
            weights[term] *= 1.5
        phrases = tuple(tuple(s for s, _ in tokens(signal)) for signal in criterion.signals if len(tokens(signal)) > 1)
        profiles.append(_Profile(weights, text_terms[index], phrases))
    return profiles


@dataclass(frozen=True)
class CriterionCoverage:
    """Whether one criterion is addressed, where, and with how many words."""

    number: int
    text: str
    covered: bool
    words: int
    heading: str | None  # the heading of its own section, if it has one
    start: int | None  # offset of its heading or of the first paragraph addressing it
    matched: tuple[str, ...]  # the words in free prose that show it is addressed

    def to_dict(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "text": self.text,
            "covered": self.covered,
            "words": self.words,
            "heading": self.heading,
            "matched": list(self.matched),
        }


def _heading_match(section: Section, profiles: Sequence[_Profile]) -> int | None:
    """The index of the criterion a heading names, or None."""
    heading_terms = {s for s, _ in tokens(section.title)}
    scores = []
    for profile in profiles:
        shared = heading_terms & profile.weights.keys()
        own = sum(profile.weights.get(t, 1.0) for t in heading_terms) or 1.0
        precision = sum(profile.weights[t] for t in shared) / own
        recall = len(shared & profile.text_terms) / (len(profile.text_terms) or 1)
        scores.append((precision, recall, len(shared)))
    numbered = section.number is not None and 1 <= section.number <= len(profiles)
    if numbered and section.number is not None:
        index = section.number - 1
        best = max(range(len(profiles)), key=lambda i: (scores[i][0] + scores[i][1], -abs(i - index)))
        # A number names its criterion, unless the words clearly name another one.
        if best != index and scores[best][1] >= 0.5 and scores[best][1] > scores[index][1] + 0.3:
            return best
        return index
    candidates = [i for i, (p, r, n) in enumerate(scores) if n and p >= 0.5 and (r >= 0.15 or n >= 2)]
    if not candidates:
        return None
    return max(candidates, key=lambda i: (scores[i][0] + scores[i][1], scores[i][2]))


def _paragraph_scores(text: str, profiles: Sequence[_Profile]) -> list[tuple[float, list[str]]]:
    found = tokens(text)
    stems = {s for s, _ in found}
    words_for: dict[str, str] = {}
    for s, w in found:
        words_for.setdefault(s, w)
    joined = " " + " ".join(s for s, _ in found) + " "
    results = []
    for profile in profiles:
        shared = sorted(stems & profile.weights.keys(), key=lambda t: -profile.weights[t])
        score = sum(profile.weights[t] for t in shared)
        matched = [words_for[t] for t in shared]
        for phrase in profile.phrases:
            if f" {' '.join(phrase)} " in joined:
                score += 2.0
                matched.append(" ".join(phrase))
        results.append((score, matched))
    return results


def _free_sections(
    statement: Statement, profiles: Sequence[_Profile]
) -> tuple[list[Section], dict[int, list[Section]]]:
    """Sections that name no criterion, and those that do (by criterion index)."""
    free: list[Section] = []
    named: dict[int, list[Section]] = {}
    parent: tuple[int, int] | None = None  # (heading level, criterion index) of the enclosing criterion section
    for section in statement.sections:
        if section.is_declaration:
            parent = None
            continue
        if section.level < 2:
            free.append(section)
            parent = None
            continue
        index = _heading_match(section, profiles)
        if index is None and parent is not None and section.level > parent[0]:
            index = parent[1]  # a sub-heading inside a criterion's section belongs to it
        elif index is not None:
            parent = (section.level, index)
        else:
            parent = None
        if index is None:
            free.append(section)
        else:
            named.setdefault(index, []).append(section)
    return free, named


def analyse_criteria(statement: Statement, criteria: Sequence[Criterion]) -> list[CriterionCoverage]:
    """Coverage of each criterion by the statement (see the module docstring)."""
    if not criteria:
        return []
    profiles = _profiles(criteria)
    free, named = _free_sections(statement, profiles)
    words = [sum(s.words for s in named.get(i, [])) for i in range(len(criteria))]
    starts: list[int | None] = [named[i][0].start if i in named else None for i in range(len(criteria))]
    matched: list[list[str]] = [[] for _ in criteria]
    for section in free:
        for start, end in statement.paragraphs(section.body_start, section.end):
            chunk = statement.prose[start:end]
            chunk_words = count_words(chunk)
            for index, (score, terms) in enumerate(_paragraph_scores(chunk, profiles)):
                if len(terms) >= MIN_TERMS and score >= MIN_SCORE:
                    words[index] += chunk_words
                    starts[index] = start if starts[index] is None else starts[index]
                    matched[index].extend(t for t in terms if t not in matched[index])
    return [
        CriterionCoverage(
            number=c.number,
            text=c.text,
            covered=words[i] > 0,
            words=words[i],
            heading=named[i][0].heading if i in named else None,
            start=starts[i],
            matched=tuple(matched[i][:8]),
        )
        for i, c in enumerate(criteria)
    ]


def analyse(context: CheckContext) -> list[CriterionCoverage]:
    """Coverage for the context's criteria, worked out once and shared by every rule."""
    cached = context.shared.get("coverage")
    if cached is None:
        cached = analyse_criteria(context.statement, context.criteria)
        context.shared["coverage"] = cached
    return list(cached)


def best_level(badge: Badge, statement: Statement) -> str | None:
    """The framework level whose statements this one covers best (the first on a tie).

    Numbered headings cover any level equally, so the words of the headings decide.
    """
    best: tuple[float, str] | None = None
    for level in badge.levels:
        coverage = analyse_criteria(statement, level.criteria)
        score = float(sum(1 for c in coverage if c.covered))
        for item in coverage:
            if item.heading:
                wanted = {s for s, _ in tokens(item.text)}
                score += len(wanted & {s for s, _ in tokens(item.heading)}) / (len(wanted) or 1)
        if best is None or score > best[0]:
            best = (score, level.id)
    return best[1] if best else None


def _where(context: CheckContext, item: CriterionCoverage) -> int:
    return item.start if item.start is not None else context.statement.first_content_offset()


def _kind(context: CheckContext) -> str:
    return context.badge.criterion_word if context.badge else "Criterion"


def _counted(context: CheckContext, count: int) -> str:
    """ "3 criteria", "2 questions": the badge's own noun, agreeing with the count."""
    return context.badge.criteria_counted(count) if context.badge else counted(count, "criterion", "criteria")


_THREE = "---\nbadge: writing-evidence\n---\n\n"


@rule(
    "BK201",
    "criterion-not-covered",
    "coverage",
    "error",
    "A criterion (or question) of the badge is not addressed anywhere in the statement.",
    triggers=[
        WRITING_EVIDENCE_GOOD.split("## 3.")[0],
        _THREE + "I learned three things from the video and why they are important to me.\n",
        Example("## 2. Involving my manager\n\n", badge="writing-evidence"),
    ],
    clean=[
        WRITING_EVIDENCE_GOOD,
        _THREE
        + "I learned three things from the video, and each is important to me.\n\n"
        + "I discussed the hints and tips with my manager and will ask her to check my next badge.\n\n"
        + "I will tell my colleagues about Open Badges at a team meeting and why evidence matters.\n",
    ],
)
def criterion_not_covered(context: CheckContext) -> Iterator[Finding]:
    for item in analyse(context):
        if not item.covered:
            if item.heading is not None and context.badge is not None:
                # The heading is there (badgekit draft writes one for every criterion): only the answer is missing.
                advice = (
                    f"its heading is here but has no answer under it; write one there, or carry on with "
                    f"'badgekit draft {context.badge.id}'."
                )
            else:
                advice = "add a section with it as the heading and say what you did and learned."
            yield context.report_line(
                _where(context, item),
                f"{_kind(context)} {item.number} is not addressed: “{item.text}”; {advice}",
            )


@rule(
    "BK202",
    "criterion-thin",
    "coverage",
    "warning",
    "A criterion is addressed in very few words, so an assessor may find too little evidence.",
    triggers=[Example("## 1. Trust\n\n" + REFLECTIVE, badge="leadership-across-boundaries")],
    clean=[WRITING_EVIDENCE_GOOD, Example("## 1. Trust\n\n" + words(40), badge="leadership-across-boundaries")],
)
def criterion_thin(context: CheckContext) -> Iterator[Finding]:
    by_number = {c.number: c for c in context.criteria}
    for item in analyse(context):
        own_minimum = by_number[item.number].min_words if item.number in by_number else None
        if item.covered and own_minimum is None and item.words < THIN_WORDS:
            yield context.report_line(
                _where(context, item),
                f"{_kind(context)} {item.number} has only {item.words} words; "
                "say what you did, what you learned and how it changed your practice.",
            )


def _normal(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


@rule(
    "BK203",
    "heading-not-criterion-wording",
    "coverage",
    "note",
    "A numbered heading does not give the criterion's own words, as SSSC asks.",
    triggers=[Example("## 3. Trust\n\n" + words(40), badge="leadership-across-boundaries")],
    clean=[
        Example(
            "## 3. build and maintain trust with colleagues in your own, and other, agencies\n\n" + words(40),
            badge="leadership-across-boundaries",
        ),
        Example("## Trust\n\n" + words(40), badge="leadership-across-boundaries"),
    ],
)
def heading_not_criterion_wording(context: CheckContext) -> Iterator[Finding]:
    by_number = {c.number: c for c in context.criteria}
    for section in context.statement.headed_sections:
        criterion = by_number.get(section.number) if section.number is not None else None
        if section.level == 2 and criterion is not None and _normal(section.title) != _normal(criterion.text):
            yield context.report_line(
                section.start,
                f"This heading is not {_kind(context).lower()} {criterion.number}'s wording; "
                "SSSC asks you to use each point from the badge criteria as a heading, word for word.",
            )


@rule(
    "BK204",
    "heading-number-unknown",
    "coverage",
    "warning",
    "A numbered heading gives a number the badge has no criterion for.",
    triggers=[Example("## 9. Something else\n\n" + words(40), badge="writing-evidence")],
    clean=[WRITING_EVIDENCE_GOOD, Example("## 2025 in review\n\n" + REFLECTIVE, badge="writing-evidence")],
)
def heading_number_unknown(context: CheckContext) -> Iterator[Finding]:
    count = len(context.criteria)
    for section in context.statement.headed_sections:
        if section.level == 2 and section.number is not None and not 1 <= section.number <= count:
            yield context.report_line(
                section.start,
                f"This heading is numbered {section.number}, but the badge has {_counted(context, count)}; "
                "number each heading as the badge does.",
            )
