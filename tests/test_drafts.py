"""Drafts on disk: saved whole and privately, resumed as saved, never touched when damaged."""

from __future__ import annotations

import json
import os
import re
import stat
from pathlib import Path

import pytest

from badgekit.badges.catalogue import load_catalogue
from badgekit.badges.model import Badge
from badgekit.drafting.answers_file import answers_from_file, level_named
from badgekit.drafting.store import (
    DRAFTS_DIR_ENV,
    EARLIER_KEPT,
    Draft,
    DraftStore,
    Interruption,
    drafts_dir,
    parse_draft,
)
from badgekit.errors import BadgekitError, InvalidDataError

BADGE_ID = "leadership-across-boundaries"


def badge(name: str) -> Badge:
    return load_catalogue().get(name)


@pytest.fixture
def store(tmp_path: Path) -> DraftStore:
    return DraftStore(tmp_path / "drafts")


def saved_draft(store: DraftStore) -> Draft:
    draft = Draft(badge=BADGE_ID, title="Leading and managing across boundaries")
    draft.set_answer("build-trust", "First paragraph.\n\nSecond, with “curly quotes” and {{ braces }}.")
    store.save(draft)
    return draft


def test_a_saved_draft_loads_back_exactly(store: DraftStore) -> None:
    draft = saved_draft(store)
    draft.set_answer("build-trust", "A better answer.")
    draft.level = None
    store.save(draft)
    loaded = store.load(BADGE_ID)
    assert loaded == draft
    assert loaded is not None and loaded.earlier["build-trust"][0].text.startswith("First paragraph.")


def test_drafts_are_owner_only_and_no_temporary_file_is_left(store: DraftStore) -> None:
    for _ in range(3):
        saved_draft(store)
    path = store.path_for(BADGE_ID)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(store.directory.stat().st_mode) == 0o700
    assert [p.name for p in store.directory.iterdir()] == [path.name]


def test_a_draft_without_a_file_is_none(store: DraftStore) -> None:
    assert store.load(BADGE_ID) is None
    assert store.entries() == []


def test_replaced_answers_are_kept_up_to_a_limit() -> None:
    draft = Draft(badge=BADGE_ID, title="t")
    for number in range(EARLIER_KEPT + 5):
        draft.set_answer("build-trust", f"version {number}")
    draft.set_answer("build-trust", f"version {EARLIER_KEPT + 4}")  # the same text again is not a new version
    kept = [a.text for a in draft.earlier["build-trust"]]
    assert len(kept) == EARLIER_KEPT
    assert kept[-1] == f"version {EARLIER_KEPT + 3}"
    assert draft.words() == 2


def test_answers_to_criteria_the_badge_no_longer_has_are_kept(store: DraftStore) -> None:
    draft = saved_draft(store)
    draft.set_answer("a-criterion-since-removed", "Still mine.")
    store.save(draft)
    loaded = store.load(BADGE_ID)
    assert loaded is not None and loaded.answer("a-criterion-since-removed") == "Still mine."


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda text: text[:-20], ": not a readable draft: "),
        (
            lambda text: text.replace('"text": "First', '"text": 5, "x": "First'),
            ": answers.build-trust.text: should be text",
        ),
        (lambda text: text.replace('"title"', '"titel"'), ": titel: unknown key"),
        (
            lambda text: text.replace('"badge": "leadership', '"badge": "other-badge", "_": "'),
            ": badge: names the badge",
        ),
        (lambda text: text.replace('"schema": 1', '"schema": 9'), ": schema: this badgekit reads drafts of schema 1"),
        (lambda text: "[]", ": should be a mapping"),
    ],
)
def test_a_damaged_or_hand_edited_draft_is_reported_and_left_untouched(
    store: DraftStore, change: object, expected: str
) -> None:
    saved_draft(store)
    path = store.path_for(BADGE_ID)
    path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")  # type: ignore[operator]
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    with pytest.raises(InvalidDataError) as caught:
        store.load(BADGE_ID)
    message = "\n".join(caught.value.error_lines())
    assert message.startswith(str(path)) and expected in message
    assert "--fresh" in (caught.value.hint or "") and "exactly as it is" in (caught.value.hint or "")
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before


