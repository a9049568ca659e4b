"""The pages for writing: choose a badge, then answer one criterion at a time, saved at every pause.

Each answer goes into the same drafts store as ``badgekit draft`` (drafting/store.py), read
afresh and saved whole at every request, so a draft started in the terminal carries on here
and the other way round. The page's script saves what is typed at each pause in typing
(``keep=0`` after the first save of a visit, so that ``earlier`` keeps answers replaced, not
every pause); without the script, the buttons save it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response

from badgekit.errors import BadgekitError
from badgekit.web.checking import as_you_write
from badgekit.web.site import Site, answering, site_of

if TYPE_CHECKING:
    from starlette.requests import Request

    from badgekit.badges.model import Badge, Criterion
    from badgekit.drafting.store import Draft


def _see(path: str) -> RedirectResponse:
    return RedirectResponse(path, status_code=303)


def _number(request: Request) -> int:
    try:
        return int(request.path_params["number"])
    except ValueError:
        raise BadgekitError("there is no criterion with that number") from None


@answering
async def home(request: Request) -> Response:
    """Choose a badge: search by title, number or id (as ``badgekit list WORD`` does); your drafts first."""
    from badgekit.badges.lookup import matches
    from badgekit.drafting.session import draft_summary

    site = site_of(request)
    query = request.query_params.get("q", "").strip()
    drafts = [
        draft_summary(site.catalogue, entry.draft, entry.path, entry.backups)
        for entry in site.store.entries()
        if entry.draft is not None and entry.badge_id in site.catalogue
    ]
    return site.render(
        "home.html.j2",
        title="Choose a badge",
        query=query,
        badges=[badge for badge in site.catalogue if matches(badge, query)],
        drafts=drafts,
    )


def _criteria(badge: Badge, draft: Draft) -> tuple[Criterion, ...]:
    return badge.criteria_for(draft.level) if not badge.levels or draft.level else ()


def _opened(request: Request) -> tuple[Site, Badge, Draft, bool]:
    """The site, the badge the address names, its draft as saved now, and whether a level must be chosen first."""
    site = site_of(request)
    badge = site.badge(request.path_params["badge"])
    draft = site.load(badge)
    return site, badge, draft, bool(badge.levels) and not draft.level


@answering
async def start(request: Request) -> Response:
    """A badge chosen: its first unanswered criterion (or, for a framework, the level to reflect at first)."""
    from badgekit.tracking.profile import load_profile, prerequisite_advice

    site, badge, draft, needs_level = _opened(request)
    if needs_level:
        return site.render("level.html.j2", title=badge.title, badge=badge)
    criteria = _criteria(badge, draft)
    from badgekit.badges import ai_rule

    first = next((c.number for c in criteria if not draft.answer(c.id)), 1)
    advice = prerequisite_advice(badge, load_profile(), site.catalogue)
    rule = f"{ai_rule.ONE_LINE} " if not badge.no_ai else ""  # as draft's opening says it
    return site.render(
        "start.html.j2",
        title=badge.title,
        badge=badge,
        criteria=criteria,
        first=first,
        answered=sum(1 for c in criteria if draft.answer(c.id)),
        advice=advice,
        first_of_all=badge.before_you_start(),
        ai=rule + ai_rule.BADGEKIT_NEVER,
        words=badge.words.describe(),
    )


@answering
async def choose_level(request: Request) -> Response:
    from badgekit.drafting.session import resolve_level

    site = site_of(request)
    badge = site.badge(request.path_params["badge"])
    form = await request.form()
    level = resolve_level(badge, str(form.get("level", "")))
    with site.changing(badge) as draft:
        if draft.level not in (None, level):
            raise BadgekitError(f"your draft of '{badge.id}' is for the level '{draft.level}'")
        draft.level = level
    return _see(f"/write/{badge.id}")


def _progress(site: Site, badge: Badge, draft: Draft) -> dict[str, Any]:
    from badgekit.drafting.interview import word_progress

    progress = word_progress(badge.words, draft.words([c.id for c in _criteria(badge, draft)]))
    return {"words": progress.total, "rule": progress.rule, "status": progress.status, "within": progress.within}


def _screen(site: Site, badge: Badge, draft: Draft, number: int) -> dict[str, Any]:
    from badgekit.drafting.messages import SSSC_PROMPTS
    from badgekit.statement.wordcount import count_words

    criteria = _criteria(badge, draft)
    if not 1 <= number <= len(criteria):
        raise BadgekitError(f"'{badge.id}' has no {badge.criterion_noun} {number}")
    criterion = criteria[number - 1]
    answer = draft.answer(criterion.id) or ""
    return {
        "title": f"{badge.criterion_word} {number} of {len(criteria)}: {badge.title}",
        "badge": badge,
        "criteria": [(c, bool(draft.answer(c.id))) for c in criteria],
        "criterion": criterion,
        "number": number,
        "total": len(criteria),
        "answer": answer,
        "answer_words": count_words(answer),
        "notes": draft.discussion(criterion.id) or "",
        "prompts": criterion.prompts or SSSC_PROMPTS,
        "progress": _progress(site, badge, draft),
        "as_you_write": as_you_write(site, badge, draft, number),
    }


@answering
async def write(request: Request) -> Response:
    site, badge, draft, needs_level = _opened(request)
    if needs_level:
        return _see(f"/write/{badge.id}")
    return site.render("write.html.j2", **_screen(site, badge, draft, _number(request)))


@answering
async def seen(request: Request) -> Response:
    """What the check sees in one answer now, for beside the box: asked for after each save at a pause, apart
    from the save, so that a check taking its time never holds up saving what was typed."""
    site, badge, draft, needs_level = _opened(request)
    number = _number(request)
    if needs_level or not 1 <= number <= len(_criteria(badge, draft)):
        raise BadgekitError(f"'{badge.id}' has no {badge.criterion_noun} {number}")
    return HTMLResponse(as_you_write(site, badge, draft, number))


def _next_page(badge: Badge, number: int, total: int, go: str) -> str:
    if go == "back":
        return f"/write/{badge.id}/{max(1, number - 1)}"
    if go == "next" and number < total:
        return f"/write/{badge.id}/{number + 1}"
    if go.isdigit() and 1 <= int(go) <= total:
        return f"/write/{badge.id}/{go}"
    if go == "stay":
        return f"/write/{badge.id}/{number}"
    return f"/check/{badge.id}"


@answering
async def save(request: Request) -> Response:
    """Save an answer (and notes from a discussion): at a pause in typing (JSON back), or with a button."""
    from badgekit.drafting.store import clean_answer

    site = site_of(request)
    badge = site.badge(request.path_params["badge"])
    number = _number(request)
    form = await request.form()
    keep = form.get("keep", "1") != "0"
    with site.changing(badge) as draft:
        criteria = _criteria(badge, draft)
        if not 1 <= number <= len(criteria):
            raise BadgekitError(f"'{badge.id}' has no {badge.criterion_noun} {number}")
        criterion = criteria[number - 1]
        for field, given, setter in (
            ("answer", draft.answer(criterion.id), draft.set_answer),
            ("notes", draft.discussion(criterion.id), draft.set_discussion),
        ):
            if field in form:
                text = clean_answer(str(form[field]))
                if text or given:  # an emptied box is saved too, and the text it held is kept in earlier
                    setter(criterion.id, text, keep_replaced=keep)
    if request.headers.get("x-badgekit-save") == "pause":
        return JSONResponse({"saved": True, **_progress(site, badge, draft)})
    return _see(_next_page(badge, number, len(criteria), str(form.get("go", "next"))))
