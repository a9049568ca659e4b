"""The learner's Markdown as plain text or as normalised Markdown, through markdown-it-py.

Parsing is CommonMark with raw HTML switched off, so a tag in a statement is text,
never markup; images become links so that nothing is fetched. One walk over the parsed
tokens writes either plain text (no markers, "•" for bullets, a link as its words and
address) or Markdown in one consistent style with anything that would become raw HTML
escaped. export.py uses both, and the parser for HTML.

A line break inside a paragraph after a line that ends a sentence (or a clause: ".", "!", "?",
":", ";") is kept as a line break in every format, where CommonMark would join the lines with a
space (a "soft" break). ``badgekit draft`` writes each answer exactly as it was typed, line by
line, and the interview's review shows it so; joining them ran three points typed on three lines
into one paragraph in the text pasted into the application form. A break in the middle of a
sentence is a wrap, as an editor or an email makes them, and is joined as before, so that a
statement written elsewhere does not reach the form in ragged lines. The Markdown export writes
each kept break as a hard break ("\\" at the end of the line), so that any blog keeps it too.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from badgekit import prebuilt

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token


def markdown_parser() -> MarkdownIt:
    """CommonMark with raw HTML off: tags in the learner's text are text, never markup."""
    from badgekit import prebuilt

    with prebuilt.library_patterns():  # its patterns compiled in advance
        from markdown_it import MarkdownIt

        parser = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    parser.add_render_rule("image", _image_as_link)
    parser.add_render_rule("softbreak", _soft_break)
    return parser


#: A line that ends with one of these ends a sentence or a clause: the break after it is the learner's.
_LINE_ENDS = (".", "!", "?", ":", ";", "…", '."', ".”", ".'", ".’", "!”", "?”", ")")


def keeps_break(tokens: Sequence[Token], index: int) -> bool:
    """Whether the soft break at ``tokens[index]`` is a line the learner ended (kept), not a wrap (joined)."""
    before = next((t.content for t in reversed(tokens[:index]) if t.type in ("text", "code_inline")), "")
    return before.rstrip().endswith(_LINE_ENDS)


def _soft_break(self: Any, tokens: Sequence[Token], index: int, options: Any, env: Any) -> str:
    return "<br />\n" if keeps_break(tokens, index) else "\n"


def _image_as_link(self: Any, tokens: Sequence[Token], index: int, options: Any, env: Any) -> str:
    # An <img> would be fetched when the page opens; a link is followed only if clicked.
    from markdown_it.common.utils import escapeHtml

    token = tokens[index]
    alt = "".join(child.content for child in token.children or ()) or "image"
    return f'<a href="{escapeHtml(str(token.attrGet("src") or ""))}">{escapeHtml(alt)}</a>'


def _inline_plain(children: Sequence[Token]) -> str:
    parts: list[str] = []
    link_stack: list[str] = []
    for index, child in enumerate(children):
        kind = child.type
        if kind in ("text", "code_inline"):
            parts.append(child.content)
        elif kind == "hardbreak" or (kind == "softbreak" and keeps_break(children, index)):
            parts.append("\n")  # the learner's line breaks are kept: see the module's docstring
        elif kind == "softbreak":
            parts.append(" ")  # a wrap in the middle of a sentence
        elif kind == "image":
            parts.append("".join(c.content for c in child.children or ()))
        elif kind == "link_open":
            link_stack.append(str(child.attrGet("href") or ""))
            parts.append("\x00")  # where the link text starts
        elif kind == "link_close":
            href = link_stack.pop()
            start = len(parts) - 1 - parts[::-1].index("\x00")
            text = "".join(parts[start + 1 :])
            del parts[start:]
            # Only a web address is worth reading out; a mailto: or relative link keeps its text alone.
            is_web = href.startswith(("https://", "http://"))
            parts.append(f"{text} ({href})" if is_web and text.strip() != href else text)
    return "".join(parts)


_MD_ESCAPE = prebuilt.compile(r"([\\`*_\[\]<])|&(?=#?\w+;)")
_MD_LINE_START = prebuilt.compile(r"^(?:[#>~+=-]|\d{1,9}(?=[.)](?:\s|$)))")


def escape_markdown(text: str) -> str:
    return _MD_ESCAPE.sub(lambda m: "\\" + m.group(0), text)


def _code_span(content: str) -> str:
    ticks = "`"
    while ticks in content:
        ticks += "`"
    pad = " " if content.startswith("`") or content.endswith("`") else ""
    return f"{ticks}{pad}{content}{pad}{ticks}"


def _link_target(href: str) -> str:
    return f"<{href}>" if re.search(r"[\s()<>]", href) else href


