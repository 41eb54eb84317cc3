"""matcher: match resumes to jobs and explain why.

The public API, stable across minor versions. Data flows one way: a posting is compiled into a
``Rubric``; a resume is read into a ``Document`` and understood as a ``Resume``; ``score`` gives a
``ScoreCard`` with evidence; ``rank`` puts many cards into a polars DataFrame. No global state:
every function is safe to call from several threads.

>>> import matcher
>>> from datetime import date
>>> rubric = matcher.compile_posting("Requirements: SQL, Excel; Axure is a plus", stem="analyst")[0]
>>> resume = matcher.read_resume(b"Skills: SQL and Microsoft Excel", as_of=date(2026, 1, 1))
>>> card = matcher.score(resume, rubric)
>>> round(card.score, 1), card.eligible
(68.0, True)
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from matcher._version import __version__
from matcher.errors import MatcherError, PostingError, ReadError, RubricError

if TYPE_CHECKING:
    import polars as pl

    from matcher.ranking import Failure
    from matcher.read import Document
    from matcher.resume import Resume
    from matcher.rubric import Criterion, Rubric
    from matcher.scoring import Evidence, ScoreCard

__all__ = [
    "Criterion",
    "Document",
    "Evidence",
    "MatcherError",
    "PostingError",
    "ReadError",
    "Resume",
    "Rubric",
    "RubricError",
    "ScoreCard",
    "__version__",
    "compile_posting",
    "load_rubric",
    "rank",
    "read_resume",
    "save_rubric",
    "score",
]


def compile_posting(text: str, *, stem: str = "job") -> list[Rubric]:
    """Compile posting text (one or several postings) into rubrics.

    Args:
        text: the posting text, English or Chinese.
        stem: the ``job_id`` for a single posting; several get ``stem-1``, ``stem-2``...

    Raises:
        PostingError: when no posting in the text has anything to score.
    """
    from matcher.compiler import compile_text

    return compile_text(text, stem=stem)


def load_rubric(path: str | Path) -> Rubric:
    """Load and validate a rubric TOML file (raises ``RubricError`` listing every problem)."""
    from matcher.rubric import load_rubric as _load

    return _load(path)


def save_rubric(rubric: Rubric, path: str | Path) -> Path:
    """Write a rubric as TOML; ``load_rubric(save_rubric(r, p)) == r``."""
    from matcher.rubric import save_rubric as _save

    return _save(rubric, path)


def read_resume(
    source: str | Path | bytes,
    *,
    text: bool = False,
    name: str | None = None,
    as_of: date | None = None,
) -> Resume:
    """Read and understand a resume.

    Args:
        source: a path to a PDF or text file, the file's bytes, or (with ``text=True``) its text.
        text: treat a ``str`` source as the resume's text rather than a path.
        name: what to call the resume in results.
        as_of: the date open-ended roles end at (default: today).

    Raises:
        ReadError: its ``status`` says what is wrong (``needs_ocr``, ``encrypted``...).
    """
    from matcher.read import read_document, read_text
    from matcher.resume import understand

    if text and isinstance(source, str):
        doc = read_text(source, name=name or "<text>")
    else:
        doc = read_document(source, name=name)
    return understand(doc, as_of)


def score(resume: Resume, rubric: Rubric) -> ScoreCard:
    """Score one resume against one rubric; the card carries evidence for every criterion."""
    from matcher.scoring import score as _score

    return _score(resume, rubric)


def rank(cards: list[ScoreCard], failures: list[Failure] | None = None) -> pl.DataFrame:
    """Rank score cards (and failure rows) into the ranking DataFrame, one row per resume and job."""
    from matcher.ranking import rank as _rank

    return _rank(cards, failures or ())


def __getattr__(name: str) -> object:
    """Types are importable from ``matcher`` without importing every step up front."""
    homes = {
        "Criterion": "rubric",
        "Rubric": "rubric",
        "Document": "read",
        "Resume": "resume",
        "ScoreCard": "scoring",
        "Evidence": "scoring",
    }
    if name in homes:
        import importlib

        return getattr(importlib.import_module(f"matcher.{homes[name]}"), name)
    raise AttributeError(f"module 'matcher' has no attribute {name!r}")
