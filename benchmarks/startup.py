"""Start-up time of badgekit's catalogue commands against the import floor.

Runs each command as a whole process, alternating between them so that a busy machine
slows all of them alike, and prints median and minimum wall times side by side with
the ratio to ``python -c "import typer, rich"`` (what any Typer + Rich CLI pays).

    python benchmarks/startup.py [--runs 30]
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
from pathlib import Path


def badgekit_command() -> list[str]:
    script = Path(sys.executable).with_name("badgekit")
    return [str(script)] if script.exists() else [shutil.which("badgekit") or "badgekit"]


#: Marks a command whose output goes to a pseudo-terminal (see on_terminal).
_TERMINAL = "<terminal>"


def on_terminal(argv: list[str]) -> list[str]:
    """The command, marked to run with its output on a pseudo-terminal, as a person at one sees it."""
    return [_TERMINAL, *argv]


def time_once(argv: list[str], env: dict[str, str]) -> float:
    """The CPU time (user and system) the command took, in seconds: on a machine shared with other
    work, wall time measures the other work as much as the command, CPU time far less."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    if argv[0] != _TERMINAL:
        subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    else:
        _run_on_terminal(argv[1:], env)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def _run_on_terminal(argv: list[str], env: dict[str, str]) -> None:
    import pty

    leader, follower = pty.openpty()
    process = subprocess.Popen(argv, env=env, stdout=follower, stderr=follower, stdin=subprocess.DEVNULL)
    os.close(follower)
    try:
        while os.read(leader, 65536):
            pass
    except OSError:
        pass  # the terminal closes when the command ends
    process.wait()
    os.close(leader)


def time_alternately(commands: dict[str, list[str]], env: dict[str, str], runs: int) -> dict[str, list[float]]:
    """Each command's CPU times over ``runs`` rounds, the commands taking turns in each round
    so that a busy machine slows them all alike; one untimed warm-up round first."""
    times: dict[str, list[float]] = {name: [] for name in commands}
    for argv in commands.values():  # warm the file cache, the .pyc files and the badge cache
        time_once(argv, env)
    for _ in range(runs):
        for name, argv in commands.items():
            times[name].append(time_once(argv, env))
    return times


def print_side_by_side(times: dict[str, list[float]], baseline: str, ratio_label: str, note: str = "") -> None:
    """Median and minimum of each command, and its median as a multiple of the baseline's."""
    width = max(len(name) for name in times) + 2
    base = statistics.median(times[baseline])
    print(f"{'command':{width}} {'median ms':>10} {'min ms':>8} {ratio_label:>8}   CPU time {note}".rstrip())
    for name, samples in times.items():
        median = statistics.median(samples)
        print(f"{name:{width}} {median * 1000:10.1f} {min(samples) * 1000:8.1f} {median / base:8.2f}")


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
    times = time_alternately(commands, env, args.runs)
    print_side_by_side(times, "import typer, rich (floor)", "× floor", f"({args.runs} runs each)")


if __name__ == "__main__":
    main()
