"""Rendering statements: the shape check and export read, learner text kept exactly, templates safe."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from badgekit import render
from badgekit.badges.catalogue import load_catalogue
from badgekit.badges.model import Badge
from badgekit.errors import InvalidDataError
from badgekit.render import missing_answers, render_markdown, statement_context, yaml_value
from badgekit.statement.parse import parse_statement
from badgekit.statement.wordcount import count_words

CATALOGUE = load_catalogue(use_cache=False)
#: Every bundled badge, and every level of every framework, as (badge, level).
EVERY_STATEMENT = [(b, level.id) for b in CATALOGUE for level in b.levels] + [
    (b, None) for b in CATALOGUE if not b.levels
]


def answers_for(b: Badge, level: str | None) -> dict[str, str]:
    return {
        c.id: f"In my service I worked on point {c.number}.\n\nI learned to listen first.\n\nNext time I will plan it."
        for c in b.criteria_for(level)
    }


def front_matter(text: str) -> dict[str, object]:
    assert text.startswith("---\n")
    data = yaml.safe_load(text.split("---\n")[1])
    assert isinstance(data, dict)
    return data


@pytest.mark.parametrize(("badge", "level"), EVERY_STATEMENT, ids=lambda v: getattr(v, "id", v))
def test_every_bundled_badge_renders_in_the_statement_format(badge: Badge, level: str | None) -> None:
    answers = answers_for(badge, level)
    text = render_markdown(badge, answers, level=level, on=date(2026, 11, 22))
    meta = front_matter(text)
    assert meta["badge"] == badge.id and meta["title"] == badge.title
    assert meta["date"] == date(2026, 11, 22)
    assert meta["words"] == sum(count_words(a) for a in answers.values())
    assert meta.get("level") == level
    assert f"\n# {badge.title}\n" in text
    for criterion in badge.criteria_for(level):
        assert f"\n## {criterion.number}. {criterion.text}\n\n{answers[criterion.id]}\n" in text
    if badge.declaration:
        assert text.endswith(f"\n## Declaration\n\n{badge.declaration}\n")
    else:
        assert "Declaration" not in text and text.endswith("\n")


@pytest.mark.parametrize(("badge", "level"), EVERY_STATEMENT, ids=lambda v: getattr(v, "id", v))
def test_every_rendered_statement_round_trips_through_the_statement_reader(badge: Badge, level: str | None) -> None:
    answers = answers_for(badge, level)
    text = render_markdown(badge, answers, level=level)
    statement = parse_statement(text, "statement.md", declaration=badge.declaration)
    assert statement.badge_id == badge.id
    assert statement.level == level
    assert statement.declared_words == statement.words == sum(count_words(a) for a in answers.values())
    sections = {s.number: s for s in statement.headed_sections}
    criteria = badge.criteria_for(level)
    assert sorted(sections) == [c.number for c in criteria]
    for criterion in criteria:
        section = sections[criterion.number]
        assert section.title == criterion.text
        assert text[section.body_start : section.end].strip() == answers[criterion.id]
        assert section.words == count_words(answers[criterion.id])
    assert statement.declaration_found == bool(badge.declaration)


def test_learner_text_is_data_and_comes_out_exactly_as_typed() -> None:
    badge = CATALOGUE.get("thing-19")
    tricky = "{{ 7*7 }} and {% raw %} and {% endraw %} and {# a comment #}\n\n<script>alert('x')</script> & [b]ok[/b]"
    answers = {c.id: tricky for c in badge.criteria}
    text = render_markdown(badge, answers)
    assert text.count(tricky) == 4
    assert "49" not in text


def test_a_three_paragraph_answer_keeps_every_paragraph() -> None:
    badge = CATALOGUE.get("leadership-across-boundaries")
    paragraphs = ["We met the district nurses weekly.", "At first I felt out of my depth.", "Now I chair it."]
    text = render_markdown(badge, {"build-trust": "\n\n".join(paragraphs)})
    assert "\n\n".join(paragraphs) in text


def test_missing_answers_leave_the_heading_and_are_listed() -> None:
    badge = CATALOGUE.get("thing-19")
    answers = {"labels": "Some labels.", "citizen-leaders": "  "}
    assert missing_answers(badge, answers) == [2, 3, 4]
    text = render_markdown(badge, answers)
    assert "## 2. How might these labels" in text


def test_the_context_is_plain_data_for_any_template() -> None:
    badge = CATALOGUE.get("multi-agency-expectations")
    context = statement_context(badge, {}, level="strategic-leaders", on=date(2026, 1, 2))
    assert context["level"] == {"id": "strategic-leaders", "title": "Strategic Leaders"}
    assert context["date"] == "2026-01-02" and context["words"] == 0
    assert [s["number"] for s in context["sections"]] == [1, 2, 3, 4, 5]


# --- the user's own templates ----------------------------------------------------------------


def user_template(folder: Path, body: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "statement.md.j2"
    path.write_text(body, encoding="utf-8")
    return path


def test_a_users_template_replaces_the_bundled_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    badge = CATALOGUE.get("thing-19")
    user_template(tmp_path / "mine", "{{ badge.id }} by our organisation: {{ sections[0].answer }}\n")
    assert render_markdown(badge, {"labels": "{{ x }}"}, templates_dir=tmp_path / "mine") == (
        "thing-19-citizen-leadership by our organisation: {{ x }}\n"
    )
    monkeypatch.setenv("BADGEKIT_TEMPLATES_DIR", str(tmp_path / "mine"))
    assert render_markdown(badge, {}).startswith("thing-19-citizen-leadership by our organisation")


def test_the_users_data_folder_holds_their_templates(isolated_user_dirs: Path) -> None:
    user_template(isolated_user_dirs / "templates", "mine\n")
    assert render_markdown(CATALOGUE.get("thing-19"), {}) == "mine\n"


def a_later_run() -> None:
    """What a new process starts with: no environment, so no template compiled in memory."""
    render._environment.cache_clear()


def test_a_compiled_template_is_kept_for_the_next_run_and_an_edited_one_compiled_again(tmp_path: Path) -> None:
    badge = CATALOGUE.get("thing-19")
    path = user_template(tmp_path / "mine", "first {{ badge.id }}\n")
    assert render_markdown(badge, {}, templates_dir=tmp_path / "mine") == "first thing-19-citizen-leadership\n"
    (kept,) = render.compiled_templates_dir().iterdir()
    assert kept.stat().st_mode & 0o077 == 0  # the user's alone
    kept.write_bytes(kept.read_bytes().replace(b"first ", b"KEPT! "))  # shows which a later run uses
    a_later_run()
    assert render_markdown(badge, {}, templates_dir=tmp_path / "mine") == "KEPT! thing-19-citizen-leadership\n"
    path.write_text("second {{ badge.id }}\n", encoding="utf-8")
    a_later_run()
    assert render_markdown(badge, {}, templates_dir=tmp_path / "mine") == "second thing-19-citizen-leadership\n"


@pytest.mark.parametrize("damage", ["file", "folder"])
def test_a_damaged_or_unwritable_template_cache_costs_only_speed(tmp_path: Path, damage: str) -> None:
    badge = CATALOGUE.get("thing-19")
    user_template(tmp_path / "mine", "mine {{ badge.id }}\n")
    folder = render.compiled_templates_dir()
    if damage == "file":
        render_markdown(badge, {}, templates_dir=tmp_path / "mine")
        from jinja2.bccache import bc_magic

        for kept in folder.iterdir():  # Jinja's mark, then what cannot be read
            kept.write_bytes(bc_magic + b"\x80not what Jinja wrote")
    else:
        folder.parent.mkdir(parents=True, exist_ok=True)
        folder.write_text("a file where the folder would be", encoding="utf-8")
    for _ in range(2):
        a_later_run()
        assert render_markdown(badge, {}, templates_dir=tmp_path / "mine") == "mine thing-19-citizen-leadership\n"


@pytest.mark.parametrize(
    ("body", "line", "expected"),
    [
        ("line one\n{{ learner_name }}\n", 2, "the template uses something badgekit does not provide"),
        ("{% for x in %}\n", 1, "template error"),
        ("ok\n\n{{ badge.__class__.__mro__ }}\n", 3, "the template tried to do something templates may not do"),
        ("{{ ''.__class__.__mro__[1].__subclasses__() }}\n", 1, "may not do"),
    ],
)
def test_a_broken_or_unsafe_template_is_reported_by_file_and_line(
    tmp_path: Path, body: str, line: int, expected: str
) -> None:
    path = user_template(tmp_path / "mine", body)
    with pytest.raises(InvalidDataError) as caught:
        render_markdown(CATALOGUE.get("thing-19"), {}, templates_dir=tmp_path / "mine")
    (message,) = caught.value.error_lines()
    assert message.startswith(f"{path}:{line}: ") and expected in message


@pytest.mark.parametrize(
    "title",
    ["Leading and managing across boundaries", "Yes", "null", "A title: with a colon", "#5 leads", "2026", "'quoted'",
     "What is citizen leadership and how can I promote it?", "Social work/social care & you"],
)  # fmt: skip
def test_front_matter_values_read_back_as_written(title: str) -> None:
    assert yaml.safe_load(f"title: {yaml_value(title)}") == {"title": title}
