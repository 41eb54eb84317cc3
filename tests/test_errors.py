"""Errors: the row statuses, declared once, are the ones the README lists and the readers raise."""

from __future__ import annotations

import re
from typing import get_args

import pytest

from matcher.errors import (
    MAX_MESSAGE,
    MatcherError,
    ReadError,
    ReadStatus,
    RowStatus,
    TuneError,
    safe_message,
)
from tests.conftest import ROOT


def test_the_readme_lists_every_row_status() -> None:
    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    listed = readme[readme.index("`status` is `ok`") : readme.index("with `message` in words")]
    named = re.findall(r"`([a-z_]+)`", listed)[1:]  # after `status` itself
    assert len(named) == len(set(named)) and set(named) == {"ok", *get_args(ReadStatus)}
    assert get_args(RowStatus) == ("ok", *get_args(ReadStatus))


def test_read_errors_default_to_unreadable_and_keep_a_given_status() -> None:
    assert ReadError("x").status == "unreadable"
    assert ReadError("x", status="needs_ocr").status == "needs_ocr"
    assert issubclass(TuneError, MatcherError)


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        (
            "damaged PDF: Invalid dictionary construct: [/Author, b'Jane Doe']",
            "damaged PDF: Invalid dictionary construct: [/Author, …]",
        ),
        ("unexpected KeyError: 'Jane Doe'", "unexpected KeyError: …"),
        ('bad value "Product Manager at Acme"', "bad value …"),
        ("cut <</Type /Catalog /Author (Jane Doe", "cut …"),
        ("two\nlines\x00and a NUL", "two lines and a NUL"),
        ("the company's PMO", "the company's PMO"),
    ],
)
def test_safe_messages_drop_quoted_content(message: str, expected: str) -> None:
    assert safe_message(message) == expected


def test_read_error_messages_are_bounded_where_they_are_made() -> None:
    e = ReadError("damaged PDF: " + "<< /Author (Jane Doe) >> " * 10_000, status="corrupt_pdf")
    assert len(e.message) <= MAX_MESSAGE and "Jane" not in e.message
