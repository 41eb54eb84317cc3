"""Every regular expression run over resume text takes linear time, whatever the text.

A resume is untrusted input: one 200,000-character token (the text cap) of letters, digits or
CJK characters made the contacts e-mail pattern take minutes (issue 14). Each compiled pattern
of the modules that read resume text is run over such tokens here; a quadratic one would take
minutes, a linear one well under a second (``slow``: the full size; by default a tenth of it).
"""

from __future__ import annotations

import importlib
import re
import time
from datetime import date

import pytest

from bench.fuzz import time_limit
from matcher.read.document import MAX_CHARS, read_text
from matcher.resume.understand import understand

MODULES = [
    "matcher.text",
    "matcher.read.document",
    "matcher.resume.dates",
    "matcher.resume.sections",
    "matcher.resume.education",
    "matcher.resume.contacts",
    "matcher.resume.headers",
    "matcher.resume.roles",
    "matcher.resume.understand",
    # Scoring runs its own patterns over resume text and the titles it holds.
    "matcher.vocab.titles",
    "matcher.scoring.matching",
    "matcher.scoring.score",
]
# What one pattern may take over one 200,000-character token on a slow, shared machine.
BUDGET = 5.0
TOKENS = {
    "letters": "a",
    "capitals": "A",
    "digits": "1",
    "cjk": "中",
    "blanks": " \t",
    "mixed": "a1中.@-",
}


def patterns() -> dict[str, re.Pattern[str]]:
    found: dict[str, re.Pattern[str]] = {}
    for name in MODULES:
        for attr, value in vars(importlib.import_module(name)).items():
            if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
                found.setdefault(f"{name}.{attr}", value)
    return found


def slower_than(budget: float, token: str) -> dict[str, float]:
    """The patterns that take ``budget`` seconds or more to scan ``token``."""
    slow = {}
    for name, pattern in patterns().items():
        start = time.perf_counter()
        try:
            with time_limit(budget):
                for _ in pattern.finditer(token):
                    pass
        except TimeoutError:
            pass
        took = time.perf_counter() - start
        if took >= budget:
            slow[name] = round(took, 1)
    return slow


@pytest.mark.slow
@pytest.mark.parametrize("kind", list(TOKENS))
def test_every_pattern_is_linear_on_a_200k_token(kind: str) -> None:
    token = (TOKENS[kind] * MAX_CHARS)[:MAX_CHARS]
    assert not slower_than(BUDGET, token), f"patterns slower than linear on {kind}"


@pytest.mark.parametrize("kind", ["letters", "digits", "cjk", "blanks"])
def test_every_pattern_is_fast_on_a_20k_token(kind: str) -> None:
    """The quick version: a quadratic pattern takes seconds on 20,000 characters already."""
    token = (TOKENS[kind] * 20_000)[:20_000]
    assert not slower_than(BUDGET / 5, token), f"patterns slower than linear on {kind}"


def test_the_patterns_are_found() -> None:
    names = patterns()
    assert "matcher.resume.contacts._EMAIL" in names and len(names) > 20


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["letters", "digits", "cjk", "mixed"])
def test_understanding_a_200k_token_takes_seconds(kind: str) -> None:
    """Regression: one 200,000-character token took about 225 s in ``understand``."""
    token = (TOKENS[kind] * MAX_CHARS)[:MAX_CHARS]
    for text in (token, f"Jane Doe\nEDUCATION\nBachelor of Science {token}\nSKILLS: {token}"):
        doc = read_text(text)
        start = time.perf_counter()
        with time_limit(60):
            understand(doc, date(2026, 1, 1))
        assert time.perf_counter() - start < 30


@pytest.mark.parametrize(
    "text",
    [
        "a@a." * 5_000,  # every e-mail overlaps none: no pass over the earlier ones each
        "EDUCATION\n" + "本科" * 10_000,  # every degree word checked against the earlier ones
        "Manager" + " " * 50_000 + "Inc",
        "Skills" + "\t" * 50_000 + ": x",
    ],
)
def test_repeated_fields_cost_linear_time(text: str) -> None:
    start = time.perf_counter()
    with time_limit(60):
        understand(read_text(text), date(2026, 1, 1))
    assert time.perf_counter() - start < 10
