"""How well and how fast the privacy family (BK3xx) screens statements, now and at an earlier revision.

Prints, in one run:

- recall (expected details found) and false alarms per 1,000 clean words, for the tuned
  case set in tests/privacy_cases/ and, separately, for each held-out set found as
  benchmarks/data/privacy/heldout-*.yaml (cases written by someone who did not tune the
  detectors, never tuned on); with ``--before REV``, the same figures for the detectors
  at that git revision beside them, and recall kind by kind (aim on held-out writing:
  recall of at least 95%, at most one false alarm per 1,000 clean words);
- the CPU time the privacy family takes on a 1,000-word statement, cold (a fresh process:
  word lists read, patterns compiled) and warm (median of many runs), and what it adds to
  a whole ``badgekit check`` process (median of ``check`` less median of ``check`` with the
  screen replaced by one that finds nothing; aim: at most 10 ms), for both revisions. CPU
  time, not time on the clock, so that other work on a shared machine does not count as
  badgekit's.

The earlier revision's ``src/`` is unpacked with ``git archive`` into a temporary folder
and run in a subprocess; it is scored on the same cases by the same scoring code, so only
the detectors differ.

    python benchmarks/privacy.py [--before main] [--runs 50] [--only-quality]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HELDOUT = ROOT / "benchmarks" / "data" / "privacy"
sys.path.insert(0, str(ROOT / "tests"))

from privacy_cases.scoring import Case, Score, load_case_file, load_cases, score_case  # noqa: E402

from badgekit.privacy import Span  # noqa: E402
from badgekit.statement.wordcount import count_words  # noqa: E402

WORDS = 1000

#: Run in a subprocess with the earlier revision's src/ first on the path: screens every
#: case text read from stdin (a JSON list of [text, allowed names]) and prints the spans.
SCREEN = """
import json, sys
from badgekit.privacy import screen
cases = json.load(sys.stdin)
print(json.dumps([[[s.start, s.end, s.kind, s.severity, s.suggestion] for s in screen(t, a)] for t, a in cases]))
"""


def case_sets() -> dict[str, list[Case]]:
    """The tuned set, then each held-out set, by name."""
    sets = {"tuned": load_cases()}
    for path in sorted(HELDOUT.glob("heldout-*.yaml")):
        sets[path.stem] = load_case_file(path)
    return sets


@contextmanager
def revision_source(revision: str) -> Iterator[Path]:
    """The ``src`` folder of ``revision``, unpacked into a temporary folder with the badge data beside it."""
    with tempfile.TemporaryDirectory(prefix="badgekit-before-") as folder:
        archive = subprocess.run(
            ["git", "-C", str(ROOT), "archive", "--format=tar", revision, "src", "criteria", "templates"],
            capture_output=True,
            check=True,
        ).stdout
        archive_path = Path(folder) / "src.tar"
        archive_path.write_bytes(archive)
        with tarfile.open(archive_path) as tar:
            tar.extractall(folder, filter="data")
        yield Path(folder) / "src"


def _environment(source: Path | None) -> dict[str, str]:
    env = dict(os.environ)
    # An installed badgekit runs from compiled bytecode; without it every module is compiled
    # from source in every process, which would be timed as if it were badgekit's own work.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if source is not None:
        env["PYTHONPATH"] = os.pathsep.join([str(source), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    return env


def spans_at(source: Path, cases: Sequence[Case]) -> list[list[Span]]:
    """Every case screened by the detectors in ``source``."""
    payload = json.dumps([[case.text, list(case.allow)] for case in cases])
    result = subprocess.run(
        [sys.executable, "-c", SCREEN],
        input=payload,
        capture_output=True,
        text=True,
        check=True,
        env=_environment(source),
        cwd=source.parent,
    )
    return [[Span(s, e, k, v, g) for s, e, k, v, g in spans] for spans in json.loads(result.stdout)]  # type: ignore[arg-type]


def score(cases: Sequence[Case], spans: Sequence[list[Span]] | None = None) -> Score:
    total = Score()
    for index, case in enumerate(cases):
        total.add(score_case(case, None if spans is None else spans[index]))
    return total


def quality(before: str | None, source: Path | None) -> None:
    sets = case_sets()
    after = {name: score(cases) for name, cases in sets.items()}
    earlier = (
        {name: score(cases, spans_at(source, cases)) for name, cases in sets.items()} if source is not None else {}
    )
    label = f"at {before}" if before else ""
    print("Recall and false alarms (FA) per 1,000 clean words; aim on held-out writing: recall >= 95%, FA <= 1")
    head = f"{'case set':22} {'cases':>5} {'details':>7} {'clean words':>11}"
    if earlier:
        head += f" | {'recall ' + label:>18} {'FA/1000':>8} | {'recall now':>10} {'FA/1000':>8} {'FA':>4}"
    else:
        head += f" | {'recall now':>10} {'FA/1000':>8} {'FA':>4}"
    print(head)
    for name, cases in sets.items():
        now = after[name]
        details = len(now.found) + len(now.missed)
        row = f"{name:22} {len(cases):5} {details:7} {now.clean_words:11,}"
        if earlier:
            old = earlier[name]
            row += f" | {_recall(old):>18} {old.false_alarms_per_1000:8.2f}"
        row += f" | {_recall(now):>10} {now.false_alarms_per_1000:8.2f} {len(now.false_alarms):4}"
        print(row)
    for name in sets:
        if name != "tuned":
            _by_kind(name, after[name], earlier.get(name), label)


def _recall(score: Score) -> str:
    return f"{score.recall:.1%} ({len(score.found)}/{len(score.found) + len(score.missed)})"


def _by_kind(name: str, now: Score, old: Score | None, label: str) -> None:
    kinds = sorted({d.kind for d in now.found + now.missed})
    print(f"\n{name}, kind by kind (found / details; false alarms by the kind reported):")
    print(f"  {'kind':18} {'details':>7} {'found ' + label if old else '':>16} {'found now':>10} {'FA now':>7}")
    for kind in kinds:
        details = sum(1 for d in now.found + now.missed if d.kind == kind)
        found_now = sum(1 for d in now.found if d.kind == kind)
        found_old = f"{sum(1 for d in old.found if d.kind == kind)}" if old else ""
        alarms = sum(1 for s in now.false_alarms if s.kind == kind)
        print(f"  {kind:18} {details:7} {found_old:>16} {found_now:10} {alarms:7}")
    others = {s.kind for s in now.false_alarms} - set(kinds)
    for kind in sorted(others):
        alarms = sum(1 for s in now.false_alarms if s.kind == kind)
        print(f"  {kind:18} {0:7} {'':>16} {0:10} {alarms:7}")


# --- speed ------------------------------------------------------------------------------


def statement_of(words: int) -> str:
    """A statement in draft's format of about ``words`` words, as a learner's might be: the tuned
    case set's clean texts (citations, organisations, places, roles, names used as words) with
    three slips among them (a name, a phone number, a date of birth)."""
    cases = load_cases()
    clean = [case.text.strip() for case in cases if not case.expect]
    slips = [case.text.strip() for case in cases if case.id in SLIPS]
    answers: list[str] = []
    total = 0
    index = 0
    while total < words - sum(count_words(s) for s in slips):
        answers.append(clean[index % len(clean)])
        total += count_words(answers[-1])
        index += 1
    for number, slip in enumerate(slips, start=1):
        answers.insert(number * len(answers) // (len(slips) + 1), slip)
    sections = "\n\n".join(f"## {n}. Criterion {n}\n\n{a}" for n, a in enumerate(answers, start=1))
    return f"---\nbadge: writing-evidence\n---\n\n# My statement\n\n{sections}\n"


SLIPS = ("first-and-surname-mid-sentence", "mobile-drama-range", "dob-slashes")


#: Times the privacy family in a fresh process (cold), then again and again in it (warm).
FAMILY = """
import json, statistics, sys, time
from badgekit.checks import CheckContext, all_rules, run_rules
try:
    from badgekit.statement.parse import parse_statement
