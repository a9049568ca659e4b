"""How well and how fast the privacy family (BK3xx) screens statements.

Prints, in one run:

- recall (expected details found) and false alarms per 1,000 clean words over the case
  set in tests/privacy_cases/, file by file and in all (aim: recall of at least 98%,
  at most one false alarm per 1,000 clean words);
- the time the privacy family alone takes on a 1,000-word statement, cold (a fresh
  process: word lists read, phonenumbers imported) and warm (median of many runs), side
  by side with the other rule families on the same statement, as the baseline.

    python benchmarks/privacy.py [--runs 50]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from privacy_cases.scoring import Score, load_cases, score_case  # noqa: E402

from badgekit.checks import CheckContext, all_rules, run_rules  # noqa: E402
from badgekit.statement.parse import parse_statement  # noqa: E402
from badgekit.statement.wordcount import count_words  # noqa: E402

WORDS = 1000


def statement_of(words: int) -> str:
    """A statement in draft's format of about ``words`` words, made of the case set's texts in
    order: for 1,000 words, its clean texts (citations, organisations, places, roles) and
    its first contact details, as a statement with a few slips in it would be."""
    texts = [case.text.strip() for case in load_cases()]
    answers: list[str] = []
    total = 0
    index = 0
    while total < words:
        text = texts[index % len(texts)]
        answers.append(text)
        total += count_words(text)
        index += 1
    sections = "\n\n".join(f"## {n}. Criterion {n}\n\n{a}" for n, a in enumerate(answers, start=1))
    return f"---\nbadge: writing-evidence\n---\n\n# My statement\n\n{sections}\n"


def quality() -> None:
    by_file: dict[str, Score] = {}
    for case in load_cases():
        by_file.setdefault(case.file, Score()).add(score_case(case))
    total = Score()
    print(f"{'case file':16} {'details':>8} {'found':>6} {'recall':>7} {'clean words':>12} {'false alarms':>13}")
    for name, score in by_file.items():
        total.add(score)
        _row(name, score)
    _row("all", total)
    print(f"\nrecall {total.recall:.1%} (aim >= 98%); {total.false_alarms_per_1000:.2f} false alarms per 1,000 clean")
    print("words (aim <= 1)")


def _row(name: str, score: Score) -> None:
    details = len(score.found) + len(score.missed)
    print(
        f"{name:16} {details:8} {len(score.found):6} {score.recall:7.1%} {score.clean_words:12,} "
        f"{len(score.false_alarms):13}"
    )


def _time(rules: list[object], text: str, runs: int) -> list[float]:
    samples = []
    for _ in range(runs):
        statement = parse_statement(text, "bench.md")
        context = CheckContext(statement=statement)
        start = time.perf_counter()
        run_rules(context, rules)  # type: ignore[arg-type]
        samples.append(time.perf_counter() - start)
    return samples


COLD = """
import sys, time
sys.path.insert(0, {tests!r})
from badgekit.checks import CheckContext, all_rules, run_rules
from badgekit.statement.parse import parse_statement
text = open({path!r}, encoding="utf-8").read()
rules = [r for r in all_rules() if r.code.startswith("BK3")]
context = CheckContext(statement=parse_statement(text, "bench.md"))
start = time.perf_counter()
run_rules(context, rules)
print(time.perf_counter() - start)
"""


def speed(runs: int) -> None:
    text = statement_of(WORDS)
    words = parse_statement(text, "bench.md").words
    path = ROOT / "benchmarks" / ".privacy-statement.md"
    path.write_text(text, encoding="utf-8")
    try:
        cold = [
            float(
                subprocess.run(
                    [sys.executable, "-c", COLD.format(tests=str(ROOT / "tests"), path=str(path))],
                    capture_output=True,
                    text=True,
                    check=True,
                ).stdout
            )
            for _ in range(5)
        ]
    finally:
        path.unlink()
    rules = all_rules()
    privacy = [r for r in rules if r.category == "privacy"]
    others = [r for r in rules if r.category != "privacy"]
    _time(privacy, text, 3)  # warm: word lists read, phonenumbers imported
    warm = _time(privacy, text, runs)
    baseline = _time(others, text, runs)
    print(f"\nA {words:,}-word statement ({len(privacy)} privacy rules; {runs} runs each):")
    print(f"{'':44} {'median ms':>10} {'min ms':>8}")
    print(f"{'privacy family, cold (fresh process)':44} {statistics.median(cold) * 1000:10.1f} {min(cold) * 1000:8.1f}")
    print(f"{'privacy family, warm':44} {statistics.median(warm) * 1000:10.1f} {min(warm) * 1000:8.1f}")
    print(
        f"{'baseline: every other family, warm':44} {statistics.median(baseline) * 1000:10.1f} "
        f"{min(baseline) * 1000:8.1f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=50)
    args = parser.parse_args()
    quality()
    speed(args.runs)


if __name__ == "__main__":
    main()
