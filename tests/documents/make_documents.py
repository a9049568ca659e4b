"""Make the Word documents the tests read, from the OpenDocument files beside this script.

The tests must read .docx files that a library other than badgekit's own made, so these
are converted by LibreOffice (headless), as a learner's word processor would save them:

    python tests/documents/make_documents.py

Each ``NAME.fodt`` (flat OpenDocument: readable XML, easy to review) becomes ``NAME.docx``
and ``NAME.odt``.
Run it after changing a .fodt file and commit both. Needs LibreOffice Writer
(Debian: apt-get install libreoffice-writer-nogui); .ci/run installs it.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent


def soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        sys.exit("LibreOffice is needed: apt-get install libreoffice-writer-nogui")
    return found


def convert(source: Path, target_format: str, folder: Path) -> Path:
    """Convert one file with LibreOffice into ``folder``; a throwaway profile keeps runs independent."""
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [
                soffice(),
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--convert-to",
                target_format,
                "--outdir",
                str(folder),
                str(source),
            ],
            check=True,
            capture_output=True,
            timeout=180,
        )
    suffix = "." + target_format.split(":", 1)[0]
    return folder / (source.stem + suffix)


def main() -> None:
    for source in sorted(HERE.glob("*.fodt")):
        for target_format in ("docx:MS Word 2007 XML", "odt:writer8"):
            made = convert(source, target_format, HERE)
            print(f"made {made.relative_to(HERE.parent.parent)}")


if __name__ == "__main__":
    main()
