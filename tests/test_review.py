"""The manager's review as plain logic: the checklist, what check found, the walk, answers files, the review file."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from pathlib import Path

import pytest

from badgekit.badges.catalogue import load_catalogue
from badgekit.badges.model import WordRule
from badgekit.checks.registry import select_rules
from badgekit.checks.report import Options, check_text
from badgekit.checks.samples import WRITING_EVIDENCE_GOOD
from badgekit.drafting.interview import Notice
from badgekit.errors import InvalidDataError
from badgekit.review.checklist import CHECKLIST, LEFT_OUT
from badgekit.review.record import (
    ReviewRecord,
    apply_answers,
    carry_over,
    dump_review,
    judgement_from,
    load_review,
    parse_day,
    record_to_dict,
    review_of,
)
from badgekit.review.session import render_review
from badgekit.review.walk import (
    FOLLOW_UP_DAYS,
    ActionsScreen,
    PointScreen,
    ReviewMessage,
    ReviewSummary,
    run_review,
)
from badgekit.text import DATE_FORMS

CATALOGUE = load_catalogue()
TODAY = date(2026, 11, 22)
#: Details planted in a statement that the privacy rules must find; none may appear in a review.
PLANTED = ("O'Brien", "Leith Walk", "07700 900123")

WRITING = CATALOGUE.get("writing-evidence").criteria
#: The rule examples' good Writing evidence statement, with the criteria's own words as headings and
#: notes from the discussion criterion 2 asks for.
GOOD = (
    WRITING_EVIDENCE_GOOD.replace(
        "## 1. Three things I learned from the video and why they matter", f"## 1. {WRITING[0].text}"
    )
    .replace("## 2. Involving my manager", f"## 2. {WRITING[1].text}")
    .replace(
        "## 3. Telling my colleagues",
        "### Notes from my discussion\n\nMy line manager and I went through the factsheet in supervision and agreed "
        f"she reads my next one.\n\n## 3. {WRITING[2].text}",
    )
)
#: The same statement with a name, a street address and a phone number in it.
PLANTED_TEXT = GOOD.replace(
    "a person I support or a colleague.", "a person I support, such as Mrs O'Brien who lives at 12 Leith Walk."
).replace("how our practice changed.", "how our practice changed. Call me on 07700 900123.")


def reviewed(text: str = GOOD, allowed: tuple[str, ...] = ()) -> ReviewRecord:
    options = Options(allowed_names=allowed, rules=tuple(select_rules(ignore=list(LEFT_OUT))))
    report = check_text(text, "statement.md", CATALOGUE, options)
    return review_of(report, CATALOGUE, "statement.md")


class ScriptedManager:
    """Plays the manager: answers in order, and records everything the review shows and asks."""

    def __init__(self, choices: Sequence[str | None], lines: Sequence[str | None]) -> None:
        self.choices = list(choices)
        self.lines = list(lines)
        self.shown: list[ReviewMessage] = []
        self.questions: list[str] = []

    def show(self, message: ReviewMessage) -> None:
        self.shown.append(message)

    def choose(self, question: str, choices: Sequence[tuple[str, str]]) -> str | None:
        self.questions.append(question)
        return self.choices.pop(0) if self.choices else None

    def ask_line(self, question: str) -> str | None:
        self.questions.append(question)
        return self.lines.pop(0) if self.lines else None


def walk(record: ReviewRecord, manager: ScriptedManager, **kwargs: object) -> tuple[bool, list[dict[str, object]]]:
    saves: list[dict[str, object]] = []
    done = run_review(record, manager, lambda r: saves.append(record_to_dict(r)), today=TODAY, **kwargs)  # type: ignore[arg-type]
    return done, saves


# --- the checklist and what check found ------------------------------------------------------------


def test_the_checklist_is_the_guidances_six_points_in_order() -> None:
    assert [p.id for p in CHECKLIST] == [
        "criteria",
        "understood",
        "activities",
        "learning-points",
        "policies",
        "identifying",
    ]
    assert [p.number for p in CHECKLIST] == [1, 2, 3, 4, 5, 6]
    assert [p.id for p in CHECKLIST if not p.codes] == ["understood", "activities"], "the manager's judgement only"


def test_each_finding_goes_to_the_point_it_bears_on() -> None:
    text = GOOD.replace("as our supervision policy suggests.", "as my manager suggests.")
    text = text.replace("## 3. tell us", "## 9. tell us")  # BK204: a heading the badge has no criterion for
    record = reviewed(text)
    codes = {p.evidence.point.id: {f.code for f in p.evidence.found} for p in record.points}
    assert "BK403" in codes["policies"], "no link to policies: point 5"
    assert "BK204" in codes["criteria"]
    assert all(code.startswith(("BK1", "BK2", "BK6")) for code in codes["criteria"])
    assert codes["understood"] == codes["activities"] == set()
    everything = {f.code for f in record.found()}
    assert not any(code.startswith(LEFT_OUT) for code in everything), "BK603 reads the manager's own profile"


def test_readability_findings_are_kept_apart_from_the_checklist() -> None:
    long_sentence = " ".join(["We talked about the plan and"] * 8) + " then we agreed it."
    record = reviewed(GOOD.replace("pages of description.", "pages of description. " + long_sentence))
    assert [f.code for f in record.also_found] == ["BK502"]


def test_the_context_names_lines_words_steps_and_prerequisites() -> None:
    record = reviewed()
    context = {p.evidence.point.id: p.evidence.context for p in record.points}
    assert context["criteria"][1] == "3 of 3 criteria addressed."
    # The manager sees the learner's own sentences each judgement rests on, not only word counts.
    assert context["criteria"][2].startswith("Criterion 1 (evidenced): rests on line 9 “I learned three things")
    assert [line.split(" (")[0] for line in context["criteria"][2:5]] == [f"Criterion {n}" for n in (1, 2, 3)]
    assert (
        "The badge requires 'Getting started with Open Badges' first: ask whether they hold it." in context["criteria"]
    )
    assert context["understood"][0].startswith("Criterion 1: ") and context["understood"][0].endswith(" words.")
    assert any("Watch the video" in line for line in context["activities"])
    # the notes' first line, not their heading's: the line check quotes
    assert (
        "Criterion 2 asks for a discussion with colleagues or a manager: notes from it are on line 23."
        in (context["activities"])
    )
    assert context["policies"] == ("It mentions policies, procedures or standards on line 19.",)


def test_a_planted_identifier_makes_the_privacy_point_not_met_with_the_finding_and_never_the_detail() -> None:
    record = reviewed(PLANTED_TEXT)
    privacy = record.point("identifying")
    assert privacy.evidence.decided and privacy.judgement == "not met"
    assert {f.code for f in privacy.evidence.found} >= {"BK301", "BK303", "BK306"}
    assert {f.line for f in privacy.evidence.found} == {13, 28}
    saved = dump_review(record, "statement-review.yaml")
    rendered = render_review(record, "md") + render_review(record, "html")
    for detail in PLANTED:
        assert detail not in saved and detail not in rendered


def test_a_clean_statement_leaves_the_privacy_point_to_the_manager() -> None:
    record = reviewed()
    privacy = record.point("identifying")
    assert not privacy.evidence.found and not privacy.evidence.decided and privacy.judgement is None
    assert "cannot know every name" in privacy.evidence.context[0]


def test_an_allowed_name_is_not_a_finding() -> None:
    text = GOOD.replace("reflectively before.", "reflectively before, as Donald Schön describes.")
    assert not reviewed(text, allowed=("Donald Schön",)).point("identifying").evidence.found


# --- the walk ---------------------------------------------------------------------------------------

EVERY_ANSWER = ["met", "not sure", "met", "not met", "met", "met", "finish"]
EVERY_LINE = ["Team leader", "Good.", "", "Ask about the video.", "Say what changed.", "", "", "Share it.", "", "", ""]


def test_a_whole_review_asks_each_point_then_the_actions_and_saves_after_every_answer() -> None:
    record = reviewed()
    manager = ScriptedManager(EVERY_ANSWER, EVERY_LINE)
    done, saves = walk(record, manager, action_lines=(16,))
    assert done and record.finished
    assert [p.judgement for p in record.points] == ["met", "not sure", "met", "not met", "met", "met"]
    assert record.point("learning-points").comment == "Say what changed."
    assert record.reviewer == "Team leader" and record.actions == ["Share it."]
    assert record.follow_up == TODAY + timedelta(days=FOLLOW_UP_DAYS)
    assert record.feedback == "" and record.outcome() == "changes-needed"
    screens = [m for m in manager.shown if isinstance(m, PointScreen)]
    assert [s.point.evidence.point.number for s in screens] == [1, 2, 3, 4, 5, 6]
    assert [m.action_lines for m in manager.shown if isinstance(m, ActionsScreen)] == [(16,)]
    assert any(isinstance(m, ReviewSummary) for m in manager.shown)
    assert len(saves) >= 1 + 2 * 6 + 3 and saves[-1]["finished"] is True


@pytest.mark.parametrize(
    ("rule", "said"),
    [
        (WordRule(suggested_min=500, suggested_max=1000), "the badge suggests 500–1000 words"),
        (WordRule(minimum=150), "the badge requires at least 150 words"),
        (
            WordRule(maximum=800, suggested_min=300),
            "the badge allows no more than 800 words and suggests 300 words or more",
        ),
        (WordRule(), "the badge sets no word limit"),
    ],
)
def test_the_word_rule_reads_as_a_sentence(rule: WordRule, said: str) -> None:
    assert rule.describe("clause") == said


def test_a_point_judged_met_against_errors_found_is_kept_with_a_warning() -> None:
    record = reviewed(GOOD.split("## 2.")[0])  # criteria 2 and 3 unanswered
    manager = ScriptedManager(["met", "not met"], ["", ""])
    walk(record, manager)
    assert record.point("criteria").judgement == "met", "the manager's judgement stands"
    told = [m.text for m in manager.shown if isinstance(m, Notice) and m.level == "warning"]
    assert len(told) == 1 and "point 1 (criteria) is recorded as met" in told[0] and "BK201 on line" in told[0]
    assert record_to_dict(record)["warnings"] == record.warnings() and len(record.warnings()) == 1
    record.point("criteria").judgement = "not sure"
    assert record.warnings() == [], "only a judgement of met goes against the errors"


def test_the_privacy_point_is_not_asked_when_the_check_found_identifying_details() -> None:
    record = reviewed(PLANTED_TEXT)
    manager = ScriptedManager(["met"] * 5 + ["finish"], ["", *[""] * 6, "", "", ""])
    done, _ = walk(record, manager)
    assert done and record.point("identifying").judgement == "not met" and record.outcome() == "changes-needed"
    asked = [q for q in manager.questions if q.endswith("?")]
    assert "The statement identifies no one: nothing in it could identify an individual. Met or not met?" not in asked
    assert any(isinstance(m, Notice) and m.level == "problem" for m in manager.shown)


def test_stopping_part_way_keeps_what_was_given_and_carrying_on_asks_only_the_rest() -> None:
    first = reviewed()
    done, saves = walk(first, ScriptedManager(["met", "not sure"], ["Team leader", "Good.", "Hmm."]))
    assert not done and saves[-1]["points"][1]["judgement"] == "not sure"  # type: ignore[index]
    again = reviewed()
    carry_over(again, first)
    manager = ScriptedManager(["met"] * 4 + ["finish"], ["", "", "", "", "Share it.", "", "01/02/2027", "Well done."])
    done, _ = walk(again, manager, resumed=True)
    assert done and [p.judgement for p in again.points] == ["met", "not sure", "met", "met", "met", "met"]
    assert again.point("understood").comment == "Hmm." and again.follow_up == date(2027, 2, 1)
    assert [s.point.evidence.point.number for s in manager.shown if isinstance(s, PointScreen)] == [3, 4, 5, 6]


def test_a_follow_up_date_that_is_wrong_or_past_is_asked_again() -> None:
    record = reviewed()
    lines = ["", *[""] * 6, "Share it.", "", "next Tuesday", "2026-01-01", "2027-03-04", ""]
    manager = ScriptedManager(["met"] * 6 + ["finish"], lines)
    done, _ = walk(record, manager)
    assert done and record.follow_up == date(2027, 3, 4)
    warnings = [m.text for m in manager.shown if isinstance(m, Notice) and m.level == "warning"]
    assert warnings == [
        "'next Tuesday' is not a date badgekit can read: write it as 15/01/2027, 15 Jan 2027, 15 January or 2027-01-15",
        "1 January 2026 has passed: give a date from today on",
    ]


def test_at_the_end_a_point_can_be_changed() -> None:
    record = reviewed()
    manager = ScriptedManager(["met"] * 6 + ["change", "policies", "not met", "finish"], [""] * 9 + ["Add it."])
    done, _ = walk(record, manager)
    assert done and record.point("policies").judgement == "not met" and record.point("policies").comment == "Add it."


def test_no_actions_means_no_follow_up_date() -> None:
    record = reviewed()
    done, _ = walk(record, ScriptedManager(["met"] * 6 + ["finish"], [""] * 9))
    assert done and record.actions == [] and record.follow_up is None and record.outcome() == "ready"


@pytest.mark.parametrize(
    ("written", "judgement"),
    [
        ("met", "met"),
        ("Not met", "not met"),
        ("not-sure", "not sure"),
        (True, "met"),
        (False, "not met"),
        ("maybe", None),
    ],
)
def test_judgements_are_read_as_people_write_them(written: object, judgement: str | None) -> None:
    assert judgement_from(written) == judgement


def test_dates_are_read_in_either_order() -> None:
    assert parse_day("15/01/2027", TODAY) == parse_day("2027-01-15", TODAY) == date(2027, 1, 15)
    assert parse_day("22.11.2026", TODAY) == TODAY
    with pytest.raises(ValueError, match="has passed"):
        parse_day("21/11/2026", TODAY)


# --- an answers file --------------------------------------------------------------------------------


def answers(tmp_path: Path, body: str) -> str:
    path = tmp_path / "review-answers.yaml"
    path.write_text(body, encoding="utf-8")
    return str(path)


ANSWERS = """\
reviewer: Team leader
criteria: met
2: {judgement: not sure, comment: Ask about the video.}
activities: yes
learning-points: met
policies:
  judgement: not met
  comment: |
    Say how this fits our supervision policy.
