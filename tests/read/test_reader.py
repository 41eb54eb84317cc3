"""Tests for matcher.read.reader (PDFs through read.device and read.pdf) on the sample PDFs and broken inputs."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from matcher.errors import ReadError
from matcher.read.reader import read_bytes, read_document
from tests.conftest import FIXTURES, SAMPLES, shared, zip_bytes


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


# ---------------------------------------------------------------- layout

STUFFED = ("Kubernetes", "Terraform", "Golang", "Airflow", "Snowflake")


@pytest.mark.parametrize(
    ("sample", "line"),
    [
        ("zh_pm_fintech_bilingual.pdf", "产品经理(Product Manager)  2021/03 - 至今"),
        ("zh_pm_fintech_bilingual.pdf", "本科 · 金融学(Bachelor of Economics)  2015 - 2019"),
        ("zh_accountant.pdf", "总账会计  2018年3月 - 至今"),
        ("en_chef.pdf", "Chef de Cuisine  May 2019 - Present"),
        ("en_nurse.pdf", "Registered Nurse, Med-Surg  06/2018 - 03/2020"),
        ("en_pm_mid_ecommerce_twocol.pdf", "Product Manager  Jan 2022 - Present"),
    ],
)
def test_right_aligned_dates_stay_on_their_titles_line(sample: str, line: str) -> None:
    """Regression: right-aligned dates were taken for a column and moved after the last section."""
    assert line in read_document(SAMPLES / sample).text.splitlines()


def test_chinese_summary_is_read_before_the_experience() -> None:
    text = read_document(SAMPLES / "zh_pm_fintech_bilingual.pdf").text
    assert text.startswith("赵一鸣")
    assert text.index("6年互联网金融") < text.index("工作经历") < text.index("教育背景")


def test_sidebar_under_a_banner_reads_main_column_then_sidebar() -> None:
    doc = read_document(FIXTURES / "sidebar.pdf")
    page1 = doc.text[doc.pages[0].start : doc.pages[0].end].splitlines()
    assert page1[1].startswith("Ada Quinn, Data Engineer")
    assert (
        page1.index("SKILLS") == page1.index("Built pipeline number 23 moving data every hour") + 1
    )
    assert page1[-5:] == ["Python", "SQL", "Spark", "dbt", "Kafka"]


def test_running_headers_and_page_numbers_are_dropped() -> None:
    doc = read_document(FIXTURES / "sidebar.pdf")
    assert doc.text.count("Curriculum Vitae") == 1
    assert not any(ln.strip() in ("1", "2") for ln in doc.text.splitlines())
    page2 = doc.text[doc.pages[1].start : doc.pages[1].end]
    assert page2.startswith("PROJECTS")


# ---------------------------------------------------------------- hidden text and quality gate


def test_hidden_text_is_dropped_and_counted_but_white_on_dark_stays() -> None:
    doc = read_document(FIXTURES / "hidden.pdf")
    for word in STUFFED:
        assert word not in doc.text
    assert "Banner Visible Engineer" in doc.text
    assert "Photo Caption Visible" in doc.text
    assert "Data Engineer  2020 - Present" in doc.text
    # Five stuffed copies (white, pale on pale, 1 pt, off the page, invisible) of 45 letters.
    assert doc.warnings == (
        "hidden_text: 225 characters dropped (same colour as the background 90, under 2 pt 45, "
        "off the page 45, invisible 45)",
    )


def test_invisible_text_over_a_scan_is_its_ocr_layer_and_is_kept() -> None:
    doc = read_document(FIXTURES / "ocr_layer.pdf")
    assert "Scanned Resume Person" in doc.text and not doc.warnings


@pytest.mark.parametrize(
    ("fixture", "status", "message"),
    [
        ("image_only.pdf", "needs_ocr", "no text layer: scanned or image-only PDF"),
        ("no_unicode_map.pdf", "unreadable_text", "text layer is unreadable"),
        ("garbled.pdf", "unreadable_text", "text layer is garbled"),
        ("encrypted.pdf", "encrypted", "encrypted PDF: a password is required"),
    ],
)
def test_unreadable_pdfs_say_why(fixture: str, status: str, message: str) -> None:
    with pytest.raises(ReadError) as err:
        read_document(FIXTURES / fixture)
    assert err.value.status == status and err.value.message.startswith(message)


def test_page_cap_reads_the_first_pages_and_warns() -> None:
    doc = read_document(FIXTURES / "many_pages.pdf")
    assert len(doc.pages) == 30
    assert doc.warnings == ("page_cap: only the first 30 of 240 pages were read",)


def test_pathological_nesting_costs_no_traceback() -> None:
    try:
        doc = read_document(FIXTURES / "nested.pdf")
    except ReadError as e:
        assert e.status == "corrupt_pdf"
    else:
        assert "Nested Person" in doc.text


def test_a_form_that_draws_itself_is_read_once() -> None:
    assert read_document(FIXTURES / "circular.pdf").text == "Loop Person"


def test_bad_pdf_variants(tmp_path: Path) -> None:
    nurse = (SAMPLES / "en_nurse.pdf").read_bytes()
    cases = {
        "truncated.pdf": (nurse[: len(nurse) // 3], "corrupt_pdf"),
        "header_then_garbage.pdf": (b"%PDF-1.7\n" + bytes(range(256)) * 8, "corrupt_pdf"),
        "text.pdf": (b"Jane Doe, product manager", "not_a_pdf"),
        "png.pdf": (b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "not_a_pdf"),
        "blank.pdf": (b"   \n", "empty"),
        "text.docx": (b"not a zip", "not_a_docx"),
        "zip.docx": (zip_bytes({"a.txt": b"x"}), "unsupported"),
        "broken.json": (b"{not json", "not_a_resume"),
        "old.doc": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, "unsupported"),
        "cv.rtf": (b"{\\rtf1\\ansi Jane Doe}", "unsupported"),
    }
    for name, (data, status) in cases.items():
        (tmp_path / name).write_bytes(data)
        with pytest.raises(ReadError) as err:
            read_document(tmp_path / name)
        assert err.value.status == status, name


# ---------------------------------------------------------------- real files


def _words_of_extract_text(path: Path) -> Counter[str]:
    from pdfminer.high_level import extract_text

    from matcher.read.document import BULLETS, fix_mojibake
    from matcher.text import normalize

    return Counter(normalize(fix_mojibake(extract_text(path)).translate(BULLETS)).split())


@pytest.mark.parametrize("sample", sorted(p.name for p in SAMPLES.glob("*.pdf")))
def test_reading_order_loses_and_invents_no_words(sample: str) -> None:
    """Every word pdfminer's extract_text finds is read, once, and nothing else (no hidden text)."""
    words = Counter(read_document(SAMPLES / sample).text.split())
    assert words == _words_of_extract_text(SAMPLES / sample)


def test_livecareer_resumes_read_ok() -> None:
    """20 real resumes: how many read, how many were flagged, characters per page."""
    folder = shared("livecareer-resumes-dev") / "pdf"
    files = sorted(folder.glob("*/*.pdf"))[::11][:20]
    ok = flagged = pages = chars = 0
    for n, f in enumerate(files):
        try:
            doc = read_document(f)
        except ReadError:
            flagged += 1
            continue
        ok += 1
        pages += len(doc.pages)
        chars += len(doc.text)
        if n % 4 == 0:  # no word lost or invented against extract_text (on a quarter: time)
            assert Counter(doc.text.split()) == _words_of_extract_text(f), f.name
    print(f"livecareer: {ok} read, {flagged} flagged, {chars / max(pages, 1):.0f} chars/page")
    assert ok >= 18 and chars / pages > 1000
