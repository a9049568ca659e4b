"""Fuzz every reader of what people write, and time the readers and the check on large inputs.

The readers: YAML (badge files through validation, answers files for ``draft`` and ``review``),
a statement's front matter, and a statement (bytes decoded, then parsed). Each input is built
at random from the pieces that break readers (anchors and aliases, tags, impossible dates,
nesting, byte-order marks, NUL, stray ``---``) and plain random text. A reader must end in data
or in badgekit's own error naming the file: any other exception is a failure, reported with
the input.

tests/test_fuzz.py runs 10,000 inputs per reader, derandomized, through Hypothesis; this script
runs as many as asked with fresh seeds, then times each reader, and ``badgekit check`` itself,
on inputs of 100 KB (the issue's bound: no input may take more than 1 s per 100 KB).

    python benchmarks/fuzz_readers.py [--inputs 100000] [--seed N] [--large 20]
"""

from __future__ import annotations

import argparse
import random
import signal
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from datetime import date
from pathlib import Path
from typing import Any

YAML_PIECES = [
    "a: ", "- ", "  ", "\n", "\n  ", "&x ", "*x ", "&y [*x, *x, *x] ", "*y ", "!!int ", "!!float ", "!!timestamp ",
    "!!bool ", "!!binary ", "!!set ", "!!omap ", "!!python/object:os.system ", "2026-02-30", "2026-13-01",
    "9999-12-31", "1e400", "0x", "0o9", "~", "null", "[", "]", "{", "}", ", ", "? ", "<<: ", "|", ">", '"', "'", "#",
    "\t", "\x00", "\ufeff", "%YAML 1.1\n", "---\n", "...\n", "1: ", "2: ", "answer: ", "discussion: ", "level: ",
    "id: ", "criteria: ", "title: ", "judgement: ", "met", "not met", "follow_up: ", "15/01/2027", "é", "\\", "\r\n",
]  # fmt: skip
MARKDOWN_PIECES = [
    "---\n", "badge: writing-evidence\n", "badge: [\n", "date: 2026-02-30\n", "words: !!int x\n", "title: &a x\n",
    "# ", "## ", "### ", "1. ", "\n", "\n\n", "- ", "> ", "```\n", "<!--", "-->", "[", "](", ")", "**", "_",
    "I took part in", "   ", "Declaration", "In studying and completing", "\r\n", "\t", "é", "\x00", "\ufeff",
    "=====\n", "-----\n", "...\n", "|", "<", ">", "<!-- badgekit: ignore BK2 -->", "Mrs Smith ", "07700 900123 ",
]  # fmt: skip
ALPHABET = "abc xyz:-#&*!|>[]{}'\"\n\t0123456789é\u00a0\u2028"


def text_from(rng: random.Random, pieces: list[str], parts: int = 30) -> str:
    """A random text of up to ``parts`` pieces, some from ``pieces``, some random characters."""
    out = []
    for _ in range(rng.randint(0, parts)):
        if rng.random() < 0.7:
            out.append(rng.choice(pieces))
        else:
            out.append("".join(rng.choice(ALPHABET) for _ in range(rng.randint(1, 6))))
    return "".join(out)


def bytes_from(rng: random.Random) -> bytes:
    if rng.random() < 0.2:
        return bytes(rng.randrange(256) for _ in range(rng.randint(0, 64)))
    return text_from(rng, MARKDOWN_PIECES).encode("utf-8", errors="surrogatepass")


def _own_error(error: Exception, name: str) -> None:
    """badgekit's error must name the file on every line."""
    lines = error.error_lines()  # type: ignore[attr-defined]
    assert all(line.startswith(name) for line in lines), lines


def check_yaml(text: str, plain: bool = False) -> None:
    from badgekit.badges.parse import parse_badge
    from badgekit.errors import BadgekitError
    from badgekit.yamldoc import parse_yaml

    try:
        doc = parse_yaml(text, "fuzz.yaml", plain=plain)
    except BadgekitError as error:
        _own_error(error, "fuzz.yaml")
        return
    if isinstance(doc.data, dict) and not plain:
        try:
            parse_badge(doc)  # a badge file goes on to validation
        except BadgekitError as error:
            _own_error(error, "fuzz.yaml")


def check_front_matter(text: str) -> None:
    from badgekit.errors import BadgekitError
    from badgekit.statement.front_matter import read_front_matter

    try:
        fields, lines, body = read_front_matter(text, "fuzz.md")
    except BadgekitError as error:
        _own_error(error, "fuzz.md")
        return
    assert 0 <= body <= len(text) and set(lines) <= set(fields)


def check_statement(raw: bytes) -> None:
    from badgekit.errors import BadgekitError
    from badgekit.statement.parse import parse_statement
    from badgekit.textinput import decode_text

    try:
        statement = parse_statement(decode_text(raw, "fuzz.md"), "fuzz.md", declaration=_badge().declaration)
    except BadgekitError as error:
        _own_error(error, "fuzz.md")
        return
    assert statement.words >= 0


def check_answers(text: str, folder: Path) -> None:
    """The answers file as ``draft --answers`` and ``review --answers`` read it.

    The file's reading (badgekit.textinput.read_text, fuzzed with the statement) is stood in for by the
    text itself: writing a file per input would make the run ten times slower and test the disk.
    """
    from badgekit import textinput
    from badgekit.drafting.answers_file import answers_from_file
    from badgekit.errors import BadgekitError
    from badgekit.review.record import apply_answers

    path = str(folder / "answers.yaml")
    readers: list[Callable[[], object]] = [
        lambda: answers_from_file(path, _badge()),
        lambda: apply_answers(_review(), path, today=date(2026, 11, 29)),
    ]
    read_text = textinput.read_text
    textinput.read_text = lambda _name: text  # type: ignore[assignment]
    try:
        for read in readers:
            try:
                read()
            except BadgekitError as error:
                _own_error(error, path)
    finally:
        textinput.read_text = read_text


