"""Tests for matcher.scoring.matching: whole-term occurrences, where they stand, coverage, word windows."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from matcher.read.document import read_text
from matcher.resume.understand import understand
from matcher.scoring.matching import HEADLINE_CHARS, Scan, term_index, term_key
from matcher.text import find_term
from matcher.vocab.lexicon import Lexicon, Term

AS_OF = date(2026, 11, 23)


def scan_of(text: str, *terms: str, as_of: date = AS_OF) -> tuple[str, Scan]:
    doc = read_text(text)
    return doc.text, Scan(understand(doc, as_of), frozenset(map(term_key, terms)))


def found(text: str, term: str) -> list[str]:
    """The texts of the whole-term occurrences of ``term`` in ``text``."""
    shown, scan = scan_of(text, term)
    return [shown[s:e] for s, e in scan.hits.get(term_key(term), ())]


@pytest.mark.parametrize(
    ("term", "key"),
    [
        ("User-Research", "user research"),
        ("  user \n research ", "user research"),
        ("Ｓｑｌ", "sql"),
        ("C++", "c++"),
        ("竞品分析", "竞品分析"),
        ("-", ""),
    ],
)
def test_term_key_folds_and_joins_words_by_one_space(term: str, key: str) -> None:
    assert term_key(term) == key


BOUNDARY_CASES = [
    # (description, term, text, expected occurrences)
    ("java is not javascript", "Java", "JavaScript and Java", ["Java"]),
    ("c is not c++ or c#", "C", "C++, C#, C/C++", ["C"]),
    ("c++ whole", "C++", "C++17 or C++ or C+++", ["C++"]),
    ("r is not r&d", "R", "R&D in R", ["R"]),
    ("go is not go-to-market", "Go", "go-to-market in Go", ["Go"]),
    ("r is not r-squared", "R", "R-squared from R", ["R"]),
    ("hyphen glues only short terms", "SQL", "SQL-based", ["SQL"]),
    ("a plural is an inflection", "requirement document", "requirement documents", []),
    ("other spacing", "QuickBooks", "Quick Books and Quick-Books", ["Quick Books", "Quick-Books"]),
    ("ai-based is a compound", "AI", "AI-based tools, AI", ["AI"]),
    ("hyphen between words", "user research", "user-research", ["user-research"]),
    ("line break between words", "user research", "user\nresearch", ["user\nresearch"]),
    ("a run of gaps", "user research", "user -\n  research", ["user -\n  research"]),
    ("every repetition", "SQL", "SQL, SQL and SQL", ["SQL", "SQL", "SQL"]),
    ("chinese inside chinese", "竞品分析", "负责竞品分析和需求文档", ["竞品分析"]),
    (".net inside asp.net", ".NET", "ASP.NET", [".NET"]),
]


@pytest.mark.parametrize(
    ("term", "text", "expected"),
    [c[1:] for c in BOUNDARY_CASES],
    ids=[c[0] for c in BOUNDARY_CASES],
)
def test_whole_term_occurrences(term: str, text: str, expected: list[str]) -> None:
    assert found("x\n" + text, term) == expected


def test_offsets_map_back_after_collapsed_gaps() -> None:
    # Runs of several gap characters shift offsets in the collapsed text; spans must not.
    text = "x\nA  -  B   sql    user -\n\n research    SQL"
    shown, scan = scan_of(text, "sql", "user research")
    assert [shown[s:e] for s, e in scan.hits[term_key("sql")]] == ["sql", "SQL"]
    assert [shown[s:e] for s, e in scan.hits[term_key("user research")]] == ["user -\n\n research"]


def test_no_terms_finds_nothing() -> None:
    _, scan = scan_of("x\nSQL", *())
    assert scan.hits == {} and term_index(frozenset()) is term_index(frozenset())


def test_context_of_an_occurrence() -> None:
    text = (
        "SKILLS\nPython\nEXPERIENCE\nEngineer, Acme  2021 - Present\nBuilt Python services\n"
        "Engineer, Beta  2005 - 2012\nBuilt Python tools\n"
    )
    _, scan = scan_of(text, "python")
    contexts = [scan.context(s) for s, _ in scan.hits["python"]]
    assert contexts == ["listed", "recent_role", "old_role"]


def test_recency_is_relative_to_as_of() -> None:
    text = "EXPERIENCE\nEngineer, Acme  2010 - 2014\nBuilt Python services\n"
    for as_of, want in ((date(2016, 1, 1), "recent_role"), (date(2026, 1, 1), "old_role")):
        _, scan = scan_of(text, "python", as_of=as_of)
        assert [scan.context(s) for s, _ in scan.hits["python"]] == [want]


def test_a_current_role_on_an_old_resume_is_still_recent() -> None:
    """Its years end with the resume's latest year (``roles.STALE_YEARS``); what the candidate
    does in the role they call current stays their recent work (onet-style MAP fell 0.003
    when it read as an old role)."""
    text = "EXPERIENCE\nEngineer, Acme  2010 - Present\nBuilt Python services\n"
    _, scan = scan_of(text, "python", as_of=date(2026, 1, 1))
    assert scan.resume.years_experience == 1.0
    assert [scan.context(s) for s, _ in scan.hits["python"]] == ["recent_role"]


def test_title_context_headline_role_title_or_mentioned() -> None:
    text = (
        "Jane Roe\nBilling Clerk\nSUMMARY\nTen years in billing.\nEXPERIENCE\n"
        "Billing Clerk, St Mary  2019 - Present\nReported to the billing clerk lead.\n"
    )
    _, scan = scan_of(text, "billing clerk")
    got = [scan.title_context(s, e) for s, e in scan.hits["billing clerk"]]
    assert got == ["headline", "headline", "mentioned"]


def test_the_headline_ends_at_headline_chars() -> None:
    text = "Jane Roe " + "x " * HEADLINE_CHARS + "Billing Clerk\nSUMMARY\nText\n"
    _, scan = scan_of(text, "billing clerk")
    (hit,) = scan.hits["billing clerk"]
    assert scan.title_context(*hit) == "mentioned"


def test_a_tagline_or_long_contact_line_keeps_the_title_in_the_headline() -> None:
    # QA: a tagline under the name pushed "Data Analyst" past a 200-character window.
    tagline = "SQL | Python | Tableau | dashboards | stakeholder reporting | " * 4
    text = f"Jane Roe\n{tagline}\nlinkedin.com/in/jane-roe-123\nData Analyst\nSUMMARY\nText\n"
    _, scan = scan_of(text, "data analyst")
    (hit,) = scan.hits["data analyst"]
    assert scan.title_context(*hit) == "headline"


def test_without_sections_the_headline_is_short() -> None:
    text = "Jane Roe\nCashier\n" + "Served customers at the till. " * 10 + "I met a data analyst."
    _, scan = scan_of(text, "data analyst")
    (hit,) = scan.hits["data analyst"]
    assert scan.title_context(*hit) == "mentioned"


def test_coverage_counts_repetitions_and_overlaps_once() -> None:
    _, scan = scan_of("SQL Excel " * 20, "sql", "excel")
    assert scan.coverage(frozenset({"sql", "excel"})) == (1.0, 40)
    _, scan = scan_of("Skills: SQL, SQL Server", "sql", "sql server")
    share, n = scan.coverage(frozenset({"sql", "sql server"}))
    # Spans count whole, the space inside "SQL Server" included: (3 + 10) of 20 characters.
    assert n == 3 and share == pytest.approx(13 / len("Skills:SQL,SQLServer"))
    assert scan.coverage(frozenset()) == (0.0, 0)


def test_windows_are_whole_words_sorted_by_length() -> None:
    _, scan = scan_of("Ran competitive analysis on C++ and Node.js", "x")
    one = scan.windows(1)
    # Windows are made of the one tokenizer's words: "node.js" is "node" and "js".
    assert one.lens == sorted(one.lens) and "node" in one.texts and "c++" in one.texts
    two = scan.windows(2)
    assert "competitive analysis" in two.texts
    for text, i in zip(two.texts, two.first, strict=True):
        words = [scan.resume.folded[s:e] for s, e in scan.words[i : i + 2]]
        assert " ".join(words) == text
    assert scan.windows(2) is two


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
    """The resume scan agrees with text.find_term, the one reference for whole terms."""
    doc = read_text("x\n" + text)
    scan = Scan(understand(doc, AS_OF), frozenset(term_key(t) for t in TRICKY_TERMS))
    for t in TRICKY_TERMS:
        want = {(s.start, s.end) for s in find_term(t, doc.text.lower(), doc.text)}
        got = set(scan.hits.get(term_key(t), ()))
        assert got == want, (t, text)


@settings(max_examples=200, deadline=None)
@given(st.lists(pieces, max_size=25).map("".join))
def test_posting_and_resume_scans_agree(text: str) -> None:
    """The differential test of the one whole-term rule: on the same text, every term the
    posting-side scan (``Lexicon.scan``) finds, the resume-side scan (``Scan``) finds at the
    same place, and every exact resume-side hit is one the posting side found or lies inside
    one (the posting side keeps the longest of nested hits: "C++" in "ASP.NET C++" is kept,
    "c" inside "c++" never is)."""
    doc = read_text("x\n" + text)
    lex = Lexicon(tuple(Term(t, "skill", ()) for t in TRICKY_TERMS), (), (), (), ())
    posting = {(h.start, h.end, term_key(h.term.label)) for h in lex.scan(doc.text)}
    scan = Scan(understand(doc, AS_OF), frozenset(term_key(t) for t in TRICKY_TERMS))
    resume = {(s, e, t) for t, spans in scan.hits.items() for s, e in spans}
    assert posting <= resume, (text, posting - resume)
    for s, e, t in resume - posting:
        spacing_variant = term_key(doc.text[s:e]) != t
        inside = any(ps <= s and e <= pe and (ps, pe) != (s, e) for ps, pe, _ in posting)
        assert spacing_variant or inside, (text, doc.text[s:e], t)
