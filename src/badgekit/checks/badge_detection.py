"""Which badge a statement is for, when it does not say: from its title, its headings, or its content.

A statement written in Word, or one of badgekit's own exports (``.txt``, ``.blog.md``),
has no ``badge:`` line. A person would tell the badge from the statement itself, and
this module does the same, in order of certainty, stopping at the first that decides:

1. **the title**: the first line (or the first top-level heading) is a badge's title,
   alias, id or series and number ("Step into Leadership #8"), or holds one of them;
2. **headings that quote criteria**: more of the statement's headings quote one badge's
   criteria than any other's;
3. **the content**: the statement's words weighed against each badge's title,
   description and criteria (words that every badge uses count for little), and chosen
   only with a clear margin over the next badge.

Each way says why, in words for the learner. When none decides, ``BadgeUnclear`` lists
the two or three likeliest badges with their ids, so the learner can give ``--badge``.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from badgekit import prebuilt
from badgekit.errors import BadgekitError
from badgekit.invocation import program
from badgekit.statement.parse import Statement, parse_statement

if TYPE_CHECKING:
    from badgekit.badges.catalogue import Catalogue
    from badgekit.badges.model import Badge

#: A first line longer than this is a sentence, not a title.
_TITLE_WORDS = 25
#: Content decides only when the best badge scores this much, and this many times the next.
CONTENT_MINIMUM = 0.12
CONTENT_MARGIN = 1.5
#: ...and shares at least this many different words with it: one shared word in a short note is no evidence.
CONTENT_SHARED = 3
_LISTED = 3

_WORD = prebuilt.compile(r"[a-z0-9]+")
_STOP_WORDS = """
a about above after again all also am an and any are as at be because been before being both but by can
could did do does doing during each few for from further had has have having he her here hers him his how i if
in into is it its itself just me more most my myself no nor not now of off on once only or other our ours out
over own same she should so some such than that the their them then there these they this those through to too
under until up very was we were what when where which while who whom why will with would you your yours
able ensure use using way ways
"""
_STOP = frozenset(_STOP_WORDS.split())
_SUFFIXES = ("ingly", "edly", "ing", "ed", "es", "s", "ly")


class BadgeUnclear(BadgekitError):
    """The statement names no badge and badgekit cannot tell which one it is for."""

    def __init__(self, path: str, candidates: Sequence[Badge]) -> None:
        if candidates:
            listed = "; ".join(describe(badge) + f" (--badge {badge.id})" for badge in candidates)
            message = (
                f"this statement does not say which badge it is for, and badgekit cannot tell: it is most like {listed}"
            )
            example = candidates[0].id
        else:
            message = "this statement does not say which badge it is for, and badgekit cannot tell from what it says"
            example = "ID"
        super().__init__(
            message,
            path=path,
            hint=(
                f"Give the badge with --badge, for example --badge {example}, or start the statement with the "
                f"badge's title. '{program()} list' shows every badge's id."
            ),
        )
        self.candidates = tuple(candidates)


@dataclass(frozen=True)
class Detection:
    """The badge chosen for a statement that names none, and why."""

    badge: Badge
    reason: str  # "whose title is the statement's first line", said after the badge's name
    how: str  # "title", "headings" or "content"

    def announcement(self, doing: str = "Checking against") -> str:
        """One line for the learner: which badge, why, and how to choose another."""
        return f"{doing} {describe(self.badge)}, {self.reason}; give --badge to choose another."


def describe(badge: Badge) -> str:
    """'Step into Leadership #8 “Quality assurance, ...”', or the title alone for a badge in no series."""
    label = badge.series_label
    return f"{label} “{badge.title}”" if label else f"“{badge.title}”"


def normalise(text: str) -> str:
    """Lower case, curly quotes straightened, everything but letters and digits a single space."""
    text = text.lower().replace("’", "'").replace("'", "")
    return " ".join(_WORD.findall(text))


def _stem(word: str) -> str:
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def terms(text: str) -> list[str]:
    """The words that carry meaning, stemmed: 'Evaluating the improvements' -> ['evaluat', 'improvement']."""
    return [_stem(word) for word in _WORD.findall(text.lower().replace("’", "'")) if word not in _STOP]


# --- 1. the title ---------------------------------------------------------------------------


def _names(badge: Badge) -> list[tuple[str, str, str]]:
    """(normalised name, what kind of name, the name as written) for each name a badge goes by."""
    names = [(normalise(badge.title), "title", badge.title)]
    if badge.series_label:
        names.append((normalise(badge.series_label), "series and number", badge.series_label))
    names += [(normalise(alias), "alias", alias) for alias in badge.aliases]
    names.append((normalise(badge.id), "id", badge.id))
    return [(name, kind, written) for name, kind, written in names if name]


def _matched(line: str, badge: Badge, name: str, kind: str, written: str, *, whole: bool, where: str) -> str:
    """Why the badge was chosen, saying the name that matched as the learner would see it.

    Names are compared without case or punctuation, so a first line "Becoming a reflective learner" matches
    the id becoming-a-reflective-learner. Saying "whose id 'becoming-a-reflective-learner' is the statement's
    first line" then misleads: the learner wrote the end of the badge's title, not its id. An id or alias the
    line does not spell as such, whose words are part of the title, is said to be that part of the title.
    """
    verb = "is" if whole else "is in"
    if kind in ("title", "series and number"):
        return f"whose {kind} {verb} {where}"
    title = normalise(badge.title)
    spelt = written.lower() in line.lower()
    if spelt or f" {name} " not in f" {title} ":
        return f"whose {kind} '{written}' {verb} {where}"
    part = "ends with" if title.endswith(f" {name}") else "begins with" if title.startswith(f"{name} ") else "includes"
    if whole:
        return f"whose title {part} {where}"
    words = _as_written(line, name)
    return f"whose title {part} {f'“{words}”' if words else 'the words'} in {where}"


def _as_written(line: str, name: str) -> str | None:
    """The words of a normalised name as they are written in the line, or None if they cannot be found."""
    pattern = r"(?<![a-z0-9])" + r"[^a-z0-9]+".join(re.escape(word) for word in name.split()) + r"(?![a-z0-9])"
    found = re.search(pattern, line, re.IGNORECASE)
    return found.group(0) if found else None


def _title_lines(statement_text: str) -> list[tuple[str, str]]:
    """(line, where it is) for the lines that could be a title: the first line, and the first top-level heading."""
    statement = parse_statement(statement_text)
    found: list[tuple[str, str]] = []
    body = statement.text[statement.body_start :]
    first = next((line for line in body.splitlines() if line.strip()), "")
    first = re.sub(r"^\s*#+\s*|\s*#+\s*$|[*_]", "", first).strip()
    if first and len(first.split()) <= _TITLE_WORDS:
        found.append((first, "the statement's first line"))
    title = statement.title
    if title and title != first:
        found.append((title, "the statement's title"))
    return found


def _by_title(statement_text: str, badges: Sequence[Badge]) -> Detection | None:
    for line, where in _title_lines(statement_text):
        plain = normalise(line)
        padded = f" {plain} "
        matches: list[tuple[int, bool, Badge, tuple[str, str, str]]] = []
        for badge in badges:
            for name, kind, written in _names(badge):
                whole = plain == name
                if whole or (len(name.split()) >= 2 and f" {name} " in padded):
                    matches.append((len(name), whole, badge, (name, kind, written)))
        if not matches:
            continue
        matches.sort(key=lambda m: (m[1], m[0]), reverse=True)
        best = matches[0]
        rivals = {m[2].id for m in matches if (m[1], m[0]) == (best[1], best[0])}
        if len(rivals) > 1:
            continue
        name, kind, written = best[3]
        return Detection(best[2], _matched(line, best[2], name, kind, written, whole=best[1], where=where), "title")
    return None


# --- 2. headings that quote criteria ------------------------------------------------------------


#: A heading or a criterion, normalised, as _quotes compares them: its words, and its terms.
_Wording = tuple[tuple[str, ...], frozenset[str]]


def _wording(normalised: str) -> _Wording:
    return tuple(normalised.split()), frozenset(terms(normalised))


class _CriteriaIndex:
    """Every badge's criteria, indexed so that a heading is compared only with the criteria it could quote:
    those starting with its first word, and those sharing a term with it. (Compared with every criterion
    of every badge, a megabyte of headings took seconds.) The terms are worked out only for a heading
    with four terms or more, the fewest a heading quoting a criterion by its terms has: stemming every
    criterion of every badge was most of the 3.5 ms the index took on every check."""

    def __init__(self, criteria: tuple[tuple[str, ...], ...]) -> None:
        #: each badge's criteria, normalised
        self.criteria = criteria
        by_first_word: dict[str, list[tuple[int, tuple[str, ...]]]] = {}
        empty = set()
        for badge, texts in enumerate(criteria):
            for text in texts:
                wanted = tuple(text.split())
                if wanted:
                    by_first_word.setdefault(wanted[0], []).append((badge, wanted))
                else:
                    empty.add(badge)
        #: a criterion's first word -> (badge, the criterion's words)
        self.by_first_word = {k: tuple(v) for k, v in by_first_word.items()}
        #: badges with a criterion of no words, which every heading starts with
        self.empty = frozenset(empty)
        self._terms: tuple[dict[str, tuple[tuple[int, int], ...]], dict[tuple[int, int], int]] | None = None

    def terms(self) -> tuple[dict[str, tuple[tuple[int, int], ...]], dict[tuple[int, int], int]]:
        """A term -> (badge, criterion) for each criterion that has it; and (badge, criterion) -> how many
        terms the criterion has."""
        if self._terms is None:
            by_term: dict[str, list[tuple[int, int]]] = {}
            term_counts = {}
            for badge, texts in enumerate(self.criteria):
                for number, text in enumerate(texts):
                    wanted_terms = _wording(text)[1]
                    for term in wanted_terms:
                        by_term.setdefault(term, []).append((badge, number))
                    term_counts[(badge, number)] = len(wanted_terms)
            self._terms = {k: tuple(v) for k, v in by_term.items()}, term_counts
        return self._terms

    def kinds(self, heading: _Wording) -> dict[int, int]:
        """For each badge the heading quotes, how, at best over its criteria: 2 when a heading of three
        words or more starts with the criterion's words or is their start, 1 when it has most of its
        terms (four or more, and seven in ten: badges of one programme share much wording)."""
        said, said_terms = heading
        found: dict[int, int] = {}
        if len(said) < 3:
            return found
        for badge in self.empty:
            found[badge] = 2
        for badge, wanted in self.by_first_word.get(said[0], ()):
            if wanted[: len(said)] == said or said[: len(wanted)] == wanted:
                found[badge] = 2
        if len(said_terms) < 4:
            return found  # it cannot share four terms with a criterion
        by_term, term_counts = self.terms()
        overlaps: dict[tuple[int, int], int] = {}
        for term in said_terms:
            for key in by_term.get(term, ()):
                overlaps[key] = overlaps.get(key, 0) + 1
        for key, overlap in overlaps.items():
            if overlap >= 4 and overlap >= 0.7 * term_counts[key] and key[0] not in found:
                found[key[0]] = 1
        return found


def _index(criteria: tuple[tuple[str, ...], ...]) -> _CriteriaIndex:
    """The index of each badge's criteria, given normalised."""
    return _CriteriaIndex(criteria)


