"""Badges as validated data: the YAML badge file format turned into frozen dataclasses.

The format is documented in docs/criteria-format.md. Validation collects every
problem in a file before reporting (a person fixing a file wants the whole list),
and each problem names the file, the line and the field. Checks that need the
whole catalogue (duplicate ids, prerequisites naming a badge) live in catalogue.py.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Literal, TypeVar

from badgekit.errors import InvalidDataError, Problem
from badgekit.yamldoc import YamlDocument, join

SCHEMA_VERSION = 1
ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

PrerequisiteLevel = Literal["required", "recommended"]
CriteriaKind = Literal["criteria", "questions"]
BadgeKind = Literal["badge", "framework"]

#: Evidence formats a badge may accept, with the words used to show them.
EVIDENCE_FORMATS: dict[str, str] = {
    "written-statement": "a written statement",
    "audio-video-link": "a link to an audio or video recording",
    "blog-or-eportfolio-link": "a link to your own blog or e-portfolio",
}


@dataclass(frozen=True)
class Criterion:
    """One thing the learner must show (or, for some badges, one question to answer)."""

    id: str
    number: int  # 1-based position in its badge or level
    text: str  # exactly as the source gives it
    prompts: tuple[str, ...] = ()
    signals: tuple[str, ...] = ()  # words and phrases that show the criterion is addressed
    min_words: int | None = None
    verified: bool = True  # False where the wording was completed from a second source
    note: str | None = None
    discussion: str | None = None  # the question asked for notes, where the criterion asks for a discussion


@dataclass(frozen=True)
class Level:
    """One level of a framework (for example "Direct Practice"), with its own statements."""

    id: str
    title: str
    criteria: tuple[Criterion, ...]


@dataclass(frozen=True)
class WordRule:
    """How much to write. Suggested bounds warn; hard bounds are errors."""

    suggested_min: int | None = None
    suggested_max: int | None = None
    minimum: int | None = None
    maximum: int | None = None
    verified: bool = True
    note: str | None = None

    def describe(self) -> str:
        """The rule in words, as a learner reads it: "500–1000 words suggested"."""
        parts: list[str] = []
        if self.minimum is not None and self.maximum is not None:
            parts.append(f"{self.minimum}–{self.maximum} words required")
        elif self.minimum is not None:
            parts.append(f"at least {self.minimum} words")
        elif self.maximum is not None:
            parts.append(f"no more than {self.maximum} words")
        if self.suggested_min is not None and self.suggested_max is not None:
            parts.append(f"{self.suggested_min}–{self.suggested_max} words suggested")
        elif self.suggested_min is not None:
            parts.append(f"{self.suggested_min} words or more suggested")
        elif self.suggested_max is not None:
            parts.append(f"up to {self.suggested_max} words suggested")
        if not parts:
            return "no word limit"
        text = "; ".join(parts)
        return text if self.verified else f"{text} (unverified)"


@dataclass(frozen=True)
class Prerequisite:
    """A badge to hold (required) or to earn first (recommended)."""

    level: PrerequisiteLevel
    badge: str | None = None  # id of a badge in the catalogue
    name: str | None = None  # title of a badge badgekit does not bundle
    text: str | None = None  # the source's own sentence, when it has one


@dataclass(frozen=True)
class Step:
    """Something to do before writing (watch a video, read a factsheet)."""

    text: str
    url: str | None = None


@dataclass(frozen=True)
class Source:
    """Where the badge's wording came from, and whether it was checked word for word."""

    url: str
    verified: bool
    note: str | None = None


