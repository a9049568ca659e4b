"""Which badge a statement is for when it does not say: every bundled badge recognised, none wrongly.

The statements come from tests/samples/recognition.py: drafted with ``draft --answers``,
exported with ``export --text``, then cut down to no title, and to prose alone.
benchmarks/badge_recognition.py prints the same counts.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from samples.recognition import Case, cases
from typer.testing import CliRunner, Result

from badgekit.badges.catalogue import load_catalogue
from badgekit.checks.badge_detection import BadgeUnclear, Detection, detect_badge
from badgekit.cli import app

Run = Callable[..., Result]
CATALOGUE = load_catalogue()


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args), env={"NO_COLOR": "1"})
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def all_cases(tmp_path_factory: pytest.TempPathFactory) -> list[Case]:
    return list(cases(list(CATALOGUE), tmp_path_factory.mktemp("recognition"), _run))


def flat(text: str) -> str:
    return " ".join(text.split())  # Rich wraps long lines


def outcome(case: Case) -> str:
    try:
        found = detect_badge(case.text, "<case>", CATALOGUE)
    except BadgeUnclear:
        return "asked"
    return "recognised" if found.badge.id == case.badge.id else f"wrong: {found.badge.id}"


def by_kind(all_cases: list[Case], answers: str, tier: str) -> Iterator[tuple[str, str]]:
    for case in all_cases:
        if case.answers == answers and case.tier == tier:
            yield case.badge.id, outcome(case)


def test_no_statement_is_ever_taken_for_another_badge(all_cases: list[Case]) -> None:
    wrong = [(c.badge.id, c.answers, c.tier, outcome(c)) for c in all_cases if outcome(c).startswith("wrong")]
    assert wrong == []


def expected(outcomes: dict[str, str], tier: str) -> dict[str, str]:
    """Every badge recognised as exported; without its title a badge may be asked about (some share their
    criteria with a badge of another programme, such as the two Thing 4s), never mistaken, and most
    are still recognised."""
    if tier == "as exported":
        return dict.fromkeys(outcomes, "recognised")
    recognised = sum(found == "recognised" for found in outcomes.values())
    assert recognised >= 0.75 * len(outcomes), f"only {recognised} of {len(outcomes)} recognised {tier}"
    return {badge_id: found if found == "asked" else "recognised" for badge_id, found in outcomes.items()}


@pytest.mark.parametrize("tier", ["as exported", "without its title", "prose only"])
def test_every_badge_is_recognised_from_its_title_headings_or_own_words(all_cases: list[Case], tier: str) -> None:
    outcomes = dict(by_kind(all_cases, "own words", tier))
    assert len(outcomes) == len(CATALOGUE)
    assert outcomes == expected(outcomes, tier)


@pytest.mark.parametrize("tier", ["as exported", "without its title"])
def test_generic_prose_is_recognised_by_title_or_headings(all_cases: list[Case], tier: str) -> None:
    outcomes = dict(by_kind(all_cases, "same for every badge", tier))
    assert outcomes == expected(outcomes, tier)


def test_prose_that_could_be_for_any_badge_is_asked_about_never_guessed(all_cases: list[Case]) -> None:
    outcomes = dict(by_kind(all_cases, "same for every badge", "prose only"))
    assert outcomes == dict.fromkeys(outcomes, "asked")


@pytest.mark.parametrize(
    ("first_line", "badge_id", "reason"),
    [
        (
            "Quality assurance, improvement and performance management",
            "quality-assurance-improvement",
            "whose title is",
        ),
        ("# Step into Leadership #8", "quality-assurance-improvement", "whose series and number is"),
        ("My evidence for Step into Leadership #5", "leadership-across-boundaries", "whose series and number is in"),
        ("**Thing 19: what I learned**", "thing-19-citizen-leadership", "whose alias 'thing-19' is in"),
        ("writing-evidence", "writing-evidence", "whose id 'writing-evidence' is"),
    ],
)
def test_the_title_names_the_badge_and_says_so(first_line: str, badge_id: str, reason: str) -> None:
    found = detect_badge(f"{first_line}\n\nI learned a great deal.\n", "s.txt", CATALOGUE)
    assert found.badge.id == badge_id
    assert found.reason.startswith(reason)


def test_the_announcement_is_one_line_saying_which_badge_why_and_how_to_choose_another() -> None:
    found = detect_badge("Quality assurance, improvement and performance management\n\nText.\n", "s", CATALOGUE)
    assert found.announcement() == (
        "Checking against Step into Leadership #8 “Quality assurance, improvement and performance management”, "
        "whose title is the statement's first line; give --badge to choose another."
    )
    assert isinstance(found, Detection) and found.how == "title"


def test_a_long_first_sentence_is_not_a_title() -> None:
    sentence = "Quality assurance " + "matters to everyone in our team and " * 5 + "I learned a lot.\n"
    with pytest.raises(BadgeUnclear):
        detect_badge(sentence, "s", CATALOGUE)


def test_when_unsure_the_likeliest_are_listed_with_their_ids() -> None:
    text = (
        "I led my team through a change in how we plan support, and I learned to manage risk and uncertainty "
        "while keeping people who use services at the centre.\n"
    )
    with pytest.raises(BadgeUnclear) as caught:
        detect_badge(text, "notes.txt", CATALOGUE)
    assert 2 <= len(caught.value.candidates) <= 3
    assert {b.id for b in caught.value.candidates[:2]} == {"leading-change", "managing-risk"}
    assert "(--badge leading-change)" in caught.value.message and "(--badge managing-risk)" in caught.value.message
    assert "--badge" in (caught.value.hint or "")


# --- through the commands -------------------------------------------------------------------------


def exported(run: Run, folder: Path, badge_id: str = "quality-assurance-improvement") -> Path:
    badge = CATALOGUE.get(badge_id)
    from samples import evidenced_statement

    statement = folder / f"{badge_id}-statement.md"
    statement.write_text(evidenced_statement(badge), encoding="utf-8")
    assert run("export", str(statement), "--text", "--md", "--ignore-privacy").exit_code == 0
    return statement


def test_check_says_which_badge_it_chose_and_its_next_step_works_as_printed(run: Run, tmp_path: Path) -> None:
    text_export = exported(run, tmp_path).with_suffix(".txt")
    result = run("check", str(text_export))
    out = " ".join(result.stdout.split())
    assert "Checking against Step into Leadership #8" in out and "give --badge to choose another" in out
    suggested = out.split("Next: ", 1)[1]
    assert f"'badgekit export {text_export} --badge quality-assurance-improvement --text'" in suggested
    command = suggested.split("'badgekit ", 1)[1].split("'", 1)[0].split()
    followed = run(*command, "-o", str(tmp_path / "followed.txt"))
    assert followed.exit_code == 0, followed.stderr


def test_check_of_a_folder_of_exports_recognises_each(run: Run, tmp_path: Path) -> None:
    exported(run, tmp_path)
    (tmp_path / "quality-assurance-improvement-statement.md").unlink()  # only the exports are left
    result = run("check", str(tmp_path), "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["errors"] == []
    assert {Path(f["path"]).name: f["badge"] for f in data["files"]} == {
        "quality-assurance-improvement-statement.blog.md": "quality-assurance-improvement",
        "quality-assurance-improvement-statement.txt": "quality-assurance-improvement",
    }
    assert {f["badge_from"] for f in data["files"]} == {"detected"}


@pytest.mark.parametrize(
    ("first_line", "reason"),
    [
        pytest.param("Becoming a reflective learner", "whose title ends with the statement's first line", id="whole"),
        pytest.param(
            "My evidence: Becoming a reflective learner",
            "whose title ends with “Becoming a reflective learner” in the statement's first line",
            id="in-the-line",
        ),
        pytest.param(
            "reflective-learner", "whose alias 'reflective-learner' is the statement's first line", id="alias"
        ),
        pytest.param(
            "becoming-a-reflective-learner",
            "whose id 'becoming-a-reflective-learner' is the statement's first line",
            id="id",
        ),
    ],
)
def test_checking_a_folder_says_which_of_the_badges_names_its_first_line_is(
    run: Run, tmp_path: Path, first_line: str, reason: str
) -> None:
    # The first line "Becoming a reflective learner" is the end of the badge's title, and the same words as its
    # id: the check said "whose id 'becoming-a-reflective-learner' is the statement's first line".
    (tmp_path / "mine.txt").write_text(f"{first_line}\n\nI learned to reflect after every shift.\n", encoding="utf-8")
    result = run("check", str(tmp_path))
    assert "Maintaining your learning and development: Becoming a reflective learner" in flat(result.stdout)
    assert f"{reason}; give --badge to choose another." in flat(result.stdout)


def test_an_unclear_statement_exits_3_listing_the_likeliest(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text(
        "I led my team through a change in how we plan support, and I learned to manage risk and uncertainty "
        "while keeping people who use services at the centre.\n",
        encoding="utf-8",
    )
    result = run("check", str(path))
    assert result.exit_code == 3
    said = " ".join(result.stderr.split())
    assert "cannot tell" in said and "--badge leading-change" in said and "--badge managing-risk" in said


def test_a_badge_option_or_front_matter_is_never_second_guessed(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "s.md"
    path.write_text("Quality assurance, improvement and performance management\n\nI learned a lot.\n", encoding="utf-8")
    data = json.loads(run("check", str(path), "--badge", "thing-19", "--format", "json").stdout)["files"][0]
    assert data["badge"] == "thing-19-citizen-leadership" and data["badge_from"] == "option"
    assert data["badge_reason"] is None


def test_export_and_review_say_which_badge_they_chose(run: Run, tmp_path: Path) -> None:
    text_export = exported(run, tmp_path).with_suffix(".txt")
    result = run("export", str(text_export), "--html", "--ignore-privacy")
    assert result.exit_code == 0, result.stderr
    assert "Exporting as evidence for Step into Leadership #8" in " ".join(result.stderr.split())


def test_reviews_suggested_command_names_the_badge_the_file_does_not(run: Run, tmp_path: Path) -> None:
    text_export = exported(run, tmp_path).with_suffix(".txt")
    result = run("review", str(text_export))  # no terminal here: it says how to answer from a file
    assert result.exit_code == 2
    said = " ".join(result.stderr.split())
    assert "Reviewing against Step into Leadership #8" in said
    assert f"badgekit review {text_export} --badge quality-assurance-improvement --answers" in said


def _statements_with_headings() -> list[str]:
    """Statements drafted for each badge, the same with another badge's headings mixed in, and with headings
    cut short or reworded: the headings quote the badge's criteria wholly, partly, or another badge's."""
    from datetime import date

    from badgekit.render import render_markdown

    badges = list(CATALOGUE)
    texts = []
    for index, badge in enumerate(badges):
        level = badge.levels[0].id if badge.levels else None
        answers = {c.id: "I learned to listen first." for c in badge.criteria_for(level)}
        text = render_markdown(badge, answers, level=level, on=date(2026, 11, 22))
        other = badges[(index + 7) % len(badges)]
        theirs = "".join(f"\n## {c.text}\n\nI did this.\n" for c in list(other.all_criteria())[:3])
        texts += [text, text + theirs, text.replace("## 1. ", "## 1. Reflecting on ")]
        texts.append(text.replace("\n## ", "\n## My "))
    return texts


def test_whether_the_headings_quote_another_badge_is_answered_alike_without_every_badge_indexed() -> None:
    from badgekit.checks import badge_detection
    from badgekit.statement.parse import parse_statement

    badges = list(CATALOGUE)
    shortcuts = 0
    for text in _statements_with_headings():
        statement = parse_statement(text)
        headings = badge_detection._heading_wordings(statement)
        found = badge_detection._by_headings(statement, badges)
        for badge in badges[::5]:
            expected = found.badge if found is not None and found.badge.id != badge.id else None
            assert badge_detection.badge_headings_quote(statement, badge, CATALOGUE) == expected
            shortcuts += badge_detection._quotes_all(headings, badge)
    assert shortcuts >= len(CATALOGUE) // 5  # the shortcut is taken, for a statement drafted for its badge at least


def test_a_statement_whose_headings_quote_its_own_badge_is_not_compared_with_every_badge(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from badgekit.checks import badge_detection
    from badgekit.statement.parse import parse_statement

    def every_badge(badges: object) -> None:
        raise AssertionError("every badge's criteria were indexed")

    monkeypatch.setattr(badge_detection, "_criteria_index", every_badge)
    for badge, text in zip(CATALOGUE, _statements_with_headings()[::4], strict=True):
        assert badge_detection.badge_headings_quote(parse_statement(text), badge, CATALOGUE) is None