#: Each badge's criteria, indexed, by catalogue (as _profiles): worked out once, not per statement.
_criteria_cache: dict[tuple[str, ...], _CriteriaIndex] = {}


def _criteria_index(badges: Sequence[Badge]) -> _CriteriaIndex:
    key = tuple(f"{b.id}:{b.path}" for b in badges)
    if key not in _criteria_cache:
        _criteria_cache[key] = _index(tuple(tuple(normalise(c.text) for c in badge.all_criteria()) for badge in badges))
    return _criteria_cache[key]


def _heading_wordings(statement: str | Statement) -> list[_Wording]:
    """The statement's headings, as _CriteriaIndex.kinds compares them."""
    if isinstance(statement, str):
        statement = parse_statement(statement)
    titles = [normalise(s.title.replace("...", " ").replace("…", " ")) for s in statement.headed_sections]
    return [_wording(h) for h in titles if h]


def _by_headings(statement: str | Statement | list[_Wording], badges: Sequence[Badge]) -> Detection | None:
    headings = statement if isinstance(statement, list) else _heading_wordings(statement)
    if not headings:
        return None
    index = _criteria_index(badges)
    seen: dict[_Wording, dict[int, int]] = {}  # a heading repeated is compared once
    by_heading = [seen[h] if h in seen else seen.setdefault(h, index.kinds(h)) for h in headings]
    quoted: list[tuple[tuple[int, int], Badge]] = []  # (headings quoting it, of those word for word)
    for number, badge in enumerate(badges):
        kinds = [found.get(number, 0) for found in by_heading]
        count = sum(1 for kind in kinds if kind)
        if count:
            quoted.append(((count, kinds.count(2)), badge))
    if not quoted:
        return None
    quoted.sort(key=lambda item: item[0], reverse=True)
    (best_count, best_exact), best = quoted[0]
    runner_up = quoted[1][0] if len(quoted) > 1 else (0, 0)
    if best_count < min(2, len(headings)) or (best_count, best_exact) <= runner_up:
        return None
    quoting = "heading quotes" if best_count == 1 else "headings quote"
    return Detection(best, f"because {best_count} of the statement's {quoting} its criteria", "headings")


