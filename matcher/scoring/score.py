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

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache

from matcher._version import ENGINE_VERSION
from matcher.resume.understand import Resume
from matcher.rubric.model import Rubric
from matcher.scoring.credit import (
    EVIDENCE_OF,
    Evidence,
    FuzzyScan,
    PreparedCriterion,
    missed,
    prepare,
    term_evidence,
)
from matcher.scoring.matching import Scan

# Keyword stuffing: the share of the resume's non-space characters that only stuffing puts there:
# a job term said again in the same place (one role's block, or outside the roles) on a line
# that is not a sentence (a bare list of terms). A genuine resume names a skill once in its
# skills list and uses it in sentences and roles; none of that counts, so a concise resume,
# whose job terms may cover a third of its text, is no longer taken for a stuffed one (issue
# 15). bench/bench_stuffing.py:
# 230 real resumes against their trade's posting median 0.3%, max 3.4% (the old measure:
# 2.4%, max 13%); four concise genuine resumes 0-3.6% (old: 19-39%, two warned); four stuffed
# ones 17-43%.
STUFFING_DENSITY = 0.10
STUFFING_MIN_HITS = 8  # fewer repeats than this is a habit of writing, not stuffing
# Words that make a line a sentence: a bare list of terms has at most one of them ("and").
# fmt: off
_FUNCTION_WORDS = frozenset((
    "a", "an", "and", "are", "as", "at", "by", "for", "from", "has", "have", "in", "into", "is",
    "of", "on", "or", "our", "that", "the", "their", "to", "was", "were", "which", "while", "who",
    "with",
))
# fmt: on
_ZH_PARTICLES = frozenset("的了和与及在对为并将把被是")
_WORDS = re.compile(r"[a-z]+")


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
    total = sum(c.weight for c in rubric.criteria)
    crits = [
        replace(
            c,
            support=frozenset(
                t for o in crits if o is not c and o.criterion.kind != "education" for t in o.terms
            )
            - set(c.terms),
        )
        for c in crits
    ]
    # A term criterion's miss is the same row for every resume: made once here.
    crits = [
        replace(c, miss=missed(c, total)) if EVIDENCE_OF[c.criterion.kind] is term_evidence else c
        for c in crits
    ]
    terms = frozenset(t for c in crits if c.criterion.kind != "education" for t in c.terms)
    return _Prepared(tuple(crits), total, rubric.fingerprint, terms)


def keyword_density(resume: Resume, rubric: Rubric) -> tuple[float, int]:
    """(share of non-space characters that keyword stuffing inflates, how many occurrences).

    An occurrence of a rubric term counts when stuffing would have put it there: its term was
    already said earlier in the same place (the same dated role's block, or the text outside
    every role) and its line is no sentence (fewer than two function words, no Chinese
    particle): a keyword block, a list that says the same terms again. First mentions,
    sentences and the same tools listed under two roles never count.
    ``score`` warns ``keyword_stuffing`` at ``STUFFING_DENSITY`` over ``STUFFING_MIN_HITS``.

    >>> from matcher.read.document import read_text
    >>> from matcher.resume.understand import understand
    >>> from matcher.compiler.criteria import compile_text
    >>> rubric = compile_text("Requirements: SQL, Excel", stem="analyst")[0]
    >>> def density(text):
    ...     d, n = keyword_density(understand(read_text(text), date(2026, 1, 1)), rubric)
    ...     return round(d, 2), n
    >>> density("SQL Excel " * 20), density("Skills: SQL, Excel")
    ((0.95, 38), (0.0, 0))
    """
    prep = _prepared(rubric)
    scan = Scan(resume, prep.terms)
    return _stuffing(scan, _Repeats.of(scan, prep.terms), prep.terms)


@dataclass(frozen=True, slots=True)
class _Repeats:
    """Each term's occurrences that say it again in the same place (``keyword_density``), and
    whether a line is a sentence: what stuffing is made of, found once per resume."""

    spans: dict[str, list[tuple[int, int]]]  # term -> its repeats, in text order
    sentence: dict[tuple[int, int], bool]  # (line start, line end) -> is it a sentence

    @staticmethod
    def of(scan: Scan, terms: frozenset[str]) -> _Repeats:
        """The repeats of every term of ``terms`` in ``scan``. A repeat is one of the term's
        own occurrences after its first in the same place (one role's block, or outside the
        roles), so it does not depend on which other terms a rubric has."""
        blocks = sorted((r.start, r.end) for r in scan.resume.roles)
        starts = [b[0] for b in blocks]
        spans: dict[str, list[tuple[int, int]]] = {}
        for t in scan.hits.keys() | scan.morph.keys():
            if t not in terms:
                continue
            # Inflected forms count as the term: "invoices, invoicing" stuff "invoice" as well.
            seen: set[int] = set()
            for s, e in sorted((*scan.hits.get(t, ()), *scan.morph.get(t, ()))):
                # Where a repeat counts: within one role's block (a keyword block read as the
                # tail of the last role), or anywhere outside the roles. The same tools listed
                # under two roles are two mentions, not a repeat.
                i = bisect.bisect_right(starts, s) - 1
                region = i if i >= 0 and s < blocks[i][1] else -1
                if region in seen:
                    spans.setdefault(t, []).append((s, e))
                seen.add(region)
        return _Repeats(spans, {})

    def is_sentence(self, folded: str, start: int, end: int) -> bool:
        """Whether the line ``folded[start:end]`` is a sentence (memoised)."""
        got = self.sentence.get((start, end))
        if got is None:
            line = folded[start:end]
            words = sum(w in _FUNCTION_WORDS for w in _WORDS.findall(line))
            got = self.sentence[start, end] = words >= 2 or any(c in _ZH_PARTICLES for c in line)
        return got


def _stuffing(scan: Scan, repeats: _Repeats, terms: frozenset[str]) -> tuple[float, int]:
    """``keyword_density`` on a scan already made (``score_many`` shares one for all rubrics)."""
    folded = scan.resume.folded
    found = sorted((s, e, t) for t in terms for s, e in repeats.spans.get(t, ()))
    sentence: dict[int, bool] = {}  # line start -> whether that line is a sentence
    spans = []
    for s, e, _ in found:
        start = folded.rfind("\n", 0, s) + 1
        if start not in sentence:
            end = folded.find("\n", e)
            sentence[start] = repeats.is_sentence(folded, start, len(folded) if end < 0 else end)
        if not sentence[start]:
            spans.append((s, e))
    covered, reach = 0, -1
    for s, e in spans:
        if e > reach:
            covered += e - max(s, reach)
            reach = e
    return (covered / scan.nonspace if scan.nonspace else 0.0), len(spans)


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
    terms = frozenset().union(*(p.terms for p in preps))
    scan = FuzzyScan(resume, terms)
    repeats = _Repeats.of(scan, terms)
    doc = resume.document
    out = []
    for rubric, prep in zip(rubrics, preps, strict=True):
        evidence = tuple(
            EVIDENCE_OF[pc.criterion.kind](pc, scan, prep.total) for pc in prep.criteria
        )
        missing = tuple(e.label for e in evidence if e.required and not e.met)
        warnings = list(doc.warnings)
        density, n = _stuffing(scan, repeats, prep.terms)
        if density >= STUFFING_DENSITY and n >= STUFFING_MIN_HITS:
            warnings.append(
                f"keyword_stuffing: {density:.0%} of the text is this job's keywords said again "
                f"outside any role or sentence ({n} repeats; genuine resumes stay under 5%)"
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
