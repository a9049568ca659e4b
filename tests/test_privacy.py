"""The privacy detectors called directly, their properties, and the BK3xx rules as a user meets them."""

from __future__ import annotations

import datetime
import json
import subprocess
import sys
from collections.abc import Callable
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from typer.testing import Result

from badgekit.privacy import Span, screen
from badgekit.privacy.contact import find_emails, find_phone_numbers
from badgekit.privacy.dates import find_ages, find_dates_of_birth
from badgekit.privacy.names import find_names
from badgekit.privacy.numbers import find_health_numbers, find_ni_numbers, nhs_check_digit_holds, starts_with_date
from badgekit.privacy.places import find_addresses, find_postcodes
from badgekit.privacy.spans import KINDS, resolve_overlaps, span
from badgekit.privacy.wordlists import ambiguous_names, common_words, first_names, surnames

Run = Callable[..., Result]


def found(spans: list[Span], text: str) -> list[tuple[str, str]]:
    return [(s.kind, text[s.start : s.end]) for s in spans]


# --- numbers -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("digits", "holds"),
    [("9434765919", True), ("4010232137", True), ("9434765918", False), ("1234567890", False), ("12345", False)],
)
def test_the_nhs_check_digit(digits: str, holds: bool) -> None:
    assert nhs_check_digit_holds(digits) is holds


@pytest.mark.parametrize(
    ("digits", "is_date"),
    [("0307401234", True), ("2902401234", True), ("2902011234", False), ("3104991234", False), ("0013001234", False)],
)
def test_a_chi_number_starts_with_a_real_date(digits: str, is_date: bool) -> None:
    assert starts_with_date(digits) is is_date


def test_ten_digits_are_a_chi_then_an_nhs_number_then_a_reference() -> None:
    text = "CHI 03 07 40 1234, NHS 943-476-5919, odd 5551234567, phone 0131 496 0000."
    assert found(find_health_numbers(text), text) == [
        ("chi", "03 07 40 1234"),
        ("nhs", "943-476-5919"),
        ("reference", "5551234567"),
    ]


def test_national_insurance_numbers_are_lenient_about_prefixes_but_not_charity_numbers() -> None:
    text = "QQ 12 34 56 C, ZZ123456A, qq123456d and the charity SC012345."
    assert [t for _, t in found(find_ni_numbers(text), text)] == ["QQ 12 34 56 C", "ZZ123456A", "qq123456d"]


# --- contact details -------------------------------------------------------------------------


def test_an_email_is_reported_whole_and_leaves_the_word_at_alone() -> None:
    text = "Write to her or at jean.smith.family@example.co.uk today."
    (only,) = find_emails(text)
    assert text[only.start : only.end] == "jean.smith.family@example.co.uk"
    assert text[: only.start].endswith("or at ")


@pytest.mark.parametrize(
    "number",
    ["07700 900123", "07700900123", "0131 496 0000", "(0141) 496 0018", "+44 (0)131 496 0000", "+447700900555"],
)
def test_uk_phone_numbers_in_every_common_format_including_drama_ranges(number: str) -> None:
    text = f"Her number is {number}, she said."
    assert found(find_phone_numbers(text), text) == [("phone", number)]


def test_years_money_and_times_are_not_phone_numbers() -> None:
    text = "In 2023 we spent £1,250 from 09:30 to 12:00 and phoned 999 and 111."
    assert find_phone_numbers(text) == []


def test_phonenumbers_is_imported_only_when_a_statement_has_a_long_number() -> None:
    script = "import sys; from badgekit.privacy import screen; screen('Jamie met Mrs Smith in 2023.');"
    script += "print('phonenumbers' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


# --- places ----------------------------------------------------------------------------------


def test_a_full_postcode_is_an_error_and_an_outward_code_a_note_only_where_it_is_a_place() -> None:
    text = "She moved from EH6 7QR to a flat in G42. S3 pupils, the M8 and rule BK301 are not places."
    spans = find_postcodes(text)
    assert [(s.kind, text[s.start : s.end], s.severity) for s in resolve_overlaps(spans)] == [
        ("postcode", "EH6 7QR", "error"),
        ("postcode-district", "G42", "note"),
    ]


@pytest.mark.parametrize(
    "address",
    ["12 Leith Walk", "3/2, 45 Easter Road", "2F1 14 Montgomery Street", "Flat 4, Rosebank Court", "7a Albert Road"],
)
def test_street_addresses_with_flat_numbers_and_named_buildings(address: str) -> None:
    text = f"The visit was to {address} last week."
    assert found(find_addresses(text), text) == [("address", address)]