# --- 3. the content --------------------------------------------------------------------------


@dataclass(frozen=True)
class _Profiles:
    badges: tuple[Badge, ...]
    vectors: tuple[dict[str, float], ...]
    idf: dict[str, float]


_cache: dict[tuple[str, ...], _Profiles] = {}


def _badge_words(badge: Badge) -> list[str]:
    words = terms(badge.title) * 3 + terms(badge.description)
    for criterion in badge.all_criteria():
        words += terms(criterion.text) * 2 + terms(" ".join(criterion.signals)) * 2 + terms(" ".join(criterion.prompts))
    return words


def _unit(counts: Counter[str], idf: dict[str, float]) -> dict[str, float]:
    vector = {term: (1 + math.log(n)) * idf.get(term, 0.0) for term, n in counts.items()}
    size = math.sqrt(sum(v * v for v in vector.values())) or 1.0
    return {term: v / size for term, v in vector.items() if v}


def _profiles(badges: Sequence[Badge]) -> _Profiles:
    key = tuple(f"{b.id}:{b.path}" for b in badges)
    if key not in _cache:
        counts = [Counter(_badge_words(badge)) for badge in badges]
        documents = Counter(term for count in counts for term in count)
        idf = {term: math.log((1 + len(badges)) / n) for term, n in documents.items()}
        _cache[key] = _Profiles(tuple(badges), tuple(_unit(c, idf) for c in counts), idf)
    return _cache[key]


