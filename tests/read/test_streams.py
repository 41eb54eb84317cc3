"""Tests for matcher.read.streams: stream filters undone with their output capped."""

from __future__ import annotations

import zlib

import pytest
from pdfminer.lzw import lzwdecode

from matcher.errors import ReadError
from matcher.read.streams import MAX_STREAM, inflate, lzw, runlength
from tests.fixtures import make_attacks


def test_inflate_caps_its_output_and_salvages_a_bad_checksum() -> None:
    with pytest.raises(ReadError, match="too large"):
        inflate(zlib.compress(b"\0" * (MAX_STREAM + 1)))
    good = zlib.compress(b"resume text" * 10)
    assert inflate(good[:-2] + b"\xff\xff") == b"resume text" * 10  # damage in the checksum
    assert inflate(b"\xff" * 50) == b""  # damage at the start: nothing, as pdfminer


def test_lzw_matches_pdfminer_on_valid_data() -> None:
    data = make_attacks.lzw_codes([65, 66, 258, 260, 67, *range(262, 600)])
    assert lzw(data) == lzwdecode(data)


def test_runlength() -> None:
    assert runlength(bytes([1, 65, 66, 255, 67, 128, 1, 2])) == b"ABCC"