@dataclass(frozen=True)
class Badge:
    """A badge (or a framework used like one) as badgekit knows it."""

    id: str
    title: str
    description: str
    source: Source
    path: str  # the file it was loaded from
    kind: BadgeKind = "badge"
    series: str | None = None
    number: int | None = None
    issuer: str | None = None
    aliases: tuple[str, ...] = ()
    guidance: str | None = None
    steps: tuple[Step, ...] = ()
    criteria_intro: str | None = None
    criteria_kind: CriteriaKind = "criteria"
    criteria: tuple[Criterion, ...] = ()
    levels: tuple[Level, ...] = ()
    words: WordRule = WordRule()
    prerequisites: tuple[Prerequisite, ...] = ()
    evidence_formats: tuple[str, ...] = ()
    declaration: str | None = None
    resource_people: tuple[str, ...] = ()

    @property
    def series_label(self) -> str:
        if self.series and self.number is not None:
            return f"{self.series} #{self.number}"
        return self.series or ""

    @property
    def criterion_word(self) -> str:
        """What one criterion is called when speaking to the learner."""
        return "Question" if self.criteria_kind == "questions" else "Criterion"

    def level(self, level_id: str) -> Level | None:
        return next((lv for lv in self.levels if lv.id == level_id), None)

    def criteria_for(self, level_id: str | None = None) -> tuple[Criterion, ...]:
        """The criteria a learner answers: the badge's own, or one level's of a framework."""
        if not self.levels:
            return self.criteria
        chosen = self.level(level_id) if level_id else None
        if chosen is None:
            raise ValueError(f"choose one of the levels of {self.id}: {self.level_ids()}")
        return chosen.criteria

    def level_ids(self) -> list[str]:
        return [lv.id for lv in self.levels]

    def all_criteria(self) -> Iterable[Criterion]:
        yield from self.criteria
        for level in self.levels:
            yield from level.criteria

    def unverified(self) -> list[str]:
        """What in this badge was not checked word for word against its source."""
        notes = [] if self.source.verified else ["the badge's wording as a whole"]
        notes += [
            f"criterion {c.number} ({c.note})" if c.note else f"criterion {c.number}"
            for c in self.all_criteria()
            if not c.verified
        ]
        if not self.words.verified:
            notes.append("the word guidance")
        return notes


# --- reading a badge file ----------------------------------------------------------------

T = TypeVar("T")

_BADGE_KEYS = {
    "schema_version", "id", "kind", "title", "series", "number", "issuer", "aliases",
    "description", "source", "guidance", "steps", "criteria_intro", "criteria_kind",
    "criteria", "levels", "words", "prerequisites", "evidence_formats", "declaration",
    "resource_people",
}  # fmt: skip
_CRITERION_KEYS = {"id", "text", "prompts", "signals", "min_words", "verified", "note", "discussion"}
_LEVEL_KEYS = {"id", "title", "criteria"}
_WORDS_KEYS = {"suggested_min", "suggested_max", "minimum", "maximum", "verified", "note"}
_PREREQUISITE_KEYS = {"badge", "name", "level", "text"}
_STEP_KEYS = {"text", "url"}
_SOURCE_KEYS = {"url", "verified", "note"}

_TYPE_NAMES = {str: "text", int: "a whole number", bool: "true or false", list: "a list"}


class FieldReader:
    """Reads typed fields out of a YamlDocument, collecting problems instead of stopping (badge files, reviews)."""

    def __init__(self, doc: YamlDocument) -> None:
        self.doc = doc
        self.problems: list[Problem] = list(doc.duplicate_keys)

    def add(self, dotted: str, message: str) -> None:
        self.problems.append(self.doc.problem(dotted, message))

    def mapping(self, value: Any, here: str, allowed: set[str]) -> dict[str, Any] | None:
        if not isinstance(value, dict):
            self.add(here, "should be a mapping of 'key: value' lines")
            return None
        for key in value:
            if key not in allowed:
                hint = _closest(str(key), allowed)
                self.add(
                    join(here, key),
                    "unknown key" + (f" (did you mean '{hint}'?)" if hint else ""),
                )
        return value

    def field(self, obj: dict[str, Any], here: str, key: str, kind: type[T], *, required: bool = False) -> T | None:
        dotted = join(here, key)
        value = obj.get(key)
        if value is None:
            if required:
                self.add(dotted, "required" if key not in obj else "required, but empty")
            return None
        # bool is a subclass of int in Python; "number: true" is still a mistake
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            self.add(dotted, f"should be {_TYPE_NAMES[kind]}, not {_describe(value)}")
            return None
        if kind is str and not str(value).strip():
            self.add(dotted, "required, but empty" if required else "should not be empty")
            return None
        if kind is int and value < 0:  # type: ignore[operator]
            self.add(dotted, "should not be negative")
            return None
        return value

    def text_list(self, obj: dict[str, Any], here: str, key: str) -> tuple[str, ...]:
        items = self.field(obj, here, key, list) or []
        good: list[str] = []
        for index, item in enumerate(items):
            if isinstance(item, str) and item.strip():
                good.append(item)
            else:
                self.add(join(join(here, key), index), f"should be text, not {_describe(item)}")
        return tuple(good)

    def each(
        self, obj: dict[str, Any], here: str, key: str, read: Callable[[Any, str, int], T | None]
    ) -> tuple[T, ...]:
        items = self.field(obj, here, key, list) or []
        read_items = (read(item, join(join(here, key), i), i + 1) for i, item in enumerate(items))
        return tuple(item for item in read_items if item is not None)

    def choice(self, obj: dict[str, Any], here: str, key: str, allowed: Iterable[str]) -> str | None:
        value = self.field(obj, here, key, str)
        options = list(allowed)
        if value is not None and value not in options:
            self.add(join(here, key), f"should be one of {', '.join(options)}, not '{value}'")
            return None
        return value

    def identifier(self, obj: dict[str, Any], here: str, key: str = "id") -> str | None:
        value = self.field(obj, here, key, str, required=True)
        if value is not None and not ID_PATTERN.match(value):
            self.add(
                join(here, key),
                f"'{value}' should be lower-case letters, digits and single hyphens (for example 'leading-change')",
            )
            return None
        return value


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return f"'{str(value).lower()}'"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    return f"'{value}'"


