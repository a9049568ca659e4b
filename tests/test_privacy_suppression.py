"""Ignore comments and the privacy family: a bare ``ignore`` never silences a detail that could identify someone.

A comment left to quiet a readability note must not let a name, a phone number or an
address through to ``export``: privacy findings are silenced only where the comment names
their code or family (``ignore BK301``, ``ignore BK3``), and ``export`` still lists them.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from badgekit.checks import CheckContext, all_rules
from badgekit.checks.registry import run_rules_keeping_silenced, silences
from badgekit.statement.parse import parse_statement

Run = Callable[..., Result]

HEAD = "---\nbadge: writing-evidence\n---\n\n# Writing evidence\n\n"


@pytest.mark.parametrize(
    ("prefix", "code", "silenced"),
    [
        ("", "BK204", True),  # a bare ignore: every other family
        ("", "BK301", False),  # ... but never privacy
        ("", "BK303", False),
        ("BK", "BK306", False),  # as broad as every family is not naming privacy
        ("BK3", "BK301", True),
        ("BK30", "BK304", True),
        ("BK301", "BK301", True),
        ("BK301", "BK303", False),
        ("BK5", "BK502", True),
        ("BK5", "BK301", False),
    ],
)
def test_which_prefixes_silence_which_codes(prefix: str, code: str, silenced: bool) -> None:
    assert silences(prefix, code) is silenced


def test_the_registry_keeps_what_comments_silenced_apart_from_what_it_reports() -> None:
    text = (
        HEAD + "## 1. Things\n\n"
        "I visited Mrs Fraser. <!-- badgekit: ignore -->\n"
        "Her mobile is 07700 900123. <!-- badgekit: ignore BK303 -->\n"
        "Mr Lennox, our trainer, came too. <!-- badgekit: ignore BK3 -->\n"
    )
    rules = [r for r in all_rules() if r.category == "privacy"]
    kept, silenced = run_rules_keeping_silenced(CheckContext(statement=parse_statement(text, "s.md")), rules)
    assert [(f.code, f.line) for f in kept] == [("BK301", 9)]
    assert [(f.code, f.line) for f in silenced] == [("BK303", 10), ("BK301", 11)]


def statement(folder: Path, body: str, name: str = "s.md") -> Path:
    """A Writing evidence statement with ``body`` after its title, saved in ``folder``."""
    path = folder / name
    path.write_text(HEAD + body, encoding="utf-8")
    return path


def check_json(run: Run, path: Path, *args: str) -> list[dict[str, object]]:
    result = run("check", str(path), "--format", "json", *args)
    findings: list[dict[str, object]] = json.loads(result.stdout)["files"][0]["findings"]
    return findings


def test_a_bare_ignore_silences_other_families_but_not_a_name(run: Run, tmp_path: Path) -> None:
    path = statement(
        tmp_path,
        "## 9. Something else <!-- badgekit: ignore -->\n\nI supported Margaret Sinclair. <!-- badgekit: ignore -->\n",
    )
    found = {(f["code"], f["line"]) for f in check_json(run, path, "--select", "BK204,BK301")}
    assert found == {("BK301", 9)}  # the heading's BK204 on line 7 is silenced; the name is not


def test_naming_the_code_or_the_family_silences_a_privacy_finding(run: Run, tmp_path: Path) -> None:
    path = statement(
        tmp_path,
        "## 1. Things\n\n"
        "Mrs Adams, our trainer, showed us. <!-- badgekit: ignore BK301 -->\n"
        "Mr Lennox, our assessor, agreed. <!-- badgekit: ignore bk3 -->\n"
        "Ms Dunlop, our tutor, agreed too. <!-- badgekit: ignore BK303 -->\n",
    )
    assert [(f["code"], f["line"]) for f in check_json(run, path, "--select", "BK3")] == [("BK301", 11)]


# --- the names a new user's trial found missed, and the role words it found flagged ----------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Margaret Sinclair's daughter phoned the office.",
        "I met Moira Hamilton at the day centre.",
        "Ewan McGregor came along to carry the bags.",
    ],
)
def test_check_and_export_stop_for_a_first_name_and_surname(run: Run, tmp_path: Path, sentence: str) -> None:
    path = statement(tmp_path, f"## 1. Things\n\n{sentence}\n", "writing-evidence-statement.md")
    assert [f["code"] for f in check_json(run, path, "--select", "BK301")] == ["BK301"]
    stopped = run("export", str(path), "--text")
    assert stopped.exit_code == 1
    assert "nothing was exported" in stopped.stderr and "BK301" in stopped.stderr
    assert not path.with_suffix(".txt").exists()


def test_role_words_at_the_start_of_a_sentence_do_not_stop_an_export(run: Run, tmp_path: Path) -> None:
    path = statement(
        tmp_path,
        "## 1. Things\n\nCarers told us the beds were full. Nurses asked me to help. Families told me "
        "they felt left out, and Dad told me he was proud.\n",
        "writing-evidence-statement.md",
    )
    assert check_json(run, path, "--select", "BK3") == []
    exported = run("export", str(path), "--text", "-o", "-")
    assert exported.exit_code == 0, exported.stderr
    assert "Carers told us" in exported.stdout


def test_the_export_warning_counts_findings_and_names_lines_without_the_details() -> None:
    from badgekit.checks.model import Finding
    from badgekit.export.gate import silenced_warning

    def finding(line: int) -> Finding:
        return Finding("BK303", "privacy", "error", "This looks like a phone number.", line, 5, line, 17)

    assert silenced_warning("s.md", []) == []
    one = silenced_warning("s.md", [finding(12)])
    assert one[0] == (
        "warning: ignore comments in s.md silence 1 privacy finding (on line 12), "
        "so this detail is exported as written:"
    )
    assert one[1] == "  s.md:12:5: BK303 This looks like a phone number."
    three = silenced_warning("s.md", [finding(3), finding(3), finding(8)])
    assert three[0].startswith("warning: ignore comments in s.md silence 3 privacy findings (on lines 3 and 8)")
    assert len(three) == 5 and three[-1].startswith("  Take each one out")


def test_check_shows_what_comments_silenced(run: Callable[..., Result], tmp_path: Path) -> None:
    path = tmp_path / "statement.md"
    path.write_text(
        "---\nbadge: thing-19\n---\n\nI supported Mrs Sinclair at home. <!-- badgekit: ignore BK301 -->\n",
        encoding="utf-8",
    )
    text = run("check", str(path))
    assert "1 silenced by comments, on line 5" in text.stdout
    data = json.loads(run("check", str(path), "--format", "json").stdout)
    (report,) = data["files"]
    assert [(f["code"], f["line"]) for f in report["silenced"]] == [("BK301", 5)]
    assert all(f["code"] != "BK301" for f in report["findings"])