def test_a_problem_in_a_hand_edited_draft_names_its_line(store: DraftStore) -> None:
    saved_draft(store)
    path = store.path_for(BADGE_ID)
    text = re.sub(r'"changed": "[^"]*"', '"changed": 20', path.read_text(encoding="utf-8"), count=1)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InvalidDataError) as caught:
        store.load(BADGE_ID)
    line = next(n for n, content in enumerate(text.splitlines(), 1) if '"changed": 20' in content)
    assert caught.value.error_lines() == [f"{path}:{line}: changed: should be text, not the number 20"]


def test_a_draft_that_is_not_text_is_reported(store: DraftStore) -> None:
    store.directory.mkdir(parents=True)
    store.path_for(BADGE_ID).write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(InvalidDataError, match="1 problem") as caught:
        store.load(BADGE_ID)
    assert "it is not UTF-8 text" in caught.value.error_lines()[0]


def test_starting_afresh_moves_the_old_draft_to_a_backup_untouched(store: DraftStore) -> None:
    saved_draft(store)
    original = store.path_for(BADGE_ID).read_bytes()
    first = store.back_up(BADGE_ID)
    saved_draft(store)
    second = store.back_up(BADGE_ID)
    assert first is not None and second is not None and first != second
    assert first.read_bytes() == original
    assert not store.exists(BADGE_ID)
    assert store.backups(BADGE_ID) == [first, second], "oldest first, by when each was made"
    assert store.back_up(BADGE_ID) is None


def test_entries_list_drafts_and_damaged_ones_but_not_backups_or_locks(store: DraftStore) -> None:
    saved_draft(store)
    store.back_up(BADGE_ID)
    saved_draft(store)
    (store.directory / "thing-19-citizen-leadership.json").write_text("{", encoding="utf-8")
    with store.open_for_writing(BADGE_ID):
        entries = store.entries()
    assert [(e.badge_id, e.draft is not None, len(e.backups)) for e in entries] == [
        (BADGE_ID, True, 1),
        ("thing-19-citizen-leadership", False, 0),
    ]
    assert entries[1].error is not None


def test_backups_are_numbered_newest_first_and_read(store: DraftStore) -> None:
    for words in ("Oldest answer.", "Middle answer here.", "Newest answer of all here."):
        draft = Draft(badge=BADGE_ID, title="t")
        draft.set_answer("build-trust", words)
        store.save(draft)
        store.back_up(BADGE_ID)
    (store.directory / "thing-19-citizen-leadership.backup-20260101-120000.json").write_text("{", encoding="utf-8")
    backups = store.backup_entries()
    assert [(b.badge_id, b.number, b.draft.words() if b.draft else None) for b in backups] == [
        (BADGE_ID, 1, 5),
        (BADGE_ID, 2, 3),
        (BADGE_ID, 3, 2),
        ("thing-19-citizen-leadership", 1, None),
    ]
    damaged = backups[-1]
    assert damaged.error is not None and damaged.made_text == "1 January 2026, 12:00"
    assert [b.number for b in store.backup_entries(BADGE_ID)] == [1, 2, 3]


def test_restoring_a_backup_keeps_the_draft_it_replaces_as_a_backup(store: DraftStore) -> None:
    saved_draft(store)
    kept = store.path_for(BADGE_ID).read_bytes()
    store.back_up(BADGE_ID)
    current = Draft(badge=BADGE_ID, title="t")
    current.set_answer("build-trust", "The answer I have now.")
    store.save(current)
    (backup,) = store.backup_entries(BADGE_ID)
    replaced = store.restore(backup)
    assert store.path_for(BADGE_ID).read_bytes() == kept, "the backup comes back exactly as it was"
    assert replaced is not None and not backup.path.exists()
    (now_kept,) = store.backup_entries(BADGE_ID)
    assert now_kept.path == replaced and now_kept.draft is not None
    assert now_kept.draft.answer("build-trust") == "The answer I have now."
    assert store.restore(now_kept) is not None, "restoring again brings the other back: nothing is lost"
    assert store.load(BADGE_ID) == now_kept.draft


