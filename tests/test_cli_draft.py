"""``badgekit draft`` and ``badgekit drafts`` as a learner meets them, driven with scripted input."""

from __future__ import annotations

import json
import stat
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import yaml
from typer.testing import Result

Run = Callable[..., Result]
BADGE = "leadership-across-boundaries"
ANSWER = "I worked with the district nurses and the housing team to plan a safe discharge home for a man I support."


@pytest.fixture(autouse=True)
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Run every command in an empty folder, where statements are written."""
    folder = tmp_path / "work"
    folder.mkdir()
    monkeypatch.chdir(folder)
    yield folder


def typed(*answers: str) -> str:
    """What the learner types: each answer followed by 'done' on a line of its own."""
    return "".join(f"{answer}\ndone\n" for answer in answers)


def drafts_folder(data: Path) -> Path:
    return data / "drafts"


def saved(data: Path, badge_id: str = BADGE) -> dict[str, object]:
    loaded = json.loads((drafts_folder(data) / f"{badge_id}.json").read_text(encoding="utf-8"))
    assert isinstance(loaded, dict)
    return loaded


def answers_in(data: Path, badge_id: str = BADGE) -> dict[str, str]:
    return {cid: a["text"] for cid, a in saved(data, badge_id)["answers"].items()}  # type: ignore[attr-defined]


def flat(text: str) -> str:
    return " ".join(text.split())  # Rich wraps long lines


def test_help_teaches_with_an_example(run: Run) -> None:
    for args in (["draft"], ["drafts"], ["drafts", "show"], ["drafts", "delete"]):
        result = run(*args, "--help")
        assert result.exit_code == 0, args
        assert f"badgekit {' '.join(args)}" in flat(result.stdout), f"{args} --help has no example"


def test_without_a_terminal_it_says_to_use_an_answers_file(run: Run) -> None:
    result = run("draft", BADGE)
    assert result.exit_code == 2
    assert "needs a terminal" in result.stderr
    assert f"badgekit draft {BADGE} --answers answers.yaml" in flat(result.stderr)
    assert result.stdout == ""


def test_a_whole_interview_writes_the_statement(run: Run, here: Path, isolated_user_dirs: Path) -> None:
    answers = [f"{ANSWER} Point {n}." for n in range(1, 8)]
    result = run("draft", BADGE, "--interactive", input=typed(*answers) + "1\n")
    assert result.exit_code == 0, result.stderr
    out = flat(result.stdout)
    assert "Leading and managing across boundaries" in out
    assert "There are 7 criteria to answer" in out and "500–1000 words suggested" in out
    assert "Earn 'Leadership Capability Feedback' first: this badge requires it." in out
    assert "Criterion 3 of 7" in out
    assert "build and maintain trust with colleagues in your own, and other, agencies" in out
    assert "type done on a new line" in out
    assert "Saved. This answer: 23 words." in out and "Statement so far:" in out
    statement = here / f"{BADGE}-statement.md"
    text = statement.read_text(encoding="utf-8")
    for answer in answers:
        assert answer in text
    assert yaml.safe_load(text.split("---\n")[1])["words"] == 7 * 23
    assert stat.S_IMODE(statement.stat().st_mode) == 0o600
    assert f"Your statement is in {statement}" in out and "badgekit check" in out


def test_a_pasted_three_paragraph_answer_reaches_the_statement(run: Run, here: Path) -> None:
    pasted = (
        "When our team started joint visits with the community nurses, I set up a shared diary.\n"
        "\n"
        "At first I felt we were treading on each other's toes, so I asked for a meeting.\n"
        "\n"
        "Next time I will agree roles at the very start, and check in with the family."
    )
    # four short answers fall below Thing 19's 200 words, so writing asks first: y
    result = run("draft", "thing-19", "--interactive", input=typed(pasted, "b", "c", "d") + "1\ny\n")
    assert result.exit_code == 0, result.stderr
    text = (here / "thing-19-citizen-leadership-statement.md").read_text(encoding="utf-8")
    assert pasted in text
    assert "What are some of the labels people using your service might have experienced?\n\n" + pasted in text


def test_learner_text_is_shown_as_typed_never_as_markup(run: Run) -> None:
    answer = "[bold red]not markup[/] :smile: {{ 7*7 }}"
    result = run("draft", "thing-19", "--interactive", input=typed(answer) + "review\nquit\n")
    assert result.exit_code == 0, result.stderr
    assert answer in result.stdout


def test_quit_saves_and_says_how_to_carry_on_then_running_again_resumes(
    run: Run, here: Path, isolated_user_dirs: Path
) -> None:
    first = run("draft", BADGE, "--interactive", input=typed("First answer.", "Second answer.") + "quit\n")
    assert first.exit_code == 0, first.stderr
    assert f"To carry on, run: badgekit draft {BADGE}" in flat(first.stdout)
    assert list(answers_in(isolated_user_dirs).values()) == ["First answer.", "Second answer."]
    rest = typed(*(f"Answer {n}." for n in range(3, 8)))
    second = run("draft", BADGE, "--interactive", input="y\n" + rest + "1\nn\n")
    assert second.exit_code == 0, second.stderr
    out = flat(second.stdout)
    assert "You have a draft of this badge: 2 answers, 4 words" in out
    assert "Welcome back: you have answered 2 of 7." in out
    assert "Criterion 1 of 7" not in out.split("Welcome back")[1].split("Your answers so far")[0]
    text = (here / f"{BADGE}-statement.md").read_text(encoding="utf-8")
    assert "First answer." in text and "Second answer." in text and "Answer 7." in text


def test_fresh_starts_again_and_keeps_the_old_draft_as_a_backup(run: Run, isolated_user_dirs: Path) -> None:
    run("draft", BADGE, "--interactive", input=typed("Old answer.") + "quit\n")
    old = (drafts_folder(isolated_user_dirs) / f"{BADGE}.json").read_bytes()
    result = run("draft", BADGE, "--interactive", "--fresh", input=typed("New answer.") + "quit\n")
    assert result.exit_code == 0, result.stderr
    assert "Your previous draft is kept as a backup" in flat(result.stdout)
    (backup,) = drafts_folder(isolated_user_dirs).glob(f"{BADGE}.backup-*.json")
    assert backup.read_bytes() == old
    assert list(answers_in(isolated_user_dirs).values()) == ["New answer."]


def test_declining_to_resume_offers_a_fresh_start_and_changes_nothing_unless_asked(
    run: Run, isolated_user_dirs: Path
) -> None:
    run("draft", BADGE, "--interactive", input=typed("Old answer.") + "quit\n")
    result = run("draft", BADGE, "--interactive", input="n\nn\n")
    assert result.exit_code == 0
    assert "Nothing has changed" in result.stdout
    assert list(answers_in(isolated_user_dirs).values()) == ["Old answer."]
    result = run("draft", BADGE, "--interactive", input="n\ny\nquit\n")
    assert result.exit_code == 0
    assert len(list(drafts_folder(isolated_user_dirs).glob(f"{BADGE}.backup-*.json"))) == 1


def test_ctrl_c_saves_what_was_typed_and_says_how_to_resume(
    run: Run, isolated_user_dirs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    keys = iter(["A finished answer.", "done", "Half of a second", "answer"])

    def keyboard(_prompt: str = "") -> str:
        for line in keys:
            return line
        raise KeyboardInterrupt

    monkeypatch.setattr("builtins.input", keyboard)
    result = run("draft", BADGE, "--interactive")
    assert result.exit_code == 130
    assert f"To carry on, run: badgekit draft {BADGE}" in flat(result.stderr)
    assert list(answers_in(isolated_user_dirs).values()) == ["A finished answer.", "Half of a second\nanswer"]


def test_a_criterions_minimum_is_enforced(run: Run, isolated_user_dirs: Path) -> None:
    result = run("draft", "writing-evidence", "--interactive", input=typed("Too short.") + "quit\n")
    assert "Criterion 1 asks for at least 100 words and this answer has 2" in flat(result.stdout)
    assert flat(result.stdout).count("Criterion 1 of 3") == 2
    assert answers_in(isolated_user_dirs, "writing-evidence") == {"three-things-learned": "Too short."}


def test_the_framework_asks_for_the_level_first(run: Run, here: Path) -> None:
    statements = typed(*(f"Statement answer {n}." for n in range(1, 6)))
    result = run("draft", "multi-agency", "--interactive", input="3\n" + statements + "1\n")
    assert result.exit_code == 0, result.stderr
    out = flat(result.stdout)
    assert out.index("which level describes your role?") < out.index("Statement 1 of 5")
    assert "Level: Direct Practice" in out
    text = (here / "multi-agency-expectations-statement.md").read_text(encoding="utf-8")
    assert "\nlevel: direct-practice\n" in text and "## 1. practitioners working with the same child" in text


def test_an_existing_statement_is_never_overwritten_without_force(run: Run, here: Path) -> None:
    mine = here / "thing-19-citizen-leadership-statement.md"
    mine.write_text("my earlier statement", encoding="utf-8")
    result = run("draft", "thing-19", "--interactive", input=typed("a", "b", "c", "d") + "1\ny\n")
    assert result.exit_code == 0, result.stderr
    assert mine.read_text(encoding="utf-8") == "my earlier statement"
    assert "already exists, so it was left as it is" in flat(result.stdout)
    assert "\na\n" in (here / "thing-19-citizen-leadership-statement-2.md").read_text(encoding="utf-8")
    result = run("draft", "thing-19", "--interactive", "--force", input="y\n1\ny\n")
    assert result.exit_code == 0, result.stderr
    assert mine.read_text(encoding="utf-8").startswith("---\nbadge: thing-19-citizen-leadership\n")


def test_a_damaged_draft_is_reported_and_left_alone_until_fresh(run: Run, isolated_user_dirs: Path) -> None:
    folder = drafts_folder(isolated_user_dirs)
    folder.mkdir(parents=True)
    damaged = folder / f"{BADGE}.json"
    damaged.write_text('{"schema": 1, "badge": ', encoding="utf-8")
    result = run("draft", BADGE, "--interactive")
    assert result.exit_code == 3
    assert result.stderr.startswith(f"error: {damaged}:1: not a readable draft")
    assert "--fresh" in result.stderr
    assert damaged.read_text(encoding="utf-8") == '{"schema": 1, "badge": '
    result = run("draft", BADGE, "--interactive", "--fresh", input="quit\n")
    assert result.exit_code == 0, result.stderr
    (backup,) = folder.glob(f"{BADGE}.backup-*.json")
    assert backup.read_text(encoding="utf-8") == '{"schema": 1, "badge": '


def test_the_drafts_folder_can_be_moved(run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    run("draft", "thing-19", "--interactive", "--drafts-dir", str(tmp_path / "opt"), input=typed("x") + "quit\n")
    assert (tmp_path / "opt" / "thing-19-citizen-leadership.json").is_file()
    monkeypatch.setenv("BADGEKIT_DRAFTS_DIR", str(tmp_path / "env"))
    run("draft", "thing-19", "--interactive", input=typed("y") + "quit\n")
    assert (tmp_path / "env" / "thing-19-citizen-leadership.json").is_file()
    listed = run("drafts", "--format", "json")
    assert [d["badge"] for d in json.loads(listed.stdout)["drafts"]] == ["thing-19-citizen-leadership"]


# --- answers from a file ----------------------------------------------------------------------


def answers_file(folder: Path, text: str) -> Path:
    path = folder / "answers.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_answers_from_a_file_write_the_statement_without_asking(run: Run, here: Path) -> None:
    path = answers_file(
        here, "1: |\n  {{ 7*7 }} <script>\n\n  {% raw %}\nlimited-opportunities: Two.\n3: Three.\n4: Four.\n"
    )
    result = run("draft", "thing-19", "--answers", str(path))
    assert result.exit_code == 0, result.stderr
    assert "Statement written to" in result.stdout
    text = (here / "thing-19-citizen-leadership-statement.md").read_text(encoding="utf-8")
    assert "\n{{ 7*7 }} <script>\n\n{% raw %}\n" in text
    again = run("draft", "thing-19", "--answers", str(path))
    assert again.exit_code == 3 and "already exists" in again.stderr and "--force" in again.stderr
    assert run("draft", "thing-19", "--answers", str(path), "--force").exit_code == 0


def test_answers_from_standard_input_to_standard_output(run: Run) -> None:
    result = run("draft", "thing-19", "--answers", "-", "-o", "-", input="1: a\n2: b\n3: c\n4: d\n")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("---\nbadge: thing-19-citizen-leadership\n")
    assert "## 4. How have people using services been involved" in result.stdout


def test_missing_answers_are_reported_by_criterion(run: Run, here: Path) -> None:
    path = answers_file(here, "1: One.\n")
    result = run("draft", "thing-19", "--answers", str(path), "-o", "out.md")
    assert result.exit_code == 3
    assert f"error: {path}: question 2 (limited-opportunities) has no answer" in result.stderr
    assert f"error: {path}: question 4 (citizen-leaders) has no answer" in result.stderr
    assert not (here / "out.md").exists()


def test_a_framework_level_can_be_given_as_an_option(run: Run, here: Path) -> None:
    path = answers_file(here, "".join(f"{n}: Answer {n}.\n" for n in range(1, 6)))
    result = run("draft", "multi-agency", "--answers", str(path), "--level", "strategic-leaders", "-o", "-")
    assert result.exit_code == 0, result.stderr
    assert "level: strategic-leaders" in result.stdout
    wrong = run("draft", "multi-agency", "--answers", str(path), "--level", "everyone")
    assert wrong.exit_code == 3 and "'everyone' is not a level" in wrong.stderr
    assert run("draft", "thing-19", "--level", "x").exit_code == 3


def test_an_unknown_badge_suggests_one(run: Run) -> None:
    result = run("draft", "across-boundary")
    assert result.exit_code == 3
    assert "there is no badge called 'across-boundary'" in result.stderr
    assert "leadership-across-boundaries" in result.stderr


# --- badgekit drafts ---------------------------------------------------------------------------


def test_drafts_lists_shows_and_deletes(run: Run, isolated_user_dirs: Path) -> None:
    assert "You have no saved drafts" in run("drafts").stdout
    run("draft", BADGE, "--interactive", input=typed("First answer here.", "Second.") + "quit\n")
    listed = run("drafts")
    assert listed.exit_code == 0
    assert BADGE in listed.stdout and "2 of 7" in listed.stdout
    data = json.loads(run("drafts", "--format", "json").stdout)
    (entry,) = data["drafts"]
    assert (entry["badge"], entry["answered"], entry["criteria"], entry["words"]) == (BADGE, 2, 7, 4)

    shown = run("drafts", "show", "across-boundaries")
    assert shown.exit_code == 0, shown.stderr
    assert "3. build and maintain trust" in shown.stdout and "First answer here." in shown.stdout
    assert "(no answer yet)" in shown.stdout
    as_json = json.loads(run("drafts", "show", BADGE, "--format", "json").stdout)
    assert as_json["answers"][0]["answer"] == "First answer here." and as_json["answers"][0]["words"] == 3
    assert as_json["answers"][2]["answer"] is None

    kept = run("drafts", "delete", BADGE, input="n\n")
    assert "Nothing was deleted" in kept.stdout
    assert (drafts_folder(isolated_user_dirs) / f"{BADGE}.json").exists()
    deleted = run("drafts", "delete", BADGE, input="y\n")
    assert deleted.exit_code == 0 and "Deleted" in deleted.stdout
    assert not (drafts_folder(isolated_user_dirs) / f"{BADGE}.json").exists()
    missing = run("drafts", "show", BADGE)
    assert missing.exit_code == 3 and "you have no draft of" in missing.stderr


def test_deleting_asks_first_and_keeps_the_draft_when_no_one_answers(run: Run, isolated_user_dirs: Path) -> None:
    run("draft", BADGE, "--interactive", input=typed("Keep me.") + "quit\n")
    result = run("drafts", "delete", BADGE)  # no input at all: the default is no
    assert "This cannot be undone" in result.stdout and "Nothing was deleted" in result.stdout
    assert run("drafts", "delete", BADGE, "--yes").exit_code == 0
    assert not (drafts_folder(isolated_user_dirs) / f"{BADGE}.json").exists()


def test_a_damaged_draft_is_listed_as_an_error(run: Run, isolated_user_dirs: Path) -> None:
    run("draft", BADGE, "--interactive", input=typed("Fine.") + "quit\n")
    (drafts_folder(isolated_user_dirs) / "thing-19-citizen-leadership.json").write_text("{", encoding="utf-8")
    result = run("drafts")
    assert result.exit_code == 3
    assert BADGE in result.stdout
    assert "thing-19-citizen-leadership.json:1: not a readable draft" in result.stderr


def test_ctrl_c_at_the_resume_question_stops_cleanly(
    run: Run, isolated_user_dirs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run("draft", BADGE, "--interactive", input=typed("Kept.") + "quit\n")

    def ctrl_c(_prompt: str = "") -> str:
        raise KeyboardInterrupt

    monkeypatch.setattr("builtins.input", ctrl_c)
    result = run("draft", BADGE, "--interactive")
    assert result.exit_code == 130
    assert f"To carry on, run: badgekit draft {BADGE}" in flat(result.stderr)
    assert list(answers_in(isolated_user_dirs).values()) == ["Kept."]


def test_the_editor_command_opens_the_learners_editor_on_a_private_file(
    run: Run, tmp_path: Path, isolated_user_dirs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen = tmp_path / "seen.txt"
    editor = tmp_path / "editor.py"
    editor.write_text(
        "import os, stat, sys\n"
        "path = sys.argv[1]\n"
        f"open({str(seen)!r}, 'w').write(path + ' ' + oct(stat.S_IMODE(os.stat(path).st_mode)))\n"
        "open(path, 'w').write('Written in my editor.\\n\\nSecond paragraph.\\n')\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("EDITOR", f"{sys.executable} {editor}")
    monkeypatch.delenv("VISUAL", raising=False)
    result = run("draft", "thing-19", "--interactive", input="editor\nquit\n")
    assert result.exit_code == 0, result.stderr
    assert answers_in(isolated_user_dirs, "thing-19-citizen-leadership") == {
        "labels": "Written in my editor.\n\nSecond paragraph."
    }
    used, mode = seen.read_text(encoding="utf-8").split()
    assert Path(used).parent == drafts_folder(isolated_user_dirs) and mode == "0o600"
    assert not Path(used).exists(), "the temporary file is removed afterwards"


def test_an_editor_that_cannot_start_is_reported_and_nothing_changes(
    run: Run, isolated_user_dirs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EDITOR", "no-such-editor-anywhere")
    monkeypatch.delenv("VISUAL", raising=False)
    result = run("draft", "thing-19", "--interactive", input="editor\nAn answer typed instead.\ndone\nquit\n")
    assert result.exit_code == 0, result.stderr
    assert "Could not open the editor 'no-such-editor-anywhere'" in flat(result.stdout)
    assert answers_in(isolated_user_dirs, "thing-19-citizen-leadership") == {"labels": "An answer typed instead."}
