"""The interview as pure logic: one criterion at a time, every answer saved as it is given.

``Interview`` decides what to show and what to ask; an ``Asker`` (the terminal one is in
badgekit.terminal.asker, tests use a scripted one) does the showing and the asking. What is
shown is plain data (``Opening``, ``CriterionScreen``, ``AnswerFeedback``, ``Review``,
``Notice``, in badgekit.drafting.messages), so the logic can be tested without a terminal.

The learner types an answer, or one of a few plain words on a line of its own: ``skip``,
``back``, ``edit 3``, ``review``, ``add``, ``notes``, ``editor``, ``finish``, ``quit`` and
``help``, at the start of an answer or after some of it (the text before it is kept as the
answer). What each does is in the command table (drafting/commands.py); where the interview
goes next is drafting/navigation.py's. An answer is saved (through ``save``) before anything
else happens, so the learner can stop at any point and lose nothing they have given; ``skip`` or an empty answer
leaves one already given as it is, and text typed where a number was wanted is kept in the draft.
After answering one reached with ``edit N``, the learner goes back to where they typed it. When
an answer was cut off (Ctrl-C, a closed window), carrying on starts at it and says so.

Where a criterion asks for a discussion with colleagues or a manager (its ``discussion``
question), the learner is asked for notes from it after the answer. The notes are optional
(``skip`` leaves them out) and are saved like answers.

The same answers can come from a file instead (badgekit.drafting.answers_file).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from badgekit.badges.model import Badge, Criterion, WordRule
from badgekit.drafting.commands import COMMANDS
from badgekit.drafting.messages import (
    SSSC_PROMPTS,
    AnswerFeedback,
    AnswerInterrupted,
    AnswerRequest,
    Asker,
    Command,
    CriterionScreen,
    Opening,
    Outcome,
    Review,
    ReviewRow,
    WordProgress,
    cut_off_notice,
    split_reply,
)
from badgekit.drafting.messages import (
    Notice as Notice,  # re-exported: badgekit.review.walk shows its notices through the same asker
)
from badgekit.drafting.navigation import Navigation
from badgekit.drafting.store import Draft, clean_answer, discussion_key
from badgekit.invocation import program
from badgekit.statement.wordcount import count_words
from badgekit.text import counted

#: Below this many words an answer rarely shows reflection, whatever the badge.
REFLECTION_FLOOR = 30

#: A criteria introduction this short ("Provide evidence that you are able to:") is shown
#: before each criterion, where it reads as the start of the sentence; a longer one once.
LEAD_IN_LENGTH = 60


# --- the word rule ---------------------------------------------------------------------


#: What the interview says under each answer about the statement's length, by where it falls.
_COACHING = {
    "below-minimum": "{by} more to reach the minimum",
    "above-maximum": "{by} over the maximum: cut it down or it will be returned",
    "below-suggested": "{by} more to reach the suggested {bound}",
    "above-suggested": "{by} over the suggested {bound}: think about trimming",
    "far-above": "more than three times the {bound} the badge asks for: keep what answers each criterion",
    "within": "within the word guidance",
    "no-limit": "",
}


def word_progress(rule: WordRule, total: int) -> WordProgress:
    """The statement's words so far against the rule (``WordRule.judge``), with what to do about it."""
    judged = rule.judge(total)
    status = _COACHING[judged.band].format(by=judged.by, bound=judged.bound)
    return WordProgress(total, rule.low, rule.high, rule.describe(), status, judged.within)


