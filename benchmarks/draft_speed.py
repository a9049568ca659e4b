"""What ``badgekit draft`` costs: saving an answer, rendering a statement, and whole commands.

Three tables, each with its baseline beside it:

1. Saving one answer (the whole draft, atomically: temporary file, fsync, rename, folder
   fsync) against writing the same bytes with ``Path.write_text``, which a crash can leave
   half-written. This is the pause after the learner types ``done``.
2. Rendering a statement: the first one in a process (importing Jinja and compiling the
   template) and the ones after it.
3. Whole processes, alternated so that a busy machine slows all alike: ``badgekit draft
   --answers`` and ``badgekit drafts`` against ``python -c "import typer, rich"`` and
   ``badgekit --version``.

    python benchmarks/draft_speed.py [--saves 200] [--runs 20]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ANSWER = " ".join(["I reflected on what happened, what I learned and what I will do differently next time."] * 9)


def percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def row(name: str, samples: list[float], base: float | None = None) -> str:
    median = statistics.median(samples) * 1000
    ratio = f"{median / (base * 1000):8.2f}" if base else f"{'':8}"
    return f"{name:52} {median:10.2f} {percentile(samples, 0.95) * 1000:8.2f} {ratio}"


def header(title: str, count: str) -> None:
    print(f"\n{title}")
    print(f"{'':52} {'median ms':>10} {'p95 ms':>8} {'× base':>8}   ({count})")


def bench_saves(folder: Path, saves: int) -> None:
    from badgekit.drafting.store import Draft, DraftStore
    from badgekit.statement.wordcount import count_words

    store = DraftStore(folder / "drafts")
    draft = Draft(badge="leadership-across-boundaries", title="Leading and managing across boundaries")
    for number in range(7):
        draft.set_answer(f"criterion-{number}", ANSWER)
    store.save(draft)
    size = store.path_for(draft.badge).stat().st_size
    plain = folder / "plain.json"
    text = store.path_for(draft.badge).read_text(encoding="utf-8")
    durable: list[float] = []
    naive: list[float] = []
    for index in range(saves):  # alternate, so that disk hiccups fall on both
        draft.set_answer("criterion-0", f"{ANSWER} {index}")
        start = time.perf_counter()
        store.save(draft)
        durable.append(time.perf_counter() - start)
        start = time.perf_counter()
        plain.write_text(text, encoding="utf-8")
        naive.append(time.perf_counter() - start)
    header(f"1. Saving a draft of 7 answers ({7 * count_words(ANSWER)} words, {size:,} bytes)", f"{saves} saves each")
    base = statistics.median(naive)
    print(row("Path.write_text (baseline: not crash-safe)", naive, base))
    print(row("DraftStore.save (atomic, fsync, owner-only)", durable, base))


def bench_render(renders: int) -> None:
    start = time.perf_counter()
    from badgekit.badges.catalogue import load_catalogue
    from badgekit.render import render_markdown

    catalogue = load_catalogue()
    badge = catalogue.get("leadership-across-boundaries")
    answers = {c.id: ANSWER for c in badge.criteria}
    render_markdown(badge, answers)
    first = time.perf_counter() - start
    warm: list[float] = []
    context_only: list[float] = []
    from badgekit.render import statement_context

    for _ in range(renders):
        start = time.perf_counter()
        statement_context(badge, answers)
        context_only.append(time.perf_counter() - start)
        start = time.perf_counter()
        render_markdown(badge, answers)
        warm.append(time.perf_counter() - start)
    header("2. Rendering a 7-criterion statement", f"{renders} renders")
    base = statistics.median(context_only)
    print(row("statement_context only (baseline: no Jinja)", context_only, base))
    print(row("render_markdown, after the first", warm, base))
    print(f"{'render_markdown, first in the process (with imports)':52} {first * 1000:10.2f}")


def badgekit_command() -> list[str]:
    script = Path(sys.executable).with_name("badgekit")
    return [str(script)] if script.exists() else [shutil.which("badgekit") or "badgekit"]


def bench_processes(folder: Path, runs: int) -> None:
    answers = folder / "answers.yaml"
    answers.write_text("".join(f"{n}: |\n  {ANSWER}\n" for n in range(1, 8)), encoding="utf-8")
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "120", "BADGEKIT_DATA_DIR": str(folder / "data")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    bk = badgekit_command()
    commands = {
        'python -c "import typer, rich" (baseline)': [sys.executable, "-c", "import typer, rich"],
        "badgekit draft ID --answers FILE -o -": [
            *bk,
            "draft",
            "leadership-across-boundaries",
            "--answers",
            str(answers),
            "-o",
            "-",
        ],
        "badgekit drafts": [*bk, "drafts"],
        "badgekit --version (any command's floor)": [*bk, "--version"],
    }
    times: dict[str, list[float]] = {name: [] for name in commands}
    for argv in commands.values():  # warm the file cache, the badge cache and .pyc files
        subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    for _ in range(runs):
        for name, argv in commands.items():
            start = time.perf_counter()
            subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
            times[name].append(time.perf_counter() - start)
    header("3. Whole processes", f"{runs} runs each")
    base = statistics.median(times['python -c "import typer, rich" (baseline)'])
    for name, samples in times.items():
        print(row(name, samples, base))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--saves", type=int, default=200)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        os.environ["BADGEKIT_DATA_DIR"] = str(folder / "data")
        bench_saves(folder, args.saves)
        bench_render(args.saves)
        bench_processes(folder, args.runs)


if __name__ == "__main__":
    main()
