"""What every page of ``badgekit web`` shares: the badges, the drafts store, the page templates, and errors.

The page templates are badgekit's own (web/assets/templates), with autoescaping on, so the
learner's text reaches them only as data and is always shown exactly as typed. A
``BadgekitError`` raised by the core becomes a page saying what went wrong and what to do,
in the words ``badgekit`` uses in the terminal; never a traceback.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import wraps
from pathlib import Path
from typing import TYPE_CHECKING, Any

from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from badgekit.errors import BadgekitError, UnknownBadgeError

if TYPE_CHECKING:
    from jinja2 import Environment

    from badgekit.badges.catalogue import Catalogue
    from badgekit.badges.model import Badge
    from badgekit.drafting.store import Draft, DraftStore

Handler = Callable[[Request], Awaitable[Response]]


def page_environment() -> Environment:
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    from badgekit import resources

    folder = resources.web_assets_dir() / "templates"
    return Environment(loader=FileSystemLoader(folder), autoescape=True, undefined=StrictUndefined)


@dataclass
class Site:
    """The state of one running ``badgekit web``: read once at start, except the drafts, read at every request."""

    catalogue: Catalogue
    store: DraftStore
    templates_dir: Path | None = None  # the learner's own statement and export templates
    folder: Path = field(default_factory=Path.cwd)  # where the statements to review are: where badgekit web started
    env: Environment = field(default_factory=page_environment)

    def badge(self, name: str) -> Badge:
        return self.catalogue.get(name)

    def render(self, template: str, status: int = 200, **context: Any) -> HTMLResponse:
        from badgekit import __version__

        html = self.env.get_template(template).render(version=__version__, **context)
        return HTMLResponse(html, status_code=status)

    def load(self, badge: Badge) -> Draft:
        """The learner's draft of a badge as saved now, or a new, empty one (not saved until written in)."""
        from badgekit.drafting.store import Draft

        return self.store.load(badge.id) or Draft(badge=badge.id, title=badge.title)

    @contextmanager
    def changing(self, badge: Badge) -> Iterator[Draft]:
        """The draft, held against a terminal interview of the same badge, and saved when the change is made."""
        with self.store.open_for_writing(badge.id):
            draft = self.load(badge)
            yield draft
            self.store.save(draft)


def site_of(request: Request) -> Site:
    site: Site = request.app.state.site
    return site


def answering(handler: Handler) -> Handler:
    """Show badgekit's own errors as a page: what went wrong, and the hint."""

    @wraps(handler)
    async def answer(request: Request) -> Response:
        try:
            return await handler(request)
        except BadgekitError as error:
            status = 404 if isinstance(error, UnknownBadgeError) else 409
            return problem(request, error.error_lines(), error.hint or "", status)
        except OSError as error:  # a full disk or a vanished folder: said plainly, as the terminal says it
            where = f"{error.filename}: " if error.filename else ""
            return problem(request, [f"{where}{error.strerror or error}"], "", 500)

    return answer


def problem(request: Request, lines: list[str], hint: str, status: int) -> Response:
    """What went wrong, as a page; or, to the page's script saving at a pause, as one line it shows."""
    if request.headers.get("x-badgekit-save") == "pause":
        from starlette.responses import JSONResponse

        return JSONResponse({"saved": False, "message": " ".join([*lines, hint]).strip()}, status_code=status)
    return site_of(request).render("problem.html.j2", status, lines=lines, hint=hint, title="Something is wrong")


async def unexpected(request: Request, error: Exception) -> Response:
    """Anything else: a plain page, never a traceback; everything typed before it is saved already."""
    return problem(
        request,
        ["badgekit met a problem it did not expect, so this page could not be shown."],
        "Everything you typed before this is saved. Go back and try again; if it happens again, "
        "stop badgekit (Ctrl-C in its window) and start it again.",
        500,
    )
