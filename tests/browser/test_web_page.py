"""badgekit web in a real browser, by keyboard alone: a Thing 19 statement drafted through the page, the server
killed mid-answer and started again with nothing lost, the statement checked, a planted name replaced with one
key press, the plain text copied; then the same draft carried on with ``badgekit draft`` in a real terminal.

Every page passes axe-core at desktop and phone width, fits a phone without sideways scrolling, and runs
nothing the Content-Security-Policy refuses. Screenshots of each page are kept in test-artifacts/.
"""

from __future__ import annotations

import http.client
import json
import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from chromium import Chromium, Page
from test_draft_terminal import spawn, write_statement
from test_export_page import run_axe

pytestmark = pytest.mark.browser

BADGE = "thing-19-citizen-leadership"
PLANTED = "Mrs O'Brien"
ANSWERS = [
    f"People I support have been called challenging, vulnerable and hard to reach. {PLANTED} told me her son "
    "was known on the ward as a bed blocker, which shocked me. I learned how quickly a label replaces a person "
    "in the way a team talks, and I now notice it in handovers.",
    "These labels limited what people were offered. A young man called challenging was left out of the cooking "
    "group because staff expected trouble, and he lost the chance to learn a skill he wanted. I realised that "
    "our expectations had become his limits, so I raised it at our team meeting.",
    "I helped a woman I support to chair part of our residents' meeting. We practised together beforehand and "
    "she asked people what they wanted from the garden project. She told me afterwards that she felt listened "
    "to for the first time in years, and I learned to step back and let her lead.",
]
FOURTH_START = "People who use our service now sit on the interview panel for new support workers. "
FOURTH_REST = (
    "Their questions are often the ones that matter most to the people we support. In future I will ask the "
    "panel to help shape our induction too, in line with our organisation's participation policy."
)


@dataclass
class Server:
    """One ``badgekit web`` process, started as a learner starts it, and the address it printed."""

    process: subprocess.Popen[str]
    address: str

    @property
    def base(self) -> str:
        return self.address.split("/?", 1)[0]

    @property
    def port(self) -> int:
        return int(self.base.rsplit(":", 1)[1])

    def kill(self) -> None:
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)


def environment(folder: Path) -> dict[str, str]:
    env = {**os.environ, "BADGEKIT_DATA_DIR": str(folder / "data"), "NO_COLOR": "1", "TERM": "xterm"}
    env.pop("BADGEKIT_DRAFTS_DIR", None)
    return env