def test_text_set_aside_is_saved_and_read_back(store: DraftStore) -> None:
    draft = Draft(badge=BADGE_ID, title="t")
    draft.set_aside_text("Pasted at a menu.")
    draft.set_aside_text("   ")  # nothing to keep
    store.save(draft)
    loaded = store.load(BADGE_ID)
    assert loaded is not None and [a.text for a in loaded.set_aside] == ["Pasted at a menu."]
    plain = Draft(badge=BADGE_ID, title="t")
    assert "set_aside" not in plain.to_dict(), "drafts without any keep their shape"
    broken = json.dumps({**plain.to_dict(), "set_aside": "not a list"})
    with pytest.raises(InvalidDataError, match="1 problem") as caught:
        parse_draft(broken, "x.json", BADGE_ID)
    assert caught.value.error_lines() == ["x.json:1: set_aside: should be a list, not 'not a list'"]


def test_where_an_answer_was_cut_off_is_saved_and_read_back(store: DraftStore) -> None:
    draft = Draft(badge=BADGE_ID, title="t")
    draft.set_answer("communicate-across-boundaries", "Half an answer")
    draft.interrupted = Interruption("communicate-across-boundaries")
    store.save(draft)
    loaded = store.load(BADGE_ID)
    assert loaded is not None and loaded.interrupted == Interruption("communicate-across-boundaries")
    assert "interrupted" not in Draft(badge=BADGE_ID, title="t").to_dict(), "drafts without one keep their shape"
    broken = json.dumps({**draft.to_dict(), "interrupted": {"criterion": "x", "notes": "yes"}}, indent=2)
    with pytest.raises(InvalidDataError) as caught:
        parse_draft(broken, "x.json", BADGE_ID)
    line = next(n for n, content in enumerate(broken.splitlines(), 1) if '"notes": "yes"' in content)
    assert caught.value.error_lines() == [f"x.json:{line}: interrupted.notes: should be true or false, not 'yes'"]


@pytest.mark.parametrize(
    ("given", "level"),
    [
        ("direct-practice", "direct-practice"),
        ("Direct Practice", "direct-practice"),
        ("DIRECT practice", "direct-practice"),
        ("senior and middle managers", "senior-and-middle-managers"),
        ("everyone", None),
    ],
)
def test_a_level_is_named_by_its_id_or_its_title_in_any_case(given: str, level: str | None) -> None:
    b = badge("multi-agency-expectations")
    assert level is None or level in b.level_ids()
    assert level_named(b, given) == level


def test_one_draft_is_open_in_one_window_at_a_time(store: DraftStore) -> None:
    with store.open_for_writing(BADGE_ID):
        with pytest.raises(BadgekitError, match="open in another badgekit window"), store.open_for_writing(BADGE_ID):
            pass
        with store.open_for_writing("thing-19-citizen-leadership"):
            pass  # another badge's draft is not held
    with store.open_for_writing(BADGE_ID):
        pass  # released when the interview ends


def test_a_typed_id_cannot_reach_outside_the_drafts_folder(store: DraftStore) -> None:
    with pytest.raises(BadgekitError, match="is not a badge id"):
        store.path_for("../../etc/passwd")


def test_the_drafts_folder_is_the_option_then_the_environment_then_the_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, isolated_user_dirs: Path
) -> None:
    assert drafts_dir() == isolated_user_dirs / "drafts"
    monkeypatch.setenv(DRAFTS_DIR_ENV, str(tmp_path / "from-env"))
    assert drafts_dir() == tmp_path / "from-env"
    assert drafts_dir(tmp_path / "from-option") == tmp_path / "from-option"


