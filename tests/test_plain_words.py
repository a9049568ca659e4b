"""check's findings in plain words: which sentence a finding means, quoted, never an identifying detail."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from typer.testing import Result

Run = Callable[..., Result]

LONG_SENTENCE = (
    "When the inspection report came back we all sat down together in the staff room and talked through "
    "every single point that the inspectors had raised about our medication records and our care plans "
    "and our daily notes, and then we agreed who would do what."
)


def flat(text: str) -> str:
    return " ".join(text.split())


def checked(run: Run, folder: Path, answer: str, *options: str) -> str:
    """check's report, flattened, for a Writing evidence statement whose first answer (line 8) is ``answer``."""
    path = folder / "statement.md"
    path.write_text(f"---\nbadge: writing-evidence\n---\n# Writing evidence\n\n## 1. Learning\n\n{answer}\n", "utf-8")
    return flat(run("check", str(path), *options).stdout)


def test_a_finding_quotes_the_opening_words_of_its_sentence(run: Run, tmp_path: Path) -> None:
    out = checked(run, tmp_path, f"I learned a lot. {LONG_SENTENCE} I now write shorter notes.")
    assert "line 8 warning BK502 'When the inspection report came back…': this sentence has 46 words" in out


def test_privacy_findings_never_repeat_the_detail_in_a_quote(run: Run, tmp_path: Path) -> None:
    out = checked(run, tmp_path, "Call Margaret Thompson on 07700 900123 about the visit. I learned a lot.")
    assert "BK30" in out
    assert "'Call Margaret" not in out and "Thompson" not in out.split("Privacy")[1]


def test_a_statement_far_longer_than_the_badge_asks_for_is_warned(run: Run, tmp_path: Path) -> None:
    from badgekit.checks.samples import words

    path = tmp_path / "pasted.md"
    path.write_text("---\nbadge: writing-evidence\n---\n\n" + words(20_000) + "\n", encoding="utf-8")
    result = run("check", str(path))
    out = flat(result.stdout)
    assert "BK107" in out
    assert re.search(r"The statement has 20,0\d\d words, more than 3 times the 150 the badge asks for", out)
    assert "within the word guidance" not in out


def test_a_paragraph_pasted_twice_is_warned_at_the_second_copy(run: Run, tmp_path: Path) -> None:
    from badgekit.checks.samples import WRITING_EVIDENCE_GOOD

    paragraph = (
        "Working with the night staff showed me how much a clear handover matters, because the small details "
        "we pass on decide how settled a person is in the morning."
    )
    path = tmp_path / "twice.md"
    path.write_text(f"{WRITING_EVIDENCE_GOOD}\n{paragraph}\n\n{paragraph}\n", encoding="utf-8")
    second = len(path.read_text(encoding="utf-8").splitlines())
    out = flat(run("check", str(path)).stdout)
    assert f"line {second} warning BK108 'Working with the night staff showed…': this paragraph repeats" in out


def test_a_quoted_sentence_never_repeats_an_identifying_detail(run: Run, tmp_path: Path) -> None:
    out = checked(run, tmp_path, f"I learned a lot. Margaret Thompson and I {LONG_SENTENCE[5:]}", "--ignore", "BK3")
    assert "BK502 'I learned a lot." not in out
    assert "this sentence has" in out and "Thompson" not in out
