"""Reading a statement takes time in proportion to its length, whatever the text (issues 16 and 17).

Regular expressions that backtrack took seconds on a few kilobytes: "I took part in" and 2,000
spaces (the declaration's pattern), 30,000 ``[`` (links), 30,000 ``<!--`` (comments). Two kinds of
test guard against their return, neither of them a timing assertion:

- each scanner that replaced such an expression finds exactly what the expression found, on text
  made of the pieces that trip it up (the expressions are written out here as the rule in words);
- for each troublesome pattern, 100 KB costs at most a generous multiple of the processor time 10 KB costs: ten
  times for linear work, a hundred for quadratic, so the bound (30) fails only on the latter.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable

import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from badgekit.checks import badge_detection, reflection, terms, textstats
from badgekit.checks.passages import sentence_spans as evidence_sentences
from badgekit.checks.reflection import find_points
from badgekit.errors import BadgekitError
from badgekit.statement import parse
from badgekit.statement.front_matter import read_front_matter
from badgekit.statement.parse import parse_statement
from badgekit.statement.wordcount import count_words, is_word, plain_words, strip_markup

# --- the scanners find what the expressions found ---------------------------------------------

_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_IMAGE_OR_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_REFERENCE_DEFINITION = re.compile(r"^ {0,3}\[[^\]]+\]:\s+\S+.*$", re.MULTILINE)
_AUTOLINK = re.compile(r"<(?:https?|mailto|ftp):[^>\s]*>", re.IGNORECASE)
_BARE_ADDRESS = re.compile(r"(?<![^\s(\[])(?:https?://|www\.)\S+", re.IGNORECASE)
_LIST_NUMBER = re.compile(r"^(\s*(?:>\s*)*)\d{1,9}[.)](?=\s)", re.MULTILINE)
_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_SUPPRESSION = re.compile(r"<!--\s*badgekit:(.*?)-->", re.IGNORECASE | re.DOTALL)
_FIELD = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:(?:[ \t]+(.*?))?[ \t]*$")
_SENTENCE_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])")


def _strip_markup_as_written(markdown: str) -> str:
    text = _COMMENT.sub(" ", markdown)
    text = _IMAGE_OR_LINK.sub(r" \1 ", text)
    text = _REFERENCE_DEFINITION.sub(" ", text)
    text = _AUTOLINK.sub(" ", text)
    text = _BARE_ADDRESS.sub(" ", text)
    return _LIST_NUMBER.sub(r"\1", text)


def _declaration_as_written(declaration: str) -> re.Pattern[str]:
    parts = ["".join("['’]" if c in "'’" else re.escape(c) for c in token) for token in declaration.split()]
    return re.compile(r"[ \t>]*\s+[ \t>]*".join(parts), re.IGNORECASE)


def _made_of(*pieces: str, most: int = 30) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(pieces), max_size=most).map("".join)


MARKUP = _made_of(
    "<!--", "-->", "-", "!", "[", "]", "(", ")", ":", " ", "\n", "\t", "a", "b1", ">", "<", "<http:", "<FTP:",
    "www.", "http://x", "1.", "2)", "\x0b", "\u00a0", "\n   [", "]: ", "\r",
)  # fmt: skip


@settings(max_examples=600)
@given(MARKUP)
def test_markup_is_stripped_as_the_expressions_strip_it(text: str) -> None:
    assert strip_markup(text) == _strip_markup_as_written(text)


@settings(max_examples=400)
@given(_made_of("#", " ", "\t", "a", "b c", "##", "\x0b", ":", most=12))
def test_a_hash_heading_is_read_as_the_expression_reads_it(line: str) -> None:
    match = _ATX.match(line)
    assert parse.atx_heading(line) == ((len(match.group(1)), (match.group(2) or "").strip()) if match else None)


@settings(max_examples=400)
@given(_made_of("<!--", "-->", " ", "\n", "badgekit:", "BadgeKit:", "ignore", "x", "-", most=14), st.integers(0, 3))
def test_suppression_comments_are_found_as_the_expression_finds_them(text: str, start: int) -> None:
    expected = [(m.start(), m.end(), m.group(1)) for m in _SUPPRESSION.finditer(text, start)]
    assert list(parse.suppression_comments(text, start)) == expected


def _headings_line_by_line(work: str, body_start: int) -> list[tuple[int, str, int, int]]:
    """Headings as they were found before only marked lines were read: every line, in turn."""
    headings, fence, previous, offset, after_blank = [], None, None, body_start, True
    for line in work[body_start:].split("\n"):
        start, end = offset, offset + len(line)
        offset = end + 1
        stripped = line.strip()
        blank_before, after_blank = after_blank, not stripped
        marked = line.lstrip(" ")[:1] in "`~#=-*_" and line.lstrip(" ") != ""
        fence_match = parse._FENCE.match(line) if marked else None
        if fence is not None:
            if fence_match and fence_match.group(1)[0] == fence[0] and len(fence_match.group(1)) >= len(fence):
                fence = None
            previous = None
            continue
        if fence_match:
            fence, previous = fence_match.group(1), None
            continue
        atx = parse.atx_heading(line) if marked else None
        setext = parse._SETEXT.match(line) if marked else None
        if atx:
            headings.append((atx[0], atx[1], start, end))
            previous = None
        elif setext and previous is not None:
            headings.append((1 if setext.group(1)[0] == "=" else 2, previous[2], previous[0], end))
            previous = None
        else:
            bold = parse._BOLD_LINE.match(line) if marked else None
            if bold and not parse._BOLD_LINE.match(bold.group(2)):
                headings.append((2, bold.group(2).strip(), start, end))
                previous = None
                continue
            is_plain_line = bool(stripped) and not line.startswith((" " * 4, "\t")) and stripped[0] not in "-*+>|"
            previous = (start, end, stripped) if is_plain_line and blank_before else None
    return headings


@settings(max_examples=1500)
@given(
    _made_of(
        "```", "~~~", "````", "# ", "#", "## a", "===", "---", "-", "=", "**a**", "__b__", "**", " ", "    ", "\t",
        "a", "b c", "\n", "\n", "\n", "\n\n", "* x", "> q", "|t", "_x", "=x", "``x", "+", most=24,
    ),
    st.integers(0, 6),
)  # fmt: skip
@example("_x\na\n===\n\nb\n---\n```\nc\n-\n```\nd\n===", 0)
@example("a\n\n\nb\n---\n  # c\n\nd\n\n***\n", 1)
def test_headings_are_found_as_reading_every_line_found_them(text: str, body_start: int) -> None:
    body_start = min(body_start, len(text))
    found = [(h.level, h.text, h.start, h.end) for h in parse._find_headings(text, body_start)]
    assert found == _headings_line_by_line(text, body_start)


def _terms_word_by_word(text: str) -> frozenset[str]:
    """A text's terms as they were found before each different word was stemmed once: word by word."""
    words = [m.group().lower().strip("'’") for m in terms._WORD.finditer(text)]
    stems = [terms.stem(w) for w in words]
    found = {s for w, s in zip(words, stems, strict=True) if w not in terms._STOPWORDS and len(w) > 1}
    singles, phrases = terms._concept_index()
    for index, s in enumerate(stems):
        found.update(singles.get(s, ()))
        for sequence, tag in phrases.get(s, ()):
            if tuple(stems[index : index + len(sequence)]) == sequence:
                found.add(tag)
    return frozenset(found)


