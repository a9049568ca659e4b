"""A statement's front matter: the ``key: value`` lines between ``---`` lines at its top.

The one reader of front matter, for every command. Whichever way the lines are written, each
value is typed by the same rule (``_typed``): digits are a whole number read in decimal, so
``words: 0742`` is 742; ``YYYY-MM-DD`` is a date; anything else is text. What ``badgekit draft``
writes (one plain ``key: value`` a line) is read by hand, which spares every check the cost of
importing a YAML library; anything else (quotes, lists) goes to YAML, read without YAML's own
typing (which would read 0742 as the octal 482 and change a date's type), then typed the same way.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from badgekit import prebuilt
from badgekit.errors import BadgekitError, InvalidDataError, Problem

_FRONT_OPEN = prebuilt.compile(r"\A---[ \t]*\n")
_FRONT_CLOSE = prebuilt.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)
# The value starts and ends with a character that is not a space, so that no run of spaces can be
# shared out between the patterns around it (a lazy "(.*?)" before "[ \t]*$" was quadratic in them).
_SIMPLE_FIELD = prebuilt.compile(r"^([A-Za-z_][\w-]*)[ \t]*:(?:[ \t]+([^ \t](?:.*[^ \t])?))?[ \t]*$")
_ISO_DATE = prebuilt.compile(r"^\d{4}-\d{2}-\d{2}$")


def read_front_matter(text: str, path: str) -> tuple[dict[str, Any], dict[str, int], int]:
    """The front matter's fields, the line of each, and the offset where the body starts."""
    text = text.replace("\r", " ")  # same length: offsets stay those of the file
    opening = _FRONT_OPEN.match(text)
    if not opening:
        return {}, {}, 0
    closing = _FRONT_CLOSE.search(text, opening.end())
    if closing is None:
        raise BadgekitError(
            "the front matter that starts on line 1 has no closing '---' line",
            path=path,
            hint="End the front matter with a line holding only '---', or remove the first line.",
        )
    inner = text[opening.end() : closing.start()]
    body_start = closing.end() + 1 if closing.end() < len(text) else closing.end()
    fields, lines = _parse_simple_fields(inner)
    if fields is None:
        fields, lines = _parse_yaml_fields(inner, path)
    return fields, lines, min(body_start, len(text))


def _parse_simple_fields(inner: str) -> tuple[dict[str, Any] | None, dict[str, int]]:
    # What draft writes is one "key: value" per line; reading that by hand spares every
    # check the cost of importing a YAML library. Anything else goes to the YAML parser.
    fields: dict[str, Any] = {}
    lines: dict[str, int] = {}
    for number, raw in enumerate(inner.split("\n"), start=2):
        line = raw.rstrip("\r")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        match = _SIMPLE_FIELD.match(line)
        if match is None or match.group(1) in fields:
            return None, {}
        value = (match.group(2) or "").split(" #", 1)[0].strip()
        if value[:1] in "'\"[{|>&*!%@`" and value:
            return None, {}
        fields[match.group(1)] = _typed(value)
        lines[match.group(1)] = number
    return fields, lines


def _parse_yaml_fields(inner: str, path: str) -> tuple[dict[str, Any], dict[str, int]]:
    from badgekit.yamldoc import parse_yaml

    doc = parse_yaml("\n" + inner, path, plain=True)  # the leading newline keeps line numbers those of the file
    if doc.duplicate_keys:
        raise InvalidDataError(doc.duplicate_keys)
    if doc.data is None:
        return {}, {}
    if not isinstance(doc.data, dict):
        raise InvalidDataError([Problem(path, 2, "", "the front matter should be 'key: value' lines")])
    return {str(k): _typed(v) for k, v in doc.data.items()}, {k: v for k, v in doc.lines.items() if k and "." not in k}


def _typed(value: Any) -> Any:
    """A front-matter value by badgekit's one rule: decimal whole numbers, ISO dates, text; None for empty."""
    if isinstance(value, list):
        return [_typed(item) for item in value]
    if isinstance(value, dict):
        return {str(key): _typed(item) for key, item in value.items()}
    if not isinstance(value, str):
        return value
    text = value.strip()
    if not text:
        return None
    if text.isascii() and text.isdigit():
        return int(text)
    if _ISO_DATE.match(text):
        try:
            return date.fromisoformat(text)
        except ValueError:
            return text
    return text
