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
    answers = typed(*(f"Answer {n}." for n in range(1, 6)))
    result = run("draft", "multi-agency", "--interactive", input="3\n" + answers + "1\n")
    assert result.exit_code == 0, result.stderr
    out = flat(result.stdout)
    assert out.index("which level describes your role?") < out.index("Expectation 1 of 5")
    assert "There are 5 expectations to reflect on, one at a time." in out and "statements to" not in out
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


# --- backups: listed, shown and restored ------------------------------------------------------------


def backups_of(data: Path, badge_id: str = BADGE) -> list[Path]:
    return sorted(drafts_folder(data).glob(f"{badge_id}.backup-*.json"))


def test_a_draft_replaced_with_fresh_is_listed_and_can_be_restored(run: Run, isolated_user_dirs: Path) -> None:
    run("draft", BADGE, "--interactive", input=typed("My old answer, kept.") + "quit\n")
    fresh = run("draft", BADGE, "--interactive", "--fresh", input="quit\n")
    assert f"To bring it back, run: badgekit drafts restore {BADGE}" in flat(fresh.stdout)

    listed = run("drafts")
    assert listed.exit_code == 0, listed.stderr
    out = flat(listed.stdout)
    assert "You have no draft in progress" in out and "Backups of earlier drafts" in out
    assert f"{BADGE} │ 1 │ 1 of 7 answered, 4 words │" in out, "the backup with its number, answers and words"
    assert "badgekit drafts restore ID" in out
    (entry,) = json.loads(run("drafts", "--format", "json").stdout)["backups"]
    assert (entry["badge"], entry["number"], entry["answered"], entry["words"]) == (BADGE, 1, 1, 4)
    assert entry["kept"] and entry["changed"]

    shown = run("drafts", "show", BADGE)
    assert shown.exit_code == 3
    assert "you have no draft of" in shown.stderr and "but 1 backup of earlier ones is kept" in flat(shown.stderr)
    assert f"badgekit drafts restore {BADGE}" in shown.stderr

    again = run("draft", BADGE, "--interactive", input="quit\n")
    assert "You have 1 backup of earlier drafts of this badge" in flat(again.stdout)

    restored = run("drafts", "restore", "across-boundaries")
    assert restored.exit_code == 0, restored.stderr
    assert "Restored your draft of 'Leading and managing across boundaries'" in flat(restored.stdout)
    assert "(1 answer, 4 words)" in flat(restored.stdout)
    assert list(answers_in(isolated_user_dirs).values()) == ["My old answer, kept."]
    assert backups_of(isolated_user_dirs) == [], "there was no draft to keep in its place"


def test_restoring_one_of_several_backups_keeps_the_current_draft_as_a_backup(
    run: Run, isolated_user_dirs: Path
) -> None:
    for answer in ("First attempt.", "Second attempt here."):
        run("draft", BADGE, "--interactive", input=typed(answer) + "quit\n")
        run("draft", BADGE, "--interactive", "--fresh", input="quit\n")
    run("draft", BADGE, "--interactive", input=typed("What I have now, three words... four.") + "quit\n")
    assert len(backups_of(isolated_user_dirs)) == 2

    result = run("drafts", "restore", BADGE, input="a long answer pasted in the wrong place\n2\n")
    assert result.exit_code == 0, result.stderr
    out = flat(result.stdout)
    assert "Which backup would you like back?" in out
    assert "1. kept since" in out and "1 answer, 3 words" in out and "2. kept since" in out and "2 words" in out
    assert "This question wants a number from 1 to 2" in out
    assert "The draft you had is kept as a backup (number 1)" in out
    assert list(answers_in(isolated_user_dirs).values()) == ["First attempt."]
    kept = [json.loads(path.read_text(encoding="utf-8")) for path in backups_of(isolated_user_dirs)]
    assert sorted(next(iter(k["answers"].values()))["text"] for k in kept) == [
        "Second attempt here.",
        "What I have now, three words... four.",
    ], "nothing was lost"

    by_number = run("drafts", "restore", BADGE, "--backup", "1")
    assert by_number.exit_code == 0, by_number.stderr
    assert list(answers_in(isolated_user_dirs).values()) == ["What I have now, three words... four."]


def test_restore_says_plainly_when_there_is_nothing_to_restore(run: Run, isolated_user_dirs: Path) -> None:
    none = run("drafts", "restore", BADGE)
    assert none.exit_code == 3 and "there are no backups of your drafts" in none.stderr
    run("draft", BADGE, "--interactive", input=typed("Old.") + "quit\n")
    run("draft", BADGE, "--interactive", "--fresh", input="quit\n")
    wrong = run("drafts", "restore", BADGE, "--backup", "4")
    assert wrong.exit_code == 2 and "there is no backup number 4 of this draft: there is 1 backup" in wrong.stderr
    not_a_number = run("drafts", "restore", BADGE, "--backup", "newest")
    assert not_a_number.exit_code == 2 and "'newest' is not a whole number of 1 or more" in flat(not_a_number.stderr)


