"""Reading typed fields out of loaded YAML or JSON, collecting every problem instead of stopping.

The one validator of the files people write or badgekit keeps (badge files, answers files, drafts,
reviews): each problem names the file, the line and the dotted field, and a typo in a key is
answered with the nearest known one. A person fixing a file wants the whole list at once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from badgekit.badges.schema import ID_PATTERN
from badgekit.errors import Problem
from badgekit.yamldoc import YamlDocument, join

T = TypeVar("T")

_TYPE_NAMES = {str: "text", int: "a whole number", bool: "true or false", list: "a list"}


class FieldReader:
    """Reads typed fields out of a YamlDocument, collecting problems instead of stopping (badge files, reviews)."""

    def __init__(self, doc: YamlDocument) -> None:
        self.doc = doc
        self.problems: list[Problem] = list(doc.duplicate_keys)

    def add(self, dotted: str, message: str) -> None:
        self.problems.append(self.doc.problem(dotted, message))

    def mapping(self, value: Any, here: str, allowed: set[str] | None = None) -> dict[str, Any] | None:
        """``value`` if it is a mapping, each key not ``allowed`` reported; None (reported) otherwise."""
        if not isinstance(value, dict):
            self.add(here, "should be a mapping of 'key: value' lines")
            return None
        for key in value:
            if allowed is not None and key not in allowed:
                hint = _closest(str(key), allowed)
                self.add(
                    join(here, key),
                    "unknown key" + (f" (did you mean '{hint}'?)" if hint else ""),
                )
        return value

    def field(self, obj: dict[str, Any], here: str, key: str, kind: type[T], *, required: bool = False) -> T | None:
        """The value at ``key`` if it is of ``kind`` (not empty, not negative); None, with the problem noted, if not."""
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
