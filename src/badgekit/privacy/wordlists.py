"""The long word lists, read from ``data/`` the first time a detector needs each one.

The lists are plain text, one entry a line, generated from the Faker and english-words
libraries by tools/build_wordlists.py and shipped inside the package, so a check needs no
download and no dependency. Each is read once per process (about a millisecond each).

- first_names.txt: given names that are names on their own (Jamie, Agnieszka, Priya);
- ambiguous_names.txt: given names that are also words, months or places (Will, May,
  Angus), which need more than a capital letter to be taken for a person;
- surnames.txt: family names, which make "Grace Kelly" a person and "Grace Notes" not;
- common_words.txt: common English words, which a capitalised word of unknown kind
  must not be before it can be a name;
- name_words.txt: given names that are also English words ("rose", "carol", "robin"),
  which in lower case, or as a plant or a song, are words rather than people.

data/SOURCES.md says where each list comes from, under which licence, and its checksum.

The files are kept sorted, and a list is searched by bisection rather than turned into
a set: hashing 20,000 names costs several times more than splitting the file, and a
statement asks about a few hundred words at most.
"""

from __future__ import annotations

import os
import sys
from bisect import bisect_left
from functools import cache
from typing import Any

_MOST_REMEMBERED = 50_000


class WordList:
    """A sorted list of words that answers ``word in words`` by bisection.

    The words stay UTF-8 bytes, as read: splitting bytes costs half what decoding and
    splitting text does, and UTF-8 sorts in the same order as the text it encodes.
    """

    def __init__(self, words: list[bytes]) -> None:
        self._words = words
        self._asked: dict[str, bool] = {}  # a statement asks about the same words again and again

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        known = self._asked.get(word)
        if known is not None:
            return known
        encoded = word.encode("utf-8", "surrogatepass")
        index = bisect_left(self._words, encoded)
        known = self._asked[word] = index < len(self._words) and self._words[index] == encoded
        if len(self._asked) > _MOST_REMEMBERED:  # a long-running process (the web page) screens many texts
            self._asked.clear()
        return known

    def __len__(self) -> int:
        return len(self._words)


def read_data(name: str) -> bytes:
    """The bytes of a file in ``data/``, through the package's own loader."""
    # The loader pkgutil.get_data uses, without the half millisecond importing pkgutil (or
    # the few importlib.resources) costs: the same package data.
    loader, origin = _package_loader(__package__ or "badgekit.privacy")
    try:
        data: bytes = loader.get_data(os.path.join(os.path.dirname(origin), "data", name))
    except OSError as error:
        raise FileNotFoundError(f"badgekit's data file '{name}' is missing: reinstall badgekit") from error
    return data


@cache
def _read(name: str) -> WordList:
    words = read_data(name).split(b"\n")
    if words and not words[-1]:
        words.pop()
    return WordList(words)


def _package_loader(package: str) -> tuple[Any, str]:
    spec = sys.modules[package].__spec__
    if spec is None or spec.loader is None or spec.origin is None:
        raise FileNotFoundError(f"{package} has no loader to read its word lists: reinstall badgekit")
    return spec.loader, spec.origin


def first_names() -> WordList:
    """Given names, as written (capitalised)."""
    return _read("first_names.txt")


def ambiguous_names() -> WordList:
    """Given names that are also common words, months or places, as written."""
    return _read("ambiguous_names.txt")


def surnames() -> WordList:
    """Family names, as written."""
    return _read("surnames.txt")


def common_words() -> WordList:
    """Common English words, lower case, less the ones that are given names."""
    return _read("common_words.txt")


def name_words() -> WordList:
    """Given names that are also English words ("Rose", "Carol", "Robin"), as names are written."""
    return _read("name_words.txt")
