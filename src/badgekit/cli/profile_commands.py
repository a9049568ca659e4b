"""``badgekit profile``: record the badges you hold, so badgekit can say what to earn first."""

from __future__ import annotations

from typing import Annotated

import typer

from badgekit import console
from badgekit.cli.app import TRACK_PANEL, FormatOption, OutputFormat, app, print_json, reporting_errors, settings
from badgekit.cli.params import PLAIN_TEXT
from badgekit.invocation import program

profile_app = typer.Typer(
    help="Record the badges you already hold, so that show, draft, check and plan can say what to earn first.",
    no_args_is_help=True,
)
app.add_typer(profile_app, name="profile", rich_help_panel=TRACK_PANEL)

# Several words are taken together as one title, so that `profile add Leadership Capability
# Feedback` works without quotes, as people type it.
BadgeArgument = Annotated[
    list[str],
    typer.Argument(
        metavar="BADGE",
        click_type=PLAIN_TEXT,
        help="A badge id or alias from 'badgekit list', or the title of any other badge.",
    ),
]


@profile_app.command("add")
def add(ctx: typer.Context, badge: BadgeArgument) -> None:
    """Record a badge you hold.

    Example: [bold]badgekit profile add "Leadership Capability Feedback"[/]
    """
    from badgekit.badges.catalogue import load_catalogue
    from badgekit.tracking.profile import add_held, load_profile, resolve_badge, save_profile

    with reporting_errors():
        catalogue = load_catalogue(settings(ctx).badges_dir)
        profile = load_profile()
        held = resolve_badge(" ".join(badge), catalogue)
        if add_held(profile, held):
            save_profile(profile)
            console.stdout().print(f"Recorded that you hold '{held.name}'.", markup=False)
        else:
            console.stdout().print(f"'{held.name}' is already in your profile.", markup=False)


@profile_app.command("remove")
def remove(ctx: typer.Context, badge: BadgeArgument) -> None:
    """Remove a badge from your profile.

    Example: [bold]badgekit profile remove writing-evidence[/]
    """
    from badgekit.badges.catalogue import load_catalogue
    from badgekit.tracking.profile import load_profile, remove_held, save_profile

    with reporting_errors():
        catalogue = load_catalogue(settings(ctx).badges_dir)
        profile = load_profile()
        held = remove_held(profile, " ".join(badge), catalogue)
        save_profile(profile)
        console.stdout().print(f"Removed '{held.name}' from your profile.", markup=False)


@profile_app.command("list")
def list_held(output: FormatOption = OutputFormat.text) -> None:
    """List the badges you have recorded.

    Example: [bold]badgekit profile list[/]
    """
    from badgekit.tracking.profile import load_profile

    with reporting_errors():
        profile = load_profile()
    if output is OutputFormat.json:
        badges = [{"name": h.name, "id": h.badge_id, "added": h.added} for h in profile.held]
        print_json({"badges": badges})
        return
    out = console.stdout()
    if not profile.held:
        out.print(f"You have not recorded any badges yet. Add one with: {program()} profile add BADGE", markup=False)
        return
    for held in profile.held:
        extra = f" ({held.badge_id})" if held.badge_id else ""
        out.print(f"• {held.name}{extra}, recorded {held.added}", markup=False)
