"""The privacy case set (tests/privacy_cases/): every expected detail found, nothing else reported."""

from __future__ import annotations

import pytest
from privacy_cases.scoring import Case, load_cases, score_all, score_case

CASES = load_cases()


def test_the_case_set_is_large_and_covers_every_kind() -> None:
    kinds = {kind for case in CASES for kind, _text, _which in case.expect}
    assert len(CASES) >= 80
    assert kinds >= {"name", "email", "phone", "postcode", "postcode-district", "address", "date-of-birth"}
    assert kinds >= {"age", "chi", "nhs", "ni", "reference", "handle", "vehicle", "place", "initial"}
    assert sum(1 for case in CASES if not case.expect) >= 20  # clean texts


@pytest.mark.parametrize("case", CASES, ids=[f"{c.file}:{c.id}" for c in CASES])
def test_case(case: Case) -> None:
    result = score_case(case)
    missed = [f"{d.kind} {d.text!r}" for d in result.missed]
    false_alarms = [f"{s.kind} {case.text[s.start : s.end]!r}" for s in result.false_alarms]
    assert not missed, f"false negative: {missed}"
    assert not false_alarms, f"false positive: {false_alarms}"


def test_recall_and_false_alarm_rate_meet_the_aim() -> None:
    total = score_all(CASES)
    assert total.recall >= 0.98
    assert total.false_alarms_per_1000 <= 1.0
