"""Score: a ``Resume`` against a ``Rubric`` gives a ``ScoreCard`` with evidence for every criterion.

Input is a ``Resume`` and one or more ``Rubric``; output is a ``ScoreCard`` per rubric: the
score (0 to 100, the weighted mean of per-criterion credits), eligibility (every required
criterion met), one ``Evidence`` per criterion, misses included, whose contributions add up to
the score, and warnings (``keyword_stuffing``). ``matching`` finds the occurrences of terms and
where they stand, ``credit`` says what each criterion earns (its docstring has the rules).

Speed: each rubric is prepared once (``_prepared``, cached by value, fingerprint included); one
``matching.Scan`` of a resume serves every rubric scored with it, fuzzy results included.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from matcher._version import ENGINE_VERSION
from matcher.resume.understand import Resume
from matcher.rubric.model import Rubric
from matcher.scoring.credit import EVIDENCE_OF, Evidence, FuzzyScan, PreparedCriterion, prepare
from matcher.scoring.matching import Scan

# Keyword stuffing: the share of the resume's non-space characters covered by occurrences of
# the rubric's terms (every repetition counted). 230 real resumes against a posting of their own
# trade: median 0.3%, p95 2.9%, max 7.4%; short synthetic samples reach 15% (bench/QUALITY.md).
# A pasted keyword block drives it far higher.
STUFFING_DENSITY = 0.25
STUFFING_MIN_HITS = 12  # a short text ("Skills: SQL") is dense but not stuffed


@dataclass(frozen=True, slots=True)
class ScoreCard:
    """One resume scored against one rubric, with everything that made the result."""

    resume: str
    resume_id: str
    job_id: str
    title: str
    score: float
    eligible: bool
    missing_required: tuple[str, ...]
    evidence: tuple[Evidence, ...]
    warnings: tuple[str, ...]
    rubric_fingerprint: str
    engine_version: str
    as_of: date


@dataclass(frozen=True, slots=True)
class _Prepared:
    criteria: tuple[PreparedCriterion, ...]
    total: float
    fingerprint: str
    terms: frozenset[str]


@lru_cache(maxsize=1024)
def _prepared(rubric: Rubric) -> _Prepared:
    """A rubric's criteria with their terms in matching form, once per rubric (cached by value)."""
    crits = [prepare(c) for c in rubric.criteria]
    terms = frozenset(t for c in crits if c.criterion.kind != "education" for t in c.terms)
    total = sum(c.weight for c in rubric.criteria)
    return _Prepared(tuple(crits), total, rubric.fingerprint, terms)


def keyword_density(resume: Resume, rubric: Rubric) -> tuple[float, int]:
    """(share of non-space characters covered by the rubric's terms, number of occurrences).

    Every occurrence counts here, repetitions included: this measures how a resume is written,
    not what it earns. ``score`` warns ``keyword_stuffing`` when the share is at least
    ``STUFFING_DENSITY`` over at least ``STUFFING_MIN_HITS`` occurrences.

    >>> from matcher.read.document import read_text
    >>> from matcher.resume.understand import understand
    >>> from matcher.compiler.criteria import compile_text
    >>> rubric = compile_text("Requirements: SQL, Excel", stem="analyst")[0]
    >>> d, n = keyword_density(understand(read_text("SQL Excel " * 20), date(2026, 1, 1)), rubric)
    >>> round(d, 2), n
    (1.0, 40)
    """
    prep = _prepared(rubric)
    return Scan(resume, prep.terms).coverage(prep.terms)


def score(resume: Resume, rubric: Rubric) -> ScoreCard:
    """Score one resume against one rubric.

    Args:
        resume: from ``understand``.
        rubric: from ``load_rubric`` or ``compile_text``.

    Returns:
        A ``ScoreCard``; ``sum(e.contribution for e in card.evidence) == card.score``.

    >>> from matcher.read.document import read_text
    >>> from matcher.resume.understand import understand
    >>> from matcher.compiler.criteria import compile_text
    >>> rubric = compile_text("Requirements: SQL, Excel", stem="analyst")[0]
    >>> card = score(understand(read_text("Skills: SQL"), as_of=date(2026, 1, 1)), rubric)
    >>> round(card.score, 1), [e.method for e in card.evidence]
    (56.1, ['exact', 'none'])
    """
    return score_many(resume, (rubric,))[0]


def score_many(resume: Resume, rubrics: Sequence[Rubric]) -> list[ScoreCard]:
    """Score one resume against several rubrics, with one pass over its text for all their terms.

    Returns the cards in the order of ``rubrics``; each equals what ``score`` gives alone.
    """
    preps = [_prepared(r) for r in rubrics]
    scan = FuzzyScan(resume, frozenset().union(*(p.terms for p in preps)))
    doc = resume.document
    out = []
    for rubric, prep in zip(rubrics, preps, strict=True):
        evidence = tuple(
            EVIDENCE_OF[pc.criterion.kind](pc, scan, prep.total) for pc in prep.criteria
        )
        missing = tuple(e.label for e in evidence if e.required and not e.met)
        warnings = list(doc.warnings)
        density, n = scan.coverage(prep.terms)
        if density >= STUFFING_DENSITY and n >= STUFFING_MIN_HITS:
            warnings.append(
                f"keyword_stuffing: {density:.0%} of the text is this job's keywords "
                f"({n} occurrences; real resumes stay under 8%)"
            )
        out.append(
            ScoreCard(
                resume=doc.source,
                resume_id=doc.sha256[:12],
                job_id=rubric.job_id,
                title=rubric.title,
                score=sum(e.contribution for e in evidence),
                eligible=not missing,
                missing_required=missing,
                evidence=evidence,
                warnings=tuple(warnings),
                rubric_fingerprint=prep.fingerprint,
                engine_version=ENGINE_VERSION,
                as_of=resume.as_of,
            )
        )
    return out
