"""Saving and resuming drafts: every answer the learner gives, kept the moment it is given.

A draft is one JSON file per badge in the drafts folder (``--drafts-dir``, then
``BADGEKIT_DRAFTS_DIR``, then ``drafts`` in badgekit's data folder). Each save
replaces the whole file atomically and owner-only through badgekit.safefile, so a
crash, Ctrl-C, a closed terminal or SIGKILL leaves the last saved draft whole.

Nothing is thrown away: an answer that is replaced is kept in the draft's
``earlier`` list, text typed where a number was wanted is kept in ``set_aside``,
starting afresh moves the old draft to a backup file beside it (``restore`` brings a
backup back, making the draft it replaces a backup in turn), and a draft file that
cannot be read (damaged, or edited by hand into something badgekit does not
understand) is reported with its file, line and field and left exactly as it is.

Where a criterion asks for a discussion, the learner's notes from it are kept beside
the answers (``discussions``), saved and replaced the same way.

When the interview stops part-way through an answer (Ctrl-C, a closed window, SIGTERM),
what was typed is saved and ``interrupted`` names the criterion, so that carrying on
starts there and says the answer was cut off. An answer stopped part-way through its last
line says so (``line_cut_off``), so that ``add`` carries that line on (``carried_on``).

Answers can also be written by hand in a YAML file (``badgekit draft ID --answers
FILE``): badgekit.drafting.answers_file reads one.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from badgekit import prebuilt, resources
from badgekit.badges.schema import BADGE_ID
from badgekit.errors import BadgekitError, InvalidDataError, Problem
from badgekit.invocation import program
from badgekit.safefile import write_private
from badgekit.statement.wordcount import count_words
from badgekit.validation import FieldReader
from badgekit.yamldoc import YamlDocument, join

DRAFTS_DIR_ENV = "BADGEKIT_DRAFTS_DIR"
DRAFT_SCHEMA = 1
#: Replaced answers kept per criterion; older ones are dropped so a draft stays small.
EARLIER_KEPT = 20

_SAFE_ID = prebuilt.compile(f"^{BADGE_ID}$")
_TOP_KEYS = {
    "schema",
    "badge",
    "title",
    "level",
    "created",
    "changed",
    "answers",
    "discussions",
    "earlier",
    "set_aside",
    "interrupted",
}
#: A backup's file name: the badge id, when it was made, and a counter for two in one second.
_BACKUP_NAME = prebuilt.compile(rf"^(?P<id>{BADGE_ID})\.backup-(?P<stamp>\d{{8}}-\d{{6}})(?:-(?P<n>\d+))?\.json$")
_ANSWER_KEYS = {"text", "changed", "line_cut_off"}
_INTERRUPTED_KEYS = {"criterion", "notes", "kept_apart"}
_REQUIRED_TEXT = ("badge", "title", "created", "changed")


def drafts_dir(override: Path | None = None) -> Path:
    """Where drafts are kept: the option, then the environment variable, then the data folder."""
    if override is not None:
        return override.expanduser()
    env = os.environ.get(DRAFTS_DIR_ENV)
    return Path(env).expanduser() if env else resources.user_data_dir() / "drafts"


def now() -> str:
    """The local time, to the second, as drafts record it."""
    return datetime.now().astimezone().isoformat(timespec="seconds")


@dataclass(frozen=True)
class Answer:
    text: str
    changed: str
    line_cut_off: bool = False  # the interview stopped part-way through its last line, before Enter

    @property
    def words(self) -> int:
        return count_words(self.text)


@dataclass(frozen=True)
class Interruption:
    """Where the interview stopped part-way through something typed, which was saved as it was."""

    criterion: str  # the criterion's id
    notes: bool = False  # the notes from a discussion were cut off, not the answer
    kept_apart: bool = False  # it was replacing an answer (or notes), so it is in ``earlier`` instead

    def to_dict(self) -> dict[str, Any]:
        return {"criterion": self.criterion, "notes": self.notes, "kept_apart": self.kept_apart}


@dataclass
class Draft:
    """One learner's answers to one badge so far."""

    badge: str
    title: str
    level: str | None = None
    created: str = field(default_factory=now)
    changed: str = field(default_factory=now)
    answers: dict[str, Answer] = field(default_factory=dict)
    earlier: dict[str, list[Answer]] = field(default_factory=dict)  # replaced answers, oldest first
    discussions: dict[str, Answer] = field(default_factory=dict)  # notes from a discussion, by criterion id
    set_aside: list[Answer] = field(default_factory=list)  # typed where a number was wanted, oldest first
    interrupted: Interruption | None = None  # the last thing typed was cut off here

    def answer(self, criterion_id: str) -> str | None:
        found = self.answers.get(criterion_id)
        return found.text if found else None

    def discussion(self, criterion_id: str) -> str | None:
        found = self.discussions.get(criterion_id)
        return found.text if found else None

    def set_discussion(self, criterion_id: str, text: str, *, keep_replaced: bool = True) -> None:
        """Record notes from a discussion; the notes they replace are kept in ``earlier`` (see ``set_answer``)."""
        stamp = now()
        old = self.discussions.get(criterion_id)
        if keep_replaced and old is not None and old.text != text:
            self.keep_earlier(discussion_key(criterion_id), old.text)
        self.discussions[criterion_id] = Answer(text, stamp)
        self.changed = stamp

    def set_answer(
        self, criterion_id: str, text: str, *, keep_replaced: bool = True, line_cut_off: bool = False
    ) -> None:
        """Record an answer; the one it replaces is kept in ``earlier``.

        ``keep_replaced=False`` is for an answer saved again while it is being typed (the web page
        saves at every pause): the text it grew from was kept when the typing began, and keeping
        each pause's version would push the answers really replaced out of ``earlier``.
        ``line_cut_off`` is for an answer kept as far as it went when the interview stopped part-way
        through its last line (``keep_unfinished``).
        """
        stamp = now()
        old = self.answers.get(criterion_id)
        if keep_replaced and old is not None and old.text != text:
            self.keep_earlier(criterion_id, old.text)
        self.answers[criterion_id] = Answer(text, stamp, line_cut_off)
        self.changed = stamp

    def with_added(self, criterion_id: str, text: str) -> str:
        """The criterion's answer with ``text`` added, as ``add`` adds it (``carried_on``); ``text`` alone if
        there is no answer yet."""
        given = self.answers.get(criterion_id)
        return carried_on(given, text) if given is not None else text

    def keep_earlier(self, criterion_id: str, text: str) -> None:
        """Keep text the learner wrote that is not (or no longer) the answer."""
        kept = self.earlier.setdefault(criterion_id, [])
        kept.append(Answer(text, now()))
        del kept[:-EARLIER_KEPT]
        self.changed = now()

    def set_aside_text(self, text: str) -> None:
        """Keep text typed where it could not be used (an answer pasted at a menu), so that it is not lost."""
        if text.strip():
            self.set_aside.append(Answer(text, now()))
            self.changed = now()

    def keep_unfinished(
        self, criterion_id: str, text: str, *, notes: bool = False, adding: bool = False, line_cut_off: bool = False
    ) -> bool:
        """Keep an answer (or notes) cut off part-way, without replacing one already given: added to it when
        adding, otherwise kept in ``earlier``. ``interrupted`` says where. ``line_cut_off``: the stop came
        part-way through the last line, before Enter. False if there was nothing to keep."""
        text = clean_answer(text)
        if not text:
            return False
        given = self.discussion(criterion_id) if notes else self.answer(criterion_id)
        if adding and given and not notes:
            self.set_answer(criterion_id, self.with_added(criterion_id, text), line_cut_off=line_cut_off)
        elif given:
            self.keep_earlier(discussion_key(criterion_id) if notes else criterion_id, text)
        elif notes:
            self.set_discussion(criterion_id, text)
        else:
            self.set_answer(criterion_id, text, line_cut_off=line_cut_off)
        self.interrupted = Interruption(criterion_id, notes=notes, kept_apart=bool(given) and not adding)
        return True

    def cut_off_answer(self) -> str | None:
        """The criterion whose answer holds what was typed before the interview last stopped part-way through
        it; None when there is none (the stop came in notes from a discussion, or while typing text to
        replace an answer, which still stands). Such an answer is not yet counted as given: carrying on said
        "you have answered 2 of 3" and then, straight away, that the second was cut off."""
        stopped = self.interrupted
        if stopped is None or stopped.notes or stopped.kept_apart or stopped.criterion not in self.answers:
            return None
        return stopped.criterion

    def holds(self, criterion_id: str, text: str) -> bool:
        """Whether this text is already kept for the criterion (its answer, its notes or an earlier one)."""
        kept = [self.answers.get(criterion_id), self.discussions.get(criterion_id)]
        kept += self.earlier.get(criterion_id, []) + self.earlier.get(discussion_key(criterion_id), [])
        return any(answer is not None and text in answer.text for answer in kept)

    def words(self, criterion_ids: list[str] | None = None) -> int:
        """The learner's words, over every answer (and notes from a discussion) or only those named."""
        ids = list(self.answers) + list(self.discussions) if criterion_ids is None else criterion_ids
        given = (kept[cid] for cid in dict.fromkeys(ids) for kept in (self.answers, self.discussions) if cid in kept)
        return sum(answer.words for answer in given)

    def to_dict(self) -> dict[str, Any]:
        def answer(a: Answer) -> dict[str, Any]:
            kept: dict[str, Any] = {"text": a.text, "changed": a.changed}
            if a.line_cut_off:  # only where true, so that other answers keep their shape
                kept["line_cut_off"] = True
            return kept

        data: dict[str, Any] = {
            "schema": DRAFT_SCHEMA,
            "badge": self.badge,
            "title": self.title,
            "level": self.level,
            "created": self.created,
            "changed": self.changed,
            "answers": {cid: answer(a) for cid, a in self.answers.items()},
        }
        if self.discussions:  # only where given, so that other drafts keep their shape
            data["discussions"] = {cid: answer(a) for cid, a in self.discussions.items()}
        data["earlier"] = {cid: [answer(a) for a in kept] for cid, kept in self.earlier.items() if kept}
        if self.set_aside:
            data["set_aside"] = [answer(a) for a in self.set_aside]
        if self.interrupted is not None:
            data["interrupted"] = self.interrupted.to_dict()
        return data


