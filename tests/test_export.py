"""The export formats, called directly: what each makes of a statement, and that learner text stays inert."""

from __future__ import annotations

import itertools
import json
import re
import uuid
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from samples import sample_statement

from badgekit.badges.catalogue import Catalogue, load_catalogue
from badgekit.badges.model import Badge, WordRule
from badgekit.errors import BadgekitError
from badgekit.export.document import ExportDocument, build_document, output_path
from badgekit.export.formats import to_evidence, to_html, to_markdown, to_text
from badgekit.export.markdown import normalised_markdown, plain_text
from badgekit.statement.parse import parse_statement
from badgekit.statement.wordcount import count_words
from badgekit.views.badges import LIMITS_LINE

#: Anything that would be Markdown rather than text in a web form's box.
MARKDOWN_MARKERS = re.compile(
    r"^\s{0,3}(?:#|>|[-*+]\s)|\*\*|__|(?<!\w)[*_](?=\w)|`|\]\(|<!--|\\[\\`*_\[\]<>#]", re.MULTILINE
)

HOSTILE = """---
badge: writing-evidence
date: 2026-11-22
---

# Writing evidence for Open Badge applications

## 1. tell us about at least three things you learned from the video and why these are important to you

I learned a lot. <script>window.badgekitInjected = 1</script>
<img src="x" onerror="window.badgekitInjected = 2"> and a [trap](javascript:window.badgekitInjected=3).
Jinja should see nothing here: {{ 7*7 }} {% raw %} {# a comment #}

## 2. discuss the hints and tips with your manager/supervisor/tutor

My manager <b onmouseover="x()">agreed</b>. ![chart](https://example.org/tracker.png)

## 3. tell us about at least one thing you will do

I will tell my team. <!-- a private note to myself -->
"""


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue()


def document_for(text: str, badge: Badge, level: str | None = None) -> ExportDocument:
    return build_document(parse_statement(text, "statement.md", declaration=badge.declaration), badge, level)


def body_of(statement_text: str) -> str:
    """A statement without its front matter."""
    return statement_text.split("\n---\n", 1)[1] if statement_text.startswith("---\n") else statement_text


# --- every bundled badge's sample ----------------------------------------------------------


def badge_ids() -> list[str]:
    return sorted(badge.id for badge in load_catalogue())


@pytest.mark.parametrize("badge_id", badge_ids())
def test_text_of_every_sample_has_no_markdown_and_the_same_words(catalogue: Catalogue, badge_id: str) -> None:
    badge = catalogue.get(badge_id)
    markdown = sample_statement(badge)
    statement = parse_statement(markdown, "sample.md", declaration=badge.declaration)
    document = build_document(statement, badge, badge.levels[0].id if badge.levels else None)
    text = to_text(document)

    assert not MARKDOWN_MARKERS.findall(text), MARKDOWN_MARKERS.findall(text)
    # Answers, headings (without their numbers) and the declaration, as the check counts each.
    declaration = next(s.body for s in document.sections if s.is_declaration) if badge.declaration else ""
    assert count_words(text) == statement.words + statement.heading_words + count_words(declaration)
    for section in document.sections:  # and the answers alone count as the check counts them
        if not section.is_declaration:
            assert count_words(plain_text(section.body)) == section.words
    assert sum(s.words for s in document.sections) == statement.words > 0


@pytest.mark.parametrize("badge_id", badge_ids())
def test_markdown_of_every_sample_keeps_its_words_and_reads_back_the_same(catalogue: Catalogue, badge_id: str) -> None:
    badge = catalogue.get(badge_id)
    markdown = sample_statement(badge)
    level = badge.levels[0].id if badge.levels else None
    document = document_for(markdown, badge, level)
    normal = to_markdown(document)

    assert count_words(normal) == count_words(body_of(markdown))
    again = document_for(normal, badge, level)
    assert to_markdown(again) == normal  # normalising twice changes nothing
    assert [s.heading for s in again.sections] == [s.heading for s in document.sections]
    assert again.words == document.words


def test_text_paragraphs_are_one_line_each_and_headings_plain_lines(catalogue: Catalogue) -> None:
    badge = catalogue.get("writing-evidence")
    text = to_text(document_for(sample_statement(badge), badge))
    blocks = text.strip().split("\n\n")
    assert blocks[0] == "Writing evidence for Open Badge applications"
    assert blocks[1].startswith("1. tell us about at least three things")
    assert "I learned that listening first changed how I work with partners, and I felt more confident." in blocks
    assert "• I met colleagues from two other agencies.\n• I asked what outcomes mattered to them." in blocks
    assert "1. I listened.\n2. I agreed a plan with the team." in blocks
    assert "I read the SSSC Codes of Practice (https://www.sssc.uk.com/codes) again and reflected on them." in blocks
    assert "Declaration" not in blocks  # writing-evidence has no declaration of its own


