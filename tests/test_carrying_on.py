"""Carrying on a draft after Ctrl-C, as a learner meets it: ``badgekit draft`` run again, then ``add``.

The keyboard is scripted: ``input`` gives the lines the learner ends with Enter, and readline's line
buffer (what a real terminal holds before Enter) gives the line they were part-way through when
they pressed Ctrl-C. tests/test_draft_terminal.py does the same in a real terminal.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from pathlib import Path

import pytest
from typer.testing import Result

Run = Callable[..., Result]
BADGE = "writing-evidence"
FIRST = (
    "From the video I learned to write about what I did, not only what happened, and to say why it mattered "
    "to the people I support. I learned to keep names out, and to give an example for each point. "
) * 3
STARTED = "I talked to my manager about the hints and tips, and we agreed that she will read"
CARRIED_ON = "my draft and tell me if anything is missing before I submit it."
MORE = "Next time I will ask her to read my draft a week sooner, so that there is time to act on what she says."
THIRD = (
    "I will tell my colleagues about Open Badges at our next team meeting, and explain why evidence of what we "
    "learn matters to the people we support and to our managers."
)


@pytest.fixture(autouse=True)
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "work"
    folder.mkdir()
    monkeypatch.chdir(folder)
    return folder


def keyboard(monkeypatch: pytest.MonkeyPatch, lines: Iterable[str], half_typed: str = "") -> None:
    """The learner types ``lines`` (each ended with Enter), then ``half_typed`` without Enter, then Ctrl-C."""
    keys = iter(lines)

    def read(_prompt: str = "") -> str:
        for line in keys:
            return line
        raise KeyboardInterrupt

    monkeypatch.setattr("builtins.input", read)
    monkeypatch.setattr("badgekit.terminal.asker.readline_buffer", lambda: half_typed)


def stopped_in_answer_two(run: Run, monkeypatch: pytest.MonkeyPatch, half_typed: str) -> None:
    """Answer 1 given; Ctrl-C part-way through typing answer 2."""
    keyboard(monkeypatch, [FIRST, "done"], half_typed)
    stopped = run("draft", BADGE, "--interactive")
    assert stopped.exit_code == 130, stopped.stderr


def carry_on_with_add(run: Run, monkeypatch: pytest.MonkeyPatch, added: str) -> Result:
    """Run draft again, carry on, add to answer 2, skip its notes, answer 3 and write the statement."""
    keyboard(monkeypatch, ["y", "add", added, "done", "skip", THIRD, "done", "1"])
    result = run("draft", BADGE, "--interactive")
    assert result.exit_code == 0, result.stdout[-2000:]
    return result


def flat(text: str) -> str:
    return " ".join(text.split())


def exported(run: Run, statement: Path, kind: str) -> str:
    result = run("export", str(statement), f"--{kind}", "-o", "-")
    assert result.exit_code == 0, result.stdout[-2000:]
    return result.stdout


def test_adding_to_an_answer_cut_off_mid_sentence_carries_the_sentence_on_everywhere(
    run: Run, here: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stopped_in_answer_two(run, monkeypatch, half_typed=STARTED)
    result = carry_on_with_add(run, monkeypatch, CARRIED_ON)
    assert "Your answer stopped part-way through a sentence, so what you add carries it on from: …" in flat(
        result.stdout
    )
    sentence = f"{STARTED} {CARRIED_ON}"
    statement = here / f"{BADGE}-statement.md"
    assert sentence in statement.read_text(encoding="utf-8")
    assert sentence in exported(run, statement, "text")
    page = exported(run, statement, "html")
    assert f"<p>{sentence}</p>" in page


ENDED = "I talked to my manager about the hints and tips, and she will read my draft."


@pytest.mark.parametrize(
    ("typed", "half_typed", "kept", "carried_on"),
    [
        pytest.param([], STARTED, f"{STARTED} {MORE}", True, id="cut-off-mid-sentence"),
        pytest.param([], ENDED, f"{ENDED}\n\n{MORE}", False, id="cut-off-after-a-full-stop"),
        pytest.param([STARTED], "", f"{STARTED}\n\n{MORE}", False, id="cut-off-after-enter"),
    ],
)
def test_add_carries_on_a_sentence_cut_off_part_way_and_otherwise_starts_a_new_paragraph(
    run: Run,
    here: Path,
    monkeypatch: pytest.MonkeyPatch,
    typed: list[str],
    half_typed: str,
    kept: str,
    carried_on: bool,
) -> None:
    # Only a line cut off before Enter, in the middle of a sentence, is carried on: a line ended with Enter,
    # or a sentence ended with a full stop, is more to say, which starts a new paragraph as it always has.
    keyboard(monkeypatch, [FIRST, "done", *typed], half_typed)
    assert run("draft", BADGE, "--interactive").exit_code == 130
    result = carry_on_with_add(run, monkeypatch, MORE)
    statement = (here / f"{BADGE}-statement.md").read_text(encoding="utf-8")
    assert kept in statement
    assert ("part-way through a sentence" in flat(result.stdout)) == carried_on, "said when, and only when, it is"


def test_lines_added_before_a_hard_stop_carry_the_sentence_on_too(
    run: Run, monkeypatch: pytest.MonkeyPatch, isolated_user_dirs: Path
) -> None:
    # Ctrl-C part-way through a sentence; then, carrying on with add, a hard stop (SIGKILL, a power cut) before
    # the draft was saved: the lines typed are in the journal (tests/test_draft_terminal.py kills for real).
    stopped_in_answer_two(run, monkeypatch, half_typed=STARTED)
    journal = isolated_user_dirs / "drafts" / f".{BADGE}.journal"
    header = {"criterion": "involve-your-manager", "notes": False, "adding": True}
    journal.write_text(json.dumps(header) + "\n" + json.dumps({"line": CARRIED_ON}) + "\n", encoding="utf-8")
    shown = run("drafts", "show", BADGE, "--format", "json")
    assert shown.exit_code == 0, shown.stderr
    assert json.loads(shown.stdout)["answers"][1]["answer"] == f"{STARTED} {CARRIED_ON}"


def test_carrying_on_counts_an_answer_cut_off_part_way_apart_from_those_given(
    run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    stopped_in_answer_two(run, monkeypatch, half_typed=STARTED)
    keyboard(monkeypatch, ["y", "quit"])
    result = run("draft", BADGE, "--interactive")
    assert result.exit_code == 0, result.stderr
    out = flat(result.stdout)
    assert "You have a draft of this badge: 1 answer and criterion 2 cut off part-way, 137 words" in out
    assert "Welcome back: you have answered 1 of 3, and criterion 2 was cut off part-way." in out
    assert "Your answer to criterion 2 was cut off when badgekit stopped last time." in out


def test_the_drafts_list_counts_an_answer_cut_off_part_way_apart_too(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    stopped_in_answer_two(run, monkeypatch, half_typed=STARTED)
    listed = run("drafts", "--format", "json")
    (entry,) = json.loads(listed.stdout)["drafts"]
    assert (entry["answered"], entry["cut_off"]) == (1, "involve-your-manager")
    assert "1 of 3 (1 cut off part-way)" in flat(run("drafts").stdout)
    assert "1 of 3 answered (1 cut off part-way)" in flat(run("drafts", "show", BADGE).stdout)
