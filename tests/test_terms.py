"""The judgement's crude stemmer: its look-up by suffix length gives what trying each suffix in turn gives."""

from __future__ import annotations

from badgekit.checks import terms
from badgekit.privacy.wordlists import read_data


def _stem_trying_each_suffix(word: str) -> str:
    """terms.stem as first written: each suffix tried in turn, longest first."""
    word = word.lower().replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    word = word.strip("'")
    for suffix in terms._SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    if word.endswith("at") and len(word) > 5:
        word = word[:-2]
    return word


def test_each_word_stems_as_trying_each_suffix_stems_it() -> None:
    words = read_data("common_words.txt").decode("utf-8").split()
    # Every suffix after stems of every length around the three letters a stem keeps, and after each other.
    made = [stem + suffix for stem in ("", "a", "ab", "abc", "abcd", "org") for suffix in terms._SUFFIXES]
    made += [first + second for first in terms._SUFFIXES for second in terms._SUFFIXES]
    made += ["Collaboration’s", "'ations'", "partnership's", "ESCALATED", ""]
    assert len(words) > 10_000
    for word in words + made:
        assert terms.stem.__wrapped__(word) == _stem_trying_each_suffix(word), word
