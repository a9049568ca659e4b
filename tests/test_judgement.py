"""check's judgements on the cases a new user met, and the labelled statements that measure them."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from badgekit.badges.catalogue import load_catalogue
from badgekit.checks import all_rules, select_rules
from badgekit.checks.coverage import analyse_criteria
from badgekit.checks.report import Options, check_text
from badgekit.statement.parse import parse_statement

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from judgement_cases import USER_BADGES, load_cases  # noqa: E402

CATALOGUE = load_catalogue(use_cache=False)
ALL_RULES = Options(rules=tuple(all_rules()))
SHOPPING = (
    "On Saturday I went to the supermarket and bought bread, milk, eggs and a bag of apples. The queue at the "
    "tills was long, so I read the magazines by the door while I waited."
)


def headed(badge_id: str, answers: list[str]) -> str:
    badge = CATALOGUE.get(badge_id)
    sections = [f"## {c.number}. {c.text}\n\n{a}" for c, a in zip(badge.criteria, answers, strict=True)]
    return f"---\nbadge: {badge_id}\n---\n\n# {badge.title}\n\n" + "\n\n".join(sections) + "\n"


def own_evidence(badge_id: str) -> list[str]:
    """Each criterion's own everyday examples, as an answer that evidences it."""
    return [" ".join(c.examples[:4]) for c in CATALOGUE.get(badge_id).criteria]


def test_text_about_shopping_under_every_heading_evidences_nothing() -> None:
    badge = CATALOGUE.get("keeping-people-at-the-centre")
    report = check_text(headed(badge.id, [SHOPPING] * len(badge.criteria)), "s.md", CATALOGUE, ALL_RULES)
    assert [c.status for c in report.criteria] == ["missing"] * len(badge.criteria)
    assert report.fails("error")


def test_an_answer_copied_under_another_heading_counts_only_where_it_belongs() -> None:
    answers = own_evidence("leadership-across-boundaries")
    answers[2] = answers[0]  # criterion 1's text under criterion 3's heading
    report = check_text(headed("leadership-across-boundaries", answers), "s.md", CATALOGUE, ALL_RULES)
    statuses = {c.number: c.status for c in report.criteria}
    assert statuses[1] == "covered"
    assert statuses[3] == "missing"


def test_each_criterion_evidenced_in_its_own_words_is_covered_with_its_sentences() -> None:
    answers = own_evidence("leadership-across-boundaries")
    report = check_text(headed("leadership-across-boundaries", answers), "s.md", CATALOGUE, ALL_RULES)
    for item, answer in zip(report.criteria, answers, strict=True):
        assert item.status == "covered", item
        assert all(e.text.rstrip("…") in answer for e in item.evidence)
        assert 1 <= len(item.evidence) <= 3


def test_the_words_per_criterion_add_up_to_no_more_than_the_statement() -> None:
    for case in load_cases("dev"):
        badge = CATALOGUE.get(case.badge) if case.badge in CATALOGUE else None
        if badge is None:
            continue
        statement = parse_statement(case.statement, case.name, declaration=badge.declaration)
        coverage = analyse_criteria(statement, badge.criteria_for(case.level))
        assert sum(c.words for c in coverage) <= statement.words, case.name


def test_a_plain_text_export_is_split_into_the_same_sections_as_its_markdown() -> None:
    badge = CATALOGUE.get("writing-evidence")
    markdown = headed(badge.id, own_evidence(badge.id))
    answers = zip(badge.criteria, own_evidence(badge.id), strict=True)
    plain = "\n\n".join([badge.title] + [f"{c.number}. {c.text}\n\n{a}" for c, a in answers])
    from_markdown = analyse_criteria(parse_statement(markdown, "s.md"), badge.criteria)
    from_text = analyse_criteria(parse_statement(plain, "s.txt"), badge.criteria)
    assert [c.words for c in from_text] == [c.words for c in from_markdown]
    assert [c.status for c in from_text] == [c.status for c in from_markdown]


def test_an_answer_on_the_line_under_its_criterion_is_read_as_that_criterion_s_section() -> None:
    # As pasted from a web form: the criterion's line, then the answer with no blank line between. The
    # criterion's own words must not count as evidence for it, nor the answer for another criterion.
    badge = CATALOGUE.get("writing-evidence")
    answers = [SHOPPING, *own_evidence(badge.id)[1:]]
    sections = [f"{c.number}. {c.text}\n{a}" for c, a in zip(badge.criteria, answers, strict=True)]
    plain = "\n\n".join([badge.title, *sections])
    coverage = analyse_criteria(parse_statement(plain, "s.txt"), badge.criteria)
    assert [c.status for c in coverage] == ["missing", "covered", "covered"]
    assert all(c.words == len(a.split()) for c, a in zip(coverage[1:], answers[1:], strict=True))


