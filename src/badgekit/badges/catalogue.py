"""The catalogue: every badge badgekit can find, looked up by id or alias.

Badges come from the user's own badge directory first and the bundled ``criteria/``
second; a user's badge with a bundled badge's id replaces it, which is how an
organisation adapts a badge without editing badgekit. Checks that need more than one
file (ids used twice, aliases that clash, prerequisites that name no badge) are made
here, each reported against the file and line that causes it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from badgekit import resources
from badgekit.badges.cache import BadgeCache
from badgekit.badges.model import Badge, Prerequisite
from badgekit.errors import BadgekitError, InvalidDataError, Problem, UnknownBadgeError
from badgekit.textinput import read_text
from badgekit.yamldoc import YamlDocument, join, parse_yaml

BADGE_FILE_SUFFIXES = (".yaml", ".yml")


def _read_document(path: Path | str) -> YamlDocument:
    shown = str(path)
    return parse_yaml(read_text(shown), shown)


@dataclass
class LoadedBadge:
    """A valid badge and where it came from. The YAML document, needed only to give the
    line of a problem found across files, is read again on demand for cached badges."""

    badge: Badge
    bundled: bool
    _doc: YamlDocument | None = None

    @property
    def doc(self) -> YamlDocument:
        if self._doc is None:
            self._doc = _read_document(self.badge.path)
        return self._doc


def load_badge_file(path: Path | str) -> LoadedBadge:
    """Read and validate one badge file on its own (no cross-file checks)."""
    from badgekit.badges.parse import parse_badge  # only for a file not in the badge cache

    doc = _read_document(path)
    return LoadedBadge(parse_badge(doc), bundled=False, _doc=doc)


def _badge_files(directory: Path) -> list[Path]:
    if not directory.is_dir():
        return []
    return sorted(p for p in directory.iterdir() if p.suffix in BADGE_FILE_SUFFIXES and p.is_file())


@dataclass
class Catalogue:
    """Badges by id, in display order, with the problems met while loading them."""

    badges: dict[str, LoadedBadge] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    _names: dict[str, str] = field(default_factory=dict)  # id or alias -> id

    def __iter__(self) -> Iterator[Badge]:
        return (loaded.badge for loaded in self.badges.values())

    def __len__(self) -> int:
        return len(self.badges)

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and name.lower() in self._names

    def get(self, name: str) -> Badge:
        """The badge with this id or alias; UnknownBadgeError with suggestions otherwise."""
        key = name.strip().lower()
        if key in self._names:
            return self.badges[self._names[key]].badge
        raise UnknownBadgeError(name, self.suggest(key))

    def suggest(self, name: str, limit: int = 3) -> list[str]:
        """Ids close to a mistyped name: those containing it, then those spelt alike."""
        from difflib import get_close_matches

        found = [bid for bid, loaded in self.badges.items() if name in bid or name in loaded.badge.title.lower()]
        for close in get_close_matches(name, list(self._names), n=limit, cutoff=0.6):
            if self._names[close] not in found:
                found.append(self._names[close])
        return found[:limit]

    def add(self, loaded: LoadedBadge) -> None:
        badge = loaded.badge
        replaced = self.badges.get(badge.id)
        if replaced is not None and replaced.bundled == loaded.bundled:
            self.problems.append(
                loaded.doc.problem("id", f"the id '{badge.id}' is already used by {replaced.badge.path}")
            )
            return
        if replaced is not None:
            return  # the user's own badge (added first) replaces the bundled one
        for index, alias in enumerate(badge.aliases):
            owner_id = self._names.get(alias)
            if owner_id is not None and owner_id != badge.id:
                self._report_alias_clash(alias, loaded, index, self.badges[owner_id])
        self.badges[badge.id] = loaded
        self._names.setdefault(badge.id, badge.id)
        for alias in badge.aliases:
            self._names.setdefault(alias, badge.id)

    def _report_alias_clash(self, alias: str, loaded: LoadedBadge, index: int, owner: LoadedBadge) -> None:
        # Blame the user's file, not the bundled one, whichever was read first.
        if loaded.bundled and not owner.bundled:
            index = owner.badge.aliases.index(alias)
            loaded, owner = owner, loaded
        self.problems.append(
            loaded.doc.problem(
                join("aliases", index), f"the alias '{alias}' already names the badge '{owner.badge.id}'"
            )
        )

    def load_directory(self, directory: Path, *, bundled: bool, cache: BadgeCache | None = None) -> None:
        for path in _badge_files(directory):
            cached = cache.get(path) if cache is not None else None
            if cached is not None:
                self.add(LoadedBadge(cached, bundled=bundled))
                continue
            loaded = self.load_file(path, bundled=bundled)
            if loaded is not None and cache is not None:
                cache.put(path, loaded.badge)

    def load_file(self, path: Path | str, *, bundled: bool = False) -> LoadedBadge | None:
        try:
            loaded = load_badge_file(path)
        except InvalidDataError as exc:
            self.problems.extend(exc.problems)
            return None
        except BadgekitError as exc:
            self.problems.append(Problem(str(path), None, "", exc.message))
            return None
        loaded.bundled = bundled
        self.add(loaded)
        return loaded

    def check_prerequisites(self) -> None:
        """Every prerequisite that gives a badge id must name a badge in the catalogue."""
        for loaded in self.badges.values():
            self.problems.extend(_unknown_prerequisites(loaded, self))

    def prerequisite_title(self, prereq: Prerequisite) -> str:
        """The title of the badge a prerequisite names, whether or not badgekit bundles it."""
        if prereq.badge is not None and prereq.badge in self:
            return self.get(prereq.badge).title
        return prereq.name or prereq.badge or ""

    def prerequisite_label(self, prereq: Prerequisite) -> str:
        """A prerequisite in words: its source's own sentence, or the badge's title."""
        return prereq.text or self.prerequisite_title(prereq)


def _unknown_prerequisites(loaded: LoadedBadge, known: Catalogue) -> Iterator[Problem]:
    for index, prereq in enumerate(loaded.badge.prerequisites):
        if prereq.badge is not None and prereq.badge not in known:
            hint = known.suggest(prereq.badge, limit=1)
            yield loaded.doc.problem(
                join(join("prerequisites", index), "badge"),
                f"names the badge '{prereq.badge}', which does not exist"
                + (f" (did you mean '{hint[0]}'?)" if hint else ""),
            )


def load_catalogue(user_dir: Path | None = None, *, use_cache: bool = True) -> Catalogue:
    """The user's own badges, then the bundled ones.

    With ``use_cache``, badges whose files have not changed come from the badge cache
    instead of being parsed again; ``badgekit validate`` reads every file afresh.
    """
    cache = BadgeCache() if use_cache else None
    catalogue = Catalogue()
    catalogue.load_directory(resources.user_badges_dir(user_dir), bundled=False, cache=cache)
    catalogue.load_directory(resources.bundled_criteria_dir(), bundled=True, cache=cache)
    catalogue.check_prerequisites()
    if cache is not None:
        cache.save()
    return catalogue


def validate_files(paths: Sequence[Path | str], user_dir: Path | None = None) -> tuple[list[Badge], list[Problem]]:
    """Validate badge files a user wrote, each on its own and against the catalogue.

    Their prerequisites may name any badge in the catalogue or in the files given
    together; two of the given files may not share an id.
    """
    catalogue = load_catalogue(user_dir, use_cache=False)
    given = Catalogue()
    for path in paths:
        given.load_file(path)
    problems = list(given.problems)
    for loaded in given.badges.values():
        catalogue.add(loaded)
    for loaded in given.badges.values():
        problems.extend(_unknown_prerequisites(loaded, catalogue))
    return [loaded.badge for loaded in given.badges.values()], problems
