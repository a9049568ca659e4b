"""The word count rule that every badgekit command shares."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from badgekit.statement.wordcount import count_plain_words, count_words


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("", 0),
        ("one two  three\nfour", 4),
        ("multi-agency", 1),
        ("don't", 1),
        ("500–1000 words", 2),
        ("before – after", 2),  # a lone dash is no word
        ("a - b -- c", 3),
        ("“Quoted,” she said.", 3),
        ("e.g. i.e. etc.", 3),
        ("naïve café Ñandú", 3),
    ],
)
def test_a_word_holds_a_letter_or_a_digit(text: str, words: int) -> None:
    assert count_plain_words(text) == words
    assert count_words(text) == words


@pytest.mark.parametrize(
    ("markdown", "words"),
    [
        ("Read [the SSSC guidance](https://www.sssc.uk.com/guidance) today", 5),
        ("See <https://example.org/a/b> now", 2),
        ("See https://example.org/a/b and www.example.org too", 3),
        ("![a chart of outcomes](chart.png)", 4),
        ("**bold** and _emphasis_ and `code`", 5),
        ("1. first\n2. second\n10) tenth", 3),
        ("- first\n* second\n+ third", 3),
        ("> quoted words here", 3),
        ("text <!-- badgekit: ignore BK301 --> more", 2),
        ("| a | b |\n|---|---|\n| c | d |", 4),
        ("In 2023 we met 3 times", 6),  # numbers in prose are words
        ("[ref]: https://example.org\nSome text", 2),
    ],
)
def test_markdown_markup_and_addresses_are_not_words(markdown: str, words: int) -> None:
    assert count_words(markdown) == words


@given(st.text())
def test_the_count_is_tokens_holding_a_letter_or_digit(text: str) -> None:
    # The fast regular expression must agree with the rule as written in words.
    assert count_plain_words(text) == sum(1 for token in text.split() if any(ch.isalnum() for ch in token))