def test_saving_is_atomic_a_failed_save_leaves_the_last_one(store: DraftStore, monkeypatch: pytest.MonkeyPatch) -> None:
    draft = saved_draft(store)
    before = store.path_for(BADGE_ID).read_bytes()

    def interrupted(*_: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    draft.set_answer("build-trust", "never reaches the disk")
    with pytest.raises(KeyboardInterrupt):
        store.save(draft)
    assert store.path_for(BADGE_ID).read_bytes() == before
    assert json.loads(before)["answers"]["build-trust"]["text"].startswith("First paragraph.")
    assert [p.name for p in store.directory.iterdir()] == [f"{BADGE_ID}.json"]


def write(tmp_path: Path, text: str) -> str:
    path = tmp_path / "answers.yaml"
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_answers_file_keys_are_numbers_or_ids(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "1: |\n  First answer.\n\n  Second paragraph.\n"
        "limited-opportunities: Second answer.\n"
        "3: Third.\n"
        "'4': Fourth.\n",
    )
    given = answers_from_file(path, badge("thing-19"))
    assert given.answers == {
        "labels": "First answer.\n\nSecond paragraph.",
        "limited-opportunities": "Second answer.",
        "develop-leadership-skills": "Third.",
        "citizen-leaders": "Fourth.",
    }
    assert given.level is None and given.discussions == {}


def test_answers_file_reports_every_missing_answer_by_criterion(tmp_path: Path) -> None:
    path = write(tmp_path, "1: An answer.\n3:\n")
    with pytest.raises(InvalidDataError) as caught:
        answers_from_file(path, badge("thing-19"))
    lines = caught.value.error_lines()
    assert lines == [
        f"{path}: question 2 (limited-opportunities) has no answer",
        f"{path}: question 3 (develop-leadership-skills) has no answer",
        f"{path}: question 4 (citizen-leaders) has no answer",
    ]


def test_answers_file_problems_name_the_line_and_key(tmp_path: Path) -> None:
    path = write(tmp_path, "1: One.\nlabels: Again.\n2: [a, list]\n9: Nine.\n3: Three.\n4: Four.\n")
    with pytest.raises(InvalidDataError) as caught:
        answers_from_file(path, badge("thing-19"))
    lines = caught.value.error_lines()
    assert f"{path}:2: labels: answers the same criterion as '1'" in lines
    assert any(line.startswith(f"{path}:3: 2: should be text") for line in lines)
    assert any(line.startswith(f"{path}:4: 9: no criterion has this number or id (numbers 1 to 4") for line in lines)
    assert len(lines) == 3, "a criterion with a bad answer is not reported missing as well"


def test_answers_file_for_a_framework_needs_a_level(tmp_path: Path) -> None:
    b = badge("multi-agency-expectations")
    body = "".join(f"{n}: Answer {n}.\n" for n in range(1, 6))
    with pytest.raises(InvalidDataError, match="1 problem") as caught:
        answers_from_file(write(tmp_path, body), b)
    assert "level: required for this framework" in caught.value.error_lines()[0]
    given = answers_from_file(write(tmp_path, "level: direct-practice\n" + body), b)
    assert given.level == "direct-practice" and given.answers["share-information"] == "Answer 1."
    given = answers_from_file(write(tmp_path, body), b, "strategic-leaders")
    assert given.level == "strategic-leaders" and given.answers["shared-vision"] == "Answer 1."


def test_answers_file_refuses_python_tags(tmp_path: Path) -> None:
    with pytest.raises(InvalidDataError) as caught:
        answers_from_file(write(tmp_path, "1: !!python/object/apply:os.system ['true']\n"), badge("thing-19"))
    assert "tags such as '!!python/object' are not allowed" in caught.value.error_lines()[0]


def test_deleting_a_draft_deletes_its_journal_so_a_new_draft_starts_clean(store: DraftStore) -> None:
    from badgekit.drafting.journal import journal_path

    saved_draft(store)
    journal = journal_path(store.directory, BADGE_ID)
    journal.write_text("a line typed before a hard stop\n", encoding="utf-8")
    store.delete(BADGE_ID)
    assert not journal.exists() and not store.path_for(BADGE_ID).exists()
