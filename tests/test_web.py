"""badgekit web through its guard, as a browser meets it (Starlette's test client), and the core it calls.

The whole journey in a real browser, with the server killed and restarted and the terminal
interview after it, is in tests/browser/test_web_page.py.
"""

from __future__ import annotations

import json
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from badgekit.badges.catalogue import load_catalogue
from badgekit.drafting.checked import check_draft, replace_detail
from badgekit.drafting.store import Draft, DraftStore
from badgekit.errors import BadgekitError
from badgekit.web.guard import CONTENT_SECURITY_POLICY, Guard
from badgekit.web.server import make_app
from badgekit.web.site import Site

PORT = 8123
BASE = f"http://127.0.0.1:{PORT}"
TOKEN = "a-secret-token-for-the-tests"
BADGE = "thing-19-citizen-leadership"
ORIGIN = {"Origin": BASE}
NAMED = "Some of the young people I support were called difficult. Mrs O'Brien said her son was labelled."


@pytest.fixture
def drafts(tmp_path: Path) -> DraftStore:
    return DraftStore(tmp_path / "drafts")


@pytest.fixture
def client(drafts: DraftStore) -> Iterator[TestClient]:
    """A browser that has opened the address badgekit printed: it holds the cookie."""
    guard = Guard(make_app(Site(load_catalogue(), drafts)), TOKEN, PORT)
    with TestClient(guard, base_url=BASE) as browser:
        opened = browser.get(f"/?token={TOKEN}", follow_redirects=False)
        assert opened.status_code == 303
        assert opened.headers["location"] == "/"  # the token leaves the address bar
        assert "HttpOnly" in opened.headers["set-cookie"] and "SameSite=Strict" in opened.headers["set-cookie"]
        yield browser


def saved(drafts: DraftStore) -> dict[str, str]:
    draft = drafts.load(BADGE)
    assert draft is not None
    return {cid: answer.text for cid, answer in draft.answers.items()}


# --- the guard ---------------------------------------------------------------------------


def test_a_request_without_the_token_or_with_a_wrong_one_is_refused(drafts: DraftStore) -> None:
    guard = Guard(make_app(Site(load_catalogue(), drafts)), TOKEN, PORT)
    with TestClient(guard, base_url=BASE) as stranger:
        assert stranger.get("/").status_code == 403
        refused = stranger.get("/?token=guessed", follow_redirects=False)
        assert refused.status_code == 403
        assert "address badgekit printed" in refused.text
        assert "set-cookie" not in refused.headers
        stranger.cookies.set(f"badgekit-{PORT}", "guessed")
        assert stranger.get("/").status_code == 403
        assert stranger.get(f"/write/{BADGE}/1").status_code == 403


def test_a_wrong_host_is_refused_even_with_the_cookie(client: TestClient) -> None:
    # DNS rebinding: a page elsewhere points its own name at 127.0.0.1 and reads the answer.
    refused = client.get("/", headers={"Host": f"evil.example:{PORT}"})
    assert refused.status_code == 421
    assert "not badgekit's" in refused.text
    assert client.get("/", headers={"Host": "127.0.0.1:9999"}).status_code == 421
    assert client.get("/").status_code == 200


def test_a_change_from_another_origin_or_none_is_refused(client: TestClient, drafts: DraftStore) -> None:
    form = {"answer": "I was made to say this.", "keep": "1"}
    evil = client.post(f"/write/{BADGE}/1", data=form, headers={"Origin": "http://evil.example"})
    assert evil.status_code == 403
    assert client.post(f"/write/{BADGE}/1", data=form).status_code == 403  # no Origin at all
    assert client.get("/", headers={"Origin": "http://evil.example"}).status_code == 403
    assert drafts.load(BADGE) is None  # nothing was written
    assert client.post(f"/write/{BADGE}/1", data=form, headers=ORIGIN, follow_redirects=False).status_code == 303
    assert saved(drafts) == {"labels": "I was made to say this."}


