"""How fast ``badgekit web`` answers each page for a statement of about 1,000 words, against a static file.

A real ``badgekit web`` is started (as a learner starts it, in its own process) with one draft
of about 1,000 words; each page is then asked for over a kept-alive connection from this
process, in turn, so that a busy machine slows all alike. The page for choosing a badge, which
runs no check, is the baseline; the style sheet is a file sent as it is. The figure the issue
asks for is each page's median: under 100 ms.

    python benchmarks/web_speed.py [--runs 30]
"""

from __future__ import annotations

import argparse
import http.client
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

from startup import print_side_by_side  # beside this file: how benchmarks print

BADGE = "leadership-across-boundaries"
PARAGRAPH = (
    "When our team began joint visits with the community nurses, I set up a shared diary so that each of us "
    "knew who was visiting and why. At first I felt we were treading on each other's toes, so I asked for a "
    "meeting and we agreed roles. I learned that listening first changed how partners worked with us. Next "
    "time I will agree roles at the very start, in line with our organisation's supervision policy."
)


def seed_draft(data: Path) -> int:
    """A draft of about 1,000 words over the badge's criteria; its word count."""
    from badgekit.badges.catalogue import load_catalogue
    from badgekit.drafting.store import Draft, DraftStore

    badge = load_catalogue().get(BADGE)
    draft = Draft(badge=badge.id, title=badge.title)
    for criterion in badge.criteria:
        draft.set_answer(criterion.id, f"{PARAGRAPH}\n\n{PARAGRAPH}")
    DraftStore(data / "drafts").save(draft)
    return draft.words()


def start(folder: Path) -> tuple[subprocess.Popen[str], str]:
    env = {**os.environ, "BADGEKIT_DATA_DIR": str(folder / "data"), "NO_COLOR": "1"}
    env.pop("BADGEKIT_DRAFTS_DIR", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "badgekit", "web", "--no-browser"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    assert process.stdout is not None
    found = re.search(r"http://127\.0\.0\.1:(\d+)(/\?token=[\w-]+)", process.stdout.readline())
    if not found:
        raise SystemExit("badgekit web did not print its address")
    return process, found[0]


def connect(address: str) -> tuple[http.client.HTTPConnection, dict[str, str]]:
    port = int(address.split(":")[2].split("/")[0])
    for _ in range(200):
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            connection.request("GET", address.split(str(port), 1)[1])
            break
        except OSError:
            time.sleep(0.05)
    answer = connection.getresponse()
    answer.read()
    # As a browser does: without it, the client's delayed acknowledgements add about 40 ms to every answer.
    connection.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    cookie = (answer.getheader("set-cookie") or "").split(";")[0]
    return connection, {"Cookie": cookie, "Origin": f"http://127.0.0.1:{port}"}


def timed(connection: http.client.HTTPConnection, headers: dict[str, str], method: str, path: str) -> float:
    body = None
    sent = dict(headers)
    if method == "POST":
        body = urlencode({"answer": f"{PARAGRAPH}\n\n{PARAGRAPH} And one more sentence.", "keep": "0"})
        sent.update({"Content-Type": "application/x-www-form-urlencoded", "X-Badgekit-Save": "pause"})
    began = time.perf_counter()
    connection.request(method, path, body=body, headers=sent)
    answer = connection.getresponse()
    answer.read()
    spent = time.perf_counter() - began
    if answer.status != 200:
        raise SystemExit(f"{method} {path} answered {answer.status}")
    return spent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    pages = {
        "choose a badge (baseline)": ("GET", "/"),
        "style sheet": ("GET", "/static/badgekit.css"),
        "write criterion 1": ("GET", f"/write/{BADGE}/1"),
        "save at a pause": ("POST", f"/write/{BADGE}/1"),
        "the check beside the answer": ("GET", f"/write/{BADGE}/1/seen"),
        "check": ("GET", f"/check/{BADGE}"),
        "export (plain text)": ("GET", f"/export/{BADGE}"),
        "download the web page": ("GET", f"/export/{BADGE}/html"),
    }
    with tempfile.TemporaryDirectory() as folder:
        words = seed_draft(Path(folder) / "data")
        process, address = start(Path(folder))
        try:
            connection, headers = connect(address)
            for method, path in pages.values():  # warm up: the first check loads the judgement engine
                timed(connection, headers, method, path)
            times: dict[str, list[float]] = {name: [] for name in pages}
            for _ in range(args.runs):
                for name, (method, path) in pages.items():
                    times[name].append(timed(connection, headers, method, path))
        finally:
            process.terminate()
            process.wait(timeout=10)
    print_side_by_side(times, "choose a badge (baseline)", "× base", f"({args.runs} runs each, {words:,} words)")


if __name__ == "__main__":
    main()