def start_server(folder: Path) -> Server:
    process = subprocess.Popen(
        [sys.executable, "-m", "badgekit", "web", "--no-browser"],
        cwd=folder,
        env=environment(folder),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    assert process.stdout is not None
    first = process.stdout.readline()
    found = re.search(r"http://127\.0\.0\.1:\d+/\?token=[\w-]+", first)
    assert found, first + process.stdout.read()
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:  # the address is printed just before uvicorn takes the socket
        try:
            http.client.HTTPConnection("127.0.0.1", int(found[0].split(":")[2].split("/")[0]), timeout=2).connect()
            break
        except OSError:
            time.sleep(0.05)
    return Server(process, found[0])


@pytest.fixture
def serve(tmp_path: Path) -> Iterator[Callable[[], Server]]:
    """Start badgekit web in the test's folder; every server started is ended at the end (SIGKILL: only the
    drafts store may keep anything)."""
    started: list[Server] = []

    def start() -> Server:
        started.append(start_server(tmp_path))
        return started[-1]

    yield start
    for server in started:
        if server.process.poll() is None:
            server.kill()


def open_answer(page: Page, server: Server, number: int = 1) -> None:
    """Open the address badgekit printed, then a criterion's page, with the keyboard in its answer box."""
    page.visit(server.address)
    page.visit(f"{server.base}/write/{BADGE}/{number}")
    tab_to(page, "#answer")


def tab_to(page: Page, selector: str, limit: int = 60) -> None:
    """Press Tab until the element is focused, as a keyboard user would; fail if it cannot be reached."""
    for _ in range(limit):
        if page.evaluate(f"document.activeElement === document.querySelector({json.dumps(selector)})"):
            return
        page.key("Tab")
    raise AssertionError(f"{selector} cannot be reached with the Tab key")


def answer_criterion(page: Page, text: str) -> None:
    tab_to(page, "#answer")
    page.type_text(text)
    page.wait_for("document.querySelector('[data-saved]').textContent === 'Saved.'")


def saved_draft(folder: Path) -> dict[str, object]:
    data: dict[str, object] = json.loads((folder / "data" / "drafts" / f"{BADGE}.json").read_text(encoding="utf-8"))
    return data


def test_a_thing_19_statement_drafted_killed_checked_replaced_copied_then_finished_in_the_terminal(
    chromium: Chromium, tmp_path: Path, serve: Callable[[], Server], artifacts: Path
) -> None:
    server = serve()
    with chromium.page(width=1200, height=900) as page:
        page.visit(server.address)
        assert page.evaluate("location.search") == ""  # the token has left the address bar
        tab_to(page, "#q")
        page.type_text("thing 19")
        page.key_and_wait("Enter")
        tab_to(page, f"a[href='/write/{BADGE}']")
        page.key_and_wait("Enter")
        tab_to(page, f"a[href='/write/{BADGE}/1']:not(.criteria a)")
        page.key_and_wait("Enter")
        for number, text in enumerate(ANSWERS, 1):
            assert page.evaluate("document.querySelector('h1').textContent") == f"Question {number} of 4"
            answer_criterion(page, text)
            if number == 1:  # checked as it is written: the name is marked beside the box, with no reload
                page.wait_for(f"document.querySelector('#as-you-write mark.error')?.textContent === {PLANTED!r}")
            tab_to(page, "button[value=next]")
            page.key_and_wait("Enter")
        answer_criterion(page, FOURTH_START)  # half an answer, saved at the pause; then the server is killed
        assert page.record.errors() == []
        server.kill()
        assert saved_draft(tmp_path)["answers"]["citizen-leaders"]["text"] == FOURTH_START.strip()  # type: ignore[index]

        first, server = server, serve()
        assert server.address != first.address  # a new port and a new token
        page.visit(server.address)
        killed = len(page.record.errors())  # a request cut off by the kill (the check beside the answer) fails
        assert "Your drafts" in page.evaluate("document.body.innerText")
        page.visit(f"{server.base}/write/{BADGE}/4")
        assert page.evaluate("document.querySelector('#answer').value") == FOURTH_START.strip()  # nothing lost
        tab_to(page, "#answer")
        page.evaluate("document.querySelector('#answer').setSelectionRange(1e6, 1e6)")
        page.type_text(" " + FOURTH_REST)
        tab_to(page, "button[value=check]")
        page.key_and_wait("Enter")

        shown = page.evaluate("document.body.innerText")
        assert page.evaluate("document.querySelector('mark.error').textContent") == PLANTED
        assert "Evidenced" in shown and "Rests on:" in shown and "What you learned" in shown
        tab_to(page, "form[action$='/replace'] button")
        page.key_and_wait("Enter")
        assert page.evaluate("document.querySelectorAll('mark.error, mark.warning').length") == 0
        assert PLANTED not in page.evaluate("document.body.innerText")

        tab_to(page, f"a[href='/export/{BADGE}']")
        page.key_and_wait("Enter")
        page.send("Browser.grantPermissions", {"permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"]})
        page.send("Emulation.setFocusEmulationEnabled", {"enabled": True})
        tab_to(page, "button[data-copy]")
        page.key("Enter")
        page.wait_for("document.querySelector('#copy-status').textContent.startsWith('Copied')")
        copied = page.evaluate("navigator.clipboard.readText()", wait=True)
        assert copied == page.evaluate("document.querySelector('#plain-text').value")
        assert "Mrs A told me her son" in copied and "#" not in copied
        assert page.record.errors()[killed:] == []
    server.kill()

    child = spawn(tmp_path, BADGE)  # badgekit draft in a real terminal, as tests/test_draft_terminal.py runs it
    child.expect_exact("You have a draft of this badge: 4 answers")
    child.expect_exact("Carry on with it?")
    child.sendline("y")
    write_statement(child)
    statement = (tmp_path / f"{BADGE}-statement.md").read_text(encoding="utf-8")
    assert "Mrs A told me her son" in statement and PLANTED not in statement
    assert FOURTH_START.strip() + " " + FOURTH_REST in statement


def request(server: Server, method: str, path: str, headers: dict[str, str]) -> int:
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    connection.request(method, path, body="answer=x&keep=1" if method == "POST" else None, headers=headers)
    status = connection.getresponse().status
    connection.close()
    return status


