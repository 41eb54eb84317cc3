"""Errors: the row statuses, declared once, are the ones the README lists and the readers raise."""

from __future__ import annotations

import re
from typing import get_args

from matcher.errors import MatcherError, ReadError, ReadStatus, RowStatus, TuneError
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