def _closest(word: str, options: Iterable[str]) -> str | None:
    from difflib import get_close_matches

    found = get_close_matches(word, list(options), n=1, cutoff=0.6)
    return found[0] if found else None


def _read_criterion(r: FieldReader, value: Any, here: str, number: int) -> Criterion | None:
    obj = r.mapping(value, here, _CRITERION_KEYS)
    if obj is None:
        return None
    cid = r.identifier(obj, here)
    text = r.field(obj, here, "text", str, required=True)
    min_words = r.field(obj, here, "min_words", int)
    if min_words == 0:
        r.add(join(here, "min_words"), "should be at least 1 (leave it out for no minimum)")
    verified = r.field(obj, here, "verified", bool)
    note = r.field(obj, here, "note", str)
    discussion = r.field(obj, here, "discussion", str)
    prompts = r.text_list(obj, here, "prompts")
    signals = r.text_list(obj, here, "signals")
    if cid is None or text is None:
        return None
    return Criterion(
        id=cid,
        number=number,
        text=text.strip(),
        prompts=prompts,
        signals=signals,
        min_words=min_words,
        verified=True if verified is None else verified,
        note=note,
        discussion=discussion.strip() if discussion else None,
    )


def _read_criteria(r: FieldReader, obj: dict[str, Any], here: str) -> tuple[Criterion, ...]:
    criteria = r.each(obj, here, "criteria", lambda v, p, n: _read_criterion(r, v, p, n))
    _report_repeats(r, [c.id for c in criteria], join(here, "criteria"), "criterion id")
    return criteria


def _report_repeats(r: FieldReader, ids: list[str], here: str, what: str) -> None:
    for index, value in enumerate(ids):
        if value in ids[:index]:
            r.add(join(join(here, index), "id"), f"{what} '{value}' is used twice")


def _read_level(r: FieldReader, value: Any, here: str, _number: int) -> Level | None:
    obj = r.mapping(value, here, _LEVEL_KEYS)
    if obj is None:
        return None
    lid = r.identifier(obj, here)
    title = r.field(obj, here, "title", str, required=True)
    criteria = _read_criteria(r, obj, here)
    if "criteria" not in obj:
        r.add(join(here, "criteria"), "required")
    elif not obj["criteria"] and isinstance(obj["criteria"], list):
        r.add(join(here, "criteria"), "should list at least one statement")
    if lid is None or title is None:
        return None
    return Level(id=lid, title=title, criteria=criteria)


