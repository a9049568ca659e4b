"""Start-up time of badgekit's catalogue commands against the import floor.

Runs each command as a whole process, alternating between them so that a busy machine
slows all of them alike, and prints median and minimum wall times side by side with
the ratio to ``python -c "import typer, rich"`` (what any Typer + Rich CLI pays).

    python benchmarks/startup.py [--runs 30]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path


def badgekit_command() -> list[str]:
    script = Path(sys.executable).with_name("badgekit")
    return [str(script)] if script.exists() else [shutil.which("badgekit") or "badgekit"]


def time_once(argv: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "120"}
    # An installed badgekit has compiled .pyc files (pip writes them); let the warm-up
    # runs write them for a checkout too, or every run would pay to compile the source.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    bk = badgekit_command()
    commands = {
        "import typer, rich (floor)": [sys.executable, "-c", "import typer, rich"],
        "badgekit --version": [*bk, "--version"],
        "badgekit list": [*bk, "list"],
        "badgekit list --format json": [*bk, "list", "--format", "json"],
        "badgekit show leadership-across-boundaries": [*bk, "show", "leadership-across-boundaries"],
    }
    times: dict[str, list[float]] = {name: [] for name in commands}
    for argv in commands.values():  # warm the file cache and .pyc files
        time_once(argv, env)
    for _ in range(args.runs):
        for name, argv in commands.items():
            times[name].append(time_once(argv, env))
    floor = statistics.median(times["import typer, rich (floor)"])
    print(f"{'command':45} {'median ms':>10} {'min ms':>8} {'× floor':>8}   ({args.runs} runs each)")
    for name, samples in times.items():
        median = statistics.median(samples)
        print(f"{name:45} {median * 1000:10.1f} {min(samples) * 1000:8.1f} {median / floor:8.2f}")


if __name__ == "__main__":
    main()
