"""Allow ``python -m badgekit``."""

from badgekit.cli import main

main()
