"""A statement file read into plain data: front matter, sections, words and positions.

The file is what ``badgekit draft`` writes (see the statement format in the README):
YAML front matter between ``---`` lines, a level-1 title, one level-2 heading per
criterion ("## 1. the criterion text") and a ``## Declaration`` section. Statements
written elsewhere are read too: no front matter, setext or bold-line headings, or no
headings at all.

The front matter is read by statement/front_matter.py. Everything keeps its offset into
the file as given, so a finding can be reported by line and column (1-based, in
characters, front matter included). Two masked copies of the text, the same length as
the file, hold only what the learner wrote:
``learner`` (front matter, the badge's own declaration text and badgekit's comments
blanked out) and ``prose`` (headings and the whole declaration section blanked too).
Rules search these copies, so an offset found in either is an offset in the file.

Words are counted by badgekit.statement.wordcount, over the learner's answers only: front
matter, headings (counted separately), the declaration and markup are not words.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Hashable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from itertools import accumulate
from typing import Any, TypeVar

from badgekit import prebuilt
from badgekit.statement.front_matter import read_front_matter
from badgekit.statement.wordcount import count_words

T = TypeVar("T")

_FENCE = prebuilt.compile(r"^ {0,3}(`{3,}|~{3,})")
_ATX_OPENING = prebuilt.compile(r" {0,3}(#{1,6})(?:[ \t]+|$)")
_SETEXT = prebuilt.compile(r"^ {0,3}(=+|-+)[ \t]*$")
# "[ \t]*(?::[ \t]*)?" rather than "[ \t]*:?[ \t]*", whose two runs share out the spaces after a
# closing "**" in every possible way before failing: quadratic in the spaces.
_BOLD_LINE = prebuilt.compile(r"^ {0,3}(\*\*|__)(?=\S)(.+?)(?<=\S)\1[ \t]*(?::[ \t]*)?$")
_NUMBERED = prebuilt.compile(
    r"^(?:(?:criterion|criteria|question|point|part)\s*)?(\d{1,2})(?:\s*[.):\-–—]\s*|\s+|$)(.*)$",
    re.IGNORECASE | re.DOTALL,
)
_MARKUP_CHARS = prebuilt.compile(r"[*_`#]+")
_SUPPRESSION_OPENING = prebuilt.compile(r"<!--\s*badgekit:", re.IGNORECASE)
_PARAGRAPH_BREAK = prebuilt.compile(r"\n[ \t]*\n")


@dataclass(frozen=True)
class Section:
    """A heading and the text under it, up to the next heading of any level.

    The text before the first heading is a section too, with ``level`` 0 and no heading.
    """

    level: int  # 1–6 for a heading; 0 for the text before the first heading
    heading: str | None  # the heading's text without its markers; None for the preamble
    number: int | None  # "1. ...", "Criterion 1", "Question 2"
    title: str  # the heading's text without its number
    start: int  # offset of the heading's first character (or of the preamble)
    body_start: int  # offset just after the heading line(s)
    end: int  # offset where the next section starts
    words: int  # the learner's words under the heading
    heading_words: int
    is_declaration: bool = False


@dataclass(frozen=True)
class Statement:
    """A statement file, parsed. Offsets index ``text``, the file as given."""

    text: str
    path: str
    front_matter: Mapping[str, Any]
    front_matter_lines: Mapping[str, int]  # field -> its line in the file
    body_start: int  # offset of the first character after the front matter
    sections: tuple[Section, ...]
    learner: str  # the text with front matter, declaration text and badgekit comments blanked
    prose: str  # ``learner`` with headings and the declaration section blanked too
    declaration_found: bool  # the badge's declaration text (or a Declaration heading) is present
    _line_starts: tuple[int, ...] = field(repr=False, default=())
    #: What several rules work out from the text alone (paragraphs, sentences), worked out once.
    _remembered: dict[Hashable, Any] = field(repr=False, compare=False, default_factory=dict)

    def remembered(self, key: Hashable, work_out: Callable[[], T]) -> T:
        """``work_out()``, the first time it is asked for under ``key``; the same answer after that."""
        if key not in self._remembered:
            self._remembered[key] = work_out()
        found: T = self._remembered[key]
        return found

    # --- what the front matter says --------------------------------------------------

    @property
    def badge_id(self) -> str | None:
        value = self.front_matter.get("badge")
        return str(value).strip() if value is not None and str(value).strip() else None

    @property
    def level(self) -> str | None:
        value = self.front_matter.get("level")
        return str(value).strip() if value is not None and str(value).strip() else None

    @property
    def declared_words(self) -> int | None:
        value = self.front_matter.get("words")
        return value if isinstance(value, int) else None

    @property
    def written(self) -> date | None:
        """The ``date:`` the statement was written, when the front matter gives one."""
        value = self.front_matter.get("date")
        if isinstance(value, str):  # typed by hand in a British form: 15/01/2027, 15 January 2027
            from badgekit.text import parse_date

            try:
                return parse_date(value, date.today(), ahead=False)
            except ValueError:
                return None
        return value if isinstance(value, date) else None

    # --- words -------------------------------------------------------------------------

    @property
    def words(self) -> int:
        """The learner's word count: every section's words, headings and declaration left out."""
        return sum(section.words for section in self.sections)

    @property
    def heading_words(self) -> int:
        return sum(section.heading_words for section in self.sections)

    @property
    def title(self) -> str | None:
        return next((s.title for s in self.sections if s.level == 1), None)

    @property
    def headed_sections(self) -> tuple[Section, ...]:
        """Sections under a heading below the title (level 2 and deeper), declaration left out."""
        return tuple(s for s in self.sections if s.level >= 2 and not s.is_declaration)

    @property
    def declaration_section(self) -> Section | None:
        return next((s for s in self.sections if s.is_declaration), None)

    # --- positions ---------------------------------------------------------------------

    def position(self, offset: int) -> tuple[int, int]:
        """The 1-based line and column of an offset (an offset at the very end is allowed)."""
        offset = max(0, min(offset, len(self.text)))
        index = bisect.bisect_right(self._line_starts, offset) - 1
        return index + 1, offset - self._line_starts[index] + 1

    def offset_of_line(self, line: int) -> int:
        """The offset of the first character of a 1-based line."""
        return self._line_starts[max(1, min(line, len(self._line_starts))) - 1]

    def line_span(self, offset: int) -> tuple[int, int]:
        """The start and end offsets of the line holding ``offset`` (end excludes the newline)."""
        line, _ = self.position(offset)
        start = self._line_starts[line - 1]
        end = self.text.find("\n", start)
        return start, len(self.text) if end < 0 else end

    def first_content_offset(self) -> int:
        """Where the learner's statement starts: its first non-blank character after the front matter."""
        match = re.compile(r"\S").search(self.text, self.body_start)
        return match.start() if match else self.body_start

    def paragraphs(self, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
        """Runs of prose separated by blank lines, as (start, end) offsets holding at least one word."""
        end = len(self.prose) if end is None else end
        return list(self.remembered(("paragraphs", start, end), lambda: self._paragraphs(start, end)))

    def _paragraphs(self, start: int, end: int) -> list[tuple[int, int]]:
        found: list[tuple[int, int]] = []
        position = start
        for match in _PARAGRAPH_BREAK.finditer(self.prose, start, end):
            found.append((position, match.start()))
            position = match.end()
        found.append((position, end))
        result = []
        for a, b in found:
            chunk = self.prose[a:b]
            if count_words(chunk):
                lead = len(chunk) - len(chunk.lstrip())
                result.append((a + lead, a + len(chunk.rstrip())))
        return result


def suppression_comments(text: str, start: int = 0) -> Iterator[tuple[int, int, str]]:
    """badgekit's own comments (``<!-- badgekit: ignore BK301 -->``), instructions rather than prose, from
    ``start``: (start, end, what follows "badgekit:"). Found as ``<!--\\s*badgekit:(.*?)-->`` would find
    them, but in time linear in the text: an opening that is never closed is read past once."""
    position = start
    while (found := _SUPPRESSION_OPENING.search(text, position)) is not None:
        closing = text.find("-->", found.end())
        if closing < 0:
            return  # no later comment can close either
        yield found.start(), closing + 3, text[found.end() : closing]
        position = closing + 3


def atx_heading(line: str) -> tuple[int, str] | None:
    """A ``#`` heading's level and text, or None: what ``^ {0,3}(#{1,6})(?:[ \\t]+(.*?))?(?:[ \\t]+#+)?[ \\t]*$``
    matches and captures, worked out without its lazy group (quadratic in a run of spaces inside the line)."""
    opening = _ATX_OPENING.match(line)
    if opening is None:
        return None
    text = line[opening.end() :].rstrip(" \t")
    if text.endswith("#"):
        before = text.rstrip("#")
        if before[-1:] in (" ", "\t"):
            text = before.rstrip(" \t")  # a closing run of #, after a space
    return len(opening.group(1)), text.strip()


@dataclass
class _Heading:
    level: int
    text: str
    start: int
    end: int  # offset after the heading's last line (before its newline)


#: What a fence, a hash heading, a setext underline or a bold line starts with (after up to three spaces):
#: a line starting with anything else is none of them, and is not matched against their patterns.
_LINE_MARKERS = frozenset("`~#=-*_")
#: A line that may be a fence, a heading or an underline: its first character after spaces is a marker.
_MARKED_LINE = prebuilt.compile(r"^ *[`~#=*_-]", re.MULTILINE)


def _find_headings(work: str, body_start: int) -> list[_Heading]:
    """The headings of the body, outside fenced code.

    Only a line starting with a marker (``_MARKED_LINE``) can open or close a fence or be a heading; the
    lines between two of them matter only as the line above the next one (a setext title) and the line
    above that (blank or not). So the marked lines are found with one search, and only they, and the two
    lines above each, are read here: a million lines of prose are passed over in C.
    """
    body = work[body_start:]
    headings: list[_Heading] = []
    fence: str | None = None
    previous: tuple[int, int, str] | None = None  # start, end, text of the previous line if it could be a setext title
    after_blank = True  # the line before is blank, or the front matter's end
    done = 0  # where the next line not yet read starts
    for marked in _MARKED_LINE.finditer(body):
        start = marked.start()
        if start > done:  # unmarked lines since the last marked one: the last of them is the line above
            above = max(body.rfind("\n", done, start - 1) + 1, done)
            line_above = body[above : start - 1]
            stripped_above = line_above.strip()
            if fence is None:
                if above > done:  # a line between too: the last but one, blank or not
                    blank_before = not body[max(body.rfind("\n", done, above - 1) + 1, done) : above - 1].strip()
                else:
                    blank_before = after_blank
                previous = (
                    (above + body_start, start - 1 + body_start, stripped_above)
                    if blank_before and _plain_line(line_above, stripped_above)
                    else None
                )
            else:
                previous = None
            after_blank = not stripped_above
        end = body.find("\n", start)
        end = len(body) if end < 0 else end
        done = end + 1
        line = body[start:end]
        stripped = line.strip()
        blank_before, after_blank = after_blank, not stripped
        fence, previous, heading = _marked_line(line, stripped, fence, previous, blank_before)
        if heading is not None:
            level, text, title_start = heading
            headings.append(
                _Heading(level, text, start + body_start if title_start < 0 else title_start, end + body_start)
            )
        elif previous is not None and previous[0] < 0:
            previous = (start + body_start, end + body_start, stripped)
    return headings


def _plain_line(line: str, stripped: str) -> bool:
    """A line that could be a setext title, were it the one-line paragraph above an underline."""
    return bool(stripped) and not line.startswith((" " * 4, "\t")) and stripped[0] not in "-*+>|"


_Previous = tuple[int, int, str]


def _marked_line(
    line: str, stripped: str, fence: str | None, previous: _Previous | None, blank_before: bool
) -> tuple[str | None, _Previous | None, tuple[int, str, int] | None]:
    """What a marked line does: the fence open after it, the setext title it leaves above the next line
    (start -1 standing for itself), and the heading it is or ends, if any: level, text, and where it starts
    (-1 for the line itself, else the setext title's start)."""
    fence_match = _FENCE.match(line)
    if fence is not None:
        if fence_match and fence_match.group(1)[0] == fence[0] and len(fence_match.group(1)) >= len(fence):
            fence = None
        return fence, None, None
    if fence_match:
        return fence_match.group(1), None, None
    atx = atx_heading(line)
    if atx:
        return None, None, (*atx, -1)
    setext = _SETEXT.match(line)
    if setext and previous is not None:
        return None, None, (1 if setext.group(1)[0] == "=" else 2, previous[2], previous[0])
    bold = _BOLD_LINE.match(line)
    if bold and not _BOLD_LINE.match(bold.group(2)):
        return None, None, (2, bold.group(2).strip(), -1)
    # A setext title is a one-line paragraph: the line before it must be blank.
    return None, ((-1, -1, stripped) if _plain_line(line, stripped) and blank_before else None), None


def _content_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]+", text.lower()) if len(w) > 2}


