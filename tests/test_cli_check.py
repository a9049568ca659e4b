"""``badgekit check`` as a person meets it: output, exit codes, options, many files, bad input."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from terminal_text import looks_the_same
from typer.testing import Result

from badgekit.badges.catalogue import load_catalogue
from badgekit.checks import CheckContext, Finding, all_rules
from badgekit.checks.batch import PARALLEL_FROM, FileError, available_cores, check_each, check_many, worker_count
from badgekit.checks.report import Options, redact
from badgekit.checks.samples import WRITING_EVIDENCE_GOOD, words
from badgekit.statement.parse import parse_statement

Run = Callable[..., Result]


def write(folder: Path, name: str, text: str) -> str:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_a_good_statement_passes_with_a_summary_table_and_findings(run: Run, tmp_path: Path) -> None:
    path = write(tmp_path, "statement.md", WRITING_EVIDENCE_GOOD)
    result = run("check", path)
    assert result.exit_code == 0, result.stdout + result.stderr
    out = result.stdout
    assert "Writing evidence for Open Badge applications (writing-evidence)" in out
    assert "at least 150 words" in out  # the words bar's rule
    assert "Findings: 0 errors" in out
    assert "tell us about at least three things" in out  # the criteria table
    assert "Format" in out and "BK603" in out  # the prerequisites reminder, grouped under its family


def test_a_file_name_like_an_emoji_code_is_shown_as_it_is(run: Run, tmp_path: Path) -> None:
    path = write(tmp_path, "notes:memo:.md", WRITING_EVIDENCE_GOOD)
    result = run("check", path)
    assert result.exit_code == 0, result.stdout + result.stderr
    assert "notes:memo:.md  Writing evidence" in result.stdout and "\N{MEMO}" not in result.stdout


def test_an_uncovered_criterion_fails_with_exit_1(run: Run, tmp_path: Path) -> None:
    path = write(tmp_path, "s.md", WRITING_EVIDENCE_GOOD.split("## 3.")[0])
    result = run("check", path)
    assert result.exit_code == 1
    assert "BK201" in result.stdout and "Criterion 3 is not addressed" in result.stdout


def test_fail_on_decides_which_findings_fail(run: Run, tmp_path: Path) -> None:
    path = write(tmp_path, "s.md", WRITING_EVIDENCE_GOOD)
    assert run("check", path, "--fail-on", "warning").exit_code == 0
    assert run("check", path, "--fail-on", "note").exit_code == 1  # the prerequisites note


def test_json_output_follows_the_documented_shape(run: Run, tmp_path: Path) -> None:
    path = write(tmp_path, "s.md", WRITING_EVIDENCE_GOOD.split("## 3.")[0])
    result = run("check", path, "--format", "json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["schema"] == 1
    (file,) = data["files"]
    assert file["path"] == path and file["badge"] == "writing-evidence"
    assert isinstance(file["words"], int) and file["words"] == file["word_counts"]["answers"]
    assert [c["number"] for c in file["criteria"]] == [1, 2, 3]
    assert [c["covered"] for c in file["criteria"]] == [True, True, False]
    finding = next(f for f in file["findings"] if f["code"] == "BK201")
    assert set(finding) >= {"code", "category", "severity", "message", "line", "column", "end_line", "end_column"}
    assert finding["category"] == "coverage" and finding["severity"] == "error"
    assert data["summary"]["failed"] is True and data["errors"] == []
    assert "\x1b[" not in result.stdout


def test_positions_in_json_count_the_front_matter(run: Run, tmp_path: Path) -> None:
    text = "---\nbadge: writing-evidence\n---\n\n## 9. Something else\n\n" + words(40) + "\n"
    result = run("check", write(tmp_path, "s.md", text), "--format", "json", "--select", "BK204")
    (finding,) = json.loads(result.stdout)["files"][0]["findings"]
    assert (finding["line"], finding["column"], finding["end_line"]) == (5, 1, 5)
    assert finding["end_column"] == len("## 9. Something else") + 1  # exclusive


def test_select_and_ignore_work_by_prefix(run: Run, tmp_path: Path) -> None:
    path = write(tmp_path, "s.md", WRITING_EVIDENCE_GOOD.split("## 3.")[0])

    def codes(*args: str) -> set[str]:
        data = json.loads(run("check", path, "-f", "json", *args).stdout)
        return {f["code"] for f in data["files"][0]["findings"]}

    assert "BK201" in codes("--select", "BK2") and all(c.startswith("BK2") for c in codes("--select", "BK2"))
    assert "BK201" not in codes("--ignore", "bk20")
    assert codes("--select", "BK201,BK603") == {"BK201", "BK603"}


def test_a_select_that_names_no_rule_is_a_usage_error(run: Run, tmp_path: Path) -> None:
    result = run("check", write(tmp_path, "s.md", WRITING_EVIDENCE_GOOD), "--select", "BK9")
    assert result.exit_code == 2
    assert "BK9 names no rule" in result.stderr


def test_an_inline_comment_silences_one_finding_on_its_line(run: Run, tmp_path: Path) -> None:
    text = "---\nbadge: writing-evidence\n---\n\n## 9. Something else <!-- badgekit: ignore BK204 -->\n\n## 8. More\n"
    data = json.loads(run("check", write(tmp_path, "s.md", text), "-f", "json", "--select", "BK204").stdout)
    assert [f["line"] for f in data["files"][0]["findings"]] == [7]


def test_standard_input_with_a_badge_option(run: Run) -> None:
    result = run("check", "-", "--badge", "thing-19", "--format", "json", input="I learned a lot.\n")
    data = json.loads(result.stdout)
    assert data["files"][0]["path"] == "<stdin>" and data["files"][0]["badge"] == "thing-19-citizen-leadership"
    assert any(f["code"] == "BK101" for f in data["files"][0]["findings"])


def test_the_badge_may_be_given_by_its_title_as_draft_takes_it(run: Run, tmp_path: Path) -> None:
    path = write(tmp_path, "s.md", "I learned a lot from the video.\n")
    result = run("check", path, "--badge", "Writing evidence for Open Badge applications", "--format", "json")
    assert json.loads(result.stdout)["files"][0]["badge"] == "writing-evidence", result.stderr
    vague = run("check", path, "--badge", "thing 4")
    assert vague.exit_code == 3 and "fits 2 badges" in vague.stderr


def test_criteria_pasted_above_the_answers_are_headings_not_the_learners_words(run: Run, tmp_path: Path) -> None:
    # As a learner copies the SSSC form into a .txt: each criterion's line, then the answer under it.
    from badgekit.badges.catalogue import load_catalogue

    criteria = load_catalogue(use_cache=False).get("writing-evidence").criteria
    answers = [
        "I learned that each criterion needs its own answer, which matters to me because my notes ran together.",
        "I talked the hints through with my manager, and in future I will ask her to read each draft first.",
        "At our next team meeting I will show colleagues one badge and explain why evidence matters to us.",
    ]
    text = "\n\n".join(f"{c.text}\n{a}" for c, a in zip(criteria, answers, strict=True)) + "\n"
    result = run("check", write(tmp_path, "mine.txt", text), "--badge", "writing-evidence", "--format", "json")
    report = json.loads(result.stdout)["files"][0]
    assert report["words"] == sum(len(a.split()) for a in answers)
    assert report["word_counts"]["headings"] == sum(len(c.text.split()) for c in criteria)
    assert report["reflection"]["learning"]["line"] == 2  # the learner's sentence, not the form's "you learned"
    assert not any(f["code"] == "BK502" for f in report["findings"])  # no sentence runs on into a criterion


def test_no_badge_anywhere_says_how_to_give_one(run: Run, tmp_path: Path) -> None:
    result = run("check", write(tmp_path, "notes.txt", "Plain notes with no front matter.\n"))
    assert result.exit_code == 3
    assert "does not say which badge" in result.stderr and "--badge ID" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_an_unknown_badge_exits_3_with_a_suggestion(run: Run, tmp_path: Path) -> None:
    result = run("check", write(tmp_path, "s.md", "---\nbadge: writing-evidense\n---\n\nText.\n"))
    assert result.exit_code == 3
    assert "there is no badge called 'writing-evidense'" in result.stderr
    assert "Did you mean 'writing-evidence'" in result.stderr


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "this file is empty"),
        (b"   \n\n", "this file is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "not a text file"),
        (b"caf\x81 au lait\n", "line 1 is not text that badgekit can read (neither UTF-8 nor Windows-1252)"),
        (b"a" * (2 * 1024 * 1024 + 10), "too large"),
    ],
)
def test_unusable_input_is_refused_clearly(run: Run, tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.md"
    path.write_bytes(content)
    result = run("check", str(path), "--badge", "writing-evidence")
    assert result.exit_code == 3
    assert message in result.stderr and str(path) in result.stderr
    assert "Traceback" not in result.stderr


def test_a_missing_file_and_a_glob_matching_nothing(run: Run, tmp_path: Path) -> None:
    assert "no such file" in run("check", str(tmp_path / "nope.md")).stderr
    pattern = str(tmp_path / "*.md")
    result = run("check", pattern)
    assert result.exit_code == 3
    assert f"error: {pattern}: no files match this pattern, so no statements were found" in result.stderr
    assert result.stdout == ""


def test_a_folder_with_no_statements_is_never_reported_as_all_fine(run: Run, tmp_path: Path) -> None:
    folder = tmp_path / "team"
    (folder / "inside").mkdir(parents=True)
    (folder / "inside" / "deeper.md").write_text(WRITING_EVIDENCE_GOOD, encoding="utf-8")
    (folder / "badge.yaml").write_text("id: x\n", encoding="utf-8")
    result = run("check", str(folder))
    assert result.exit_code == 3
    said = " ".join(result.stderr.split())
    assert (
        f"error: {folder}: no statements found: badgekit looks in this folder for .md, .markdown, .txt, .docx "
        "and .odt files" in said
    )
    assert f"'{folder}/**/*.md'" in said  # how to reach the statements in the folders inside it
    assert result.stdout == ""

    as_json = json.loads(run("check", str(folder), "--format", "json").stdout)
    assert as_json["files"] == [] and as_json["summary"]["checked"] == 0
    assert [e["path"] for e in as_json["errors"]] == [str(folder)]


def test_an_empty_folder_beside_statements_is_reported_and_the_others_still_checked(run: Run, tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    good = write(tmp_path, "good.md", WRITING_EVIDENCE_GOOD)
    result = run("check", str(empty), good)
    assert result.exit_code == 3
    assert "no statements found" in result.stderr
    assert "writing-evidence" in result.stdout and "could not be checked" in result.stdout  # the summary table


def test_many_files_folders_and_patterns_end_with_a_summary(run: Run, tmp_path: Path) -> None:
    for index in range(3):
        write(tmp_path, f"good{index}.md", WRITING_EVIDENCE_GOOD)
    bad = write(tmp_path, "bad.md", "---\nbadge: nothing-like-it\n---\n\nText.\n")
    result = run("check", str(tmp_path))
    assert result.exit_code == 3  # one statement could not be checked; the others still were
    assert "Summary" in result.stdout and "could not be checked" in result.stdout
    assert result.stdout.count("writing-evidence") >= 3
    assert bad in result.stderr
    pattern = run("check", str(tmp_path / "good*.md"), "--format", "json")
    assert pattern.exit_code == 0 and len(json.loads(pattern.stdout)["files"]) == 3


def test_learner_text_is_never_read_as_markup(run: Run, tmp_path: Path) -> None:
    path = write(tmp_path, "[bold]s.md", "---\nbadge: writing-evidence\n---\n\n## 9. [red]x[/red]\n")
    result = run("check", path, "--select", "BK204")
    assert "[bold]s.md" in result.stdout


def test_help_gives_the_word_rule_and_an_example(run: Run) -> None:
    result = run("check", "--help")
    assert result.exit_code == 0
    text = " ".join(result.stdout.split())
    assert "a word is a run of non-space characters holding at least one letter or digit" in text
    assert "Example: badgekit check my-statement.docx" in text


def test_redact_writes_a_private_copy_and_never_overwrites(run: Run, tmp_path: Path) -> None:
    path = write(tmp_path, "s.md", WRITING_EVIDENCE_GOOD)
    result = run("check", path, "--redact")
    copy = tmp_path / "s.redacted.md"
    assert copy.exists() and (copy.stat().st_mode & 0o777) == 0o600
    assert "unchanged" in result.stderr and Path(path).read_text(encoding="utf-8") == WRITING_EVIDENCE_GOOD
    again = run("check", path, "--redact")
    assert again.exit_code == 3 and "already exists" in again.stderr
    assert "Choose another file name with -o, or add --force" in again.stderr
    assert run("check", path, "--redact", "--force").exit_code == 0
    assert run("check", path, "-o", str(tmp_path / "x.md")).exit_code == 2  # -o only means something with --redact


def test_with_redact_the_next_step_is_the_copy_not_the_redact_option_again(run: Run, tmp_path: Path) -> None:
    planted = WRITING_EVIDENCE_GOOD.replace("my manager", "my manager, Mrs Jean Dunlop,", 1)
    path = write(tmp_path, "s.md", planted)
    result = run("check", path, "--redact")
    assert "--redact' write a copy" not in " ".join(result.stdout.split())  # it has just done so
    assert "read the copy written below through" in " ".join(result.stdout.split())
    assert f"check {tmp_path / 's.redacted.md'}" in " ".join(result.stderr.split())
    without = run("check", path)
    assert "--redact' write a copy without them" in " ".join(without.stdout.split())


def test_redaction_replaces_each_privacy_span_with_its_suggestion() -> None:
    statement = parse_statement("I met Mrs Jean Smith on 07700 900123 today.\n", "s.md")
    text = statement.text

    def privacy(start: int, end: int, suggestion: str) -> Finding:
        return Finding("BK301", "privacy", "error", "m", 1, start + 1, 1, end + 1, suggestion, start, end)

    findings = [
        privacy(text.index("Mrs"), text.index(" on"), "Mrs A"),
        privacy(text.index("Jean"), text.index(" on"), "overlapping, ignored"),
        privacy(text.index("07700"), text.index(" today"), "[phone number removed]"),
        Finding("BK502", "readability", "warning", "m", 1, 1, 1, 2, None, 0, 1),
    ]
    redacted, count = redact(statement, findings)
    assert redacted == "I met Mrs A on [phone number removed] today.\n" and count == 2


def test_many_statements_in_worker_processes_match_one_process(tmp_path: Path) -> None:
    names = [
        write(tmp_path, f"s{i}.md", WRITING_EVIDENCE_GOOD.replace("three", f"{i} or three"))
        for i in range(PARALLEL_FROM + 4)
    ]
    names.append(str(tmp_path / "missing.md"))
    catalogue = load_catalogue()
    options = Options(rules=tuple(all_rules()))
    parallel = check_many(names, catalogue, options, jobs=2)
    serial = check_many(names, catalogue, options, jobs=1)
    assert len(parallel) == len(names)
    assert isinstance(parallel[-1], FileError) and "no such file" in parallel[-1].lines[0]
    assert [o.to_dict() for o in parallel] == [o.to_dict() for o in serial]


@pytest.mark.parametrize("output", ["text", "json"])
def test_reports_made_in_worker_processes_print_as_those_made_here(run: Run, tmp_path: Path, output: str) -> None:
    names = [
        write(tmp_path, f"s{i}.md", WRITING_EVIDENCE_GOOD.replace("three", f"{i} or three"))
        for i in range(PARALLEL_FROM + 2)
    ]
    parallel = run("check", *names, "--format", output, "--jobs", "2")
    serial = run("check", *names, "--format", output, "--jobs", "1")
    assert parallel.exit_code == serial.exit_code == 0
    assert parallel.stdout == serial.stdout and "s25.md" in parallel.stdout


@pytest.mark.parametrize(
    ("colours", "encoding"), [("truecolor", "utf-8"), ("standard", "utf-8"), (None, "utf-8"), (None, "ascii")]
)
def test_a_report_rendered_elsewhere_is_what_the_console_would_print(colours: str | None, encoding: str) -> None:
    from io import StringIO

    from rich.console import Console

    from badgekit import console
    from badgekit.checks.report import check_text
    from badgekit.views.checks import next_step, report_view

    class Page(StringIO):
        @property
        def encoding(self) -> str:  # type: ignore[override]
            return encoding

    report = check_text(WRITING_EVIDENCE_GOOD, "s.md", load_catalogue(), Options(rules=tuple(all_rules())))
    here = Console(file=Page(), width=70, color_system=colours, force_terminal=colours is not None, highlight=False)  # type: ignore[arg-type]
    here.print(report_view(report))
    here.print(next_step(report), style="bold", markup=False)
    looks = console.looks(here)
    assert looks is not None
    made = console.render(looks, (report_view(report), {}), (next_step(report), {"style": "bold", "markup": False}))
    if colours is None:
        assert made == here.file.getvalue()  # type: ignore[attr-defined]
    else:  # badgekit writes the styles itself, not in Rich's pieces: the same text, each character styled alike
        assert looks_the_same(made, here.file.getvalue())  # type: ignore[attr-defined]
    assert ("\x1b[" in made) is (colours is not None) and ("╇" in made) is (encoding == "utf-8")  # the table's box


def test_each_statement_is_reported_before_the_next_is_read(tmp_path: Path) -> None:
    # Output streams: the first outcome comes before the second file is even opened, so a
    # file removed after the first outcome is reported missing, not checked.
    first, second = (write(tmp_path, f"s{i}.md", WRITING_EVIDENCE_GOOD) for i in range(2))
    outcomes = check_each([first, second], load_catalogue(), Options(rules=tuple(all_rules())), jobs=1)
    assert not isinstance(next(outcomes), FileError)
    Path(second).unlink()
    last = next(outcomes)
    assert isinstance(last, FileError) and "no such file" in last.lines[0]


def test_jobs_never_outnumber_the_statements_or_the_cores() -> None:
    assert worker_count(1000, 30) == min(30, available_cores())
    assert worker_count(1000, 1) == 1
    assert worker_count(None, 3) == min(3, available_cores())
    assert worker_count(1, 500) == 1


def test_many_statements_stream_as_one_json_document(run: Run, tmp_path: Path) -> None:
    for i in range(3):
        write(tmp_path, f"s{i}.md", WRITING_EVIDENCE_GOOD)
    write(tmp_path, "empty.md", "")
    result = run("check", str(tmp_path), "--format", "json")
    data = json.loads(result.stdout)
    # Written file by file, yet exactly what one json.dumps of the whole would print.
    assert result.stdout.rstrip("\n") == json.dumps(data, indent=2, ensure_ascii=False)
    assert [f["path"] for f in data["files"]] == [str(tmp_path / f"s{i}.md") for i in range(3)]
    assert data["summary"]["files"] == 4 and data["summary"]["checked"] == 3 and len(data["errors"]) == 1


def test_checking_works_offline_and_imports_no_heavy_library(tmp_path: Path) -> None:
    # Readability scores come from badgekit's own counter, not textstat: no nltk or scipy, no
    # download. The check runs with every socket refused, in a fresh process.
    path = write(tmp_path, "s.md", WRITING_EVIDENCE_GOOD)
    program = f"""
