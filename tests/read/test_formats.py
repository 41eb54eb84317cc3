"""Tests for matcher.read.formats: DOCX and JSON Resume files from the committed fixtures."""

from __future__ import annotations

import pytest

from matcher.errors import ReadError
from matcher.read.reader import read_bytes, read_document
from tests.conftest import FIXTURES, zip_bytes
from tests.fixtures import make_attacks

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


def test_a_docx_is_refused_by_what_its_xml_costs() -> None:
    """Regression: 380 MiB of document.xml in 1.2 MB took 6.3 GB and 54 s, then an error."""
    with pytest.raises(ReadError) as err:
        read_bytes(make_attacks.docx_bomb(40), label="bomb.docx")
    assert err.value.status == "too_large" and "MiB of XML" in err.value.message


def test_a_docx_of_many_tiny_elements_is_refused_before_parsing() -> None:
    body = b"<w:p/>" * 700_000
    data = zip_bytes(
        {
            "[Content_Types].xml": make_attacks.DOCX_TYPES,
            "_rels/.rels": make_attacks.DOCX_RELS,
            "word/document.xml": b"<w:document %s><w:body>%s</w:body></w:document>"
            % (make_attacks.W_NS, body),
        }
    )
    with pytest.raises(ReadError) as err:
        read_bytes(data, label="many.docx")
    assert err.value.status == "too_large" and "XML elements" in err.value.message


def test_a_deep_docx_is_damaged_and_says_so_without_quoting_it() -> None:
    with pytest.raises(ReadError) as err:
        read_bytes(make_attacks.docx_deep(), label="deep.docx")
    assert (
        err.value.status == "corrupt_docx" and err.value.message == "damaged DOCX (XMLSyntaxError)"
    )


@pytest.mark.parametrize(
    ("data", "suffix", "status"),
    [
        (make_attacks.deep_json(), ".json", "not_a_resume"),  # was a bare RecursionError
        (make_attacks.deep_json(), "", "ok"),  # no suffix: text that starts with a bracket
        (make_attacks.deep_json_text(), ".txt", "ok"),  # a .txt starting with "{": text
    ],
)
def test_deeply_nested_json_is_a_status_or_text(data: bytes, suffix: str, status: str) -> None:
    try:
        doc = read_bytes(data, label="x" + suffix, suffix=suffix)
        got = "ok" if doc.format == "text" else doc.format
    except ReadError as e:
        got = e.status
    assert got == status