def _read_words(r: FieldReader, value: Any, here: str) -> WordRule:
    obj = r.mapping(value, here, _WORDS_KEYS)
    if obj is None:
        return WordRule()
    rule = WordRule(
        suggested_min=r.field(obj, here, "suggested_min", int),
        suggested_max=r.field(obj, here, "suggested_max", int),
        minimum=r.field(obj, here, "minimum", int),
        maximum=r.field(obj, here, "maximum", int),
        verified=r.field(obj, here, "verified", bool) is not False,
        note=r.field(obj, here, "note", str),
    )
    for low, high in (("minimum", "maximum"), ("suggested_min", "suggested_max")):
        lo, hi = getattr(rule, low), getattr(rule, high)
        if lo is not None and hi is not None and lo > hi:
            r.add(join(here, low), f"{low} ({lo}) is more than {high} ({hi})")
    return rule


def _check_minimums_fit(r: FieldReader, criteria: tuple[Criterion, ...], words: WordRule) -> None:
    """Per-criterion minimums that no statement within the maximum could meet."""
    if words.maximum is None:
        return
    for index, criterion in enumerate(criteria):
        if criterion.min_words is not None and criterion.min_words > words.maximum:
            r.add(
                join(join("criteria", index), "min_words"),
                f"min_words ({criterion.min_words}) is more than words.maximum ({words.maximum})",
            )
    total = sum(c.min_words or 0 for c in criteria)
    if total > words.maximum:
        r.add("words.maximum", f"maximum ({words.maximum}) is less than the criteria's min_words added up ({total})")


def _read_prerequisite(r: FieldReader, value: Any, here: str, _n: int) -> Prerequisite | None:
    obj = r.mapping(value, here, _PREREQUISITE_KEYS)
    if obj is None:
        return None
    badge = r.field(obj, here, "badge", str)
    name = r.field(obj, here, "name", str)
    level = r.choice(obj, here, "level", ("required", "recommended"))
    text = r.field(obj, here, "text", str)
    if "level" not in obj:
        r.add(join(here, "level"), "missing: say whether this badge is required or recommended")
    if badge is None and name is None and "badge" not in obj and "name" not in obj:
        r.add(here, "names no badge: give 'badge:' (an id) or 'name:' (a badge's title)")
        return None
    if level is None:
        return None
    return Prerequisite(level=level, badge=badge, name=name, text=text)  # type: ignore[arg-type]


def _read_step(r: FieldReader, value: Any, here: str, _n: int) -> Step | None:
    if isinstance(value, str) and value.strip():
        return Step(text=value)
    obj = r.mapping(value, here, _STEP_KEYS)
    if obj is None:
        return None
    text = r.field(obj, here, "text", str, required=True)
    url = r.field(obj, here, "url", str)
    return Step(text=text, url=url) if text else None


def _read_source(r: FieldReader, value: Any, here: str) -> Source | None:
    obj = r.mapping(value, here, _SOURCE_KEYS)
    if obj is None:
        return None
    url = r.field(obj, here, "url", str, required=True)
    if url is not None and not url.startswith(("https://", "http://")):
        r.add(join(here, "url"), f"should be a web address starting with https://, not '{url}'")
    verified = r.field(obj, here, "verified", bool, required=True)
    note = r.field(obj, here, "note", str)
    if url is None or verified is None:
        return None
    return Source(url=url, verified=verified, note=note)