def test_every_answer_carries_the_strict_headers(client: TestClient) -> None:
    for path in ("/", f"/write/{BADGE}/1", "/static/badgekit.css", "/nowhere"):
        answer = client.get(path)
        assert answer.headers["content-security-policy"] == CONTENT_SECURITY_POLICY, path
        assert answer.headers["x-content-type-options"] == "nosniff"
        assert answer.headers["referrer-policy"] == "same-origin"
    assert "script-src 'self'" in CONTENT_SECURITY_POLICY and "unsafe-inline" not in CONTENT_SECURITY_POLICY


# --- choosing and writing ------------------------------------------------------------------


def test_badges_are_found_by_title_number_or_id(client: TestClient) -> None:
    for query in ("thing 19", "citizen", "thing-19-citizen-leadership"):
        page = client.get("/", params={"q": query}).text
        assert f'href="/write/{BADGE}"' in page, query
        assert 'href="/write/writing-evidence"' not in page, query
    assert 'href="/write/leadership-across-boundaries"' in client.get("/", params={"q": "#5"}).text
    assert "No badge matches" in client.get("/", params={"q": "astronomy"}).text


def test_an_answer_saved_at_a_pause_goes_to_the_drafts_store_owner_only(client: TestClient, drafts: DraftStore) -> None:
    pause = {"X-Badgekit-Save": "pause", **ORIGIN}
    first = client.post(f"/write/{BADGE}/1", data={"answer": "People I support", "keep": "1"}, headers=pause)
    assert first.json()["saved"] is True
    client.post(f"/write/{BADGE}/1", data={"answer": "People I support are called", "keep": "0"}, headers=pause)
    last = client.post(
        f"/write/{BADGE}/1", data={"answer": "People I support are called many things.", "keep": "0"}, headers=pause
    )
    assert last.json()["words"] == 7
    assert "more to reach the minimum" in last.json()["status"]
    assert saved(drafts) == {"labels": "People I support are called many things."}
    draft = drafts.load(BADGE)
    assert draft is not None and draft.earlier == {}  # the pauses of one answer do not fill 'earlier'
    path = drafts.path_for(BADGE)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_a_replaced_answer_is_kept_in_earlier_as_the_terminal_keeps_it(client: TestClient, drafts: DraftStore) -> None:
    client.post(f"/write/{BADGE}/1", data={"answer": "My first answer.", "keep": "1"}, headers=ORIGIN)
    client.post(f"/write/{BADGE}/1", data={"answer": "My second answer.", "keep": "1"}, headers=ORIGIN)
    draft = drafts.load(BADGE)
    assert draft is not None
    assert [a.text for a in draft.earlier["labels"]] == ["My first answer."]


def test_the_buttons_save_and_go_where_they_say(client: TestClient, drafts: DraftStore) -> None:
    def press(number: int, go: str) -> str:
        answer = client.post(
            f"/write/{BADGE}/{number}",
            data={"answer": f"Answer {number}.", "keep": "1", "go": go},
            headers=ORIGIN,
            follow_redirects=False,
        )
        assert answer.status_code == 303
        return str(answer.headers["location"])

    assert press(1, "next") == f"/write/{BADGE}/2"
    assert press(2, "back") == f"/write/{BADGE}/1"
    assert press(1, "4") == f"/write/{BADGE}/4"
    assert press(4, "next") == f"/check/{BADGE}"  # the last one goes on to the check
    assert press(3, "check") == f"/check/{BADGE}"
    assert saved(drafts) == {
        "labels": "Answer 1.",
        "limited-opportunities": "Answer 2.",
        "develop-leadership-skills": "Answer 3.",
        "citizen-leaders": "Answer 4.",
    }


def test_the_learners_text_is_shown_as_typed_never_run(client: TestClient) -> None:
    typed = '<script>alert(1)</script> <img src=x onerror="alert(2)"> {{ 7*7 }}'
    client.post(f"/write/{BADGE}/1", data={"answer": typed, "keep": "1"}, headers=ORIGIN)
    page = client.get(f"/write/{BADGE}/1").text
    assert "<script>alert(1)" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "{{ 7*7 }}" in page
    assert "&lt;script&gt;" in client.get(f"/check/{BADGE}").text