# --- dates -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("DOB 03/07/1940 on file.", "03/07/1940"),
        ("Date of birth: 3rd July 1940.", "3rd July 1940"),
        ("He was born on 14.2.09 in Fife.", "14.2.09"),
        ("Her birthday is on 22 November.", "22 November"),
        ("D.O.B. 2010-05-17 on the form.", "2010-05-17"),
    ],
)
def test_dates_of_birth_in_any_common_format(text: str, date: str) -> None:
    assert found(find_dates_of_birth(text), text) == [("date-of-birth", date)]


def test_a_meeting_date_is_not_a_date_of_birth() -> None:
    assert find_dates_of_birth("On 12 March 2024 we met, and on 3/4/24 we reviewed it.") == []


def test_an_age_is_reported_only_next_to_a_name() -> None:
    text = "Jamie, who is 12, met a 12-year-old boy and 14-year-old Ellie."
    names = find_names(text)
    assert found(find_ages(text, names), text) == [("age", "12"), ("age", "14-year-old")]


# --- names -----------------------------------------------------------------------------------


def test_titles_full_names_and_lone_first_names() -> None:
    text = "Mrs O'Brien met Callum Fraser. Later Jamie said Mr J. MacLeod-Reid had called Ms McDonald."
    assert [t for _, t in found(find_names(text), text)] == [
        "Mrs O'Brien",
        "Callum Fraser",
        "Jamie",
        "Mr J. MacLeod-Reid",
        "Ms McDonald",
    ]


def test_the_same_person_keeps_one_letter_and_a_title_is_kept_in_the_suggestion() -> None:
    text = "Mrs Jean Smith came. Jamie waved. Later Mrs Smith and Jean laughed."
    assert [s.suggestion for s in find_names(text)] == ["Mrs A", "Person B", "Mrs A", "Person A"]


def test_cited_authors_organisations_places_months_and_roles_are_not_names() -> None:
    text = (
        "Bandura (1977), Schön's reflective practitioner, (Smith and Jones, 2019) and Kolb et al. helped. "
        "The Care Inspectorate, Sue Ryder and Simon Community Scotland work in Angus and Easter Ross. "
        "In May my line manager met the Team Leader on Monday. Will this help? Hope matters."
    )
    assert find_names(text) == []


def test_a_word_name_needs_more_than_a_capital_at_the_start_of_a_sentence() -> None:
    assert find_names("Will this work? Grace under pressure matters.") == []
    text = "Will, who is 9, told me. I supported Grace with her plan."
    assert [t for _, t in found(find_names(text), text)] == ["Will", "Grace"]


def test_a_name_in_a_heading_is_still_a_name_but_title_case_is_not() -> None:
    text = "## Working With Mhairi\n\n## Hope And Recovery In Practice\n"
    assert [t for _, t in found(find_names(text), text)] == ["Mhairi"]


@pytest.mark.parametrize(
    "name",
    [
        "Margaret Sinclair",  # a surname that is also a cited author's
        "Agnes Sinclair",
        "Moira Hamilton",  # ... a town's
        "Moira Stirling",
        "Moira Paisley",
        "Moira Bruce",  # ... a common word or a given name
        "Moira Morrison",
        "Moira Young",
        "Moira McGregor",  # ... Mac or Mc, after any given name
        "Ewan McGregor",
        "Will McLean",
        "Angus Mackay",
    ],
)
def test_a_first_name_makes_the_next_capitalised_word_a_surname(name: str) -> None:
    for text in (f"I supported {name} at home.", f"{name}'s daughter phoned."):
        assert [t for _, t in found(find_names(text), text)] == [name]


def test_role_and_group_words_are_never_names_even_at_the_start_of_a_sentence() -> None:
    text = (
        "Carers told us. Nurses asked me. Families told me. Managers told us. Partners told us. "
        "Colleagues told us. Parents told us. Residents said so. Volunteers felt tired. Dad told me. "
        "Gran told me. Staff told us."
    )
    assert find_names(text) == []
    text = "Carers told us that Morag Bruce had stopped eating. My colleague Sam said it was fine."
    assert [t for _, t in found(find_names(text), text)] == ["Morag Bruce", "Sam"]


