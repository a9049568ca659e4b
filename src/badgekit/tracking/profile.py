"""The learner's profile: the badges they already hold, and what that says about what to earn next.

SSSC asks learners to earn the two introductory badges before any other, and most
badges name a badge to hold first. The profile lets ``show``, ``draft``, ``check`` and
``plan`` say plainly which of those are still to do. It is a small JSON file in the
user's data folder, written atomically and readable by the owner only.

A held badge is recorded by id when badgekit knows the badge, and by name otherwise
(for example "Leadership Capability Feedback", which badgekit does not bundle).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from badgekit import resources
from badgekit.badges.catalogue import Catalogue
from badgekit.badges.model import Badge, Prerequisite
from badgekit.badges.schema import ID_PATTERN
from badgekit.errors import BadgekitError, UnknownBadgeError
from badgekit.invocation import program
from badgekit.safefile import write_private

PROFILE_SCHEMA = 1


@dataclass(frozen=True)
class HeldBadge:
    name: str  # the badge's title as the learner knows it
    badge_id: str | None = None  # set when badgekit knows the badge
    added: str = ""  # ISO date the learner recorded it


@dataclass
class Profile:
    path: Path
    held: list[HeldBadge] = field(default_factory=list)
    exists: bool = False  # False until the learner records a first badge

    def holds(self, prereq: Prerequisite, catalogue: Catalogue) -> bool:
        names = {h.name.casefold() for h in self.held}
        ids = {h.badge_id for h in self.held if h.badge_id}
        if prereq.badge is not None and prereq.badge in ids:
            return True
        return catalogue.prerequisite_title(prereq).casefold() in names

    def missing(self, badge: Badge, catalogue: Catalogue) -> list[Prerequisite]:
        """The badge's prerequisites the learner has not recorded, required ones first."""
        todo = [p for p in badge.prerequisites if not self.holds(p, catalogue)]
        return sorted(todo, key=lambda p: p.level != "required")


def profile_path() -> Path:
    return resources.user_data_dir() / "profile.json"


def load_profile(path: Path | None = None) -> Profile:
    """The learner's profile; an empty one when none has been saved yet."""
    path = path or profile_path()
    try:
        raw = path.read_text(encoding="utf-8")
        data = json.loads(raw)
        held = [HeldBadge(name=h["name"], badge_id=h.get("badge_id"), added=h.get("added", "")) for h in data["badges"]]
    except FileNotFoundError:
        return Profile(path)
    except OSError as error:
        raise BadgekitError(f"could not read your profile: {error.strerror}", path=str(path)) from None
    except (ValueError, KeyError, TypeError, AttributeError, RecursionError):  # UnicodeDecodeError is a ValueError
        raise BadgekitError(
            "your profile is not in the form badgekit wrote it, so it was left untouched",
            path=str(path),
            hint=f"Fix the file by hand, or move it aside and record your badges again with '{program()} profile add'.",
        ) from None
    return Profile(path, held, exists=True)


def load_profile_for_checks() -> Profile:
    """The learner's profile for what to earn first; a damaged one holds nothing here, so that a reminder
    never stops a check, a plan, a draft or an export. It is named on stderr, with what to do."""
    try:
        return load_profile()
    except BadgekitError as error:
        from badgekit.console import say

        say(
            f"note: {error.path}: {error.message}; what to earn first is left out until it is put right "
            f"('{program()} profile list' says more).",
            to_stderr=True,
        )
        return Profile(profile_path())


def save_profile(profile: Profile) -> None:
    data = {
        "schema": PROFILE_SCHEMA,
        "badges": [{"name": h.name, "badge_id": h.badge_id, "added": h.added} for h in profile.held],
    }
    write_private(profile.path, json.dumps(data, indent=2, ensure_ascii=False) + "\n")
    profile.exists = True


def known_badge_names(catalogue: Catalogue) -> dict[str, str]:
    """Titles of badges badgekit knows of, bundled or named as prerequisites, by folded title."""
    names = {badge.title.casefold(): badge.title for badge in catalogue}
    for badge in catalogue:
        for prereq in badge.prerequisites:
            title = catalogue.prerequisite_title(prereq)
            names.setdefault(title.casefold(), title)
    return names


