"""Checking many statements in one run: finding the files and spreading the work over the cores.

Arguments may be files, folders (every .md, .markdown, .txt, .docx and .odt file in them) and
glob patterns (for shells that do not expand them, ``"drafts/**/*.md"``), or ``-``
for standard input. A folder or pattern that finds no statement is reported as one
that could not be checked (exit code 3), never passed over in silence.

Statements are checked in worker processes once there are enough of them to repay
starting the workers; each worker loads the badge catalogue once. A statement that
cannot be checked becomes a FileError, so that one bad file never stops the others.
A caller may have each report made ready for output where it was checked (``finish``):
the workers then render or serialise in parallel, and send back a few kilobytes of
text, not the whole report with its statement and badge.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from badgekit.checks.model import SEVERITIES, Severity, severity_rank
from badgekit.checks.report import FileReport, Options, check_text
from badgekit.errors import BadgekitError
from badgekit.statement.source import StatementSource, plain_source, read_statement
from badgekit.textinput import STDIN, display_name

if TYPE_CHECKING:
    from concurrent.futures import Future

    from badgekit.badges.catalogue import Catalogue

STATEMENT_SUFFIXES = (".md", ".markdown", ".txt", ".docx", ".odt")
#: Fewer statements than this are checked in this process: starting workers costs more.
PARALLEL_FROM = 24
_CHUNK = 16
#: Chunks handed to the workers ahead of the one being written, per worker: enough to keep them busy.
_IN_FLIGHT_PER_JOB = 3


@dataclass(frozen=True)
class FileError:
    """A statement that could not be checked, with what to tell the person."""

    path: str
    lines: tuple[str, ...]
    hint: str | None = None

    def to_dict(self) -> dict[str, str | None]:
        return {"path": self.path, "message": "; ".join(self.lines), "hint": self.hint}


Outcome = FileReport | FileError


@dataclass(frozen=True)
class Expansion:
    """The statements a run's arguments name, and the arguments that named none."""

    names: list[str]
    #: A folder with no statement in it, or a pattern matching no file: never silently nothing.
    nothing_found: list[FileError]


def expand_paths(arguments: Sequence[str]) -> Expansion:
    """The statement files named by files, folders and glob patterns, in the order given.

    A folder or pattern that names no statement becomes a FileError rather than nothing,
    so that "no statements here" is never mistaken for "nothing wrong".
    """
    found: list[str] = []
    nothing_found: list[FileError] = []
    for argument in arguments:
        if argument == STDIN:
            found.append(argument)
        elif Path(argument).is_dir():
            in_folder = sorted(
                str(p) for p in Path(argument).iterdir() if p.suffix.lower() in STATEMENT_SUFFIXES and p.is_file()
            )
            if not in_folder:
                nothing_found.append(_empty_folder(argument))
            found.extend(in_folder)
        elif not Path(argument).exists() and _is_pattern(argument):
            import glob

            matches = [m for m in sorted(glob.glob(argument, recursive=True)) if Path(m).is_file()]
            if not matches:
                nothing_found.append(_no_match(argument))
            found.extend(matches)
        else:
            found.append(argument)
    if found.count(STDIN) > 1:
        raise BadgekitError("standard input ('-') can be read only once in a run")
    # A file named twice (or by two patterns) is checked once.
    return Expansion(list(dict.fromkeys(found)), nothing_found)


def _is_pattern(argument: str) -> bool:
    """What glob.has_magic says, without importing glob for the files that are simply named."""
    import glob

    return glob.has_magic(argument)


def _empty_folder(folder: str) -> FileError:
    kinds = ", ".join(STATEMENT_SUFFIXES[:-1]) + f" and {STATEMENT_SUFFIXES[-1]}"
    return FileError(
        folder,
        (f"{folder}: no statements found: badgekit looks in this folder for {kinds} files, and there are none",),
        f"Files in the folders inside it are not checked; for those, give a pattern such as '{folder}/**/*.md'.",
    )


def _no_match(pattern: str) -> FileError:
    return FileError(
        pattern,
        (f"{pattern}: no files match this pattern, so no statements were found",),
        "Check the spelling and the folder it starts from; for example 'drafts/*.md' means every .md file "
        "in the folder 'drafts'.",
    )