def test_plain_text_keeps_the_lines_the_learner_ended_and_joins_a_wrap() -> None:
    # A line that ends a sentence was ended by the learner (typed in the interview, one point a line);
    # a break in the middle of a sentence is a wrap made by an editor or an email, joined as before.
    assert plain_text("One point.\nThe next point.\n\nnext") == "One point.\nThe next point.\n\nnext"
    assert plain_text("a sentence wrapped\nby an editor.") == "a sentence wrapped by an editor."
    assert plain_text("kept  \nbreak") == "kept\nbreak"
    assert plain_text("> Quoted.\n> Words.") == "Quoted.\nWords."
    assert plain_text("- a\n  - b\n- c") == "• a\n  • b\n• c"
    assert plain_text("[mail me](mailto:someone@example.org)") == "mail me"


def test_normalised_markdown_escapes_what_would_become_markup() -> None:
    assert normalised_markdown("a <b>tag</b> and 2 * 3") == r"a \<b>tag\</b> and 2 \* 3"
    assert normalised_markdown(r"\# not a heading") == r"\# not a heading"
    assert normalised_markdown(r"2020\. was a year") == r"2020\. was a year"
    assert normalised_markdown("* one\n* two") == "- one\n- two"
    assert normalised_markdown("Setext\n------") == "## Setext"


@pytest.mark.parametrize(
    "markdown",
    [
        "- - a",
        "- > quoted\n  > more",
        "> a\n>\n> b",
        "1. one\n\n   two\n2. three",
        "> - a\n> - b",
        "- a\n\n  ```\n  x\n  ```",
    ],
)
def test_nested_lists_and_quotes_keep_their_shape(markdown: str) -> None:
    from badgekit.export.markdown import markdown_parser

    normal = normalised_markdown(markdown)

    def render(text: str) -> str:  # the same page, give or take where lines break
        return " ".join(markdown_parser().render(text).split())

    assert render(normal) == render(markdown)
    assert normalised_markdown(normal) == normal


# --- the web page ------------------------------------------------------------------------