def test_a_draft_started_in_the_terminal_carries_on_here(client: TestClient, drafts: DraftStore) -> None:
    badge = load_catalogue().get(BADGE)
    draft = Draft(badge=badge.id, title=badge.title)
    draft.set_answer("labels", "Typed in the terminal.")
    drafts.save(draft)
    start = client.get(f"/write/{BADGE}").text
    assert "You have answered 1 of 4." in start
    assert f'href="/write/{BADGE}/2"' in start and "Carry on with question 2" in start
    assert "Typed in the terminal." in client.get(f"/write/{BADGE}/1").text


def test_a_terminal_interview_holding_the_draft_is_not_overwritten(client: TestClient, drafts: DraftStore) -> None:
    with drafts.open_for_writing(BADGE):
        refused = client.post(f"/write/{BADGE}/1", data={"answer": "From the page.", "keep": "1"}, headers=ORIGIN)
        paused = client.post(
            f"/write/{BADGE}/1",
            data={"answer": "From the page.", "keep": "1"},
            headers={"X-Badgekit-Save": "pause", **ORIGIN},
        )
    assert refused.status_code == 409
    assert "open in another badgekit window" in refused.text
    assert paused.json()["saved"] is False  # the page's script says why, beside the box
    assert "open in another badgekit window" in paused.json()["message"]
    assert drafts.load(BADGE) is None


def test_a_framework_asks_for_the_level_first(client: TestClient, drafts: DraftStore) -> None:
    assert "Which level do you work at?" in client.get("/write/multi-agency-expectations").text
    chosen = client.post("/write/multi-agency-expectations/level", data={"level": "direct-practice"}, headers=ORIGIN)
    assert "Expectation 1 of" in client.get("/write/multi-agency-expectations/1").text or chosen.status_code == 200
    draft = drafts.load("multi-agency-expectations")
    assert draft is not None and draft.level == "direct-practice"


def test_unknown_badges_and_numbers_are_said_plainly(client: TestClient) -> None:
    unknown = client.get("/write/thing-91")
    assert unknown.status_code == 404
    assert "there is no badge called" in unknown.text and "Traceback" not in unknown.text
    assert "has no question 9" in client.get(f"/write/{BADGE}/9").text


# --- checking, replacing and exporting ---------------------------------------------------------


def write_answers(client: TestClient, answers: list[str]) -> None:
    for number, text in enumerate(answers, 1):
        client.post(f"/write/{BADGE}/{number}", data={"answer": text, "keep": "1"}, headers=ORIGIN)


def test_the_check_shows_status_evidence_reflection_and_highlights_a_name(client: TestClient) -> None:
    write_answers(client, [NAMED, "I learned that labels limit what people are offered."])
    page = client.get(f"/check/{BADGE}").text
    assert '<mark id="detail-1" class="error">Mrs O&#39;Brien</mark>' in page
    assert "Replace “Mrs O&#39;Brien” with “Mrs A”" in page
    assert "Not evidenced" in page and "Rests on:" in page
    assert "What you learned" in page and "What you will do next" in page
    assert "BK101" in page  # far too few words


def test_one_click_replaces_the_name_and_keeps_the_text_before(client: TestClient, drafts: DraftStore) -> None:
    write_answers(client, [NAMED])
    form = {"criterion": "labels", "notes": "0", "start": "58", "expected": "Mrs O'Brien", "replacement": "Mrs A"}
    done = client.post(f"/check/{BADGE}/replace", data=form, headers=ORIGIN, follow_redirects=False)
    assert done.status_code == 303
    assert saved(drafts)["labels"] == NAMED.replace("Mrs O'Brien", "Mrs A")
    after = client.get(f"/check/{BADGE}").text
    assert 'class="error">Mrs' not in after and "Mrs O&#39;Brien" not in after  # a note on Mrs A stays
    again = client.post(f"/check/{BADGE}/replace", data=form, headers=ORIGIN)
    assert again.status_code == 409 and "has changed since it was checked" in again.text


