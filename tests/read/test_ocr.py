"""Tests for matcher.read.ocr: generated scans of the sample resumes, read back and scored.

The scans are made by ``tests/read/scans.py`` from the samples' text-layer PDFs (rendered,
skewed, grainy); the PDF's own text is the ground truth. Each scan is recognised once per run
(module fixtures): OCR costs seconds a page. Tests that need the ``ocr`` extra skip without it.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from matcher.errors import ReadError
from matcher.read import ocr
from matcher.read.reader import read_bytes, read_document
from matcher.resume.understand import understand
from matcher.rubric.io import load_rubric
from matcher.scoring.explain import explain_data, explain_text
from matcher.scoring.score import score
from tests.conftest import FIXTURES, SAMPLES

needs_ocr_extra = pytest.mark.skipif(not ocr.available(), reason="the ocr extra is not installed")
AS_OF = date(2026, 11, 23)
ROOT = SAMPLES.parent
EN, EN_JOB = "en_pm_senior_fintech.pdf", "000_1e07a38cda397245-1"
ZH, ZH_JOB = "zh_ecommerce_pm_senior.pdf", "004_d832d627ee032451-1"


def _score(doc_source: object, job: str) -> float:
    rubric = load_rubric(ROOT / "rubrics" / f"{job}.toml")
    return score(understand(doc_source, AS_OF), rubric).score  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def en_scan() -> bytes:
    from tests.read.scans import scan_pdf

    return scan_pdf((SAMPLES / EN).read_bytes(), dpi=150, seed=1, skew=0.6)


@pytest.fixture(scope="module")
def en_read(en_scan: bytes):  # type: ignore[no-untyped-def]
    return read_bytes(en_scan, label="scan.pdf")


@pytest.fixture(scope="module")
def zh_read():  # type: ignore[no-untyped-def]
    from tests.read.scans import scan_png

    png = scan_png((SAMPLES / ZH).read_bytes(), dpi=200, seed=2, skew=-0.5)
    return read_bytes(png, label="scan.png")


@needs_ocr_extra
def test_english_scan_is_read_closely_and_scores_near_its_text_layer(en_read) -> None:  # type: ignore[no-untyped-def]
    from tests.read.scans import cer

    truth = read_document(SAMPLES / EN)
    error = cer(truth.text, en_read.text)
    print(f"English scan (150 dpi, 0.6 degrees, grain): CER {error:.3f}")
    assert error < 0.06  # measured 0.046: spaces are not counted, one line of 33 missed
    assert en_read.format == "pdf"
    [warning] = [w for w in en_read.warnings if w.startswith("ocr:")]
    assert "page 1 read by OCR" in warning and "mean confidence 0.9" in warning
    assert abs(_score(en_read, EN_JOB) - _score(truth, EN_JOB)) <= 6


@needs_ocr_extra
def test_chinese_photo_is_read_closely_and_scores_near_its_text_layer(zh_read) -> None:  # type: ignore[no-untyped-def]
    from tests.read.scans import cer

    truth = read_document(SAMPLES / ZH)
    error = cer(truth.text, zh_read.text)
    print(f"Chinese PNG (200 dpi, -0.5 degrees, grain): CER {error:.3f}")
    assert error < 0.03 and "工作经历" in zh_read.text
    assert zh_read.format == "image"
    assert abs(_score(zh_read, ZH_JOB) - _score(truth, ZH_JOB)) <= 3


@needs_ocr_extra
def test_explain_says_which_evidence_ocr_read(en_read) -> None:  # type: ignore[no-untyped-def]
    rubric = load_rubric(ROOT / "rubrics" / f"{EN_JOB}.toml")
    card = score(understand(en_read, AS_OF), rubric)
    assert "read by OCR" in explain_text(card)
    found = [c for c in explain_data(card)["criteria"] if c["page"]]
    assert found and all(c["ocr"] for c in found)


def test_without_ocr_a_scan_keeps_todays_needs_ocr_row(monkeypatch: pytest.MonkeyPatch) -> None:
    data = (FIXTURES / "image_only.pdf").read_bytes()
    for off in (True, False):
        if off:
            monkeypatch.setattr(ocr, "_installed", lambda: False)  # the extra not installed
        with pytest.raises(ReadError) as err:
            read_bytes(data, label="scan.pdf", ocr=not off)
        assert err.value.status == "needs_ocr"
        assert err.value.message == "no text layer: scanned or image-only PDF"


def test_without_ocr_an_image_resume_needs_ocr(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr, "_installed", lambda: False)
    with pytest.raises(ReadError) as err:
        read_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, label="cv.png")
    assert err.value.status == "needs_ocr" and "ocr" in err.value.message


@needs_ocr_extra
def test_a_picture_without_text_stays_needs_ocr() -> None:
    with pytest.raises(ReadError) as err:
        read_document(FIXTURES / "image_only.pdf")
    assert err.value.status == "needs_ocr" and "OCR found no text" in err.value.message


def _small_photo() -> bytes:
    """The top of a resume as a small photo: enough text to judge, quick to recognise."""
    import io

    from tests.read.scans import render

    top = render((SAMPLES / EN).read_bytes(), 100)[0].crop((0, 0, 827, 160))
    buf = io.BytesIO()
    top.save(buf, "PNG")
    return buf.getvalue()


@needs_ocr_extra
def test_the_same_photo_reads_the_same() -> None:
    photo = _small_photo()
    first = read_bytes(photo, label="photo.png")
    assert first.text.startswith("Megan Alvarez")
    assert read_bytes(photo, label="photo.png") == first


@needs_ocr_extra
def test_low_confidence_stays_needs_ocr(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr, "MIN_CONFIDENCE", 0.999)
    with pytest.raises(ReadError) as err:
        read_bytes(_small_photo(), label="photo.png")
    assert err.value.status == "needs_ocr" and "under 1.00" in err.value.message


@needs_ocr_extra
def test_the_page_cap_gives_a_row_not_a_stall(
    en_scan: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ocr, "MAX_PAGES", 0)
    with pytest.raises(ReadError) as err:
        read_bytes(en_scan, label="scan.pdf")
    assert err.value.status == "needs_ocr" and "cap" in err.value.message


@needs_ocr_extra
def test_an_ocr_layer_line_the_picture_does_not_show_stays_hidden() -> None:
    doc = read_document(FIXTURES / "ocr_layer_extra.pdf")
    assert "Dana Whitfield" in doc.text and "MIG welding" in doc.text
    assert "Kubernetes" not in doc.text
    assert "hidden_text: 45 characters dropped" in doc.warnings
    # Without OCR the layer is taken as it is (nothing to compare it with).
    assert "Kubernetes" in read_document(FIXTURES / "ocr_layer_extra.pdf", ocr=False).text


def test_cli_ocr_off_keeps_the_needs_ocr_row(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from matcher.cli import app

    scan = tmp_path / "scan.pdf"
    scan.write_bytes((FIXTURES / "image_only.pdf").read_bytes())
    rubric = str(ROOT / "rubrics" / f"{EN_JOB}.toml")
    runner = CliRunner()
    args = ["score", str(scan), "--rubric", rubric, "--no-cache", "-o", "-", "--jobs", "1"]
    result = runner.invoke(app, [*args, "--ocr", "off"])
    assert result.exit_code == 1 and "needs_ocr" in result.stdout
    assert "no text layer: scanned or image-only PDF" in result.stdout
    assert runner.invoke(app, [*args, "--ocr", "maybe"]).exit_code == 2
