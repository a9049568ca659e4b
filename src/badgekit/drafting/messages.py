"""What the interview and the learner say to each other, as plain data.

The interview (badgekit.drafting.interview) shows ``Opening``, ``CriterionScreen``,
``AnswerFeedback``, ``Review``, ``Notice`` and ``Help``, and asks through an ``Asker``
(the terminal one is in badgekit.terminal.asker, tests use a scripted one). The learner
answers, or types one of a few plain words on a line of its own (``COMMANDS``), which
``parse_command`` recognises. Nothing here decides anything, so a terminal, a test or
another front end can share these types without the interview's logic.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING, Protocol

from badgekit.badges.model import Step

if TYPE_CHECKING:
    from badgekit.drafting.store import Interruption

#: The word that ends an answer, typed on a line of its own.
DONE_WORD = "done"

#: SSSC's own advice on reflective writing ("Preparing and publishing your evidence"),
#: asked when a badge file gives no prompts of its own for a criterion.
SSSC_PROMPTS: tuple[str, ...] = (
    "Experience: describe the learning experience. What happened? What did you do in reaction to it?",
    "Knowledge: what do you know now that you did not know before?",
    "Skills: what can you do now that you could not do before, or can do better now?",
    "Reflections: what were your feelings and thoughts? What did you do well? What would you do differently? "
    "What values did you use?",
    "Application: think of a situation where you could apply what you have learned.",
)


#: Each command with what it does, as ``help`` lists them.
COMMANDS: tuple[tuple[str, str], ...] = (
    ("skip", "leave this one for now and go on to the next"),
    ("back", "go back to the one before"),
    ("edit 3", "go to number 3 (any number) to read or change its answer"),
    ("review", "see every answer so far with its word count"),
    ("add", "add more to the answer you have already given"),
    ("notes", "add or change your notes from a discussion, where the criterion asks for one"),
    ("editor", "write or change this answer in your text editor"),
    ("finish", "write your statement now"),
    ("quit", "stop for now: everything you have given is saved"),
    ("help", "show this list"),
)

_ALIASES = {
    "skip": "skip",
    "next": "skip",
    "back": "back",
    "previous": "back",
    "review": "review",
    "add": "add",
    "notes": "notes",
    "editor": "editor",
    "finish": "finish",
    "quit": "quit",
    "exit": "quit",
    "stop": "quit",
    "help": "help",
    "?": "help",
}


@dataclass(frozen=True)
class Command:
    name: str  # skip, back, edit, review, add, notes, editor, finish, quit, help
    number: int | None = None


def parse_command(line: str) -> Command | None:
    """The command a line of input is, or None when it is (part of) an answer."""
    words = line.strip().lower().rstrip(".!").split()
    if not words or len(words) > 3:
        return None
    if words[0] in ("edit", "go", "goto") and len(words) > 1:
        rest = words[1:] if words[1] != "to" else words[2:]
        if len(rest) == 1 and rest[0].isdigit():
            return Command("edit", int(rest[0]))
        return None
    if len(words) == 1:
        if words[0] == "edit":
            return Command("edit")
        if words[0] in _ALIASES:
            return Command(_ALIASES[words[0]])
    return None


@dataclass(frozen=True)
class Reply:
    """What the learner typed when a command came at the end of some text: both are kept."""

    text: str
    command: Command


def split_reply(reply: str | Reply) -> tuple[str, Command | None]:
    """The text typed and the command, if any: a reply of one line may be a command on its own."""
    if isinstance(reply, Reply):
        return reply.text, reply.command
    command = parse_command(reply) if "\n" not in reply.strip() else None
    return ("", command) if command is not None else (reply, None)


# --- what the interview shows ---------------------------------------------------------------


@dataclass(frozen=True)
class Opening:
    title: str
    series: str
    kind: str  # "criteria", "questions" or "expectations" (a framework's): Badge.criteria_noun
    noun: str  # one of them: Badge.criterion_noun
    reflect: bool  # a framework's expectations are reflected on, not answered
    count: int
    level: str | None
    words: str  # the badge's word rule in words
    minimums: tuple[tuple[int, int], ...]  # (criterion number, its minimum words)
    prerequisites: tuple[str, ...]  # what to earn first, in plain words (badgekit.tracking.profile.prerequisite_advice)
    steps: tuple[Step, ...]
    intro: str | None
    resumed: tuple[int, int] | None  # (answered, count) when carrying on with a saved draft
    cut_off: int | None = None  # the number of the one whose answer was cut off part-way (not counted as answered)
    profile_hint: bool = False  # the learner keeps no profile yet: say how, so the advice can be shorter
    notices: tuple[str, ...] = ()  # the badge has closed, forbids AI or needs an endorsement: Badge.before_you_start
    sssc_ai_rule: bool = True  # give SSSC's general rule on AI (not where the badge forbids AI: a notice says so)


@dataclass(frozen=True)
class CriterionScreen:
    word: str  # Criterion, Question or Statement
    number: int
    total: int
    text: str
    prompts: tuple[str, ...]
    prompts_are_sssc: bool  # the badge gives none of its own, so SSSC's general prompts are shown
    min_words: int | None
    answer: str | None  # the answer already given, if any
    answer_words: int
    lead_in: str | None = None  # a short criteria introduction such as "Provide evidence that you are able to:"
    discussion: str | None = None  # the badge's question for notes from a discussion, if it asks for one
    notes: str | None = None  # the notes from the discussion already given, if any


@dataclass(frozen=True)
class WordProgress:
    """The statement's words so far against the badge's rule, for the bar under each answer."""

    total: int
    low: int | None
    high: int | None
    rule: str
    status: str
    within: bool

    @property
    def fraction(self) -> float:
        scale = self.high or self.low or max(self.total, 1)
        return min(self.total / scale, 1.0)


@dataclass(frozen=True)
class AnswerFeedback:
    word: str
    number: int
    words: int
    progress: WordProgress
    problem: str | None  # the answer cannot stand as it is (below the criterion's minimum)
    advice: str | None  # a gentle note (the answer looks too short to show reflection)
    saved: bool = True  # False when the draft could not be written (and the learner was told)


@dataclass(frozen=True)
class ReviewRow:
    number: int
    text: str
    answer: str | None
    words: int
    min_words: int | None
    notes: str | None = None  # notes from a discussion


@dataclass(frozen=True)
class Review:
    word: str
    rows: tuple[ReviewRow, ...]
    progress: WordProgress


@dataclass(frozen=True)
class Notice:
    text: str
    level: str = "info"  # info, warning or problem


@dataclass(frozen=True)
class Help:
    commands: tuple[tuple[str, str], ...] = COMMANDS
    sssc_prompts: tuple[str, ...] = SSSC_PROMPTS


Message = Opening | CriterionScreen | AnswerFeedback | Review | Notice | Help


@dataclass(frozen=True)
class AnswerRequest:
    word: str
    number: int
    adding: bool  # the learner is adding to an answer already given
    has_answer: bool  # for notes: notes are already given
    discussion: str | None = None  # set when asking for notes from a discussion: the badge's question
    criterion: str = ""  # the criterion's id, which the journal of lines typed records


class AnswerInterrupted(KeyboardInterrupt):
    """Ctrl-C (or a closed terminal) part-way through an answer; carries what was typed, and whether the
    stop came part-way through its last line (typed, but not yet ended with Enter)."""

    def __init__(self, partial: str, *, line_cut_off: bool = False) -> None:
        super().__init__()
        self.partial = partial
        self.line_cut_off = line_cut_off


class Asker(Protocol):
    """How the interview talks to the learner."""

    def show(self, message: Message) -> None: ...

    def read_answer(self, request: AnswerRequest) -> str | Reply | None:
        """An answer, a command on a line of its own, or (as a ``Reply``) text ended by a command;
        None when input has ended."""

    def edit(self, text: str) -> str | None:
        """The text after the learner has changed it in their editor; None if that failed."""

    def choose(
        self, question: str, choices: Sequence[tuple[str, str]], *, keep: Callable[[str], str] | None = None
    ) -> str | None:
        """One of the choices' keys; None when input has ended.

        Text that is no choice (an answer pasted at the wrong question) goes to ``keep``, which
        saves it and says, in a sentence, where it is.
        """

    def confirm(self, question: str, *, default: bool) -> bool: ...


def cut_off_notice(word: str, number: int, stopped: Interruption, kept_apart: str | None) -> Notice:
    """What carrying on says about an answer (or notes) cut off when the interview last stopped.

    ``kept_apart`` is what was typed when it was replacing an answer, and so kept beside it.
    """
    where = f"{word.lower()} {number}"
    what = f"your notes from the discussion for {where}" if stopped.notes else f"your answer to {where}"
    if stopped.kept_apart:
        typed = f":\n{kept_apart}\n" if kept_apart else ". "
        given = "notes" if stopped.notes else "answer"
        return Notice(
            f"badgekit stopped last time while you were typing new text to replace {what}. What you had typed is "
            f"kept in your draft{typed}The {given} you gave before still stands, shown below.",
            "warning",
        )
    then = (
        "To change them, type notes."
        if stopped.notes
        else "Type add to carry on with it, done to keep it as it is, or type a new answer to replace it."
    )
    return Notice(
        f"{what[0].upper()}{what[1:]} {'were' if stopped.notes else 'was'} cut off when badgekit stopped last "
        f"time. What you had typed is kept and shown below. {then}",
        "warning",
    )


class Outcome(Enum):
    FINISHED = "finished"  # write the statement
    QUIT = "quit"  # stop for now; the draft is saved
