"""Where badgekit's data lives: the bundled badges and templates, and the user's own.

This is the one module that knows file locations. The bundled ``criteria/`` and
``templates/`` directories are shipped inside the wheel (see ``force-include`` in
pyproject.toml); an editable install or a plain checkout finds them at the top of
the repository instead. The user's own directories come first wherever both exist,
so an organisation can add or replace badges and templates without editing badgekit.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "badgekit"

#: Environment variables that move the user's directories (each also has a CLI option).
BADGES_DIR_ENV = "BADGEKIT_BADGES_DIR"
TEMPLATES_DIR_ENV = "BADGEKIT_TEMPLATES_DIR"
DATA_DIR_ENV = "BADGEKIT_DATA_DIR"

_PACKAGE_DIR = Path(__file__).resolve().parent


def _bundled(name: str) -> Path:
    installed = _PACKAGE_DIR / name  # inside an installed wheel
    if installed.is_dir():
        return installed
    checkout = _PACKAGE_DIR.parent.parent / name  # src/badgekit/../../name in a checkout
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"badgekit's bundled '{name}' directory is missing: reinstall badgekit")


def bundled_criteria_dir() -> Path:
    return _bundled("criteria")


def bundled_templates_dir() -> Path:
    return _bundled("templates")


def rules_document() -> Path:
    """docs/rules.md, which ``badgekit rules CODE`` reads: shipped in the wheel beside the badges."""
    installed = _PACKAGE_DIR / "docs" / "rules.md"
    return installed if installed.is_file() else _PACKAGE_DIR.parent.parent / "docs" / "rules.md"


def web_assets_dir() -> Path:
    """The web page's own templates and static files (``badgekit web``): part of the package, never the user's."""
    return _PACKAGE_DIR / "web" / "assets"


def user_data_dir() -> Path:
    """The user's badgekit directory: drafts, own badges, own templates, profile."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override).expanduser()
    return _platform_dir("data")


def user_badges_dir(override: Path | None = None) -> Path:
    """The directory searched for the user's own badge files before the bundled ones."""
    if override is not None:
        return override.expanduser()
    env = os.environ.get(BADGES_DIR_ENV)
    return Path(env).expanduser() if env else user_data_dir() / "criteria"


def user_templates_dir(override: Path | None = None) -> Path:
    """The directory searched for the user's own templates before the bundled ones."""
    if override is not None:
        return override.expanduser()
    env = os.environ.get(TEMPLATES_DIR_ENV)
    return Path(env).expanduser() if env else user_data_dir() / "templates"


def user_cache_dir() -> Path:
    """Where badgekit keeps what it can rebuild at any time (the parsed badge catalogue)."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override).expanduser() / "cache"
    return _platform_dir("cache")


_XDG = {"data": ("XDG_DATA_HOME", "~/.local/share"), "cache": ("XDG_CACHE_HOME", "~/.cache")}


def _platform_dir(kind: str) -> Path:
    """The platform's folder for badgekit's data or cache, as platformdirs gives it.

    On Linux that is the XDG rule, applied here directly: importing platformdirs costs
    about 4 ms, paid by every command. Elsewhere platformdirs knows the conventions.
    """
    if sys.platform.startswith("linux"):
        variable, default = _XDG[kind]
        base = os.environ.get(variable, "").strip()
        return Path(base or default).expanduser() / APP_NAME
    import platformdirs

    found: Path = getattr(platformdirs, f"user_{kind}_path")(APP_NAME, appauthor=False)
    return found
