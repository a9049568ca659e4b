"""The README's set-up commands are the ones CI runs."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    set_up = text[text.index("## Set up") : text.index("## A short tour")]
    return re.findall(r"```(?:sh|powershell)\n(.+?)\n```", set_up, re.S)


def test_ci_runs_the_readmes_test_command_word_for_word() -> None:
    (install_and_test,) = [c for c in readme_commands() if "scripts/test" in c]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert install_and_test in ci
    script = (ROOT / "scripts" / "test").read_text(encoding="utf-8")
    assert "pip install --quiet -e '.[test]'" in script and "pytest" in script
    for need in ("chromium", "npm", "tests/browser/axe.py", "python3-venv", "libreoffice-writer-nogui"):
        assert need in script, f"scripts/test does not install {need}"


def test_the_first_command_starts_a_badge_a_newcomer_can_begin_on_every_system() -> None:
    posix, windows = readme_commands()[:2]
    assert posix.startswith("python3 -m venv .venv") and posix.endswith("badgekit draft writing-evidence")
    assert windows.startswith("py -m venv .venv") and windows.endswith("badgekit draft writing-evidence")
    assert "&&" not in windows, "Windows PowerShell 5 has no &&"
    assert any("pipx install" in c and "pipx uninstall badgekit" in c for c in readme_commands())


def test_the_developers_map_names_every_module_in_its_folder() -> None:
    """The README's map of src/badgekit/ matches the tree: each module under its own folder's line."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    tree = text[text.index("  src/badgekit/\n") :].split("```")[0]
    by_folder: dict[str, str] = {}
    folder = ""
    for line in tree.splitlines()[1:]:
        head = line[4:16].strip()
        if head.endswith("/"):
            folder = head  # lines that start with no folder go on the folder above
        by_folder[folder] = by_folder.get(folder, "") + " " + line
    package = ROOT / "src" / "badgekit"
    for module in sorted(package.rglob("*.py")):
        relative = module.relative_to(package)
        if module.name in ("__init__.py", "__main__.py"):
            continue
        where = f"{relative.parent}/" if relative.parent != Path(".") else ""
        if where == "cli/" and module.name.endswith("_commands.py"):
            continue  # "one *_commands.py per command"
        assert re.search(rf"\b{re.escape(module.name)}\b", by_folder.get(where, "")), f"{relative} is not on the map"
    folders = {f"{p.name}/" for p in package.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    assert folders == {f for f in by_folder if f}, "the map's folders are the package's"