except ImportError:  # a revision before the regroup by stage
    from badgekit.statement import parse_statement
text = open(sys.argv[1], encoding="utf-8").read()
runs = int(sys.argv[2])
rules = [r for r in all_rules() if r.code.startswith("BK3")]
samples = []
for _ in range(runs + 1):
    context = CheckContext(statement=parse_statement(text, "bench.md"))
    start = time.process_time()
    run_rules(context, rules)
    samples.append(time.process_time() - start)
others = [r for r in all_rules() if not r.code.startswith("BK3")]
baseline = []
for _ in range(runs):
    context = CheckContext(statement=parse_statement(text, "bench.md"))
    start = time.process_time()
    run_rules(context, others)
    baseline.append(time.process_time() - start)
print(json.dumps({"cold": samples[0], "warm": statistics.median(samples[1:]), "others": statistics.median(baseline)}))
"""


def _family(path: Path, source: Path | None, runs: int, processes: int) -> dict[str, float]:
    results = [
        json.loads(
            subprocess.run(
                [sys.executable, "-c", FAMILY, str(path), str(runs)],
                capture_output=True,
                text=True,
                check=True,
                env=_environment(source),
            ).stdout
        )
        for _ in range(processes)
    ]
    return {key: statistics.median(r[key] for r in results) * 1000 for key in ("cold", "warm", "others")}


#: ``badgekit check FILE`` as a process, with the screen for identifying details replaced by one
#: that finds nothing when the first argument is "off": the baseline the privacy family adds to.
#: (``--ignore BK3`` is no baseline: the report screens the statement anyway, so as never to quote
#: an identifying detail.) It starts as the installed ``badgekit`` command does, through
#: ``badgekit.__main__.run``, which sets how often Python collects garbage before anything else;
#: a revision without ``run`` starts at ``badgekit.cli.main``, as the command then did.
CHECK = """
import sys
import badgekit.privacy
if sys.argv.pop(1) == "off":
    badgekit.privacy.screen = lambda text, allowed_names=(): []
