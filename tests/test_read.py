"""Tests for matcher.read on the bundled sample PDFs and on broken inputs."""

from __future__ import annotations

from pathlib import Path

import pytest

from matcher.errors import ReadError
from matcher.read import read_bytes, read_document
from tests.conftest import SAMPLES


def test_chinese_text_comes_out_intact() -> None:
    doc = read_document(SAMPLES / "zh_ecommerce_pm_senior.pdf")
    assert "工作经历" in doc.text and "(cid:" not in doc.text
    assert doc.format == "pdf" and doc.pages[0].number == 1


def test_two_column_page_reads_column_by_column() -> None:
    text = read_document(SAMPLES / "en_pm_mid_ecommerce_twocol.pdf").text
    lines = text.splitlines()
    # Each column's headings appear in their own column's order, not interleaved on one line.
    assert not any("SKILLS" in ln and "SUMMARY" in ln for ln in lines)


def test_text_resume() -> None:
    doc = read_document(SAMPLES / "en_pm_mid_plain.txt")
    assert doc.format == "text" and "Samuel" in doc.text


@pytest.mark.parametrize(
    ("data", "suffix", "status"),
    [
        (b"", ".pdf", "empty"),
        (b"\x89PNG\r\n\x1a\nxxxx", ".pdf", "not_a_pdf"),
        (b"%PDF-1.4\n garbage garbage", ".pdf", "corrupt_pdf"),
        (b"\x00\x01\x02binary", ".bin", "not_a_resume"),
    ],
)
def test_bad_inputs_raise_read_error_with_status(data: bytes, suffix: str, status: str) -> None:
    with pytest.raises(ReadError) as err:
        read_bytes(data, label="x", suffix=suffix)
    assert err.value.status == status


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ReadError) as err:
        read_document(tmp_path / "nope.pdf")
    assert err.value.status == "not_found"
