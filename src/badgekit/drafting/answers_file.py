"""Answers written by hand in a YAML file: ``badgekit draft ID --answers FILE``.

The interview's answers given all at once, for writing a statement without a terminal. The
file is keyed by criterion number or id; an answer is text, or a mapping with ``answer`` and,
optionally, ``discussion`` (notes from a discussion the criterion asks for). A framework's
level is given with ``level:`` or ``--level``. Every problem is reported with the file, line
and key, and so is every criterion left without an answer, so that nothing partial is written
by accident.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from badgekit.badges.model import Badge, Criterion
from badgekit.drafting.store import clean_answer
from badgekit.errors import InvalidDataError, Problem
from badgekit.invocation import program

if TYPE_CHECKING:
    from badgekit.validation import FieldReader

#: The keys of an answer given as a mapping in an answers file.
_ANSWERS_FILE_KEYS = {"answer", "discussion"}


@dataclass(frozen=True)
class AnswersFile:
    """What an answers file gives: answers and notes from discussions (by criterion id), and the level."""

    answers: dict[str, str]
    discussions: dict[str, str]
    level: str | None


def answers_from_file(path: str, badge: Badge, level: str | None = None) -> AnswersFile:
    """Answers (by criterion id) and the level, read from a YAML file keyed by criterion number or id:
    the interview's answers given all at once, for writing a statement without a terminal.

    An answer is text, or a mapping with ``answer`` and, optionally, ``discussion`` (notes from a
    discussion the criterion asks for). Every problem is reported with the file, line and key; so is
    every criterion left without an answer.
    """
    from badgekit.textinput import display_name, read_text
    from badgekit.validation import FieldReader
    from badgekit.yamldoc import parse_yaml

    shown = display_name(path)
    doc = parse_yaml(read_text(path), shown)
    r = FieldReader(doc)
    problems = r.problems
    data: Any = doc.data
    if not isinstance(data, Mapping):
        what = "empty" if data is None else "not a list of answers"
        hint = "Write one answer per criterion, keyed by its number or id, for example:  1: |  (then the answer)"
        raise InvalidDataError([Problem(shown, None, "", f"the file is {what}")], hint=hint)
    if badge.levels:
        level = _level_from(data, r, badge, level)
        if level is None:
            raise InvalidDataError(problems, hint="Add a line such as 'level: direct-practice', or use --level.")
    criteria = badge.criteria_for(level)
    answers, discussions, faulty = _read_entries(r, data, badge, criteria)
    missing = [c for c in criteria if c.id not in answers and c.id not in faulty]
    for criterion in missing:
        problems.append(
            Problem(shown, None, "", f"{badge.criterion_noun} {criterion.number} ({criterion.id}) has no answer")
        )
    if problems:
        raise InvalidDataError(problems, hint=_no_statement_hint(badge, bool(missing)))
    return AnswersFile(answers, discussions, level)


def _read_entries(
    r: FieldReader, data: Mapping[Any, Any], badge: Badge, criteria: Sequence[Criterion]
) -> tuple[dict[str, str], dict[str, str], set[str]]:
    """The answers and notes by criterion id, and the ids whose entry has a problem of its own."""
    by_key: dict[str, Criterion] = {c.id: c for c in criteria}
    by_key.update({str(c.number): c for c in criteria})
    answers: dict[str, str] = {}
    discussions: dict[str, str] = {}
    given_as: dict[str, str] = {}  # criterion id -> the key that answered it
    faulty: set[str] = set()  # criterion ids whose answer has a problem of its own
    for key, value in data.items():
        name = str(key)
        if name == "level" and badge.levels:
            continue
        criterion = by_key.get(name)
        if criterion is None:
            r.add(name, _unknown_key(name, criteria))
            continue
        if criterion.id in given_as:
            r.add(name, f"answers the same criterion as '{given_as[criterion.id]}'")
            continue
        given_as[criterion.id] = name
        if isinstance(value, Mapping):
            before = len(r.problems)
            value, notes = _split_answer(value, name, r)
            if len(r.problems) > before:
                faulty.add(criterion.id)
                continue
            if notes and notes.strip():
                discussions[criterion.id] = clean_answer(notes)
        if value is None or (isinstance(value, str) and not value.strip()):
            continue  # reported below as missing
        if not isinstance(value, str):
            r.add(name, "should be text (write | after the colon, then the answer)")
            faulty.add(criterion.id)
            continue
        answers[criterion.id] = clean_answer(value)
    return answers, discussions, faulty


def _no_statement_hint(badge: Badge, missing: bool) -> str:
    """What to do when an answers file cannot be used: nothing was written, and why."""
    if not missing:
        return "No statement was written. Put the lines above right in the file, then run the command again."
    return (
        "No statement was written: from a file, badgekit writes one only when every "
        f"{badge.criterion_noun} has an answer, so that nothing incomplete is submitted by accident. "
        f"Add the missing answers to the file, keyed by number or id (see '{program()} show "
        f"{badge.id}'), and run the command again; or draft in the terminal with '{program()} draft {badge.id}', "
        "which can write a statement with answers still to come."
    )


def _split_answer(value: Mapping[Any, Any], name: str, r: FieldReader) -> tuple[Any, Any]:
    """The answer and the notes in ``{answer: ..., discussion: ...}``, each problem reported by key."""
    for key in value:
        if str(key) not in _ANSWERS_FILE_KEYS:
            r.add(f"{name}.{key}", "unknown key (use answer and discussion)")
    notes = value.get("discussion")
    if notes is not None and not isinstance(notes, str):
        r.add(f"{name}.discussion", "should be text (write | after the colon, then the notes)")
    return value.get("answer"), notes


def _unknown_key(name: str, criteria: Sequence[Criterion]) -> str:
    return f"no criterion has this number or id (numbers 1 to {len(criteria)}, or ids such as '{criteria[0].id}')"


def _level_from(data: Mapping[Any, Any], r: FieldReader, badge: Badge, level: str | None) -> str | None:
    given = data.get("level")
    if level is None and given is None:
        r.problems.append(
            Problem(r.doc.path, None, "level", f"required for this framework: one of {', '.join(badge.level_ids())}")
        )
        return None
    found = level_named(badge, given) if isinstance(given, str) else None
    if given is not None and found is None:
        r.add("level", f"should be one of {', '.join(badge.level_ids())}")
        return None
    if level is not None and found is not None and found != level:
        r.add("level", f"says '{given}', but --level says '{level}'")
        return None
    return level or found


def level_named(badge: Badge, name: str) -> str | None:
    """The id of the framework level a person named by its id or its title, in any case and with
    spaces or hyphens ("Direct Practice", "direct practice", "direct-practice"); None if none."""
    wanted = _level_key(name)
    return next((lv.id for lv in badge.levels if wanted in (_level_key(lv.id), _level_key(lv.title))), None)


def _level_key(text: str) -> str:
    return re.sub(r"[\s_-]+", "-", text.strip().casefold())
