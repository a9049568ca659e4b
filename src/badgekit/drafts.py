"""Saving and resuming drafts: every answer the learner gives, kept the moment it is given.

A draft is one JSON file per badge in the drafts folder (``--drafts-dir``, then
``BADGEKIT_DRAFTS_DIR``, then ``drafts`` in badgekit's data folder). Each save
replaces the whole file atomically and owner-only through badgekit.safefile, so a
crash, Ctrl-C, a closed terminal or SIGKILL leaves the last saved draft whole.

Nothing is thrown away: an answer that is replaced is kept in the draft's
``earlier`` list, starting afresh moves the old draft to a backup file beside it,
and a draft file that cannot be read (damaged, or edited by hand into something
badgekit does not understand) is reported with its file, line and field and left
exactly as it is.

Where a criterion asks for a discussion, the learner's notes from it are kept beside
the answers (``discussions``), saved and replaced the same way.

Answers can also be written by hand in a YAML file (``badgekit draft ID --answers
FILE``): ``answers_from_file`` reads one, keyed by criterion number or id.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from badgekit import resources
from badgekit.badges import Badge, Criterion
from badgekit.errors import BadgekitError, InvalidDataError, Problem
from badgekit.safefile import PRIVATE_FOLDER, write_private
from badgekit.wordcount import count_words

if TYPE_CHECKING:
    from badgekit.yamldoc import YamlDocument

DRAFTS_DIR_ENV = "BADGEKIT_DRAFTS_DIR"
DRAFT_SCHEMA = 1
#: Replaced answers kept per criterion; older ones are dropped so a draft stays small.
EARLIER_KEPT = 20

_SAFE_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_TOP_KEYS = {"schema", "badge", "title", "level", "created", "changed", "answers", "discussions", "earlier"}
_ANSWER_KEYS = {"text", "changed"}
#: The keys of an answer given as a mapping in an answers file.
_ANSWERS_FILE_KEYS = {"answer", "discussion"}


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

    @property
    def words(self) -> int:
        return count_words(self.text)


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

    def answer(self, criterion_id: str) -> str | None:
        found = self.answers.get(criterion_id)
        return found.text if found else None

    def discussion(self, criterion_id: str) -> str | None:
        found = self.discussions.get(criterion_id)
        return found.text if found else None

    def set_discussion(self, criterion_id: str, text: str) -> None:
        """Record notes from a discussion; the notes they replace are kept in ``earlier``."""
        stamp = now()
        old = self.discussions.get(criterion_id)
        if old is not None and old.text != text:
            self.keep_earlier(discussion_key(criterion_id), old.text)
        self.discussions[criterion_id] = Answer(text, stamp)
        self.changed = stamp

    def set_answer(self, criterion_id: str, text: str) -> None:
        """Record an answer; the one it replaces is kept in ``earlier``."""
        stamp = now()
        old = self.answers.get(criterion_id)
        if old is not None and old.text != text:
            self.keep_earlier(criterion_id, old.text)
        self.answers[criterion_id] = Answer(text, stamp)
        self.changed = stamp

    def keep_earlier(self, criterion_id: str, text: str) -> None:
        """Keep text the learner wrote that is not (or no longer) the answer."""
        kept = self.earlier.setdefault(criterion_id, [])
        kept.append(Answer(text, now()))
        del kept[:-EARLIER_KEPT]
        self.changed = now()

    def words(self, criterion_ids: list[str] | None = None) -> int:
        """The learner's words, over every answer (and notes from a discussion) or only those named."""
        ids = list(self.answers) + list(self.discussions) if criterion_ids is None else criterion_ids
        given = (kept[cid] for cid in dict.fromkeys(ids) for kept in (self.answers, self.discussions) if cid in kept)
        return sum(answer.words for answer in given)

    def to_dict(self) -> dict[str, Any]:
        def answer(a: Answer) -> dict[str, str]:
            return {"text": a.text, "changed": a.changed}

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
        return data


