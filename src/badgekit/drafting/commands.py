"""What each command does where the interview asks for an answer: the explicit command table.

The commands themselves, and what ``help`` says of each, are in drafting/messages.py
(``COMMANDS``); ``parse_command`` recognises them. A command with no entry here is said
plainly and does nothing else: nothing falls through to opening the editor.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from badgekit.drafting.messages import Command, Help, Notice, Outcome
from badgekit.drafting.store import continues_line

if TYPE_CHECKING:
    from badgekit.drafting.interview import Interview

Handler = Callable[["Interview", Command, int], "int | Outcome"]

#: How many of its last words ``add`` shows of an answer it carries on part-way through a sentence.
_SHOWN_WORDS = 8


def stop(interview: Interview, _command: Command, _position: int) -> int | Outcome:
    return Outcome.QUIT


def skip_one(interview: Interview, _command: Command, position: int) -> int | Outcome:
    number = position + 1
    if interview.draft.answer(interview.criteria[position].id):
        interview.asker.show(Notice(f"Skipped: {interview.keeps(position)}"))
    else:
        notice = f"Skipped {interview.word.lower()} {number} for now: come back with edit {number}, or at the end."
        interview.asker.show(Notice(notice))
    return position + 1


def go_back(interview: Interview, _command: Command, position: int) -> int | Outcome:
    if position == 0:
        interview.asker.show(Notice(f"This is the first {interview.word.lower()}."))
    return max(position - 1, 0)


def go_to_end(interview: Interview, _command: Command, _position: int) -> int | Outcome:
    return len(interview.criteria)


def show_review(interview: Interview, _command: Command, position: int) -> int | Outcome:
    interview.asker.show(interview.review())
    return position


def show_help(interview: Interview, _command: Command, position: int) -> int | Outcome:
    interview.asker.show(Help())
    return position


def edit_answer(interview: Interview, command: Command, position: int) -> int | Outcome:
    return interview.go_to(command.number, position)


def ask_for_notes(interview: Interview, _command: Command, position: int) -> int | Outcome:
    if not interview.criteria[position].discussion:
        interview.asker.show(Notice(f"This {interview.word.lower()} does not ask for notes from a discussion."))
        return position
    return interview.ask_notes(position, then=position)


def add_more(interview: Interview, _command: Command, position: int) -> int | Outcome:
    given = interview.draft.answers.get(interview.criteria[position].id)
    if given is None or not given.text:
        interview.asker.show(Notice("There is no answer here to add to yet: type your answer."))
        return position
    if continues_line(given):  # said first, so that the learner carries on the sentence rather than restarting it
        last = " ".join(given.text.split()[-_SHOWN_WORDS:])
        interview.asker.show(
            Notice(f"Your answer stopped part-way through a sentence, so what you add carries it on from: …{last}")
        )
    return interview.ask(position, adding=True)


def open_editor(interview: Interview, _command: Command, position: int) -> int | Outcome:
    return interview.use_editor(position)


#: Each command's handler, by the command's name.
COMMANDS: dict[str, Handler] = {
    "quit": stop,
    "skip": skip_one,
    "back": go_back,
    "finish": go_to_end,
    "review": show_review,
    "help": show_help,
    "edit": edit_answer,
    "notes": ask_for_notes,
    "add": add_more,
    "editor": open_editor,
}
