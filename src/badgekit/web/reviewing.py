"""The manager's review in the browser: SSSC's checklist beside the statement, saved as the review file.

The statements are those ``badgekit draft`` writes in the folder ``badgekit web`` was started
in (statement/files.py), named by file name only, so no address reaches another folder. The
review is ``badgekit review``'s (review/): started or carried on by ``start_review``, filled in
from the form by ``apply_form`` and saved beside the statement by ``save_review`` at every
press of a button, finished or not. A finished review is shown with the copy for the learner.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from starlette.responses import HTMLResponse, RedirectResponse, Response

from badgekit.errors import BadgekitError
from badgekit.invocation import program
from badgekit.web.site import Site, answering, site_of

if TYPE_CHECKING:
    from starlette.requests import Request

    from badgekit.review.record import ReviewRecord


def _statement(site: Site, name: str) -> Path:
    from badgekit.statement.files import statements_in

    found = {path.name: path for path in statements_in(site.folder)}
    if name not in found:
        raise BadgekitError(
            f"there is no statement called '{name}' in {site.folder}",
            hint="Choose one of the statements listed on the review page.",
        )
    return found[name]


def _review_file(statement: Path) -> Path:
    from badgekit.review.session import review_path

    return review_path(str(statement), None)


@answering
async def reviews(request: Request) -> Response:
    """The statements in the folder, each with its review's state."""
    from badgekit.review.record import OUTCOMES, load_review
    from badgekit.statement.files import statements_in

    site = site_of(request)
    rows = []
    for statement in statements_in(site.folder):
        target = _review_file(statement)
        state = "not reviewed yet"
        if target.exists():
            try:
                state = OUTCOMES[load_review(str(target)).outcome()]
            except BadgekitError:
                state = "its review file cannot be read"
        rows.append((statement.name, state))
    return site.render("reviews.html.j2", title="Review a statement", folder=str(site.folder), rows=rows)


def _started(site: Site, statement: Path) -> tuple[ReviewRecord, Any]:
    from badgekit.review.record import load_review
    from badgekit.review.session import start_review

    target = _review_file(statement)
    if target.exists():
        earlier = load_review(str(target))
        if earlier.finished:
            return earlier, None
    started = start_review(site.catalogue, str(statement), target, None, None, None, False, fresh=False)
    return started.record, started.statement


def _page(site: Site, statement: Path, record: ReviewRecord, parsed: Any, **extra: Any) -> HTMLResponse:
    from badgekit.review.record import OUTCOMES

    lines = parsed.text.splitlines() if parsed is not None else []
    return site.render(
        "review.html.j2",
        title=f"Review: {statement.name}",
        name=statement.name,
        record=record,
        outcome=OUTCOMES[record.outcome()],
        lines=list(enumerate(lines, 1)),
        problem=extra.get("problem"),
        warnings=extra.get("warnings", []),
    )


@answering
async def review(request: Request) -> Response:
    site = site_of(request)
    statement = _statement(site, request.path_params["name"])
    record, parsed = _started(site, statement)
    return _page(site, statement, record, parsed)


@answering
async def save(request: Request) -> Response:
    """Save the review as the form gives it; finish it when that button was pressed."""
    from badgekit.review.session import save_review
    from badgekit.review.walk import apply_form

    site = site_of(request)
    statement = _statement(site, request.path_params["name"])
    record, parsed = _started(site, statement)
    if record.finished:
        raise BadgekitError(
            "this review is finished, so it was left as it is",
            hint=f"To start a new one, run in the terminal: {program()} review {statement.name} --force",
        )
    form = await request.form()
    given = {key: str(value) for key, value in form.items()}
    try:
        warnings = apply_form(record, given, date.today(), finish=given.get("go") == "finish")
    except BadgekitError as problem:
        save_review(record, _review_file(statement))
        page = _page(site, statement, record, parsed, problem=problem)
        page.status_code = 409
        return page
    save_review(record, _review_file(statement))
    if record.finished:
        return RedirectResponse(f"/review/{statement.name}", status_code=303)
    return _page(site, statement, record, parsed, warnings=warnings)


@answering
async def learners_copy(request: Request) -> Response:
    """The finished review as the learner reads it: the same web page ``badgekit review --html`` writes."""
    from badgekit.review.record import load_review
    from badgekit.review.session import render_review

    site = site_of(request)
    statement = _statement(site, request.path_params["name"])
    target = _review_file(statement)
    if not target.exists():
        raise BadgekitError(f"{statement.name} has no review yet")
    html = render_review(load_review(str(target)), "html", site.templates_dir)
    return HTMLResponse(html, headers={"content-disposition": f'attachment; filename="{target.stem}.html"'})