#: Three letters in a row, markup between them aside: a line without them has no word _content_words keeps.
#: (K and İ are the capitals other than A-Z whose lower case holds one of a-z.)
_THREE_LETTERS = prebuilt.compile("[A-Za-z\u212a\u0130](?:[*_`#]*[A-Za-z\u212a\u0130]){2}")


def _lines_with_a_word(work: str, body_start: int) -> Iterator[tuple[int, int]]:
    """The (start, end) of each line of the body that could quote a criterion: one with three letters in a
    row. Found with one search, so that a million short lines are not each read in Python."""
    line_end = -1
    for match in _THREE_LETTERS.finditer(work, body_start):
        if match.start() < line_end:
            continue  # on the line just given
        start = max(work.rfind("\n", body_start, match.start()) + 1, body_start)
        line_end = work.find("\n", match.start())
        line_end = len(work) if line_end < 0 else line_end
        yield start, line_end


#: A line quotes a criterion when it holds this share of the criterion's words, with few of its own.
QUOTED_SHARE = 0.8
EXTRA_WORDS = 6


def criterion_lines(work: str, body_start: int, criteria: Sequence[str]) -> list[_Heading]:
    """Lines of plain text that quote one of the badge's criteria, as the SSSC form and ``export --text`` put
    them above each answer, or as a learner pastes them all before the answers: headings, not the learner's
    words, so that they are neither counted nor read as reflection, and a sentence never runs on into them."""
    wanted = [words for words in (_content_words(c) for c in criteria) if words]
    if not wanted:
        return []
    found: list[_Heading] = []
    for start, end in _lines_with_a_word(work, body_start):
        line = work[start:end]
        plain = _MARKUP_CHARS.sub("", line).strip()
        if not plain or len(plain) > 600:
            continue
        own = _content_words(_split_number(plain)[1])
        for words in wanted:
            shared = len(words & own)
            if shared >= QUOTED_SHARE * len(words) and len(own) - shared <= EXTRA_WORDS:
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
    return found


