"""``badgekit export``: a checked statement as a web page, plain text, Markdown, Word or Open Badges evidence."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from badgekit import console
from badgekit.cli.app import (
    WRITE_PANEL,
    AllowNameOption,
    BadgeOption,
    LevelOption,
    TemplatesDirOption,
    app,
    argument,
    output_option,
    reporting_errors,
    settings,
    statement_named,
    warn_older_exports,
)
from badgekit.errors import BadgekitError
from badgekit.invocation import program

if TYPE_CHECKING:
    from badgekit.console import Messages
    from badgekit.export.document import ExportDocument
    from badgekit.export.gate import Screening
    from badgekit.tracking.profile import Profile


def _report_checks(err: Messages, path: str, screening: Screening) -> None:
    from badgekit.export.gate import finding_line, summary

    report = screening.report
    where = report.where if report.in_document else None

    privacy_errors = [f for f in screening.privacy if f.severity == "error"]
    if privacy_errors:
        err.print(
            f"warning: exported with --ignore-privacy although the privacy check found {summary(privacy_errors)}:",
            style="yellow",
            markup=False,
            soft_wrap=True,
        )
        for finding in privacy_errors:
            err.print(f"  {finding_line(path, finding, where)}", markup=False, soft_wrap=True)
    rest = [f for f in screening.privacy if f.severity != "error"] + list(screening.others)
    found = summary(rest)
    if found:
        err.print(
            f"The check also found {found}: see them with '{program()} check {path}{report.badge_option()}' "
            "before you submit.",
            markup=False,
            soft_wrap=True,
        )
    elif not privacy_errors:
        err.print("The check found nothing an assessor would return this statement for.", markup=False, soft_wrap=True)


_FileOption = Annotated[
    Optional[str],  # noqa: UP045 - Typer needs Optional on Python 3.10 here
    argument(
        metavar="[FILE]",
        help="The statement to export, or - for standard input. \\[default: your latest draft's statement here]",
        plain=True,
    ),
]

_JsonEvidenceOption = Annotated[
    bool, typer.Option("--json", help="Open Badges evidence (FILE.evidence.json) for e-portfolio systems.")
]

_DocxOption = Annotated[
    bool, typer.Option("--docx", help="A Word document (FILE.docx) to keep editing in Word or LibreOffice.")
]

_OutputOption = Annotated[
    Optional[Path],  # noqa: UP045 - Typer needs Optional on Python 3.10 here
    output_option("Where to save it ('-' prints it). \\[default: named after the statement]", path_only=False),
]

_DeclareToolsOption = Annotated[
    bool,
    typer.Option(
        "--declare-tools",
        help="Add a short declaration of how you used badgekit, as SSSC asks you to declare any use of AI.",
    ),
]

_IgnorePrivacyOption = Annotated[
    bool,
    typer.Option(
        "--ignore-privacy",
        help="Export even though the privacy check found details that could identify someone.",
    ),
]

EXPORT_HELP = """\
Export a statement to submit or share: a web page, plain text, Markdown, Word or Open Badges evidence.

The privacy check runs first: if it finds anything that could identify someone,
nothing is exported and each detail is listed with its line; details an ignore
comment silences are listed as a warning. Other findings are summed up in one
line. With no FILE, the statement 'badgekit draft' wrote in this folder is used:
the one for the badge you drafted most recently, or the only one.
Files are saved beside the statement, readable by you only, and never over an
existing file without --force.

Exit codes: 0 exported; 1 stopped by the privacy check; 2 the command was typed
wrongly; 3 something badgekit cannot use: a statement that is missing, unreadable
or empty, a badge id it does not know, or a template that is not valid.