def test_the_running_server_refuses_a_wrong_token_host_or_origin(tmp_path: Path, serve: Callable[[], Server]) -> None:
    server = serve()
    host = f"127.0.0.1:{server.port}"
    opened = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    opened.request("GET", server.address.split(host, 1)[1], headers={"Host": host})
    answer = opened.getresponse()
    cookie = answer.getheader("set-cookie", "").split(";")[0]
    assert answer.status == 303 and cookie.startswith(f"badgekit-{server.port}=")
    good = {"Host": host, "Cookie": cookie}
    assert request(server, "GET", "/", good) == 200
    assert request(server, "GET", "/", {"Host": host}) == 403  # no token
    assert request(server, "GET", "/?token=wrong", {"Host": host}) == 403
    assert request(server, "GET", "/", {**good, "Cookie": f"badgekit-{server.port}=wrong"}) == 403
    assert request(server, "GET", "/", {**good, "Host": f"rebound.example:{server.port}"}) == 421
    form = {**good, "Content-Type": "application/x-www-form-urlencoded"}
    assert request(server, "POST", f"/write/{BADGE}/1", {**form, "Origin": "http://evil.example"}) == 403
    assert request(server, "POST", f"/write/{BADGE}/1", form) == 403  # no Origin
    assert not (tmp_path / "data" / "drafts" / f"{BADGE}.json").exists()
    assert request(server, "POST", f"/write/{BADGE}/1", {**form, "Origin": f"http://{host}"}) == 303


def seed_drafts(folder: Path) -> None:
    """Two drafts written as the terminal would, for the tour of every page: one with a planted name, one without."""
    from badgekit.badges.catalogue import load_catalogue
    from badgekit.drafting.store import Draft, DraftStore

    answers = [*ANSWERS, FOURTH_START + FOURTH_REST]
    for badge_id, texts in ((BADGE, answers), (CLEAN, [a.replace(PLANTED, "A mother") for a in answers])):
        badge = load_catalogue().get(badge_id)
        draft = Draft(badge=badge.id, title=badge.title)
        for criterion, text in zip(badge.criteria, texts, strict=False):  # leadership has more criteria
            draft.set_answer(criterion.id, text)
        DraftStore(folder / "data" / "drafts").save(draft)


CLEAN = "leadership-across-boundaries"


def put_statement(folder: Path) -> None:
    """The statement 'badgekit draft' would write in the folder, for the manager's review."""
    from badgekit.badges.catalogue import load_catalogue
    from badgekit.render import render_markdown

    badge = load_catalogue().get(BADGE)
    answers = dict(zip([c.id for c in badge.criteria], [*ANSWERS, FOURTH_START + FOURTH_REST], strict=True))
    (folder / f"{BADGE}-statement.md").write_text(render_markdown(badge, answers), encoding="utf-8")


PAGES = {
    "home": "/",
    "start": f"/write/{BADGE}",
    "write": f"/write/{BADGE}/1",
    "check": f"/check/{BADGE}",
    "export-stopped": f"/export/{BADGE}",
    "export": f"/export/{CLEAN}",
    "open": "/open",
    "level": "/write/multi-agency-expectations",
    "problem": "/write/no-such-badge",
    "review-list": "/review",
    "review": f"/review/{BADGE}-statement.md",
}

#: The pages that answer with an error status on purpose, and the status.
REFUSING = {"export-stopped": 409, "problem": 404}


