"""Drafting a statement from start to end: the draft to carry on with, the interview, and the statement written.

What ``badgekit draft`` and ``badgekit drafts`` do, below the command line: the CLI parses the
options, calls these, and turns errors into exit codes. Messages to the learner go through
``console.say``; questions through the interview's asker.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from badgekit.console import say
from badgekit.drafting.messages import Outcome
from badgekit.errors import BadgekitError
from badgekit.invocation import program
from badgekit.text import british_moment, counted, is_are

if TYPE_CHECKING:
    from badgekit.badges.catalogue import Catalogue
    from badgekit.badges.model import Badge
    from badgekit.drafting.recovery import Recovered
    from badgekit.drafting.store import Backup, Draft, DraftStore


def resolve_level(badge: Badge, level: str | None) -> str | None:
    """The id of the level --level names, by its id or its title in any case ("Direct Practice")."""
    from badgekit.drafting.answers_file import level_named

    if level is None:
        return None
    if not badge.levels:
        raise BadgekitError(f"'{badge.id}' has no levels, so --level does not apply to it")
    found = level_named(badge, level)
    if found is None:
        levels = ", ".join(f"{lv.id} ({lv.title})" for lv in badge.levels)
        raise BadgekitError(f"'{level}' is not a level of '{badge.id}'", hint=f"Choose one of: {levels}.")
    return found


def statement_path(badge: Badge, output: Path | None) -> Path:
    return output if output is not None else Path.cwd() / f"{badge.id}-statement.md"


def free_name(path: Path) -> Path:
    number = 2
    while True:
        candidate = path.with_name(f"{path.stem}-{number}{path.suffix}")
        if not candidate.exists():
            return candidate
        number += 1


def draft_from_file(
    badge: Badge,
    answers_path: str,
    level: str | None,
    output: Path | None,
    force: bool,
    templates_dir: Path | None,
    *,
    docx: bool = False,
) -> None:
    from badgekit.drafting.answers_file import answers_from_file
    from badgekit.render import render_markdown
    from badgekit.safefile import write_new
    from badgekit.statement.wordcount import count_words
    from badgekit.text import counted

    for notice in badge.before_you_start():
        say(notice, to_stderr=True)
    given = answers_from_file(answers_path, badge, level)
    text = render_markdown(
        badge, given.answers, notes=given.discussions, level=given.level, templates_dir=templates_dir
    )
    if output is not None and str(output) == "-":
        sys.stdout.write(text)
        return
    path = statement_path(badge, output)
    write_new(path, text, force=force, private=True)
    words = sum(count_words(part) for part in (*given.answers.values(), *given.discussions.values()))
    say(f"Statement written to {path} ({counted(words, 'word')}).")
    if docx:
        write_docx(badge, text, given.level, path, force)


def open_draft(store: DraftStore, badge: Badge, fresh: bool, asker: Any) -> tuple[Draft, bool] | None:
    """The draft to carry on with (and whether it is resumed), a new one, or None to stop."""
    from badgekit.drafting.store import Draft
    from badgekit.text import counted

    new = Draft(badge=badge.id, title=badge.title)
    if fresh:
        back_up(store, badge)  # a damaged draft is moved aside too, never read or changed
        return new, False
    existing = store.load(badge.id)
    if existing is None:
        backups = len(store.backups(badge.id))
        if backups:
            say(
                f"You have {counted(backups, 'backup')} of earlier drafts of this badge. To carry on with one "
                f"instead of starting afresh, quit now and run: {program()} drafts restore {badge.id}",
                style="dim",
            )
        return new, False
    say(
        f"You have a draft of this badge: {held(badge, existing)}, "
        f"{counted(existing.words(), 'word')}, last changed {existing.changed[:16].replace('T', ' at ')}."
    )
    if asker.confirm("Carry on with it?", default=True):
        return existing, True
    if asker.confirm("Start again with no answers? Your draft will be kept as a backup.", default=False):
        back_up(store, badge)
        return new, False
    say("Nothing has changed. Your draft is as you left it.")
    return None


def held(badge: Badge, draft: Draft) -> str:
    """The answers a draft holds, an answer cut off part-way said apart: "1 answer and criterion 2 cut off
    part-way" (Draft.cut_off_answer)."""
    cut_off = draft.cut_off_answer()
    number = next((c.number for c in badge.all_criteria() if c.id == cut_off), None) if cut_off else None
    if number is None:
        return counted(len(draft.answers), "answer")
    stopped = f"{badge.criterion_noun} {number} cut off part-way"
    others = len(draft.answers) - 1
    return f"{counted(others, 'answer')} and {stopped}" if others else stopped


def back_up(store: DraftStore, badge: Badge) -> None:
    backup = store.back_up(badge.id)
    if backup is not None:
        say(
            f"Your previous draft is kept as a backup: {backup}. To bring it back, run: "
            f"{program()} drafts restore {badge.id}",
            style="dim",
        )


