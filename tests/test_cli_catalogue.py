"""``badgekit list``, ``show``, ``validate`` and ``--version`` as a user meets them."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from badgekit import __version__

Run = Callable[..., Result]


def test_version(run: Run) -> None:
    result = run("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"badgekit {__version__}"


def test_help_teaches_with_an_example_for_every_command(run: Run) -> None:
    for command in ("list", "show", "validate"):
        result = run(command, "--help")
        assert result.exit_code == 0, command
        assert f"badgekit {command}" in result.stdout, f"{command} --help has no example"


def test_list_shows_every_bundled_badge(run: Run) -> None:
    result = run("list")
    assert result.exit_code == 0, result.stderr
    for badge_id in ("leadership-across-boundaries", "thing-19-citizen-leadership", "multi-agency-expectations"):
        assert badge_id in result.stdout
    assert "500–1000" in result.stdout and "suggested" in result.stdout
    assert result.stderr == ""


def test_list_fits_an_80_column_terminal_without_cutting_words(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    out = run("list").stdout
    assert max(len(line.rstrip()) for line in out.splitlines()) <= 80
    words = [word.rstrip(";,") for word in out.split()]
    for badge_id in ("leadership-across-boundaries", "leading-and-developing-people", "thing-19-citizen-leadership"):
        assert badge_id in words  # an id is never cut or wrapped
    for word in ("Capability", "Feedback", "recommended", "(unverified):"):
        assert word in words
    assert "'badgekit show ID' gives the details, including the recommended badges." in " ".join(out.split())


def test_list_as_json(run: Run) -> None:
    result = run("list", "--format", "json")
    data = json.loads(result.stdout)
    assert data["schema"] == 1
    by_id = {b["id"]: b for b in data["badges"]}
    thing19 = by_id["thing-19-citizen-leadership"]
    assert thing19["words"]["minimum"] == 200
    assert thing19["word_rule"] == "at least 200 words"
    assert thing19["aliases"] == ["thing-19", "elc-thing-19"]
    assert len(by_id["multi-agency-expectations"]["levels"]) == 3


def test_show_prints_the_badge_as_a_learner_reads_it(run: Run) -> None:
    result = run("show", "leadership-across-boundaries")
    assert result.exit_code == 0, result.stderr
    out = " ".join(result.stdout.split())  # Rich wraps long lines
    assert "Leading and managing across boundaries" in out
    assert "Criteria (7)" in out
    assert "3. build and maintain trust with colleagues in your own, and other, agencies" in out
    assert "500–1000 words suggested" in out
    assert "You should already hold the Leadership Capability Feedback badge. (required)" in out
    assert "A link to your own blog or e-portfolio" in out
    assert "I confirm that all the work provided as evidence will be my own" in out


def test_show_by_alias_lists_steps_and_questions(run: Run) -> None:
    out = " ".join(run("show", "thing-19").stdout.split())
    assert "Questions to answer (4)" in out
    assert "Dreaming of the Future" in out
    assert "At least 200 words" in out


def test_show_says_when_wording_is_unverified(run: Run) -> None:
    out = " ".join(run("show", "self-leadership").stdout.split())
    assert "Not checked word for word against the badge page" in out
    assert "criterion 10" in out


def test_show_a_framework_lists_each_level(run: Run) -> None:
    out = " ".join(run("show", "multi-agency-expectations").stdout.split())
    for level in ("Strategic Leaders", "Senior and Middle Managers", "Direct Practice"):
        assert level in out


def test_show_unknown_badge_suggests_the_closest(run: Run) -> None:
    result = run("show", "leadership-acros-boundaries")
    assert result.exit_code == 3
    assert result.stdout == ""
    assert "error: there is no badge called 'leadership-acros-boundaries'" in result.stderr
    assert "Did you mean 'leadership-across-boundaries'?" in result.stderr
    assert "Traceback" not in result.stderr


def test_validate_all_bundled_badges(run: Run) -> None:
    result = run("validate")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("All ") and "badge files are valid" in result.stdout


def test_validate_reports_every_problem_with_file_line_and_field(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "my-badge.yaml"
    path.write_text(
        "schema_version: 1\nid: my-badge\ntitel: My badge\ndescription: x\n"
        "source: {url: 'https://example.org', verified: yes}\ncriteria:\n  - id: a\n",
        encoding="utf-8",
    )
    result = run("validate", str(path))
    assert result.exit_code == 3
    lines = result.stderr.strip().splitlines()
    assert lines == [
        f"error: {path}:1: title: required",
        f"error: {path}:3: titel: unknown key (did you mean 'title'?)",
        f"error: {path}:7: criteria[0].text: required",
    ]


def test_validate_as_json(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("schema_version: 1\nid: bad\n", encoding="utf-8")
    data = json.loads(run("validate", str(path), "--format", "json").stdout)
    assert data["valid"] is False
    assert {"path": str(path), "line": 1, "field": "title", "message": "required"} in data["problems"]


def test_validate_a_missing_or_binary_file(run: Run, tmp_path: Path) -> None:
    result = run("validate", str(tmp_path / "nowhere.yaml"))
    assert result.exit_code == 3
    assert f"{tmp_path / 'nowhere.yaml'}: no such file" in result.stderr
    binary = tmp_path / "badge.yaml"
    binary.write_bytes(b"\x89PNG\x00\x01")
    result = run("validate", str(binary))
    assert result.exit_code == 3
    assert "this is not a text file" in result.stderr


def test_a_users_badge_directory_option(run: Run, tmp_path: Path) -> None:
    own = tmp_path / "ours"
    own.mkdir()
    (own / "induction.yaml").write_text(
        "schema_version: 1\nid: our-induction\ntitle: Our induction\ndescription: x\n"
        "source: {url: 'https://example.org', verified: true}\ncriteria:\n  - {id: a, text: do a}\n",
        encoding="utf-8",
    )
    result = run("--badges-dir", str(own), "show", "our-induction")
    assert result.exit_code == 0, result.stderr
    assert "Our induction" in result.stdout


def test_a_broken_file_in_the_users_directory_is_named_but_does_not_hide_the_rest(run: Run, tmp_path: Path) -> None:
    own = tmp_path / "ours"
    own.mkdir()
    (own / "broken.yaml").write_text("id: [\n", encoding="utf-8")
    result = run("--badges-dir", str(own), "list")
    assert result.exit_code == 3
    assert "leadership-across-boundaries" in result.stdout
    assert f"{own / 'broken.yaml'}:" in result.stderr


def test_main_builds_only_the_command_asked_for() -> None:
    from badgekit.cli import app, keep_only_command

    commands, groups = list(app.registered_commands), list(app.registered_groups)
    try:
        keep_only_command(["--badges-dir", "show", "check", "statement.md"])
        assert [info.callback.__name__ for info in app.registered_commands if info.callback] == ["check"]
        assert app.registered_groups == []
        app.registered_commands, app.registered_groups = list(commands), list(groups)
        keep_only_command(["profile", "list"])
        assert app.registered_commands == [] and [g.name for g in app.registered_groups] == ["profile"]
        app.registered_commands, app.registered_groups = list(commands), list(groups)
        keep_only_command(["chek"])  # no such command: keep them all, so the error can suggest one
        assert len(app.registered_commands) == len(commands)
        keep_only_command(["--version"])
        assert app.registered_commands == [] and app.registered_groups == []
    finally:
        app.registered_commands, app.registered_groups = commands, groups


def test_every_command_is_known_by_the_module_that_registers_it() -> None:
    from badgekit.cli import COMMAND_MODULES, app

    registered = {info.name or info.callback.__name__ for info in app.registered_commands if info.callback}
    registered |= {group.name for group in app.registered_groups if group.name}
    assert set(COMMAND_MODULES) == registered
    for name, module in COMMAND_MODULES.items():
        found = [info for info in app.registered_commands if (info.name or info.callback.__name__) == name]
        found += [group for group in app.registered_groups if group.name == name]
        callback = getattr(found[0], "callback", None) or found[0].typer_instance.registered_commands[0].callback
        assert callback.__module__ == f"badgekit.cli.{module}", name


@pytest.mark.parametrize(
    ("line", "imported"),
    [(["check", "x.md"], {"check_commands"}), (["--badges-dir", "d", "list"], {"catalogue_commands"}),
     (["--version"], set()), (["chek"], None)],  # None: a word that is no command imports them all
)  # fmt: skip
def test_a_run_imports_only_the_module_of_its_command(line: list[str], imported: set[str] | None) -> None:
    from badgekit.cli import COMMAND_MODULES

    # In a fresh process: this one has imported them all.
    code = (
        f"import json, sys; from badgekit.cli import register; register({line!r}); print(json.dumps(list(sys.modules)))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    commands = {
        m.rsplit(".", 1)[1] for m in json.loads(done.stdout) if m.startswith("badgekit.cli.") and "_commands" in m
    }
    assert commands == (set(COMMAND_MODULES.values()) if imported is None else imported)


def test_a_badge_folder_that_does_not_exist_is_an_error(run: Run, tmp_path: Path) -> None:
    result = run("--badges-dir", str(tmp_path / "nosuch"), "list")
    assert result.exit_code == 2
    assert "does not exist" in " ".join(result.stderr.replace("│", " ").split())


def test_every_json_output_starts_with_its_schema(run: Run, tmp_path: Path) -> None:
    """show --format json had lost the schema key every other JSON output has."""
    for args in (["show", "writing-evidence"], ["list"], ["validate"], ["profile", "list"], ["drafts"]):
        result = run(*args, "--format", "json")
        data = json.loads(result.stdout)
        assert next(iter(data)) == "schema" and data["schema"] == 1, args
    assert json.loads(run("show", "writing-evidence", "--format", "json").stdout)["id"] == "writing-evidence"
