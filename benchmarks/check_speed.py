"""How fast ``badgekit check`` is, against the import floor and proselint, in one run.

1. Whole-process time on one 1,000-word statement: ``badgekit check`` (text and JSON)
   side by side with ``python -c "import typer, rich"`` (what any Typer + Rich command
   pays before doing anything) and ``proselint check`` on the same file. The commands
   alternate, so a busy machine slows them all alike. Aim: at most 1.5× the floor, and
   faster than proselint.
2. Statements per second for 1,000 statements checked in one call, with the work
   spread over the cores (the default) and in one process (``--jobs 1``).

    python benchmarks/check_speed.py [--runs 20] [--batch 1000]

proselint is optional: ``pip install '.[bench]'`` installs it.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from startup import print_side_by_side, time_alternately, time_once  # beside this file: how benchmarks run

PARAGRAPH = (
    "Last spring our team started joint working with the community mental health team. I learned that sharing "
    "our assessments early avoided duplication, and I felt more confident approaching other professions. When "
    "the nurses disagreed with our plan, I listened to their perspectives before I answered, and we agreed a "
    "shared approach that kept the focus on outcomes for the people we support and their families. In future I "
    "will ask partners to review our plans with us, as our partnership policy suggests."
)


def statement_text(words: int = 1000) -> str:
    """A statement in draft's format for Step into Leadership #5, of about ``words`` words."""
    per_paragraph = len(PARAGRAPH.split())
    paragraphs = max(1, round(words / per_paragraph))
    body = "\n\n".join([PARAGRAPH] * paragraphs)
    return (
        "---\nbadge: leadership-across-boundaries\n---\n\n# Leading and managing across boundaries\n\n"
        f"## 1. Working across boundaries\n\n{body}\n\n## Declaration\n\nIn studying and completing the activities "
        "for this badge, I confirm that all the work provided as evidence will be my own.\n"
    )


def tool(name: str) -> str | None:
    script = Path(sys.executable).with_name(name)
    return str(script) if script.exists() else shutil.which(name)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--batch", type=int, default=1000)
    args = parser.parse_args()
    badgekit = tool("badgekit") or "badgekit"
    proselint = tool("proselint")
    work = Path(tempfile.mkdtemp(prefix="badgekit-bench-"))
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "120", "BADGEKIT_DATA_DIR": str(work / "data")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # let warm-up runs write .pyc files, as an install would
    try:
        statement = work / "statement.md"
        statement.write_text(statement_text(), encoding="utf-8")
        commands = {
            "import typer, rich (floor)": [sys.executable, "-c", "import typer, rich"],
            "badgekit check": [badgekit, "check", str(statement)],
            "badgekit check --format json": [badgekit, "check", str(statement), "--format", "json"],
        }
        if proselint:
            commands["proselint check"] = [proselint, "check", str(statement)]
        times = time_alternately(commands, env, args.runs)
        words = subprocess.run(
            [badgekit, "check", str(statement), "--format", "json"], env=env, capture_output=True, text=True
        ).stdout
        count = words.split('"words": ', 1)[1].split(",", 1)[0] if '"words": ' in words else "?"
        print(f"One statement of {count} words, {args.runs} runs each, whole process:")
        print_side_by_side(times, "import typer, rich (floor)", "× floor")
        if not proselint:
            print("proselint check                  (not installed: pip install '.[bench]')")

        folder = work / "batch"
        folder.mkdir()
        text = statement_text()
        for index in range(args.batch):
            (folder / f"statement-{index:04}.md").write_text(text.replace("Last spring", f"In week {index}"), "utf-8")
        print(f"\n{args.batch} statements in one call:")
        for label, extra in (("spread over the cores", []), ("one process (--jobs 1)", ["--jobs", "1"])):
            argv = [badgekit, "check", str(folder), "--format", "json", *extra]
            elapsed = time_once(argv, env)
            print(f"{label:32} {elapsed:8.2f} s {args.batch / elapsed:10.0f} statements per second")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
