"""A few seconds of bench/fuzz.py's campaign, its corpus's failure messages, and its findings.

The campaign itself runs for as long as it is given (``bench/fuzz.py --seconds 3600``); here
each target runs a fixed, derandomized handful of mutated inputs, so a failure here fails on
every machine. Findings of longer runs become regression tests at the end of this file.
"""

from __future__ import annotations

import pytest

from bench import fuzz
from matcher.errors import ReadError
from matcher.read.reader import read_bytes


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
