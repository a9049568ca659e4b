"""Statements saved by a word processor, and text saved on Windows: read as the learner wrote them.

The Word documents read here were made by LibreOffice from the OpenDocument files in
tests/documents (see make_documents.py there), never by python-docx, which badgekit
reads with. Writing Word documents is tested in test_docx_export.py.
"""

from __future__ import annotations

import io
import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from samples import sample_statement
from typer.testing import Result

from badgekit.badges.catalogue import load_catalogue
from badgekit.statement.source import read_statement

Run = Callable[..., Result]
DOCUMENTS = Path(__file__).parent / "documents"
LEADERSHIP = DOCUMENTS / "leadership-across-boundaries.docx"
HEADINGS = DOCUMENTS / "headings-quote-criteria.docx"
#: The same documents saved by LibreOffice in its own format.
OPENDOCUMENTS = (DOCUMENTS / "leadership-across-boundaries.odt", DOCUMENTS / "headings-quote-criteria.odt")


def flat(text: str) -> str:
    return " ".join(text.split())


# --- reading what a word processor saved -------------------------------------------------------


def test_word_styles_lists_tables_and_footnotes_become_the_statement_badgekit_reads() -> None:
    source = read_statement(str(LEADERSHIP))
    lines = source.text.splitlines()
    assert lines[0] == "# Leading and managing across boundaries"  # Heading 1
    assert "## 1. Opportunities for collaboration across boundaries" in lines  # Heading 2
    assert "## Declaration" in lines
    assert "- I met the practice manager to agree what each service does." in lines  # a bulleted list
    assert "1. I will keep the weekly call." in lines  # a numbered list, numbered as Word shows it
    assert "2. I will review the glossary with both teams in March." in lines
    assert "One | A shared referral form for both teams" in lines  # a table row
    assert "[footnote: The glossary follows the SSSC Codes of Practice.]" in source.text


def test_tracked_changes_read_as_accepted_and_comments_left_out_each_said_once() -> None:
    source = read_statement(str(LEADERSHIP))
    assert "a short weekly call with the district nursing lead." in source.text  # the insertion kept
    assert "withdrawn sentence" not in source.text  # the deletion dropped
    assert "Comment from the team leader" not in source.text
    assert source.notices == (
        "tracked changes (1 insertion and 1 deletion) are read as if accepted; "
        "accept or reject them in Word before you submit",
        "1 comment left out: comments are not part of the statement (delete them before you submit)",
    )


def test_each_line_knows_its_paragraph_and_opening_words() -> None:
    source = read_statement(str(LEADERSHIP))
    line = next(n for n, text in enumerate(source.text.splitlines(), 1) if text.startswith("When our team"))
    assert source.where(line) == "paragraph 3 (“When our team began joint visits …”)"
    table_row = next(n for n, text in enumerate(source.text.splitlines(), 1) if text.startswith("One |"))
    assert source.where(table_row) == "paragraph 11 in a table (“One | A shared referral form …”)"
    assert source.where(line + 1) == source.where(line)  # a blank line between paragraphs belongs to the one before


def test_check_reads_a_word_document_and_points_at_paragraphs(run: Run) -> None:
    result = run("check", str(LEADERSHIP))
    assert result.exit_code == 1, result.stderr  # too short, and criteria 4 to 7 not addressed
    out = flat(result.stdout)
    assert (
        "Checking against Step into Leadership #5 “Leading and managing across boundaries”, whose title is the "
        "statement's first line; give --badge to choose another." in out
    )
    assert "Note: tracked changes (1 insertion and 1 deletion) are read as if accepted" in out
    assert "Note: 1 comment left out" in out
    assert "paragraph 1 error BK201 (“Leading and managing across boundaries”) Criterion 4 is not addressed" in out
    assert "line " not in out  # a Word document has no lines a learner can see
    # the suggestion names what makes it work as printed: this file names no badge
    assert "--badge leadership-across-boundaries" not in out  # errors: no command is suggested yet
    data = json.loads(run("check", str(LEADERSHIP), "--format", "json").stdout)["files"][0]
    assert data["badge"] == "leadership-across-boundaries" and data["badge_from"] == "detected"
    assert data["findings"][0]["where"].startswith("paragraph ")
    assert len(data["notices"]) == 2