# --- one statement ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Finished:
    """A checked statement as its output will show it (``shown``, made by the caller's ``finish``), with what
    the run adds up (``row``, ``counts``, ``worst``) and the AI line its badge ends a text report with."""

    row: SummaryRow
    counts: dict[str, int]
    worst: Severity | None
    shown: str
    ban: str | None = None

    @classmethod
    def of(cls, report: FileReport, shown: str, ban: str | None = None) -> Finished:
        counts: dict[str, int] = {s: report.counts.get(s, 0) for s in SEVERITIES}
        return cls(SummaryRow.of(report), counts, report.worst(), shown, ban)

    def fails(self, fail_on: Severity) -> bool:
        return self.worst is not None and severity_rank(self.worst) >= severity_rank(fail_on)


#: Makes a report ready for output where it was checked; a module-level function or a partial of one.
Finish = Callable[[FileReport], Finished]

_worker: tuple[Catalogue, Options, Finish | None] | None = None  # (catalogue, options, finish) in a worker process


def check_one(name: str, text: str | StatementSource | None, catalogue: Catalogue, options: Options) -> Outcome:
    """Check one file by name (or the given text, or standard input as already read)."""
    shown = display_name(name)
    try:
        if isinstance(text, StatementSource):
            source = text
        else:
            source = plain_source(text, shown) if text is not None else read_statement(name)
        return check_text(source.text, shown, catalogue, options, source=source)
    except BadgekitError as error:
        lines = tuple(line if line.startswith(shown) else f"{shown}: {line}" for line in error.error_lines())
        return FileError(shown, lines, _statement_meant(name, catalogue) or error.hint)


def _statement_meant(name: str, catalogue: Catalogue) -> str | None:
    """For a badge id given where a file belongs: the statement beside it that ``draft`` wrote for that badge."""
    from badgekit.invocation import program
    from badgekit.statement.files import statement_for_badge

    badge_id = catalogue.get(name).id if name in catalogue else None
    meant = statement_for_badge(name, badge_id)
    if meant is None:
        return None
    said = f"'{name}' is a badge id, not a file: did you mean" if badge_id else "Did you mean"
    return f"{said} its statement, {meant}? Check it with: {program()} check {meant}"


def _finished(outcome: Outcome, finish: Finish | None) -> Outcome | Finished:
    return finish(outcome) if finish is not None and isinstance(outcome, FileReport) else outcome


def _start_worker(badges_dir: Path | None, options: Options, finish: Finish | None) -> None:
    from badgekit.badges.catalogue import load_catalogue

    global _worker
    _worker = (load_catalogue(badges_dir), options, finish)


def _check_chunk(names: list[str]) -> list[Outcome | Finished]:
    assert _worker is not None
    catalogue, options, finish = _worker
    return [_finished(check_one(name, None, catalogue, options), finish) for name in names]


# --- many statements ---------------------------------------------------------------------------


def available_cores() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))


def worker_count(jobs: int | None, statements: int) -> int:
    """How many processes to check ``statements`` in: as asked (or one per core), but never more than
    the cores or the statements; ``--jobs 1000`` over 30 files would start 1,000 idle processes."""
    wanted = available_cores() if jobs is None else max(1, jobs)
    return max(1, min(wanted, available_cores(), statements))


def check_each(
    names: Sequence[str],
    catalogue: Catalogue,
    options: Options,
    *,
    badges_dir: Path | None = None,
    stdin_text: str | StatementSource | None = None,
    jobs: int | None = None,
    started: Callable[[], None] | None = None,
    finish: Finish | None = None,
) -> Iterator[Outcome | Finished]:
    """Check every named statement, yielding each outcome, in order, as soon as it and those before it are done.

    Only a few chunks of statements are in the workers' hands at once, so that memory stays the
    same however many statements there are, and output can be written as the run goes.
    ``started`` is called once the worker processes exist (if any), so that a caller can start
    a progress display without its thread being copied into the workers. With ``finish``, each
    report comes as ``finish`` makes it (a FileError comes as it is), made where it was checked.
    """
    jobs = worker_count(jobs, len(names))
    if jobs == 1 or len(names) < PARALLEL_FROM:
        if started:
            started()
        for name in names:
            yield _finished(check_one(name, stdin_text if name == STDIN else None, catalogue, options), finish)
        return
    from concurrent.futures import ProcessPoolExecutor  # with logging and multiprocessing: 15 ms, so only here

    chunks = [list(names[i : i + _CHUNK]) for i in range(0, len(names), _CHUNK)]
    with ProcessPoolExecutor(
        max_workers=jobs, initializer=_start_worker, initargs=(badges_dir, options, finish)
    ) as pool:
        pending: deque[tuple[list[str], Future[list[Outcome | Finished]] | None]] = deque()
        waiting = iter(chunks)

        def top_up() -> None:
            while len(pending) < _IN_FLIGHT_PER_JOB * jobs and (chunk := next(waiting, None)) is not None:
                # Standard input was read by this process: it is checked here, in its place.
                remote = None if STDIN in chunk else pool.submit(_check_chunk, chunk)
                pending.append((chunk, remote))

        top_up()
        if started:
            started()
        while pending:
            chunk, future = pending.popleft()
            if future is None:
                outcomes = [
                    _finished(check_one(n, stdin_text if n == STDIN else None, catalogue, options), finish)
                    for n in chunk
                ]
            else:
                outcomes = future.result()
            top_up()
            yield from outcomes