def test_plain_text_with_titles_of_its_own_reads_as_the_same_markdown_does() -> None:
    badge = CATALOGUE.get("leadership-across-boundaries")
    titles = ["Working together", "Talking across teams", "Trust", "Disagreeing well", "Openness", "Joint work"]
    answers = own_evidence(badge.id)[: len(titles)]
    markdown = f"# {badge.title}\n\n" + "\n\n".join(f"## {t}\n\n{a}" for t, a in zip(titles, answers, strict=True))
    plain = f"{badge.title}\n\n" + "\n\n".join(f"{t}\n{a}" for t, a in zip(titles, answers, strict=True))
    from_markdown = analyse_criteria(parse_statement(markdown, "s.md"), badge.criteria)
    from_text = analyse_criteria(parse_statement(plain, "s.txt"), badge.criteria)
    assert [c.status for c in from_text] == [c.status for c in from_markdown]
    assert [c.words for c in from_text] == [c.words for c in from_markdown]
    assert [c.status for c in from_text].count("covered") >= len(titles) - 1


def test_the_criteria_listed_before_the_answers_are_not_evidence_of_themselves() -> None:
    badge = CATALOGUE.get("writing-evidence")
    listed = "\n".join(c.text for c in badge.criteria)
    plain = "\n\n".join([badge.title, listed, SHOPPING, SHOPPING.replace("Saturday", "Sunday")])
    coverage = analyse_criteria(parse_statement(plain, "s.txt"), badge.criteria)
    assert all(c.status != "covered" for c in coverage), [c.status for c in coverage]
    assert sum(c.words for c in coverage) == 0  # the list's words count for no criterion


def test_evidence_never_quotes_an_identifying_detail_even_when_privacy_rules_are_not_run(tmp_path: Path) -> None:
    answers = own_evidence("leadership-across-boundaries")
    planted = "I kept every promise to Mrs Jean Smith at the housing office, and she now rings me first. "
    answers[2] = planted + answers[2]
    path = tmp_path / "s.md"
    path.write_text(headed("leadership-across-boundaries", answers), encoding="utf-8")
    from typer.testing import CliRunner

    from badgekit.cli import app

    for extra in ([], ["--select", "BK2"]):
        result = CliRunner().invoke(app, ["check", str(path), "--format", "json", *extra])
        data = json.loads(result.stdout)
        quoted = json.dumps(data["files"][0]["criteria"])
        assert "Jean" not in quoted and "Smith" not in quoted
        result = CliRunner().invoke(app, ["check", str(path), *extra])
        assert "rests on" in result.stdout and "Jean" not in result.stdout and "Smith" not in result.stdout


def test_the_reflection_points_name_their_sentences() -> None:
    answers = [
        "The video showed three things: use each criterion as a heading, write about what I did, and keep it "
        "anonymous. It dawned on me that I had been describing, not reflecting, and that mattered because my "
        "last statement came back.",
        "I went through the hints and tips with my manager in supervision and we looked at my last statement.",
        "From January the team meeting will include ten minutes on Open Badges, which I have offered to lead.",
    ]
    report = check_text(headed("writing-evidence", answers), "s.md", CATALOGUE, ALL_RULES)
    learning, future, policy = (report.reflection[k] for k in ("learning", "future_action", "policy_link"))
    assert learning is not None and learning.text.startswith("It dawned on me")
    assert future is not None and future.text.startswith("From January")
    assert policy is None
    codes = {f.code for f in report.findings}
    assert "BK403" in codes and "BK404" not in codes and "BK402" not in codes


# --- the labelled statements themselves ------------------------------------------------------


def test_every_case_labels_every_criterion_of_its_badge_in_order() -> None:
    catalogue = load_catalogue(USER_BADGES, use_cache=False)
    cases = load_cases()
    assert len(cases) >= 120
    for case in cases:
        badge = catalogue.get(case.badge)
        assert list(case.criteria) == [c.id for c in badge.criteria_for(case.level)], case.name
        assert set(case.criteria.values()) <= {"covered", "missing"}, case.name


