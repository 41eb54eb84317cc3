"""Tests for matcher.read.formats: DOCX and JSON Resume files from the committed fixtures."""

from __future__ import annotations

import pytest

from matcher.errors import ReadError
from matcher.read.reader import read_bytes, read_document
from tests.conftest import FIXTURES, zip_bytes

STUFFED = ("Kubernetes", "Terraform", "Golang", "Airflow", "Snowflake")


def test_docx_reads_tables_on_one_line_and_drops_hidden_runs() -> None:
    doc = read_document(FIXTURES / "resume.docx")
    assert doc.format == "docx"
    assert "Product Manager, Acme  2019 - 2023" in doc.text.splitlines()
    assert "Wrote PRDs in Axure." in doc.text
    assert not any(word in doc.text for word in STUFFED)
    assert doc.warnings == ("hidden_text: 150 characters dropped",)


def test_json_resume_becomes_sectioned_text() -> None:
    doc = read_document(FIXTURES / "resume.json")
    lines = doc.text.splitlines()
    assert doc.format == "json_resume" and lines[0] == "Sam Rivera"
    assert "Product Manager, ShopCo  2020-03 - Present" in lines
    assert lines.index("EXPERIENCE") < lines.index("EDUCATION") < lines.index("SKILLS")


def test_a_docx_that_unpacks_to_too_much_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("matcher.read.formats.MAX_UNPACKED", 1000)
    bomb = zip_bytes({"word/document.xml": b"<w/>" + b" " * 30_000})
    with pytest.raises(ReadError) as err:
        read_bytes(bomb, label="bomb.docx", suffix=".docx")
    assert err.value.status == "too_large"
