"""Tests for matcher.matching: whole-term occurrences in one pass."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from matcher.matching import Scan, term_key
from matcher.read import read_text
from matcher.resume import understand
from matcher.text import find_term

AS_OF = date(2026, 11, 23)


TRICKY_TERMS = [
    "java",
    "javascript",
    "c",
    "c++",
    "c#",
    ".net",
    "node.js",
    "r",
    "go",
    "sql",
    "user research",
    "竞品分析",
    "a&b",
]
pieces = st.sampled_from(
    ["Java", "JavaScript", "C", "C++", "C#", "ASP.NET", ".NET", "Node.js", "R", "Go", "Google",
     "SQL", "MySQL", "user", "research", "竞品分析", "做", "A&B", "&", ",", ".", "/", "(", ")",
     " ", "  ", "\n", "\t", "_", "+", "#", "x"]
)  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(pieces, max_size=25).map("".join))
def test_one_pass_scanner_finds_what_find_term_finds(text: str) -> None:
    """The Aho-Corasick scan agrees with text.find_term, the one reference for whole terms."""
    doc = read_text("x\n" + text)
    scan = Scan(understand(doc, AS_OF), frozenset(term_key(t) for t in TRICKY_TERMS))
    for t in TRICKY_TERMS:
        want = {(s.start, s.end) for s in find_term(t, doc.text.lower(), doc.text)}
        got = set(scan.hits.get(term_key(t), ()))
        assert got == want, (t, text)  # no hyphens or plurals here: those differ on purpose
