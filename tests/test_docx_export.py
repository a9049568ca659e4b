"""``export --docx`` and ``draft --docx``: a statement written as a Word document, and read back the same.

What badgekit writes is checked three ways: python-docx reads its styles and properties;
badgekit checks it back and must find what it finds in the Markdown it came from; and
LibreOffice headless (the tests marked ``libreoffice``, which fail, never skip, without it)
converts it to text, which must hold the words of ``export --text``.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from samples import answer, level_of, sample_statement
from typer.testing import Result

from badgekit.badges.catalogue import load_catalogue

Run = Callable[..., Result]


def flat(text: str) -> str:
    return " ".join(text.split())


def words(text: str) -> list[str]:
    """The words of a text, leaving out bullets and other marks that hold no letter or digit."""
    return [w for w in text.replace("\ufeff", "").split() if any(ch.isalnum() for ch in w)]


# --- writing Word documents ---------------------------------------------------------------------


def _exported(run: Run, folder: Path, badge_id: str) -> tuple[Path, Path]:
    badge = load_catalogue().get(badge_id)
    statement = folder / f"{badge_id}-statement.md"
    statement.write_text(sample_statement(badge), encoding="utf-8")
    result = run("export", str(statement), "--docx", "--text", "--ignore-privacy")
    assert result.exit_code == 0, result.stderr
    return statement, statement.with_suffix(".docx")


def test_export_docx_holds_the_badge_and_word_count_in_its_properties(run: Run, tmp_path: Path) -> None:
    import docx

    statement, saved = _exported(run, tmp_path, "leadership-across-boundaries")
    assert (
        "a Word document to keep editing in Word or LibreOffice"
        in run("export", str(statement), "--docx", "--force").stderr
    )
    document = docx.Document(str(saved))
    words = json.loads(run("check", str(statement), "--format", "json").stdout)["files"][0]["words"]
    properties = document.core_properties
    assert properties.title == "Leading and managing across boundaries"
    assert properties.subject == "Step into Leadership #5: Leading and managing across boundaries"
    assert properties.keywords == f"badge:leadership-across-boundaries; words:{words}"
    assert properties.comments.startswith(f"{words} words (500–1000 words suggested")
    styles = [(p.style.name, p.text) for p in document.paragraphs if p.text]
    assert styles[0] == ("Heading 1", "Leading and managing across boundaries")
    criteria = [text for style, text in styles if style == "Heading 2"]
    assert criteria[0].startswith("1. identify and make good use of opportunities")
    assert criteria[-1] == "Declaration"
    assert {"List Bullet", "List Number"} <= {style for style, _ in styles}


@pytest.mark.parametrize("badge_id", [badge.id for badge in load_catalogue()])
def test_a_docx_badgekit_wrote_checks_back_with_the_findings_of_its_markdown(
    run: Run, tmp_path: Path, badge_id: str
) -> None:
    statement, saved = _exported(run, tmp_path, badge_id)
    level = level_of(load_catalogue().get(badge_id))
    extra = ["--level", level] if level else []
    from_md = json.loads(run("check", str(statement), "--format", "json", *extra).stdout)["files"][0]
    from_docx = json.loads(run("check", str(saved), "--format", "json", *extra).stdout)["files"][0]
    assert from_docx["badge_from"] == "file"  # named in the document's properties
    for key in ("badge", "level", "words", "counts"):
        assert from_docx[key] == from_md[key], key
    # the same judgements on the same sentences; a document's quotations say where by paragraph, not line
    judged = [({k: v for k, v in c.items() if k != "evidence"}, len(c["evidence"])) for c in from_md["criteria"]]
    assert [
        ({k: v for k, v in c.items() if k != "evidence"}, len(c["evidence"])) for c in from_docx["criteria"]
    ] == judged
    assert all(e["where"].startswith("paragraph ") for c in from_docx["criteria"] for e in c["evidence"])
    # the words the front matter declares are left out: they go stale as soon as the learner edits in Word
    assert from_docx["word_counts"]["headings"] == from_md["word_counts"]["headings"]
    # a message that quotes the nearest sentence names its paragraph, and quotes it without the Markdown
    assert all("nearest is line" not in f["message"] for f in from_docx["findings"])
    assert [_unquoted(f) for f in from_docx["findings"]] == [_unquoted(f) for f in from_md["findings"]]


def _unquoted(finding: dict[str, str]) -> tuple[str, str, str]:
    return finding["code"], finding["severity"], re.sub(r" \(the nearest is .*?”\)", "", finding["message"])


def test_draft_can_finish_with_a_word_document(run: Run, tmp_path: Path) -> None:
    import yaml

    badge = load_catalogue().get("writing-evidence")
    answers = tmp_path / "answers.yaml"
    answers.write_text(yaml.safe_dump({c.number: answer(c.min_words or 60) for c in badge.criteria}), encoding="utf-8")
    out = tmp_path / "writing-evidence-statement.md"
    result = run("draft", "writing-evidence", "--answers", str(answers), "-o", str(out), "--docx")
    assert result.exit_code == 0, result.stderr
    assert out.with_suffix(".docx").exists()
    assert "check it with: badgekit check writing-evidence-statement.docx" in flat(result.stderr + result.stdout)
    from_md = json.loads(run("check", str(out), "--format", "json").stdout)["files"][0]
    from_docx = json.loads(run("check", str(out.with_suffix(".docx")), "--format", "json").stdout)["files"][0]
    assert from_docx["words"] == from_md["words"]


# --- what LibreOffice makes of it -----------------------------------------------------------------


def _soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    assert found, "LibreOffice is needed for these tests: apt-get install libreoffice-writer-nogui (.ci/run does)"
    return found


@pytest.mark.libreoffice
def test_libreoffice_reads_export_docx_as_the_words_of_export_text(run: Run, tmp_path: Path) -> None:
    import subprocess

    exported = [_exported(run, tmp_path, badge.id) for badge in load_catalogue()]
    converted = tmp_path / "converted"
    subprocess.run(
        [
            _soffice(),
            f"-env:UserInstallation=file://{tmp_path / 'profile'}",
            "--headless",
            "--convert-to",
            "txt:Text (encoded):UTF8",
            "--outdir",
            str(converted),
            *(str(docx) for _, docx in exported),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    for statement, docx in exported:
        as_text = statement.with_suffix(".txt").read_text(encoding="utf-8")
        by_libreoffice = (converted / f"{docx.stem}.txt").read_text(encoding="utf-8")
        assert words(by_libreoffice) == words(as_text), docx.name


def test_every_kind_of_markdown_a_learner_types_reads_back_with_the_same_words(run: Run, tmp_path: Path) -> None:
    body = (
        "I learned *a lot* and **more**, with `code` and a [link](https://example.org/page) and "
        "![a chart](chart.png).\n\n"
        "> A quotation from the factsheet,\n> over two lines.\n\n"
        "### A heading of my own\n\n"
        "- one\n  - nested one\n- two\n\n"
        "3. third\n4. fourth\n\n"
        "A line with a hard break  \nand the rest.\n\n"
        "```\nfenced code\nsecond line\n```\n\n"
        "Next month I will ask my manager to review my plan."
    )
    statement = tmp_path / "thing-19-statement.md"
    statement.write_text(
        "---\nbadge: thing-19\n---\n\n# Citizen leadership\n\n## 1. What citizen leadership means\n\n" + body + "\n",
        encoding="utf-8",
    )
    assert run("export", str(statement), "--docx", "--ignore-privacy").exit_code == 0
    from_md = json.loads(run("check", str(statement), "--format", "json").stdout)["files"][0]
    from_docx = json.loads(run("check", str(statement.with_suffix(".docx")), "--format", "json").stdout)["files"][0]
    assert from_docx["words"] == from_md["words"]
    assert [f["code"] for f in from_docx["findings"]] == [f["code"] for f in from_md["findings"]]


_WORDS = (
    *("I", "learned", "*that*", "**care**", "`x`", "[link](https://a.org/b)", "team's", "—", "café", "2024"),
    *("a_b", "<b>", "\\*", "-", "(note)", "{{"),
)
_WORD = st.sampled_from(_WORDS)
_LINE = st.lists(_WORD, min_size=1, max_size=8).map(" ".join)
_BLOCK = st.one_of(
    _LINE,
    st.lists(_LINE, min_size=1, max_size=3).map(lambda lines: "\n".join(f"- {line}" for line in lines)),
    st.lists(_LINE, min_size=1, max_size=3).map(
        lambda lines: "\n".join(f"{n}. {line}" for n, line in enumerate(lines, 1))
    ),
    _LINE.map(lambda line: f"> {line}"),
    _LINE.map(lambda line: f"### {line}"),
)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_BLOCK, min_size=1, max_size=6).map("\n\n".join))
def test_any_answer_written_to_word_reads_back_with_the_same_word_count(body: str) -> None:
    from badgekit.export.docx import statement_to_docx
    from badgekit.statement.docx import read_docx
    from badgekit.statement.parse import parse_statement

    badge = load_catalogue().get("writing-evidence")
    text = f"---\nbadge: writing-evidence\n---\n\n# My statement\n\n## 1. First\n\n{body}\n"
    source = read_docx(statement_to_docx(text, badge), "statement.docx")
    assert source.badge == "writing-evidence"
    written = parse_statement(text, declaration=badge.declaration)
    read_back = parse_statement(source.text, declaration=badge.declaration)
    assert read_back.words == written.words, source.text  # heading words differ where markup is in headings