@settings(max_examples=400)
@given(
    _made_of(
        "social ", "work ", "Workers ", "my ", "manager ", "next ", "of ", "kin ", "other ", "agencies ", "I ", "a ",
        "the ", "team ", "health ", "visitor", "'s ", "’", "housing officer ", "x", " ", ".", most=20,
    )
)  # fmt: skip
def test_terms_are_found_as_reading_word_by_word_found_them(text: str) -> None:
    assert terms.terms(text) == _terms_word_by_word(text)


def _quotes(heading: tuple[tuple[str, ...], frozenset[str]], criterion: tuple[tuple[str, ...], frozenset[str]]) -> int:
    """How a heading quotes a criterion, compared one with the other, as every criterion once was."""
    (said, said_terms), (wanted, wanted_terms) = heading, criterion
    if len(said) < 3:
        return 0
    if wanted[: len(said)] == said or said[: len(wanted)] == wanted:
        return 2
    overlap = len(said_terms & wanted_terms)
    return 1 if overlap >= 4 and overlap >= 0.7 * len(wanted_terms) else 0


CRITERION_WORDS = ("work", "with", "other", "agencies", "trust", "build", "colleagues", "own", "and", "team", "x")


@settings(max_examples=500)
@given(
    st.lists(st.lists(st.lists(st.sampled_from(CRITERION_WORDS), max_size=7), max_size=4), min_size=1, max_size=4),
    st.lists(st.sampled_from(CRITERION_WORDS), max_size=8),
)
def test_a_heading_quotes_the_criteria_it_quoted_compared_with_each(
    badges: list[list[list[str]]], heading: list[str]
) -> None:
    wording = badge_detection._wording
    criteria = tuple(tuple(" ".join(words) for words in badge) for badge in badges)
    said = wording(" ".join(heading))
    expected = {b: k for b, c in enumerate(criteria) if (k := max((_quotes(said, wording(w)) for w in c), default=0))}
    assert badge_detection._index(criteria).kinds(said) == expected