def test_several_backups_and_no_choice_restores_nothing(run: Run, isolated_user_dirs: Path) -> None:
    for answer in ("One.", "Two."):
        run("draft", BADGE, "--interactive", input=typed(answer) + "quit\n")
        run("draft", BADGE, "--interactive", "--fresh", input="quit\n")
    result = run("drafts", "restore", BADGE)  # no input: no choice made
    assert result.exit_code == 0
    assert "Nothing was restored" in result.stdout and "--backup NUMBER" in result.stdout
    assert len(backups_of(isolated_user_dirs)) == 2


# --- the wording the trial asked for ---------------------------------------------------------------


def test_counts_agree_with_their_nouns(run: Run) -> None:
    run("draft", BADGE, "--interactive", input=typed("Two words.") + "quit\n")
    resumed = run("draft", BADGE, "--interactive", input="y\nquit\n")
    assert "You have a draft of this badge: 1 answer, 2 words" in flat(resumed.stdout)
    shown = run("drafts", "show", BADGE)
    assert "1 of 7 answered, 2 words" in flat(shown.stdout)
    deleted = run("drafts", "delete", BADGE, input="n\n")
    assert "(1 answer, 2 words)" in deleted.stdout and "1 answers" not in deleted.stdout
    one = run("draft", "thing-19", "--interactive", input=typed("One") + "quit\n")
    assert "Saved. This answer: 1 word." in flat(one.stdout) and "looks short (1 word)" in flat(one.stdout)


def test_drafts_show_includes_the_lines_a_hard_stop_left_in_the_journal(run: Run, isolated_user_dirs: Path) -> None:
    # What a SIGKILL leaves after two answers were saved and a third was being typed: the draft, and the
    # journal of the third's lines (tests/test_draft_terminal.py does it with a real kill).
    run("draft", BADGE, "--interactive", input=typed("First answer here.", "Second.") + "quit\n")
    journal = drafts_folder(isolated_user_dirs) / f".{BADGE}.journal"
    header = {"criterion": "build-trust", "notes": False, "adding": False}
    journal.write_text(json.dumps(header) + "\n" + json.dumps({"line": "The housing officer now rings me."}) + "\n")
    shown = run("drafts", "show", BADGE)
    assert shown.exit_code == 0, shown.stderr
    assert "are back in your draft" in shown.stdout
    assert "The housing officer now rings me." in shown.stdout and "First answer here." in shown.stdout
    assert not journal.exists()
    as_json = json.loads(run("drafts", "show", BADGE, "--format", "json").stdout)  # nothing but JSON on stdout
    assert as_json["answers"][2]["answer"] == "The housing officer now rings me."


def test_format_and_drafts_folder_may_come_before_show(run: Run, tmp_path: Path) -> None:
    folder = tmp_path / "elsewhere"
    run("draft", BADGE, "--interactive", "--drafts-dir", str(folder), input=typed("Kept elsewhere.") + "quit\n")
    before = run("drafts", "--format", "json", "--drafts-dir", str(folder), "show", BADGE)
    assert before.exit_code == 0, before.stderr
    assert json.loads(before.stdout)["answers"][0]["answer"] == "Kept elsewhere."
    after = run("drafts", "show", BADGE, "--format", "json", "--drafts-dir", str(folder))
    assert json.loads(after.stdout) == json.loads(before.stdout)
    wrong = run("drafts", "--format", "json", "delete", BADGE, "--drafts-dir", str(folder))
    assert wrong.exit_code == 2
    assert "--format does not apply to 'badgekit drafts delete'" in wrong.stderr
    assert "'badgekit drafts show ID'" in wrong.stderr
    assert (folder / f"{BADGE}.json").exists()


def test_a_misspelt_draft_id_suggests_the_draft_meant(run: Run) -> None:
    run("draft", BADGE, "--interactive", input=typed("Mine.") + "quit\n")
    result = run("drafts", "show", "leadership-acros-boundaries")
    assert result.exit_code == 3
    assert "you have no draft of 'leadership-acros-boundaries'" in result.stderr
    assert f"Did you mean '{BADGE}'?" in result.stderr
    nothing_close = run("drafts", "show", "thing-19")
    assert "Did you mean" not in nothing_close.stderr and "badgekit drafts" in nothing_close.stderr


def test_a_level_may_be_given_by_its_title(run: Run, here: Path) -> None:
    path = answers_file(here, "".join(f"{n}: Answer {n}.\n" for n in range(1, 6)))
    result = run("draft", "multi-agency", "--answers", str(path), "--level", "Direct Practice", "-o", "-")
    assert result.exit_code == 0, result.stderr
    assert "level: direct-practice" in result.stdout
    interactive = run("draft", "multi-agency", "--interactive", "--level", "direct PRACTICE", input="quit\n")
    assert interactive.exit_code == 0, interactive.stderr
    assert "Level: Direct Practice" in interactive.stdout
    wrong = run("draft", "multi-agency", "--answers", str(path), "--level", "everyone")
    assert "direct-practice (Direct Practice)" in flat(wrong.stderr)