def check_many(
    names: Sequence[str],
    catalogue: Catalogue,
    options: Options,
    *,
    badges_dir: Path | None = None,
    stdin_text: str | StatementSource | None = None,
    jobs: int | None = None,
) -> list[Outcome]:
    """Every outcome of ``check_each``, in a list (for callers that want them all at once)."""
    return list(
        _reports(check_each(names, catalogue, options, badges_dir=badges_dir, stdin_text=stdin_text, jobs=jobs))
    )


def _reports(outcomes: Iterator[Outcome | Finished]) -> Iterator[Outcome]:
    for outcome in outcomes:
        assert not isinstance(outcome, Finished)  # check_each without finish
        yield outcome


@dataclass(frozen=True)
class SummaryRow:
    """One statement's line in the summary of a run: all that is kept of it once it is written."""

    path: str
    badge: str | None  # None: it could not be checked
    words: int = 0
    counts: tuple[int, ...] = (0, 0, 0)  # errors, warnings, notes

    @classmethod
    def of(cls, report: FileReport) -> SummaryRow:
        return cls(report.path, report.badge.id, report.words, tuple(report.counts.get(s, 0) for s in SEVERITIES))


#: A run's summary lists every statement up to this many; past that, only those that need attention (could not
#: be checked, or have findings at --fail-on or worse), the first this many of them: a summary of 10,000 rows
#: is read by nobody, and keeping them all made the run's memory grow with the folder.
SUMMARY_ROWS = 50


@dataclass
class Tally:
    """What a run over many statements adds up to, kept as each outcome goes by: counts, and the few summary
    rows a summary shows (SUMMARY_ROWS), so that a run of 10,000 statements holds what one of 100 holds."""

    fail_on: Severity
    #: every statement's row, while there have been at most SUMMARY_ROWS
    rows: list[SummaryRow] = field(default_factory=list)
    #: the first SUMMARY_ROWS rows of statements that need attention
    attention: list[SummaryRow] = field(default_factory=list)
    errors: list[FileError] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(SEVERITIES, 0))
    failed: bool = False
    files: int = 0
    #: statements checked with findings at fail_on or worse
    failing: int = 0

    def add(self, outcome: Outcome | Finished) -> None:
        self.files += 1
        if isinstance(outcome, FileError):
            self.errors.append(outcome)
            self._keep(SummaryRow(outcome.path, None), needs_attention=True)
            return
        for severity in SEVERITIES:
            self.counts[severity] += outcome.counts.get(severity, 0)
        fails = outcome.fails(self.fail_on)
        self.failed = self.failed or fails
        self.failing += fails
        self._keep(outcome.row if isinstance(outcome, Finished) else SummaryRow.of(outcome), needs_attention=fails)

    def _keep(self, row: SummaryRow, *, needs_attention: bool) -> None:
        if self.files <= SUMMARY_ROWS:
            self.rows.append(row)
        if needs_attention and len(self.attention) < SUMMARY_ROWS:
            self.attention.append(row)

    def summary_rows(self) -> list[SummaryRow]:
        """The rows a summary shows: every statement's, or past SUMMARY_ROWS, those that need attention."""
        return self.rows if self.files <= SUMMARY_ROWS else self.attention

    def to_dict(self) -> dict[str, Any]:
        """The run's ``errors`` and ``summary`` (docs/json-output.md); the files went out one by one."""
        return {
            "errors": [e.to_dict() for e in self.errors],
            "summary": {
                "files": self.files,
                "checked": self.files - len(self.errors),
                **self.counts,
                "fail_on": self.fail_on,
                "failed": self.failed,
            },
        }