class Outline(HTMLParser):
    """The tags, headings and attributes of a page, to test its structure."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.headings: list[tuple[int, str]] = []
        self._heading: int | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if re.fullmatch(r"h[1-6]", tag):
            self._heading, self._text = int(tag[1]), []

    def handle_endtag(self, tag: str) -> None:
        if self._heading is not None and tag == f"h{self._heading}":
            self.headings.append((self._heading, " ".join("".join(self._text).split())))
            self._heading = None

    def handle_data(self, data: str) -> None:
        if self._heading is not None:
            self._text.append(data)


def outline(html: str) -> Outline:
    parsed = Outline()
    parsed.feed(html)
    return parsed


def test_the_page_is_self_contained_and_structured(catalogue: Catalogue) -> None:
    badge = catalogue.get("leadership-across-boundaries")
    html = to_html(document_for(sample_statement(badge), badge))
    page = outline(html)

    assert html.startswith("<!DOCTYPE html>")
    assert ("html", {"lang": "en-GB"}) in page.tags
    assert not [t for t, _ in page.tags if t in ("script", "img", "link", "iframe", "object", "embed")]
    assert not [a for _, a in page.tags if any(k.startswith("on") or (v and "javascript:" in v) for k, v in a.items())]
    csp = next(a["content"] for t, a in page.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    assert csp is not None and "default-src 'none'" in csp
    assert "@media print" in html and "size: A4" in html and 'name="viewport"' in html

    levels = [level for level, _ in page.headings]
    assert levels.count(1) == 1 and levels[0] == 1
    assert all(b - a <= 1 for a, b in itertools.pairwise(levels))  # no heading level skipped
    titles = [text for _, text in page.headings]
    assert titles[0] == "Leading and managing across boundaries"
    assert "What the badge asks for" in titles
    assert titles[-1] == "Declaration"
    criteria = [c.text for c in badge.criteria]
    assert [t for t in titles if t[:1].isdigit()] == [f"{n}. {c}" for n, c in enumerate(criteria, 1)]
    for criterion in criteria:  # the criteria are listed as well as used as headings
        assert f"<li>{criterion}</li>" in html.replace("&#39;", "'")
    assert "Scottish Social Services Council" in html
    assert LIMITS_LINE in html
    assert re.search(r"[\d,]+ words <span class=\"verdict\">\(500–1000 words suggested", html)
    assert badge.declaration is not None and badge.declaration in html


def test_learner_text_is_shown_as_typed_and_never_runs(catalogue: Catalogue) -> None:
    badge = catalogue.get("writing-evidence")
    html = to_html(document_for(HOSTILE, badge))
    page = outline(html)

    assert "<script" not in html and "onerror=" not in html.replace("onerror=&quot;", "")
    assert "&lt;script&gt;window.badgekitInjected = 1&lt;/script&gt;" in html
    assert "onerror=&quot;window.badgekitInjected = 2&quot;" in html
    assert "[trap](javascript:window.badgekitInjected=3)" in html
    assert not [a for _, a in page.tags if any("javascript" in (v or "") for v in a.values())]
    assert "{{ 7*7 }} {% raw %} {# a comment #}" in html and "49" not in html
    assert "&lt;b onmouseover=&quot;x()&quot;&gt;agreed&lt;/b&gt;" in html
    assert ("a", {"href": "https://example.org/tracker.png"}) in page.tags  # an image is a link, never fetched
    assert "private note" not in html


def test_hostile_text_stays_inert_in_the_other_formats(catalogue: Catalogue) -> None:
    badge = catalogue.get("writing-evidence")
    document = document_for(HOSTILE, badge)
    text, markdown = to_text(document), to_markdown(document)
    assert "<script>window.badgekitInjected = 1</script>" in text
    assert r"\<script>window.badgekitInjected = 1\</script>" in markdown
    assert "{{ 7*7 }}" in text and r"{{ 7\*7 }}" in markdown
    assert "private note" not in text + markdown
    # the escaped Markdown renders back to the same characters, not to tags
    from badgekit.export.markdown import markdown_parser

    assert "&lt;script&gt;" in markdown_parser().render(markdown)


def test_a_template_of_the_users_own_is_used_first(tmp_path: Path, catalogue: Catalogue) -> None:
    own = tmp_path / "templates"
    own.mkdir()
    (own / "statement.html.j2").write_text("<p>{{ title }} – {{ sections[0].html }}</p>\n", encoding="utf-8")
    badge = catalogue.get("writing-evidence")
    html = to_html(document_for(HOSTILE, badge), own)
    assert html.startswith("<p>Writing evidence for Open Badge applications – <p>I learned a lot. &lt;script&gt;")


def test_a_template_using_something_undefined_is_reported_with_its_line(tmp_path: Path, catalogue: Catalogue) -> None:
    (tmp_path / "statement.html.j2").write_text("<p>\n{{ learner_name }}</p>\n", encoding="utf-8")
    badge = catalogue.get("writing-evidence")
    with pytest.raises(BadgekitError) as caught:
        to_html(document_for(HOSTILE, badge), tmp_path)
    assert any("statement.html.j2:2" in line and "learner_name" in line for line in caught.value.error_lines())


def test_the_css_of_the_users_own_is_used_first(tmp_path: Path, catalogue: Catalogue) -> None:
    (tmp_path / "statement.css").write_text("body { color: #123456; }\n", encoding="utf-8")
    badge = catalogue.get("writing-evidence")
    html = to_html(document_for(HOSTILE, badge), tmp_path)
    assert "#123456" in html and "@media print" not in html


# --- Open Badges evidence ------------------------------------------------------------------


def test_evidence_is_valid_under_open_badges_2_and_3(catalogue: Catalogue) -> None:
    badge = catalogue.get("leadership-across-boundaries")
    document = document_for(sample_statement(badge), badge)
    evidence = json.loads(json.dumps(to_evidence(document)))

    # Open Badges 3.0: type is a set holding "Evidence"; id a URI; the rest strings.
    assert isinstance(evidence["type"], list) and "Evidence" in evidence["type"]
    assert re.fullmatch(r"urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}", evidence["id"])
    for name in ("name", "description", "narrative", "genre", "audience"):
        assert isinstance(evidence[name], str) and evidence[name]
    # Open Badges 2.0 knows the same properties, and no others are used.
    assert set(evidence) <= {"type", "id", "narrative", "name", "description", "genre", "audience"}
    assert evidence["narrative"] == to_markdown(document)
    assert evidence["genre"] == "Prose"
    assert evidence["name"] == "Leading and managing across boundaries: evidence statement"
    assert "Scottish Social Services Council" in evidence["audience"]


def test_each_evidence_has_its_own_id(catalogue: Catalogue) -> None:
    badge = catalogue.get("writing-evidence")
    document = document_for(sample_statement(badge), badge)
    fixed = uuid.UUID("12345678-1234-4234-8234-123456789abc")
    assert to_evidence(document, evidence_id=fixed)["id"] == f"urn:uuid:{fixed}"
    assert to_evidence(document)["id"] != to_evidence(document)["id"]


# --- smaller parts ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("words", "rule", "verdict", "within"),
    [
        (100, WordRule(minimum=150), "50 short of the minimum of 150", False),
        (950, WordRule(maximum=900), "50 over the maximum of 900", False),
        (400, WordRule(suggested_min=500, suggested_max=1000), "100 below the suggested 500", False),
        (1200, WordRule(suggested_min=500, suggested_max=1000), "200 over the suggested 1,000", False),
        (742, WordRule(suggested_min=500, suggested_max=1000), "within the word guidance", True),
        (10, WordRule(), "no word limit", True),
    ],
)
def test_word_verdict(words: int, rule: WordRule, verdict: str, within: bool) -> None:
    found = rule.judge(words)
    assert (found.verdict, found.within) == (verdict, within)


def test_the_export_and_the_interview_mean_the_same_by_within_the_guidance() -> None:
    """Below the suggested range the interview says 'more to reach the suggested': the page must not say 'within'."""
    from badgekit.drafting.interview import word_progress

    rule = WordRule(minimum=100, suggested_min=500, suggested_max=1000)
    for count in (50, 300, 742, 1200):
        assert word_progress(rule, count).within == rule.judge(count).within


def test_a_statement_without_a_declaration_gets_the_badges(catalogue: Catalogue) -> None:
    badge = catalogue.get("leadership-across-boundaries")
    document = document_for("# Title\n\n## 1. Something\n\nMy answer here.\n", badge)
    assert document.sections[-1].is_declaration and document.sections[-1].body == badge.declaration
    assert document.written is None and document.title == "Title"
    assert badge.declaration in to_html(document)  # the page shows what the learner agrees to
    assert "Declaration" not in to_text(document) + to_markdown(document)  # nothing added to their words


def test_text_before_the_first_heading_is_kept(catalogue: Catalogue) -> None:
    badge = catalogue.get("writing-evidence")
    document = document_for("Written elsewhere, with no headings at all.\n\nA second paragraph.\n", badge)
    assert document.title == badge.title
    assert to_text(document) == (
        "Writing evidence for Open Badge applications\n\n"
        "Written elsewhere, with no headings at all.\n\nA second paragraph.\n"
    )


def test_output_names_follow_the_statement_and_never_replace_it() -> None:
    source = Path("drafts/thing-19-statement.md")
    assert output_path(source, "html") == Path("drafts/thing-19-statement.html")
    assert output_path(source, "text") == Path("drafts/thing-19-statement.txt")
    assert output_path(source, "md") == Path("drafts/thing-19-statement.blog.md")
    assert output_path(source, "json") == Path("drafts/thing-19-statement.evidence.json")
    assert output_path(Path("notes.txt"), "text") == Path("notes.export.txt")


@pytest.mark.parametrize(
    ("badge_id", "heading", "eyebrow"),
    [
        ("leadership-across-boundaries", "What the badge asks for", "Evidence for an Open Badge"),
        ("thing-19", "The questions the badge asks", "Evidence for an Open Badge"),
        ("multi-agency-expectations", "The expectations for Strategic Leaders", "Reflection on a framework"),
    ],
)
def test_the_page_names_the_criteria_as_the_badge_does(
    catalogue: Catalogue, badge_id: str, heading: str, eyebrow: str
) -> None:
    badge = catalogue.get(badge_id)
    level = badge.levels[0].id if badge.levels else None
    html = to_html(document_for(sample_statement(badge), badge, level))
    assert (2, heading) in outline(html).headings
    assert eyebrow in html


MARKDOWN_PIECES = st.sampled_from(
    [
        *"ab c\n*_`[]()<>#-+1.!\\&;:/=\"'{}%",
        *("http://x.y", "javascript:", "<script>", "onerror=", "<img src=x ", "\n\n", "    ", "> ", "- "),
        *("1. ", "](", "<!--", "-->", "{{", "}}", "{%", "<a href=", "&#60;", "&lt;"),
    ]
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(MARKDOWN_PIECES, max_size=60).map("".join))
def test_no_statement_can_put_markup_on_the_page(catalogue: Catalogue, answer: str) -> None:
    badge = catalogue.get("writing-evidence")
    document = document_for(f"# Title\n\n## 1. A criterion\n\n{answer}\n", badge)
    page = outline(to_html(document))
    tags = [tag for tag, _ in page.tags]
    assert tags.count("script") == 0 and "img" not in tags and "iframe" not in tags
    for _, attributes in page.tags:
        assert not [name for name in attributes if name.startswith("on")]
        assert not (attributes.get("href") or "").lower().lstrip().startswith(("javascript:", "vbscript:", "data:"))
    to_text(document), to_markdown(document)  # and every other format copes with it