def discussion_key(criterion_id: str) -> str:
    """The key replaced notes from a discussion are kept under in ``earlier`` (ids hold no '/')."""
    return f"{criterion_id}/discussion"


def clean_answer(text: str) -> str:
    """An answer as it is kept: the learner's text with line endings made consistent and the
    blank lines and spaces around the whole of it removed; nothing inside it changes."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    while lines and not lines[0].strip():
        lines.pop(0)
    return "\n".join(lines).rstrip()


# --- reading a draft file ----------------------------------------------------------------


class _Checker:
    """Collects what is wrong with a draft file, each problem with the field it concerns."""

    def __init__(self) -> None:
        self.problems: list[tuple[str, str]] = []

    def text(self, value: Any, where: str, *, optional: bool = False) -> str | None:
        if value is None and optional:
            return None
        if not isinstance(value, str):
            self.problems.append((where, "should be text" if value is not None else "required"))
            return None
        return value

    def mapping(self, value: Any, where: str, allowed: set[str] | None = None) -> dict[str, Any]:
        if not isinstance(value, dict):
            self.problems.append((where, "should be a mapping of names to values"))
            return {}
        for key in value:
            if allowed is not None and key not in allowed:
                self.problems.append((f"{where}.{key}" if where else str(key), "unknown key"))
        return value

    def answer(self, value: Any, where: str) -> Answer | None:
        obj = self.mapping(value, where, _ANSWER_KEYS)
        text = self.text(obj.get("text"), f"{where}.text")
        changed = self.text(obj.get("changed"), f"{where}.changed")
        return Answer(text, changed) if text is not None and changed is not None else None


def _line_finder(raw: str, path: str) -> Any:
    """Where each field of the file is, found by reading the JSON as YAML (only on the error path)."""
    from badgekit.yamldoc import parse_yaml

    try:
        return parse_yaml(raw, path).line_of
    except InvalidDataError:
        return lambda _dotted: None


def parse_draft(raw: str, path: str, badge_id: str) -> Draft:
    """A draft from the text of its file; InvalidDataError naming each problem otherwise."""
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise InvalidDataError([Problem(path, exc.lineno, "", f"not a readable draft: {exc.msg}")]) from None
    check = _Checker()
    top = check.mapping(data, "", _TOP_KEYS)
    if top and top.get("schema") != DRAFT_SCHEMA:
        check.problems.append(("schema", f"this badgekit reads drafts of schema {DRAFT_SCHEMA}"))
    badge = check.text(top.get("badge"), "badge")
    if badge is not None and badge != badge_id:
        check.problems.append(("badge", f"names the badge '{badge}', but this is the draft file for '{badge_id}'"))
    title = check.text(top.get("title"), "title")
    level = check.text(top.get("level"), "level", optional=True)
    created = check.text(top.get("created"), "created")
    changed = check.text(top.get("changed"), "changed")
    answers = _answers_in(check, top, "answers")
    discussions = _answers_in(check, top, "discussions")
    earlier: dict[str, list[Answer]] = {}
    for cid, values in check.mapping(top.get("earlier", {}), "earlier").items():
        if not isinstance(values, list):
            check.problems.append((f"earlier.{cid}", "should be a list"))
            continue
        kept = [check.answer(v, f"earlier.{cid}[{i}]") for i, v in enumerate(values)]
        earlier[str(cid)] = [a for a in kept if a is not None]
    if check.problems:
        line_of = _line_finder(raw, path)
        raise InvalidDataError([Problem(path, line_of(where), where, message) for where, message in check.problems])
    assert badge is not None and title is not None and created is not None and changed is not None
    return Draft(badge, title, level, created, changed, answers, earlier, discussions)


def _answers_in(check: _Checker, top: dict[str, Any], key: str) -> dict[str, Answer]:
    found: dict[str, Answer] = {}
    for cid, value in check.mapping(top.get(key, {}), key).items():
        answer = check.answer(value, f"{key}.{cid}")
        if answer is not None:
            found[str(cid)] = answer
    return found


# --- the drafts folder ---------------------------------------------------------------------


@dataclass(frozen=True)
class DraftEntry:
    """A draft file found in the drafts folder: the draft, or the problem reading it."""

    badge_id: str
    path: Path
    draft: Draft | None
    error: InvalidDataError | BadgekitError | None
    backups: tuple[Path, ...]


def damaged_hint(badge_id: str) -> str:
    return (
        "badgekit has left the file exactly as it is. Put it right in a text editor, or start "
        f"afresh with 'badgekit draft {badge_id} --fresh' (the file is then kept as a backup)."
    )


class DraftStore:
    """The drafts folder: one ``<badge id>.json`` per badge, with its backups beside it."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def path_for(self, badge_id: str) -> Path:
        if not _SAFE_ID.match(badge_id):  # never let a typed id reach outside the folder
            raise BadgekitError(f"'{badge_id}' is not a badge id", hint="Run 'badgekit drafts' to see your drafts.")
        return self.directory / f"{badge_id}.json"

    def exists(self, badge_id: str) -> bool:
        return self.path_for(badge_id).is_file()

    def load(self, badge_id: str) -> Draft | None:
        """The saved draft, None when there is none; a damaged file raises and is not touched."""
        path = self.path_for(badge_id)
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise BadgekitError(f"could not read this draft: {exc.strerror}", path=str(path)) from None
        try:
            return parse_draft(raw.decode("utf-8"), str(path), badge_id)
        except UnicodeDecodeError:
            error = InvalidDataError([Problem(str(path), None, "", "not a readable draft: it is not UTF-8 text")])
        except InvalidDataError as exc:
            error = exc
        error.hint = damaged_hint(badge_id)
        raise error

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
        if not self.directory.is_dir():
            return []
        return sorted(self.directory.glob(f"{badge_id}.backup-*.json"))

    def delete(self, badge_id: str) -> Path:
        path = self.path_for(badge_id)
        path.unlink()
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
        """Hold the draft for one interview, so that two windows cannot overwrite each other's answers.

        The lock is the operating system's, so it goes when the process does, even after SIGKILL.
        """
        try:
            import fcntl
        except ImportError:  # Windows: no advisory locks; one window at a time is then up to the learner
            yield
            return
        self.directory.mkdir(parents=True, exist_ok=True, mode=PRIVATE_FOLDER)
        lock_path = self.directory / f".{badge_id}.lock"
        descriptor = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            try:
                fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                raise BadgekitError(
                    f"your draft of '{badge_id}' is open in another badgekit window",
                    hint="Finish or quit that interview first; every answer given there is already saved.",
                ) from None
            yield
        finally:
            os.close(descriptor)


