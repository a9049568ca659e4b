"""Statements without front matter for every bundled badge, to measure badge detection.

Each is made the way a learner would come by one: ``badgekit draft ID --answers FILE``
writes the statement, and ``badgekit export --text`` turns it into the plain text that is
pasted into forms and saved from Word, with no ``badge:`` line. From that text three
harder versions are cut, one for each way badge_detection works:

- ``as exported``: the title line first, then the criteria as headings;
- ``without its title``: the headings quoting the criteria are all that is left to go on;
- ``prose only``: no title and no headings, only what the learner wrote.

Two sets of answers are used. ``own words`` answers each criterion in a sentence that
takes up its wording, as learners are told to; ``same for every badge`` gives every
badge the same generic reflective prose (tests/samples), so from prose alone no badge
can be told, and the only right outcome is to ask.

benchmarks/badge_recognition.py prints the counts; tests/test_badge_detection.py holds
them to what is measured there.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

from badgekit.badges.model import Badge, Criterion

from . import answer, level_of

TIERS = ("as exported", "without its title", "prose only")
ANSWER_SETS = ("own words", "same for every badge")

#: (command arguments) -> (exit code, stdout, stderr): the CLI, run in or out of process.
Runner = Callable[..., tuple[int, str, str]]


@dataclass(frozen=True)
class Case:
    badge: Badge
    answers: str  # one of ANSWER_SETS
    tier: str  # one of TIERS
    text: str


def own_words(criterion: Criterion) -> str:
    """An answer that takes up the criterion's wording, then reflects and looks ahead."""
    wording = criterion.text.strip().rstrip(".:;")
    return (
        f"In my service this year I have worked to {wording}. I talked it through with my manager in "
        "supervision and with the team at our monthly meeting.\n\n"
        "I learned that small, regular steps made the biggest difference, and I felt more confident "
        "as a result. Next month I will review what changed with the team and agree what to do next."
    )


def exported_text(badge: Badge, answers: str, folder: Path, run: Runner) -> str:
    """``badgekit draft --answers`` then ``badgekit export --text``: the statement as plain text."""
    level = level_of(badge)
    criteria = badge.criteria_for(level)
    if answers == "own words":
        given = {c.id: own_words(c) for c in criteria}
    else:
        given = {c.id: answer(max(60, (c.min_words or 0) + 10)) for c in criteria}
    answers_file = folder / f"{badge.id}-{answers.replace(' ', '-')}.yaml"
    answers_file.write_text(yaml.safe_dump(given, allow_unicode=True), encoding="utf-8")
    statement = answers_file.with_suffix(".md")
    level_args = ["--level", level] if level else []
    code, _, err = run("draft", badge.id, "--answers", str(answers_file), "-o", str(statement), *level_args)
    assert code == 0, err
    code, text, err = run("export", str(statement), "--text", "-o", "-", "--ignore-privacy")
    assert code == 0, err
    return text


def _is_heading(paragraph: str, badge: Badge) -> bool:
    match = re.match(r"^\d{1,2}\. (.*)$", paragraph, re.DOTALL)
    if paragraph.strip() == "Declaration":
        return True
    if not match:
        return False
    said = match.group(1).replace("…", "").replace("...", "").strip().lower()
    return bool(said) and any(c.text.lower().startswith(said[:40]) for c in badge.all_criteria())


def tiers_of(text: str, badge: Badge) -> dict[str, str]:
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    without_title = paragraphs[1:]
    prose = [p for p in without_title if not _is_heading(p, badge)]
    return {
        "as exported": text,
        "without its title": "\n\n".join(without_title) + "\n",
        "prose only": "\n\n".join(prose) + "\n",
    }


def cases(badges: list[Badge], folder: Path, run: Runner) -> Iterator[Case]:
    for badge in badges:
        for answers in ANSWER_SETS:
            text = exported_text(badge, answers, folder, run)
            for tier, cut in tiers_of(text, badge).items():
                yield Case(badge, answers, tier, cut)
