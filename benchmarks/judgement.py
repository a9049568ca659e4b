"""How far check's judgements agree with an assessor's: coverage and the reflection rules.

Runs ``badgekit check --format json`` over the labelled statements of
benchmarks/data/judgement/ (see judgement_cases.py) twice in one run: with this
checkout's code, and with the code of an earlier revision (``--before``, by default the
last one before the new engine), and prints the measures side by side:

- criteria judged right: a covered criterion judged covered, a missing one judged
  missing or unclear (an unclear criterion is flagged to the learner as a warning);
- covered criteria reported as not addressed (BK201, an error: the statement fails);
- covered criteria called unclear (a warning the learner did not need);
- not-addressed criteria caught (reported missing or unclear);
- each reflection rule's errors: BK404 on statements that do say what was learned, BK404
  missing where nothing is, BK402 likewise for future action, BK403 for a policy link.

By default it reports the frozen half, which nothing is tuned on; ``--half dev`` reports the
development half. Bundled badges and user-written badges (criterion text only) are reported
separately.

With ``--speed`` it also times both versions as whole processes on a 1,000-word statement
(``check --format json``, taking turns so that a busy machine slows both alike) and checks a
folder of the labelled statements, repeated to ``--batch`` files, in one call.

    python benchmarks/judgement.py [--half frozen|dev|all] [--before REV] [--show-misses] [--speed]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tarfile
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path

from judgement_cases import USER_BADGES, Case, load_cases  # beside this file
from startup import print_side_by_side, time_alternately, time_once  # beside this file

ROOT = Path(__file__).resolve().parent.parent
#: "Today's" engine: main before the judgement work began.
DEFAULT_BEFORE = "695f710"


@dataclass
class Judged:
    """What one version of badgekit said about one case."""

    statuses: dict[str, str]  # criterion id -> covered | unclear | missing
    codes: set[str] = field(default_factory=set)


def export_revision(revision: str, into: Path) -> Path:
    """The source and badge data of ``revision``, unpacked into ``into``; returns its src folder."""
    archive = subprocess.run(
        ["git", "archive", "--format=tar", revision, "src", "criteria", "templates"],
        cwd=ROOT,
        check=True,
        capture_output=True,
    ).stdout
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    return into / "src"


def run_version(src: Path, cases: list[Case], work: Path) -> dict[str, Judged]:
    """Check every case with the badgekit found in ``src``; results by case name."""
    groups: dict[tuple[str, str | None], list[Case]] = defaultdict(list)
    for case in cases:
        groups[(case.badge, case.level)].append(case)
    env = dict(os.environ, PYTHONPATH=str(src), BADGEKIT_BADGES_DIR=str(USER_BADGES), NO_COLOR="1")
    results: dict[str, Judged] = {}
    for (badge, level), members in groups.items():
        paths = []
        for case in members:
            suffix = ".txt" if case.form == "plain-text" else ".md"
            path = work / f"{case.name}{suffix}"
            path.write_text(case.statement, encoding="utf-8")
            paths.append(str(path))
        command = [sys.executable, "-m", "badgekit", "check", "--format", "json", "--badge", badge]
        if level:
            command += ["--level", level]
        done = subprocess.run(command + paths, env=env, capture_output=True, text=True, check=False)
        if not done.stdout.strip():
            raise SystemExit(f"badgekit at {src} printed nothing for {badge}: {done.stderr.strip()}")
        report = json.loads(done.stdout)
        unchecked = {error["path"] for error in report.get("errors", [])}
        if len(unchecked) == len(members) and all("no badge called" in e["message"] for e in report["errors"]):
            continue  # a badge this version did not have: its column leaves these statements out
        for error in report.get("errors", []):
            print(f"  could not check {error['path']}: {error['message']}", file=sys.stderr)
        checked = [case for case, path in zip(members, paths, strict=True) if path not in unchecked]
        for file_report, case in zip(report["files"], checked, strict=True):
            ids = list(case.criteria)
            statuses = {}
            for index, item in enumerate(file_report["criteria"]):
                status = item.get("status") or ("covered" if item["covered"] else "missing")
                statuses[ids[index]] = status
            results[case.name] = Judged(statuses, {f["code"] for f in file_report["findings"]})
    return results


#: Each reflection rule: its code, the label it answers to, and what it looks for in words.
REFLECTION_RULES = (("BK404", "learning", "learning"), ("BK402", "future_action", "future action"),
                    ("BK403", "policy_link", "policy link"))  # fmt: skip


@dataclass
class RuleTally:
    """One reflection rule over the statements: flagged though present, and silent though absent."""

    present: int = 0
    false_alarms: int = 0
    absent: int = 0
    missed: int = 0


@dataclass
class Tally:
    covered: int = 0
    missing: int = 0
    right: int = 0
    covered_as_missing: int = 0
    covered_as_unclear: int = 0
    missing_caught: int = 0
    statements: int = 0
    rules: dict[str, RuleTally] = field(default_factory=lambda: {code: RuleTally() for code, _, _ in REFLECTION_RULES})
    misses: list[str] = field(default_factory=list)

    def add(self, case: Case, judged: Judged) -> None:
        self.statements += 1
        for criterion, label in case.criteria.items():
            status = judged.statuses.get(criterion, "missing")
            if label == "covered":
                self.covered += 1
                self.right += status == "covered"
                self.covered_as_missing += status == "missing"
                self.covered_as_unclear += status == "unclear"
                if status != "covered":
                    self.misses.append(f"{case.name}: {criterion} covered, judged {status}")
            else:
                self.missing += 1
                caught = status in ("missing", "unclear")
                self.right += caught
                self.missing_caught += caught
                if not caught:
                    self.misses.append(f"{case.name}: {criterion} missing, judged covered")
        for code, label, name in REFLECTION_RULES:
            counts, flagged = self.rules[code], code in judged.codes
            if getattr(case, label):
                counts.present += 1
                counts.false_alarms += flagged
                if flagged:
                    self.misses.append(f"{case.name}: {code} though the {name} is there")
            else:
                counts.absent += 1
                counts.missed += not flagged
                if not flagged:
                    self.misses.append(f"{case.name}: no {code} though there is no {name}")

    def rows(self) -> list[tuple[str, str]]:
        total = self.covered + self.missing

        def share(part: int, whole: int) -> str:
            return f"{100 * part / whole:.0f}% ({part} of {whole})" if whole else "n/a"

        rows = [
            ("criteria judged right", share(self.right, total)),
            ("covered reported as not addressed (error)", share(self.covered_as_missing, self.covered)),
            ("covered called unclear (warning)", share(self.covered_as_unclear, self.covered)),
            ("not addressed that were caught", share(self.missing_caught, self.missing)),
        ]
        for code, _, name in REFLECTION_RULES:
            c = self.rules[code]
            wrong = share(c.false_alarms + c.missed, self.statements)
            detail = f"{c.false_alarms} of {c.present} false, {c.missed} of {c.absent} missed"
            rows.append((f"{code} {name}: statements wrong", f"{wrong}; {detail}"))
        return rows


def tally(cases: list[Case], results: dict[str, Judged]) -> tuple[Tally, Tally]:
    """The measures over the cases a version could check (an earlier one lacks the badges added since)."""
    bundled, user = Tally(), Tally()
    for case in cases:
        if case.name in results:
            (user if case.user_badge else bundled).add(case, results[case.name])
    return bundled, user


def print_table(title: str, before: Tally, after: Tally) -> None:
    rows_before, rows_after = before.rows(), after.rows()
    width = max(len(name) for name, _ in rows_after)
    column = max(len(value) for _, value in [*rows_before, ("", "before")])
    print(f"\n{title}: {after.statements} statements, {after.covered + after.missing} criteria "
          f"({after.missing} not addressed)")  # fmt: skip
    if before.statements != after.statements:
        print(f"  (before: {before.statements} of them; the earlier revision lacks the badges of the others)")
    print(f"  {'measure':<{width}}  {'before':<{column}}  now")
    for (name, old), (_, new) in zip(rows_before, rows_after, strict=True):
        print(f"  {name:<{width}}  {old:<{column}}  {new}")


def speed(old_src: Path, work: Path, runs: int, batch: int) -> None:
    """Whole-process check of one 1,000-word statement, and of a folder, before and now."""
    cases = [c for c in load_cases() if not c.user_badge and c.form == "criterion-headings"]
    long = max(cases, key=lambda c: len(c.statement.split()))
    text = long.statement
    while len(text.split()) < 1000:
        text += "\n\n" + long.statement.split("\n\n", 2)[-1]
    single = work / "one.md"
    single.write_text(f"---\nbadge: {long.badge}\n---\n\n{text}", encoding="utf-8")
    folder = work / "folder"
    folder.mkdir()
    for index in range(batch):
        case = cases[index % len(cases)]
        (folder / f"s{index}.md").write_text(f"---\nbadge: {case.badge}\n---\n\n{case.statement}", encoding="utf-8")
    env = dict(os.environ, NO_COLOR="1", BADGEKIT_DATA_DIR=str(work / "data"))
    versions = {"before": str(old_src), "now": str(ROOT / "src")}
    commands = {
        "import typer, rich (floor)": [sys.executable, "-c", "import typer, rich"],
        **{
            f"check --format json ({name})": [sys.executable, "-c", _RUN.format(src=src), "check", "--format",
                                              "json", str(single)]
            for name, src in versions.items()
        },
    }  # fmt: skip
    words = len(single.read_text(encoding="utf-8").split())
    print(f"\nOne statement of about {words} words, {runs} runs each, whole process, CPU time:")
    print_side_by_side(time_alternately(commands, env, runs), "import typer, rich (floor)", "× floor")
    print(f"\nA folder of {batch} statements in one call (the work spread over the cores):")
    for name, src in versions.items():
        seconds = time_once([sys.executable, "-c", _RUN.format(src=src), "check", "--format", "json", str(folder)], env)
        print(f"  {name:7} {seconds:6.2f} CPU s   {batch / seconds:6.0f} statements per CPU second")


#: Runs badgekit from a given source folder as a whole process, as its console script would.
_RUN = "import sys; sys.path.insert(0, {src!r}); sys.argv[0] = 'badgekit'; from badgekit.cli import main; main()"


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--half", choices=["frozen", "dev", "all"], default="frozen")
    parser.add_argument("--round", type=int, choices=[1, 2, 3], help="only the cases of one round of writing")
    parser.add_argument("--before", default=DEFAULT_BEFORE, help="the revision to compare with")
    parser.add_argument("--show-misses", action="store_true", help="list each wrong judgement of the new engine")
    parser.add_argument("--speed", action="store_true", help="also time both versions on one statement and a folder")
    parser.add_argument("--runs", type=int, default=20, help="with --speed: whole-process runs of each")
    parser.add_argument("--batch", type=int, default=1000, help="with --speed: statements in the folder")
    args = parser.parse_args()
    cases = load_cases(None if args.half == "all" else args.half)
    if args.round:
        cases = [c for c in cases if c.round == args.round]
    if not cases:
        raise SystemExit("no labelled statements found in benchmarks/data/judgement/cases/")
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        (work / "old").mkdir()
        (work / "new").mkdir()
        old_src = export_revision(args.before, work / "old-code")
        old = run_version(old_src, cases, work / "old")
        new = run_version(ROOT / "src", cases, work / "new")
        if args.speed:
            speed(old_src, work, args.runs, args.batch)
    which = f", round {args.round}" if args.round else ""
    print(f"badgekit check on the {args.half} half{which} ({len(cases)} statements): {args.before} (before) and now")
    old_bundled, old_user = tally(cases, old)
    new_bundled, new_user = tally(cases, new)
    print_table("Bundled badges", old_bundled, new_bundled)
    print_table("User-written badges (criterion text only)", old_user, new_user)
    if args.show_misses:
        print("\nWrong judgements now:")
        for line in new_bundled.misses + new_user.misses:
            print(f"  {line}")


if __name__ == "__main__":
    main()