def _split_number(heading: str) -> tuple[int | None, str]:
    plain = _MARKUP_CHARS.sub("", heading).strip()
    match = _NUMBERED.match(plain)
    if match:
        return int(match.group(1)), match.group(2).strip()
    return None, plain


def _is_declaration_heading(title: str) -> bool:
    return re.sub(r"[^a-z ]", "", title.lower()).strip() in {"declaration", "my declaration", "the declaration"}


def _blank(chars: list[str], start: int, end: int) -> None:
    for index in range(start, end):
        if chars[index] != "\n":
            chars[index] = " "


#: Between two words of a declaration: spaces, one line break or more, and quote markers (">"), as
#: ``[ \t>]*\s+[ \t>]*`` allows, in the one way it allows them. Written like that, the three runs share
#: out a long run of spaces in every possible way before failing: cubic in the spaces.
_DECLARATION_GAP = r"(?=>*\s)>*(?:[ \t][ \t>]*)?(?:[^\S \t]\s*(?:>[ \t>]*)?)?"


def declaration_pattern(declaration: str) -> re.Pattern[str]:
    """A pattern for a badge's declaration text, however it was wrapped or quoted (compiled in advance for the
    bundled badges: prebuilt.pattern)."""
    return prebuilt.pattern(declaration_source(declaration), DECLARATION_FLAGS)


