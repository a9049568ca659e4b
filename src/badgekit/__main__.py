"""Allow ``python -m badgekit``."""

from badgekit.cli import run

run()
