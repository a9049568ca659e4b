"""Readability in British terms: reading ease and a reading age, never a US school grade in a message."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from badgekit.badges.catalogue import load_catalogue
from badgekit.checks import all_rules
from badgekit.checks.readability import HIGH_READING_AGE
from badgekit.checks.report import Options, check_text
from badgekit.checks.samples import WRITING_EVIDENCE_GOOD, words
from badgekit.checks.textstats import Readability

Run = Callable[..., Result]
ROOT = Path(__file__).resolve().parent.parent
DENSE = (
    "Interprofessional collaborative methodologies necessitate comprehensive organisational "
    "reconfiguration, institutional accountability, and multidimensional evaluative infrastructure."
)


@pytest.mark.parametrize(
    ("scores", "grade", "reading_age"),
    [
        (Readability(words=100, sentences=10, syllables=140), 4.8, 9.8),
        (Readability(words=120, sentences=4, syllables=240), 19.7, 24.7),
        (Readability(words=0, sentences=0, syllables=0), 0.0, 5.0),
    ],
)
def test_the_reading_age_is_the_grade_plus_five(scores: Readability, grade: float, reading_age: float) -> None:
    assert scores.grade == grade
    assert scores.reading_age == reading_age
    data = scores.to_dict()
    assert data["grade"] == grade and data["reading_age"] == reading_age
    assert list(data) == ["reading_ease", "grade", "reading_age", "sentences", "words", "syllables", "in_words"]


def test_check_shows_reading_ease_in_words_and_keeps_the_numbers_in_json(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "statement.md"
    path.write_text(WRITING_EVIDENCE_GOOD, encoding="utf-8")
    text = run("check", str(path))
    data = json.loads(run("check", str(path), "--format", "json").stdout)
    readability = data["files"][0]["readability"]
    assert f"Reading: {readability['in_words']}" in text.stdout
    assert "Reading ease" not in text.stdout and "reading age" not in text.stdout and "grade" not in text.stdout
    assert data["schema"] == 1
    assert readability["reading_age"] == round(readability["grade"] + 5, 1)
    assert isinstance(readability["reading_ease"], float)


@pytest.mark.parametrize(
    ("ease", "said"),
    [
        (85.0, "easy to read"),
        (58.0, "fairly easy to read; suits most adults"),
        (40.0, "fairly hard to read; shorter sentences would help"),
        (10.0, "hard to read, like an academic paper; use shorter sentences and everyday words"),
    ],
)
def test_reading_ease_in_words(ease: float, said: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Readability, "reading_ease", property(lambda self: ease))
    assert Readability(100, 5, 150).in_words() == said


def test_bk501_and_bk503_speak_in_words_not_scores() -> None:
    text = "---\nbadge: leadership-across-boundaries\n---\n\n" + words(120, DENSE)
    report = check_text(text, "dense.md", load_catalogue(), Options(rules=tuple(all_rules())))
    assert report.readability is not None and report.readability.reading_age > HIGH_READING_AGE
    (bk503,) = [f for f in report.findings if f.code == "BK503"]
    (bk501,) = [f for f in report.findings if f.code == "BK501"]
    assert "reads like an academic paper" in bk503.message and "hard to read" in bk501.message
    for message in (bk501.message, bk503.message):
        assert not re.search(r"\d", message) and "grade" not in message


def test_the_docs_explain_the_reading_age() -> None:
    rules = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    bk503 = rules[rules.index("### BK503") :].split("\n### ")[0]
    assert "reading age above 21" in bk503 and "grade" not in bk503
    assert "plus five" in rules
    assert "`reading_age`" in (ROOT / "docs" / "json-output.md").read_text(encoding="utf-8")