def test_cited_authors_by_full_name_or_with_their_work_are_not_names() -> None:
    text = (
        "Carl Rogers, Bruce Perry's work, Douglas McGregor's Theory X, Professor Eileen Munro's review, "
        "Rogers' core conditions, Oliver's social model and Thompson's PCS model all helped. "
        "Ruth Sinclair's research and Sinclair (2004) too."
    )
    assert find_names(text) == []


def test_a_doctor_with_a_common_surname_is_a_person_but_a_cited_professor_is_not() -> None:
    text = "Dr Morrison said the dose was fine. Professor Munro argues for relationships. Dr Bandura agrees."
    assert [t for _, t in found(find_names(text), text)] == ["Dr Morrison"]


def test_a_title_case_heading_still_shows_the_name_in_it() -> None:
    text = "## Supporting Jamie At Home\n\nI used Signs of Safety and Mind Of My Own.\n"
    assert [t for _, t in found(find_names(text), text)] == ["Jamie"]


def test_the_word_after_an_organisation_word_is_part_of_its_name() -> None:
    text = "We meet at Hamilton Town Hall, near George Street and Victoria Park, and Moira Green told me why."
    assert [t for _, t in found(find_names(text), text)] == ["Moira Green"]


def test_allowed_names_are_never_reported_in_any_form() -> None:
    text = "Alexander Warren spoke; Warren and Mr Warren agreed, and Mrs Dunlop listened."
    spans = find_names(text, ["Alexander Warren"])
    assert [t for _, t in found(spans, text)] == ["Mrs Dunlop"]


def test_word_lists_load_and_answer_membership() -> None:
    assert "Jamie" in first_names() and "Agnieszka" in first_names()
    assert "Will" in ambiguous_names() and "Will" not in first_names()
    assert "Fraser" in surnames() or "Smith" in surnames()
    assert "support" in common_words() and "jamie" not in common_words()
    assert len(first_names()) > 10_000


# --- all together ----------------------------------------------------------------------------


def test_screen_resolves_overlaps_by_priority() -> None:
    text = "CHI 0307401234 is not also a phone number."
    assert found(screen(text), text) == [("chi", "0307401234")]


def test_every_kind_has_a_description_severity_and_replacement() -> None:
    for kind, info in KINDS.items():
        assert info.description and info.severity in ("error", "warning", "note"), kind
        assert info.suggestion and info.suggestion != kind
    assert span(0, 1, "name").suggestion == "Person A"


