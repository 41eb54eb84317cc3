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
(63.7, True)
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from matcher._version import __version__
from matcher.errors import MatcherError, PostingError, ReadError, RubricError, TuneError

if TYPE_CHECKING:
    import polars as pl

    from matcher.ranking import Failure
    from matcher.read.document import Document
    from matcher.resume.understand import Resume
    from matcher.rubric.model import Criterion, Rubric
    from matcher.scoring.credit import Evidence
    from matcher.scoring.score import ScoreCard
    from matcher.tune.round import TuneResult

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
    "TuneError",
    "TuneResult",
    "__version__",
    "compile_posting",
    "load_rubric",
    "rank",
    "read_resume",
    "save_rubric",
    "score",
    "tune_rubric",
]


def compile_posting(text: str, *, stem: str = "job") -> list[Rubric]:
    """Compile posting text (one or several postings) into rubrics.

    Args:
        text: the posting text, English or Chinese.
        stem: the ``job_id`` for a single posting; several get ``stem-1``, ``stem-2``...

    Raises:
        PostingError: when no posting in the text has anything to score.
    """
    from matcher.compiler.criteria import compile_text

    return compile_text(text, stem=stem)


def load_rubric(path: str | Path) -> Rubric:
    """Load and validate a rubric TOML file (raises ``RubricError`` listing every problem)."""
    from matcher.rubric.io import load_rubric as _load

    return _load(path)


def save_rubric(rubric: Rubric, path: str | Path) -> Path:
    """Write a rubric as TOML; ``load_rubric(save_rubric(r, p)) == r``."""
    from matcher.rubric.io import save_rubric as _save

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
    from matcher.read.document import read_text
    from matcher.read.reader import read_document
    from matcher.resume.understand import understand

    if text and isinstance(source, str):
        doc = read_text(source, name=name or "<text>")
    else:
        doc = read_document(source, name=name)
    return understand(doc, as_of)


def score(resume: Resume, rubric: Rubric) -> ScoreCard:
    """Score one resume against one rubric; the card carries evidence for every criterion."""
    from matcher.scoring.score import score as _score

    return _score(resume, rubric)


def rank(cards: list[ScoreCard], failures: list[Failure] | None = None) -> pl.DataFrame:
    """Rank score cards (and failure rows) into the ranking DataFrame, one row per resume and job."""
    from matcher.ranking import rank as _rank

    return _rank(cards, failures or ())


def tune_rubric(
    evidence: pl.DataFrame,
    rubric: Rubric,
    labels: str | Path | pl.DataFrame,
    *,
    k: int = 5,
    groups: str | Path | pl.DataFrame | None = None,
    threshold: float | None = None,
    as_of: date | None = None,
) -> TuneResult:
    """Tune a rubric's weights to recruiter decisions, measured on held-out folds.

    Named ``tune_rubric`` because ``matcher.tune`` is the tuning package: importing it (as the
    CLI does) would rebind a ``matcher.tune`` function to the package.

    Args:
        evidence: the evidence frame of a run scored with ``rubric`` (``ranking.evidence_table``
            of its cards).
        rubric: the rubric to tune; only weights change, never which criteria are required.
        labels: a labels CSV ``resume,job_id,label`` (path) or that table as a DataFrame.
        k: the cut-off of NDCG@k, precision@k and of the impact ratios.
        groups: a groups CSV ``resume,group`` (path) or DataFrame, for the four-fifths guardrail.
        threshold: select by score (eligible and score >= threshold) instead of the top k.
        as_of: the tuning date recorded in the tuned rubric (default: today).

    Returns:
        a ``TuneResult``: ``.rubric`` carries the new weights and its ``[tuning]`` provenance,
        ``.before``/``.after`` the held-out metrics, ``.changes`` why each weight moved.

    Raises:
        TuneError: labels or groups that cannot be read or used, or evidence of another rubric.

    >>> import matcher, polars as pl
    >>> from matcher.ranking import evidence_table
    >>> rubric = matcher.compile_posting("Requirements: SQL, Excel; Axure is a plus", stem="bi")[0]
    >>> texts = {"a": "SQL and Excel", "b": "Excel", "c": "SQL, Excel and Axure", "d": "Word"}
    >>> cards = [matcher.score(matcher.read_resume(t, text=True, name=n, as_of=date(2026, 1, 1)),
    ...     rubric) for n, t in texts.items()]
    >>> labels = pl.DataFrame({"resume": list(texts), "job_id": ["bi"] * 4,
    ...     "label": ["yes", "no", "yes", "no"]})
    >>> result = matcher.tune_rubric(evidence_table(cards), rubric, labels, k=2)
    >>> result.n_labels, result.n_good, result.too_few
    (4, 2, True)
    """
    from matcher.tune.labels import read_groups, read_labels
    from matcher.tune.round import tune as _tune

    # Paths are read here; tables go through as they are (no polars import for the check).
    table = read_labels(labels) if isinstance(labels, str | Path) else labels
    who = read_groups(groups) if isinstance(groups, str | Path) else groups
    return _tune(evidence, rubric, table, k=k, groups=who, threshold=threshold, as_of=as_of)


def __getattr__(name: str) -> object:
    """Types are importable from ``matcher`` without importing every step up front."""
    homes = {
        "Criterion": "rubric.model",
        "Rubric": "rubric.model",
        "Document": "read.document",
        "Resume": "resume.understand",
        "ScoreCard": "scoring.score",
        "Evidence": "scoring.score",
        "TuneResult": "tune.round",
    }
    if name in homes:
        import importlib

        return getattr(importlib.import_module(f"matcher.{homes[name]}"), name)
    raise AttributeError(f"module 'matcher' has no attribute {name!r}")
