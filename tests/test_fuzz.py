"""A few seconds of bench/fuzz.py's campaign, its corpus's failure messages, and its findings.

The campaign itself runs for as long as it is given (``bench/fuzz.py --seconds 3600``); here
each target runs a fixed, derandomized handful of mutated inputs, so a failure here fails on
every machine. Findings of longer runs become regression tests at the end of this file.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from bench import fuzz
from matcher.cli import app
from matcher.errors import ReadError
from matcher.read.reader import read_bytes
from matcher.rubric.io import load_rubric

runner = CliRunner()


@pytest.mark.parametrize(("target", "examples"), [("reader", 12), ("compiler", 8), ("rubric", 30)])
def test_a_few_seconds_of_the_campaign_hold(target: str, examples: int) -> None:
    found: list[str] = []
    fuzz.fuzz_round(target, examples, None, lambda data, what: found.append(what))
    assert not found


@pytest.mark.parametrize("cut", [0.5, 0.9])
def test_the_failure_messages_of_the_corpus_quote_nothing(cut: float) -> None:
    """Every seed of the reader's corpus cut short (PDFs, DOCX, JSON, the attack set): its
    messages are bounded and never repeat the file (issue 14: raw dictionaries with /Author
    in every row). The whole seeds are read by the slow test below and the campaign."""
    messages = 0
    for seed in fuzz.corpus("resume"):
        data = seed[: int(len(seed) * cut)]
        try:
            doc = read_bytes(data, label="x", suffix="")
        except ReadError as e:
            fuzz.check_message(e.message, data)
            messages += 1
        else:
            for w in doc.warnings:
                fuzz.check_message(w, data)
    assert messages > 20


@pytest.mark.slow
def test_the_messages_of_the_whole_corpus_quote_nothing() -> None:
    for data in fuzz.corpus("resume"):
        try:
            doc = read_bytes(data, label="x", suffix="")
        except ReadError as e:
            fuzz.check_message(e.message, data)
        else:
            for w in doc.warnings:
                fuzz.check_message(w, data)


def test_the_oracle_sees_a_quoted_input() -> None:
    data = b"%PDF-1.4 << /Author (Jane Doe, Product Manager) >>"
    with pytest.raises(fuzz.Finding, match="quotes the input"):
        fuzz.check_message("damaged: /Author (Jane Doe, Product Manager)", data)
    with pytest.raises(fuzz.Finding, match="characters"):
        fuzz.check_message("x" * 301, b"")


# ---------------------------------------------------------------- findings (bench/README.md)


def test_finding_a_long_title_compiles_into_a_rubric_check_accepts(tmp_path: Path) -> None:
    """Fuzz finding compiler-16ecbf7f74c5 (an hour's campaign): a posting's title of 105
    characters gave a criterion id of 120, which the check (then bounding ids at 100)
    rejected. Ids are slugs of any length; what compile writes passes the check."""
    posting = tmp_path / "long.txt"
    posting.write_text(
        "Job responsibilities of product manager 1. Basic information\n\nTitle: Assistant Produ"
        + "c" * 90
        + "t Manager\n\nWork code: XXXXX\n\nRequirements:\n1. SQL and Excel\n"
        "2. Bachelor degree or above\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    assert runner.invoke(app, ["compile", str(posting), "-o", str(out)]).exit_code == 0
    (rubric,) = out.iterdir()
    assert len(load_rubric(rubric).criteria[0].id) > 100
    assert runner.invoke(app, ["check", str(rubric)]).exit_code == 0