def interview(
    catalogue: Catalogue,
    badge: Badge,
    level: str | None,
    store: DraftStore,
    asker: Any,
    *,
    fresh: bool,
    resume: str | None = None,
) -> Draft | None:
    """Interview the learner, saving every answer; the draft to write a statement from, or None when they
    stopped. First, what a hard stop left beside the draft is brought back (drafting/recovery.py). A closed
    window or Ctrl-C raises InterviewStopped (a KeyboardInterrupt) saying whether everything given is
    saved, and so does quitting while an answer could not be saved (drafting/saving.py)."""
    from badgekit.drafting.interview import run_interview
    from badgekit.drafting.journal import Journal, journal_path
    from badgekit.drafting.recovery import recover
    from badgekit.drafting.saving import GuardedSave, InterviewStopped
    from badgekit.terminal.hangup import stopping_on_hangup
    from badgekit.tracking.profile import load_profile_for_checks, prerequisite_advice

    resume = resume or f"{program()} draft {badge.id}"
    with store.open_for_writing(badge.id), stopping_on_hangup():
        say_recovered(recover(store, badge.id, badge.title))
        opened = open_draft(store, badge, fresh, asker)
        if opened is None:
            return None
        current, resumed = opened
        if level is not None and current.level not in (None, level):
            raise BadgekitError(
                f"your draft of '{badge.id}' is for the level '{current.level}', not '{level}'",
                hint=f"Carry on without --level, or start afresh: {resume} --fresh --level {level}",
            )
        current.level = current.level or level
        profile = load_profile_for_checks()
        advice = prerequisite_advice(badge, profile, catalogue)
        journal = Journal(journal_path(store.directory, badge.id))
        asker.journal = journal
        save = GuardedSave(store, asker, journal, on_disk=current if resumed else None)
        try:
            outcome = run_interview(
                badge, current, asker, save, prerequisites=advice, profile_hint=not profile.exists, resumed=resumed
            )
        except KeyboardInterrupt:
            raise InterviewStopped(save.failure, save.unsaved(current)) from None
    if outcome is Outcome.QUIT:
        if save.failure is not None:
            raise InterviewStopped(save.failure, save.unsaved(current))
        say(f"Your answers are saved. To carry on, run: {resume}")
        return None
    return current


def say_recovered(recovered: Recovered, *, to_stderr: bool = False) -> None:
    """Say what was brought back from a hard stop (the interview says where an answer was cut off)."""
    if recovered.finished_save:
        finished = "badgekit was stopped while saving your draft; the save is now finished."
        say(finished, style="green", to_stderr=to_stderr)
    if recovered.answers:
        say(
            "badgekit was stopped before it could save; the lines you had typed "
            f"({counted(recovered.answers, 'answer')}) are back in your draft.",
            style="green",
            to_stderr=to_stderr,
        )


def recover_unless_open(catalogue: Catalogue, store: DraftStore, badge_id: str) -> Recovered | None:
    """Before a draft is shown, bring back what a hard stop left beside it (drafting/recovery.py), so that
    the lines typed are shown too; None when an interview has the draft open, since its journal is then
    its own and still being written."""
    from badgekit.drafting.recovery import recover

    found_id = real_id(catalogue, badge_id)
    badge = badge_or_none(catalogue, found_id)
    try:
        with store.open_for_writing(found_id):
            return recover(store, found_id, badge.title if badge else found_id)
    except BadgekitError:
        # Open in another window, or the folder cannot be written (a full disk): show what is on disk; the
        # interview brings the lines back when it next starts.
        return None


def write_statement(
    badge: Badge,
    current: Draft,
    output: Path | None,
    force: bool,
    templates_dir: Path | None,
    resume: str,
    *,
    docx: bool = False,
) -> None:
    from badgekit.render import render_markdown
    from badgekit.safefile import write_new
    from badgekit.text import counted

    answers = {cid: answer.text for cid, answer in current.answers.items()}
    notes = {cid: answer.text for cid, answer in current.discussions.items()}
    try:
        text = render_markdown(badge, answers, notes=notes, level=current.level, templates_dir=templates_dir)
    except BadgekitError as error:
        error.hint = f"Your answers are saved. Put the template right, then run {resume} and choose to write."
        raise
    if output is not None and str(output) == "-":
        sys.stdout.write(text)
        return
    path = statement_path(badge, output)
    if path.exists() and not force:
        kept = path
        path = free_name(path)
        say(f"{kept} already exists, so it was left as it is (add --force to replace it).", style="yellow")
    write_new(path, text, force=force, private=True)
    words = current.words([c.id for c in badge.criteria_for(current.level)])
    say(
        f"Your statement is in {path} ({counted(words, 'word')}). See what an assessor would say: "
        f"{program()} check {path.name}"
    )
    if docx:
        write_docx(badge, text, current.level, path, force)


def write_docx(badge: Badge, text: str, level: str | None, path: Path, force: bool) -> None:
    """The statement just written, as a Word document beside it (see export/docx.py)."""
    from badgekit.export.docx import statement_to_docx
    from badgekit.safefile import write_new

    target = path.with_suffix(".docx")
    write_new(target, statement_to_docx(text, badge, level), force=force, private=True)
    say(f"And as a Word document in {target}, to keep editing in Word; check it with: {program()} check {target.name}")


# --- the drafts folder, as 'badgekit drafts' shows it ---------------------------------------------


