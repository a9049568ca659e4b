"""The README's set-up commands are the ones CI runs."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    set_up = text[text.index("## Set up") : text.index("## A short tour")]
    return re.findall(r"```sh\n(.+?)\n```", set_up)


def test_ci_runs_the_readmes_test_command_word_for_word() -> None:
    install_and_start, install_and_test = readme_commands()
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert install_and_test in ci
    assert "pytest" in install_and_test and "pip install" in install_and_start


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