# --- answers written in a file by hand ---------------------------------------------------------------


@dataclass(frozen=True)
class AnswersFile:
    """What an answers file gives: answers and notes from discussions (by criterion id), and the level."""

    answers: dict[str, str]
    discussions: dict[str, str]
    level: str | None


def answers_from_file(path: str, badge: Badge, level: str | None = None) -> AnswersFile:
    """Answers (by criterion id) and the level, read from a YAML file keyed by criterion number or id:
    the interview's answers given all at once, for writing a statement without a terminal.

    An answer is text, or a mapping with ``answer`` and, optionally, ``discussion`` (notes from a
    discussion the criterion asks for). Every problem is reported with the file, line and key; so is
    every criterion left without an answer.
    """
    from badgekit.textinput import display_name, read_text
    from badgekit.yamldoc import parse_yaml

    shown = display_name(path)
    doc = parse_yaml(read_text(path), shown)
    problems: list[Problem] = list(doc.duplicate_keys)
    data: Any = doc.data
    if not isinstance(data, Mapping):
        what = "empty" if data is None else "not a list of answers"
        hint = "Write one answer per criterion, keyed by its number or id, for example:  1: |  (then the answer)"
        raise InvalidDataError([Problem(shown, None, "", f"the file is {what}")], hint=hint)
    if badge.levels:
        level = _level_from(data, doc.line_of, shown, badge, level, problems)
        if level is None:
            raise InvalidDataError(problems, hint="Add a line such as 'level: direct-practice', or use --level.")
    criteria = badge.criteria_for(level)
    by_key: dict[str, Criterion] = {c.id: c for c in criteria}
    by_key.update({str(c.number): c for c in criteria})
    answers: dict[str, str] = {}
    discussions: dict[str, str] = {}
    given_as: dict[str, str] = {}  # criterion id -> the key that answered it
    faulty: set[str] = set()  # criterion ids whose answer has a problem of its own
    for key, value in data.items():
        name = str(key)
        if name == "level" and badge.levels:
            continue
        criterion = by_key.get(name)
        line = doc.line_of(name)
        if criterion is None:
            problems.append(Problem(shown, line, name, _unknown_key(name, criteria)))
            continue
        if criterion.id in given_as:
            problems.append(Problem(shown, line, name, f"answers the same criterion as '{given_as[criterion.id]}'"))
            continue
        given_as[criterion.id] = name
        if isinstance(value, Mapping):
            before = len(problems)
            value, notes = _split_answer(value, name, doc, problems)
            if len(problems) > before:
                faulty.add(criterion.id)
                continue
            if notes and notes.strip():
                discussions[criterion.id] = clean_answer(notes)
        if value is None or (isinstance(value, str) and not value.strip()):
            continue  # reported below as missing
        if not isinstance(value, str):
            problems.append(Problem(shown, line, name, "should be text (write | after the colon, then the answer)"))
            faulty.add(criterion.id)
            continue
        answers[criterion.id] = clean_answer(value)
    for criterion in criteria:
        if criterion.id not in answers and criterion.id not in faulty:
            missing = f"{_criterion_word(badge)} {criterion.number} ({criterion.id}) has no answer"
            problems.append(Problem(shown, None, "", missing))
    if problems:
        raise InvalidDataError(
            problems, hint="Give every criterion an answer, keyed by its number or its id (see 'badgekit show')."
        )
    return AnswersFile(answers, discussions, level)