def _inline_markdown(children: Sequence[Token]) -> str:
    parts: list[str] = []
    for index, child in enumerate(children):
        kind = child.type
        if kind == "text":
            parts.append(escape_markdown(child.content))
        elif kind == "code_inline":
            parts.append(_code_span(child.content))
        elif kind == "hardbreak" or (kind == "softbreak" and keeps_break(children, index)):
            parts.append("\\\n")  # written as a hard break, so that any Markdown reader keeps it
        elif kind == "softbreak":
            parts.append(" ")
        elif kind in ("em_open", "em_close"):
            parts.append("*")
        elif kind in ("strong_open", "strong_close"):
            parts.append("**")
        elif kind == "link_open":
            parts.append("[")
        elif kind == "link_close":
            parts.append(f"]({_link_target(str(child.meta.get('href', '')))})")
        elif kind == "image":
            alt = _inline_markdown(child.children or [])
            parts.append(f"![{alt}]({_link_target(str(child.attrGet('src') or ''))})")
    line = "".join(parts)
    return _MD_LINE_START.sub(lambda m: "\\" + m.group(0) if not m.group(0).isdigit() else m.group(0) + "\\", line)


def _pair_links(tokens: Sequence[Token]) -> None:
    # markdown-it gives the address on link_open only; the Markdown writer needs it at the close.
    for token in tokens:
        stack: list[str] = []
        for child in token.children or ():
            if child.type == "link_open":
                stack.append(str(child.attrGet("href") or ""))
            elif child.type == "link_close" and stack:
                child.meta["href"] = stack.pop()


@dataclass
class _Container:
    """A block quote (no marker) or a list item (its marker), in the order they nest."""

    marker: str | None
    shown: bool = False  # something has been written inside it (so an item's marker is used up)


@dataclass
class _Writer:
    """Walks markdown-it's block tokens, writing paragraphs, lists and quotes as plain text or Markdown.

    A paragraph's lines are those the learner broke it into; blocks are separated by a blank line,
    except the items of a tight list, which go one to a line. Every line starts with the
    prefixes of the quotes and list items it is inside, outermost first.
    """

    markdown: bool
    blocks: list[str] = field(default_factory=list)
    containers: list[_Container] = field(default_factory=list)
    numbers: list[int | None] = field(default_factory=list)  # per open list: the next number, None for bullets
    heading: str = ""
    last_in_list: bool = False

    def _prefix(self, container: _Container, first: bool) -> str:
        if container.marker is None:
            return "> " if self.markdown else ""
        return container.marker if first and not container.shown else " " * len(container.marker)

    def add(self, text: str, *, tight: bool = False) -> None:
        # A blank line between blocks keeps the prefixes of the containers both blocks are in.
        between = "".join(self._prefix(c, False) for c in self.containers if c.shown).rstrip()
        first = "".join(self._prefix(c, True) for c in self.containers)
        rest = "".join(self._prefix(c, False) for c in self.containers)
        for container in self.containers:
            container.shown = True
        lines = (self.heading + text).split("\n")
        self.heading = ""
        block = "\n".join([(first + lines[0]).rstrip(), *((rest + line).rstrip() for line in lines[1:])])
        in_list = bool(self.numbers)
        separator = "\n" if tight and self.last_in_list else f"\n{between}\n"
        self.blocks.append(separator + block if self.blocks else block)
        self.last_in_list = in_list

    def start_item(self) -> None:
        number = self.numbers[-1]
        if number is None:
            marker = "- " if self.markdown else "• "
        else:
            marker = f"{number}. "
            self.numbers[-1] = number + 1
        self.containers.append(_Container(marker))

    def walk(self, tokens: Sequence[Token]) -> str:
        _pair_links(tokens)
        inline = _inline_markdown if self.markdown else _inline_plain
        for index, token in enumerate(tokens):
            kind = token.type
            if kind in ("bullet_list_open", "ordered_list_open"):
                self.last_in_list = self.last_in_list and bool(self.numbers)  # a new list starts a new block
                start = token.attrGet("start") if kind == "ordered_list_open" else None
                self.numbers.append(None if kind == "bullet_list_open" else int(start or 1))
            elif kind in ("bullet_list_close", "ordered_list_close"):
                self.numbers.pop()
            elif kind == "list_item_open":
                self.start_item()
            elif kind == "blockquote_open":
                self.containers.append(_Container(None))
            elif kind in ("list_item_close", "blockquote_close"):
                self.containers.pop()  # an empty item's marker is dropped with it
            elif kind == "heading_open" and self.markdown:
                self.heading = "#" * int(token.tag[1:]) + " "
            elif kind == "inline":
                before = tokens[index - 1] if index else None
                tight = before is not None and before.type == "paragraph_open" and before.hidden
                self.add(inline(token.children or []), tight=tight)
            elif kind in ("fence", "code_block"):
                code = token.content.rstrip("\n")
                if self.markdown:
                    fence = "~~~~" if "```" in code else "```"
                    code = f"{fence}\n{code}\n{fence}"
                self.add(code)
            elif kind == "hr" and self.markdown:
                self.add("---")
        return "".join(self.blocks)


def plain_text(markdown: str, parser: MarkdownIt | None = None) -> str:
    """Markdown as plain text: no markers, the learner's line breaks kept, "•" for bullets."""
    return _Writer(markdown=False).walk((parser or markdown_parser()).parse(markdown))


def normalised_markdown(markdown: str, parser: MarkdownIt | None = None) -> str:
    """Markdown rewritten in one consistent style, with anything that would be raw HTML escaped."""
    return _Writer(markdown=True).walk((parser or markdown_parser()).parse(markdown))
