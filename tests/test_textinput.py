"""Reading the files people give badgekit: every way it fails says what to do next."""

from __future__ import annotations

from pathlib import Path

import pytest

from badgekit.errors import BadgekitError
from badgekit.statement.decoding import Decoded, decode
from badgekit.textinput import read_text


def read_decoded(name: str) -> Decoded:
    return decode(Path(name).read_bytes())


def test_utf8_with_or_without_a_mark_and_utf16_from_word(tmp_path: Path) -> None:
    text = "Reflecting on my practice – what I’ll do next.\n"
    for name, data in {
        "plain.md": text.encode("utf-8"),
        "marked.md": b"\xef\xbb\xbf" + text.encode("utf-8"),
        "word-unicode-text.txt": text.encode("utf-16"),  # Word's "Unicode Text" adds the mark itself
        "big-endian.txt": b"\xfe\xff" + text.encode("utf-16-be"),
    }.items():
        (tmp_path / name).write_bytes(data)
        assert read_text(str(tmp_path / name)) == text, name


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"PK\x03\x04word/document.xml", "this is a word processor document, not a text file"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "this is a word processor document, not a text file"),
        (b"%PDF-1.7", "this is a word processor document, not a text file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "this is not a text file"),
    ],
)
def test_documents_and_binary_files_say_how_to_make_text(tmp_path: Path, data: bytes, message: str) -> None:
    path = tmp_path / "statement.md"
    path.write_bytes(data)
    with pytest.raises(BadgekitError) as caught:
        read_text(str(path))
    assert caught.value.message == message
    assert "save it as Plain Text" in (caught.value.hint or "")


def test_windows_1252_is_read_and_named_and_crlf_kept_as_lines(tmp_path: Path) -> None:
    path = tmp_path / "statement.txt"
    path.write_bytes("first line\r\nsecond line with a curly quote ’ and café\r\n".encode("cp1252"))
    decoded = read_decoded(str(path))
    assert decoded.text == "first line\r\nsecond line with a curly quote ’ and café\r\n"
    assert decoded.encoding == "Windows-1252" and decoded.crlf
    assert "Windows-1252" in (decoded.notice() or "")


def test_utf16_without_a_mark_and_utf8_say_nothing_or_name_it(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes("Reflecting – on practice\r\n".encode("utf-16-le"))
    assert read_decoded(str(tmp_path / "a.txt")).text == "Reflecting – on practice\r\n"
    assert "UTF-16" in (read_decoded(str(tmp_path / "a.txt")).notice() or "")
    (tmp_path / "b.txt").write_bytes("Reflecting – on practice\n".encode())
    assert read_decoded(str(tmp_path / "b.txt")).notice() is None


def test_bytes_in_no_encoding_name_the_line_and_say_how_to_fix_it(tmp_path: Path) -> None:
    path = tmp_path / "statement.md"
    path.write_bytes(b"first line\nsecond line \x81\x8d\n")
    with pytest.raises(BadgekitError) as caught:
        read_text(str(path))
    assert caught.value.message == "line 2 is not text that badgekit can read (neither UTF-8 nor Windows-1252)"
    assert "Save the file as UTF-8" in (caught.value.hint or "")


def test_a_missing_file_says_how_to_find_it(tmp_path: Path) -> None:
    with pytest.raises(BadgekitError) as caught:
        read_text(str(tmp_path / "statement.md"))
    assert caught.value.message == "no such file"
    assert "lists the files in this folder" in (caught.value.hint or "")
