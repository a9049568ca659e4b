"""Safe YAML loading that remembers where every value came from.

Every YAML file a person writes (a badge, an answers file) is loaded here, so that
any problem can be reported as ``FILE:LINE: field.path: what is wrong``. Only the
safe loader is used: a ``!!python/object`` tag is refused, never constructed.
Duplicate keys, which PyYAML would silently let the last one win, are reported.

Whatever a file holds, reading it ends in data or in InvalidDataError naming the file and
line, never a traceback or a hang: a value its tag cannot be (``2026-02-30``, ``!!int abc``)
is refused where it is, and so are aliases that repeat a value past ``MAX_REPEATED``
(the "billion laughs", a few hundred bytes that would fill the memory), an alias inside
its own anchor, and nesting deeper than Python can follow.
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


#: Values that aliases (``*name``) may add beyond those written out: generous for a badge file
#: that reuses its prompts, and far below what fills the memory.
MAX_REPEATED = 10_000
#: Characters that aliases may add, beyond this many times those of the file itself.
MAX_REPEATED_TEXT = 1_000_000


def _expanded_size(root: yaml.Node, path: str) -> None:
    """Refuse aliases that repeat too much, or an alias inside its own anchor, naming the anchor's line.

    The size of every node with its aliases expanded is counted once per node, so a "billion
    laughs" is measured in the time it takes to read, without being expanded.
    """
    import yaml

    sizes: dict[int, tuple[int, int]] = {}
    visiting: set[int] = set()
    written: set[int] = set()
    repeated: list[yaml.Node] = []

    def size(node: yaml.Node) -> tuple[int, int]:
        key = id(node)
        if key in visiting:
            raise InvalidDataError([_alias_problem(path, node, "an alias (*name) is used inside its own anchor")])
        if key in written:
            repeated.append(node)
        written.add(key)
        if key in sizes:
            return sizes[key]
        visiting.add(key)
        count, chars = 1, 0
        children: list[yaml.Node] = []
        if isinstance(node, yaml.MappingNode):
            children = [child for pair in node.value for child in pair]
        elif isinstance(node, yaml.SequenceNode):
            children = list(node.value)
        else:
            chars = len(str(node.value))
        for child in children:
            child_count, child_chars = size(child)
            count, chars = count + child_count, chars + child_chars
        visiting.discard(key)
        sizes[key] = (count, chars)
        return count, chars

    total, total_chars = size(root)
    if not repeated:
        return
    unique = len(sizes)
    unique_chars = sum(len(str(n.value)) for n in _scalars(root, set()))
    if total - unique > MAX_REPEATED or total_chars - unique_chars > MAX_REPEATED_TEXT:
        raise InvalidDataError(
            [_alias_problem(path, repeated[0], "aliases (*name) repeat the value here more than badgekit allows")],
            hint="Write the values out in full instead of repeating them with & and *.",
        )


def _scalars(node: yaml.Node, seen: set[int]) -> list[yaml.Node]:
    """Every scalar node once, aliases not followed twice."""
    import yaml

    found: list[yaml.Node] = []
    stack = [node]
    while stack:
        here = stack.pop()
        if id(here) in seen:
            continue
        seen.add(id(here))
        if isinstance(here, yaml.MappingNode):
            stack.extend(child for pair in here.value for child in pair)
        elif isinstance(here, yaml.SequenceNode):
            stack.extend(here.value)
        else:
            found.append(here)
    return found


def _alias_problem(path: str, node: yaml.Node, message: str) -> Problem:
    return Problem(path, node.start_mark.line + 1, "", f"not usable: {message}")


def _tag_name(tag: str) -> str:
    names = {"int": "a whole number", "float": "a number", "timestamp": "a date", "bool": "true or false"}
    short = tag.rsplit(":", 1)[-1]
    return names.get(short, f"a '!!{short}' value")


def _loader_classes() -> tuple[type, type]:
    """The plain and the typing loader, each turning a value its tag cannot be into an error with its line."""
    import yaml

    try:  # libyaml's loaders are several times faster; the pure-Python ones behave the same
        from yaml import CBaseLoader as PlainBase
        from yaml import CSafeLoader as SafeBase
    except ImportError:  # pragma: no cover - depends on how PyYAML was built
        from yaml import BaseLoader as PlainBase  # type: ignore[assignment]
        from yaml import SafeLoader as SafeBase  # type: ignore[assignment]

    class Checked:
        def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
            try:
                return super().construct_object(node, deep)  # type: ignore[misc]
            except (yaml.YAMLError, RecursionError):
                raise
            except Exception:  # PyYAML's constructors fail in many ways on a value their tag cannot be
                shown = str(node.value)[:40]
                raise yaml.constructor.ConstructorError(
                    None, None, f"'{shown}' is not {_tag_name(node.tag)}", node.start_mark
                ) from None

    return (
        type("PlainLoader", (Checked, PlainBase), {}),
        type("Loader", (Checked, SafeBase), {}),
    )


def parse_yaml(text: str, path: str, *, plain: bool = False) -> YamlDocument:
    """Parse YAML text; raise InvalidDataError naming the file and line on bad syntax.

    ``plain`` leaves every scalar as the text written (no numbers, dates or booleans), for a
    caller that types values by its own rule (a statement's front matter).
    """
    # yaml is imported here: commands that find every badge in the cache never need it.
    import yaml

    plain_loader, typed_loader = _loader_classes()
    loader = (plain_loader if plain else typed_loader)(text)
    try:
        node = loader.get_single_node()
        if node is not None:
            _expanded_size(node, path)
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
    except RecursionError:
        raise _too_deep(path) from None
    finally:
        loader.dispose()
    doc = YamlDocument(path, data)
    if node is not None:
        try:
            _index_lines(node, "", doc)
        except RecursionError:
            raise _too_deep(path) from None
    return doc


def _too_deep(path: str) -> InvalidDataError:
    return InvalidDataError(
        [Problem(path, None, "", "not usable: its lists and mappings are nested too deeply to read")],
        hint="A badgekit file needs only a few levels of indentation; check that the file is the one you meant.",
    )
