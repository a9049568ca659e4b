"""The labelled statements that keep check's judgements honest, and their two halves.

Each file in ``benchmarks/data/judgement/cases/`` is one statement written from the badge
texts alone by someone who never read badgekit's code, labelled per criterion (covered or
missing) and for learning stated, future action and a policy link. User-written badges
(no ``signals``, no ``examples``) are in ``benchmarks/data/judgement/badges/``.

The split is fixed by the file's number within its badge: odd numbers are the
development half (anything may be tuned on it), even numbers the frozen half (only ever
reported, never tuned on). Keeping the rule in one place means no one chooses the halves
after seeing results.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import yaml

DATA = Path(__file__).resolve().parent / "data" / "judgement"
CASES = DATA / "cases"
USER_BADGES = DATA / "badges"

Half = Literal["dev", "frozen"]
_NUMBER = re.compile(r"-(\d+)\.ya?ml$")


@dataclass(frozen=True)
class Case:
    """One labelled statement."""

    path: Path
    badge: str
    level: str | None
    user_badge: bool  # the badge is one of the user-written ones, with only its criterion text
    form: str
    statement: str
    criteria: dict[str, str]  # criterion id -> "covered" or "missing", in the badge's order
    learning: bool
    future_action: bool
    policy_link: bool
    round: int  # 1: written with the engine's first version; 2 and 3: added later, by new hands

    @property
    def name(self) -> str:
        return self.path.stem

    @property
    def half(self) -> Half:
        match = _NUMBER.search(self.path.name)
        number = int(match.group(1)) if match else 0
        return "dev" if number % 2 else "frozen"


def load_cases(half: Half | None = None) -> list[Case]:
    """Every case (or one half's), in file-name order."""
    cases = []
    for path in sorted(CASES.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        labels = data["labels"]
        case = Case(
            path=path,
            badge=str(data["badge"]),
            level=data.get("level"),
            user_badge=bool(data.get("badge_file")),
            form=str(data.get("form", "")),
            statement=str(data["statement"]),
            criteria={str(k): str(v) for k, v in labels["criteria"].items()},
            learning=bool(labels["learning"]),
            future_action=bool(labels["future_action"]),
            policy_link=bool(labels["policy_link"]),
            round=int(data.get("round", 1)),
        )
        if half is None or case.half == half:
            cases.append(case)
    return cases