#: How a declaration's pattern is compiled.
DECLARATION_FLAGS = re.IGNORECASE


def declaration_source(declaration: str) -> str:
    """The source of declaration_pattern."""
    parts = []
    for index, token in enumerate(declaration.split()):
        word = token if index == 0 else token.lstrip(">")  # a gap takes in the quote markers before a word
        if word:  # either apostrophe for either (replacing one and then the other nested the sets)
            parts.append("".join("['’]" if char in "'’" else re.escape(char) for char in word))
    return _DECLARATION_GAP.join(parts)


def _sections(bounds: list[tuple[_Heading | None, int, int]], prose_text: str) -> list[Section]:
    """Each heading and the text under it, with the learner's words counted in ``prose_text``."""
    sections: list[Section] = []
    for heading, start, end in bounds:
        body = heading.end if heading is not None else start
        if heading is None:
            sections.append(Section(0, None, None, "", start, body, end, count_words(prose_text[body:end]), 0))
            continue
        number, title = _split_number(heading.text)
        is_declaration = heading.level >= 2 and _is_declaration_heading(title)
        sections.append(
            Section(
                level=heading.level,
                heading=heading.text,
                number=number,
                title=title,
                start=start,
                body_start=body,
                end=end,
                words=0 if is_declaration else count_words(prose_text[body:end]),
                heading_words=count_words(_MARKUP_CHARS.sub(" ", heading.text)),
                is_declaration=is_declaration,
            )
        )
    return sections