def discussion_key(criterion_id: str) -> str:
    """The key replaced notes from a discussion are kept under in ``earlier`` (ids hold no '/')."""
    return f"{criterion_id}/discussion"


#: A sentence's end: a full stop, question or exclamation mark (or an ellipsis), perhaps inside quotes or brackets.
_SENTENCE_END = prebuilt.compile(r"""[.!?…]["'”’)\]]*$""")


def continues_line(given: Answer) -> bool:
    """Whether what is added to ``given`` carries on its last line, rather than starting a new paragraph.

    It does when the interview stopped (Ctrl-C, a closed window) part-way through the answer's last line,
    in the middle of a sentence: the line is kept as typed, and ``add`` is how the learner carries on.
    Starting a new paragraph there split a sentence in two in the statement they submit ("...she will
    read" then a blank line, then "my draft and tell me..."). When the line cut off had ended its
    sentence, or the learner finished the answer with ``done``, what they add is more to say, and starts
    a new paragraph as it always has.
    """
    return given.line_cut_off and not _SENTENCE_END.search(given.text.rstrip())


def carried_on(given: Answer, text: str) -> str:
    """An answer with more added to it by ``add``: the one rule, for the interview, Ctrl-C during ``add``, and
    the lines brought back after a hard stop. See ``continues_line`` for when the two are joined by a space."""
    return given.text.rstrip() + (" " if continues_line(given) else "\n\n") + text


