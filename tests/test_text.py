"""Tests for matcher.text: one normaliser, boundary-aware term search."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from matcher.text import find_term, fold, normalize

CASES = [
    # description, term, text, expected hits
    ("java is not javascript", "java", "JavaScript developer", []),
    ("java as a word", "java", "Java, Python", ["Java"]),
    ("c is not c++", "c", "C++ and C#", []),
    ("c as a word", "c", "C, Go", ["C"]),
    ("c++ matches", "c++", "Skills: C++ and C#", ["C++"]),
    ("c# matches", "c#", "C#/.NET", ["C#"]),
    (".net matches", ".net", "ASP .NET Core", [".NET"]),
    ("node.js matches", "node.js", "Node.js, React", ["Node.js"]),
    ("go not in google", "go", "Google Ads", []),
    ("r not in r&d", "r", "R&D manager", []),
    ("multi-word with hyphen", "user research", "user-research lead", ["user-research"]),
    ("multi-word across line", "market research", "market\nresearch", ["market\nresearch"]),
    ("chinese inside chinese", "数据分析", "具备数据分析能力", ["数据分析"]),
    ("full-width folded", "sql", normalize("ＳＱＬ"), ["SQL"]),
    ("case folded", "PowerPoint", "POWERPOINT", ["POWERPOINT"]),
]


@pytest.mark.parametrize(("desc", "term", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_find_term(desc: str, term: str, text: str, expected: list[str]) -> None:
    assert [s.text for s in find_term(term, fold(text), text)] == expected


def test_normalize_folds_ligatures_dashes_and_quotes() -> None:
    assert normalize("ﬁnance – “PM”\r\n") == 'finance - "PM"\n'


@given(st.text())
def test_fold_keeps_length(text: str) -> None:
    assert len(fold(text)) == len(text)


@given(st.text())
def test_normalize_is_idempotent(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once


_WORDS = st.sampled_from(["high", "school", "diploma", "of", "arts", "b.a", "-", ",", "数", "据"])
_LINES = st.lists(st.lists(_WORDS, max_size=6).map(" ".join), min_size=1, max_size=8)


@given(_LINES, st.lists(st.tuples(st.integers(0, 7), st.integers(1, 4)), max_size=3))
def test_tokens_in_spans_find_what_every_token_finds_there(
    lines: list[str], picks: list[tuple[int, int]]
) -> None:
    """``tokens_in`` (the tokens of some spans and a few after) finds, through ``TermIndex``,
    every term that starts inside the spans, as tokenizing the whole text does."""
    from matcher.text import TermIndex, tokenize, tokens_in

    text = fold("\n".join(lines))
    starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"] + [len(text)]
    spans = [
        (starts[min(a, len(starts) - 1)], starts[min(a + n, len(starts) - 1)]) for a, n in picks
    ]
    idx = TermIndex(["high school diploma", "diploma", "of arts", "b.a", "数据", "school"])
    after = max(idx.longest.values()) - 1

    def inside(hits: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
        return [h for h in hits if any(a <= h[0] < b for a, b in spans)]

    fast = idx.find(text, tokens_in(text, spans, after))
    assert inside(fast) == inside(idx.find(text, tokenize(text)))
