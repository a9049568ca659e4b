"""Notes from a discussion: the badge key, the interview's question, the draft, the statement and check."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from test_interview import LONG, ScriptedAsker, interview
from typer.testing import Result

from badgekit.badges.catalogue import load_badge_file, load_catalogue
from badgekit.badges.model import Badge
from badgekit.checks.coverage import analyse_criteria
from badgekit.drafting.answers_file import answers_from_file
from badgekit.drafting.messages import AnswerInterrupted, AnswerRequest, CriterionScreen, Notice, Outcome, Review
from badgekit.drafting.store import Draft, discussion_key, parse_draft
from badgekit.errors import InvalidDataError
from badgekit.render import DISCUSSION_HEADING, render_markdown
from badgekit.statement.parse import parse_statement
from badgekit.statement.wordcount import count_words

Run = Callable[..., Result]
CATALOGUE = load_catalogue(use_cache=False)
WRITING = CATALOGUE.get("writing-evidence")
SECOND = WRITING.criteria[1]  # "discuss the hints and tips with your manager/supervisor/tutor ..."
NOTES = "I went through the factsheet with my line manager in supervision.\n\nWe agreed she will read my next one."
ANSWER_2 = (
    "In future I will ask my manager to read my evidence and check it against the criteria before I submit it, "
    "as our supervision policy suggests."
)


# --- the badge format -----------------------------------------------------------------------------


def test_the_writing_evidence_badge_asks_for_notes_where_its_criterion_asks_for_a_discussion() -> None:
    assert SECOND.id == "involve-your-manager" and SECOND.text.startswith("discuss the hints and tips")
    assert SECOND.discussion is not None and "role, not their name" in SECOND.discussion
    assert WRITING.criteria[0].discussion is None and WRITING.criteria[2].discussion is None


def test_every_bundled_criterion_that_asks_to_discuss_has_a_discussion_question() -> None:
    for badge in CATALOGUE:
        for criterion in badge.all_criteria():
            text = f" {criterion.text.lower()} "
            asks = " discuss " in text or " with your manager" in text
            assert criterion.discussion is not None or not asks, f"{badge.id} {criterion.id}"


def test_discussion_is_text_in_a_badge_file(tmp_path: Path) -> None:
    path = tmp_path / "ours.yaml"
    head = (
        "schema_version: 1\nid: ours\ntitle: Ours\ndescription: d\nsource: {url: 'https://x.example', verified: true}\n"
    )
    path.write_text(
        head + "criteria:\n  - id: talk\n    text: discuss it\n    discussion: [a, list]\n", encoding="utf-8"
    )
    with pytest.raises(InvalidDataError) as caught:
        load_badge_file(path)
    assert f"{path}:9: criteria[0].discussion: should be text, not a list" in caught.value.error_lines()
    path.write_text(head + "criteria:\n  - id: talk\n    text: discuss it\n    discussion: '  Who with?  '\n")
    assert load_badge_file(path).badge.criteria[0].discussion == "Who with?"


def test_the_badge_cache_keeps_the_discussion_question() -> None:
    load_catalogue()  # fills the cache
    cached = load_catalogue().get("writing-evidence")  # read back from it
    assert cached.criteria[1].discussion == SECOND.discussion


# --- the interview --------------------------------------------------------------------------------


def test_after_the_answer_the_interview_asks_for_notes_and_saves_them() -> None:
    asker = ScriptedAsker(["skip", ANSWER_2, NOTES, "quit"])
    outcome, draft, saves = interview(WRITING, asker)
    assert outcome is Outcome.QUIT
    notes_requests = [r for r in asker.requests if r.discussion]
    assert notes_requests == [
        AnswerRequest("Criterion", 2, adding=False, has_answer=False, discussion=SECOND.discussion, criterion=SECOND.id)
    ]
    assert draft.answer(SECOND.id) == ANSWER_2 and draft.discussion(SECOND.id) == NOTES
    assert saves.copies[-1]["discussions"][SECOND.id]["text"] == NOTES  # type: ignore[index]
    assert asker.screens() == [1, 2, 3], "after the notes the interview goes on to the next criterion"
    saved = [m for m in asker.of(Notice) if isinstance(m, Notice) and "notes from the discussion" in m.text]
    assert saved and "(19 words)" in saved[0].text


def test_notes_are_optional_skip_goes_on_without_them() -> None:
    asker = ScriptedAsker(["skip", ANSWER_2, "skip", "quit"])
    _, draft, _ = interview(WRITING, asker)
    assert draft.discussion(SECOND.id) is None and "discussions" not in draft.to_dict()
    assert asker.screens() == [1, 2, 3]


def test_only_a_criterion_that_asks_for_a_discussion_asks_for_notes() -> None:
    asker = ScriptedAsker([LONG + " " + LONG, "quit"])
    interview(WRITING, asker)
    assert not [r for r in asker.requests if r.discussion]
    asker = ScriptedAsker(["notes", "quit"])
    interview(WRITING, asker)
    assert any(isinstance(m, Notice) and "does not ask for notes" in m.text for m in asker.shown)


def test_the_notes_command_adds_notes_and_comes_back_to_the_criterion() -> None:
    asker = ScriptedAsker(["skip", "notes", NOTES, "quit"])
    _, draft, _ = interview(WRITING, asker)
    assert draft.discussion(SECOND.id) == NOTES and draft.answer(SECOND.id) is None
    screens = [m for m in asker.of(CriterionScreen) if isinstance(m, CriterionScreen)]
    assert [s.number for s in screens] == [1, 2, 2]
    assert screens[1].discussion == SECOND.discussion and screens[2].notes == NOTES


def test_replaced_notes_are_kept_and_ctrl_c_keeps_half_typed_notes() -> None:
    asker = ScriptedAsker(["skip", ANSWER_2, NOTES, "back", ANSWER_2, "Second notes.", "quit"])
    _, draft, _ = interview(WRITING, asker)
    assert draft.discussion(SECOND.id) == "Second notes."
    assert [a.text for a in draft.earlier[discussion_key(SECOND.id)]] == [NOTES]

    asker = ScriptedAsker(["skip", ANSWER_2, AnswerInterrupted("Half of my no")])
    with pytest.raises(AnswerInterrupted):
        interview(WRITING, asker, draft=(fresh := Draft(badge=WRITING.id, title=WRITING.title)))
    assert fresh.discussion(SECOND.id) == "Half of my no"


def test_notes_count_in_the_words_and_appear_in_the_review() -> None:
    asker = ScriptedAsker(["skip", ANSWER_2, NOTES, "review", "quit"])
    _, draft, _ = interview(WRITING, asker)
    review = asker.of(Review)[-1]
    assert isinstance(review, Review)
    assert review.rows[1].notes == NOTES
    assert review.progress.total == count_words(ANSWER_2) + count_words(NOTES) == draft.words()


def test_other_commands_at_the_notes_question_ask_again() -> None:
    asker = ScriptedAsker(["skip", ANSWER_2, "review", NOTES, "quit"])
    _, draft, _ = interview(WRITING, asker)
    assert draft.discussion(SECOND.id) == NOTES
    assert any(isinstance(m, Notice) and "Type your notes from the discussion" in m.text for m in asker.shown)


# --- the draft file -------------------------------------------------------------------------------


def test_a_draft_with_notes_reads_back_and_one_without_keeps_its_shape() -> None:
    draft = Draft(badge=WRITING.id, title=WRITING.title)
    draft.set_answer(SECOND.id, ANSWER_2)
    assert "discussions" not in draft.to_dict()
    draft.set_discussion(SECOND.id, NOTES)
    raw = json.dumps(draft.to_dict())
    again = parse_draft(raw, "d.json", WRITING.id)
    assert again.discussion(SECOND.id) == NOTES and again.answer(SECOND.id) == ANSWER_2
    broken = raw.replace(
        '"discussions": {"involve-your-manager": {"text"', '"discussions": {"involve-your-manager": {"txt"'
    )
    with pytest.raises(InvalidDataError, match="2 problems"):
        parse_draft(broken, "d.json", WRITING.id)


# --- the statement --------------------------------------------------------------------------------


def test_notes_are_written_under_a_sub_heading_inside_their_criterions_section() -> None:
    answers = {c.id: f"My answer to {c.number}." for c in WRITING.criteria}
    text = render_markdown(WRITING, answers, notes={SECOND.id: NOTES}, on=date(2026, 11, 22))
    expected = f"## 2. {SECOND.text}\n\nMy answer to 2.\n\n### {DISCUSSION_HEADING}\n\n{NOTES}\n\n## 3. "
    assert expected in text
    assert f"words: {sum(count_words(a) for a in answers.values()) + count_words(NOTES)}\n" in text


EVERY_STATEMENT = [(b, level.id) for b in CATALOGUE for level in b.levels] + [
    (b, None) for b in CATALOGUE if not b.levels
]


@pytest.mark.parametrize(("badge", "level"), EVERY_STATEMENT, ids=lambda v: getattr(v, "id", v))
def test_check_reads_notes_as_part_of_their_criterion(badge: Badge, level: str | None) -> None:
    criteria = badge.criteria_for(level)
    answers = {c.id: f"In my service I worked on point {c.number}.\n\nNext time I will plan it." for c in criteria}
    notes = {c.id: "My manager and I talked it through, and we agreed to try it." for c in criteria}
    text = render_markdown(badge, answers, notes=notes, level=level)
    statement = parse_statement(text, "statement.md", declaration=badge.declaration)
    assert statement.declared_words == statement.words
    coverage = analyse_criteria(statement, criteria)
    for criterion, covered in zip(criteria, coverage, strict=True):
        assert covered.words == count_words(answers[criterion.id]) + count_words(notes[criterion.id]), criterion.id


# --- answers files and the command ----------------------------------------------------------------


def write(folder: Path, body: str) -> str:
    path = folder / "answers.yaml"
    path.write_text(body, encoding="utf-8")
    return str(path)


def test_an_answers_file_gives_notes_with_the_discussion_key(tmp_path: Path) -> None:
    body = "1: One.\n2:\n  answer: Two.\n  discussion: |\n    We agreed.\n3: Three.\n"
    given = answers_from_file(write(tmp_path, body), WRITING)
    assert given.answers == {c.id: a for c, a in zip(WRITING.criteria, ["One.", "Two.", "Three."], strict=True)}
    assert given.discussions == {SECOND.id: "We agreed."}


def test_an_answers_file_reports_a_wrong_key_or_notes_that_are_not_text(tmp_path: Path) -> None:
    body = "1: One.\n2:\n  answer: Two.\n  discusion: We agreed.\n3:\n  answer: Three.\n  discussion: [a]\n"
    path = write(tmp_path, body)
    with pytest.raises(InvalidDataError) as caught:
        answers_from_file(path, WRITING)
    assert caught.value.error_lines() == [
        f"{path}:4: 2.discusion: unknown key (use answer and discussion)",
        f"{path}:7: 3.discussion: should be text (write | after the colon, then the notes)",
    ]


def test_draft_with_an_answers_file_writes_the_notes_into_the_statement(run: Run, here: Path) -> None:
    long = " ".join(["I learned something about evidence that matters to me."] * 12)
    body = f"1: {long}\n2:\n  answer: {ANSWER_2}\n  discussion: We agreed she reads my next one.\n3: {long}\n"
    result = run("draft", "writing-evidence", "--answers", write(here, body))
    assert result.exit_code == 0, result.stderr
    text = (here / "writing-evidence-statement.md").read_text(encoding="utf-8")
    assert f"{ANSWER_2}\n\n### {DISCUSSION_HEADING}\n\nWe agreed she reads my next one.\n" in text
    checked = run("check", "writing-evidence-statement.md", "--select", "BK1,BK2", "--format", "json")
    criteria = json.loads(checked.stdout)["files"][0]["criteria"]
    assert criteria[1]["words"] == count_words(ANSWER_2) + 7


def test_the_interview_in_a_terminal_asks_for_notes_and_drafts_show_lists_them(run: Run, here: Path) -> None:
    typed = f"skip\n{ANSWER_2}\ndone\n{NOTES}\ndone\nquit\n"
    result = run("draft", "writing-evidence", "--interactive", input=typed)
    assert result.exit_code == 0, result.stderr
    out = " ".join(result.stdout.split())
    assert "This one asks for a discussion: after your answer you can add notes from it." in out
    assert "Notes from your discussion (you can leave these out)" in out
    assert SECOND.discussion is not None and " ".join(SECOND.discussion.split()) in out
    assert "Saved your notes from the discussion (19 words)." in out
    shown = run("drafts", "show", "writing-evidence", "--format", "json")
    rows = json.loads(shown.stdout)["answers"]
    assert rows[1]["discussion"] == NOTES and rows[0]["discussion"] is None
    text_view = run("drafts", "show", "writing-evidence")
    assert (
        "Notes from your discussion:" in text_view.stdout and "We agreed she will read my next one." in text_view.stdout
    )