def clean_answer(text: str) -> str:
    """An answer as it is kept: the learner's text with line endings made consistent and the
    blank lines and spaces around the whole of it removed; nothing inside it changes."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    while lines and not lines[0].strip():
        lines.pop(0)
    return "\n".join(lines).rstrip()


# --- reading a draft file ----------------------------------------------------------------


def _line_finder(raw: str, path: str) -> Any:
    """Where each field of the file is, found by reading the JSON as YAML (only on the error path)."""
    from badgekit.yamldoc import parse_yaml

    try:
        return parse_yaml(raw, path).line_of
    except InvalidDataError:
        return lambda _dotted: None


def _answer(r: FieldReader, value: Any, here: str) -> Answer | None:
    obj = r.mapping(value, here, _ANSWER_KEYS)
    if obj is None:
        return None
    text = r.field(obj, here, "text", str, required=True)
    changed = r.field(obj, here, "changed", str, required=True)
    line_cut_off = bool(r.field(obj, here, "line_cut_off", bool))
    return Answer(text, changed, line_cut_off) if text is not None and changed is not None else None


def _answers_in(r: FieldReader, top: dict[str, Any], key: str) -> dict[str, Answer]:
    found: dict[str, Answer] = {}
    for cid, value in (r.mapping(top.get(key, {}), key) or {}).items():
        answer = _answer(r, value, join(key, cid))
        if answer is not None:
            found[str(cid)] = answer
    return found


def _answer_list(r: FieldReader, obj: dict[str, Any], here: str, key: str) -> list[Answer]:
    found = [_answer(r, value, join(join(here, key), i)) for i, value in enumerate(r.field(obj, here, key, list) or [])]
    return [answer for answer in found if answer is not None]


def _interruption(r: FieldReader, value: Any) -> Interruption | None:
    if value is None:
        return None
    obj = r.mapping(value, "interrupted", _INTERRUPTED_KEYS)
    if obj is None:
        return None
    criterion = r.field(obj, "interrupted", "criterion", str, required=True)
    notes, kept_apart = (r.field(obj, "interrupted", key, bool) for key in ("notes", "kept_apart"))
    wrong = any(obj.get(key) is not None and not isinstance(obj.get(key), bool) for key in ("notes", "kept_apart"))
    if criterion is None or wrong:
        return None
    return Interruption(criterion, notes=bool(notes), kept_apart=bool(kept_apart))


def parse_draft(raw: str, path: str, badge_id: str) -> Draft:
    """A draft from the text of its file; InvalidDataError naming each problem otherwise."""
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise InvalidDataError([Problem(path, exc.lineno, "", f"not a readable draft: {exc.msg}")]) from None
    except (RecursionError, ValueError):  # nested past Python's limit, or a number too long to read
        unreadable = Problem(path, None, "", "not a readable draft: it is not in badgekit's form")
        raise InvalidDataError([unreadable]) from None
    r = FieldReader(YamlDocument(path, data))  # lines are looked up only if something is wrong
    top = r.mapping(data, "", _TOP_KEYS) or {}
    if top and top.get("schema") != DRAFT_SCHEMA:
        r.add("schema", f"this badgekit reads drafts of schema {DRAFT_SCHEMA}")
    badge, title, created, changed = (r.field(top, "", key, str, required=True) for key in _REQUIRED_TEXT)
    if badge is not None and badge != badge_id:
        r.add("badge", f"names the badge '{badge}', but this is the draft file for '{badge_id}'")
    level = r.field(top, "", "level", str)
    answers, discussions = _answers_in(r, top, "answers"), _answers_in(r, top, "discussions")
    earlier_map = r.mapping(top.get("earlier", {}), "earlier") or {}
    earlier = {str(cid): _answer_list(r, earlier_map, "earlier", str(cid)) for cid in earlier_map}
    set_aside = _answer_list(r, top, "", "set_aside")
    interrupted = _interruption(r, top.get("interrupted"))
    if r.problems:
        line_of = _line_finder(raw, path)
        raise InvalidDataError([Problem(path, line_of(p.field), p.field, p.message) for p in r.problems])
    assert badge is not None and title is not None and created is not None and changed is not None
    return Draft(badge, title, level, created, changed, answers, earlier, discussions, set_aside, interrupted)


def read_draft_file(path: Path, badge_id: str) -> Draft:
    """The draft in a file (a draft or a backup of one); FileNotFoundError when there is none,
    BadgekitError when it cannot be read or understood."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise
    except OSError as exc:
        raise BadgekitError(f"could not read this draft: {exc.strerror}", path=str(path)) from None
    try:
        return parse_draft(raw.decode("utf-8"), str(path), badge_id)
    except UnicodeDecodeError:
        raise InvalidDataError([Problem(str(path), None, "", "not a readable draft: it is not UTF-8 text")]) from None