def test_the_halves_are_fixed_and_balanced_across_badges_and_forms() -> None:
    dev, frozen = load_cases("dev"), load_cases("frozen")
    assert not {c.name for c in dev} & {c.name for c in frozen}
    assert abs(len(dev) - len(frozen)) <= 10
    assert {c.badge for c in dev} == {c.badge for c in frozen}
    assert len({c.form for c in dev} & {c.form for c in frozen}) >= 5
    assert sum(c.user_badge for c in frozen) >= 10


def test_the_user_written_badges_have_only_their_criterion_text() -> None:
    catalogue = load_catalogue(USER_BADGES, use_cache=False)
    badges = [catalogue.get(p.stem) for p in USER_BADGES.glob("*.yaml")]
    assert len(badges) >= 2
    for badge in badges:
        assert all(not c.signals and not c.examples for c in badge.criteria)


@pytest.mark.parametrize("badge_id", sorted(b.id for b in CATALOGUE))
def test_every_bundled_criterion_has_everyday_examples(badge_id: str) -> None:
    badge = CATALOGUE.get(badge_id)
    for level in badge.level_ids() or [None]:
        for criterion in badge.criteria_for(level):
            assert len(criterion.examples) >= 5, (badge_id, criterion.id)


def test_the_unclear_warning_never_quotes_an_identifying_detail(tmp_path: Path) -> None:
    text = (
        "---\nbadge: leadership-across-boundaries\n---\n\n## 4. Speaking up\n\nAt a case conference about "
        "Mrs Sinclair I said I was not sure about the plan, although everyone else agreed with it.\n"
    )
    report = check_text(text, "s.md", CATALOGUE, Options(rules=tuple(select_rules(select=["BK205"]))))
    (finding,) = [f for f in report.findings if f.code == "BK205"]
    assert "may not be evidenced" in finding.message and "Sinclair" not in finding.message


def test_a_statement_checked_against_the_wrong_badge_is_told_so_and_nothing_is_called_covered(
    tmp_path: Path,
) -> None:
    from typer.testing import CliRunner

    from badgekit.cli import app

    path = tmp_path / "thing-19.md"
    path.write_text(headed("thing-19-citizen-leadership", own_evidence("thing-19-citizen-leadership")), "utf-8")
    right = CliRunner().invoke(app, ["check", str(path), "--format", "json"])
    assert all(c["status"] == "covered" for c in json.loads(right.stdout)["files"][0]["criteria"])
    wrong = CliRunner().invoke(app, ["check", str(path), "--badge", "leadership-across-boundaries", "--format", "json"])
    data = json.loads(wrong.stdout)["files"][0]
    assert wrong.exit_code == 1
    assert not any(c["covered"] for c in data["criteria"])
    (finding,) = [f for f in data["findings"] if f["code"] == "BK606"]
    assert "--badge thing-19-citizen-leadership" in finding["message"]


def test_the_judgements_do_not_depend_on_pythons_hash_seed(tmp_path: Path) -> None:
    import os
    import subprocess

    paths = []
    for case in load_cases():
        if case.badge != "keeping-people-at-the-centre":  # where a seed was once seen to change the output
            continue
        path = tmp_path / f"{case.name}.md"
        path.write_text(f"---\nbadge: {case.badge}\n---\n\n{case.statement}", encoding="utf-8")
        paths.append(str(path))
    outputs = set()
    for seed in ("1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "NO_COLOR": "1"}
        command = [sys.executable, "-m", "badgekit", "check", "--format", "json", *paths]
        outputs.add(subprocess.run(command, env=env, capture_output=True, text=True, check=False).stdout)
    assert len(outputs) == 1


def test_of_two_copies_the_one_under_the_heading_its_examples_fit_is_the_original() -> None:
    # A labelled statement (development half) whose staff engagement section repeats the health and safety
    # answer. The two criteria open with the same words ("initiate, develop and implement systems ..."),
    # so by the criteria's words alone the copy looked like the original; its examples tell them apart.
    case = next(c for c in load_cases("dev") if c.name == "leading-and-developing-people-07")
    assert case.criteria["staff-engagement"] == "missing" and case.criteria["health-and-safety"] == "covered"
    report = check_text(case.statement, f"{case.name}.md", CATALOGUE, ALL_RULES)
    statuses = {c.number: c.status for c in report.criteria}
    assert statuses[3] == "missing"  # staff engagement: the copy
    assert statuses[4] == "covered"  # health and safety: the original
