"""Fuzzing every reader of what people write: YAML (badges, answers, reviews), front matter, statements.

Each reader gets 10,000 inputs (``FUZZ_INPUTS``) built by benchmarks/fuzz_readers.py from the pieces
that break readers, and must end in data or in badgekit's own error naming the file: never a
traceback. Hypothesis draws the seeds, derandomized, so CI sees the same inputs every time and a
failure names its input; each seed builds ``PER_SEED`` inputs, which keeps the run to seconds.
The script runs the same properties with fresh seeds, as many as asked, and times 100 KB inputs.
"""

from __future__ import annotations

import os
import random
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from fuzz_readers import check_yaml, readers

INPUTS = int(os.environ.get("FUZZ_INPUTS", "10000"))
PER_SEED = 20
FUZZ = settings(
    max_examples=INPUTS // PER_SEED,
    deadline=2000,  # milliseconds for 20 small inputs: far beyond any reader's time
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


@pytest.mark.parametrize("reader", ["yaml", "front matter", "statement", "answers"])
def test_no_input_makes_a_reader_trace_back(reader: str, scratch: Path) -> None:
    build, check = readers(scratch)[reader]

    @FUZZ
    @given(seed=st.integers(min_value=0, max_value=2**32 - 1))
    def inputs_from(seed: int) -> None:
        rng = random.Random(seed)
        for _ in range(PER_SEED):
            given_input = build(rng)
            try:
                check(given_input)
            except Exception as error:
                raise AssertionError(f"{reader} failed on {given_input!r}") from error

    inputs_from()


@pytest.mark.parametrize(
    "text",
    [
        "!!int ",  # found by this fuzz: PyYAML's int constructor indexes an empty string
        "a: !!float\n",
        "a: !!binary x\n",
        "? [a]\n: b\n",
        "a: &a [*a]\n",
    ],
)
def test_inputs_the_fuzz_found_stay_fixed(text: str) -> None:
    check_yaml(text)
