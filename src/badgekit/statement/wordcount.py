"""The word count rule, shared by the interview, the checks and the exports.

A word is a run of non-space characters holding at least one letter or digit, so
"multi-agency", "don't" and "500–1000" are one word each and a lone dash is none.
In Markdown, markup is not counted: link addresses (in ``[text](address)``, in
``<https://...>`` and written out bare) and image addresses, HTML comments (where
suppression comments live), and list numbers such as ``1.``. Link text is counted.
Front matter, headings and the badge's own declaration are the statement's business:
callers count only the parts they mean to.
"""

from __future__ import annotations

import re

_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_IMAGE_OR_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")  # keep the text, drop the address
_REFERENCE_DEFINITION = re.compile(r"^ {0,3}\[[^\]]+\]:\s+\S+.*$", re.MULTILINE)
_AUTOLINK = re.compile(r"<(?:https?|mailto|ftp):[^>\s]*>", re.IGNORECASE)
_BARE_ADDRESS = re.compile(r"(?<![^\s(\[])(?:https?://|www\.)\S+", re.IGNORECASE)
_LIST_NUMBER = re.compile(r"^(\s*(?:>\s*)*)\d{1,9}[.)](?=\s)", re.MULTILINE)
# A whole whitespace-delimited token with a letter or digit in it ([^\W_] is \w less the
# underscore). Counting matches in C is several times faster than testing each token.
_WORD = re.compile(r"(?<!\S)\S*?[^\W_]\S*")


def strip_markup(markdown: str) -> str:
    """Markdown text with the parts that are never words removed (see the module docstring)."""
    text = _COMMENT.sub(" ", markdown)
    text = _IMAGE_OR_LINK.sub(r" \1 ", text)
    text = _REFERENCE_DEFINITION.sub(" ", text)
    text = _AUTOLINK.sub(" ", text)
    text = _BARE_ADDRESS.sub(" ", text)
    return _LIST_NUMBER.sub(r"\1", text)


def is_word(token: str) -> bool:
    return _WORD.match(token) is not None


def count_plain_words(text: str) -> int:
    """Words in plain text, with no Markdown handling."""
    return len(_WORD.findall(text))


def count_words(markdown: str) -> int:
    """Words in a piece of Markdown, by badgekit's rule."""
    return count_plain_words(strip_markup(markdown))
