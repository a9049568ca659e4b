"""How fast ``badgekit check`` is, before and after, against the import floor and proselint, in one run.

Two versions of badgekit run side by side: this checkout ("new") and the code of an earlier
revision ("old", ``--before``, by default the commit issue 16's table was measured on), unpacked
from git into a temporary folder. Both are started the same way (``python -m badgekit``,
with ``PYTHONPATH`` naming the version's source), in the same environment, on the same
files.

1. Whole-process CPU time (user and system) on one statement of about 1,000 words: ``check`` as text to a pipe and
   to a terminal, ``check --format json``, ``list``, ``show``, ``--version`` and
   ``export --html``, each old and new, beside ``python -c "import typer, rich"`` (the floor any
   Typer + Rich command pays) and ``proselint check`` on the same file. The commands take turns,
   so that a busy machine slows them all alike; medians are printed, with each as a multiple of
   the floor and of proselint. Aims (issue 16): check at most 1.5 × the floor and faster than
   proselint; JSON, list, show and --version at most 1.3 ×; export at most 2 ×.
2. A folder of statements (``--batch``, by default 1,000 and 10,000) checked in one call,
   old and new, text and JSON: statements per second, and the peak memory of the whole process
   tree (badgekit and its workers), sampled from /proc, with the CPU time of the whole tree.

    python benchmarks/check_speed.py [--runs 15] [--batch 1000,10000] [--before REV]
                                     [--outputs text,json] [--versions old,new]

``--runs 0`` leaves out the first part; ``--outputs`` and ``--versions`` narrow the second (on a
busy machine, 10,000 statements with the old text output take a quarter of an hour).

proselint is optional: ``pip install '.[bench]'`` installs it. hyperfine is not needed.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import threading
import time
from io import BytesIO
from pathlib import Path

from startup import on_terminal, time_alternately  # beside this file: how benchmarks run

ROOT = Path(__file__).resolve().parent.parent
#: main when issue 16's table was measured.
DEFAULT_BEFORE = "695f710"
FLOOR = "import typer, rich (floor)"
PROSELINT = "proselint check"
#: How each version is started: as ``python -m badgekit``, which runs what the installed command runs.
LAUNCH = ["-m", "badgekit"]

PARAGRAPH = (
    "Last spring our team started joint working with the community mental health team. I learned that sharing "
    "our assessments early avoided duplication, and I felt more confident approaching other professions. When "
    "the nurses disagreed with our plan, I listened to their perspectives before I answered, and we agreed a "
    "shared approach that kept the focus on outcomes for the people we support and their families. In future I "
    "will ask partners to review our plans with us, as our partnership policy suggests."
)


def statement_text(words: int = 1000, week: int = 0) -> str:
    """A statement in draft's format for Step into Leadership #5, of about ``words`` words."""
    per_paragraph = len(PARAGRAPH.split())
    paragraphs = max(1, round(words / per_paragraph))
    body = "\n\n".join([PARAGRAPH.replace("Last spring", f"In week {week}" if week else "Last spring")] * paragraphs)
    return (
        "---\nbadge: leadership-across-boundaries\n---\n\n# Leading and managing across boundaries\n\n"
        f"## 1. Working across boundaries\n\n{body}\n\n## Declaration\n\nIn studying and completing the activities "
        "for this badge, I confirm that all the work provided as evidence will be my own.\n"
    )


def export_revision(revision: str, into: Path) -> Path:
    """The source, badges and templates of ``revision``, unpacked into ``into``; returns its src folder."""
    archive = subprocess.run(
        ["git", "archive", "--format=tar", revision, "src", "criteria", "templates"], cwd=ROOT, check=True,
        capture_output=True,
    ).stdout  # fmt: skip
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    return into / "src"