def test_export_stops_on_a_name_and_then_gives_the_text_and_downloads(client: TestClient) -> None:
    write_answers(client, [NAMED])
    stopped = client.get(f"/export/{BADGE}")
    assert stopped.status_code == 409 and "Nothing was exported" in stopped.text
    assert client.get(f"/export/{BADGE}/md").status_code == 409
    write_answers(client, [NAMED.replace("Mrs O'Brien", "A mother")])
    page = client.get(f"/export/{BADGE}").text
    assert "A mother said her son was labelled." in page and 'data-copy="plain-text"' in page
    for kind, media in (("text", "text/plain"), ("md", "text/markdown"), ("html", "text/html"), ("json", "json")):
        got = client.get(f"/export/{BADGE}/{kind}")
        assert got.status_code == 200 and media in got.headers["content-type"], kind
        assert got.headers["content-disposition"].startswith("attachment;")
        assert "A mother said her son was labelled." in got.text
    assert json.loads(client.get(f"/export/{BADGE}/json").text)["type"] == ["Evidence"]
    word = client.get(f"/export/{BADGE}/docx")
    assert word.content.startswith(b"PK\x03\x04") and "wordprocessingml" in word.headers["content-type"]
    assert client.get(f"/export/{BADGE}/pdf").status_code == 409


def test_a_statement_file_is_opened_and_checked(client: TestClient, tmp_path: Path) -> None:
    text = f"---\nbadge: {BADGE}\n---\n\n{NAMED}\n"
    files = {"statement": ("my-notes.md", text.encode(), "text/markdown")}
    page = client.post("/open", files=files, data={"badge": ""}, headers=ORIGIN).text
    assert "What an assessor would say about my-notes.md" in page
    assert "Mrs A said her son was labelled." in page  # the copy with each detail replaced
    word = Path(__file__).parent / "documents" / "leadership-across-boundaries.docx"
    files = {"statement": ("mine.docx", word.read_bytes(), "application/octet-stream")}
    page = client.post("/open", files=files, data={"badge": ""}, headers=ORIGIN).text
    assert "What an assessor would say about mine.docx" in page and "paragraph" in page
    broken = {"statement": ("notes.docx", b"PK\x03\x04rest", "application/octet-stream")}
    refused = client.post("/open", files=broken, headers=ORIGIN)
    assert refused.status_code == 409 and "Traceback" not in refused.text
    nothing = client.post("/open", data={"badge": ""}, files={"statement": ("", b"", "text/plain")}, headers=ORIGIN)
    assert "no file was chosen" in nothing.text


# --- the core the page calls ------------------------------------------------------------------


def test_check_draft_places_each_detail_in_its_own_answer() -> None:
    catalogue = load_catalogue()
    badge = catalogue.get(BADGE)
    draft = Draft(badge=badge.id, title=badge.title)
    draft.set_answer("labels", "Labels are everywhere.")
    draft.set_answer("limited-opportunities", NAMED)
    checked = check_draft(badge, draft, catalogue)
    (detail,) = checked.details
    assert (detail.criterion, detail.notes, detail.text, detail.suggestion) == (
        "limited-opportunities",
        False,
        "Mrs O'Brien",
        "Mrs A",
    )
    assert NAMED[detail.start : detail.end] == "Mrs O'Brien"
    replace_detail(draft, "limited-opportunities", False, detail.start, detail.text, "Mrs A")
    assert draft.answer("limited-opportunities") == NAMED.replace("Mrs O'Brien", "Mrs A")
    assert [a.text for a in draft.earlier["limited-opportunities"]] == [NAMED]
    with pytest.raises(BadgekitError, match="has changed"):
        replace_detail(draft, "limited-opportunities", False, detail.start, "Mrs O'Brien", "Mrs A")


def test_badgekit_web_says_how_to_install_the_extra_when_it_is_missing(
    run: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "starlette.applications", None)  # as if Starlette were not installed
    monkeypatch.delitem(sys.modules, "badgekit.web.server", raising=False)
    result = run("web", "--no-browser")  # type: ignore[operator]
    assert result.exit_code == 3
    assert "pip install 'badgekit[web]'" in result.stderr