def test_every_page_passes_axe_fits_a_phone_and_is_kept_as_a_screenshot(
    chromium: Chromium, tmp_path: Path, serve: Callable[[], Server], axe_source: str, artifacts: Path
) -> None:
    seed_drafts(tmp_path)
    put_statement(tmp_path)
    server = serve()
    statement = tmp_path / "written-elsewhere.md"
    statement.write_text(f"---\nbadge: {BADGE}\n---\n\n{ANSWERS[0]}\n", encoding="utf-8")
    for size, (width, mobile) in {"desktop": (1200, False), "phone": (390, True)}.items():
        with chromium.page(width=width, height=900, mobile=mobile) as page:
            page.visit(server.address)
            for name, path in PAGES.items():
                before = len(page.record.errors())
                page.visit(server.base + path)
                errors = page.record.errors()[before:]
                if name in REFUSING:  # the page says why it refused; the browser logs its status too
                    errors = [e for e in errors if f"status of {REFUSING[name]}" not in e]
                assert (name, errors) == (name, [])
                assert (name, run_axe(page, axe_source)) == (name, [])
                assert page.evaluate("document.documentElement.scrollWidth") <= width, (name, size)
                page.screenshot(artifacts / f"web-{name}-{size}.png")
            page.visit(server.base + "/open")
            node = page.send("DOM.getDocument")["root"]["nodeId"]
            found = page.send("DOM.querySelector", {"nodeId": node, "selector": "#statement"})["nodeId"]
            page.send("DOM.setFileInputFiles", {"files": [str(statement)], "nodeId": found})
            tab_to(page, "form button[type=submit]")
            page.key_and_wait("Enter")
            assert "What an assessor would say about written-elsewhere.md" in page.evaluate("document.body.innerText")
            assert run_axe(page, axe_source) == []
            page.screenshot(artifacts / f"web-checked-file-{size}.png")
            # nothing the Content-Security-Policy refused, no script errors (past the pages that refuse on purpose)
            assert not [e for e in page.record.errors() if "status of" not in e]
            assert all(url.startswith(server.base) or url == "about:blank" for url in page.record.requests)


def test_closing_the_tab_before_the_pause_loses_nothing(
    chromium: Chromium, tmp_path: Path, serve: Callable[[], Server]
) -> None:
    server = serve()
    with chromium.page() as page:
        open_answer(page, server)
        page.type_text(ANSWERS[0])
    # the tab is closed at once, before the pause that saves: the page saves as it goes
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and not (tmp_path / "data" / "drafts" / f"{BADGE}.json").exists():
        time.sleep(0.05)
    assert saved_draft(tmp_path)["answers"]["labels"]["text"] == ANSWERS[0]  # type: ignore[index]


def test_with_scripts_turned_off_the_buttons_save_and_the_check_and_export_still_read(
    chromium: Chromium, tmp_path: Path, serve: Callable[[], Server]
) -> None:
    server = serve()
    with chromium.page() as page:
        page.send("Emulation.setScriptExecutionDisabled", {"value": True})
        open_answer(page, server)
        page.type_text(ANSWERS[0].replace(PLANTED, "A mother"))
        tab_to(page, "button[value=check]")
        page.key_and_wait("Enter")
        assert page.evaluate("document.querySelector('h1').textContent") == "What an assessor would say"
        page.visit(f"{server.base}/export/{BADGE}")
        assert "A mother told me her son" in page.evaluate("document.querySelector('#plain-text').value")
        assert page.evaluate("document.querySelector('button[data-copy]').hidden")  # Copy needs the script
    assert saved_draft(tmp_path)["answers"]["labels"]["text"] == ANSWERS[0].replace(PLANTED, "A mother")  # type: ignore[index]


def test_while_the_terminal_has_the_draft_the_page_says_so_and_saves_once_it_is_free(
    chromium: Chromium, tmp_path: Path, serve: Callable[[], Server]
) -> None:
    from badgekit.drafting.store import DraftStore

    server = serve()
    store = DraftStore(tmp_path / "data" / "drafts")
    with chromium.page() as page:
        page.visit(server.address)
        page.visit(f"{server.base}/write/{BADGE}/1")
        with store.open_for_writing(BADGE):  # as 'badgekit draft' holds it
            tab_to(page, "#answer")
            page.type_text(ANSWERS[1])
            said = page.wait_for("document.querySelector('[data-saved]').textContent.startsWith('Not saved yet')")
            assert said and store.load(BADGE) is None
            shown = page.evaluate("document.querySelector('[data-saved]').textContent")
            assert "open in another badgekit window" in shown
        page.wait_for("document.querySelector('[data-saved]').textContent === 'Saved.'")  # tried again, by itself
    assert saved_draft(tmp_path)["answers"]["labels"]["text"] == ANSWERS[1]  # type: ignore[index]


def test_ctrl_c_stops_the_server_saying_so(tmp_path: Path, serve: Callable[[], Server]) -> None:
    server = serve()
    server.process.send_signal(signal.SIGINT)
    assert server.process.wait(timeout=20) == 130  # interrupted, as every badgekit command says it
    assert server.process.stdout is not None
    assert "badgekit web has stopped. Everything you typed is saved." in server.process.stdout.read()
