"""Tests for matcher.read.device and matcher.read.interp: text a person cannot see is dropped,
in every form issue 14 found, and text a person can see stays.

The files come from ``tests/fixtures/make_attacks.py``: a chef's resume with a product
manager's terms hidden one way each, and honest controls. Before this reader each hidden form
won a product manager's job (score 100, rank 1) without a warning.
"""

from __future__ import annotations

import pytest

from matcher.read.reader import read_bytes
from tests.fixtures import make_attacks

# The reason each form is counted under in the hidden_text warning.
REASON = {
    "hidden_covered_white_rectangle.pdf": "covered",
    "hidden_covered_black_box.pdf": "covered",
    "hidden_covered_picture.pdf": "covered",
    "hidden_clipped_out.pdf": "clipped out",
    "hidden_outside_cropbox.pdf": "off the page",
    "hidden_invisible_over_blank_pixel.pdf": "invisible",
    "hidden_white_on_white_picture.pdf": "same colour as the background",
    "hidden_same_grey_as_picture.pdf": "same colour as the background",
    "hidden_squashed_1_tz.pdf": "squashed",
    "hidden_squashed_flat.pdf": "squashed",
    "hidden_optional_content_off.pdf": "optional content off",
    "hidden_white_indexed.pdf": "same colour as the background",
    "hidden_white_separation.pdf": "same colour as the background",
    "hidden_white_lab.pdf": "same colour as the background",
    "hidden_transparent.pdf": "transparent",
}
PAYLOAD_CHARS = sum(1 for line in make_attacks.PAYLOAD for c in line if not c.isspace())


def test_every_hidden_form_has_a_reason() -> None:
    assert set(REASON) == set(make_attacks.HIDDEN)


@pytest.mark.parametrize("name", list(make_attacks.HIDDEN))
def test_hidden_terms_are_dropped_with_a_warning_and_the_resume_stays(name: str) -> None:
    doc = read_bytes(make_attacks.HIDDEN[name](), label=name)
    assert "product planning" not in doc.text and "Product Manager" not in doc.text
    assert "Chef de Cuisine  May 2019 - Present" in doc.text
    assert doc.warnings == (
        f"hidden_text: {PAYLOAD_CHARS} characters dropped ({REASON[name]} {PAYLOAD_CHARS})",
    )


@pytest.mark.parametrize("name", list(make_attacks.HONEST))
def test_what_a_person_can_see_stays(name: str) -> None:
    """An OCR layer over a scan, white on a dark picture, a struck-through line, a highlighter."""
    doc = read_bytes(make_attacks.HONEST[name](), label=name)
    assert "Chef de Cuisine  May 2019 - Present" in doc.text
    assert "Write four seasonal menus a year and manage supplier ordering." in doc.text
    assert doc.warnings == ()


def test_a_later_shape_covers_only_what_it_contains() -> None:
    """A rule through a line (strike-through) or under it is no cover; a box over it is."""
    chef = make_attacks.chef()
    # "- Write four seasonal menus..." stands on the baseline at y = 628.
    rule = make_attacks.page(chef + b"0 g 50 631 300 1 re f\n")
    box = make_attacks.page(chef + b"0 g 45 622 400 16 re f\n")
    assert "Write four seasonal menus" in read_bytes(rule, label="r.pdf").text
    covered = read_bytes(box, label="b.pdf")
    assert "Write four seasonal menus" not in covered.text
    line = "- Write four seasonal menus a year and manage supplier ordering."
    n = sum(1 for c in line if not c.isspace())
    assert covered.warnings == (f"hidden_text: {n} characters dropped (covered {n})",)


def test_a_form_is_clipped_to_its_bbox() -> None:
    def setup(pdf: make_attacks.Pdf) -> bytes:
        form = pdf.stream(
            b"BT /F1 10 Tf 5 5 Td (Inside) Tj ET BT /F1 10 Tf 300 5 Td (Outside) Tj ET",
            b" /Type /XObject /Subtype /Form /BBox [0 0 100 20] "
            b"/Resources << /Font << /F1 1 0 R >> >>",
        )
        return b"/XObject << /Fm1 %d 0 R >>" % form

    data = make_attacks.page(make_attacks.chef() + b"q 1 0 0 1 50 200 cm /Fm1 Do Q\n", setup=setup)
    doc = read_bytes(data, label="form.pdf")
    assert "Inside" in doc.text and "Outside" not in doc.text
    assert doc.warnings == ("hidden_text: 7 characters dropped (clipped out 7)",)


def test_optional_content_on_is_read() -> None:
    ocg: list[int] = []

    def setup(pdf: make_attacks.Pdf) -> bytes:
        ocg.append(pdf.add(b"<< /Type /OCG /Name (Visible layer) >>"))
        return b"/Properties << /oc1 %d 0 R >>" % ocg[0]

    def catalog(pdf: make_attacks.Pdf) -> bytes:
        return b"/OCProperties << /OCGs [%d 0 R] /D << /ON [%d 0 R] >> >>" % (ocg[0], ocg[0])

    content = make_attacks.chef() + b"/OC /oc1 BDC BT /F1 10 Tf 50 200 Td (Layered) Tj ET EMC\n"
    doc = read_bytes(make_attacks.page(content, setup=setup, catalog_extra=catalog), label="x")
    assert "Layered" in doc.text and doc.warnings == ()
