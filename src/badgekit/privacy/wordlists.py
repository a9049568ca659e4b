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
a set: hashing 20,000 names costs several times more than a statement's few hundred
questions. Nor is a whole list split into words: ``wordlists.index`` (built beside the
lists by tools/build_wordlists.py) holds every sixteenth word of each list and where it
starts, so a question splits only the sixteen words it falls among, which saves over a
millisecond a check. A list that does not match the index (its length differs) is split
whole, as before.
"""

from __future__ import annotations

import os
import sys
from bisect import bisect_left, bisect_right
from functools import cache
from typing import Any

_MOST_REMEMBERED = 50_000


#: Every sixteenth word of each list and where it starts: tools/build_wordlists.py writes it.
INDEX_FILE = "wordlists.index"
FENCE_EVERY = 16


class WordList:
    """A sorted list of words that answers ``word in words`` by bisection.

    The words stay UTF-8 bytes, as read: splitting bytes costs half what decoding and
    splitting text does, and UTF-8 sorts in the same order as the text it encodes. With
    ``fences`` (every sixteenth word, and the offset in ``raw`` where each starts), only the
    block of words between two fences is split, the first time a word in it is asked about.
    """

    def __init__(self, raw: bytes, fences: tuple[list[bytes], list[int]] | None = None) -> None:
        self._raw = raw
        self._fences, self._starts = fences if fences is not None else ([b""], [0])
        self._blocks: dict[int, list[bytes]] = {}
        self._asked: dict[str, bool] = {}  # a statement asks about the same words again and again

    def _block(self, encoded: bytes) -> list[bytes]:
        """The words of the list between the fences around ``encoded``."""
        at = bisect_right(self._fences, encoded) - 1
        words = self._blocks.get(at)
        if words is None:
            if at < 0:
                words = []
            else:
                end = self._starts[at + 1] if at + 1 < len(self._starts) else len(self._raw)
                words = self._raw[self._starts[at] : end].split(b"\n")
                if words and not words[-1]:
                    words.pop()
            self._blocks[at] = words
        return words

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        known = self._asked.get(word)
        if known is not None:
            return known
        encoded = word.encode("utf-8", "surrogatepass")
        words = self._block(encoded)
        index = bisect_left(words, encoded)
        known = self._asked[word] = index < len(words) and words[index] == encoded
        if len(self._asked) > _MOST_REMEMBERED:  # a long-running process (the web page) screens many texts
            self._asked.clear()
        return known

    def __len__(self) -> int:
        return self._raw.count(b"\n") + (bool(self._raw) and not self._raw.endswith(b"\n"))


def fences(raw: bytes) -> tuple[bytes, list[int]]:
    """Every sixteenth word of a sorted list (one word a line), joined by new lines, and the
    offset where each starts: what ``wordlists.index`` holds for the list."""
    words: list[bytes] = []
    starts: list[int] = []
    start = 0
    number = 0
    while start < len(raw):
        end = raw.find(b"\n", start)
        end = len(raw) if end < 0 else end
        if number % FENCE_EVERY == 0:
            words.append(raw[start:end])
            starts.append(start)
        number += 1
        start = end + 1
    return b"\n".join(words), starts


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
    raw = read_data(name)
    entry = _index().get(name)
    if not isinstance(entry, tuple) or len(entry) != 3 or entry[0] != len(raw):
        return WordList(raw)  # no index, or not this file's: the whole list is split
    _length, words, starts = entry
    return WordList(raw, (words.split(b"\n"), starts))


@cache
def _index() -> dict[str, Any]:
    """Each list's length in bytes, its fences and where they start, as tools/build_wordlists.py wrote them."""
    import marshal

    try:
        index = marshal.loads(read_data(INDEX_FILE))
    except (FileNotFoundError, EOFError, ValueError, TypeError):
        return {}
    return index if isinstance(index, dict) else {}


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
