"""check's findings in plain words: which sentence a finding means, quoted, never an identifying detail."""

from __future__ import annotations

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


def test_a_finding_quotes_the_opening_words_of_its_sentence(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "statement.md"
    path.write_text(
        "---\nbadge: writing-evidence\n---\n# Writing evidence\n\n## 1. Learning\n\n"
        f"I learned a lot. {LONG_SENTENCE} I now write shorter notes.\n",
        encoding="utf-8",
    )
    out = flat(run("check", str(path)).stdout)
    assert "line 8 warning BK502 'When the inspection report came back...': this sentence has 46 words" in out


def test_privacy_findings_never_repeat_the_detail_in_a_quote(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "statement.md"
    path.write_text(
        "---\nbadge: writing-evidence\n---\n# Writing evidence\n\n## 1. Learning\n\n"
        "Call Margaret Thompson on 07700 900123 about the visit. I learned a lot.\n",
        encoding="utf-8",
    )
    out = flat(run("check", str(path)).stdout)
    assert "BK30" in out
    assert "'Call Margaret" not in out and "Thompson" not in out.split("Privacy")[1]