_CACHE: dict[str, Any] = {}


def _catalogue() -> Any:
    if "catalogue" not in _CACHE:
        from badgekit.badges.catalogue import load_catalogue

        _CACHE["catalogue"] = load_catalogue(use_cache=False)
    return _CACHE["catalogue"]


def _badge() -> Any:
    return _catalogue().get("writing-evidence")


def _review() -> Any:
    """A review of a good statement, to apply answers files to (one after another, as a manager might)."""
    if "review" not in _CACHE:
        from badgekit.checks.registry import select_rules
        from badgekit.checks.report import Options, check_text
        from badgekit.checks.samples import WRITING_EVIDENCE_GOOD
        from badgekit.review.checklist import LEFT_OUT
        from badgekit.review.record import review_of

        options = Options("writing-evidence", None, (), tuple(select_rules(ignore=list(LEFT_OUT))))
        report = check_text(WRITING_EVIDENCE_GOOD, "statement.md", _catalogue(), options)
        _CACHE["review"] = review_of(report, _catalogue(), "statement.md")
    return _CACHE["review"]


def readers(folder: Path) -> dict[str, tuple[Callable[[random.Random], Any], Callable[[Any], None]]]:
    """Each reader: how to build an input, and the property to check on it."""
    return {
        # a third of the inputs through the plain loader, as front matter written in full YAML is read
        "yaml": (lambda rng: (text_from(rng, YAML_PIECES), rng.random() < 0.3), lambda given: check_yaml(*given)),
        "front matter": (lambda rng: text_from(rng, MARKDOWN_PIECES), check_front_matter),
        "statement": (bytes_from, check_statement),
        "answers": (lambda rng: text_from(rng, YAML_PIECES), lambda text: check_answers(text, folder)),
    }


def fuzz(inputs: int, seed: int, folder: Path) -> int:
    failures = 0
    for name, (build, check) in readers(folder).items():
        rng = random.Random(f"{seed}-{name}")
        started = time.perf_counter()
        for _ in range(inputs):
            given = build(rng)
            try:
                check(given)
            except Exception:
                failures += 1
                print(f"{name}: {given!r}\n{traceback.format_exc()}", file=sys.stderr)
        print(f"{name}: {inputs:,} inputs in {time.perf_counter() - started:.1f} s")
    return failures


def large_inputs(rng: random.Random, count: int) -> list[tuple[str, str]]:
    """Inputs of about 100 KB: random ones, and each piece repeated (the shape that finds backtracking)."""
    found = []
    for _ in range(count):
        text = ""
        while len(text) < 100_000:
            text += text_from(rng, MARKDOWN_PIECES, 200)
        found.append(("random", text[:100_000]))
    for piece in sorted(set(MARKDOWN_PIECES + YAML_PIECES)):
        found.append((f"{piece!r} repeated", (piece * (100_000 // max(len(piece), 1) + 1))[:100_000]))
    return found


def time_large(count: int, seed: int) -> list[tuple[float, str, str]]:
    """Seconds per 100 KB for each reader and for the whole check, slowest first."""
    from badgekit.checks.report import Options, check_text
    from badgekit.errors import BadgekitError

    timed = []
    work: dict[str, Callable[[str], object]] = {
        "yaml": lambda text: check_yaml(text),
        "front matter": check_front_matter,
        "statement": lambda text: check_statement(text.encode("utf-8", errors="surrogatepass")),
        "check (checks/)": lambda text: check_text(text, "large.md", _catalogue(), Options(badge="writing-evidence")),
    }
    for label, text in large_inputs(random.Random(seed), count):
        for name, run in work.items():
            started = time.perf_counter()
            with suppress(BadgekitError, _GaveUp), _limit(GIVE_UP_SECONDS):
                run(text)
            timed.append((time.perf_counter() - started, name, label))
    return sorted(timed, reverse=True)


#: An input still running after this long is reported as taking at least this long, and left.
GIVE_UP_SECONDS = 20.0


class _GaveUp(Exception):
    pass


@contextmanager
def _limit(seconds: float) -> Iterator[None]:
    def give_up(_signum: int, _frame: object) -> None:
        raise _GaveUp

    previous = signal.signal(signal.SIGALRM, give_up)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--inputs", type=int, default=100_000, help="inputs per reader")
    parser.add_argument("--seed", type=int, default=int(time.time()))
    parser.add_argument("--large", type=int, default=20, help="random 100 KB inputs to time")
    args = parser.parse_args()
    print(f"seed {args.seed}")
    with tempfile.TemporaryDirectory(prefix="badgekit-fuzz-") as folder:
        failures = fuzz(args.inputs, args.seed, Path(folder))
    print(f"tracebacks: {failures}")
    timed = time_large(args.large, args.seed)
    slow = [row for row in timed if row[0] > 1.0]
    print("100 KB inputs over 1 s, and the slowest others (seconds, reader, input):")
    for seconds, name, label in timed[: max(len(slow), 10)]:
        shown = f">{GIVE_UP_SECONDS:.0f}" if seconds >= GIVE_UP_SECONDS else f"{seconds:.2f}"
        print(f"  {shown:>6}  {name:16}  {label[:60]}")
    print(f"inputs over 1 s per 100 KB: {len(slow)}")
    return 1 if failures or slow else 0


if __name__ == "__main__":
    sys.exit(main())