def content_scores(statement_text: str, badges: Sequence[Badge]) -> list[tuple[float, Badge]]:
    """Each badge's likeness to the statement's words (cosine of weighted terms), best first."""
    profiles = _profiles(badges)
    statement = parse_statement(statement_text)
    vector = _unit(Counter(terms(statement.prose)), profiles.idf)
    scores = [
        (sum(weight * profile.get(term, 0.0) for term, weight in vector.items()), badge)
        for badge, profile in zip(profiles.badges, profiles.vectors, strict=True)
    ]
    return sorted(scores, key=lambda item: item[0], reverse=True)


def _shares_words(statement_text: str, badge: Badge) -> bool:
    """Whether the statement has CONTENT_SHARED different words of the badge's own."""
    return len(set(terms(parse_statement(statement_text).prose)) & set(_badge_words(badge))) >= CONTENT_SHARED


def _by_content(scores: Sequence[tuple[float, Badge]], statement_text: str) -> Detection | None:
    if not scores:
        return None
    best_score, best = scores[0]
    runner_up = scores[1][0] if len(scores) > 1 else 0.0
    if best_score < CONTENT_MINIMUM or best_score < CONTENT_MARGIN * runner_up:
        return None
    if not _shares_words(statement_text, best):
        return None
    return Detection(best, "whose criteria the statement's words are closest to", "content")


def badge_headings_quote(
    statement: str | Statement, badge: Badge, catalogue: Catalogue | Iterable[Badge]
) -> Badge | None:
    """Another badge whose criteria the statement's headings quote, where they quote it more than ``badge``'s:
    the statement was written for that badge, whatever it is being checked against. The statement may be
    given parsed (with any declaration: only its headings count)."""
    headings = _heading_wordings(statement)
    if _quotes_all(headings, badge):
        return None  # no badge can quote them more: the index of every badge's criteria is not needed
    found = _by_headings(headings, list(catalogue))
    return found.badge if found is not None and found.badge.id != badge.id else None


def _quotes_all(headings: list[_Wording], badge: Badge) -> bool:
    """Whether the badge's own criteria are quoted word for word by every heading that could quote any (three
    words or more). Then no other badge is quoted by more headings, or more of them word for word, and
    _by_headings chooses none over it: what a heading quotes of a badge depends on that badge's criteria
    alone, so one badge's index answers without the catalogue's."""
    index = _index((tuple(normalise(c.text) for c in badge.all_criteria()),))
    return all(index.kinds(heading).get(0) == 2 for heading in headings if len(heading[0]) >= 3)


def detect_badge(statement_text: str, path: str, catalogue: Catalogue | Iterable[Badge]) -> Detection:
    """The badge a statement without a ``badge:`` line is for, or BadgeUnclear listing the likeliest."""
    badges = list(catalogue)
    found = _by_title(statement_text, badges) or _by_headings(statement_text, badges)
    if found is not None:
        return found
    scores = content_scores(statement_text, badges)
    found = _by_content(scores, statement_text)
    if found is not None:
        return found
    likely = [
        badge
        for score, badge in scores[:_LISTED]
        if score >= CONTENT_MINIMUM / 2 and _shares_words(statement_text, badge)
    ]
    raise BadgeUnclear(path, likely)