PIECES = st.sampled_from(
    [
        "Mrs ", "Mr. ", "O'Brien", "Jamie", "Will", "May", "Smith", ", who is 12", "(84)", "'s dad", "called ",
        "07700 900123", "+44 (0)131 496 0000", "EH6 7QR", "G42", "12 Leith Walk", "3/2", "Flat 4, ", "Court",
        "DOB ", "03/07/1940", "born on ", "0307401234", "943 476 5919", "QQ 12 34 56 C", "jean@example.com",
        "[at]", "(1977)", "et al.", " and ", "\n", "\n## ", ". ", ", ", "-", "’s", "é", "\t", "Ma", "Mc", "  ",
    ]
)  # fmt: skip
TEXT = st.lists(st.one_of(PIECES, st.text(max_size=10)), max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(text=TEXT, allowed=st.lists(st.sampled_from(["Jamie", "Will Smith", "", "Mrs"]), max_size=2))
@example(text=", who is 12Will and ", allowed=[])  # a name-word, "and", then the end of the text
def test_no_text_makes_a_detector_crash_and_every_span_lies_inside_it(text: str, allowed: list[str]) -> None:
    spans = screen(text, allowed)
    for one in spans:
        assert 0 <= one.start < one.end <= len(text)
        assert one.kind in KINDS and one.suggestion
    for before, after in pairwise(spans):
        assert before.end <= after.start  # in order and never overlapping


# --- the rules as a user meets them ---------------------------------------------------------------

STATEMENT = """---
badge: writing-evidence
---

# Writing evidence

## 1. Three things I learned from the video and why they matter

I learned three things with Mrs Jean Smith, whose mobile is 07700 900123.
Jamie, who is 12, told me. Bandura (1977) explains this.

## 2. Involving my manager

I discussed the hints with my manager, Lorraine Baxter. <!-- badgekit: ignore BK301 -->

## 3. Telling my colleagues

At our next team meeting I will tell my colleagues.
"""


@pytest.fixture
def statement(tmp_path: Path) -> Path:
    path = tmp_path / "statement.md"
    path.write_text(STATEMENT, encoding="utf-8")
    return path


def test_check_reports_each_kind_by_code_and_line_without_repeating_the_detail(run: Run, statement: Path) -> None:
    result = run("check", str(statement), "--select", "BK3")
    assert result.exit_code == 1
    assert "BK301" in result.stdout and "BK303" in result.stdout and "BK308" in result.stdout
    assert "line 9" in result.stdout and "line 10" in result.stdout
    for detail in ("Jean Smith", "07700", "Jamie", "Lorraine"):
        assert detail not in result.stdout
    assert "Bandura" not in result.stdout


def test_check_json_gives_positions_and_suggestions(run: Run, statement: Path) -> None:
    result = run("check", str(statement), "--select", "BK3", "--format", "json")
    findings = json.loads(result.stdout)["files"][0]["findings"]
    line = STATEMENT.split("\n")[8]
    by_code = {(f["code"], f["line"], f["column"]): f for f in findings}
    name = by_code[("BK301", 9, line.index("Mrs") + 1)]
    assert name["suggestion"] == "Mrs A" and name["severity"] == "error"
    assert name["end_column"] == line.index(", whose") + 1
    assert by_code[("BK303", 9, line.index("07700") + 1)]["suggestion"] == "[phone number removed]"
    assert {f["code"] for f in findings} == {"BK301", "BK303", "BK308"}


def test_allow_name_and_the_inline_comment_silence_names(run: Run, statement: Path) -> None:
    result = run("check", str(statement), "--select", "BK301", "--allow-name", "Jamie", "--format", "json")
    lines = [f["line"] for f in json.loads(result.stdout)["files"][0]["findings"]]
    assert lines == [9]  # Mrs Jean Smith only: Jamie is allowed, line 14 carries an ignore comment


def test_redact_writes_a_copy_with_every_detail_replaced(run: Run, statement: Path) -> None:
    copy = statement.with_name("anonymous.md")
    result = run("check", str(statement), "--select", "BK3", "--redact", "-o", str(copy))
    assert result.exit_code == 1
    redacted = copy.read_text(encoding="utf-8")
    assert "with Mrs A, whose mobile is [phone number removed]." in redacted
    assert "Person B, who is [age removed], told me. Bandura (1977)" in redacted
    assert statement.read_text(encoding="utf-8") == STATEMENT
    again = run("check", str(copy), "--select", "BK3")
    assert again.exit_code == 0 and "BK3" not in again.stdout, again.stdout  # "Mrs A" is badgekit's own letter


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("Mrs K told me she had not slept.", True),
        ("Mrs A told me she had not slept, and Mr B agreed.", False),  # badgekit's own lettering
        ("Mrs A told Person B, and Mrs C listened.", False),
        ("Mrs B told me, and Mrs A agreed.", True),  # not in badgekit's order: perhaps real
        ("Mrs A told Mr K.", True),
    ],
)
def test_a_title_with_an_initial_is_asked_about_unless_the_letters_run_a_b_c(text: str, asked: bool) -> None:
    assert any(s.kind == "initial" for s in screen(text)) is asked


def test_badge_resource_people_are_allowed(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "thing.md"
    path.write_text(
        "---\nbadge: thing-19-citizen-leadership\n---\n\n# Thing 19\n\n"
        "In the video, Alexander Warren talks about labels and Steve Coulson about leadership.\n",
        encoding="utf-8",
    )
    result = run("check", str(path), "--select", "BK301")
    assert result.exit_code == 0, result.stdout
    assert "BK301" not in result.stdout


def test_loading_the_rules_does_not_compile_the_detectors() -> None:
    script = "import sys; from badgekit.checks import all_rules; all_rules(); "
    script += "print(any(m.startswith('badgekit.privacy.') and m != 'badgekit.privacy.spans' for m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_a_date_after_the_date_of_birth_sentence_counts_only_if_it_is_long_ago() -> None:
    # "his date of birth down wrong. It's actually ..." runs on past the full stop to a birth date;
    # a date from this year or last, after the same words, is when something was done about it.
    this_year = datetime.date.today().year
    wrong = "The file had his date of birth down wrong. It's actually 12/07/{}."
    assert [s.kind for s in find_dates_of_birth(wrong.format(1948))] == ["date-of-birth"]
    assert find_dates_of_birth(wrong.format(this_year - 1)) == []
    assert find_dates_of_birth(f"His date of birth was missing. We fixed it on 3/2/{this_year}.") == []
