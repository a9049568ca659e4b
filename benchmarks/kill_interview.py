"""Kill ``badgekit draft`` at random points and count what is lost: the promise is nothing but the line being typed.

Each point starts an interview in a real pseudo-terminal (in a fresh data folder), types answers
line by line (a paste now and then, ``done`` at random), and stops it at a random moment with one
of: SIGKILL (as a crash or power cut stops it), SIGINT (Ctrl-C), SIGTERM, SIGHUP (``kill -HUP``),
or by closing the terminal (the window closed). The moment is after a line is entered, part-way
through a line, or straight after ``done`` while the answer is being saved.

Then it does what the next ``badgekit draft`` does first (badgekit.drafting.recovery.recover) and
reads the draft. A line counts as entered once badgekit has shown its next prompt (it has then
been read); an answer counts as given once badgekit has said "Saved.". Every line entered must be
in the draft (as an answer, notes, an earlier answer or text set aside), and so must every answer
given. The line still being typed may be lost, except with SIGINT and SIGHUP, which keep it.

    python benchmarks/kill_interview.py [--points 100] [--seed 17]

Prints a table per way of stopping and exits 1 if any line or answer was lost.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

BADGE = "leadership-across-boundaries"
TITLE = "Leading and managing across boundaries"
STOPS = ("SIGKILL", "SIGINT", "SIGTERM", "SIGHUP", "closed terminal")


@dataclass
class Point:
    """One run: how it was stopped, and what was entered, given and lost."""

    stop: str
    moment: str
    lines: int = 0
    lines_lost: int = 0
    answers: int = 0
    answers_lost: int = 0
    partial_lost: bool = False  # the line being typed (allowed to be lost)


def spawn(folder: Path) -> object:
    import pexpect

    env = {**os.environ, "BADGEKIT_DATA_DIR": str(folder / "data"), "NO_COLOR": "1", "TERM": "xterm"}
    env.pop("BADGEKIT_DRAFTS_DIR", None)
    return pexpect.spawn(
        sys.executable,
        ["-m", "badgekit", "draft", BADGE],
        cwd=str(folder),
        env=env,
        encoding="utf-8",
        timeout=20,
        dimensions=(50, 200),
    )


def line_text(number: int) -> str:
    return f"Line {number} of what I did with the community nurses, and what I learned from it."


def stop_child(child: object, stop: str) -> None:
    """Stop the interview as ``stop`` says, and wait for it to end."""
    import pexpect

    assert isinstance(child, pexpect.spawn)
    if stop == "closed terminal":
        os.close(child.child_fd)  # the window closed: the terminal hangs up
        child.child_fd = -1
        _wait(child.pid)
        return
    os.kill(child.pid, getattr(signal, stop))
    try:
        child.expect(pexpect.EOF, timeout=20)
    except pexpect.TIMEOUT:
        os.kill(child.pid, signal.SIGKILL)
    child.close(force=True)


def _wait(pid: int) -> None:
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        done, _status = os.waitpid(pid, os.WNOHANG)
        if done:
            return
        time.sleep(0.02)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)


def kept_texts(folder: Path) -> str:
    """Everything the draft holds after recovery, as one text to search."""
    from badgekit.drafting.recovery import recover
    from badgekit.drafting.store import DraftStore

    store = DraftStore(folder / "data" / "drafts")
    recover(store, BADGE, TITLE)
    path = store.path_for(BADGE)
    if not path.exists():
        return ""
    draft = json.loads(path.read_text(encoding="utf-8"))
    texts = [a["text"] for key in ("answers", "discussions") for a in draft.get(key, {}).values()]
    texts += [a["text"] for kept in draft.get("earlier", {}).values() for a in kept]
    texts += [a["text"] for a in draft.get("set_aside", [])]
    return "\n".join(texts)


def one_point(rng: random.Random, folder: Path, stop: str) -> Point:
    """Type until a random moment, stop, recover, and count."""
    child = spawn(folder)
    entered: list[str] = []
    given: list[str] = []
    answer: list[str] = []
    actions = rng.randint(1, 14)
    moment = rng.choice(("after a line", "part-way through a line", "while saving"))
    number = 0
    partial = ""
    child.expect_exact("press Enter.")  # type: ignore[attr-defined]
    child.expect_exact("> ")  # type: ignore[attr-defined]
    for step in range(actions):
        last = step == actions - 1
        if answer and (rng.random() < 0.3 or (last and moment == "while saving")):
            child.sendline("done")  # type: ignore[attr-defined]
            if last and moment == "while saving":
                time.sleep(rng.uniform(0, 0.03))  # somewhere in the save
                given_now = "\n".join(answer)
                break
            child.expect_exact("Saved.")  # type: ignore[attr-defined]
            given.append("\n".join(answer))
            answer = []
            child.expect_exact("press Enter.")  # type: ignore[attr-defined]
            child.expect_exact("> ")  # type: ignore[attr-defined]
            continue
        number += 1
        count = 1 if rng.random() < 0.8 else rng.randint(2, 4)  # now and then a paste of several lines
        lines = [line_text(number * 10 + i) for i in range(count)]
        child.send("\n".join(lines) + "\n")  # type: ignore[attr-defined]
        for _ in lines:
            child.expect_exact("> ")  # type: ignore[attr-defined]
        entered += lines
        answer += lines
    else:
        given_now = ""
        if moment == "part-way through a line":
            partial = f"Half a line {rng.randint(100, 999)} still being typed"
            child.send(partial)  # type: ignore[attr-defined]
            time.sleep(0.1)
    stop_child(child, stop)
    kept = kept_texts(folder)
    point = Point(stop, moment, lines=len(entered), answers=len(given) + bool(given_now))
    point.lines_lost = sum(1 for line in entered if line not in kept)
    point.answers_lost = sum(1 for text in [*given, given_now] if text and text not in kept)
    point.partial_lost = bool(partial) and partial not in kept
    return point


def run(points: int, seed: int, *, report: bool = True) -> list[Point]:
    rng = random.Random(seed)
    results = []
    with tempfile.TemporaryDirectory(prefix="badgekit-kill-") as scratch:
        for index in range(points):
            folder = Path(scratch) / f"point-{index}"
            folder.mkdir()
            stop = STOPS[index % len(STOPS)] if points >= len(STOPS) else rng.choice(STOPS)
            point = one_point(rng, folder, stop)
            results.append(point)
            if report and (point.lines_lost or point.answers_lost):
                print(f"point {index}: {point}", file=sys.stderr)
    return results


def summary(results: list[Point]) -> str:
    rows = ["| stopped by | points | lines entered | lines lost | answers given | answers lost | typing lost |"]
    rows.append("| --- | --- | --- | --- | --- | --- | --- |")
    for stop in [*STOPS, "all"]:
        chosen = [p for p in results if stop in ("all", p.stop)]
        partial = Counter(p.partial_lost for p in chosen if p.moment == "part-way through a line")
        rows.append(
            f"| {stop} | {len(chosen)} | {sum(p.lines for p in chosen)} | {sum(p.lines_lost for p in chosen)} "
            f"| {sum(p.answers for p in chosen)} | {sum(p.answers_lost for p in chosen)} "
            f"| {partial[True]} of {partial[True] + partial[False]} |"
        )
    return "\n".join(rows)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--points", type=int, default=100)
    parser.add_argument("--seed", type=int, default=17)
    args = parser.parse_args()
    started = time.monotonic()
    results = run(args.points, args.seed)
    print(summary(results))
    lost = sum(p.lines_lost for p in results), sum(p.answers_lost for p in results)
    print(
        f"\n{len(results)} points in {time.monotonic() - started:.0f} s: lines lost: {lost[0]}, answers lost: {lost[1]}"
    )
    return 1 if any(lost) else 0


if __name__ == "__main__":
    sys.exit(main())
