"""``badgekit profile``: the badges a learner holds, and what ``show`` and ``plan`` say about them."""

from __future__ import annotations

import json
import stat
from collections.abc import Callable
from pathlib import Path

from typer.testing import Result

from badgekit.badges.catalogue import load_catalogue
from badgekit.tracking.profile import load_profile, prerequisite_advice

Run = Callable[..., Result]


def test_add_list_and_remove(run: Run, isolated_user_dirs: Path) -> None:
    assert "not recorded any badges" in run("profile", "list").stdout
    assert run("profile", "add", "writing-evidence").exit_code == 0
    assert run("profile", "add", "leadership capability feedback").exit_code == 0
    again = run("profile", "add", "Writing evidence for Open Badge applications")
    assert "already in your profile" in again.stdout
    listed = json.loads(run("profile", "list", "--format", "json").stdout)["badges"]
    assert [(b["name"], b["id"]) for b in listed] == [
        ("Writing evidence for Open Badge applications", "writing-evidence"),
        ("Leadership Capability Feedback", None),
    ]
    path = isolated_user_dirs / "profile.json"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert run("profile", "remove", "writing-evidence").exit_code == 0
    assert "Writing evidence" not in run("profile", "list").stdout


def test_a_mistyped_id_is_refused_with_a_suggestion(run: Run) -> None:
    result = run("profile", "add", "writng-evidence")
    assert result.exit_code == 3
    assert "Did you mean 'writing-evidence'?" in result.stderr


def test_removing_a_badge_not_held_says_so(run: Run) -> None:
    result = run("profile", "remove", "thing-19")
    assert result.exit_code == 3
    assert "'thing-19' is not in your profile" in result.stderr


def test_a_hand_edited_profile_is_left_untouched(run: Run, isolated_user_dirs: Path) -> None:
    path = isolated_user_dirs / "profile.json"
    path.parent.mkdir(parents=True)
    path.write_text("{not json", encoding="utf-8")
    result = run("profile", "add", "thing-19")
    assert result.exit_code == 3
    assert "left untouched" in result.stderr
    assert path.read_text(encoding="utf-8") == "{not json"


def test_advice_names_what_to_earn_first_required_before_recommended(run: Run) -> None:
    catalogue = load_catalogue()
    badge = catalogue.get("leadership-across-boundaries")
    assert prerequisite_advice(badge, load_profile(), catalogue) == [
        "Earn 'Leadership Capability Feedback' first: this badge requires it.",
        "SSSC recommends earning 'Getting started with Open Badges' first.",
        "SSSC recommends earning 'Writing evidence for Open Badge applications' first.",
    ]
    run("profile", "add", "Leadership Capability Feedback")
    run("profile", "add", "writing-evidence")
    assert prerequisite_advice(badge, load_profile(), catalogue) == [
        "SSSC recommends earning 'Getting started with Open Badges' first."
    ]


def test_show_marks_what_the_learner_holds(run: Run) -> None:
    before = " ".join(run("show", "leadership-across-boundaries").stdout.split())
    assert "Record the badges you hold with: badgekit profile add BADGE" in before
    run("profile", "add", "writing-evidence")
    after = " ".join(run("show", "leadership-across-boundaries").stdout.split())
    assert "Recommended first: Writing evidence for Open Badge applications – you hold this" in after
    assert "(required) – not in your profile yet" in after


def test_show_states_the_limits_of_badges(run: Run) -> None:
    out = " ".join(run("show", "thing-19").stdout.split())
    assert "A badge shows learning, not competence" in out


def test_ids_and_titles_match_however_they_are_typed(run: Run) -> None:
    for typed in ("writing evidence", "Writing-Evidence", "  writing   evidence for open badge applications "):
        run("profile", "remove", "writing-evidence")
        result = run("profile", "add", typed)
        assert "Recorded that you hold 'Writing evidence for Open Badge applications'" in result.stdout, typed
    listed = json.loads(run("profile", "list", "--format", "json").stdout)["badges"]
    assert [b["id"] for b in listed] == ["writing-evidence"]


def test_an_empty_name_is_refused(run: Run) -> None:
    result = run("profile", "add", "  ")
    assert result.exit_code == 3
    assert "give the badge's id or title" in result.stderr
    assert "not recorded any badges" in run("profile", "list").stdout


def test_a_title_may_be_typed_without_quotes(run: Run) -> None:
    result = run("profile", "add", "Leadership", "Capability", "Feedback")
    assert "Recorded that you hold 'Leadership Capability Feedback'." in result.stdout


def test_near_misses_get_the_title_they_probably_meant(run: Run) -> None:
    typo = run("profile", "add", "Leadership Capabilty Feedback")
    assert typo.exit_code == 3
    assert 'Did you mean "Leadership Capability Feedback"?' in typo.stderr
    unbundled = run("profile", "add", "capability-feedback")
    assert unbundled.exit_code == 3
    assert 'Did you mean "Leadership Capability Feedback"?' in unbundled.stderr
    assert "not recorded any badges" in run("profile", "list").stdout