def test_headings_that_quote_criteria_choose_the_badge(run: Run) -> None:
    result = run("check", str(HEADINGS), "--format", "json")
    data = json.loads(result.stdout)["files"][0]
    assert data["badge"] == "quality-assurance-improvement"
    assert data["badge_reason"] == "because 3 of the statement's headings quote its criteria"
    # a Heading 2 and a paragraph in bold both count as headings, each answering its criterion
    headings = [c["heading"] for c in data["criteria"]]
    assert headings[0] == "Promote and support a culture of evaluation and continuous improvement"
    assert headings[1] and headings[1].startswith("Support and oversee responsive procedures")
    assert all(c["status"] != "missing" for c in data["criteria"][:2])  # their text is read as their answers


def test_a_folder_of_word_documents_is_checked(run: Run, tmp_path: Path) -> None:
    for document in (LEADERSHIP, HEADINGS):
        shutil.copy(document, tmp_path / document.name)
    result = run("check", str(tmp_path), "--format", "json")
    data = json.loads(result.stdout)
    assert [Path(f["path"]).name for f in data["files"]] == [HEADINGS.name, LEADERSHIP.name]
    assert data["errors"] == []


def test_review_reads_a_word_document(run: Run, tmp_path: Path) -> None:
    statement = tmp_path / LEADERSHIP.name
    shutil.copy(LEADERSHIP, statement)
    answers = tmp_path / "judgements.yaml"
    answers.write_text(
        "criteria: not met\nunderstood: met\nactivities: not sure\nlearning-points: met\npolicies: not met\n"
        "identifying: met\n",
        encoding="utf-8",
    )
    result = run("review", str(statement), "--answers", str(answers))
    assert result.exit_code == 0, result.stderr
    assert "Reviewing against Step into Leadership #5" in flat(result.stderr)
    saved = tmp_path / "leadership-across-boundaries-review.yaml"
    assert "where: paragraph 1 (“Leading and managing across boundaries”)" in saved.read_text(encoding="utf-8")
    shown = run("review", str(saved))
    assert "has changed since" not in shown.stderr
    out = flat(shown.stdout)
    assert "paragraph 1 error BK201 (“Leading and managing across boundaries”) Criterion 4 is not" in out
    assert "The statement says what was learned on paragraphs 3 and 8." in saved.read_text(encoding="utf-8")
    # the sentences each criterion's judgement rests on are found by paragraph too
    assert "Criterion 1 (evidenced): rests on paragraph 3 “When our team began" in flat(
        saved.read_text(encoding="utf-8")
    )
    assert run("review", str(saved), "--md").exit_code == 0
    copy = saved.with_suffix(".md").read_text(encoding="utf-8")
    assert "- Paragraph 1 (“Leading and managing across boundaries”) (error, BK201)" in copy
    assert "Line " not in copy


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("broken.docx", b"PK\x03\x04" + b"\x00" * 40, "this is a word processor document, not a text file"),
        ("notes.odt", b"PK\x03\x04" + b"\x00" * 26 + b"mimetypeapplication/vnd.oasis.opendocument.text", "damaged"),
        (
            "sums.ods",
            b"PK\x03\x04" + b"\x00" * 26 + b"mimetypeapplication/vnd.oasis.opendocument.spreadsheet",
            "an OpenDocument file, but not a text document",
        ),
        ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 40, "word processor document"),
    ],
)
def test_documents_badgekit_cannot_read_say_what_to_do(
    run: Run, tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    result = run("check", str(path), "--badge", "writing-evidence")
    assert result.exit_code == 3
    assert message in flat(result.stderr) and "Traceback" not in result.stderr


def test_a_damaged_word_document_is_refused_clearly(run: Run, tmp_path: Path) -> None:
    data = LEADERSHIP.read_bytes()
    import zipfile

    damaged = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(damaged, "w") as target:
        for item in source.infolist():
            content = source.read(item)
            target.writestr(item, content[: len(content) // 2] if item.filename == "word/document.xml" else content)
    path = tmp_path / "damaged.docx"
    path.write_bytes(damaged.getvalue())
    result = run("check", str(path), "--badge", "writing-evidence")
    assert result.exit_code == 3
    assert "this Word document could not be read" in flat(result.stderr) and "Traceback" not in result.stderr


# --- text as Windows saves it ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("encoding", "named"),
    [("cp1252", "Windows-1252"), ("utf-16", "UTF-16"), ("utf-8-sig", None), ("utf-8", None)],
)
def test_text_saved_on_windows_is_checked_and_the_encoding_named(
    run: Run, tmp_path: Path, encoding: str, named: str | None
) -> None:
    text = sample_statement(load_catalogue().get("writing-evidence")).replace("I learned", "I’ve learned — café")
    path = tmp_path / "statement.txt"
    path.write_bytes(text.replace("\n", "\r\n").encode(encoding))
    crlf = run("check", str(path), "--format", "json")
    plain = run("check", "-", "--format", "json", input=text)
    assert crlf.exit_code == plain.exit_code, crlf.stderr
    checked, expected = json.loads(crlf.stdout)["files"][0], json.loads(plain.stdout)["files"][0]
    assert checked["words"] == expected["words"]
    assert [(f["code"], f["line"]) for f in checked["findings"]] == [
        (f["code"], f["line"]) for f in expected["findings"]
    ]
    notices = checked["notices"]
    assert (named in notices[0]) if named else notices == []
    if named:
        assert f"Note: read as {named}" in flat(run("check", str(path)).stdout)


def test_the_documents_were_made_by_libreoffice_not_python_docx() -> None:
    import zipfile

    for document in (LEADERSHIP, HEADINGS):
        with zipfile.ZipFile(document) as archive:
            app = archive.read("docProps/app.xml").decode("utf-8")
        assert re.search(r"<Application>LibreOffice", app), document.name
    for document in OPENDOCUMENTS:
        with zipfile.ZipFile(document) as archive:
            assert "<meta:generator>LibreOffice" in archive.read("meta.xml").decode("utf-8"), document.name


def test_a_word_document_on_standard_input_is_read_as_one(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from badgekit.cli import app

    result = CliRunner().invoke(app, ["check", "-", "--format", "json"], input=LEADERSHIP.read_bytes())
    data = json.loads(result.stdout)["files"][0]
    assert data["path"] == "<stdin>" and data["badge"] == "leadership-across-boundaries"
    assert data["findings"][0]["where"].startswith("paragraph ")


def test_redact_of_a_word_document_writes_a_markdown_copy(run: Run, tmp_path: Path) -> None:
    statement = tmp_path / "mine.docx"
    shutil.copy(LEADERSHIP, statement)
    result = run("check", str(statement), "--redact")
    assert (tmp_path / "mine.redacted.md").exists() and not (tmp_path / "mine.redacted.docx").exists()
    assert "mine.redacted.md" in flat(result.stderr)


# --- OpenDocument, as LibreOffice saves ------------------------------------------------------------


@pytest.mark.parametrize("document", OPENDOCUMENTS, ids=lambda p: p.name)
def test_an_opendocument_file_reads_as_the_same_statement_as_its_word_copy(document: Path) -> None:
    odt, docx = read_statement(str(document)), read_statement(str(document.with_suffix(".docx")))
    assert odt.text == docx.text and odt.places == docx.places
    assert odt.kind == "odt"
    assert [n.replace("your word processor", "Word") for n in odt.notices] == list(docx.notices)


def test_check_reads_an_opendocument_file(run: Run, tmp_path: Path) -> None:
    result = run("check", str(OPENDOCUMENTS[0]))
    assert result.exit_code == 1, result.stderr
    out = flat(result.stdout)
    assert "Checking against Step into Leadership #5" in out
    assert "read as if accepted; accept or reject them in your word processor before you submit" in out
    assert "paragraph 1 error BK201 (“Leading and managing across boundaries”) Criterion 4" in out
    shutil.copy(OPENDOCUMENTS[1], tmp_path / OPENDOCUMENTS[1].name)
    data = json.loads(run("check", str(tmp_path), "--format", "json").stdout)
    assert [f["badge"] for f in data["files"]] == ["quality-assurance-improvement"]
