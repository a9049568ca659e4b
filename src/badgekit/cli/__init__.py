"""badgekit's command line: ``app`` with every command registered, and ``main``."""

from __future__ import annotations

from badgekit.cli import (
    catalogue_commands,  # noqa: F401 - registers list, show, validate
    check_commands,  # noqa: F401 - registers check
    draft_commands,  # noqa: F401 - registers draft and drafts
    export_commands,  # noqa: F401 - registers export
    plan_commands,  # noqa: F401 - registers plan
    profile_commands,  # noqa: F401 - registers profile add/remove/list
)
from badgekit.cli.app import app


def main() -> None:
    app(prog_name="badgekit")


__all__ = ["app", "main"]
