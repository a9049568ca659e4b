"""Time of ``badgekit export`` in each format against ``badgekit check`` on the same statement.

Export runs the checks first (the privacy rules, then the rest for its summary), so
``check`` is its baseline: the figures show what the rendering itself adds. Each
command runs as a whole process, alternating so that a busy machine slows all alike;
``python -c "import typer, rich"`` is printed as the floor any Typer + Rich CLI pays.

    python benchmarks/export_speed.py [--runs 15]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from startup import badgekit_command, print_side_by_side, time_alternately  # beside this file: how benchmarks run

ANSWER = (
    "I learned that listening first changed how I work with partners from *two* other agencies, and I felt "
    "more confident when we met.\n\n- I asked what outcomes mattered to them.\n- I agreed a plan with the team."
    "\n\nThis fits our organisation's supervision policy, and next month I will ask my manager to review my plan. "
    "I read [the SSSC Codes of Practice](https://www.sssc.uk.com/codes) again and reflected on what they ask of me."
)


def write_statement(folder: Path) -> Path:
    """A statement of about 750 words for Step into Leadership #5, written by draft's renderer."""
    from badgekit.badges.catalogue import load_catalogue
    from badgekit.render import render_markdown

    badge = load_catalogue().get("leadership-across-boundaries")
    answers = {c.id: f"{ANSWER}\n\n{ANSWER}" for c in badge.criteria}
    path = folder / "leadership-across-boundaries-statement.md"
    path.write_text(render_markdown(badge, answers), encoding="utf-8")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "120", "BADGEKIT_DATA_DIR": str(Path(folder) / "data")}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        statement = str(write_statement(Path(folder)))
        bk = badgekit_command()
        commands = {
            "import typer, rich (floor)": [sys.executable, "-c", "import typer, rich"],
            "badgekit check (baseline)": [*bk, "check", statement],
            "badgekit export --text": [*bk, "export", statement, "--text", "-o", "-"],
            "badgekit export --md": [*bk, "export", statement, "--md", "-o", "-"],
            "badgekit export --json": [*bk, "export", statement, "--json", "-o", "-"],
            "badgekit export --html": [*bk, "export", statement, "--html", "-o", "-"],
        }
        times = time_alternately(commands, env, args.runs)
    print_side_by_side(times, "badgekit check (baseline)", "× check", f"({args.runs} runs each, ~750 words)")


if __name__ == "__main__":
    main()
