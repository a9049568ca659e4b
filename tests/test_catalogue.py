"""The catalogue: bundled badges, the user's own badges, and checks across files."""

from __future__ import annotations

from pathlib import Path

import pytest

from badgekit.badges.catalogue import load_catalogue, validate_files
from badgekit.errors import UnknownBadgeError

REQUIRED_IDS = {
    "leadership-across-boundaries",
    "quality-assurance-improvement",
    "thing-19-citizen-leadership",
    "multi-agency-expectations",
    "writing-evidence",
}


def badge_file(folder: Path, badge_id: str, *, extra: str = "", name: str | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / (name or f"{badge_id}.yaml")
    path.write_text(
        "schema_version: 1\n"
        f"id: {badge_id}\n"
        f"title: Title of {badge_id}\n"
        "description: A badge an organisation wrote.\n"
        "source: {url: 'https://example.org', verified: true}\n"
        "criteria:\n  - {id: one, text: do one thing}\n" + extra,
        encoding="utf-8",
    )
    return path


def test_every_bundled_badge_is_valid() -> None:
    catalogue = load_catalogue()
    assert catalogue.problems == []
    assert {b.id for b in catalogue} >= REQUIRED_IDS
    assert len(catalogue) >= 12  # Step into Leadership #1-#9, Thing 19, the framework, writing evidence


def test_a_badge_is_found_by_alias_and_in_any_case() -> None:
    catalogue = load_catalogue()
    assert catalogue.get("thing-19").id == "thing-19-citizen-leadership"
    assert catalogue.get("Leadership-Across-Boundaries").id == "leadership-across-boundaries"


def test_an_unknown_id_suggests_the_closest() -> None:
    with pytest.raises(UnknownBadgeError) as caught:
        load_catalogue().get("leadership-acros-boundary")
    assert caught.value.suggestions[0] == "leadership-across-boundaries"
    assert "Did you mean 'leadership-across-boundaries'" in (caught.value.hint or "")


def test_the_users_badges_come_before_the_bundled_ones(tmp_path: Path) -> None:
    own = tmp_path / "own"
    badge_file(own, "leadership-across-boundaries")
    badge_file(own, "our-induction")
    catalogue = load_catalogue(own)
    assert catalogue.get("leadership-across-boundaries").title == "Title of leadership-across-boundaries"
    assert catalogue.get("our-induction").path == str(own / "our-induction.yaml")


def test_the_users_badge_directory_comes_from_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    own = tmp_path / "from-env"
    badge_file(own, "env-badge")
    monkeypatch.setenv("BADGEKIT_BADGES_DIR", str(own))
    assert "env-badge" in load_catalogue()


def test_the_user_data_directory_holds_badges_by_default(isolated_user_dirs: Path) -> None:
    badge_file(isolated_user_dirs / "criteria", "data-dir-badge")
    assert "data-dir-badge" in load_catalogue()


def test_two_files_with_one_id_are_reported(tmp_path: Path) -> None:
    own = tmp_path / "own"
    badge_file(own, "twice", name="a.yaml")
    badge_file(own, "twice", name="b.yaml")
    problems = load_catalogue(own).problems
    assert [str(p) for p in problems] == [f"{own / 'b.yaml'}:2: id: the id 'twice' is already used by {own / 'a.yaml'}"]


def test_a_prerequisite_must_name_a_badge_that_exists(tmp_path: Path) -> None:
    path = badge_file(tmp_path, "needs-more", extra="prerequisites:\n  - {badge: writing-evidenc, level: required}\n")
    _, problems = validate_files([path])
    assert [str(p) for p in problems] == [
        f"{path}:9: prerequisites[0].badge: names the badge 'writing-evidenc', which does not exist"
        " (did you mean 'writing-evidence'?)"
    ]


def test_files_validated_together_may_name_each_other(tmp_path: Path) -> None:
    first = badge_file(tmp_path, "first-badge")
    second = badge_file(
        tmp_path, "second-badge", extra="prerequisites:\n  - {badge: first-badge, level: recommended}\n"
    )
    badges, problems = validate_files([first, second])
    assert problems == []
    assert [b.id for b in badges] == ["first-badge", "second-badge"]


def test_an_alias_may_not_name_two_badges(tmp_path: Path) -> None:
    own = tmp_path / "own"
    path = badge_file(own, "clash", extra="aliases: [thing-19]\n")
    problems = load_catalogue(own).problems
    assert [str(p) for p in problems] == [
        f"{path}:8: aliases[0]: the alias 'thing-19' already names the badge 'thing-19-citizen-leadership'"
    ]
