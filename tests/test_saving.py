"""Saving during an interview: a full disk, Ctrl-C during a save, the journal of lines typed, a stray save.

The full disk and the slow save are injected into the one place a file is replaced (safefile._replace);
the kills themselves, with real signals on a real terminal, are in test_kills.py.
"""

from __future__ import annotations

import errno
import json
import os
import signal
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from badgekit import safefile
from badgekit.drafting.journal import Journal, journal_path, read_journal
from badgekit.drafting.recovery import recover
from badgekit.drafting.store import Draft, DraftStore
from badgekit.terminal.hangup import holding_interrupts

Run = Callable[..., Result]
BADGE = "leadership-across-boundaries"
TITLE = "Leading and managing across boundaries"
ANSWER = "I set up a shared diary with the community nurses, and next time I will agree roles first."


def flat(text: str) -> str:
    return " ".join(text.split())


class Disk:
    """The drafts folder's disk: full for the next ``full`` writes there (all of them with -1)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, folder: Path, full: int) -> None:
        self.folder, self.full = folder, full
        real = safefile._replace

        def replace(path: Path, text: str, mode: int, *, durable: bool) -> None:
            if path.parent == self.folder and self.full != 0:
                self.full -= 1 if self.full > 0 else 0
                raise OSError(errno.ENOSPC, "No space left on device")
            real(path, text, mode, durable=durable)

        monkeypatch.setattr(safefile, "_replace", replace)


def draft_file(data: Path) -> dict[str, object]:
    loaded = json.loads((data / "drafts" / f"{BADGE}.json").read_text(encoding="utf-8"))
    assert isinstance(loaded, dict)
    return loaded


def test_a_full_disk_keeps_the_answer_on_screen_and_saves_it_once_space_is_freed(
    run: Run, isolated_user_dirs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    drafts = isolated_user_dirs / "drafts"
    Disk(monkeypatch, drafts, full=1)
    result = run("draft", BADGE, "--interactive", input=f"{ANSWER}\ndone\n1\nquit\n")
    out = flat(result.stdout)
    assert f"Your draft could not be saved. {drafts / BADGE}.json: the disk is full (no space left in {drafts})" in out
    assert "Nothing is lost yet" in out and ANSWER in out  # on screen, to copy
    assert "Try again (free some space first" in out
    assert result.exit_code == 0, result.stderr
    assert "Your answers are saved." in out
    assert draft_file(isolated_user_dirs)["answers"]["opportunities-for-collaboration"]["text"] == ANSWER  # type: ignore[index]


def test_carrying_on_with_a_full_disk_never_says_saved_and_shows_the_answer_when_stopping(
    run: Run, isolated_user_dirs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    Disk(monkeypatch, isolated_user_dirs / "drafts", full=-1)
    result = run("draft", BADGE, "--interactive", input=f"{ANSWER}\ndone\n3\nquit\n")
    assert "Not saved yet (see above)" in result.stdout
    assert "Saved." not in result.stdout
    assert result.exit_code == 3
    err = flat(result.stderr)
    assert "Your latest answers are NOT saved" in err and "the disk is full" in err
    assert ANSWER in err and "saved. To carry on" not in err


def test_a_full_disk_lets_the_learner_save_in_another_folder(
    run: Run, isolated_user_dirs: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    Disk(monkeypatch, isolated_user_dirs / "drafts", full=-1)
    stick = tmp_path / "usb-stick"
    result = run("draft", BADGE, "--interactive", input=f"{ANSWER}\ndone\n2\n{stick}\nquit\n")
    assert result.exit_code == 0, result.stderr
    assert f"add --drafts-dir {stick}" in flat(result.stdout)
    saved = json.loads((stick / f"{BADGE}.json").read_text(encoding="utf-8"))
    assert saved["answers"]["opportunities-for-collaboration"]["text"] == ANSWER


def test_ctrl_c_during_a_save_waits_until_the_draft_is_written(
    run: Run, isolated_user_dirs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = safefile._replace
    pressed: list[bool] = []

    def slow_disk(path: Path, text: str, mode: int, *, durable: bool) -> None:
        if path.name == f"{BADGE}.json" and not pressed:
            pressed.append(True)
            os.kill(os.getpid(), signal.SIGINT)  # Ctrl-C while the answer is being written
        real(path, text, mode, durable=durable)

    monkeypatch.setattr(safefile, "_replace", slow_disk)
    result = run("draft", BADGE, "--interactive", input=f"{ANSWER}\ndone\nnever read\n")
    assert pressed and result.exit_code == 130
    assert "Everything you had given is saved" in flat(result.stderr)
    assert draft_file(isolated_user_dirs)["answers"]["opportunities-for-collaboration"]["text"] == ANSWER  # type: ignore[index]
    assert not list((isolated_user_dirs / "drafts").glob("*.tmp"))


def test_holding_interrupts_delays_ctrl_c_to_the_end_of_the_block() -> None:
    done = []
    with pytest.raises(KeyboardInterrupt), holding_interrupts():
        os.kill(os.getpid(), signal.SIGINT)
        done.append("the whole block ran")
    assert done == ["the whole block ran"]


# --- the journal and what recovery does with it ---------------------------------------------------


def test_the_journal_keeps_lines_and_leaves_out_a_line_cut_short(tmp_path: Path) -> None:
    journal = Journal(journal_path(tmp_path, BADGE))
    journal.begin("opportunities-for-collaboration")
    journal.add(["First line."])
    journal.add(["Second line.", "Third, pasted."])
    with journal.path.open("a", encoding="utf-8") as handle:
        handle.write('{"line": "cut sh')  # a stop in the middle of a write
    assert journal.path.stat().st_mode & 0o777 == 0o600
    [entry] = read_journal(journal.path)
    assert (entry.criterion, entry.text) == (
        "opportunities-for-collaboration",
        "First line.\nSecond line.\nThird, pasted.",
    )
    journal.clear()
    assert not journal.path.exists()
    journal.add(["After the save."])  # the same answer goes on: its header is written again
    assert read_journal(journal.path)[0].criterion == "opportunities-for-collaboration"


def store_with(folder: Path, answers: dict[str, str]) -> DraftStore:
    """A drafts folder holding a saved draft with these answers."""
    store = DraftStore(folder)
    draft = Draft(badge=BADGE, title=TITLE)
    for criterion, text in answers.items():
        draft.set_answer(criterion, text)
    store.save(draft)
    return store


def journalled(folder: Path, criterion: str, *lines: str) -> Journal:
    """A journal holding lines typed for a criterion, as a hard stop leaves it."""
    journal = Journal(journal_path(folder, BADGE))
    journal.begin(criterion)
    journal.add(list(lines))
    return journal


def test_recovery_folds_the_journal_into_the_draft_by_the_rules_for_a_cut_off_answer(tmp_path: Path) -> None:
    store = store_with(tmp_path, {"communicate-across-boundaries": "An answer given before."})
    journal = journalled(tmp_path, "opportunities-for-collaboration", "A new answer,", "two lines.")
    journal.begin("communicate-across-boundaries")
    journal.add(["A replacement typed part-way."])
    recovered = recover(store, BADGE, TITLE)
    assert recovered.answers == 2 and not recovered.finished_save
    after = store.load(BADGE)
    assert after is not None
    assert after.answer("opportunities-for-collaboration") == "A new answer,\ntwo lines."
    assert after.answer("communicate-across-boundaries") == "An answer given before."  # never replaced by a cut-off one
    assert after.earlier["communicate-across-boundaries"][-1].text == "A replacement typed part-way."
    assert not journal.path.exists()
    assert recover(store, BADGE, TITLE).answers == 0  # nothing twice


def test_recovery_adds_nothing_the_draft_already_holds(tmp_path: Path) -> None:
    said = "Saved, then killed before the journal was emptied."
    store = store_with(tmp_path, {"opportunities-for-collaboration": said})
    journalled(tmp_path, "opportunities-for-collaboration", said)
    assert recover(store, BADGE, TITLE).answers == 0
    assert store.load(BADGE).earlier == {}  # type: ignore[union-attr]


def test_a_whole_stray_save_becomes_the_draft_and_a_part_written_one_is_removed(tmp_path: Path) -> None:
    store = DraftStore(tmp_path)
    old = Draft(badge=BADGE, title=TITLE, changed="2026-11-01T10:00:00+00:00")
    store.save(old)
    newer = Draft(badge=BADGE, title=TITLE, changed="2026-11-01T10:05:00+00:00")
    newer.set_answer("opportunities-for-collaboration", ANSWER)
    newer.changed = "2026-11-01T10:05:00+00:00"
    whole = tmp_path / f".{BADGE}.json.ab12cd.tmp"
    whole.write_text(json.dumps(newer.to_dict()), encoding="utf-8")
    part = tmp_path / f".{BADGE}.json.ef34gh.tmp"
    part.write_text(json.dumps(newer.to_dict())[:40], encoding="utf-8")
    recovered = recover(store, BADGE, TITLE)
    assert recovered.finished_save
    assert store.load(BADGE).answer("opportunities-for-collaboration") == ANSWER  # type: ignore[union-attr]
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"{BADGE}.json"]


def test_a_damaged_draft_and_everything_beside_it_are_left_alone(tmp_path: Path) -> None:
    (tmp_path / f"{BADGE}.json").write_text("{not json", encoding="utf-8")
    stray = tmp_path / f".{BADGE}.json.ab12cd.tmp"
    stray.write_text("{}", encoding="utf-8")
    journal = journalled(tmp_path, "opportunities-for-collaboration", "Kept for later.")
    assert not recover(DraftStore(tmp_path), BADGE, TITLE)
    assert stray.exists() and journal.path.exists()
    assert (tmp_path / f"{BADGE}.json").read_text(encoding="utf-8") == "{not json"


def test_the_next_start_says_what_it_brought_back(run: Run, isolated_user_dirs: Path) -> None:
    journalled(isolated_user_dirs / "drafts", "opportunities-for-collaboration", ANSWER)
    result = run("draft", BADGE, "--interactive", input="y\nquit\n")
    assert result.exit_code == 0, result.stderr
    out = flat(result.stdout)
    assert "the lines you had typed (1 answer) are back in your draft" in out
    assert "was cut off" in out or "cut off" in out


# --- reviews are held by one window, as drafts are ------------------------------------------------


def test_two_review_windows_on_one_statement_are_refused_and_nothing_is_left_beside_it(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from test_review import GOOD

    from badgekit.locking import holding_lock, lock_for

    folder = tmp_path / "work"
    folder.mkdir()
    monkeypatch.chdir(folder)
    (folder / "statement.md").write_text(GOOD, encoding="utf-8")
    target = folder / "statement-review.yaml"
    with holding_lock(lock_for(target), "busy", "hint"):  # the other window
        result = run("review", "statement.md", "--interactive", input="quit\n")
        assert result.exit_code == 3
        assert "the review of statement.md is open in another badgekit window" in result.stderr
        assert "every answer given there is already saved" in flat(result.stderr)
        answers = folder / "judgements.yaml"
        answers.write_text("reviewer: Team leader\n", encoding="utf-8")
        assert run("review", "statement.md", "--answers", str(answers)).exit_code == 3
    assert not target.exists()
    result = run("review", "statement.md", "--interactive", input="quit\n")  # once the other window has gone
    assert "another badgekit window" not in result.stderr
    assert sorted(p.name for p in folder.iterdir() if p.name.startswith(".")) == []
