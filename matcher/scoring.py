"""Scoring: a ``Resume`` against a ``Rubric`` gives a ``ScoreCard`` with evidence for every criterion.

Input is a ``Resume`` and a ``Rubric``; output is a ``ScoreCard``: the score (0 to 100, the
weighted mean of per-criterion credits), eligibility (every required criterion met), and one
``Evidence`` per criterion, misses included, whose contributions add up to the score. Matching
levels, strictest first, first wins: exact term, alias, fuzzy (rapidfuzz, lower credit).
rapidfuzz lives here and nowhere else.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from rapidfuzz import fuzz, process

from matcher._version import __version__
from matcher.resume import LEVEL_ORDER, Resume
from matcher.rubric import Criterion, Rubric
from matcher.text import Span, has_cjk, normalize_term, term_pattern

ENGINE_VERSION = __version__

# Credit per match level. An alias is the same skill written another way, so it counts nearly
# in full; a fuzzy hit may be a typo or a near miss, so it counts half.
CREDIT_EXACT = 1.0
CREDIT_ALIAS = 0.9
CREDIT_FUZZY = 0.5
FUZZY_THRESHOLD = 90.0  # rapidfuzz ratio, 0-100
FUZZY_MIN_LEN = 5  # shorter terms ("R", "Go", "SQL") are never matched fuzzily
CREDIT_ONE_LEVEL_BELOW = 0.5  # education one level under the minimum


@dataclass(frozen=True, slots=True)
class Evidence:
    """Why one criterion earned what it did: the match, where it stands, and the credit."""

    criterion_id: str
    label: str
    kind: str
    weight: float
    required: bool
    method: str  # exact, alias, fuzzy, level, years, none
    term: str  # the rubric term that matched ("" for a miss)
    text: str  # the resume text that matched, or what was found ("3.5 years")
    start: int  # span in Document.text; -1 when nothing matched
    end: int
    page: int  # 0 when nothing matched
    section: str
    similarity: float  # 0-100
    credit: float  # 0-1
    contribution: float  # points of the 0-100 score
    met: bool  # counts as satisfying a required criterion


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
class _Hit:
    method: str
    term: str
    span: Span
    similarity: float
    credit: float


_WORD = re.compile(r"[a-z0-9][a-z0-9+#.\-]*[a-z0-9+#]|[a-z0-9]")


@lru_cache(maxsize=256)
def _prepared(rubric: Rubric) -> tuple[tuple[Criterion, tuple[str, ...]], ...]:
    """Each criterion with its terms normalised once per rubric, not once per resume."""
    return tuple(
        (c, tuple(dict.fromkeys(normalize_term(t) for t in c.terms))) for c in rubric.criteria
    )


def _windows(resume: Resume, n: int) -> tuple[list[str], list[tuple[int, int]]]:
    """Every run of ``n`` Latin words in the resume, with its span (for fuzzy matching)."""
    words = [(m.start(), m.end()) for m in _WORD.finditer(resume.folded)]
    texts, spans = [], []
    for i in range(len(words) - n + 1):
        a, b = words[i][0], words[i + n - 1][1]
        texts.append(" ".join(resume.folded[s:e] for s, e in words[i : i + n]))
        spans.append((a, b))
    return texts, spans


def _best_term_hit(
    resume: Resume,
    terms: tuple[str, ...],
    windows: dict[int, tuple[list[str], list[tuple[int, int]]]],
) -> _Hit | None:
    text = resume.document.text
    for level, (method, credit) in enumerate((("exact", CREDIT_EXACT), ("alias", CREDIT_ALIAS))):
        group = terms[:1] if level == 0 else terms[1:]
        spans = []
        for t in group:
            m = term_pattern(t).search(resume.folded)
            if m:
                spans.append((m.start(), m.end(), t))
        if spans:
            s, e, t = min(spans)
            return _Hit(method, t, Span(s, e, text[s:e]), 100.0, credit)
    best: _Hit | None = None
    for t in terms:
        if len(t) < FUZZY_MIN_LEN or has_cjk(t) or not t.isascii():
            continue
        n = len(t.split())
        if n not in windows:
            windows[n] = _windows(resume, n)
        cands, places = windows[n]
        got = process.extractOne(t, cands, scorer=fuzz.ratio, score_cutoff=FUZZY_THRESHOLD)
        if got and (best is None or got[1] > best.similarity):
            s, e = places[got[2]]
            best = _Hit("fuzzy", t, Span(s, e, text[s:e]), float(got[1]), CREDIT_FUZZY)
    return best


def _evidence(
    c: Criterion,
    resume: Resume,
    terms: tuple[str, ...],
    total: float,
    windows: dict[int, tuple[list[str], list[tuple[int, int]]]],
) -> Evidence:
    def ev(
        method: str, term: str, text: str, span: Span | None, sim: float, credit: float, met: bool
    ) -> Evidence:
        start, end = (span.start, span.end) if span else (-1, -1)
        page = resume.document.page_of(start) if span else 0
        section = resume.section_at(start) if span else ""
        return Evidence(
            c.id,
            c.label,
            c.kind,
            c.weight,
            c.required,
            method,
            term,
            text,
            start,
            end,
            page,
            section,
            sim,
            credit,
            100.0 * c.weight * credit / total,
            met,
        )

    if c.kind == "education":
        fact = resume.education
        if fact is None:
            return ev("none", "", "no degree found", None, 0.0, 0.0, False)
        have, need = LEVEL_ORDER.index(fact.value), LEVEL_ORDER.index(c.min_level or "highschool")
        credit = 1.0 if have >= need else CREDIT_ONE_LEVEL_BELOW if have == need - 1 else 0.0
        return ev(
            "level",
            fact.value,
            fact.text,
            Span(fact.start, fact.end, fact.text),
            100.0,
            credit,
            have >= need,
        )
    if c.kind == "experience":
        need_y = c.min_years or 0.0
        have_y = resume.years_experience
        credit = 1.0 if need_y <= 0 else min(1.0, have_y / need_y)
        first = min(resume.roles, key=lambda r: r.start, default=None)
        span = Span(first.start, first.start + len(first.title), first.title) if first else None
        return ev(
            "years", f"{need_y:g} years", f"{have_y:g} years", span, 100.0, credit, have_y >= need_y
        )
    hit = _best_term_hit(resume, terms, windows)
    if hit is None:
        return ev("none", "", "", None, 0.0, 0.0, False)
    return ev(hit.method, hit.term, hit.span.text, hit.span, hit.similarity, hit.credit, True)


def score(resume: Resume, rubric: Rubric) -> ScoreCard:
    """Score one resume against one rubric.

    Args:
        resume: from ``understand``.
        rubric: from ``load_rubric`` or ``compile_text``.

    Returns:
        A ``ScoreCard``; ``sum(e.contribution for e in card.evidence) == card.score``.

    >>> from matcher.read import read_text
    >>> from matcher.resume import understand
    >>> from matcher.compiler import compile_text
    >>> rubric = compile_text("Requirements: SQL, Excel", stem="analyst")[0]
    >>> card = score(understand(read_text("Skills: SQL"), as_of=date(2026, 1, 1)), rubric)
    >>> round(card.score, 1), [e.method for e in card.evidence]
    (50.0, ['exact', 'none'])
    """
    return score_many(resume, (rubric,))[0]


def score_many(resume: Resume, rubrics: Sequence[Rubric]) -> list[ScoreCard]:
    """Score one resume against several rubrics, sharing the work on the resume's text."""
    windows: dict[int, tuple[list[str], list[tuple[int, int]]]] = {}
    doc = resume.document
    out = []
    for rubric in rubrics:
        total = sum(c.weight for c in rubric.criteria)
        evidence = tuple(
            _evidence(c, resume, terms, total, windows) for c, terms in _prepared(rubric)
        )
        missing = tuple(e.label for e in evidence if e.required and not e.met)
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
                warnings=doc.warnings,
                rubric_fingerprint=rubric.fingerprint,
                engine_version=ENGINE_VERSION,
                as_of=resume.as_of,
            )
        )
    return out
