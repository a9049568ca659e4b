"""Saved badge pages: turn one into a draft badge file, and check bundled badges against theirs.

Every bundled badge in criteria/ has the text of its badge page saved in criteria-sources/ under
the same name (``ID.txt``): ``URL:`` and ``Read:`` lines, a blank line, then the page's text as
read. Those files are kept beside the badges so anyone can compare them; they are not shipped.

    python tools/badge_pages.py draft criteria-sources/new-badge.txt > criteria/new-badge.yaml
    python tools/badge_pages.py check                  # every bundled badge against its page
    python tools/badge_pages.py check thing-22-why-leadership-is-important

``draft`` writes a file for a person to check, never to ship as it stands: it sets
``verified: false`` and marks each guess with ``# CHECK``. Compare every line with the page,
fill in what it could not find, set ``verified: true`` only once the whole text is the page's,
and then run ``check`` (tests/test_criteria_sources.py runs the same check on every badge).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CRITERIA = ROOT / "criteria"
SOURCES = ROOT / "criteria-sources"

#: A quotation inside a note, which claims to be the page's own words.
_QUOTED = re.compile(r"“([^”]+)”")
_WORDS_RULE = re.compile(r"(\d[\d,]*)\s*(?:-|–|to)?\s*(\d[\d,]*)?\s+words", re.IGNORECASE)


@dataclass(frozen=True)
class Page:
    """A saved badge page: its headers (URL, Read, ...) and its text."""

    headers: dict[str, list[str]]
    text: str

    @property
    def urls(self) -> list[str]:
        return self.headers.get("URL", [])

    @property
    def read(self) -> list[str]:
        return self.headers.get("Read", [])


def read_page(path: Path) -> Page:
    """A saved page: header lines ``Key: value`` wherever a block of them starts the file or follows
    a separator line of dashes (a second page quoted in the badge's note), then the text."""
    headers: dict[str, list[str]] = {}
    body: list[str] = []
    in_headers = True
    for line in path.read_text(encoding="utf-8").splitlines():
        match = re.match(r"^([A-Z][A-Za-z ]+): (.+)$", line)
        if in_headers and match and match.group(1) in ("URL", "Read", "Copied from", "Note"):
            headers.setdefault(match.group(1), []).append(match.group(2).strip())
            continue
        in_headers = line.startswith("-----")
        body.append(line)
    return Page(headers, "\n".join(body))


def normalise(text: str) -> str:
    """Text with every run of spaces and line breaks as one space: YAML folds lines, pages wrap them."""
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


def _pieces(quote: str) -> Iterator[str]:
    """A quotation split where it leaves words out ("…" or "[...]"), each part to be found on its own."""
    for piece in re.split(r"…|\[\.\.\.\]|\.\.\.", quote):
        piece = normalise(piece)
        if len(piece) > 3:
            yield piece


def quoted_parts(badge: object) -> Iterator[tuple[str, str]]:
    """(where, text) for every part of a badge that claims to be the page's words.

    The criteria (where verified), their introduction, prerequisites' own sentences, the declaration,
    the endorsement and AI sentences, and any “quotation” in a note of the word rule or a criterion.
    A badge read on a known day (``source.read``) and verified as a whole is held to more: its
    title, description, guidance and steps must all be the page's words too.
    """
    b: dict[str, object] = badge.to_dict()  # type: ignore[attr-defined]
    source: dict[str, object] = b["source"]  # type: ignore[assignment]
    if source["verified"] and source["read"]:
        # A badge's own prose may join sentences from different paragraphs of the page: each is checked.
        prose = [(field, str(b[field])) for field in ("title", "description", "guidance") if b.get(field)]
        prose += [(f"step {n}", step["text"]) for n, step in enumerate(b["steps"], 1)]  # type: ignore[call-overload]
        for where, text in prose:
            for sentence in re.split(r"(?<=[.?!])\s+", normalise(text)):
                yield where, sentence
    for field in ("criteria_intro", "declaration", "endorsement", "no_ai"):
        if b.get(field):
            yield field, str(b[field])
    criteria = list(b["criteria"])  # type: ignore[call-overload]
    for level in b["levels"]:  # type: ignore[attr-defined]
        criteria += level["criteria"]
    for c in criteria:
        if c["verified"]:
            yield f"criterion {c['number']} ({c['id']})", c["text"]
        for quote in _QUOTED.findall(c["note"] or ""):
            yield f"criterion {c['number']} note", quote
    for p in b["prerequisites"]:  # type: ignore[attr-defined]
        if p["text"]:
            yield "prerequisite", p["text"]
    for quote in _QUOTED.findall(b["words"]["note"] or ""):  # type: ignore[index]
        yield "words.note", quote


def unmatched(badge: object, page: Page) -> list[str]:
    """What in ``badge`` claims to be the page's words but is not in ``page``, word for word."""
    text = normalise(page.text)
    problems = [
        f"{where}: not in the saved page: {piece!r}"
        for where, quote in quoted_parts(badge)
        for piece in _pieces(quote)
        if piece not in text
    ]
    b = badge.to_dict()  # type: ignore[attr-defined]
    if not any(url.startswith(b["source"]["url"]) for url in page.urls):
        problems.append(f"source.url: {b['source']['url']} is not a URL: line of the saved page")
    if b["source"]["read"] and b["source"]["read"] not in page.read:
        problems.append(f"source.read: {b['source']['read']} is not the saved page's Read: line")
    numbers = {int(n.replace(",", "")) for pair in _WORDS_RULE.findall(text) for n in pair if n}
    for key in ("minimum", "maximum", "suggested_min", "suggested_max"):
        value = b["words"][key]
        if value is not None and b["words"]["verified"] and value not in numbers:
            problems.append(f"words.{key}: the page gives no rule of {value} words")
    for c in b["criteria"]:
        if c["min_words"] is not None and c["min_words"] not in numbers:
            problems.append(f"criterion {c['number']}: the page gives no rule of {c['min_words']} words")
    return problems


# --- drafting a badge file from a page ------------------------------------------------------------

_MIN_AFTER = re.compile(r"\s*\((\d+) words? minimum\)\.?$")
_CLOSED = re.compile(r"no longer accepting (?:new )?applications", re.IGNORECASE)
_ENDORSED = re.compile(r"[^.]*not valid (?:until|without)[^.]*endorse[^.]*\.", re.IGNORECASE)
_NO_AI = re.compile(r"You must not use any generative[^.]*\.")
_INTROS = ("you will need to:", "able to:", "following questions", "questions below", "criteria below")


def _slug(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", title.lower().replace("’", "").replace("'", "")).strip("-")


def _yaml_text(value: str) -> str:
    """A YAML scalar for ``value``: quoted when plain text would be read as something else."""
    import json

    plain = re.match(r"^[A-Za-z(][^:#]*$", value) and not value.endswith(":") and ": " not in value
    return value if plain else json.dumps(value, ensure_ascii=False)


def draft_badge(page: Page) -> str:
    """A draft badge file for a person to check against ``page``: every guess marked ``# CHECK``."""
    lines = [line.strip() for line in page.text.splitlines() if line.strip()]
    lines = lines[1:] if lines and lines[0].lower() == "view all badges" else lines
    title = re.sub(r"^#?\d+\.?\s+", "", lines[0]) if lines else "TITLE"
    bullets = [line[1:].strip() for line in lines if line[:1] in "-•" and line[1:].strip()]
    intro = next((line for line in lines if line.lower().endswith(_INTROS)), None)
    text = " ".join(lines)
    out = [
        f"# Drafted by tools/badge_pages.py from {page.urls[0] if page.urls else 'a saved page'}: check every line.",
        "schema_version: 1",
        f"id: {_slug(title)}  # CHECK: short, and unique",
        f"title: {_yaml_text(title)}",
        "issuer: Scottish Social Services Council  # CHECK",
        "source:",
        f"  url: {page.urls[0] if page.urls else 'https://CHECK'}",
        "  verified: false  # true only once every criterion is checked word for word",
    ]
    if page.read and re.match(r"^\d{4}-\d\d-\d\d$", page.read[0]):
        out.append(f"  read: {page.read[0]}")
    out.append(f"description: {_yaml_text(lines[1] if len(lines) > 1 else 'CHECK')}")
    if intro:
        out.append(f"criteria_intro: {_yaml_text(intro)}")
    out.append("criteria:  # CHECK: steps to do first (watch, read) belong under steps:, not here")
    for number, bullet in enumerate(bullets, 1):
        minimum = _MIN_AFTER.search(bullet)
        criterion = bullet[: minimum.start()] if minimum else bullet
        out += [f"  - id: point-{number}  # CHECK: a short name", f"    text: {_yaml_text(criterion)}"]
        if minimum:
            out.append(f"    min_words: {minimum.group(1)}")
    out += _draft_rules(text)
    return "\n".join(out) + "\n"


def _draft_rules(text: str) -> list[str]:
    """The word rule, prerequisites, declaration and the page's notices, where the page states them."""
    out: list[str] = []
    least = re.search(r"(?:at least|minimum of|in a minimum of) (\d+) words", text)
    suggest = re.search(r"suggest (\d+)\s*[-–]\s*(\d+) words", text)
    if least or suggest:
        out.append("words:  # CHECK")
        if least:
            out.append(f"  minimum: {least.group(1)}")
        if suggest:
            out += [f"  suggested_min: {suggest.group(1)}", f"  suggested_max: {suggest.group(2)}"]
    held = re.search(r"You (?:should already hold|must (?:achieve|hold)) the (.+?) badge[^.]*\.", text)
    if held:
        out += [
            "prerequisites:  # CHECK: use badge: ID where badgekit has the badge",
            f"  - name: {_yaml_text(held.group(1))}",
            "    level: required",
            f"    text: {_yaml_text(held.group(0))}",
        ]
    declared = re.search(r"agree to the following statement: [\"“](.+?)[\"”]", text)
    if declared:
        out.append(f"declaration: {_yaml_text(declared.group(1))}")
    if _CLOSED.search(text):
        out.append("accepting_applications: false")
    endorsed = _ENDORSED.search(text)
    if endorsed:
        out.append(f"endorsement: {_yaml_text(endorsed.group(0).strip())}")
    banned = _NO_AI.search(text)
    if banned:
        out.append(f"no_ai: {_yaml_text(banned.group(0))}")
    return out


def _check(ids: list[str]) -> int:
    sys.path.insert(0, str(ROOT / "src"))
    from badgekit.badges.catalogue import load_badge_file

    failures = 0
    for path in sorted(CRITERIA.glob("*.yaml")):
        if ids and path.stem not in ids:
            continue
        source = SOURCES / f"{path.stem}.txt"
        problems = unmatched(load_badge_file(path).badge, read_page(source)) if source.exists() else ["no saved page"]
        for problem in problems:
            print(f"{path.relative_to(ROOT)}: {problem}")
        failures += bool(problems)
    print(f"{failures} badge file(s) with problems" if failures else "Every badge matches its saved page.")
    return 1 if failures else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    drafting = commands.add_parser("draft", help="print a draft badge file from a saved page")
    drafting.add_argument("page", type=Path)
    checking = commands.add_parser("check", help="check bundled badges against their saved pages")
    checking.add_argument("ids", nargs="*")
    args = parser.parse_args(argv)
    if args.command == "draft":
        sys.stdout.write(draft_badge(read_page(args.page)))
        return 0
    return _check(args.ids)


if __name__ == "__main__":
    raise SystemExit(main())
