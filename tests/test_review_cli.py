"""``badgekit review`` as a manager meets it: in a terminal, from an answers file, and reading a review back."""

from __future__ import annotations

import json
import stat
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest
import yaml
from test_review import GOOD, PLANTED, PLANTED_TEXT
from typer.testing import Result

Run = Callable[..., Result]
#: What the manager types for a whole review: their role, a judgement and a comment per point,
#: two actions, the follow-up date offered, feedback, and "finish".
TYPED = "\n".join(
    [
        "Team leader",
        "1", "Covers every point.",
        "1", "",
        "3", "Ask them about the video.",
        "1", "",
        "2", "Say how this fits our supervision policy.",
        "1", "",
        "Share the factsheet at the next team meeting",
        "Ask me to read the next statement",
        "",
        "",
        "Nearly there.",
        "1",
    ]
)  # fmt: skip
#: The same, for a statement with identifying details: the sixth point is not asked.
TYPED_PLANTED = TYPED.replace("2\nSay how this fits our supervision policy.\n1\n\n", "2\nSay how it fits.\n\n")


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "work"
    folder.mkdir()
    monkeypatch.chdir(folder)
    (folder / "statement.md").write_text(GOOD, encoding="utf-8")
    (folder / "planted.md").write_text(PLANTED_TEXT, encoding="utf-8")
    return folder


def flat(text: str) -> str:
    return " ".join(text.split())


