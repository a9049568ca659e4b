"""The interview as pure logic, driven by a scripted asker: no terminal involved."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

import pytest

from badgekit.badges.catalogue import load_catalogue
from badgekit.badges.model import Badge, WordRule
from badgekit.drafting.interview import run_interview, word_progress
from badgekit.drafting.messages import (
    SSSC_PROMPTS,
    AnswerFeedback,
    AnswerInterrupted,
    AnswerRequest,
    Command,
    CriterionScreen,
    Help,
    Message,
    Notice,
    Opening,
    Outcome,
    Reply,
    Review,
    parse_command,
)
from badgekit.drafting.store import Draft, clean_answer
from badgekit.text import counted

LONG = " ".join(["I reflected on what happened and what I learned from working with the team."] * 6)  # 84 words


def badge(name: str) -> Badge:
    return load_catalogue().get(name)


@dataclass(frozen=True)
class Pasted:
    """Text the learner types at a menu instead of a number."""

    text: str


class ScriptedAsker:
    """Plays the learner: replies in order, and records everything the interview shows."""

    def __init__(
        self,
        replies: Sequence[str | Reply | BaseException | None],
        *,
        choices: Sequence[str | Pasted | None] = (),
        confirms: Sequence[bool] = (),
        edits: Sequence[str | None] = (),
    ) -> None:
        self.replies = list(replies)
        self.choices = list(choices)
        self.confirms = list(confirms)
        self.edits = list(edits)
        self.shown: list[Message] = []
        self.requests: list[AnswerRequest] = []
        self.questions: list[str] = []
        self.edited: list[str] = []
        self.kept: list[str] = []  # what keep said about text pasted at a menu
        self.offered: list[list[str]] = []  # the labels of each menu's choices

    def show(self, message: Message) -> None:
        self.shown.append(message)

    def read_answer(self, request: AnswerRequest) -> str | Reply | None:
        self.requests.append(request)
        if not self.replies:
            return None
        reply = self.replies.pop(0)
        if isinstance(reply, BaseException):
            raise reply
        return reply

    def edit(self, text: str) -> str | None:
        self.edited.append(text)
        return self.edits.pop(0)

    def choose(
        self, question: str, choices: Sequence[tuple[str, str]], *, keep: Callable[[str], str] | None = None
    ) -> str | None:
        self.questions.append(question)
        self.offered.append([label for _, label in choices])
        while self.choices and isinstance(self.choices[0], Pasted):
            pasted = self.choices.pop(0)
            assert isinstance(pasted, Pasted) and keep is not None, "text pasted at a menu must be kept"
            self.kept.append(keep(pasted.text))
        choice = self.choices.pop(0) if self.choices else None
        assert not isinstance(choice, Pasted)
        assert choice is None or choice in {key for key, _ in choices}, f"{choice!r} is not one of the choices"
        return choice

    def confirm(self, question: str, *, default: bool) -> bool:
        self.questions.append(question)
        return self.confirms.pop(0) if self.confirms else default

    def of(self, kind: type[Message]) -> list[Message]:
        return [m for m in self.shown if isinstance(m, kind)]

    def screens(self) -> list[int]:
        return [m.number for m in self.shown if isinstance(m, CriterionScreen)]


class Saves:
    """The save callback: keeps a copy of the draft as it was at each save."""

    def __init__(self) -> None:
        self.copies: list[dict[str, object]] = []

    def __call__(self, draft: Draft) -> None:
        self.copies.append(json.loads(json.dumps(draft.to_dict())))


def interview(
    b: Badge, asker: ScriptedAsker, draft: Draft | None = None, **kwargs: object
) -> tuple[Outcome, Draft, Saves]:
    draft = draft or Draft(badge=b.id, title=b.title)
    saves = Saves()
    outcome = run_interview(b, draft, asker, saves, **kwargs)  # type: ignore[arg-type]
    return outcome, draft, saves


# --- commands and answers ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("skip", Command("skip")),
        ("  Skip. ", Command("skip")),
        ("next", Command("skip")),
        ("back", Command("back")),
        ("edit 3", Command("edit", 3)),
        ("go to 12", Command("edit", 12)),
        ("edit", Command("edit")),
        ("review", Command("review")),
        ("QUIT", Command("quit")),
        ("help", Command("help")),
        ("editor", Command("editor")),
        ("add", Command("add")),
        ("finish", Command("finish")),
        ("I skip lunch to go to meetings", None),
        ("back in 2019 I led a project", None),
        ("edit the policy", None),
        ("", None),
    ],
)
def test_commands_are_only_whole_lines(line: str, expected: Command | None) -> None:
    assert parse_command(line) == expected


def test_answers_are_kept_as_typed_apart_from_line_endings_and_surrounding_blanks() -> None:
    typed = "\r\n\nFirst paragraph  with  spaces.\r\n\r\n  Second, indented.\n\n\n"
    assert clean_answer(typed) == "First paragraph  with  spaces.\n\n  Second, indented."


# --- the interview -----------------------------------------------------------------------------


def test_opening_tells_the_learner_what_they_face() -> None:
    asker = ScriptedAsker(["quit"])
    interview(badge("leadership-across-boundaries"), asker, prerequisites=["You should already hold X."])
    opening = asker.shown[0]
    assert isinstance(opening, Opening)
    assert opening.title == "Leading and managing across boundaries"
    assert (opening.count, opening.kind) == (7, "criteria")
    assert opening.words == "500–1000 words suggested"
    assert opening.prerequisites == ("You should already hold X.",)
    assert opening.steps and "Step into Leadership website" in opening.steps[0].text
    assert opening.resumed is None


def test_each_criterion_is_shown_with_its_number_exact_text_and_the_badges_own_prompts() -> None:
    b = badge("leadership-across-boundaries")
    asker = ScriptedAsker([LONG, LONG, "quit"])
    interview(b, asker)
    third = next(m for m in asker.of(CriterionScreen) if isinstance(m, CriterionScreen) and m.number == 3)
    assert isinstance(third, CriterionScreen)
    assert (third.word, third.number, third.total) == ("Criterion", 3, 7)
    assert third.text == "build and maintain trust with colleagues in your own, and other, agencies"
    assert third.prompts == b.criteria[2].prompts and not third.prompts_are_sssc
    assert third.lead_in == "Provide evidence that you are able to:"


def test_a_criterion_without_prompts_gets_sssc_reflective_prompts() -> None:
    b = badge("leadership-across-boundaries")
    bare = replace(b, criteria=tuple(replace(c, prompts=()) for c in b.criteria))
    asker = ScriptedAsker(["quit"])
    interview(bare, asker)
    screen = asker.of(CriterionScreen)[0]
    assert isinstance(screen, CriterionScreen)
    assert screen.prompts == SSSC_PROMPTS and screen.prompts_are_sssc
    labels = [p.split(":")[0] for p in SSSC_PROMPTS]
    assert labels == ["Experience", "Knowledge", "Skills", "Reflections", "Application"]


def test_every_answer_is_saved_the_moment_it_is_given_and_finishing_writes() -> None:
    b = badge("thing-19")
    answers = [f"Answer {n}. {LONG}" for n in range(1, 5)]
    asker = ScriptedAsker(answers, choices=["write"])
    outcome, draft, saves = interview(b, asker)
    assert outcome is Outcome.FINISHED
    assert [draft.answer(c.id) for c in b.criteria] == answers
    # one save per answer, each holding every answer given so far
    assert [len(copy["answers"]) for copy in saves.copies] == [1, 2, 3, 4]  # type: ignore[arg-type]
    assert asker.screens() == [1, 2, 3, 4]
    assert asker.of(Review), "the learner sees every answer before writing"


def test_after_each_answer_its_words_and_the_running_total_against_the_rule() -> None:
    asker = ScriptedAsker([LONG, LONG, "quit"])
    interview(badge("leadership-across-boundaries"), asker)
    first, second = asker.of(AnswerFeedback)
    assert isinstance(first, AnswerFeedback) and isinstance(second, AnswerFeedback)
    assert (first.words, first.progress.total) == (84, 84)
    assert second.progress.total == 168
    assert second.progress.rule == "500–1000 words suggested"
    assert second.progress.status == "332 more to reach the suggested 500"
    assert 0.16 < second.progress.fraction < 0.17  # of the suggested 1000
    assert first.problem is None and first.advice is None


def test_a_short_answer_gets_a_gentle_warning_and_the_interview_moves_on() -> None:
    asker = ScriptedAsker(["We met the housing team.", "quit"])
    _outcome, draft, _saves = interview(badge("leadership-across-boundaries"), asker)
    feedback = asker.of(AnswerFeedback)[0]
    assert isinstance(feedback, AnswerFeedback)
    assert feedback.problem is None
    assert feedback.advice and "looks short (5 words) to show reflection" in feedback.advice
    assert asker.screens() == [1, 2]
    assert draft.answer("opportunities-for-collaboration") == "We met the housing team."


def test_a_criterions_minimum_is_enforced_but_the_short_answer_is_still_saved() -> None:
    b = badge("writing-evidence")  # criterion 1 needs at least 100 words
    asker = ScriptedAsker(["I learned three things.", "add", LONG + "\n\n" + LONG, "quit"])
    _outcome, draft, saves = interview(b, asker)
    refused, accepted = asker.of(AnswerFeedback)
    assert isinstance(refused, AnswerFeedback) and isinstance(accepted, AnswerFeedback)
    assert refused.problem and "asks for at least 100 words and this answer has 4" in refused.problem
    assert saves.copies[0]["answers"]["three-things-learned"]["text"] == "I learned three things."  # type: ignore[index]
    assert asker.screens() == [1, 1, 2], "the learner stays on criterion 1 until it is long enough"
    assert asker.requests[2].adding
    assert draft.answer("three-things-learned") == "I learned three things.\n\n" + LONG + "\n\n" + LONG
    assert accepted.problem is None and accepted.words == 172


def test_skip_back_edit_and_review_move_around_without_losing_anything() -> None:
    b = badge("leadership-across-boundaries")
    replies = ["skip", LONG, "back", "back", "back", "edit 5", "review", "edit 99", "edit 2", "Better answer.", "quit"]
    asker = ScriptedAsker(replies)
    _outcome, draft, _saves = interview(b, asker)
    assert asker.screens() == [1, 2, 3, 2, 1, 1, 5, 5, 5, 2, 5], "after answering 2, back to 5 where edit 2 was typed"
    notices = [m.text for m in asker.shown if isinstance(m, Notice)]
    assert "This is the first criterion." in notices
    assert "Back to criterion 5." in notices
    assert any("Type edit and a number from 1 to 7" in n for n in notices)
    review = asker.of(Review)[0]
    assert isinstance(review, Review)
    assert [(r.number, r.words) for r in review.rows[:3]] == [(1, 0), (2, 84), (3, 0)]
    assert draft.answer("communicate-across-boundaries") == "Better answer."
    assert [a.text for a in draft.earlier["communicate-across-boundaries"]] == [LONG], "the replaced answer is kept"


def test_a_screen_shows_the_answer_already_given() -> None:
    asker = ScriptedAsker([LONG, "back", "quit"])
    interview(badge("thing-19"), asker)
    again = asker.of(CriterionScreen)[-1]
    assert isinstance(again, CriterionScreen)
    assert (again.number, again.answer, again.answer_words) == (1, LONG, 84)
    assert asker.requests[-1].has_answer


def test_help_and_an_empty_answer_keep_the_learner_where_they_are() -> None:
    asker = ScriptedAsker(["help", "   \n\n ", "quit"])
    interview(badge("thing-19"), asker)
    assert asker.of(Help)
    assert any(isinstance(m, Notice) and m.text.startswith("Nothing was typed") for m in asker.shown)
    assert asker.screens() == [1, 1, 1]


def test_the_editor_command_takes_the_text_from_the_editor() -> None:
    asker = ScriptedAsker(["editor", "editor", "quit"], edits=[None, "Written in my editor.\n\nTwo paragraphs.\n"])
    _outcome, draft, _saves = interview(badge("thing-19"), asker)
    assert asker.edited == ["", ""]
    assert draft.answer("labels") == "Written in my editor.\n\nTwo paragraphs."


def test_quit_and_end_of_input_stop_with_everything_saved() -> None:
    for last in ("quit", None):
        asker = ScriptedAsker([LONG, last])
        outcome, _draft, saves = interview(badge("thing-19"), asker)
        assert outcome is Outcome.QUIT
        assert saves.copies[-1]["answers"]["labels"]["text"] == LONG  # type: ignore[index]


def test_ctrl_c_part_way_through_an_answer_keeps_what_was_typed() -> None:
    draft = Draft(badge="thing-19-citizen-leadership", title="t")
    saves = Saves()
    with pytest.raises(KeyboardInterrupt):
        run_interview(badge("thing-19"), draft, ScriptedAsker([AnswerInterrupted("Half of my first\n\nanswer")]), saves)
    assert draft.answer("labels") == "Half of my first\n\nanswer"
    assert saves.copies, "the unfinished answer was saved before stopping"


def test_ctrl_c_while_replacing_an_answer_keeps_both() -> None:
    draft = Draft(badge="thing-19-citizen-leadership", title="t")
    draft.set_answer("labels", LONG)
    with pytest.raises(KeyboardInterrupt):
        run_interview(badge("thing-19"), draft, ScriptedAsker(["back", AnswerInterrupted("A new start")]), Saves())
    assert draft.answer("labels") == LONG
    assert [a.text for a in draft.earlier["labels"]] == ["A new start"]


def test_a_resumed_draft_carries_on_at_the_first_unanswered_criterion() -> None:
    b = badge("leadership-across-boundaries")
    draft = Draft(badge=b.id, title=b.title)
    for criterion in b.criteria[:2]:
        draft.set_answer(criterion.id, LONG)
    asker = ScriptedAsker(["quit"])
    interview(b, asker, draft, resumed=True)
    opening = asker.shown[0]
    assert isinstance(opening, Opening) and opening.resumed == (2, 7)
    assert asker.screens() == [3]


def test_edit_n_returns_to_where_it_was_typed_once_that_answer_is_given() -> None:
    b = badge("leadership-across-boundaries")
    asker = ScriptedAsker([LONG, LONG, "edit 1", "A better first answer.", "skip", "edit 1", "back", "quit"])
    _outcome, draft, _saves = interview(b, asker)
    # on 3: edit 1, answer it, back to 3; skip to 4; edit 1 again, but back leaves it: no return then
    assert asker.screens() == [1, 2, 3, 1, 3, 4, 1, 1]
    assert [n for n in notices(asker) if n.startswith("Back to")] == ["Back to criterion 3."]
    assert draft.answer(b.criteria[0].id) == "A better first answer."


def test_edit_n_then_done_with_nothing_typed_also_goes_back() -> None:
    b = badge("leadership-across-boundaries")
    asker = ScriptedAsker([LONG, LONG, "edit 1", "", "quit"])
    interview(b, asker)
    assert asker.screens() == [1, 2, 3, 1, 3]


def stopped_part_way(b: Badge, draft: Draft, replies: Sequence[str | BaseException]) -> Draft:
    """Run the interview until an answer is cut off, and read the draft back as it was saved."""
    saves = Saves()
    with pytest.raises(KeyboardInterrupt):
        run_interview(b, draft, ScriptedAsker(replies), saves)
    from badgekit.drafting.store import parse_draft

    return parse_draft(json.dumps(saves.copies[-1]), "draft.json", draft.badge)


def test_carrying_on_after_an_answer_was_cut_off_starts_at_it_and_says_so() -> None:
    b = badge("leadership-across-boundaries")
    draft = Draft(badge=b.id, title=b.title)
    saved = stopped_part_way(b, draft, [LONG, LONG, AnswerInterrupted("Twenty six words typed before the window")])
    assert saved.interrupted is not None and saved.interrupted.criterion == b.criteria[2].id
    asker = ScriptedAsker(["add", "and the rest of it.", "quit"])
    _outcome, resumed, saves = interview(b, asker, saved, resumed=True)
    opening = asker.shown[0]
    assert isinstance(opening, Opening) and opening.resumed == (2, 7) and opening.cut_off == 3
    assert "Your answer to criterion 3 was cut off when badgekit stopped last time." in notices(asker)[0]
    assert "Type add to carry on with it" in notices(asker)[0]
    screen = asker.of(CriterionScreen)[0]
    assert isinstance(screen, CriterionScreen)
    assert (screen.number, screen.answer) == (3, "Twenty six words typed before the window")
    assert resumed.answer(b.criteria[2].id) == "Twenty six words typed before the window\n\nand the rest of it."
    assert "interrupted" not in saves.copies[-1], "said once: the next save drops it"


def test_a_cut_off_replacement_is_shown_and_the_answer_before_it_stands() -> None:
    b = badge("thing-19")
    draft = Draft(badge=b.id, title=b.title)
    draft.set_answer("labels", LONG)
    saved = stopped_part_way(b, draft, ["back", AnswerInterrupted("A new start")])
    assert saved.interrupted is not None and saved.interrupted.kept_apart
    asker = ScriptedAsker(["quit"])
    interview(b, asker, saved, resumed=True)
    told = notices(asker)[0]
    assert "while you were typing new text to replace your answer to question 1" in told
    assert ":\nA new start\n" in told and "still stands" in told
    assert asker.screens() == [1]


def test_cut_off_notes_from_a_discussion_are_said_too() -> None:
    b = badge("writing-evidence")
    which = next(i for i, c in enumerate(b.criteria) if c.discussion)
    draft = Draft(badge=b.id, title=b.title)
    replies: list[str | BaseException] = ["skip"] * which + [LONG, AnswerInterrupted("We talked about")]
    saved = stopped_part_way(b, draft, replies)
    asker = ScriptedAsker(["quit"])
    interview(b, asker, saved, resumed=True)
    assert notices(asker)[0].startswith(f"Your notes from the discussion for criterion {which + 1} were cut off")
    assert asker.screens() == [which + 1]


def test_finishing_with_missing_answers_asks_first() -> None:
    b = badge("thing-19")
    asker = ScriptedAsker(["skip", LONG, LONG, LONG], choices=["write"], confirms=[False])
    outcome, _draft, _saves = interview(b, asker)
    assert outcome is Outcome.QUIT  # went back to criterion 1, then input ended
    assert asker.screens() == [1, 2, 3, 4, 1]
    assert any(isinstance(m, Notice) and m.text == "Question 1 has no answer yet." for m in asker.shown)
    asker = ScriptedAsker(["skip", LONG, LONG, LONG], choices=["write"], confirms=[True])
    assert interview(b, asker)[0] is Outcome.FINISHED


def test_at_the_end_any_answer_can_be_changed() -> None:
    b = badge("thing-19")
    asker = ScriptedAsker([LONG, LONG, LONG, LONG, "A changed third answer."], choices=["change", "3", "write"])
    outcome, draft, _saves = interview(b, asker)
    assert outcome is Outcome.FINISHED
    assert asker.screens() == [1, 2, 3, 4, 3], "after the change, straight back to the end"
    assert draft.answer("develop-leadership-skills") == "A changed third answer."


def test_finish_part_way_goes_to_the_end() -> None:
    asker = ScriptedAsker([LONG, "finish"], choices=["quit"])
    outcome, _draft, _saves = interview(badge("thing-19"), asker)
    assert outcome is Outcome.QUIT
    assert asker.questions == ["What would you like to do now?"]


def test_the_framework_asks_for_the_level_first_and_interviews_on_its_expectations() -> None:
    b = badge("multi-agency-expectations")
    asker = ScriptedAsker([LONG, "quit"], choices=["direct-practice"])
    _outcome, draft, saves = interview(b, asker)
    assert asker.questions[0].endswith("which level describes your role?")
    assert isinstance(asker.shown[0], Opening), "the level is asked before anything is shown"
    opening = asker.shown[0]
    assert isinstance(opening, Opening)
    assert (opening.level, opening.count, opening.kind) == ("Direct Practice", 5, "expectations")
    screen = asker.of(CriterionScreen)[0]
    assert isinstance(screen, CriterionScreen)
    assert screen.word == "Expectation" and screen.text.startswith("practitioners working with the same child")
    assert draft.level == "direct-practice" and saves.copies[0]["level"] == "direct-practice"
    assert draft.answer("share-information") == LONG


# --- the word rule -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rule", "total", "status", "within"),
    [
        (WordRule(suggested_min=500, suggested_max=1000), 742, "within the word guidance", True),
        (WordRule(suggested_max=1000), 1100, "100 over the suggested 1000: think about trimming", False),
        (WordRule(minimum=200), 150, "50 more to reach the minimum", False),
        (WordRule(minimum=450, maximum=900), 950, "50 over the maximum: cut it down or it will be returned", False),
        (WordRule(), 10, "", True),
    ],
)
def test_word_progress(rule: WordRule, total: int, status: str, within: bool) -> None:
    progress = word_progress(rule, total)
    assert (progress.status, progress.within) == (status, within)
    assert 0 <= progress.fraction <= 1


def test_finishing_outside_the_badges_word_limits_asks_first() -> None:
    b = badge("thing-19")  # at least 200 words in all
    asker = ScriptedAsker(["One.", "Two.", "Three.", "Four."], choices=["write", "quit"], confirms=[False])
    outcome, _draft, _saves = interview(b, asker)
    assert outcome is Outcome.QUIT, "declining goes back to the choices at the end"
    assert any(
        isinstance(m, Notice) and m.text == "Your statement has 4 words: 196 more to reach the minimum."
        for m in asker.shown
    )
    assert asker.questions.count("What would you like to do now?") == 2


# --- skipping, empty answers and text at a menu never hide or lose an answer ------------------------


def notices(asker: ScriptedAsker) -> list[str]:
    return [m.text for m in asker.shown if isinstance(m, Notice)]


def test_done_with_nothing_typed_keeps_an_answer_already_given_and_moves_on() -> None:
    asker = ScriptedAsker([LONG, "back", "", "quit"])
    _outcome, draft, _saves = interview(badge("thing-19"), asker)
    assert asker.screens() == [1, 2, 1, 2]
    assert "Nothing new was typed, so your answer to question 1 stays as it is (84 words)." in notices(asker)
    assert draft.answer("labels") == LONG and not draft.earlier


def test_skip_says_what_it_did_and_never_hides_an_answer() -> None:
    asker = ScriptedAsker([LONG, "back", "skip", "skip", "review", "quit"])
    _outcome, draft, _saves = interview(badge("thing-19"), asker)
    said = notices(asker)
    assert "Skipped: your answer to question 1 stays as it is (84 words)." in said
    assert "Skipped question 2 for now: come back with edit 2, or at the end." in said
    review = asker.of(Review)[-1]
    assert isinstance(review, Review)
    assert [(row.number, row.answer) for row in review.rows[:2]] == [(1, LONG), (2, None)]
    assert draft.answer("labels") == LONG


def test_after_changing_an_answer_the_learner_is_back_at_the_listing_and_told_so() -> None:
    b = badge("thing-19")
    asker = ScriptedAsker([LONG, LONG, LONG, LONG, "A changed third answer."], choices=["change", "3", "quit"])
    interview(b, asker)
    assert len(asker.of(Review)) == 2, "the listing is shown again after the change"
    assert "Above are all your answers as they are now. To change another one, choose 2." in notices(asker)
    assert asker.offered[0][1] == "Change an answer" and asker.offered[2][1] == "Change another answer"


def test_an_answer_pasted_at_a_menu_is_kept_in_the_draft_and_saved() -> None:
    pasted = [Pasted("When the housing team came I listened first."), Pasted("Next time I will ask sooner.")]
    asker = ScriptedAsker([LONG, LONG, LONG, LONG], choices=[*pasted, "quit"])
    _outcome, draft, saves = interview(badge("thing-19"), asker)
    assert [a.text for a in draft.set_aside] == [
        "When the housing team came I listened first.\nNext time I will ask sooner."
    ], "the lines of one paste are kept together"
    assert saves.copies[-1]["set_aside"][0]["text"].startswith("When the housing team")  # type: ignore[index]
    assert asker.kept[0].startswith("it is saved in your draft (see it with: badgekit drafts show thing-19")
    assert [draft.answer(c.id) for c in badge("thing-19").criteria] == [LONG] * 4, "no answer was touched"


@pytest.mark.parametrize(
    ("count", "noun", "plural", "said"),
    [
        (1, "word", None, "1 word"),
        (2, "word", None, "2 words"),
        (0, "answer", None, "0 answers"),
        (1, "criterion", "criteria", "1 criterion"),
        (7, "criterion", "criteria", "7 criteria"),
    ],
)
def test_counts_agree_with_their_nouns(count: int, noun: str, plural: str | None, said: str) -> None:
    assert counted(count, noun, plural) == said


# --- a command typed after some of an answer ---------------------------------------------------


@pytest.mark.parametrize(
    ("command", "then"),
    [(Command("back"), 0), (Command("skip"), 2), (Command("quit"), None), (Command("review"), 1)],
)
def test_text_typed_before_a_command_is_kept_as_the_answer_and_the_command_done(
    command: Command, then: int | None
) -> None:
    b = badge("leadership-across-boundaries")
    asker = ScriptedAsker([LONG, Reply("Typed before the command.", command), "quit"])
    outcome, draft, _ = interview(b, asker)
    assert draft.answer(b.criteria[1].id) == "Typed before the command."
    screens = [m.number for m in asker.shown if isinstance(m, CriterionScreen)]
    if then is None:
        assert outcome is Outcome.QUIT and screens == [1, 2]
    else:
        assert screens[2] == then + 1


def test_an_unknown_command_is_said_plainly_and_never_opens_the_editor() -> None:
    b = badge("leadership-across-boundaries")
    asker = ScriptedAsker([Reply("", Command("dance")), "quit"])
    interview(b, asker)
    assert asker.edited == []
    assert any(isinstance(m, Notice) and "cannot do 'dance'" in m.text for m in asker.shown)


def test_the_opening_says_a_badge_has_closed_forbids_ai_or_needs_an_endorsement() -> None:
    asker = ScriptedAsker(["quit"])
    interview(badge("learning-challenge-activity-2020-1"), asker)
    opening = asker.shown[0]
    assert isinstance(opening, Opening)
    assert opening.notices[0].startswith("This badge is no longer taking new applications")
    assert opening.notices[1].startswith("An endorsement is mandatory: “Once awarded")
    banned = ScriptedAsker(["quit"])
    interview(badge("principles-of-care-codes-and-standards"), banned)
    assert isinstance(banned.shown[0], Opening)
    assert banned.shown[0].notices == (
        "This badge forbids AI: “You must not use any generative Artificial Intelligence (AI) tools to plan, write "
        "or improve your evidence for this badge.” badgekit is not generative AI and writes none of your evidence, "
        "but do not use an AI chatbot for this badge.",
    )
    plain = ScriptedAsker(["quit"])
    interview(badge("leadership-across-boundaries"), plain)
    assert isinstance(plain.shown[0], Opening) and plain.shown[0].notices == ()
    assert banned.shown[0].sssc_ai_rule is False and plain.shown[0].sssc_ai_rule is True
