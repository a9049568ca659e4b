"""The pages for checking and exporting: what an assessor would return the draft for, then what to submit.

The check is ``badgekit check``'s, run on the statement the draft makes (drafting/checked.py);
each identifying detail is shown in the learner's own answer with the neutral wording the
check suggests, which one button writes into the draft. Exports pass the same privacy gate as
``badgekit export`` and are made by the same functions (export/formats.py). A statement file
written elsewhere can be opened and checked too; it is read, never kept.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from starlette.responses import RedirectResponse, Response

from badgekit.errors import BadgekitError
from badgekit.web.site import Site, answering, site_of

if TYPE_CHECKING:
    from starlette.requests import Request

    from badgekit.badges.model import Badge
    from badgekit.checks.report import FileReport
    from badgekit.drafting.checked import Detail
    from badgekit.drafting.store import Draft

#: Each format's download: the file name's ending and its media type.
DOWNLOADS = {
    "text": (".txt", "text/plain; charset=utf-8"),
    "md": (".blog.md", "text/markdown; charset=utf-8"),
    "html": (".html", "text/html; charset=utf-8"),
    "json": (".evidence.json", "application/json"),
    "docx": (".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
}
#: An uploaded statement larger than this is refused before it is read (as textinput.MAX_BYTES).
UPLOAD_LIMIT = 2 * 1024 * 1024 + 1


def highlighted(text: str, details: list[tuple[int, Detail]]) -> list[tuple[str, int | None]]:
    """The answer's text in pieces, each identifying detail a piece of its own with its number."""
    pieces: list[tuple[str, int | None]] = []
    position = 0
    for index, detail in sorted(details, key=lambda item: item[1].start):
        if detail.start < position:
            continue  # overlapping details: the first is shown
        pieces += [(text[position : detail.start], None), (text[detail.start : detail.end], index)]
        position = detail.end
    pieces.append((text[position:], None))
    return [piece for piece in pieces if piece[0]]


def report_context(report: FileReport) -> dict[str, Any]:
    """What the check found, as the check pages show it: words, criteria, reflection, findings by family."""
    from badgekit.drafting.interview import word_progress
    from badgekit.views.checks import CATEGORY_TITLES, POINT_TITLES

    progress = word_progress(report.badge.words, report.words)
    families = [
        (CATEGORY_TITLES[category], [f for f in report.findings if f.category == category])
        for category in CATEGORY_TITLES
        if category != "privacy"
    ]
    return {
        "report": report,
        "progress": {"words": progress.total, "rule": progress.rule, "status": progress.status},
        "verdict": report.badge.words.judge(report.words).verdict,
        "reflection": [(POINT_TITLES[name], found) for name, found in report.reflection.items()],
        "families": [(name, found) for name, found in families if found],
        "privacy": [f for f in report.findings if f.category == "privacy"],
    }


def _answers_with_details(badge: Badge, draft: Draft, details: tuple[Detail, ...]) -> list[dict[str, Any]]:
    numbered = list(enumerate(details, 1))
    shown = []
    for criterion in badge.criteria_for(draft.level):
        for notes, text in ((False, draft.answer(criterion.id)), (True, draft.discussion(criterion.id))):
            own = [(i, d) for i, d in numbered if d.criterion == criterion.id and d.notes == notes]
            if text and own:
                shown.append({"criterion": criterion, "notes": notes, "pieces": highlighted(text, own)})
    return shown


def _checked(site: Site, badge: Badge, draft: Draft) -> Any:
    from badgekit.drafting.checked import check_draft
    from badgekit.tracking.profile import load_profile_for_checks

    return check_draft(
        badge, draft, site.catalogue, profile=load_profile_for_checks(), templates_dir=site.templates_dir
    )


def as_you_write(site: Site, badge: Badge, draft: Draft, number: int) -> str:
    """The check of one answer as it is now, for beside the box: its status, the sentences it rests on, and
    each identifying detail in it with its one-click replacement. Empty before anything is written."""
    criterion = badge.criteria_for(draft.level)[number - 1]
    if not (draft.answer(criterion.id) or draft.discussion(criterion.id)):
        return ""
    checked = _checked(site, badge, draft)
    coverage = next((c for c in checked.report.criteria if c.number == number), None)
    details = [d for d in checked.details if d.criterion == criterion.id]
    from badgekit.views.checks import POINT_TITLES

    reflection = [(POINT_TITLES[name], found) for name, found in checked.report.reflection.items()]
    template = site.env.get_template("_as_you_write.html.j2")
    return template.render(
        badge=badge,
        number=number,
        coverage=coverage,
        details=details,
        criteria=checked.report.criteria,
        reflection=reflection,
    )


def _draft_or_stop(site: Site, badge: Badge) -> Draft:
    draft = site.store.load(badge.id)
    if draft is None or not (draft.answers or draft.discussions):
        raise BadgekitError(
            f"you have no answers to '{badge.title}' yet, so there is nothing to check",
            hint="Choose the badge on the first page and write your first answer.",
        )
    return draft


@answering
async def check(request: Request) -> Response:
    site = site_of(request)
    badge = site.badge(request.path_params["badge"])
    draft = _draft_or_stop(site, badge)
    checked = _checked(site, badge, draft)
    return site.render(
        "check.html.j2",
        title=f"Check: {badge.title}",
        badge=badge,
        details=checked.details,
        unplaced=checked.unplaced,
        answers=_answers_with_details(badge, draft, checked.details),
        **report_context(checked.report),
    )


