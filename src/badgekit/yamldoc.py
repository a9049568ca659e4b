"""Safe YAML loading that remembers where every value came from.

Every YAML file a person writes (a badge, an answers file) is loaded here, so that
any problem can be reported as ``FILE:LINE: field.path: what is wrong``. Only the
safe loader is used: a ``!!python/object`` tag is refused, never constructed.
Duplicate keys, which PyYAML would silently let the last one win, are reported.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from badgekit.errors import InvalidDataError, Problem

if TYPE_CHECKING:
    import yaml


@dataclass
class YamlDocument:
    """Loaded YAML data with the line of each field, keyed by dotted path."""

    path: str
    data: Any
    lines: dict[str, int] = field(default_factory=dict)
    duplicate_keys: list[Problem] = field(default_factory=list)

    def line_of(self, dotted: str) -> int | None:
        """The line of a field, or of its nearest parent that has one."""
        while True:
            if dotted in self.lines:
                return self.lines[dotted]
            if not dotted:
                return None
            cut = max(dotted.rfind("."), dotted.rfind("["))
            dotted = dotted[:cut] if cut > 0 else ""

    def problem(self, dotted: str, message: str) -> Problem:
        return Problem(self.path, self.line_of(dotted), dotted, message)


def join(parent: str, key: object) -> str:
    """The dotted path of a child: ``criteria[2].text``."""
    if isinstance(key, int):
        return f"{parent}[{key}]"
    return f"{parent}.{key}" if parent else str(key)


def _index_lines(node: yaml.Node, here: str, doc: YamlDocument) -> None:
    import yaml

    doc.lines.setdefault(here, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key_node, value_node in node.value:
            key = str(key_node.value)
            child = join(here, key)
            if key in seen:
                doc.duplicate_keys.append(
                    Problem(doc.path, key_node.start_mark.line + 1, child, "this key appears twice")
                )
            seen.add(key)
            doc.lines[child] = key_node.start_mark.line + 1
            _index_lines(value_node, child, doc)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _index_lines(item, join(here, index), doc)


#: The YAML mistakes people make most when writing text, and what to do about each.
_QUOTE_OR_BLOCK = (
    "Text that contains ': ' or starts with a symbol must be in quotes, or written on the lines after"
    " '|' and indented, like this:\n    1: |\n      I learned three things: listening, ..."
)
_SYNTAX_ADVICE = {
    "mapping values are not allowed": _QUOTE_OR_BLOCK,
    "found character '\\t'": "Indent with spaces, not tabs.",
    "could not find expected ':'": _QUOTE_OR_BLOCK,
    "found undefined alias": _QUOTE_OR_BLOCK,
}


def parse_yaml(text: str, path: str, *, plain: bool = False) -> YamlDocument:
    """Parse YAML text; raise InvalidDataError naming the file and line on bad syntax.

    ``plain`` leaves every scalar as the text written (no numbers, dates or booleans), for a
    caller that types values by its own rule (a statement's front matter).
    """
    # yaml is imported here: commands that find every badge in the cache never need it.
    import yaml

    try:  # libyaml's loaders are several times faster; the pure-Python ones behave the same
        from yaml import CBaseLoader as PlainLoader
        from yaml import CSafeLoader as Loader
    except ImportError:  # pragma: no cover - depends on how PyYAML was built
        from yaml import BaseLoader as PlainLoader  # type: ignore[assignment]
        from yaml import SafeLoader as Loader  # type: ignore[assignment]

    loader = PlainLoader(text) if plain else Loader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        reason = exc.problem or "not valid YAML"
        if "could not determine a constructor" in str(exc.problem):
            reason = "tags such as '!!python/object' are not allowed in badgekit files"
        hint = next((advice for clue, advice in _SYNTAX_ADVICE.items() if clue in str(exc.problem)), None)
        raise InvalidDataError([Problem(path, line, "", f"not valid YAML: {reason}")], hint=hint) from None
    except yaml.YAMLError as exc:
        raise InvalidDataError([Problem(path, None, "", f"not valid YAML: {exc}")]) from None
    finally:
        loader.dispose()
    doc = YamlDocument(path, data)
    if node is not None:
        _index_lines(node, "", doc)
    return doc