Example: [bold]badgekit export leadership-across-boundaries-statement.md --html[/]
"""


@app.command("export", rich_help_panel=WRITE_PANEL, help=EXPORT_HELP)
def export(
    ctx: typer.Context,
    file: _FileOption = None,
    html: Annotated[bool, typer.Option("--html", help="A web page (FILE.html) to link from an e-portfolio.")] = False,
    text: Annotated[bool, typer.Option("--text", help="Plain text (FILE.txt) to paste into a form.")] = False,
    md: Annotated[bool, typer.Option("--md", help="Tidy Markdown (FILE.blog.md) for a blog.")] = False,
    json_evidence: _JsonEvidenceOption = False,
    docx: _DocxOption = False,
    output: _OutputOption = None,
    force: Annotated[bool, typer.Option("--force", help="Replace a file that already exists.")] = False,
    badge: BadgeOption = None,
    level: LevelOption = None,
    allow_name: AllowNameOption = None,
    ignore_privacy: _IgnorePrivacyOption = False,
    declare_tools: _DeclareToolsOption = False,
    templates_dir: TemplatesDirOption = None,
) -> None:
    from badgekit.badges.catalogue import load_catalogue
    from badgekit.export.document import build_document
    from badgekit.export.gate import screen
    from badgekit.statement.source import read_statement
    from badgekit.textinput import display_name

    formats = (("html", html), ("text", text), ("md", md), ("json", json_evidence), ("docx", docx))
    chosen = [k for k, on in formats if on]
    if not chosen:
        raise typer.BadParameter(
            "choose what to export: --html (a web page), --text (to paste into the application form), "
            "--md (for a blog), --docx (a Word document) or --json (Open Badges evidence)"
        )
    if output is not None and len(chosen) > 1:
        raise typer.BadParameter("-o names one file: export one format at a time", param_hint="--output")
    err = console.Messages()  # written without importing Rich where it can be
    with reporting_errors():
        file = statement_named(file, "export", "Exporting")
        shown = display_name(file)
        source = read_statement(file)
        for notice in source.notices:
            err.print(f"note: {notice}.", markup=False, soft_wrap=True)
        screening = screen(
            source.text,
            shown,
            load_catalogue(settings(ctx).badges_dir),
            badge=badge,
            level=level,
            allowed_names=allow_name or (),
            ignore_privacy=ignore_privacy,
            profile=_profile(),
            source=source,
        )
        report = screening.report
        _before_saving(err, shown, screening)
        document = build_document(report.statement, report.badge, report.level, declare_tools=declare_tools)
        written = _write(document, chosen, file, output, force=force, templates_dir=templates_dir)
        _report_checks(err, shown, screening)
        warn_older_exports(file, leave_out=tuple(written))


def _before_saving(err: Messages, shown: str, screening: Screening) -> None:
    """The badge chosen, if badgekit worked it out, and any privacy findings that comments silenced."""
    from badgekit.export.gate import silenced_warning

    report = screening.report
    if report.badge_reason:
        from badgekit.checks.badge_detection import Detection

        chosen_because = Detection(report.badge, report.badge_reason, "")
        err.print(chosen_because.announcement("Exporting as evidence for"), markup=False, soft_wrap=True)
    places = report.where if report.in_document else None
    for line in silenced_warning(shown, screening.silenced, places):
        err.print(line, style="yellow" if line.startswith("warning") else None, markup=False, soft_wrap=True)


def _profile() -> Profile:
    from badgekit.tracking.profile import load_profile_for_checks

    return load_profile_for_checks()


def _print(content: str | bytes) -> None:
    if isinstance(content, bytes):  # a Word document, to a pipe
        import sys

        sys.stdout.buffer.write(content)
        sys.stdout.buffer.flush()
    else:
        typer.echo(content, nl=False)


def _write(
    document: ExportDocument,
    chosen: list[str],
    file: str,
    output: Path | None,
    *,
    force: bool,
    templates_dir: Path | None,
) -> list[Path]:
    """Each format chosen: printed (-o -, or a statement from standard input) or saved beside the statement;
    the files saved."""
    from badgekit.export.document import output_path
    from badgekit.export.formats import PURPOSES, export_content
    from badgekit.safefile import write_new
    from badgekit.textinput import STDIN

    err = console.Messages()  # written without importing Rich where it can be
    written: list[Path] = []
    for kind in chosen:
        content = export_content(kind, document, templates_dir)
        target = output if output is not None else (None if file == STDIN else output_path(Path(file), kind))
        if target is None or str(target) == "-":
            _print(content)
            continue
        if file != STDIN and target.resolve() == Path(file).resolve():
            raise BadgekitError(
                "this is the statement being exported, so it was left as it is",
                path=str(target),
                hint="Choose another name with -o.",
            )
        write_new(target, content, force=force, private=True)
        written.append(target)
        err.print(f"Saved {target}: {PURPOSES[kind]}.", markup=False, soft_wrap=True)
    return written
