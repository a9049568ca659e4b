"""The shipped privacy word lists are the ones data/SOURCES.md describes, sorted and without blanks."""

from __future__ import annotations

import hashlib
import marshal
import re
from pathlib import Path

import pytest

from badgekit.privacy import wordlists

DATA = Path(wordlists.__file__).resolve().parent / "data"
ROW = re.compile(r"^\| (?P<file>[\w.]+\.txt) \| (?P<entries>[\d,]+) \| (?P<sha256>[0-9a-f]{64}) \|$", re.MULTILINE)
ROWS = {m["file"]: m for m in ROW.finditer((DATA / "SOURCES.md").read_text(encoding="utf-8"))}


def test_every_list_is_recorded() -> None:
    assert set(ROWS) == {path.name for path in DATA.glob("*.txt")}


@pytest.mark.parametrize("name", sorted(ROWS))
def test_a_list_matches_its_checksum_and_count(name: str) -> None:
    data = (DATA / name).read_bytes()
    assert hashlib.sha256(data).hexdigest() == ROWS[name]["sha256"], f"{name} changed: update data/SOURCES.md"
    words = data.decode("utf-8").split("\n")
    assert words.pop() == ""
    assert len(words) == int(ROWS[name]["entries"].replace(",", ""))
    assert words == sorted(words) and all(words), f"{name} must be sorted, one word a line"


def test_a_list_answers_for_words_with_accents() -> None:
    assert "Màiri" in wordlists.first_names()
    assert "Jamie" in wordlists.first_names() and "Jamies" not in wordlists.first_names()


def test_the_index_is_the_one_the_lists_give() -> None:
    """data/wordlists.index is rebuilt with the lists (python tools/build_wordlists.py --index)."""
    index = marshal.loads((DATA / wordlists.INDEX_FILE).read_bytes())
    assert set(index) == set(ROWS)
    for name, (length, *fences) in index.items():
        raw = (DATA / name).read_bytes()
        assert length == len(raw), f"{name} changed: run python tools/build_wordlists.py --index"
        assert tuple(fences) == wordlists.fences(raw), f"{name} changed: run python tools/build_wordlists.py --index"


@pytest.mark.parametrize("name", sorted(ROWS))
def test_a_list_read_by_stretches_answers_as_the_whole_list(name: str) -> None:
    raw = (DATA / name).read_bytes()
    words = raw.decode("utf-8").split("\n")[:-1]
    fences, starts = wordlists.fences(raw)
    listed = wordlists.WordList(raw, (fences.split(b"\n"), starts))
    whole = wordlists.WordList(raw)
    assert all(word in listed for word in words)
    assert len(listed) == len(whole) == len(words)
    # Near misses: each word cut short, lengthened, and with its first letter's case turned.
    for word in words[::31]:
        for other in (word[:-1], word + "s", word[:1].swapcase() + word[1:], word[:1]):
            assert (other in listed) == (other in whole) == (other in set(words)), other


def test_a_list_that_does_not_match_the_index_is_read_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(wordlists, "_index", lambda: {"first_names.txt": (1, b"Aa", [0])})
    wordlists._read.cache_clear()
    try:
        names = wordlists.first_names()
        assert "Jamie" in names and "Jamies" not in names
    finally:
        wordlists._read.cache_clear()
