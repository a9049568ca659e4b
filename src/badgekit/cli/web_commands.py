"""``badgekit web``: start the page on this computer, open the browser at it, and say how to stop it."""

from __future__ import annotations

from typing import Annotated

import typer

from badgekit import console
from badgekit.cli.app import WRITE_PANEL, TemplatesDirOption, app, reporting_errors, settings
from badgekit.cli.draft_commands import DraftsDirOption, draft_store
from badgekit.errors import BadgekitError, ExitCode

WEB_HELP = """\
Draft, check and export your statement in your web browser instead of the terminal.

badgekit starts a page on this computer only (nothing is sent anywhere) and opens your
browser at it. Answers are saved as you type, in the same drafts as 'badgekit draft', so
you can start in one and carry on in the other. Press Ctrl-C here to stop.
It needs badgekit's web extra: pip install 'badgekit\\[web]'.

Example: [bold]badgekit web[/]
"""

NO_EXTRA_HINT = (
    "Install it into the same environment as badgekit, with: pip install 'badgekit[web]' "
    "(from a copy of the repository: pip install '.[web]'). The terminal commands work without it."
)


@app.command(rich_help_panel=WRITE_PANEL, help=WEB_HELP)
def web(
    ctx: typer.Context,
    no_browser: Annotated[
        bool, typer.Option("--no-browser", help="Print the address but do not open a browser.")
    ] = False,
    drafts_dir: DraftsDirOption = None,
    templates_dir: TemplatesDirOption = None,
) -> None:
    with reporting_errors():
        try:
            from badgekit.web.server import prepare, serve
            from badgekit.web.site import Site
        except ImportError as missing:
            raise BadgekitError(
                f"the web page needs a library that is not installed ({missing.name})", hint=NO_EXTRA_HINT
            ) from None
        from badgekit.badges.catalogue import load_catalogue

        site = Site(load_catalogue(settings(ctx).badges_dir), draft_store(drafts_dir), templates_dir)
        running = prepare(site)

        def announce(address: str) -> None:
            console.say(f"badgekit is open at {address}")
            console.say(
                "Only this computer can reach it, and only with this address. Everything you type is saved "
                "as you go. To stop, press Ctrl-C here."
            )
            if not no_browser:
                import webbrowser

                webbrowser.open(address)

        try:
            serve(running, announce)
        except KeyboardInterrupt:
            raise typer.Exit(int(ExitCode.INTERRUPTED)) from None
        finally:
            console.say("badgekit web has stopped. Everything you typed is saved.", to_stderr=True)