def whole_process_times(versions: dict[str, list[str]], work: Path, env: dict[str, str], runs: int) -> None:
    statement = work / "statement.md"
    statement.write_text(statement_text(), encoding="utf-8")
    html = work / "statement.html"
    commands: dict[str, list[str]] = {FLOOR: [sys.executable, "-c", "import typer, rich"]}
    for name, (python, src) in versions.items():
        bk = ["env", f"PYTHONPATH={src}", python, *LAUNCH]
        commands[f"{name}: check FILE (to a pipe)"] = [*bk, "check", str(statement)]
        commands[f"{name}: check FILE (to a terminal)"] = on_terminal([*bk, "check", str(statement)])
        commands[f"{name}: check FILE --format json"] = [*bk, "check", str(statement), "--format", "json"]
        commands[f"{name}: list"] = [*bk, "list"]
        commands[f"{name}: show ID"] = [*bk, "show", "leadership-across-boundaries"]
        commands[f"{name}: --version"] = [*bk, "--version"]
        commands[f"{name}: export FILE --html"] = [*bk, "export", str(statement), "--html", "-o", str(html), "--force"]
    proselint = tool("proselint")
    if proselint:
        commands[PROSELINT] = [proselint, "check", str(statement)]
    times = time_alternately(commands, env, runs)
    floor = statistics.median(times[FLOOR])
    base = statistics.median(times[PROSELINT]) if proselint else None
    print(f"One statement of about 1,000 words, whole process, CPU time, median of {runs} runs each (ms):")
    print(f"{'command':40} {'median':>8} {'min':>8} {'× floor':>8} {'× proselint':>12}")
    for name, samples in times.items():
        median = statistics.median(samples)
        versus = f"{median / base:12.2f}" if base else f"{'-':>12}"
        print(f"{name:40} {median * 1000:8.1f} {min(samples) * 1000:8.1f} {median / floor:8.2f} {versus}")
    if not proselint:
        print("(proselint is not installed: pip install '.[bench]')")
    print("\nold → new, median ratio (below 1 is faster):")
    for name in [n for n in times if n.startswith("new: ")]:
        old = statistics.median(times[name.replace("new: ", "old: ", 1)])
        print(f"  {name[5:]:36} {statistics.median(times[name]) / old:6.2f}")


def tree_rss(pid: int) -> int:
    """Resident memory of a process and all its descendants, in bytes (Linux /proc)."""
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            total += next(int(line.split()[1]) * 1024 for line in status.splitlines() if line.startswith("VmRSS:"))
            for task in Path(f"/proc/{current}/task").iterdir():
                todo += [int(child) for child in (task / "children").read_text().split()]
        except (OSError, StopIteration, ValueError):
            continue
    return total


def batch_run(argv: list[str], env: dict[str, str]) -> tuple[float, float, int]:
    """Wall time, CPU time (the whole tree's) and peak memory of the process tree of one run."""
    peak = 0
    cpu_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    process = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, tree_rss(process.pid))
            time.sleep(0.02)

    sampler = threading.Thread(target=sample)
    sampler.start()
    process.wait()
    elapsed = time.perf_counter() - started
    cpu_after = resource.getrusage(resource.RUSAGE_CHILDREN)  # workers are waited for, so they count
    done.set()
    sampler.join()
    cpu = (cpu_after.ru_utime - cpu_before.ru_utime) + (cpu_after.ru_stime - cpu_before.ru_stime)
    return elapsed, cpu, peak


def batch(
    versions: dict[str, list[str]], work: Path, env: dict[str, str], sizes: list[int], outputs: list[str]
) -> None:
    print("\nA folder of statements in one call, spread over the cores (the default):")
    print(
        f"{'statements':>10} {'output':>6} {'version':>8} {'seconds':>8} {'per second':>11} {'CPU s':>7} "
        f"{'CPU ms each':>12} {'peak MB':>8}"
    )
    for size in sizes:
        folder = work / f"batch-{size}"
        folder.mkdir()
        for index in range(size):
            (folder / f"statement-{index:05}.md").write_text(statement_text(week=index + 1), "utf-8")
        for output in outputs:
            for name, (python, src) in versions.items():
                argv = ["env", f"PYTHONPATH={src}", python, *LAUNCH, "check", str(folder), "--format", output]
                elapsed, cpu, peak = batch_run(argv, env)
                print(
                    f"{size:10,} {output:>6} {name:>8} {elapsed:8.1f} {size / elapsed:11.0f} {cpu:7.1f} "
                    f"{cpu / size * 1000:12.1f} {peak / 2**20:8.0f}"
                )
        shutil.rmtree(folder)


def tool(name: str) -> str | None:
    script = Path(sys.executable).with_name(name)
    return str(script) if script.exists() else shutil.which(name)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--batch", default="1000,10000", help="folder sizes, comma-separated ('' for none)")
    parser.add_argument("--before", default=DEFAULT_BEFORE, help="the revision to compare with")
    parser.add_argument("--outputs", default="text,json", help="for the folders: text, json or both")
    parser.add_argument("--versions", default="old,new", help="for the folders: old, new or both")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="badgekit-bench-"))
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "120", "BADGEKIT_DATA_DIR": str(work / "data")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # let warm-up runs write .pyc files, as an install would
    try:
        old = export_revision(args.before, work / "old")
        versions = {"old": [sys.executable, str(old)], "new": [sys.executable, str(ROOT / "src")]}
        print(f"old: {args.before}   new: this checkout   cores: {os.cpu_count()}\n")
        if args.runs:
            whole_process_times(versions, work, env, args.runs)
        sizes = [int(size) for size in args.batch.split(",") if size.strip() and int(size) > 0]  # 0: none
        if sizes:
            chosen = {name: versions[name] for name in args.versions.split(",")}
            batch(chosen, work, env, sizes, args.outputs.split(","))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
