"""Reading a badge file: a loaded YAML document validated into a ``Badge``, every problem collected.

Validation collects every problem in a file before reporting, and each problem names the file,
the line and the field (badgekit.validation). Checks that need the whole catalogue (duplicate
ids, prerequisites naming a badge) live in badges/catalogue.py.
"""

from __future__ import annotations

from typing import Any

from badgekit.badges.model import Badge, Criterion, Level, Prerequisite, Source, Step, WordRule
from badgekit.badges.schema import (
    BADGE_KEYS,
    CRITERION_KEYS,
    EVIDENCE_FORMATS,
    ID_PATTERN,
    LEVEL_KEYS,
    PREREQUISITE_KEYS,
    SCHEMA_VERSION,
    SOURCE_KEYS,
    STEP_KEYS,
    WORDS_KEYS,
)
from badgekit.errors import InvalidDataError
from badgekit.validation import FieldReader
from badgekit.yamldoc import YamlDocument, join


def _read_criterion(r: FieldReader, value: Any, here: str, number: int) -> Criterion | None:
    obj = r.mapping(value, here, CRITERION_KEYS)
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
    examples = r.text_list(obj, here, "examples")
    if cid is None or text is None:
        return None
    return Criterion(
        id=cid,
        number=number,
        text=text.strip(),
        prompts=prompts,
        signals=signals,
        examples=examples,
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
    obj = r.mapping(value, here, LEVEL_KEYS)
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
    obj = r.mapping(value, here, WORDS_KEYS)
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
    obj = r.mapping(value, here, PREREQUISITE_KEYS)
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
    obj = r.mapping(value, here, STEP_KEYS)
    if obj is None:
        return None
    text = r.field(obj, here, "text", str, required=True)
    url = r.field(obj, here, "url", str)
    return Step(text=text, url=url) if text else None


def _read_source(r: FieldReader, value: Any, here: str) -> Source | None:
    obj = r.mapping(value, here, SOURCE_KEYS)
    if obj is None:
        return None
    url = r.field(obj, here, "url", str, required=True)
    if url is not None and not url.startswith(("https://", "http://")):
        r.add(join(here, "url"), f"should be a web address starting with https://, not '{url}'")
    verified = r.field(obj, here, "verified", bool, required=True)
    note = r.field(obj, here, "note", str)
    read = _read_day(r, obj, here, "read")
    if url is None or verified is None:
        return None
    return Source(url=url, verified=verified, note=note, read=read)


def _read_day(r: FieldReader, obj: dict[str, Any], here: str, key: str) -> str | None:
    """A day written as 2026-11-29 (YAML reads it as a date), kept as that text."""
    from datetime import date

    value = obj.get(key)
    if value is None:
        return None
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip()).isoformat()
        except ValueError:
            pass
    r.add(join(here, key), f"should be a date written as 2026-11-29, not '{value}'")
    return None


def _read_criteria_or_levels(r: FieldReader, obj: dict[str, Any]) -> tuple[tuple[Criterion, ...], tuple[Level, ...]]:
    """A badge's criteria, or a framework's levels (each with its own): one or the other, never both."""
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
    return criteria, levels


def _read_aliases(r: FieldReader, obj: dict[str, Any]) -> tuple[str, ...]:
    aliases = r.text_list(obj, "", "aliases")
    for index, alias in enumerate(aliases):
        if not ID_PATTERN.match(alias):
            r.add(join("aliases", index), f"'{alias}' should be lower-case letters, digits and hyphens")
    return aliases


def _read_evidence_formats(r: FieldReader, obj: dict[str, Any]) -> tuple[str, ...]:
    formats = r.text_list(obj, "", "evidence_formats")
    for index, fmt in enumerate(formats):
        if fmt not in EVIDENCE_FORMATS:
            r.add(
                join("evidence_formats", index),
                f"should be one of {', '.join(EVIDENCE_FORMATS)}, not '{fmt}'",
            )
    return formats


def parse_badge(doc: YamlDocument) -> Badge:
    """Validate one loaded badge file; raise InvalidDataError listing every problem."""
    r = FieldReader(doc)
    obj = r.mapping(doc.data, "", BADGE_KEYS) if doc.data is not None else None
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
    aliases = _read_aliases(r, obj)
    criteria, levels = _read_criteria_or_levels(r, obj)
    words = _read_words(r, obj["words"], "words") if "words" in obj else WordRule()
    _check_minimums_fit(r, criteria, words)
    formats = _read_evidence_formats(r, obj)
    fields = {
        "kind": r.choice(obj, "", "kind", ("badge", "framework")) or "badge",
        "series": r.field(obj, "", "series", str),
        "number": r.field(obj, "", "number", int),
        "issuer": r.field(obj, "", "issuer", str),
        "guidance": r.field(obj, "", "guidance", str),
        "criteria_intro": r.field(obj, "", "criteria_intro", str),
        "criteria_kind": r.choice(obj, "", "criteria_kind", ("criteria", "questions")) or "criteria",
        "declaration": r.field(obj, "", "declaration", str),
        "endorsement": r.field(obj, "", "endorsement", str),
        "no_ai": r.field(obj, "", "no_ai", str),
    }
    accepting = r.field(obj, "", "accepting_applications", bool)
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
        accepting_applications=accepting is not False,
        **fields,  # type: ignore[arg-type]
    )