@answering
async def replace(request: Request) -> Response:
    """One click: an identifying detail replaced by the suggested neutral wording, and the draft saved."""
    from badgekit.drafting.checked import replace_detail

    site = site_of(request)
    badge = site.badge(request.path_params["badge"])
    form = await request.form()
    try:
        start = int(str(form.get("start", "")))
    except ValueError:
        raise BadgekitError("this replacement does not say where the detail is") from None
    back = str(form.get("back", ""))  # from beside an answer: back to it; never to another site
    back = back if back.startswith(f"/write/{badge.id}/") and back[len(f"/write/{badge.id}/") :].isdigit() else ""
    with site.changing(badge) as draft:
        replace_detail(
            draft,
            str(form.get("criterion", "")),
            form.get("notes") == "1",
            start,
            str(form.get("expected", "")),
            str(form.get("replacement", "")),
        )
    return RedirectResponse(back or f"/check/{badge.id}#privacy", status_code=303)


def _screened(site: Site, badge: Badge, draft: Draft) -> Any:
    """The draft's statement through export's privacy gate: its document, or PrivacyStop."""
    from badgekit.drafting.checked import statement_name, statement_text
    from badgekit.export.document import build_document
    from badgekit.export.gate import screen
    from badgekit.tracking.profile import load_profile_for_checks

    text = statement_text(badge, draft, site.templates_dir)
    screening = screen(
        text,
        statement_name(badge),
        site.catalogue,
        badge=badge.id,
        level=draft.level,
        profile=load_profile_for_checks(),
        others=False,
    )
    return build_document(screening.report.statement, screening.report.badge, screening.report.level)


@answering
async def export(request: Request) -> Response:
    """The plain text to copy into SSSC's form, and a download of each other format."""
    from badgekit.export.formats import PURPOSES, to_text
    from badgekit.export.gate import PrivacyStop

    site = site_of(request)
    badge = site.badge(request.path_params["badge"])
    draft = _draft_or_stop(site, badge)
    try:
        document = _screened(site, badge, draft)
    except PrivacyStop as stop:
        return site.render("stopped.html.j2", 409, title="Nothing exported", badge=badge, stop=stop)
    downloads = [(kind, PURPOSES[kind], badge.id + "-statement" + DOWNLOADS[kind][0]) for kind in DOWNLOADS]
    return site.render(
        "export.html.j2", title=f"Export: {badge.title}", badge=badge, text=to_text(document), downloads=downloads
    )


@answering
async def download(request: Request) -> Response:
    from badgekit.export.formats import export_content
    from badgekit.export.gate import PrivacyStop

    site = site_of(request)
    badge = site.badge(request.path_params["badge"])
    kind = request.path_params["kind"]
    if kind not in DOWNLOADS:
        raise BadgekitError(f"badgekit cannot export '{kind}': choose text, md, html, json or docx")
    draft = _draft_or_stop(site, badge)
    try:
        document = _screened(site, badge, draft)
    except PrivacyStop as stop:
        return site.render("stopped.html.j2", 409, title="Nothing exported", badge=badge, stop=stop)
    suffix, media = DOWNLOADS[kind]
    name = f"{badge.id}-statement{suffix}"
    headers = {"content-disposition": f'attachment; filename="{name}"'}
    return Response(export_content(kind, document, site.templates_dir), media_type=media, headers=headers)


@answering
async def open_file(request: Request) -> Response:
    """Open a statement written elsewhere (.md, .txt, .docx or .odt) and check it; nothing of it is kept."""
    site = site_of(request)
    if request.method == "GET":
        return site.render("open.html.j2", title="Check a statement file", badges=list(site.catalogue))
    return await _check_upload(site, request)


async def _check_upload(site: Site, request: Request) -> Response:
    from starlette.datastructures import UploadFile

    from badgekit.checks.registry import select_rules
    from badgekit.checks.report import Options, check_text, redact
    from badgekit.statement.source import statement_from_bytes
    from badgekit.tracking.profile import load_profile_for_checks

    form = await request.form(max_files=1, max_fields=4)
    upload = form.get("statement")
    if not isinstance(upload, UploadFile) or not upload.filename:
        raise BadgekitError("no file was chosen", hint="Choose your statement file, then press Check this file.")
    name = upload.filename.replace("\\", "/").rsplit("/", 1)[-1]
    source = statement_from_bytes(await upload.read(UPLOAD_LIMIT), name)
    chosen = str(form.get("badge") or "") or None
    options = Options(badge=chosen, rules=tuple(select_rules()), profile=load_profile_for_checks())
    report = check_text(source.text, name, site.catalogue, options, source=source)
    redacted, replaced = redact(report.statement, report.findings)
    detected = ""
    if report.badge_reason:
        from badgekit.checks.badge_detection import describe

        detected = f"Checked against {describe(report.badge)}, {report.badge_reason}."
    return site.render(
        "checked_file.html.j2",
        title=f"Check: {name}",
        name=name,
        redacted=redacted if replaced and not report.in_document else "",
        replaced=replaced,
        detected=detected,
        **report_context(report),
    )