def parse_badge(doc: YamlDocument) -> Badge:
    """Validate one loaded badge file; raise InvalidDataError listing every problem."""
    r = FieldReader(doc)
    obj = r.mapping(doc.data, "", _BADGE_KEYS) if doc.data is not None else None
    if obj is None:
        if doc.data is None:
            r.add("", "the file is empty: a badge file needs at least id, title and criteria")
        raise InvalidDataError(r.problems)

    version = r.field(obj, "", "schema_version", int, required=True)
    if version is not None and version != SCHEMA_VERSION:
        r.add("schema_version", f"this badgekit reads schema_version {SCHEMA_VERSION}, not {version}")
    badge_id = r.identifier(obj, "")
    title = r.field(obj, "", "title", str, required=True)
    description = r.field(obj, "", "description", str, required=True)
    source = _read_source(r, obj["source"], "source") if "source" in obj else None
    if "source" not in obj:
        r.add("source", "required (where the badge's wording came from: url and verified)")
    aliases = r.text_list(obj, "", "aliases")
    for index, alias in enumerate(aliases):
        if not ID_PATTERN.match(alias):
            r.add(join("aliases", index), f"'{alias}' should be lower-case letters, digits and hyphens")
    criteria = _read_criteria(r, obj, "")
    levels = r.each(obj, "", "levels", lambda v, p, n: _read_level(r, v, p, n))
    _report_repeats(r, [lv.id for lv in levels], "levels", "level id")
    if "criteria" in obj and "levels" in obj:
        r.add("levels", "give either criteria or levels, not both")
    elif "criteria" not in obj and "levels" not in obj:
        r.add("criteria", "required (or levels, for a framework)")
    elif "criteria" in obj and not criteria and not any(p.field.startswith("criteria") for p in r.problems):
        r.add("criteria", "should list at least one criterion")
    if "levels" in obj and "criteria" not in obj and obj.get("kind") != "framework":
        r.add("levels", "levels are for frameworks: add 'kind: framework', or list criteria instead")
    elif "levels" in obj and obj["levels"] == []:
        r.add("levels", "should list at least one level")
    words = _read_words(r, obj["words"], "words") if "words" in obj else WordRule()
    _check_minimums_fit(r, criteria, words)
    formats = r.text_list(obj, "", "evidence_formats")
    for index, fmt in enumerate(formats):
        if fmt not in EVIDENCE_FORMATS:
            r.add(
                join("evidence_formats", index),
                f"should be one of {', '.join(EVIDENCE_FORMATS)}, not '{fmt}'",
            )
    fields = {
        "kind": r.choice(obj, "", "kind", ("badge", "framework")) or "badge",
        "series": r.field(obj, "", "series", str),
        "number": r.field(obj, "", "number", int),
        "issuer": r.field(obj, "", "issuer", str),
        "guidance": r.field(obj, "", "guidance", str),
        "criteria_intro": r.field(obj, "", "criteria_intro", str),
        "criteria_kind": r.choice(obj, "", "criteria_kind", ("criteria", "questions")) or "criteria",
        "declaration": r.field(obj, "", "declaration", str),
    }
    steps = r.each(obj, "", "steps", lambda v, p, n: _read_step(r, v, p, n))
    prerequisites = r.each(obj, "", "prerequisites", lambda v, p, n: _read_prerequisite(r, v, p, n))
    for index, prereq in enumerate(prerequisites):
        if prereq.badge is not None and prereq.badge == badge_id:
            r.add(join(join("prerequisites", index), "badge"), "a badge cannot be its own prerequisite")
    resource_people = r.text_list(obj, "", "resource_people")

    if r.problems or badge_id is None or title is None or description is None or source is None:
        raise InvalidDataError(sorted(r.problems, key=lambda p: (p.line or 0, p.field)))
    return Badge(
        id=badge_id,
        title=title,
        description=description.strip(),
        source=source,
        path=doc.path,
        aliases=aliases,
        criteria=criteria,
        levels=levels,
        words=words,
        evidence_formats=formats,
        steps=steps,
        prerequisites=prerequisites,
        resource_people=resource_people,
        **fields,  # type: ignore[arg-type]
    )


def badge_to_dict(badge: Badge) -> dict[str, Any]:
    """The badge as plain JSON-ready data (for ``--format json``)."""
    from dataclasses import asdict

    data = asdict(badge)
    data["word_rule"] = badge.words.describe()
    data["unverified"] = badge.unverified()
    return data


def badge_from_dict(data: dict[str, Any]) -> Badge:
    """Rebuild a badge from ``dataclasses.asdict`` output of an already validated badge."""

    def criteria(items: list[dict[str, Any]]) -> tuple[Criterion, ...]:
        return tuple(Criterion(**{**c, "prompts": tuple(c["prompts"]), "signals": tuple(c["signals"])}) for c in items)

    return Badge(
        **{
            **data,
            "source": Source(**data["source"]),
            "aliases": tuple(data["aliases"]),
            "steps": tuple(Step(**s) for s in data["steps"]),
            "criteria": criteria(data["criteria"]),
            "levels": tuple(
                Level(id=lv["id"], title=lv["title"], criteria=criteria(lv["criteria"])) for lv in data["levels"]
            ),
            "words": WordRule(**data["words"]),
            "prerequisites": tuple(Prerequisite(**p) for p in data["prerequisites"]),
            "evidence_formats": tuple(data["evidence_formats"]),
            "resource_people": tuple(data["resource_people"]),
        }
    )
