"""Coverage: statements in draft's format for every bundled badge, and free prose with no headings."""

from __future__ import annotations

import pytest

from badgekit.badges.catalogue import Catalogue, load_catalogue
from badgekit.badges.model import Badge, Criterion
from badgekit.checks import all_rules
from badgekit.checks.coverage import analyse_criteria
from badgekit.checks.report import Options, check_text
from badgekit.checks.terms import stem
from badgekit.statement.parse import parse_statement
from badgekit.statement.wordcount import count_words

CATALOGUE = load_catalogue(use_cache=False)
ANSWER = (
    "I learned a great deal from this and I felt more confident afterwards. It changed how I work with my team, "
    "and I now understand why it matters to the people we support."
)
ANSWER_WORDS = 33


def answer_for(criterion: Criterion) -> str:
    """An answer of its own for each criterion: two of the badge's own everyday examples of evidence."""
    return " ".join(criterion.examples[:2]) + " It changed how I work."


def answer_words(criterion: Criterion) -> int:
    return count_words(answer_for(criterion))


def render_draft(badge: Badge, level: str | None = None) -> str:
    """A statement in the format badgekit draft writes, built from the badge data alone."""
    front = [f"badge: {badge.id}", f"title: {badge.title}", "date: 2026-11-22"]
    if level:
        front.append(f"level: {level}")
    parts = ["---", *front, "---", "", f"# {badge.title}", ""]
    for criterion in badge.criteria_for(level):
        text = " ".join(criterion.text.split())
        parts += [f"## {criterion.number}. {text}", "", answer_for(criterion), ""]
    if badge.declaration:
        parts += ["## Declaration", "", " ".join(badge.declaration.split()), ""]
    return "\n".join(parts)


def every_badge_and_level() -> list[tuple[str, str | None]]:
    cases: list[tuple[str, str | None]] = []
    for badge in CATALOGUE:
        cases.extend((badge.id, level) for level in badge.level_ids() or [None])
    return cases


@pytest.mark.parametrize(("badge_id", "level"), every_badge_and_level())
def test_a_drafted_statement_round_trips_for_every_badge(badge_id: str, level: str | None) -> None:
    badge = CATALOGUE.get(badge_id)
    text = render_draft(badge, level)
    report = check_text(text, "statement.md", CATALOGUE, Options(rules=tuple(all_rules())))
    assert report.badge.id == badge_id and report.level == level
    criteria = badge.criteria_for(level)
    assert [c.number for c in report.criteria] == [c.number for c in criteria]
    for item, criterion in zip(report.criteria, criteria, strict=True):
        assert item.heading is not None and item.heading.endswith(" ".join(criterion.text.split()))
        assert item.words == answer_words(criterion)
        if not criterion.examples:
            continue  # a badge without examples is judged on its criteria's words: checked elsewhere
        assert item.covered, f"criterion {item.number} of {badge_id}: its own examples were not taken as evidence"
        assert item.evidence and criterion.examples[0].startswith(item.evidence[0].text.rstrip("…")), item.evidence
    codes = {f.code for f in report.findings}
    if all(c.examples for c in criteria):
        assert not codes & {"BK201", "BK203", "BK204", "BK601", "BK602", "BK604"}, codes
    assert report.words == sum(answer_words(c) for c in criteria)


def test_the_words_are_the_answers_only() -> None:
    badge = CATALOGUE.get("leadership-across-boundaries")
    statement = parse_statement(render_draft(badge), "s.md", declaration=badge.declaration)
    assert statement.words == sum(answer_words(c) for c in badge.criteria)
    assert statement.heading_words > 100  # the criteria's own words are not the learner's


FREE_PROSE = """\
Over the last year I looked for chances to collaborate with the community mental health team. We set up
joint working across our two organisations and involved families and carers in planning from the start.

When the nurses disagreed with our plan, I listened carefully to their perspectives and made sure I
understood their point of view before I answered, and we communicated better because of it.

I built a relationship of trust with the social work team by being reliable: I kept my promises and
phoned back the same day, and I respected their workload.
"""


def test_free_prose_with_no_headings_is_matched_on_meaning() -> None:
    badge = CATALOGUE.get("leadership-across-boundaries")
    statement = parse_statement(FREE_PROSE, "s.md")
    coverage = {c.number: c for c in analyse_criteria(statement, badge.criteria)}
    assert coverage[1].covered
    # Told in the criteria's own words as something done: never reported missing, at worst unclear.
    assert coverage[2].status != "missing" and coverage[3].status != "missing"
    assert not coverage[4].covered  # nothing about dissent or pressure to conform
    assert coverage[3].words == 29
    assert any("trust" in e.text for e in coverage[3].evidence)
    assert all(c.heading is None for c in coverage.values())


def test_headings_that_name_a_criterion_by_its_words_count_for_it() -> None:
    badge = CATALOGUE.get("leadership-across-boundaries")
    text = "# My statement\n\n## Building trust\n\n" + ANSWER + "\n\n## Introduction\n\n" + ANSWER + "\n"
    coverage = {c.number: c for c in analyse_criteria(parse_statement(text, "s.md"), badge.criteria)}
    assert coverage[3].heading == "Building trust" and coverage[3].words == ANSWER_WORDS
    assert all(c.heading is None for n, c in coverage.items() if n != 3)
    # Headings show intent, not evidence: an answer that says nothing about trust does not cover it.
    assert coverage[3].status != "covered"


def test_a_sub_heading_belongs_to_its_criterion() -> None:
    badge = CATALOGUE.get("writing-evidence")
    text = "## 1. Three things\n\n### The first thing\n\n" + ANSWER + "\n\n## 2. My manager\n\n" + ANSWER + "\n"
    coverage = analyse_criteria(parse_statement(text, "s.md"), badge.criteria)
    assert [c.words for c in coverage] == [ANSWER_WORDS, ANSWER_WORDS, 0]


@pytest.mark.parametrize(
    "forms",
    [
        ("collaborate", "collaboration", "collaborative", "collaborating"),
        ("communicate", "communication", "communicating"),
        ("listen", "listened", "listening"),
        ("trust", "trusted", "trusting"),
        ("perspective", "perspectives"),
    ],
)
def test_word_forms_share_a_stem(forms: tuple[str, ...]) -> None:
    assert len({stem(word) for word in forms}) == 1


def test_a_framework_level_is_guessed_from_the_headings_and_flagged() -> None:
    badge = CATALOGUE.get("multi-agency-expectations")
    level = badge.level_ids()[-1]
    text = render_draft(badge, level).replace(f"level: {level}\n", "")
    report = check_text(text, "s.md", CATALOGUE, Options(rules=tuple(all_rules())))
    assert report.level == level
    assert "BK604" in {f.code for f in report.findings}


def test_an_unknown_level_is_refused() -> None:
    catalogue: Catalogue = CATALOGUE
    with pytest.raises(Exception, match="no level called 'middle'"):
        check_text("Some text.", "s.md", catalogue, Options(badge="multi-agency-expectations", level="middle"))
