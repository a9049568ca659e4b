"""The exported page in a real browser: nothing runs, nothing is fetched, it reads well and passes axe-core.

Screenshots (desktop, phone, print) and the A4 PDF are kept in test-artifacts/ for a
person to look at.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from chromium import Chromium, Page
from samples import OPENING, sample_statement
from typer.testing import Result

from badgekit.badges.catalogue import load_catalogue

pytestmark = pytest.mark.browser

#: Typed into an answer: each line would run if the learner's text were ever treated as HTML.
INJECTED = (
    "<script>window.badgekitInjected = 1</script> "
    '<img src="x.png" onerror="window.badgekitInjected = 2"> '
    "[a trap](javascript:window.badgekitInjected=3) {{ 7*7 }}"
)


@pytest.fixture
def exported(run: Callable[..., Result], tmp_path: Path) -> Path:
    """leadership-across-boundaries' sample, with the injected text, exported by the command."""
    badge = load_catalogue().get("leadership-across-boundaries")
    statement = tmp_path / "leadership-across-boundaries-statement.md"
    statement.write_text(sample_statement(badge).replace(OPENING, f"{OPENING} {INJECTED}", 1), encoding="utf-8")
    result = run("export", str(statement), "--html")
    assert result.exit_code == 0, result.stderr
    return tmp_path / "leadership-across-boundaries-statement.html"


def test_the_page_opens_with_no_errors_no_requests_and_nothing_run(
    chromium: Chromium, exported: Path, artifacts: Path
) -> None:
    with chromium.page(width=1200, height=900) as page:
        page.open(exported)
        assert page.record.errors() == []
        assert page.record.requests == [exported.resolve().as_uri()]  # the page itself, and nothing else
        assert page.evaluate("typeof window.badgekitInjected") == "undefined"
        assert page.evaluate("document.scripts.length") == 0
        shown = page.evaluate("document.body.innerText")
        assert "<script>window.badgekitInjected = 1</script>" in shown  # shown as typed
        assert "{{ 7*7 }}" in shown
        assert page.evaluate("document.documentElement.lang") == "en-GB"
        page.screenshot(artifacts / "export-desktop.png")
    assert (artifacts / "export-desktop.png").stat().st_size > 10_000


def test_the_page_fits_a_phone(chromium: Chromium, exported: Path, artifacts: Path) -> None:
    with chromium.page(width=390, height=844, mobile=True) as page:
        page.open(exported)
        assert page.evaluate("document.documentElement.scrollWidth") <= 390  # no sideways scrolling
        size = page.evaluate("parseFloat(getComputedStyle(document.querySelector('.answer p')).fontSize)")
        assert size >= 16  # readable without zooming
        page.screenshot(artifacts / "export-phone.png")
        assert page.record.errors() == []


def test_the_page_prints_on_a4(chromium: Chromium, exported: Path, artifacts: Path) -> None:
    with chromium.page() as page:
        page.open(exported)
        pdf = page.pdf(artifacts / "export-a4.pdf")
        sizes = set(re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf))
        assert {(round(float(w)), round(float(h))) for w, h in sizes} == {(595, 842)}  # A4 in points
        assert len(re.findall(rb"/Type\s*/Page(?!s)", pdf)) >= 2
        page.screenshot(artifacts / "export-print.png", print_media=True)
        page.send("Emulation.setEmulatedMedia", {"media": "print"})
        masthead = page.evaluate("getComputedStyle(document.querySelector('.masthead')).backgroundImage")
        link_after = page.evaluate("getComputedStyle(document.querySelector('.criteria a'), '::after').content")
        assert masthead == "none"  # no background to waste ink
        assert "mylearning.scot" in link_after  # a printed link shows where it goes


def run_axe(page: Page, axe_source: str) -> list[dict[str, object]]:
    page.evaluate(axe_source)
    found = page.evaluate(
        "axe.run(document, {resultTypes: ['violations']}).then(r => JSON.stringify(r.violations.map("
        "v => ({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.target)}))))",
        wait=True,
    )
    return list(json.loads(found))


def test_the_page_passes_axe_core(chromium: Chromium, exported: Path, axe_source: str) -> None:
    for width, mobile in ((1200, False), (390, True)):
        with chromium.page(width=width, height=900, mobile=mobile) as page:
            page.open(exported)
            assert run_axe(page, axe_source) == []
            assert page.evaluate("axe.version") == "4.14.1"


def test_the_browser_checks_would_catch_a_page_that_ran_or_fetched_something(
    chromium: Chromium, tmp_path: Path
) -> None:
    # The checks above pass on badgekit's page; here they are shown to fail on a page that misbehaves.
    bad = tmp_path / "bad.html"
    bad.write_text(
        '<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>bad</title></head><body><main>'
        '<script>window.badgekitInjected = 1; console.error("ran")</script>'
        '<img src="missing.png" alt="x"></main></body></html>',  # a local file: the tests reach no network
        encoding="utf-8",
    )
    with chromium.page() as page:
        page.open(bad)
        assert page.evaluate("typeof window.badgekitInjected") == "number"
        assert (tmp_path / "missing.png").as_uri() in page.record.requests
        assert "ran" in page.record.errors()
        assert any("missing.png" in error or "ERR_FILE_NOT_FOUND" in error for error in page.record.errors())


def test_every_kind_of_bundled_badges_page_passes_axe_core(chromium: Chromium, axe_source: str, tmp_path: Path) -> None:
    """One badge of each shape the page can take (45 badges share a few), the last with --declare-tools."""
    from badgekit.export.document import build_document
    from badgekit.export.formats import to_html
    from badgekit.statement.parse import parse_statement

    shapes = {
        (b.kind, b.criteria_kind, bool(b.declaration), bool(b.series), b.words.verified, bool(b.issuer)): b
        for b in load_catalogue()
    }
    assert len(shapes) >= 6
    with chromium.page() as page:
        for index, badge in enumerate(shapes.values()):
            level = badge.levels[0].id if badge.levels else None
            statement = parse_statement(sample_statement(badge), "sample.md", declaration=badge.declaration)
            path = tmp_path / f"{badge.id}.html"
            document = build_document(statement, badge, level, declare_tools=index == len(shapes) - 1)
            path.write_text(to_html(document), encoding="utf-8")
            page.open(path)
            assert (badge.id, run_axe(page, axe_source)) == (badge.id, [])
        assert page.record.errors() == []
        assert all(url.startswith(tmp_path.as_uri()) for url in page.record.requests)