def test_missing_answers_say_that_no_statement_was_written_and_what_to_do(run: Run, here: Path) -> None:
    path = answers_file(here, "1: One.\n")
    result = run("draft", "thing-19", "--answers", str(path))
    assert result.exit_code == 3
    said = flat(result.stderr)
    assert "No statement was written" in said and "every question has an answer" in said
    assert "Add the missing answers to the file" in said
    assert "badgekit draft thing-19-citizen-leadership" in said
    assert not list(here.glob("*-statement.md"))


def test_an_answer_pasted_at_the_end_menu_is_kept_and_shown(run: Run, isolated_user_dirs: Path) -> None:
    answers = typed("a", "b", "c", "d")
    pasted = "I meant this as my answer to the second question.\nIt has two lines.\n"
    result = run("draft", "thing-19", "--interactive", input=answers + pasted + "3\n")
    assert result.exit_code == 0, result.stderr
    out = flat(result.stdout)
    assert "This question wants a number from 1 to 3, so what you typed was not taken as an answer." in out
    assert "Nothing is lost: it is saved in your draft (see it with: badgekit drafts show" in out
    shown = flat(run("drafts", "show", "thing-19").stdout)
    assert "Typed at a question that wanted a number" in shown
    assert "I meant this as my answer to the second question. It has two lines." in shown
    as_json = json.loads(run("drafts", "show", "thing-19", "--format", "json").stdout)
    assert as_json["set_aside"] == ["I meant this as my answer to the second question.\nIt has two lines."]


def test_editor_without_an_editor_or_nano_says_to_paste_instead(
    run: Run, tmp_path: Path, isolated_user_dirs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("EDITOR", raising=False)
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path / "nothing-here"))
    result = run("draft", "thing-19", "--interactive", input="editor\nPasted instead.\ndone\nquit\n")
    assert result.exit_code == 0, result.stderr
    out = flat(result.stdout)
    assert "No simple text editor was found, so none was opened" in out and "export EDITOR=nano" in out
    assert answers_in(isolated_user_dirs, "thing-19-citizen-leadership") == {"labels": "Pasted instead."}


def test_in_an_80_column_terminal_the_lists_show_every_badge_id_whole(
    run: Run, isolated_user_dirs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run("draft", BADGE, "--interactive", input=typed("Old.") + "quit\n")
    run("draft", BADGE, "--interactive", "--fresh", input=typed("New.") + "quit\n")
    monkeypatch.setenv("COLUMNS", "80")
    listed = run("drafts")
    assert listed.exit_code == 0, listed.stderr
    lines = listed.stdout.splitlines()
    assert max(len(line) for line in lines) <= 80
    assert sum(f"│ {BADGE} │" in line for line in lines) == 2, "the draft and its backup, the id never cut short"


def test_a_frameworks_expectations_are_called_so_in_the_managers_review_too(run: Run, here: Path) -> None:
    from badgekit.badges.catalogue import load_catalogue
    from badgekit.checks.registry import select_rules
    from badgekit.checks.report import Options, check_text
    from badgekit.review.record import review_of

    path = answers_file(here, "".join(f"{n}: My answer to expectation {n}.\n" for n in range(1, 6)))
    written = run("draft", "multi-agency", "--answers", str(path), "--level", "Direct Practice", "-o", "-")
    assert written.exit_code == 0, written.stderr
    catalogue = load_catalogue()
    report = check_text(written.stdout, "statement.md", catalogue, Options(rules=tuple(select_rules())))
    record = review_of(report, catalogue, "statement.md")
    criteria_point = next(p for p in record.points if p.evidence.point.id == "criteria")
    assert any("of 5 expectations addressed" in line for line in criteria_point.evidence.context)


def test_an_interview_can_finish_with_a_word_document_too(run: Run, here: Path) -> None:
    answers = [f"{ANSWER} Point {n}." for n in range(1, 8)]
    result = run("draft", BADGE, "--interactive", "--docx", input=typed(*answers) + "1\n")
    assert result.exit_code == 0, result.stderr
    document = here / f"{BADGE}-statement.docx"
    assert document.exists() and stat.S_IMODE(document.stat().st_mode) == 0o600
    assert f"check it with: badgekit check {document.name}" in flat(result.stdout + result.stderr)
    checked = json.loads(run("check", str(document), "--format", "json").stdout)["files"][0]
    assert checked["badge"] == BADGE and checked["words"] == 7 * 23


def test_quit_typed_after_some_of_an_answer_asks_once_and_keeps_the_text(
    run: Run, here: Path, isolated_user_dirs: Path
) -> None:
    """Every command works on its own line at any point in an answer; what was typed is kept either way."""
    result = run("draft", BADGE, "--interactive", input="I began with this.\n\nquit\ny\n")
    assert result.exit_code == 0, result.stderr
    assert "'quit' is one of badgekit's commands" in flat(result.stdout)
    assert list(answers_in(isolated_user_dirs).values()) == ["I began with this."]

    result = run("draft", BADGE, "--interactive", input="y\nThe next one.\nback\nn\nskip\ndone\nquit\n")
    assert result.exit_code == 0, result.stderr
    assert list(answers_in(isolated_user_dirs).values()) == ["I began with this.", "The next one.\nback\nskip"]
