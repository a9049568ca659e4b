"""Splitting a text into words for name detection: where sentences, lines and headings start,
and which words are inside a phrase that is no person ("Sue Ryder", "Easter Ross", "Carl Rogers").
"""

from __future__ import annotations

from bisect import bisect_left
from functools import cache

from badgekit.privacy import vocabulary as vocab
from badgekit.privacy.patterns import Lazy

_LETTER = r"[^\W\d_]"
WORD = Lazy(rf"{_LETTER}+(?:['’]{_LETTER}+)*(?:-{_LETTER}+)*\.?")
#: A word and what comes after it up to the next word: every character that cannot start a word.
#: The gap follows the word rather than leading it, so that a long run with no letter in it is read
#: once (a leading gap would be read again from each of its characters when no word follows it).
_WORD_AND_GAP = Lazy(rf"({_LETTER}+(?:['’]{_LETTER}+)*(?:-{_LETTER}+)*\.?)([\W\d_]*)")
_FIRST_LETTER = Lazy(_LETTER)
_NAME_JOINS = Lazy(r"(['’-])")
_HEADING_LEAD = Lazy(r"[ \t]{0,3}#{1,6}[ \t]")
_STOP_CHARACTERS = frozenset(".!?:;")
_POSSESSIVES = frozenset({"'s", "’s", "'S", "’S"})


class Token:
    """One word of the text and what its position says about it.

    A plain class rather than a dataclass: defining a dataclass costs about a millisecond
    at import, which every ``check`` would pay.
    """

    __slots__ = (
        "capitalised",
        "caseless",
        "end",
        "followed_by_space",
        "in_heading",
        "line_start",
        "lower",
        "masked",
        "possessive",
        "start",
        "text",
    )

    def __init__(
        self,
        text: str,
        lower: str,
        start: int,
        end: int,
        possessive: bool,
        line_start: bool,
        in_heading: bool,
        capitalised: bool,
        caseless: bool = False,
    ) -> None:
        self.text = text  # the word without a trailing possessive or full stop
        self.lower = lower
        self.start = start
        self.end = end
        self.possessive = possessive
        self.line_start = line_start  # the first word of a sentence, a line, a list item or a heading
        self.in_heading = in_heading  # on a Markdown heading line, where Title Case capitalises every word
        self.capitalised = capitalised  # "Jamie", "McDonald", "O'Brien"; not "NHS", "I" or "support"
        self.caseless = caseless  # written in capitals ("CALLUM"), so ``text`` holds it as a name is written
        self.followed_by_space = False  # a single space, and nothing else, before the next word
        self.masked = False  # inside an organisation, place or cited author's name such as "Sue Ryder"


def title_case(word: str) -> str:
    """A word in capitals or lower case as a name is written: "O'BRIEN" -> "O'Brien", "kelly-brown" -> "Kelly-Brown"."""
    parts = _NAME_JOINS.get().split(word.lower())
    return "".join(part[:1].upper() + part[1:] if len(part) > 1 else part for part in parts)


def _words(text: str) -> list[Token]:
    # The loop body runs once per word of the statement (half a million for a megabyte of
    # one-letter lines), so it is kept to what each word needs. One findall gives each word
    # with the characters after it, without a match object per word; most words follow a
    # single space, and a text with no "#" has no headings.
    tokens: list[Token] = []
    append = tokens.append
    previous: Token | None = None
    previous_dot = False
    in_heading = False
    heading_lead = _HEADING_LEAD.get() if "#" in text else None
    first = _FIRST_LETTER.get().search(text)
    if first is None:
        return tokens
    between = text[: first.start()]
    end = first.start()
    for word, after in _WORD_AND_GAP.get().findall(text, first.start()):
        start = end
        end = start + len(word)
        word_end = end
        if between == " ":  # most words: no need to look further
            line_start = previous_dot
            if previous is not None:
                previous.followed_by_space = not previous.possessive
        else:
            # Any new line counts as a fresh start: a heading, a list item or a paragraph.
            new_line = previous is None or "\n" in between
            line_start = (
                new_line or (previous_dot and not between.strip(" ")) or not _STOP_CHARACTERS.isdisjoint(between)
            )
            if new_line and heading_lead is not None:
                in_heading = heading_lead.match(text, text.rfind("\n", 0, start) + 1) is not None
        dot = word[-1] == "."
        if dot:
            word, word_end = word[:-1], word_end - 1
        possessive = len(word) > 2 and word[-2:] in _POSSESSIVES
        if possessive:
            word, word_end = word[:-2], word_end - 2
        if len(word) > 1 and word[0].isupper():
            caseless = word.isupper()
            if caseless:  # "CALLUM", "MRS DUNLOP": judged as if written "Callum", "Mrs Dunlop"
                word = title_case(word)
            previous = Token(word, word.lower(), start, word_end, possessive, line_start, in_heading, True, caseless)
        else:
            previous = Token(word, word.lower(), start, word_end, possessive, line_start, in_heading, False)
        append(previous)
        previous_dot = dot
        between = after
        end += len(after)
    return tokens


@cache
def _phrases_by_first_word() -> dict[str, tuple[str, ...]]:
    """Organisation, place and cited authors' names, by their first word as a token's ``lower`` holds it."""
    index: dict[str, list[str]] = {}
    for phrase in (*vocab.ORGANISATION_PHRASES, *vocab.PLACE_PHRASES, *vocab.CITED_NAME_PHRASES):
        first = phrase.split(" ", 1)[0].rstrip(".")
        if first[-2:] in ("'s", "’s"):
            first = first[:-2]
        index.setdefault(first, []).append(phrase)
    return {word: tuple(phrases) for word, phrases in index.items()}


def _mask_phrases(text: str, tokens: list[Token]) -> None:
    """Mark the tokens of organisation, place and cited authors' names ("Sue Ryder", "Easter Ross", "Carl Rogers").

    Only a word that starts some phrase is looked at, which is a dictionary look-up per
    word rather than a search of the whole text per phrase.
    """
    phrases = _phrases_by_first_word()
    lowered = text.lower().replace("\n", " ")  # "Marie\nCurie" is still the charity
    for index, token in enumerate(tokens):
        for phrase in phrases.get(token.lower, ()):
            start = token.start
            end = start + len(phrase)
            after = lowered[end : end + 1]
            if not lowered.startswith(phrase, start) or (
                (after.isalnum() or (after == "-" and lowered[end + 1 : end + 2].isalpha()))
                and lowered[end : end + 2] not in {"'s", "’s"}
            ):
                continue  # a longer word or a double-barrelled name: "Grace Kelly-Brown" is not Grace Kelly
            last = bisect_left(tokens, end, lo=index, key=_start)
            if phrase.endswith("'s") and last < len(tokens) and tokens[last].lower in vocab.KIN_WORDS:
                continue  # "Maggie's at the hospital" is the charity; "Maggie's mum" is a person's
            for covered in tokens[index:last]:
                covered.masked = True


def _start(token: Token) -> int:
    return token.start


def tokenise(text: str) -> list[Token]:
    """The words of ``text`` in order, each marked when it is inside an organisation, place or author phrase."""
    tokens = _words(text)
    _mask_phrases(text, tokens)
    return tokens