import socket, sys
def refuse(*args, **kwargs):
    raise OSError("no network in this test")
socket.socket = refuse
socket.create_connection = refuse
from badgekit.cli import main
sys.argv = ["badgekit", "check", {path!r}, "--format", "json"]
try:
    main()
except SystemExit as exit:
    heavy = sorted(m for m in ("nltk", "scipy", "textstat", "yaml", "markdown_it") if m in sys.modules)
    print("HEAVY", heavy, "EXIT", exit.code, file=sys.stderr)
"""
    env = {**os.environ, "NO_COLOR": "1"}
    subprocess.run([sys.executable, "-c", program], capture_output=True, env=env, check=False)  # fills the badge cache
    result = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, env=env, check=False)
    assert "HEAVY [] EXIT 0" in result.stderr, result.stderr
    data = json.loads(result.stdout)
    assert data["files"][0]["readability"]["reading_ease"] > 30
    assert socket.socket is not None  # the real socket module is untouched in this process


def test_the_rule_context_passes_allowed_names_and_resource_people(tmp_path: Path) -> None:
    seen: list[tuple[str, ...]] = []
    from badgekit.checks.model import Rule

    def spy(context: CheckContext) -> list[Finding]:
        seen.append(context.allowed_names)
        return []

    spy_rule = Rule("BK699", "spy", "format", "note", "Spy.", spy)  # type: ignore[arg-type]
    from badgekit.checks.report import check_text

    check_text(
        "I learned.",
        "s.md",
        load_catalogue(),
        Options(badge="thing-19", allowed_names=("Donald Schön",), rules=(spy_rule,)),
    )
    assert seen == [("Donald Schön", "Alexander Warren", "Steve Coulson")]


def test_an_empty_criterion_in_a_drafted_statement_points_back_to_draft(
    run: Callable[..., Result], tmp_path: Path
) -> None:
    from badgekit.badges.catalogue import load_catalogue

    badge = load_catalogue().get("thing-19")
    sections = [
        f"## {c.number}. {c.text}\n\n" + ("" if c.number == 2 else " ".join(c.examples))  # its own evidence
        for c in badge.criteria
    ]
    path = tmp_path / "thing-19-citizen-leadership-statement.md"
    path.write_text("---\nbadge: thing-19-citizen-leadership\n---\n\n" + "\n\n".join(sections), encoding="utf-8")
    data = json.loads(run("check", str(path), "--format", "json").stdout)
    (message,) = [f["message"] for f in data["files"][0]["findings"] if f["code"] == "BK201"]
    assert message.startswith("Question 2 is not addressed")
    assert "carry on with 'badgekit draft thing-19-citizen-leadership'" in message


def test_a_single_report_ends_with_what_to_do_next(run: Callable[..., Result], tmp_path: Path) -> None:
    from badgekit.badges.catalogue import load_catalogue

    badge = load_catalogue().get("thing-19")
    reflection = (
        "I learned that labels limit people, and I felt uneasy about how often we use them. In future I will "
        "ask people how they want to be described, as our organisation's policy suggests."
    )
    body = "\n\n".join(f"## {c.number}. {c.text}\n\n{' '.join(c.examples)} {reflection}" for c in badge.criteria)
    clean = tmp_path / "clean.md"
    clean.write_text(f"---\nbadge: thing-19\n---\n\n{body}\n", encoding="utf-8")
    out = " ".join(run("check", str(clean)).stdout.split())
    assert "Next: " in out and f"'badgekit export {clean} --text'" in out
    planted = tmp_path / "planted.md"
    planted.write_text(f"---\nbadge: thing-19\n---\n\n{body}\n\nI supported Mrs Sinclair at home.\n", encoding="utf-8")
    out = " ".join(run("check", str(planted)).stdout.split())
    assert f"Next: take out the details that could identify someone (or let 'badgekit check {planted} --redact'" in out


# --- bugs from one concept kept in several places (issue 14) ----------------------------------


def test_a_heading_numbered_past_the_criteria_counts_them_in_plain_english(run: Run, tmp_path: Path) -> None:
    path = write(tmp_path, "s.md", "---\nbadge: writing-evidence\n---\n\n## 9. Something else\n\n" + words(40))
    result = run("check", path, "--select", "BK204")
    flat = " ".join(result.stdout.split())
    assert "the badge has 3 criteria;" in flat and "criterions" not in flat


def test_check_calls_a_frameworks_criteria_expectations_as_draft_does(run: Run, tmp_path: Path) -> None:
    text = "---\nbadge: multi-agency-expectations\nlevel: direct-practice\n---\n\n" + words(40)
    result = run("check", write(tmp_path, "s.md", text), "--select", "BK2")
    flat = " ".join(result.stdout.split())
    assert "Expectation 1 is not addressed" in flat or "Expectation 1 may not be evidenced" in flat
    assert "Criterion" not in flat
    assert "Expectation" in result.stdout.split("Evidenced")[0]  # the criteria table's heading too


@pytest.mark.parametrize("title", ["title: Writing evidence", 'title: "Writing evidence"'])
def test_words_0742_in_the_front_matter_reads_as_742_however_the_rest_is_written(
    run: Run, tmp_path: Path, title: str
) -> None:
    path = write(tmp_path, "s.md", f"---\nbadge: writing-evidence\n{title}\nwords: 0742\n---\n\n" + words(40))
    result = run("check", path, "--format", "json")
    assert json.loads(result.stdout)["files"][0]["word_counts"]["declared"] == 742


def test_the_installed_command_exits_with_the_command_s_code_and_all_its_output(tmp_path: Path) -> None:
    # The program ends without Python's slow teardown (cli.run): the code and every line must survive it.
    good, missing = write(tmp_path, "s.md", WRITING_EVIDENCE_GOOD), str(tmp_path / "missing.md")
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "100"}
    for args, code in ((["--version"], 0), (["check", good, "--format", "json"], 0), (["check", missing], 3)):
        done = subprocess.run([sys.executable, "-m", "badgekit", *args], capture_output=True, text=True, env=env)
        assert done.returncode == code, done.stderr
        assert done.stdout.strip() or done.stderr.strip()
    json_run = subprocess.run(
        [sys.executable, "-m", "badgekit", "check", good, "--format", "json"], capture_output=True, text=True, env=env
    )
    assert json.loads(json_run.stdout)["summary"]["checked"] == 1


def test_a_long_run_lists_only_the_statements_that_need_attention(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from badgekit.checks import batch

    monkeypatch.setattr(batch, "SUMMARY_ROWS", 3)  # as a run of more than 50 statements
    good = [write(tmp_path, f"good{index}.md", WRITING_EVIDENCE_GOOD) for index in range(3)]
    failing = [write(tmp_path, f"fail{index}.md", WRITING_EVIDENCE_GOOD.split("## 3.")[0]) for index in range(2)]
    bad = write(tmp_path, "bad.md", "---\nbadge: nothing-like-it\n---\n\nText.\n")
    result = run("check", str(tmp_path))
    assert result.exit_code == 3
    summary = result.stdout[result.stdout.index("Summary") :]
    assert all(name in summary for name in (*failing, bad)) and not any(name in summary for name in good)
    said = " ".join(summary.split())
    assert "6 statements: 2 fail (findings at error or worse), 3 pass, 1 could not be checked." in said
    assert "The table lists only those that fail or could not be checked" in said
    every = " ".join(run("check", str(tmp_path), "--fail-on", "note").stdout.split())
    assert "6 statements: 5 fail (findings at note or worse), 0 pass, 1 could not be checked." in every
    assert "the first 3 of the 6 that fail or could not be checked" in every


def test_a_short_run_lists_every_statement_and_adds_them_up(run: Run, tmp_path: Path) -> None:
    good = [write(tmp_path, f"good{index}.md", WRITING_EVIDENCE_GOOD) for index in range(2)]
    result = run("check", str(tmp_path))
    assert result.exit_code == 0
    summary = result.stdout[result.stdout.index("Summary") :]
    assert all(name in " ".join(summary.split()) for name in good)
    assert "2 statements: 0 fail (findings at error or worse), 2 pass." in " ".join(summary.split())


def test_a_run_keeps_a_few_summary_rows_however_many_statements() -> None:
    from badgekit.checks.batch import SUMMARY_ROWS, Finished, SummaryRow, Tally

    tally = Tally("error")
    for index in range(10_000):
        failing = index % 2 == 0
        row = SummaryRow(f"s{index}.md", "writing-evidence", 200, (int(failing), 0, 0))
        tally.add(Finished(row, {"error": int(failing)}, "error" if failing else None, ""))
    assert len(tally.rows) == len(tally.attention) == SUMMARY_ROWS
    assert tally.summary_rows() == tally.attention and all(row.counts[0] for row in tally.attention)
    assert (tally.files, tally.failing) == (10_000, 5_000)
    assert tally.to_dict()["summary"] | {"error": 5_000} == tally.to_dict()["summary"]
    assert tally.to_dict()["summary"]["files"] == 10_000
