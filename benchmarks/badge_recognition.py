"""How many statements without front matter badgekit recognises as the right badge, and how many wrongly.

For every bundled badge, statements are drafted with ``badgekit draft --answers`` and
exported with ``badgekit export --text`` (so they carry no ``badge:`` line), then cut
down to the title-less and heading-less versions described in
tests/samples/recognition.py. Each is given to badge detection, and counted as
recognised (the right badge), asked (badgekit lists the likeliest and asks for --badge)
or wrong (another badge: the one outcome that must never happen). Also prints how long
detection takes per statement, against parsing the statement alone as the baseline.

    python benchmarks/badge_recognition.py
"""

from __future__ import annotations

import contextlib
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from samples.recognition import ANSWER_SETS, TIERS, cases  # noqa: E402
from typer.testing import CliRunner  # noqa: E402

from badgekit.badges.catalogue import load_catalogue  # noqa: E402
from badgekit.checks.badge_detection import BadgeUnclear, detect_badge  # noqa: E402
from badgekit.cli import app  # noqa: E402
from badgekit.statement.parse import parse_statement  # noqa: E402


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args), env={"NO_COLOR": "1"})
    return result.exit_code, result.stdout, result.stderr


def main() -> None:
    catalogue = load_catalogue()
    badges = list(catalogue)
    outcomes: Counter[tuple[str, str, str]] = Counter()
    wrong: list[str] = []
    texts: list[str] = []
    with tempfile.TemporaryDirectory() as folder:
        for case in cases(badges, Path(folder), run):
            texts.append(case.text)
            try:
                found = detect_badge(case.text, "<case>", catalogue)
            except BadgeUnclear:
                outcomes[(case.answers, case.tier, "asked")] += 1
                continue
            if found.badge.id == case.badge.id:
                outcomes[(case.answers, case.tier, "recognised")] += 1
            else:
                outcomes[(case.answers, case.tier, "wrong")] += 1
                wrong.append(f"{case.badge.id} ({case.answers}, {case.tier}) taken for {found.badge.id}")
    print(f"{len(badges)} bundled badges; statements from 'draft --answers' then 'export --text'\n")
    print(f"{'answers':<22}{'statement':<20}{'recognised':>11}{'asked':>7}{'wrong':>7}")
    for answers in ANSWER_SETS:
        for tier in TIERS:
            counts = [outcomes[(answers, tier, kind)] for kind in ("recognised", "asked", "wrong")]
            print(f"{answers:<22}{tier:<20}{counts[0]:>8}/{len(badges):<2}{counts[1]:>7}{counts[2]:>7}")
    for line in wrong:
        print(f"WRONG: {line}")
    start = time.perf_counter()
    for text in texts:
        parse_statement(text)
    parsing = (time.perf_counter() - start) / len(texts)
    start = time.perf_counter()
    for text in texts:
        with contextlib.suppress(BadgeUnclear):
            detect_badge(text, "<case>", catalogue)
    detecting = (time.perf_counter() - start) / len(texts)
    print(f"\nper statement: detection {detecting * 1000:.1f} ms; parsing alone (baseline) {parsing * 1000:.1f} ms")


if __name__ == "__main__":
    main()