# --- the drafts folder ---------------------------------------------------------------------


@dataclass(frozen=True)
class DraftEntry:
    """A draft file found in the drafts folder: the draft, or the problem reading it."""

    badge_id: str
    path: Path
    draft: Draft | None
    error: InvalidDataError | BadgekitError | None
    backups: tuple[Path, ...]


@dataclass(frozen=True)
class Backup:
    """An earlier draft kept beside the current one (by --fresh or restore): numbered 1 for the newest."""

    badge_id: str
    number: int
    path: Path
    made: datetime  # when it was set aside, from its file name
    draft: Draft | None
    error: BadgekitError | None  # why it cannot be read, if it cannot

    @property
    def made_text(self) -> str:
        from badgekit.text import british_moment

        return british_moment(self.made)


def damaged_hint(badge_id: str) -> str:
    return (
        "badgekit has left the file exactly as it is. Put it right in a text editor, or start "
        f"afresh with '{program()} draft {badge_id} --fresh' (the file is then kept as a backup)."
    )


class DraftStore:
    """The drafts folder: one ``<badge id>.json`` per badge, with its backups beside it."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def path_for(self, badge_id: str) -> Path:
        if not _SAFE_ID.match(badge_id):  # never let a typed id reach outside the folder
            raise BadgekitError(f"'{badge_id}' is not a badge id", hint=f"Run '{program()} drafts' to see your drafts.")
        return self.directory / f"{badge_id}.json"

    def exists(self, badge_id: str) -> bool:
        return self.path_for(badge_id).is_file()

    def load(self, badge_id: str) -> Draft | None:
        """The saved draft, None when there is none; a damaged file raises and is not touched."""
        try:
            return read_draft_file(self.path_for(badge_id), badge_id)
        except FileNotFoundError:
            return None
        except InvalidDataError as error:
            error.hint = damaged_hint(badge_id)
            raise

    def save(self, draft: Draft) -> None:
        text = json.dumps(draft.to_dict(), indent=2, ensure_ascii=False) + "\n"
        write_private(self.path_for(draft.badge), text)

    def back_up(self, badge_id: str) -> Path | None:
        """Move the draft aside to a dated backup file (its content untouched); None if there is none."""
        path = self.path_for(badge_id)
        if not path.is_file():
            return None
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        backup = self.directory / f"{badge_id}.backup-{stamp}.json"
        counter = 2
        while backup.exists():
            backup = self.directory / f"{badge_id}.backup-{stamp}-{counter}.json"
            counter += 1
        os.replace(path, backup)
        return backup

    def backups(self, badge_id: str) -> list[Path]:
        """The backup files of one badge's drafts, oldest first."""
        return [path for found_id, path in self._backup_files() if found_id == badge_id]

    def _backup_files(self) -> list[tuple[str, Path]]:
        """Every backup file in the folder with its badge id, oldest first (by the time in its name)."""
        if not self.directory.is_dir():
            return []
        found = []
        for path in self.directory.glob("*.backup-*.json"):
            match = _BACKUP_NAME.match(path.name)
            if match:
                found.append(((match["stamp"], int(match["n"] or 1)), match["id"], path))
        return [(badge_id, path) for _order, badge_id, path in sorted(found)]

    def backup_entries(self, badge_id: str | None = None) -> list[Backup]:
        """The backups of one badge (or of every badge), newest first within each badge, each read if it can be."""
        by_badge: dict[str, list[Path]] = {}
        for found_id, path in self._backup_files():
            if badge_id is None or found_id == badge_id:
                by_badge.setdefault(found_id, []).append(path)
        entries = []
        for found_id in sorted(by_badge):
            for number, path in enumerate(reversed(by_badge[found_id]), 1):
                draft, error = self._read_backup(found_id, path)
                stamp = _BACKUP_NAME.match(path.name)
                made = datetime.strptime(stamp["stamp"], "%Y%m%d-%H%M%S") if stamp else datetime.now()
                entries.append(Backup(found_id, number, path, made, draft, error))
        return entries

    def _read_backup(self, badge_id: str, path: Path) -> tuple[Draft | None, BadgekitError | None]:
        try:
            return read_draft_file(path, badge_id), None
        except FileNotFoundError:
            return None, BadgekitError("this backup is no longer there", path=str(path))
        except BadgekitError as exc:
            return None, exc

    def restore(self, backup: Backup) -> Path | None:
        """Make a backup the draft again. The draft it replaces, if any, becomes a backup first (its
        path is returned), so that nothing is lost; the backup's content is untouched."""
        replaced = self.back_up(backup.badge_id)
        os.replace(backup.path, self.path_for(backup.badge_id))
        return replaced

    def delete(self, badge_id: str) -> Path:
        """Delete the draft, and the journal of lines typed since its last save: a new draft of the badge
        must not start with lines from the deleted one."""
        from badgekit.drafting.journal import journal_path

        path = self.path_for(badge_id)
        path.unlink()
        journal_path(self.directory, badge_id).unlink(missing_ok=True)
        return path

    def entries(self) -> list[DraftEntry]:
        """Every draft in the folder, damaged ones included (with their error), by badge id."""
        if not self.directory.is_dir():
            return []
        found: list[DraftEntry] = []
        for path in sorted(self.directory.glob("*.json")):
            badge_id = path.stem
            if not _SAFE_ID.match(badge_id):  # backups (id.backup-...) and anything else
                continue
            try:
                draft, error = self.load(badge_id), None
            except BadgekitError as exc:
                draft, error = None, exc
            found.append(DraftEntry(badge_id, path, draft, error, tuple(self.backups(badge_id))))
        return found

    @contextmanager
    def open_for_writing(self, badge_id: str) -> Iterator[None]:
        """Hold the draft for one interview, so that two windows cannot overwrite each other's answers."""
        from badgekit.locking import holding_lock

        with holding_lock(
            self.directory / f".{badge_id}.lock",
            f"your draft of '{badge_id}' is open in another badgekit window",
            "Finish or quit that interview first; every answer given there is already saved.",
        ):
            yield
