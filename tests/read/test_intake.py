"""Tests for matcher.read.intake: file checks, sniffing, and the formats other than PDF."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from matcher.errors import ReadError
from matcher.read.intake import MAX_BYTES, read_file_bytes, read_other, sniff
from matcher.read.reader import read_document

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@pytest.mark.parametrize(
    ("description", "data", "suffix", "kind"),
    [
        ("a PDF", b"%PDF-1.7\n...", "", "pdf"),
        ("a PDF after junk, named .pdf", b"junk\n%PDF-1.4\n...", ".pdf", "pdf"),
        ("a PDF after junk, unnamed", b"junk\n%PDF-1.4\n...", "", "text"),
        ("a zip", b"PK\x03\x04...", ".pdf.docx", "docx"),
        ("content beats the suffix", b"PK\x03\x04...", ".txt", "docx"),
        ("JSON by suffix", b"[1, 2]", ".json", "json"),
        ("JSON by content", b'  {"basics": {}}', ".txt", "json"),
        ("text", b"Jane Doe", ".md", "text"),
    ],
)
def test_sniff(description: str, data: bytes, suffix: str, kind: str) -> None:
    assert sniff(data, suffix) == kind, description


@pytest.mark.parametrize(
    ("data", "suffix", "status", "message"),
    [
        (b" \n\t", ".txt", "empty", "empty file"),
        (b"x" * (MAX_BYTES + 1), "", "too_large", "file is over the 20 MiB limit"),
        (b"Jane Doe", ".pdf", "not_a_pdf", "named .pdf but is not a PDF (plain text)"),
        (b"\x89PNG\r\n\x1a\n..", ".pdf", "not_a_pdf", "named .pdf but is not a PDF (a PNG image)"),
        (OLE2 + b"\x00", ".doc", "unsupported", "an old binary Word/Office file (.doc) is not"),
        (b"{\\rtf1 x}", ".rtf", "unsupported", "an RTF document is not supported"),
        (b"\xff\xd8\xff..", ".docx", "not_a_docx", "named .docx but is not a DOCX file (a JPEG"),
    ],
)
def test_sniff_refuses_what_is_not_a_resume_file(
    data: bytes, suffix: str, status: str, message: str
) -> None:
    with pytest.raises(ReadError) as err:
        sniff(data, suffix)
    assert err.value.status == status and err.value.message.startswith(message)


def test_read_other_reads_json_resume_and_falls_back_to_text() -> None:
    assert read_other(b'{"basics": {"name": "Li Lei"}}', "json") == ("json_resume", ["Li Lei"], [])
    assert read_other(b"{curly} Jane", "json") == ("text", ["{curly} Jane"], [])
    with pytest.raises(ReadError) as err:
        read_other(b"{curly} Jane", "json", ".json")
    assert err.value.status == "not_a_resume"


def test_read_other_refuses_binary_and_unknown_encodings() -> None:
    with pytest.raises(ReadError) as err:
        read_other(b"\x00\x01\x02binary", "text")
    assert err.value.status == "not_a_resume"


def test_read_file_bytes(tmp_path: Path) -> None:
    (tmp_path / "cv.txt").write_bytes(b"Jane Doe")
    assert read_file_bytes(tmp_path / "cv.txt") == b"Jane Doe"
    with pytest.raises(ReadError) as err:
        read_file_bytes(tmp_path)
    assert err.value.status == "not_found" and err.value.message == "is a folder, not a file"


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ReadError) as err:
        read_document(tmp_path / "nope.pdf")
    assert err.value.status == "not_found"


def test_devices_and_pipes_are_not_read(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="not a regular file"):
        read_document("/dev/zero")
    fifo = tmp_path / "f.txt"
    os.mkfifo(fifo)
    with pytest.raises(ReadError, match="not a regular file"):
        read_document(fifo)