def _criterion_lines_line_by_line(work: str, body_start: int, criteria: list[str]) -> list[tuple[int, str, int, int]]:
    """Lines quoting criteria as they were found before only lines with three letters were read: every line."""
    _content_words, _Heading = parse._content_words, parse._Heading
    wanted = [words for words in (_content_words(c) for c in criteria) if words]
    if not wanted:
        return []
    found: list[_Heading] = []
    offset = body_start
    for line in work[body_start:].split("\n"):
        start, end = offset, offset + len(line)
        offset = end + 1
        plain = parse._MARKUP_CHARS.sub("", line).strip()
        if not plain or len(plain) > 600:
            continue
        own = _content_words(parse._split_number(plain)[1])
        for words in wanted:
            shared = len(words & own)
            if shared >= parse.QUOTED_SHARE * len(words) and len(own) - shared <= parse.EXTRA_WORDS:
                previous = found[-1] if found else None
                if (
                    previous is not None
                    and work[previous.end : start].strip() == ""
                    and "\n\n" not in work[previous.end : start]
                ):
                    # The criteria listed one to a line, before the answers: one title over what follows, not
                    # a heading for each (which would leave every answer under the last criterion).
                    found[-1] = _Heading(1, f"{previous.text}\n{plain}", previous.start, end)
                else:
                    found.append(_Heading(2, plain, start, end))
                break
    return [(h.level, h.text, h.start, h.end) for h in found]


QUOTED_CRITERIA = ["identify and make good use of opportunities", "build trust with colleagues", "a b", "kit"]


@settings(max_examples=600)
@given(
    _made_of(
        "identify", "make", "good", "use", "of", "opportunities", "build", "trust", "with", "colleagues", " ", "\n",
        "\n\n", "1. ", "**", "#", "_", "ab", "K", "\u0130", "x", "and", "OPPORTUNITIES", most=24,
    ),
    st.integers(0, 4),
)  # fmt: skip
@example("bu*il*d tr*us*t wi*th co*ll*ea*gu*es\n\n\u212aIT\n", 0)
def test_criteria_quoted_in_plain_text_are_found_as_reading_every_line_found_them(text: str, body_start: int) -> None:
    body_start = min(body_start, len(text))
    found = [(h.level, h.text, h.start, h.end) for h in parse.criterion_lines(text, body_start, QUOTED_CRITERIA)]
    assert found == _criterion_lines_line_by_line(text, body_start, QUOTED_CRITERIA)


_QUOTED = re.compile(r"\"[^\"\n]{0,300}\"|“[^”\n]{0,300}”")