def test_the_privacy_gate_can_leave_out_the_other_rules() -> None:
    from badgekit.export.gate import screen

    text = f"---\nbadge: {BADGE}\n---\n\nToo short to pass, but nothing identifying.\n"
    full = screen(text, "s.md", load_catalogue())
    assert any(f.code == "BK101" for f in full.others)
    assert screen(text, "s.md", load_catalogue(), others=False).others == ()


# --- the manager's review ---------------------------------------------------------------------


@pytest.fixture
def reviewing(tmp_path: Path, drafts: DraftStore) -> Iterator[tuple[TestClient, Path]]:
    """A browser on a badgekit web started in a folder that holds one statement."""
    from badgekit.render import render_markdown

    badge = load_catalogue().get(BADGE)
    answers = {c.id: f"{NAMED.replace('Mrs O', 'A mother, Mrs O')} I learned a lot." for c in badge.criteria}
    folder = tmp_path / "statements"
    folder.mkdir()
    (folder / f"{BADGE}-statement.md").write_text(render_markdown(badge, answers), encoding="utf-8")
    guard = Guard(make_app(Site(load_catalogue(), drafts, folder=folder)), TOKEN, PORT)
    with TestClient(guard, base_url=BASE) as browser:
        browser.get(f"/?token={TOKEN}")
        yield browser, folder


def test_a_manager_goes_through_the_checklist_beside_the_statement(reviewing: tuple[TestClient, Path]) -> None:
    from badgekit.review.record import load_review

    client, folder = reviewing
    listed = client.get("/review").text
    assert f'href="/review/{BADGE}-statement.md"' in listed and "not reviewed yet" in listed
    page = client.get(f"/review/{BADGE}-statement.md").text
    assert "SSSC's checklist" in page and "This point is not met" in page  # a name: point 6 settled
    assert '<li value="1">---</li>' in page  # the statement beside it, line by line
    form = {f"{point}.judgement": "met" for point in ("criteria", "understood", "activities", "learning-points")}
    form |= {"criteria.comment": "Good work.", "actions": "Share it at the team meeting.\n", "go": "save"}
    saved_now = client.post(f"/review/{BADGE}-statement.md", data=form, headers=ORIGIN)
    assert saved_now.status_code == 200
    target = folder / f"{BADGE}-statement-review.yaml"
    record = load_review(str(target))
    assert not record.finished and record.point("criteria").comment == "Good work."
    assert record.actions == ["Share it at the team meeting."] and record.follow_up is not None
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    refused = client.post(f"/review/{BADGE}-statement.md", data={"go": "finish"}, headers=ORIGIN)
    assert refused.status_code == 409 and "point 5" in refused.text  # policies has no judgement yet
    done = client.post(
        f"/review/{BADGE}-statement.md", data={**form, "policies.judgement": "not sure", "go": "finish"}, headers=ORIGIN
    )
    assert "Download the copy for the learner" in done.text and "Changes are needed" in done.text
    assert load_review(str(target)).finished
    copy = client.get(f"/review/{BADGE}-statement.md/copy")
    assert copy.status_code == 200 and "attachment" in copy.headers["content-disposition"]
    assert "Good work." in copy.text
    assert client.post(f"/review/{BADGE}-statement.md", data=form, headers=ORIGIN).status_code == 409


def test_the_review_names_statements_only_in_its_folder(reviewing: tuple[TestClient, Path]) -> None:
    client, _folder = reviewing
    for name in ("..%2Fsecret-statement.md", "other-statement.md", "%2Fetc%2Fpasswd"):
        answer = client.get(f"/review/{name}")
        assert answer.status_code in (404, 409), name
    assert "there is no statement called" in client.get("/review/other-statement.md").text