sys.argv[0] = "badgekit"
try:
    from badgekit.__main__ import run
except ImportError:
    from badgekit.cli import main as run
run()
"""


def _whole_process(path: Path, source: Path | None, runs: int) -> tuple[float, float]:
    """Median CPU milliseconds of a whole ``badgekit check`` process, with the privacy screen and without.

    CPU time (user and system, as the operating system counts it for the finished process)
    rather than time on the clock: on a shared machine, other work stretches the clock but
    not the CPU time badgekit itself uses."""
    env = _environment(source)
    env["NO_COLOR"] = "1"
    with_privacy: list[float] = []
    without: list[float] = []
    for _ in range(runs):  # interleaved, so that a busy moment costs both alike
        for samples, screen in ((with_privacy, "on"), (without, "off")):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            command = [sys.executable, "-c", CHECK, screen, "check", str(path)]
            subprocess.run(command, capture_output=True, env=env, check=False)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            samples.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    return statistics.median(with_privacy) * 1000, statistics.median(without) * 1000


def speed(runs: int, before: str | None, source: Path | None) -> None:
    text = statement_of(WORDS)
    words = count_words(text)
    with tempfile.TemporaryDirectory(prefix="badgekit-speed-") as folder:
        path = Path(folder) / "statement.md"
        path.write_text(text, encoding="utf-8")
        revisions: list[tuple[str, Path | None]] = [("now", None)]
        if source is not None:
            revisions.insert(0, (f"at {before}", source))
        print(f"\nA statement of about {words:,} words; CPU milliseconds, medians:")
        print(f"{'':14} {'privacy cold':>13} {'privacy warm':>13} {'other families warm':>20} "
              f"{'check':>7} {'check, no screen':>19} {'privacy adds':>13}")  # fmt: skip
        for label, revision in revisions:
            _family(path, revision, 1, processes=1)  # writes the bytecode, as installing would
            family = _family(path, revision, runs, processes=7)
            whole, without = _whole_process(path, revision, max(10, runs // 2))
            print(
                f"{label:14} {family['cold']:13.1f} {family['warm']:13.1f} {family['others']:20.1f} "
                f"{whole:7.1f} {without:19.1f} {whole - without:13.1f}"
            )
    print("(aim: the privacy family adds at most 10 ms to a whole check of 1,000 words)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", metavar="REV", help="also score and time the detectors at this git revision")
    parser.add_argument("--runs", type=int, default=30, help="timed runs for each warm and whole-process figure")
    parser.add_argument("--only-quality", action="store_true", help="skip the timings")
    args = parser.parse_args()
    if args.before:
        with revision_source(args.before) as source:
            quality(args.before, source)
            if not args.only_quality:
                speed(args.runs, args.before, source)
    else:
        quality(None, None)
        if not args.only_quality:
            speed(args.runs, None, None)


if __name__ == "__main__":
    main()