def _loosely(name: str) -> str:
    """A name as people type it: any case, hyphens or spaces alike ("writing evidence")."""
    return " ".join(name.replace("-", " ").replace("_", " ").casefold().split())


def resolve_badge(reference: str, catalogue: Catalogue) -> HeldBadge:
    """A badge the learner names: a bundled id or alias, or the title of a badge badgekit knows of.

    Ids and titles match loosely (case, spaces and hyphens alike). Anything else that looks
    like an id is refused with suggestions (a typo must not be recorded as a badge); a
    title badgekit has never heard of is accepted as written.
    """
    today = date.today().isoformat()
    reference = " ".join(reference.split())
    if not reference:
        raise BadgekitError(
            "give the badge's id or title", hint=f"For example: {program()} profile add writing-evidence"
        )
    slug = _loosely(reference).replace(" ", "-")
    for candidate in (reference, slug):
        if candidate in catalogue:
            badge = catalogue.get(candidate)
            return HeldBadge(name=badge.title, badge_id=badge.id, added=today)
    title = {_loosely(t): t for t in known_badge_names(catalogue).values()}.get(_loosely(reference))
    if title is not None:
        by_title = next((b for b in catalogue if b.title == title), None)
        return HeldBadge(name=title, badge_id=by_title.id if by_title else None, added=today)
    titles = known_badge_names(catalogue)
    if ID_PATTERN.match(reference):
        error = UnknownBadgeError(reference, catalogue.suggest(reference))
        if not error.suggestions:  # badges named only as prerequisites are not in 'badgekit list'
            bundled = {badge.title for badge in catalogue}
            others = sorted(title for title in titles.values() if title not in bundled)
            meant = [title for title in others if _loosely(reference) in _loosely(title)]
            error.hint = (
                f'Did you mean "{meant[0]}"? Give a badge badgekit does not bundle by its title.'
                if meant
                else f"Give a badge's id from '{program()} list', or any other badge by its title, for example "
                + " or ".join(f'"{title}"' for title in others[:2])
                + "."
            )
        raise error
    close = _close_title(reference, titles.values())
    if close is not None:
        raise BadgekitError(
            f"'{reference}' is not a badge badgekit knows of",
            hint=f'Did you mean "{close}"? Type it as it is written here.',
        )
    return HeldBadge(name=reference, added=today)


def _close_title(typed: str, titles: Iterable[str]) -> str | None:
    """A known badge title the learner probably meant, when what they typed is a near miss."""
    from difflib import get_close_matches

    by_folded = {_loosely(title): title for title in titles}
    found = get_close_matches(_loosely(typed), list(by_folded), n=1, cutoff=0.85)
    return by_folded[found[0]] if found else None


def add_held(profile: Profile, held: HeldBadge) -> bool:
    """Record a badge; False when it was already there."""
    if any(h.name.casefold() == held.name.casefold() for h in profile.held):
        return False
    profile.held.append(held)
    return True


def remove_held(profile: Profile, reference: str, catalogue: Catalogue) -> HeldBadge:
    folded = reference.strip().casefold()
    badge_id = catalogue.get(reference).id if reference in catalogue else None
    for held in profile.held:
        if held.name.casefold() == folded or (badge_id is not None and held.badge_id == badge_id):
            profile.held.remove(held)
            return held
    raise BadgekitError(
        f"'{reference}' is not in your profile",
        hint=f"See the badges you have recorded with '{program()} profile list'.",
    )


def prerequisite_advice(badge: Badge, profile: Profile, catalogue: Catalogue) -> list[str]:
    """What to earn before this badge, in plain words; empty when nothing is outstanding."""
    advice = []
    for prereq in profile.missing(badge, catalogue):
        title = catalogue.prerequisite_title(prereq)
        if prereq.level == "required":
            advice.append(f"Earn '{title}' first: this badge requires it.")
        else:
            advice.append(f"SSSC recommends earning '{title}' first.")
    return advice