@settings(max_examples=1000)
@given(_made_of('"', "“", "”", "\n", "a", " ", "a" * 140, "“" * 150, most=16))
@example(
    "“" * 400 + "”" + "“a" + '"b"' + "”",
)
def test_quotations_are_found_as_the_expression_finds_them(text: str) -> None:
    expected = _QUOTED.sub(lambda m: " " * len(m.group()), text)
    assert reflection._unquoted(text) == expected


@settings(max_examples=600)
@given(_made_of("a", "_", "-", "é", " ", "\n", "\u00a0", "\x1c", "\u2003", "1", "’", ".", "\t", most=20))
def test_words_and_line_starts_are_found_as_token_by_token_found_them(text: str) -> None:
    assert plain_words(text) == [token for token in text.split() if is_word(token)]
    try:
        statement = parse_statement(text)
    except BadgekitError:
        # "---" on the first line opens front matter, which this text never closes: the reader rightly
        # refuses it, and that is not what this test is about.
        assert text.startswith("---")
        assume(False)
    assert statement._line_starts == (0, *(m.end() for m in re.finditer("\n", text)))


DECLARATION_WORDS = ("In", "in", "studying", "and", "work’s", "work's", "mine", "x")


@settings(max_examples=600)
@given(
    st.lists(st.sampled_from(DECLARATION_WORDS), min_size=1, max_size=4).map(" ".join),
    _made_of(" ", "\t", "\n", ">", "\x0b", *DECLARATION_WORDS, most=16),
)
def test_the_declaration_is_found_as_the_expression_finds_it(declaration: str, text: str) -> None:
    expected = [m.span() for m in _declaration_as_written(declaration).finditer(text)]
    assert [m.span() for m in parse.declaration_pattern(declaration).finditer(text)] == expected


@settings(max_examples=400)
@given(_made_of("k", ":", " ", "\t", "a", "#", "\x0b", "b c", "-", most=12))
def test_a_front_matter_line_is_read_as_the_expression_reads_it(line: str) -> None:
    old, new = _FIELD.match(line), read_front_matter.__globals__["_SIMPLE_FIELD"].match(line)
    assert (old and (old.group(1), old.group(2) or "")) == (new and (new.group(1), new.group(2) or ""))


@settings(max_examples=400)
@given(_made_of(".", "!", "?", " ", "\n", "A", "a", "1", ")", '"', "“", most=14))
def test_sentences_end_where_the_expression_ended_them(text: str) -> None:
    assert [m.span() for m in textstats._SENTENCE_END.finditer(text)] == [
        m.span() for m in _SENTENCE_END.finditer(text)
    ]


@settings(max_examples=600)
@given(_made_of("-", "*", "+", "1", "12", "1234", ".", ")", " ", "\t", "\n", "\u00a0", "\x0b", "\x1c", "a"))
def test_a_list_is_found_as_each_lines_expression_found_it(chunk: str) -> None:
    as_written = any(re.match(r"\s*(?:[-*+]|\d{1,3}[.)])\s", line) for line in chunk.split("\n"))
    assert bool(textstats._LIST_ITEM.search(chunk)) is as_written


FOLDING = _made_of(
    "I", "i", "\u0130", "\u0131", "K", "k", "\u212a", "S", "\u017f", "É", "é", "Σ", " ", "\n", "'", "’", ".",
    "Will ", "WE ", "learned", "LEARNT", "Policy", "now", "Next Month", "Act 2014", "i'll", "Scotland) Act",
    "organisation's Approach", "Changed My", "taught ME", "Eye-Opener", most=12,
)  # fmt: skip


@settings(max_examples=600)
@given(FOLDING)
@example("becau\u017fe I \u0131'll ta\u212ae \u0130 WILL next MONTH; Act 2014")
def test_the_reflection_patterns_find_in_folded_text_what_they_found_case_blind(text: str) -> None:
    for pattern in (*reflection.POINTS.values(), reflection.REFLECTIVE_LANGUAGE):
        case_blind = re.compile(pattern.pattern, re.IGNORECASE)
        assert [m.span() for m in pattern.finditer(reflection.folded(text))] == [
            m.span() for m in case_blind.finditer(text)
        ]