def parse_statement(
    text: str, path: str = "<statement>", *, declaration: str | None = None, criteria: Sequence[str] = ()
) -> Statement:
    """Read a statement. ``declaration`` is the badge's own declaration text, never counted as words;
    ``criteria``, the badge's criterion texts: in a statement with no Markdown headings, a line that
    quotes one is a heading (see criterion_lines)."""
    fields, field_lines, body_start = read_front_matter(text, path)
    work = text.replace("\r", " ")  # same length; lines end at "\n" whichever way the file was saved
    headings = _find_headings(work, body_start)
    if criteria and not any(found.level >= 2 for found in headings):
        headings = sorted([*headings, *criterion_lines(work, body_start, criteria)], key=lambda h: h.start)

    learner = list(work)
    _blank(learner, 0, body_start)
    for comment_start, comment_end, _ in suppression_comments(work, body_start):
        _blank(learner, comment_start, comment_end)
    declaration_found = False
    if declaration and declaration.split():
        for match in declaration_pattern(declaration).finditer(work, body_start):
            _blank(learner, match.start(), match.end())
            declaration_found = True

    prose = list(learner)
    for found in headings:
        _blank(prose, found.start, found.end)
    bounds: list[tuple[_Heading | None, int, int]] = []
    first = headings[0].start if headings else len(work)
    if work[body_start:first].strip():
        bounds.append((None, body_start, first))
    for index, found in enumerate(headings):
        end = headings[index + 1].start if index + 1 < len(headings) else len(work)
        bounds.append((found, found.start, end))
    for heading, _start, end in bounds:
        if heading is not None and heading.level >= 2 and _is_declaration_heading(_split_number(heading.text)[1]):
            # The whole section is the badge's text, not an answer, even where it was reworded.
            declaration_found = declaration_found or bool(work[heading.end : end].strip())
            _blank(prose, heading.end, end)

    prose_text = "".join(prose)
    sections = _sections(bounds, prose_text)
    # Where each line starts: after each line before it and its "\n" (added up in C: a million lines).
    line_starts = tuple(accumulate(map((1).__add__, map(len, text.split("\n")[:-1])), initial=0))
    return Statement(
        text=text,
        path=path,
        front_matter=fields,
        front_matter_lines=field_lines,
        body_start=body_start,
        sections=tuple(sections),
        learner="".join(learner),
        prose=prose_text,
        declaration_found=declaration_found,
        _line_starts=line_starts,
    )
