"""``badgekit rules``: every rule check applies, or one explained in plain words with an example."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from badgekit import console
from badgekit.cli.app import (
    WRITE_PANEL,
    FormatOption,
    OutputFormat,
    app,
    argument,
    print_json,
    reporting_errors,
    settings,
)
from badgekit.invocation import program

_CodeArgument = Annotated[
    Optional[str],  # noqa: UP045 - Typer needs Optional on Python 3.10 here
    argument(metavar="[CODE]", help="A rule's code, as check shows it (BK502), or the start of one (BK5).", plain=True),
]

RULES_HELP = """\
Explain the codes check gives its findings: every rule, or one in plain words with an example.

Example: [bold]badgekit rules BK502[/]
"""


@app.command(rich_help_panel=WRITE_PANEL, help=RULES_HELP)
def rules(ctx: typer.Context, code: _CodeArgument = None, output: FormatOption = OutputFormat.text) -> None:
    from badgekit.checks.explain import explain, rules_named

    with reporting_errors():
        chosen = rules_named(code)
        if len(chosen) == 1 and code is not None:
            from badgekit.badges.catalogue import load_catalogue

            explained = explain(chosen[0], load_catalogue(settings(ctx).badges_dir))
            if output is OutputFormat.json:
                example = explained.example
                print_json(
                    {
                        "rule": _rule_dict(chosen[0]),
                        "explanation": explained.words,
                        "example": {"line": example.line_text, "finding": example.finding.to_dict()}
                        if example
                        else None,
                    }
                )
                return
            from badgekit.views.rules import explanation_view

            console.stdout().print(explanation_view(explained))
            return
    if output is OutputFormat.json:
        print_json({"rules": [_rule_dict(r) for r in chosen]})
        return
    from badgekit.views.rules import rules_table

    console.stdout().print(rules_table(chosen))
    console.stdout().print(f"Explain one, with an example: {program()} rules {chosen[0].code}", style="dim")


def _rule_dict(rule: object) -> dict[str, str]:
    return {key: getattr(rule, key) for key in ("code", "name", "category", "severity", "summary")}