identifying: met
actions:
  - Share the factsheet at the next team meeting.
follow_up: 15/01/2027
feedback: Nearly there.
"""


def test_an_answers_file_fills_and_finishes_the_review(tmp_path: Path) -> None:
    record = reviewed()
    assert apply_answers(record, answers(tmp_path, ANSWERS), today=TODAY) == []
    assert record.finished and [p.judgement for p in record.points] == [
        "met", "not sure", "met", "met", "not met", "met",
    ]  # fmt: skip
    assert record.point("policies").comment == "Say how this fits our supervision policy."
    assert record.actions == ["Share the factsheet at the next team meeting."]
    assert record.follow_up == date(2027, 1, 15) and record.feedback == "Nearly there."


def test_an_answers_file_cannot_say_the_privacy_point_is_met_when_check_found_details(tmp_path: Path) -> None:
    record = reviewed(PLANTED_TEXT)
    notices = apply_answers(record, answers(tmp_path, ANSWERS), today=TODAY)
    assert record.point("identifying").judgement == "not met"
    assert notices == [
        "point 6 (identifying) is recorded as not met: badgekit check found details that could identify someone "
        "on lines 13 and 28"
    ]


def test_every_problem_in_an_answers_file_is_named_by_line_and_key(tmp_path: Path) -> None:
    body = "criteria: maybe\nunderstod: met\nactivities: {judgement: met, coment: x}\nfollow_up: soon\n"
    path = answers(tmp_path, body)
    with pytest.raises(InvalidDataError) as caught:
        apply_answers(reviewed(), path, today=TODAY)
    lines = caught.value.error_lines()
    assert f"{path}:1: criteria: should be met, not met or not sure" in lines
    assert f"{path}:2: understod: unknown key (did you mean 'understood'?)" in lines
    assert f"{path}:3: activities.coment: unknown key (did you mean 'comment'?)" in lines
    assert f"{path}:4: follow_up: 'soon' is not a date badgekit can read: write it as {DATE_FORMS}" in lines
    for missing in ("point 2 (understood)", "point 4 (learning-points)", "point 5 (policies)", "point 6 (identifying)"):
        assert f"{path}: {missing} has no judgement" in lines
    assert len(lines) == 8


def test_the_privacy_point_may_be_left_out_of_an_answers_file_when_check_settled_it(tmp_path: Path) -> None:
    record = reviewed(PLANTED_TEXT)
    body = "".join(f"{n}: met\n" for n in range(1, 6))
    assert apply_answers(record, answers(tmp_path, body), today=TODAY) == []
    assert record.point("identifying").judgement == "not met" and record.actions == [] and record.finished


# --- the review file ---------------------------------------------------------------------------------


def finished(text: str = GOOD) -> ReviewRecord:
    record = reviewed(text)
    walk(record, ScriptedManager(EVERY_ANSWER, EVERY_LINE))
    return record


def test_a_review_file_reads_back_as_it_was_written(tmp_path: Path) -> None:
    record = finished(PLANTED_TEXT)
    path = tmp_path / "statement-review.yaml"
    path.write_text(dump_review(record, path.name), encoding="utf-8")
    again = load_review(str(path))
    assert record_to_dict(again) == record_to_dict(record)
    assert again.point("identifying").evidence.decided


def test_a_hand_edited_mistake_in_a_review_file_is_named_by_line_and_field(tmp_path: Path) -> None:
    path = tmp_path / "statement-review.yaml"
    text = dump_review(finished(), path.name).replace("judgement: not sure", "judgement: perhaps", 1)
    path.write_text(text.replace("schema: 1", "schema: 2"), encoding="utf-8")
    with pytest.raises(InvalidDataError) as caught:
        load_review(str(path))
    lines = caught.value.error_lines()
    line = next(n for n, row in enumerate(text.splitlines(), 1) if "perhaps" in row)
    assert f"{path}:5: schema: this badgekit reads reviews of schema 1, not 2" in lines
    assert f"{path}:{line}: points[1].judgement: should be met, not met or not sure" in lines


def test_a_review_file_that_is_not_one_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.yaml"
    path.write_text("- a list\n", encoding="utf-8")
    with pytest.raises(InvalidDataError, match="1 problem"):
        load_review(str(path))


# --- the review for the learner --------------------------------------------------------------------


def test_the_markdown_review_speaks_to_the_learner() -> None:
    text = render_review(finished(), "md")
    assert text.startswith("# Review of your statement before it is submitted\n")
    assert (
        "## 4. You have identified important learning points for your own development and the service: not met\n"
        in text
    )
    assert "\n1. Share it.\n" in text and "Your manager will follow these up with you on 3 January 2027." in text
    assert "**Outcome:** Changes are needed before it is submitted" in text
    assert "A badge shows learning, not competence" in text


def test_the_web_page_escapes_what_the_manager_typed_and_loads_nothing() -> None:
    record = finished()
    record.point("criteria").comment = "<script>alert('x')</script> & {{ 7*7 }}"
    page = render_review(record, "html")
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; {{ 7*7 }}" in page
    assert "<script" not in page and 'http-equiv="Content-Security-Policy"' in page
    assert "src=" not in page and "<link" not in page
    assert 'class="judgement not-met">Not met</span>' in page
    assert ".answer h2" in page, "the exported statement's style sheet is included"


class StoppedMidLine(ScriptedManager):
    """The manager presses Ctrl-C (or closes the window) part-way through typing a line."""

    def __init__(self, choices: Sequence[str | None], lines: Sequence[str | None], typed: str) -> None:
        super().__init__(choices, lines)
        self.typed = typed

    def ask_line(self, question: str) -> str | None:
        if self.lines:
            return super().ask_line(question)
        stop = KeyboardInterrupt()
        stop.typed = self.typed  # type: ignore[attr-defined]
        raise stop


def test_ctrl_c_part_way_through_a_comment_keeps_what_was_typed() -> None:
    record = reviewed()
    manager = StoppedMidLine(["met"], ["Team leader"], typed="Covers every point, though criterion 2 is th")
    saves: list[dict[str, object]] = []
    with pytest.raises(KeyboardInterrupt):
        run_review(record, manager, lambda r: saves.append(record_to_dict(r)), today=TODAY)
    assert saves[-1]["points"][0]["comment"] == "Covers every point, though criterion 2 is th"  # type: ignore[index]
