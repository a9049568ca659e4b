"""Stopping an interview at random points, with real signals on a real terminal, loses nothing but the line being typed.

A CI-sized run of benchmarks/kill_interview.py (10 points, two of each way of stopping); the script itself
runs the full 100.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

pytestmark = [pytest.mark.slow, pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")]

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from kill_interview import STOPS, run, summary  # noqa: E402


def test_ten_random_kill_points_lose_no_line_and_no_answer() -> None:
    results = run(10, seed=17, report=False)
    table = summary(results)
    assert {point.stop for point in results} == set(STOPS)
    assert sum(point.lines for point in results) > 50, table  # the run typed enough to lose something
    assert sum(point.lines_lost for point in results) == 0, table
    assert sum(point.answers_lost for point in results) == 0, table
    # Ctrl-C, kill and kill -HUP keep even the line still being typed (the README says so)
    kept_partial = [
        p for p in results if p.stop in ("SIGINT", "SIGTERM", "SIGHUP") and p.moment == "part-way through a line"
    ]
    assert {point.stop for point in kept_partial} == {"SIGINT", "SIGTERM", "SIGHUP"}, table
    assert not any(point.partial_lost for point in kept_partial), table
