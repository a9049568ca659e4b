"""Property tests: no text makes any rule crash, and every finding lies inside the file."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from badgekit.badges.catalogue import load_catalogue
from badgekit.checks import all_rules
from badgekit.checks.report import Options, check_text
from badgekit.errors import BadgekitError
from badgekit.statement.parse import parse_statement

CATALOGUE = load_catalogue(use_cache=False)
RULES = tuple(all_rules())
BADGES = [badge.id for badge in CATALOGUE]

# Markdown-ish pieces, so that generated text has headings, lists, comments and front matter often.
PIECES = st.sampled_from(
    [
        "---\n", "badge: thing-19\n", "# ", "## ", "1. ", "**", "\n", "\n\n", "- ", "> ", "```\n",
        "<!-- badgekit: ignore BK2 -->", "<!-- badgekit: ignore -->", "Declaration", "I learned ", "I will ",
        "policy ", "trust ", "Mrs Smith ", ". ", "–",
        "[link](http://x.y)", "\r\n", "é", "\t", "   ", "=====\n", "-----\n", "07700 900123 ", "EH6 7QR ",
    ]
)  # fmt: skip
TEXT = st.lists(st.one_of(PIECES, st.text(max_size=12)), max_size=40).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXT, badge=st.sampled_from(BADGES))
def test_no_text_makes_a_rule_crash_and_every_finding_is_inside_the_file(text: str, badge: str) -> None:
    try:
        report = check_text(text, "s.md", CATALOGUE, Options(badge=badge, rules=RULES))
    except BadgekitError:
        return  # an empty file or broken front matter: reported to the person, not a crash
    lines = text.split("\n")
    for finding in report.findings:
        assert 1 <= finding.line <= finding.end_line <= len(lines)
        assert 1 <= finding.column <= len(lines[finding.line - 1]) + 1
        assert 1 <= finding.end_column <= len(lines[finding.end_line - 1]) + 1
        if finding.line == finding.end_line:
            assert finding.column <= finding.end_column
        assert 0 <= finding.start <= finding.end <= len(text)
        assert finding.message.strip()


@settings(max_examples=200, deadline=None)
@given(text=TEXT)
def test_parsing_keeps_offsets_and_never_counts_negative_words(text: str) -> None:
    try:
        statement = parse_statement(text, "s.md", declaration="I confirm that all the work is my own.")
    except BadgekitError:
        return
    assert len(statement.learner) == len(statement.prose) == len(text)
    assert statement.words >= 0 and statement.heading_words >= 0
    for section in statement.sections:
        assert 0 <= section.start <= section.body_start <= section.end <= len(text)
