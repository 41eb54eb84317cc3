"""Tests for matcher.compiler.clauses: items cut into clauses, and the cue of each.

How cues weigh criteria is tested in test_criteria.py."""

from __future__ import annotations

from dataclasses import replace

from matcher.compiler.clauses import clause_cues, clauses, cue_of
from matcher.vocab.lexicon import Cue, default_lexicon


def test_clauses_keep_their_marks_and_drop_blanks() -> None:
    assert clauses("SQL, Excel; Axure。 ") == ["SQL,", " Excel;", " Axure。"]
    assert clauses("") == []


def test_cue_words_match_whole_latin_words() -> None:
    lex = default_lexicon()
    assert cue_of("must know SQL", lex) is not None
    assert cue_of("mustard and SQL", lex) is None


def test_the_first_cue_group_in_lexicon_order_decides() -> None:
    lex = default_lexicon()
    urgent = Cue("urgent", ("must",), 2.0, True)
    custom = replace(lex, cues=(urgent, *lex.cues))
    assert cue_of("Must know SQL", custom) == urgent


def test_a_cue_reaches_along_a_list_but_not_past_a_semicolon() -> None:
    lex = default_lexicon()
    names = [c and c.name for c in clause_cues(clauses("Must know SQL, Excel; Visio"), lex)]
    assert names == ["required", "required", None]


def test_a_sentence_ends_a_clause_but_an_abbreviation_does_not() -> None:
    assert clauses("BLS required within 30 days. ACLS preferred.") == [
        "BLS required within 30 days.",
        " ACLS preferred.",
    ]
    assert clauses("B.S. Degree required, e.g. Python") == ["B.S. Degree required,", " e.g. Python"]
