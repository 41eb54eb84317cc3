"""Helpers of the resume tests: a fixed as-of date, the shipped lexicon, a resume from text."""

from __future__ import annotations

from datetime import date

from matcher.read.document import read_text
from matcher.resume.understand import Resume, understand
from matcher.vocab.lexicon import default_lexicon

AS_OF = date(2026, 1, 1)
LEX = default_lexicon()


def month(y: int, m: int) -> int:
    return y * 12 + m - 1


def resume(text: str, as_of: date = AS_OF) -> Resume:
    return understand(read_text(text), as_of=as_of)