def test_the_reflection_patterns_hold_no_capital_letter() -> None:
    # A capital in a pattern that reads folded text could never match.
    for pattern in (*reflection.POINTS.values(), reflection.REFLECTIVE_LANGUAGE):
        assert not re.search(r"[A-Z]", re.sub(r"\\.", "", pattern.pattern)), pattern.pattern[:40]


# --- and take time in proportion to the text --------------------------------------------------

HEADER = "---\nbadge: leadership-across-boundaries\n---\n\n"


def _repeat(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


#: What made a regular expression backtrack (issue 17 names the first three), and the shapes of
#: text a statement can take at its extremes: one long word, one long line, many short lines.
PATTERNS: dict[str, Callable[[int], str]] = {
    "took part in, then spaces": lambda n: "I took part in" + _repeat(" ", n),
    "open brackets": lambda n: _repeat("[", n),
    "open comments": lambda n: _repeat("<!--", n),
    "open badgekit comments": lambda n: _repeat("<!-- badgekit:", n),
    "spaces": lambda n: _repeat(" ", n),
    "one long word": lambda n: _repeat("a", n),
    "one long line": lambda n: _repeat("word ", n),
    "short lines": lambda n: _repeat("a\n", n),
    "images never closed": lambda n: _repeat("![", n),
    "addresses never closed": lambda n: _repeat("<http:", n),
    "quote markers on lines": lambda n: _repeat(">\n", n),
    "link definitions never closed": lambda n: _repeat("[\n", n),
    "a heading with spaces inside": lambda n: "# a" + _repeat(" ", n) + "b",
    "a bold line with spaces after": lambda n: "**a**" + _repeat(" ", n) + "x",
    "full stops": lambda n: _repeat(".", n),
    "opening quotes": lambda n: _repeat("“", n),
    "opening quotes, closed at the end": lambda n: _repeat("“", n) + "”",
    "short paragraphs": lambda n: _repeat("a\n\n", n),
    "headings": lambda n: _repeat("## a\n\n", n),
    "setext headings": lambda n: _repeat("a\n-\n\n", n),
}


def _read(text: str) -> None:
    """Everything that reads the text with regular expressions, short of the judging itself."""
    statement = parse_statement(
        text, declaration="In studying and completing the activities for this badge", criteria=QUOTED_CRITERIA
    )
    count_words(text)
    textstats.sentence_spans(statement)
    find_points(statement)
    terms.terms(statement.prose)
    for start, end in statement.paragraphs():
        evidence_sentences(statement.prose, start, end)


def _cost(text: str) -> float:
    best = float("inf")
    for _ in range(3):
        started = time.process_time()
        _read(text)
        best = min(best, time.process_time() - started)
    return best


@pytest.mark.parametrize("name", list(PATTERNS))
def test_ten_times_the_text_costs_about_ten_times_the_time(name: str) -> None:
    make = PATTERNS[name]
    _read(HEADER + make(1_000))  # warm: compiled patterns, caches
    small, large = _cost(HEADER + make(10_000)), _cost(HEADER + make(100_000))
    assert large < 30 * max(small, 1e-4), f"{name}: 10 KB took {small * 1000:.1f} ms, 100 KB {large * 1000:.1f} ms"


# A front matter line is read on its own path, before the body.
def test_a_long_front_matter_value_is_read_in_proportion() -> None:
    def front(n: int) -> str:
        return "---\nbadge: x\ntitle: a" + _repeat(" ", n) + "b\n---\n\ntext\n"

    read_front_matter(front(1_000), "x")
    small = min(_timed(lambda: read_front_matter(front(10_000), "x")) for _ in range(3))
    large = min(_timed(lambda: read_front_matter(front(100_000), "x")) for _ in range(3))
    assert large < 30 * max(small, 1e-4)


def _timed(action: Callable[[], object]) -> float:
    started = time.process_time()
    action()
    return time.process_time() - started