def _split_answer(value: Mapping[Any, Any], name: str, doc: YamlDocument, problems: list[Problem]) -> tuple[Any, Any]:
    """The answer and the notes in ``{answer: ..., discussion: ...}``, each problem reported by key."""
    for key in value:
        if str(key) not in _ANSWERS_FILE_KEYS:
            problems.append(doc.problem(f"{name}.{key}", "unknown key (use answer and discussion)"))
    notes = value.get("discussion")
    if notes is not None and not isinstance(notes, str):
        problems.append(doc.problem(f"{name}.discussion", "should be text (write | after the colon, then the notes)"))
    return value.get("answer"), notes


def _unknown_key(name: str, criteria: Sequence[Criterion]) -> str:
    return f"no criterion has this number or id (numbers 1 to {len(criteria)}, or ids such as '{criteria[0].id}')"


def _level_from(
    data: Mapping[Any, Any],
    line_of: Callable[[str], int | None],
    shown: str,
    badge: Badge,
    level: str | None,
    problems: list[Problem],
) -> str | None:
    given = data.get("level")
    if level is None and given is None:
        problems.append(
            Problem(shown, None, "level", f"required for this framework: one of {', '.join(badge.level_ids())}")
        )
        return None
    if given is not None and (not isinstance(given, str) or badge.level(given) is None):
        problems.append(Problem(shown, line_of("level"), "level", f"should be one of {', '.join(badge.level_ids())}"))
        return None
    if level is not None and given is not None and given != level:
        problems.append(Problem(shown, line_of("level"), "level", f"says '{given}', but --level says '{level}'"))
        return None
    return level or given


def _criterion_word(badge: Badge) -> str:
    from badgekit.interview import criterion_word  # only when reporting: the interview is not needed otherwise

    return criterion_word(badge).lower()
