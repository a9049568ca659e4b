"""The shipped privacy word lists are the ones data/SOURCES.md describes, sorted and without blanks."""

from __future__ import annotations

import hashlib
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
