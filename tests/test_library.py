"""The library's front door (``matcher/__init__.py``): what a user's script can pass and call.

Paths, bytes and open files are accepted alike; a string that is no file and no path says how
to pass text; a user's script type-checks with ``mypy --strict`` against the installed package.
"""

from __future__ import annotations

import io
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

import matcher
from matcher.ranking import evidence_table
from tests.conftest import RUBRICS, SAMPLES

AS_OF = date(2026, 11, 23)
PDF = SAMPLES / "en_data_analyst.pdf"
RUBRIC = RUBRICS / "000_1e07a38cda397245-1.toml"


def test_a_path_bytes_and_an_open_file_read_alike() -> None:
    by_path = matcher.read_resume(PDF, as_of=AS_OF)
    by_str = matcher.read_resume(str(PDF), as_of=AS_OF)
    by_bytes = matcher.read_resume(PDF.read_bytes(), as_of=AS_OF)
    with PDF.open("rb") as f:
        by_file = matcher.read_resume(f, as_of=AS_OF)
    texts = {r.document.text for r in (by_path, by_str, by_bytes, by_file)}
    assert len(texts) == 1
    assert by_file.document.source == PDF.name  # an open file is named by its file name
    text = matcher.read_resume(io.StringIO("Skills: SQL"), name="cv.txt", as_of=AS_OF)
    assert text.document.text == "Skills: SQL" and text.document.source == "cv.txt"


def test_a_plain_string_says_how_to_pass_text() -> None:
    with pytest.raises(matcher.ReadError, match=r"pass text=True") as err:
        matcher.read_resume("Jane Doe\nSkills: SQL, Excel")
    assert err.value.status == "not_found"
    with pytest.raises(matcher.ReadError, match="file not found"):
        matcher.read_resume("missing.pdf")  # a path that is not there is a missing file
    card = matcher.read_resume("Jane Doe\nSkills: SQL", text=True, as_of=AS_OF)
    assert "SQL" in card.document.text


def test_rubrics_load_from_a_path_bytes_or_an_open_file() -> None:
    by_path = matcher.load_rubric(RUBRIC)
    assert matcher.load_rubric(RUBRIC.read_bytes()) == by_path
    with RUBRIC.open("rb") as f:
        assert matcher.load_rubric(f) == by_path
    out = io.StringIO()
    matcher.save_rubric(by_path, out)
    assert matcher.load_rubric(io.StringIO(out.getvalue())) == by_path
    with pytest.raises(matcher.RubricError, match="UTF-8"):
        matcher.load_rubric(b"\xff\xfe")


def test_report_html_from_the_library() -> None:
    rubric = matcher.load_rubric(RUBRIC)
    card = matcher.score(matcher.read_resume(PDF, as_of=AS_OF), rubric)
    page = matcher.report_html(matcher.rank([card]), evidence_table([card]), [rubric])
    assert page.startswith("<!doctype html>") and PDF.name in page
    with pytest.raises(matcher.MatcherError, match="is it the evidence"):
        matcher.report_html(matcher.rank([card]), matcher.rank([card]))


USER_SCRIPT = """
from datetime import date
from pathlib import Path

import polars as pl

import matcher

rubrics: list[matcher.Rubric] = matcher.compile_posting("Requirements: SQL, Excel", stem="bi")
with open({pdf!r}, "rb") as f:
    resume: matcher.Resume = matcher.read_resume(f, as_of=date(2026, 11, 23))
card: matcher.ScoreCard = matcher.score(resume, rubrics[0])
points: float = sum(e.contribution for e in card.evidence)
table: pl.DataFrame = matcher.rank([card])
saved: Path = matcher.save_rubric(rubrics[0], "bi.toml")
again: matcher.Rubric = matcher.load_rubric(saved)
try:
    matcher.read_resume("not a path")
except matcher.ReadError as e:
    print(e.status, points, table.height, again.job_id)
"""


@pytest.mark.slow  # mypy reads polars' annotations whole: ~15-30 s
def test_a_users_script_passes_mypy_strict_and_runs(tmp_path: Path) -> None:
    """Against the installed package (py.typed, the editable install ``make`` creates), from a
    folder outside the project, as a user's own script would be."""
    script = tmp_path / "user.py"
    script.write_text(USER_SCRIPT.format(pdf=str(PDF)), encoding="utf-8")
    check = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "user.py"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert check.returncode == 0, check.stdout + check.stderr
    run = subprocess.run(
        [sys.executable, "user.py"], cwd=tmp_path, capture_output=True, text=True, timeout=120
    )
    assert run.returncode == 0 and run.stdout.startswith("not_found"), run.stderr