def saved(folder: Path, name: str = "statement-review.yaml") -> dict[str, object]:
    data = yaml.safe_load((folder / name).read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def test_help_says_what_it_does_with_an_example(run: Run) -> None:
    result = run("review", "--help")
    assert result.exit_code == 0
    out = flat(result.stdout)
    assert "Review a statement before it is submitted" in out
    assert "Example: badgekit review leadership-across-boundaries-statement.md --html" in out
    assert "<str>" not in out and "<file>" not in out and "<path>" not in out, "values are named FILE, ID..."


def test_without_a_terminal_it_says_to_use_an_answers_file(run: Run, here: Path) -> None:
    result = run("review", "statement.md")
    assert result.exit_code == 2
    assert "needs a terminal" in result.stderr and "--answers review-answers.yaml" in flat(result.stderr)
    assert not (here / "statement-review.yaml").exists()


def test_a_whole_review_in_a_terminal_saves_a_private_review_file(run: Run, here: Path) -> None:
    result = run("review", "statement.md", "--interactive", input=TYPED + "\n")
    assert result.exit_code == 0, result.stderr
    out = flat(result.stdout)
    assert "Reviewing statement.md before it is submitted" in out
    # check run by the learner counts the reminder to earn the prerequisite too: say why the counts differ
    assert "(prerequisite reminders are left out: they depend on the learner's own profile)." in out
    assert "words; the badge requires at least 150 words." in out
    assert "Point 1 of 6" in out and "Point 6 of 6" in out
    assert "Does the evidence meet the badge's criteria and requirements?" in out
    assert "The statement says what they will do on lines" in out
    assert "Outcome: Changes are needed before it is submitted" in out
    path = here / "statement-review.yaml"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    data = saved(here)
    assert data["finished"] is True and data["outcome"] == "changes-needed" and data["reviewer"] == "Team leader"
    points = data["points"]
    assert isinstance(points, list)
    assert [p["judgement"] for p in points] == ["met", "met", "not sure", "met", "not met", "met"]
    assert points[2]["comment"] == "Ask them about the video."
    assert data["actions"] == ["Share the factsheet at the next team meeting", "Ask me to read the next statement"]
    assert data["follow_up"] == (date.today() + timedelta(days=42)).isoformat()
    assert "Review saved in" in result.stderr and "badgekit review statement-review.yaml --html" in flat(result.stderr)


def test_a_planted_identifier_shows_the_privacy_point_as_not_met_with_the_finding(run: Run, here: Path) -> None:
    result = run("review", "planted.md", "--interactive", "--md", "--html", input=TYPED_PLANTED + "\n")
    assert result.exit_code == 0, result.stderr
    out = flat(result.stdout)
    assert "6. The statement identifies no one: not met" in out
    assert "line 13 error BK301 This looks like a person's name" in out
    assert "line 28 error BK303 This looks like a phone number" in out
    privacy = saved(here, "planted-review.yaml")["points"][5]  # type: ignore[index]
    assert privacy["judgement"] == "not met"
    assert {f["code"] for f in privacy["found"]} >= {"BK301", "BK303", "BK306"}
    for name in ("planted-review.yaml", "planted-review.md", "planted-review.html"):
        text = (here / name).read_text(encoding="utf-8")
        assert "BK301" in text and "not met" in text.lower()
        assert not any(detail in text for detail in PLANTED), f"{name} repeats an identifying detail"
    assert not any(detail in result.stdout + result.stderr for detail in PLANTED)


def test_stopping_part_way_keeps_the_answers_and_the_same_command_carries_on(run: Run, here: Path) -> None:
    first = run("review", "statement.md", "--interactive", input="Team leader\n1\nCovers every point.\n3\n")
    assert first.exit_code == 0
    assert "Your review so far is saved in" in first.stderr and "badgekit review statement.md" in first.stderr
    data = saved(here)
    assert data["finished"] is False and [p["judgement"] for p in data["points"]][:2] == ["met", "not sure"]  # type: ignore[index]
    rest = TYPED.split("\n", 4)[4]  # from point 2's comment on
    again = run("review", "statement.md", "--interactive", input=rest + "\n")
    assert again.exit_code == 0, again.stderr
    assert "Carrying on with your unfinished review: 1 of 6 points done." in flat(again.stdout)
    data = saved(here)
    assert data["finished"] is True and data["points"][0]["comment"] == "Covers every point."  # type: ignore[index]


def test_a_finished_review_is_never_replaced_without_force(run: Run, here: Path) -> None:
    run("review", "statement.md", "--interactive", input=TYPED + "\n")
    before = (here / "statement-review.yaml").read_text(encoding="utf-8")
    result = run("review", "statement.md", "--interactive", input=TYPED + "\n")
    assert result.exit_code == 3
    assert "already has a review, so it was left as it is" in result.stderr and "--force" in result.stderr
    assert (here / "statement-review.yaml").read_text(encoding="utf-8") == before
    replaced = run(
        "review", "statement.md", "--interactive", "--force", input=TYPED.replace("Team leader", "Manager") + "\n"
    )
    assert replaced.exit_code == 0 and saved(here)["reviewer"] == "Manager"


ANSWERS = """\
reviewer: Team leader
1: met
2: met
3: {judgement: not sure, comment: Ask them about the video.}
learning-points: met
policies: met
identifying: met
actions: Share the factsheet at the next team meeting.
"""


def test_an_answers_file_reviews_without_questions(run: Run, here: Path) -> None:
    (here / "answers.yaml").write_text(ANSWERS, encoding="utf-8")
    result = run("review", "statement.md", "--answers", "answers.yaml", "--md", "--html")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    data = saved(here)
    assert data["outcome"] == "talk-it-through" and data["actions"] == ["Share the factsheet at the next team meeting."]
    md = (here / "statement-review.md").read_text(encoding="utf-8")
    assert "## 3. You have undertaken all the activities asked of you: not sure\n\nAsk them about the video." in md
    html = (here / "statement-review.html").read_text(encoding="utf-8")
    assert "Talk it through before it is submitted" in html
    for name in ("statement-review.md", "statement-review.html"):
        assert stat.S_IMODE((here / name).stat().st_mode) == 0o600


def test_an_answers_file_saying_the_privacy_point_is_met_is_overruled_with_a_warning(run: Run, here: Path) -> None:
    (here / "answers.yaml").write_text(ANSWERS, encoding="utf-8")
    result = run("review", "planted.md", "--answers", "answers.yaml", "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["points"][5]["judgement"] == "not met" and data["outcome"] == "changes-needed"
    assert data["review_file"].endswith("planted-review.yaml")
    assert "warning: point 6 (identifying) is recorded as not met" in flat(result.stderr)


def test_an_answers_file_judging_met_against_errors_found_is_kept_with_a_warning(run: Run, here: Path) -> None:
    unanswered = GOOD.split("## 2.")[0]  # criteria 2 and 3 unanswered: BK201 errors
    (here / "short.md").write_text(unanswered, encoding="utf-8")
    (here / "answers.yaml").write_text(ANSWERS, encoding="utf-8")
    result = run("review", "short.md", "--answers", "answers.yaml")
    assert result.exit_code == 0, result.stderr
    warning = "point 1 (criteria) is recorded as met, as judged, although badgekit check found 3 errors on it"
    assert f"warning: {warning}" in flat(result.stderr) and "BK201 on line" in result.stderr
    data = saved(here, "short-review.yaml")
    assert data["points"][0]["judgement"] == "met"  # type: ignore[index]
    warnings = data["warnings"]
    assert isinstance(warnings, list) and len(warnings) == 1 and warnings[0].startswith(warning)


def test_a_bad_answers_file_is_reported_by_line_and_nothing_is_saved(run: Run, here: Path) -> None:
    (here / "answers.yaml").write_text("1: perhaps\n", encoding="utf-8")
    result = run("review", "statement.md", "--answers", "answers.yaml")
    assert result.exit_code == 3
    assert "error: answers.yaml:1: 1: should be met, not met or not sure" in result.stderr
    assert "error: answers.yaml: point 2 (understood) has no judgement" in result.stderr
    assert not (here / "statement-review.yaml").exists()


def test_a_saved_review_is_shown_again_and_written_out_for_the_learner(run: Run, here: Path) -> None:
    (here / "answers.yaml").write_text(ANSWERS, encoding="utf-8")
    run("review", "statement.md", "--answers", "answers.yaml")
    shown = run("review", "statement-review.yaml")
    assert shown.exit_code == 0, shown.stderr
    assert "Outcome: Talk it through before it is submitted" in flat(shown.stdout)
    assert "Ask them about the video." in shown.stdout
    copies = run("review", "statement-review.yaml", "--html")
    assert copies.exit_code == 0 and (here / "statement-review.html").is_file()
    again = run("review", "statement-review.yaml", "--html")
    assert again.exit_code == 3 and "already exists" in again.stderr
    as_json = json.loads(run("review", "statement-review.yaml", "--format", "json").stdout)
    assert as_json["schema"] == 1 and as_json["statement"] == "statement.md"


def test_showing_a_review_says_when_the_statement_has_changed_since(run: Run, here: Path) -> None:
    (here / "answers.yaml").write_text(ANSWERS, encoding="utf-8")
    run("review", "statement.md", "--answers", "answers.yaml")
    assert "changed" not in run("review", "statement-review.yaml").stderr
    (here / "statement.md").write_text(GOOD + "\nOne more line.\n", encoding="utf-8")
    assert "statement.md has changed since this review" in flat(run("review", "statement-review.yaml").stderr)


def test_a_damaged_review_file_is_named_by_line(run: Run, here: Path) -> None:
    (here / "answers.yaml").write_text(ANSWERS, encoding="utf-8")
    run("review", "statement.md", "--answers", "answers.yaml")
    path = here / "statement-review.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("finished: true", "finished: maybe"), encoding="utf-8")
    result = run("review", "statement-review.yaml")
    assert result.exit_code == 3 and "finished: should be true or false, not 'maybe'" in result.stderr


def test_a_statement_from_standard_input_needs_somewhere_to_save_the_review(run: Run, here: Path) -> None:
    (here / "answers.yaml").write_text(ANSWERS, encoding="utf-8")
    result = run("review", "-", "--answers", "answers.yaml", input=GOOD)
    assert result.exit_code == 2 and "-o" in result.stderr
    result = run("review", "-", "--answers", "answers.yaml", "-o", "mine.yaml", input=GOOD)
    assert result.exit_code == 0, result.stderr
    assert saved(here, "mine.yaml")["statement"] == "<stdin>"


def test_ctrl_c_stops_with_the_review_so_far_saved(run: Run, here: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import badgekit.review.walk

    def interrupted(*_args: object, **_kwargs: object) -> bool:
        raise KeyboardInterrupt

    monkeypatch.setattr(badgekit.review.walk, "run_review", interrupted)
    result = run("review", "statement.md", "--interactive")
    assert result.exit_code == 130
    assert "Stopped. Your review so far is saved in" in flat(result.stderr)


def test_the_readmes_answers_file_works_as_it_stands(run: Run, here: Path) -> None:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## For managers: reviewing") : readme.index("## Planning a badge")]
    example = section[section.index("```yaml\n") + 8 : section.index("```", section.index("```yaml\n") + 8)]
    later = date.today() + timedelta(days=365)  # the example's date, moved on so that it never passes
    assert "follow_up: 15/01/2027\n" in example
    example = example.replace("15/01/2027", f"{later:%d/%m/%Y}")
    (here / "my-review.yaml").write_text(example, encoding="utf-8")
    result = run("review", "statement.md", "--answers", "my-review.yaml")
    assert result.exit_code == 0, result.stderr
    data = saved(here)
    assert data["points"][2]["comment"] == "Did you watch the whole video?"  # type: ignore[index]
    assert data["outcome"] == "changes-needed" and data["follow_up"] == later.isoformat()


@pytest.mark.slow
def test_in_a_real_terminal_ctrl_c_keeps_what_was_given_and_the_same_command_carries_on(here: Path) -> None:
    import os
    import sys

    import pexpect

    env = {**os.environ, "NO_COLOR": "1", "TERM": "xterm"}

    def spawn() -> pexpect.spawn:
        args = ["-m", "badgekit", "review", "statement.md"]
        return pexpect.spawn(sys.executable, args, cwd=str(here), env=env, encoding="utf-8", timeout=30)

    child = spawn()
    child.expect_exact("Your name or role")
    child.sendline("Team leader")
    child.expect_exact("Type a number from 1 to 3: ")
    child.sendline("1")
    child.expect_exact("A comment for the learner")
    child.sendline("Covers every point.")
    child.expect_exact("Point 2 of 6")
    child.expect_exact("Type a number from 1 to 3: ")
    child.sendintr()
    child.expect_exact("Stopped. Your review so far is saved in statement-review.yaml.")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert saved(here)["points"][0]["comment"] == "Covers every point."  # type: ignore[index]

    child = spawn()
    child.expect_exact("Carrying on with your unfinished review: 1 of 6 points done.")
    child.expect_exact("Point 2 of 6")
    child.expect_exact("Type a number from 1 to 3: ")
    child.sendline("3")
    child.expect_exact("A comment for the learner")
    child.expect_exact("> ")
    child.send("Ask them about the vid")  # Ctrl-C before Enter: the part typed is kept, as in the interview
    child.expect_exact("Ask them about the vid")  # echoed: the line is being read
    child.sendintr()
    child.expect_exact("Stopped. Your review so far is saved in statement-review.yaml.")
    child.expect(pexpect.EOF)
    child.close()
    assert saved(here)["points"][1]["comment"] == "Ask them about the vid"  # type: ignore[index]


class FullDisk:
    """The review's folder on a disk that is full for the next ``writes`` writes there (all of them with -1)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, folder: Path, writes: int) -> None:
        import errno

        from badgekit import safefile

        real = safefile._replace

        def replace(path: Path, text: str, mode: int, *, durable: bool) -> None:
            if Path(path).resolve().parent == folder.resolve() and writes_left[0] != 0:
                writes_left[0] -= 1 if writes_left[0] > 0 else 0
                raise OSError(errno.ENOSPC, "No space left on device")
            real(path, text, mode, durable=durable)

        writes_left = [writes]
        monkeypatch.setattr(safefile, "_replace", replace)


def test_a_full_disk_during_a_review_loses_no_answer_and_saves_once_there_is_space(
    run: Run, here: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    FullDisk(monkeypatch, here, writes=2)  # the role and the first judgement cannot be written
    result = run("review", "statement.md", "--interactive", input=TYPED + "\n")
    assert result.exit_code == 0, result.stderr
    err = flat(result.stderr)
    assert "Your review could not be saved." in err and "the disk is full" in err
    assert err.count("Your review could not be saved.") == 1  # said once, not after every answer
    assert "Saved now" in err
    data = saved(here)
    assert data["finished"] is True and data["reviewer"] == "Team leader"
    assert data["points"][0]["comment"] == "Covers every point."  # type: ignore[index]


def test_a_disk_that_stays_full_shows_the_whole_review_to_copy_and_never_says_saved(
    run: Run, here: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    FullDisk(monkeypatch, here, writes=-1)
    result = run("review", "statement.md", "--interactive", input="Team leader\n1\nCovers every point.\n3\n")
    assert result.exit_code == 3
    assert "so far is saved" not in result.stderr
    assert "Your review is NOT saved in" in flat(result.stderr)
    shown = result.stderr.split("once there is space (then run the same command to carry on):", 1)[1]
    data = yaml.safe_load(shown)  # the review as its file would hold it, ready to copy
    assert data["reviewer"] == "Team leader" and data["points"][0]["comment"] == "Covers every point."
    assert not (here / "statement-review.yaml").exists()