def when(stamp: str) -> str:
    """A draft's time stamp as badgekit shows dates: "5 January 2027, 09:30" (as written, if edited by hand)."""
    from datetime import datetime

    try:
        return british_moment(datetime.fromisoformat(stamp))
    except ValueError:
        return stamp[:16].replace("T", " ")


def badge_or_none(catalogue: Catalogue, badge_id: str) -> Badge | None:
    return catalogue.get(badge_id) if badge_id in catalogue else None


def criteria_of(badge: Badge | None, current: Draft) -> list[Any]:
    if badge is None:
        return []
    if badge.levels and (current.level is None or badge.level(current.level) is None):
        return []
    return list(badge.criteria_for(current.level))


def draft_summary(catalogue: Catalogue, current: Draft, path: Path, backups: tuple[Path, ...]) -> dict[str, Any]:
    criteria = criteria_of(badge_or_none(catalogue, current.badge), current)
    cut_off = current.cut_off_answer()  # typed part-way when the interview stopped: not yet an answer given
    given = [c.id for c in criteria if current.answer(c.id)] if criteria else list(current.answers)
    return {
        "badge": current.badge,
        "title": current.title,
        "level": current.level,
        "answered": sum(1 for criterion_id in given if criterion_id != cut_off),
        "cut_off": cut_off,
        "criteria": len(criteria) or None,
        "words": current.words(),
        "changed": current.changed,
        "path": str(path),
        "backups": [str(b) for b in backups],
    }


def draft_detail(current: Draft, criteria: list[Any], summary: dict[str, Any]) -> dict[str, Any]:
    """One draft in full as plain data (``badgekit drafts show --format json``): every criterion's answer."""
    known = {c.id for c in criteria}
    return {
        **summary,
        "created": current.created,
        "answers": [
            {
                "number": c.number,
                "id": c.id,
                "text": c.text,
                "answer": current.answer(c.id),
                "words": current.answers[c.id].words if c.id in current.answers else 0,
                "discussion": current.discussion(c.id),
            }
            for c in criteria
        ],
        "other_answers": {cid: a.text for cid, a in current.answers.items() if cid not in known},
        "earlier": {cid: [a.text for a in kept] for cid, kept in current.earlier.items()},
        "set_aside": [a.text for a in current.set_aside],
    }


def backup_summary(catalogue: Catalogue, backup: Backup) -> dict[str, Any]:
    """A backup as the list shows it: its number (1 the newest), when it was kept, and what it holds."""
    found: dict[str, Any] = {"badge": backup.badge_id, "number": backup.number, "kept": backup.made.isoformat()}
    if backup.draft is not None:
        found.update(draft_summary(catalogue, backup.draft, backup.path, ()))
        del found["backups"]
    else:
        found.update({"path": str(backup.path), "error": backup.error.error_lines() if backup.error else []})
    return found


def answered_text(summary: dict[str, Any], *, answered: bool = False) -> str:
    """ "2 of 7" ("2 of 7 answered" with ``answered``), and the answer cut off part-way, if there is one."""
    text = f"{summary['answered']} of {summary['criteria']}" if summary["criteria"] else str(summary["answered"])
    text += " answered" if answered else ""
    return f"{text} (1 cut off part-way)" if summary.get("cut_off") else text


def real_id(catalogue: Catalogue, badge_id: str) -> str:
    return catalogue.get(badge_id).id if badge_id in catalogue else badge_id.strip().lower()


def no_such_draft(catalogue: Catalogue, store: DraftStore, badge_id: str, real_id: str) -> BadgekitError:
    """You have no draft of this badge: say whether backups of it are kept, or which id was meant."""
    from difflib import get_close_matches

    backups = store.backups(real_id)
    if backups:
        return BadgekitError(
            f"you have no draft of '{badge_id}' now, but {counted(len(backups), 'backup')} of earlier ones "
            f"{is_are(len(backups))} kept",
            hint=f"Bring one back with: {program()} drafts restore {real_id}",
        )
    yours = sorted({e.badge_id for e in store.entries()} | {b.badge_id for b in store.backup_entries()})
    close = get_close_matches(real_id, yours, n=3, cutoff=0.6) or [s for s in catalogue.suggest(real_id) if s in yours]
    hint = f"Run '{program()} drafts' to see your drafts."
    if close:
        hint = "Did you mean " + " or ".join(f"'{c}'" for c in close) + "? " + hint
    return BadgekitError(f"you have no draft of '{badge_id}'", hint=hint)


def load_named(catalogue: Catalogue, store: DraftStore, badge_id: str) -> Draft:
    found_id = real_id(catalogue, badge_id)
    current = store.load(found_id)
    if current is None:
        raise no_such_draft(catalogue, store, badge_id, found_id)
    return current


def describe_backup(backup: Backup) -> str:
    if backup.draft is None:
        return f"kept since {backup.made_text}: cannot be read"
    draft = backup.draft
    return (
        f"kept since {backup.made_text}: {counted(len(draft.answers), 'answer')}, "
        f"{counted(draft.words(), 'word')}, last changed {when(draft.changed)}"
    )