def short_answer_limit(badge: Badge, criteria: Sequence[Criterion], criterion: Criterion) -> int:
    """Fewer words than this and an answer gets a gentle note that it looks too short to reflect."""
    if criterion.min_words:  # the badge's own minimum says how much is enough
        return 0
    target = badge.words.suggested_min or badge.words.minimum or 0
    share = target // len(criteria) if criteria else 0
    return max(REFLECTION_FLOOR, share // 2)


# --- the interview -------------------------------------------------------------------------


class Interview:
    """One run of the interview over a badge's criteria, saving into ``draft`` as it goes."""

    def __init__(
        self,
        badge: Badge,
        draft: Draft,
        asker: Asker,
        save: Callable[[Draft], object],
        *,
        prerequisites: Sequence[str] = (),
        profile_hint: bool = False,
    ) -> None:
        self.badge = badge
        self.draft = draft
        self.asker = asker
        self.save = save
        self.prerequisites = tuple(prerequisites)
        self.profile_hint = profile_hint and bool(badge.prerequisites)
        self.word = badge.criterion_word
        self.criteria: tuple[Criterion, ...] = badge.criteria if not badge.levels else ()
        self._setting_aside = False  # text typed at the current menu is being kept: add to it
        self.nav = Navigation(0, len(self.criteria))

    def run(self, *, resumed: bool = False) -> Outcome:
        if self.badge.levels and not self._choose_level():
            return Outcome.QUIT
        self.asker.show(self._opening(resumed))
        cut_off = self._cut_off()
        nav = self.nav = Navigation(self._first_unanswered() if cut_off is None else cut_off, len(self.criteria))
        while True:
            if nav.at_end:
                step = self._at_end(changed=nav.changed)
                nav.left_end()
            else:
                nav.edit_typed_at = None
                step, returned = nav.after(self.ask(nav.position))
                if returned is not None:
                    self.asker.show(Notice(f"Back to {self.word.lower()} {returned + 1}."))
            if isinstance(step, Outcome):
                return step
            nav.position = step

    def _cut_off(self) -> int | None:
        """Where the last answer was cut off (saved as far as it went), said plainly; None if it was not."""
        stopped, self.draft.interrupted = self.draft.interrupted, None  # said once: dropped at the next save
        found = [i for i, c in enumerate(self.criteria) if stopped is not None and c.id == stopped.criterion]
        if stopped is None or not found:
            return None
        position = found[0]
        key = discussion_key(stopped.criterion) if stopped.notes else stopped.criterion
        kept = self.draft.earlier.get(key, []) if stopped.kept_apart else []
        self.asker.show(cut_off_notice(self.word, position + 1, stopped, kept[-1].text if kept else None))
        return position

    def _choose_level(self) -> bool:
        chosen = self.draft.level
        if chosen is None or self.badge.level(chosen) is None:
            chosen = self._choose(
                f"{self.badge.title}: which level describes your role?",
                [(level.id, level.title) for level in self.badge.levels],
            )
            if chosen is None:
                return False
            self.draft.level = chosen
            self.save(self.draft)
        self.criteria = self.badge.criteria_for(chosen)
        return True

    def _opening(self, resumed: bool) -> Opening:
        level = self.badge.level(self.draft.level) if self.draft.level else None
        return Opening(
            title=self.badge.title,
            series=self.badge.series_label,
            kind=self.badge.criteria_noun,
            noun=self.badge.criterion_noun,
            reflect=self.badge.kind == "framework",
            count=len(self.criteria),
            level=level.title if level else None,
            words=self.badge.words.describe(),
            minimums=tuple((c.number, c.min_words) for c in self.criteria if c.min_words),
            prerequisites=self.prerequisites,
            steps=self.badge.steps,
            intro=None if self._lead_in() else self.badge.criteria_intro,
            resumed=(self._answered(), len(self.criteria)) if resumed else None,
            cut_off=self._cut_off_number() if resumed else None,
            profile_hint=self.profile_hint,
            notices=tuple(self.badge.before_you_start()),
            sssc_ai_rule=not self.badge.no_ai,
        )

    def _answered(self) -> int:
        """How many criteria have an answer, not counting one cut off part-way (``Draft.cut_off_answer``)."""
        cut_off = self.draft.cut_off_answer()
        return sum(1 for c in self.criteria if self.draft.answer(c.id) and c.id != cut_off)

    def _cut_off_number(self) -> int | None:
        cut_off = self.draft.cut_off_answer()
        return next((i for i, c in enumerate(self.criteria, 1) if c.id == cut_off), None)

    def _first_unanswered(self) -> int:
        return next((i for i, c in enumerate(self.criteria) if not self.draft.answer(c.id)), len(self.criteria))

    def total_words(self) -> int:
        """The statement's words so far: every answer and every note from a discussion."""
        return self.draft.words([c.id for c in self.criteria])

    def progress(self) -> WordProgress:
        return word_progress(self.badge.words, self.total_words())

    def _screen(self, position: int) -> CriterionScreen:
        criterion = self.criteria[position]
        answer = self.draft.answer(criterion.id)
        return CriterionScreen(
            word=self.word,
            number=position + 1,
            total=len(self.criteria),
            text=criterion.text,
            prompts=criterion.prompts or SSSC_PROMPTS,
            prompts_are_sssc=not criterion.prompts,
            min_words=criterion.min_words,
            answer=answer,
            answer_words=count_words(answer) if answer else 0,
            lead_in=self._lead_in(),
            discussion=criterion.discussion,
            notes=self.draft.discussion(criterion.id),
        )

    def _lead_in(self) -> str | None:
        intro = self.badge.criteria_intro
        return intro if intro and intro.endswith(":") and len(intro) <= LEAD_IN_LENGTH else None

    def ask(self, position: int, *, adding: bool = False) -> int | Outcome:
        criterion = self.criteria[position]
        existing = self.draft.answer(criterion.id)
        if not adding:
            self.asker.show(self._screen(position))
        request = AnswerRequest(
            self.word, position + 1, adding=adding, has_answer=existing is not None, criterion=criterion.id
        )
        read = self._read(request, criterion, adding=adding)
        if read is None:
            return Outcome.QUIT
        typed, command = read
        if command is not None:
            if clean_answer(typed):  # text, then a command on a line of its own: the text is kept first
                self._keep_before_command(position, typed, adding=adding)
            return self._command(command, position)
        text = clean_answer(typed)
        if not text and existing:
            # done with nothing typed: the answer already given stands, and the learner moves on
            self.asker.show(Notice(f"Nothing new was typed, so {self.keeps(position)}"))
            return position + 1
        if not text:
            self.asker.show(Notice("Nothing was typed. To leave this one for now, type skip; for help, type help."))
            return position
        if adding:
            text = self.draft.with_added(criterion.id, text)
        return self._accept(position, text)

    def _keep_before_command(self, position: int, typed: str, *, adding: bool) -> None:
        """Save what was typed before a command typed at the end of it, as the answer (or added to it)."""
        criterion = self.criteria[position]
        text = clean_answer(typed)
        self.draft.set_answer(criterion.id, self.draft.with_added(criterion.id, text) if adding else text)
        kept = "Saved" if self.saved() else "Kept (not yet saved)"
        words = counted(count_words(self.draft.answer(criterion.id) or ""), "word")
        self.asker.show(
            Notice(f"{kept} what you typed as your answer to {self.word.lower()} {position + 1} ({words}).")
        )

    def saved(self) -> bool:
        """Save the draft; whether it is on disk (a save can fail, and the learner carry on: saving.py)."""
        return self.save(self.draft) is not False

    def _read(
        self, request: AnswerRequest, criterion: Criterion, *, adding: bool = False, notes: bool = False
    ) -> tuple[str, Command | None] | None:
        """The learner's reply as (text, command), or None at the end of input; on Ctrl-C what was typed is kept."""
        try:
            reply = self.asker.read_answer(request)
        except AnswerInterrupted as stopped:
            self._keep_unfinished(
                criterion, stopped.partial, adding=adding, notes=notes, line_cut_off=stopped.line_cut_off
            )
            raise
        return None if reply is None else split_reply(reply)

    def _keep_unfinished(
        self,
        criterion: Criterion,
        partial: str,
        *,
        adding: bool = False,
        notes: bool = False,
        line_cut_off: bool = False,
    ) -> None:
        """Ctrl-C mid-answer (or mid-notes): what was typed is kept, without replacing one already given."""
        if self.draft.keep_unfinished(criterion.id, partial, notes=notes, adding=adding, line_cut_off=line_cut_off):
            self.save(self.draft)

    def _accept(self, position: int, text: str) -> int | Outcome:
        criterion = self.criteria[position]
        self.draft.set_answer(criterion.id, text)
        saved = self.saved()  # saved before anything else can go wrong
        words = count_words(text)
        problem = advice = None
        if criterion.min_words and words < criterion.min_words:
            problem = (
                f"{self.word} {position + 1} asks for at least {counted(criterion.min_words, 'word')} and this "
                f"answer has {words}. Your answer is saved: type add to say more, editor to change it, or skip to "
                "come back to it later."
            )
        elif words < short_answer_limit(self.badge, self.criteria, criterion):
            advice = (
                f"This answer looks short ({counted(words, 'word')}) to show reflection. Assessors look for what "
                "you did, what you learned and what you will do differently. You can come back to it with back, or "
                "at the end."
            )
        self.asker.show(AnswerFeedback(self.word, position + 1, words, self.progress(), problem, advice, saved))
        if problem:
            return position
        return self.ask_notes(position) if criterion.discussion else position + 1

    def ask_notes(self, position: int, *, then: int | None = None) -> int | Outcome:
        """Ask for notes from the discussion the criterion asks for; optional, so ``skip`` goes on."""
        criterion = self.criteria[position]
        following = position + 1 if then is None else then
        existing = self.draft.discussion(criterion.id)
        request = AnswerRequest(
            self.word,
            position + 1,
            adding=False,
            has_answer=existing is not None,
            discussion=criterion.discussion,
            criterion=criterion.id,
        )
        read = self._read(request, criterion, notes=True)
        if read is None:
            return Outcome.QUIT
        typed, command = read
        text = clean_answer(typed)
        if command is not None:
            if text:
                self._accept_notes(criterion, text)
            return self._notes_command(command, position, following)
        if text:
            self._accept_notes(criterion, text)
        return following

    def _notes_command(self, command: Command, position: int, following: int) -> int | Outcome:
        """A command typed where notes from a discussion were asked for: most go on, keeping the notes."""
        if command.name == "quit":
            return Outcome.QUIT
        if command.name == "finish":
            return len(self.criteria)
        if command.name == "editor":
            criterion = self.criteria[position]
            edited = self.asker.edit(self.draft.discussion(criterion.id) or "")
            if edited is not None and clean_answer(edited):
                self._accept_notes(criterion, clean_answer(edited))
            return following
        if command.name in ("skip", "notes"):
            return following
        self.asker.show(Notice("Type your notes from the discussion, or skip to go on without them."))
        return self.ask_notes(position, then=following)

    def _accept_notes(self, criterion: Criterion, text: str) -> None:
        self.draft.set_discussion(criterion.id, text)
        kept = "Saved" if self.saved() else "Kept (not yet saved)"
        self.asker.show(Notice(f"{kept} your notes from the discussion ({counted(count_words(text), 'word')})."))

    def _command(self, command: Command, position: int) -> int | Outcome:
        """Do what a command typed at a criterion asks, by the table below; nothing falls through."""
        handler = COMMANDS.get(command.name)
        if handler is None:
            self.asker.show(
                Notice(f"badgekit cannot do '{command.name}' here: type help to see what it can.", "warning")
            )
            return position
        return handler(self, command, position)

    def keeps(self, position: int) -> str:
        """Says that a criterion's answer stays as it is, and how long it is."""
        words = count_words(self.draft.answer(self.criteria[position].id) or "")
        return f"your answer to {self.word.lower()} {position + 1} stays as it is ({counted(words, 'word')})."

    def _choose(self, question: str, choices: Sequence[tuple[str, str]]) -> str | None:
        """Ask the learner to choose; text typed instead of a choice is kept in the draft."""
        self._setting_aside = False
        return self.asker.choose(question, choices, keep=self._set_aside)

    def _set_aside(self, text: str) -> str:
        """Keep text typed where a number was wanted (an answer pasted at a menu), and say where it is.

        The lines of one paste arrive one by one: those typed at the same question are kept together.
        """
        if self._setting_aside and self.draft.set_aside:
            last = self.draft.set_aside.pop()
            self.draft.set_aside_text(last.text + "\n" + text)
        else:
            self.draft.set_aside_text(clean_answer(text))
        self._setting_aside = True
        self.save(self.draft)
        return (
            f"it is saved in your draft (see it with: {program()} drafts show {self.badge.id}), "
            "so you can copy it to where it belongs."
        )

    def go_to(self, number: int | None, position: int) -> int:
        if number is None or not 1 <= number <= len(self.criteria):
            self.asker.show(
                Notice(f"Type edit and a number from 1 to {len(self.criteria)}, for example: edit 2", "warning")
            )
            return position
        if number - 1 != position:
            self.nav.edit_typed_at = position
        return number - 1

    def use_editor(self, position: int) -> int | Outcome:
        existing = self.draft.answer(self.criteria[position].id) or ""
        edited = self.asker.edit(existing)
        if edited is None:
            return position
        text = clean_answer(edited)
        if not text:
            self.asker.show(Notice("The editor gave back no text, so nothing was changed.", "warning"))
            return position
        return self._accept(position, text)

    def review(self) -> Review:
        rows = []
        for number, criterion in enumerate(self.criteria, 1):
            answer = self.draft.answer(criterion.id)
            words = count_words(answer) if answer else 0
            notes = self.draft.discussion(criterion.id)
            rows.append(ReviewRow(number, criterion.text, answer, words, criterion.min_words, notes))
        return Review(self.word, tuple(rows), self.progress())

    def _at_end(self, *, changed: bool = False) -> int | Outcome:
        self.asker.show(self.review())
        if changed:
            self.asker.show(Notice("Above are all your answers as they are now. To change another one, choose 2."))
        choice = self._choose(
            "What would you like to do now?",
            [
                ("write", "Write my statement now"),
                ("change", "Change another answer" if changed else "Change an answer"),
                ("quit", "Stop for now (everything is saved)"),
            ],
        )
        if choice is None or choice == "quit":
            return Outcome.QUIT
        if choice == "change":
            picked = self._choose(
                f"Which {self.word.lower()} do you want to change? You will see its answer, then you can type a new "
                "one, add to it or keep it.",
                [(str(i), c.text) for i, c in enumerate(self.criteria, 1)],
            )
            return int(picked) - 1 if picked is not None else Outcome.QUIT
        return self._ready_to_write()

    def _ready_to_write(self) -> int | Outcome:
        missing = [i for i, c in enumerate(self.criteria) if not self.draft.answer(c.id)]
        short = [
            i
            for i, c in enumerate(self.criteria)
            if c.min_words and self.draft.answer(c.id) and count_words(self.draft.answer(c.id) or "") < c.min_words
        ]
        total = self.total_words()
        outside = self.badge.words.judge(total).returned
        if not missing and not short and not outside:
            return Outcome.FINISHED
        if outside:
            self.asker.show(
                Notice(f"Your statement has {counted(total, 'word')}: {self.progress().status}.", "warning")
            )
        if missing:
            self.asker.show(Notice(self._which(missing, "has no answer yet", "have no answers yet"), "warning"))
        if short:
            self.asker.show(
                Notice(self._which(short, "is below its minimum of words", "are below their minimums"), "warning")
            )
        if self.asker.confirm("Write the statement anyway? An assessor would return it as it is.", default=False):
            return Outcome.FINISHED
        return (missing or short or [len(self.criteria)])[0]

    def _which(self, positions: list[int], one: str, many: str) -> str:
        names = ", ".join(str(i + 1) for i in positions)
        if len(positions) == 1:
            return f"{self.word} {names} {one}."
        return f"{self.badge.criteria_noun.capitalize()} {names} {many}."


def run_interview(
    badge: Badge,
    draft: Draft,
    asker: Asker,
    save: Callable[[Draft], object],
    *,
    prerequisites: Sequence[str] = (),
    profile_hint: bool = False,
    resumed: bool = False,
) -> Outcome:
    """Interview the learner until they finish or stop; every answer is saved through ``save``.

    ``prerequisites`` is what to earn first, in plain words; ``profile_hint`` says the learner
    keeps no profile of the badges they hold yet, so the opening says how to start one.
    """
    interview = Interview(badge, draft, asker, save, prerequisites=prerequisites, profile_hint=profile_hint)
    return interview.run(resumed=resumed)