def test_the_other_commands_never_import_the_web_libraries(tmp_path: Path) -> None:
    import subprocess
    import sys

    statement = tmp_path / "s.md"
    statement.write_text(f"---\nbadge: {BADGE}\n---\n\n{NAMED}\n", encoding="utf-8")
    program = (
        "import sys\nfrom badgekit.cli import main\n"
        f"sys.argv = ['badgekit', 'check', {str(statement)!r}]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('WEB', sorted(m for m in ('starlette', 'uvicorn', 'multipart', 'badgekit.web') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, check=False)
    assert "WEB []" in result.stdout, result.stdout + result.stderr


def test_the_answer_is_checked_as_it_is_written_and_a_name_replaced_from_beside_it(
    client: TestClient, drafts: DraftStore
) -> None:
    pause = {"X-Badgekit-Save": "pause", **ORIGIN}
    assert "What the check sees" not in client.get(f"/write/{BADGE}/1").text  # nothing written yet
    assert client.get(f"/write/{BADGE}/1/seen").text == ""
    assert client.get(f"/write/{BADGE}/9/seen").status_code == 409
    client.post(f"/write/{BADGE}/1", data={"answer": NAMED, "keep": "1"}, headers=pause)
    panel = client.get(f"/write/{BADGE}/1/seen").text
    assert '<mark class="error">Mrs O&#39;Brien</mark>' in panel and 'name="back" value="/write/' in panel
    assert "Evidenced" in panel or "Unclear" in panel or "Not evidenced" in panel
    assert "Question 2: not evidenced" in panel  # the statement so far, beside every answer
    assert "What you learned: not said yet" in panel
    page = client.get(f"/write/{BADGE}/1").text
    assert '<mark class="error">Mrs O&#39;Brien</mark>' in page
    form = {"criterion": "labels", "notes": "0", "start": "58", "expected": "Mrs O'Brien", "replacement": "Mrs A"}
    done = client.post(
        f"/check/{BADGE}/replace", data={**form, "back": f"/write/{BADGE}/1"}, headers=ORIGIN, follow_redirects=False
    )
    assert done.headers["location"] == f"/write/{BADGE}/1"
    beside = client.get(f"/write/{BADGE}/1/seen").text
    assert "Mrs O&#39;Brien" not in beside and "must come out" not in beside
    client.post(f"/write/{BADGE}/1", data={"answer": NAMED, "keep": "1"}, headers=ORIGIN)
    elsewhere = client.post(
        f"/check/{BADGE}/replace",
        data={**form, "back": "https://evil.example/"},
        headers=ORIGIN,
        follow_redirects=False,
    )
    assert elsewhere.headers["location"] == f"/check/{BADGE}#privacy"  # never sent to another site


def test_the_server_listens_on_this_computer_only_at_a_new_port_and_token_each_time(drafts: DraftStore) -> None:
    from badgekit.web.server import prepare

    first, second = (prepare(Site(load_catalogue(), drafts)) for _ in range(2))
    try:
        assert first.sock.getsockname()[0] == "127.0.0.1"
        assert first.sock.getsockname()[1] != second.sock.getsockname()[1]
        assert first.address.split("token=")[1] != second.address.split("token=")[1]
        assert len(first.address.split("token=")[1]) >= 40  # 32 random bytes
    finally:
        first.sock.close()
        second.sock.close()


def test_notes_from_a_discussion_are_asked_for_where_the_criterion_asks_and_saved_beside_the_answer(
    client: TestClient, drafts: DraftStore
) -> None:
    page = client.get("/write/writing-evidence/2").text
    assert 'name="notes"' in page and "Name people by their role, not their name." in page
    assert 'name="notes"' not in client.get("/write/writing-evidence/1").text
    form = {"answer": "I will ask my manager to read it.", "notes": "My line manager and I agreed a date.", "keep": "1"}
    client.post("/write/writing-evidence/2", data=form, headers=ORIGIN)
    draft = drafts.load("writing-evidence")
    assert draft is not None
    assert draft.answer("involve-your-manager") == "I will ask my manager to read it."
    assert draft.discussion("involve-your-manager") == "My line manager and I agreed a date."


def test_the_start_says_first_what_the_terminal_says_first(client: TestClient) -> None:
    closed = client.get("/write/learning-challenge-activity-2020-1").text
    assert "no longer taking new applications" in closed
    start = client.get(f"/write/{BADGE}").text
    assert "Before you start" in start and "SSSC recommends earning" in start  # what to earn first
    from badgekit.badges import ai_rule

    assert ai_rule.BADGEKIT_NEVER.split(":")[0] in start.replace("&#39;", "'")
