"""Every bundled badge against the saved text of its badge page, word for word (criteria-sources/).

The check itself is tools/badge_pages.py's, which a person adding a badge runs too; these tests run
it on every bundled badge, show that it can fail, and check the draft it writes from a page.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import pytest

from badgekit.badges import ai_rule
from badgekit.badges.catalogue import load_badge_file

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

import badge_pages  # noqa: E402 - tools/ is not a package

BADGE_FILES = sorted((ROOT / "criteria").glob("*.yaml"))


def test_every_bundled_badge_has_its_page_saved_and_every_saved_page_a_badge() -> None:
    badges = {path.stem for path in BADGE_FILES}
    pages = {path.stem for path in (ROOT / "criteria-sources").glob("*.txt")}
    assert badges - pages == set()
    assert pages - badges == {"sssc-using-ai"}
    assert len(badges) >= 40


@pytest.mark.parametrize("path", BADGE_FILES, ids=lambda p: p.stem)
def test_bundled_badge_matches_its_saved_page_word_for_word(path: Path) -> None:
    badge = load_badge_file(path).badge
    page = badge_pages.read_page(ROOT / "criteria-sources" / f"{path.stem}.txt")
    assert badge_pages.unmatched(badge, page) == []
    assert any(True for _ in badge_pages.quoted_parts(badge))


def test_the_check_finds_a_changed_word_a_changed_minimum_and_a_wrong_address() -> None:
    path = ROOT / "criteria" / "learning-challenge-activity-2020-1.yaml"
    badge = load_badge_file(path).badge
    page = badge_pages.read_page(ROOT / "criteria-sources" / f"{path.stem}.txt")
    first = badge.criteria[0]
    changed = replace(
        badge,
        criteria=(replace(first, text=first.text.replace("topic", "subject"), min_words=60), *badge.criteria[1:]),
        endorsement="Endorsement is optional.",
        description=badge.description + " A sentence of our own.",
        source=replace(badge.source, url="https://example.org/elsewhere"),
    )
    problems = "\n".join(badge_pages.unmatched(changed, page))
    assert "criterion 1 (topic-and-activity): not in the saved page: 'tell us about the subject" in problems
    assert "criterion 1: the page gives no rule of 60 words" in problems
    assert "endorsement: not in the saved page" in problems
    assert "description: not in the saved page: 'A sentence of our own.'" in problems
    assert "source.url: https://example.org/elsewhere" in problems


def test_an_unverified_criterion_is_not_held_to_the_page() -> None:
    badge = load_badge_file(ROOT / "criteria" / "leading-change.yaml").badge
    assert "criterion 9 (inform-senior-managers)" not in [where for where, _ in badge_pages.quoted_parts(badge)]


def test_sssc_ai_rule_quotes_its_page_word_for_word() -> None:
    page = badge_pages.read_page(ROOT / "criteria-sources" / "sssc-using-ai.txt")
    assert page.urls == [ai_rule.PAGE]
    for quote in ai_rule.QUOTED:
        assert badge_pages.normalise(quote) in badge_pages.normalise(page.text)


def test_draft_from_a_saved_page_is_a_valid_badge_file_marked_unverified(tmp_path: Path) -> None:
    page = badge_pages.read_page(ROOT / "criteria-sources" / "learning-challenge-activity-2020-1.txt")
    drafted = tmp_path / "drafted.yaml"
    drafted.write_text(badge_pages.draft_badge(page), encoding="utf-8")
    badge = load_badge_file(drafted).badge
    assert badge.source.verified is False and badge.source.read == "2026-11-29"
    assert badge.title == "Learning Challenge activity 2020"
    assert badge.criteria_intro == "To earn this badge, you will need to:"
    texts = [c.text for c in badge.criteria]
    assert "tell us about the topic and learning activity you have chosen" in texts
    assert [c.min_words for c in badge.criteria if c.min_words] == [50, 150, 125, 25]
    assert badge.accepting_applications is False
    assert badge.endorsement is not None and badge.endorsement.startswith("Once awarded, this badge is not valid")
    assert "# CHECK" in drafted.read_text(encoding="utf-8")


def test_draft_reads_the_word_rule_prerequisite_and_declaration_of_a_page(tmp_path: Path) -> None:
    page = badge_pages.read_page(ROOT / "criteria-sources" / "leadership-across-boundaries.txt")
    drafted = tmp_path / "drafted.yaml"
    drafted.write_text(badge_pages.draft_badge(page), encoding="utf-8")
    badge = load_badge_file(drafted).badge
    bundled = load_badge_file(ROOT / "criteria" / "leadership-across-boundaries.yaml").badge
    assert [c.text for c in badge.criteria] == [c.text for c in bundled.criteria]
    assert (badge.words.suggested_min, badge.words.suggested_max) == (500, 1000)
    assert badge.prerequisites[0].text == "You should already hold the Leadership Capability Feedback badge."
    assert badge.declaration == bundled.declaration
    assert badge.source.read is None  # the page's Read: line gives no date


def test_the_readme_quotes_sssc_ai_page_word_for_word_and_gives_the_declaration_export_adds() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### Using AI, and what badgekit does") : readme.index("### Your organisation")]
    page = badge_pages.normalise(badge_pages.read_page(ROOT / "criteria-sources" / "sssc-using-ai.txt").text)
    no_ai = {badge_pages.normalise(b.no_ai or "") for b in map(lambda p: load_badge_file(p).badge, BADGE_FILES)}
    quotes = [badge_pages.normalise(q) for q in badge_pages._QUOTED.findall(section)]
    assert len(quotes) >= 3
    for quote in quotes:
        assert quote in page or quote in no_ai or quote == ai_rule.TOOLS_HEADING, quote
    declaration = " ".join(line.removeprefix("> ") for line in section.splitlines() if line.startswith("> "))
    assert badge_pages.normalise(declaration) == ai_rule.tools_declaration()
